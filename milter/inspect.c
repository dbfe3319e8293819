/*
 * NAME
 *	inspect 3 - run the sandboxed PDF helper and read its answer
 * SYNOPSIS
 *	#include "inspect.h"
 * DESCRIPTION
 *	See inspect.h.  The helper is started with posix_spawn(3) (the
 *	daemon is multi-threaded): the document's descriptor becomes its
 *	standard input, two pipes its standard output and error, every
 *	other descriptor is closed, the signal mask and actions are reset,
 *	and its environment is empty.  Its answer is read as it comes
 *	(non-blocking pipes, poll(2)), at most INSPECT_OUT_MAX bytes, so a
 *	helper never blocks on a full pipe.  When it has ended, wait4(2)
 *	gives its status and the CPU time it used, which tell a crash from
 *	a CPU limit from the sandbox's SIGSYS.
 * DIAGNOSTICS
 *	Failures to start are returned with a reason; everything after
 *	that is a result status.
 */
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cfg.h"
#include "inspect.h"
#include "inspect_json.h"
#include "strbuf.h"
#include "text.h"

#ifndef NEF_SBINDIR
#define NEF_SBINDIR "/usr/local/sbin"
#endif

struct inspect_job {
	pid_t		 j_pid;
	int		 j_out, j_err;		/* -1 once at EOF */
	struct strbuf	 j_buf;			/* standard output */
	char		 j_errline[200];	/* first line of stderr */
	size_t		 j_errlen;
	int		 j_errdone;
	long long	 j_start, j_kill_at;	/* ms, monotonic */
	int		 j_reaped, j_status;
	struct rusage	 j_ru;
	int		 j_killed;		/* by us, at the deadline */
	int		 j_overflow;		/* answer too long */
	unsigned	 j_cpu, j_timeout;
};

static pthread_mutex_t	slot_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	slot_cv = PTHREAD_COND_INITIALIZER;
static unsigned		slot_max = 1, slot_used;

static long long	now_ms(void);
static int		spawn(const struct inspect_opts *, int fd, pid_t *, int *,
			    int *, char *, size_t);
static void		drain(struct inspect_job *);
static void		reap(struct inspect_job *, int block);
static void		why_no_answer(const struct inspect_job *,
			    struct inspect_result *);

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *
inspect_status_name(int s)
{
	switch (s) {
	case INSPECT_CHECKED: return "checked";
	case INSPECT_TIMEOUT: return "timeout";
	case INSPECT_TOO_LARGE: return "too-large";
	case INSPECT_PENDING: return "pending";
	}
	return "error";
}

int
inspect_opts_from_cfg(struct inspect_opts *o, const struct cfg *cf,
    char *err, size_t errsz)
{
	char self[PATH_MAX];
	ssize_t n;
	char *slash;

	memset(o, 0, sizeof(*o));
	o->io_cpu = (unsigned)cf->cf_pdf_cpu;
	o->io_timeout = (unsigned)cf->cf_pdf_timeout;
	o->io_memory = cf->cf_pdf_memory;
	o->io_max_bytes = cf->cf_pdf_max_bytes;
	o->io_max_pages = (unsigned)cf->cf_pdf_max_pages;
	if (cf->cf_pdf_helper != NULL && cf->cf_pdf_helper[0] != '\0') {
		if (text_strlcpy(o->io_helper, cf->cf_pdf_helper,
		    sizeof(o->io_helper)) >= sizeof(o->io_helper))
			return text_errf(err, errsz, "pdf_helper is too long");
		if (access(o->io_helper, X_OK) != 0)
			return text_errf(err, errsz, "pdf_helper %.200s: %s",
			    o->io_helper, strerror(errno));
		return 0;
	}
	if ((n = readlink("/proc/self/exe", self, sizeof(self) - 1)) > 0) {
		self[n] = '\0';
		if ((slash = strrchr(self, '/')) != NULL) {
			*slash = '\0';
			snprintf(o->io_helper, sizeof(o->io_helper), "%.1000s/nefpdf", self);
			if (access(o->io_helper, X_OK) == 0)
				return 0;
		}
	}
	snprintf(o->io_helper, sizeof(o->io_helper), "%s/nefpdf", NEF_SBINDIR);
	if (access(o->io_helper, X_OK) == 0)
		return 0;
	return text_errf(err, errsz, "no nefpdf beside this program nor in "
	    "%s (set pdf_helper)", NEF_SBINDIR);
}

