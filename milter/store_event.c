/*
 * NAME
 *	store_event - calendar events per case
 * SUMMARY
 *	the store's "events" table
 * SYNOPSIS
 *	#include "store_event.h"
 * DESCRIPTION
 *	See store_event.h.  Record (version 1): u8 version, u8 kind, u8
 *	flags (1 cancelled, 2 restricted, 4 has date, 8 zone assumed), u16
 *	year, u8 month, u8 day, u16 minute (0xffff: none), u32 sequence,
 *	u32 entry, u64 first, u64 updated, then the strings key, title,
 *	zone, location, judge, source.
 *
 *	The apply function reads the case's records, matches and writes in
 *	the same write transaction, so two copies of a notice handled at
 *	once cannot both add the event: the second finds the first's
 *	record.  Like every sdb_write function it starts afresh when run
 *	again (after the map grew).
 *
 *	Retention walks the whole table in batches, each its own write
 *	transaction (at most EV_SCAN records walked, EV_BATCH removed),
 *	resuming after the last key the previous batch saw.
 * DIAGNOSTICS
 *	Statuses as in store.h; a record that does not decode gives
 *	STORE_ECORRUPT.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caldate.h"
#include "calmatch.h"
#include "calphrase.h"
#include "store.h"
#include "store_db.h"
#include "store_event.h"
#include "store_rec.h"

#define EV_REC_V	1
#define EV_BATCH	256	/* records removed per expiry transaction */
#define EV_SCAN		4096	/* records walked per expiry transaction */
#define EVF_CANCELLED	0x01
#define EVF_RESTRICTED	0x02
#define EVF_DATE	0x04
#define EVF_ASSUMED	0x08

struct ev_list {
	const char		*l_court;
	const char		*l_docket;
	struct store_event	*l_v;
	size_t			 l_n, l_cap;
};

struct ev_apply {
	const char		*a_court;
	const char		*a_docket;
	const struct calev_set	*a_set;
	const char		*a_text;
	int			 a_restricted;
	uint32_t		 a_entry;
	struct caldate		 a_today;
	int64_t			 a_now;
	store_event_uid_fn	 a_uid;
	struct store_event	*a_out;
	int			 a_changed;
};

static void	ev_key(struct rec_w *, const char *, const char *, const char *);
static int	ev_encode(struct rec_w *, const struct store_event *);
static int	ev_decode(const void *, size_t, const void *, size_t,
		    struct store_event *);
static int	ev_grow(struct ev_list *);
static int	ev_list_one(void *, const void *, size_t, const void *, size_t);
static int	ev_read(struct sdb_txn *, struct ev_list *);
static int	ev_list_fn(struct sdb_txn *, void *);
static int	ev_apply_fn(struct sdb_txn *, void *);
static int	ev_put(struct sdb_txn *, const struct store_event *);
static void	ev_set(struct store_event *, const struct calev *,
		    const struct ev_apply *);
static void	ev_view(const struct store_event *, struct calmatch_rec *);

static void
ev_key(struct rec_w *w, const char *court, const char *docket, const char *uid)
{
	rec_put_kstr(w, court);
	rec_put_kstr(w, docket);
	if (uid != NULL)
		rec_put_kstr(w, uid);
}

static int
ev_encode(struct rec_w *w, const struct store_event *e)
{
	rec_put_u8(w, EV_REC_V);
	rec_put_u8(w, (unsigned)e->se_kind);
	rec_put_u8(w, (e->se_cancelled ? EVF_CANCELLED : 0) |
	    (e->se_restricted ? EVF_RESTRICTED : 0) |
	    (e->se_has_date ? EVF_DATE : 0) |
	    (e->se_tz_assumed ? EVF_ASSUMED : 0));
	rec_put_u16(w, (unsigned)e->se_date.y);
	rec_put_u8(w, (unsigned)e->se_date.m);
	rec_put_u8(w, (unsigned)e->se_date.d);
	rec_put_u16(w, e->se_minute < 0 ? 0xffffu : (unsigned)e->se_minute);
	rec_put_u32(w, e->se_seq);
	rec_put_u32(w, e->se_entry);
	rec_put_u64(w, (uint64_t)e->se_first);
	rec_put_u64(w, (uint64_t)e->se_updated);
	rec_put_str(w, e->se_key);
	rec_put_str(w, e->se_title);
	rec_put_str(w, e->se_tz);
	rec_put_str(w, e->se_location);
	rec_put_str(w, e->se_judge);
	rec_put_str(w, e->se_source);
	return w->rw_err;
}

