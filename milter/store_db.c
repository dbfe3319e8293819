/*
 * NAME
 *	store_db - the store's LMDB layer
 * SUMMARY
 *	one environment per process, short transactions, map growth
 * SYNOPSIS
 *	#include "store_db.h"
 * DESCRIPTION
 *	The environment is opened with MDB_NOTLS (libmilter's threads are
 *	not its connections, so a reader slot belongs to a transaction,
 *	not to a thread) and MDB_NOMETASYNC (every commit is followed by a
 *	sync of its own, see sdb_open()), with max_readers slots and the
 *	configured map size; stale reader slots of dead processes are
 *	cleared at open.
 *	Every table is opened once, at open.
 *
 *	Writers take a process mutex and then an flock(2) on
 *	STATE/db/write.lock, both with a deadline, before LMDB's own
 *	writer lock: a writer stuck in another process makes a caller fail
 *	with STORE_ELOCKED instead of waiting without end.  The flock is
 *	released by the kernel when its holder dies.
 *
 *	When a write fails with MDB_MAP_FULL the transaction is aborted,
 *	the map doubled (up to the limit) under the write side of the
 *	rwlock, and the write run again.  When another process grew the
 *	map (MDB_MAP_RESIZED) the new size is adopted the same way.
 * DIAGNOSTICS
 *	LMDB errors become STORE_* statuses here and only here; unexpected
 *	ones are logged with mdb_strerror().  Map growth and the limit
 *	being reached are logged.
 */
#include <errno.h>
#include <fcntl.h>
#include <lmdb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "store_db.h"
#include "store_rec.h"

#define SDB_VERSION	1
#define SDB_SCAN_BATCH	512	/* records per read txn of a scan */
#define SDB_MAX_TRIES	32	/* growth / resize rounds for one write */

struct sdb_txn {
	struct store	*t_st;
	MDB_txn		*t_txn;
	int		 t_mapfull;	/* MDB_MAP_FULL seen: grow, retry */
};

static const char *const sdb_names[SDB_NTABLES] = {
	"meta", "docs", "doc_entry", "doc_sha", "tomb_key", "tomb_sha",
	"cases", "listed", "team", "audit", "audit_qid", "audit_case",
	"audit_rcpt", "audit_sha", "outcome", "metrics", "events",
	"finding", "finding_case", "finding_sha", "check",
};

static int	sdb_status(int rc, const char *what);
static int	sdb_open_tables(struct store *, int create);
static int	sdb_check_version(struct sdb_txn *, void *);
static int	sdb_grow(struct store *);
static int	sdb_lock(struct store *);
static void	sdb_unlock(struct store *);
static void	sdb_deadline(struct timespec *, unsigned ms);
static int	sdb_count_reader(const char *msg, void *ctx);
static int	sdb_scan_one(void *, const void *, size_t, const void *, size_t);
static int	sdb_scan_batch(struct sdb_txn *, void *);

/* Translate an LMDB result into a store status, logging the unexpected. */
static int
sdb_status(int rc, const char *what)
{
	switch (rc) {
	case MDB_SUCCESS:
		return STORE_OK;
	case MDB_NOTFOUND:
		return STORE_ENOTFOUND;
	case MDB_MAP_FULL:
		return STORE_EFULL;
	case MDB_READERS_FULL:
		log_warn(NULL, "store: %s: no free LMDB reader slot "
		    "(raise max_readers)", what);
		return STORE_EBUSY;
	case MDB_CORRUPTED:
	case MDB_PAGE_NOTFOUND:
	case MDB_INVALID:
	case MDB_VERSION_MISMATCH:
		log_err(NULL, "store: %s: %s", what, mdb_strerror(rc));
		return STORE_ECORRUPT;
	case ENOMEM:
		return STORE_ENOMEM;
	case EACCES:
	case EPERM:
		log_err(NULL, "store: %s: %s", what, mdb_strerror(rc));
		return STORE_EACCES;
	case ENOSPC:
		log_err(NULL, "store: %s: %s", what, mdb_strerror(rc));
		return STORE_ENOSPC;
	default:
		log_err(NULL, "store: %s: %s", what, mdb_strerror(rc));
		return STORE_EIO;
	}
}

