/*
 * test_finding: the findings table of the store (milter/store_finding.c)
 * on a temporary LMDB store: a check and its findings in one record, the
 * latest check of a content, queries by case, by content, by check and
 * by time, the limits, and a store made without the table.
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
#include <lmdb.h>

#include "store.h"
#include "store_finding.h"
#include "text.h"

#define SHA_A	"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
#define SHA_B	"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"

struct fix {
	char		 dir[64];
	struct store	*st;
};

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));
	struct store_opts o;

	snprintf(f->dir, sizeof(f->dir), "/tmp/test_finding.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	rmdir(f->dir);
	memset(&o, 0, sizeof(o));
	o.so_dir = f->dir;
	o.so_map_size = 1 << 20;
	o.so_max_readers = 16;
	o.so_retention = 3600;
	o.so_create = 1;
	if (store_open(&o, &f->st) != STORE_OK)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;
	char cmd[128];

	store_close(f->st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static struct store_finding
finding(const char *docket, int cls, const char *kind, int page)
{
	struct store_finding f;

	memset(&f, 0, sizeof(f));
	text_strlcpy(f.f_qid, "4QX1", sizeof(f.f_qid));
	text_strlcpy(f.f_court, "cand", sizeof(f.f_court));
	text_strlcpy(f.f_docket, docket, sizeof(f.f_docket));
	f.f_entry = 58;
	text_strlcpy(f.f_key, "035020918800", sizeof(f.f_key));
	f.f_att = 3;
	text_strlcpy(f.f_label, "2024-03-14_cand_ECF58-3.pdf", sizeof(f.f_label));
	f.f_class = cls;
	text_strlcpy(f.f_kind, kind, sizeof(f.f_kind));
	f.f_page = page;
	f.f_bbox[0] = 192.05f;
	f.f_bbox[1] = 71.0f;
	f.f_bbox[2] = 361.45f;
	f.f_bbox[3] = 89.0f;
	return f;
}

static struct store_check
check(const char *sha, int64_t t, int status)
{
	struct store_check c;

	memset(&c, 0, sizeof(c));
	text_strlcpy(c.c_sha256, sha, sizeof(c.c_sha256));
	c.c_time = t;
	c.c_status = status;
	c.c_pages = 5;
	return c;
}

static void
test_record_and_query(void **state)
{
	struct fix *f = *state;
	struct store_finding v[3], *out;
	struct store_finding_query q;
	struct store_check c, got;
	size_t n;

	v[0] = finding("4:22-cv-05541", STORE_FC_REDACTION, "cover", 4);
	v[1] = finding("4:22-cv-05541", STORE_FC_IDENTIFIER, "ssn", 2);
	text_strlcpy(v[1].f_shown, "XXX-XX-6789", sizeof(v[1].f_shown));
	v[1].f_flags = STORE_FF_FIRM;
	c = check(SHA_A, 1000, 0);
	c.c_nred = c.c_nids = 1;
	assert_int_equal(store_finding_record(f->st, &c, v, 2), STORE_OK);
	assert_true(c.c_id > 0);
	assert_true(v[0].f_id > c.c_id && v[1].f_id > v[0].f_id);
	assert_int_equal(store_check_get(f->st, SHA_A, &got), STORE_OK);
	assert_int_equal(got.c_id, c.c_id);
	assert_int_equal(got.c_time, 1000);
	assert_int_equal(got.c_pages, 5);
	assert_int_equal(got.c_nred, 1);
	assert_int_equal(store_check_get(f->st, SHA_B, &got), STORE_ENOTFOUND);

	/* another case, another content, later; then the first again */
	v[2] = finding("1:23-bk-10253", STORE_FC_UNCHECKED, "timeout", 0);
	text_strlcpy(v[2].f_detail, "no answer within 60 s", sizeof(v[2].f_detail));
	c = check(SHA_B, 2000, 2);
	assert_int_equal(store_finding_record(f->st, &c, &v[2], 1), STORE_OK);

	memset(&q, 0, sizeof(q));
	assert_int_equal(store_finding_query(f->st, &q, &out, &n), STORE_OK);
	assert_int_equal(n, 3);
	assert_int_equal(out[0].f_time, 1000);
	assert_string_equal(out[0].f_kind, "cover");
	assert_int_equal(out[0].f_page, 4);
	assert_true(out[0].f_bbox[2] > 361.44f && out[0].f_bbox[2] < 361.46f);
	assert_string_equal(out[0].f_sha256, SHA_A);
	assert_string_equal(out[1].f_shown, "XXX-XX-6789");
	assert_int_equal(out[1].f_flags, STORE_FF_FIRM);
	assert_int_equal(out[2].f_class, STORE_FC_UNCHECKED);
	assert_string_equal(out[2].f_detail, "no answer within 60 s");
	free(out);

	q.fq_court = "cand";
	q.fq_docket = "1:23-bk-10253";
	assert_int_equal(store_finding_query(f->st, &q, &out, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(out[0].f_kind, "timeout");
	free(out);

	memset(&q, 0, sizeof(q));
	q.fq_sha256 = SHA_A;
	assert_int_equal(store_finding_query(f->st, &q, &out, &n), STORE_OK);
	assert_int_equal(n, 2);
	free(out);
	/* a later check of the same content: the latest counts */
	c = check(SHA_A, 3000, 0);
	v[0] = finding("4:22-cv-05541", STORE_FC_REDACTION, "image", 1);
	assert_int_equal(store_finding_record(f->st, &c, v, 1), STORE_OK);
	assert_int_equal(store_check_get(f->st, SHA_A, &got), STORE_OK);
	q.fq_check = got.c_id;
	assert_int_equal(store_finding_query(f->st, &q, &out, &n), STORE_OK);
	assert_int_equal(n, 1);
	assert_string_equal(out[0].f_kind, "image");
	free(out);

	memset(&q, 0, sizeof(q));
	q.fq_since = 1500;
	q.fq_until = 2500;
	assert_int_equal(store_finding_query(f->st, &q, &out, &n), STORE_OK);
	assert_int_equal(n, 1);
	free(out);
	memset(&q, 0, sizeof(q));
	q.fq_limit = 2;
	assert_int_equal(store_finding_query(f->st, &q, &out, &n), STORE_OK);
	assert_int_equal(n, 2);
	assert_int_equal(out[1].f_time, 3000);
	free(out);
	assert_string_equal(store_finding_class_name(STORE_FC_IDENTIFIER),
	    "identifier");
}

static void
test_limits(void **state)
{
	struct fix *f = *state;
	struct store_finding v = finding("4:22-cv-05541", STORE_FC_REDACTION,
	    "cover", 1);
	struct store_check c = check("not-a-sha", 1, 0);

	assert_int_equal(store_finding_record(f->st, &c, &v, 1), STORE_EINVAL);
	c = check(SHA_A, 1, 0);
	assert_int_equal(store_finding_record(f->st, &c, NULL, 1), STORE_EINVAL);
	assert_int_equal(store_finding_record(f->st, &c, &v,
	    STORE_FINDINGS_MAX + 1), STORE_EINVAL);
	text_strlcpy(v.f_court, "NOT A COURT!", sizeof(v.f_court));
	assert_int_equal(store_finding_record(f->st, &c, &v, 1), STORE_EINVAL);
	v = finding("4:22-cv-05541", 7, "cover", 1);
	assert_int_equal(store_finding_record(f->st, &c, &v, 1), STORE_EINVAL);
	c.c_status = 300;
	v = finding("4:22-cv-05541", STORE_FC_REDACTION, "cover", 1);
	assert_int_equal(store_finding_record(f->st, &c, &v, 1), STORE_EINVAL);
	/* a check with no finding is a record too */
	c = check(SHA_B, 5, 0);
	assert_int_equal(store_finding_record(f->st, &c, NULL, 0), STORE_OK);
}

/* A store made by a version without the findings tables gets them when
 * it is opened (without "create"). */
static void
test_upgrade(void **state)
{
	static const char *const names[] = { "finding", "finding_case",
	    "finding_sha", "check" };
	struct fix *f = *state;
	struct store_opts o;
	struct store_check c = check(SHA_A, 7, 0), got;
	char db[96];
	MDB_env *env;
	MDB_txn *txn;
	MDB_dbi dbi;
	size_t i;

	f->st = store_close(f->st);
	snprintf(db, sizeof(db), "%s/db", f->dir);
	assert_int_equal(mdb_env_create(&env), 0);
	assert_int_equal(mdb_env_set_maxdbs(env, 64), 0);
	assert_int_equal(mdb_env_open(env, db, 0, 0600), 0);
	assert_int_equal(mdb_txn_begin(env, NULL, 0, &txn), 0);
	for (i = 0; i < 4; i++) {
		assert_int_equal(mdb_dbi_open(txn, names[i], 0, &dbi), 0);
		assert_int_equal(mdb_drop(txn, dbi, 1), 0);
	}
	assert_int_equal(mdb_txn_commit(txn), 0);
	mdb_env_close(env);
	memset(&o, 0, sizeof(o));
	o.so_dir = f->dir;
	o.so_map_size = 1 << 20;
	o.so_max_readers = 16;
	o.so_retention = 3600;
	assert_int_equal(store_open(&o, &f->st), STORE_OK);
	assert_int_equal(store_finding_record(f->st, &c, NULL, 0), STORE_OK);
	assert_int_equal(store_check_get(f->st, SHA_A, &got), STORE_OK);
	assert_int_equal(got.c_time, 7);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_record_and_query, setup, teardown),
		cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upgrade, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
