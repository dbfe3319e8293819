/*
 * NAME
 *	calphrase 3 - text readers for the calendar extractor
 * SYNOPSIS
 *	#include "calphrase.h"
 * DESCRIPTION
 *	See calphrase.h.  Every function looks at a bounded number of bytes
 *	around the place it is given, or walks forward once; none
 *	allocates.
 * DIAGNOSTICS
 *	None.
 */
#include <string.h>

#include "calphrase.h"

static int	cp_lc(int);
static int	cp_upper(int);
static int	cp_blank(int);
static int	cp_abbrev(const char *, size_t);
static int	cp_zone_word(const char *, size_t, size_t);
static int	cp_invisible(const unsigned char *, size_t);

static int
cp_lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int
cp_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

static int
cp_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

int
calphrase_wordc(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '\'' || c == '(' || c == ')' ||
	    c == '-' || c >= 0x80;
}

/* Is the word before a period an abbreviation (the period does not end
 * the sentence)?  w[0..n) are the letters before the period. */
static int
cp_abbrev(const char *w, size_t n)
{
	static const char *const ab[] = {
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
		"oct", "nov", "dec", "st", "rm", "ste", "no", "nos", "fl",
		"flr", "ave", "blvd", "dr", "jr", "sr", "mr", "ms", "mrs",
		"hon", "crtrm", "ctrm", "bldg", "rd", "ln", "dkt", "doc",
		"ex", "exh", "al", "vs", "mt", "ft", "pkwy", "hwy", "cir",
		"sq", "pl", "bk", "adv", "ch", "para", "fed", "civ", "crim",
		"approx", "est", "dist", "mag",
	};
	size_t	i, j;

	if (n == 1)
		return 1;		/* an initial, "v.", "m." of a.m. */
	for (i = 0; i < sizeof(ab) / sizeof(ab[0]); i++) {
		if (strlen(ab[i]) != n)
			continue;
		for (j = 0; j < n; j++)
			if (cp_lc((unsigned char)w[j]) != ab[i][j])
				break;
		if (j == n)
			return 1;
	}
	return 0;
}

/* A time-zone word at s[j] ("ET", "Central"): the time goes on. */
static int
cp_zone_word(const char *s, size_t len, size_t j)
{
	static const char *const z[] = { "et", "ct", "mt", "pt", "est", "edt",
		"cst", "cdt", "mst", "mdt", "pst", "pdt", "akst", "akdt", "hst",
		"ast", "chst", "eastern", "central", "mountain", "pacific",
		"alaska", "hawaii", "atlantic" };
	size_t	e = j, i;

	while (e < len && ((s[e] >= 'a' && s[e] <= 'z') ||
	    (s[e] >= 'A' && s[e] <= 'Z')))
		e++;
	for (i = 0; i < sizeof(z) / sizeof(z[0]); i++)
		if (calphrase_is(s, j, e, z[i]))
			return 1;
	return 0;
}

size_t
calphrase_sentence_end(const char *s, size_t len, size_t at)
{
	size_t	i, j, w;

	for (i = at; i < len; i++) {
		if (s[i] == ';')
			return i;
		if (s[i] != '.')
			continue;
		if (i + 1 >= len)
			return i;
		for (w = i; w > at && ((s[w - 1] >= 'a' && s[w - 1] <= 'z') ||
		    (s[w - 1] >= 'A' && s[w - 1] <= 'Z')); w--)
			;
		if (cp_upper((unsigned char)s[i + 1])) {
			/* "7/31/2024.Hearing", "(jas).Order" */
			if (i > at && ((s[i - 1] >= '0' && s[i - 1] <= '9') ||
			    s[i - 1] == ')'))
				return i;
			continue;
		}
		if (!cp_blank((unsigned char)s[i + 1]))
			continue;
		for (j = i + 1; j < len && cp_blank((unsigned char)s[j]); j++)
			;
		if (j < len && !cp_upper((unsigned char)s[j]) && s[j] != '(' &&
		    s[j] != '[' && !(s[j] >= '0' && s[j] <= '9'))
			continue;
		/* "a.m." and "p.m." end a sentence before a capital */
		if (i - w == 1 && (s[w] | 0x20) == 'm' && w >= at + 2 &&
		    s[w - 1] == '.' && ((s[w - 2] | 0x20) == 'a' ||
		    (s[w - 2] | 0x20) == 'p') && j < len &&
		    cp_upper((unsigned char)s[j]) && !cp_zone_word(s, len, j))
			return i;
		if (w < i && (w == at || !calphrase_wordc((unsigned char)s[w - 1]) ||
		    s[w - 1] == '.') && cp_abbrev(s + w, i - w))
			continue;
		return i;
	}
	return len;
}

