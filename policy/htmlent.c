/*
 * NAME
 *	htmlent 3 - HTML character references
 * SYNOPSIS
 *	#include "htmlent.h"
 * DESCRIPTION
 *	See htmlent.h.  The named references are a table of the common
 *	ones; the legacy ones that HTML accepts without a semicolon are
 *	marked.
 */
#include <ctype.h>
#include <string.h>

#include "htmlent.h"

static size_t	decode_numeric(const char *, size_t, struct strbuf *);

struct entity {
	const char	*e_name;
	unsigned short	 e_cp;
	unsigned char	 e_legacy;	/* allowed without ';' */
};

static const struct entity entities[] = {
	{ "amp", '&', 1 }, { "lt", '<', 1 }, { "gt", '>', 1 },
	{ "quot", '"', 1 }, { "apos", '\'', 0 }, { "nbsp", 0xa0, 1 },
	{ "copy", 0xa9, 1 }, { "reg", 0xae, 1 }, { "sect", 0xa7, 1 },
	{ "para", 0xb6, 1 }, { "middot", 0xb7, 1 }, { "deg", 0xb0, 1 },
	{ "plusmn", 0xb1, 1 }, { "laquo", 0xab, 1 }, { "raquo", 0xbb, 1 },
	{ "shy", 0xad, 1 }, { "iexcl", 0xa1, 1 }, { "iquest", 0xbf, 1 },
	{ "cent", 0xa2, 1 }, { "pound", 0xa3, 1 }, { "yen", 0xa5, 1 },
	{ "frac12", 0xbd, 1 }, { "frac14", 0xbc, 1 }, { "times", 0xd7, 1 },
	{ "aacute", 0xe1, 1 }, { "eacute", 0xe9, 1 }, { "iacute", 0xed, 1 },
	{ "oacute", 0xf3, 1 }, { "uacute", 0xfa, 1 }, { "ntilde", 0xf1, 1 },
	{ "Aacute", 0xc1, 1 }, { "Eacute", 0xc9, 1 }, { "Iacute", 0xcd, 1 },
	{ "Oacute", 0xd3, 1 }, { "Uacute", 0xda, 1 }, { "Ntilde", 0xd1, 1 },
	{ "uuml", 0xfc, 1 }, { "ouml", 0xf6, 1 }, { "auml", 0xe4, 1 },
	{ "ccedil", 0xe7, 1 }, { "egrave", 0xe8, 1 }, { "agrave", 0xe0, 1 },
	{ "ndash", 0x2013, 0 }, { "mdash", 0x2014, 0 },
	{ "lsquo", 0x2018, 0 }, { "rsquo", 0x2019, 0 },
	{ "sbquo", 0x201a, 0 }, { "ldquo", 0x201c, 0 },
	{ "rdquo", 0x201d, 0 }, { "bdquo", 0x201e, 0 },
	{ "hellip", 0x2026, 0 }, { "bull", 0x2022, 0 },
	{ "trade", 0x2122, 0 }, { "euro", 0x20ac, 0 },
	{ "dagger", 0x2020, 0 }, { "Dagger", 0x2021, 0 },
	{ "ensp", 0x2002, 0 }, { "emsp", 0x2003, 0 },
	{ "thinsp", 0x2009, 0 }, { "zwnj", 0x200c, 0 },
	{ "zwj", 0x200d, 0 }, { "lrm", 0x200e, 0 }, { "rlm", 0x200f, 0 },
	{ NULL, 0, 0 }
};

/* Windows-1252 meaning of the C1 range, as HTML maps &#128;..&#159;. */
static const unsigned short cp1252[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
	0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178
};

void
htmlent_put_utf8(struct strbuf *out, unsigned long cp)
{
	char	b[4];

	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		strbuf_putc(out, (int)cp);
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		strbuf_append(out, b, 2);
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		strbuf_append(out, b, 3);
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		strbuf_append(out, b, 4);
	}
}

/* s[0] == '#'; returns the bytes used after '&', 0 if not an entity. */
static size_t
decode_numeric(const char *s, size_t len, struct strbuf *out)
{
	size_t		i = 1, start;
	unsigned long	cp = 0;
	int		hex = 0, big = 0, d;

	if (i < len && (s[i] == 'x' || s[i] == 'X')) {
		hex = 1;
		i++;
	}
	start = i;
	for (; i < len; i++) {
		if (isdigit((unsigned char)s[i]))
			d = s[i] - '0';
		else if (hex && isxdigit((unsigned char)s[i]))
			d = tolower((unsigned char)s[i]) - 'a' + 10;
		else
			break;
		cp = cp * (hex ? 16 : 10) + (unsigned long)d;
		if (cp > 0x10ffff) {
			big = 1;
			cp = 0x110000;
		}
	}
	if (i == start)
		return 0;
	if (i < len && s[i] == ';')
		i++;
	if (big)
		cp = 0xfffd;
	else if (cp >= 0x80 && cp < 0xa0)
		cp = cp1252[cp - 0x80];
	htmlent_put_utf8(out, cp);
	return i;
}

size_t
htmlent_decode_one(const char *s, size_t len, int attr, struct strbuf *out)
{
	const struct entity *e, *best = NULL;
	size_t	n, bestn = 0;

	if (len == 0)
		return 0;
	if (s[0] == '#')
		return decode_numeric(s, len, out);
	for (e = entities; e->e_name != NULL; e++) {
		n = strlen(e->e_name);
		if (n > len || memcmp(s, e->e_name, n) != 0)
			continue;
		if (n < len && s[n] == ';') {
			htmlent_put_utf8(out, e->e_cp);
			return n + 1;
		}
		if (e->e_legacy && n > bestn) {
			best = e;
			bestn = n;
		}
	}
	if (best == NULL)
		return 0;
	if (attr && bestn < len && (isalnum((unsigned char)s[bestn]) ||
	    s[bestn] == '='))
		return 0;
	htmlent_put_utf8(out, best->e_cp);
	return bestn;
}

void
htmlent_decode(const char *s, size_t len, int attr, struct strbuf *out)
{
	const char	*amp;
	size_t		 i = 0, n;

	while (i < len) {
		amp = memchr(s + i, '&', len - i);
		if (amp == NULL) {
			strbuf_append(out, s + i, len - i);
			return;
		}
		strbuf_append(out, s + i, (size_t)(amp - (s + i)));
		i = (size_t)(amp - s) + 1;
		n = htmlent_decode_one(s + i, len - i, attr, out);
		if (n == 0)
			strbuf_putc(out, '&');
		i += n;
	}
}
