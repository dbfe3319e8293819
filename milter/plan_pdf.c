/*
 * NAME
 *	plan_pdf 3 - the disclosure check's steps in the pipeline
 * SYNOPSIS
 *	#include "plan_pdf.h"
 * DESCRIPTION
 *	See plan_pdf.h.
 * DIAGNOSTICS
 *	Lines start with the queue id; the start-up warning has none.
 */
#include <stdio.h>
#include <string.h>

#include "cfg.h"
#include "inspect.h"
#include "log.h"
#include "pdfbg.h"
#include "pdfcheck.h"
#include "plan.h"
#include "plan_pdf.h"
#include "progress.h"
#include "text.h"

int
plan_pdf_start(const struct cfg *cfg, struct store *st)
{
	struct inspect_opts io;
	char why[256];

	inspect_slots_init((unsigned)cfg->cf_pdf_parallel);
	if (cfg->cf_pdf_check &&
	    inspect_opts_from_cfg(&io, cfg, why, sizeof(why)) != 0)
		log_warn(NULL, "the disclosure check is on (pdf_check) but %s: "
		    "every document will be \"not checked\"", why);
	return pdfbg_start(st);
}

void
plan_pdf_stop(void)
{
	pdfbg_stop();
}

/*
 * The disclosure check of the documents in hand, within what is left of
 * fetch_budget; with restrict, the entry becomes restricted before the
 * final decision.
 */
int
plan_pdf_run(struct plan *p, struct store *st)
{
	struct pdfcheck_req r;
	struct pdfcheck *pc;
	long left = progress_left_ms(p->p_progress);

	if (p->p_progress == NULL)
		left = (long)p->p_cfg->cf_fetch_budget * 1000;
	memset(&r, 0, sizeof(r));
	r.pr_cfg = p->p_cfg;
	r.pr_nef = p->p_nef;
	r.pr_docs = p->p_docs;
	r.pr_store = st;
	r.pr_qid = p->p_qid;
	r.pr_progress = p->p_progress;
	r.pr_wait_ms = left;
	inspect_slots_init((unsigned)p->p_cfg->cf_pdf_parallel);
	if (pdfcheck_run(&r, &p->p_pdf) != 0) {
		snprintf(p->p_why, sizeof(p->p_why), "out of memory (pdf check)");
		return -1;
	}
	if ((pc = p->p_pdf) != NULL && pc->pc_restrict != NULL &&
	    !p->p_restricted) {
		p->p_restricted = 1;
		pc->pc_restricted = 1;
		text_strlcpy(p->p_seal.sm_word, pc->pc_restrict,
		    sizeof(p->p_seal.sm_word));
	}
	return 0;
}

/* With hold, the check holds the message. */
void
plan_pdf_hold(struct plan *p)
{
	const struct pdfcheck *pc = p->p_pdf;

	if (pc == NULL || !pc->pc_hold || p->p_hold)
		return;
	p->p_hold = 1;
	snprintf(p->p_hold_reason, sizeof(p->p_hold_reason), "%s (%s=hold)",
	    pc->pc_why, strncmp(pc->pc_why, "failed", 6) == 0 ?
	    "redaction_action" : "identifier_action");
}
