/*
 * NAME
 *	startup 3 - the checks before nefmilter detaches
 * SYNOPSIS
 *	#include "startup.h"
 * DESCRIPTION
 *	See startup.h.  The steps, in order: the user (runas.c), the state
 *	directory (statedir.c), log_socket, the pid file (pidfile.c), the
 *	socket (msock.c), then in the serving process the pid, root given
 *	up, log_socket as the user, and the store (pipeline_start()).  Each
 *	step reports all it finds before the next one runs; a step that
 *	needs the user is skipped when the user is unknown, and one that
 *	takes something (a lock, the socket) is replaced by its check when
 *	an earlier step failed, so that one run names every problem.
 * DIAGNOSTICS
 *	Lines go to the log and, during start-up, to standard error too.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cfgcheck.h"
#include "log.h"
#include "msock.h"
#include "pfconf.h"
#include "pidfile.h"
#include "pipeline.h"
#include "smconf.h"
#include "sockperm.h"
#include "startup.h"
#include "statedir.h"
#include "store.h"
#include "strbuf.h"

static void	su_hook(enum log_level, const char *, void *);
static void	su_lines(enum log_level, struct strbuf *);
static void	su_warn(void *, const char *);
static void	su_log_socket(const struct cfg *, int as_user);
static int	su_pid_check(const struct cfg *, pid_t *holder);
static void	su_pid_removable(const struct cfg *);
static int	su_dir_exists(const char *);
static int	su_as_user(const struct cfg *, const char *spec);
static int	su_store_check(const struct cfg *);

/* During start-up, errors and warnings are on standard error too. */
static void
su_hook(enum log_level lvl, const char *line, void *arg)
{
	(void)arg;
	if (lvl <= LOG_LVL_WARN)
		fprintf(stderr, "nefmilter: %s: %s\n", lvl == LOG_LVL_ERR ?
		    "error" : "warning", line);
}

/* Log each line of sb (then empty it). */
static void
su_lines(enum log_level lvl, struct strbuf *sb)
{
	const char	*s = strbuf_str(sb), *nl;

	for (; *s != '\0'; s = *nl ? nl + 1 : nl) {
		nl = s + strcspn(s, "\n");
		if (nl > s)
			log_msg(lvl, NULL, "%.*s", (int)(nl - s), s);
	}
	strbuf_reset(sb);
}

static void
su_warn(void *arg, const char *line)
{
	(void)arg;
	log_warn(NULL, "%s", line);
}

/* Can lines reach log_socket?  Warnings only: postlogd makes its socket
 * when Postfix starts, which may be after nefmilter. */
static void
su_log_socket(const struct cfg *cf, int as_user)
{
	struct stat	st;
	const char	*p = cf->cf_log_socket;

	if (*p == '\0')
		return;
	if (!as_user && stat(p, &st) != 0)
		log_warn(NULL, "log_socket %s: %s: nefmilter's lines are lost "
		    "until it exists (Postfix's postlogd makes it when Postfix "
		    "starts)", p, strerror(errno));
	else if (!as_user && !S_ISSOCK(st.st_mode))
		log_warn(NULL, "log_socket %s is not a socket", p);
	else if (as_user && access(p, W_OK) != 0 && errno != ENOENT)
		log_warn(NULL, "log_socket %s: %s for user %s: nefmilter's lines "
		    "are lost (add %s to the socket's group, postdrop for "
		    "Postfix's postlog)", p, strerror(errno), cf->cf_user,
		    cf->cf_user);
}

/* Is a nefmilter running on this pid file?  And could a start take it? */
static int
su_pid_check(const struct cfg *cf, pid_t *holder)
{
	struct strbuf	err = STRBUF_INIT;
	int		rc = 0;

	*holder = 0;
	if (*cf->cf_pid_file == '\0')
		return 0;
	if (pidfile_held(cf->cf_pid_file, holder))
		return 1;
	if (pidfile_check(cf->cf_pid_file, &err) != 0) {
		log_err(NULL, "%s", strbuf_str(&err));
		rc = -1;
	}
	strbuf_free(&err);
	return rc;
}

/* The pid file would stay behind at stop: its directory is not the
 * user's to write in (called as the user). */
