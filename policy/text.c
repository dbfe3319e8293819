/*
 * NAME
 *	text 3 - helpers for untrusted text
 * SYNOPSIS
 *	#include "text.h"
 * DESCRIPTION
 *	text_printable() copies at most dstsz - 1 bytes, replacing control
 *	characters, DEL and bytes >= 0x80 with '?'.  When src does not fit,
 *	the copy ends in "...".
 *
 *	text_memcasemem() finds needle in hay, ASCII case-insensitively.
 *
 *	text_has_prefix_ci() tells whether s starts with prefix, ignoring
 *	ASCII case.
 *
 *	text_strlcpy() is BSD strlcpy: it returns strlen(src).
 *
 *	text_errf() formats an error message into a caller's buffer and
 *	returns -1.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

static int	lc(int);

static int
lc(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

char *
text_printable(char *dst, size_t dstsz, const char *src, size_t len)
{
	size_t	i, n;

	if (dstsz == 0)
		return dst;
	if (src == NULL) {
		src = "";
		len = 0;
	}
	n = len < dstsz - 1 ? len : dstsz - 1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)src[i];

		dst[i] = (c < 0x20 || c >= 0x7f) ? '?' : (char)c;
	}
	dst[n] = '\0';
	if (len > n && n >= 3)
		memcpy(dst + n - 3, "...", 3);
	return dst;
}

const char *
text_memcasemem(const char *hay, size_t haylen, const char *needle, size_t nlen)
{
	size_t	i, j;
	int	first;

	if (nlen == 0)
		return hay;
	if (haylen < nlen)
		return NULL;
	first = lc((unsigned char)needle[0]);
	for (i = 0; i + nlen <= haylen; i++) {
		if (lc((unsigned char)hay[i]) != first)
			continue;
		for (j = 1; j < nlen; j++)
			if (lc((unsigned char)hay[i + j]) !=
			    lc((unsigned char)needle[j]))
				break;
		if (j == nlen)
			return hay + i;
	}
	return NULL;
}

int
text_has_prefix_ci(const char *s, const char *prefix)
{
	while (*prefix != '\0') {
		if (lc((unsigned char)*s) != lc((unsigned char)*prefix))
			return 0;
		s++;
		prefix++;
	}
	return 1;
}

int
text_all_digits(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int
text_hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t
text_strlcpy(char *dst, const char *src, size_t dstsz)
{
	size_t	n = strlen(src);

	if (dstsz > 0) {
		size_t c = n < dstsz - 1 ? n : dstsz - 1;

		memcpy(dst, src, c);
		dst[c] = '\0';
	}
	return n;
}

int
text_errf(char *err, size_t errsz, const char *fmt, ...)
{
	va_list	ap;

	if (err != NULL && errsz > 0) {
		va_start(ap, fmt);
		vsnprintf(err, errsz, fmt, ap);
		va_end(ap);
	}
	return -1;
}
