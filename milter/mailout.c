/*
 * NAME
 *	mailout 3 - submit a message through sendmail(1)
 * SUMMARY
 *	no shell, checked addresses, a bounded child
 * SYNOPSIS
 *	#include "mailout.h"
 *
 *	struct mailout_msg m = { .mo_command = cfg->cf_sendmail_command,
 *	    .mo_to = to, .mo_nto = n, .mo_subject = "...",
 *	    .mo_ctype = "text/plain; charset=utf-8", .mo_body = b, ... };
 *	if (mailout_send(&m, err, sizeof(err)) != 0) ... err says why ...
 * DESCRIPTION
 *	The command is split into words and started with posix_spawn(3):
 *	its standard input is one end of a socketpair (written with
 *	MSG_NOSIGNAL), its standard output and error one pipe that is read
 *	while the message is written, so that a chatty command never
 *	blocks.  Descriptors from 3 up are closed in the child.  The
 *	caller waits for the exit status until the deadline, then kills
 *	the child.
 * DIAGNOSTICS
 *	mailout_send() returns -1 and one line in err; nothing is logged
 *	here (the caller knows whom to tell).
 */
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "addr.h"
#include "cfg.h"
#include "mailout.h"
#include "strbuf.h"
#include "text.h"

extern char **environ;

#define MO_OUT_KEEP	512	/* bytes of the command's output kept */

struct mo_cmd {
	char	*mc_buf;			/* the words, NUL-separated */
	char	*mc_argv[MAILOUT_MAX_ARGS + 4 + MAILOUT_MAX_RCPTS + 1];
	int	 mc_argc;
	int	 mc_t;				/* "-t" among the words */
};

struct mo_child {
	pid_t	 ch_pid;
	int	 ch_in;		/* our end of its standard input */
	int	 ch_out;	/* its standard output and error */
	char	 ch_text[MO_OUT_KEEP];
	size_t	 ch_ntext;
};

static int	mo_split(const char *, struct mo_cmd *, char *, size_t);
static int	mo_header(const struct mailout_msg *, char to[][ADDR_SIZE],
		    const char *from, struct strbuf *, char *, size_t);
static int	mo_spawn(struct mo_cmd *, struct mo_child *, char *, size_t);
static int	mo_pump(struct mo_child *, const char *, size_t, long long,
		    char *, size_t);
static int	mo_wait(struct mo_child *, long long, char *, size_t);
static long long mo_now_ms(void);
static const char *mo_first_line(struct mo_child *);

int
mailout_addr(const char *addr, char *out, size_t outsz, char *why,
    size_t whysz)
{
	char	clean[ADDR_SIZE];

	if (outsz > 0)
		out[0] = '\0';
	if (addr_validate(addr, why, whysz) != 0)
		return -1;
	if (addr_clean(addr, clean, sizeof(clean)) != 0)
		return text_errf(why, whysz, "not an address");
	if (clean[0] == '-')
		return text_errf(why, whysz, "an address may not begin with '-'");
	if (strlen(clean) >= outsz)
		return text_errf(why, whysz, "address too long");
	memcpy(out, clean, strlen(clean) + 1);
	return 0;
}

