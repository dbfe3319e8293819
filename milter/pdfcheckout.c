/*
 * NAME
 *	pdfcheckout 3 - what the disclosure check of a notice tells
 * SYNOPSIS
 *	#include "pdfcheckout.h"
 * DESCRIPTION
 *	The outputs of pdfcheck.h: the counts and the actions
 *	(pdfcheckout_decide()), the X-NEF fields, the summary lines, the audit
 *	items, and after the message the report: log lines and store
 *	records per document (pdfreport.h), the hand-over of pending checks
 *	(pdfbg.h) and one alert for the findings that are new with this
 *	notice (a content checked by an earlier copy was alerted then).
 * DIAGNOSTICS
 *	Nothing here fails the notice; a memory failure drops a line.
 */
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "log.h"
#include "pdfalert.h"
#include "pdfbg.h"
#include "pdfcheck.h"
#include "pdfcheckout.h"
#include "pdfnote.h"
#include "pdfreport.h"
#include "store.h"
#include "store_audit.h"
#include "summary.h"
#include "text.h"
#include "xnef.h"

static int	doc_notes(const struct pdfcheck_doc *, struct pdfnote_finding **,
		    size_t *);
static void	doc_note(const struct pdfcheck_doc *, struct pdfnote_doc *);
static int	split_lines(struct pdfcheck *);
static void	note_why(struct pdfcheck *, int red, const char *label);

/* The findings of a document, as pdfnote reads them. */
static int
doc_notes(const struct pdfcheck_doc *d, struct pdfnote_finding **f, size_t *n)
{
	*f = NULL;
	*n = 0;
	if (d->pd_state == PDFCHECK_DONE && d->pd_res != NULL)
		return pdfreport_notes(d->pd_res, f, n);
	if (d->pd_state == PDFCHECK_CACHED)
		return pdfreport_notes_stored(d->pd_cached, d->pd_ncached, f, n);
	return 0;
}

/* A document's status for pdfnote (its findings are set by the caller). */
static void
doc_note(const struct pdfcheck_doc *d, struct pdfnote_doc *nd)
{
	memset(nd, 0, sizeof(*nd));
	nd->nd_label = d->pd_ctx.x_label;
	if (d->pd_state == PDFCHECK_PENDING) {
		nd->nd_status = PDFNOTE_PENDING;
	} else if (d->pd_state == PDFCHECK_DONE) {
		nd->nd_status = d->pd_res && d->pd_res->r_status == INSPECT_CHECKED ?
		    PDFNOTE_CHECKED : PDFNOTE_NOT_CHECKED;
		nd->nd_detail = d->pd_res ? d->pd_res->r_detail : "out of memory";
	} else {
		nd->nd_status = d->pd_check.c_status == INSPECT_CHECKED ?
		    PDFNOTE_CHECKED : PDFNOTE_NOT_CHECKED;
		nd->nd_detail = d->pd_check.c_detail;
	}
}

static int
split_lines(struct pdfcheck *pc)
{
	char *s = pc->pc_text.sb_s, *nl;
	size_t n = 0;

	for (nl = s; nl != NULL && *nl; nl = strchr(nl, '\n') ? strchr(nl, '\n') + 1 : NULL)
		n++;
	if ((pc->pc_lines = calloc(n + 1, sizeof(*pc->pc_lines))) == NULL)
		return -1;
	while (s != NULL && *s) {
		pc->pc_lines[pc->pc_nlines++] = s;
		if ((nl = strchr(s, '\n')) == NULL)
			break;
		*nl = '\0';
		s = nl + 1;
	}
	return 0;
}

/* Keep in pc_why the first finding whose action is the strongest so
 * far (hold, then restrict, then warn), so that a hold or a restriction
 * names the finding and the setting it comes from. */
static void
note_why(struct pdfcheck *pc, int red, const char *label)
{
	int a = red ? pc->pc_cfg->cf_redaction_action :
	    pc->pc_cfg->cf_identifier_action;
	int rank = a == FACTION_HOLD ? 3 : a == FACTION_RESTRICT ? 2 : 1;

	if (rank <= pc->pc_why_rank)
		return;
	pc->pc_why_rank = rank;
	snprintf(pc->pc_why, sizeof(pc->pc_why), "%s in %s",
	    red ? "failed redaction" : "personal identifier", label);
}

