/*
 * NAME
 *	store_finding - the disclosure check's findings in the store
 * SUMMARY
 *	one record per check (latest per content), one per finding, two
 *	indexes
 * SYNOPSIS
 *	#include "store_finding.h"
 * DESCRIPTION
 *	See store_finding.h.  Findings are keyed by time and a sequence
 *	number ("finding_seq", shared with the check ids), so they are
 *	unique and in time order; the case and sha256 indexes end with the
 *	same 16 bytes, so a walk of either yields time order too.  A query
 *	walks the most selective index it has a criterion for, then checks
 *	the rest on the record.  Boxes are kept in hundredths of a point.
 * DIAGNOSTICS
 *	STORE_EINVAL for a record over a limit; STORE_ECORRUPT when a
 *	stored record does not decode.
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_db.h"
#include "store_finding.h"
#include "store_rec.h"

#define FINDING_REC_V	1
#define CHECK_REC_V	1
#define FINDING_KEY_LEN	16

struct record {
	struct store_check	*r_c;
	struct store_finding	*r_f;
	size_t			 r_n;
};

struct fquery {
	const struct store_finding_query *q;
	struct sdb_txn		*q_t;
	struct store_finding	*q_v;
	size_t			 q_n, q_cap;
	int			 q_index;	/* walking an index */
	size_t			 q_plen;
};

static void	encode(struct rec_w *, const struct store_finding *,
		    const unsigned char sha[32]);
static int	decode(const void *, size_t, const void *, size_t,
		    struct store_finding *);
static int	check_one(const struct store_finding *);
static int	record_fn(struct sdb_txn *, void *);
static int	next_seq(struct sdb_txn *, uint64_t *);

const char *
store_finding_class_name(int c)
{
	switch (c) {
	case STORE_FC_REDACTION: return "redaction";
	case STORE_FC_IDENTIFIER: return "identifier";
	}
	return "unchecked";
}

static void
encode(struct rec_w *w, const struct store_finding *f,
    const unsigned char sha[32])
{
	int k;

	rec_put_u8(w, FINDING_REC_V);
	rec_put_u64(w, (uint64_t)f->f_time);
	rec_put_u64(w, f->f_check);
	rec_put_str(w, f->f_qid);
	rec_put_str(w, f->f_court);
	rec_put_str(w, f->f_docket);
	rec_put_u32(w, f->f_entry);
	rec_put_str(w, f->f_key);
	rec_put_u16(w, f->f_att);
	rec_put_bytes(w, sha, 32);
	rec_put_str(w, f->f_label);
	rec_put_u8(w, (unsigned)f->f_class);
	rec_put_str(w, f->f_kind);
	rec_put_u32(w, (uint32_t)f->f_page);
	for (k = 0; k < 4; k++)
		rec_put_u32(w, (uint32_t)(int32_t)(f->f_bbox[k] * 100.0f));
	rec_put_str(w, f->f_shown);
	rec_put_str(w, f->f_detail);
	rec_put_u32(w, f->f_flags);
}

static int
decode(const void *k, size_t kl, const void *v, size_t vl,
    struct store_finding *f)
{
	unsigned char sha[32];
	struct rec_r r;
	int i;

	memset(f, 0, sizeof(*f));
	if (kl != FINDING_KEY_LEN)
		return STORE_ECORRUPT;
	rec_r_init(&r, k, kl);
	(void)rec_get_u64(&r);
	f->f_id = rec_get_u64(&r);
	rec_r_init(&r, v, vl);
	if (rec_get_u8(&r) != FINDING_REC_V)
		return STORE_ECORRUPT;
	f->f_time = (int64_t)rec_get_u64(&r);
	f->f_check = rec_get_u64(&r);
	rec_get_str(&r, f->f_qid, sizeof(f->f_qid));
	rec_get_str(&r, f->f_court, sizeof(f->f_court));
	rec_get_str(&r, f->f_docket, sizeof(f->f_docket));
	f->f_entry = rec_get_u32(&r);
	rec_get_str(&r, f->f_key, sizeof(f->f_key));
	f->f_att = rec_get_u16(&r);
	rec_get_bytes(&r, sha, 32);
	rec_sha_to_hex(sha, f->f_sha256);
	rec_get_str(&r, f->f_label, sizeof(f->f_label));
	f->f_class = (int)rec_get_u8(&r);
	rec_get_str(&r, f->f_kind, sizeof(f->f_kind));
	f->f_page = (int)rec_get_u32(&r);
	for (i = 0; i < 4; i++)
		f->f_bbox[i] = (float)(int32_t)rec_get_u32(&r) / 100.0f;
	rec_get_str(&r, f->f_shown, sizeof(f->f_shown));
	rec_get_str(&r, f->f_detail, sizeof(f->f_detail));
	f->f_flags = rec_get_u32(&r);
	return r.rr_err ? STORE_ECORRUPT : 0;
}

