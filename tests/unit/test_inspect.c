/*
 * test_inspect: reading the helper's answer (milter/inspect_json.c) as
 * the untrusted input it is, and the labels of documents.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cover.h"
#include "inspect.h"
#include "inspect_json.h"
#include "pdfcheck.h"
#include "pii.h"

static int
parse(const char *json, struct inspect_result *r)
{
	memset(r, 0, sizeof(*r));
	return inspect_json_parse(json, strlen(json), r);
}

static void
clear(struct inspect_result *r)
{
	size_t i;

	for (i = 0; i < r->r_nred; i++)
		free(r->r_red[i].ir_text);
	free(r->r_red);
	free(r->r_ids);
	memset(r, 0, sizeof(*r));
}

static void
test_good(void **state)
{
	struct inspect_result r;

	(void)state;
	assert_int_equal(parse("{\"status\":\"checked\",\"pages\":5,"
	    "\"pages_checked\":5,\"bad_redactions\":[{\"page\":4,\"bbox\":"
	    "[192.05,71,361.45,89],\"kind\":\"cover\",\"text\":\"Jane Doe\"},"
	    "{\"page\":1,\"bbox\":[0,0,1,1],\"kind\":\"unapplied\",\"text\":\"\"}],"
	    "\"identifiers\":[{\"page\":2,\"kind\":\"ssn\",\"shown\":"
	    "\"XXX-XX-6789\"}],\"truncated\":true,\"engine\":\"x\",\"ms\":3,"
	    "\"future\":[1,2]}", &r), 0);
	assert_int_equal(r.r_status, INSPECT_CHECKED);
	assert_int_equal(r.r_pages, 5);
	assert_int_equal(r.r_truncated, 1);
	assert_int_equal(r.r_nred, 2);
	assert_int_equal(r.r_red[0].ir_page, 4);
	assert_int_equal(r.r_red[0].ir_kind, COVER_K_PATH);
	assert_true(r.r_red[0].ir_bbox[2] == 361.45);
	assert_string_equal(r.r_red[0].ir_text, "Jane Doe");
	assert_int_equal(r.r_red[1].ir_kind, COVER_K_REDACT);
	assert_int_equal(r.r_nids, 1);
	assert_int_equal(r.r_ids[0].ii_kind, PII_SSN);
	assert_string_equal(r.r_ids[0].ii_shown, "XXX-XX-6789");
	clear(&r);
	assert_int_equal(parse("{\"status\":\"too-large\",\"detail\":\"2000000 "
	    "pages\\n(limit)\",\"pages\":2000000,\"bad_redactions\":[],"
	    "\"identifiers\":[]}", &r), 0);
	assert_int_equal(r.r_status, INSPECT_TOO_LARGE);
	assert_string_equal(r.r_detail, "2000000 pages?(limit)");	/* printable */
	clear(&r);
	assert_int_equal(parse("{\"status\":\"timeout\",\"pages\":0,"
	    "\"bad_redactions\":[],\"identifiers\":[]}", &r), 0);
	assert_string_equal(r.r_detail, "no reason given");
	clear(&r);
}

static void
test_bad(void **state)
{
	static const char *const bad[] = {
		"", "[]", "{\"status\":\"fine\"}", "{\"status\":7}",
		"{\"status\":\"checked\"}",
		"{\"status\":\"checked\",\"pages\":-1,\"bad_redactions\":[],\"identifiers\":[]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":{},\"identifiers\":[]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[],\"identifiers\":3}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[{\"page\":2,"
		    "\"bbox\":[0,0,1,1],\"kind\":\"cover\",\"text\":\"x\"}],\"identifiers\":[]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[{\"page\":1,"
		    "\"bbox\":[0,0,1],\"kind\":\"cover\",\"text\":\"x\"}],\"identifiers\":[]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[{\"page\":1,"
		    "\"bbox\":[0,0,1,\"1\"],\"kind\":\"cover\",\"text\":\"x\"}],\"identifiers\":[]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[{\"page\":1,"
		    "\"bbox\":[0,0,1,1],\"kind\":\"smudge\",\"text\":\"x\"}],\"identifiers\":[]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[{\"page\":1,"
		    "\"bbox\":[0,0,1,1],\"kind\":\"cover\"}],\"identifiers\":[]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[],\"identifiers\":"
		    "[{\"page\":1,\"kind\":\"passport\",\"shown\":\"X\"}]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[],\"identifiers\":"
		    "[{\"page\":0,\"kind\":\"ssn\",\"shown\":\"X\"}]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[],\"identifiers\":"
		    "[{\"page\":1,\"kind\":\"ssn\"}]}",
		"{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[],\"identifiers\":[]",
	};
	struct inspect_result r;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (parse(bad[i], &r) != -1 || r.r_status != INSPECT_ERROR ||
		    strncmp(r.r_detail, "the helper's answer is not readable", 35) != 0)
			fail_msg("accepted: %s", bad[i]);
		clear(&r);
	}
}

static void
test_too_many(void **state)
{
	struct inspect_result r;
	char *j = malloc(64 * 1024);
	size_t i, n;

	(void)state;
	n = (size_t)snprintf(j, 64 * 1024, "{\"status\":\"checked\",\"pages\":1,"
	    "\"bad_redactions\":[],\"identifiers\":[");
	for (i = 0; i <= INSPECT_ITEMS_MAX; i++)
		n += (size_t)snprintf(j + n, 64 * 1024 - n, "%s{\"page\":1,\"kind\":\"ssn\","
		    "\"shown\":\"X\"}", i ? "," : "");
	snprintf(j + n, 64 * 1024 - n, "]}");
	assert_int_equal(parse(j, &r), -1);
	clear(&r);
	free(j);
}

static void
test_labels(void **state)
{
	char b[PDFCHECK_LABEL_MAX + 1];
	struct inspect_result *r;

	(void)state;
	pdfcheck_label("58", 3, b, sizeof(b));
	assert_string_equal(b, "ECF 58-3");
	pdfcheck_label("58", 0, b, sizeof(b));
	assert_string_equal(b, "ECF 58");
	pdfcheck_label(NULL, 2, b, sizeof(b));
	assert_string_equal(b, "Attachment 2");
	pdfcheck_label("", 0, b, sizeof(b));
	assert_string_equal(b, "Main document");
	r = inspect_result_new(INSPECT_ERROR, "bad \x01 %s", "name\n");
	assert_string_equal(r->r_detail, "bad ? name?");
	inspect_result_free(r);
	assert_null(inspect_result_free(NULL));
	assert_string_equal(inspect_status_name(INSPECT_TOO_LARGE), "too-large");
	assert_string_equal(inspect_status_name(INSPECT_PENDING), "pending");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_good),
		cmocka_unit_test(test_bad),
		cmocka_unit_test(test_too_many),
		cmocka_unit_test(test_labels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
