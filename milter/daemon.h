/*
 * daemon: run nefmilter as a service.
 *
 * Start-up (startup.h): every check that can fail runs in the process
 * that was started, before it detaches (the user, the state directory,
 * the pid file, the socket); the daemon then writes its pid, gives root
 * up for good, opens the store as the user and only then lets the
 * process that was started exit, with status 0.  A failure anywhere is
 * printed on standard error and that process exits 1 (3 when another
 * nefmilter runs).  With -f there is no detaching.
 *
 * Signals: SIGUSR1 reloads the configuration file; SIGTERM, SIGINT and
 * SIGHUP stop the daemon, which removes its socket and pid file (only
 * while they are still its own) as it ends.
 */
#ifndef NEF_DAEMON_H
#define NEF_DAEMON_H

struct cfg;

struct daemon_opts {
	const char	*do_conf_path;	/* file to reload from, or NULL */
	int		 do_foreground;
	const char	*do_socket;	/* -p: overrides the setting, or NULL */
};

/* Runs until libmilter stops.  Returns the exit status.  Takes over the
 * caller's reference to cfg. */
int	daemon_run(struct cfg *, const struct daemon_opts *);

#endif
