/*
 * tally: what one message adds to the counters (metrics.h), committed
 * with its audit record.
 *
 * pipeline_eom() calls tally_commit() once for every message it saw, as
 * its last step: the counters of the message and the audit record that
 * plan_audit() built (if any) are written in ONE store transaction, so
 * a monitoring run never sees one without the other.  A commit that
 * fails is logged and counted: the next successful commit adds it to
 * errors{kind="store"}.
 */
#ifndef NEF_TALLY_H
#define NEF_TALLY_H

struct plan;
struct metrics_delta;

/* Build the delta of a message (exposed for the unit tests). */
void	 tally_delta(const struct plan *, struct metrics_delta *);
/* Write the audit record and the counters of the message. */
void	 tally_commit(struct plan *);

#endif
