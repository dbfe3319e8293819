/*
 * store_db: the store's LMDB layer (internal to the store).
 *
 * Only store_db.c (and store.c) may include lmdb.h; the other parts of
 * the store reach LMDB through this interface.  A caller runs a function
 * inside a read or a write transaction:
 *
 *	sdb_read(st, fn, arg)	runs fn in a fresh read-only transaction
 *	sdb_write(st, fn, arg)	takes the writer lock (with a timeout),
 *				runs fn in a write transaction, commits;
 *				when the map is full it aborts, grows the
 *				map and runs fn again from the start
 *
 * so fn must be restartable: it resets whatever it fills before
 * working.  Pointers that sdb_get() and sdb_walk() hand out are valid
 * only until fn returns; fn must copy what it keeps, and must not call
 * any other store function (the lock is not recursive).
 *
 * Transactions are guarded by a process-wide rwlock (read side); map
 * growth takes the write side, so that no transaction of this process is
 * active while the map is resized, as LMDB requires.
 */
#ifndef NEF_STORE_DB_H
#define NEF_STORE_DB_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

#include "store.h"

enum sdb_table {
	SDB_META,	/* "version", "audit_seq" */
	SDB_DOCS,	/* court\0 key\0 att16 -> doc record */
	SDB_DOC_ENTRY,	/* court\0 docket\0 entry32 key\0 att16 -> "" */
	SDB_DOC_SHA,	/* sha32 court\0 key\0 att16 -> "" */
	SDB_TOMB_KEY,	/* court\0 key\0 att16 -> tombstone */
	SDB_TOMB_SHA,	/* sha32 -> tombstone */
	SDB_CASES,	/* court\0 docket\0 -> case record */
	SDB_LISTED,	/* court\0 docket\0 addr\0 -> first, last */
	SDB_TEAM,	/* court\0 docket\0 addr\0 -> added, updated */
	SDB_AUDIT,	/* time64 seq64 -> audit record */
	SDB_AUDIT_QID,	/* qid\0 time64 seq64 -> "" */
	SDB_AUDIT_CASE,	/* court\0 docket\0 time64 seq64 -> entry32 */
	SDB_AUDIT_RCPT,	/* addr\0 time64 seq64 -> "" */
	SDB_AUDIT_SHA,	/* sha32 time64 seq64 -> "" */
	SDB_OUTCOME,	/* court\0 key\0 att16 -> fetch outcome */
	SDB_METRICS,	/* series text -> counter (store_metrics.c) */
	SDB_EVENTS,	/* court\0 docket\0 uid\0 -> calendar event */
	SDB_FINDING,	/* time64 seq64 -> finding (store_finding.h) */
	SDB_FINDING_CASE, /* court\0 docket\0 time64 seq64 -> "" */
	SDB_FINDING_SHA, /* sha32 time64 seq64 -> "" */
	SDB_CHECK,	/* sha32 -> the latest check of that content */
	SDB_NTABLES
};

#define SDB_STOP	(-1)	/* a walk function's "stop here" */

struct MDB_env;
struct sdb_txn;

/* The store handle; fields are the store's own. */
struct store {
	char		*s_dir;		/* state directory */
	char		*s_dbdir;	/* STATE/db */
	char		*s_docdir;	/* STATE/docs */
	char		*s_tmpdir;	/* STATE/tmp */
	struct MDB_env	*s_env;
	unsigned	 s_dbi[SDB_NTABLES];
	pthread_rwlock_t s_rw;		/* txns: read side; resize: write */
	pthread_mutex_t	 s_wmutex;	/* writers of this process */
	int		 s_lockfd;	/* flock: writers of all processes */
	uint64_t	 s_map_max;
	uint64_t	 s_retention;
	unsigned	 s_lock_wait_ms;
	size_t		 s_nfirm;
	char		**s_firm;	/* lowercase firm domains */
};

typedef int (*sdb_fn)(struct sdb_txn *, void *arg);
/* k, v valid during the call only.  Return 0 to go on, SDB_STOP to stop
 * (the walk then returns 0), or a status (the walk returns it). */
typedef int (*sdb_walk_fn)(void *arg, const void *k, size_t klen,
    const void *v, size_t vlen);

/* Open the environment of st (directories exist) and every table. */
int	 sdb_open(struct store *, uint64_t map_size, unsigned max_readers,
	    int create);
void	 sdb_close(struct store *);

int	 sdb_read(struct store *, sdb_fn, void *arg);
int	 sdb_write(struct store *, sdb_fn, void *arg);
/* sdb_write(), then after(arg) once the commit succeeded, still under the
 * writer lock (file removals that must not race with a writer). */
int	 sdb_write_after(struct store *, sdb_fn, void (*after)(void *),
	    void *arg);

/* The id of the snapshot (read) or of the transaction being written. */
unsigned long long sdb_txn_id(const struct sdb_txn *);
/* Map the file afresh at the size the store records, as a process does
 * when another one grew the map (tests drive that path with it). */
int	 sdb_remap(struct store *);
/* 0 (*v, *vlen set), STORE_ENOTFOUND, or a status. */
int	 sdb_get(struct sdb_txn *, int table, const void *k, size_t klen,
	    const void **v, size_t *vlen);
int	 sdb_put(struct sdb_txn *, int table, const void *k, size_t klen,
	    const void *v, size_t vlen);
/* 0, STORE_ENOTFOUND, or a status. */
int	 sdb_del(struct sdb_txn *, int table, const void *k, size_t klen);
/* Visit, in key order, every record whose key starts with prefix
 * (plen 0: every record), starting after key `after` when given. */
int	 sdb_walk(struct sdb_txn *, int table, const void *prefix,
	    size_t plen, const void *after, size_t alen, sdb_walk_fn, void *arg);
/*
 * Visit a whole table in batches, each in its own short read transaction
 * (the walk resumes after the last key seen).  fn gets the batch's
 * transaction for lookups; the records may change between batches.
 */
typedef int (*sdb_scan_fn)(struct sdb_txn *, void *arg, const void *k,
    size_t klen, const void *v, size_t vlen);
int	 sdb_scan(struct store *, int table, sdb_scan_fn, void *arg);
/* Number of records in a table. */
int	 sdb_count(struct sdb_txn *, int table, uint64_t *n);
/* The records of each table into s->st_count (store.c; for stats and
 * metrics, in the caller's read transaction). */
struct store_stats;
int	 store_count_tables(struct sdb_txn *, struct store_stats *s);

/* Clear the reader slots of dead processes (logged); *dead may be NULL. */
int	 sdb_reader_check(struct store *, int *dead);
/* Map and reader figures for store_stats(). */
int	 sdb_info(struct store *, struct store_stats *);

#endif
