/*
 * pdfcheckout: what the disclosure check of a notice tells (pdfcheck.h
 * runs it).
 *
 * pdfcheckout_decide() counts the documents, chooses the actions and
 * writes the summary lines; pdfcheck_run() calls it once the checks are
 * in.  The rest of the pipeline then reads the outcome through
 * pdfcheckout_xnef() (the X-NEF counts), pdfcheckout_summary() (the
 * lines at the top of the notice, pdfnote.h), pdfcheckout_audit_items()
 * (tags 9-12 of the audit record) and, once the message is decided,
 * pdfcheckout_report() (one log line per document and per finding, the
 * store records, the alert, the hand-over of pending checks).  Nothing
 * hidden or identifying is ever logged or mailed: pages and kinds only.
 */
#ifndef NEF_PDFCHECKOUT_H
#define NEF_PDFCHECKOUT_H

struct pdfcheck;
struct store;
struct store_audit;
struct summary_head;
struct xnef;

/* Count the documents, choose the actions, write the summary lines.
 * 0 or -1 (memory). */
int	 pdfcheckout_decide(struct pdfcheck *);
/* The X-NEF counts; pc may be NULL (the check is off). */
void	 pdfcheckout_xnef(const struct pdfcheck *, struct xnef *);
/* The summary's lines about the notice (sh_about) gain the check's
 * lines, after those already there; and when the check restricted the
 * entry, why.  The array stays pc's (valid while pc is); pc may be
 * NULL. */
void	 pdfcheckout_summary(struct pdfcheck *, struct summary_head *);
/* Add the audit items (tags 9-12) to a record being built.  0 or -1. */
int	 pdfcheckout_audit_items(const struct pdfcheck *, struct store_audit *);
/*
 * After the message is decided: the log lines, the store records, the
 * alert; pending checks go to the background (their jobs and
 * descriptors leave pc).  store may be NULL.
 */
void	 pdfcheckout_report(struct pdfcheck *, struct store *);

#endif
