/*
 * smconf: can the local Sendmail open nefmilter's socket?
 *
 * Sendmail opens its milters' sockets as its RunAsUser, with that
 * user's one group (the group named in RunAsUser, else the user's
 * primary group), and checks them as it starts: a socket it may not
 * write is "unsafe: Permission denied", and Sendmail does not start.
 * "nefmilter -n" reads the sendmail_cf file (policy/smcf.h parses it);
 * when one of its milters (an X line) names nefmilter's unix socket and
 * RunAsUser is set, it warns unless that user may read and write the
 * socket as nefmilter will make it: owned by 'user', of socket_group,
 * with socket_mode.  A supplementary group does not count, as Sendmail
 * drops it; the warning says when Sendmail would start all the same
 * (RunAsUser naming no group, and listed in socket_group) and then fail
 * to connect in every session.  A missing file, an empty sendmail_cf, an inet
 * socket, a sendmail.cf that names another socket or no RunAsUser
 * (Sendmail then runs as root): nothing to say.
 */
#ifndef NEF_SMCONF_H
#define NEF_SMCONF_H

#include "sockperm.h"

struct cfg;

/* Warnings go to warn; returns their number. */
int	 smconf_check(const struct cfg *, const char *spec, sockperm_say_fn warn,
	    void *arg);

#endif
