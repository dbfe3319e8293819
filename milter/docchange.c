/*
 * NAME
 *	docchange 3 - documents and audit of a changed entry
 * SYNOPSIS
 *	#include "docchange.h"
 *
 *	void docchange_key(const struct nef *n, char *key, size_t size);
 *	int docchange_audit(const char *qid, struct store_audit *a,
 *	    const struct nef *n, const struct docs_set *ds);
 * DESCRIPTION
 *	See docchange.h.  Untrusted text (the old and new docket text) is
 *	cleaned before it is logged and stored.
 * DIAGNOSTICS
 *	One log line per changed entry.
 */
#include <stdio.h>
#include <string.h>

#include "docchange.h"
#include "docs.h"
#include "log.h"
#include "nef.h"
#include "nefchange.h"
#include "store_audit.h"
#include "strbuf.h"

static void	what_list(const struct nef *, struct strbuf *);

void
docchange_key(const struct nef *n, char *key, size_t size)
{
	size_t	len = strlen(key);

	if (n->n_change.ch_what == 0 || len == 0 || strchr(key, '.') != NULL)
		return;
	snprintf(key + len, size - len, ".%s", n->n_change.ch_key);
}

static void
what_list(const struct nef *n, struct strbuf *sb)
{
	unsigned	b;

	for (b = 1; b <= NEF_CHG_UPDATED; b <<= 1)
		if (n->n_change.ch_what & b)
			strbuf_printf(sb, "%s%s", sb->sb_len ? "," : "",
			    nefchange_name(b));
}

int
docchange_audit(const char *qid, struct store_audit *a, const struct nef *n,
    const struct docs_set *ds)
{
	const struct nef_change	*ch = &n->n_change;
	const struct nef_case	*c = n->n_ncases > 0 ? &n->n_cases[0] : NULL;
	struct strbuf		 what = STRBUF_INIT, item = STRBUF_INIT;
	char			 from[LOG_CLEAN_SIZE], to[LOG_CLEAN_SIZE];
	char			 text[LOG_CLEAN_SIZE];
	size_t			 i;
	int			 rc = 0;

	if (ch->ch_what == 0)
		return 0;
	what_list(n, &what);
	log_cleans(from, ch->ch_from ? ch->ch_from : "-");
	log_cleans(to, ch->ch_to ? ch->ch_to : "-");
	log_cleans(text, ch->ch_phrase ? ch->ch_phrase : "-");
	log_notice(qid, "changed entry: %s %s entry %s (%s) from \"%s\" to "
	    "\"%s\": %s", n->n_court[0] ? n->n_court : "-",
	    c && c->c_key[0] ? c->c_key : "-", ch->ch_entry ? ch->ch_entry : "?",
	    strbuf_str(&what), from, to, text);
	for (i = 0; ds != NULL && i < ds->ds_nitems; i++)
		if (ds->ds_items[i].di_in_store)
			log_info(qid, "changed entry: document %s/%s#%u is kept "
			    "beside any earlier version",
			    ds->ds_items[i].di_doc.d_court,
			    ds->ds_items[i].di_doc.d_key,
			    ds->ds_items[i].di_doc.d_att);
	if (a != NULL) {
		strbuf_printf(&item, "%s\t%s\t%s\t%s\t%s", strbuf_str(&what),
		    ch->ch_entry ? ch->ch_entry : "-", from, to, text);
		rc = strbuf_error(&item) || store_audit_item_add(a,
		    STORE_AUDIT_TAG_CHANGE, strbuf_str(&item)) != 0 ? -1 : 0;
	}
	strbuf_free(&what);
	strbuf_free(&item);
	return rc;
}
