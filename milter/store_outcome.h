/*
 * store_outcome: the lasting outcome of a document fetch that gave no
 * PDF.  Statuses as in store.h.
 */
#ifndef NEF_STORE_OUTCOME_H
#define NEF_STORE_OUTCOME_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

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

#endif
