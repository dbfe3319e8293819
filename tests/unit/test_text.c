/*
 * Unit tests of policy/text.c: printable copies of untrusted bytes,
 * case-insensitive search and prefix, strlcpy, digits, hex digits and the
 * error formatter.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Bytes of buf from off on must all still be 'Z' (nothing written there). */
static void
assert_untouched(const char *buf, size_t off, size_t size)
{
	size_t	i;

	for (i = off; i < size; i++)
		assert_int_equal(buf[i], 'Z');
}

static void
test_printable_plain(void **state)
{
	char	buf[32];

	(void)state;
	memset(buf, 'Z', sizeof(buf));
	assert_ptr_equal(text_printable(buf, 16, "hello, world", 12), buf);
	assert_string_equal(buf, "hello, world");
	assert_untouched(buf, 16, sizeof(buf));

	/* len is honoured: bytes after len are not copied */
	assert_string_equal(text_printable(buf, 16, "abcdef", 3), "abc");

	/* empty input */
	memset(buf, 'Z', sizeof(buf));
	assert_string_equal(text_printable(buf, 16, "", 0), "");
	assert_untouched(buf, 1, sizeof(buf));

	/* NULL source is treated as empty */
	memset(buf, 'Z', sizeof(buf));
	assert_string_equal(text_printable(buf, 16, NULL, 5), "");
	assert_untouched(buf, 1, sizeof(buf));

	/* space and '~' are the ends of the printable range */
	assert_string_equal(text_printable(buf, 16, " !~", 3), " !~");
}

static void
test_printable_nonprintable(void **state)
{
	static const char src[] = "a\tb\nc\rd\x01" "e\x1f" "f\x7f"
	    "g\x80h\xff" "i\x00j\x1b[0m";
	char	buf[64];

	(void)state;
	text_printable(buf, sizeof(buf), src, sizeof(src) - 1);
	assert_string_equal(buf, "a?b?c?d?e?f?g?h?i?j?[0m");
	assert_int_equal(strlen(buf), sizeof(src) - 1);

	/* UTF-8: every byte of a multibyte character becomes '?' */
	text_printable(buf, sizeof(buf), "caf\xc3\xa9", 5);
	assert_string_equal(buf, "caf??");
}

static void
test_printable_cap(void **state)
{
	char	buf[32];

	(void)state;
	/* fits exactly: dstsz - 1 bytes, no "..." */
	memset(buf, 'Z', sizeof(buf));
	text_printable(buf, 6, "abcde", 5);
	assert_string_equal(buf, "abcde");
	assert_untouched(buf, 6, sizeof(buf));

	/* one byte too long: capped at dstsz - 1 and ends in "..." */
	memset(buf, 'Z', sizeof(buf));
	text_printable(buf, 6, "abcdef", 6);
	assert_string_equal(buf, "ab...");
	assert_untouched(buf, 6, sizeof(buf));

	/* much too long */
	memset(buf, 'Z', sizeof(buf));
	text_printable(buf, 10, "the quick brown fox", 19);
	assert_string_equal(buf, "the qu...");
	assert_int_equal(strlen(buf), 9);
	assert_untouched(buf, 10, sizeof(buf));

	/* the marker replaces the tail even when the tail was unprintable */
	text_printable(buf, 8, "abcd\x01\x02\x03\x04\x05", 9);
	assert_string_equal(buf, "abcd...");

	/* smallest buffer that holds the marker: only the marker */
	memset(buf, 'Z', sizeof(buf));
	text_printable(buf, 4, "abcdef", 6);
	assert_string_equal(buf, "...");
	assert_untouched(buf, 4, sizeof(buf));
}

static void
test_printable_tiny_dst(void **state)
{
	char	buf[8];

	(void)state;
	/* dstsz 0: nothing is written at all */
	memset(buf, 'Z', sizeof(buf));
	assert_ptr_equal(text_printable(buf, 0, "abc", 3), buf);
	assert_untouched(buf, 0, sizeof(buf));

	/* dstsz 1: only the NUL */
	memset(buf, 'Z', sizeof(buf));
	text_printable(buf, 1, "abc", 3);
	assert_string_equal(buf, "");
	assert_untouched(buf, 1, sizeof(buf));

	/* too small for "...": plain truncation, still NUL-terminated */
	memset(buf, 'Z', sizeof(buf));
	text_printable(buf, 3, "abcdef", 6);
	assert_string_equal(buf, "ab");
	assert_untouched(buf, 3, sizeof(buf));
}

