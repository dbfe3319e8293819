/*
 * progress: keep the MTA waiting while a message is being worked on.
 *
 * At end of message the MTA waits for the milter's reply on a timer:
 * Sendmail's T=R: (10 s by default) for every reply, Postfix's
 * milter_content_timeout (300 s by default).  Fetching the documents of a
 * notice from a slow court takes longer than 10 s easily.  A progress
 * reply (SMFIR_PROGRESS, smfi_progress()) restarts the MTA's timer under
 * both MTAs.
 *
 * A ticker belongs to one message.  It is made when end of message starts
 * (progress_new(), on the callback's thread), and every piece of code that
 * waits on that thread calls progress_tick() often, twice a second or more
 * (a fetch loop, a wait for a copy being fetched, a helper process).  The
 * ticker sends a progress reply when PROGRESS_EVERY_MS have passed since
 * the last reply (or since end of message started), so the MTA hears from
 * the milter at least every few seconds, whatever the waiting code does.
 *
 * Rules:
 *  - libmilter allows smfi_progress() only while xxfi_eom runs, and only on
 *    the thread that runs it: progress_tick() on any other thread does
 *    nothing (and says so at debug level);
 *  - the ticker stops at its limit, the end of fetch_budget counted from
 *    the start of end of message: a milter still busy after that gets no
 *    more time from the MTA than the MTA's own timeout, so nothing can hold
 *    an SMTP session for ever.  The first tick refused for that reason is
 *    logged (info), with the queue id.
 *
 * progress_tick(NULL) does nothing, so callers need no checks, and code
 * run outside a message (tools, unit tests) passes NULL.
 */
#ifndef NEF_PROGRESS_H
#define NEF_PROGRESS_H

/* Longest silence towards the MTA while the ticker runs.  Sendmail's
 * default reply timeout is 10 s. */
#define PROGRESS_EVERY_MS	2000

struct progress;

/*
 * A ticker for the message whose end-of-message callback runs now, on
 * this thread, with libmilter context ctx.  id is the queue id for log
 * lines (copied).  limit_ms: how long ticks may be sent.  NULL when memory
 * runs out (the message is handled without progress replies).
 */
struct progress *progress_new(void *ctx, const char *id, long limit_ms);
/* The interval, PROGRESS_EVERY_MS unless changed here (the unit tests
 * use a short one). */
void	 progress_set_every(struct progress *, long every_ms);
/* Free a ticker; returns NULL.  progress_free(NULL) is a no-op. */
struct progress *progress_free(struct progress *);

/* Send a progress reply if one is due (see above). */
void	 progress_tick(struct progress *);
/* The same, as a callback: arg is a struct progress * (or NULL). */
void	 progress_tick_fn(void *arg);

/* Milliseconds left before the ticker stops (0 when stopped or NULL). */
long	 progress_left_ms(const struct progress *);
/* Progress replies sent so far. */
unsigned progress_sent(const struct progress *);

#endif
