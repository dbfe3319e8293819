/*
 * NAME
 *	casename 3 - harmonized case names
 * SUMMARY
 *	fold, drop "et al", normalize "v." and "United States"
 * SYNOPSIS
 *	#include "casename.h"
 *
 *	size_t casename_harmonize(const char *s, size_t len, char *out,
 *	    size_t size);
 * DESCRIPTION
 *	Steps, in order, on at most CASENAME_MAX bytes:
 *
 *	1. White space (and U+00A0) folds to single spaces.
 *	2. Whole words, ASCII case-insensitively: "et al", "et. al.",
 *	   "et al.", "et.al" (with a comma and blanks before) are dropped
 *	   ("Etal" is a word and stays);
 *	   "vs", "vs." and "versus" become "v."; "USA", "U.S.A." (also
 *	   spaced, with or without the last dot) and "United States of
 *	   America" become "United States".  "U.S." alone is kept ("U.S.
 *	   Bank").
 *	3. The parties (the parts around " v. ") lose leading and trailing
 *	   blanks, commas, semicolons, slashes, dashes and underscores.
 *
 *	The result is returned as its length.
 * DIAGNOSTICS
 *	None; the output is cut at size - 1 bytes.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "casename.h"

struct out {
	char	*o_buf;
	size_t	 o_len, o_size;
};

static void	put(struct out *, const char *, size_t);
static int	word_start(const char *, size_t);
static int	word_end(const char *, size_t, size_t);
static size_t	match_et_al(const char *, size_t, size_t);
static size_t	match_usa(const char *, size_t, size_t);
static size_t	match_vs(const char *, size_t, size_t);
static size_t	fold(const char *, size_t, char *, size_t);
static size_t	trim_parties(char *, size_t);
static int	bad_punct(int);

static void
put(struct out *o, const char *s, size_t n)
{
	if (o->o_size == 0)
		return;
	if (n > o->o_size - 1 - o->o_len)
		n = o->o_size - 1 - o->o_len;
	memcpy(o->o_buf + o->o_len, s, n);
	o->o_len += n;
	o->o_buf[o->o_len] = '\0';
}

static int
word_start(const char *s, size_t i)
{
	return i == 0 || !isalnum((unsigned char)s[i - 1]);
}

static int
word_end(const char *s, size_t len, size_t i)
{
	return i >= len || !isalnum((unsigned char)s[i]);
}

/* "et al" forms at i; returns the length matched (with a final '.'). */
static size_t
match_et_al(const char *s, size_t len, size_t i)
{
	size_t	j = i;

	if (!word_start(s, i) || len - i < 4 || strncasecmp(s + i, "et", 2))
		return 0;
	j += 2;
	if (j < len && s[j] == '.')
		j++;
	while (j < len && s[j] == ' ')
		j++;
	if (j == i + 2)		/* "etal": no separator, a word */
		return 0;
	if (len - j < 2 || strncasecmp(s + j, "al", 2) != 0 ||
	    !word_end(s, len, j + 2))
		return 0;
	j += 2;
	if (j < len && s[j] == '.')
		j++;
	return j - i;
}

static size_t
match_usa(const char *s, size_t len, size_t i)
{
	static const char *const forms[] = { "united states of america",
	    "u. s. a.", "u.s.a.", "u.s.a", "usa", NULL };
	size_t	k, n;

	if (!word_start(s, i))
		return 0;
	for (k = 0; forms[k] != NULL; k++) {
		n = strlen(forms[k]);
		if (len - i >= n && strncasecmp(s + i, forms[k], n) == 0 &&
		    (forms[k][n - 1] == '.' || word_end(s, len, i + n)))
			return n;
	}
	return 0;
}

static size_t
match_vs(const char *s, size_t len, size_t i)
{
	if (!word_start(s, i))
		return 0;
	if (len - i >= 6 && strncasecmp(s + i, "versus", 6) == 0 &&
	    word_end(s, len, i + 6))
		return 6;
	if (len - i >= 2 && strncasecmp(s + i, "vs", 2) == 0 &&
	    word_end(s, len, i + 2))
		return (i + 2 < len && s[i + 2] == '.') ? 3 : 2;
	return 0;
}

static size_t
fold(const char *s, size_t len, char *buf, size_t size)
{
	size_t	i, n = 0;
	int	sp = 0;

	for (i = 0; i < len && n + 1 < size; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isspace(c) || (c == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] == 0xa0)) {
			if (c == 0xc2)
				i++;
			sp = 1;
			continue;
		}
		if (sp && n > 0)
			buf[n++] = ' ';
		sp = 0;
		if (n + 1 < size)
			buf[n++] = (char)c;
	}
	buf[n] = '\0';
	return n;
}

static int
bad_punct(int c)
{
	return c == ' ' || c == ',' || c == ';' || c == '/' || c == '-' ||
	    c == '_';
}

/* Trim every party of "A v. B v. C" in place; returns the new length. */
static size_t
trim_parties(char *s, size_t len)
{
	char	 tmp[CASENAME_MAX + 1];
	size_t	 i = 0, n = 0, b, e;
	const char *v;

	while (i <= len) {
		v = i < len ? strstr(s + i, " v. ") : NULL;
		e = v == NULL ? len : (size_t)(v - s);
		b = i;
		while (b < e && bad_punct((unsigned char)s[b]))
			b++;
		while (e > b && bad_punct((unsigned char)s[e - 1]))
			e--;
		if (n > 0 && v != NULL && e == b) {
			/* an empty party: skip it */
		} else {
			if (n > 0) {
				memcpy(tmp + n, " v. ", 4);
				n += 4;
			}
			memcpy(tmp + n, s + b, e - b);
			n += e - b;
		}
		if (v == NULL)
			break;
		i = (size_t)(v - s) + 4;
	}
	if (n >= 4 && strcmp(tmp + n - 4, " v. ") == 0)
		n -= 4;
	memcpy(s, tmp, n);
	s[n] = '\0';
	return n;
}

size_t
casename_harmonize(const char *s, size_t len, char *out, size_t size)
{
	char		 buf[CASENAME_MAX + 1], mid[CASENAME_MAX + 1];
	size_t		 n, i, m;
	struct out	 o = { mid, 0, sizeof mid };

	if (size == 0)
		return 0;
	out[0] = '\0';
	if (s == NULL)
		return 0;
	if (len > CASENAME_MAX)
		len = CASENAME_MAX;
	n = fold(s, len, buf, sizeof buf);
	mid[0] = '\0';
	for (i = 0; i < n; ) {
		if ((m = match_et_al(buf, n, i)) != 0) {
			while (o.o_len > 0 && (mid[o.o_len - 1] == ' ' ||
			    mid[o.o_len - 1] == ','))
				mid[--o.o_len] = '\0';
			i += m;
		} else if ((m = match_vs(buf, n, i)) != 0) {
			put(&o, "v.", 2);
			i += m;
		} else if ((m = match_usa(buf, n, i)) != 0) {
			put(&o, "United States", 13);
			i += m;
		} else {
			put(&o, buf + i, 1);
			i++;
		}
	}
	n = fold(mid, o.o_len, buf, sizeof buf);
	n = trim_parties(buf, n);
	if (n >= size)
		n = size - 1;
	memcpy(out, buf, n);
	out[n] = '\0';
	return n;
}
