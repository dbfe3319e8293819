/*
 * Unit tests of policy/htmlent.c: named, decimal and hexadecimal
 * character references, the legacy no-semicolon rule, attribute mode,
 * malformed references, out-of-range code points, UTF-8 encoding and the
 * sticky strbuf error.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "htmlent.h"
#include "strbuf.h"

#define TEXT	0
#define ATTR	1

/* Decode in (a C string) and compare with want, byte for byte.  The input
 * is copied to a heap block of exactly its length, so that reading past
 * it is caught under AddressSanitizer. */
#define DEC(in, attr, want) \
	check_decode((in), strlen(in), (attr), (want), sizeof(want) - 1)

static void
check_decode(const char *in, size_t inlen, int attr, const char *want,
    size_t wantlen)
{
	struct strbuf	sb = STRBUF_INIT;
	char		*copy;

	copy = malloc(inlen > 0 ? inlen : 1);
	assert_non_null(copy);
	memcpy(copy, in, inlen);
	htmlent_decode(copy, inlen, attr, &sb);
	free(copy);
	assert_int_equal(strbuf_error(&sb), 0);
	if (sb.sb_len != wantlen || memcmp(strbuf_str(&sb), want, wantlen) != 0)
		fail_msg("decode(\"%s\", %s) = \"%s\" (%zu bytes), want \"%s\"",
		    in, attr ? "attr" : "text", strbuf_str(&sb), sb.sb_len,
		    want);
	strbuf_free(&sb);
}

/* The UTF-8 that htmlent_put_utf8 gives for cp. */
static char *
utf8(unsigned long cp)
{
	struct strbuf	sb = STRBUF_INIT;

	htmlent_put_utf8(&sb, cp);
	assert_int_equal(strbuf_error(&sb), 0);
	return strbuf_detach(&sb);
}

static void
assert_utf8(unsigned long cp, const char *want)
{
	char	*s = utf8(cp);

	assert_string_equal(s, want);
	free(s);
}

static void
test_put_utf8(void **state)
{
	(void)state;
	assert_utf8(0x41, "A");
	assert_utf8(0x01, "\x01");
	assert_utf8(0x7f, "\x7f");
	assert_utf8(0x80, "\xc2\x80");
	assert_utf8(0xe9, "\xc3\xa9");
	assert_utf8(0x7ff, "\xdf\xbf");
	assert_utf8(0x800, "\xe0\xa0\x80");
	assert_utf8(0x20ac, "\xe2\x82\xac");
	assert_utf8(0xd7ff, "\xed\x9f\xbf");
	assert_utf8(0xe000, "\xee\x80\x80");
	assert_utf8(0xfffd, "\xef\xbf\xbd");
	assert_utf8(0xffff, "\xef\xbf\xbf");
	assert_utf8(0x10000, "\xf0\x90\x80\x80");
	assert_utf8(0x1f600, "\xf0\x9f\x98\x80");
	assert_utf8(0x10ffff, "\xf4\x8f\xbf\xbf");
	/* invalid code points become U+FFFD */
	assert_utf8(0, "\xef\xbf\xbd");
	assert_utf8(0xd800, "\xef\xbf\xbd");
	assert_utf8(0xdbff, "\xef\xbf\xbd");
	assert_utf8(0xdc00, "\xef\xbf\xbd");
	assert_utf8(0xdfff, "\xef\xbf\xbd");
	assert_utf8(0x110000, "\xef\xbf\xbd");
	assert_utf8(ULONG_MAX, "\xef\xbf\xbd");
}

/* Every named reference of the table, with its code point from the HTML
 * standard.  Legacy (usable without ';') are the Latin-1 ones but apos. */
