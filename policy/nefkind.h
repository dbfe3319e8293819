/*
 * nefkind: is it a notice, and of which kind.
 *
 * nefkind_reject() tells why a message is not a notice, from its visible
 * text, subject and image flag: the phrases CM/ECF prints in claims
 * notices ("Notice of Electronic Claims Filing"), announcements ("This is
 * an announcement e-mail message"), modified-entry notices ("Modified Dkt
 * text from", "Modified Date Filed from", "Added Correct PDF to
 * document", a subject "Docket Entry #N has been updated") and Zoom
 * invitations ("Join ZoomGov Meeting"); then a missing marker ("Notice of
 * Electronic Filing" / "Notice of Docket Activity"); then an image part.
 * NEF_R_NONE means it may be a notice.  (cmecf.md section 3.6.)
 *
 * nefkind_detect() tells the kind of a parsed notice: ACMS when a link
 * goes to an ACMS host, or for an NDA from *.fedcourts.us or that names
 * participants who "will not receive this electronic notice" and has no
 * CurrentGen docket link; CurrentGen NDA for "Notice of Docket Activity";
 * bankruptcy when the notice says "Bankruptcy Court", "transaction was
 * received from", has a bkecf stamp or a bk/ap case type; else district.
 *
 * Both are pure and thread-safe.
 */
#ifndef NEF_NEFKIND_H
#define NEF_NEFKIND_H

#include "nef.h"

struct nefline_doc;

enum nef_reason nefkind_reject(const struct nefline_doc *,
	    const char *subject, int has_image);
enum nef_kind	nefkind_detect(const struct nefline_doc *, const struct nef *,
	    const char *from);

#endif
