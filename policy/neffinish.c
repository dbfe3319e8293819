/*
 * NAME
 *	neffinish 3 - the notice-wide facts, once every line is read
 * SYNOPSIS
 *	#include "neffinish.h"
 *
 *	void neffinish_run(const struct neffinish_in *in);
 * DESCRIPTION
 *	See neffinish.h.  The descriptions as juriscraper reads them come
 *	from the source ranges of the docket texts (HTML) or from the
 *	folded docket text (plain text).
 * DIAGNOSTICS
 *	None: memory errors leave fields NULL.
 */
#include <string.h>

#include "arena.h"
#include "casename.h"
#include "nef.h"
#include "nefchange.h"
#include "nefcourt.h"
#include "neffield.h"
#include "neffinish.h"
#include "nefkind.h"
#include "nefline.h"
#include "nefsubj.h"
#include "neftext.h"
#include "strbuf.h"

static char	*desc_html(const struct neffinish_in *, size_t, size_t, int);
static void	 finish_cases(const struct neffinish_in *);
static void	 finish_docs(struct nef *);
static void	 finish_descriptions(const struct neffinish_in *);
static void	 finish_links(struct nef *);
static void	 finish_partial(struct nef *);

/* The docket text of source [start, end) as juriscraper reads it. */
static char *
desc_html(const struct neffinish_in *in, size_t start, size_t end, int direct)
{
	struct strbuf	sb;
	char		*r;

	if (start >= end || end > in->fi_srclen)
		return NULL;
	strbuf_init(&sb, NEF_TEXT_MAX);
	neftext_desc_html(in->fi_src, start, end, direct, &sb);
	if (strbuf_error(&sb))
		in->fi_n->n_trunc |= NEF_TRUNC_TEXT;
	r = neffield_fold(in->fi_n, strbuf_str(&sb), sb.sb_len, 1);
	strbuf_free(&sb);
	return r;
}

/* Shared text, harmonized names, case ids, text-only entries. */
static void
finish_cases(const struct neffinish_in *in)
{
	struct nef	*n = in->fi_n;
	char		 buf[CASENAME_MAX + 1];
	size_t		 i;

	for (i = 0; i < n->n_ncases; i++) {
		struct nef_case *c = &n->n_cases[i];

		if (c->c_text == NULL)
			c->c_text = (char *)in->fi_shared_text;
		if (c->c_name_shown != NULL) {
			casename_harmonize(c->c_name_shown,
			    strlen(c->c_name_shown), buf, sizeof buf);
			c->c_name = arena_strdup(n->n_arena, buf);
		}
		c->c_case_id = c->c_has_link && c->c_link.dl_case_id[0] ?
		    arena_strdup(n->n_arena, c->c_link.dl_case_id) :
		    c->c_case_link_id;
		if (!c->c_has_link && c->c_text != NULL &&
		    nefline_find(c->c_text, strlen(c->c_text),
		    "text-only entry") != NULL)
			c->c_no_document = 1;
	}
}

/* Attachment numbers: from the stamp, else by order. */
static void
finish_docs(struct nef *n)
{
	size_t	i, att = 0;

	for (i = 0; i < n->n_ndocs; i++) {
		struct nef_doc *d = &n->n_docs[i];

		if (d->d_attno < 0)
			d->d_attno = (int)att;
		att = (size_t)d->d_attno + 1;
	}
}

static void
finish_descriptions(const struct neffinish_in *in)
{
	struct nef	*n = in->fi_n;
	size_t		 i;

	for (i = 0; i < n->n_ncases; i++) {
		struct nef_case *c = &n->n_cases[i];
		const size_t *rg = in->fi_range[i][1] > 0 ? in->fi_range[i] :
		    in->fi_has_shared ? in->fi_shared_range : NULL;

		c->c_description = c->c_text == NULL ? NULL :
		    neffield_fold(n, c->c_text, strlen(c->c_text), 1);
		if (in->fi_html && rg != NULL)
			c->c_description = desc_html(in, rg[0], rg[1],
			    n->n_kind == NEF_BANKRUPTCY);
	}
}

/* The main document's link is the entry's (not ACMS: per document). */
static void
finish_links(struct nef *n)
{
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
}

/* What a notice recognized by a new-case heading or its structure
 * alone does not show (the claims reader sets the claims' bits). */
static void
finish_partial(struct nef *n)
{
	size_t	i;
	int	doc = n->n_ndocs > 0, text = 0;

	if (n->n_class != NEF_CLASS_NEW_CASE &&
	    n->n_class != NEF_CLASS_STRUCTURE)
		return;
	for (i = 0; i < n->n_ncases; i++) {
		doc |= n->n_cases[i].c_has_link ||
		    n->n_cases[i].c_doc_number != NULL;
		text |= n->n_cases[i].c_text != NULL;
	}
	if (!doc)
		n->n_partial |= NEF_PART_DOCUMENT;
	if (!text)
		n->n_partial |= NEF_PART_TEXT;
	if (n->n_nlisted == 0)
		n->n_partial |= NEF_PART_RECIPIENTS;
	if (n->n_date_filed[0] == '\0')
		n->n_partial |= NEF_PART_DATE;
}

void
neffinish_run(const struct neffinish_in *in)
{
	struct nef	*n = in->fi_n;

	if (n->n_ncases == 0) {
		n->n_reason = NEF_R_NO_CASE;
		return;
	}
	finish_cases(in);
	n->n_description = n->n_cases[0].c_text;
	n->n_contains_attachments = in->fi_ndesc > 1;
	finish_docs(n);
	n->n_kind = n->n_class == NEF_CLASS_CLAIM ? NEF_CLAIM :
	    nefkind_detect(in->fi_d, n, in->fi_from);
	finish_descriptions(in);
	n->n_appellate = n->n_kind == NEF_APPELLATE || n->n_kind == NEF_ACMS;
	n->n_acms = n->n_kind == NEF_ACMS;
	finish_links(n);
	nefcourt_resolve(n, in->fi_d, in->fi_from);
	nefsubj_parse(n, n->n_arena);
	nefchange_read(n, in->fi_d, in->fi_subject);
	finish_partial(n);
	n->n_reason = NEF_R_NONE;
}
