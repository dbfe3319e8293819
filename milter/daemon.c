/*
 * NAME
 *	daemon 3 - nefmilter as a service
 * SYNOPSIS
 *	#include "daemon.h"
 * DESCRIPTION
 *	See daemon.h.  The reload thread waits for SIGUSR1 with sigwait(),
 *	parses the file outside any lock and installs the new snapshot; a
 *	file with errors leaves the running configuration in place.  Settings
 *	that shape the process itself (socket, user, state_dir, pid_file)
 *	take effect at the next start; a reload that changes them says so.
 * DIAGNOSTICS
 *	Start-up problems are printed on standard error (and logged) and
 *	daemon_run() returns 1; after start-up every problem is logged.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "callbacks.h"
#include "cfg.h"
#include "daemon.h"
#include "log.h"
#include "pipeline.h"
#include "session.h"
#include "sockperm.h"
#include "strbuf.h"
#include "text.h"

static const char	*dmn_conf_path;
static volatile int	 dmn_stopping;

static int	dmn_user(const char *, uid_t *, gid_t *);
static int	dmn_mkdir(const char *, mode_t, uid_t, gid_t);
static int	dmn_parent_dir(const char *, char *, size_t);
static int	dmn_socket(const struct cfg *, const char *, uid_t, gid_t);
static void	dmn_sock_warn(void *, const char *);
static void	dmn_sock_note(void *, const char *);
static int	dmn_pidfile(const char *, uid_t, gid_t);
static int	dmn_drop(uid_t, gid_t, const char *);
static int	dmn_detach(void);
static void	*dmn_reload_thread(void *);
static void	dmn_reload(void);
static void	dmn_say(const char *, ...) __attribute__((format(printf, 1, 2)));

static void
dmn_say(const char *fmt, ...)
{
	char	buf[1024];
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fprintf(stderr, "nefmilter: %s\n", buf);
	log_err(NULL, "%s", buf);
}

/* A socket problem found at start-up: a warning in the log. */
static void
dmn_sock_warn(void *arg, const char *line)
{
	(void)arg;
	log_warn(NULL, "%s", line);
}

/* What matters under Sendmail only: a notice line. */
static void
dmn_sock_note(void *arg, const char *line)
{
	(void)arg;
	log_notice(NULL, "%s", line);
}

static int
dmn_user(const char *name, uid_t *uid, gid_t *gid)
{
	struct passwd	 pw, *res = NULL;
	char		 buf[4096];

	*uid = geteuid();
	*gid = getegid();
	if (geteuid() != 0)
		return 0;	/* not root: run as ourselves */
	if (getpwnam_r(name, &pw, buf, sizeof(buf), &res) != 0 || res == NULL) {
		dmn_say("user \"%s\" does not exist: create it (see INSTALL) "
		    "or set \"user\" in the configuration", name);
		return -1;
	}
	if (pw.pw_uid == 0) {
		dmn_say("user \"%s\" is root; nefmilter does not run as root",
		    name);
		return -1;
	}
	*uid = pw.pw_uid;
	*gid = pw.pw_gid;
	return 0;
}

/* mkdir -p the last component only (parents must exist); fix owner. */
static int
dmn_mkdir(const char *dir, mode_t mode, uid_t uid, gid_t gid)
{
	struct stat	st;

	if (mkdir(dir, mode) != 0 && errno != EEXIST) {
		dmn_say("cannot create %s: %s", dir, strerror(errno));
		return -1;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		dmn_say("%s is not a directory", dir);
		return -1;
	}
	if (geteuid() == 0 && (st.st_uid != uid) && chown(dir, uid, gid) != 0) {
		dmn_say("cannot chown %s: %s", dir, strerror(errno));
		return -1;
	}
	return 0;
}

static int
dmn_parent_dir(const char *path, char *buf, size_t size)
{
	char	*slash;

	if (text_strlcpy(buf, path, size) >= size)
		return -1;
	if ((slash = strrchr(buf, '/')) == NULL || slash == buf)
		return -1;
	*slash = '\0';
	return 0;
}

