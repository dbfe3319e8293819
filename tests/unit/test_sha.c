/* Unit tests for milter/sha (GChecksum): the FIPS 180-2 / NIST vectors,
 * streamed in odd pieces, and reuse after sha_reset(). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sha.h"

static const char *
hexof(const void *p, size_t n)
{
	static char hex[SHA_HEX_SIZE];

	return sha_buf_hex(p, n, hex);
}

static void
test_vectors(void **state)
{
	(void)state;
	assert_string_equal(hexof("", 0),
	    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	assert_string_equal(hexof("abc", 3),
	    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_string_equal(hexof("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56),
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	assert_string_equal(hexof("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
	    "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu", 112),
	    "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

static void
test_million_a_streamed(void **state)
{
	struct sha *h = sha_new();
	unsigned char chunk[997];
	char hex[SHA_HEX_SIZE];
	size_t left = 1000000, n;

	(void)state;
	memset(chunk, 'a', sizeof(chunk));
	while (left > 0) {	/* odd chunk size: partial blocks */
		n = left < sizeof(chunk) ? left : sizeof(chunk);
		sha_update(h, chunk, n);
		left -= n;
	}
	assert_string_equal(sha_hex(h, hex),
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	sha_free(h);
}

static void
test_split_equals_whole_and_reset(void **state)
{
	unsigned char buf[300];
	char whole[SHA_HEX_SIZE], part[SHA_HEX_SIZE];
	struct sha *h = sha_new();
	size_t i, cut;

	(void)state;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7 + 3);
	sha_buf_hex(buf, sizeof(buf), whole);
	for (cut = 0; cut <= sizeof(buf); cut += 13) {
		sha_reset(h);
		sha_update(h, buf, cut);
		sha_update(h, buf + cut, sizeof(buf) - cut);
		assert_string_equal(sha_hex(h, part), whole);
	}
	for (i = 50; i < 70; i++) {	/* around the padding boundary */
		sha_buf_hex(buf, i, whole);
		sha_reset(h);
		sha_update(h, buf, 1);
		sha_update(h, buf + 1, i - 1);
		assert_string_equal(sha_hex(h, part), whole);
	}
	assert_null(sha_free(h));
	assert_null(sha_free(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_million_a_streamed),
		cmocka_unit_test(test_split_equals_whole_and_reset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
