/*
 * text: small helpers for untrusted text.
 *
 * text_printable() makes bytes safe to log: every byte outside printable
 * ASCII becomes '?', and the result is capped at dstsz - 1 bytes; a capped
 * result ends in "..." (when dstsz is at least 4).  It never fails; dst is
 * always NUL-terminated.
 */
#ifndef NEF_TEXT_H
#define NEF_TEXT_H

#include <stddef.h>

/* The cap used for untrusted text in log lines. */
#define TEXT_LOG_MAX	200

char	*text_printable(char *dst, size_t dstsz, const char *src, size_t len);
const char *text_memcasemem(const char *hay, size_t haylen,
	    const char *needle, size_t nlen);
int	 text_has_prefix_ci(const char *s, const char *prefix);
size_t	 text_strlcpy(char *dst, const char *src, size_t dstsz);
/* 1 when s[0..n) is one or more ASCII digits. */
int	 text_all_digits(const char *s, size_t n);
/* The value of a hex digit, or -1. */
int	 text_hexval(int c);
/* Write a formatted message into err (errsz bytes; err may be NULL) and
 * return -1: the error path of the setting checkers. */
int	 text_errf(char *err, size_t errsz, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));

#endif
