/*
 * pipeline: what happens to a notice at end of message.
 *
 * parse -> trust -> restricted? -> documents (store first, then fetch,
 * every PDF stored before anything else) -> decide -> rewrite -> apply
 * (headers, body, recipients, hold) -> audit line and audit record.
 *
 * Any failure inside ends in the configured on_error action for that one
 * message: by default the original notice is delivered, marked with an
 * X-NEF header that says what failed.  A notice is never rejected.
 */
#ifndef NEF_PIPELINE_H
#define NEF_PIPELINE_H

#include "session.h"

struct cfg;
struct strbuf;

/* Process-wide start-up after privileges are dropped: libraries, store.
 * 0, or -1 after logging why. */
int	 pipeline_start(const struct cfg *);
void	 pipeline_stop(void);
/* Start the daily maintenance thread (retention, stale reader slots);
 * the daemon calls it, the offline mode does not.  0 or -1. */
int	 pipeline_maintain(void);

/* Checks a configuration beyond what the table can (templates...).
 * 0, or -1 with "what is wrong" lines appended to err. */
int	 pipeline_check_cfg(const struct cfg *, struct strbuf *err);

/* End of message for a message the session kept. */
enum sess_rc pipeline_eom(void *ctx, struct conn *, struct msg *);

#endif
