/*
 * NAME
 *	store_rec - record and key encoding for the store
 * SUMMARY
 *	big-endian integers, length-prefixed strings, bounded buffers
 * SYNOPSIS
 *	#include "store_rec.h"

#define DOC_REC_V	1
 * DESCRIPTION
 *	See store_rec.h.  The writer keeps small records in an inline
 *	buffer and moves to the heap when they grow; the reader never reads
 *	past its input.
 * DIAGNOSTICS
 *	Errors are sticky in the writer (rw_err: STORE_ENOMEM or
 *	STORE_EINVAL when over rw_max) and the reader (rr_err:
 *	STORE_ECORRUPT).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_doc.h"
#include "store_rec.h"

#define DOC_REC_V	1

static int	rec_w_reserve(struct rec_w *, size_t);
static const unsigned char *rec_take(struct rec_r *, size_t);

void
rec_w_init(struct rec_w *w, size_t max)
{
	w->rw_buf = w->rw_small;
	w->rw_len = 0;
	w->rw_cap = sizeof(w->rw_small);
	w->rw_max = max;
	w->rw_err = 0;
}

void
rec_w_reset(struct rec_w *w)
{
	w->rw_len = 0;
	w->rw_err = 0;
}

void
rec_w_free(struct rec_w *w)
{
	if (w->rw_buf != w->rw_small)
		free(w->rw_buf);
	w->rw_buf = w->rw_small;
	w->rw_cap = sizeof(w->rw_small);
	w->rw_len = 0;
}

/* Make room for n more bytes: 0, or -1 with rw_err set. */
static int
rec_w_reserve(struct rec_w *w, size_t n)
{
	size_t cap;
	unsigned char *p;

	if (w->rw_err)
		return -1;
	if (n > w->rw_max || w->rw_len > w->rw_max - n) {
		w->rw_err = STORE_EINVAL;
		return -1;
	}
	if (w->rw_len + n <= w->rw_cap)
		return 0;
	cap = w->rw_cap * 2;
	while (cap < w->rw_len + n)
		cap *= 2;
	if (w->rw_buf == w->rw_small) {
		p = malloc(cap);
		if (p != NULL)
			memcpy(p, w->rw_small, w->rw_len);
	} else
		p = realloc(w->rw_buf, cap);
	if (p == NULL) {
		w->rw_err = STORE_ENOMEM;
		return -1;
	}
	w->rw_buf = p;
	w->rw_cap = cap;
	return 0;
}

void
rec_put_bytes(struct rec_w *w, const void *p, size_t n)
{
	if (rec_w_reserve(w, n) != 0)
		return;
	if (n > 0)
		memcpy(w->rw_buf + w->rw_len, p, n);
	w->rw_len += n;
}

void
rec_put_u8(struct rec_w *w, unsigned v)
{
	unsigned char b = (unsigned char)v;

	rec_put_bytes(w, &b, 1);
}

void
rec_put_u16(struct rec_w *w, unsigned v)
{
	unsigned char b[2] = { (unsigned char)(v >> 8), (unsigned char)v };

	rec_put_bytes(w, b, 2);
}

void
rec_put_u32(struct rec_w *w, uint32_t v)
{
	unsigned char b[4];
	int i;

	for (i = 3; i >= 0; i--, v >>= 8)
		b[i] = (unsigned char)v;
	rec_put_bytes(w, b, 4);
}

void
rec_put_u64(struct rec_w *w, uint64_t v)
{
	unsigned char b[8];
	int i;

	for (i = 7; i >= 0; i--, v >>= 8)
		b[i] = (unsigned char)v;
	rec_put_bytes(w, b, 8);
}

void
rec_put_str(struct rec_w *w, const char *s)
{
	size_t n = s == NULL ? 0 : strlen(s);

	if (n > 0xffff) {
		w->rw_err = STORE_EINVAL;
		return;
	}
	rec_put_u16(w, (unsigned)n);
	rec_put_bytes(w, s, n);
}

