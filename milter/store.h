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
#define STORE_DESC_MAX		511
#define STORE_NAME_MAX		511
#define STORE_CASEID_MAX	63
#define STORE_CASEIDS		8	/* court case ids kept per case */
#define STORE_WORD_MAX		31	/* audit trust and action words */
#define STORE_AUDIT_RCPTS	4096	/* recipients in one audit record */
#define STORE_AUDIT_DOCS	1000	/* documents in one audit record */
#define STORE_AUDIT_CASES	64	/* cases in one audit record */
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

/* ---------------------------------------------------------------- docs */

struct store_doc {
	char	 d_court[STORE_COURT_MAX + 1];
	char	 d_key[STORE_DOCKEY_MAX + 1];	/* doc id or caller key */
	unsigned d_att;				/* 0 = main document */
	char	 d_docket[STORE_DOCKET_MAX + 1];
	uint32_t d_entry;			/* docket entry number */
	char	 d_sha256[STORE_SHA_HEX + 1];	/* lowercase hex */
	uint64_t d_size;
	char	 d_label[STORE_LABEL_MAX + 1];	/* attachment file name */
	char	 d_desc[STORE_DESC_MAX + 1];
	int64_t	 d_stored;			/* time stored (set by put) */
};

/*
 * Store a fetched document.  tmp_path is a file the fetcher wrote under
 * STATE/tmp/ whose size and sha256 are doc->d_size and doc->d_sha256.
 * The file is fsynced, renamed to STATE/docs/AA/SHA.pdf (an existing
 * identical file is kept), the directory fsynced, then the index written
 * with d_stored = now.  On success the temp file is gone; on failure it
 * is left for the caller to remove.
 * Returns 0, STORE_ETOMBSTONED (key or sha purged: do not attach),
 * STORE_EINVAL (bad fields, or the file's size is not d_size),
 * STORE_ENOSPC, STORE_EIO, STORE_EFULL, STORE_ELOCKED, STORE_EBUSY.
 */
int	 store_doc_put(struct store *, const struct store_doc *doc,
	    const char *tmp_path, int64_t now);
/* Look a document up by key into *out.  0, STORE_ENOTFOUND, or
 * STORE_ETOMBSTONED (purged; *out is then zeroed). */
int	 store_doc_get(struct store *, const char *court, const char *key,
	    unsigned att, struct store_doc *out);
/*
 * Open the document's file for reading; *fd is the caller's to close.
 * The file's size is checked against d_size: a missing or truncated file
 * gives STORE_EMISSING (logged).
 */
int	 store_doc_open(struct store *, const struct store_doc *, int *fd);
/* Check a document's file: size, and with full != 0 the sha256 too.
 * 0, STORE_EMISSING, or STORE_EIO. */
int	 store_doc_verify(struct store *, const struct store_doc *, int full);
/* Path of a document's file into buf.  0 or STORE_EINVAL. */
int	 store_doc_path(const struct store *, const char *sha256, char *buf,
	    size_t size);
/*
 * Every document of entry `entry` of a case (STORE_ENTRY_ANY: of the
 * whole case), in entry order.  *out is a malloc'd array of *n items
 * (NULL when none) that the caller free()s.
 */
int	 store_doc_list(struct store *, const char *court, const char *docket,
	    uint32_t entry, struct store_doc **out, size_t *n);

/* -------------------------------------------------------------- outcomes */

#define STORE_OUTCOME_DETAIL_MAX	159

/*
 * The lasting outcome of asking the court for a document that gave no
 * PDF (a login prompt, "not available", too large, refused), so that a
 * later copy of the notice is answered from the store and spends no free
 * look on it.  result is the caller's code (the fetch result); att
 * STORE_ATT_ANY records an outcome for the whole link (the attachment
 * menu itself met a login prompt).  Transient failures are not recorded.
 * store_outcome_get() looks att up, then STORE_ATT_ANY: 0 (with
 * *result, detail filled; detail may be NULL) or STORE_ENOTFOUND.
 * Outcomes expire with the documents (store_expire()).
 */
