/*
 * NAME
 *	log 3 - the milter's log lines
 * SYNOPSIS
 *	#include "log.h"
 * DESCRIPTION
 *	See log.h.  The socket sink sends one datagram per line.  In the
 *	postlog form it is the line Postfix's postlogd writes verbatim into
 *	maillog_file, the form of Postfix's own lines: "Mmm dd hh:mm:ss HOST
 *	IDENT[PID]: TEXT" (HOST is the first label of log_set_host's name).
 *	In the syslog form it is "<PRI>Mmm dd hh:mm:ss HOST IDENT[PID]: TEXT"
 *	(RFC 3164: PRI is facility mail times 8 plus the severity, the day
 *	of the month padded with a blank).  Either way errors and warnings
 *	start TEXT with "error: " and "warning: " as Postfix's lines do, and
 *	a line is cut below the 4096 bytes postlogd reads.  A send that
 *	fails falls back to standard error so that no line is lost
 *	silently.
 * DIAGNOSTICS
 *	log_open() returns 0, or -1 with errno set when the socket sink
 *	cannot be created.
 */
#include <sys/socket.h>
#include <sys/un.h>

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "text.h"

/* postlogd cuts a datagram at 4096 bytes. */
#define LOG_DGRAM_MAX	4000

static pthread_mutex_t	log_lock = PTHREAD_MUTEX_INITIALIZER;
static enum log_sink	log_sink = LOG_SINK_STDERR;
static char		log_ident[32] = "nefmilter";
static int		log_fd = -1;
static char		log_host[256] = "localhost";
static struct sockaddr_un log_addr;
static int		log_debug_on;
static enum log_format	log_format = LOG_FMT_POSTLOG;
static log_hook_fn	log_hook;
static void		*log_hook_arg;

static const int log_syslog_prio[] = {
	LOG_ERR, LOG_WARNING, LOG_NOTICE, LOG_INFO, LOG_DEBUG
};
static const char *const log_names[] = {
	"error", "warning", "notice", "info", "debug"
};

static void	log_socket_send(enum log_level, const char *);
static void	log_host_from(const char *, char [256]);

int
log_open(const char *ident, enum log_sink sink, const char *path)
{
	int	fd = -1;

	if (sink == LOG_SINK_SOCKET) {
		if (path == NULL || strlen(path) >= sizeof(log_addr.sun_path)) {
			errno = ENAMETOOLONG;
			return -1;
		}
		if ((fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0)) < 0)
			return -1;
	}
	pthread_mutex_lock(&log_lock);
	if (log_fd >= 0)
		close(log_fd);
	log_fd = fd;
	if (ident != NULL)
		text_strlcpy(log_ident, ident, sizeof(log_ident));
	if (sink == LOG_SINK_SOCKET) {
		log_host_from(NULL, log_host);
		memset(&log_addr, 0, sizeof(log_addr));
		log_addr.sun_family = AF_UNIX;
		text_strlcpy(log_addr.sun_path, path, sizeof(log_addr.sun_path));
	}
	if (sink == LOG_SINK_SYSLOG)
		openlog(log_ident, LOG_PID | LOG_NDELAY, LOG_MAIL);
	log_sink = sink;
	pthread_mutex_unlock(&log_lock);
	return 0;
}

/* The first label of name, or of the system's host name. */
static void
log_host_from(const char *name, char out[256])
{
	if (name == NULL || *name == '\0') {
		if (gethostname(out, 256) != 0)
			text_strlcpy(out, "localhost", 256);
		out[255] = '\0';
	} else
		text_strlcpy(out, name, 256);
	out[strcspn(out, ". \t")] = '\0';
	if (*out == '\0')
		text_strlcpy(out, "localhost", 256);
}

void
log_set_host(const char *name)
{
	char host[256];

	log_host_from(name, host);
	pthread_mutex_lock(&log_lock);
	text_strlcpy(log_host, host, sizeof(log_host));
	pthread_mutex_unlock(&log_lock);
}

void
log_set_debug(int on)
{
	log_debug_on = on;
}

void
log_set_format(enum log_format f)
{
	pthread_mutex_lock(&log_lock);
	log_format = f;
	pthread_mutex_unlock(&log_lock);
}

void
log_set_hook(log_hook_fn fn, void *arg)
{
	pthread_mutex_lock(&log_lock);
	log_hook = fn;
	log_hook_arg = arg;
	pthread_mutex_unlock(&log_lock);
}

void
log_close(void)
{
	pthread_mutex_lock(&log_lock);
	if (log_sink == LOG_SINK_SYSLOG)
		closelog();
	if (log_fd >= 0)
		close(log_fd);
	log_fd = -1;
	log_sink = LOG_SINK_STDERR;
	pthread_mutex_unlock(&log_lock);
}

static void
log_socket_send(enum log_level lvl, const char *line)
{
	char		 buf[LOG_DGRAM_MAX], stamp[32];
	struct tm	 tm;
	time_t		 now = time(NULL);
	int		 n;
	char		 pri[8] = "";

	localtime_r(&now, &tm);
	if (log_format == LOG_FMT_SYSLOG) {
		strftime(stamp, sizeof(stamp), "%b %e %H:%M:%S", &tm);
		snprintf(pri, sizeof(pri), "<%d>", LOG_MAIL | log_syslog_prio[lvl]);
	} else
		strftime(stamp, sizeof(stamp), "%b %d %H:%M:%S", &tm);
	/* Postfix's way: the severity in the text too, since postlogd writes
	 * the datagram as it is. */
	n = snprintf(buf, sizeof(buf), "%s%s %s %s[%ld]: %s%s", pri, stamp,
	    log_host, log_ident, (long)getpid(), lvl == LOG_LVL_ERR ? "error: " :
	    lvl == LOG_LVL_WARN ? "warning: " : "", line);
	if (n < 0)
		return;
	if ((size_t)n >= sizeof(buf))
		n = sizeof(buf) - 1;
	if (sendto(log_fd, buf, (size_t)n, MSG_NOSIGNAL,
	    (struct sockaddr *)&log_addr, sizeof(log_addr)) < 0)
		fprintf(stderr, "%s: %s\n", log_ident, line);
}

void
log_msg(enum log_level lvl, const char *id, const char *fmt, ...)
{
	char	text[1536], line[1600];
	va_list	ap;

	if (lvl == LOG_LVL_DEBUG && !log_debug_on)
		return;
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (id != NULL)
		snprintf(line, sizeof(line), "%s: %s", id, text);
	else
		snprintf(line, sizeof(line), "%s", text);

	pthread_mutex_lock(&log_lock);
	if (log_hook != NULL)
		log_hook(lvl, line, log_hook_arg);
	switch (log_sink) {
	case LOG_SINK_SYSLOG:
		syslog(log_syslog_prio[lvl], "%s", line);
		break;
	case LOG_SINK_SOCKET:
		log_socket_send(lvl, line);
		break;
	case LOG_SINK_STDERR:
		if (lvl <= LOG_LVL_WARN)
			fprintf(stderr, "%s: %s: %s\n", log_ident,
			    log_names[lvl], line);
		else
			fprintf(stderr, "%s: %s\n", log_ident, line);
		break;
	}
	pthread_mutex_unlock(&log_lock);
}

char *
log_clean(char buf[LOG_CLEAN_SIZE], const char *s, size_t len)
{
	return text_printable(buf, LOG_CLEAN_SIZE, s, len);
}

char *
log_cleans(char buf[LOG_CLEAN_SIZE], const char *s)
{
	return text_printable(buf, LOG_CLEAN_SIZE, s, s ? strlen(s) : 0);
}
