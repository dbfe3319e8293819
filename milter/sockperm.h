/*
 * sockperm: who may open the milter's unix socket.
 *
 * The MTA connects to the socket as its own user: Postfix's smtpd and
 * cleanup as user postfix (their only group is postfix), Sendmail as
 * root, or as its RunAsUser (for example mail:mail).  The socket gets the
 * group socket_group and the mode socket_mode (default 0660); an empty
 * socket_group means postfix when that group exists, else mail, else the
 * daemon user's own group.
 *
 * Sendmail also refuses a socket when any directory on its path is world
 * or group writable, sticky bit or not, /tmp included ("local socket name
 * ... unsafe: World writable directory"), and then does not start at all;
 * a socket that does not exist yet only gets a warning.  sockperm_reach() and sockperm_sendmail() find these
 * problems before the first message does: each problem is one line, with
 * the path, its mode, owner and group, passed to a callback.
 */
#ifndef NEF_SOCKPERM_H
#define NEF_SOCKPERM_H

#include <stddef.h>
#include <sys/types.h>

#define SOCKPERM_NAME_MAX	64

/* One problem: a whole sentence, without a final newline. */
typedef void (*sockperm_say_fn)(void *arg, const char *line);

/* The path of a unix socket spec ("unix:PATH", "local:PATH", "/PATH"),
 * pointing into spec; NULL for any other spec (inet:, inet6:). */
const char *sockperm_path(const char *spec);

/*
 * The group of the socket: name (a group name or number), or, when name
 * is empty, postfix if that group exists, else mail, else fallback.  The
 * group's name goes to gname (its number when it has none).  0, or -1
 * when a named group does not exist.
 */
int	 sockperm_group(const char *name, gid_t fallback, gid_t *gid,
	    char *gname, size_t gsize);

/*
 * Give the socket at path its owner (when running as root), group and
 * mode.  0, or -1 with the reason in err.
 */
int	 sockperm_apply(const char *path, uid_t uid, gid_t gid, mode_t mode,
	    char *err, size_t errsize);

/*
 * Can a process whose group is gid (and that is not root) open the socket
 * at path?  Checks that the socket exists and is writable by that group
 * (or by anyone) and that every directory above it is searchable by that
 * group (or by anyone).  Says one line per problem; returns how many.
 * With must_exist 0, a missing socket is no problem (only the directories
 * are checked: "nefmilter -n" before the daemon runs).
 */
int	 sockperm_reach(const char *path, gid_t gid, int must_exist,
	    sockperm_say_fn say, void *arg);

/*
 * Sendmail's rule for milter sockets: no directory on the path may be
 * world or group writable, not even with the sticky bit.  Says one line
 * per such directory; returns how many.
 */
int	 sockperm_sendmail(const char *path, sockperm_say_fn say, void *arg);

/*
 * The checks "nefmilter -n" makes before any socket exists: for the
 * socket spec, with socket_group group and run-as user user, the group
 * is resolved, then sockperm_reach() (a missing socket is fine) and
 * sockperm_sendmail() run.  Returns the number of problems said, or -1
 * when the group does not exist.  An inet socket has none.
 */
int	 sockperm_check(const char *spec, const char *group, const char *user,
	    sockperm_say_fn say, void *arg);

/* "PATH (mode 0660, owner nefmilter, group mail)" for a path, or
 * "PATH (missing)".  Returns buf. */
char	*sockperm_describe(const char *path, char *buf, size_t size);

#endif
