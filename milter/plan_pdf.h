/*
 * plan_pdf: the disclosure check as steps of the pipeline (pdfcheck.h
 * does the work).
 *
 *	plan_pdf_start()	at start-up: the helper slots, the background
 *				worker; a missing helper is a warning (every
 *				document is then "not checked")
 *	plan_pdf_run()		after the documents, before the final
 *				decision: the check, within what is left of
 *				fetch_budget; with restrict, the entry becomes
 *				restricted
 *	plan_pdf_hold()		after the attachments: with hold, the check
 *				holds the message
 */
#ifndef NEF_PLAN_PDF_H
#define NEF_PLAN_PDF_H

struct cfg;
struct plan;
struct store;

int	 plan_pdf_start(const struct cfg *, struct store *);
/* At shutdown: the background checks end, the alerts go (pdfbg_stop()). */
void	 plan_pdf_stop(void);
/* 0, or -1 when memory runs out (p_why says so). */
int	 plan_pdf_run(struct plan *, struct store *);
void	 plan_pdf_hold(struct plan *);

#endif