/* Every string terminated within its field, keys valid. */
static int
check_one(const struct store_finding *f)
{
	unsigned char sha[32];

	if (rec_check_court(f->f_court) != 0 ||
	    (f->f_docket[0] && rec_check_docket(f->f_docket) != 0) ||
	    rec_sha_from_hex(f->f_sha256, sha) != 0 ||
	    memchr(f->f_qid, '\0', sizeof(f->f_qid)) == NULL ||
	    memchr(f->f_key, '\0', sizeof(f->f_key)) == NULL ||
	    memchr(f->f_label, '\0', sizeof(f->f_label)) == NULL ||
	    memchr(f->f_kind, '\0', sizeof(f->f_kind)) == NULL ||
	    memchr(f->f_shown, '\0', sizeof(f->f_shown)) == NULL ||
	    memchr(f->f_detail, '\0', sizeof(f->f_detail)) == NULL ||
	    f->f_class < STORE_FC_REDACTION || f->f_class > STORE_FC_UNCHECKED ||
	    f->f_att > 0xffff || f->f_page < 0)
		return STORE_EINVAL;
	return 0;
}

static int
next_seq(struct sdb_txn *t, uint64_t *seq)
{
	struct rec_w w;
	struct rec_r r;
	const void *v;
	size_t vl;
	int rc;

	rc = sdb_get(t, SDB_META, "finding_seq", 11, &v, &vl);
	*seq = 1;
	if (rc == 0 && vl == 8) {
		rec_r_init(&r, v, vl);
		*seq = rec_get_u64(&r) + 1;
	} else if (rc != STORE_ENOTFOUND && rc != 0)
		return rc;
	rec_w_init(&w, REC_KEY_MAX);
	rec_put_u64(&w, *seq);
	rc = sdb_put(t, SDB_META, "finding_seq", 11, w.rw_buf, w.rw_len);
	rec_w_free(&w);
	return rc;
}

/* One finding and its two index entries. */
static int
put_finding(struct sdb_txn *t, struct store_finding *f,
    const unsigned char sha[32])
{
	unsigned char key[FINDING_KEY_LEN];
	struct rec_w k, w;
	int rc;

	if ((rc = next_seq(t, &f->f_id)) != 0)
		return rc;
	rec_w_init(&k, REC_KEY_MAX);
	rec_w_init(&w, REC_MAX);
	rec_put_u64(&k, (uint64_t)f->f_time);
	rec_put_u64(&k, f->f_id);
	memcpy(key, k.rw_buf, FINDING_KEY_LEN);
	encode(&w, f, sha);
	rc = w.rw_err ? STORE_EINVAL :
	    sdb_put(t, SDB_FINDING, key, FINDING_KEY_LEN, w.rw_buf, w.rw_len);
	if (rc == 0) {
		rec_w_reset(&k);
		rec_put_kstr(&k, f->f_court);
		rec_put_kstr(&k, f->f_docket);
		rec_put_bytes(&k, key, FINDING_KEY_LEN);
		rc = k.rw_err ? STORE_EINVAL :
		    sdb_put(t, SDB_FINDING_CASE, k.rw_buf, k.rw_len, "", 0);
	}
	if (rc == 0) {
		rec_w_reset(&k);
		rec_put_bytes(&k, sha, 32);
		rec_put_bytes(&k, key, FINDING_KEY_LEN);
		rc = sdb_put(t, SDB_FINDING_SHA, k.rw_buf, k.rw_len, "", 0);
	}
	rec_w_free(&k);
	rec_w_free(&w);
	return rc;
}

