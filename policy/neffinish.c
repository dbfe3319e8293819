/*
 * NAME
 *	neffinish 3 - the notice-wide facts, once every line is read
 * SYNOPSIS
 *	#include "nefctx.h"
 * DESCRIPTION
 *	nefctx_finish() fills what needs the whole notice: shared docket
 *	text, harmonized case names, case ids, attachment numbers, the kind,
 *	the descriptions as juriscraper reads them, the court, and the short
 *	description from the subject.  Also the two line readers that fill
 *	notice-wide fields (the transaction line and the stamp).
 * DIAGNOSTICS
 *	None: memory errors leave fields NULL.
 */
#include <string.h>

#include "arena.h"
#include "casename.h"
#include "nef.h"
#include "nefcourt.h"
#include "nefctx.h"
#include "nefkind.h"
#include "nefline.h"
#include "nefsubj.h"
#include "neftext.h"
#include "strbuf.h"

static char	*desc_html(struct ctx *, size_t, size_t, int);

/* The docket text of source [start, end) as juriscraper reads it. */
static char *
desc_html(struct ctx *x, size_t start, size_t end, int direct)
{
	struct strbuf	sb;
	char		*r;

	if (start >= end || end > x->x_srclen)
		return NULL;
	strbuf_init(&sb, NEF_TEXT_MAX);
	neftext_desc_html(x->x_src, start, end, direct, &sb);
	if (strbuf_error(&sb))
		x->x_n->n_trunc |= NEF_TRUNC_TEXT;
	r = nefctx_clean_text(x, strbuf_str(&sb), sb.sb_len, 1);
	strbuf_free(&sb);
	return r;
}

/* The transaction line: dates, time, who entered it. */
void
nefctx_transaction(struct ctx *x, const char *s, size_t len)
{
	struct nef		*n = x->x_n;
	struct neftext_trans	 t;

	neftext_transaction(s, len, &t);
	if (n->n_date_filed[0] == '\0')
		memcpy(n->n_date_filed, t.t_filed, sizeof n->n_date_filed);
	if (n->n_date_entered[0] != '\0' || t.t_entered[0] == '\0')
		return;
	memcpy(n->n_date_entered, t.t_entered, sizeof n->n_date_entered);
	if (t.t_time_len > 0)
		n->n_time_entered = nefctx_dup_trim(x, s + t.t_time_off, t.t_time_len,
		    64);
	if (t.t_by_len > 0)
		n->n_entered_by = nefctx_dup_trim(x, s + t.t_by_off, t.t_by_len, 0);
}

/* The stamp collected for the current document. */
void
nefctx_finish_stamp(struct ctx *x)
{
	struct nef_doc		*d = x->x_doc;
	struct neftext_stamp	 st;
	const char		*s = strbuf_str(&x->x_buf);

	if (d == NULL)
		return;
	neftext_stamp(s, x->x_buf.sb_len, &st);
	if (st.st_id_len > 0)
		d->d_stamp_id = nefctx_dup_trim(x, s + st.st_id_off, st.st_id_len, 64);
	if (st.st_file_number[0] != '\0')
		d->d_file_number = arena_strdup(x->x_a, st.st_file_number);
	if (st.st_attno >= 0)
		d->d_attno = st.st_attno;
}

/* Folded text in the arena (see neftext_fold()), cut at NEF_TEXT_MAX. */
char *
nefctx_clean_text(struct ctx *x, const char *s, size_t len, int js)
{
	char	*r;

	if (len >= NEF_TEXT_MAX) {
		len = NEF_TEXT_MAX - 1;
		x->x_n->n_trunc |= NEF_TRUNC_TEXT;
	}
	r = arena_alloc(x->x_a, len + 1);
	if (r != NULL)
		neftext_fold(s, len, js, r);
	return r;
}

void
nefctx_finish(struct ctx *x, const struct nef_input *in)
{
	struct nef	*n = x->x_n;
	size_t		 i, att = 0;
	char		 buf[CASENAME_MAX + 1];

	if (n->n_ncases == 0) {
		n->n_reason = NEF_R_NO_CASE;
		return;
	}
	for (i = 0; i < n->n_ncases; i++) {
		struct nef_case *c = &n->n_cases[i];

		if (c->c_text == NULL)
			c->c_text = x->x_shared_text;
		if (c->c_name_shown != NULL) {
			casename_harmonize(c->c_name_shown,
			    strlen(c->c_name_shown), buf, sizeof buf);
			c->c_name = arena_strdup(x->x_a, buf);
		}
		c->c_case_id = c->c_has_link && c->c_link.dl_case_id[0] ?
		    arena_strdup(x->x_a, c->c_link.dl_case_id) :
		    c->c_case_link_id;
		if (!c->c_has_link && c->c_text != NULL &&
		    nefline_find(c->c_text, strlen(c->c_text),
		    "text-only entry") != NULL)
			c->c_no_document = 1;
	}
	n->n_description = n->n_cases[0].c_text;
	n->n_contains_attachments = x->x_ndesc > 1;
	/* Attachment numbers: from the stamp, else by order. */
	for (i = 0; i < n->n_ndocs; i++) {
		struct nef_doc *d = &n->n_docs[i];

		if (d->d_attno < 0)
			d->d_attno = (int)att;
		att = (size_t)d->d_attno + 1;
	}
	n->n_kind = nefkind_detect(&x->x_d, n, in->ni_from);
	for (i = 0; i < n->n_ncases; i++) {
		struct nef_case *c = &n->n_cases[i];
		size_t *rg = x->x_range[i][1] > 0 ? x->x_range[i] :
		    x->x_has_shared ? x->x_shared_range : NULL;

		c->c_description = c->c_text == NULL ? NULL : nefctx_clean_text(x,
		    c->c_text, strlen(c->c_text), 1);
		if (x->x_html && rg != NULL)
			c->c_description = desc_html(x, rg[0], rg[1],
			    n->n_kind == NEF_BANKRUPTCY);
	}
	n->n_appellate = n->n_kind == NEF_APPELLATE || n->n_kind == NEF_ACMS;
	n->n_acms = n->n_kind == NEF_ACMS;
	/* The main document's link is the entry's (not ACMS: per doc). */
	if (!n->n_acms && n->n_ndocs > 0 && n->n_cases[0].c_has_link &&
	    n->n_docs[0].d_attno == 0) {
		n->n_docs[0].d_has_link = 1;
		n->n_docs[0].d_link = n->n_cases[0].c_link;
		n->n_docs[0].d_link_url = n->n_cases[0].c_link_url;
	}
	if (n->n_acms && n->n_ndocs > 0 && !n->n_cases[0].c_has_link) {
		n->n_cases[0].c_has_link = 1;
		n->n_cases[0].c_link = n->n_docs[0].d_link;
		n->n_cases[0].c_link_url = n->n_docs[0].d_link_url;
	}
	nefcourt_resolve(n, &x->x_d, in->ni_from);
	nefsubj_parse(n, x->x_a);
	n->n_reason = NEF_R_NONE;
}