/* Raise the map to at least map_size (no transaction is open yet). */
static int
sdb_floor(struct store *st, uint64_t map_size)
{
	MDB_envinfo info;
	int rc;

	mdb_env_info(st->s_env, &info);
	if (info.me_mapsize >= map_size)
		return 0;
	rc = mdb_env_set_mapsize(st->s_env, (size_t)map_size);
	return sdb_status(rc, "set map size");
}

int
sdb_open(struct store *st, uint64_t map_size, unsigned max_readers,
    int create)
{
	MDB_env *env;
	char path[4096];
	int rc, dead = 0;

	snprintf(path, sizeof(path), "%s/write.lock", st->s_dbdir);
	st->s_lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	if (st->s_lockfd < 0) {
		log_err(NULL, "store: %s: %s", path, strerror(errno));
		return errno == ENOENT ? STORE_ENOSTORE : errno == EACCES ||
		    errno == EPERM ? STORE_EACCES : STORE_EIO;
	}
	if ((rc = mdb_env_create(&env)) != 0)
		return sdb_status(rc, "mdb_env_create");
	st->s_env = env;
	/* An existing store opens at the size it has grown to (0 asks LMDB
	 * for it); map_size is only a floor, so a restart never shrinks it. */
	snprintf(path, sizeof(path), "%s/data.mdb", st->s_dbdir);
	if ((rc = mdb_env_set_maxreaders(env, max_readers)) != 0 ||
	    (rc = mdb_env_set_maxdbs(env, SDB_NTABLES)) != 0 ||
	    (rc = mdb_env_set_mapsize(env, access(path, F_OK) == 0 ? 0 :
	    (size_t)map_size)) != 0)
		return sdb_status(rc, "mdb_env_set");
	/*
	 * MDB_NOMETASYNC: LMDB then writes the meta page through the same
	 * descriptor as the data pages, and sdb_write_after() syncs after
	 * each commit instead.  Through its separate O_DSYNC descriptor, a
	 * process that maps the file afresh (a map grown elsewhere) was seen
	 * to read the meta page two commits old on Linux: an older snapshot
	 * under the newest transaction id.
	 */
	rc = mdb_env_open(env, st->s_dbdir, MDB_NOTLS | MDB_NOMETASYNC, 0600);
	if (rc == ENOENT)
		return STORE_ENOSTORE;
	if (rc == EAGAIN || rc == EWOULDBLOCK)
		return STORE_ELOCKED;
	if (rc != 0)
		return sdb_status(rc, "mdb_env_open");
	if ((rc = sdb_floor(st, map_size)) != 0)
		return rc;
	if ((rc = mdb_reader_check(env, &dead)) != 0)
		return sdb_status(rc, "mdb_reader_check");
	if (dead > 0)
		log_notice(NULL, "store: cleared %d stale reader slot%s",
		    dead, dead == 1 ? "" : "s");
	if ((rc = sdb_open_tables(st, create)) != 0)
		return rc;
	/* A read suffices when the version is there (a busy writer elsewhere
	 * does not stop read-only tools). */
	rc = sdb_read(st, sdb_check_version, NULL);
	if (rc == STORE_ENOTFOUND)
		rc = create ? sdb_write(st, sdb_check_version, st) :
		    STORE_ENOSTORE;
	return rc;
}

/* Begin a transaction while opening: another process may grow the map
 * between mdb_env_open and here; adopt its size and try again. */
static int
sdb_begin_open(struct store *st, unsigned flags, MDB_txn **txn)
{
	int rc, tries;

	for (tries = 0; tries < SDB_MAX_TRIES; tries++) {
		rc = mdb_txn_begin(st->s_env, NULL, flags, txn);
		if (rc != MDB_MAP_RESIZED)
			return rc;
		if (sdb_remap(st) != 0)
			break;
	}
	return rc;
}

