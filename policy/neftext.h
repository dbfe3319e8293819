/*
 * neftext: the string work of the notice parser, on plain byte ranges.
 *
 * neftext_fold() folds white space (U+00A0 included) into single blanks
 * and trims; with js set it also drops "#" and "*", as juriscraper writes
 * descriptions ("(Attachments: # (1) Exhibit A" -> "(Attachments: (1)
 * Exhibit A", "**TEXT ONLY** ORDER" -> "TEXT ONLY ORDER").  out holds at
 * least len + 1 bytes; a cut in the middle of a UTF-8 sequence at the
 * end is dropped.  Returns the length written.
 *
 * neftext_desc_html() appends to out the docket text found in the HTML
 * src[start, end) as juriscraper reads it: the text content with markup
 * removed and no separator for block elements; with direct set (a
 * bankruptcy NEF) only the text sitting directly in the paragraph, not
 * inside <i>, <b>, <font>... elements; the text stops at the paragraph's
 * end.  Everything up to the label "Docket Text:" is left out.
 *
 * neftext_transaction() reads "The following transaction was entered by X
 * on 8/10/2022 at 12:42 PM CDT and filed on 8/10/2022" and its variants
 * ("... received from X entered on ...", "... was filed on
 * 07/27/2022", a claim's "... received from X on 10/21/2022 at 11:11 AM
 * PDT", whose one date is the date filed as well).
 *
 * neftext_stamp() reads "[STAMP dcecfStamp_ID=1091133085 [Date=8/10/2022]
 * [FileNumber=11474013-0] [...]]" (blanks inside the file number, left by
 * line breaks, are ignored).
 *
 * neftext_name_commas() removes, in place, a comma with a blank on both
 * sides ("Frank Daniel Wood , Jr" -> "Frank Daniel Wood Jr": the court
 * wrapped the name before its suffix).
 *
 * neftext_drop_targets() removes, in place, every " <http://...>" or
 * " <https://...>" from folded docket text: a mail program's text of an
 * HTML link is its text then its target in angle brackets, and the
 * HTML form's docket text is the link's text alone.
 *
 * All are pure and thread-safe; none fails.
 */
#ifndef NEF_NEFTEXT_H
#define NEF_NEFTEXT_H

#include <stddef.h>

struct strbuf;

size_t	neftext_fold(const char *s, size_t len, int js, char *out);
void	neftext_desc_html(const char *src, size_t start, size_t end,
	    int direct, struct strbuf *out);

struct neftext_trans {
	char	t_filed[11];		/* YYYY-MM-DD or "" */
	char	t_entered[11];		/* YYYY-MM-DD or "" */
	size_t	t_time_off, t_time_len;	/* "12:42 PM CDT"; len 0: none */
	size_t	t_by_off, t_by_len;	/* "Drury, Scott"; len 0: none */
};

void	neftext_transaction(const char *s, size_t len,
	    struct neftext_trans *out);

struct neftext_stamp {
	size_t	st_id_off, st_id_len;	/* "dcecfStamp_ID=1091133085" */
	char	st_file_number[48];	/* "11474013-0", or "" */
	int	st_attno;		/* the number after '-', or -1 */
};

void	neftext_stamp(const char *s, size_t len, struct neftext_stamp *out);
void	neftext_name_commas(char *s);
void	neftext_drop_targets(char *s);

#endif
