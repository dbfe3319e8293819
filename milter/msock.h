/*
 * msock: the milter's listening socket, owned by one daemon at a time.
 *
 * A unix socket is guarded by a lock file beside it (PATH.lock, flock(2))
 * that the daemon holds for as long as it runs, so a second daemon for
 * the same path refuses to start, as does one that finds a live listener
 * on the path.  A socket file nobody listens on (left by a daemon that was
 * killed) is replaced.  libmilter creates the socket under a name of its
 * own beside the path, which is then renamed into place: libmilter, which
 * removes any socket at its name when it stops, never touches the path,
 * and msock_close() removes the path only while it is still the socket
 * this daemon made (same inode).  So a restart that follows a stop always
 * ends with one socket, the new daemon's.
 *
 * An inet socket needs none of this: the kernel refuses a second
 * listener ("Address already in use").
 *
 * Before anything is made, msock_check() looks at the path: absolute, a
 * directory that exists or can be made one level down (never at the root
 * of the file system: a path such as /nefmilter/nefmilter.sock is what a
 * chrooted Postfix writes in smtpd_milters, relative to its queue
 * directory), no other kind of file in the way.
 */
#ifndef NEF_MSOCK_H
#define NEF_MSOCK_H

#include <sys/types.h>

struct cfg;
struct msock;
struct runas;
struct strbuf;

/*
 * The checks that need no change: 0, 1 when a live listener holds the
 * socket (err says so), -1 with problems in err (one per line).  Notes
 * (what a start would do) go to notes.
 */
int	 msock_check(const char *spec, struct strbuf *err, struct strbuf *notes);

/*
 * Take the socket: lock, checks, the directory, libmilter's listening
 * socket (callbacks_listen()), its owner, group and mode (socket_group,
 * socket_mode), renamed into place.  Returns 0 with *out the caller's, 1
 * when a live listener or another daemon holds it (err says which), or
 * -1 with the reason in err; "cannot listen" names the errno.  Warnings
 * about who may reach the socket go to warn.
 */
int	 msock_open(const struct cfg *, const char *spec, const struct runas *,
	    struct msock **out, struct strbuf *err, struct strbuf *warn);
/*
 * Connect to the socket once and hang up.  libmilter's listener waits in
 * poll(2) for up to five seconds before it looks whether it is to stop;
 * a connection ends that wait, so that a stop asked for with smfi_stop()
 * takes effect at once.
 */
void	 msock_poke(const struct msock *);
/* Remove the socket if it is still this daemon's, release the lock,
 * free; NULL is a no-op.  Returns NULL. */
struct msock *msock_close(struct msock *);
/* Free this process's copy without removing anything (the parent after
 * fork()).  Returns NULL. */
struct msock *msock_forget(struct msock *);

#endif
