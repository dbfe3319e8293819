/*
 * test_pdfnote: the words of the disclosure check (policy/pdfnote.c):
 * lines per document and kind, page lists, the firm's own filing, the
 * documents not checked or still being checked, and the name matcher of
 * firm_filer_names.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pdfnote.h"

static void
test_pages(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	int one[] = { 4 }, two[] = { 7, 4, 7 }, three[] = { 9, 2, 5 };
	int many[12] = { 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1 };

	(void)state;
	pdfnote_pages(one, 1, &sb);
	assert_string_equal(strbuf_str(&sb), "page 4");
	strbuf_reset(&sb);
	pdfnote_pages(two, 3, &sb);
	assert_string_equal(strbuf_str(&sb), "pages 4 and 7");
	strbuf_reset(&sb);
	pdfnote_pages(three, 3, &sb);
	assert_string_equal(strbuf_str(&sb), "pages 2, 5 and 9");
	strbuf_reset(&sb);
	pdfnote_pages(many, 12, &sb);
	assert_string_equal(strbuf_str(&sb),
	    "pages 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 2 more pages");
	strbuf_free(&sb);
}

static void
test_lines(void **state)
{
	struct pdfnote_finding f1[] = {
		{ 4, PDFNOTE_COVER }, { 2, PDFNOTE_SSN }, { 7, PDFNOTE_SSN },
		{ 4, PDFNOTE_COVER }, { 3, PDFNOTE_UNAPPLIED },
	};
	struct pdfnote_doc d[] = {
		{ "ECF 58-3", PDFNOTE_CHECKED, NULL, f1, 5 },
		{ "ECF 58-4", PDFNOTE_NOT_CHECKED, "timeout: no answer within 60 s",
		    NULL, 0 },
		{ "ECF 58-5", PDFNOTE_PENDING, NULL, NULL, 0 },
		{ "ECF 58", PDFNOTE_CHECKED, NULL, NULL, 0 },
	};
	struct strbuf sb = STRBUF_INIT;

	(void)state;
	pdfnote_lines(d, 4, NULL, 1, &sb);
	assert_string_equal(strbuf_str(&sb),
	    "ECF 58-3, page 4: text under a black box can be read (2 places)\n"
	    "ECF 58-3, page 3: a redaction was marked but never applied: the "
	    "text is still there\n"
	    "ECF 58-3, pages 2 and 7: a Social Security or taxpayer number is "
	    "shown in full (2 places)\n"
	    "ECF 58-4: not checked for failed redactions and personal "
	    "identifiers (timeout: no answer within 60 s)\n"
	    "ECF 58-5: still being checked for failed redactions and personal "
	    "identifiers; the result will follow in the audit and in an alert\n");
	strbuf_reset(&sb);
	/* the firm's own filing, first and loud */
	pdfnote_lines(d, 1, "Smith & Jones LLP", 0, &sb);
	assert_true(strncmp(strbuf_str(&sb), "FILED BY THE FIRM (Smith & Jones "
	    "LLP): this filing is public and shows what it should not; move to "
	    "seal or correct it at once.\nECF 58-3, page 4:", 140) == 0);
	strbuf_reset(&sb);
	/* nothing found: one reassuring line; a firm name without findings
	 * says nothing */
	pdfnote_lines(d + 3, 1, "Smith & Jones LLP", 0, &sb);
	assert_string_equal(strbuf_str(&sb), "Checked 1 document for failed "
	    "redactions and personal identifiers: nothing found.\n");
	strbuf_reset(&sb);
	pdfnote_lines(d + 1, 1, NULL, 0, &sb);
	assert_string_equal(strbuf_str(&sb), "ECF 58-4: not checked for failed "
	    "redactions and personal identifiers (timeout: no answer within "
	    "60 s)\n");
	strbuf_reset(&sb);
	pdfnote_lines(NULL, 0, NULL, 0, &sb);
	assert_string_equal(strbuf_str(&sb), "");
	strbuf_free(&sb);
}

static void
test_kinds(void **state)
{
	int k;

	(void)state;
	for (k = 0; k < PDFNOTE_NKINDS; k++) {
		assert_true(strlen(pdfnote_kind_text(k)) > 10);
		assert_int_equal(pdfnote_is_redaction(k), k <= PDFNOTE_UNAPPLIED);
	}
	assert_string_equal(pdfnote_kind_name(PDFNOTE_IMAGE), "bad-redaction image");
	assert_string_equal(pdfnote_kind_name(PDFNOTE_ACCOUNT), "identifier account");
	assert_string_equal(pdfnote_kind_name(99), "?");
	assert_string_equal(pdfnote_kind_text(-1), "a finding");
}

static void
test_names(void **state)
{
	const char *names[] = { "Jane Attorney", "Smith & Jones", "", "ACME" };
	const char *t;

	(void)state;
	t = "Jane  Attorney on behalf of Plaintiff";
	assert_int_equal(pdfnote_name_in(names, 4, t, strlen(t)), 0);
	t = "MOTION filed by SMITH & JONES LLP.";
	assert_int_equal(pdfnote_name_in(names, 4, t, strlen(t)), 1);
	t = "filed by Acme Corp.";
	assert_int_equal(pdfnote_name_in(names, 4, t, strlen(t)), 3);
	t = "filed by Acmeco";		/* not as a whole word */
	assert_int_equal(pdfnote_name_in(names, 4, t, strlen(t)), -1);
	t = "Jane Attorneys";
	assert_int_equal(pdfnote_name_in(names, 4, t, strlen(t)), -1);
	t = "Jane\nAttorney";
	assert_int_equal(pdfnote_name_in(names, 4, t, strlen(t)), 0);
	assert_int_equal(pdfnote_name_in(names, 4, t, 4), -1);	/* cut */
	assert_int_equal(pdfnote_name_in(names, 0, t, strlen(t)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