/* Open the milter socket; a unix socket gets socket_group and socket_mode
 * (sockperm.h), and is checked for what would keep the MTA out. */
static int
dmn_socket(const struct cfg *cfg, const char *spec, uid_t uid, gid_t gid)
{
	char		 dir[512], gname[SOCKPERM_NAME_MAX], err[600];
	const char	*path = sockperm_path(spec);
	mode_t		 mode = (mode_t)cfg->cf_socket_mode;
	gid_t		 sgid;

	if (path != NULL && sockperm_group(cfg->cf_socket_group, gid, &sgid,
	    gname, sizeof(gname)) != 0) {
		dmn_say("socket_group \"%s\" does not exist", cfg->cf_socket_group);
		return -1;
	}
	if (path != NULL && dmn_parent_dir(path, dir, sizeof(dir)) == 0 &&
	    access(dir, F_OK) != 0 && dmn_mkdir(dir, 0755, uid, gid) != 0)
		return -1;
	umask(0777 & ~mode);
	if (callbacks_listen(spec) != 0) {
		dmn_say("cannot listen on \"%s\" (libmilter syntax: "
		    "unix:PATH or inet:PORT@HOST)", spec);
		return -1;
	}
	umask(0077);
	if (path == NULL)
		return 0;
	if (sockperm_apply(path, uid, sgid, mode, err, sizeof(err)) != 0) {
		dmn_say("%s", err);
		return -1;
	}
	(void)sockperm_reach(path, sgid, 1, dmn_sock_warn, NULL);
	(void)sockperm_sendmail(path, dmn_sock_note, NULL);
	log_info(NULL, "milter socket %s", sockperm_describe(path, err,
	    sizeof(err)));
	return 0;
}

static int
dmn_pidfile(const char *path, uid_t uid, gid_t gid)
{
	char	dir[512], buf[32];
	int	fd, n;

	if (path == NULL || *path == '\0')
		return 0;
	if (dmn_parent_dir(path, dir, sizeof(dir)) == 0 &&
	    access(dir, F_OK) != 0 && dmn_mkdir(dir, 0755, uid, gid) != 0)
		return -1;
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644)) < 0) {
		dmn_say("cannot write pid file %s: %s", path, strerror(errno));
		return -1;
	}
	n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
	if (write(fd, buf, (size_t)n) != n) {
		dmn_say("cannot write pid file %s", path);
		close(fd);
		return -1;
	}
	fchmod(fd, 0644);
	if (geteuid() == 0 && fchown(fd, uid, gid) != 0)
		log_warn(NULL, "cannot chown %s: %s", path, strerror(errno));
	close(fd);
	return 0;
}

static int
dmn_drop(uid_t uid, gid_t gid, const char *name)
{
	if (geteuid() != 0)
		return 0;
	if (initgroups(name, gid) != 0 || setgid(gid) != 0 || setuid(uid) != 0) {
		dmn_say("cannot drop root for user %s: %s", name, strerror(errno));
		return -1;
	}
	if (setuid(0) == 0) {
		dmn_say("still able to regain root after dropping it; stopping");
		return -1;
	}
	return 0;
}

static int
dmn_detach(void)
{
	pid_t	pid;
	int	fd;

	if ((pid = fork()) < 0)
		return -1;
	if (pid > 0)
		_exit(0);
	if (setsid() < 0)
		return -1;
	if ((pid = fork()) < 0)
		return -1;
	if (pid > 0)
		_exit(0);
	if (chdir("/") != 0)
		return -1;
	if ((fd = open("/dev/null", O_RDWR)) >= 0) {
		dup2(fd, 0);
		dup2(fd, 1);
		dup2(fd, 2);
		if (fd > 2)
			close(fd);
	}
	return 0;
}