static const struct {
	const char	*name;
	unsigned long	 cp;
} named[] = {
	{ "amp", 0x26 }, { "lt", 0x3c }, { "gt", 0x3e }, { "quot", 0x22 },
	{ "apos", 0x27 }, { "nbsp", 0xa0 }, { "copy", 0xa9 },
	{ "reg", 0xae }, { "sect", 0xa7 }, { "para", 0xb6 },
	{ "middot", 0xb7 }, { "deg", 0xb0 }, { "plusmn", 0xb1 },
	{ "laquo", 0xab }, { "raquo", 0xbb }, { "shy", 0xad },
	{ "iexcl", 0xa1 }, { "iquest", 0xbf }, { "cent", 0xa2 },
	{ "pound", 0xa3 }, { "yen", 0xa5 }, { "frac12", 0xbd },
	{ "frac14", 0xbc }, { "times", 0xd7 }, { "aacute", 0xe1 },
	{ "eacute", 0xe9 }, { "iacute", 0xed }, { "oacute", 0xf3 },
	{ "uacute", 0xfa }, { "ntilde", 0xf1 }, { "Aacute", 0xc1 },
	{ "Eacute", 0xc9 }, { "Iacute", 0xcd }, { "Oacute", 0xd3 },
	{ "Uacute", 0xda }, { "Ntilde", 0xd1 }, { "uuml", 0xfc },
	{ "ouml", 0xf6 }, { "auml", 0xe4 }, { "ccedil", 0xe7 },
	{ "egrave", 0xe8 }, { "agrave", 0xe0 },
	{ "ndash", 0x2013 }, { "mdash", 0x2014 }, { "lsquo", 0x2018 },
	{ "rsquo", 0x2019 }, { "sbquo", 0x201a }, { "ldquo", 0x201c },
	{ "rdquo", 0x201d }, { "bdquo", 0x201e }, { "hellip", 0x2026 },
	{ "bull", 0x2022 }, { "trade", 0x2122 }, { "euro", 0x20ac },
	{ "dagger", 0x2020 }, { "Dagger", 0x2021 }, { "ensp", 0x2002 },
	{ "emsp", 0x2003 }, { "thinsp", 0x2009 }, { "zwnj", 0x200c },
	{ "zwj", 0x200d }, { "lrm", 0x200e }, { "rlm", 0x200f },
};

static void
test_named_table(void **state)
{
	char	in[32], want[64], *u;
	size_t	i;
	int	legacy;

	(void)state;
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++) {
		u = utf8(named[i].cp);
		legacy = named[i].cp <= 0xff && strcmp(named[i].name, "apos");

		/* with semicolon, in both modes */
		snprintf(in, sizeof(in), "<&%s;>", named[i].name);
		snprintf(want, sizeof(want), "<%s>", u);
		check_decode(in, strlen(in), TEXT, want, strlen(want));
		check_decode(in, strlen(in), ATTR, want, strlen(want));

		/* without semicolon, followed by a space */
		snprintf(in, sizeof(in), "&%s x", named[i].name);
		if (legacy)
			snprintf(want, sizeof(want), "%s x", u);
		else
			snprintf(want, sizeof(want), "&%s x", named[i].name);
		check_decode(in, strlen(in), TEXT, want, strlen(want));
		check_decode(in, strlen(in), ATTR, want, strlen(want));
		free(u);
	}
}

static void
test_named(void **state)
{
	(void)state;
	DEC("", TEXT, "");
	DEC("plain text", TEXT, "plain text");
	DEC("AT&amp;T", TEXT, "AT&T");
	DEC("&lt;b&gt;bold&lt;/b&gt;", TEXT, "<b>bold</b>");
	DEC("&quot;q&quot; &apos;a&apos;", TEXT, "\"q\" 'a'");
	DEC("caf&eacute;", TEXT, "caf\xc3\xa9");
	DEC("a&nbsp;b", TEXT, "a\xc2\xa0" "b");
	DEC("wait&hellip;", TEXT, "wait\xe2\x80\xa6");
	DEC("don&rsquo;t", TEXT, "don\xe2\x80\x99t");
	DEC("&euro;5", TEXT, "\xe2\x82\xac" "5");
	/* names are case-sensitive */
	DEC("&Ntilde;&ntilde;", TEXT, "\xc3\x91\xc3\xb1");
	DEC("&dagger;&Dagger;", TEXT, "\xe2\x80\xa0\xe2\x80\xa1");
	/* a decoded '&' does not start another reference */
	DEC("&amp;lt;", TEXT, "&lt;");
	DEC("&amp;amp;", TEXT, "&amp;");
}

static void
test_legacy_no_semicolon(void **state)
{
	(void)state;
	DEC("&nbsp", TEXT, "\xc2\xa0");
	DEC("a &lt b", TEXT, "a < b");
	DEC("&copy2024", TEXT, "\xc2\xa9" "2024");
	/* the longest legacy name is taken, the rest is text */
	DEC("&ampx", TEXT, "&x");
	DEC("&notanentity", TEXT, "&notanentity");
	DEC("&ltfoo", TEXT, "<foo");
	/* non-legacy names need their semicolon */
	DEC("&hellip", TEXT, "&hellip");
	DEC("&apos", TEXT, "&apos");
	DEC("&mdash-", TEXT, "&mdash-");
	DEC("&euro5", TEXT, "&euro5");
}