static int
ev_decode(const void *k, size_t kl, const void *v, size_t vl,
    struct store_event *e)
{
	struct rec_r	r;
	unsigned	f, mi;

	memset(e, 0, sizeof(*e));
	rec_r_init(&r, k, kl);
	rec_get_kstr(&r, e->se_court, sizeof(e->se_court));
	rec_get_kstr(&r, e->se_docket, sizeof(e->se_docket));
	rec_get_kstr(&r, e->se_uid, sizeof(e->se_uid));
	if (r.rr_err || rec_left(&r) != 0)
		return STORE_ECORRUPT;
	rec_r_init(&r, v, vl);
	if (rec_get_u8(&r) != EV_REC_V)
		return STORE_ECORRUPT;
	e->se_kind = (int)rec_get_u8(&r);
	f = rec_get_u8(&r);
	e->se_cancelled = (f & EVF_CANCELLED) != 0;
	e->se_restricted = (f & EVF_RESTRICTED) != 0;
	e->se_has_date = (f & EVF_DATE) != 0;
	e->se_tz_assumed = (f & EVF_ASSUMED) != 0;
	e->se_date.y = (int)rec_get_u16(&r);
	e->se_date.m = (int)rec_get_u8(&r);
	e->se_date.d = (int)rec_get_u8(&r);
	mi = rec_get_u16(&r);
	e->se_minute = mi == 0xffffu ? -1 : (int)mi;
	e->se_seq = rec_get_u32(&r);
	e->se_entry = rec_get_u32(&r);
	e->se_first = (int64_t)rec_get_u64(&r);
	e->se_updated = (int64_t)rec_get_u64(&r);
	rec_get_str(&r, e->se_key, sizeof(e->se_key));
	rec_get_str(&r, e->se_title, sizeof(e->se_title));
	rec_get_str(&r, e->se_tz, sizeof(e->se_tz));
	rec_get_str(&r, e->se_location, sizeof(e->se_location));
	rec_get_str(&r, e->se_judge, sizeof(e->se_judge));
	rec_get_str(&r, e->se_source, sizeof(e->se_source));
	if (r.rr_err || e->se_kind > CALEV_HEARING || (e->se_has_date &&
	    !caldate_valid(e->se_date.y, e->se_date.m, e->se_date.d)) ||
	    e->se_minute >= 24 * 60)
		return STORE_ECORRUPT;
	return 0;
}

/* Room for one more record in l.  0 or STORE_ENOMEM. */
static int
ev_grow(struct ev_list *l)
{
	struct store_event	*nv;
	size_t			 cap;

	if (l->l_n < l->l_cap)
		return 0;
	cap = l->l_cap ? l->l_cap * 2 : 16;
	if ((nv = realloc(l->l_v, cap * sizeof(*nv))) == NULL)
		return STORE_ENOMEM;
	l->l_v = nv;
	l->l_cap = cap;
	return 0;
}

static int
ev_list_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct ev_list		*l = arg;

	if (l->l_n >= STORE_EVENTS_MAX)
		return SDB_STOP;
	if (ev_grow(l) != 0)
		return STORE_ENOMEM;
	if (ev_decode(k, kl, v, vl, &l->l_v[l->l_n]) != 0)
		return STORE_ECORRUPT;
	l->l_n++;
	return 0;
}

static int
ev_read(struct sdb_txn *t, struct ev_list *l)
{
	struct rec_w	k;
	int		rc;

	l->l_n = 0;
	rec_w_init(&k, REC_KEY_MAX);
	ev_key(&k, l->l_court, l->l_docket, NULL);
	rc = k.rw_err ? STORE_EINVAL : sdb_walk(t, SDB_EVENTS, k.rw_buf,
	    k.rw_len, NULL, 0, ev_list_one, l);
	rec_w_free(&k);
	return rc;
}

static int
ev_list_fn(struct sdb_txn *t, void *arg)
{
	return ev_read(t, arg);
}

int
store_event_list(struct store *st, const char *court, const char *docket,
    struct store_event **out, size_t *n)
{
	struct ev_list	l;
	int		rc;

