/*
 * NAME
 *	store_audit - the audit trail of the store
 * SUMMARY
 *	one record per message decision, with four indexes
 * SYNOPSIS
 *	#include "store_audit.h"
 * DESCRIPTION
 *	An audit record is keyed by time and a sequence number kept in the
 *	meta table, so records are unique and in time order.  Secondary
 *	indexes by queue id, by case, by recipient and by document sha256
 *	end with the same 16-byte key, so every walk yields records in time
 *	order.  A query walks the most selective index it has a criterion
 *	for, then checks every other criterion on the record itself.
 *	Audit records are never expired.
 *
 *	A record is version 1 followed by its optional items (u8 tag and
 *	a string each) to the end of the value; a record written before
 *	items existed simply ends after its documents.
 * DIAGNOSTICS
 *	STORE_EINVAL for a record over a limit; STORE_ECORRUPT when a
 *	stored record does not decode.
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_audit.h"
#include "store_db.h"
#include "store_metrics.h"
#include "store_rec.h"

#define AUDIT_REC_V	1
#define AUDIT_KEY_LEN	16

struct audit_add {
	const struct store_audit *d_a;
	uint64_t	 d_id;
	unsigned char	 d_key[AUDIT_KEY_LEN];
};

struct audit_counted {
	struct audit_add d;
	const struct store_count *c_v;
	size_t		 c_n;
};

struct audit_query {
	const struct store_audit_query *q;
	struct sdb_txn	*q_t;
	struct store_audit_list *q_out;
	size_t		 q_cap;
	char		 q_rcpt[STORE_ADDR_MAX + 1];
	unsigned char	 q_sha[32];
	int		 q_index;	/* the walked table is an index */
	size_t		 q_plen;	/* index prefix length */
};

static int	audit_encode(struct rec_w *, const struct store_audit *);
static void	audit_tail_decode(struct rec_r *, struct store_audit *);
static int	audit_decode(const void *, size_t, const void *, size_t,
		    struct store_audit *);
static void	audit_free_one(struct store_audit *);
static int	audit_check(const struct store_audit *);
static int	audit_add_fn(struct sdb_txn *, void *);
static int	audit_counted_fn(struct sdb_txn *, void *);
static int	audit_index(struct sdb_txn *, int table, struct rec_w *,
		    const unsigned char key[AUDIT_KEY_LEN], const void *v,
		    size_t vl);
static int	audit_match(const struct audit_query *,
		    const struct store_audit *);
static int	audit_take(struct audit_query *, const void *k, size_t kl);
static int	audit_walk_one(void *, const void *, size_t, const void *,
		    size_t);
static int	audit_query_fn(struct sdb_txn *, void *);

static int
audit_encode(struct rec_w *w, const struct store_audit *a)
{
	unsigned char sha[32];
	size_t i;

	rec_put_u8(w, AUDIT_REC_V);
	rec_put_u64(w, (uint64_t)a->a_time);
	rec_put_str(w, a->a_qid);
	rec_put_str(w, a->a_court);
	rec_put_u8(w, a->a_restricted != 0);
	rec_put_str(w, a->a_trust);
	rec_put_str(w, a->a_action);
	rec_put_u16(w, (unsigned)a->a_ncase);
	for (i = 0; i < a->a_ncase; i++) {
		rec_put_str(w, a->a_case[i].ac_docket);
		rec_put_u32(w, a->a_case[i].ac_entry);
	}
	rec_put_u16(w, (unsigned)a->a_nrcpt);
	for (i = 0; i < a->a_nrcpt; i++) {
		rec_put_str(w, a->a_rcpt[i].ar_addr);
		rec_put_u8(w, a->a_rcpt[i].ar_removed != 0);
	}
	rec_put_u16(w, (unsigned)a->a_ndoc);
	for (i = 0; i < a->a_ndoc; i++) {
		rec_put_str(w, a->a_doc[i].ad_key);
		rec_put_u16(w, a->a_doc[i].ad_att);
		if (rec_sha_from_hex(a->a_doc[i].ad_sha256, sha) != 0)
			memset(sha, 0, sizeof(sha));
		rec_put_bytes(w, sha, 32);
		rec_put_str(w, a->a_doc[i].ad_label);
	}
	for (i = 0; i < a->a_nitem; i++) {
		rec_put_u8(w, a->a_item[i].ai_tag);
		rec_put_str(w, a->a_item[i].ai_value);
	}
	return w->rw_err;
}