void
rec_put_kstr(struct rec_w *w, const char *s)
{
	rec_put_bytes(w, s == NULL ? "" : s, (s == NULL ? 0 : strlen(s)) + 1);
}

void
rec_r_init(struct rec_r *r, const void *p, size_t n)
{
	r->rr_p = p;
	r->rr_len = n;
	r->rr_off = 0;
	r->rr_err = 0;
}

size_t
rec_left(const struct rec_r *r)
{
	return r->rr_err ? 0 : r->rr_len - r->rr_off;
}

/* The next n bytes, or NULL (and rr_err) when fewer are left. */
static const unsigned char *
rec_take(struct rec_r *r, size_t n)
{
	const unsigned char *p;

	if (r->rr_err || n > r->rr_len - r->rr_off) {
		r->rr_err = STORE_ECORRUPT;
		return NULL;
	}
	p = r->rr_p + r->rr_off;
	r->rr_off += n;
	return p;
}

unsigned
rec_get_u8(struct rec_r *r)
{
	const unsigned char *p = rec_take(r, 1);

	return p == NULL ? 0 : p[0];
}

unsigned
rec_get_u16(struct rec_r *r)
{
	const unsigned char *p = rec_take(r, 2);

	return p == NULL ? 0 : ((unsigned)p[0] << 8 | p[1]);
}

uint32_t
rec_get_u32(struct rec_r *r)
{
	const unsigned char *p = rec_take(r, 4);
	uint32_t v = 0;
	int i;

	if (p != NULL)
		for (i = 0; i < 4; i++)
			v = v << 8 | p[i];
	return v;
}

uint64_t
rec_get_u64(struct rec_r *r)
{
	const unsigned char *p = rec_take(r, 8);
	uint64_t v = 0;
	int i;

	if (p != NULL)
		for (i = 0; i < 8; i++)
			v = v << 8 | p[i];
	return v;
}

void
rec_get_bytes(struct rec_r *r, void *dst, size_t n)
{
	const unsigned char *p = rec_take(r, n);

	if (p != NULL)
		memcpy(dst, p, n);
	else
		memset(dst, 0, n);
}

void
rec_get_str(struct rec_r *r, char *dst, size_t size)
{
	size_t n = rec_get_u16(r);
	const unsigned char *p;

	dst[0] = '\0';
	if (r->rr_err)
		return;
	if (n >= size || memchr(r->rr_p + r->rr_off, '\0',
	    n <= r->rr_len - r->rr_off ? n : 0) != NULL) {
		r->rr_err = STORE_ECORRUPT;
		return;
	}
	if ((p = rec_take(r, n)) == NULL)
		return;
	memcpy(dst, p, n);
	dst[n] = '\0';
}

void
rec_get_kstr(struct rec_r *r, char *dst, size_t size)
{
	const unsigned char *s, *nul;
	size_t n;

	dst[0] = '\0';
	if (r->rr_err)
		return;
	s = r->rr_p + r->rr_off;
	nul = memchr(s, '\0', r->rr_len - r->rr_off);
	if (nul == NULL || (n = (size_t)(nul - s)) >= size) {
		r->rr_err = STORE_ECORRUPT;
		return;
	}
	memcpy(dst, s, n + 1);
	r->rr_off += n + 1;
}

int
rec_sha_from_hex(const char *hex, unsigned char out[32])
{
	size_t i;
	int hi, lo;

	if (hex == NULL || strlen(hex) != 64)
		return STORE_EINVAL;
	for (i = 0; i < 32; i++) {
		hi = hex[2 * i];
		lo = hex[2 * i + 1];
		if (!isxdigit((unsigned char)hi) || !isxdigit((unsigned char)lo))
			return STORE_EINVAL;
		hi = isdigit(hi) ? hi - '0' : tolower(hi) - 'a' + 10;
		lo = isdigit(lo) ? lo - '0' : tolower(lo) - 'a' + 10;
		out[i] = (unsigned char)(hi << 4 | lo);
	}
	return 0;
}

