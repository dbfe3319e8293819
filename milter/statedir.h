/*
 * statedir: the state directory, made ready before the store is opened.
 *
 * Run as root before root is given up (or as the configured user), it
 * makes sure that state_dir exists, is a directory of its own, belongs
 * to the user and is mode 0700:
 *  - a missing state_dir is created when its parent exists; a missing
 *    parent is an error (nefmilter creates one level, never a path);
 *  - a state_dir root owns is taken over only when it is empty or holds
 *    a store; one that holds other files, or belongs to another user, is
 *    refused;
 *  - files of the store (db/, docs/, tmp/ and what they hold) that root
 *    owns, as an earlier run as root may have left them, are given to
 *    the user; a file of another user is refused.
 * With check set nothing is changed: what a start would do is reported
 * as notes, what would stop it as errors, and files a start would give
 * back as a warning.
 */
#ifndef NEF_STATEDIR_H
#define NEF_STATEDIR_H

struct runas;
struct strbuf;

/* Problems and notes are lines ("state_dir ...: ...\n").  Returns 0, or
 * -1 when at least one error line was added to err.  With ra NULL (the
 * user is unknown) only the directory and its parent are looked at. */
int	 statedir_prepare(const char *dir, const struct runas *, int check,
	    struct strbuf *err, struct strbuf *warn, struct strbuf *notes);

#endif