/* Split the command into words (blanks separate; no quoting). */
static int
mo_split(const char *command, struct mo_cmd *c, char *why, size_t whysz)
{
	char	*p, *save, *w;

	memset(c, 0, sizeof(*c));
	if (command == NULL || (c->mc_buf = strdup(command)) == NULL)
		return text_errf(why, whysz, "no sendmail_command");
	for (w = strtok_r(c->mc_buf, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		if (c->mc_argc == MAILOUT_MAX_ARGS)
			return text_errf(why, whysz, "sendmail_command has more "
			    "than %d words", MAILOUT_MAX_ARGS);
		for (p = w; *p != '\0'; p++)
			if ((unsigned char)*p < 0x20 || *p == 0x7f)
				return text_errf(why, whysz, "sendmail_command "
				    "holds a control character");
		c->mc_t |= strcmp(w, "-t") == 0;
		c->mc_argv[c->mc_argc++] = w;
	}
	if (c->mc_argc == 0)
		return text_errf(why, whysz, "sendmail_command is empty");
	if (c->mc_argv[0][0] != '/')
		return text_errf(why, whysz, "sendmail_command must start with "
		    "an absolute path, not \"%.60s\"", c->mc_argv[0]);
	return 0;
}

int
mailout_check_command(const char *command, char *why, size_t whysz)
{
	struct mo_cmd	c;
	int		rc;

	rc = mo_split(command, &c, why, whysz);
	free(c.mc_buf);
	return rc;
}

int
mailout_check_cfg(const struct cfg *cfg, struct strbuf *err)
{
	char	why[MAILOUT_ERR_SIZE], a[ADDR_SIZE];
	int	bad = 0;

	if (mailout_check_command(cfg->cf_sendmail_command, why,
	    sizeof(why)) != 0) {
		strbuf_printf(err, "sendmail_command: %s\n", why);
		bad = 1;
	}
	if (cfg->cf_mail_from[0] != '\0' && mailout_addr(cfg->cf_mail_from, a,
	    sizeof(a), why, sizeof(why)) != 0) {
		strbuf_printf(err, "mail_from: %s\n", why);
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* An RFC 5322 date of now, in local time with its offset. */
static void
mo_date(char *buf, size_t size)
{
	struct tm	tm;
	time_t		now = time(NULL);

	if (localtime_r(&now, &tm) == NULL ||
	    strftime(buf, size, "%a, %d %b %Y %H:%M:%S %z", &tm) == 0)
		text_strlcpy(buf, "Thu, 01 Jan 1970 00:00:00 +0000", size);
}

static int
mo_header(const struct mailout_msg *m, char to[][ADDR_SIZE],
    const char *from, struct strbuf *sb, char *err, size_t errsz)
{
	char		 date[64], host[256];
	const char	*s;
	size_t		 i;
	struct timespec	 ts;

	for (s = m->mo_subject ? m->mo_subject : ""; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || (unsigned char)*s > 0x7e)
			return text_errf(err, errsz, "the subject must be "
			    "printable ASCII");
	if (m->mo_ctype == NULL || strpbrk(m->mo_ctype, "\r\n") != NULL ||
	    (m->mo_cte != NULL && strpbrk(m->mo_cte, "\r\n") != NULL))
		return text_errf(err, errsz, "bad Content-Type");
	if (gethostname(host, sizeof(host)) != 0 || host[0] == '\0' ||
	    strpbrk(host, " <>@\r\n") != NULL)
		text_strlcpy(host, "localhost", sizeof(host));
	host[sizeof(host) - 1] = '\0';
	clock_gettime(CLOCK_REALTIME, &ts);
	mo_date(date, sizeof(date));
	strbuf_printf(sb, "Date: %s\n", date);
	if (from[0] != '\0')
		strbuf_printf(sb, "From: %s\n", from);
	strbuf_puts(sb, "To: ");
	for (i = 0; i < m->mo_nto; i++)
		strbuf_printf(sb, "%s%s", i ? ",\n    " : "", to[i]);
	strbuf_printf(sb, "\nSubject: %s\n", m->mo_subject ? m->mo_subject : "");
	strbuf_printf(sb, "Message-ID: <%lld.%09ld.%ld@%s>\n",
	    (long long)ts.tv_sec, ts.tv_nsec, (long)getpid(), host);
	strbuf_puts(sb, "MIME-Version: 1.0\nAuto-Submitted: auto-generated\n");
	strbuf_printf(sb, "Content-Type: %s\n", m->mo_ctype);
	if (m->mo_cte != NULL)
		strbuf_printf(sb, "Content-Transfer-Encoding: %s\n", m->mo_cte);
	strbuf_putc(sb, '\n');
	strbuf_append(sb, m->mo_body, m->mo_len);
	if (m->mo_len > 0 && m->mo_body[m->mo_len - 1] != '\n')
		strbuf_putc(sb, '\n');
	if (strbuf_error(sb))
		return text_errf(err, errsz, "out of memory");
	return 0;
}

static int
mo_spawn(struct mo_cmd *c, struct mo_child *ch, char *err, size_t errsz)
{
	posix_spawn_file_actions_t	fa;
	posix_spawnattr_t		at;
	sigset_t			none, dfl;
	int				sv[2] = { -1, -1 }, po[2] = { -1, -1 }, rc;

	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0 ||
	    pipe2(po, O_CLOEXEC) != 0) {
		rc = errno;
		if (sv[0] >= 0) {
			close(sv[0]);
			close(sv[1]);
		}
		return text_errf(err, errsz, "cannot make pipes: %s",
		    strerror(rc));
	}
	sigemptyset(&none);
	sigfillset(&dfl);
	sigdelset(&dfl, SIGKILL);
	sigdelset(&dfl, SIGSTOP);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, sv[1], 0);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, po[1], 2);
	posix_spawn_file_actions_addclosefrom_np(&fa, 3);
	posix_spawnattr_init(&at);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dfl);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK |
	    POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawn(&ch->ch_pid, c->mc_argv[0], &fa, &at, c->mc_argv,
	    environ);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(sv[1]);
	close(po[1]);
	if (rc != 0) {
		close(sv[0]);
		close(po[0]);
		return text_errf(err, errsz, "cannot run %.80s: %s",
		    c->mc_argv[0], strerror(rc));
	}
	ch->ch_in = sv[0];
	ch->ch_out = po[0];
	return 0;
}

