/*
 * NAME
 *	daemon 3 - nefmilter as a service
 * SYNOPSIS
 *	#include "daemon.h"
 * DESCRIPTION
 *	See daemon.h.  smfi_main() runs in a thread of its own; the main
 *	thread waits for the signals (dmn_signals()).  A reload parses the
 *	file outside any lock and installs the new snapshot; a file with
 *	errors leaves the running configuration in place.  Settings
 *	that shape the process itself (socket, user, state_dir, pid_file)
 *	take effect at the next start; a reload that changes them says so.
 *
 *	Detaching: the process started forks; the child starts a session and
 *	forks the daemon, which reports through a pipe once it is ready (pid
 *	written, root given up, store open) or why it is not.  Until then it
 *	still writes to the caller's standard error, and the process started
 *	waits, so that its exit status is the start's.  A service manager
 *	that reads the pid file (Type=forking) finds it written.
 * DIAGNOSTICS
 *	Start-up problems are printed on standard error (and logged) and
 *	daemon_run() returns 1, or 3 when another nefmilter holds the pid
 *	file or the socket; after start-up every problem is logged.
 */
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "callbacks.h"
#include "cfg.h"
#include "daemon.h"
#include "log.h"
#include "pipeline.h"
#include "session.h"
#include "startup.h"
#include "strbuf.h"

static const char	*dmn_conf_path;
static _Atomic int	 dmn_milter_done;

static int	dmn_detach(int *ready_fd, int *status);
static void	dmn_ready(int fd, int status);
static void	*dmn_milter_thread(void *);
static void	*dmn_stop_thread(void *);
static void	dmn_signals(struct startup *);
static void	dmn_reload(void);
static void	dmn_reload_warn(const struct cfg *, const struct cfg *);
static int	dmn_serve(struct cfg *, const char *, struct startup *, int);

/*
 * Fork twice.  Returns 0 in the daemon (*ready_fd: where to report), 1 in
 * the process started once the daemon has reported (*status: its exit
 * status), -1 when fork fails.
 */
static int
dmn_detach(int *ready_fd, int *status)
{
	pid_t		pid;
	int		p[2], st;
	unsigned char	c;
	ssize_t		n;

	if (pipe2(p, O_CLOEXEC) != 0 || (pid = fork()) < 0)
		return -1;
	if (pid > 0) {
		close(p[1]);
		while ((n = read(p[0], &c, 1)) < 0 && errno == EINTR)
			;
		close(p[0]);
		(void)waitpid(pid, &st, 0);
		if (n != 1)
			fprintf(stderr, "nefmilter: the daemon ended during "
			    "start-up; see the log\n");
		*status = n == 1 ? c : 1;
		return 1;
	}
	close(p[0]);
	if (setsid() < 0 || (pid = fork()) < 0)
		_exit(1);
	if (pid > 0)
		_exit(0);
	if (chdir("/") != 0)
		return -1;
	*ready_fd = p[1];
	return 0;
}

/* Report to the process started and let go of its terminal. */
static void
dmn_ready(int fd, int status)
{
	unsigned char	c = (unsigned char)status;
	int		null;

	if (fd < 0)
		return;
	if (status == 0 && (null = open("/dev/null", O_RDWR)) >= 0) {
		dup2(null, 0);
		dup2(null, 1);
		dup2(null, 2);
		if (null > 2)
			close(null);
	}
	if (write(fd, &c, 1) != 1)
		log_warn(NULL, "cannot tell the starting process the start-up "
		    "status: %s", strerror(errno));
	close(fd);
}

/* Settings that shape the process itself wait for the next start. */
static void
dmn_reload_warn(const struct cfg *oc, const struct cfg *nc)
{
	static const struct { const char *name; size_t off; } keys[] = {
		{ "socket", offsetof(struct cfg, cf_socket) },
		{ "user", offsetof(struct cfg, cf_user) },
		{ "state_dir", offsetof(struct cfg, cf_state_dir) },
		{ "pid_file", offsetof(struct cfg, cf_pid_file) },
		{ "log_socket", offsetof(struct cfg, cf_log_socket) },
		{ "socket_group", offsetof(struct cfg, cf_socket_group) },
	};
	struct strbuf	changed = STRBUF_INIT;
	size_t		i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcmp(*(char *const *)(const void *)((const char *)oc +
		    keys[i].off), *(char *const *)(const void *)((const char *)nc +
		    keys[i].off)) != 0)
			strbuf_printf(&changed, "%s%s", changed.sb_len ? ", " : "",
			    keys[i].name);
	if (oc->cf_socket_mode != nc->cf_socket_mode)
		strbuf_printf(&changed, "%ssocket_mode", changed.sb_len ? ", " : "");
	if (oc->cf_log_socket_format != nc->cf_log_socket_format)
		strbuf_printf(&changed, "%slog_socket_format",
		    changed.sb_len ? ", " : "");
	if (changed.sb_len > 0)
		log_warn(NULL, "reload: %s changed; %s take%s effect at the next "
		    "start (restart nefmilter)", strbuf_str(&changed),
		    strchr(strbuf_str(&changed), ',') ? "they" : "it",
		    strchr(strbuf_str(&changed), ',') ? "" : "s");
	strbuf_free(&changed);
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
	if (startup_config(dmn_conf_path, &nc, &err) != 0) {
		/* one log line: the errors come one per line */
		for (s = err.sb_s; s != NULL && *s != '\0'; s++)
			if (*s == '\n')
				*s = s[1] != '\0' ? ' ' : '\0';
		log_err(NULL, "reload of %s failed; the configuration in "
		    "effect is kept: %s", dmn_conf_path, strbuf_str(&err));
		strbuf_free(&err);
		return;
	}
	strbuf_free(&err);
	if ((oc = cfg_current()) != NULL)
		dmn_reload_warn(oc, nc);
	cfg_unref(oc);
	log_set_debug(nc->cf_debug);
	log_set_host(nc->cf_log_hostname);
	cfg_install(nc);
	log_notice(NULL, "configuration reloaded from %s", dmn_conf_path);
}

