/*
 * NAME
 *	store_case - cases, court-listed recipients and case teams
 * SUMMARY
 *	per-case records of the store
 * SYNOPSIS
 *	#include "store_case.h"
 * DESCRIPTION
 *	A case is keyed by court and normalized docket.  Its record holds
 *	the case name, first and last seen times and up to STORE_CASEIDS
 *	court case ids.  The listed and team tables are keyed by court,
 *	docket and lowercased address, so that one cursor walk gives the
 *	addresses of a case.  Team addresses must be in the firm's domains;
 *	the store checks this itself, whatever its caller did.
 * DIAGNOSTICS
 *	Statuses as in store.h.  A record that does not decode gives
 *	STORE_ECORRUPT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "store_case.h"
#include "store_db.h"
#include "store_rec.h"

#define CASE_REC_V	1
#define ADDR_REC_V	1

struct case_arg {
	const char	*ca_court;
	const char	*ca_docket;
	const char	*ca_name;
	const char	*ca_id;
	int64_t		 ca_now;
	struct store_case *ca_out;
};

struct addr_arg {
	int		 aa_table;	/* SDB_LISTED or SDB_TEAM */
	const char	*aa_court;
	const char	*aa_docket;
	char		 aa_addr[STORE_ADDR_MAX + 1];
	int64_t		 aa_now;
	const struct store_addr *aa_rows;	/* import */
	size_t		 aa_nrows;
};

struct addr_list {
	int		 al_table;
	struct store_addr *al_v;
	size_t		 al_n;
	size_t		 al_cap;
	const char	*al_court;
	const char	*al_docket;
	struct store_case *al_cv;	/* case list */
};

static void	case_key(struct rec_w *, const char *court, const char *docket);
static int	case_decode(const void *, size_t, const void *, size_t,
		    struct store_case *);
static int	case_encode(struct rec_w *, const struct store_case *);
static int	case_seen_fn(struct sdb_txn *, void *);
static int	case_get_fn(struct sdb_txn *, void *);
static int	case_list_one(struct sdb_txn *, void *, const void *, size_t,
		    const void *, size_t);
static void	addr_key(struct rec_w *, const char *court, const char *docket,
		    const char *addr);
static int	addr_decode(const void *, size_t, const void *, size_t,
		    struct store_addr *);
static int	addr_args(struct addr_arg *, int table, const char *court,
		    const char *docket, const char *addr);
static int	addr_upsert(struct sdb_txn *, int table, const char *court,
		    const char *docket, const char *addr, int64_t now);
static int	addr_add_fn(struct sdb_txn *, void *);
static int	addr_del_fn(struct sdb_txn *, void *);
static int	addr_has_fn(struct sdb_txn *, void *);
static int	addr_list_one(void *, const void *, size_t, const void *,
		    size_t);
static int	addr_list_fn(struct sdb_txn *, void *);
static int	addr_list(struct store *, int table, const char *court,
		    const char *docket, struct store_addr **out, size_t *n);
static int	team_import_fn(struct sdb_txn *, void *);

/* ---------------------------------------------------------------- cases */

static void
case_key(struct rec_w *w, const char *court, const char *docket)
{
	rec_put_kstr(w, court);
	rec_put_kstr(w, docket);
}

static int
case_encode(struct rec_w *w, const struct store_case *c)
{
	unsigned i;

	rec_put_u8(w, CASE_REC_V);
	rec_put_str(w, c->c_name);
	rec_put_u64(w, (uint64_t)c->c_first);
	rec_put_u64(w, (uint64_t)c->c_last);
	rec_put_u8(w, c->c_nids);
	for (i = 0; i < c->c_nids; i++)
		rec_put_str(w, c->c_ids[i]);
	return w->rw_err;
}

static int
case_decode(const void *k, size_t kl, const void *v, size_t vl,
    struct store_case *c)
{
	struct rec_r r;
	unsigned i;

