/*
 * NAME
 *	msock 3 - the milter's listening socket
 * SYNOPSIS
 *	#include "msock.h"
 * DESCRIPTION
 *	See msock.h.  A unix socket path is probed with connect(2): a
 *	listener answers, ECONNREFUSED means a socket file nobody listens
 *	on.  An inet socket is probed by binding it once (SO_REUSEADDR, as
 *	libmilter does), which gives the errno libmilter would meet.  The
 *	lock file PATH.lock is left in place when the daemon stops: removing
 *	it would let two daemons lock two different files.
 * DIAGNOSTICS
 *	Each problem is one line naming the path and strerror().
 */
#include <sys/file.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <netinet/in.h>

#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "callbacks.h"
#include "cfg.h"
#include "log.h"
#include "msock.h"
#include "runas.h"
#include "sockperm.h"
#include "strbuf.h"
#include "text.h"

struct msock {
	char	*ms_path;	/* unix socket path, or NULL (inet) */
	int	 ms_lockfd;
	dev_t	 ms_dev;
	ino_t	 ms_ino;
	struct sockaddr_storage ms_target;	/* where to connect to it */
	socklen_t ms_tlen;	/* 0: unknown */
};

enum ms_probe { MS_ABSENT, MS_STALE, MS_LISTENING, MS_OTHER };

static int	ms_unix_check(const char *, int probe, struct strbuf *,
		    struct strbuf *);
static enum ms_probe ms_probe(const char *, int *err);
static int	ms_writable(const char *path, const char *dir, struct strbuf *);
static int	ms_inet_probe(const char *spec, int *err);
static int	ms_lock(const char *, uid_t, gid_t, int *fd, struct strbuf *);
static int	ms_unix_open(const struct cfg *, const char *,
		    const struct runas *, struct msock *, struct strbuf *,
		    struct strbuf *);
static int	ms_listen(const struct cfg *, const char *, const char *,
		    const struct runas *, struct strbuf *, struct strbuf *);
static void	ms_say(void *, const char *);
static void	ms_inet_target(struct msock *, const char *);
static void	ms_note(void *, const char *);

static void
ms_say(void *arg, const char *line)
{
	strbuf_printf(arg, "%s\n", line);
}

/* What matters under Sendmail only: a notice in the log. */
static void
ms_note(void *arg, const char *line)
{
	(void)arg;
	log_notice(NULL, "%s", line);
}

/* What is at path: nothing, a socket nobody listens on, a listener. */
static enum ms_probe
ms_probe(const char *path, int *err)
{
	struct sockaddr_un	 sun;
	struct stat		 st;
	int			 fd, rc;

	*err = 0;
	if (lstat(path, &st) != 0) {
		*err = errno;
		return errno == ENOENT ? MS_ABSENT : MS_OTHER;
	}
	if (!S_ISSOCK(st.st_mode))
		return MS_OTHER;
	memset(&sun, 0, sizeof(sun));
	sun.sun_family = AF_UNIX;
	text_strlcpy(sun.sun_path, path, sizeof(sun.sun_path));
	if ((fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0)) < 0) {
		*err = errno;
		return MS_OTHER;
	}
	rc = connect(fd, (struct sockaddr *)&sun, sizeof(sun));
	*err = rc == 0 ? 0 : errno;
	close(fd);
	if (rc == 0)
		return MS_LISTENING;
	return *err == ECONNREFUSED ? MS_STALE : MS_OTHER;
}

/* Could this process make the socket at path: its lock, libmilter's
 * socket and the rename in dir (or dir itself, when it is missing)?
 * 0, or -1 with the start's own words in err. */
static int
ms_writable(const char *path, const char *dir, struct strbuf *err)
{
	char	lock[4096];
	int	e, missing;

	snprintf(lock, sizeof(lock), "%s.lock", path);
	if ((e = runas_can_create(lock, &missing)) != 0) {
		if (missing)
			strbuf_printf(err, "cannot create socket directory %s: "
			    "%s\n", dir, strerror(e));
		else
			strbuf_printf(err, "cannot listen on unix:%s: cannot open "
			    "its lock %s: %s\n", path, lock, strerror(e));
		return -1;
	}
	if (!missing && faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) != 0) {
		strbuf_printf(err, "cannot listen on unix:%s: cannot create a "
		    "socket in %s: %s\n", path, dir, strerror(errno));
		return -1;
	}
	return 0;
}

/* The path and its directory, as a start would find them; with probe,
 * what is at the path too. */
