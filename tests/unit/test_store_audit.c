/*
 * Unit tests for the optional items of audit records: they round-trip
 * in order, unknown tags survive, a record written before items existed
 * (version 1 ending after its documents) still reads, and a damaged
 * tail is reported as corrupt instead of being half read.
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

#include "store.h"
#include "store_audit.h"
#include "store_db.h"
#include "store_rec.h"
#include "storefix.h"

#define NOW	1700000000

static void
base(struct store_audit *a, struct store_audit_case *c, const char *qid)
{
	memset(a, 0, sizeof(*a));
	memset(c, 0, sizeof(*c));
	a->a_time = NOW;
	snprintf(a->a_qid, sizeof(a->a_qid), "%s", qid);
	snprintf(a->a_court, sizeof(a->a_court), "cand");
	snprintf(a->a_trust, sizeof(a->a_trust), "verified");
	snprintf(a->a_action, sizeof(a->a_action), "attached");
	snprintf(c->ac_docket, sizeof(c->ac_docket), "4:22-cv-05541");
	c->ac_entry = 57;
	a->a_ncase = 1;
	a->a_case = c;
}

static void
query_qid(struct storefix *f, const char *qid, struct store_audit_list *l)
{
	struct store_audit_query q;

	memset(&q, 0, sizeof(q));
	q.q_entry = STORE_ENTRY_ANY;
	q.q_qid = qid;
	assert_int_equal(store_audit_query(f->sf_st, &q, l), 0);
	assert_int_equal(l->al_n, 1);
}

static void
test_items_round_trip(void **state)
{
	struct storefix *f = *state;
	struct store_audit a, *g;
	struct store_audit_case c;
	struct store_audit_list l;
	char big[STORE_AUDIT_ITEM_MAX + 2];

	base(&a, &c, "4XyZ1");
	assert_int_equal(store_audit_item_add(&a, STORE_AUDIT_TAG_KIND,
	    "district"), 0);
	assert_int_equal(store_audit_item_add(&a, 200, "a tag nobody knows"), 0);
	assert_int_equal(store_audit_item_add(&a, STORE_AUDIT_TAG_LINKS, "2"), 0);
	assert_int_equal(store_audit_item_add(&a, STORE_AUDIT_TAG_HOLD, ""), 0);
	assert_int_equal(store_audit_item_add(&a, 0, "x"), STORE_EINVAL);
	assert_int_equal(store_audit_item_add(&a, 256, "x"), STORE_EINVAL);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(store_audit_item_add(&a, 3, big), STORE_EINVAL);
	big[STORE_AUDIT_ITEM_MAX] = '\0';
	assert_int_equal(store_audit_item_add(&a, STORE_AUDIT_TAG_DOCS, big), 0);
	assert_int_equal(a.a_nitem, 5);
	assert_int_equal(store_audit_add(f->sf_st, &a, NULL), 0);
	store_audit_items_free(&a);
	assert_int_equal(a.a_nitem, 0);

	query_qid(f, "4XyZ1", &l);
	g = &l.al_v[0];
	assert_int_equal(g->a_nitem, 5);
	assert_int_equal(g->a_item[0].ai_tag, STORE_AUDIT_TAG_KIND);
	assert_int_equal(g->a_item[1].ai_tag, 200);
	assert_string_equal(g->a_item[1].ai_value, "a tag nobody knows");
	assert_string_equal(store_audit_item(g, STORE_AUDIT_TAG_KIND), "district");
	assert_string_equal(store_audit_item(g, STORE_AUDIT_TAG_LINKS), "2");
	assert_string_equal(store_audit_item(g, STORE_AUDIT_TAG_HOLD), "");
	assert_int_equal(strlen(store_audit_item(g, STORE_AUDIT_TAG_DOCS)),
	    STORE_AUDIT_ITEM_MAX);
	assert_null(store_audit_item(g, STORE_AUDIT_TAG_NAMES));
	assert_int_equal(g->a_case[0].ac_entry, 57);
	store_audit_list_free(&l);
}

static void
test_item_limit(void **state)
{
	struct storefix *f = *state;
	struct store_audit a;
	struct store_audit_case c;
	int i;

	(void)f;
	base(&a, &c, "4XyZ2");
	for (i = 0; i < STORE_AUDIT_ITEMS; i++)
		assert_int_equal(store_audit_item_add(&a, 100, "v"), 0);
	assert_int_equal(store_audit_item_add(&a, 100, "v"), STORE_EINVAL);
	store_audit_items_free(&a);
}

/* The encoding of version 1, as written before items existed. */
static void
old_record(struct rec_w *w, const char *qid)
{
	rec_put_u8(w, 1);
	rec_put_u64(w, NOW);
	rec_put_str(w, qid);
	rec_put_str(w, "cand");
	rec_put_u8(w, 1);
	rec_put_str(w, "verified");
	rec_put_str(w, "attached");
	rec_put_u16(w, 1);
	rec_put_str(w, "4:22-cv-05541");
	rec_put_u32(w, 45);
	rec_put_u16(w, 1);
	rec_put_str(w, "jdoe@lawfirm.example");
	rec_put_u8(w, 1);
	rec_put_u16(w, 0);
}

