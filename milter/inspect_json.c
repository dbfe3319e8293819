/*
 * NAME
 *	inspect_json 3 - the helper's JSON answer into a struct
 * SYNOPSIS
 *	#include "inspect_json.h"
 *
 *	int inspect_json_parse(const char *json, size_t len,
 *	    struct inspect_result *r);
 * DESCRIPTION
 *	The answer is untrusted like anything a document can influence:
 *	every member is checked for its type and range (pages from 1 to
 *	"pages", at most INSPECT_ITEMS_MAX entries in a list, known kinds
 *	only, strings capped), and anything else makes the answer
 *	unreadable rather than half read.
 * DIAGNOSTICS
 *	-1 with r_detail naming the member that is wrong.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cover.h"
#include "inspect.h"
#include "inspect_json.h"
#include "pii.h"
#include "text.h"

static int	bad(struct inspect_result *, const char *what);
static int	red_kind(const char *);
static int	id_kind(const char *);
static int	get_reds(json_t *, struct inspect_result *);
static int	get_ids(json_t *, struct inspect_result *);

static int
bad(struct inspect_result *r, const char *what)
{
	r->r_status = INSPECT_ERROR;
	snprintf(r->r_detail, sizeof(r->r_detail), "the helper's answer is not "
	    "readable (%s)", what);
	return -1;
}

static int
red_kind(const char *s)
{
	static const struct { const char *n; int k; } t[] = {
		{ "cover", COVER_K_PATH }, { "annotation", COVER_K_ANNOT },
		{ "highlight", COVER_K_HIGHLIGHT }, { "image", COVER_K_IMAGE },
		{ "unapplied", COVER_K_REDACT },
	};
	size_t i;

	for (i = 0; s != NULL && i < sizeof(t) / sizeof(t[0]); i++)
		if (strcmp(s, t[i].n) == 0)
			return t[i].k;
	return -1;
}

static int
id_kind(const char *s)
{
	int k;

	for (k = 0; s != NULL && k < PII_NKINDS; k++)
		if (strcmp(s, pii_kind_name(k)) == 0)
			return k;
	return -1;
}

static int
page_ok(json_t *v, const struct inspect_result *r)
{
	return json_is_integer(v) && json_integer_value(v) >= 1 &&
	    json_integer_value(v) <= r->r_pages;
}

static int
get_reds(json_t *a, struct inspect_result *r)
{
	size_t i, k, n = json_array_size(a);
	const char *text;

	if (!json_is_array(a) || n > INSPECT_ITEMS_MAX)
		return bad(r, "bad_redactions");
	if (n > 0 && (r->r_red = calloc(n, sizeof(*r->r_red))) == NULL)
		return bad(r, "out of memory");
	for (i = 0; i < n; i++) {
		json_t *x = json_array_get(a, i), *b = json_object_get(x, "bbox");
		struct inspect_red *d = &r->r_red[r->r_nred];

		d->ir_kind = red_kind(json_string_value(json_object_get(x, "kind")));
		text = json_string_value(json_object_get(x, "text"));
		if (!page_ok(json_object_get(x, "page"), r) || d->ir_kind < 0 ||
		    text == NULL || json_array_size(b) != 4)
			return bad(r, "a bad redaction");
		d->ir_page = (int)json_integer_value(json_object_get(x, "page"));
		for (k = 0; k < 4; k++) {
			if (!json_is_number(json_array_get(b, k)))
				return bad(r, "a bbox");
			d->ir_bbox[k] = json_number_value(json_array_get(b, k));
		}
		if ((d->ir_text = strndup(text, INSPECT_TEXT_MAX)) == NULL)
			return bad(r, "out of memory");
		r->r_nred++;
	}
	return 0;
}

static int
get_ids(json_t *a, struct inspect_result *r)
{
	size_t i, n = json_array_size(a);
	const char *shown;

	if (!json_is_array(a) || n > INSPECT_ITEMS_MAX)
		return bad(r, "identifiers");
	if (n > 0 && (r->r_ids = calloc(n, sizeof(*r->r_ids))) == NULL)
		return bad(r, "out of memory");
	for (i = 0; i < n; i++) {
		json_t *x = json_array_get(a, i);
		struct inspect_id *d = &r->r_ids[r->r_nids];

		d->ii_kind = id_kind(json_string_value(json_object_get(x, "kind")));
		shown = json_string_value(json_object_get(x, "shown"));
		if (!page_ok(json_object_get(x, "page"), r) || d->ii_kind < 0 ||
		    shown == NULL)
			return bad(r, "an identifier");
		d->ii_page = (int)json_integer_value(json_object_get(x, "page"));
		text_printable(d->ii_shown, sizeof(d->ii_shown), shown, strlen(shown));
		r->r_nids++;
	}
	return 0;
}

int
inspect_json_parse(const char *json, size_t len, struct inspect_result *r)
{
	static const char *const names[] = { "checked", "error", "timeout",
	    "too-large" };
	json_error_t je;
	json_t *o;
	const char *st, *detail;
	int i, rc = -1;

	if ((o = json_loadb(json, len, 0, &je)) == NULL || !json_is_object(o)) {
		json_decref(o);
		return bad(r, "not a JSON object");
	}
	st = json_string_value(json_object_get(o, "status"));
	for (i = 0; st != NULL && i < 4 && strcmp(st, names[i]) != 0; i++)
		;
	if (st == NULL || i == 4) {
		bad(r, "status");
		goto out;
	}
	r->r_status = i;	/* the order of enum inspect_status */
	detail = json_string_value(json_object_get(o, "detail"));
	if (detail != NULL)
		text_printable(r->r_detail, sizeof(r->r_detail), detail,
		    strlen(detail));
	if (!json_is_integer(json_object_get(o, "pages")) ||
	    json_integer_value(json_object_get(o, "pages")) < 0) {
		bad(r, "pages");
		goto out;
	}
	r->r_pages = (int)json_integer_value(json_object_get(o, "pages"));
	r->r_pages_checked = (int)json_integer_value(json_object_get(o,
	    "pages_checked"));
	r->r_truncated = json_is_true(json_object_get(o, "truncated"));
	if (get_reds(json_object_get(o, "bad_redactions"), r) != 0 ||
	    get_ids(json_object_get(o, "identifiers"), r) != 0)
		goto out;
	if (r->r_status != INSPECT_CHECKED && r->r_detail[0] == '\0')
		snprintf(r->r_detail, sizeof(r->r_detail), "no reason given");
	rc = 0;
out:
	json_decref(o);
	return rc;
}
