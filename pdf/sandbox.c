/*
 * NAME
 *	sandbox 3 - limits and seccomp filter of the PDF helper
 * SYNOPSIS
 *	#include "sandbox.h"
 * DESCRIPTION
 *	See sandbox.h.  The filter's default action is EPERM, so a library
 *	path that asks for something unexpected fails cleanly instead of
 *	reaching anything; the families that could reach beyond the
 *	process (sockets, exec, fork and clone, ptrace, signals to other
 *	processes) kill it.
 * DIAGNOSTICS
 *	Each function names the call that failed in err.
 */
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>

#include <errno.h>
#include <fcntl.h>
#include <seccomp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sandbox.h"

#ifndef __has_feature
#define __has_feature(x) 0
#endif

static int	limit(int res, rlim_t soft, rlim_t hard, const char *name,
		    char *err, size_t errsz);

int
sandbox_no_as_limit(void)
{
#if defined(__SANITIZE_ADDRESS__) || __has_feature(address_sanitizer)
	return 1;
#else
	return 0;
#endif
}

static int
limit(int res, rlim_t soft, rlim_t hard, const char *name, char *err,
    size_t errsz)
{
	struct rlimit rl, cur;

	/* never above what the process already has */
	if (getrlimit(res, &cur) == 0 && cur.rlim_max != RLIM_INFINITY &&
	    hard > cur.rlim_max) {
		hard = cur.rlim_max;
		if (soft > hard)
			soft = hard;
	}
	rl.rlim_cur = soft;
	rl.rlim_max = hard;
	if (setrlimit(res, &rl) != 0) {
		snprintf(err, errsz, "setrlimit(%s): %s", name, strerror(errno));
		return -1;
	}
	return 0;
}

int
sandbox_limits(const struct sandbox_limits *l, char *err, size_t errsz)
{
	if (prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0 ||
	    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		snprintf(err, errsz, "prctl: %s", strerror(errno));
		return -1;
	}
	if (limit(RLIMIT_CORE, 0, 0, "CORE", err, errsz) != 0 ||
	    limit(RLIMIT_FSIZE, l->sl_output, l->sl_output, "FSIZE", err,
	    errsz) != 0 ||
	    limit(RLIMIT_NPROC, 0, 0, "NPROC", err, errsz) != 0 ||
	    limit(RLIMIT_NOFILE, (rlim_t)l->sl_maxfd + 1,
	    (rlim_t)l->sl_maxfd + 1, "NOFILE", err, errsz) != 0)
		return -1;
	if (l->sl_cpu > 0 && limit(RLIMIT_CPU, l->sl_cpu, l->sl_cpu + 2, "CPU",
	    err, errsz) != 0)
		return -1;
	if (l->sl_memory > 0 && !sandbox_no_as_limit() &&
	    limit(RLIMIT_AS, l->sl_memory, l->sl_memory, "AS", err, errsz) != 0)
		return -1;
	return 0;
}

#define ALLOW(ctx, name, ...) \
	seccomp_rule_add((ctx), SCMP_ACT_ALLOW, SCMP_SYS(name), __VA_ARGS__)

/* One argument comparison (libseccomp's SCMP_An() macros leave a field
 * out, which clang's warnings refuse). */
static struct scmp_arg_cmp
arg(unsigned n, enum scmp_compare op, scmp_datum_t a, scmp_datum_t b)
{
	struct scmp_arg_cmp c;

	memset(&c, 0, sizeof(c));
	c.arg = n;
	c.op = op;
	c.datum_a = a;
	c.datum_b = b;
	return c;
}

int
sandbox_filter(int in_fd, char *err, size_t errsz)
{
	static const int kill_calls[] = {
		SCMP_SYS(socket), SCMP_SYS(socketpair), SCMP_SYS(connect),
		SCMP_SYS(bind), SCMP_SYS(listen), SCMP_SYS(accept),
		SCMP_SYS(accept4), SCMP_SYS(sendto), SCMP_SYS(sendmsg),
		SCMP_SYS(recvfrom), SCMP_SYS(recvmsg), SCMP_SYS(execve),
		SCMP_SYS(execveat), SCMP_SYS(fork), SCMP_SYS(vfork),
		SCMP_SYS(clone), SCMP_SYS(clone3), SCMP_SYS(ptrace),
		SCMP_SYS(kill), SCMP_SYS(process_vm_readv),
		SCMP_SYS(process_vm_writev), SCMP_SYS(setuid), SCMP_SYS(setgid),
	};
	scmp_filter_ctx ctx;
	size_t i;
	int rc = 0;
	pid_t self = getpid();

	if ((ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM))) == NULL) {
		snprintf(err, errsz, "seccomp_init failed");
		return -1;
	}
	rc |= ALLOW(ctx, read, 1, arg(0, SCMP_CMP_EQ, (scmp_datum_t)in_fd, 0));
	rc |= ALLOW(ctx, lseek, 1, arg(0, SCMP_CMP_EQ, (scmp_datum_t)in_fd, 0));
	rc |= ALLOW(ctx, write, 1, arg(0, SCMP_CMP_EQ, 1, 0));
	rc |= ALLOW(ctx, write, 1, arg(0, SCMP_CMP_EQ, 2, 0));
	rc |= ALLOW(ctx, fstat, 0);
	rc |= ALLOW(ctx, newfstatat, 1, arg(3, SCMP_CMP_EQ, AT_EMPTY_PATH, 0));
	rc |= ALLOW(ctx, brk, 0);
	rc |= ALLOW(ctx, mmap, 1, arg(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	rc |= ALLOW(ctx, mprotect, 1, arg(2, SCMP_CMP_MASKED_EQ, PROT_EXEC, 0));
	rc |= ALLOW(ctx, mremap, 0);
	rc |= ALLOW(ctx, munmap, 0);
	rc |= ALLOW(ctx, madvise, 0);
	rc |= ALLOW(ctx, rt_sigreturn, 0);
	rc |= ALLOW(ctx, rt_sigprocmask, 0);
	rc |= ALLOW(ctx, sigaltstack, 0);
	rc |= ALLOW(ctx, clock_gettime, 0);
	rc |= ALLOW(ctx, gettimeofday, 0);
	rc |= ALLOW(ctx, futex, 0);
	rc |= ALLOW(ctx, getrandom, 0);
	rc |= ALLOW(ctx, getpid, 0);
	rc |= ALLOW(ctx, gettid, 0);
	rc |= ALLOW(ctx, tgkill, 1, arg(0, SCMP_CMP_EQ, (scmp_datum_t)self, 0));
	rc |= ALLOW(ctx, exit, 0);
	rc |= ALLOW(ctx, exit_group, 0);
	for (i = 0; i < sizeof(kill_calls) / sizeof(kill_calls[0]); i++)
		if (kill_calls[i] >= 0)
			rc |= seccomp_rule_add(ctx, SCMP_ACT_KILL_PROCESS,
			    kill_calls[i], 0);
	if (rc != 0) {
		snprintf(err, errsz, "seccomp_rule_add failed");
		seccomp_release(ctx);
		return -1;
	}
	if ((rc = seccomp_load(ctx)) != 0) {
		snprintf(err, errsz, "seccomp_load: %s", strerror(-rc));
		seccomp_release(ctx);
		return -1;
	}
	seccomp_release(ctx);
	return 0;
}
