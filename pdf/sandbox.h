/*
 * sandbox: nefpdf's hard limits and its system-call filter, set before
 * it reads a byte of the document.
 *
 * Limits (setrlimit): CPU seconds (soft, then SIGKILL two seconds
 * later), address space (not under AddressSanitizer, which reserves far
 * more than any sane limit), the size of any file it writes (its
 * standard output may be a file), no core files, no new descriptors
 * past the ones it holds, no new processes.  It also stops being
 * dumpable and gives up gaining privileges (PR_SET_NO_NEW_PRIVS).
 *
 * The seccomp filter (libseccomp) allows only what reading the document
 * from its descriptor, computing and writing the report need: read and
 * lseek on the input descriptor, write on standard output and error,
 * fstat of a descriptor, memory (brk, mmap, mremap, munmap, madvise,
 * mprotect; never executable memory), signal return, mask and stack, the
 * clocks, futex, getrandom, and exiting; a process may signal itself
 * (abort()).  Opening or creating files, and everything else, fails
 * with EPERM; network, process creation, exec and tracing kill the
 * process outright (SIGSYS), which the caller sees as a crash.
 */
#ifndef NEF_PDF_SANDBOX_H
#define NEF_PDF_SANDBOX_H

#include <stddef.h>
#include <stdint.h>

struct sandbox_limits {
	unsigned	sl_cpu;		/* seconds; 0: none */
	uint64_t	sl_memory;	/* bytes of address space; 0: none */
	uint64_t	sl_output;	/* bytes a written file may reach */
	int		sl_maxfd;	/* highest descriptor in use */
};

/* 0, or -1 with err (errsz bytes) saying what failed. */
int	 sandbox_limits(const struct sandbox_limits *, char *err, size_t errsz);
/* Install the filter; in_fd is the document's descriptor.  0 or -1. */
int	 sandbox_filter(int in_fd, char *err, size_t errsz);
/* 1 when the address-space limit is skipped (a sanitizer build). */
int	 sandbox_no_as_limit(void);

#endif