static void
test_attr_mode(void **state)
{
	(void)state;
	/* the example of the header */
	DEC("?a=1&copy=2", ATTR, "?a=1&copy=2");
	DEC("?a=1&copy=2", TEXT, "?a=1\xc2\xa9=2");
	/* followed by a letter or digit: left as is */
	DEC("x?&ampy=1", ATTR, "x?&ampy=1");
	DEC("&copy2", ATTR, "&copy2");
	DEC("&ltZ", ATTR, "&ltZ");
	/* followed by anything else, or at the end: decoded */
	DEC("&copy 2", ATTR, "\xc2\xa9 2");
	DEC("&lt.", ATTR, "<.");
	DEC("&nbsp-x", ATTR, "\xc2\xa0-x");
	DEC("&copy", ATTR, "\xc2\xa9");
	DEC("a&amp", ATTR, "a&");
	/* with semicolon the rule does not apply */
	DEC("&copy;=2", ATTR, "\xc2\xa9=2");
	DEC("?a=1&amp;b=2", ATTR, "?a=1&b=2");
	/* numeric references are not affected */
	DEC("&#65x", ATTR, "Ax");
	DEC("&#x41=", ATTR, "A=");
}

static void
test_decimal(void **state)
{
	(void)state;
	DEC("&#65;", TEXT, "A");
	DEC("&#65;&#66;&#67;", TEXT, "ABC");
	DEC("&#0065;", TEXT, "A");
	DEC("&#000000000000000000000065;", TEXT, "A");
	/* the semicolon is optional */
	DEC("&#65", TEXT, "A");
	DEC("&#65x", TEXT, "Ax");
	DEC("&#65 B", TEXT, "A B");
	/* hex letters end a decimal reference */
	DEC("&#6a;", TEXT, "\x06" "a;");
	DEC("&#233;", TEXT, "\xc3\xa9");
	DEC("&#8217;", TEXT, "\xe2\x80\x99");
	DEC("&#128512;", TEXT, "\xf0\x9f\x98\x80");
	DEC("&#1114111;", TEXT, "\xf4\x8f\xbf\xbf");
	DEC("&#9;", TEXT, "\t");
	DEC("&#127;", TEXT, "\x7f");
	DEC("&#160;", TEXT, "\xc2\xa0");
}

static void
test_hex(void **state)
{
	(void)state;
	DEC("&#x41;", TEXT, "A");
	DEC("&#X41;", TEXT, "A");
	DEC("&#x6a;", TEXT, "j");
	DEC("&#x6A;", TEXT, "j");
	DEC("&#x0041;", TEXT, "A");
	DEC("&#x20AC;", TEXT, "\xe2\x82\xac");
	DEC("&#x20ac;", TEXT, "\xe2\x82\xac");
	DEC("&#xFFFF;", TEXT, "\xef\xbf\xbf");
	DEC("&#x1F600;", TEXT, "\xf0\x9f\x98\x80");
	DEC("&#x10FFFF;", TEXT, "\xf4\x8f\xbf\xbf");
	/* optional semicolon; the first non-hex-digit ends it */
	DEC("&#x41", TEXT, "A");
	DEC("&#x41g", TEXT, "Ag");
	DEC("&#x41;;", TEXT, "A;");
	DEC("&#xe9t&#xE9;", TEXT, "\xc3\xa9t\xc3\xa9");
}

static void
test_out_of_range(void **state)
{
	(void)state;
	/* NUL, surrogates and values above U+10FFFF become U+FFFD */
	DEC("&#0;", TEXT, "\xef\xbf\xbd");
	DEC("&#x0;", TEXT, "\xef\xbf\xbd");
	DEC("&#55296;", TEXT, "\xef\xbf\xbd");
	DEC("&#xD800;", TEXT, "\xef\xbf\xbd");
	DEC("&#xDFFF;", TEXT, "\xef\xbf\xbd");
	DEC("&#xE000;", TEXT, "\xee\x80\x80");
	DEC("&#1114112;", TEXT, "\xef\xbf\xbd");
	DEC("&#x110000;", TEXT, "\xef\xbf\xbd");
	/* very long numbers are consumed whole: no wrap-around to a valid
	 * code point (2^64 + 65 would wrap to 'A') */
	DEC("&#18446744073709551681;", TEXT, "\xef\xbf\xbd");
	DEC("&#x10000000000000041;", TEXT, "\xef\xbf\xbd");
	DEC("&#99999999999999999999999999999999x", TEXT, "\xef\xbf\xbd" "x");
	DEC("&#xFFFFFFFFFFFFFFFFFFFFFFFF;z", TEXT, "\xef\xbf\xbd" "z");
}

