/*
 * NAME
 *	statedir 3 - the state directory before the store opens
 * SYNOPSIS
 *	#include "statedir.h"
 * DESCRIPTION
 *	See statedir.h.  The walk over the store's files looks only at the
 *	names the store uses: db/, docs/ with its two-letter directories and
 *	their files, tmp/; symbolic links are neither followed nor changed
 *	(lchown).  A directory root owns counts as a store when it holds a
 *	db/ directory.
 * DIAGNOSTICS
 *	Each problem is one line naming the path, its owner and what to do.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "runas.h"
#include "statedir.h"
#include "strbuf.h"
#include "text.h"

struct sd_walk {
	const struct runas *w_ra;
	int		 w_check;
	unsigned long	 w_fixed;	/* root's files given (or to give) */
	unsigned long	 w_foreign;	/* files of another user */
	char		 w_first[PATH_MAX];	/* the first foreign one */
	uid_t		 w_first_uid;
};

static int	sd_create(const char *, const struct runas *, int,
		    struct strbuf *, struct strbuf *);
static int	sd_take(const char *, const struct stat *, const struct runas *,
		    int, struct strbuf *, struct strbuf *);
static int	sd_is_empty_or_store(const char *);
static void	sd_walk(struct sd_walk *, const char *, int depth);
static void	sd_entry(struct sd_walk *, const char *, const struct stat *);

/* state_dir is missing: create it if its parent exists. */
static int
sd_create(const char *dir, const struct runas *ra, int check,
    struct strbuf *err, struct strbuf *notes)
{
	char		parent[PATH_MAX], *slash;
	struct stat	st;
	int		rc;

	text_strlcpy(parent, dir, sizeof(parent));
	if ((slash = strrchr(parent, '/')) == NULL || slash == parent) {
		strbuf_printf(err, "state_dir %s: nefmilter does not create a "
		    "directory at the root of the file system; create it "
		    "(see INSTALL) or set state_dir\n", dir);
		return -1;
	}
	*slash = '\0';
	if ((rc = stat(parent, &st)) != 0 && errno != ENOENT) {
		strbuf_printf(err, "state_dir %s: its parent %s: %s\n", dir,
		    parent, strerror(errno));
		return -1;
	}
	if (rc != 0 || !S_ISDIR(st.st_mode)) {
		strbuf_printf(err, "state_dir %s: its parent %s does not exist "
		    "(nefmilter creates the last directory only); create it "
		    "or set state_dir\n", dir, parent);
		return -1;
	}
	if (check || ra == NULL) {
		strbuf_printf(notes, "state_dir %s does not exist yet: it is "
		    "created at start, mode 0700\n", dir);
		return 0;
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		strbuf_printf(err, "state_dir %s: cannot create it: %s\n", dir,
		    strerror(errno));
		return -1;
	}
	if (ra->ra_root && chown(dir, ra->ra_uid, ra->ra_gid) != 0) {
		strbuf_printf(err, "state_dir %s: cannot give it to %s: %s\n",
		    dir, ra->ra_user, strerror(errno));
		return -1;
	}
	return 0;
}