/*
 * Open every table once.  A read-only transaction suffices when they all
 * exist (so read-only tools work while a writer is busy); otherwise a
 * write transaction creates them.
 */
static int
sdb_open_tables(struct store *st, int create)
{
	MDB_txn *txn;
	int i, rc, write, exists = 0;

	for (write = 0; write <= 1; write++) {
		/* A store made by an earlier version lacks the newer tables:
		 * they are added even without "create" (an upgrade). */
		if (write && !create && !exists)
			return STORE_ENOSTORE;
		if (write && sdb_lock(st) != 0)
			return STORE_ELOCKED;
		rc = sdb_begin_open(st, write ? 0 : MDB_RDONLY, &txn);
		if (rc != 0) {
			if (write)
				sdb_unlock(st);
			return sdb_status(rc, "open tables");
		}
		for (i = 0; i < SDB_NTABLES && rc == 0; i++) {
			rc = mdb_dbi_open(txn, sdb_names[i],
			    write ? MDB_CREATE : 0, &st->s_dbi[i]);
			if (i == SDB_META && rc == 0)
				exists = 1;
		}
		if (rc == 0)
			rc = mdb_txn_commit(txn);
		else
			mdb_txn_abort(txn);
		if (write)
			sdb_unlock(st);
		if (rc != MDB_NOTFOUND)
			return sdb_status(rc, "open tables");
	}
	return STORE_ENOSTORE;
}

/* Refuse an unknown schema version; with arg != NULL (in a write
 * transaction) write the version into a new store. */
static int
sdb_check_version(struct sdb_txn *t, void *arg)
{
	unsigned char v[4] = { 0, 0, 0, SDB_VERSION };
	const void *p = NULL;
	size_t n = 0;
	int rc;

	rc = sdb_get(t, SDB_META, "version", 7, &p, &n);
	if (rc == STORE_ENOTFOUND && arg != NULL)	/* writing */
		return sdb_put(t, SDB_META, "version", 7, v, sizeof(v));
	if (rc != 0)
		return rc;
	if (n != sizeof(v) || memcmp(p, v, n) != 0) {
		log_err(NULL, "store: unknown store version");
		return STORE_ECORRUPT;
	}
	return 0;
}

void
sdb_close(struct store *st)
{
	if (st->s_env != NULL)
		mdb_env_close(st->s_env);
	st->s_env = NULL;
	if (st->s_lockfd >= 0)
		close(st->s_lockfd);
	st->s_lockfd = -1;
}

static void
sdb_deadline(struct timespec *ts, unsigned ms)
{
	clock_gettime(CLOCK_REALTIME, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (long)(ms % 1000) * 1000000L;
	if (ts->tv_nsec >= 1000000000L) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000L;
	}
}

