/*
 * NAME
 *	doclabel 3 - names and descriptions of attached PDFs
 * SYNOPSIS
 *	#include "doclabel.h"
 *
 *	void doclabel_name(const struct cfg *cfg, const struct nef *n,
 *	    int attno, const char *desc, char *label, size_t size);
 *	void doclabel_description(const struct nef *n, int attno,
 *	    const char *desc, char *out, size_t size);
 * DESCRIPTION
 *	See doclabel.h.  The fields come from the notice's first case; a
 *	claims notice's document is its first claim's.
 * DIAGNOSTICS
 *	None.
 */
#include <stdio.h>
#include <string.h>

#include "cfg.h"
#include "doclabel.h"
#include "label.h"
#include "nef.h"
#include "nefchange.h"

static void	doclabel_fill(const struct nef *, int, const char *,
		    struct label_doc *);

static void
doclabel_fill(const struct nef *n, int attno, const char *desc,
    struct label_doc *d)
{
	const struct nef_case	*c = n->n_ncases > 0 ? &n->n_cases[0] : NULL;
	const struct nef_claim	*cl = n->n_kind == NEF_CLAIM &&
	    n->n_nclaims > 0 ? &n->n_claims[0] : NULL;

	memset(d, 0, sizeof(*d));
	d->ld_date = n->n_date_filed[0] ? n->n_date_filed : NULL;
	d->ld_court = n->n_court;
	d->ld_case = c ? (c->c_number_shown ? c->c_number_shown : c->c_key) :
	    NULL;
	d->ld_casekey = c && c->c_key[0] ? c->c_key : NULL;
	d->ld_entry = c ? c->c_doc_number : NULL;
	d->ld_att = attno > 0 ? (unsigned)attno : 0;
	d->ld_desc = (desc != NULL && *desc) ? desc :
	    (attno == 0 && n->n_short_desc ? n->n_short_desc : NULL);
	d->ld_docid = c && c->c_has_link ? c->c_link.dl_doc_id : NULL;
	d->ld_claim = cl ? cl->cl_number : NULL;
	d->ld_creditor = cl ? cl->cl_creditor_short : NULL;
	d->ld_change = nefchange_label(n);
}

void
doclabel_name(const struct cfg *cfg, const struct nef *n, int attno,
    const char *desc, char *label, size_t size)
{
	struct label_doc	 d;
	const char		*tmpl = n->n_kind == NEF_CLAIM ?
	    cfg->cf_claim_label_template : cfg->cf_label_template;

	doclabel_fill(n, attno, desc, &d);
	if (label_make(tmpl, &d, label, size) != 0)
		snprintf(label, size, "document-%d.pdf", attno);
}

void
doclabel_description(const struct nef *n, int attno, const char *desc,
    char *out, size_t size)
{
	struct label_doc	 d;

	doclabel_fill(n, attno, desc, &d);
	d.ld_desc = desc;
	if (d.ld_claim != NULL && (desc == NULL || *desc == '\0'))
		d.ld_desc = d.ld_creditor;
	label_description(&d, out, size);
}
