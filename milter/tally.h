/*
 * tally: what one message adds to the counters (metrics.h), committed
 * with its audit record.
 *
 * pipeline_eom() calls tally_commit() once for every message it saw, as
 * its last step: the counters of the message and the audit record that
 * plan_audit() built (if any) are written in ONE store transaction, so
 * a monitoring run never sees one without the other.
 *
 * A commit that fails (the store locked, full, or failing) is logged
 * with the queue id; its counter changes, and one errors{kind="store"},
 * wait in memory, merged by series, and go with the next commit that
 * works.  pipeline_stop() writes what still waits (tally_flush()), so a
 * restart loses nothing the store takes by then.  What can be lost:
 *	- the audit record of a failed commit (its log lines stay in the
 *	  mail log);
 *	- the waiting changes when the store still refuses them at exit,
 *	  or when the milter is killed (SIGKILL, a crash) before a commit
 *	  works; the exit logs them series by series;
 *	- changes past TALLY_PENDING_MAX distinct series, counted and
 *	  logged at exit.
 * A counter in the store never goes back: changes only add, or raise a
 * maximum.
 */
#ifndef NEF_TALLY_H
#define NEF_TALLY_H

#include <stddef.h>

#define TALLY_PENDING_MAX	128	/* series waiting in memory, at most */

struct plan;
struct metrics_delta;
struct store;

/* Build the delta of a message (exposed for the unit tests). */
void	 tally_delta(const struct plan *, struct metrics_delta *);
/* Write the audit record and the counters of the message, and what
 * waits from commits that failed.  The store's status. */
int	 tally_commit(struct plan *);
/* Write what waits (STORE_OK when nothing does).  On a failure the
 * changes wait on, or, at_exit, are logged as lost. */
int	 tally_flush(struct store *, int at_exit);
/* How many series wait (for the tests). */
size_t	 tally_pending(void);

#endif
