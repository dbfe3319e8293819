/*
 * pdfalert: the alert to the docketing or compliance desk (alert_to)
 * about a notice whose documents show what they should not.
 *
 * A short plain-text message, nothing attached, submitted through the
 * local sendmail(1) interface (mailout.h, sendmail_command, mail_from):
 * the court, the case, the entry, the notice's queue id, then the lines
 * of pdfnote.h (document, page, kind; never the hidden or identifying
 * text), and the nefctl command that lists the findings.  The subject
 * says "URGENT" and names the firm when the filing is the firm's own.
 * A late alert (a check that ended after the notice went out) says so.
 */
#ifndef NEF_PDFALERT_H
#define NEF_PDFALERT_H

#include "strbuf.h"

struct cfg;
struct pdfctx;

/*
 * Build the alert for the notice x (its court, case, entry, queue id,
 * firm) with the finding lines (pdfnote_lines()) into *subject and
 * *body (malloc'd, the caller frees).  0 or -1 (memory).
 */
int	 pdfalert_compose(const struct pdfctx *x, const char *lines, int late,
	    char **subject, char **body);
/* Send it to alert_to; 0, or -1 after logging why (with the queue id). */
int	 pdfalert_send(const struct cfg *, const char *qid, const char *subject,
	    const char *body);

#endif
