/*
 * pfconf: does the local Postfix reach nefmilter's socket?
 *
 * "nefmilter -n" asks postconf(1) (which honours MAIL_CONFIG, as every
 * Postfix command does) for queue_directory, smtpd_milters,
 * non_smtpd_milters and milter_default_action, and for the services of
 * master.cf.  When smtpd or cleanup run chrooted, Postfix sees a unix
 * socket relative to queue_directory: the socket must then lie under it,
 * and smtpd_milters must name it without that prefix.  Each mismatch is
 * one warning: a socket outside the queue directory, a socket path that
 * looks relative to it, a milter list that does not name the socket or
 * names it the wrong way.  Without postconf, or without a main.cf, there
 * is nothing to say.
 */
#ifndef NEF_PFCONF_H
#define NEF_PFCONF_H

#include "sockperm.h"

/* Warnings and notes go to the callbacks; returns the number of
 * warnings. */
int	 pfconf_check(const char *spec, sockperm_say_fn warn,
	    sockperm_say_fn note, void *arg);

#endif