void
inspect_slots_init(unsigned n)
{
	pthread_mutex_lock(&slot_lock);
	slot_max = n > 0 ? n : 1;
	pthread_mutex_unlock(&slot_lock);
}

int
inspect_slot_take(long wait_ms, void (*tick)(void *), void *arg)
{
	long long end = now_ms() + (wait_ms > 0 ? wait_ms : 0);
	struct timespec ts;
	int got = 0;

	pthread_mutex_lock(&slot_lock);
	while (!(got = slot_used < slot_max) && now_ms() < end) {
		pthread_mutex_unlock(&slot_lock);
		if (tick != NULL)
			tick(arg);
		pthread_mutex_lock(&slot_lock);
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += INSPECT_TICK_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&slot_cv, &slot_lock, &ts);
	}
	if (got)
		slot_used++;
	pthread_mutex_unlock(&slot_lock);
	return got;
}

void
inspect_slot_give(void)
{
	pthread_mutex_lock(&slot_lock);
	if (slot_used > 0)
		slot_used--;
	pthread_cond_signal(&slot_cv);
	pthread_mutex_unlock(&slot_lock);
}

static int
spawn(const struct inspect_opts *o, int fd, pid_t *pid, int *out, int *errp,
    char *err, size_t errsz)
{
	static char *const envp[] = { NULL };
	posix_spawn_file_actions_t fa;
	posix_spawnattr_t at;
	sigset_t none, dfl;
	char cpu[24], mem[32], tmo[24], pages[24], bytes[32];
	char *argv[16];
	int po[2] = { -1, -1 }, pe[2] = { -1, -1 }, rc, k = 0;

	snprintf(cpu, sizeof(cpu), "%u", o->io_cpu);
	snprintf(mem, sizeof(mem), "%llu", (unsigned long long)o->io_memory);
	snprintf(tmo, sizeof(tmo), "%u", o->io_timeout);
	snprintf(pages, sizeof(pages), "%u", o->io_max_pages);
	snprintf(bytes, sizeof(bytes), "%llu", (unsigned long long)o->io_max_bytes);
	argv[k++] = (char *)o->io_helper;
	argv[k++] = (char *)"--cpu";
	argv[k++] = cpu;
	argv[k++] = (char *)"--memory";
	argv[k++] = mem;
	argv[k++] = (char *)"--timeout";
	argv[k++] = tmo;
	argv[k++] = (char *)"--max-pages";
	argv[k++] = pages;
	argv[k++] = (char *)"--max-bytes";
	argv[k++] = bytes;
	argv[k] = NULL;
	if (lseek(fd, 0, SEEK_SET) < 0 && errno != ESPIPE)
		return text_errf(err, errsz, "lseek: %s", strerror(errno));
	if (pipe2(po, O_CLOEXEC) != 0 || pipe2(pe, O_CLOEXEC) != 0) {
		rc = errno;
		if (po[0] >= 0) {
			close(po[0]);
			close(po[1]);
		}
		return text_errf(err, errsz, "cannot make pipes: %s", strerror(rc));
	}
	sigemptyset(&none);
	sigfillset(&dfl);
	sigdelset(&dfl, SIGKILL);
	sigdelset(&dfl, SIGSTOP);
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd, 0);
	posix_spawn_file_actions_adddup2(&fa, po[1], 1);
	posix_spawn_file_actions_adddup2(&fa, pe[1], 2);
	posix_spawn_file_actions_addclosefrom_np(&fa, 3);
	posix_spawnattr_init(&at);
	posix_spawnattr_setsigmask(&at, &none);
	posix_spawnattr_setsigdefault(&at, &dfl);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
	rc = posix_spawn(pid, o->io_helper, &fa, &at, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	posix_spawnattr_destroy(&at);
	close(po[1]);
	close(pe[1]);
	if (rc != 0) {
		close(po[0]);
		close(pe[0]);
		return text_errf(err, errsz, "cannot run %.200s: %s", o->io_helper,
		    strerror(rc));
	}
	fcntl(po[0], F_SETFL, O_NONBLOCK);
	fcntl(pe[0], F_SETFL, O_NONBLOCK);
	*out = po[0];
	*errp = pe[0];
	return 0;
}

