/*
 * NAME
 *	sockperm 3 - owner, group, mode and reachability of the unix socket
 * SYNOPSIS
 *	#include "sockperm.h"
 * DESCRIPTION
 *	See sockperm.h.  The checks read the permission bits the kernel
 *	applies to a process of the socket's group that is not root: the
 *	group bits when the file's group is that group (a member gets those
 *	alone), the "other" bits otherwise, and the owner bits when the
 *	file's owner has that group as its own (the MTA may be that user).
 * DIAGNOSTICS
 *	sockperm_apply() says what failed in its error buffer; the checks
 *	say every problem through the callback.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sockperm.h"
#include "text.h"

#define SOCKPERM_PATH_MAX	1024

static int	sp_group_byname(const char *, gid_t *, char *, size_t);
static void	sp_user_name(uid_t, char *, size_t);
static void	sp_group_name(gid_t, char *, size_t);
static int	sp_parent(char *);
static int	sp_allows(const struct stat *, gid_t, mode_t, mode_t, mode_t);
static void	sp_say(sockperm_say_fn, void *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));

const char *
sockperm_path(const char *spec)
{
	if (spec == NULL)
		return NULL;
	if (strncmp(spec, "unix:", 5) == 0)
		return spec + 5;
	if (strncmp(spec, "local:", 6) == 0)
		return spec + 6;
	return spec[0] == '/' ? spec : NULL;
}

static int
sp_group_byname(const char *name, gid_t *gid, char *gname, size_t gsize)
{
	struct group	 gr, *res = NULL;
	char		 buf[4096], *end;
	unsigned long	 n;

	if (getgrnam_r(name, &gr, buf, sizeof(buf), &res) == 0 && res != NULL) {
		*gid = gr.gr_gid;
		text_strlcpy(gname, gr.gr_name, gsize);
		return 0;
	}
	errno = 0;
	n = strtoul(name, &end, 10);
	if (*name < '0' || *name > '9' || *end != '\0' || errno != 0)
		return -1;
	*gid = (gid_t)n;
	sp_group_name(*gid, gname, gsize);
	return 0;
}

int
sockperm_group(const char *name, gid_t fallback, gid_t *gid, char *gname,
    size_t gsize)
{
	if (name != NULL && *name != '\0')
		return sp_group_byname(name, gid, gname, gsize);
	if (sp_group_byname("postfix", gid, gname, gsize) == 0 ||
	    sp_group_byname("mail", gid, gname, gsize) == 0)
		return 0;
	*gid = fallback;
	sp_group_name(fallback, gname, gsize);
	return 0;
}

static void
sp_user_name(uid_t uid, char *buf, size_t size)
{
	struct passwd	 pw, *res = NULL;
	char		 tmp[4096];

	if (getpwuid_r(uid, &pw, tmp, sizeof(tmp), &res) == 0 && res != NULL)
		text_strlcpy(buf, pw.pw_name, size);
	else
		snprintf(buf, size, "%lu", (unsigned long)uid);
}

static void
sp_group_name(gid_t gid, char *buf, size_t size)
{
	struct group	 gr, *res = NULL;
	char		 tmp[4096];

	if (getgrgid_r(gid, &gr, tmp, sizeof(tmp), &res) == 0 && res != NULL)
		text_strlcpy(buf, gr.gr_name, size);
	else
		snprintf(buf, size, "%lu", (unsigned long)gid);
}

static void
sp_say(sockperm_say_fn say, void *arg, const char *fmt, ...)
{
	char	line[3 * SOCKPERM_PATH_MAX];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	say(arg, line);
}

char *
sockperm_describe(const char *path, char *buf, size_t size)
{
	struct stat	st;
	char		u[SOCKPERM_NAME_MAX], g[SOCKPERM_NAME_MAX];

	if (lstat(path, &st) != 0) {
		snprintf(buf, size, "%s (%s)", path, errno == ENOENT ? "missing" :
		    strerror(errno));
		return buf;
	}
	sp_user_name(st.st_uid, u, sizeof(u));
	sp_group_name(st.st_gid, g, sizeof(g));
	snprintf(buf, size, "%s (mode %04o, owner %s, group %s)", path,
	    (unsigned)(st.st_mode & 07777), u, g);
	return buf;
}

int
sockperm_apply(const char *path, uid_t uid, gid_t gid, mode_t mode, char *err,
    size_t errsize)
{
	char	g[SOCKPERM_NAME_MAX];

	if (chown(path, geteuid() == 0 ? uid : (uid_t)-1, gid) != 0) {
		sp_group_name(gid, g, sizeof(g));
		snprintf(err, errsize, "cannot give %s to group %s: %s", path, g,
		    strerror(errno));
		return -1;
	}
	if (chmod(path, mode) != 0) {
		snprintf(err, errsize, "cannot make %s mode %04o: %s", path,
		    (unsigned)mode, strerror(errno));
		return -1;
	}
	return 0;
}

/*
 * May a process of group gid do what the bits say to st?  A member of the
 * file's group gets the group bits only, anyone else the "other" bits;
 * and the file's owner its owner bits when its own group is gid (user
 * postfix, group postfix: the MTA may be that user).
 */