static void
test_printable_log_max(void **state)
{
	char	src[500], buf[TEXT_LOG_MAX + 1];

	(void)state;
	memset(src, 'x', sizeof(src));
	text_printable(buf, sizeof(buf), src, sizeof(src));
	assert_int_equal(strlen(buf), TEXT_LOG_MAX);
	assert_memory_equal(buf + TEXT_LOG_MAX - 3, "...", 3);
	assert_int_equal(buf[TEXT_LOG_MAX - 4], 'x');
	assert_int_equal(buf[0], 'x');
}

static void
test_memcasemem(void **state)
{
	static const char hay[] = "Hello, World; hello again";
	static const char aaab[] = "aaab", nul[] = "a\0bC\0d", ends[] = "xazAZ";
	size_t	hl = sizeof(hay) - 1;
	char	*h;

	(void)state;
	assert_ptr_equal(text_memcasemem(hay, hl, "world", 5), hay + 7);
	assert_ptr_equal(text_memcasemem(hay, hl, "WORLD", 5), hay + 7);
	/* the first match wins */
	assert_ptr_equal(text_memcasemem(hay, hl, "HELLO", 5), hay);
	/* match at the very end */
	assert_ptr_equal(text_memcasemem(hay, hl, "AGAIN", 5), hay + hl - 5);
	/* the whole haystack */
	assert_ptr_equal(text_memcasemem(hay, hl, hay, hl), hay);
	/* absent */
	assert_null(text_memcasemem(hay, hl, "planet", 6));
	/* empty needle matches at the start */
	assert_ptr_equal(text_memcasemem(hay, hl, "x", 0), hay);
	assert_ptr_equal(text_memcasemem(hay, 0, "", 0), hay);
	/* needle longer than haystack */
	assert_null(text_memcasemem("abc", 3, "abcd", 4));
	/* only the first haylen bytes are searched */
	assert_null(text_memcasemem(hay, 10, "world", 5));
	assert_ptr_equal(text_memcasemem(hay, 12, "world", 5), hay + 7);
	/* a partial first match must not hide a later one */
	assert_ptr_equal(text_memcasemem(aaab, 4, "AAB", 3), aaab + 1);

	/* embedded NUL bytes are ordinary bytes */
	assert_ptr_equal(text_memcasemem(nul, 6, "c\0D", 3), nul + 3);

	/* the ends of the alphabet fold too */
	assert_ptr_equal(text_memcasemem(hay, hl, "wORLd", 5), hay + 7);
	assert_ptr_equal(text_memcasemem(ends, 5, "AZaz", 4), ends + 1);

	/* only ASCII letters fold: '[' is not '{', '@' is not '`' */
	assert_null(text_memcasemem("x[y", 3, "{", 1));
	assert_null(text_memcasemem("x@y", 3, "`", 1));
	assert_null(text_memcasemem("ab", 2, "\xc1\xc2", 2));

	/* a prefix of the needle at the end of a heap buffer: no overread */
	h = malloc(9);
	assert_non_null(h);
	memcpy(h, "hello wor", 9);
	assert_null(text_memcasemem(h, 9, "WORLD", 5));
	assert_ptr_equal(text_memcasemem(h, 9, "WOR", 3), h + 6);
	free(h);
}

static void
test_has_prefix_ci(void **state)
{
	(void)state;
	assert_int_equal(text_has_prefix_ci("Content-Type: text/plain",
	    "content-type:"), 1);
	assert_int_equal(text_has_prefix_ci("content-type: x",
	    "CONTENT-TYPE:"), 1);
	assert_int_equal(text_has_prefix_ci("abc", "abc"), 1);
	assert_int_equal(text_has_prefix_ci("abc", ""), 1);
	assert_int_equal(text_has_prefix_ci("", ""), 1);
	/* s shorter than prefix */
	assert_int_equal(text_has_prefix_ci("ab", "abc"), 0);
	assert_int_equal(text_has_prefix_ci("", "a"), 0);
	/* mismatch in the middle and at the start */
	assert_int_equal(text_has_prefix_ci("abXd", "abcd"), 0);
	assert_int_equal(text_has_prefix_ci("xbc", "abc"), 0);
	/* the ends of the alphabet fold too */
	assert_int_equal(text_has_prefix_ci("AZaz", "azAZ"), 1);
	/* only ASCII letters fold */
	assert_int_equal(text_has_prefix_ci("[a", "{a"), 0);
	assert_int_equal(text_has_prefix_ci("@", "`"), 0);
	assert_int_equal(text_has_prefix_ci("^", "~"), 0);
}

/* text_strlcpy cases: the result, the return value, and the bytes after
 * the result left untouched ("ZZZ..."). */