int	 store_outcome_put(struct store *, const char *court, const char *key,
	    unsigned att, int result, const char *detail, int64_t now);
int	 store_outcome_get(struct store *, const char *court, const char *key,
	    unsigned att, int *result, char *detail, size_t size);

/* ------------------------------------------------------------ tombstones */

/*
 * 0 when neither the key (court, key, att; STORE_ATT_ANY matches any
 * attachment) nor the sha256 (may be NULL) was purged; STORE_ETOMBSTONED
 * when one was.  key may be NULL to check the sha alone.
 */
int	 store_tombstone_check(struct store *, const char *court,
	    const char *key, unsigned att, const char *sha256);
/* Tombstone a key and/or a sha (either may be NULL) without a stored
 * document (e.g. a document withdrawn before it was fetched). */
int	 store_tombstone_add(struct store *, const char *court,
	    const char *key, unsigned att, const char *sha256, int64_t now);

/* ----------------------------------------------------- purge and expiry */

/*
 * The clawback.  Delete documents at once (index and files) and tombstone
 * their keys and contents; every other key holding the same content is
 * deleted too.  Select by document key (att STORE_ATT_ANY: every
 * attachment; the key is tombstoned even when nothing was stored), by
 * entry, or by case.  *out (may be NULL) receives a malloc'd array of
 * the purged documents, *n their number; the caller free()s it.  A
 * document key K takes its versions with it: the documents a changed
 * entry stored beside it as "K.c..." are purged too, and a version is
 * refused when K is tombstoned.
 * Returns 0 (also when nothing matched: *n == 0) or a status.
 */
int	 store_purge_doc(struct store *, const char *court, const char *key,
	    unsigned att, int64_t now, struct store_doc **out, size_t *n);
int	 store_purge_entry(struct store *, const char *court,
	    const char *docket, uint32_t entry, int64_t now,
	    struct store_doc **out, size_t *n);
int	 store_purge_case(struct store *, const char *court,
	    const char *docket, int64_t now, struct store_doc **out, size_t *n);

/*
 * Retention: delete documents stored before now - so_retention (files
 * and index; tombstones and the audit stay), orphan files left by a
 * crash, and temp files older than a day; clear the reader slots of dead
 * processes.  Works in small transactions.  Meant to run once a day.
 * *ndocs (may be NULL) receives the number of documents deleted.
 */
int	 store_expire(struct store *, int64_t now, size_t *ndocs);

/* ---------------------------------------------------------------- cases */

struct store_case {
	char	 c_court[STORE_COURT_MAX + 1];
	char	 c_docket[STORE_DOCKET_MAX + 1];
	char	 c_name[STORE_NAME_MAX + 1];
	int64_t	 c_first;
	int64_t	 c_last;
	unsigned c_nids;
	char	 c_ids[STORE_CASEIDS][STORE_CASEID_MAX + 1];
};

/* Record that a notice for the case was seen at now: creates the case or
 * updates its name (when name is non-empty) and last-seen time; adds
 * case_id (may be NULL or "") to its ids (at most STORE_CASEIDS kept). */
int	 store_case_seen(struct store *, const char *court, const char *docket,
	    const char *name, const char *case_id, int64_t now);
/* 0 or STORE_ENOTFOUND. */
int	 store_case_get(struct store *, const char *court, const char *docket,
	    struct store_case *out);
/* Every case in key order; *out malloc'd (caller free()s), *n items. */
int	 store_case_list(struct store *, struct store_case **out, size_t *n);

/* ----------------------------------------- court-listed recipients, team */

struct store_addr {
	char	 a_court[STORE_COURT_MAX + 1];
	char	 a_docket[STORE_DOCKET_MAX + 1];
	char	 a_addr[STORE_ADDR_MAX + 1];
	int64_t	 a_first;		/* first listed / added */
	int64_t	 a_last;		/* last listed / last added */
};

/* An address the court listed on a (verified) notice for the case. */
int	 store_listed_add(struct store *, const char *court, const char *docket,
	    const char *addr, int64_t now);