	memset(c, 0, sizeof(*c));
	rec_r_init(&r, k, kl);
	rec_get_kstr(&r, c->c_court, sizeof(c->c_court));
	rec_get_kstr(&r, c->c_docket, sizeof(c->c_docket));
	if (r.rr_err || rec_left(&r) != 0)
		return STORE_ECORRUPT;
	rec_r_init(&r, v, vl);
	if (rec_get_u8(&r) != CASE_REC_V)
		return STORE_ECORRUPT;
	rec_get_str(&r, c->c_name, sizeof(c->c_name));
	c->c_first = (int64_t)rec_get_u64(&r);
	c->c_last = (int64_t)rec_get_u64(&r);
	c->c_nids = rec_get_u8(&r);
	if (c->c_nids > STORE_CASEIDS)
		return STORE_ECORRUPT;
	for (i = 0; i < c->c_nids; i++)
		rec_get_str(&r, c->c_ids[i], sizeof(c->c_ids[i]));
	return r.rr_err ? STORE_ECORRUPT : 0;
}

static int
case_seen_fn(struct sdb_txn *t, void *arg)
{
	struct case_arg *a = arg;
	struct store_case c;
	struct rec_w k, w;
	const void *v;
	size_t vl;
	unsigned i;
	int rc;

	rec_w_init(&k, REC_KEY_MAX);
	rec_w_init(&w, REC_MAX);
	case_key(&k, a->ca_court, a->ca_docket);
	rc = sdb_get(t, SDB_CASES, k.rw_buf, k.rw_len, &v, &vl);
	if (rc == 0)
		rc = case_decode(k.rw_buf, k.rw_len, v, vl, &c);
	else if (rc == STORE_ENOTFOUND) {
		memset(&c, 0, sizeof(c));
		c.c_first = a->ca_now;
		rc = 0;
	}
	if (rc == 0) {
		if (a->ca_name != NULL && a->ca_name[0] != '\0')
			snprintf(c.c_name, sizeof(c.c_name), "%s", a->ca_name);
		if (a->ca_now > c.c_last)
			c.c_last = a->ca_now;
		if (a->ca_now < c.c_first)
			c.c_first = a->ca_now;
		for (i = 0; a->ca_id != NULL && a->ca_id[0] != '\0' &&
		    i < c.c_nids; i++)
			if (strcmp(c.c_ids[i], a->ca_id) == 0)
				break;
		if (a->ca_id != NULL && a->ca_id[0] != '\0' &&
		    i == c.c_nids && c.c_nids < STORE_CASEIDS)
			snprintf(c.c_ids[c.c_nids++], sizeof(c.c_ids[0]), "%s",
			    a->ca_id);
		if ((rc = case_encode(&w, &c)) == 0)
			rc = sdb_put(t, SDB_CASES, k.rw_buf, k.rw_len,
			    w.rw_buf, w.rw_len);
	}
	rec_w_free(&k);
	rec_w_free(&w);
	return rc;
}

int
store_case_seen(struct store *st, const char *court, const char *docket,
    const char *name, const char *case_id, int64_t now)
{
	struct case_arg a = { court, docket, name, case_id, now, NULL };

	if (rec_check_court(court) != 0 || rec_check_docket(docket) != 0 ||
	    (name != NULL && strlen(name) > STORE_NAME_MAX) ||
	    (case_id != NULL && strlen(case_id) > STORE_CASEID_MAX))
		return STORE_EINVAL;
	return sdb_write(st, case_seen_fn, &a);
}

static int
case_get_fn(struct sdb_txn *t, void *arg)
{
	struct case_arg *a = arg;
	struct rec_w k;
	const void *v;
	size_t vl;
	int rc;

	rec_w_init(&k, REC_KEY_MAX);
	case_key(&k, a->ca_court, a->ca_docket);
	rc = sdb_get(t, SDB_CASES, k.rw_buf, k.rw_len, &v, &vl);
	if (rc == 0)
		rc = case_decode(k.rw_buf, k.rw_len, v, vl, a->ca_out);
	rec_w_free(&k);
	return rc;
}

int
store_case_get(struct store *st, const char *court, const char *docket,
    struct store_case *out)
{
	struct case_arg a = { court, docket, NULL, NULL, 0, out };

	memset(out, 0, sizeof(*out));
	if (rec_check_court(court) != 0 || rec_check_docket(docket) != 0)
		return STORE_EINVAL;
	return sdb_read(st, case_get_fn, &a);
}

