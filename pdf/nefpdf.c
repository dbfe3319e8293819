/*
 * NAME
 *	nefpdf 8 - check a PDF for failed redactions and personal
 *	identifiers, in a sandbox
 * SYNOPSIS
 *	nefpdf [--cpu SECONDS] [--memory BYTES] [--timeout SECONDS]
 *	    [--max-pages N] [--max-bytes BYTES] [--fd N] [--verbose] [FILE]
 * DESCRIPTION
 *	Reads one PDF (FILE, else descriptor N, else standard input) and
 *	prints one JSON object (report.h) on standard output.  Before it
 *	reads a byte of the document it sets its limits and installs its
 *	system-call filter (sandbox.h).  --timeout arms a wall-clock timer
 *	and the CPU limit's warning signal: either stops the check at the
 *	next point MuPDF looks, and the report says "timeout" with what was
 *	found so far.  nefmilter runs this program for every document; see
 *	nefpdf(8).
 * DIAGNOSTICS
 *	Exit status 0 when the document was checked, 1 when the report
 *	says it was not, 2 for a usage error, 3 when the sandbox could not
 *	be set up (nothing is read then).
 */
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "report.h"
#include "sandbox.h"

#define DEF_CPU		30
#define DEF_MEMORY	(768ULL << 20)
#define DEF_TIMEOUT	60
#define DEF_PAGES	2000
#define DEF_BYTES	(100ULL << 20)
#define OUTPUT_MAX	(16ULL << 20)

static volatile sig_atomic_t why;	/* 1 wall clock, 2 CPU */

#ifndef __has_feature
#define __has_feature(x) 0
#endif
#if defined(__SANITIZE_ADDRESS__) || __has_feature(address_sanitizer)
/*
 * In a sanitizer build the leak check at exit would need ptrace and
 * /proc, which the sandbox forbids; the same code is leak-checked by the
 * fuzz target, which runs it without the sandbox.
 */
const char *__asan_default_options(void);
const char *
__asan_default_options(void)
{
	return "detect_leaks=0";
}
#endif

struct opts {
	unsigned	 o_cpu, o_timeout;
	uint64_t	 o_memory, o_bytes;
	int		 o_pages, o_fd, o_verbose;
	const char	*o_file;
	const char	*o_selftest;
};

static void	usage(void) __attribute__((noreturn));
static int	number(const char *, uint64_t max, uint64_t *);
static void	on_signal(int);
static int	arm(unsigned timeout);
static int	selftest(const char *);
static int	read_all(int fd, uint64_t max, unsigned char **buf, size_t *len,
		    struct report *);
static void	parse(int, char **, struct opts *);

static void
usage(void)
{
	/* BEGIN USAGE */
	fputs("usage: nefpdf [--cpu SECONDS] [--memory BYTES] [--timeout SECONDS]\n"
	    "              [--max-pages N] [--max-bytes BYTES] [--fd N] [--verbose] [FILE]\n"
	    "       nefpdf -V\n", stderr);
	/* END USAGE */
	exit(2);
}

/* A decimal number with an optional K, M or G; 0 or -1. */
static int
number(const char *s, uint64_t max, uint64_t *out)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno != 0 || end == s)
		return -1;
	switch (*end) {
	case 'k': case 'K': v <<= 10; end++; break;
	case 'm': case 'M': v <<= 20; end++; break;
	case 'g': case 'G': v <<= 30; end++; break;
	}
	if (*end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}

static void
on_signal(int sig)
{
	why = sig == SIGXCPU ? 2 : 1;
	check_interrupt();
}

static int
arm(unsigned timeout)
{
	struct sigaction sa;
	struct itimerval it;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGXCPU, &sa, NULL) != 0 || sigaction(SIGALRM, &sa, NULL) != 0)
		return -1;
	if (timeout == 0)
		return 0;
	memset(&it, 0, sizeof(it));
	it.it_value.tv_sec = timeout;
	return setitimer(ITIMER_REAL, &it, NULL);
}

/* Tests of the sandbox itself: try what it must refuse, after it is up. */
static int
selftest(const char *what)
{
	int fd;

	if (strcmp(what, "open") == 0) {
		fd = open("/etc/hostname", O_RDONLY);
		printf("open: %s\n", fd < 0 ? strerror(errno) : "allowed");
	} else if (strcmp(what, "create") == 0) {
		fd = open("/tmp/nefpdf-selftest", O_WRONLY | O_CREAT, 0600);
		printf("create: %s\n", fd < 0 ? strerror(errno) : "allowed");
	} else if (strcmp(what, "socket") == 0) {
		printf("socket: %d\n", (int)syscall(SYS_socket, 2, 1, 0));
	} else if (strcmp(what, "fork") == 0) {
		printf("fork: %d\n", (int)fork());
	} else if (strcmp(what, "memory") == 0) {
		char *p = malloc((size_t)4 << 30);
		printf("memory: %s\n", p == NULL ? "refused" : "allowed");
		free(p);
	} else
		return 2;
	fflush(stdout);
	return 0;
}

static int
read_all(int fd, uint64_t max, unsigned char **buf, size_t *len,
    struct report *r)
{
	size_t cap = 1 << 20, n = 0;
	unsigned char *b = malloc(cap), *nb;
	ssize_t k;