size_t
calphrase_word_start(const char *s, size_t lo, size_t end)
{
	while (end > lo && calphrase_wordc((unsigned char)s[end - 1]))
		end--;
	if (end == lo && end > 0 && calphrase_wordc((unsigned char)s[end - 1]))
		return CALPHRASE_NONE;
	return end;
}

size_t
calphrase_word_end(const char *s, size_t len, size_t at)
{
	while (at < len && calphrase_wordc((unsigned char)s[at]))
		at++;
	return at;
}

size_t
calphrase_skip_blanks(const char *s, size_t len, size_t at)
{
	while (at < len && cp_blank((unsigned char)s[at]))
		at++;
	return at;
}

size_t
calphrase_back_blanks(const char *s, size_t lo, size_t at)
{
	while (at > lo && cp_blank((unsigned char)s[at - 1]))
		at--;
	return at;
}

int
calphrase_is(const char *s, size_t a, size_t b, const char *w)
{
	size_t	i;

	if (b < a || strlen(w) != b - a)
		return 0;
	for (i = 0; a + i < b; i++)
		if (cp_lc((unsigned char)s[a + i]) != w[i])
			return 0;
	return 1;
}

int
calphrase_has_prefix(const char *s, size_t a, size_t b, const char *w)
{
	size_t	i, n = strlen(w);

	if (b < a || b - a < n)
		return 0;
	for (i = 0; i < n; i++)
		if (cp_lc((unsigned char)s[a + i]) != w[i])
			return 0;
	return 1;
}

size_t
calphrase_ends_with(const char *s, size_t lo, size_t end, const char *p)
{
	size_t	pi = strlen(p), i = end;

	if (end > lo && calphrase_wordc((unsigned char)s[end - 1]) &&
	    pi > 0 && !calphrase_wordc((unsigned char)p[pi - 1]))
		return (size_t)-1;
	while (pi > 0) {
		if (i <= lo)
			return (size_t)-1;
		if (p[pi - 1] == ' ' || p[pi - 1] == '-') {
			if (!cp_blank((unsigned char)s[i - 1]) && s[i - 1] != '-')
				return (size_t)-1;
			while (i > lo && (cp_blank((unsigned char)s[i - 1]) ||
			    (p[pi - 1] == '-' && s[i - 1] == '-')))
				i--;
			pi--;
			continue;
		}
		if (cp_lc((unsigned char)s[i - 1]) != (unsigned char)p[pi - 1])
			return (size_t)-1;
		i--;
		pi--;
	}
	if (i > lo && calphrase_wordc((unsigned char)s[i - 1]) &&
	    calphrase_wordc((unsigned char)p[0]))
		return (size_t)-1;
	return i;
}

size_t
calphrase_starts_with(const char *s, size_t len, size_t at, const char *p)
{
	size_t	i = at, k;

	if (at > 0 && calphrase_wordc((unsigned char)s[at - 1]) &&
	    calphrase_wordc((unsigned char)p[0]))
		return 0;
	for (k = 0; p[k] != '\0'; k++) {
		if (p[k] == ' ') {
			if (i >= len || !cp_blank((unsigned char)s[i]))
				return 0;
			i = calphrase_skip_blanks(s, len, i);
			continue;
		}
		if (i >= len || cp_lc((unsigned char)s[i]) != (unsigned char)p[k])
			return 0;
		i++;
	}
	if (i < len && calphrase_wordc((unsigned char)s[i]) &&
	    calphrase_wordc((unsigned char)p[k - 1]))
		return 0;
	return i;
}

size_t
calphrase_find_prefix(const char *s, size_t a, size_t b, const char *w)
{
	size_t	i, e;

	for (i = a; i < b; i = e + 1) {
		while (i < b && !calphrase_wordc((unsigned char)s[i]))
			i++;
		e = calphrase_word_end(s, b, i);
		if (e > i && calphrase_has_prefix(s, i, e, w))
			return i;
		if (e == i)
			e = i;
	}
	return (size_t)-1;
}

