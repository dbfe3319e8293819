/*
 * store_metrics: the counters table inside a transaction (internal to
 * the store; the interface for everyone else is in store.h).
 */
#ifndef NEF_STORE_METRICS_H
#define NEF_STORE_METRICS_H

#include <stddef.h>

#include "store.h"
#include "store_db.h"

/* Check every change: 0 or STORE_EINVAL. */
int	 smet_check(const struct store_count *, size_t n);
/* Apply the changes inside the caller's write transaction. */
int	 smet_apply(struct sdb_txn *, const struct store_count *, size_t n);

#endif
