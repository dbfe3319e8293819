/*
 * store_purge: the clawback (purge by document, entry or case) and
 * retention (expiry).  Statuses as in store.h.
 */
#ifndef NEF_STORE_PURGE_H
#define NEF_STORE_PURGE_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct store_doc;

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

#endif
