/*
 * NAME
 *	report 3 - nefpdf's findings and their JSON form
 * SYNOPSIS
 *	#include "report.h"
 * DESCRIPTION
 *	See report.h.  The JSON is built with jansson and printed compact
 *	on one line; text found under a cover is passed through as UTF-8
 *	(jansson refuses invalid UTF-8, so bytes that are not are replaced
 *	with '?' first).
 * DIAGNOSTICS
 *	report_print() returns -1 when jansson or the stream fails.
 */
#include <jansson.h>
#include <mupdf/fitz/crypt.h>
#include <mupdf/fitz/version.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "cover.h"
#include "pii.h"
#include "report.h"

#define ENGINE_NAME	"MuPDF"

static char	*utf8_copy(const char *);
static void	 identifier_tag(const struct report *, const char *, size_t,
		    unsigned char *);

void
report_init(struct report *r)
{
	memset(r, 0, sizeof(*r));
	r->r_status = REPORT_CHECKED;
	if (getrandom(r->r_key, sizeof(r->r_key), 0) != (ssize_t)sizeof(r->r_key))
		memset(r->r_key, 0, sizeof(r->r_key));
}

void
report_free(struct report *r)
{
	size_t i;

	for (i = 0; i < r->r_nred; i++)
		free(r->r_red[i].rr_text);
	free(r->r_red);
	free(r->r_ids);
	memset(r, 0, sizeof(*r));
}

const char *
report_status_name(int s)
{
	switch (s) {
	case REPORT_CHECKED: return "checked";
	case REPORT_TIMEOUT: return "timeout";
	case REPORT_TOO_LARGE: return "too-large";
	}
	return "error";
}

void
report_fail(struct report *r, int status, const char *fmt, ...)
{
	va_list ap;
	size_t i;

	if (r->r_status != REPORT_CHECKED)
		return;
	r->r_status = status;
	va_start(ap, fmt);
	vsnprintf(r->r_detail, sizeof(r->r_detail), fmt, ap);
	va_end(ap);
	for (i = 0; r->r_detail[i]; i++)
		if ((unsigned char)r->r_detail[i] < 0x20 ||
		    (unsigned char)r->r_detail[i] > 0x7e)
			r->r_detail[i] = '?';
}

/* A copy with every byte of an invalid UTF-8 sequence made '?'. */
static char *
utf8_copy(const char *s)
{
	size_t n = strlen(s), i, k, len;
	unsigned char c;
	char *d;

	if ((d = malloc(n + 1)) == NULL)
		return NULL;
	memcpy(d, s, n + 1);
	for (i = 0; i < n; i += len) {
		c = (unsigned char)d[i];
		len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ?
		    3 : (c & 0xf8) == 0xf0 ? 4 : 0;
		for (k = 1; len > 1 && k < len; k++)
			if (i + k >= n || ((unsigned char)d[i + k] & 0xc0) != 0x80)
				break;
		if (len == 0 || k < len || (c >= 0x80 && c < 0xc2)) {
			d[i] = '?';
			len = 1;
		}
	}
	return d;
}

int
report_add_redaction(struct report *r, int page, const float bbox[4],
    int kind, const char *text)
{
	struct report_redaction *v, *x;

	if (r->r_nred >= REPORT_MAX_ITEMS) {
		r->r_truncated = 1;
		return 0;
	}
	if ((v = realloc(r->r_red, (r->r_nred + 1) * sizeof(*v))) == NULL)
		return -1;
	r->r_red = v;
	x = &v[r->r_nred];
	memset(x, 0, sizeof(*x));
	x->rr_page = page;
	memcpy(x->rr_bbox, bbox, sizeof(x->rr_bbox));
	x->rr_kind = kind;
	if ((x->rr_text = utf8_copy(text != NULL ? text : "")) == NULL)
		return -1;
	r->r_nred++;
	return 0;
}

/*
 * SHA-256 of the key and of the identifier's digits and letters (letters
 * upper-cased, everything else left out, so that "123-45-6789" and "123
 * 45 6789" are one number), cut to REPORT_TAG_LEN bytes.
 */