size_t
calphrase_utf8_len(const unsigned char *p, size_t n)
{
	size_t	k, i;

	if (p[0] < 0x80)
		return 1;
	if (p[0] >= 0xc2 && p[0] <= 0xdf)
		k = 2;
	else if (p[0] >= 0xe0 && p[0] <= 0xef)
		k = 3;
	else if (p[0] >= 0xf0 && p[0] <= 0xf4)
		k = 4;
	else
		return 0;
	if (k > n)
		return 0;
	for (i = 1; i < k; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((k == 3 && p[0] == 0xe0 && p[1] < 0xa0) ||
	    (k == 3 && p[0] == 0xed && p[1] >= 0xa0) ||
	    (k == 4 && p[0] == 0xf0 && p[1] < 0x90) ||
	    (k == 4 && p[0] == 0xf4 && p[1] >= 0x90))
		return 0;
	return k;
}

/* Soft hyphen, zero-width and direction marks, BOM: dropped. */
static int
cp_invisible(const unsigned char *p, size_t k)
{
	if (k == 2)
		return p[0] == 0xc2 && p[1] == 0xad;
	if (k != 3)
		return 0;
	if (p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		return 1;
	return p[0] == 0xe2 && ((p[1] == 0x80 && ((p[2] >= 0x8b &&
	    p[2] <= 0x8f) || (p[2] >= 0xaa && p[2] <= 0xae))) ||
	    (p[1] == 0x81 && p[2] >= 0xa0 && p[2] <= 0xa9));
}

void
calphrase_copy(char *dst, size_t size, const char *src, size_t len)
{
	const unsigned char *p = (const unsigned char *)src;
	size_t	i = 0, o = 0, k;
	int	blank = 0;

	while (i < len && o + 1 < size) {
		if (p[i] < 0x20 || p[i] == 0x7f || p[i] == ' ') {
			blank = o > 0;
			i++;
			continue;
		}
		k = calphrase_utf8_len(p + i, len - i);
		if (k == 2 && p[i] == 0xc2 && p[i + 1] == 0xa0) {
			blank = o > 0;	/* no-break space */
			i += 2;
			continue;
		}
		if (k > 0 && cp_invisible(p + i, k)) {
			i += k;
			continue;
		}
		if (o + (blank ? 1 : 0) + (k ? k : 1) + 1 > size)
			break;
		if (blank)
			dst[o++] = ' ';
		blank = 0;
		if (k == 0) {
			dst[o++] = '?';
			i++;
		} else {
			memcpy(dst + o, p + i, k);
			o += k;
			i += k;
		}
	}
	dst[o] = '\0';
}

void
calphrase_title_case(char *s)
{
	static const char *const small[] = {
		"of", "to", "for", "and", "the", "on", "in", "re", "a", "an",
		"or", "by", "at",
	};
	size_t	i, a, b, j, up, low;
	int	first = 1;

	for (i = 0; s[i] != '\0'; ) {
		while (s[i] == ' ')
			i++;
		a = i;
		while (s[i] != '\0' && s[i] != ' ')
			i++;
		b = i;
		if (a == b)
			break;
		for (up = low = 0, j = a; j < b; j++) {
			up += cp_upper((unsigned char)s[j]);
			low += s[j] >= 'a' && s[j] <= 'z';
		}
		if (up > 1 && low == 0)
			for (j = a + 1; j < b; j++)
				s[j] = (char)cp_lc((unsigned char)s[j]);
		for (j = 0; !first && j < sizeof(small) / sizeof(small[0]); j++)
			if (calphrase_is(s, a, b, small[j]))
				break;
		if (!first && j < sizeof(small) / sizeof(small[0])) {
			s[a] = (char)cp_lc((unsigned char)s[a]);
			continue;
		}
		for (j = a; j < b; j++)
			if ((j == a || s[j - 1] == '-') && s[j] >= 'a' && s[j] <= 'z')
				s[j] = (char)(s[j] - ('a' - 'A'));
		first = 0;
	}
}

void
calphrase_trim(char *s, const char *chars)
{
	size_t	n = strlen(s), a = 0;

	while (n > 0 && (s[n - 1] == ' ' || strchr(chars, s[n - 1]) != NULL))
		s[--n] = '\0';
	while (a < n && (s[a] == ' ' || strchr(chars, s[a]) != NULL))
		a++;
	if (a > 0)
		memmove(s, s + a, n - a + 1);
}