/* libmilter's own thread: smfi_main() until it returns. */
static void *
dmn_milter_thread(void *arg)
{
	int	*rc = arg;

	*rc = callbacks_main();
	atomic_store(&dmn_milter_done, 1);
	kill(getpid(), SIGUSR2);	/* wakes the signal loop */
	return NULL;
}

static void *
dmn_stop_thread(void *arg)
{
	(void)arg;
	callbacks_stop();
	return NULL;
}

/*
 * The main thread waits for the signals.  SIGUSR1 reloads; SIGTERM,
 * SIGINT and SIGHUP stop: smfi_stop() (in a thread of its own: it waits
 * for the listener) and a connection to the socket now and then, which
 * ends the listener's poll, until libmilter is done.  Taking the signals
 * here, before libmilter's own signal thread does, is what makes a stop
 * prompt; should that thread take one, the stop merely waits for its
 * poll.
 */
static void
dmn_signals(struct startup *su)
{
	struct timespec	 tick = { 0, 50000000L };
	pthread_t	 tid;
	sigset_t	 set;
	int		 sig, i;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGHUP);
	while (!atomic_load(&dmn_milter_done)) {
		if (sigwait(&set, &sig) != 0)
			continue;
		if (sig == SIGUSR1)
			dmn_reload();
		if (sig != SIGTERM && sig != SIGINT && sig != SIGHUP)
			continue;
		log_notice(NULL, "%s: stopping", sig == SIGTERM ? "SIGTERM" :
		    sig == SIGINT ? "SIGINT" : "SIGHUP");
		if (pthread_create(&tid, NULL, dmn_stop_thread, NULL) == 0)
			pthread_detach(tid);
		for (i = 0; i < 200 && !atomic_load(&dmn_milter_done); i++) {
			nanosleep(&tick, NULL);
			startup_poke(su);
		}
		break;
	}
}

/* The serving process, from the end of start-up to the stop. */
static int
dmn_serve(struct cfg *cfg, const char *sock, struct startup *su, int ready_fd)
{
	pthread_t	tid;
	int		rc = -1;

	if (startup_finish(cfg, su) != 0) {
		startup_release(su);
		dmn_ready(ready_fd, 1);
		cfg_unref(cfg);
		return 1;
	}
	cfg_install(cfg);
	session_set_eom(pipeline_eom);
	if (pipeline_maintain() != 0 ||
	    pthread_create(&tid, NULL, dmn_milter_thread, &rc) != 0) {
		log_err(NULL, "cannot start the maintenance or milter thread");
		startup_release(su);
		dmn_ready(ready_fd, 1);
		return 1;
	}
	log_notice(NULL, "nefmilter %s starting on %s as %s", NEF_VERSION,
	    sock, cfg->cf_user);
	startup_quiet();
	dmn_ready(ready_fd, 0);
	dmn_signals(su);
	pthread_join(tid, NULL);
	log_notice(NULL, "nefmilter stopping");
	pipeline_stop();
	startup_release(su);
	cfg_install(NULL);
	return rc == 0 ? 0 : 1;
}

int
daemon_run(struct cfg *cfg, const struct daemon_opts *o)
{
	struct startup	 su;
	sigset_t	 set;
	const char	*sock = o->do_socket ? o->do_socket : cfg->cf_socket;
	int		 rc, ready_fd = -1, status;

	dmn_conf_path = o->do_conf_path;
	signal(SIGPIPE, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGHUP);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGUSR1);
	sigaddset(&set, SIGUSR2);
	pthread_sigmask(SIG_BLOCK, &set, NULL);

	if (*cfg->cf_log_socket) {
		log_open("nefmilter", LOG_SINK_SOCKET, cfg->cf_log_socket);
		log_set_format(cfg->cf_log_socket_format == LOG_FMT_SYSLOG ?
		    LOG_FMT_SYSLOG : LOG_FMT_POSTLOG);
	} else if (!o->do_foreground)
		log_open("nefmilter", LOG_SINK_SYSLOG, NULL);
	else
		log_open("nefmilter", LOG_SINK_STDERR, NULL);
	log_set_host(cfg->cf_log_hostname);
	log_set_debug(cfg->cf_debug);
	if (*cfg->cf_log_socket || !o->do_foreground)
		startup_loud();

	if ((rc = startup_prepare(cfg, sock, &su)) != 0) {
		cfg_unref(cfg);
		return rc;
	}
	if (!o->do_foreground) {
		if ((rc = dmn_detach(&ready_fd, &status)) < 0) {
			log_err(NULL, "cannot detach: %s", strerror(errno));
			startup_release(&su);
			cfg_unref(cfg);
			return 1;
		}
		if (rc == 1) {
			/* The process started: its status is the daemon's. */
			startup_forget(&su);
			cfg_unref(cfg);
			return status;
		}
	}
	return dmn_serve(cfg, sock, &su, ready_fd);
}