	if (b == NULL)
		return -1;
	for (;;) {
		if (n == cap) {
			if (cap * 2 > max + 1)
				cap = (size_t)max + 1;
			else
				cap *= 2;
			if (n == cap || (nb = realloc(b, cap)) == NULL) {
				free(b);
				report_fail(r, REPORT_TOO_LARGE, n == cap ? "more than "
				    "%llu bytes" : "no memory for %llu bytes",
				    (unsigned long long)max);
				return -1;
			}
			b = nb;
		}
		if ((k = read(fd, b + n, cap - n)) < 0) {
			if (errno == EINTR)
				continue;
			free(b);
			report_fail(r, REPORT_ERROR, "read: %s", strerror(errno));
			return -1;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	if (n > max) {
		free(b);
		report_fail(r, REPORT_TOO_LARGE, "more than %llu bytes",
		    (unsigned long long)max);
		return -1;
	}
	*buf = b;
	*len = n;
	return 0;
}

static void
parse(int argc, char **argv, struct opts *o)
{
	static const struct option lo[] = {
		{ "cpu", required_argument, NULL, 'c' },
		{ "memory", required_argument, NULL, 'm' },
		{ "timeout", required_argument, NULL, 't' },
		{ "max-pages", required_argument, NULL, 'p' },
		{ "max-bytes", required_argument, NULL, 'b' },
		{ "fd", required_argument, NULL, 'f' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "selftest-sandbox", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 }
	};
	uint64_t v;
	int ch;

	while ((ch = getopt_long(argc, argv, "V", lo, NULL)) != -1) {
		switch (ch) {
		case 'V':
			printf("nefpdf %s\n", NEF_VERSION);
			exit(0);
		case 'c':
			if (number(optarg, 86400, &v) != 0)
				usage();
			o->o_cpu = (unsigned)v;
			break;
		case 'm':
			if (number(optarg, 1ULL << 40, &v) != 0)
				usage();
			o->o_memory = v;
			break;
		case 't':
			if (number(optarg, 86400, &v) != 0)
				usage();
			o->o_timeout = (unsigned)v;
			break;
		case 'p':
			if (number(optarg, 10000000, &v) != 0)
				usage();
			o->o_pages = (int)v;
			break;
		case 'b':
			if (number(optarg, 1ULL << 40, &v) != 0)
				usage();
			o->o_bytes = v;
			break;
		case 'f':
			if (number(optarg, 1024, &v) != 0)
				usage();
			o->o_fd = (int)v;
			break;
		case 'v':
			o->o_verbose = 1;
			break;
		case 'S':
			o->o_selftest = optarg;
			break;
		default:
			usage();
		}
	}
	if (argc - optind > 1)
		usage();
	o->o_file = optind < argc ? argv[optind] : NULL;
}

int
main(int argc, char **argv)
{
	struct sandbox_limits sl;
	struct check_opts co;
	struct report r;
	struct opts o;
	struct stat st;
	unsigned char *buf = NULL;
	size_t len = 0;
	char err[200];
	FILE *fp = NULL;
	int fd, ok;

	memset(&o, 0, sizeof(o));
	o.o_cpu = DEF_CPU;
	o.o_memory = DEF_MEMORY;
	o.o_timeout = DEF_TIMEOUT;
	o.o_pages = DEF_PAGES;
	o.o_bytes = DEF_BYTES;
	parse(argc, argv, &o);
	report_init(&r);
	fd = o.o_fd;
	if (o.o_file != NULL && (fd = open(o.o_file, O_RDONLY | O_CLOEXEC)) < 0) {
		fprintf(stderr, "nefpdf: %s: %s\n", o.o_file, strerror(errno));
		return 2;
	}
	if (fstat(fd, &st) != 0) {
		fprintf(stderr, "nefpdf: descriptor %d: %s\n", fd, strerror(errno));
		return 2;
	}
	memset(&sl, 0, sizeof(sl));
	sl.sl_cpu = o.o_cpu;
	sl.sl_memory = o.o_memory;
	sl.sl_output = OUTPUT_MAX;
	sl.sl_maxfd = fd > 2 ? fd : 2;
	/* a regular file is read in place, through stdio */
	if (S_ISREG(st.st_mode) && (fp = fdopen(fd, "rb")) == NULL) {
		fprintf(stderr, "nefpdf: fdopen: %s\n", strerror(errno));
		return 3;
	}
	if (arm(o.o_timeout) != 0 || sandbox_limits(&sl, err, sizeof(err)) != 0 ||
	    sandbox_filter(fd, err, sizeof(err)) != 0) {
		fprintf(stderr, "nefpdf: sandbox: %s\n", o.o_timeout &&
		    !err[0] ? "timer" : err);
		return 3;
	}
	if (o.o_selftest != NULL)
		return selftest(o.o_selftest);
	memset(&co, 0, sizeof(co));
	co.co_max_pages = o.o_pages;
	co.co_verbose = o.o_verbose;
	co.co_timeout_why = "no result within the time allowed";
	if (S_ISREG(st.st_mode) && (uint64_t)st.st_size > o.o_bytes)
		report_fail(&r, REPORT_TOO_LARGE, "%llu bytes (the limit is %llu)",
		    (unsigned long long)st.st_size, (unsigned long long)o.o_bytes);
	else if (fp != NULL)
		check_file(fp, &co, &r);
	else if (read_all(fd, o.o_bytes, &buf, &len, &r) == 0)
		check_buffer(buf, len, &co, &r);
	if (why == 2 && r.r_status == REPORT_TIMEOUT)
		snprintf(r.r_detail, sizeof(r.r_detail), "the CPU limit (%u s) was "
		    "reached after %d of %d pages", o.o_cpu, r.r_pages_checked,
		    r.r_pages);
	ok = r.r_status == REPORT_CHECKED;
	if (report_print(&r, stdout) != 0)
		ok = 0;
	report_free(&r);
	free(buf);
	return ok ? 0 : 1;
}
