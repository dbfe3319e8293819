/*
 * store_check: the store's integrity check.  Statuses as in store.h.
 */
#ifndef NEF_STORE_CHECK_H
#define NEF_STORE_CHECK_H

#include <stddef.h>

#include "store.h"

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
