/*
 * xnef: the machine-readable X-NEF header nefmilter adds to every notice
 * it handles, e.g.
 *
 *   X-NEF: v=1; court=cand; case=4:22-cv-05541; entry=45; trust=verified;
 *    restricted=no; pdf=2; login=1; unavailable=0; error=0; too-large=0;
 *    refused=0; no-document=0; tombstoned=0; bad-redaction=0;
 *    identifiers=0; unchecked=0; action=attached
 *
 * Fields are "name=value" separated by "; ", always in this order; a
 * value is printable ASCII without blanks, ';' or '=' (anything else
 * becomes '_') and at most XNEF_VALUE_MAX bytes; an unknown value is "-".
 * error=REASON is added when the milter failed and passed the notice on.
 * bad-redaction, identifiers and unchecked count documents: those with
 * text under a cover or an unapplied redaction, those with a personal
 * identifier in full, those the disclosure check could not finish (or
 * had not finished when the notice went out); they are there when the
 * check is on (x_pdfcheck).
 */
#ifndef NEF_XNEF_H
#define NEF_XNEF_H

#include "strbuf.h"

#define XNEF_VALUE_MAX	64

enum xnef_count { XNEF_PDF, XNEF_LOGIN, XNEF_UNAVAILABLE, XNEF_ERROR,
	XNEF_TOO_LARGE, XNEF_REFUSED, XNEF_NO_DOCUMENT, XNEF_TOMBSTONED,
	XNEF_NCOUNTS };

struct xnef {
	const char	*x_court;
	const char	*x_case;
	const char	*x_entry;
	const char	*x_trust;	/* verified, unverified, forward */
	int		 x_restricted;
	unsigned	 x_count[XNEF_NCOUNTS];
	const char	*x_action;	/* attached, unchanged, held, ... */
	const char	*x_error;	/* NULL, or why the milter gave up */
	int		 x_pdfcheck;	/* the disclosure check is on */
	unsigned	 x_bad_redaction, x_identifiers, x_unchecked;
};

/* Append the header value (without "X-NEF: ") to out, folded with
 * "\n\t" every few fields so that no line passes 78 bytes. */
void	xnef_format(const struct xnef *, struct strbuf *out);
/* The name of a count ("pdf", "too-large"...). */
const char *xnef_count_name(enum xnef_count);

#endif