static int
sp_allows(const struct stat *st, gid_t gid, mode_t ubit, mode_t gbit,
    mode_t obit)
{
	struct passwd	 pw, *res = NULL;
	char		 buf[4096];

	if ((st->st_mode & ubit) && getpwuid_r(st->st_uid, &pw, buf,
	    sizeof(buf), &res) == 0 && res != NULL && pw.pw_gid == gid)
		return 1;
	return st->st_gid == gid ? (st->st_mode & gbit) != 0 :
	    (st->st_mode & obit) != 0;
}

/* Cut path at its last slash: 1 while a parent is left ("/" included). */
static int
sp_parent(char *path)
{
	char	*slash = strrchr(path, '/');

	if (slash == NULL || (slash == path && path[1] == '\0'))
		return 0;
	if (slash == path)
		slash[1] = '\0';
	else
		*slash = '\0';
	return 1;
}

int
sockperm_reach(const char *path, gid_t gid, int must_exist,
    sockperm_say_fn say, void *arg)
{
	struct stat	 st;
	char		 p[SOCKPERM_PATH_MAX], d[3 * SOCKPERM_PATH_MAX / 2];
	char		 g[SOCKPERM_NAME_MAX];
	int		 bad = 0;

	sp_group_name(gid, g, sizeof(g));
	if (text_strlcpy(p, path, sizeof(p)) >= sizeof(p))
		return 0;
	if (lstat(p, &st) != 0) {
		if (must_exist || errno != ENOENT) {
			sp_say(say, arg, "the milter socket %s is missing: the MTA "
			    "cannot connect", p);
			bad++;
		}
	} else {
		if (!S_ISSOCK(st.st_mode)) {
			sp_say(say, arg, "%s is not a socket",
			    sockperm_describe(p, d, sizeof(d)));
			bad++;
		} else if (!sp_allows(&st, gid, S_IWUSR, S_IWGRP, S_IWOTH)) {
			sp_say(say, arg, "the milter socket %s is not writable "
			    "by group %s: an MTA running as that group cannot "
			    "connect (see socket_group, socket_mode)",
			    sockperm_describe(p, d, sizeof(d)), g);
			bad++;
		}
	}
	while (sp_parent(p)) {
		if (stat(p, &st) != 0) {
			if (must_exist || errno != ENOENT) {
				sp_say(say, arg, "directory %s of the milter "
				    "socket: %s", p, strerror(errno));
				bad++;
			}
			continue;
		}
		if (!sp_allows(&st, gid, S_IXUSR, S_IXGRP, S_IXOTH)) {
			sp_say(say, arg, "directory %s is not searchable by "
			    "group %s: an MTA running as that group cannot reach "
			    "the milter socket %s",
			    sockperm_describe(p, d, sizeof(d)), g, path);
			bad++;
		}
		if (p[1] == '\0')
			break;
	}
	return bad;
}

int
sockperm_sendmail(const char *path, sockperm_say_fn say, void *arg)
{
	struct stat	 st;
	char		 p[SOCKPERM_PATH_MAX], d[3 * SOCKPERM_PATH_MAX / 2];
	int		 bad = 0;

	if (text_strlcpy(p, path, sizeof(p)) >= sizeof(p))
		return 0;
	while (sp_parent(p)) {
		if (stat(p, &st) == 0 && (st.st_mode & (S_IWOTH | S_IWGRP))) {
			const char *w = st.st_mode & S_IWOTH ? "World" : "Group";

			sp_say(say, arg, "directory %s is %s writable: Sendmail "
			    "refuses a milter socket under it (\"local socket name "
			    "%s unsafe: %s writable directory\"); put the socket in "
			    "a directory such as /run/nefmilter",
			    sockperm_describe(p, d, sizeof(d)),
			    st.st_mode & S_IWOTH ? "world" : "group", path, w);
			bad++;
		}
		if (p[1] == '\0')
			break;
	}
	return bad;
}

int
sockperm_check(const char *spec, const char *group, const char *user,
    sockperm_say_fn say, void *arg)
{
	struct passwd	 pw, *res = NULL;
	char		 buf[4096], gname[SOCKPERM_NAME_MAX];
	const char	*path = sockperm_path(spec);
	gid_t		 fallback = getegid(), gid;

	if (path == NULL)
		return 0;
	if (user != NULL && getpwnam_r(user, &pw, buf, sizeof(buf), &res) == 0 &&
	    res != NULL)
		fallback = pw.pw_gid;
	if (sockperm_group(group, fallback, &gid, gname, sizeof(gname)) != 0)
		return -1;
	return sockperm_reach(path, gid, 0, say, arg) +
	    sockperm_sendmail(path, say, arg);
}
