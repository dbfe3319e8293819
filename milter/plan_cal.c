/*
 * NAME
 *	plan_cal 3 - the calendar step of the pipeline
 * SYNOPSIS
 *	#include "plan_cal.h"
 * DESCRIPTION
 *	See plan_cal.h.  The part's name is the label of the notice's main
 *	document with the description "events" and ".ics" for ".pdf"
 *	(2023-03-14_cand_4-22-cv-05541-JST_ECF57_events.ics with the
 *	default label_template).
 * DIAGNOSTICS
 *	An error line when memory runs out; the notice goes on.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "cfg.h"
#include "decide.h"
#include "doclabel.h"
#include "log.h"
#include "plan.h"
#include "plan_cal.h"
#include "rewrite.h"
#include "store_audit.h"
#include "summary.h"

int
plan_cal_run(struct plan *p)
{
	struct calendar_req	 q;
	char			 name[300], tmp[1100];
	size_t			 n;

	memset(&q, 0, sizeof(q));
	q.cr_cfg = p->p_cfg;
	q.cr_nef = p->p_nef;
	q.cr_qid = p->p_qid;
	q.cr_now = (int64_t)time(NULL);
	q.cr_restricted = p->p_restricted;
	q.cr_learn = p->p_class == DECIDE_VERIFIED;
	q.cr_attach = (p->p_class == DECIDE_VERIFIED ||
	    p->p_class == DECIDE_FORWARD) && !p->p_dout->do_strip;
	q.cr_store = p->p_class == DECIDE_UNVERIFIED ? NULL : p->p_store;
	doclabel_name(p->p_cfg, p->p_nef, 0, "events", name, sizeof(name));
	n = strlen(name);
	if (n > 4 && strcmp(name + n - 4, ".pdf") == 0)
		memcpy(name + n - 4, ".ics", 4);
	q.cr_filename = name;
	snprintf(tmp, sizeof(tmp), "%s/tmp", p->p_cfg->cf_state_dir);
	q.cr_tmpdir = tmp;
	if (calendar_run(&q, &p->p_cal) != 0)
		log_err(p->p_qid, "calendar: out of memory; the notice goes "
		    "without its calendar part");
	return 0;
}

int
plan_cal_has_part(const struct plan *p)
{
	struct rewrite_doc	d;

	return calendar_part(p->p_cal, &d) == 0;
}

int
plan_cal_req(struct plan *p, struct rewrite_req *r)
{
	struct rewrite_doc	*v;

	if (!plan_cal_has_part(p))
		return 0;
	if ((v = calloc(r->rr_ndocs + 1, sizeof(*v))) == NULL)
		return -1;
	if (r->rr_ndocs > 0)
		memcpy(v, r->rr_docs, r->rr_ndocs * sizeof(*v));
	calendar_part(p->p_cal, &v[r->rr_ndocs]);
	free(p->p_caldocs);
	p->p_caldocs = v;
	r->rr_docs = v;
	r->rr_ndocs++;
	return 0;
}

void
plan_cal_summary(const struct plan *p, struct summary_head *h)
{
	calendar_lines(p->p_cal, &h->sh_extra, &h->sh_nextra);
}

void
plan_cal_audit(const struct plan *p, struct store_audit *a)
{
	struct rewrite_doc	d;
	char			n[32];

	if (calendar_found(p->p_cal) == 0)
		return;
	snprintf(n, sizeof(n), "%zu", calendar_found(p->p_cal));
	store_audit_item_add(a, STORE_AUDIT_TAG_EVENTS, n);
	if (calendar_part(p->p_cal, &d) != 0)
		return;
	store_audit_item_add(a, STORE_AUDIT_TAG_EVENT_UIDS, calendar_uids(p->p_cal));
	store_audit_item_add(a, STORE_AUDIT_TAG_ICS, d.rd_filename);
}

size_t
plan_cal_events(const struct plan *p)
{
	return calendar_found(p->p_cal);
}
