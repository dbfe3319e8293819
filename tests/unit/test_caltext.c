/*
 * test_caltext: the text the calendar extractor reads (policy/caltext.c):
 * Unicode blanks, invisible characters and typographic punctuation
 * folded, invalid UTF-8 kept, offsets mapped back to the text as given;
 * the extractor on such texts (events found, spans into the original);
 * and the bounded readers of policy/calphrase.c, which never read before
 * the window they are given (a guard page below it).
 */
#include <sys/mman.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "calevent.h"
#include "calphrase.h"
#include "caltext.h"

struct fcase {
	const char	*in;
	const char	*out;
};

static const struct fcase fcases[] = {
	{ "set for\xc2\xa0" "3/4/2027", "set for 3/4/2027" },
	{ "Confer\xc2\xad" "ence", "Conference" },
	{ "Responses\xe2\x80\x8b due", "Responses due" },
	{ "\xef\xbb\xbfStatus", "Status" },
	{ "a\xe2\x80\xaf" "b\xe2\x80\x89" "c\xe3\x80\x80" "d\xe1\x9a\x80" "e", "a b c d e" },
	{ "a\xe2\x80\x8e\xe2\x80\x8f\xe2\x80\xaa\xe2\x80\xae\xe2\x81\xa0\xe2\x81\xa6" "b", "ab" },
	{ "Appellant\xe2\x80\x99s \xe2\x80\x9c" "brief\xe2\x80\x9d", "Appellant's \"brief\"" },
	{ "9:00 \xe2\x80\x93 10:00 \xe2\x80\x94 x", "9:00 - 10:00 - x" },
	{ "a\x0b" "b\x0c" "c\x7f" "d\x01" "e", "a b c d e" },
	{ "tab\tnl\ncr\r", "tab\tnl\ncr\r" },
	{ "Mu\xc3\xb1oz \xc3\xa0 \xe2\x82\xac", "Mu\xc3\xb1oz \xc3\xa0 \xe2\x82\xac" },
	{ "Latin-1\xa0space", "Latin-1 space" },
	{ "bad \xff\xfe \xe2\x80", "bad \xff\xfe \xe2\x80" },
	{ "\xf0\x9f\x93\x85 emoji", "\xf0\x9f\x93\x85 emoji" },
};

static void
test_fold(void **state)
{
	char	out[256];
	size_t	i, n, used;

	(void)state;
	for (i = 0; i < sizeof fcases / sizeof fcases[0]; i++) {
		n = caltext_fold(fcases[i].in, strlen(fcases[i].in), out,
		    sizeof out, &used);
		if (n != strlen(fcases[i].out) || memcmp(out, fcases[i].out, n) != 0)
			fail_msg("case %zu: got \"%.*s\"", i, (int)n, out);
		assert_int_equal(used, strlen(fcases[i].in));
		assert_int_equal(caltext_plain(fcases[i].in, strlen(fcases[i].in)),
		    strcmp(fcases[i].in, fcases[i].out) == 0 &&
		    strspn(fcases[i].in, "abcdefghijklmnopqrstuvwxyz\t\n\r") ==
		    strlen(fcases[i].in));
	}
	assert_true(caltext_plain("Motion Hearing set for 3/4/2027.", 32));
	/* a full buffer stops before a character that does not fit */
	n = caltext_fold("ab\xc3\xa9" "c", 5, out, 3, &used);
	assert_int_equal(n, 2);
	assert_int_equal(used, 2);
}

static void
test_orig(void **state)
{
	const char	*s = "\xef\xbb\xbf" "A\xc2\xa0" "B\xc2\xad" "C\xe2\x80\x99" "D";
	char		 out[64];
	size_t		 n, a, b, c, d, cc, end, *offs[6];

	(void)state;
	n = caltext_fold(s, strlen(s), out, sizeof out, NULL);
	assert_int_equal(n, 6);
	assert_memory_equal(out, "A BC'D", 6);
	d = 5;	/* D */
	a = 0;	/* A */
	c = 4;	/* the apostrophe */
	b = 2;	/* B */
	end = 6;
	offs[0] = &d;
	offs[1] = &a;
	offs[2] = &c;
	offs[3] = &b;
	offs[4] = &end;
	cc = 3;	/* C, after the soft hyphen */
	offs[5] = &cc;
	caltext_orig(s, strlen(s), offs, 6);
	assert_int_equal(s[cc], 'C');
	assert_int_equal(s[a], 'A');
	assert_int_equal(s[b], 'B');
	assert_int_equal((unsigned char)s[c], 0xe2);
	assert_int_equal(s[d], 'D');
	assert_int_equal(end, strlen(s));
}

