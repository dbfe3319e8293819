/*
 * NAME
 *	plan_record 3 - the audit record of a notice
 * SYNOPSIS
 *	#include "plan_record.h"
 * DESCRIPTION
 *	See plan_record.h.  The record holds as many cases, recipients and
 *	documents as the store takes (STORE_AUDIT_*); its items come from
 *	the steps that have something to say: the offline mark, a changed
 *	entry (docchange.h), the calendar (plan_cal.h), the disclosure
 *	check (pdfcheckout.h), the rest (plan_items.h).
 * DIAGNOSTICS
 *	Lines begin with the queue id.  Nothing here fails the notice: a
 *	record that cannot be built is logged and left out.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "addr.h"
#include "decide.h"
#include "docchange.h"
#include "docs.h"
#include "log.h"
#include "nef.h"
#include "pdfcheckout.h"
#include "plan.h"
#include "plan_cal.h"
#include "plan_items.h"
#include "plan_record.h"
#include "session.h"
#include "store_audit.h"
#include "text.h"

static int	pr_lists(const struct plan *, struct store_audit *);

int
plan_record_start(const struct plan *p, const char *action,
    struct store_audit *a)
{
	const struct nef	*n = p->p_nef;

	if (n->n_court[0] == '\0') {
		log_warn(p->p_qid, "no court could be read: no audit record stored");
		return -1;
	}
	memset(a, 0, sizeof(*a));
	a->a_time = (int64_t)time(NULL);
	text_strlcpy(a->a_qid, p->p_qid, sizeof(a->a_qid));
	text_strlcpy(a->a_court, n->n_court, sizeof(a->a_court));
	a->a_restricted = p->p_restricted;
	text_strlcpy(a->a_trust, decide_class_name(p->p_class), sizeof(a->a_trust));
	text_strlcpy(a->a_action, action, sizeof(a->a_action));
	return 0;
}

int
plan_record_cases(const struct nef *n, struct store_audit *a)
{
	size_t	i;

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

/* The record's recipients (each removed one marked, then those added)
 * and attached documents.  0 or -1 (memory). */
static int
pr_lists(const struct plan *p, struct store_audit *a)
{
	const struct decide_out	*d = p->p_dout;
	size_t			 i, j, nr;

	nr = p->p_rcpts.pl_n + d->do_nadd;
	if (nr > STORE_AUDIT_RCPTS)
		nr = STORE_AUDIT_RCPTS;
	a->a_rcpt = calloc(nr + 1, sizeof(*a->a_rcpt));
	a->a_doc = calloc(p->p_natt + 1, sizeof(*a->a_doc));
	if (a->a_rcpt == NULL || a->a_doc == NULL)
		return -1;
	for (i = 0; i < p->p_rcpts.pl_n && a->a_nrcpt < nr; i++) {
		struct store_audit_rcpt *r = &a->a_rcpt[a->a_nrcpt++];

		text_strlcpy(r->ar_addr, p->p_rcpts.pl_v[i], sizeof(r->ar_addr));
		for (j = 0; j < d->do_ndel; j++)
			if (addr_equal(d->do_del[j].dr_addr, p->p_rcpts.pl_v[i]))
				r->ar_removed = 1;
	}
	for (i = 0; i < d->do_nadd && a->a_nrcpt < nr; i++)
		text_strlcpy(a->a_rcpt[a->a_nrcpt++].ar_addr, d->do_add[i].dr_addr,
		    sizeof(a->a_rcpt[0].ar_addr));
	for (i = 0; i < p->p_natt && i < STORE_AUDIT_DOCS; i++) {
		const struct docs_item *it = &p->p_docs->ds_items[p->p_att[i].pa_item];

		text_strlcpy(a->a_doc[i].ad_key, it->di_doc.d_key,
		    sizeof(a->a_doc[i].ad_key));
		a->a_doc[i].ad_att = it->di_doc.d_att;
		text_strlcpy(a->a_doc[i].ad_sha256, it->di_doc.d_sha256,
		    sizeof(a->a_doc[i].ad_sha256));
		text_strlcpy(a->a_doc[i].ad_label, p->p_att[i].pa_name,
		    sizeof(a->a_doc[i].ad_label));
		a->a_ndoc++;
	}
	return 0;
}

void
plan_record_make(struct plan *p, const char *action)
{
	struct store_audit	 a;

	if (plan_record_start(p, action, &a) != 0)
		return;
	if (plan_record_cases(p->p_nef, &a) != 0 || pr_lists(p, &a) != 0)
		goto out;
	if (p->p_conn->c_offline &&
	    store_audit_item_add(&a, STORE_AUDIT_TAG_OFFLINE, "nefmilter -t") != 0)
		goto out;
	if (docchange_audit(p->p_qid, &a, p->p_nef, p->p_docs) != 0)
		goto out;
	plan_cal_audit(p, &a);
	if (pdfcheckout_audit_items(p->p_pdf, &a) != 0)
		goto out;
	plan_items(p, &a);
	if ((p->p_audit = malloc(sizeof(a))) != NULL) {
		*p->p_audit = a;	/* written by tally_commit() */
		return;
	}
	log_warn(p->p_qid, "audit record not stored: out of memory");
out:
	store_audit_release(&a);
}
