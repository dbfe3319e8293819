/*
 * NAME
 *	progress 3 - progress replies to the MTA while a message waits
 * SYNOPSIS
 *	#include "progress.h"
 *
 *	p = progress_new(ctx, qid, budget_ms);	(start of end of message)
 *	... progress_tick(p); ...		(in every wait loop)
 *	p = progress_free(p);
 * DESCRIPTION
 *	See progress.h.  Times come from the monotonic clock; the reply
 *	goes out through the shim (shim_progress()).
 * DIAGNOSTICS
 *	A reply the MTA connection refused is logged once (warning); the
 *	ticker then stops.  Each reply sent is logged at debug level.
 */
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "log.h"
#include "progress.h"
#include "shim.h"
#include "text.h"

struct progress {
	void		*pr_ctx;
	pthread_t	 pr_thread;	/* the callback's thread */
	char		 pr_id[64];
	long long	 pr_start;	/* monotonic ms */
	long long	 pr_last;	/* last reply, or the start */
	long long	 pr_end;	/* no reply after this */
	long		 pr_every;	/* ms between replies */
	unsigned	 pr_sent;
	int		 pr_stopped;	/* limit reached, or a failed reply */
	int		 pr_foreign;	/* a tick came from another thread */
};

static long long
pr_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

struct progress *
progress_new(void *ctx, const char *id, long limit_ms)
{
	struct progress	*p;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->pr_ctx = ctx;
	p->pr_thread = pthread_self();
	text_strlcpy(p->pr_id, id != NULL ? id : "", sizeof(p->pr_id));
	p->pr_start = p->pr_last = pr_now();
	p->pr_end = p->pr_start + (limit_ms > 0 ? limit_ms : 0);
	p->pr_every = PROGRESS_EVERY_MS;
	return p;
}

void
progress_set_every(struct progress *p, long every_ms)
{
	if (p != NULL && every_ms > 0)
		p->pr_every = every_ms;
}

struct progress *
progress_free(struct progress *p)
{
	free(p);
	return NULL;
}

void
progress_tick(struct progress *p)
{
	long long	now;

	if (p == NULL || p->pr_stopped)
		return;
	if (!pthread_equal(pthread_self(), p->pr_thread)) {
		if (!p->pr_foreign)
			log_debug(p->pr_id, "progress: a tick from another "
			    "thread is ignored");
		p->pr_foreign = 1;
		return;
	}
	now = pr_now();
	if (now - p->pr_last < p->pr_every)
		return;
	if (now >= p->pr_end) {
		p->pr_stopped = 1;
		log_info(p->pr_id, "progress: no more progress replies to the "
		    "MTA after %lld s (fetch_budget); its own timeout applies "
		    "from now on", (p->pr_end - p->pr_start) / 1000);
		return;
	}
	if (shim_progress(p->pr_ctx) != 0) {
		p->pr_stopped = 1;
		log_warn(p->pr_id, "progress: the MTA connection refused a "
		    "progress reply (it may have given up on this message)");
		return;
	}
	p->pr_last = now;
	p->pr_sent++;
	log_debug(p->pr_id, "progress: reply %u sent to the MTA after %lld ms",
	    p->pr_sent, now - p->pr_start);
}

void
progress_tick_fn(void *arg)
{
	progress_tick(arg);
}

long
progress_left_ms(const struct progress *p)
{
	long long	left;

	if (p == NULL || p->pr_stopped)
		return 0;
	left = p->pr_end - pr_now();
	return left > 0 ? (long)left : 0;
}

unsigned
progress_sent(const struct progress *p)
{
	return p != NULL ? p->pr_sent : 0;
}
