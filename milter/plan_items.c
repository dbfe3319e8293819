/*
 * NAME
 *	plan_items 3 - what a notice's audit record tells the digest
 * SYNOPSIS
 *	#include "plan_items.h"
 * DESCRIPTION
 *	See plan_items.h and the tags in store_audit.h.  Each item is text:
 *	lines of TAB-separated fields, every control character of a value
 *	turned into a blank.  The document list stops short of the item
 *	size limit with a last line "more TAB N".  The MTA is the one
 *	macro v names (mta.h).
 * DIAGNOSTICS
 *	A failure to add an item is logged with the queue id; the record
 *	is still written without it.
 */
#include <stdio.h>
#include <string.h>

#include "decide.h"
#include "docs.h"
#include "log.h"
#include "mta.h"
#include "nef.h"
#include "plan.h"
#include "plan_items.h"
#include "shim.h"
#include "store.h"
#include "store_audit.h"
#include "store_case.h"
#include "strbuf.h"
#include "text.h"

#define PI_DOCS_ROOM	(STORE_AUDIT_ITEM_MAX - 1024)
#define PI_ENTRY_MAX	1000	/* bytes of docket text kept */

static void	pi_clean(struct strbuf *, const char *, size_t max);
static void	pi_add(const struct plan *, struct store_audit *, unsigned,
		    const char *);
static void	pi_flags(struct strbuf *, int store, int att, int cap);
static void	pi_docs(const struct plan *, struct store_audit *);
static void	pi_cases(const struct plan *, struct store_audit *);
static void	pi_mta(const struct plan *, struct store_audit *);

/* Append s (at most max bytes) with control characters as blanks. */
static void
pi_clean(struct strbuf *sb, const char *s, size_t max)
{
	size_t i;

	for (i = 0; s != NULL && s[i] != '\0' && i < max; i++)
		strbuf_putc(sb, (unsigned char)s[i] < 0x20 || s[i] == 0x7f ?
		    ' ' : s[i]);
}

static void
pi_add(const struct plan *p, struct store_audit *a, unsigned tag,
    const char *v)
{
	int rc;

	if ((rc = store_audit_item_add(a, tag, v)) != STORE_OK)
		log_warn(p->p_qid, "audit item %u left out: %s", tag,
		    store_strerror(rc));
}

/* store,attached,over-cap, or "-" for none. */
static void
pi_flags(struct strbuf *sb, int store, int att, int cap)
{
	const char *sep = "";

	if (store) {
		strbuf_puts(sb, "store");
		sep = ",";
	}
	if (att) {
		strbuf_printf(sb, "%sattached", sep);
		sep = ",";
	}
	if (cap) {
		strbuf_printf(sb, "%sover-cap", sep);
		sep = ",";
	}
	if (*sep == '\0')
		strbuf_putc(sb, '-');
}

/* CASE TAB ATT TAB RESULT TAB FLAGS TAB KEY TAB LABEL, per document. */
static void
pi_docs(const struct plan *p, struct store_audit *a)
{
	const struct docs_set *ds = p->p_docs;
	struct strbuf sb = STRBUF_INIT;
	size_t i, j;
	int att;

	if (ds == NULL || ds->ds_nitems == 0)
		return;
	for (i = 0; i < ds->ds_nitems; i++) {
		const struct docs_item *it = &ds->ds_items[i];
		const struct docs_link *l = &ds->ds_links[it->di_link];

		if (sb.sb_len > PI_DOCS_ROOM) {
			strbuf_printf(&sb, "more\t%zu\n", ds->ds_nitems - i);
			break;
		}
		for (j = 0, att = 0; j < p->p_natt; j++)
			att |= p->p_att[j].pa_item == i;
		strbuf_printf(&sb, "%d\t%d\t%s\t", l->dl_case, it->di_attno,
		    docs_result_name(it->di_result));
		pi_flags(&sb, it->di_from_store, att, !att &&
		    p->p_over_cap != NULL && p->p_over_cap[i]);
		strbuf_putc(&sb, '\t');
		pi_clean(&sb, l->dl_key, STORE_DOCKEY_MAX);
		strbuf_putc(&sb, '\t');
		if (p->p_restricted)
			strbuf_putc(&sb, '-');
		else if (it->di_doc.d_label[0])
			pi_clean(&sb, it->di_doc.d_label, STORE_LABEL_MAX);
		else
			pi_clean(&sb, it->di_desc && *it->di_desc ? it->di_desc :
			    "-", 200);
		strbuf_putc(&sb, '\n');
	}
	if (!strbuf_error(&sb))
		pi_add(p, a, STORE_AUDIT_TAG_DOCS, strbuf_str(&sb));
	strbuf_free(&sb);
}