static int
case_list_one(struct sdb_txn *t, void *arg, const void *k, size_t kl,
    const void *v, size_t vl)
{
	struct addr_list *l = arg;
	struct store_case *nv;
	size_t cap;

	(void)t;
	if (l->al_n == l->al_cap) {
		cap = l->al_cap ? l->al_cap * 2 : 32;
		if ((nv = realloc(l->al_cv, cap * sizeof(*nv))) == NULL)
			return STORE_ENOMEM;
		l->al_cv = nv;
		l->al_cap = cap;
	}
	if (case_decode(k, kl, v, vl, &l->al_cv[l->al_n]) != 0)
		return STORE_ECORRUPT;
	l->al_n++;
	return 0;
}

int
store_case_list(struct store *st, struct store_case **out, size_t *n)
{
	struct addr_list l;
	int rc;

	memset(&l, 0, sizeof(l));
	*out = NULL;
	*n = 0;
	if ((rc = sdb_scan(st, SDB_CASES, case_list_one, &l)) != 0) {
		free(l.al_cv);
		return rc;
	}
	*out = l.al_cv;
	*n = l.al_n;
	return 0;
}

/* ------------------------------------------------------------ addresses */

static void
addr_key(struct rec_w *w, const char *court, const char *docket,
    const char *addr)
{
	rec_put_kstr(w, court);
	rec_put_kstr(w, docket);
	rec_put_kstr(w, addr);
}

static int
addr_decode(const void *k, size_t kl, const void *v, size_t vl,
    struct store_addr *a)
{
	struct rec_r r;

	memset(a, 0, sizeof(*a));
	rec_r_init(&r, k, kl);
	rec_get_kstr(&r, a->a_court, sizeof(a->a_court));
	rec_get_kstr(&r, a->a_docket, sizeof(a->a_docket));
	rec_get_kstr(&r, a->a_addr, sizeof(a->a_addr));
	if (r.rr_err || rec_left(&r) != 0)
		return STORE_ECORRUPT;
	rec_r_init(&r, v, vl);
	if (rec_get_u8(&r) != ADDR_REC_V)
		return STORE_ECORRUPT;
	a->a_first = (int64_t)rec_get_u64(&r);
	a->a_last = (int64_t)rec_get_u64(&r);
	return r.rr_err ? STORE_ECORRUPT : 0;
}

static int
addr_args(struct addr_arg *a, int table, const char *court,
    const char *docket, const char *addr)
{
	int rc;

	memset(a, 0, sizeof(*a));
	a->aa_table = table;
	a->aa_court = court;
	a->aa_docket = docket;
	if (rec_check_court(court) != 0 || rec_check_docket(docket) != 0)
		return STORE_EINVAL;
	if (addr != NULL &&
	    (rc = store_addr_normalize(addr, a->aa_addr, sizeof(a->aa_addr))) != 0)
		return rc;
	return 0;
}

/* Insert or refresh one address record (addr already normalized). */
static int
addr_upsert(struct sdb_txn *t, int table, const char *court,
    const char *docket, const char *addr, int64_t now)
{
	struct store_addr old;
	struct rec_w k, w;
	const void *v;
	size_t vl;
	int rc;

	rec_w_init(&k, REC_KEY_MAX);
	rec_w_init(&w, REC_MAX);
	addr_key(&k, court, docket, addr);
	rc = k.rw_err ? STORE_EINVAL :
	    sdb_get(t, table, k.rw_buf, k.rw_len, &v, &vl);
	if (rc == 0)
		rc = addr_decode(k.rw_buf, k.rw_len, v, vl, &old);
	else if (rc == STORE_ENOTFOUND) {
		old.a_first = now;
		old.a_last = now;
		rc = 0;
	}
	if (rc == 0) {
		if (now > old.a_last)
			old.a_last = now;
		rec_put_u8(&w, ADDR_REC_V);
		rec_put_u64(&w, (uint64_t)old.a_first);
		rec_put_u64(&w, (uint64_t)old.a_last);
		rc = w.rw_err ? w.rw_err :
		    sdb_put(t, table, k.rw_buf, k.rw_len, w.rw_buf, w.rw_len);
	}
	rec_w_free(&k);
	rec_w_free(&w);
	return rc;
}

static int
addr_add_fn(struct sdb_txn *t, void *arg)
{
	struct addr_arg *a = arg;

	return addr_upsert(t, a->aa_table, a->aa_court, a->aa_docket,
	    a->aa_addr, a->aa_now);
}

