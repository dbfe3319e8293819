/*
 * Unit tests for the digest's layout: a thousand notices stay one
 * readable message (one line per case past digest_max_notices, each
 * section capped), a restricted entry never shows its docket text or
 * document names even when its record carries them, a record written
 * before the optional items existed still shows, and the HTML escapes
 * what it is given and carries no script, style sheet or image.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "digest.h"
#include "digest_html.h"
#include "digest_text.h"
#include "store.h"
#include "strbuf.h"

#define NOW	1800000000

static struct store_audit_case cases[1000];
static struct store_audit_rcpt rcpts[1000];

static void
rec(struct store_audit *a, size_t i, const char *docket, int restricted)
{
	memset(a, 0, sizeof(*a));
	a->a_id = i + 1;
	a->a_time = NOW - 3600 + (int64_t)i;
	snprintf(a->a_qid, sizeof(a->a_qid), "Q%05zu", i);
	snprintf(a->a_court, sizeof(a->a_court), "%s", i % 2 ? "cand" : "nysd");
	snprintf(a->a_trust, sizeof(a->a_trust), "verified");
	snprintf(a->a_action, sizeof(a->a_action), "%s", i % 100 == 7 ?
	    "held" : "attached");
	snprintf(cases[i].ac_docket, sizeof(cases[i].ac_docket), "%s", docket);
	cases[i].ac_entry = (uint32_t)(i + 1);
	a->a_ncase = 1;
	a->a_case = &cases[i];
	snprintf(rcpts[i].ar_addr, sizeof(rcpts[i].ar_addr),
	    "docketing@lawfirm.example");
	a->a_nrcpt = 1;
	a->a_rcpt = &rcpts[i];
	a->a_restricted = restricted;
}

static struct digest *
build(struct store_audit_list *l, size_t max)
{
	struct digest_in in;
	struct digest *d = NULL;

	memset(&in, 0, sizeof(in));
	in.di_audit = l;
	in.di_since = NOW - 86400;
	in.di_until = NOW;
	in.di_max = max;
	in.di_host = "relay.lawfirm.example";
	assert_int_equal(digest_build(&in, &d), 0);
	return d;
}

static void
test_thousand(void **state)
{
	static struct store_audit v[1000];
	struct store_audit_list l = { 1000, v };
	struct strbuf t = STRBUF_INIT, h = STRBUF_INIT;
	struct digest *d;
	char docket[40];
	size_t i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		snprintf(docket, sizeof(docket), "1:26-cv-%05zu", i % 40);
		rec(&v[i], i, docket, 0);
		store_audit_item_add(&v[i], STORE_AUDIT_TAG_DOCS,
		    "0\t1\tlogin\t-\t035020918716\tExhibit A\n");
	}
	d = build(&l, 200);
	assert_int_equal(d->d_nnotices, 1000);
	assert_int_equal(d->d_sect[2].s_nrows, 40);	/* one per case */
	assert_non_null(strstr(d->d_sect[2].s_intro, "1000 notices"));
	assert_int_equal(d->d_sect[0].s_nrows, 10);	/* held: every one */
	assert_int_equal(d->d_sect[3].s_nrows, 200);	/* capped */
	assert_non_null(strstr(d->d_sect[3].s_more, "and 800 more"));
	assert_int_equal(digest_text(d, &t), 0);
	assert_int_equal(digest_html(d, &h), 0);
	assert_true(t.sb_len < 120 * 1024);
	assert_true(h.sb_len < 400 * 1024);
	assert_non_null(strstr(t.sb_s, "1000 notices in 40 cases from 2 courts"));
	assert_non_null(strstr(strbuf_str(&t), "  nysd   1:26-cv-00000  25       1, 41, 81,"));
	assert_null(strstr(h.sb_s, "<script"));
	assert_null(strstr(h.sb_s, "<img"));
	assert_null(strstr(h.sb_s, "<style"));
	strbuf_free(&t);
	strbuf_free(&h);
	digest_free(d);
	for (i = 0; i < 1000; i++)
		store_audit_items_free(&v[i]);
}

static void
test_restricted_never_quoted(void **state)
{
	static struct store_audit v[2];
	struct store_audit_list l = { 2, v };
	struct store_audit_doc doc;
	struct strbuf t = STRBUF_INIT, h = STRBUF_INIT;
	struct digest *d;

	(void)state;
	rec(&v[0], 0, "4:22-cv-05541", 1);
	store_audit_item_add(&v[0], STORE_AUDIT_TAG_ENTRY,
	    "SEALED MOTION for Secret Relief");
	store_audit_item_add(&v[0], STORE_AUDIT_TAG_DOCS,
	    "0\t0\tlogin\t-\t035020918716\tSecret Exhibit\n");
	memset(&doc, 0, sizeof(doc));
	snprintf(doc.ad_label, sizeof(doc.ad_label), "Secret_Exhibit.pdf");
	v[0].a_ndoc = 1;
	v[0].a_doc = &doc;
	rec(&v[1], 1, "4:22-cv-05541", 0);	/* written before items */
	store_audit_item_add(&v[1], STORE_AUDIT_TAG_NAMES,
	    "0\t4:22-cv-05541-JST\tA <b>&</b> B \"v.\" C\n");
	d = build(&l, 200);
	assert_int_equal(digest_text(d, &t), 0);
	assert_int_equal(digest_html(d, &h), 0);
	assert_null(strstr(t.sb_s, "Secret"));
	assert_null(strstr(t.sb_s, "SEALED"));
	assert_null(strstr(h.sb_s, "Secret"));
	assert_null(strstr(h.sb_s, "SEALED"));
	assert_non_null(strstr(t.sb_s, "main document  the court asked"));
	assert_non_null(strstr(t.sb_s, "1 PDF attached"));
	assert_non_null(strstr(h.sb_s, "A &lt;b&gt;&amp;&lt;/b&gt; B &quot;v.&quot; C"));
	assert_null(strstr(h.sb_s, "<b>&</b>"));
	strbuf_free(&t);
	strbuf_free(&h);
	digest_free(d);
	store_audit_items_free(&v[0]);
	store_audit_items_free(&v[1]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thousand),
		cmocka_unit_test(test_restricted_never_quoted),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
