/*
 * pdfbg: disclosure checks that outlive their notice, and the alerts.
 *
 * A notice waits for its checks only within fetch_budget.  A check that
 * has not ended by then is handed here with its document's descriptor
 * (and its running helper, if it started): one worker thread waits for
 * it, bounded by the helper's own limits, starts the ones that had no
 * helper slot yet, and when a check ends records it as the notice's
 * would have been (log lines with result=late, the store, an audit
 * record of action "pdf-check" under the notice's queue id) and sends
 * the alert.  Alerts of notices that waited for their checks are sent
 * from here too, so that a slow sendmail(1) never keeps the MTA waiting.
 *
 * pdfbg_stop() (at shutdown) lets the running checks end (each within
 * pdf_timeout and its grace) and the alerts go, then stops the thread.
 */
#ifndef NEF_PDFBG_H
#define NEF_PDFBG_H

#include "inspect.h"
#include "pdfcheck.h"

struct cfg;
struct store;

/* The worker; store may be NULL.  0 or -1 (logged). */
int	 pdfbg_start(struct store *);
void	 pdfbg_stop(void);

/* 1 when a check of this content (sha256) runs or waits here. */
int	 pdfbg_checking(const char *sha256);

/*
 * Take over a pending check: job (may be NULL: not started yet), slot
 * (1 when job holds a helper slot), fd (the document, for a job to
 * start; -1 once started).  cfg is referenced until the check ends.
 * Returns 0, or -1 (the check is then given up, logged; job and fd are
 * still consumed).
 */
int	 pdfbg_adopt(struct cfg *, const struct pdfctx *,
	    const struct inspect_opts *, struct inspect_job *job, int slot,
	    int fd);

/* Send an alert from the worker (subject and body are taken over and
 * freed).  cfg is referenced until it is sent. */
int	 pdfbg_alert(struct cfg *, const char *qid, char *subject, char *body);

#endif