/* &#128; .. &#159; are read as Windows-1252. */
static void
test_c1_windows1252(void **state)
{
	static const unsigned long cp1252[32] = {
		0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
		0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
		0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
		0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178
	};
	char	in[16], *u;
	int	i;

	(void)state;
	for (i = 0; i < 32; i++) {
		u = utf8(cp1252[i]);
		snprintf(in, sizeof(in), "&#%d;", 0x80 + i);
		check_decode(in, strlen(in), TEXT, u, strlen(u));
		snprintf(in, sizeof(in), "&#x%X", 0x80 + i);
		check_decode(in, strlen(in), TEXT, u, strlen(u));
		free(u);
	}
	DEC("&#150;", TEXT, "\xe2\x80\x93");
	DEC("&#x9F;", TEXT, "\xc5\xb8");
	/* the neighbours are not remapped */
	DEC("&#x7F;", TEXT, "\x7f");
	DEC("&#xA0;", TEXT, "\xc2\xa0");
}

static void
test_malformed(void **state)
{
	(void)state;
	DEC("&", TEXT, "&");
	DEC("a & b", TEXT, "a & b");
	DEC("a&&b", TEXT, "a&&b");
	DEC("&&amp;", TEXT, "&&");
	DEC("&;", TEXT, "&;");
	DEC("&foo;", TEXT, "&foo;");
	DEC("&AMP;", TEXT, "&AMP;");	/* not in the table */
	DEC("&am", TEXT, "&am");
	DEC("&am;", TEXT, "&am;");
	DEC("& amp;", TEXT, "& amp;");
	DEC("&#", TEXT, "&#");
	DEC("&#;", TEXT, "&#;");
	DEC("&#x", TEXT, "&#x");
	DEC("&#x;", TEXT, "&#x;");
	DEC("&#xg;", TEXT, "&#xg;");
	DEC("&#-65;", TEXT, "&#-65;");
	DEC("&# 65;", TEXT, "&# 65;");
	DEC("&#a;", TEXT, "&#a;");
	DEC("&x41;", TEXT, "&x41;");
	DEC("&&#x;&", ATTR, "&&#x;&");
	DEC("trailing&", TEXT, "trailing&");
}

static void
test_length_bounds(void **state)
{
	(void)state;
	/* only s[0..len) is decoded */
	check_decode("&amp;xyz", 4, TEXT, "&", 1);
	check_decode("&amp;xyz", 4, ATTR, "&", 1);
	check_decode("&lt;", 2, TEXT, "&l", 2);
	check_decode("&#65;", 3, TEXT, "\x06", 1);
	check_decode("&#x41;", 3, TEXT, "&#x", 3);
	check_decode("&hellip;", 7, TEXT, "&hellip", 7);
	check_decode("abc", 0, TEXT, "", 0);
	/* a reference or '&' right at the end of the input */
	check_decode("a&", 2, TEXT, "a&", 2);
	check_decode("&#65", 4, TEXT, "A", 1);
	check_decode("&#x4", 4, TEXT, "\x04", 1);
	check_decode("&gt", 3, ATTR, ">", 1);
	/* NUL bytes are ordinary text */
	check_decode("a\0&amp;b", 8, TEXT, "a\0&b", 4);
	check_decode("&\0", 2, TEXT, "&\0", 2);
}