	*out = NULL;
	*n = 0;
	if (rec_check_court(court) != 0 || rec_check_docket(docket) != 0)
		return STORE_EINVAL;
	memset(&l, 0, sizeof(l));
	l.l_court = court;
	l.l_docket = docket;
	if ((rc = sdb_read(st, ev_list_fn, &l)) != 0) {
		free(l.l_v);
		return rc;
	}
	*out = l.l_v;
	*n = l.l_n;
	return 0;
}

static int
ev_put(struct sdb_txn *t, const struct store_event *e)
{
	struct rec_w	k, v;
	int		rc;

	rec_w_init(&k, REC_KEY_MAX);
	rec_w_init(&v, REC_MAX);
	ev_key(&k, e->se_court, e->se_docket, e->se_uid);
	rc = k.rw_err ? STORE_EINVAL : ev_encode(&v, e) ? v.rw_err :
	    sdb_put(t, SDB_EVENTS, k.rw_buf, k.rw_len, v.rw_buf, v.rw_len);
	rec_w_free(&k);
	rec_w_free(&v);
	return rc;
}

/* The view of a record that calmatch reads (pointers into e). */
static void
ev_view(const struct store_event *e, struct calmatch_rec *m)
{
	memset(m, 0, sizeof(*m));
	m->m_key = e->se_key;
	m->m_kind = e->se_kind;
	m->m_has_date = e->se_has_date;
	m->m_date = e->se_date;
	m->m_minute = e->se_minute;
	m->m_tz = e->se_tz[0] ? e->se_tz : NULL;
	m->m_location = e->se_location;
	m->m_cancelled = e->se_cancelled;
	m->m_restricted = e->se_restricted;
}

/* What the event says, over the record (a bare title or an empty place
 * does not replace a better one). */
static void
ev_set(struct store_event *r, const struct calev *ev, const struct ev_apply *a)
{
	size_t	len;

	if (r->se_title[0] == '\0' || (ev->e_title[0] != '\0' &&
	    strchr(ev->e_title, ' ') != NULL)) {
		snprintf(r->se_title, sizeof(r->se_title), "%s", ev->e_title);
		snprintf(r->se_key, sizeof(r->se_key), "%s", ev->e_key);
	}
	/* a cancellation of the same day keeps the record's time and zone */
	if (ev->e_has_date && !(ev->e_cancelled && r->se_has_date &&
	    r->se_date.y == ev->e_date.y && r->se_date.m == ev->e_date.m &&
	    r->se_date.d == ev->e_date.d && ev->e_minute < 0)) {
		r->se_has_date = 1;
		r->se_date = ev->e_date;
		r->se_minute = ev->e_minute;
		snprintf(r->se_tz, sizeof(r->se_tz), "%s", ev->e_tz ? ev->e_tz : "");
		r->se_tz_assumed = ev->e_tz_assumed;
	}
	if (ev->e_location[0] != '\0')
		snprintf(r->se_location, sizeof(r->se_location), "%s",
		    ev->e_location);
	if (ev->e_judge[0] != '\0')
		snprintf(r->se_judge, sizeof(r->se_judge), "%s", ev->e_judge);
	r->se_cancelled = ev->e_cancelled;
	r->se_restricted = a->a_restricted;
	r->se_kind = (int)ev->e_kind;
	r->se_entry = a->a_entry;
	r->se_updated = a->a_now;
	if (a->a_text != NULL) {	/* the whole docket text, cut */
		len = strlen(a->a_text);
		calphrase_copy(r->se_source, sizeof(r->se_source), a->a_text,
		    len < 4 * STORE_EVSRC_MAX ? len : 4 * STORE_EVSRC_MAX);
	}
}

