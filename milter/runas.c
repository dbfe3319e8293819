/*
 * NAME
 *	runas 3 - the user nefmilter works as
 * SYNOPSIS
 *	#include "runas.h"
 * DESCRIPTION
 *	See runas.h.  runas_drop() sets the supplementary groups of the user
 *	(initgroups(3): a user in group postdrop may write to Postfix's
 *	postlog socket), then the group, then the user, and fails when
 *	setuid(0) still works afterwards.
 * DIAGNOSTICS
 *	Every failure is one line in the caller's buffer, naming the user
 *	and what to do.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "runas.h"
#include "strbuf.h"
#include "text.h"

static int	 ra_eaccess(const char *, int mode);

static int	 ra_switched;	/* runas_owner_enter() changed the euid */
static uid_t	 ra_owner_uid;
static gid_t	 ra_owner_gid;

int
runas_dirname(const char *path, char *buf, size_t size)
{
	char	*slash;

	if (text_strlcpy(buf, path, size) >= size ||
	    (slash = strrchr(buf, '/')) == NULL)
		return -1;
	if (slash == buf)
		slash[1] = '\0';
	else
		*slash = '\0';
	return 0;
}

/* access(2) with the effective ids: 0 or the errno. */
static int
ra_eaccess(const char *path, int mode)
{
	return faccessat(AT_FDCWD, path, mode, AT_EACCESS) == 0 ? 0 : errno;
}

int
runas_can_create(const char *path, int *dir_missing)
{
	char		dir[4096], parent[4096];
	struct stat	st;

	*dir_missing = 0;
	if (runas_dirname(path, dir, sizeof(dir)) != 0)
		return EINVAL;
	if (lstat(path, &st) == 0)
		return ra_eaccess(path, W_OK);
	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) ? ra_eaccess(dir, W_OK | X_OK) :
		    ENOTDIR;
	if (errno != ENOENT || runas_dirname(dir, parent, sizeof(parent)) != 0)
		return errno == ENOENT ? EINVAL : errno;
	*dir_missing = 1;
	return ra_eaccess(parent, W_OK | X_OK);
}

int
runas_mkdir(const char *dir, mode_t mode, uid_t uid, gid_t gid,
    const char *what, struct strbuf *err)
{
	char		parent[4096];
	struct stat	st;

	if (stat(dir, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return 0;
		strbuf_printf(err, "%s %s is not a directory", what, dir);
		return -1;
	}
	if (errno != ENOENT || runas_dirname(dir, parent, sizeof(parent)) != 0) {
		strbuf_printf(err, "%s %s: %s", what, dir, strerror(errno));
		return -1;
	}
	if (strcmp(parent, "/") == 0) {
		strbuf_printf(err, "%s %s does not exist, and nefmilter does not "
		    "create a directory at the root of the file system", what,
		    dir);
		return -1;
	}
	if (stat(parent, &st) != 0 || !S_ISDIR(st.st_mode)) {
		strbuf_printf(err, "%s %s does not exist, nor does its parent %s",
		    what, dir, parent);
		return -1;
	}
	if (mkdir(dir, mode) != 0 && errno != EEXIST) {
		strbuf_printf(err, "cannot create %s %s: %s", what, dir,
		    strerror(errno));
		return -1;
	}
	if (geteuid() == 0 && (chown(dir, uid, gid) != 0 ||
	    chmod(dir, mode) != 0)) {
		strbuf_printf(err, "cannot give %s %s to its owner: %s", what,
		    dir, strerror(errno));
		return -1;
	}
	return 0;
}

const char *
runas_name(uid_t uid, char *buf, size_t size)
{
	struct passwd	 pw, *res = NULL;
	char		 pbuf[4096];

	if (getpwuid_r(uid, &pw, pbuf, sizeof(pbuf), &res) == 0 && res != NULL)
		text_strlcpy(buf, pw.pw_name, size);
	else
		snprintf(buf, size, "uid %lu", (unsigned long)uid);
	return buf;
}

int
runas_resolve(const char *user, struct runas *ra, struct strbuf *err)
{
	struct passwd	 pw, *res = NULL;
	char		 pbuf[4096], me[64];

	memset(ra, 0, sizeof(*ra));
	text_strlcpy(ra->ra_user, user, sizeof(ra->ra_user));
	if (getpwnam_r(user, &pw, pbuf, sizeof(pbuf), &res) != 0)
		res = NULL;
	if (geteuid() != 0) {
		ra->ra_uid = geteuid();
		ra->ra_gid = getegid();
		if (res != NULL && res->pw_uid == geteuid())
			return 0;
		strbuf_printf(err, "nefmilter runs as %s, not as the configured "
		    "user \"%s\": start it as root (it then runs as %s) or as "
		    "%s", runas_name(geteuid(), me, sizeof(me)), user, user,
		    user);
		return -1;
	}
	if (res == NULL) {
		strbuf_printf(err, "user \"%s\" does not exist: create it "
		    "(adduser --system --group --home /var/lib/nefmilter "
		    "--no-create-home %s, see INSTALL) or set \"user\"", user,
		    user);
		return -1;
	}
	if (pw.pw_uid == 0) {
		strbuf_printf(err, "user \"%s\" is root; nefmilter does not run "
		    "as root: set \"user\" to an unprivileged user", user);
		return -1;
	}
	ra->ra_uid = pw.pw_uid;
	ra->ra_gid = pw.pw_gid;
	ra->ra_root = 1;
	return 0;
}

int
runas_drop(const struct runas *ra, struct strbuf *err)
{
	if (!ra->ra_root || geteuid() != 0)
		return 0;
	if (initgroups(ra->ra_user, ra->ra_gid) != 0 ||
	    setgid(ra->ra_gid) != 0 || setuid(ra->ra_uid) != 0) {
		strbuf_printf(err, "cannot give up root for user %s: %s",
		    ra->ra_user, strerror(errno));
		return -1;
	}
	if (setuid(0) == 0) {
		strbuf_printf(err, "still able to regain root after switching "
		    "to user %s; stopping", ra->ra_user);
		return -1;
	}
	return 0;
}

int
runas_owner_enter(const char *dir)
{
	struct stat	st;

	if (geteuid() != 0 || ra_switched)
		return 0;
	if (stat(dir, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (st.st_uid == 0)
		return 0;
	if (setegid(st.st_gid) != 0)
		return -1;
	if (seteuid(st.st_uid) != 0) {
		if (setegid(0) != 0)
			log_err(NULL, "cannot take back group root: %s",
			    strerror(errno));
		return -1;
	}
	ra_owner_uid = st.st_uid;
	ra_owner_gid = st.st_gid;
	ra_switched = 1;
	return 0;
}

void
runas_caller_enter(void)
{
	if (ra_switched && seteuid(getuid()) == 0 && setegid(getgid()) != 0)
		log_warn(NULL, "cannot take the caller's group: %s",
		    strerror(errno));
}

void
runas_caller_leave(void)
{
	if (ra_switched && geteuid() == 0 && (setegid(ra_owner_gid) != 0 ||
	    seteuid(ra_owner_uid) != 0))
		log_err(NULL, "cannot work as the store's owner again: %s",
		    strerror(errno));
}