/* Take the writer lock of this process, then of every process. */
static int
sdb_lock(struct store *st)
{
	struct timespec dl, now, nap = { 0, 1000000L };

	sdb_deadline(&dl, st->s_lock_wait_ms);
	if (pthread_mutex_timedlock(&st->s_wmutex, &dl) != 0) {
		log_warn(NULL, "store: writer lock busy for %u ms",
		    st->s_lock_wait_ms);
		return STORE_ELOCKED;
	}
	for (;;) {
		if (flock(st->s_lockfd, LOCK_EX | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR) {
			log_err(NULL, "store: flock: %s", strerror(errno));
			break;
		}
		clock_gettime(CLOCK_REALTIME, &now);
		if (now.tv_sec > dl.tv_sec || (now.tv_sec == dl.tv_sec &&
		    now.tv_nsec >= dl.tv_nsec)) {
			log_warn(NULL, "store: store locked by another "
			    "process for %u ms", st->s_lock_wait_ms);
			break;
		}
		/* Short naps: a busy writer elsewhere leaves short gaps. */
		nanosleep(&nap, NULL);
		if (nap.tv_nsec < 8000000L)
			nap.tv_nsec *= 2;
	}
	pthread_mutex_unlock(&st->s_wmutex);
	return STORE_ELOCKED;
}

static void
sdb_unlock(struct store *st)
{
	flock(st->s_lockfd, LOCK_UN);
	pthread_mutex_unlock(&st->s_wmutex);
}

/* Another process grew the map: adopt its size (no txn of ours open). */
int
sdb_remap(struct store *st)
{
	int rc;

	pthread_rwlock_wrlock(&st->s_rw);
	rc = mdb_env_set_mapsize(st->s_env, 0);
	pthread_rwlock_unlock(&st->s_rw);
	return sdb_status(rc, "adopt map size");
}

/* Double the map, up to s_map_max.  0, or STORE_EFULL at the limit. */
static int
sdb_grow(struct store *st)
{
	MDB_envinfo info;
	uint64_t cur, next;
	int rc;

	pthread_rwlock_wrlock(&st->s_rw);
	mdb_env_info(st->s_env, &info);
	cur = info.me_mapsize;
	if (cur >= st->s_map_max) {
		pthread_rwlock_unlock(&st->s_rw);
		log_err(NULL, "store: map full at %llu bytes (limit %llu)",
		    (unsigned long long)cur, (unsigned long long)st->s_map_max);
		return STORE_EFULL;
	}
	next = cur * 2 < st->s_map_max ? cur * 2 : st->s_map_max;
	rc = mdb_env_set_mapsize(st->s_env, (size_t)next);
	pthread_rwlock_unlock(&st->s_rw);
	if (rc != 0)
		return sdb_status(rc, "grow map");
	log_notice(NULL, "store: map grown from %llu to %llu bytes",
	    (unsigned long long)cur, (unsigned long long)next);
	return 0;
}

int
sdb_read(struct store *st, sdb_fn fn, void *arg)
{
	struct sdb_txn t = { st, NULL, 0 };
	int rc, tries;

	for (tries = 0; tries < SDB_MAX_TRIES; tries++) {
		pthread_rwlock_rdlock(&st->s_rw);
		rc = mdb_txn_begin(st->s_env, NULL, MDB_RDONLY, &t.t_txn);
		if (rc == MDB_MAP_RESIZED) {
			pthread_rwlock_unlock(&st->s_rw);
			if ((rc = sdb_remap(st)) != 0)
				return rc;
			continue;
		}
		if (rc != 0) {
			pthread_rwlock_unlock(&st->s_rw);
			return sdb_status(rc, "read txn");
		}
		rc = fn(&t, arg);
		mdb_txn_abort(t.t_txn);
		pthread_rwlock_unlock(&st->s_rw);
		return rc;
	}
	return STORE_EIO;
}

int
sdb_write(struct store *st, sdb_fn fn, void *arg)
{
	return sdb_write_after(st, fn, NULL, arg);
}

int
sdb_write_after(struct store *st, sdb_fn fn, void (*after)(void *),
    void *arg)
{
	struct sdb_txn t = { st, NULL, 0 };
	int rc, tries;

	if (sdb_lock(st) != 0)
		return STORE_ELOCKED;
	for (tries = 0, rc = STORE_EIO; tries < SDB_MAX_TRIES; tries++) {
		t.t_mapfull = 0;
		pthread_rwlock_rdlock(&st->s_rw);
		rc = mdb_txn_begin(st->s_env, NULL, 0, &t.t_txn);
		if (rc == MDB_MAP_RESIZED) {
			pthread_rwlock_unlock(&st->s_rw);
			if ((rc = sdb_remap(st)) != 0)
				break;
			rc = STORE_EIO;
			continue;
		}
		if (rc != 0) {
			pthread_rwlock_unlock(&st->s_rw);
			rc = sdb_status(rc, "write txn");
			break;
		}
		rc = fn(&t, arg);
		if (rc == 0) {
			rc = mdb_txn_commit(t.t_txn);
			if (rc == MDB_MAP_FULL)
				t.t_mapfull = 1;
			else if (rc == 0)	/* the meta page too (NOMETASYNC) */
				rc = mdb_env_sync(st->s_env, 1);
			rc = sdb_status(rc, "commit");
		} else
			mdb_txn_abort(t.t_txn);
		pthread_rwlock_unlock(&st->s_rw);
		if (rc == 0 && after != NULL)
			after(arg);
		if (!t.t_mapfull)
			break;
		if ((rc = sdb_grow(st)) != 0)
			break;
		rc = STORE_EFULL;
	}
	sdb_unlock(st);
	return rc;
}

unsigned long long
sdb_txn_id(const struct sdb_txn *t)
{
	return (unsigned long long)mdb_txn_id(t->t_txn);
}

int
sdb_get(struct sdb_txn *t, int table, const void *k, size_t klen,
    const void **v, size_t *vlen)
{
	MDB_val key = { klen, (void *)k }, val;
	int rc;

	rc = mdb_get(t->t_txn, t->t_st->s_dbi[table], &key, &val);
	if (rc != 0)
		return sdb_status(rc, sdb_names[table]);
	*v = val.mv_data;
	*vlen = val.mv_size;
	return 0;
}

int
sdb_put(struct sdb_txn *t, int table, const void *k, size_t klen,
    const void *v, size_t vlen)
{
	MDB_val key = { klen, (void *)k }, val = { vlen, (void *)v };
	int rc;

	rc = mdb_put(t->t_txn, t->t_st->s_dbi[table], &key, &val, 0);
	if (rc == MDB_MAP_FULL)
		t->t_mapfull = 1;
	return sdb_status(rc, sdb_names[table]);
}

int
sdb_del(struct sdb_txn *t, int table, const void *k, size_t klen)
{
	MDB_val key = { klen, (void *)k };
	int rc;

	rc = mdb_del(t->t_txn, t->t_st->s_dbi[table], &key, NULL);
	if (rc == MDB_MAP_FULL)
		t->t_mapfull = 1;
	return sdb_status(rc, sdb_names[table]);
}

int
sdb_walk(struct sdb_txn *t, int table, const void *prefix, size_t plen,
    const void *after, size_t alen, sdb_walk_fn fn, void *arg)
{
	MDB_cursor *cur;
	MDB_val key, val;
	MDB_cursor_op op;
	int rc, frc = 0;

	if ((rc = mdb_cursor_open(t->t_txn, t->t_st->s_dbi[table], &cur)) != 0)
		return sdb_status(rc, sdb_names[table]);
	if (after != NULL) {
		key.mv_data = (void *)after;
		key.mv_size = alen;
		op = MDB_SET_RANGE;
	} else if (plen > 0) {
		key.mv_data = (void *)prefix;
		key.mv_size = plen;
		op = MDB_SET_RANGE;
	} else
		op = MDB_FIRST;
	for (rc = mdb_cursor_get(cur, &key, &val, op); rc == 0;
	    rc = mdb_cursor_get(cur, &key, &val, MDB_NEXT)) {
		if (after != NULL && key.mv_size == alen &&
		    memcmp(key.mv_data, after, alen) == 0)
			continue;
		if (plen > 0 && (key.mv_size < plen ||
		    memcmp(key.mv_data, prefix, plen) != 0))
			break;
		frc = fn(arg, key.mv_data, key.mv_size, val.mv_data,
		    val.mv_size);
		if (frc != 0)
			break;
	}
	mdb_cursor_close(cur);
	if (frc != 0)
		return frc == SDB_STOP ? 0 : frc;
	if (rc == 0 || rc == MDB_NOTFOUND)
		return 0;
	return sdb_status(rc, sdb_names[table]);
}

struct sdb_scan {
	struct sdb_txn	*sc_t;
	int		 sc_table;
	sdb_scan_fn	 sc_fn;
	void		*sc_arg;
	size_t		 sc_left;
	unsigned char	 sc_last[REC_KEY_MAX];
	size_t		 sc_lastlen;
	int		 sc_more;
};

/* One record of a scan batch: remember its key, stop at the batch end. */
static int
sdb_scan_one(void *arg, const void *k, size_t klen, const void *v,
    size_t vlen)
{
	struct sdb_scan *sc = arg;
	int rc;

	if (sc->sc_left == 0) {
		sc->sc_more = 1;
		return SDB_STOP;
	}
	sc->sc_left--;
	if (klen > sizeof(sc->sc_last))
		return STORE_ECORRUPT;
	memcpy(sc->sc_last, k, klen);
	sc->sc_lastlen = klen;
	rc = sc->sc_fn(sc->sc_t, sc->sc_arg, k, klen, v, vlen);
	if (rc == SDB_STOP)
		sc->sc_more = 0;
	return rc;
}

static int
sdb_scan_batch(struct sdb_txn *t, void *arg)
{
	struct sdb_scan *sc = arg;

	sc->sc_t = t;
	sc->sc_more = 0;
	sc->sc_left = SDB_SCAN_BATCH;
	return sdb_walk(t, sc->sc_table, NULL, 0,
	    sc->sc_lastlen > 0 ? sc->sc_last : NULL, sc->sc_lastlen,
	    sdb_scan_one, sc);
}

int
sdb_scan(struct store *st, int table, sdb_scan_fn fn, void *arg)
{
	struct sdb_scan sc;
	int rc;

	memset(&sc, 0, sizeof(sc));
	sc.sc_table = table;
	sc.sc_fn = fn;
	sc.sc_arg = arg;
	do {
		if ((rc = sdb_read(st, sdb_scan_batch, &sc)) != 0)
			return rc;
	} while (sc.sc_more);
	return 0;
}

int
sdb_count(struct sdb_txn *t, int table, uint64_t *n)
{
	MDB_stat ms;
	int rc;

	rc = mdb_stat(t->t_txn, t->t_st->s_dbi[table], &ms);
	*n = rc == 0 ? ms.ms_entries : 0;
	return sdb_status(rc, sdb_names[table]);
}

/* mdb_reader_list() callback: count the lines naming a reader. */
static int
sdb_count_reader(const char *msg, void *ctx)
{
	unsigned *n = ctx;

	while (*msg == ' ')
		msg++;
	if (*msg >= '0' && *msg <= '9')
		(*n)++;
	return 0;
}

int
sdb_reader_check(struct store *st, int *dead)
{
	int rc, n = 0;

	rc = mdb_reader_check(st->s_env, &n);
	if (rc == 0 && n > 0)
		log_notice(NULL, "store: cleared %d stale reader slot%s", n,
		    n == 1 ? "" : "s");
	if (dead != NULL)
		*dead = n;
	return sdb_status(rc, "mdb_reader_check");
}

int
sdb_info(struct store *st, struct store_stats *s)
{
	MDB_envinfo info;
	MDB_stat ms;
	unsigned used = 0;
	int rc;

	pthread_rwlock_rdlock(&st->s_rw);
	if ((rc = mdb_env_info(st->s_env, &info)) == 0)
		rc = mdb_env_stat(st->s_env, &ms);
	pthread_rwlock_unlock(&st->s_rw);
	if (rc != 0)
		return sdb_status(rc, "env info");
	s->st_map_size = info.me_mapsize;
	s->st_map_used = (uint64_t)(info.me_last_pgno + 1) * ms.ms_psize;
	s->st_map_max = st->s_map_max;
	s->st_readers_max = info.me_maxreaders;
	mdb_reader_list(st->s_env, sdb_count_reader, &used);
	s->st_readers_used = used;
	return 0;
}
