/*
 * NAME
 *	smconf 3 - the local Sendmail's RunAsUser and nefmilter's socket
 * SYNOPSIS
 *	#include "smconf.h"
 *
 *	n = smconf_check(cfg, spec, warn, arg);
 * DESCRIPTION
 *	See smconf.h.  The file is read whole, up to SM_FILE_MAX bytes (a
 *	sendmail.cf is some 100 KB); users and groups, by name or number,
 *	through getpwnam_r(3) and getgrnam_r(3); a supplementary member
 *	of the socket's group is one its gr_mem lists, which is how
 *	Sendmail's own check at start-up finds it.  The judgment is
 *	smcf_reach()'s.
 * DIAGNOSTICS
 *	One warning per problem: a file that exists but cannot be read, a
 *	RunAsUser or group that does not exist here, a RunAsUser that may
 *	not open the socket (with the socket's owner, group and mode and
 *	what to change).
 */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "smcf.h"
#include "smconf.h"

#define SM_FILE_MAX	(4 * 1024 * 1024)

struct sm_who {
	unsigned long	 w_uid, w_gid;
	char		 w_name[SOCKPERM_NAME_MAX];	/* "" when unknown */
	char		 w_gname[SOCKPERM_NAME_MAX];
};

static int	 sm_read(const char *, char **, size_t *);
static int	 sm_number(const char *, unsigned long *);
static int	 sm_runas(const struct smcf *, struct sm_who *, char *, size_t);
static void	 sm_group_name(unsigned long, char *, size_t);
static int	 sm_member(const char *, unsigned long);
static void	 sm_why(enum smcf_reach, const struct cfg *, const char *,
		    const struct sm_who *, char *, size_t);

/* The whole file into *text (malloc'd).  0; 1 when it does not exist;
 * -1 (errno) when it cannot be read. */
static int
sm_read(const char *path, char **text, size_t *len)
{
	FILE	*fp;
	char	*buf;
	size_t	 n;

	*text = NULL;
	if ((fp = fopen(path, "r")) == NULL)
		return errno == ENOENT ? 1 : -1;
	if ((buf = malloc(SM_FILE_MAX)) == NULL) {
		fclose(fp);
		errno = ENOMEM;
		return -1;
	}
	n = fread(buf, 1, SM_FILE_MAX, fp);
	if (ferror(fp)) {
		fclose(fp);
		free(buf);
		errno = EIO;
		return -1;
	}
	fclose(fp);
	*text = buf;
	*len = n;
	return 0;
}

/* A decimal number, the whole string.  0 or -1. */
static int
sm_number(const char *s, unsigned long *out)
{
	char	*end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	*out = strtoul(s, &end, 10);
	return errno == 0 && *end == '\0' ? 0 : -1;
}

static void
sm_group_name(unsigned long gid, char *buf, size_t size)
{
	struct group	 gr, *res = NULL;
	char		 tmp[4096];

	if (getgrgid_r((gid_t)gid, &gr, tmp, sizeof(tmp), &res) == 0 &&
	    res != NULL)
		snprintf(buf, size, "%s", gr.gr_name);
	else
		snprintf(buf, size, "%lu", gid);
}

/*
 * Who Sendmail runs as: RunAsUser's uid and its one group (the group
 * given, else the user's primary group; a bare number has group 0, as
 * Sendmail looks nothing up for it).  0, or -1 with why.
 */
static int
sm_runas(const struct smcf *sc, struct sm_who *w, char *why, size_t size)
{
	struct passwd	 pw, *pres = NULL;
	struct group	 gr, *gres = NULL;
	char		 tmp[4096];

	w->w_gid = 0;
	w->w_name[0] = '\0';
	if (sm_number(sc->sc_runas_user, &w->w_uid) == 0) {
		if (getpwuid_r((uid_t)w->w_uid, &pw, tmp, sizeof(tmp), &pres) == 0 &&
		    pres != NULL)
			snprintf(w->w_name, sizeof(w->w_name), "%s", pw.pw_name);
	} else {
		if (getpwnam_r(sc->sc_runas_user, &pw, tmp, sizeof(tmp),
		    &pres) != 0 || pres == NULL) {
			snprintf(why, size, "its RunAsUser %s is no user here",
			    sc->sc_runas_user);
			return -1;
		}
		w->w_uid = pw.pw_uid;
		w->w_gid = pw.pw_gid;
		snprintf(w->w_name, sizeof(w->w_name), "%s", pw.pw_name);
	}
	if (sc->sc_runas_group[0] != '\0' &&
	    sm_number(sc->sc_runas_group, &w->w_gid) != 0) {
		if (getgrnam_r(sc->sc_runas_group, &gr, tmp, sizeof(tmp),
		    &gres) != 0 || gres == NULL) {
			snprintf(why, size, "the group %s of its RunAsUser is no "
			    "group here", sc->sc_runas_group);
			return -1;
		}
		w->w_gid = gr.gr_gid;
	}
	sm_group_name(w->w_gid, w->w_gname, sizeof(w->w_gname));
	return 0;
}

