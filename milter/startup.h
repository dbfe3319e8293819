/*
 * startup: everything that can stop nefmilter from starting, checked
 * before it detaches.
 *
 * startup_prepare() runs as root (or as the configured user) in the
 * process that was started, so that its reasons reach standard error and
 * its status the caller: the user, the state directory and its owners,
 * the pid file (locked: a second daemon refuses to start), the socket
 * (one daemon per socket; see msock.h).  startup_finish() runs in the
 * process that will serve: it writes the pid, gives root up for good and
 * opens the store as the user.  startup_check() is "nefmilter -n": the
 * same checks, changing nothing, and the store opened as the user when it
 * exists.  Meanwhile the errors and warnings logged can be copied to
 * standard error (startup_loud()).
 *
 * Exit statuses: 0, 1 (a reason was printed), 3 (another nefmilter, or
 * another milter, holds the pid file or the socket).
 */
#ifndef NEF_STARTUP_H
#define NEF_STARTUP_H

#include "runas.h"

struct cfg;
struct msock;
struct pidfile;
struct strbuf;

#define STARTUP_RUNNING	3	/* exit status: already running */

struct startup {
	struct runas	 su_ra;
	struct pidfile	*su_pid;
	struct msock	*su_sock;
};

/* Read path (NULL: defaults) and check it: every problem in one pass,
 * sorted by line, in err.  0 with *out the caller's, or -1. */
int	 startup_config(const char *path, struct cfg **out, struct strbuf *err);

/* "nefmilter -n" after the settings were printed: 0 or 1. */
int	 startup_check(const struct cfg *, const char *spec);

/* Before detaching: 0, 1 or STARTUP_RUNNING.  On failure nothing is
 * left held. */
int	 startup_prepare(const struct cfg *, const char *spec, struct startup *);
/* In the serving process: 0 or 1 (then startup_release() is called). */
int	 startup_finish(const struct cfg *, struct startup *);
/* Copy errors and warnings to standard error (when the log goes
 * elsewhere), until startup_quiet(). */
void	 startup_loud(void);
/* Wake libmilter's listener (msock_poke()), for a prompt stop. */
void	 startup_poke(const struct startup *);
/* Stop copying log lines to standard error (start-up is over). */
void	 startup_quiet(void);
/* At exit: the socket and the pid file removed if they are still this
 * daemon's.  Idempotent. */
void	 startup_release(struct startup *);
/* In the parent after fork(): let go of this process's copies only. */
void	 startup_forget(struct startup *);

#endif
