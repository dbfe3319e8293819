/*
 * ctl: what nefctl's commands share.
 *
 * A struct ctl is the context of one nefctl run: the open store, the
 * configuration, the time the command started and the output stream.
 * The helpers turn what an administrator types into the store's keys
 * (court ids, docket numbers, times) and store statuses into nefctl's
 * exit codes (documented in nefctl.8).
 */
#ifndef NEF_CTL_H
#define NEF_CTL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "store.h"

/* nefctl's exit codes. */
enum ctl_exit {
	CTL_OK = 0,
	CTL_NOTFOUND = 1,	/* not found, unknown case */
	CTL_USAGE = 2,		/* usage, bad address, bad input */
	CTL_NOSTORE = 3,	/* no store at the state directory */
	CTL_LOCKED = 4,		/* store locked or busy */
	CTL_INTEGRITY = 5,	/* integrity problems */
	CTL_FULL = 6,		/* store or disk full */
	CTL_ERROR = 7,		/* any other error */
	CTL_NOMATCH = 8,	/* a purge found no stored document */
	CTL_ACCESS = 9		/* the store may not be used by this user */
};

struct ctl {
	struct store	*c_st;		/* borrowed */
	const struct cfg *c_cfg;	/* borrowed */
	int64_t		 c_now;
	FILE		*c_out;		/* stdout */
};

/* fopen(3) a file the administrator named, as the user who ran nefctl
 * (see runas_owner_enter()). */
FILE	*ctl_fopen(const char *path, const char *mode);
/* The exit code for a store status. */
int	 ctl_exit(int store_status);
/* Print "nefctl: " + message to stderr; returns code. */
int	 ctl_fail(int code, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

/* A court id as typed ("CAND", "cand") -> "cand".  0 or -1. */
int	 ctl_court(const char *in, char *out, size_t size);
/* A docket number as a notice shows it -> the normalized key.  0 or -1. */
int	 ctl_docket(const char *in, char *out, size_t size);
/*
 * A time: ISO 8601 ("2024-05-01", "2024-05-01T10:00", "...:30Z",
 * "...+02:00"; a blank instead of T), "now", or a time before now
 * ("90s", "30m", "2h", "7d", "2w").  0 or -1.
 */
int	 ctl_time(const char *in, int64_t now, int64_t *out);
/* "2024-05-01T10:00:00Z" into buf (at least 21 bytes). */
char	*ctl_fmt_time(int64_t t, char *buf, size_t size);

#endif
