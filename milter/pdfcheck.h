/*
 * pdfcheck: the disclosure check of a notice's documents, as a step of
 * the pipeline.
 *
 * Once the documents are in hand (docs.h), pdfcheck_run() checks every
 * PDF among them with the sandboxed helper (inspect.h):
 *
 *   - a content (sha256) checked before, by an earlier copy of the
 *     notice, is not checked again: the stored check and its findings
 *     (store_finding.h) are used, and nobody is alerted twice;
 *   - a content whose check still runs in the background (pdfbg.h) is
 *     "pending" here too;
 *   - the rest run, at most pdf_parallel helpers in the whole milter,
 *     while the MTA is kept informed (progress.h).  The notice waits for
 *     them only within fetch_budget, counted from end of message: what
 *     has not ended by then is handed to the background, which records
 *     the result and alerts when it ends, and the notice goes out with
 *     "not checked yet".
 *
 * Then the results decide (pdfcheck_actions()): with redaction_action or
 * identifier_action = restrict the entry is restricted, with hold the
 * message is held.  A filing by the firm itself (firm_filer_names
 * matched in the notice's Filer lines or the "filed by" part of the
 * docket text) is said so.
 *
 * The rest of the pipeline reads the outcome through pdfcheckout.h (the
 * X-NEF counts, the summary lines, the audit items and, once the message
 * is decided, the report).  Nothing hidden or identifying is ever logged
 * or mailed: pages and kinds only.
 */
#ifndef NEF_PDFCHECK_H
#define NEF_PDFCHECK_H

#include <stddef.h>

#include "inspect.h"
#include "store_doc.h"
#include "store_finding.h"
#include "strbuf.h"

struct cfg;
struct nef;
struct docs_set;
struct store;
struct progress;

#define PDFCHECK_LABEL_MAX	47

/* Where a document comes from: what the log lines, the store records and
 * the alert name (copied strings: it outlives the message). */
struct pdfctx {
	char			 x_qid[64];
	char			 x_court[STORE_COURT_MAX + 1];
	char			 x_docket[STORE_DOCKET_MAX + 1];	/* key */
	char			 x_case[64];		/* as the notice shows it */
	char			 x_case_name[128];
	char			 x_entry_s[16];		/* "58", or "" */
	uint32_t		 x_entry;
	char			 x_label[PDFCHECK_LABEL_MAX + 1];	/* ECF 58-3 */
	struct store_doc	 x_doc;			/* key, att, sha, label */
	char			 x_firm[128];		/* filed by the firm, or "" */
};

enum pdfcheck_state {
	PDFCHECK_DONE,		/* checked now: pd_res */
	PDFCHECK_CACHED,	/* checked before: pd_check, pd_cached */
	PDFCHECK_PENDING,	/* still running, or waiting to run */
	PDFCHECK_SKIPPED	/* the same content as an earlier document */
};

struct pdfcheck_doc {
	size_t			 pd_item;	/* index in the docs set */
	struct pdfctx		 pd_ctx;
	int			 pd_state;	/* enum pdfcheck_state */
	struct inspect_result	*pd_res;	/* PDFCHECK_DONE */
	struct store_check	 pd_check;	/* PDFCHECK_CACHED */
	struct store_finding	*pd_cached;
	size_t			 pd_ncached;
	struct inspect_job	*pd_job;	/* PENDING: running, or NULL */
	int			 pd_fd;		/* PENDING: the document, or -1 */
	int			 pd_slot;	/* pd_job holds a slot */
};

struct pdfcheck {
	const struct cfg	*pc_cfg;	/* borrowed */
	char			 pc_qid[64];
	struct pdfcheck_doc	*pc_docs;
	size_t			 pc_n;
	unsigned		 pc_bad;	/* documents with a bad redaction */
	unsigned		 pc_ids;	/* documents with an identifier */
	unsigned		 pc_unchecked;	/* not checked, or not yet */
	const char		*pc_restrict;	/* restrict the entry: NULL, or
					   the finding's word for the
					   audit, "bad-redaction" or
					   "identifier" (the first one
					   whose setting restricts) */
	int			 pc_restricted;	/* the entry is restricted because
					   of the check alone (the caller
					   sets it) */
	int			 pc_hold;	/* hold the message */
	char			 pc_why[160];	/* for the hold, the audit: the
					   finding that calls for the
					   strongest action */
	int			 pc_why_rank;	/* that action's rank */
	struct pdfctx		 pc_ctx;	/* the notice (no document) */
	struct strbuf		 pc_text;	/* the summary lines */
	char			**pc_lines;
	size_t			 pc_nlines;
	const char		**pc_about;	/* sh_about with pc_lines */
	struct inspect_opts	 pc_opts;
	int			 pc_no_helper;	/* none found: pc_opts unset */
	char			 pc_no_helper_why[160];
};

struct pdfcheck_req {
	const struct cfg	*pr_cfg;
	const struct nef	*pr_nef;
	const struct docs_set	*pr_docs;
	struct store		*pr_store;	/* may be NULL */
	const char		*pr_qid;
	struct progress		*pr_progress;	/* may be NULL */
	long			 pr_wait_ms;	/* how long the notice waits */
};

/* Check the documents.  Returns 0 and a new *out (NULL when pdf_check
 * is off), or -1 when memory runs out. */
int	 pdfcheck_run(const struct pdfcheck_req *, struct pdfcheck **out);
struct pdfcheck *pdfcheck_free(struct pdfcheck *);

/* The settings beyond the table: alert_to addresses, pdf_helper.  0, or
 * -1 with "key: what is wrong" lines in err. */
int	 pdfcheck_check_cfg(const struct cfg *, struct strbuf *err);

/* The label of a document: "ECF 58-3", "ECF 58", "Attachment 3". */
void	 pdfcheck_label(const char *entry, int attno, char *buf, size_t size);

#endif