static int
ev_apply_fn(struct sdb_txn *t, void *arg)
{
	struct ev_apply		*a = arg;
	struct ev_list		 l;
	struct calmatch_rec	*mv = NULL;
	struct store_event	*r, fresh;
	size_t			 i, j;
	long			 m;
	int			 rc;

	memset(&l, 0, sizeof(l));
	l.l_court = a->a_court;
	l.l_docket = a->a_docket;
	a->a_changed = 0;
	if ((rc = ev_read(t, &l)) != 0)
		goto out;
	for (i = 0; i < a->a_set->s_n; i++) {
		const struct calev *ev = &a->a_set->s_ev[i];

		memset(&a->a_out[i], 0, sizeof(a->a_out[i]));
		free(mv);
		if ((mv = calloc(l.l_n + 1, sizeof(*mv))) == NULL) {
			rc = STORE_ENOMEM;
			goto out;
		}
		for (j = 0; j < l.l_n; j++)
			ev_view(&l.l_v[j], &mv[j]);
		m = calmatch_find(ev, a->a_restricted, mv, l.l_n, &a->a_today);
		if (m < 0 && !ev->e_has_date)
			continue;	/* cancels nothing we know */
		if (m >= 0) {
			r = &l.l_v[m];
			if (!calmatch_changes(ev, &mv[m])) {
				a->a_out[i] = *r;	/* a copy: nothing new */
				continue;
			}
			r->se_seq++;
		} else {
			if (l.l_n >= STORE_EVENTS_MAX)
				continue;
			memset(&fresh, 0, sizeof(fresh));
			snprintf(fresh.se_court, sizeof(fresh.se_court), "%s",
			    a->a_court);
			snprintf(fresh.se_docket, sizeof(fresh.se_docket), "%s",
			    a->a_docket);
			a->a_uid(a->a_court, a->a_docket, ev, a->a_restricted,
			    fresh.se_uid, sizeof(fresh.se_uid));
			fresh.se_first = a->a_now;
			fresh.se_minute = -1;
			if ((rc = ev_grow(&l)) != 0)
				goto out;
			r = &l.l_v[l.l_n++];
			*r = fresh;
		}
		ev_set(r, ev, a);
		if ((rc = ev_put(t, r)) != 0)
			goto out;
		a->a_out[i] = *r;
		a->a_changed = 1;
	}
out:
	free(mv);
	free(l.l_v);
	return rc;
}

int
store_event_apply(struct store *st, const char *court, const char *docket,
    const struct calev_set *set, const char *text, int restricted,
    uint32_t entry, const struct caldate *today, int64_t now,
    store_event_uid_fn uid_fn, struct store_event *out, int *changed)
{
	struct ev_apply	a;
	int		rc;

	if (changed != NULL)
		*changed = 0;
	if (rec_check_court(court) != 0 || rec_check_docket(docket) != 0 ||
	    uid_fn == NULL)
		return STORE_EINVAL;
	memset(&a, 0, sizeof(a));
	a.a_court = court;
	a.a_docket = docket;
	a.a_set = set;
	a.a_text = text;
	a.a_restricted = restricted;
	a.a_entry = entry;
	if (today != NULL)
		a.a_today = *today;
	a.a_now = now;
	a.a_uid = uid_fn;
	a.a_out = out;
	rc = sdb_write(st, ev_apply_fn, &a);
	if (rc == 0 && changed != NULL)
		*changed = a.a_changed;
	return rc;
}

/* ------------------------------------------------------------ retention */

struct ev_gone {
	char	 g_court[STORE_COURT_MAX + 1];
	char	 g_docket[STORE_DOCKET_MAX + 1];
	char	 g_uid[STORE_EVUID_MAX + 1];
};

struct ev_expire {
	long			 x_day;		/* records before this day go */
	int64_t			 x_cutoff;	/* undated: changed before */
	unsigned char		 x_after[REC_KEY_MAX];	/* last key seen */
	size_t			 x_afterlen;
	unsigned char		 x_start[REC_KEY_MAX];	/* this batch's start */
	size_t			 x_startlen;
	size_t			 x_seen;	/* records walked, this batch */
	int			 x_more;
	struct ev_gone		 x_gone[EV_BATCH];	/* this batch */
	size_t			 x_ngone;
	size_t			 x_count;	/* committed */
	struct store_event_case	*x_cases;
	size_t			 x_ncases, x_capcases;
	int			 x_nomem;
};

static int	ev_expire_one(void *, const void *, size_t, const void *, size_t);
static int	ev_expire_fn(struct sdb_txn *, void *);
static void	ev_expire_after(void *);
static void	ev_case_add(struct ev_expire *, const struct ev_gone *);

static int
ev_expire_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct ev_expire	*x = arg;
	struct store_event	 e;
	struct ev_gone		*g;
	int			 rc;

	if (x->x_ngone >= EV_BATCH || x->x_seen >= EV_SCAN) {
		x->x_more = 1;
		return SDB_STOP;
	}
	if (kl > sizeof(x->x_after))
		return STORE_ECORRUPT;
	memcpy(x->x_after, k, kl);
	x->x_afterlen = kl;
	x->x_seen++;
	if ((rc = ev_decode(k, kl, v, vl, &e)) != 0)
		return rc;
	if (e.se_has_date ? caldate_days(e.se_date.y, e.se_date.m,
	    e.se_date.d) >= x->x_day : e.se_updated >= x->x_cutoff)
		return 0;
	g = &x->x_gone[x->x_ngone++];
	snprintf(g->g_court, sizeof(g->g_court), "%s", e.se_court);
	snprintf(g->g_docket, sizeof(g->g_docket), "%s", e.se_docket);
	snprintf(g->g_uid, sizeof(g->g_uid), "%s", e.se_uid);
	return 0;
}