static long long
mo_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Keep the first bytes of what the command prints. */
static int
mo_read_out(struct mo_child *ch)
{
	char	buf[1024];
	ssize_t	n;
	size_t	k;

	n = read(ch->ch_out, buf, sizeof(buf));
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	if (n <= 0)
		return -1;
	k = sizeof(ch->ch_text) - 1 - ch->ch_ntext;
	if ((size_t)n < k)
		k = (size_t)n;
	memcpy(ch->ch_text + ch->ch_ntext, buf, k);
	ch->ch_ntext += k;
	ch->ch_text[ch->ch_ntext] = '\0';
	return 0;
}

/* Write the message and read the output until both are done. */
static int
mo_pump(struct mo_child *ch, const char *msg, size_t len, long long deadline,
    char *err, size_t errsz)
{
	struct pollfd	pf[2];
	size_t		off = 0;
	ssize_t		n;
	long long	left;
	int		wfail = 0;

	while (ch->ch_in >= 0 || ch->ch_out >= 0) {
		if ((left = deadline - mo_now_ms()) <= 0)
			return text_errf(err, errsz, "the command did not finish "
			    "in time");
		pf[0].fd = ch->ch_in;
		pf[0].events = POLLOUT;
		pf[1].fd = ch->ch_out;
		pf[1].events = POLLIN;
		if (poll(pf, 2, left > 1000 ? 1000 : (int)left) < 0 &&
		    errno != EINTR)
			return text_errf(err, errsz, "poll: %s", strerror(errno));
		if (ch->ch_out >= 0 && (pf[1].revents & (POLLIN | POLLHUP |
		    POLLERR)) && mo_read_out(ch) != 0) {
			close(ch->ch_out);
			ch->ch_out = -1;
		}
		if (ch->ch_in < 0 || !(pf[0].revents & (POLLOUT | POLLERR |
		    POLLHUP)))
			continue;
		n = send(ch->ch_in, msg + off, len - off, MSG_NOSIGNAL |
		    MSG_DONTWAIT);
		if (n < 0 && (errno == EINTR || errno == EAGAIN))
			continue;
		if (n < 0)
			wfail = errno;
		else
			off += (size_t)n;
		if (n < 0 || off == len) {
			close(ch->ch_in);
			ch->ch_in = -1;
		}
	}
	(void)wfail;	/* the exit status says more than EPIPE */
	return 0;
}

static const char *
mo_first_line(struct mo_child *ch)
{
	char	*nl;

	if ((nl = strchr(ch->ch_text, '\n')) != NULL)
		*nl = '\0';
	text_printable(ch->ch_text, sizeof(ch->ch_text), ch->ch_text,
	    strlen(ch->ch_text));
	return ch->ch_text;
}

