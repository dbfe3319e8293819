/*
 * plan: the state of one notice at end of message, and the steps of the
 * pipeline that only compute (no MTA call): recipient lists, the mapping
 * of documents to decisions, the attachments and their cap, the summary,
 * the links to strip, the X-NEF fields and the audit.
 *
 * A struct plan lives for one call of pipeline_eom(); plan_free()
 * releases everything it holds, closes its file descriptors and removes
 * temporary files.
 */
#ifndef NEF_PLAN_H
#define NEF_PLAN_H

#include <stddef.h>
#include <stdint.h>

#include "decide.h"
#include "rewrite.h"
#include "sealterm.h"
#include "strbuf.h"
#include "trust.h"

struct cfg;
struct conn;
struct msg;
struct store;
struct nef;
struct mime_notice;
struct docs_set;
struct linkstrip;
struct xnef;
struct calendar;
struct pdfcheck;

struct plan_list {
	char	**pl_v;		/* clean addresses, owned */
	size_t	  pl_n;
};

/* A document to attach. */
struct plan_att {
	size_t		 pa_item;	/* index in the docs set */
	int		 pa_fd;
	uint64_t	 pa_size;
	char		*pa_name;	/* file name */
	char		*pa_desc;	/* Content-Description */
};

struct plan {
	void			*p_ctx;
	struct progress		*p_progress;	/* progress replies to the MTA */
	struct conn		*p_conn;
	struct msg		*p_msg;
	const struct cfg	*p_cfg;
	const char		*p_qid;
	struct store		*p_store;

	struct mime_notice	*p_mime;
	struct nef		*p_nef;
	struct trust_verdict	 p_tv;
	int			 p_class;	/* enum decide_class */
	int			 p_restricted;
	struct sealterm_match	 p_seal;
	struct plan_list	 p_rcpts, p_listed, p_learned, p_team;

	struct decide_out	*p_dout;
	struct docs_set		*p_docs;
	int			*p_results;	/* decide result per item */
	size_t			 p_nresults;
	unsigned char		*p_over_cap;	/* per item: PDF not attached (cap) */
	struct plan_att		*p_att;
	size_t			 p_natt;
	uint64_t		 p_att_bytes;

	struct strbuf		 p_sum_text, p_sum_html;
	char			**p_strip;	/* dl_match of links to strip */
	size_t			 p_nstrip;
	int			 p_strip_all;	/* every document link */
	struct rewrite_doc	*p_rwdocs;

	int			 p_body_fd;	/* new body, or -1 */
	struct rewrite_res	 p_rw;
	int			 p_hold;
	int			 p_mta_failed;	/* the MTA refused a change */
	int			 p_failed;	/* on_error was applied */
	struct store_audit	*p_audit;	/* the record plan_audit() made,
						   written by tally_commit() */
	struct pdfcheck		*p_pdf;		/* the disclosure check, or NULL */
	char			 p_hold_reason[DECIDE_TEXT_SIZE];
	char			 p_why[256];	/* why a step failed */
	struct calendar		*p_cal;		/* plan_cal.h */
	struct rewrite_doc	*p_caldocs;
};

struct plan *plan_new(void *ctx, struct conn *, struct msg *, struct store *);
struct plan *plan_free(struct plan *);

/* Add a clean form of addr (skipped when not an address).  0 or -1. */
int	 plan_list_add(struct plan_list *, const char *addr);
void	 plan_list_view(const struct plan_list *, struct decide_list *);

void	 plan_decide_cfg(const struct plan *, struct decide_cfg *);
/* p_results from the documents.  0 or -1. */
int	 plan_doc_results(struct plan *);
/* docs_label_fn: the label of a document of this notice. */
void	 plan_label(void *arg, const struct nef *, int attno, const char *desc,
	    char *label, size_t size);
/* Choose and open the attachments (cap max_attach_bytes); the hold.
 * 0 or -1 (p_why says why). */
int	 plan_attachments(struct plan *);
/* Does the message need a new body? */
int	 plan_needs_body(const struct plan *);
/* Fill a rewrite request (summary, links to strip, documents). */
int	 plan_rewrite_req(struct plan *, struct rewrite_req *, struct linkstrip *);
void	 plan_rewrite_done(struct plan *);
/* The X-NEF fields of this message. */
void	 plan_xnef(const struct plan *, struct xnef *);
/* The envelope recipient as the MTA gave it ("<a@b>") for a clean one. */
const char *plan_rcpt_raw(const struct plan *, const char *clean);
/* Log a message that is not a notice. */
void	 plan_log_not_notice(const struct plan *);
/* The audit: log lines, and the store record in p_audit (tally.h
 * writes it, with the counters). */
void	 plan_audit(struct plan *);

#endif