void
rec_sha_to_hex(const unsigned char in[32], char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < 32; i++) {
		hex[2 * i] = digits[in[i] >> 4];
		hex[2 * i + 1] = digits[in[i] & 15];
	}
	hex[64] = '\0';
}

int
rec_check_text(const char *s, size_t max)
{
	if (s == NULL || strlen(s) > max)
		return STORE_EINVAL;
	return 0;
}

int
rec_check_court(const char *s)
{
	size_t i, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > STORE_COURT_MAX)
		return STORE_EINVAL;
	for (i = 0; i < n; i++)
		if (!islower((unsigned char)s[i]) && !isdigit((unsigned char)s[i]))
			return STORE_EINVAL;
	return 0;
}

int
rec_check_docket(const char *s)
{
	size_t i, n;

	if (s == NULL || (n = strlen(s)) == 0 || n > STORE_DOCKET_MAX)
		return STORE_EINVAL;
	for (i = 0; i < n; i++)
		if (!isprint((unsigned char)s[i]))
			return STORE_EINVAL;
	return 0;
}

/* ------------------------------------------------------- documents */

void
rec_doc_key(struct rec_w *w, const char *court, const char *key, unsigned att)
{
	rec_put_kstr(w, court);
	rec_put_kstr(w, key);
	rec_put_u16(w, att);
}

void
rec_doc_entry_key(struct rec_w *w, const struct store_doc *d)
{
	rec_put_kstr(w, d->d_court);
	rec_put_kstr(w, d->d_docket);
	rec_put_u32(w, d->d_entry);
	rec_put_kstr(w, d->d_key);
	rec_put_u16(w, d->d_att);
}

void
rec_doc_sha_key(struct rec_w *w, const unsigned char sha[32],
    const struct store_doc *d)
{
	rec_put_bytes(w, sha, 32);
	rec_doc_key(w, d->d_court, d->d_key, d->d_att);
}

int
rec_doc_encode(struct rec_w *w, const struct store_doc *d,
    const unsigned char sha[32])
{
	rec_put_u8(w, DOC_REC_V);
	rec_put_str(w, d->d_docket);
	rec_put_u32(w, d->d_entry);
	rec_put_bytes(w, sha, 32);
	rec_put_u64(w, d->d_size);
	rec_put_str(w, d->d_label);
	rec_put_str(w, d->d_desc);
	rec_put_u64(w, (uint64_t)d->d_stored);
	return w->rw_err;
}

/* Decode a SDB_DOCS record (key and value) into *d. */
int
rec_doc_decode(const void *k, size_t kl, const void *v, size_t vl,
    struct store_doc *d)
{
	unsigned char sha[32];
	struct rec_r r;

	memset(d, 0, sizeof(*d));
	rec_r_init(&r, k, kl);
	rec_get_kstr(&r, d->d_court, sizeof(d->d_court));
	rec_get_kstr(&r, d->d_key, sizeof(d->d_key));
	d->d_att = rec_get_u16(&r);
	if (r.rr_err || rec_left(&r) != 0)
		return STORE_ECORRUPT;
	rec_r_init(&r, v, vl);
	if (rec_get_u8(&r) != DOC_REC_V)
		return STORE_ECORRUPT;
	rec_get_str(&r, d->d_docket, sizeof(d->d_docket));
	d->d_entry = rec_get_u32(&r);
	rec_get_bytes(&r, sha, 32);
	d->d_size = rec_get_u64(&r);
	rec_get_str(&r, d->d_label, sizeof(d->d_label));
	rec_get_str(&r, d->d_desc, sizeof(d->d_desc));
	d->d_stored = (int64_t)rec_get_u64(&r);
	if (r.rr_err)
		return STORE_ECORRUPT;
	rec_sha_to_hex(sha, d->d_sha256);
	return 0;
}