int
inspect_start(const struct inspect_opts *o, int fd, struct inspect_job **out,
    char *err, size_t errsz)
{
	struct inspect_job *j;

	*out = NULL;
	if ((j = calloc(1, sizeof(*j))) == NULL)
		return text_errf(err, errsz, "out of memory");
	strbuf_init(&j->j_buf, INSPECT_OUT_MAX);
	j->j_out = j->j_err = -1;
	j->j_cpu = o->io_cpu;
	j->j_timeout = o->io_timeout;
	if (spawn(o, fd, &j->j_pid, &j->j_out, &j->j_err, err, errsz) != 0) {
		strbuf_free(&j->j_buf);
		free(j);
		return -1;
	}
	j->j_start = now_ms();
	j->j_kill_at = j->j_start + (long long)(o->io_timeout + INSPECT_GRACE_S) *
	    1000;
	*out = j;
	return 0;
}

long
inspect_job_ms(const struct inspect_job *j)
{
	return (long)(now_ms() - j->j_start);
}

/* Read what the pipes hold now. */
static void
drain(struct inspect_job *j)
{
	char buf[16384];
	ssize_t n;
	size_t k;

	while (j->j_out >= 0) {
		if ((n = read(j->j_out, buf, sizeof(buf))) < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n > 0 && strbuf_append(&j->j_buf, buf, (size_t)n) != 0)
			j->j_overflow = 1;
		if (n <= 0 || j->j_overflow) {
			close(j->j_out);
			j->j_out = -1;
		}
	}
	while (j->j_err >= 0) {
		if ((n = read(j->j_err, buf, sizeof(buf))) < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			break;
		if (n <= 0) {
			close(j->j_err);
			j->j_err = -1;
			break;
		}
		/* keep the first line, for the log */
		for (k = 0; k < (size_t)n && !j->j_errdone; k++) {
			if (buf[k] == '\n' || j->j_errlen >= sizeof(j->j_errline) - 1)
				j->j_errdone = 1;
			else
				j->j_errline[j->j_errlen++] = buf[k];
		}
	}
}

static void
reap(struct inspect_job *j, int block)
{
	pid_t r;

	if (j->j_reaped || j->j_pid <= 0)
		return;
	do
		r = wait4(j->j_pid, &j->j_status, block ? 0 : WNOHANG, &j->j_ru);
	while (r < 0 && errno == EINTR);
	if (r == j->j_pid || (r < 0 && errno == ECHILD))
		j->j_reaped = 1;
}

int
inspect_wait(struct inspect_job *j, long wait_ms, void (*tick)(void *),
    void *arg)
{
	long long end = now_ms() + (wait_ms > 0 ? wait_ms : 0), left;
	struct pollfd pf[2];
	int n;

	for (;;) {
		drain(j);
		if (j->j_overflow && !j->j_killed) {
			kill(j->j_pid, SIGKILL);
			j->j_killed = 2;
		}
		if (j->j_out < 0 && j->j_err < 0) {
			reap(j, j->j_killed != 0);
			if (j->j_reaped)
				return 1;
		}
		if (now_ms() >= j->j_kill_at && !j->j_killed) {
			kill(j->j_pid, SIGKILL);
			j->j_killed = 1;
			continue;
		}
		left = end - now_ms();
		if (left <= 0)
			return 0;
		if (tick != NULL)
			tick(arg);
		n = 0;
		if (j->j_out >= 0)
			pf[n++] = (struct pollfd){ .fd = j->j_out, .events = POLLIN };
		if (j->j_err >= 0)
			pf[n++] = (struct pollfd){ .fd = j->j_err, .events = POLLIN };
		if (left > INSPECT_TICK_MS)
			left = INSPECT_TICK_MS;
		if (n > 0)
			poll(pf, (nfds_t)n, (int)left);
		else {
			struct timespec ts = { 0, 20 * 1000000L };

			nanosleep(&ts, NULL);	/* pipes closed, not yet exited */
		}
	}
}

/* No JSON came back: say why, from the exit status and the CPU used. */
static void
why_no_answer(const struct inspect_job *j, struct inspect_result *r)
{
	char line[sizeof(j->j_errline)];
	double cpu = (double)j->j_ru.ru_utime.tv_sec + (double)j->j_ru.ru_stime.tv_sec;
	int st = j->j_status;

	text_printable(line, sizeof(line), j->j_errline, j->j_errlen);
	r->r_status = INSPECT_ERROR;
	if (j->j_killed == 1) {
		r->r_status = INSPECT_TIMEOUT;
		snprintf(r->r_detail, sizeof(r->r_detail), "no answer within %u s",
		    j->j_timeout);
	} else if (j->j_killed == 2 || j->j_overflow)
		snprintf(r->r_detail, sizeof(r->r_detail), "the helper's answer "
		    "was longer than %u bytes", INSPECT_OUT_MAX);
	else if (WIFSIGNALED(st) && (WTERMSIG(st) == SIGXCPU ||
	    (WTERMSIG(st) == SIGKILL && cpu + 1 >= (double)j->j_cpu))) {
		r->r_status = INSPECT_TIMEOUT;
		snprintf(r->r_detail, sizeof(r->r_detail), "the CPU limit (%u s) "
		    "was reached", j->j_cpu);
	} else if (WIFSIGNALED(st) && WTERMSIG(st) == SIGSYS)
		snprintf(r->r_detail, sizeof(r->r_detail), "the sandbox stopped "
		    "the helper (a forbidden system call)");
	else if (WIFSIGNALED(st))
		snprintf(r->r_detail, sizeof(r->r_detail), "the helper crashed "
		    "(signal %d, %s)", WTERMSIG(st), strsignal(WTERMSIG(st)));
	else if (WIFEXITED(st) && WEXITSTATUS(st) == 3)
		snprintf(r->r_detail, sizeof(r->r_detail), "the helper could not "
		    "set up its sandbox: %.80s", line);
	else if (WIFEXITED(st) && WEXITSTATUS(st) > 1)
		snprintf(r->r_detail, sizeof(r->r_detail), "the helper failed "
		    "(exit %d): %.80s", WEXITSTATUS(st), line);
	else
		snprintf(r->r_detail, sizeof(r->r_detail), "the helper gave no "
		    "readable answer");
}

struct inspect_result *
inspect_result(struct inspect_job *j)
{
	struct inspect_result *r;

	char detail[INSPECT_DETAIL_MAX];
	int parsed = -1, normal;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->r_ms = inspect_job_ms(j);
	normal = !j->j_killed && !j->j_overflow && WIFEXITED(j->j_status) &&
	    WEXITSTATUS(j->j_status) <= 1;
	if (normal && j->j_buf.sb_len > 0 && !strbuf_error(&j->j_buf) &&
	    (parsed = inspect_json_parse(j->j_buf.sb_s, j->j_buf.sb_len, r)) == 0) {
		r->r_json = strdup(j->j_buf.sb_s);
		return r;
	}
	text_strlcpy(detail, r->r_detail, sizeof(detail));
	inspect_result_free(r);
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->r_ms = inspect_job_ms(j);
	why_no_answer(j, r);
	/* a helper that ended normally with an answer we cannot read */
	if (normal && parsed != 0 && j->j_buf.sb_len > 0)
		text_strlcpy(r->r_detail, detail, sizeof(r->r_detail));
	return r;
}

struct inspect_job *
inspect_job_free(struct inspect_job *j)
{
	if (j == NULL)
		return NULL;
	if (!j->j_reaped && j->j_pid > 0) {
		kill(j->j_pid, SIGKILL);
		reap(j, 1);
	}
	if (j->j_out >= 0)
		close(j->j_out);
	if (j->j_err >= 0)
		close(j->j_err);
	strbuf_free(&j->j_buf);
	free(j);
	return NULL;
}

struct inspect_result *
inspect_result_new(int status, const char *fmt, ...)
{
	struct inspect_result *r;
	va_list ap;
	size_t i;

	if ((r = calloc(1, sizeof(*r))) == NULL)
		return NULL;
	r->r_status = status;
	va_start(ap, fmt);
	vsnprintf(r->r_detail, sizeof(r->r_detail), fmt, ap);
	va_end(ap);
	for (i = 0; r->r_detail[i]; i++)
		if ((unsigned char)r->r_detail[i] < 0x20 ||
		    (unsigned char)r->r_detail[i] > 0x7e)
			r->r_detail[i] = '?';
	return r;
}

struct inspect_result *
inspect_result_free(struct inspect_result *r)
{
	size_t i;

	if (r == NULL)
		return NULL;
	for (i = 0; i < r->r_nred; i++)
		free(r->r_red[i].ir_text);
	free(r->r_red);
	free(r->r_ids);
	free(r->r_json);
	free(r);
	return NULL;
}
