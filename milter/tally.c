/*
 * NAME
 *	tally 3 - the counters of one message
 * SYNOPSIS
 *	#include "tally.h"
 * DESCRIPTION
 *	tally_delta() reads the plan of a finished message: whether it
 *	was a notice (kind, X-NEF action), every document's outcome, the
 *	fetch time of every document asked of the court, the attachments
 *	and their bytes, hold, restriction, recipients added and removed,
 *	links cut, and the failures.  tally_commit() writes them with the
 *	audit record through store_audit_add_counted(), or alone with
 *	store_count_add() when the message has no record.
 * DIAGNOSTICS
 *	A failed commit is logged with the queue id.
 */
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include "decide.h"
#include "docs.h"
#include "fetch.h"
#include "log.h"
#include "metrics.h"
#include "nef.h"
#include "plan.h"
#include "plan_cal.h"
#include "store.h"
#include "tally.h"
#include "xnef.h"

/* Commits that failed since the last one that worked. */
static _Atomic uint64_t tally_lost;

static void	tally_docs(const struct plan *, struct metrics_delta *);

static void
tally_docs(const struct plan *p, struct metrics_delta *d)
{
	const struct docs_set *ds = p->p_docs;
	size_t i;

	for (i = 0; ds != NULL && i < ds->ds_nitems; i++) {
		const struct docs_item *it = &ds->ds_items[i];
		const char *o = docs_result_name(it->di_result);

		if (it->di_result == FETCH_PDF && it->di_from_store)
			o = "from-store";
		metrics_add(d, M_DOCUMENTS, "outcome", o, NULL, NULL, 1);
		if (it->di_result == FETCH_ERROR)
			metrics_add(d, M_ERRORS, "kind", "fetch", NULL, NULL, 1);
		if (!it->di_from_store && ds->ds_links[it->di_link].dl_fetched &&
		    it->di_result != FETCH_NO_DOCUMENT &&
		    it->di_result != FETCH_HELD &&
		    it->di_result != DOCS_TOMBSTONED)
			metrics_observe_fetch(d, it->di_ms);
	}
}

void
tally_delta(const struct plan *p, struct metrics_delta *d)
{
	const struct decide_out *o = p->p_dout;
	struct xnef x;
	uint64_t bytes = 0;
	size_t i;
	int notice = p->p_nef != NULL && p->p_nef->n_kind != NEF_NOT_NOTICE;

	metrics_delta_init(d);
	metrics_add(d, M_MESSAGES, "class", notice ? "notice" :
	    "not-a-notice", NULL, NULL, 1);
	if (p->p_failed)
		metrics_add(d, M_ERRORS, "kind", "pipeline", NULL, NULL, 1);
	if (!notice)
		return;
	plan_xnef(p, &x);
	metrics_add(d, M_NOTICES, "kind", nef_kind_name(p->p_nef->n_kind),
	    "action", p->p_failed ? "error" : x.x_action, 1);
	metrics_max(d, M_LAST_NOTICE, (uint64_t)time(NULL));
	tally_docs(p, d);
	for (i = 0; i < p->p_natt; i++)
		bytes += p->p_att[i].pa_size;
	metrics_add(d, M_ATTACHED, NULL, NULL, NULL, NULL, p->p_natt);
	metrics_add(d, M_ATT_BYTES, NULL, NULL, NULL, NULL, bytes);
	metrics_add(d, M_HELD, NULL, NULL, NULL, NULL, p->p_hold != 0);
	metrics_add(d, M_RESTRICTED, NULL, NULL, NULL, NULL,
	    p->p_restricted != 0);
	if (o != NULL && !p->p_failed) {
		metrics_add(d, M_RCPT_ADDED, NULL, NULL, NULL, NULL, o->do_nadd);
		metrics_add(d, M_RCPT_REMOVED, NULL, NULL, NULL, NULL,
		    o->do_ndel);
	}
	metrics_add(d, M_LINKS_CUT, NULL, NULL, NULL, NULL,
	    p->p_rw.rs_stripped);
	metrics_add(d, M_ERRORS, "kind", "mta", NULL, NULL,
	    p->p_mta_failed != 0);
	metrics_add(d, M_CAL_EVENTS, NULL, NULL, NULL, NULL, plan_cal_events(p));
}

void
tally_commit(struct plan *p)
{
	struct metrics_delta d;
	uint64_t lost;
	int rc;

	if (p->p_store == NULL)
		return;
	tally_delta(p, &d);
	lost = atomic_exchange(&tally_lost, 0);
	metrics_add(&d, M_ERRORS, "kind", "store", NULL, NULL, lost);
	if (d.md_full)
		log_warn(p->p_qid, "counters: more than %d changes; some left "
		    "out", METRICS_DELTA_MAX);
	if (p->p_audit != NULL)
		rc = store_audit_add_counted(p->p_store, p->p_audit, d.md_v,
		    d.md_n, NULL);
	else
		rc = store_count_add(p->p_store, d.md_v, d.md_n);
	if (rc != STORE_OK) {
		atomic_fetch_add(&tally_lost, lost + 1);
		if (p->p_audit != NULL)
			log_warn(p->p_qid, "audit record not stored: %s; "
			    "counters not updated", store_strerror(rc));
		else
			log_warn(p->p_qid, "counters not updated: %s",
			    store_strerror(rc));
	}
}