static void
test_extract(void **state)
{
	struct calev_set *o = calloc(1, sizeof(*o));
	struct calev_in	 in;
	const char	*t = "\xef\xbb\xbfNOTICE:\xc2\xa0Status Confer\xc2\xad" "ence "
	    "set for 3/15/2027 at 09:30\xc2\xa0" "AM in Courtroom\xc2\xa0" "2 "
	    "before Judge Ann\xc2\xa0Lee. Responses\xe2\x80\x8b due by\xc2\xa0"
	    "3/1/2027. Reply due by 2/30/2027.";
	const char	*e;

	(void)state;
	assert_non_null(o);
	memset(&in, 0, sizeof in);
	in.ci_text = t;
	in.ci_len = strlen(t);
	in.ci_court = "ohsd";
	in.ci_ref.y = 2027;
	in.ci_ref.m = in.ci_ref.d = 1;
	calev_extract(&in, o);
	assert_int_equal(o->s_n, 2);
	assert_int_equal(o->s_ev[0].e_kind, CALEV_HEARING);
	assert_string_equal(o->s_ev[0].e_title, "Status Conference");
	assert_int_equal(o->s_ev[0].e_minute, 9 * 60 + 30);
	assert_string_equal(o->s_ev[0].e_location, "Courtroom 2");
	assert_string_equal(o->s_ev[0].e_judge, "Judge Ann Lee");
	/* spans are into the text as given, on its own characters */
	e = t + o->s_ev[0].e_off;
	assert_int_equal(strncmp(e, "NOTICE:\xc2\xa0Status", 15), 0);
	assert_int_equal(t[o->s_ev[0].e_off + o->s_ev[0].e_len], '.');
	assert_int_equal(t[o->s_ev[0].e_off + o->s_ev[0].e_len - 1], 'e');
	assert_int_equal(o->s_ev[1].e_kind, CALEV_DEADLINE);
	assert_string_equal(o->s_ev[1].e_title, "Responses due");
	assert_int_equal(strncmp(t + o->s_ev[1].e_off, "Responses\xe2\x80\x8b", 12), 0);
	assert_int_equal(t[o->s_ev[1].e_off + o->s_ev[1].e_len], '.');
	/* the impossible date is rejected where it stands in the original */
	assert_int_equal(o->s_nrej, 1);
	assert_int_equal(strncmp(t + o->s_rej[0].r_off, "2/30/2027",
	    o->s_rej[0].r_len), 0);
	assert_int_equal(o->s_rej[0].r_len, 9);
	free(o);
}

/*
 * The bytes below the window are a PROT_NONE page: a reader that walks
 * back past lo faults.  A long word straddles the window's start.
 */
static void
test_bounded(void **state)
{
	long		 pg = sysconf(_SC_PAGESIZE);
	char		*m, *s;
	size_t		 lo = 64, end = 200, w;

	(void)state;
	m = mmap(NULL, (size_t)pg * 2, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(m != MAP_FAILED);
	memset(m, 'x', (size_t)pg * 2);
	assert_int_equal(mprotect(m, (size_t)pg, PROT_NONE), 0);
	s = m + pg - (lo - 1);		/* s[lo - 1] is the first readable byte */
	w = calphrase_word_start(s, lo, end);
	assert_true(w == CALPHRASE_NONE);
	s[150] = ' ';
	assert_int_equal(calphrase_word_start(s, lo, end), 151);
	assert_int_equal(calphrase_word_start(s, lo, 151), 151);
	s[lo - 1] = ' ';
	s[150] = 'x';
	assert_int_equal(calphrase_word_start(s, lo, end), lo);
	munmap(m, (size_t)pg * 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_orig),
		cmocka_unit_test(test_extract),
		cmocka_unit_test(test_bounded),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