/* The optional items: tag and string while bytes are left. */
static void
audit_tail_decode(struct rec_r *r, struct store_audit *a)
{
	struct store_audit_item *it;
	unsigned tag;
	size_t n;
	char *v;

	while (r->rr_err == 0 && rec_left(r) > 0) {
		tag = rec_get_u8(r);
		n = rec_get_u16(r);
		if (r->rr_err || tag == 0 || n > rec_left(r) ||
		    a->a_nitem == STORE_AUDIT_ITEMS ||
		    memchr(r->rr_p + r->rr_off, '\0', n) != NULL) {
			r->rr_err = STORE_ECORRUPT;
			return;
		}
		if ((it = realloc(a->a_item, (a->a_nitem + 1) *
		    sizeof(*it))) == NULL || (v = malloc(n + 1)) == NULL) {
			if (it != NULL)
				a->a_item = it;
			r->rr_err = STORE_ENOMEM;
			return;
		}
		a->a_item = it;
		rec_get_bytes(r, v, n);
		v[n] = '\0';
		it[a->a_nitem].ai_tag = tag;
		it[a->a_nitem++].ai_value = v;
	}
}

int
store_audit_item_add(struct store_audit *a, unsigned tag, const char *value)
{
	struct store_audit_item *it;
	char *v;

	if (tag == 0 || tag > 255 || value == NULL ||
	    strlen(value) > STORE_AUDIT_ITEM_MAX ||
	    a->a_nitem >= STORE_AUDIT_ITEMS)
		return STORE_EINVAL;
	if ((v = strdup(value)) == NULL)
		return STORE_ENOMEM;
	if ((it = realloc(a->a_item, (a->a_nitem + 1) * sizeof(*it))) == NULL) {
		free(v);
		return STORE_ENOMEM;
	}
	a->a_item = it;
	it[a->a_nitem].ai_tag = tag;
	it[a->a_nitem++].ai_value = v;
	return 0;
}

const char *
store_audit_item(const struct store_audit *a, unsigned tag)
{
	size_t i;

	for (i = 0; i < a->a_nitem; i++)
		if (a->a_item[i].ai_tag == tag)
			return a->a_item[i].ai_value;
	return NULL;
}

void
store_audit_release(struct store_audit *a)
{
	audit_free_one(a);
	a->a_ncase = a->a_nrcpt = a->a_ndoc = 0;
}

void
store_audit_items_free(struct store_audit *a)
{
	size_t i;

	for (i = 0; i < a->a_nitem; i++)
		free(a->a_item[i].ai_value);
	free(a->a_item);
	a->a_item = NULL;
	a->a_nitem = 0;
}

static void
audit_free_one(struct store_audit *a)
{
	free(a->a_case);
	free(a->a_rcpt);
	free(a->a_doc);
	a->a_case = NULL;
	a->a_rcpt = NULL;
	a->a_doc = NULL;
	store_audit_items_free(a);
}

static int
audit_decode(const void *k, size_t kl, const void *v, size_t vl,
    struct store_audit *a)
{
	unsigned char sha[32];
	struct rec_r r;
	size_t i;

