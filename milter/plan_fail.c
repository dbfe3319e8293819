/*
 * NAME
 *	plan_fail 3 - the audit record of a notice not processed
 * SYNOPSIS
 *	#include "plan_fail.h"
 * DESCRIPTION
 *	See plan_fail.h.  The recipients are the envelope's, cleaned
 *	(plan_list_add()), as many as a record holds.
 * DIAGNOSTICS
 *	Lines begin with the queue id; the reason is made printable and
 *	capped (log.h).
 */
#include <stdlib.h>
#include <string.h>

#include "log.h"
#include "nef.h"
#include "plan.h"
#include "plan_fail.h"
#include "plan_items.h"
#include "plan_record.h"
#include "session.h"
#include "store_audit.h"
#include "text.h"

static int	pf_rcpts(struct plan *, struct store_audit *);

/* The envelope recipients (p_rcpts, filled here when no step did). */
static int
pf_rcpts(struct plan *p, struct store_audit *a)
{
	size_t i;

	for (i = 0; p->p_rcpts.pl_n == 0 && i < p->p_msg->m_nrcpts; i++)
		if (plan_list_add(&p->p_rcpts, p->p_msg->m_rcpts[i]) != 0)
			return -1;
	a->a_nrcpt = p->p_rcpts.pl_n < STORE_AUDIT_RCPTS ? p->p_rcpts.pl_n :
	    STORE_AUDIT_RCPTS;
	if ((a->a_rcpt = calloc(a->a_nrcpt + 1, sizeof(*a->a_rcpt))) == NULL)
		return -1;
	for (i = 0; i < a->a_nrcpt; i++)
		text_strlcpy(a->a_rcpt[i].ar_addr, p->p_rcpts.pl_v[i],
		    sizeof(a->a_rcpt[i].ar_addr));
	return 0;
}

void
plan_fail_audit(struct plan *p, int tempfail, const char *why)
{
	const struct nef *n = p->p_nef;
	struct store_audit a;
	char buf[LOG_CLEAN_SIZE];

	if (n == NULL || n->n_kind == NEF_NOT_NOTICE)
		return;
	log_notice(p->p_qid, "notice court=%s case=%s entry=%s kind=%s "
	    "action=error (%s): %s", n->n_court[0] ? n->n_court : "-",
	    n->n_ncases > 0 && n->n_cases[0].c_key[0] ? n->n_cases[0].c_key :
	    "-", n->n_ncases > 0 && n->n_cases[0].c_doc_number ?
	    n->n_cases[0].c_doc_number : "-", nef_kind_name(n->n_kind),
	    tempfail ? "refused for now" : "delivered as it came",
	    log_cleans(buf, why));
	if (p->p_store == NULL || p->p_audit != NULL)
		return;
	if (plan_record_start(p, "error", &a) != 0)
		return;
	if (plan_record_cases(n, &a) != 0 || pf_rcpts(p, &a) != 0 ||
	    (p->p_audit = malloc(sizeof(a))) == NULL) {
		log_warn(p->p_qid, "audit record not stored: out of memory");
		store_audit_release(&a);
		return;
	}
	plan_items_failed(p, &a, tempfail, why);
	*p->p_audit = a;	/* written by tally_commit() */
}