int
pdfcheckout_decide(struct pdfcheck *pc)
{
	const struct cfg *cf = pc->pc_cfg;
	struct pdfnote_doc *nd;
	struct pdfnote_finding **fv;
	size_t i, j, k = 0;
	int red, ids, rc = -1;

	nd = calloc(pc->pc_n + 1, sizeof(*nd));
	fv = calloc(pc->pc_n + 1, sizeof(*fv));
	if (nd == NULL || fv == NULL)
		goto out;
	for (i = 0; i < pc->pc_n; i++) {
		const struct pdfcheck_doc *d = &pc->pc_docs[i];

		if (d->pd_state == PDFCHECK_SKIPPED)
			continue;
		doc_note(d, &nd[k]);
		if (doc_notes(d, &fv[k], &nd[k].nd_nf) != 0)
			goto out;
		nd[k].nd_f = fv[k];
		for (j = red = ids = 0; j < nd[k].nd_nf; j++) {
			red |= pdfnote_is_redaction(fv[k][j].nf_kind);
			ids |= !pdfnote_is_redaction(fv[k][j].nf_kind);
		}
		pc->pc_bad += red;
		pc->pc_ids += ids;
		pc->pc_unchecked += nd[k].nd_status != PDFNOTE_CHECKED;
		if (red)
			note_why(pc, 1, d->pd_ctx.x_label);
		if (ids)
			note_why(pc, 0, d->pd_ctx.x_label);
		if (red && cf->cf_redaction_action == FACTION_RESTRICT &&
		    pc->pc_restrict == NULL)
			pc->pc_restrict = "bad-redaction";
		if (ids && cf->cf_identifier_action == FACTION_RESTRICT &&
		    pc->pc_restrict == NULL)
			pc->pc_restrict = "identifier";
		if ((red && cf->cf_redaction_action == FACTION_HOLD) ||
		    (ids && cf->cf_identifier_action == FACTION_HOLD))
			pc->pc_hold = 1;
		k++;
	}
	pdfnote_lines(nd, k, pc->pc_ctx.x_firm[0] ? pc->pc_ctx.x_firm : NULL,
	    cf->cf_alert_to.l_n > 0, &pc->pc_text);
	rc = strbuf_error(&pc->pc_text) ? -1 : split_lines(pc);
out:
	for (i = 0; fv != NULL && i < pc->pc_n; i++)
		free(fv[i]);
	free(fv);
	free(nd);
	return rc;
}

void
pdfcheckout_xnef(const struct pdfcheck *pc, struct xnef *x)
{
	if (pc == NULL)
		return;
	x->x_pdfcheck = 1;
	x->x_bad_redaction = pc->pc_bad;
	x->x_identifiers = pc->pc_ids;
	x->x_unchecked = pc->pc_unchecked;
}

void
pdfcheckout_summary(struct pdfcheck *pc, struct summary_head *h)
{
	const char **v;
	size_t i, n;

	if (pc == NULL)
		return;
	n = h->sh_nabout + pc->pc_nlines;
	if (pc->pc_nlines > 0 && (v = realloc(pc->pc_about, (n + 1) *
	    sizeof(*v))) != NULL) {
		for (i = 0; i < h->sh_nabout; i++)
			v[i] = h->sh_about[i];
		for (i = 0; i < pc->pc_nlines; i++)
			v[h->sh_nabout + i] = pc->pc_lines[i];
		pc->pc_about = v;
		h->sh_about = v;
		h->sh_nabout = n;
	}
	if (pc->pc_restricted)
		h->sh_restricted_why = "a document shows what a public filing "
		    "should not";
}

int
pdfcheckout_audit_items(const struct pdfcheck *pc, struct store_audit *a)
{
	struct strbuf f = STRBUF_INIT, u = STRBUF_INIT;
	struct pdfnote_finding *v;
	char sum[200];
	size_t i, j, n, checked = 0, pending = 0;
	int rc = 0;

	if (pc == NULL)
		return 0;
	for (i = 0; i < pc->pc_n; i++) {
		const struct pdfcheck_doc *d = &pc->pc_docs[i];
		struct pdfnote_doc nd;

		if (d->pd_state == PDFCHECK_SKIPPED)
			continue;
		doc_note(d, &nd);
		checked += nd.nd_status == PDFNOTE_CHECKED;
		pending += nd.nd_status == PDFNOTE_PENDING;
		if (nd.nd_status != PDFNOTE_CHECKED)
			strbuf_printf(&u, "%s%s\t%s\t%s", u.sb_len ? "\n" : "",
			    nd.nd_label, nd.nd_status == PDFNOTE_PENDING ? "pending" :
			    d->pd_res ? inspect_status_name(d->pd_res->r_status) :
			    inspect_status_name(d->pd_check.c_status),
			    nd.nd_detail ? nd.nd_detail : "");
		if (doc_notes(d, &v, &n) != 0)
			return -1;
		for (j = 0; j < n; j++)
			strbuf_printf(&f, "%s%s\t%d\t%s", f.sb_len ? "\n" : "",
			    nd.nd_label, v[j].nf_page, pdfnote_kind_name(v[j].nf_kind));
		free(v);
	}
	snprintf(sum, sizeof(sum), "checked=%zu pending=%zu unchecked=%zu "
	    "bad-redaction=%u identifiers=%u", checked, pending,
	    (size_t)pc->pc_unchecked - pending, pc->pc_bad, pc->pc_ids);
	if (store_audit_item_add(a, STORE_AUDIT_TAG_PDF, sum) != 0 ||
	    (f.sb_len && store_audit_item_add(a, STORE_AUDIT_TAG_PDF_FINDINGS,
	    strbuf_str(&f)) != 0) ||
	    (u.sb_len && store_audit_item_add(a, STORE_AUDIT_TAG_PDF_UNCHECKED,
	    strbuf_str(&u)) != 0) ||
	    (pc->pc_ctx.x_firm[0] && (pc->pc_bad || pc->pc_ids) &&
	    store_audit_item_add(a, STORE_AUDIT_TAG_PDF_FIRM, pc->pc_ctx.x_firm) != 0))
		rc = -1;
	strbuf_free(&f);
	strbuf_free(&u);
	return rc;
}

