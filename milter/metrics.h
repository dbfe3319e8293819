/*
 * metrics: nefmilter's counters, by name, and their Prometheus text
 * exposition (version 0.0.4, what node_exporter's textfile collector and
 * Prometheus read).
 *
 * The counters live in the store (store_metrics.h, "metrics"): each is
 * the text of one series, such as
 *	nefmilter_documents_total{outcome="login"}
 * and only ever rises.  A struct metrics_delta gathers what one message
 * adds; the pipeline commits it with the message's audit record in one
 * transaction (tally.h).  metrics_write() prints every family the table
 * in metrics.c defines, with HELP and TYPE lines, the label values of a
 * fixed vocabulary even when they are still 0, the fetch latency
 * histogram, and gauges read from the store in the same snapshot (map
 * size, use and limit, readers, records per table).
 *
 * Label values are written by nefmilter itself; any byte outside
 * [a-z0-9._-] becomes '_', so no value needs escaping.
 */
#ifndef NEF_METRICS_H
#define NEF_METRICS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store.h"
#include "store_metrics.h"

#define METRICS_DELTA_MAX	64	/* changes one message makes, at most */

/* Series names (the families of the table in metrics.c). */
#define M_MESSAGES	"nefmilter_messages_total"
#define M_NOTICES	"nefmilter_notices_total"
#define M_DOCUMENTS	"nefmilter_documents_total"
#define M_ATTACHED	"nefmilter_attachments_total"
#define M_ATT_BYTES	"nefmilter_attached_bytes_total"
#define M_HELD		"nefmilter_held_total"
#define M_RESTRICTED	"nefmilter_restricted_total"
#define M_RCPT_ADDED	"nefmilter_recipients_added_total"
#define M_RCPT_REMOVED	"nefmilter_recipients_removed_total"
#define M_LINKS_CUT	"nefmilter_links_cut_total"
#define M_ERRORS	"nefmilter_errors_total"
#define M_CAL_EVENTS	"nefmilter_calendar_events_total"
#define M_LAST_NOTICE	"nefmilter_last_notice_timestamp_seconds"
#define M_FETCH		"nefmilter_fetch_duration_seconds"

struct metrics_delta {
	size_t		   md_n;
	struct store_count md_v[METRICS_DELTA_MAX];
	int		   md_full;	/* changes were dropped */
};

void	 metrics_delta_init(struct metrics_delta *);
/*
 * Add n to the series family{l1="v1",l2="v2"} (l1 and l2 may be NULL
 * for fewer labels).  Changes to one series are merged.
 */
void	 metrics_add(struct metrics_delta *, const char *family,
	    const char *l1, const char *v1, const char *l2, const char *v2,
	    uint64_t n);
/* Raise the series to at least v (a time). */
void	 metrics_max(struct metrics_delta *, const char *family, uint64_t v);
/* One document fetch that took ms milliseconds: the latency histogram. */
void	 metrics_observe_fetch(struct metrics_delta *, uint32_t ms);

/*
 * Print the exposition of the counters v[0..n) and the store figures
 * (stats; NULL: none) to fp.  Returns 0, or -1 when writing failed.
 */
int	 metrics_write(FILE *fp, const struct store_count *v, size_t n,
	    const struct store_stats *stats);

#endif
