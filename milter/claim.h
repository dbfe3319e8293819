/*
 * claim: the single-flight table of the document fetcher.
 *
 * Two copies of one notice processed at the same moment must make one
 * fetch: a free look is spent by the first click.  A caller claims a
 * document (court + document key) before it looks in the store for the
 * last time and asks the court, and releases the claim once every PDF it
 * fetched is in the store.  claim_take() waits while another thread holds
 * the claim, at most wait_ms, then goes ahead (logging it): a stuck fetch
 * never blocks the mail for good.  Callers take several claims in sorted
 * key order, so that two notices never wait on each other in a cycle.
 * id is the queue id for the log lines.  While it waits, claim_take()
 * calls tick(tick_arg) at least twice a second (progress.h); tick may be
 * NULL.
 */
#ifndef NEF_CLAIM_H
#define NEF_CLAIM_H

void	claim_take(const char *court, const char *key, long wait_ms,
	    const char *id, void (*tick)(void *), void *tick_arg);
void	claim_release(const char *court, const char *key);

#endif