static void
identifier_tag(const struct report *r, const char *raw, size_t len,
    unsigned char *tag)
{
	unsigned char d[32], c;
	fz_sha256 h;
	size_t i;

	fz_sha256_init(&h);
	fz_sha256_update(&h, r->r_key, sizeof(r->r_key));
	for (i = 0; i < len; i++) {
		c = (unsigned char)raw[i];
		if (c >= 'a' && c <= 'z')
			c = (unsigned char)(c - 'a' + 'A');
		if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
			fz_sha256_update(&h, &c, 1);
	}
	fz_sha256_final(&h, d);
	memcpy(tag, d, REPORT_TAG_LEN);
	memset(d, 0, sizeof(d));
}

int
report_add_identifier(struct report *r, int page, int kind, const char *shown,
    const char *raw, size_t rawlen)
{
	struct report_identifier *v;
	unsigned char tag[REPORT_TAG_LEN];
	size_t i;

	identifier_tag(r, raw, rawlen, tag);
	for (i = r->r_nids; i > 0 && r->r_ids[i - 1].ri_page == page; i--)
		if (r->r_ids[i - 1].ri_kind == kind &&
		    memcmp(r->r_ids[i - 1].ri_tag, tag, sizeof(tag)) == 0)
			return 0;
	if (r->r_nids >= REPORT_MAX_ITEMS) {
		r->r_truncated = 1;
		return 0;
	}
	if ((v = realloc(r->r_ids, (r->r_nids + 1) * sizeof(*v))) == NULL)
		return -1;
	r->r_ids = v;
	memset(&v[r->r_nids], 0, sizeof(v[0]));
	v[r->r_nids].ri_page = page;
	v[r->r_nids].ri_kind = kind;
	snprintf(v[r->r_nids].ri_shown, sizeof(v[0].ri_shown), "%s", shown);
	memcpy(v[r->r_nids].ri_tag, tag, sizeof(tag));
	r->r_nids++;
	return 0;
}

/* A number of points, rounded to 0.01. */
static json_t *
coord(float v)
{
	return json_real((double)(long)(v * 100.0f + (v < 0 ? -0.5f : 0.5f)) /
	    100.0);
}

int
report_print(const struct report *r, FILE *fp)
{
	json_t *o, *red, *ids, *x, *b;
	char engine[64];
	size_t i;
	int k, rc = -1;

	o = json_object();
	red = json_array();
	ids = json_array();
	if (o == NULL || red == NULL || ids == NULL)
		goto out;
	json_object_set_new(o, "status", json_string(report_status_name(r->r_status)));
	if (r->r_status != REPORT_CHECKED)
		json_object_set_new(o, "detail", json_string(r->r_detail));
	json_object_set_new(o, "pages", json_integer(r->r_pages));
	json_object_set_new(o, "pages_checked", json_integer(r->r_pages_checked));
	for (i = 0; i < r->r_nred; i++) {
		const struct report_redaction *d = &r->r_red[i];

		x = json_object();
		b = json_array();
		for (k = 0; k < 4; k++)
			json_array_append_new(b, coord(d->rr_bbox[k]));
		json_object_set_new(x, "page", json_integer(d->rr_page));
		json_object_set_new(x, "bbox", b);
		json_object_set_new(x, "kind", json_string(cover_kind_name(d->rr_kind)));
		json_object_set_new(x, "text", json_string(d->rr_text));
		json_array_append_new(red, x);
	}
	for (i = 0; i < r->r_nids; i++) {
		x = json_object();
		json_object_set_new(x, "page", json_integer(r->r_ids[i].ri_page));
		json_object_set_new(x, "kind",
		    json_string(pii_kind_name(r->r_ids[i].ri_kind)));
		json_object_set_new(x, "shown", json_string(r->r_ids[i].ri_shown));
		json_array_append_new(ids, x);
	}
	json_object_set(o, "bad_redactions", red);
	json_object_set(o, "identifiers", ids);
	json_object_set_new(o, "truncated", json_boolean(r->r_truncated));
	snprintf(engine, sizeof(engine), "%s %s", ENGINE_NAME, FZ_VERSION);
	json_object_set_new(o, "engine", json_string(engine));
	json_object_set_new(o, "ms", json_integer(r->r_ms));
	if (json_dumpf(o, fp, JSON_COMPACT | JSON_REAL_PRECISION(8)) == 0 && fputc('\n', fp) != EOF &&
	    fflush(fp) == 0)
		rc = 0;
out:
	json_decref(red);
	json_decref(ids);
	json_decref(o);
	return rc;
}