static void
dmn_reload(void)
{
	struct cfg	*nc, *oc;
	struct strbuf	 err = STRBUF_INIT;
	char		*s;

	if (dmn_conf_path == NULL) {
		log_notice(NULL, "SIGUSR1: no configuration file; built-in "
		    "defaults stay in effect");
		return;
	}
	if (cfg_load(dmn_conf_path, &nc, &err) != 0 ||
	    pipeline_check_cfg(nc, &err) != 0) {
		/* one log line: the errors come one per line */
		for (s = err.sb_s; s != NULL && *s != '\0'; s++)
			if (*s == '\n')
				*s = s[1] != '\0' ? ' ' : '\0';
		log_err(NULL, "reload of %s failed; the configuration in "
		    "effect is kept: %s", dmn_conf_path, strbuf_str(&err));
		if (nc != NULL)
			cfg_unref(nc);
		strbuf_free(&err);
		return;
	}
	strbuf_free(&err);
	oc = cfg_current();
	if (oc != NULL && (strcmp(oc->cf_socket, nc->cf_socket) ||
	    strcmp(oc->cf_user, nc->cf_user) ||
	    strcmp(oc->cf_state_dir, nc->cf_state_dir)))
		log_warn(NULL, "reload: socket, user and state_dir take effect "
		    "at the next start");
	cfg_unref(oc);
	log_set_debug(nc->cf_debug);
	log_set_host(nc->cf_log_hostname);
	cfg_install(nc);
	log_notice(NULL, "configuration reloaded from %s", dmn_conf_path);
}

static void *
dmn_reload_thread(void *arg)
{
	sigset_t	set;
	int		sig;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	while (!dmn_stopping) {
		if (sigwait(&set, &sig) != 0)
			continue;
		if (sig == SIGUSR1 && !dmn_stopping)
			dmn_reload();
	}
	return NULL;
}

int
daemon_run(struct cfg *cfg, const struct daemon_opts *o)
{
	sigset_t	 set;
	pthread_t	 tid;
	uid_t		 uid;
	gid_t		 gid;
	const char	*sock = o->do_socket ? o->do_socket : cfg->cf_socket;
	int		 rc;

	dmn_conf_path = o->do_conf_path;
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);

	if (*cfg->cf_log_socket)
		log_open("nefmilter", LOG_SINK_SOCKET, cfg->cf_log_socket);
	else if (!o->do_foreground)
		log_open("nefmilter", LOG_SINK_SYSLOG, NULL);
	log_set_host(cfg->cf_log_hostname);
	log_set_debug(cfg->cf_debug);

	if (dmn_user(cfg->cf_user, &uid, &gid) != 0)
		goto fail;
	if (!o->do_foreground && dmn_detach() != 0) {
		dmn_say("cannot detach: %s", strerror(errno));
		goto fail;
	}
	if (dmn_mkdir(cfg->cf_state_dir, 0700, uid, gid) != 0 ||
	    dmn_socket(cfg, sock, uid, gid) != 0 ||
	    dmn_pidfile(cfg->cf_pid_file, uid, gid) != 0 ||
	    dmn_drop(uid, gid, cfg->cf_user) != 0)
		goto fail;
	if (pipeline_start(cfg) != 0) {
		dmn_say("start-up failed; see the lines above");
		goto fail;
	}
	cfg_install(cfg);
	session_set_eom(pipeline_eom);
	if (pipeline_maintain() != 0)
		return 1;
	if ((rc = pthread_create(&tid, NULL, dmn_reload_thread, NULL)) != 0) {
		dmn_say("cannot start the reload thread: %s", strerror(rc));
		return 1;
	}
	pthread_detach(tid);
	log_notice(NULL, "nefmilter %s starting on %s as %s", NEF_VERSION,
	    sock, cfg->cf_user);
	rc = callbacks_main();
	dmn_stopping = 1;
	log_notice(NULL, "nefmilter stopping");
	pipeline_stop();
	cfg = cfg_current();
	if (cfg != NULL && *cfg->cf_pid_file)
		unlink(cfg->cf_pid_file);
	cfg_unref(cfg);
	cfg_install(NULL);
	return rc == 0 ? 0 : 1;
fail:
	cfg_unref(cfg);
	return 1;
}