	memset(a, 0, sizeof(*a));
	if (kl != AUDIT_KEY_LEN)
		return STORE_ECORRUPT;
	rec_r_init(&r, k, kl);
	(void)rec_get_u64(&r);
	a->a_id = rec_get_u64(&r);
	rec_r_init(&r, v, vl);
	if (rec_get_u8(&r) != AUDIT_REC_V)
		return STORE_ECORRUPT;
	a->a_time = (int64_t)rec_get_u64(&r);
	rec_get_str(&r, a->a_qid, sizeof(a->a_qid));
	rec_get_str(&r, a->a_court, sizeof(a->a_court));
	a->a_restricted = (int)rec_get_u8(&r);
	rec_get_str(&r, a->a_trust, sizeof(a->a_trust));
	rec_get_str(&r, a->a_action, sizeof(a->a_action));
	a->a_ncase = rec_get_u16(&r);
	if (a->a_ncase > STORE_AUDIT_CASES || (a->a_ncase > 0 &&
	    (a->a_case = calloc(a->a_ncase, sizeof(*a->a_case))) == NULL))
		goto bad;
	for (i = 0; i < a->a_ncase; i++) {
		rec_get_str(&r, a->a_case[i].ac_docket,
		    sizeof(a->a_case[i].ac_docket));
		a->a_case[i].ac_entry = rec_get_u32(&r);
	}
	a->a_nrcpt = rec_get_u16(&r);
	if (a->a_nrcpt > STORE_AUDIT_RCPTS || (a->a_nrcpt > 0 &&
	    (a->a_rcpt = calloc(a->a_nrcpt, sizeof(*a->a_rcpt))) == NULL))
		goto bad;
	for (i = 0; i < a->a_nrcpt; i++) {
		rec_get_str(&r, a->a_rcpt[i].ar_addr,
		    sizeof(a->a_rcpt[i].ar_addr));
		a->a_rcpt[i].ar_removed = (int)rec_get_u8(&r);
	}
	a->a_ndoc = rec_get_u16(&r);
	if (a->a_ndoc > STORE_AUDIT_DOCS || (a->a_ndoc > 0 &&
	    (a->a_doc = calloc(a->a_ndoc, sizeof(*a->a_doc))) == NULL))
		goto bad;
	for (i = 0; i < a->a_ndoc; i++) {
		rec_get_str(&r, a->a_doc[i].ad_key, sizeof(a->a_doc[i].ad_key));
		a->a_doc[i].ad_att = rec_get_u16(&r);
		rec_get_bytes(&r, sha, 32);
		rec_sha_to_hex(sha, a->a_doc[i].ad_sha256);
		rec_get_str(&r, a->a_doc[i].ad_label,
		    sizeof(a->a_doc[i].ad_label));
	}
	audit_tail_decode(&r, a);
	if (r.rr_err == 0)
		return 0;
bad:
	audit_free_one(a);
	a->a_ncase = a->a_nrcpt = a->a_ndoc = 0;
	return STORE_ECORRUPT;
}

