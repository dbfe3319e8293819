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
#include <time.h>

#include "decide.h"
#include "log.h"
#include "nef.h"
#include "plan.h"
#include "plan_fail.h"
#include "plan_items.h"
#include "session.h"
#include "store.h"
#include "text.h"

static int	pf_cases(const struct nef *, struct store_audit *);
static int	pf_rcpts(struct plan *, struct store_audit *);

static int
pf_cases(const struct nef *n, struct store_audit *a)
{
	size_t i;

	a->a_ncase = n->n_ncases < STORE_AUDIT_CASES ? n->n_ncases :
	    STORE_AUDIT_CASES;
	if ((a->a_case = calloc(a->a_ncase + 1, sizeof(*a->a_case))) == NULL)
		return -1;
	for (i = 0; i < a->a_ncase; i++) {
		text_strlcpy(a->a_case[i].ac_docket, n->n_cases[i].c_key,
		    sizeof(a->a_case[i].ac_docket));
		a->a_case[i].ac_entry = n->n_cases[i].c_doc_number ?
		    (uint32_t)strtoul(n->n_cases[i].c_doc_number, NULL, 10) : 0;
	}
	return 0;
}

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
	if (n->n_court[0] == '\0') {
		log_warn(p->p_qid, "no court could be read: no audit record stored");
		return;
	}
	memset(&a, 0, sizeof(a));
	a.a_time = (int64_t)time(NULL);
	text_strlcpy(a.a_qid, p->p_qid, sizeof(a.a_qid));
	text_strlcpy(a.a_court, n->n_court, sizeof(a.a_court));
	a.a_restricted = p->p_restricted;
	text_strlcpy(a.a_trust, decide_class_name(p->p_class), sizeof(a.a_trust));
	text_strlcpy(a.a_action, "error", sizeof(a.a_action));
	if (pf_cases(n, &a) != 0 || pf_rcpts(p, &a) != 0 ||
	    (p->p_audit = malloc(sizeof(a))) == NULL) {
		log_warn(p->p_qid, "audit record not stored: out of memory");
		store_audit_release(&a);
		return;
	}
	plan_items_failed(p, &a, tempfail, why);
	*p->p_audit = a;	/* written by tally_commit() */
}