static int
addr_del_fn(struct sdb_txn *t, void *arg)
{
	struct addr_arg *a = arg;
	struct rec_w k;
	int rc;

	rec_w_init(&k, REC_KEY_MAX);
	addr_key(&k, a->aa_court, a->aa_docket, a->aa_addr);
	rc = k.rw_err ? STORE_EINVAL : sdb_del(t, a->aa_table, k.rw_buf,
	    k.rw_len);
	rec_w_free(&k);
	return rc;
}

static int
addr_has_fn(struct sdb_txn *t, void *arg)
{
	struct addr_arg *a = arg;
	struct rec_w k;
	const void *v;
	size_t vl;
	int rc;

	rec_w_init(&k, REC_KEY_MAX);
	addr_key(&k, a->aa_court, a->aa_docket, a->aa_addr);
	rc = k.rw_err ? STORE_EINVAL : sdb_get(t, a->aa_table, k.rw_buf,
	    k.rw_len, &v, &vl);
	rec_w_free(&k);
	return rc;
}

static int
addr_list_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct addr_list *l = arg;
	struct store_addr *nv;
	size_t cap;

	if (l->al_n == l->al_cap) {
		cap = l->al_cap ? l->al_cap * 2 : 32;
		if ((nv = realloc(l->al_v, cap * sizeof(*nv))) == NULL)
			return STORE_ENOMEM;
		l->al_v = nv;
		l->al_cap = cap;
	}
	if (addr_decode(k, kl, v, vl, &l->al_v[l->al_n]) != 0)
		return STORE_ECORRUPT;
	l->al_n++;
	return 0;
}

static int
addr_list_fn(struct sdb_txn *t, void *arg)
{
	struct addr_list *l = arg;
	struct rec_w p;
	int rc;

	l->al_n = 0;
	rec_w_init(&p, REC_KEY_MAX);
	if (l->al_court != NULL)
		case_key(&p, l->al_court, l->al_docket);
	rc = p.rw_err ? STORE_EINVAL : sdb_walk(t, l->al_table, p.rw_buf,
	    p.rw_len, NULL, 0, addr_list_one, l);
	rec_w_free(&p);
	return rc;
}

static int
addr_list(struct store *st, int table, const char *court, const char *docket,
    struct store_addr **out, size_t *n)
{
	struct addr_list l;
	int rc;

	*out = NULL;
	*n = 0;
	if (court != NULL &&
	    (rec_check_court(court) != 0 || rec_check_docket(docket) != 0))
		return STORE_EINVAL;
	memset(&l, 0, sizeof(l));
	l.al_table = table;
	l.al_court = court;
	l.al_docket = docket;
	if ((rc = sdb_read(st, addr_list_fn, &l)) != 0) {
		free(l.al_v);
		return rc;
	}
	*out = l.al_v;
	*n = l.al_n;
	return 0;
}

int
store_listed_add(struct store *st, const char *court, const char *docket,
    const char *addr, int64_t now)
{
	struct addr_arg a;
	int rc;

	if ((rc = addr_args(&a, SDB_LISTED, court, docket, addr)) != 0)
		return rc;
	a.aa_now = now;
	return sdb_write(st, addr_add_fn, &a);
}

struct listed_many {
	const char	*lm_court;
	const char	*lm_docket;
	char		(*lm_addrs)[STORE_ADDR_MAX + 1];	/* normalized */
	size_t		 lm_n;
	int64_t		 lm_now;
};

static int
listed_many_fn(struct sdb_txn *t, void *arg)
{
	struct listed_many *m = arg;
	size_t i;
	int rc;

	for (i = 0; i < m->lm_n; i++)
		if ((rc = addr_upsert(t, SDB_LISTED, m->lm_court, m->lm_docket,
		    m->lm_addrs[i], m->lm_now)) != 0)
			return rc;
	return 0;
}

