/*
 * NAME
 *	pdfreport 3 - one document's check in the log and the store
 * SYNOPSIS
 *	#include "pdfreport.h"
 * DESCRIPTION
 *	See pdfreport.h.  The store gets one check record and one finding
 *	per failed redaction and per identifier (the identifier masked, the
 *	box of a redaction but not its text), or one "unchecked" finding
 *	with the reason.
 * DIAGNOSTICS
 *	A store failure is a warning with the queue id; the notice is not
 *	affected.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cover.h"
#include "log.h"
#include "pdfreport.h"
#include "pii.h"
#include "text.h"

int
pdfreport_red_kind(int k)
{
	switch (k) {
	case COVER_K_ANNOT: return PDFNOTE_ANNOT;
	case COVER_K_HIGHLIGHT: return PDFNOTE_HIGHLIGHT;
	case COVER_K_IMAGE: return PDFNOTE_IMAGE;
	case COVER_K_REDACT: return PDFNOTE_UNAPPLIED;
	}
	return PDFNOTE_COVER;
}

int
pdfreport_id_kind(int k)
{
	switch (k) {
	case PII_BIRTH_DATE: return PDFNOTE_BIRTH_DATE;
	case PII_ACCOUNT: return PDFNOTE_ACCOUNT;
	}
	return PDFNOTE_SSN;
}

int
pdfreport_notes(const struct inspect_result *r, struct pdfnote_finding **out,
    size_t *n)
{
	struct pdfnote_finding *v;
	size_t i, k = 0;

	*out = NULL;
	*n = 0;
	if ((v = calloc(r->r_nred + r->r_nids + 1, sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < r->r_nred; i++, k++) {
		v[k].nf_page = r->r_red[i].ir_page;
		v[k].nf_kind = pdfreport_red_kind(r->r_red[i].ir_kind);
	}
	for (i = 0; i < r->r_nids; i++, k++) {
		v[k].nf_page = r->r_ids[i].ii_page;
		v[k].nf_kind = pdfreport_id_kind(r->r_ids[i].ii_kind);
	}
	*out = v;
	*n = k;
	return 0;
}

/* A stored kind name back to pdfnote's; -1 when unknown. */
static int
stored_kind(const struct store_finding *f)
{
	static const char *const red[] = { "cover", "annotation", "highlight",
	    "image", "unapplied" };
	size_t i;
	int k;

	if (f->f_class == STORE_FC_REDACTION) {
		for (i = 0; i < sizeof(red) / sizeof(red[0]); i++)
			if (strcmp(f->f_kind, red[i]) == 0)
				return PDFNOTE_COVER + (int)i;
	} else if (f->f_class == STORE_FC_IDENTIFIER)
		for (k = 0; k < PII_NKINDS; k++)
			if (strcmp(f->f_kind, pii_kind_name(k)) == 0)
				return pdfreport_id_kind(k);
	return -1;
}

int
pdfreport_notes_stored(const struct store_finding *f, size_t nf,
    struct pdfnote_finding **out, size_t *n)
{
	struct pdfnote_finding *v;
	size_t i, k = 0;
	int kind;

	*out = NULL;
	*n = 0;
	if ((v = calloc(nf + 1, sizeof(*v))) == NULL)
		return -1;
	for (i = 0; i < nf; i++)
		if ((kind = stored_kind(&f[i])) >= 0) {
			v[k].nf_page = f[i].f_page;
			v[k++].nf_kind = kind;
		}
	*out = v;
	*n = k;
	return 0;
}