/* One document after the message: log, store, or hand over. */
static void
report_doc(struct pdfcheck *pc, struct pdfcheck_doc *d, struct store *st)
{
	struct pdfnote_finding *f;
	size_t n;

	if (d->pd_state == PDFCHECK_PENDING) {
		if (d->pd_job == NULL && d->pd_fd < 0) {
			log_info(pc->pc_qid, "pdf check %s sha256=%s result=pending "
			    "(the check of another copy goes on)",
			    d->pd_ctx.x_label, d->pd_ctx.x_doc.d_sha256);
			return;
		}
		pdfbg_adopt((struct cfg *)pc->pc_cfg, &d->pd_ctx, &pc->pc_opts,
		    d->pd_job, d->pd_slot, d->pd_fd);
		d->pd_job = NULL;
		d->pd_slot = 0;
		d->pd_fd = -1;
		return;
	}
	if (doc_notes(d, &f, &n) != 0)
		return;
	if (d->pd_state == PDFCHECK_DONE) {
		pdfreport_log(&d->pd_ctx, "now", d->pd_res->r_status,
		    d->pd_res->r_detail, d->pd_res->r_pages, d->pd_res->r_ms, f, n);
		pdfreport_store(st, &d->pd_ctx, d->pd_res, 0);
	} else
		pdfreport_log(&d->pd_ctx, "earlier", d->pd_check.c_status,
		    d->pd_check.c_detail, d->pd_check.c_pages, 0, f, n);
	free(f);
}

/* The alert for the findings this notice brought first. */
static void
alert(struct pdfcheck *pc)
{
	struct pdfnote_doc *nd;
	struct pdfnote_finding **fv;
	struct strbuf lines = STRBUF_INIT;
	char *subject, *body;
	size_t i, k = 0, found = 0;

	if (pc->pc_cfg->cf_alert_to.l_n == 0)
		return;
	nd = calloc(pc->pc_n + 1, sizeof(*nd));
	fv = calloc(pc->pc_n + 1, sizeof(*fv));
	for (i = 0; nd != NULL && fv != NULL && i < pc->pc_n; i++) {
		const struct pdfcheck_doc *d = &pc->pc_docs[i];

		if (d->pd_state != PDFCHECK_DONE)
			continue;
		doc_note(d, &nd[k]);
		if (doc_notes(d, &fv[k], &nd[k].nd_nf) != 0 || nd[k].nd_nf == 0) {
			free(fv[k]);
			fv[k] = NULL;
			continue;
		}
		nd[k].nd_f = fv[k];
		found += nd[k].nd_nf;
		k++;
	}
	if (found > 0) {
		pdfnote_lines(nd, k, pc->pc_ctx.x_firm[0] ? pc->pc_ctx.x_firm : NULL,
		    0, &lines);
		if (!strbuf_error(&lines) && pdfalert_compose(&pc->pc_ctx,
		    strbuf_str(&lines), 0, &subject, &body) == 0)
			pdfbg_alert((struct cfg *)pc->pc_cfg, pc->pc_qid, subject,
			    body);
	}
	for (i = 0; fv != NULL && i < k; i++)
		free(fv[i]);
	free(fv);
	free(nd);
	strbuf_free(&lines);
}

void
pdfcheckout_report(struct pdfcheck *pc, struct store *st)
{
	size_t i;

	if (pc == NULL)
		return;
	for (i = 0; i < pc->pc_n; i++)
		if (pc->pc_docs[i].pd_state != PDFCHECK_SKIPPED)
			report_doc(pc, &pc->pc_docs[i], st);
	alert(pc);
}