/* Is user listed as a member of group gid? */
static int
sm_member(const char *user, unsigned long gid)
{
	struct group	 gr, *res = NULL;
	char		 tmp[16384];
	size_t		 i;

	if (getgrgid_r((gid_t)gid, &gr, tmp, sizeof(tmp), &res) != 0 ||
	    res == NULL)
		return 0;
	for (i = 0; gr.gr_mem[i] != NULL; i++)
		if (strcmp(gr.gr_mem[i], user) == 0)
			return 1;
	return 0;
}

/* "which ...: ...; set ...": why w may not open the socket, what
 * follows, and what to change, appended to line. */
static void
sm_why(enum smcf_reach r, const struct cfg *cf, const char *gname,
    const struct sm_who *w, char *line, size_t size)
{
	size_t			 n = strlen(line);
	unsigned long long	 mode = (unsigned long long)cf->cf_socket_mode;
	int			 other = r == SMCF_NO_OTHER || r == SMCF_NO_MEMBER;

	if (r == SMCF_NO_OWNER)
		snprintf(line + n, size - n, "which owns the socket, but "
		    "socket_mode %04llo gives the owner no read and write "
		    "permission", mode);
	else if (r == SMCF_NO_GROUP)
		snprintf(line + n, size - n, "which is of socket_group %s, but "
		    "socket_mode %04llo gives the group no read and write "
		    "permission", gname, mode);
	else if (r == SMCF_NO_MEMBER)
		snprintf(line + n, size - n, "which is of socket_group %s only as "
		    "a supplementary group, and Sendmail drops those", gname);
	else
		snprintf(line + n, size - n, "which is neither the socket's owner "
		    "(%s) nor of socket_group %s, and socket_mode %04llo lets no "
		    "one else write", cf->cf_user, gname, mode);
	n = strlen(line);
	snprintf(line + n, size - n, ": Sendmail %s; set %s%s%s%s",
	    r == SMCF_NO_MEMBER ? "starts, but every session fails to connect "
	    "(\"error connecting to filter: Permission denied\") and its mail "
	    "is tempfailed (F=T) or passes unfiltered" : "will find the socket unsafe (Permission "
	    "denied) and not start",
	    other ? "socket_group = " : "socket_mode = 0660",
	    other ? w->w_gname : "",
	    other ? ", or give Sendmail a RunAsUser of group " : "",
	    other ? gname : "");
}

int
smconf_check(const struct cfg *cf, const char *spec, sockperm_say_fn warn,
    void *arg)
{
	const char		*path = sockperm_path(spec), *file = cf->cf_sendmail_cf;
	struct passwd		 pw, *pres = NULL;
	char			*text, line[1536], why[256], tmp[4096];
	char			 gname[SOCKPERM_NAME_MAX];
	struct smcf		*sc;
	struct sm_who		 w;
	enum smcf_reach		 r;
	unsigned long		 owner = (unsigned long)geteuid();
	gid_t			 gid, fallback = getegid();
	size_t			 len;
	long			 i;
	int			 rc;

	if (path == NULL || file == NULL || file[0] == '\0')
		return 0;
	if ((rc = sm_read(file, &text, &len)) != 0) {
		if (rc < 0) {
			snprintf(line, sizeof(line), "sendmail_cf %s cannot be "
			    "read: %s", file, strerror(errno));
			warn(arg, line);
		}
		return rc < 0;
	}
	if ((sc = malloc(sizeof(*sc))) == NULL) {
		free(text);
		return 0;
	}
	smcf_parse(text, len, sc);
	free(text);
	rc = 0;
	if ((i = smcf_find(sc, path)) < 0 || !sc->sc_has_runas ||
	    sc->sc_runas_user[0] == '\0')
		goto out;
	snprintf(line, sizeof(line), "%s: its milter X%s names this socket",
	    file, sc->sc_milters[i].sm_name);
	if (sm_runas(sc, &w, why, sizeof(why)) != 0) {
		snprintf(line + strlen(line), sizeof(line) - strlen(line),
		    ": %s", why);
		warn(arg, line);
		rc = 1;
		goto out;
	}
	if (getpwnam_r(cf->cf_user, &pw, tmp, sizeof(tmp), &pres) == 0 &&
	    pres != NULL) {
		owner = pw.pw_uid;
		fallback = pw.pw_gid;
	}
	if (sockperm_group(cf->cf_socket_group, fallback, &gid, gname,
	    sizeof(gname)) != 0)
		goto out;	/* said by sockperm_check() */
	r = smcf_reach(w.w_uid, w.w_gid, owner, (unsigned long)gid,
	    (unsigned)cf->cf_socket_mode, sc->sc_runas_group[0] == '\0' &&
	    sm_member(w.w_name, (unsigned long)gid));
	if (smcf_reach_ok(r))
		goto out;
	snprintf(line + strlen(line), sizeof(line) - strlen(line), ": Sendmail "
	    "opens the socket as RunAsUser %s (group %s), ", sc->sc_runas_user,
	    w.w_gname);
	sm_why(r, cf, gname, &w, line, sizeof(line));
	warn(arg, line);
	rc = 1;
out:
	free(sc);
	return rc;
}
