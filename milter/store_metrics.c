/*
 * NAME
 *	store_metrics 3 - counters that survive restarts
 * SYNOPSIS
 *	#include "store_metrics.h"
 * DESCRIPTION
 *	See store_metrics.h.  Table SDB_METRICS: key the series text, value u8
 *	version 1 and u64 counter.  A change reads the old value and
 *	writes the new one in the caller's write transaction, so counters
 *	move together with the audit record they describe
 *	(store_audit_add_counted()).  store_count_list() reads every
 *	counter and the table sizes in one read transaction: a
 *	monitoring run sees one consistent moment and holds no writer
 *	lock.
 * DIAGNOSTICS
 *	STORE_EINVAL for a bad key; STORE_ECORRUPT for a value that does
 *	not decode.
 */
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_db.h"
#include "store_metrics.h"
#include "store_rec.h"

#define SMET_V	1

struct smet_add {
	const struct store_count *a_v;
	size_t		 a_n;
};

struct smet_list {
	struct store_count *l_v;
	size_t		 l_n, l_cap;
	struct store_stats *l_stats;
};

static int	smet_get(struct sdb_txn *, const char *, uint64_t *);
static int	smet_add_fn(struct sdb_txn *, void *);
static int	smet_list_one(void *, const void *, size_t, const void *, size_t);
static int	smet_list_fn(struct sdb_txn *, void *);

int
smet_check(const struct store_count *v, size_t n)
{
	const char *p;
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].sc_key[0] == '\0' ||
		    memchr(v[i].sc_key, '\0', sizeof(v[i].sc_key)) == NULL ||
		    (v[i].sc_op != STORE_COUNT_ADD &&
		    v[i].sc_op != STORE_COUNT_MAX))
			return STORE_EINVAL;
		for (p = v[i].sc_key; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || (unsigned char)*p > 0x7e)
				return STORE_EINVAL;
	}
	return 0;
}

/* The counter's value (0 when absent). */
static int
smet_get(struct sdb_txn *t, const char *key, uint64_t *val)
{
	const void *v;
	struct rec_r r;
	size_t vl;
	int rc;

	*val = 0;
	rc = sdb_get(t, SDB_METRICS, key, strlen(key), &v, &vl);
	if (rc == STORE_ENOTFOUND)
		return 0;
	if (rc != 0)
		return rc;
	rec_r_init(&r, v, vl);
	if (rec_get_u8(&r) != SMET_V)
		return STORE_ECORRUPT;
	*val = rec_get_u64(&r);
	return r.rr_err;
}

int
smet_apply(struct sdb_txn *t, const struct store_count *v, size_t n)
{
	unsigned char buf[9];
	struct rec_w w;
	uint64_t old, nv;
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < n; i++) {
		if ((rc = smet_get(t, v[i].sc_key, &old)) != 0)
			break;
		if (v[i].sc_op == STORE_COUNT_MAX)
			nv = v[i].sc_value > old ? v[i].sc_value : old;
		else
			nv = old > UINT64_MAX - v[i].sc_value ? UINT64_MAX :
			    old + v[i].sc_value;
		if (nv == old)
			continue;
		rec_w_init(&w, sizeof(buf));
		rec_put_u8(&w, SMET_V);
		rec_put_u64(&w, nv);
		memcpy(buf, w.rw_buf, sizeof(buf));
		rc = w.rw_err ? w.rw_err : sdb_put(t, SDB_METRICS, v[i].sc_key,
		    strlen(v[i].sc_key), buf, sizeof(buf));
		rec_w_free(&w);
	}
	return rc;
}

static int
smet_add_fn(struct sdb_txn *t, void *arg)
{
	struct smet_add *a = arg;

	return smet_apply(t, a->a_v, a->a_n);
}

int
store_count_add(struct store *st, const struct store_count *v, size_t n)
{
	struct smet_add a = { v, n };
	int rc;

	if ((rc = smet_check(v, n)) != 0)
		return rc;
	if (n == 0)
		return 0;
	return sdb_write(st, smet_add_fn, &a);
}

static int
smet_list_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct smet_list *l = arg;
	struct store_count *c, *nv;
	struct rec_r r;

	if (kl == 0 || kl > STORE_COUNT_KEY_MAX)
		return STORE_ECORRUPT;
	if (l->l_n == l->l_cap) {
		size_t cap = l->l_cap ? 2 * l->l_cap : 64;

		if ((nv = realloc(l->l_v, cap * sizeof(*nv))) == NULL)
			return STORE_ENOMEM;
		l->l_v = nv;
		l->l_cap = cap;
	}
	c = &l->l_v[l->l_n];
	memset(c, 0, sizeof(*c));
	memcpy(c->sc_key, k, kl);
	rec_r_init(&r, v, vl);
	if (rec_get_u8(&r) != SMET_V)
		return STORE_ECORRUPT;
	c->sc_value = rec_get_u64(&r);
	if (r.rr_err)
		return STORE_ECORRUPT;
	l->l_n++;
	return 0;
}

static int
smet_list_fn(struct sdb_txn *t, void *arg)
{
	struct smet_list *l = arg;
	int rc;

	l->l_n = 0;
	if (l->l_stats != NULL && (rc = store_count_tables(t, l->l_stats)) != 0)
		return rc;
	return sdb_walk(t, SDB_METRICS, NULL, 0, NULL, 0, smet_list_one, l);
}

int
store_count_list(struct store *st, struct store_count **out, size_t *n,
    struct store_stats *stats)
{
	struct smet_list l;
	int rc;

	*out = NULL;
	*n = 0;
	memset(&l, 0, sizeof(l));
	if (stats != NULL) {
		memset(stats, 0, sizeof(*stats));
		if ((rc = sdb_info(st, stats)) != 0)
			return rc;
	}
	l.l_stats = stats;
	if ((rc = sdb_read(st, smet_list_fn, &l)) != 0) {
		free(l.l_v);
		return rc;
	}
	*out = l.l_v;
	*n = l.l_n;
	return 0;
}