static void
su_pid_removable(const struct cfg *cf)
{
	char	dir[4096];

	if (*cf->cf_pid_file == '\0' || runas_dirname(cf->cf_pid_file, dir,
	    sizeof(dir)) != 0 || access(dir, F_OK) != 0 ||
	    pidfile_removable(cf->cf_pid_file))
		return;
	log_warn(NULL, "pid file %s cannot be removed when nefmilter "
	    "stops: its directory is not writable by user %s (give the "
	    "directory to %s, as the systemd unit's RuntimeDirectory "
	    "and contrib/systemd/nefmilter.tmpfiles do)",
	    cf->cf_pid_file, cf->cf_user, cf->cf_user);
}

/* Does the directory of path exist?  (path may be NULL: no.) */
static int
su_dir_exists(const char *path)
{
	char	dir[4096];

	return path != NULL && *path == '/' && runas_dirname(path, dir,
	    sizeof(dir)) == 0 && access(dir, F_OK) == 0;
}

/*
 * Called as the user, after a check as root that found the pid file and
 * the socket fine: would a start as the user (as the systemd unit starts
 * it) fail on them?  Directories still to be made are left out (systemd
 * and tmpfiles.d make them for the unit).  Warnings, each in the start's
 * own words; 1 when the pid file's was one.
 */
static int
su_as_user(const struct cfg *cf, const char *spec)
{
	struct strbuf	 err = STRBUF_INIT, notes = STRBUF_INIT;
	const char	*s, *nl;
	int		 pidbad = 0;

	if (su_dir_exists(cf->cf_pid_file) &&
	    pidfile_check(cf->cf_pid_file, &err) != 0) {
		strbuf_putc(&err, '\n');
		pidbad = 1;
	}
	if (su_dir_exists(sockperm_path(spec)))
		(void)msock_check(spec, &err, &notes);
	for (s = strbuf_str(&err); *s != '\0'; s = *nl ? nl + 1 : nl) {
		nl = s + strcspn(s, "\n");
		if (nl > s)
			log_warn(NULL, "started as user %s (as the systemd unit "
			    "starts it), nefmilter would not start: %.*s",
			    cf->cf_user, (int)(nl - s), s);
	}
	strbuf_free(&err);
	strbuf_free(&notes);
	return pidbad;
}

/* As the user: the store opens, when there is one.  0 or -1. */
static int
su_store_check(const struct cfg *cf)
{
	struct store_opts	 so;
	struct store		*st = NULL;
	int			 rc;

	store_opts_from_cfg(&so, cf);
	so.so_create = 0;
	if ((rc = store_open(&so, &st)) == STORE_OK) {
		store_close(st);
		return 0;
	}
	if (rc == STORE_ENOSTORE)	/* made at the first start */
		return 0;
	log_err(NULL, "cannot open the store in %s as user %s: %s",
	    cf->cf_state_dir, cf->cf_user, store_strerror(rc));
	return -1;
}

int
startup_config(const char *path, struct cfg **out, struct strbuf *err)
{
	int	bad;

	bad = cfg_load_all(path, out, err) != 0;
	if (*out != NULL && pipeline_check_cfg(*out, err) != 0)
		bad = 1;
	if (!bad)
		return 0;
	cfgcheck_sort(err);
	if (*out != NULL)
		*out = cfg_unref(*out);
	return -1;
}

int
startup_check(const struct cfg *cf, const char *spec)
{
	struct strbuf	 err = STRBUF_INIT, warn = STRBUF_INIT, notes = STRBUF_INIT;
	struct runas	 ra;
	pid_t		 holder;
	int		 bad = 0, have_ra, rc, sock_ok;

	/* Silent when all is well: what a start would merely do (create a
	 * directory, replace a stale socket) is not said. */
	have_ra = runas_resolve(cf->cf_user, &ra, &err) == 0;
	bad |= !have_ra;
	su_lines(LOG_LVL_ERR, &err);
	if (statedir_prepare(cf->cf_state_dir, have_ra ? &ra : NULL, 1, &err,
	    &warn, &notes) != 0)
		bad = 1;
	su_lines(LOG_LVL_ERR, &err);
	su_lines(LOG_LVL_WARN, &warn);
	su_log_socket(cf, 0);
	if ((rc = su_pid_check(cf, &holder)) < 0)
		bad = 1;
	switch ((sock_ok = msock_check(spec, &err, &notes))) {
	case 0:
		break;
	case 1:
		if (rc > 0) {	/* the running nefmilter's */
			strbuf_reset(&err);
			break;
		}
		/* FALLTHROUGH */
	default:
		bad = 1;
	}
	su_lines(LOG_LVL_ERR, &err);
	if (sockperm_check(spec, cf->cf_socket_group, cf->cf_user, su_warn,
	    NULL) < 0) {
		log_err(NULL, "socket_group \"%s\" does not exist",
		    cf->cf_socket_group);
		bad = 1;
	}
	(void)pfconf_check(spec, su_warn, NULL, NULL);
	(void)smconf_check(cf, spec, su_warn, NULL);
	if (have_ra && runas_drop(&ra, &err) == 0) {
		if (ra.ra_root && !(rc == 0 && sock_ok == 0 &&
		    su_as_user(cf, spec)))
			su_pid_removable(cf);
		su_log_socket(cf, 1);
		if (su_store_check(cf) != 0)
			bad = 1;
	} else if (have_ra)
		bad = 1;
	su_lines(LOG_LVL_ERR, &err);
	strbuf_free(&err);
	strbuf_free(&warn);
	strbuf_free(&notes);
	return bad;
}

