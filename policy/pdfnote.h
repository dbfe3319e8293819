/*
 * pdfnote: the words the case team reads about the disclosure check.
 *
 * From what the check of each document found (its label, "ECF 58-3",
 * and per finding a page and a kind), pdfnote_lines() writes the lines
 * that open the notice's summary and fill the alert:
 *
 *	FILED BY THE FIRM (Smith & Jones LLP): ... move to seal at once.
 *	ECF 58-3, page 4: text under a black box can be read
 *	ECF 58-3, pages 2 and 7: a Social Security or taxpayer number is
 *	    shown in full (3 places)
 *	ECF 58-4: not checked for failed redactions and personal
 *	    identifiers (timeout: no answer within 60 s)
 *	ECF 58-5: still being checked; the result will follow in the audit
 *	Checked 3 documents for failed redactions and personal
 *	    identifiers: nothing found.
 *
 * The lines never hold the hidden or identifying text itself: only
 * documents, pages and kinds.  One line per document and kind; pages are
 * listed in order, without repeats, at most PDFNOTE_PAGES of them.
 *
 * Pure: writes into the caller's strbuf, one line per '\n'.
 */
#ifndef NEF_PDFNOTE_H
#define NEF_PDFNOTE_H

#include <stddef.h>

#include "strbuf.h"

#define PDFNOTE_PAGES	10	/* pages named in one line */

/* Kinds of findings, as the case team is told of them. */
enum pdfnote_kind {
	PDFNOTE_COVER,		/* text under a box or path */
	PDFNOTE_ANNOT,		/* under a filled annotation */
	PDFNOTE_HIGHLIGHT,	/* under a black highlight */
	PDFNOTE_IMAGE,		/* under a blacked-out part of an image */
	PDFNOTE_UNAPPLIED,	/* a Redact annotation never applied */
	PDFNOTE_SSN,
	PDFNOTE_BIRTH_DATE,
	PDFNOTE_ACCOUNT,
	PDFNOTE_NKINDS
};

enum pdfnote_status { PDFNOTE_CHECKED, PDFNOTE_NOT_CHECKED, PDFNOTE_PENDING };

struct pdfnote_finding {
	int	nf_page;	/* from 1 */
	int	nf_kind;	/* enum pdfnote_kind */
};

struct pdfnote_doc {
	const char			*nd_label;	/* "ECF 58-3" */
	int				 nd_status;	/* enum pdfnote_status */
	const char			*nd_detail;	/* why not checked */
	const struct pdfnote_finding	*nd_f;
	size_t				 nd_nf;
};

/*
 * The lines for docs[0..n).  firm: the name the firm filed under when
 * the filing is the firm's own (NULL otherwise): the first line says so
 * when anything was found.  alerting: the result of a pending check goes
 * to an alert too.
 */
void	 pdfnote_lines(const struct pdfnote_doc *docs, size_t n,
	    const char *firm, int alerting, struct strbuf *out);
/* What a kind means, as a clause: "text under a black box can be read". */
const char *pdfnote_kind_text(int kind);
/* A short name: "failed redaction (cover)", "ssn"... for log lines. */
const char *pdfnote_kind_name(int kind);
/* 1 when a kind is a failed redaction, 0 when an identifier. */
int	 pdfnote_is_redaction(int kind);
/*
 * Is one of names[0..n) in text[0..len)?  ASCII case is ignored, blanks
 * match any white space, and a name must stand as words (no letter or
 * digit right before or after it).  Returns its index, or -1.
 */
int	 pdfnote_name_in(const char *const *names, size_t n, const char *text,
	    size_t len);
/* Pages p[0..n) (any order, repeats) as "page 4", "pages 4 and 7",
 * "pages 2, 5 and 9", ... "and 3 more pages". */
void	 pdfnote_pages(const int *p, size_t n, struct strbuf *out);

#endif
