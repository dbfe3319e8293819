/*
 * runas: the user nefmilter's programs work as.
 *
 * The daemon, "nefmilter -t" and "nefmilter -n" touch the state
 * directory only as the configured user, so that nothing they leave there
 * belongs to anyone else.  Started as root, a program resolves the user,
 * does what needs root (directories, socket, pid file) and then gives
 * root up for good with runas_drop().  Started as another user, it runs
 * as itself, and only when that is the configured user: the store must
 * never gain files a different user owns.
 *
 * nefctl, run by root, works on the store as the user who owns the state
 * directory (runas_owner_enter()), and may step back to root for the
 * files the administrator names (runas_caller_enter()/leave()).
 */
#ifndef NEF_RUNAS_H
#define NEF_RUNAS_H

#include <sys/types.h>

struct strbuf;

struct runas {
	char	ra_user[64];	/* the configured user's name */
	uid_t	ra_uid;
	gid_t	ra_gid;
	int	ra_root;	/* started as root: root is to be given up */
};

/*
 * Resolve the configured user into *ra.  As root: the user must exist
 * and must not be root.  As anyone else: the process must already run
 * as that user.  0, or -1 with one line (no newline) in err.
 */
int	 runas_resolve(const char *user, struct runas *ra, struct strbuf *err);

/* Give root up for good (supplementary groups, group, user), and check
 * that it cannot be regained.  Nothing to do when not started as root.
 * 0, or -1 with one line in err. */
int	 runas_drop(const struct runas *ra, struct strbuf *err);

/*
 * The directory dir, for what the daemon keeps there (its socket, its pid
 * file): created with mode, owned by uid:gid when root runs this, when it
 * is missing and its parent exists.  A directory right at the root of the
 * file system is never created (what is meant is then probably a path
 * relative to a chroot).  0 when it exists now, -1 with one line in err
 * (what names the use, e.g. "pid file directory").
 */
int	 runas_mkdir(const char *dir, mode_t mode, uid_t uid, gid_t gid,
	    const char *what, struct strbuf *err);
/*
 * Could this process, with its effective ids, open path for writing,
 * creating it when it is missing, and create its directory (one level)
 * when that is missing too?  0, or the errno the open or the mkdir would
 * meet; *dir_missing says the directory is still to be made (the errno
 * is then the mkdir's, in the parent).  Nothing is changed.
 */
int	 runas_can_create(const char *path, int *dir_missing);
/* The directory part of path into buf ("/" for "/x"); -1 when path has
 * no slash or is too long. */
int	 runas_dirname(const char *path, char *buf, size_t size);

/* The name of a uid, into buf ("uid N" when it has none).  Returns buf. */
const char *runas_name(uid_t uid, char *buf, size_t size);

/*
 * Root only (else a no-op returning 0): take the effective uid and gid
 * of dir's owner, so that every file made from now on belongs to it;
 * root stays the real uid.  0, -1 when dir cannot be examined (errno set;
 * a missing dir is not an error: nothing changes), or when the switch
 * fails.
 */
int	 runas_owner_enter(const char *dir);
/* Around opening a file the caller named: work as the real user (root)
 * in between.  Both are no-ops unless runas_owner_enter() switched. */
void	 runas_caller_enter(void);
void	 runas_caller_leave(void);

#endif