/* Many addresses of one notice in one write transaction; addresses that
 * are not valid are skipped and counted in *nbad (may be NULL). */
int	 store_listed_add_many(struct store *, const char *court,
	    const char *docket, const char *const *addrs, size_t n, int64_t now,
	    size_t *nbad);
/* 0 when listed, STORE_ENOTFOUND when not, or another status. */
int	 store_listed_has(struct store *, const char *court, const char *docket,
	    const char *addr);
/* Every listed address of the case; *out malloc'd (free()), *n items. */
int	 store_listed_list(struct store *, const char *court,
	    const char *docket, struct store_addr **out, size_t *n);

/* Add an address to the firm's team for a case.  STORE_EADDR,
 * STORE_EDOMAIN (not a firm domain), or 0 (also when already there). */
int	 store_team_add(struct store *, const char *court, const char *docket,
	    const char *addr, int64_t now);
/* 0, or STORE_ENOTFOUND when the address was not on the team. */
int	 store_team_remove(struct store *, const char *court,
	    const char *docket, const char *addr);
/* 0 when on the team, STORE_ENOTFOUND when not. */
int	 store_team_has(struct store *, const char *court, const char *docket,
	    const char *addr);
/* The team of one case, or of every case when court is NULL; *out
 * malloc'd (free()), *n items, in (court, docket, address) order. */
int	 store_team_list(struct store *, const char *court, const char *docket,
	    struct store_addr **out, size_t *n);
/*
 * Add many team rows in ONE transaction: every row is checked first
 * (a_court, a_docket, a_addr as given; the address is normalized) and
 * if any is bad nothing changes: *bad (may be NULL) receives the index
 * of the first bad row and the row's status is returned.
 */
int	 store_team_import(struct store *, const struct store_addr *rows,
	    size_t n, int64_t now, size_t *bad);

/* ---------------------------------------------------------------- audit */

struct store_audit_case {
	char	 ac_docket[STORE_DOCKET_MAX + 1];
	uint32_t ac_entry;
};

struct store_audit_rcpt {
	char	 ar_addr[STORE_ADDR_MAX + 1];
	int	 ar_removed;		/* 1 = removed from the message */
};

struct store_audit_doc {
	char	 ad_key[STORE_DOCKEY_MAX + 1];
	unsigned ad_att;
	char	 ad_sha256[STORE_SHA_HEX + 1];
	char	 ad_label[STORE_LABEL_MAX + 1];
};

/*
 * Optional items after the fields of version 1: a tag and a string each,
 * kept in the order added.  A record written by an earlier version has
 * none; a reader looks for the tags it knows and leaves the others
 * alone, so every part of the milter adds its own without a new record
 * version.  Tags (one number each, never reused):
 *	1 parser (modified or corrected entry),
 *	9-12 PDF findings, 13-15 calendar events, and:
 */
