/*
 * log: the milter's log lines.
 *
 * Every line about a message starts with its queue id ("QID: text"); lines
 * before the queue id is known use the connection serial ("#12: text").
 * Untrusted text must go through log_clean() first, which makes it
 * printable and caps it at TEXT_LOG_MAX bytes.
 *
 * Sinks: syslog(3) with LOG_MAIL (the daemon), standard error (offline mode
 * and the tools), or a datagram socket: Postfix's postlog socket, so that
 * the lines land in Postfix's own maillog_file next to Postfix's lines
 * (postlogd writes each datagram as it is; the sender needs group postdrop
 * to reach the socket), or a syslog daemon's socket (log_set_format()).
 * A hook lets tests capture lines.
 */
#ifndef NEF_LOG_H
#define NEF_LOG_H

#include <stddef.h>

enum log_level { LOG_LVL_ERR, LOG_LVL_WARN, LOG_LVL_NOTICE, LOG_LVL_INFO,
    LOG_LVL_DEBUG };

enum log_sink { LOG_SINK_SYSLOG, LOG_SINK_STDERR, LOG_SINK_SOCKET };

/* The form of socket lines: Postfix's postlog (a whole log line), or a
 * syslog datagram ("<PRI>" with facility mail, RFC 3164 header). */
enum log_format { LOG_FMT_POSTLOG, LOG_FMT_SYSLOG };

typedef void (*log_hook_fn)(enum log_level, const char *line, void *arg);

int	 log_open(const char *ident, enum log_sink, const char *socket_path);
void	 log_set_debug(int on);
void	 log_set_format(enum log_format);
/* The HOST of socket lines: the first label of name; NULL or "": the
 * system's host name. */
void	 log_set_host(const char *name);
void	 log_set_hook(log_hook_fn, void *arg);
void	 log_close(void);

/* id may be NULL (a line about the process, not a message). */
void	 log_msg(enum log_level, const char *id, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#define log_err(id, ...)	log_msg(LOG_LVL_ERR, (id), __VA_ARGS__)
#define log_warn(id, ...)	log_msg(LOG_LVL_WARN, (id), __VA_ARGS__)
#define log_notice(id, ...)	log_msg(LOG_LVL_NOTICE, (id), __VA_ARGS__)
#define log_info(id, ...)	log_msg(LOG_LVL_INFO, (id), __VA_ARGS__)
#define log_debug(id, ...)	log_msg(LOG_LVL_DEBUG, (id), __VA_ARGS__)

/* Make untrusted text safe to log: printable ASCII, capped.  Returns buf. */
#define LOG_CLEAN_SIZE	(200 + 1)
char	*log_clean(char buf[LOG_CLEAN_SIZE], const char *s, size_t len);
char	*log_cleans(char buf[LOG_CLEAN_SIZE], const char *s);

#endif
