/*
 * nefkind: is it a notice, and of which kind.
 *
 * A message is a notice by its heading or by its structure.
 * nefkind_class() tells the heading: "Notice of Electronic Claims
 * Filing", "Notice of Electronic Filing", "Notice of Docket Activity",
 * "Notice of Bankruptcy Case Filing" (a new case), else none
 * (NEF_CLASS_STRUCTURE).  Once every line is read, nefkind_judge() says
 * whether it is a notice: one with a heading when a case was read; one
 * without (and any message with the phrases of court announcements and
 * Zoom invitations, "This is an announcement e-mail message", "Join
 * ZoomGov Meeting") only when it has a notice's structure: the
 * transaction line, a case number, and two of a document (a link, a
 * number, or the "Document Number:" label a text-only entry leaves
 * empty), docket text and the "electronically mailed to" list.  A
 * message with an image part is not a notice (court notices have none).
 * Otherwise the reason says what the message looked like (announcement,
 * Zoom, a claims or modified-entry notice without a case), or that it
 * had no heading or no case.  (cmecf.md section 3.6.)
 *
 * nefkind_detect() tells the kind of a parsed notice: ACMS when a link
 * goes to an ACMS host, or for an NDA from *.fedcourts.us or that names
 * participants who "will not receive this electronic notice" and has no
 * CurrentGen docket link; CurrentGen NDA for "Notice of Docket Activity";
 * bankruptcy when the notice says "Bankruptcy Court", "transaction was
 * received from", has a bkecf stamp or a bk/ap case type; else district.
 * (A claims notice is NEF_CLAIM whatever it says: the caller sets it.)
 *
 * All are pure and thread-safe.
 */
#ifndef NEF_NEFKIND_H
#define NEF_NEFKIND_H

#include "nef.h"

struct nefline_doc;

/* What the reader saw besides the fields of struct nef. */
struct nefkind_seen {
	int	ks_transaction;		/* the transaction line */
	int	ks_listed;		/* an "electronically mailed to" heading */
	int	ks_doc_label;		/* a "Document Number:" label, even
					   empty (a text-only entry) */
};

enum nef_class	nefkind_class(const struct nefline_doc *);
enum nef_reason nefkind_judge(const struct nefline_doc *, const struct nef *,
	    const struct nefkind_seen *, int has_image);
enum nef_kind	nefkind_detect(const struct nefline_doc *, const struct nef *,
	    const char *from);

#endif
