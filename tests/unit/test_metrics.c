/*
 * Unit tests for the counters: the store keeps them (adds saturate, a
 * maximum only rises, bad keys are refused, an audit record and its
 * counters are written together or not at all), a delta merges its
 * changes, and the exposition prints what the store holds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "metrics.h"
#include "store.h"
#include "store_audit.h"
#include "store_metrics.h"
#include "storefix.h"

static uint64_t
get(struct storefix *f, const char *key)
{
	struct store_count *v;
	size_t n, i;
	uint64_t r = 0;

	assert_int_equal(store_count_list(f->sf_st, &v, &n, NULL), 0);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].sc_key, key) == 0)
			r = v[i].sc_value;
	free(v);
	return r;
}

static struct store_count
cnt(const char *key, uint64_t v, int op)
{
	struct store_count c;

	memset(&c, 0, sizeof(c));
	snprintf(c.sc_key, sizeof(c.sc_key), "%s", key);
	c.sc_value = v;
	c.sc_op = op;
	return c;
}

static void
test_store_counts(void **state)
{
	struct storefix *f = *state;
	struct store_count c[3];

	c[0] = cnt(M_HELD, 2, STORE_COUNT_ADD);
	c[1] = cnt(M_LAST_NOTICE, 1000, STORE_COUNT_MAX);
	c[2] = cnt(M_HELD, 3, STORE_COUNT_ADD);
	assert_int_equal(store_count_add(f->sf_st, c, 3), 0);
	assert_int_equal(get(f, M_HELD), 5);
	c[1] = cnt(M_LAST_NOTICE, 900, STORE_COUNT_MAX);
	assert_int_equal(store_count_add(f->sf_st, &c[1], 1), 0);
	assert_int_equal(get(f, M_LAST_NOTICE), 1000);
	c[0] = cnt(M_HELD, UINT64_MAX - 1, STORE_COUNT_ADD);
	assert_int_equal(store_count_add(f->sf_st, c, 1), 0);
	assert_true(get(f, M_HELD) == UINT64_MAX);	/* saturates, no wrap */
	assert_int_equal(store_count_add(f->sf_st, c, 1), 0);
	assert_true(get(f, M_HELD) == UINT64_MAX);
	c[0] = cnt("two\nlines", 1, STORE_COUNT_ADD);
	assert_int_equal(store_count_add(f->sf_st, c, 1), STORE_EINVAL);
	c[0] = cnt("", 1, STORE_COUNT_ADD);
	assert_int_equal(store_count_add(f->sf_st, c, 1), STORE_EINVAL);
	c[0] = cnt(M_HELD, 1, 7);
	assert_int_equal(store_count_add(f->sf_st, c, 1), STORE_EINVAL);
}

/* An audit record that is refused takes its counters with it. */
static void
test_audit_counted(void **state)
{
	struct storefix *f = *state;
	struct store_audit a;
	struct store_audit_case ac;
	struct store_count c = cnt(M_RESTRICTED, 1, STORE_COUNT_ADD);
	uint64_t id = 9;

	memset(&a, 0, sizeof(a));
	memset(&ac, 0, sizeof(ac));
	a.a_time = 1700000000;
	snprintf(a.a_court, sizeof(a.a_court), "cand");
	snprintf(ac.ac_docket, sizeof(ac.ac_docket), "4:22-cv-05541");
	a.a_ncase = 1;
	a.a_case = &ac;
	assert_int_equal(store_audit_add_counted(f->sf_st, &a, &c, 1, &id), 0);
	assert_true(id > 0);
	assert_int_equal(get(f, M_RESTRICTED), 1);
	snprintf(a.a_court, sizeof(a.a_court), "BAD COURT");
	assert_int_equal(store_audit_add_counted(f->sf_st, &a, &c, 1, &id),
	    STORE_EINVAL);
	assert_int_equal(get(f, M_RESTRICTED), 1);
}

static void
test_delta(void **state)
{
	struct metrics_delta d;
	int i;

	(void)state;
	metrics_delta_init(&d);
	metrics_add(&d, M_DOCUMENTS, "outcome", "login", NULL, NULL, 1);
	metrics_add(&d, M_DOCUMENTS, "outcome", "login", NULL, NULL, 2);
	metrics_add(&d, M_NOTICES, "kind", "District", "action", "a\"b}", 1);
	metrics_add(&d, M_HELD, NULL, NULL, NULL, NULL, 0);	/* no change */
	metrics_observe_fetch(&d, 750);
	assert_int_equal(d.md_n, 2 + 8 + 2);	/* buckets 1..120, count, sum */
	assert_string_equal(d.md_v[0].sc_key,
	    "nefmilter_documents_total{outcome=\"login\"}");
	assert_int_equal(d.md_v[0].sc_value, 3);
	assert_string_equal(d.md_v[1].sc_key,
	    "nefmilter_notices_total{kind=\"district\",action=\"a_b_\"}");
	assert_string_equal(d.md_v[2].sc_key,
	    "nefmilter_fetch_duration_seconds_bucket{le=\"1\"}");
	for (i = 0; i < 200; i++)
		metrics_add(&d, M_ERRORS, "kind", "x", "n", (char[]){ (char)('a' +
		    i % 26), (char)('a' + i / 26), 0 }, 1);
	assert_int_equal(d.md_n, METRICS_DELTA_MAX);
	assert_true(d.md_full);
}

static void
test_write(void **state)
{
	struct store_count v[4];
	struct store_stats s;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	v[0] = cnt("nefmilter_documents_total{outcome=\"login\"}", 4, 0);
	v[1] = cnt("nefmilter_documents_total{outcome=\"held-later\"}", 1, 0);
	v[2] = cnt(M_FETCH "_count", 2, 0);
	v[3] = cnt(M_FETCH "_sum_ms", 1500, 0);
	memset(&s, 0, sizeof(s));
	s.st_map_size = 1 << 20;
	s.st_readers_max = 16;
	fp = open_memstream(&buf, &len);
	assert_int_equal(metrics_write(fp, v, 4, &s), 0);
	fclose(fp);
	assert_non_null(strstr(buf, "# TYPE nefmilter_documents_total counter\n"));
	assert_non_null(strstr(buf, "nefmilter_documents_total{outcome=\"login\"} 4\n"));
	assert_non_null(strstr(buf, "nefmilter_documents_total{outcome=\"pdf\"} 0\n"));
	assert_non_null(strstr(buf, "nefmilter_documents_total{outcome=\"held-later\"} 1\n"));
	assert_non_null(strstr(buf, "nefmilter_held_total 0\n"));
	assert_non_null(strstr(buf, "nefmilter_fetch_duration_seconds_bucket{le=\"+Inf\"} 2\n"));
	assert_non_null(strstr(buf, "nefmilter_fetch_duration_seconds_sum 1.500\n"));
	assert_non_null(strstr(buf, "nefmilter_store_map_size_bytes 1048576\n"));
	assert_non_null(strstr(buf, "nefmilter_store_readers_max 16\n"));
	assert_null(strstr(buf, "_sum_ms"));
	free(buf);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_store_counts, storefix_setup, storefix_teardown),
		cmocka_unit_test_setup_teardown(test_audit_counted, storefix_setup, storefix_teardown),
		cmocka_unit_test(test_delta),
		cmocka_unit_test(test_write),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
