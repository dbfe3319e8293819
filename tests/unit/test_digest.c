/*
 * Unit tests for the digest's layout: a thousand notices stay one
 * readable message (one line per case past digest_max_notices, each
 * section capped), a restricted entry never shows its docket text or
 * document names even when its record carries them, a record written
 * before the optional items existed still shows, the HTML escapes
 * what it is given and carries no script, style sheet or image; notices
 * not processed have their section, and a held message's release
 * commands are its MTA's.
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
#include "store_audit.h"
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
	assert_int_equal(d->d_sect[3].s_nrows, 40);	/* one per case */
	assert_non_null(strstr(d->d_sect[3].s_intro, "1000 notices"));
	assert_int_equal(d->d_sect[0].s_nrows, 10);	/* held: every one */
	assert_int_equal(d->d_sect[4].s_nrows, 200);	/* capped */
	assert_non_null(strstr(d->d_sect[4].s_more, "and 800 more"));
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

/* Notices not processed: a row each, with why and what on_error did;
 * past di_max a line says how many more. */
static void
test_failed(void **state)
{
	static struct store_audit v[4];
	struct store_audit_list l = { 4, v };
	struct strbuf t = STRBUF_INIT;
	struct digest *d;
	const struct dg_section *f;
	size_t i;

	(void)state;
	for (i = 0; i < 4; i++)
		rec(&v[i], i, "4:22-cv-05541", 0);
	snprintf(v[0].a_action, sizeof(v[0].a_action), "error");
	store_audit_item_add(&v[0], STORE_AUDIT_TAG_ERROR,
	    "accept\trewrite: cannot create a temporary file");
	snprintf(v[2].a_action, sizeof(v[2].a_action), "error");
	store_audit_item_add(&v[2], STORE_AUDIT_TAG_ERROR,
	    "tempfail\tout of memory (documents)");
	snprintf(v[3].a_action, sizeof(v[3].a_action), "error");
	d = build(&l, 200);
	f = &d->d_sect[1];
	assert_string_equal(f->s_id, "failed");
	assert_int_equal(f->s_nrows, 3);
	assert_string_equal(f->s_rows[0].r_cell[1], "Q00000");
	assert_string_equal(f->s_rows[0].r_cell[3], "4:22-cv-05541");
	assert_string_equal(f->s_rows[0].r_cell[4], "1");
	assert_string_equal(f->s_rows[0].r_cell[5], "rewrite: cannot create "
	    "a temporary file; delivered as it came, without its documents");
	assert_string_equal(f->s_rows[1].r_cell[5], "out of memory "
	    "(documents); refused for now: the court's server sends it again");
	assert_string_equal(f->s_rows[2].r_cell[5], "not recorded; delivered "
	    "as it came, without its documents");
	assert_null(f->s_more);
	assert_int_equal(d->d_sect[3].s_nrows, 4 + 2);	/* and 2 courts */
	assert_string_equal(d->d_subject + strlen(d->d_subject) -
	    strlen(", 3 not processed"), ", 3 not processed");
	assert_non_null(strstr(d->d_summary, "; 0 held; 3 not processed; "));
	assert_int_equal(digest_text(d, &t), 0);
	assert_non_null(strstr(t.sb_s, "NOTICES NOT PROCESSED\n"));
	digest_free(d);
	d = build(&l, 2);
	assert_int_equal(d->d_sect[1].s_nrows, 2);
	assert_string_equal(d->d_sect[1].s_more, "and 1 more (nefctl audit "
	    "lists every one).");
	digest_free(d);
	l.al_n = 1;
	snprintf(v[0].a_action, sizeof(v[0].a_action), "attached");
	d = build(&l, 200);
	assert_int_equal(d->d_sect[1].s_nrows, 0);
	assert_null(strstr(d->d_subject, "not processed"));
	digest_free(d);
	strbuf_free(&t);
	for (i = 0; i < 4; i++)
		store_audit_items_free(&v[i]);
}

/* The release commands are those of the MTA the held records name. */
static void
test_release_mta(void **state)
{
	static const struct { const char *mta[2]; int pf, sm; } c[] = {
		{ { "Postfix", "Postfix" }, 1, 0 },
		{ { "Sendmail", NULL }, 0, 1 },
		{ { NULL, NULL }, 1, 1 },	/* records without the item */
		{ { "Postfix", "Sendmail" }, 1, 1 },
		{ { "Postfix", "" }, 1, 1 },	/* an MTA it does not know */
	};
	static struct store_audit v[2];
	struct store_audit_list l = { 2, v };
	struct digest *d;
	const char *in;
	size_t i, j;

	(void)state;
	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		for (j = 0; j < 2; j++) {
			rec(&v[j], j, "4:22-cv-05541", 0);
			snprintf(v[j].a_action, sizeof(v[j].a_action), "held");
			if (c[i].mta[j] != NULL)
				store_audit_item_add(&v[j], STORE_AUDIT_TAG_MTA,
				    c[i].mta[j]);
		}
		l.al_n = c[i].mta[0] != NULL && c[i].mta[1] == NULL ? 1 : 2;
		d = build(&l, 200);
		in = d->d_sect[0].s_intro;
		assert_non_null(in);
		assert_int_equal(strstr(in, "postsuper -H QUEUEID") != NULL,
		    c[i].pf);
		assert_int_equal(strstr(in, "postqueue -i QUEUEID") != NULL,
		    c[i].pf);
		assert_int_equal(strstr(in, "sendmail -qQ -Q -qIQUEUEID") !=
		    NULL, c[i].sm);
		assert_int_equal(strstr(in, "sendmail -qIQUEUEID") != NULL,
		    c[i].sm);
		assert_int_equal(strstr(in, "with Postfix, ") != NULL,
		    c[i].pf && c[i].sm);
		digest_free(d);
		for (j = 0; j < 2; j++)
			store_audit_items_free(&v[j]);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_thousand),
		cmocka_unit_test(test_restricted_never_quoted),
		cmocka_unit_test(test_failed),
		cmocka_unit_test(test_release_mta),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
