/*
 * NAME
 *	claim 3 - one fetch per document at a time, process-wide
 * SYNOPSIS
 *	#include "claim.h"
 * DESCRIPTION
 *	See claim.h.  A short list under one mutex: claims are few (the
 *	documents being fetched right now) and short-lived.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "claim.h"
#include "log.h"
#include "store.h"
#include "text.h"

struct claim {
	struct claim	*cl_next;
	char		 cl_key[STORE_COURT_MAX + STORE_DOCKEY_MAX + 2];
};

static pthread_mutex_t	claim_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	claim_cv = PTHREAD_COND_INITIALIZER;
static struct claim	*claim_list;

void
claim_take(const char *court, const char *key, long wait_ms, const char *id,
    void (*tick)(void *), void *tick_arg)
{
	struct claim	*c;
	struct timespec	 dl, slice;
	char		 k[sizeof(c->cl_key)];
	int		 busy, said = 0;

	snprintf(k, sizeof(k), "%s|%s", court, key);
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += wait_ms / 1000;
	pthread_mutex_lock(&claim_lock);
	for (;;) {
		busy = 0;
		for (c = claim_list; c != NULL; c = c->cl_next)
			if (strcmp(c->cl_key, k) == 0)
				busy = 1;
		if (!busy)
			break;
		if (!said++)
			log_info(id, "document %s is being fetched for another "
			    "copy; waiting for it", k);
		clock_gettime(CLOCK_REALTIME, &slice);
		if (slice.tv_sec >= dl.tv_sec) {
			log_warn(id, "waited too long for %s; going ahead", k);
			break;
		}
		/* Half a second at a time, so that the MTA hears from us. */
		slice.tv_nsec += 500000000L;
		if (slice.tv_nsec >= 1000000000L) {
			slice.tv_sec++;
			slice.tv_nsec -= 1000000000L;
		}
		(void)pthread_cond_timedwait(&claim_cv, &claim_lock, &slice);
		if (tick != NULL) {
			pthread_mutex_unlock(&claim_lock);
			tick(tick_arg);
			pthread_mutex_lock(&claim_lock);
		}
	}
	if ((c = calloc(1, sizeof(*c))) != NULL) {
		text_strlcpy(c->cl_key, k, sizeof(c->cl_key));
		c->cl_next = claim_list;
		claim_list = c;
	}
	pthread_mutex_unlock(&claim_lock);
}

void
claim_release(const char *court, const char *key)
{
	struct claim	**cp, *c;
	char		  k[sizeof(c->cl_key)];

	snprintf(k, sizeof(k), "%s|%s", court, key);
	pthread_mutex_lock(&claim_lock);
	for (cp = &claim_list; (c = *cp) != NULL; cp = &c->cl_next)
		if (strcmp(c->cl_key, k) == 0) {
			*cp = c->cl_next;
			free(c);
			break;
		}
	pthread_cond_broadcast(&claim_cv);
	pthread_mutex_unlock(&claim_lock);
}
