/*
 * daemon: run nefmilter as a service.
 *
 * Order of start-up (as root): resolve the run-as user, block the signals
 * libmilter and the reload thread handle, detach unless in the foreground,
 * create the state and socket directories owned by that user, open the
 * milter socket (a unix socket gets socket_group and socket_mode, and a
 * socket the MTA could not open is reported: sockperm.h), write the pid
 * file, drop root for good, then initialise the libraries and open the
 * store as the unprivileged user, and hand over to smfi_main().  SIGUSR1 reloads the configuration file; libmilter owns
 * SIGHUP, SIGTERM and SIGINT.
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
