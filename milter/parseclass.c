/*
 * NAME
 *	parseclass 3 - the class members of nefmilter --parse
 * SYNOPSIS
 *	#include "parseclass.h"
 *
 *	void parseclass_json(json_t *o, const struct nef *n);
 * DESCRIPTION
 *	See parseclass.h.  Absent values are JSON null.
 * DIAGNOSTICS
 *	None (jansson's own memory failures leave members out).
 */
#include <string.h>

#include <jansson.h>

#include "nef.h"
#include "nefclaim.h"
#include "nefchange.h"
#include "parseclass.h"

static json_t	*str_or_null(const char *);
static json_t	*empty_null(const char *);
static json_t	*claim_json(const struct nef *, const struct nef_claim *);
static json_t	*change_json(const struct nef *);
static json_t	*bits(unsigned, const char *(*)(unsigned));

static json_t *
str_or_null(const char *s)
{
	return s == NULL ? json_null() : json_string(s);
}

static json_t *
empty_null(const char *s)
{
	return s == NULL || *s == '\0' ? json_null() : json_string(s);
}

static json_t *
bits(unsigned v, const char *(*name)(unsigned))
{
	json_t		*a = json_array();
	unsigned	 b;

	for (b = 1; b != 0; b <<= 1)
		if (v & b)
			json_array_append_new(a, json_string(name(b)));
	return a;
}

static json_t *
claim_json(const struct nef *n, const struct nef_claim *c)
{
	const struct doclink	*l = c->cl_has_link ? &c->cl_link : NULL;
	const struct nef_case	*k = c->cl_case >= 0 &&
	    (size_t)c->cl_case < n->n_ncases ? &n->n_cases[c->cl_case] : NULL;
	json_t			*o = json_object();
	char			 key[32];
	int			 a;

	json_object_set_new(o, "claim_number", str_or_null(c->cl_number));
	json_object_set_new(o, "creditor", str_or_null(c->cl_creditor));
	json_object_set_new(o, "creditor_short",
	    str_or_null(c->cl_creditor_short));
	json_object_set_new(o, "creditor_address", str_or_null(c->cl_address));
	for (a = 0; a < NEF_AMOUNT_N; a++) {
		snprintf(key, sizeof key, "amount_%s", nefclaim_amount_name(a));
		json_object_set_new(o, key, str_or_null(c->cl_amount[a]));
	}
	json_object_set_new(o, "filer", str_or_null(c->cl_filer));
	json_object_set_new(o, "docket_number",
	    k != NULL ? empty_null(k->c_key) : json_null());
	json_object_set_new(o, "document_url",
	    l != NULL ? str_or_null(c->cl_link_url) : json_null());
	json_object_set_new(o, "pacer_doc_id",
	    l != NULL ? empty_null(l->dl_doc_id_norm) : json_null());
	json_object_set_new(o, "pacer_magic_num",
	    l != NULL ? empty_null(l->dl_magic) : json_null());
	json_object_set_new(o, "pacer_case_id",
	    l != NULL ? empty_null(l->dl_case_id) : json_null());
	json_object_set_new(o, "claim_id",
	    l != NULL ? empty_null(l->dl_claim_id) : json_null());
	json_object_set_new(o, "claim_doc_seq",
	    l != NULL ? empty_null(l->dl_claim_seq) : json_null());
	return o;
}

static json_t *
change_json(const struct nef *n)
{
	const struct nef_change	*ch = &n->n_change;
	json_t			*o;

	if (ch->ch_what == 0)
		return json_null();
	o = json_object();
	json_object_set_new(o, "what", bits(ch->ch_what, nefchange_name));
	json_object_set_new(o, "entry", str_or_null(ch->ch_entry));
	json_object_set_new(o, "from", str_or_null(ch->ch_from));
	json_object_set_new(o, "to", str_or_null(ch->ch_to));
	json_object_set_new(o, "text", str_or_null(ch->ch_phrase));
	json_object_set_new(o, "key", json_string(ch->ch_key));
	return o;
}

void
parseclass_json(json_t *o, const struct nef *n)
{
	json_t	*claims = json_array();
	size_t	 i;

	json_object_set_new(o, "class", json_string(nef_class_name(n->n_class)));
	json_object_set_new(o, "partial", bits(n->n_partial, nef_partial_name));
	for (i = 0; i < n->n_nclaims; i++)
		json_array_append_new(claims, claim_json(n, &n->n_claims[i]));
	json_object_set_new(o, "claims", claims);
	json_object_set_new(o, "change", change_json(n));
}
