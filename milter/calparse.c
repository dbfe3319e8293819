/*
 * NAME
 *	calparse 3 - calendar events of a parsed notice
 * SYNOPSIS
 *	#include "calparse.h"
 * DESCRIPTION
 *	See calparse.h.  The reference date is the notice's own date: an
 *	event dated before the day the court filed the entry is past, and a
 *	notice read again later (a re-generated NEF, --parse on an old
 *	file) reads the same.
 * DIAGNOSTICS
 *	None.
 */
#include <stdio.h>
#include <string.h>

#include "calparse.h"
#include "calphrase.h"
#include "nef.h"

void
calparse_date(const struct caldate *d, char *buf, size_t size)
{
	snprintf(buf, size, "%04d-%02d-%02d", d->y, d->m, d->d);
}

void
calparse_case(const struct nef *n, size_t ci, unsigned kinds,
    const char *today, struct calev_set *out)
{
	struct calev_in		 in;
	const struct nef_case	*c;

	memset(out, 0, sizeof(*out));
	if (ci >= n->n_ncases || (c = &n->n_cases[ci])->c_text == NULL)
		return;
	memset(&in, 0, sizeof(in));
	in.ci_text = c->c_text;
	in.ci_len = strlen(c->c_text);
	in.ci_court = n->n_court[0] ? n->n_court : NULL;
	in.ci_kinds = kinds;
	calparse_ref(n, today, &in.ci_ref);
	calev_extract(&in, out);
}

void
calparse_ref(const struct nef *n, const char *today, struct caldate *ref)
{
	if (caldate_parse_iso(n->n_date_filed, ref) != 0 &&
	    caldate_parse_iso(n->n_date_entered, ref) != 0 &&
	    (today == NULL || caldate_parse_iso(today, ref) != 0))
		memset(ref, 0, sizeof(*ref));
}

static json_t *
cp_str_or_null(const char *s)
{
	return s != NULL && *s != '\0' ? json_string(s) : json_null();
}

json_t *
calparse_json(const struct nef *n, size_t ci, const struct calev_set *s)
{
	const char	*text = ci < n->n_ncases ? n->n_cases[ci].c_text : NULL;
	json_t		*a = json_array(), *o;
	char		 buf[32], src[CALEV_SCAN_MAX > 4096 ? 4096 : CALEV_SCAN_MAX];
	size_t		 i, len;

	for (i = 0; a != NULL && text != NULL && i < s->s_n; i++) {
		const struct calev *e = &s->s_ev[i];

		o = json_object();
		json_object_set_new(o, "kind",
		    json_string(calev_kind_name(e->e_kind)));
		json_object_set_new(o, "title", json_string(e->e_title));
		if (e->e_has_date) {
			calparse_date(&e->e_date, buf, sizeof(buf));
			json_object_set_new(o, "date", json_string(buf));
		} else
			json_object_set_new(o, "date", json_null());
		if (e->e_minute >= 0) {
			snprintf(buf, sizeof(buf), "%02d:%02d", e->e_minute / 60,
			    e->e_minute % 60);
			json_object_set_new(o, "time", json_string(buf));
		} else
			json_object_set_new(o, "time", json_null());
		json_object_set_new(o, "tz", cp_str_or_null(e->e_tz));
		json_object_set_new(o, "location",
		    cp_str_or_null(e->e_location));
		json_object_set_new(o, "cancelled", json_boolean(e->e_cancelled));
		json_object_set_new(o, "span", json_pack("[I,I]",
		    (json_int_t)e->e_off, (json_int_t)(e->e_off + e->e_len)));
		len = e->e_len < sizeof(src) - 1 ? e->e_len : sizeof(src) - 1;
		calphrase_copy(src, sizeof(src), text + e->e_off, len);
		json_object_set_new(o, "source", json_string(src));
		json_object_set_new(o, "change",
		    json_string(calev_change_name(e->e_change)));
		json_object_set_new(o, "judge", cp_str_or_null(e->e_judge));
		json_object_set_new(o, "tz_assumed", json_boolean(e->e_tz_assumed));
		json_object_set_new(o, "tz_stated", json_boolean(e->e_tz_stated));
		json_object_set_new(o, "key", json_string(e->e_key));
		json_object_set_new(o, "cites", e->e_ref ?
		    json_integer(e->e_ref) : json_null());
		if (e->e_has_from) {
			calparse_date(&e->e_from, buf, sizeof(buf));
			json_object_set_new(o, "from", json_string(buf));
		} else
			json_object_set_new(o, "from", json_null());
		json_array_append_new(a, o);
	}
	return a;
}