/* Every field within its limit, every string terminated. */
static int
audit_check(const struct store_audit *a)
{
	char addr[STORE_ADDR_MAX + 1];
	unsigned char sha[32];
	size_t i;

	if (a->a_ncase > STORE_AUDIT_CASES || a->a_nrcpt > STORE_AUDIT_RCPTS ||
	    a->a_ndoc > STORE_AUDIT_DOCS ||
	    (a->a_ncase > 0 && a->a_case == NULL) ||
	    (a->a_nrcpt > 0 && a->a_rcpt == NULL) ||
	    (a->a_ndoc > 0 && a->a_doc == NULL) ||
	    a->a_nitem > STORE_AUDIT_ITEMS ||
	    (a->a_nitem > 0 && a->a_item == NULL) ||
	    memchr(a->a_qid, '\0', sizeof(a->a_qid)) == NULL ||
	    memchr(a->a_trust, '\0', sizeof(a->a_trust)) == NULL ||
	    memchr(a->a_action, '\0', sizeof(a->a_action)) == NULL ||
	    rec_check_court(a->a_court) != 0)
		return STORE_EINVAL;
	for (i = 0; i < a->a_ncase; i++)
		if (rec_check_docket(a->a_case[i].ac_docket) != 0)
			return STORE_EINVAL;
	for (i = 0; i < a->a_nitem; i++)
		if (a->a_item[i].ai_tag == 0 || a->a_item[i].ai_tag > 255 ||
		    a->a_item[i].ai_value == NULL ||
		    strlen(a->a_item[i].ai_value) > STORE_AUDIT_ITEM_MAX)
			return STORE_EINVAL;
	for (i = 0; i < a->a_nrcpt; i++)
		if (store_addr_normalize(a->a_rcpt[i].ar_addr, addr,
		    sizeof(addr)) != 0)
			return STORE_EADDR;
	for (i = 0; i < a->a_ndoc; i++)
		if (rec_sha_from_hex(a->a_doc[i].ad_sha256, sha) != 0 ||
		    memchr(a->a_doc[i].ad_key, '\0',
		    sizeof(a->a_doc[i].ad_key)) == NULL ||
		    memchr(a->a_doc[i].ad_label, '\0',
		    sizeof(a->a_doc[i].ad_label)) == NULL)
			return STORE_EINVAL;
	return 0;
}

/* Write one index entry: the prefix in w, then the audit key. */
static int
audit_index(struct sdb_txn *t, int table, struct rec_w *w,
    const unsigned char key[AUDIT_KEY_LEN], const void *v, size_t vl)
{
	rec_put_bytes(w, key, AUDIT_KEY_LEN);
	if (w->rw_err)
		return STORE_EINVAL;
	return sdb_put(t, table, w->rw_buf, w->rw_len, v, vl);
}

static int
audit_add_fn(struct sdb_txn *t, void *arg)
{
	struct audit_add *d = arg;
	const struct store_audit *a = d->d_a;
	unsigned char ebuf[4], sha[32];
	char addr[STORE_ADDR_MAX + 1];
	struct rec_w k, w;
	struct rec_r r;
	const void *v;
	size_t vl, i;
	int rc;

	rc = sdb_get(t, SDB_META, "audit_seq", 9, &v, &vl);
	d->d_id = 1;
	if (rc == 0 && vl == 8) {
		rec_r_init(&r, v, vl);
		d->d_id = rec_get_u64(&r) + 1;
	} else if (rc != STORE_ENOTFOUND && rc != 0)
		return rc;
	rec_w_init(&k, REC_KEY_MAX);
	rec_w_init(&w, REC_MAX);
	rec_put_u64(&k, d->d_id);
	rc = sdb_put(t, SDB_META, "audit_seq", 9, k.rw_buf, k.rw_len);
	rec_w_reset(&k);
	rec_put_u64(&k, (uint64_t)a->a_time);
	rec_put_u64(&k, d->d_id);
	memcpy(d->d_key, k.rw_buf, AUDIT_KEY_LEN);
	if (rc == 0 && (rc = audit_encode(&w, a)) == 0)
		rc = sdb_put(t, SDB_AUDIT, d->d_key, AUDIT_KEY_LEN, w.rw_buf,
		    w.rw_len);
	if (rc == 0 && a->a_qid[0] != '\0') {
		rec_w_reset(&k);
		rec_put_kstr(&k, a->a_qid);
		rc = audit_index(t, SDB_AUDIT_QID, &k, d->d_key, "", 0);
	}
	for (i = 0; rc == 0 && i < a->a_ncase; i++) {
		rec_w_reset(&k);
		rec_put_kstr(&k, a->a_court);
		rec_put_kstr(&k, a->a_case[i].ac_docket);
		ebuf[0] = (unsigned char)(a->a_case[i].ac_entry >> 24);
		ebuf[1] = (unsigned char)(a->a_case[i].ac_entry >> 16);
		ebuf[2] = (unsigned char)(a->a_case[i].ac_entry >> 8);
		ebuf[3] = (unsigned char)a->a_case[i].ac_entry;
		rc = audit_index(t, SDB_AUDIT_CASE, &k, d->d_key, ebuf, 4);
	}
	for (i = 0; rc == 0 && i < a->a_nrcpt; i++) {
		rec_w_reset(&k);
		store_addr_normalize(a->a_rcpt[i].ar_addr, addr, sizeof(addr));
		rec_put_kstr(&k, addr);
		rc = audit_index(t, SDB_AUDIT_RCPT, &k, d->d_key, "", 0);
	}
	for (i = 0; rc == 0 && i < a->a_ndoc; i++) {
		rec_w_reset(&k);
		rec_sha_from_hex(a->a_doc[i].ad_sha256, sha);
		rec_put_bytes(&k, sha, 32);
		rc = audit_index(t, SDB_AUDIT_SHA, &k, d->d_key, "", 0);
	}
	rec_w_free(&k);
	rec_w_free(&w);
	return rc;
}