static int
mo_wait(struct mo_child *ch, long long deadline, char *err, size_t errsz)
{
	struct timespec	nap = { 0, 10 * 1000000L };
	pid_t		r;
	int		st;

	for (;;) {
		r = waitpid(ch->ch_pid, &st, WNOHANG);
		if (r == ch->ch_pid)
			break;
		if (r < 0 && errno != EINTR)
			return text_errf(err, errsz, "waitpid: %s",
			    strerror(errno));
		if (mo_now_ms() >= deadline) {
			kill(ch->ch_pid, SIGKILL);
			waitpid(ch->ch_pid, &st, 0);
			return text_errf(err, errsz, "the command did not finish "
			    "in time (killed)");
		}
		nanosleep(&nap, NULL);
	}
	if (WIFSIGNALED(st))
		return text_errf(err, errsz, "the command died of signal %d",
		    WTERMSIG(st));
	if (WEXITSTATUS(st) != 0)
		return text_errf(err, errsz, "the command exited with status "
		    "%d%s%s", WEXITSTATUS(st), ch->ch_text[0] ? ": " : "",
		    mo_first_line(ch));
	return 0;
}

int
mailout_send(const struct mailout_msg *m, char *err, size_t errsz)
{
	char			 (*tv)[ADDR_SIZE], from[ADDR_SIZE], why[128];
	struct strbuf		 sb = STRBUF_INIT;
	struct mo_cmd		 c;
	struct mo_child		 ch;
	long long		 deadline;
	size_t			 i;
	int			 rc = -1;

	from[0] = '\0';
	memset(&ch, 0, sizeof(ch));
	ch.ch_in = ch.ch_out = -1;
	if ((tv = calloc(MAILOUT_MAX_RCPTS, sizeof(*tv))) == NULL)
		return text_errf(err, errsz, "out of memory");
	if (mo_split(m->mo_command, &c, err, errsz) != 0)
		goto out;
	if (m->mo_nto == 0 || m->mo_nto > MAILOUT_MAX_RCPTS) {
		text_errf(err, errsz, "%zu recipients (1 to %d allowed)",
		    m->mo_nto, MAILOUT_MAX_RCPTS);
		goto out;
	}
	for (i = 0; i < m->mo_nto; i++)
		if (mailout_addr(m->mo_to[i], tv[i], ADDR_SIZE, why,
		    sizeof(why)) != 0) {
			text_errf(err, errsz, "recipient \"%.80s\" refused: %s",
			    m->mo_to[i], why);
			goto out;
		}
	if (m->mo_from != NULL && m->mo_from[0] != '\0' &&
	    mailout_addr(m->mo_from, from, sizeof(from), why, sizeof(why)) != 0) {
		text_errf(err, errsz, "sender \"%.80s\" refused: %s", m->mo_from,
		    why);
		goto out;
	}
	if (from[0] != '\0') {
		c.mc_argv[c.mc_argc++] = "-f";
		c.mc_argv[c.mc_argc++] = from;
	}
	if (!c.mc_t) {
		c.mc_argv[c.mc_argc++] = "--";
		for (i = 0; i < m->mo_nto; i++)
			c.mc_argv[c.mc_argc++] = tv[i];
	}
	c.mc_argv[c.mc_argc] = NULL;
	if (mo_header(m, tv, from, &sb, err, errsz) != 0)
		goto out;
	deadline = mo_now_ms() + 1000LL * (m->mo_timeout ? m->mo_timeout :
	    MAILOUT_TIMEOUT);
	if (mo_spawn(&c, &ch, err, errsz) != 0)
		goto out;
	if (mo_pump(&ch, sb.sb_s, sb.sb_len, deadline, err, errsz) != 0)
		deadline = 0;	/* kill it now */
	if (mo_wait(&ch, deadline, deadline ? err : why, deadline ? errsz :
	    sizeof(why)) == 0 && deadline != 0)
		rc = 0;
out:
	if (ch.ch_in >= 0)
		close(ch.ch_in);
	if (ch.ch_out >= 0)
		close(ch.ch_out);
	strbuf_free(&sb);
	free(c.mc_buf);
	free(tv);
	return rc;
}