static int
record_fn(struct sdb_txn *t, void *arg)
{
	struct record *d = arg;
	struct store_check *c = d->r_c;
	unsigned char sha[32];
	struct rec_w w;
	size_t i;
	int rc;

	rec_sha_from_hex(c->c_sha256, sha);
	if ((rc = next_seq(t, &c->c_id)) != 0)
		return rc;
	rec_w_init(&w, REC_MAX);
	rec_put_u8(&w, CHECK_REC_V);
	rec_put_u64(&w, (uint64_t)c->c_time);
	rec_put_u64(&w, c->c_id);
	rec_put_u8(&w, (unsigned)c->c_status);
	rec_put_str(&w, c->c_detail);
	rec_put_u32(&w, (uint32_t)c->c_pages);
	rec_put_u32(&w, c->c_nred);
	rec_put_u32(&w, c->c_nids);
	rec_put_u32(&w, c->c_flags);
	rc = w.rw_err ? STORE_EINVAL : sdb_put(t, SDB_CHECK, sha, 32, w.rw_buf,
	    w.rw_len);
	rec_w_free(&w);
	for (i = 0; rc == 0 && i < d->r_n; i++) {
		d->r_f[i].f_check = c->c_id;
		d->r_f[i].f_time = c->c_time;
		memcpy(d->r_f[i].f_sha256, c->c_sha256, sizeof(c->c_sha256));
		rc = put_finding(t, &d->r_f[i], sha);
	}
	return rc;
}

int
store_finding_record(struct store *st, struct store_check *c,
    struct store_finding *f, size_t n)
{
	struct record d;
	unsigned char sha[32];
	size_t i;

	if (rec_sha_from_hex(c->c_sha256, sha) != 0 || n > STORE_FINDINGS_MAX ||
	    (n > 0 && f == NULL) ||
	    memchr(c->c_detail, '\0', sizeof(c->c_detail)) == NULL ||
	    c->c_status < 0 || c->c_status > 255)
		return STORE_EINVAL;
	for (i = 0; i < n; i++) {
		memcpy(f[i].f_sha256, c->c_sha256, sizeof(c->c_sha256));
		if (check_one(&f[i]) != 0)
			return STORE_EINVAL;
	}
	d.r_c = c;
	d.r_f = f;
	d.r_n = n;
	return sdb_write(st, record_fn, &d);
}

static int
get_check_fn(struct sdb_txn *t, void *arg)
{
	struct store_check *c = arg;
	unsigned char sha[32];
	struct rec_r r;
	const void *v;
	size_t vl;
	int rc;

	rec_sha_from_hex(c->c_sha256, sha);
	if ((rc = sdb_get(t, SDB_CHECK, sha, 32, &v, &vl)) != 0)
		return rc;
	rec_r_init(&r, v, vl);
	if (rec_get_u8(&r) != CHECK_REC_V)
		return STORE_ECORRUPT;
	c->c_time = (int64_t)rec_get_u64(&r);
	c->c_id = rec_get_u64(&r);
	c->c_status = (int)rec_get_u8(&r);
	rec_get_str(&r, c->c_detail, sizeof(c->c_detail));
	c->c_pages = (int)rec_get_u32(&r);
	c->c_nred = rec_get_u32(&r);
	c->c_nids = rec_get_u32(&r);
	c->c_flags = rec_get_u32(&r);
	return r.rr_err ? STORE_ECORRUPT : 0;
}

int
store_check_get(struct store *st, const char *sha256, struct store_check *out)
{
	unsigned char sha[32];

	memset(out, 0, sizeof(*out));
	if (sha256 == NULL || rec_sha_from_hex(sha256, sha) != 0)
		return STORE_EINVAL;
	memcpy(out->c_sha256, sha256, STORE_SHA_HEX);
	out->c_sha256[STORE_SHA_HEX] = '\0';
	return sdb_read(st, get_check_fn, out);
}

/* ---------------------------------------------------------------- query */

