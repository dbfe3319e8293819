/*
 * store_doc: the store's documents (fetched PDFs, content-addressed
 * under STATE/docs) and the tombstones of purged ones.  Statuses as in
 * store.h.
 *
 * The sdoc_* helpers at the end are internal to the store: store_doc.c
 * and store_purge.c (purge, expiry) work on the same records.  They run
 * inside a transaction of the caller's (struct sdb_txn, store_db.h)
 * unless said otherwise.
 */
#ifndef NEF_STORE_DOC_H
#define NEF_STORE_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define STORE_DESC_MAX		511

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

/* ------------------------------------------------ internal to the store */

struct sdb_txn;

/* A growable set of documents (unique by key) and of sha256s. */
struct doc_set {
	struct store_doc *ds_v;
	size_t		 ds_n;
	size_t		 ds_cap;
	unsigned char	(*ds_sha)[32];
	size_t		 ds_nsha;
	size_t		 ds_capsha;
	int		 ds_err;
};

/* A walk that collects the documents named by index keys. */
struct doc_list {
	struct sdb_txn	*l_t;
	struct doc_set	 l_set;
};

int	 sdoc_set_add(struct doc_set *, const struct store_doc *);
int	 sdoc_set_sha(struct doc_set *, const unsigned char sha[32]);
void	 sdoc_set_free(struct doc_set *);
/* Delete a document's record and both index entries. */
int	 sdoc_unindex(struct sdb_txn *, const struct store_doc *);
/* Tombstone a key (key non-NULL) and/or a content (sha non-NULL). */
int	 sdoc_tomb_put(struct sdb_txn *, const char *court, const char *key,
	    unsigned att, const unsigned char *sha, int64_t now);
/* *any = 1 when an index entry still references the content. */
int	 sdoc_sha_refs(struct sdb_txn *, const unsigned char sha[32], int *any);
/* Remove the files of the set's sha256s (after a commit, under the
 * writer lock: see sdb_write_after()). */
void	 sdoc_unlink_shas(struct store *, const struct doc_set *);
/* sdb_walk() callback over SDB_DOC_ENTRY: add the named document to the
 * struct doc_list's set. */
int	 sdoc_list_one(void *, const void *, size_t, const void *, size_t);
/* errno -> STORE_ENOSPC, STORE_ENOMEM or STORE_EIO. */
int	 sdoc_errno_status(int);

#endif