int
store_listed_add_many(struct store *st, const char *court, const char *docket,
    const char *const *addrs, size_t n, int64_t now, size_t *nbad)
{
	struct listed_many m;
	size_t i, bad = 0;
	int rc;

	if (nbad != NULL)
		*nbad = 0;
	if (rec_check_court(court) != 0 || rec_check_docket(docket) != 0)
		return STORE_EINVAL;
	if (n == 0)
		return 0;
	memset(&m, 0, sizeof(m));
	if ((m.lm_addrs = calloc(n, sizeof(*m.lm_addrs))) == NULL)
		return STORE_ENOMEM;
	for (i = 0; i < n; i++) {
		if (store_addr_normalize(addrs[i], m.lm_addrs[m.lm_n],
		    sizeof(m.lm_addrs[0])) != 0) {
			bad++;
			continue;
		}
		m.lm_n++;
	}
	m.lm_court = court;
	m.lm_docket = docket;
	m.lm_now = now;
	rc = m.lm_n > 0 ? sdb_write(st, listed_many_fn, &m) : 0;
	free(m.lm_addrs);
	if (nbad != NULL)
		*nbad = bad;
	return rc;
}

int
store_listed_has(struct store *st, const char *court, const char *docket,
    const char *addr)
{
	struct addr_arg a;
	int rc;

	if ((rc = addr_args(&a, SDB_LISTED, court, docket, addr)) != 0)
		return rc;
	return sdb_read(st, addr_has_fn, &a);
}

int
store_listed_list(struct store *st, const char *court, const char *docket,
    struct store_addr **out, size_t *n)
{
	if (court == NULL)
		return STORE_EINVAL;
	return addr_list(st, SDB_LISTED, court, docket, out, n);
}

int
store_team_add(struct store *st, const char *court, const char *docket,
    const char *addr, int64_t now)
{
	struct addr_arg a;
	int rc;

	if ((rc = addr_args(&a, SDB_TEAM, court, docket, addr)) != 0)
		return rc;
	if ((rc = store_addr_in_firm(st, a.aa_addr)) != 0)
		return rc;
	a.aa_now = now;
	return sdb_write(st, addr_add_fn, &a);
}

int
store_team_remove(struct store *st, const char *court, const char *docket,
    const char *addr)
{
	struct addr_arg a;
	int rc;

	if ((rc = addr_args(&a, SDB_TEAM, court, docket, addr)) != 0)
		return rc;
	return sdb_write(st, addr_del_fn, &a);
}

int
store_team_has(struct store *st, const char *court, const char *docket,
    const char *addr)
{
	struct addr_arg a;
	int rc;

	if ((rc = addr_args(&a, SDB_TEAM, court, docket, addr)) != 0)
		return rc;
	return sdb_read(st, addr_has_fn, &a);
}

int
store_team_list(struct store *st, const char *court, const char *docket,
    struct store_addr **out, size_t *n)
{
	return addr_list(st, SDB_TEAM, court, docket, out, n);
}

static int
team_import_fn(struct sdb_txn *t, void *arg)
{
	struct addr_arg *a = arg;
	char addr[STORE_ADDR_MAX + 1];
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < a->aa_nrows; i++) {
		store_addr_normalize(a->aa_rows[i].a_addr, addr, sizeof(addr));
		rc = addr_upsert(t, SDB_TEAM, a->aa_rows[i].a_court,
		    a->aa_rows[i].a_docket, addr, a->aa_now);
	}
	return rc;
}

int
store_team_import(struct store *st, const struct store_addr *rows, size_t n,
    int64_t now, size_t *bad)
{
	struct addr_arg a;
	size_t i;
	int rc;

	for (i = 0; i < n; i++) {
		if (memchr(rows[i].a_court, '\0', sizeof(rows[i].a_court)) ==
		    NULL || memchr(rows[i].a_docket, '\0',
		    sizeof(rows[i].a_docket)) == NULL ||
		    memchr(rows[i].a_addr, '\0', sizeof(rows[i].a_addr)) == NULL)
			rc = STORE_EINVAL;
		else if ((rc = addr_args(&a, SDB_TEAM, rows[i].a_court,
		    rows[i].a_docket, rows[i].a_addr)) == 0)
			rc = store_addr_in_firm(st, a.aa_addr);
		if (rc != 0) {
			if (bad != NULL)
				*bad = i;
			return rc;
		}
	}
	memset(&a, 0, sizeof(a));
	a.aa_rows = rows;
	a.aa_nrows = n;
	a.aa_now = now;
	return n == 0 ? 0 : sdb_write(st, team_import_fn, &a);
}