static int
ms_unix_check(const char *path, int probe, struct strbuf *err,
    struct strbuf *notes)
{
	char		dir[sizeof(((struct sockaddr_un *)0)->sun_path)];
	char		parent[sizeof(dir)];
	struct stat	st;
	int		e;

	if (path[0] != '/') {
		strbuf_printf(err, "socket unix:%s: not an absolute path\n", path);
		return -1;
	}
	if (strlen(path) + 16 >= sizeof(dir)) {
		strbuf_printf(err, "socket unix:%s: longer than a unix socket "
		    "path may be (%zu bytes)\n", path, sizeof(dir) - 17);
		return -1;
	}
	runas_dirname(path, dir, sizeof(dir));
	if (stat(dir, &st) != 0) {
		runas_dirname(dir, parent, sizeof(parent));
		if (strcmp(parent, "/") == 0) {
			strbuf_printf(err, "socket unix:%s: %s does not exist, and "
			    "nefmilter does not create a directory at the root "
			    "of the file system; a chrooted Postfix names the "
			    "socket relative to its queue directory (smtpd_milters "
			    "= unix:%s), but socket needs the whole path, such as "
			    "unix:/var/spool/postfix%s\n", path, dir, path, path);
			return -1;
		}
		if (stat(parent, &st) != 0) {
			strbuf_printf(err, "socket unix:%s: neither %s nor its "
			    "parent %s exists\n", path, dir, parent);
			return -1;
		}
		if (ms_writable(path, dir, err) != 0)
			return -1;
		strbuf_printf(notes, "socket directory %s does not exist yet: it "
		    "is created at start\n", dir);
		return 0;
	}
	if (ms_writable(path, dir, err) != 0)
		return -1;
	if (!probe) {
		if (lstat(path, &st) == 0 && !S_ISSOCK(st.st_mode)) {
			strbuf_printf(err, "socket %s exists and is not a socket: "
			    "nefmilter does not remove it\n", path);
			return -1;
		}
		return 0;
	}
	switch (ms_probe(path, &e)) {
	case MS_ABSENT:
		return 0;
	case MS_STALE:
		strbuf_printf(notes, "socket %s is left from a milter that is "
		    "gone: it is replaced at start\n", path);
		return 0;
	case MS_LISTENING:
		strbuf_printf(err, "socket %s is in use: a milter listens on it\n",
		    path);
		return 1;
	default:
		if (e == 0)
			strbuf_printf(err, "socket %s exists and is not a socket: "
			    "nefmilter does not remove it\n", path);
		else
			strbuf_printf(err, "socket %s: %s\n", path, strerror(e));
		return -1;
	}
}

/* Bind the inet spec once, as libmilter will: 0, or -1 with *err. */
static int
ms_inet_probe(const char *spec, int *err)
{
	struct addrinfo	 hints, *res = NULL;
	char		 port[16], host[256];
	const char	*colon = strchr(spec, ':'), *at;
	int		 fd, one = 1, rc;

	*err = EINVAL;
	if (colon == NULL)
		return -1;
	at = strchr(colon + 1, '@');
	snprintf(port, sizeof(port), "%.*s", (int)(at ? (size_t)(at - colon - 1) :
	    strlen(colon + 1)), colon + 1);
	text_strlcpy(host, at ? at + 1 : "", sizeof(host));
	memset(&hints, 0, sizeof(hints));
	hints.ai_family = strncmp(spec, "inet6:", 6) == 0 ? AF_INET6 : AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	if ((rc = getaddrinfo(host[0] ? host : NULL, port, &hints, &res)) != 0) {
		*err = rc == EAI_SYSTEM ? errno : EADDRNOTAVAIL;
		return -1;
	}
	fd = socket(res->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	rc = fd < 0 ? -1 : setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one,
	    sizeof(one));
	if (rc == 0)
		rc = bind(fd, res->ai_addr, res->ai_addrlen);
	if (rc == 0)
		rc = listen(fd, 1);
	*err = rc == 0 ? 0 : errno;
	if (fd >= 0)
		close(fd);
	freeaddrinfo(res);
	return rc == 0 ? 0 : -1;
}