enum store_audit_tag {
	STORE_AUDIT_TAG_CHANGE = 1,	/* a modified or corrected entry: WHAT
					   TAB ENTRY TAB FROM TAB TO TAB TEXT
					   (WHAT: a comma list of docket-text,
					   date-filed, corrected-pdf, updated;
					   "-" for a field not written) */
	STORE_AUDIT_TAG_KIND = 2,	/* notice kind: "district", ... */
	STORE_AUDIT_TAG_DOCS = 3,	/* every document's outcome, one line
					   each: CASE TAB ATT TAB RESULT TAB
					   FLAGS TAB KEY TAB LABEL (FLAGS: a
					   comma list of store, attached,
					   over-cap; "-" for none; LABEL "-"
					   for a restricted entry); a last
					   line "more TAB N" when cut short */
	STORE_AUDIT_TAG_HOLD = 4,	/* why the message was held */
	STORE_AUDIT_TAG_LINKS = 5,	/* links cut: a number, or "all" */
	STORE_AUDIT_TAG_NAMES = 6,	/* cases: CASE TAB NUMBER (as the
					   court shows it) TAB NAME lines */
	STORE_AUDIT_TAG_ADDED = 7,	/* recipients added, comma-separated */
	STORE_AUDIT_TAG_OFFLINE = 8,	/* an offline test ("nefmilter -t"),
					   not a delivery: left out of the
					   messages to recall */
	STORE_AUDIT_TAG_EVENTS = 13,	/* calendar: events found, a number */
	STORE_AUDIT_TAG_EVENT_UIDS = 14, /* the calendar part's events, one
					   line each: UID SEQUENCE STATUS
					   DATE timed|- TITLE */
	STORE_AUDIT_TAG_ICS = 15,	/* the calendar part's file name */
	STORE_AUDIT_TAG_PDF = 9,	/* the disclosure check, counting
					   documents: "checked=N pending=N
					   unchecked=N bad-redaction=N
					   identifiers=N" */
	STORE_AUDIT_TAG_PDF_FINDINGS = 10, /* one line per finding: LABEL
					   TAB PAGE TAB KIND ("ECF 58-3	4
					   bad-redaction cover") */
	STORE_AUDIT_TAG_PDF_UNCHECKED = 11, /* one line per document not
					   checked: LABEL TAB STATUS TAB WHY
					   (STATUS "pending": not yet) */
	STORE_AUDIT_TAG_PDF_FIRM = 12,	/* the filing is the firm's own: the
					   firm_filer_names entry matched */
	STORE_AUDIT_TAG_ENTRY = 16,	/* the entry's short docket text
					   (never for a restricted entry) */
	STORE_AUDIT_TAG_MTA = 17,	/* the MTA that handed the message
					   over: "Postfix" or "Sendmail" (none:
					   not known, or an older record) */
	STORE_AUDIT_TAG_ERROR = 18	/* a notice not processed (action
					   "error"): OUTCOME TAB REASON, with
					   OUTCOME "accept" (delivered as it
					   came) or "tempfail" (refused for
					   now); REASON printable, at most
					   STORE_AUDIT_REASON_MAX bytes */
};
#define STORE_AUDIT_REASON_MAX	200
#define STORE_AUDIT_ITEMS	64	/* items in one record */
#define STORE_AUDIT_ITEM_MAX	65535	/* bytes of one item's value */

struct store_audit_item {
	unsigned ai_tag;		/* 1..255 */
	char	*ai_value;		/* owned by the record */
};

struct store_audit {
	uint64_t a_id;			/* set by store_audit_add() */
	int64_t	 a_time;
	char	 a_qid[STORE_QID_MAX + 1];
	char	 a_court[STORE_COURT_MAX + 1];
	int	 a_restricted;
	char	 a_trust[STORE_WORD_MAX + 1];	/* "verified", ... */
	char	 a_action[STORE_WORD_MAX + 1];	/* "attached", "held", ... */
	size_t	 a_ncase;
	struct store_audit_case *a_case;
	size_t	 a_nrcpt;
	struct store_audit_rcpt *a_rcpt;
	size_t	 a_ndoc;
	struct store_audit_doc *a_doc;
	size_t	 a_nitem;
	struct store_audit_item *a_item;	/* see store_audit_item_add() */
};

/*
 * Add an optional item to a record being built (value is copied).
 * 0, STORE_EINVAL (tag 0 or over 255, value too long, too many items)
 * or STORE_ENOMEM.  A record built this way is released with
 * store_audit_items_free(); one from a query with the list.
 */
int	 store_audit_item_add(struct store_audit *, unsigned tag,
	    const char *value);
/* The value of the first item with this tag, or NULL. */
const char *store_audit_item(const struct store_audit *, unsigned tag);
void	 store_audit_items_free(struct store_audit *);
/* Free the malloc'd arrays (a_case, a_rcpt, a_doc) and the items of a
 * record, and zero their counts: for a record built on the heap. */
void	 store_audit_release(struct store_audit *);

/* Append one audit record (a_id is assigned; *id receives it, id may be
 * NULL).  The arrays are read, not kept.  STORE_EINVAL when over a
 * limit (STORE_AUDIT_*) or a field is too long. */
