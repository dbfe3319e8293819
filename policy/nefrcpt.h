/*
 * nefrcpt: one line of a notice's recipient list.
 *
 * The notice parser calls nefrcpt_line() for every unlabelled line under
 * a recipient heading ("Notice has been electronically mailed to:", ...).
 * Formats: "Name addr1, addr2" on one line (district HTML, the &nbsp;
 * runs folded), "Name, Role: addr" (CurrentGen NDA), "Name ; addr"
 * (ACMS), a name line followed by an address line (plain text, and
 * bankruptcy's personName spans); under a heading of people noticed by
 * other means, every line is kept as it is (names, postal addresses).
 *
 * struct nefrcpt carries what one line leaves for the next: the pending
 * name line and the heading being read.  Zero it, then set rc_section and
 * rc_heading_case at each heading.
 *
 * last is the last recipient read under the current heading, or NULL.
 * A line of addresses alone continues it when its address list ended
 * in a comma or a semicolon, or when the line starts with one (a court
 * that breaks one recipient's addresses over lines: "Name addr1,<br>
 * addr2,<br>addr3"): the addresses go to *last (r_addrs and r_printed,
 * cut at NEF_MAX_ADDRS).
 *
 * Returns 1 when *r was filled (strings in the arena), 0 when the line
 * was kept as a pending name or went to *last, -1 when memory ran
 * out.  *trunc gets
 * NEF_TRUNC_ADDRS when a line had more than NEF_MAX_ADDRS addresses, and
 * NEF_TRUNC_TEXT when a name was cut at NEF_FIELD_MAX bytes.
 */
#ifndef NEF_NEFRCPT_H
#define NEF_NEFRCPT_H

struct arena;
struct nef_recipient;
struct nefline;
struct nefline_doc;

struct nefrcpt {
	int		 rc_section;	/* index of the current heading */
	char		*rc_heading_case;/* docket printed in it, or NULL */
	const struct nefline *rc_name_line;	/* pending name, or NULL */
	int		 rc_open;	/* the last line's addresses ended in
					   a comma or a semicolon */
};

int	nefrcpt_line(struct nefrcpt *, const struct nefline_doc *,
	    const struct nefline *, int listed, struct arena *,
	    struct nef_recipient *last, struct nef_recipient *r,
	    unsigned *trunc);

#endif