int
msock_check(const char *spec, struct strbuf *err, struct strbuf *notes)
{
	const char	*path = sockperm_path(spec);
	char		 lock[4096];
	int		 fd, e, rc;

	if (path == NULL) {
		if (ms_inet_probe(spec, &e) == 0)
			return 0;
		strbuf_printf(err, "cannot listen on %s: %s\n", spec, strerror(e));
		return e == EADDRINUSE ? 1 : -1;
	}
	if ((rc = ms_unix_check(path, 0, err, notes)) != 0)
		return rc;
	snprintf(lock, sizeof(lock), "%s.lock", path);
	if ((fd = open(lock, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) >= 0) {
		if (flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
			strbuf_printf(err, "socket %s is held by a running "
			    "nefmilter (its lock %s)\n", path, lock);
			rc = 1;
		}
		close(fd);
	}
	return rc != 0 ? rc : ms_unix_check(path, 1, err, notes);
}

/* Take PATH.lock: 0, 1 when held, -1 with err. */
static int
ms_lock(const char *path, uid_t uid, gid_t gid, int *fdp, struct strbuf *err)
{
	char	lock[4096];
	int	fd;

	snprintf(lock, sizeof(lock), "%s.lock", path);
	if ((fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW,
	    0600)) < 0) {
		strbuf_printf(err, "cannot listen on unix:%s: cannot open its "
		    "lock %s: %s\n", path, lock, strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno == EWOULDBLOCK)
			strbuf_printf(err, "socket %s is held by a running "
			    "nefmilter (its lock %s)\n", path, lock);
		else
			strbuf_printf(err, "cannot lock %s: %s\n", lock,
			    strerror(errno));
		close(fd);
		return errno == EWOULDBLOCK ? 1 : -1;
	}
	if (geteuid() == 0 && fchown(fd, uid, gid) != 0)
		log_warn(NULL, "cannot chown %s: %s", lock, strerror(errno));
	*fdp = fd;
	return 0;
}

/* libmilter's socket under a name of its own, then renamed to path. */
static int
ms_listen(const struct cfg *cfg, const char *path, const char *tmp,
    const struct runas *ra, struct strbuf *err, struct strbuf *warn)
{
	char	spec[4200], gname[SOCKPERM_NAME_MAX], why[600];
	mode_t	mode = (mode_t)cfg->cf_socket_mode;
	gid_t	sgid;

	if (sockperm_group(cfg->cf_socket_group, ra->ra_gid, &sgid, gname,
	    sizeof(gname)) != 0) {
		strbuf_printf(err, "socket_group \"%s\" does not exist\n",
		    cfg->cf_socket_group);
		return -1;
	}
	snprintf(spec, sizeof(spec), "unix:%s", tmp);
	(void)unlink(tmp);
	umask(0777 & ~mode);
	errno = 0;
	if (callbacks_listen(spec) != 0) {
		strbuf_printf(err, "cannot listen on unix:%s: %s\n", path,
		    errno ? strerror(errno) : "libmilter refused it");
		umask(0077);
		return -1;
	}
	umask(0077);
	if (sockperm_apply(tmp, ra->ra_uid, sgid, mode, why, sizeof(why)) != 0) {
		strbuf_printf(err, "%s\n", why);
		(void)unlink(tmp);
		return -1;
	}
	if (rename(tmp, path) != 0) {
		strbuf_printf(err, "cannot listen on unix:%s: cannot move the "
		    "socket into place: %s\n", path, strerror(errno));
		(void)unlink(tmp);
		return -1;
	}
	(void)sockperm_reach(path, sgid, 1, ms_say, warn);
	(void)sockperm_sendmail(path, ms_note, NULL);
	log_info(NULL, "milter socket %s", sockperm_describe(path, why,
	    sizeof(why)));
	return 0;
}

static int
ms_unix_open(const struct cfg *cfg, const char *path, const struct runas *ra,
    struct msock *ms, struct strbuf *err, struct strbuf *warn)
{
	struct strbuf	 notes = STRBUF_INIT;
	char		 dir[512], tmp[600];
	struct stat	 st;
	gid_t		 dgid = ra->ra_gid;
	int		 rc, e;

	rc = ms_unix_check(path, 0, err, &notes);
	strbuf_free(&notes);
	if (rc != 0)
		return rc;
	runas_dirname(path, dir, sizeof(dir));
	(void)sockperm_group(cfg->cf_socket_group, ra->ra_gid, &dgid, tmp,
	    SOCKPERM_NAME_MAX);
	if (runas_mkdir(dir, 02750, ra->ra_uid, dgid, "socket directory",
	    err) != 0) {
		strbuf_putc(err, '\n');
		return -1;
	}
	if ((rc = ms_lock(path, ra->ra_uid, ra->ra_gid, &ms->ms_lockfd, err)) != 0)
		return rc;
	/* Under the lock: a listener now is not ours to replace. */
	switch (ms_probe(path, &e)) {
	case MS_LISTENING:
		strbuf_printf(err, "socket %s is in use: a milter listens on it\n",
		    path);
		return 1;
	case MS_STALE:
		(void)unlink(path);
		break;
	default:
		break;
	}
	snprintf(tmp, sizeof(tmp), "%s/.nefmilter.%ld", dir, (long)getpid());
	if (ms_listen(cfg, path, tmp, ra, err, warn) != 0)
		return -1;
	{
		struct sockaddr_un *sun = (struct sockaddr_un *)&ms->ms_target;

		sun->sun_family = AF_UNIX;
		text_strlcpy(sun->sun_path, path, sizeof(sun->sun_path));
		ms->ms_tlen = sizeof(*sun);
	}
	if (stat(path, &st) != 0) {
		strbuf_printf(err, "socket %s: %s\n", path, strerror(errno));
		return -1;
	}
	ms->ms_dev = st.st_dev;
	ms->ms_ino = st.st_ino;
	return 0;
}

