/* Unit tests for policy/sha256: the FIPS 180-2 / NIST example vectors. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "sha256.h"

static const char *
hexof(const void *p, size_t n)
{
	static char hex[SHA256_HEX_SIZE];
	unsigned char d[SHA256_DIGEST_LEN];

	sha256_buf(p, n, d);
	return sha256_hex(d, hex);
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
	struct sha256 h;
	unsigned char d[SHA256_DIGEST_LEN], chunk[997];
	char hex[SHA256_HEX_SIZE];
	size_t left = 1000000, n;

	(void)state;
	memset(chunk, 'a', sizeof(chunk));
	sha256_init(&h);
	while (left > 0) {	/* odd chunk size: exercises partial blocks */
		n = left < sizeof(chunk) ? left : sizeof(chunk);
		sha256_update(&h, chunk, n);
		left -= n;
	}
	sha256_final(&h, d);
	assert_string_equal(sha256_hex(d, hex),
	    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void
test_split_equals_whole(void **state)
{
	unsigned char buf[300], d1[32], d2[32];
	struct sha256 h;
	size_t i, cut;

	(void)state;
	for (i = 0; i < sizeof(buf); i++)
		buf[i] = (unsigned char)(i * 7 + 3);
	sha256_buf(buf, sizeof(buf), d1);
	for (cut = 0; cut <= sizeof(buf); cut += 13) {
		sha256_init(&h);
		sha256_update(&h, buf, cut);
		sha256_update(&h, buf + cut, sizeof(buf) - cut);
		sha256_final(&h, d2);
		assert_memory_equal(d1, d2, 32);
	}
	/* lengths around the padding boundary */
	for (i = 50; i < 70; i++) {
		sha256_buf(buf, i, d1);
		sha256_init(&h);
		sha256_update(&h, buf, 1);
		sha256_update(&h, buf + 1, i - 1);
		sha256_final(&h, d2);
		assert_memory_equal(d1, d2, 32);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_vectors),
		cmocka_unit_test(test_million_a_streamed),
		cmocka_unit_test(test_split_equals_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