/* 1 when dir is empty or holds a db/ directory. */
static int
sd_is_empty_or_store(const char *dir)
{
	char		 path[PATH_MAX];
	struct stat	 st;
	struct dirent	*de;
	DIR		*d;
	int		 empty = 1;

	snprintf(path, sizeof(path), "%s/db", dir);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		return 1;
	if ((d = opendir(dir)) == NULL)
		return 0;
	while (empty && (de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			empty = 0;
	closedir(d);
	return empty;
}

/* state_dir exists: its owner and mode. */
static int
sd_take(const char *dir, const struct stat *st, const struct runas *ra,
    int check, struct strbuf *err, struct strbuf *notes)
{
	char	who[64];

	if (st->st_uid != ra->ra_uid && st->st_uid != 0) {
		strbuf_printf(err, "state_dir %s belongs to %s, not to %s: "
		    "chown -R %s: %s, or set state_dir or user\n", dir,
		    runas_name(st->st_uid, who, sizeof(who)), ra->ra_user,
		    ra->ra_user, dir);
		return -1;
	}
	if (st->st_uid == 0 && ra->ra_uid != 0) {
		if (!ra->ra_root) {
			strbuf_printf(err, "state_dir %s belongs to root; "
			    "start nefmilter as root once, or chown %s: %s\n",
			    dir, ra->ra_user, dir);
			return -1;
		}
		if (!sd_is_empty_or_store(dir)) {
			strbuf_printf(err, "state_dir %s belongs to root and "
			    "holds files that are not a nefmilter store: "
			    "refusing to take it over; give nefmilter a "
			    "directory of its own\n", dir);
			return -1;
		}
		if (check)
			strbuf_printf(notes, "state_dir %s belongs to root: "
			    "at start it is given to %s\n", dir, ra->ra_user);
		else if (chown(dir, ra->ra_uid, ra->ra_gid) != 0) {
			strbuf_printf(err, "state_dir %s: cannot give it to "
			    "%s: %s\n", dir, ra->ra_user, strerror(errno));
			return -1;
		}
	}
	if ((st->st_mode & 077) != 0) {
		if (check)
			strbuf_printf(notes, "state_dir %s is mode %04o: at "
			    "start it is made 0700 (the documents are the "
			    "firm's)\n", dir, (unsigned)(st->st_mode & 07777));
		else if (chmod(dir, 0700) != 0) {
			strbuf_printf(err, "state_dir %s: cannot make it mode "
			    "0700: %s\n", dir, strerror(errno));
			return -1;
		}
	}
	return 0;
}

static void
sd_entry(struct sd_walk *w, const char *path, const struct stat *st)
{
	const struct runas *ra = w->w_ra;

	if (st->st_uid == ra->ra_uid)
		return;
	if (st->st_uid != 0) {
		if (w->w_foreign++ == 0) {
			text_strlcpy(w->w_first, path, sizeof(w->w_first));
			w->w_first_uid = st->st_uid;
		}
		return;
	}
	if (!w->w_check && ra->ra_root && lchown(path, ra->ra_uid,
	    ra->ra_gid) != 0) {
		if (w->w_foreign++ == 0) {
			text_strlcpy(w->w_first, path, sizeof(w->w_first));
			w->w_first_uid = 0;
		}
		return;
	}
	w->w_fixed++;
}

/* dir and what it holds, depth levels down. */
static void
sd_walk(struct sd_walk *w, const char *dir, int depth)
{
	char		 path[PATH_MAX];
	struct stat	 st;
	struct dirent	*de;
	DIR		*d;

	if (lstat(dir, &st) != 0)
		return;
	sd_entry(w, dir, &st);
	if (!S_ISDIR(st.st_mode) || depth == 0 || (d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(path, sizeof(path), "%s/%s", dir,
		    de->d_name) >= sizeof(path))
			continue;
		sd_walk(w, path, depth - 1);
	}
	closedir(d);
}

int
statedir_prepare(const char *dir, const struct runas *ra, int check,
    struct strbuf *err, struct strbuf *warn, struct strbuf *notes)
{
	static const struct { const char *sub; int depth; } parts[] = {
		{ "db", 1 }, { "docs", 2 }, { "tmp", 1 },
	};
	struct sd_walk	 w;
	struct stat	 st;
	char		 path[PATH_MAX], who[64];
	size_t		 i;

	if (dir[0] != '/') {
		strbuf_printf(err, "state_dir %s: not an absolute path\n", dir);
		return -1;
	}
	if (stat(dir, &st) != 0) {
		if (errno != ENOENT) {
			strbuf_printf(err, "state_dir %s: %s\n", dir,
			    strerror(errno));
			return -1;
		}
		return sd_create(dir, ra, check, err, notes);
	}
	if (!S_ISDIR(st.st_mode)) {
		strbuf_printf(err, "state_dir %s is not a directory\n", dir);
		return -1;
	}
	if (ra == NULL)
		return 0;
	if (sd_take(dir, &st, ra, check, err, notes) != 0)
		return -1;
	memset(&w, 0, sizeof(w));
	w.w_ra = ra;
	w.w_check = check || !ra->ra_root;
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, parts[i].sub);
		sd_walk(&w, path, parts[i].depth);
	}
	if (w.w_foreign > 0) {
		strbuf_printf(err, "state_dir %s: %lu file%s belong%s to "
		    "another user (first: %s, owned by %s): chown -R %s: %s\n",
		    dir, w.w_foreign, w.w_foreign == 1 ? "" : "s",
		    w.w_foreign == 1 ? "s" : "", w.w_first,
		    runas_name(w.w_first_uid, who, sizeof(who)), ra->ra_user,
		    dir);
		return -1;
	}
	if (w.w_fixed > 0 && !ra->ra_root) {
		strbuf_printf(err, "state_dir %s: %lu file%s belong%s to root: "
		    "start nefmilter as root once, or chown -R %s: %s\n", dir,
		    w.w_fixed, w.w_fixed == 1 ? "" : "s",
		    w.w_fixed == 1 ? "s" : "", ra->ra_user, dir);
		return -1;
	}
	if (w.w_fixed > 0 && check)
		strbuf_printf(warn, "state_dir %s: %lu file%s of the store "
		    "belong%s to root: at start they are given to %s\n", dir,
		    w.w_fixed, w.w_fixed == 1 ? "" : "s",
		    w.w_fixed == 1 ? "s" : "", ra->ra_user);
	else if (w.w_fixed > 0)
		strbuf_printf(notes, "state_dir %s: %lu file%s of the store "
		    "belonged to root and now belong%s to %s\n", dir,
		    w.w_fixed, w.w_fixed == 1 ? "" : "s",
		    w.w_fixed == 1 ? "s" : "", ra->ra_user);
	return 0;
}
