/*
 * Unit tests of policy/arena.c: zeroed and aligned allocations, chunk
 * boundaries, large requests, string copies, array growth, the sticky
 * error and NULL arenas.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"

#define ALIGNMENT	16	/* what arena.c promises for every block */

static int
all_zero(const void *p, size_t n)
{
	const unsigned char *b = p;
	size_t	i;

	for (i = 0; i < n; i++)
		if (b[i] != 0)
			return 0;
	return 1;
}

static int
aligned(const void *p)
{
	return ((uintptr_t)p % ALIGNMENT) == 0 &&
	    ((uintptr_t)p % _Alignof(max_align_t)) == 0;
}

static void
test_new_free(void **state)
{
	struct arena	*a;

	(void)state;
	a = arena_new();
	assert_non_null(a);
	assert_int_equal(arena_error(a), 0);
	assert_int_equal(arena_used(a), 0);
	/* an arena without allocations frees fine */
	assert_null(arena_free(a));
	/* arena_free(NULL) does nothing */
	assert_null(arena_free(NULL));
}

static void
test_null_arena(void **state)
{
	size_t	cap = 0;

	(void)state;
	assert_null(arena_alloc(NULL, 8));
	assert_null(arena_strndup(NULL, "abc", 3));
	assert_null(arena_strdup(NULL, "abc"));
	assert_int_equal(arena_error(NULL), 1);
	assert_int_equal(arena_used(NULL), 0);
	/* growing inside a NULL arena fails and leaves cap alone */
	assert_null(arena_grow(NULL, NULL, 0, 4, &cap, 3));
	assert_int_equal(cap, 0);
}

static void
test_alloc_basic(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*p, *q, *z, *r;
	size_t		 used;

	(void)state;
	assert_non_null(a);
	p = arena_alloc(a, 10);
	assert_non_null(p);
	assert_true(aligned(p));
	assert_true(all_zero(p, 10));
	used = arena_used(a);
	assert_in_range(used, 10, 10 + ALIGNMENT - 1);
	memset(p, 0xaa, 10);

	q = arena_alloc(a, 1);
	assert_non_null(q);
	assert_true(aligned(q));
	assert_int_equal(*q, 0);
	/* blocks do not overlap */
	assert_true(q >= p + 10 || q + 1 <= p);
	assert_in_range(arena_used(a), used + 1, used + ALIGNMENT);

	/* size 0 still returns a distinct, usable pointer */
	z = arena_alloc(a, 0);
	assert_non_null(z);
	assert_true(z != p && z != q);
	assert_true(aligned(z));
	r = arena_alloc(a, 0);
	assert_non_null(r);
	assert_ptr_not_equal(r, z);
	r = arena_alloc(a, 1);
	assert_non_null(r);
	assert_ptr_not_equal(r, z);

	/* earlier blocks are untouched */
	assert_int_equal(p[0], 0xaa);
	assert_int_equal(p[9], 0xaa);
	assert_int_equal(arena_error(a), 0);
	a = arena_free(a);
	assert_null(a);
}

static void
test_alignment_many_sizes(void **state)
{
	struct arena	*a = arena_new();
	size_t		 n, total = 0;
	void		*p;

	(void)state;
	assert_non_null(a);
	for (n = 0; n < 600; n++) {
		p = arena_alloc(a, n);
		assert_non_null(p);
		assert_true(aligned(p));
		total += n;
	}
	/* several chunks were used; the count covers every request */
	assert_true(arena_used(a) >= total);
	assert_true(arena_used(a) <= total + 600 * ALIGNMENT);
	assert_int_equal(arena_error(a), 0);
	arena_free(a);
}

/* Fill many blocks of various sizes with distinct patterns, then check
 * them all: no block overlaps another, across chunk boundaries. */
static void
test_no_overlap(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*blk[400];
	size_t		 len[400], i, j, want = 0;

	(void)state;
	assert_non_null(a);
	for (i = 0; i < 400; i++) {
		/* mostly small, with exact-quarter-chunk and large ones */
		len[i] = i % 50 == 7 ? ARENA_CHUNK / 4 :
		    i % 97 == 3 ? ARENA_CHUNK + 123 :
		    (i * 37) % 300 + 1;
		blk[i] = arena_alloc(a, len[i]);
		assert_non_null(blk[i]);
		assert_true(aligned(blk[i]));
		assert_true(all_zero(blk[i], len[i]));
		memset(blk[i], (int)(i % 251) + 1, len[i]);
		want += len[i];
	}
	for (i = 0; i < 400; i++)
		for (j = 0; j < len[i]; j++)
			assert_int_equal(blk[i][j], (i % 251) + 1);
	assert_true(arena_used(a) >= want);
	arena_free(a);
}

/* Memory comes back zeroed even when malloc recycles dirty memory. */
static void
test_zeroed_after_reuse(void **state)
{
	struct arena	*a;
	unsigned char	*p;
	int		 round;

	(void)state;
	for (round = 0; round < 3; round++) {
		a = arena_new();
		assert_non_null(a);
		p = arena_alloc(a, 1000);
		assert_non_null(p);
		assert_true(all_zero(p, 1000));
		memset(p, 0x5a, 1000);
		p = arena_alloc(a, 6000);	/* a large block */
		assert_non_null(p);
		assert_true(all_zero(p, 6000));
		memset(p, 0x5a, 6000);
		arena_free(a);
	}
}