struct raw {
	const char	*qid;
	const void	*tail;
	size_t		 ntail;
};

static int
put_raw(struct sdb_txn *t, void *arg)
{
	struct raw *r = arg;
	struct rec_w k, w;
	int rc;

	rec_w_init(&k, REC_KEY_MAX);
	rec_w_init(&w, REC_MAX);
	old_record(&w, r->qid);
	rec_put_bytes(&w, r->tail, r->ntail);
	rec_put_u64(&k, NOW);
	rec_put_u64(&k, 999);
	rc = sdb_put(t, SDB_AUDIT, k.rw_buf, k.rw_len, w.rw_buf, w.rw_len);
	rec_w_reset(&k);
	rec_put_kstr(&k, r->qid);
	rec_put_u64(&k, NOW);
	rec_put_u64(&k, 999);
	if (rc == 0)
		rc = sdb_put(t, SDB_AUDIT_QID, k.rw_buf, k.rw_len, "", 0);
	rec_w_free(&k);
	rec_w_free(&w);
	return rc;
}

static void
test_old_record_reads(void **state)
{
	struct storefix *f = *state;
	struct store_audit_list l;
	struct raw r = { "OLD1", NULL, 0 };

	assert_int_equal(sdb_write(f->sf_st, put_raw, &r), 0);
	query_qid(f, "OLD1", &l);
	assert_int_equal(l.al_v[0].a_nitem, 0);
	assert_null(store_audit_item(&l.al_v[0], STORE_AUDIT_TAG_KIND));
	assert_int_equal(l.al_v[0].a_restricted, 1);
	assert_int_equal(l.al_v[0].a_case[0].ac_entry, 45);
	assert_string_equal(l.al_v[0].a_rcpt[0].ar_addr, "jdoe@lawfirm.example");
	assert_int_equal(l.al_v[0].a_rcpt[0].ar_removed, 1);
	store_audit_list_free(&l);
}

static void
test_damaged_tail(void **state)
{
	static const unsigned char cut[] = { 2, 0, 9, 'd', 'i', 's' };
	static const unsigned char zero_tag[] = { 0, 0, 1, 'x' };
	static const unsigned char nul[] = { 2, 0, 3, 'a', 0, 'b' };
	struct storefix *f = *state;
	struct store_audit_query q;
	struct store_audit_list l;
	struct raw r[] = { { "BAD1", cut, sizeof(cut) },
	    { "BAD2", zero_tag, sizeof(zero_tag) }, { "BAD3", nul, sizeof(nul) } };
	size_t i;

	for (i = 0; i < sizeof(r) / sizeof(r[0]); i++) {
		assert_int_equal(sdb_write(f->sf_st, put_raw, &r[i]), 0);
		memset(&q, 0, sizeof(q));
		q.q_entry = STORE_ENTRY_ANY;
		q.q_qid = r[i].qid;
		assert_int_equal(store_audit_query(f->sf_st, &q, &l),
		    STORE_ECORRUPT);
		assert_int_equal(l.al_n, 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_items_round_trip, storefix_setup, storefix_teardown),
		cmocka_unit_test_setup_teardown(test_item_limit, storefix_setup, storefix_teardown),
		cmocka_unit_test_setup_teardown(test_old_record_reads, storefix_setup, storefix_teardown),
		cmocka_unit_test_setup_teardown(test_damaged_tail, storefix_setup, storefix_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