/* One batch: walk on from x_start, then delete what is past. */
static int
ev_expire_fn(struct sdb_txn *t, void *arg)
{
	struct ev_expire	*x = arg;
	struct rec_w		 k;
	size_t			 i;
	int			 rc;

	x->x_ngone = x->x_seen = 0;
	x->x_more = 0;
	memcpy(x->x_after, x->x_start, x->x_startlen);
	x->x_afterlen = x->x_startlen;
	rc = sdb_walk(t, SDB_EVENTS, NULL, 0, x->x_afterlen ? x->x_after : NULL,
	    x->x_afterlen, ev_expire_one, x);
	rec_w_init(&k, REC_KEY_MAX);
	for (i = 0; rc == 0 && i < x->x_ngone; i++) {
		rec_w_reset(&k);
		ev_key(&k, x->x_gone[i].g_court, x->x_gone[i].g_docket,
		    x->x_gone[i].g_uid);
		rc = k.rw_err ? STORE_EINVAL : sdb_del(t, SDB_EVENTS, k.rw_buf,
		    k.rw_len);
		if (rc == STORE_ENOTFOUND)
			rc = 0;
	}
	rec_w_free(&k);
	return rc;
}

/* The batch is committed: count it, note its cases, move on. */
static void
ev_expire_after(void *arg)
{
	struct ev_expire	*x = arg;
	size_t			 i;

	x->x_count += x->x_ngone;
	for (i = 0; i < x->x_ngone; i++)
		ev_case_add(x, &x->x_gone[i]);
	memcpy(x->x_start, x->x_after, x->x_afterlen);
	x->x_startlen = x->x_afterlen;
}

/* Note g's case, once (the walk is in key order: cases come together). */
static void
ev_case_add(struct ev_expire *x, const struct ev_gone *g)
{
	struct store_event_case	*c, *nv;
	size_t			 cap;

	if (x->x_ncases > 0) {
		c = &x->x_cases[x->x_ncases - 1];
		if (strcmp(c->ec_court, g->g_court) == 0 &&
		    strcmp(c->ec_docket, g->g_docket) == 0)
			return;
	}
	if (x->x_ncases == x->x_capcases) {
		cap = x->x_capcases ? 2 * x->x_capcases : 16;
		if ((nv = realloc(x->x_cases, cap * sizeof(*nv))) == NULL) {
			x->x_nomem = 1;
			return;
		}
		x->x_cases = nv;
		x->x_capcases = cap;
	}
	c = &x->x_cases[x->x_ncases++];
	snprintf(c->ec_court, sizeof(c->ec_court), "%s", g->g_court);
	snprintf(c->ec_docket, sizeof(c->ec_docket), "%s", g->g_docket);
}

int
store_event_expire(struct store *st, int64_t now, uint64_t keep,
    struct store_event_case **cases, size_t *ncases, size_t *nevents)
{
	struct ev_expire	*x;
	int			 rc = 0;

	if (cases != NULL)
		*cases = NULL;
	if (ncases != NULL)
		*ncases = 0;
	if (nevents != NULL)
		*nevents = 0;
	if (keep == 0)
		return 0;
	if (keep > (uint64_t)now)
		keep = (uint64_t)now;
	if ((x = calloc(1, sizeof(*x))) == NULL)
		return STORE_ENOMEM;
	x->x_cutoff = now - (int64_t)keep;
	x->x_day = (long)(x->x_cutoff / 86400);
	do {
		rc = sdb_write_after(st, ev_expire_fn, ev_expire_after, x);
	} while (rc == 0 && x->x_more);
	if (rc == 0 && x->x_nomem)
		rc = STORE_ENOMEM;
	if (nevents != NULL)
		*nevents = x->x_count;
	if (cases != NULL) {
		*cases = x->x_cases;
		x->x_cases = NULL;
	}
	if (ncases != NULL)
		*ncases = cases != NULL ? x->x_ncases : 0;
	free(x->x_cases);
	free(x);
	return rc;
}
