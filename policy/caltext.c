/*
 * NAME
 *	caltext 3 - the text the calendar extractor reads
 * SYNOPSIS
 *	#include "caltext.h"
 * DESCRIPTION
 *	See caltext.h.  One reader, ct_char(), says what a character at
 *	s[i] becomes; the fold and the offset map walk the text with it, so
 *	they agree byte for byte.
 * DIAGNOSTICS
 *	None.
 */
#include <string.h>

#include "calphrase.h"
#include "caltext.h"

#define CT_COPY	(-1)	/* the character as it is */
#define CT_DROP	0	/* nothing */

static int	ct_e2(const unsigned char *);
static int	ct_char(const unsigned char *, size_t, size_t *);

/* A three-byte character E2 xx yy (U+2000..U+2FFF) of the table. */
static int
ct_e2(const unsigned char *p)
{
	unsigned	c = ((unsigned)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);

	c += 0x2000;
	if ((c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 ||
	    c == 0x202f || c == 0x205f)
		return ' ';
	if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2060 && c <= 0x2064) || (c >= 0x2066 && c <= 0x2069))
		return CT_DROP;
	if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212)
		return '-';
	if (c == 0x2018 || c == 0x2019 || c == 0x201b || c == 0x2032)
		return '\'';
	if (c == 0x201c || c == 0x201d || c == 0x201f || c == 0x2033)
		return '"';
	return CT_COPY;
}

/* What the character at p (n bytes left) becomes: a byte, CT_DROP or
 * CT_COPY; *k is its length. */
static int
ct_char(const unsigned char *p, size_t n, size_t *k)
{
	*k = 1;
	if (p[0] < 0x80) {
		if ((p[0] < 0x20 && p[0] != '\t' && p[0] != '\n' &&
		    p[0] != '\r') || p[0] == 0x7f)
			return ' ';
		return CT_COPY;
	}
	if ((*k = calphrase_utf8_len(p, n)) == 0) {
		*k = 1;		/* not UTF-8: a Latin-1 no-break space? */
		return p[0] == 0xa0 ? ' ' : CT_COPY;
	}
	if (*k == 2 && p[0] == 0xc2)
		return p[1] == 0xa0 ? ' ' : p[1] == 0xad ? CT_DROP : CT_COPY;
	if (*k != 3)
		return CT_COPY;
	if (p[0] == 0xe2)
		return ct_e2(p);
	if (p[0] == 0xe1 && p[1] == 0x9a && p[2] == 0x80)
		return ' ';	/* U+1680 */
	if (p[0] == 0xe1 && p[1] == 0xa0 && p[2] == 0x8e)
		return CT_DROP;	/* U+180E */
	if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return ' ';	/* U+3000 */
	if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return CT_DROP;	/* U+FEFF */
	return CT_COPY;
}

int
caltext_plain(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	i;

	for (i = 0; i < len; i++)
		if (p[i] >= 0x7f || (p[i] < 0x20 && p[i] != '\t' &&
		    p[i] != '\n' && p[i] != '\r'))
			return 0;
	return 1;
}

size_t
caltext_fold(const char *s, size_t len, char *dst, size_t size, size_t *used)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	i = 0, o = 0, k;
	int	c;

	while (i < len) {
		c = ct_char(p + i, len - i, &k);
		if (c == CT_COPY) {
			if (o + k > size)
				break;
			memcpy(dst + o, s + i, k);
			o += k;
		} else if (c != CT_DROP) {
			if (o + 1 > size)
				break;
			dst[o++] = (char)c;
		}
		i += k;
	}
	if (used != NULL)
		*used = i;
	return o;
}

void
caltext_orig(const char *s, size_t len, size_t *const *offs, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t	*sorted[CALTEXT_MAP_MAX], *t;
	size_t	 i, j, o = 0, k, at = 0, step;
	int	 c;

	if (n > CALTEXT_MAP_MAX)
		n = CALTEXT_MAP_MAX;
	for (i = 0; i < n; i++) {	/* by offset: one walk maps them all */
		t = offs[i];
		for (j = i; j > 0 && *sorted[j - 1] > *t; j--)
			sorted[j] = sorted[j - 1];
		sorted[j] = t;
	}
	for (j = 0; j < n; j++) {
		while (at < len && o <= *sorted[j]) {
			c = ct_char(p + at, len - at, &k);
			step = c == CT_COPY ? k : c == CT_DROP ? 0 : 1;
			/* stop at the character there (after what is dropped
			 * before it), or at the start of one it is inside */
			if (step > 0 && o + step > *sorted[j])
				break;
			o += step;
			at += k;
		}
		*sorted[j] = at;
	}
}