int
store_audit_add(struct store *st, const struct store_audit *a, uint64_t *id)
{
	struct audit_add d;
	int rc;

	if (id != NULL)
		*id = 0;
	if ((rc = audit_check(a)) != 0)
		return rc;
	memset(&d, 0, sizeof(d));
	d.d_a = a;
	if ((rc = sdb_write(st, audit_add_fn, &d)) == 0 && id != NULL)
		*id = d.d_id;
	return rc;
}

static int
audit_counted_fn(struct sdb_txn *t, void *arg)
{
	struct audit_counted *ac = arg;
	int rc;

	if ((rc = audit_add_fn(t, &ac->d)) != 0)
		return rc;
	return smet_apply(t, ac->c_v, ac->c_n);
}

int
store_audit_add_counted(struct store *st, const struct store_audit *a,
    const struct store_count *v, size_t n, uint64_t *id)
{
	struct audit_counted ac;
	int rc;

	if (id != NULL)
		*id = 0;
	if ((rc = audit_check(a)) != 0 || (rc = smet_check(v, n)) != 0)
		return rc;
	memset(&ac, 0, sizeof(ac));
	ac.d.d_a = a;
	ac.c_v = v;
	ac.c_n = n;
	if ((rc = sdb_write(st, audit_counted_fn, &ac)) == 0 && id != NULL)
		*id = ac.d.d_id;
	return rc;
}

/* ---------------------------------------------------------------- query */

static int
audit_match(const struct audit_query *aq, const struct store_audit *a)
{
	const struct store_audit_query *q = aq->q;
	char sha[65];
	size_t i;

	if (q->q_since != 0 && a->a_time < q->q_since)
		return 0;
	if (q->q_until != 0 && a->a_time >= q->q_until)
		return 0;
	if (q->q_qid != NULL && strcmp(q->q_qid, a->a_qid) != 0)
		return 0;
	if (q->q_court != NULL) {
		if (strcmp(q->q_court, a->a_court) != 0)
			return 0;
		for (i = 0; i < a->a_ncase; i++)
			if ((q->q_docket == NULL ||
			    strcmp(q->q_docket, a->a_case[i].ac_docket) == 0) &&
			    (q->q_entry == STORE_ENTRY_ANY ||
			    q->q_entry == a->a_case[i].ac_entry))
				break;
		if (i == a->a_ncase)
			return 0;
	}
	if (q->q_rcpt != NULL) {
		for (i = 0; i < a->a_nrcpt; i++)
			if (strcasecmp(aq->q_rcpt, a->a_rcpt[i].ar_addr) == 0)
				break;
		if (i == a->a_nrcpt)
			return 0;
	}
	if (q->q_sha256 != NULL) {
		rec_sha_to_hex(aq->q_sha, sha);
		for (i = 0; i < a->a_ndoc; i++)
			if (strcmp(sha, a->a_doc[i].ad_sha256) == 0)
				break;
		if (i == a->a_ndoc)
			return 0;
	}
	return 1;
}

