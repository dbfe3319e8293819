/*
 * store_doc: what the document parts of the store share (internal).
 *
 * store_doc.c (put, get, open, list, tombstones) and store_purge.c
 * (purge, expiry) work on the same records; these helpers run inside a
 * transaction of the caller's (struct sdb_txn) unless said otherwise.
 */
#ifndef NEF_STORE_DOC_H
#define NEF_STORE_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"
#include "store_db.h"

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
