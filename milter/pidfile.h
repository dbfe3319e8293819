/*
 * pidfile: the daemon's pid file, locked for as long as the daemon runs.
 *
 * pidfile_lock() opens the file (creating its directory when that is one
 * level below an existing one) and takes an exclusive flock(2) on it,
 * before anything else is started; a second daemon then finds the lock
 * held and refuses to start.  A file that is not locked but names a live
 * process called nefmilter (written by a version that did not lock it)
 * counts as held too.  The lock stays with the open file across fork(),
 * so the process that finally runs writes its own pid with
 * pidfile_write().  pidfile_close() removes the file only while it is
 * still the one locked (same inode), then lets the lock go.
 */
#ifndef NEF_PIDFILE_H
#define NEF_PIDFILE_H

#include <sys/types.h>

struct pidfile;
struct strbuf;

/*
 * Lock path.  Returns 0 with *out the caller's (free it with
 * pidfile_close()), 1 when a live nefmilter holds it (*holder is its pid,
 * 0 when unknown), or -1 with one line in err.  As root, a directory it
 * creates and the file go to uid:gid.
 */
int	 pidfile_lock(const char *path, uid_t uid, gid_t gid,
	    struct pidfile **out, pid_t *holder, struct strbuf *err);
/* Without taking anything: 1 when a live nefmilter holds path (*holder
 * its pid), else 0. */
int	 pidfile_held(const char *path, pid_t *holder);
/* Write the calling process's pid.  0, or -1 with one line in err. */
int	 pidfile_write(struct pidfile *, struct strbuf *err);
/*
 * Without taking anything: could this process lock path as
 * pidfile_lock() does?  The path absolute, its directory there or one
 * level to be made, the file or the directory writable.  0, or -1 with
 * one line (no newline) in err, the start's own words when it would fail.
 */
int	 pidfile_check(const char *path, struct strbuf *err);
/* 1 when the user running now could remove path (its directory is
 * writable), else 0. */
int	 pidfile_removable(const char *path);
/* Remove the file if it is still ours, release the lock, free.  NULL is
 * a no-op.  Returns NULL. */
struct pidfile *pidfile_close(struct pidfile *);
/* Close this process's copy without removing anything (the parent after
 * fork(): the lock stays with the child).  Returns NULL. */
struct pidfile *pidfile_forget(struct pidfile *);

#endif
