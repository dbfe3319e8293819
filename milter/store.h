/*
 * store: nefmilter's persistent state (LMDB + document files).
 *
 * One struct store per process (the daemon and nefctl each open their
 * own; both may use the same state directory at the same time).  Every
 * function is thread-safe: each call runs its own short LMDB transaction
 * and no transaction is held across calls.  Every value a getter returns
 * is copied into memory the caller owns.
 *
 * Layout of the state directory (created 0700, files 0600):
 *
 *	STATE/db/data.mdb, lock.mdb	the LMDB environment
 *	STATE/db/write.lock		serializes writers, with a timeout
 *	STATE/docs/AA/SHA256.pdf	documents, content-addressed
 *	STATE/tmp/			the fetcher's temp files
 *
 * Keys: a court is its CM/ECF id ("cand", "ca9"), lowercase; a docket is
 * the normalized key of policy/docket.h ("4:22-cv-05541"); a document is
 * court + document key (the PACER doc id, or a caller-built key for ACMS
 * such as "25-2120/49") + attachment number (0 = main document); an
 * address is lowercased by store_addr_normalize().
 *
 * The store's parts declare their functions in their own headers:
 * store_doc.h (documents and tombstones), store_outcome.h (fetch
 * outcomes), store_purge.h (clawback, retention), store_case.h (cases,
 * court-listed recipients, teams), store_audit.h (the audit trail),
 * store_metrics.h (counters), store_check.h (integrity check),
 * store_event.h (calendar events) and store_finding.h (PDF findings).
 * What this header says holds for all of them.
 *
 * Status codes: every fallible function returns 0 (STORE_OK) or one of
 * the STORE_E* values below; store_strerror() names them.  Functions
 * that log do so through log.h with a NULL id; untrusted text is cleaned.
 */
#ifndef NEF_STORE_H
#define NEF_STORE_H

#include <stddef.h>
#include <stdint.h>

struct cfg;
struct cfg_list;

enum store_status {
	STORE_OK = 0,
	STORE_ENOTFOUND,	/* no such record */
	STORE_EFULL,		/* LMDB map full and may not grow further */
	STORE_ELOCKED,		/* another writer held the lock too long */
	STORE_EBUSY,		/* no free LMDB reader slot */
	STORE_EMISSING,		/* a document's file is missing or damaged */
	STORE_ECORRUPT,		/* a record could not be decoded */
	STORE_EIO,		/* an I/O or LMDB error (logged) */
	STORE_ENOSPC,		/* the file system is full */
	STORE_ENOSTORE,		/* no store at the state directory */
	STORE_EINVAL,		/* a bad argument (key too long, bad sha...) */
	STORE_EADDR,		/* not a valid mail address */
	STORE_EDOMAIN,		/* address outside the firm's domains */
	STORE_ETOMBSTONED,	/* the document was purged: never attach it */
	STORE_ENOMEM,		/* out of memory */
	STORE_EACCES,		/* the state directory or a file of the
				   store may not be used by this user */
	STORE_NSTATUS
};

/* Explicit limits on everything a record holds (bytes, without NUL). */
#define STORE_COURT_MAX		16
#define STORE_DOCKET_MAX	40
#define STORE_DOCKEY_MAX	96
#define STORE_ADDR_MAX		254
#define STORE_QID_MAX		32
#define STORE_LABEL_MAX		255
#define STORE_SHA_HEX		64
#define STORE_ENTRY_ANY		UINT32_MAX	/* every entry of a case */
#define STORE_ATT_ANY		0xffffu		/* every attachment */

struct store;

struct store_opts {
	const char	*so_dir;	/* state directory */
	uint64_t	 so_map_size;	/* initial map size (bytes) */
	uint64_t	 so_map_max;	/* growth limit; 0 = 16 x so_map_size */
	unsigned	 so_max_readers;
	uint64_t	 so_retention;	/* seconds documents are kept */
	unsigned	 so_lock_wait_ms;	/* writer lock wait; 0 = 10 s */
	int		 so_create;	/* create the directory and the env */
	const struct cfg_list *so_firm_domains;	/* copied; may be NULL */
};

/* Fill opts from a configuration snapshot (pointers borrow from cfg,
 * which must outlive the store_open() call only). */
void	 store_opts_from_cfg(struct store_opts *, const struct cfg *);

/*
 * Open the store.  Without so_create, a missing directory or environment
 * gives STORE_ENOSTORE.  Runs mdb_reader_check (stale slots of dead
 * processes are cleared) and opens every table.  On success *out is the
 * caller's; release it with store_close().  Call once per process, after
 * any fork.
 */
int	 store_open(const struct store_opts *, struct store **out);
/* Close; NULL is a no-op.  No other call may be running.  Returns NULL. */
struct store *store_close(struct store *);

/* A constant, never NULL, description of a status. */
const char *store_strerror(int status);

/*
 * Lowercase and check a mail address (local@domain, printable, no
 * blanks, at most STORE_ADDR_MAX bytes).  out has size bytes (at least
 * STORE_ADDR_MAX + 1).  Returns 0 or STORE_EADDR.
 */
int	 store_addr_normalize(const char *in, char *out, size_t size);
/* 0 when addr's domain is one of the firm's domains, else STORE_EDOMAIN
 * (also when the store was opened without firm domains). */
int	 store_addr_in_firm(const struct store *, const char *addr);

/* chown -R a state directory (for a start-up path running as root). */
int	 store_chown_tree(const char *dir, unsigned uid, unsigned gid);

/* The store in figures: map size, use and limit, readers, records per
 * table, document files and their bytes. */
enum store_table_stat { STORE_T_DOCS, STORE_T_TOMBSTONES, STORE_T_CASES,
	STORE_T_LISTED, STORE_T_TEAM, STORE_T_AUDIT, STORE_T_EVENTS, STORE_T_N };

struct store_stats {
	uint64_t	 st_map_size;	/* current map size */
	uint64_t	 st_map_used;	/* bytes of the map in use */
	uint64_t	 st_map_max;	/* growth limit */
	unsigned	 st_readers_max;
	unsigned	 st_readers_used;	/* slots held by live txns */
	uint64_t	 st_count[STORE_T_N];	/* records per table */
	uint64_t	 st_doc_files;	/* files under STATE/docs */
	uint64_t	 st_doc_bytes;
};
/* Name of a STORE_T_* table, for display. */
const char *store_table_name(int);
int	 store_stats(struct store *, struct store_stats *);

#endif