/* CASE TAB NUMBER TAB NAME, per case (the number as the court shows it). */
static void
pi_cases(const struct plan *p, struct store_audit *a)
{
	const struct nef *n = p->p_nef;
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < n->n_ncases && i < STORE_AUDIT_CASES; i++) {
		const struct nef_case *c = &n->n_cases[i];

		strbuf_printf(&sb, "%zu\t", i);
		pi_clean(&sb, c->c_number_shown ? c->c_number_shown : c->c_key,
		    STORE_NAME_MAX);
		strbuf_putc(&sb, '\t');
		pi_clean(&sb, c->c_name_shown ? c->c_name_shown : "", 300);
		strbuf_putc(&sb, '\n');
	}
	if (sb.sb_len > 0 && !strbuf_error(&sb))
		pi_add(p, a, STORE_AUDIT_TAG_NAMES, strbuf_str(&sb));
	strbuf_free(&sb);
}

/* The MTA that handed the message over, when macro v names it. */
static void
pi_mta(const struct plan *p, struct store_audit *a)
{
	enum mta_kind k = mta_kind_of(shim_getsymval(p->p_ctx, "v"));

	if (k != MTA_UNKNOWN)
		pi_add(p, a, STORE_AUDIT_TAG_MTA, mta_name(k));
}

void
plan_items_failed(const struct plan *p, struct store_audit *a, int tempfail,
    const char *why)
{
	char reason[STORE_AUDIT_REASON_MAX + 1], v[STORE_AUDIT_REASON_MAX + 16];

	pi_add(p, a, STORE_AUDIT_TAG_KIND, nef_kind_name(p->p_nef->n_kind));
	pi_cases(p, a);
	pi_mta(p, a);
	text_printable(reason, sizeof(reason), why, strlen(why));
	snprintf(v, sizeof(v), "%s\t%s", tempfail ? "tempfail" : "accept",
	    reason);
	pi_add(p, a, STORE_AUDIT_TAG_ERROR, v);
}

void
plan_items(const struct plan *p, struct store_audit *a)
{
	const struct decide_out *d = p->p_dout;
	struct strbuf sb = STRBUF_INIT;
	char num[32];
	size_t i;

	pi_add(p, a, STORE_AUDIT_TAG_KIND, nef_kind_name(p->p_nef->n_kind));
	pi_docs(p, a);
	if (p->p_hold) {
		pi_clean(&sb, p->p_hold_reason, sizeof(p->p_hold_reason));
		pi_add(p, a, STORE_AUDIT_TAG_HOLD, strbuf_str(&sb));
		strbuf_reset(&sb);
	}
	if (p->p_rw.rs_stripped > 0) {
		snprintf(num, sizeof(num), "%zu", p->p_rw.rs_stripped);
		pi_add(p, a, STORE_AUDIT_TAG_LINKS, num);
	}
	pi_cases(p, a);
	pi_mta(p, a);
	for (i = 0; d != NULL && i < d->do_nadd; i++)
		strbuf_printf(&sb, "%s%s", i ? "," : "", d->do_add[i].dr_addr);
	if (sb.sb_len > 0 && !strbuf_error(&sb))
		pi_add(p, a, STORE_AUDIT_TAG_ADDED, strbuf_str(&sb));
	strbuf_reset(&sb);
	if (!p->p_restricted && p->p_nef->n_description != NULL) {
		pi_clean(&sb, p->p_nef->n_description, PI_ENTRY_MAX);
		pi_add(p, a, STORE_AUDIT_TAG_ENTRY, strbuf_str(&sb));
	}
	strbuf_free(&sb);
}