static void
test_chunk_fill(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*p[5];
	int		 i;

	(void)state;
	assert_non_null(a);
	/* four quarter-chunk blocks fill exactly one chunk */
	for (i = 0; i < 4; i++) {
		p[i] = arena_alloc(a, ARENA_CHUNK / 4);
		assert_non_null(p[i]);
		memset(p[i], 'a' + i, ARENA_CHUNK / 4);
		if (i > 0)
			assert_ptr_equal(p[i], p[i - 1] + ARENA_CHUNK / 4);
	}
	assert_int_equal(arena_used(a), ARENA_CHUNK);
	/* the next one needs a new chunk */
	p[4] = arena_alloc(a, 1);
	assert_non_null(p[4]);
	assert_true(p[4] < p[0] || p[4] >= p[3] + ARENA_CHUNK / 4);
	for (i = 0; i < 4; i++) {
		assert_int_equal(p[i][0], 'a' + i);
		assert_int_equal(p[i][ARENA_CHUNK / 4 - 1], 'a' + i);
	}
	arena_free(a);
}

static void
test_large(void **state)
{
	struct arena	*a = arena_new();
	unsigned char	*s1, *big, *s2, *huge, *first;
	size_t		 n = 3 * ARENA_CHUNK + 5;

	(void)state;
	assert_non_null(a);

	/* a large request gets its own block, sized to fit */
	huge = arena_alloc(a, n);
	assert_non_null(huge);
	assert_true(aligned(huge));
	assert_true(all_zero(huge, n));
	memset(huge, 0x11, n);
	assert_true(arena_used(a) >= n);

	/* a large request does not waste the current chunk: small blocks
	 * before and after it are adjacent (arena.c DESCRIPTION) */
	s1 = arena_alloc(a, 16);
	assert_non_null(s1);
	big = arena_alloc(a, ARENA_CHUNK / 4 + 1);
	assert_non_null(big);
	assert_true(all_zero(big, ARENA_CHUNK / 4 + 1));
	memset(big, 0x22, ARENA_CHUNK / 4 + 1);
	s2 = arena_alloc(a, 16);
	assert_non_null(s2);
	assert_ptr_equal(s2, s1 + 16);
	/* and again with a second large block */
	first = arena_alloc(a, 2 * ARENA_CHUNK);
	assert_non_null(first);
	memset(first, 0x33, 2 * ARENA_CHUNK);
	assert_ptr_equal(arena_alloc(a, 16), s2 + 16);

	assert_int_equal(huge[0], 0x11);
	assert_int_equal(huge[n - 1], 0x11);
	assert_int_equal(big[ARENA_CHUNK / 4], 0x22);
	assert_int_equal(arena_error(a), 0);
	arena_free(a);
}

static void
test_strdup_strndup(void **state)
{
	struct arena	*a = arena_new();
	const char	*src = "hello, world";
	char		*s, *t;

	(void)state;
	assert_non_null(a);
	s = arena_strdup(a, src);
	assert_non_null(s);
	assert_string_equal(s, src);
	assert_ptr_not_equal(s, src);

	/* strndup copies len bytes and terminates, even mid-string */
	t = arena_strndup(a, src, 5);
	assert_non_null(t);
	assert_string_equal(t, "hello");
	assert_true(aligned(t));

	/* embedded NUL bytes are copied */
	t = arena_strndup(a, "a\0b", 3);
	assert_non_null(t);
	assert_memory_equal(t, "a\0b\0", 4);

	/* empty: s may be NULL when len is 0 */
	t = arena_strndup(a, NULL, 0);
	assert_non_null(t);
	assert_string_equal(t, "");
	t = arena_strdup(a, "");
	assert_non_null(t);
	assert_string_equal(t, "");

	/* strdup(NULL) is NULL and not an error */
	assert_null(arena_strdup(a, NULL));
	assert_int_equal(arena_error(a), 0);

	/* a long string goes into a block of its own */
	{
		char	longs[ARENA_CHUNK];

		memset(longs, 'L', sizeof(longs) - 1);
		longs[sizeof(longs) - 1] = '\0';
		t = arena_strdup(a, longs);
		assert_non_null(t);
		assert_string_equal(t, longs);
	}
	/* the first copy is still intact */
	assert_string_equal(s, src);
	arena_free(a);
}