/* libmilter's inet listener, and the address to reach it at. */
static void
ms_inet_target(struct msock *ms, const char *spec)
{
	struct addrinfo	 hints, *res = NULL;
	const char	*colon = strchr(spec, ':'), *at;
	char		 port[16], host[256];

	if (colon == NULL)
		return;
	at = strchr(colon + 1, '@');
	snprintf(port, sizeof(port), "%.*s", (int)(at ? (size_t)(at - colon - 1) :
	    strlen(colon + 1)), colon + 1);
	text_strlcpy(host, at && at[1] ? at + 1 : strncmp(spec, "inet6:", 6) ?
	    "127.0.0.1" : "::1", sizeof(host));
	memset(&hints, 0, sizeof(hints));
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_NUMERICSERV;
	if (getaddrinfo(host, port, &hints, &res) != 0)
		return;
	if (res->ai_addrlen <= sizeof(ms->ms_target)) {
		memcpy(&ms->ms_target, res->ai_addr, res->ai_addrlen);
		ms->ms_tlen = res->ai_addrlen;
	}
	freeaddrinfo(res);
}

void
msock_poke(const struct msock *ms)
{
	int	s;

	if (ms == NULL || ms->ms_tlen == 0 ||
	    (s = socket(ms->ms_target.ss_family, SOCK_STREAM | SOCK_CLOEXEC |
	    SOCK_NONBLOCK, 0)) < 0)
		return;
	(void)connect(s, (const struct sockaddr *)&ms->ms_target, ms->ms_tlen);
	close(s);
}

int
msock_open(const struct cfg *cfg, const char *spec, const struct runas *ra,
    struct msock **out, struct strbuf *err, struct strbuf *warn)
{
	struct msock	*ms;
	const char	*path = sockperm_path(spec);
	int		 rc, e;

	*out = NULL;
	if ((ms = calloc(1, sizeof(*ms))) == NULL) {
		strbuf_puts(err, "out of memory\n");
		return -1;
	}
	ms->ms_lockfd = -1;
	if (path != NULL) {
		if ((ms->ms_path = strdup(path)) == NULL)
			rc = -1;
		else
			rc = ms_unix_open(cfg, path, ra, ms, err, warn);
	} else if (ms_inet_probe(spec, &e) != 0) {
		strbuf_printf(err, "cannot listen on %s: %s\n", spec, strerror(e));
		rc = e == EADDRINUSE ? 1 : -1;
	} else {
		errno = 0;
		rc = callbacks_listen(spec) == 0 ? 0 : -1;
		if (rc != 0)
			strbuf_printf(err, "cannot listen on %s: %s (libmilter "
			    "syntax: unix:PATH or inet:PORT@HOST)\n", spec,
			    errno ? strerror(errno) : "refused");
		else
			ms_inet_target(ms, spec);
	}
	if (rc != 0) {
		if (ms->ms_lockfd >= 0)
			close(ms->ms_lockfd);
		free(ms->ms_path);
		free(ms);
		return rc;
	}
	*out = ms;
	return 0;
}

struct msock *
msock_close(struct msock *ms)
{
	struct stat	st;

	if (ms == NULL)
		return NULL;
	if (ms->ms_path != NULL && lstat(ms->ms_path, &st) == 0 &&
	    st.st_dev == ms->ms_dev && st.st_ino == ms->ms_ino)
		(void)unlink(ms->ms_path);
	return msock_forget(ms);
}

struct msock *
msock_forget(struct msock *ms)
{
	if (ms == NULL)
		return NULL;
	if (ms->ms_lockfd >= 0)
		close(ms->ms_lockfd);
	free(ms->ms_path);
	free(ms);
	return NULL;
}