static int
match(const struct store_finding_query *q, const struct store_finding *f)
{
	if (q->fq_since != 0 && f->f_time < q->fq_since)
		return 0;
	if (q->fq_until != 0 && f->f_time >= q->fq_until)
		return 0;
	if (q->fq_check != 0 && f->f_check != q->fq_check)
		return 0;
	if (q->fq_court != NULL && (strcmp(q->fq_court, f->f_court) != 0 ||
	    (q->fq_docket != NULL && strcmp(q->fq_docket, f->f_docket) != 0)))
		return 0;
	if (q->fq_sha256 != NULL && strcmp(q->fq_sha256, f->f_sha256) != 0)
		return 0;
	return 1;
}

static int
take(struct fquery *fq, const void *k, size_t kl, const void *v, size_t vl)
{
	struct store_finding f, *nv;
	int rc;

	if ((rc = decode(k, kl, v, vl, &f)) != 0)
		return rc;
	if (!match(fq->q, &f))
		return 0;
	if (fq->q_n == fq->q_cap) {
		size_t cap = fq->q_cap ? fq->q_cap * 2 : 16;

		if ((nv = realloc(fq->q_v, cap * sizeof(*nv))) == NULL)
			return STORE_ENOMEM;
		fq->q_v = nv;
		fq->q_cap = cap;
	}
	fq->q_v[fq->q_n++] = f;
	return 0;
}

static int
walk_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct fquery *fq = arg;
	const unsigned char *key = k;
	const void *rv;
	size_t rvl;
	int rc;

	if (!fq->q_index)
		return take(fq, k, kl, v, vl);
	if (kl < fq->q_plen + FINDING_KEY_LEN)
		return STORE_ECORRUPT;
	key += kl - FINDING_KEY_LEN;
	if ((rc = sdb_get(fq->q_t, SDB_FINDING, key, FINDING_KEY_LEN, &rv,
	    &rvl)) != 0)
		return rc == STORE_ENOTFOUND ? 0 : rc;
	return take(fq, key, FINDING_KEY_LEN, rv, rvl);
}

static int
query_fn(struct sdb_txn *t, void *arg)
{
	struct fquery *fq = arg;
	const struct store_finding_query *q = fq->q;
	unsigned char sha[32];
	struct rec_w w;
	int rc, table = SDB_FINDING;

	fq->q_t = t;
	fq->q_n = 0;
	rec_w_init(&w, REC_KEY_MAX);
	if (q->fq_sha256 != NULL) {
		if (rec_sha_from_hex(q->fq_sha256, sha) != 0) {
			rec_w_free(&w);
			return STORE_EINVAL;
		}
		rec_put_bytes(&w, sha, 32);
		table = SDB_FINDING_SHA;
	} else if (q->fq_court != NULL && q->fq_docket != NULL) {
		rec_put_kstr(&w, q->fq_court);
		rec_put_kstr(&w, q->fq_docket);
		table = SDB_FINDING_CASE;
	}
	fq->q_index = table != SDB_FINDING;
	fq->q_plen = w.rw_len;
	rc = w.rw_err ? STORE_EINVAL : sdb_walk(t, table, w.rw_buf, w.rw_len,
	    NULL, 0, walk_one, fq);
	rec_w_free(&w);
	return rc;
}

static int
by_time(const void *a, const void *b)
{
	const struct store_finding *x = a, *y = b;

	if (x->f_time != y->f_time)
		return x->f_time < y->f_time ? -1 : 1;
	return x->f_id < y->f_id ? -1 : x->f_id > y->f_id;
}

int
store_finding_query(struct store *st, const struct store_finding_query *q,
    struct store_finding **out, size_t *n)
{
	struct fquery fq;
	int rc;

	*out = NULL;
	*n = 0;
	memset(&fq, 0, sizeof(fq));
	fq.q = q;
	if ((rc = sdb_read(st, query_fn, &fq)) != 0) {
		free(fq.q_v);
		return rc;
	}
	if (fq.q_n > 1)
		qsort(fq.q_v, fq.q_n, sizeof(*fq.q_v), by_time);
	if (q->fq_limit > 0 && fq.q_n > q->fq_limit) {
		memmove(fq.q_v, fq.q_v + (fq.q_n - q->fq_limit),
		    q->fq_limit * sizeof(*fq.q_v));
		fq.q_n = q->fq_limit;
	}
	*out = fq.q_v;
	*n = fq.q_n;
	return 0;
}
