/*
 * offline: "nefmilter -t FILE [-r RCPT]... [-a CLIENT_IP]" runs one message
 * through the real session callbacks with no MTA, so an administrator can
 * try a configuration.  The rewritten message goes to standard output; log
 * lines and the envelope changes (recipients added and removed, hold) go
 * to standard error.
 *
 * The envelope sender is the message's Return-Path, else its From address;
 * the recipients are the -r options, else the To and Cc addresses.  The
 * queue id is "OFFLINE" unless -q gives one.
 */
#ifndef NEF_OFFLINE_H
#define NEF_OFFLINE_H

#include <stddef.h>

struct cfg;

struct offline_opts {
	const char	 *oo_file;
	char		**oo_rcpts;
	size_t		  oo_nrcpts;
	const char	 *oo_client;	/* client address the trust rules see */
	const char	 *oo_qid;
};

/* Exit status: 0 when the message went through, 1 when the file could not
 * be read or the pipeline could not start. */
int	offline_run(struct cfg *, const struct offline_opts *);

#endif
