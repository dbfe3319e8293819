/*
 * store_metrics: the store's counters.  Statuses as in store.h.  The
 * smet_* functions at the end are internal to the store: they work on
 * the counters table inside a transaction of the caller's (store_db.h).
 */
#ifndef NEF_STORE_METRICS_H
#define NEF_STORE_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

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
 * Every counter in key order, read in ONE read transaction, and with the
 * same snapshot the figures of *stats (may be NULL): map size, use and
 * limit, readers, records per table (document files are not counted).
 * *out is malloc'd (the caller free()s it; NULL when none), *n items.
 */
int	 store_count_list(struct store *, struct store_count **out, size_t *n,
	    struct store_stats *stats);

/* ------------------------------------------------ internal to the store */

struct sdb_txn;

/* Check every change: 0 or STORE_EINVAL. */
int	 smet_check(const struct store_count *, size_t n);
/* Apply the changes inside the caller's write transaction. */
int	 smet_apply(struct sdb_txn *, const struct store_count *, size_t n);

#endif
