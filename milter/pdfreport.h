/*
 * pdfreport: one document's check, told: the log lines, the store
 * records, and the findings as pdfnote.h reads them.  Shared by the
 * pipeline step (pdfcheck.c) and the background checks (pdfbg.c).
 *
 * Log lines (each starts with the queue id; nothing hidden or
 * identifying, not even masked):
 *
 *	QID: pdf check ECF 58-3 cand/035112812318#3 sha256=... status=checked
 *	 pages=5 bad-redaction=1 identifiers=1 ms=20 result=now
 *	QID: pdf finding ECF 58-3 page 4: bad-redaction cover
 *	QID: pdf finding ECF 58-3 page 2: identifier ssn
 *
 * result= is "now", "earlier" (an earlier check of the same content) or
 * "late" (a background check that ended after the notice went out); a
 * check that did not finish adds detail="why"; a filing by the firm
 * adds filed-by-firm="NAME".
 */
#ifndef NEF_PDFREPORT_H
#define NEF_PDFREPORT_H

#include <stddef.h>

#include "inspect.h"
#include "pdfcheck.h"
#include "pdfnote.h"
#include "store_finding.h"

/* A finding kind of the helper (cover.h) or of the rules (pii.h) as
 * pdfnote.h names it. */
int	 pdfreport_red_kind(int cover_kind);
int	 pdfreport_id_kind(int pii_kind);
/* The findings of a result, or of a stored check, as pdfnote findings:
 * a malloc'd array of *n (the caller frees).  0 or -1 (memory). */
int	 pdfreport_notes(const struct inspect_result *, struct pdfnote_finding **,
	    size_t *n);
int	 pdfreport_notes_stored(const struct store_finding *, size_t nf,
	    struct pdfnote_finding **, size_t *n);

/* The log lines of one document's check.  how: "now", "earlier",
 * "late". */
void	 pdfreport_log(const struct pdfctx *, const char *how, int status,
	    const char *detail, int pages, long ms,
	    const struct pdfnote_finding *, size_t n);
/* Record a fresh result in the store (the check, its findings, or why
 * it did not finish).  flags: STORE_FF_*.  Logs a failure. */
void	 pdfreport_store(struct store *, const struct pdfctx *,
	    const struct inspect_result *, unsigned flags);

#endif
