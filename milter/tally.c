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
 *	store_count_add() when the message has no record, together with
 *	the changes of the commits that failed before (tally.h), merged by
 *	series in at most TALLY_PENDING_MAX slots.
 * DIAGNOSTICS
 *	A failed commit is logged with the queue id; what tally_flush()
 *	could not write at exit is logged series by series.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
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
#include "store_audit.h"
#include "store_metrics.h"
#include "strbuf.h"
#include "tally.h"
#include "xnef.h"

/*
 * The changes of commits that failed, and of "errors{kind=store}" for
 * each, merged by series until a commit takes them.
 */
static pthread_mutex_t	 tally_lock = PTHREAD_MUTEX_INITIALIZER;
static struct store_count tally_pend[TALLY_PENDING_MAX];
static size_t		 tally_npend;
static uint64_t		 tally_dropped;	/* changes that found no room */

static void	tally_docs(const struct plan *, struct metrics_delta *);
static void	tally_keep(const struct store_count *, size_t);
static size_t	tally_take(struct store_count *);

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

/* Merge v[0..n) into the pending changes (tally_lock held). */
static void
tally_keep(const struct store_count *v, size_t n)
{
	struct store_count *c;
	size_t i, j;

	for (i = 0; i < n; i++) {
		for (j = 0; j < tally_npend; j++)
			if (tally_pend[j].sc_op == v[i].sc_op &&
			    strcmp(tally_pend[j].sc_key, v[i].sc_key) == 0)
				break;
		if (j == TALLY_PENDING_MAX) {
			tally_dropped++;
			continue;
		}
		c = &tally_pend[j];
		if (j == tally_npend) {
			*c = v[i];
			tally_npend++;
		} else if (v[i].sc_op == STORE_COUNT_MAX)
			c->sc_value = v[i].sc_value > c->sc_value ? v[i].sc_value :
			    c->sc_value;
		else
			c->sc_value = c->sc_value > UINT64_MAX - v[i].sc_value ?
			    UINT64_MAX : c->sc_value + v[i].sc_value;
	}
}

/* Move the pending changes into out (TALLY_PENDING_MAX room; lock held). */
static size_t
tally_take(struct store_count *out)
{
	size_t n = tally_npend;

	memcpy(out, tally_pend, n * sizeof(*out));
	tally_npend = 0;
	return n;
}

int
tally_commit(struct plan *p)
{
	struct metrics_delta d, e;
	struct store_count *v;
	size_t n, np = 0;
	int rc;

	if (p->p_store == NULL)
		return STORE_OK;
	tally_delta(p, &d);
	if (d.md_full)
		log_warn(p->p_qid, "counters: more than %d changes; some left "
		    "out", METRICS_DELTA_MAX);
	n = d.md_n;
	/* The pending changes ride along (none when memory is short). */
	if ((v = malloc((n + TALLY_PENDING_MAX) * sizeof(*v))) != NULL) {
		memcpy(v, d.md_v, n * sizeof(*v));
		pthread_mutex_lock(&tally_lock);
		np = tally_take(v + n);
		pthread_mutex_unlock(&tally_lock);
	}
	if (p->p_audit != NULL)
		rc = store_audit_add_counted(p->p_store, p->p_audit,
		    v ? v : d.md_v, n + np, NULL);
	else
		rc = store_count_add(p->p_store, v ? v : d.md_v, n + np);
	if (rc != STORE_OK) {
		metrics_delta_init(&e);
		metrics_add(&e, M_ERRORS, "kind", "store", NULL, NULL, 1);
		pthread_mutex_lock(&tally_lock);
		tally_keep(v ? v : d.md_v, n + np);
		tally_keep(e.md_v, e.md_n);
		np = tally_npend;
		pthread_mutex_unlock(&tally_lock);
		log_warn(p->p_qid, "%s: %s; the counters wait in memory for the "
		    "next commit (%zu series)", p->p_audit != NULL ?
		    "audit record not stored" : "counters not stored",
		    store_strerror(rc), np);
	}
	free(v);
	return rc;
}

size_t
tally_pending(void)
{
	size_t n;

	pthread_mutex_lock(&tally_lock);
	n = tally_npend;
	pthread_mutex_unlock(&tally_lock);
	return n;
}

int
tally_flush(struct store *st, int at_exit)
{
	struct store_count v[TALLY_PENDING_MAX];
	struct strbuf sb = STRBUF_INIT;
	size_t n, i;
	uint64_t dropped;
	int rc;

	pthread_mutex_lock(&tally_lock);
	n = tally_take(v);
	dropped = tally_dropped;
	tally_dropped = 0;
	pthread_mutex_unlock(&tally_lock);
	if (dropped > 0)
		log_err(NULL, "counters: %llu change%s found no room in memory "
		    "and %s lost", (unsigned long long)dropped, dropped == 1 ?
		    "" : "s", dropped == 1 ? "was" : "were");
	if (n == 0 || (rc = store_count_add(st, v, n)) == STORE_OK)
		return STORE_OK;
	if (!at_exit) {
		pthread_mutex_lock(&tally_lock);
		tally_keep(v, n);
		pthread_mutex_unlock(&tally_lock);
		log_warn(NULL, "counters: %zu series still wait in memory: %s",
		    n, store_strerror(rc));
		return rc;
	}
	for (i = 0; i < n && sb.sb_len < 600; i++)
		strbuf_printf(&sb, "%s%s %s%llu", i ? ", " : "", v[i].sc_key,
		    v[i].sc_op == STORE_COUNT_MAX ? ">=" : "+",
		    (unsigned long long)v[i].sc_value);
	log_err(NULL, "counters not stored at exit: %s; lost: %s%s",
	    store_strerror(rc), strbuf_str(&sb), i < n ? " and more" : "");
	strbuf_free(&sb);
	return rc;
}