/* Decode one audit record (k is its 16-byte key) and keep it if it
 * matches; keeps only the last q_limit records. */
static int
audit_take(struct audit_query *aq, const void *k, size_t kl)
{
	struct store_audit_list *l = aq->q_out;
	struct store_audit a, *nv;
	const void *v;
	size_t vl, cap;
	int rc;

	if ((rc = sdb_get(aq->q_t, SDB_AUDIT, k, kl, &v, &vl)) != 0)
		return rc == STORE_ENOTFOUND ? 0 : rc;
	if ((rc = audit_decode(k, kl, v, vl, &a)) != 0)
		return rc;
	if (!audit_match(aq, &a)) {
		audit_free_one(&a);
		return 0;
	}
	if (aq->q->q_limit != 0 && l->al_n == aq->q->q_limit) {
		audit_free_one(&l->al_v[0]);
		memmove(l->al_v, l->al_v + 1, (l->al_n - 1) * sizeof(a));
		l->al_n--;
	}
	if (l->al_n == aq->q_cap) {
		cap = aq->q_cap ? aq->q_cap * 2 : 16;
		if ((nv = realloc(l->al_v, cap * sizeof(*nv))) == NULL) {
			audit_free_one(&a);
			return STORE_ENOMEM;
		}
		l->al_v = nv;
		aq->q_cap = cap;
	}
	l->al_v[l->al_n++] = a;
	return 0;
}

static int
audit_walk_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct audit_query *aq = arg;

	(void)v; (void)vl;
	if (!aq->q_index)
		return audit_take(aq, k, kl);
	if (kl != aq->q_plen + AUDIT_KEY_LEN)
		return 0;	/* a longer key sharing the prefix */
	return audit_take(aq, (const char *)k + aq->q_plen, AUDIT_KEY_LEN);
}

static int
audit_query_fn(struct sdb_txn *t, void *arg)
{
	struct audit_query *aq = arg;
	const struct store_audit_query *q = aq->q;
	struct rec_w p;
	int rc, table;

	store_audit_list_free(aq->q_out);
	aq->q_cap = 0;
	aq->q_t = t;
	aq->q_index = 1;
	rec_w_init(&p, REC_KEY_MAX);
	if (q->q_qid != NULL) {
		table = SDB_AUDIT_QID;
		rec_put_kstr(&p, q->q_qid);
	} else if (q->q_sha256 != NULL) {
		table = SDB_AUDIT_SHA;
		rec_put_bytes(&p, aq->q_sha, 32);
	} else if (q->q_rcpt != NULL) {
		table = SDB_AUDIT_RCPT;
		rec_put_kstr(&p, aq->q_rcpt);
	} else if (q->q_court != NULL && q->q_docket != NULL) {
		table = SDB_AUDIT_CASE;
		rec_put_kstr(&p, q->q_court);
		rec_put_kstr(&p, q->q_docket);
	} else {
		table = SDB_AUDIT;
		aq->q_index = 0;
		if (q->q_since > 0)
			rec_put_u64(&p, (uint64_t)q->q_since);
	}
	aq->q_plen = p.rw_len;
	if (p.rw_err)
		rc = STORE_EINVAL;
	else if (aq->q_index)
		rc = sdb_walk(t, table, p.rw_buf, p.rw_len, NULL, 0,
		    audit_walk_one, aq);
	else	/* time order: start at q_since */
		rc = sdb_walk(t, table, NULL, 0, p.rw_len ? p.rw_buf : NULL,
		    p.rw_len, audit_walk_one, aq);
	rec_w_free(&p);
	return rc;
}