int
startup_prepare(const struct cfg *cf, const char *spec, struct startup *su)
{
	struct strbuf	 err = STRBUF_INIT, notes = STRBUF_INIT;
	pid_t		 holder = 0;
	int		 bad = 0, running = 0, rc;

	memset(su, 0, sizeof(*su));
	if (runas_resolve(cf->cf_user, &su->su_ra, &err) != 0)
		bad = 1;
	su_lines(LOG_LVL_ERR, &err);
	if (statedir_prepare(cf->cf_state_dir, bad ? NULL : &su->su_ra,
	    bad, &err, &notes, &notes) != 0)
		bad = 1;
	su_lines(LOG_LVL_ERR, &err);
	su_lines(LOG_LVL_NOTICE, &notes);
	su_log_socket(cf, 0);
	if (bad) {
		/* Nothing is taken: the checks alone, for the whole story. */
		if (su_pid_check(cf, &holder) > 0)
			running = 1;
		if (msock_check(spec, &err, &notes) == 1)
			running = 1;
		su_lines(LOG_LVL_ERR, &err);
		strbuf_free(&err);
		strbuf_free(&notes);
		return running ? STARTUP_RUNNING : 1;
	}
	if (*cf->cf_pid_file != '\0') {
		rc = pidfile_lock(cf->cf_pid_file, su->su_ra.ra_uid,
		    su->su_ra.ra_gid, &su->su_pid, &holder, &err);
		if (rc == 1) {
			log_err(NULL, "nefmilter is already running (pid %ld, "
			    "pid file %s)", (long)holder, cf->cf_pid_file);
			running = 1;
		} else if (rc < 0) {
			strbuf_putc(&err, '\n');
			bad = 1;
		}
		su_lines(LOG_LVL_ERR, &err);
	}
	if (!running && !bad) {
		rc = msock_open(cf, spec, &su->su_ra, &su->su_sock, &err, &notes);
		if (rc == 1)
			running = 1;
		else if (rc < 0)
			bad = 1;
		su_lines(LOG_LVL_ERR, &err);
		su_lines(LOG_LVL_WARN, &notes);
	}
	strbuf_free(&err);
	strbuf_free(&notes);
	if (running || bad) {
		startup_release(su);
		return running ? STARTUP_RUNNING : 1;
	}
	return 0;
}

int
startup_finish(const struct cfg *cf, struct startup *su)
{
	struct strbuf	err = STRBUF_INIT;
	int		bad = 0;

	if (su->su_pid != NULL && pidfile_write(su->su_pid, &err) != 0)
		bad = 1;
	else if (runas_drop(&su->su_ra, &err) != 0)
		bad = 1;
	strbuf_putc(&err, '\n');
	su_lines(LOG_LVL_ERR, &err);
	strbuf_free(&err);
	if (bad)
		return 1;
	if (su->su_pid != NULL)
		su_pid_removable(cf);
	su_log_socket(cf, 1);
	if (pipeline_start(cf) != 0) {
		log_err(NULL, "start-up failed: the store in %s could not be "
		    "opened as user %s", cf->cf_state_dir, cf->cf_user);
		return 1;
	}
	return 0;
}

void
startup_loud(void)
{
	log_set_hook(su_hook, NULL);
}

void
startup_poke(const struct startup *su)
{
	msock_poke(su->su_sock);
}

void
startup_quiet(void)
{
	log_set_hook(NULL, NULL);
}

void
startup_release(struct startup *su)
{
	su->su_sock = msock_close(su->su_sock);
	su->su_pid = pidfile_close(su->su_pid);
}

void
startup_forget(struct startup *su)
{
	su->su_sock = msock_forget(su->su_sock);
	su->su_pid = pidfile_forget(su->su_pid);
}