void
pdfreport_log(const struct pdfctx *x, const char *how, int status,
    const char *detail, int pages, long ms, const struct pdfnote_finding *f,
    size_t n)
{
	char firm[LOG_CLEAN_SIZE], det[LOG_CLEAN_SIZE];
	unsigned red = 0, ids = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (pdfnote_is_redaction(f[i].nf_kind))
			red++;
		else
			ids++;
	}
	log_notice(x->x_qid, "pdf check %s %s/%s#%u sha256=%s status=%s pages=%d "
	    "bad-redaction=%u identifiers=%u ms=%ld result=%s%s%s%s%s%s",
	    x->x_label, x->x_doc.d_court, x->x_doc.d_key, x->x_doc.d_att,
	    x->x_doc.d_sha256, inspect_status_name(status), pages, red, ids, ms,
	    how, status != INSPECT_CHECKED && detail != NULL ? " detail=\"" : "",
	    status != INSPECT_CHECKED && detail != NULL ?
	    log_cleans(det, detail) : "",
	    status != INSPECT_CHECKED && detail != NULL ? "\"" : "",
	    x->x_firm[0] && n > 0 ? " filed-by-firm=" : "",
	    x->x_firm[0] && n > 0 ? log_cleans(firm, x->x_firm) : "");
	for (i = 0; i < n; i++)
		log_notice(x->x_qid, "pdf finding %s page %d: %s", x->x_label,
		    f[i].nf_page, pdfnote_kind_name(f[i].nf_kind));
}

/* The common fields of every finding of a document. */
static void
finding_base(struct store_finding *f, const struct pdfctx *x, unsigned flags)
{
	memset(f, 0, sizeof(*f));
	text_strlcpy(f->f_qid, x->x_qid, sizeof(f->f_qid));
	text_strlcpy(f->f_court, x->x_court, sizeof(f->f_court));
	text_strlcpy(f->f_docket, x->x_docket, sizeof(f->f_docket));
	f->f_entry = x->x_entry;
	text_strlcpy(f->f_key, x->x_doc.d_key, sizeof(f->f_key));
	f->f_att = x->x_doc.d_att;
	text_strlcpy(f->f_label, x->x_label, sizeof(f->f_label));
	f->f_flags = flags | (x->x_firm[0] ? STORE_FF_FIRM : 0);
}

void
pdfreport_store(struct store *st, const struct pdfctx *x,
    const struct inspect_result *r, unsigned flags)
{
	struct store_finding *f;
	struct store_check c;
	size_t i, n = 0;
	int rc, k;

	if (st == NULL || !x->x_doc.d_sha256[0])
		return;
	if ((f = calloc(r->r_nred + r->r_nids + 1, sizeof(*f))) == NULL) {
		log_warn(x->x_qid, "pdf check %s not stored: out of memory",
		    x->x_label);
		return;
	}
	for (i = 0; i < r->r_nred; i++, n++) {
		finding_base(&f[n], x, flags);
		f[n].f_class = STORE_FC_REDACTION;
		text_strlcpy(f[n].f_kind, cover_kind_name(r->r_red[i].ir_kind),
		    sizeof(f[n].f_kind));
		f[n].f_page = r->r_red[i].ir_page;
		for (k = 0; k < 4; k++)
			f[n].f_bbox[k] = (float)r->r_red[i].ir_bbox[k];
	}
	for (i = 0; i < r->r_nids; i++, n++) {
		finding_base(&f[n], x, flags);
		f[n].f_class = STORE_FC_IDENTIFIER;
		text_strlcpy(f[n].f_kind, pii_kind_name(r->r_ids[i].ii_kind),
		    sizeof(f[n].f_kind));
		f[n].f_page = r->r_ids[i].ii_page;
		text_strlcpy(f[n].f_shown, r->r_ids[i].ii_shown, sizeof(f[n].f_shown));
	}
	if (r->r_status != INSPECT_CHECKED) {
		finding_base(&f[n], x, flags);
		f[n].f_class = STORE_FC_UNCHECKED;
		text_strlcpy(f[n].f_kind, inspect_status_name(r->r_status),
		    sizeof(f[n].f_kind));
		text_strlcpy(f[n].f_detail, r->r_detail, sizeof(f[n].f_detail));
		n++;
	}
	memset(&c, 0, sizeof(c));
	text_strlcpy(c.c_sha256, x->x_doc.d_sha256, sizeof(c.c_sha256));
	c.c_time = (int64_t)time(NULL);
	c.c_status = r->r_status;
	text_strlcpy(c.c_detail, r->r_detail, sizeof(c.c_detail));
	c.c_pages = r->r_pages;
	c.c_nred = (unsigned)r->r_nred;
	c.c_nids = (unsigned)r->r_nids;
	c.c_flags = flags;
	if ((rc = store_finding_record(st, &c, f, n)) != STORE_OK)
		log_warn(x->x_qid, "pdf check %s not stored: %s", x->x_label,
		    store_strerror(rc));
	free(f);
}