int
store_audit_query(struct store *st, const struct store_audit_query *q,
    struct store_audit_list *out)
{
	struct audit_query aq;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&aq, 0, sizeof(aq));
	aq.q = q;
	aq.q_out = out;
	if ((q->q_qid != NULL && strlen(q->q_qid) > STORE_QID_MAX) ||
	    (q->q_court != NULL && rec_check_court(q->q_court) != 0) ||
	    (q->q_docket != NULL && (q->q_court == NULL ||
	    rec_check_docket(q->q_docket) != 0)))
		return STORE_EINVAL;
	if (q->q_rcpt != NULL &&
	    (rc = store_addr_normalize(q->q_rcpt, aq.q_rcpt,
	    sizeof(aq.q_rcpt))) != 0)
		return rc;
	if (q->q_sha256 != NULL && rec_sha_from_hex(q->q_sha256, aq.q_sha) != 0)
		return STORE_EINVAL;
	if ((rc = sdb_read(st, audit_query_fn, &aq)) != 0)
		store_audit_list_free(out);
	return rc;
}

struct audit_report {
	struct audit_query r_aq;
	int64_t		 r_since, r_until;
	struct store_tomb *r_v;
	size_t		 r_n, r_cap;
};

/* One tombstone key (court\0 key\0 att16) and its time, if in the window. */
static int
report_tomb(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct audit_report *r = arg;
	struct store_tomb t, *nv;
	struct rec_r rr;

	memset(&t, 0, sizeof(t));
	rec_r_init(&rr, v, vl);
	(void)rec_get_u8(&rr);
	t.t_time = (int64_t)rec_get_u64(&rr);
	if (rr.rr_err)
		return STORE_ECORRUPT;
	if ((r->r_since != 0 && t.t_time < r->r_since) ||
	    (r->r_until != 0 && t.t_time >= r->r_until))
		return 0;
	rec_r_init(&rr, k, kl);
	rec_get_kstr(&rr, t.t_court, sizeof(t.t_court));
	rec_get_kstr(&rr, t.t_key, sizeof(t.t_key));
	t.t_att = rec_get_u16(&rr);
	if (rr.rr_err)
		return STORE_ECORRUPT;
	if (r->r_n == r->r_cap) {
		size_t cap = r->r_cap ? 2 * r->r_cap : 16;

		if ((nv = realloc(r->r_v, cap * sizeof(*nv))) == NULL)
			return STORE_ENOMEM;
		r->r_v = nv;
		r->r_cap = cap;
	}
	r->r_v[r->r_n++] = t;
	return 0;
}

static int
report_fn(struct sdb_txn *t, void *arg)
{
	struct audit_report *r = arg;
	int rc;

	r->r_n = 0;
	if ((rc = audit_query_fn(t, &r->r_aq)) != 0)
		return rc;
	return sdb_walk(t, SDB_TOMB_KEY, NULL, 0, NULL, 0, report_tomb, r);
}

int
store_report_read(struct store *st, int64_t since, int64_t until,
    struct store_audit_list *out, struct store_tomb **tombs, size_t *ntombs)
{
	struct store_audit_query q;
	struct audit_report r;
	int rc;

	memset(out, 0, sizeof(*out));
	memset(&q, 0, sizeof(q));
	memset(&r, 0, sizeof(r));
	*tombs = NULL;
	*ntombs = 0;
	q.q_entry = STORE_ENTRY_ANY;
	q.q_since = since;
	q.q_until = until;
	r.r_aq.q = &q;
	r.r_aq.q_out = out;
	r.r_since = since;
	r.r_until = until;
	if ((rc = sdb_read(st, report_fn, &r)) != 0) {
		store_audit_list_free(out);
		free(r.r_v);
		return rc;
	}
	*tombs = r.r_v;
	*ntombs = r.r_n;
	return 0;
}

void
store_audit_list_free(struct store_audit_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->al_n; i++)
		audit_free_one(&l->al_v[i]);
	free(l->al_v);
	l->al_v = NULL;
	l->al_n = 0;
}