static void
test_decode_one(void **state)
{
	struct strbuf	sb = STRBUF_INIT;

	(void)state;
	assert_int_equal(htmlent_decode_one("amp;rest", 8, TEXT, &sb), 4);
	assert_string_equal(strbuf_str(&sb), "&");
	assert_int_equal(htmlent_decode_one("copy", 4, TEXT, &sb), 4);
	assert_string_equal(strbuf_str(&sb), "&\xc2\xa9");
	assert_int_equal(htmlent_decode_one("ltx", 3, TEXT, &sb), 2);
	assert_string_equal(strbuf_str(&sb), "&\xc2\xa9<");
	/* len cuts the semicolon off: legacy match without it */
	assert_int_equal(htmlent_decode_one("amp;", 3, TEXT, &sb), 3);
	assert_string_equal(strbuf_str(&sb), "&\xc2\xa9<&");
	strbuf_reset(&sb);

	assert_int_equal(htmlent_decode_one("#x41;", 5, TEXT, &sb), 5);
	assert_int_equal(htmlent_decode_one("#66", 3, TEXT, &sb), 3);
	assert_int_equal(htmlent_decode_one("#67;x", 5, TEXT, &sb), 4);
	assert_int_equal(htmlent_decode_one("#x1F600;", 8, TEXT, &sb), 8);
	assert_string_equal(strbuf_str(&sb), "ABC\xf0\x9f\x98\x80");
	strbuf_reset(&sb);

	/* not a reference: 0 and nothing appended */
	assert_int_equal(htmlent_decode_one("", 0, TEXT, &sb), 0);
	assert_int_equal(htmlent_decode_one("foo;", 4, TEXT, &sb), 0);
	assert_int_equal(htmlent_decode_one("#", 1, TEXT, &sb), 0);
	assert_int_equal(htmlent_decode_one("#x;", 3, TEXT, &sb), 0);
	assert_int_equal(htmlent_decode_one("hellip", 6, TEXT, &sb), 0);
	assert_int_equal(htmlent_decode_one("copyx", 5, ATTR, &sb), 0);
	assert_int_equal(htmlent_decode_one("copy=", 5, ATTR, &sb), 0);
	assert_int_equal(htmlent_decode_one("am", 2, TEXT, &sb), 0);
	assert_int_equal(sb.sb_len, 0);
	assert_string_equal(strbuf_str(&sb), "");

	/* a semicolon just past len is not used */
	assert_int_equal(htmlent_decode_one("#65;", 3, TEXT, &sb), 3);
	assert_int_equal(htmlent_decode_one("#x41;", 4, TEXT, &sb), 4);
	assert_int_equal(htmlent_decode_one("lt;", 2, TEXT, &sb), 2);
	assert_string_equal(strbuf_str(&sb), "AA<");
	strbuf_reset(&sb);

	/* the same in text mode is a reference */
	assert_int_equal(htmlent_decode_one("copyx", 5, TEXT, &sb), 4);
	assert_string_equal(strbuf_str(&sb), "\xc2\xa9");
	strbuf_free(&sb);
}

static void
test_appends(void **state)
{
	struct strbuf	sb = STRBUF_INIT;

	(void)state;
	strbuf_puts(&sb, "x:");
	htmlent_decode("&lt;", 4, TEXT, &sb);
	htmlent_decode(" &gt;", 5, TEXT, &sb);
	assert_string_equal(strbuf_str(&sb), "x:< >");
	strbuf_free(&sb);
}

static void
test_sticky_error(void **state)
{
	struct strbuf	sb;
	static const char in[] = "&copy;&copy;&copy;";

	(void)state;
	/* room for two 2-byte characters: the third is refused whole */
	strbuf_init(&sb, 4);
	htmlent_decode(in, sizeof(in) - 1, TEXT, &sb);
	assert_int_equal(strbuf_error(&sb), E2BIG);
	assert_int_equal(sb.sb_len, 4);
	assert_memory_equal(strbuf_str(&sb), "\xc2\xa9\xc2\xa9", 5);
	strbuf_free(&sb);

	/* text after a refused reference is not appended either */
	strbuf_init(&sb, 3);
	htmlent_decode("ab&lt;cd&amp;", 13, TEXT, &sb);
	assert_int_equal(strbuf_error(&sb), E2BIG);
	assert_string_equal(strbuf_str(&sb), "ab<");
	strbuf_free(&sb);

	/* a literal '&' counts against the limit too */
	strbuf_init(&sb, 2);
	htmlent_decode("ab&c", 4, TEXT, &sb);
	assert_int_equal(strbuf_error(&sb), E2BIG);
	assert_string_equal(strbuf_str(&sb), "ab");
	strbuf_free(&sb);

	/* a buffer already in error takes nothing */
	strbuf_init(&sb, 1);
	strbuf_puts(&sb, "xy");
	assert_int_equal(strbuf_error(&sb), E2BIG);
	htmlent_decode("&amp;", 5, TEXT, &sb);
	htmlent_put_utf8(&sb, 0x1f600);
	assert_string_equal(strbuf_str(&sb), "");
	assert_int_equal(strbuf_error(&sb), E2BIG);
	strbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_put_utf8),
		cmocka_unit_test(test_named_table),
		cmocka_unit_test(test_named),
		cmocka_unit_test(test_legacy_no_semicolon),
		cmocka_unit_test(test_attr_mode),
		cmocka_unit_test(test_decimal),
		cmocka_unit_test(test_hex),
		cmocka_unit_test(test_out_of_range),
		cmocka_unit_test(test_c1_windows1252),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_length_bounds),
		cmocka_unit_test(test_decode_one),
		cmocka_unit_test(test_appends),
		cmocka_unit_test(test_sticky_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