static void
test_grow(void **state)
{
	struct arena	*a = arena_new();
	int		*v = NULL, *nv;
	size_t		 cap = 0, n = 0, i;

	(void)state;
	assert_non_null(a);
	/* first growth: at least 8 elements */
	v = arena_grow(a, v, n, sizeof(*v), &cap, 1);
	assert_non_null(v);
	assert_int_equal(cap, 8);
	assert_true(aligned(v));
	assert_true(all_zero(v, cap * sizeof(*v)));

	/* no growth needed: the same array comes back */
	assert_ptr_equal(arena_grow(a, v, n, sizeof(*v), &cap, 8), v);
	assert_int_equal(cap, 8);

	/* push 100 elements, growing by doubling, keeping the contents */
	for (i = 0; i < 100; i++) {
		if (n + 1 > cap) {
			size_t	oldcap = cap;

			nv = arena_grow(a, v, n, sizeof(*v), &cap, n + 1);
			assert_non_null(nv);
			assert_ptr_not_equal(nv, v);
			assert_int_equal(cap, oldcap * 2);
			v = nv;
		}
		v[n++] = (int)(i * i);
	}
	assert_int_equal(cap, 128);
	for (i = 0; i < 100; i++)
		assert_int_equal(v[i], (int)(i * i));

	/* want far above cap: straight to the first doubling >= want */
	cap = 8;
	v = arena_grow(a, v, 3, sizeof(*v), &cap, 1000);
	assert_non_null(v);
	assert_int_equal(cap, 1024);
	assert_int_equal(v[0], 0);
	assert_int_equal(v[1], 1);
	assert_int_equal(v[2], 4);
	assert_true(all_zero(v + 3, (1024 - 3) * sizeof(*v)));
	assert_int_equal(arena_error(a), 0);
	arena_free(a);
}

static void
test_grow_overflow(void **state)
{
	struct arena	*a = arena_new();
	size_t		 cap = 0;
	void		*p;

	(void)state;
	assert_non_null(a);
	/* capacity * element size overflows: NULL, sticky error */
	assert_null(arena_grow(a, NULL, 0, SIZE_MAX / 4, &cap, 9));
	assert_int_equal(cap, 0);
	assert_int_equal(arena_error(a), 1);
	assert_null(arena_alloc(a, 1));
	arena_free(a);

	/* an overflow that would wrap to exactly 0 (16 * 2^61) */
	a = arena_new();
	assert_non_null(a);
	cap = 8;
	assert_null(arena_grow(a, NULL, 0, ((size_t)1 << (sizeof(size_t) * 8 - 3)),
	    &cap, 9));
	assert_int_equal(cap, 8);
	assert_int_equal(arena_error(a), 1);
	arena_free(a);
	cap = 0;

	/* a capacity that cannot double any more: NULL, cap unchanged */
	a = arena_new();
	assert_non_null(a);
	p = arena_grow(a, NULL, 0, 1, &cap, SIZE_MAX);
	assert_null(p);
	assert_int_equal(cap, 0);
	assert_int_equal(arena_error(a), 1);
	assert_null(arena_alloc(a, 1));
	arena_free(a);
	/* no arena at all: NULL, nothing written */
	cap = 0;
	assert_null(arena_grow(NULL, NULL, 0, SIZE_MAX / 4, &cap, 9));
}

static void
test_sticky_error(void **state)
{
	struct arena	*a = arena_new();
	size_t		 used;
	void		*p;

	(void)state;
	assert_non_null(a);
	p = arena_alloc(a, 32);
	assert_non_null(p);
	used = arena_used(a);

	/* a request too big to round up */
	assert_null(arena_alloc(a, SIZE_MAX));
	assert_int_equal(arena_error(a), 1);
	assert_int_equal(arena_used(a), used);
	/* from now on every allocation fails */
	assert_null(arena_alloc(a, 1));
	assert_null(arena_strdup(a, "x"));
	assert_null(arena_strndup(a, "x", 1));
	assert_int_equal(arena_error(a), 1);
	assert_int_equal(arena_used(a), used);
	arena_free(a);

	/* the largest request that rounds up, but cannot get a chunk */
	a = arena_new();
	assert_non_null(a);
	assert_null(arena_alloc(a, SIZE_MAX - ALIGNMENT));
	assert_int_equal(arena_error(a), 1);
	assert_null(arena_alloc(a, 1));
	assert_int_equal(arena_used(a), 0);
	arena_free(a);

	/* just over the rounding limit, and sizes that would round up past
	 * SIZE_MAX and wrap to a tiny block */
	{
		static const size_t huge[] = { SIZE_MAX - ALIGNMENT + 1,
		    SIZE_MAX - 8, SIZE_MAX - 1 };
		size_t	i;

		for (i = 0; i < sizeof(huge) / sizeof(huge[0]); i++) {
			a = arena_new();
			assert_non_null(a);
			assert_null(arena_alloc(a, huge[i]));
			assert_int_equal(arena_error(a), 1);
			assert_int_equal(arena_used(a), 0);
			arena_free(a);
		}
	}

	/* strndup of an impossible length returns NULL */
	a = arena_new();
	assert_non_null(a);
	assert_null(arena_strndup(a, "x", SIZE_MAX));
	assert_int_equal(arena_error(a), 1);
	arena_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_free),
		cmocka_unit_test(test_null_arena),
		cmocka_unit_test(test_alloc_basic),
		cmocka_unit_test(test_alignment_many_sizes),
		cmocka_unit_test(test_no_overlap),
		cmocka_unit_test(test_zeroed_after_reuse),
		cmocka_unit_test(test_chunk_fill),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_strdup_strndup),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_grow_overflow),
		cmocka_unit_test(test_sticky_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