static const struct {
	const char	*src;
	size_t		 dstsz;
	size_t		 ret;	/* always strlen(src): truncation shows */
	const char	*want;	/* NULL: nothing written (dstsz 0) */
} strlcpy_cases[] = {
	{ "hello", 16, 5, "hello" },			/* fits */
	{ "hello", 6, 5, "hello" },			/* fits exactly */
	{ "hello", 5, 5, "hell" },			/* truncated */
	{ "a much longer string", 8, 20, "a much " },
	{ "hello", 1, 5, "" },				/* dstsz 1: empty */
	{ "hello", 0, 5, NULL },			/* dstsz 0 */
	{ "", 16, 0, "" },				/* empty source */
};

static void
test_strlcpy(void **state)
{
	char	buf[16];
	size_t	i, used;

	(void)state;
	for (i = 0; i < sizeof(strlcpy_cases) / sizeof(strlcpy_cases[0]); i++) {
		memset(buf, 'Z', sizeof(buf));
		assert_int_equal(text_strlcpy(buf, strlcpy_cases[i].src,
		    strlcpy_cases[i].dstsz), strlcpy_cases[i].ret);
		used = 0;
		if (strlcpy_cases[i].want != NULL) {
			assert_string_equal(buf, strlcpy_cases[i].want);
			used = strlen(strlcpy_cases[i].want) + 1;
		}
		assert_untouched(buf, used, sizeof(buf));
	}
}

static void
test_all_digits(void **state)
{
	(void)state;
	assert_int_equal(text_all_digits("0123456789", 10), 1);
	assert_int_equal(text_all_digits("7", 1), 1);
	/* empty is not "one or more digits" */
	assert_int_equal(text_all_digits("", 0), 0);
	assert_int_equal(text_all_digits("123", 0), 0);
	/* only s[0..n) counts */
	assert_int_equal(text_all_digits("12a", 2), 1);
	assert_int_equal(text_all_digits("12a", 3), 0);
	assert_int_equal(text_all_digits("a12", 3), 0);
	/* the neighbours of '0' and '9' */
	assert_int_equal(text_all_digits("/", 1), 0);
	assert_int_equal(text_all_digits(":", 1), 0);
	assert_int_equal(text_all_digits("1 2", 3), 0);
	assert_int_equal(text_all_digits("-1", 2), 0);
	assert_int_equal(text_all_digits("+1", 2), 0);
	/* NUL and high bytes (e.g. UTF-8 digits) are not digits */
	assert_int_equal(text_all_digits("1\0" "2", 3), 0);
	assert_int_equal(text_all_digits("\xd9\xa1", 2), 0);
}

static void
test_hexval(void **state)
{
	static const char digits[] = "0123456789abcdef";
	int	c, i;

	(void)state;
	for (i = 0; i < 16; i++) {
		assert_int_equal(text_hexval(digits[i]), i);
		if (i >= 10)
			assert_int_equal(text_hexval(digits[i] - 'a' + 'A'), i);
	}
	/* every other byte value is -1 */
	for (c = 0; c < 256; c++) {
		if (strchr("0123456789abcdefABCDEF", c) != NULL && c != 0)
			continue;
		assert_int_equal(text_hexval(c), -1);
	}
	assert_int_equal(text_hexval('g'), -1);
	assert_int_equal(text_hexval('G'), -1);
	assert_int_equal(text_hexval(-1), -1);
	assert_int_equal(text_hexval('a' + 256), -1);
}

static void
test_errf(void **state)
{
	char	err[64], small[8];

	(void)state;
	memset(err, 'Z', sizeof(err));
	assert_int_equal(text_errf(err, sizeof(err), "bad value \"%s\" (%d)",
	    "x", 42), -1);
	assert_string_equal(err, "bad value \"x\" (42)");

	/* truncated to errsz - 1 bytes and NUL-terminated */
	memset(small, 'Z', sizeof(small));
	assert_int_equal(text_errf(small, sizeof(small), "%s",
	    "much too long"), -1);
	assert_string_equal(small, "much to");

	/* NULL err: still -1, nothing to write */
	assert_int_equal(text_errf(NULL, 100, "%s", "ignored"), -1);
	assert_int_equal(text_errf(NULL, 0, "x"), -1);

	/* errsz 0: the buffer is left alone */
	memset(err, 'Z', sizeof(err));
	assert_int_equal(text_errf(err, 0, "%s", "ignored"), -1);
	assert_untouched(err, 0, sizeof(err));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printable_plain),
		cmocka_unit_test(test_printable_nonprintable),
		cmocka_unit_test(test_printable_cap),
		cmocka_unit_test(test_printable_tiny_dst),
		cmocka_unit_test(test_printable_log_max),
		cmocka_unit_test(test_memcasemem),
		cmocka_unit_test(test_has_prefix_ci),
		cmocka_unit_test(test_strlcpy),
		cmocka_unit_test(test_all_digits),
		cmocka_unit_test(test_hexval),
		cmocka_unit_test(test_errf),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