int	 store_audit_add(struct store *, const struct store_audit *,
	    uint64_t *id);

struct store_audit_query {
	const char	*q_qid;		/* NULL = any */
	const char	*q_court;	/* with q_docket; NULL = any */
	const char	*q_docket;
	uint32_t	 q_entry;	/* STORE_ENTRY_ANY = any */
	const char	*q_rcpt;	/* NULL = any */
	const char	*q_sha256;	/* NULL = any */
	int64_t		 q_since;	/* inclusive; 0 = no bound */
	int64_t		 q_until;	/* exclusive; 0 = no bound */
	size_t		 q_limit;	/* 0 = no limit; else the last N */
};

struct store_audit_list {
	size_t		 al_n;
	struct store_audit *al_v;	/* owned; store_audit_list_free() */
};

/* A purge: a document key tombstoned at t_time (store_purge_*()). */
struct store_tomb {
	char	 t_court[STORE_COURT_MAX + 1];
	char	 t_key[STORE_DOCKEY_MAX + 1];
	unsigned t_att;			/* STORE_ATT_ANY: every attachment */
	int64_t	 t_time;
};

/*
 * What a report of the window [since, until) needs, read in ONE read
 * transaction: the audit records (as store_audit_query() with only
 * q_since and q_until) and the document keys tombstoned in the window.
 * *tombs is malloc'd (free(); NULL when none), *ntombs items.
 */
int	 store_report_read(struct store *, int64_t since, int64_t until,
	    struct store_audit_list *out, struct store_tomb **tombs,
	    size_t *ntombs);

/* Records matching every given criterion, in time order.  *out is
 * filled; release it with store_audit_list_free(). */
int	 store_audit_query(struct store *, const struct store_audit_query *,
	    struct store_audit_list *out);
void	 store_audit_list_free(struct store_audit_list *);

/* -------------------------------------------------------------- metrics */

/*
 * Counters for monitoring (milter/metrics.h names them).  A counter is a
 * key, the text of one Prometheus series ("nefmilter_held_total",
 * "nefmilter_documents_total{outcome=\"pdf\"}"), and an unsigned value
 * that only ever rises: STORE_COUNT_ADD adds (and stops at the largest
 * value instead of wrapping), STORE_COUNT_MAX keeps the larger of the two
 * (a time).  Counters are never expired and survive restarts.
 */
#define STORE_COUNT_KEY_MAX	127	/* printable ASCII */
enum store_count_op { STORE_COUNT_ADD, STORE_COUNT_MAX };

struct store_count {
	char	 sc_key[STORE_COUNT_KEY_MAX + 1];
	uint64_t sc_value;
	int	 sc_op;			/* enum store_count_op (add, list: 0) */
};

/* Apply n changes in one write transaction.  STORE_EINVAL for a bad key. */
int	 store_count_add(struct store *, const struct store_count *, size_t n);
/*
 * store_audit_add(), and the n counter changes in the same write
 * transaction: both are kept, or neither.
 */
int	 store_audit_add_counted(struct store *, const struct store_audit *,
	    const struct store_count *, size_t n, uint64_t *id);
/*
 * Every counter in key order, read in ONE read transaction, and with the
 * same snapshot the figures of *stats (may be NULL): map size, use and
 * limit, readers, records per table (document files are not counted).
 * *out is malloc'd (the caller free()s it; NULL when none), *n items.
 */
struct store_stats;
int	 store_count_list(struct store *, struct store_count **out, size_t *n,
	    struct store_stats *stats);

/* --------------------------------------------------------- stats, check */

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

/*
 * Integrity check: every record decodes, every index entry has its
 * document, every document's file exists with the right size (and with
 * full != 0 the right sha256), and no file older than a minute lacks an
 * index entry.  Each problem is passed to fn (may be NULL) as one line;
 * *nproblems receives their number.  Returns 0 when the check ran
 * (problems or not), else a status.
 */
int	 store_check(struct store *, int full,
	    void (*fn)(void *arg, const char *problem), void *arg,
	    size_t *nproblems);

#endif
