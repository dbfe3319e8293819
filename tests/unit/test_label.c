/*
 * test_label: template checking, file names (substitution, unsafe
 * characters, UTF-8, caps, device names), descriptions and dates.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "label.h"

#define DEFAULT_TEMPLATE	"{date}_{court}_{case}_ECF{entry}{att}_{desc}"

/* 1 when s is valid UTF-8 (strict). */
static int
valid_utf8(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	while (*u != '\0') {
		size_t len = *u < 0x80 ? 1 : (*u & 0xe0) == 0xc0 ? 2 :
		    (*u & 0xf0) == 0xe0 ? 3 : (*u & 0xf8) == 0xf0 ? 4 : 0;
		size_t i;

		if (len == 0)
			return 0;
		for (i = 1; i < len; i++)
			if ((u[i] & 0xc0) != 0x80)
				return 0;
		u += len;
	}
	return 1;
}

/* Every name must obey the file-system rules of label.h. */
static void
assert_safe(const char *name)
{
	size_t	n = strlen(name), i;

	if (n < 5 || strcmp(name + n - 4, ".pdf") != 0)
		fail_msg("\"%s\" does not end in .pdf", name);
	if (n - 4 > LABEL_MAX)
		fail_msg("\"%s\" is longer than %d bytes", name, LABEL_MAX);
	if (!valid_utf8(name))
		fail_msg("\"%s\" is not valid UTF-8", name);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)name[i];

		if (c < 0x20 || c == 0x7f || strchr("/\\:*?\"<>| ", c) != NULL)
			fail_msg("\"%s\" holds byte 0x%02x", name, c);
		if (i + 1 < n && strchr("_-.", c) && strchr("_-.", name[i + 1]))
			fail_msg("\"%s\" has a separator run", name);
	}
	if (strchr("_-.", name[0]))
		fail_msg("\"%s\" starts with a separator", name);
	if (strchr("_-.", name[n - 5]))
		fail_msg("\"%s\" ends with a separator", name);
}

struct mcase {
	const char		*tmpl;
	struct label_doc	 d;
	const char		*want;
};

static const struct mcase mcases[] = {
	{ DEFAULT_TEMPLATE, { "8/10/2022", "cand", "4:22-cv-05541-JST", "45", 0,
	    "Memorandum in Support", "035123456789", NULL, NULL, NULL, NULL },
	    "2022-08-10_cand_4-22-cv-05541-JST_ECF45_Memorandum_in_Support.pdf" },
	{ DEFAULT_TEMPLATE, { "2022-08-10", "cand", "4:22-cv-05541-JST", "45", 1,
	    "Exhibit A", NULL, NULL, NULL, NULL, NULL },
	    "2022-08-10_cand_4-22-cv-05541-JST_ECF45-1_Exhibit_A.pdf" },
	{ DEFAULT_TEMPLATE, { "11/21/2024", "ctb", "24-20001", "12", 12,
	    "Ex. C - Credit App.(Redacted)", NULL, NULL, NULL, NULL, NULL },
	    "2024-11-21_ctb_24-20001_ECF12-12_Ex_C_Credit_App.(Redacted).pdf" },
	{ "{court}-{case}-{entry}-{attno}", { NULL, "nysd", "1:17-cr-00201",
	    "7", 0, NULL, NULL, NULL, NULL, NULL, NULL }, "nysd-1-17-cr-00201-7-0.pdf" },
	{ "{docid}", { NULL, NULL, NULL, NULL, 0, NULL, "00208942267", NULL, NULL, NULL, NULL },
	    "00208942267.pdf" },
	/* absent fields leave no stray separators */
	{ DEFAULT_TEMPLATE, { NULL, "ca9", "25-1677", NULL, 0, "Brief", NULL, NULL, NULL, NULL, NULL },
	    "ca9_25-1677_ECF_Brief.pdf" },
	{ DEFAULT_TEMPLATE, { "not a date", NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL },
	    "ECF.pdf" },
	{ "{desc}", { NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }, "document.pdf" },
	{ "{desc}", { NULL, NULL, NULL, NULL, 0, "...", NULL, NULL, NULL, NULL, NULL },
	    "document.pdf" },
	/* a proof of claim, as its own template names it */
	{ "{date}_{court}_{casekey}_Claim{claim}{att}_{creditor}", {
	    .ld_date = "10/21/2022", .ld_court = "cacb",
	    .ld_case = "6:22-bk-13643-SY", .ld_casekey = "6:22-bk-13643",
	    .ld_claim = "1", .ld_creditor = "Quantum3 Group LLC" },
	    "2022-10-21_cacb_6-22-bk-13643_Claim1_Quantum3_Group_LLC.pdf" },
	{ "{date}_{court}_{casekey}_Claim{claim}{att}_{creditor}", {
	    .ld_date = "2026-10-21", .ld_court = "cacb",
	    .ld_casekey = "6:22-bk-13643", .ld_claim = "1", .ld_att = 2,
	    .ld_creditor = "Quantum3 Group LLC" },
	    "2026-10-21_cacb_6-22-bk-13643_Claim1-2_Quantum3_Group_LLC.pdf" },
	/* a corrected document is labelled so, with or without {change} */
	{ DEFAULT_TEMPLATE, { .ld_date = "3/1/2024", .ld_court = "nysb",
	    .ld_case = "24-10123-mg", .ld_entry = "25",
	    .ld_desc = "Main Document", .ld_change = "corrected" },
	    "2024-03-01_nysb_24-10123-mg_ECF25_Main_Document_corrected.pdf" },
	{ "{court}_{case}_ECF{entry}_{change}_{desc}", { .ld_court = "nysb",
	    .ld_case = "24-10123-mg", .ld_entry = "25",
	    .ld_desc = "Main Document", .ld_change = "corrected" },
	    "nysb_24-10123-mg_ECF25_corrected_Main_Document.pdf" },
	{ "{court}_{case}_ECF{entry}_{change}_{desc}", { .ld_court = "nysb",
	    .ld_case = "24-10123-mg", .ld_entry = "25",
	    .ld_desc = "Main Document" },
	    "nysb_24-10123-mg_ECF25_Main_Document.pdf" },
	/* unsafe characters */
	{ "{desc}", { .ld_desc = "Motion to Seal/Redact: \"Exhibit\" <1> | "
	    "a*b? c\\d" },
	    "Motion_to_Seal-Redact_Exhibit_1_a-b_c-d.pdf" },
	{ "{desc}", { .ld_desc = "line\r\nbreak\ttab\x01" "ctl\x7f" },
	    "line_break_tab_ctl.pdf" },
	{ "{desc}", { .ld_desc = ".hidden" }, "hidden.pdf" },
	{ "{desc}", { .ld_desc = "-rf" }, "rf.pdf" },
	{ "{desc}", { .ld_desc = "trailing dot. " }, "trailing_dot.pdf" },
	{ "{desc}", { .ld_desc = "a . . b -- c __ d" }, "a_b_c_d.pdf" },
	{ "{desc}", { .ld_desc = "../../etc/passwd" }, "etc-passwd.pdf" },
	/* UTF-8 kept, invalid bytes and invisible characters not */
	{ "{desc}", { .ld_desc = "D\xc3\xa9" "claration de Jos\xc3\xa9" },
	    "D\xc3\xa9" "claration_de_Jos\xc3\xa9.pdf" },
	{ "{desc}", { .ld_desc = "Order \xe2\x80\x93 \xe6\xb3\x95\xe9\x99\xa2" },
	    "Order_\xe2\x80\x93_\xe6\xb3\x95\xe9\x99\xa2.pdf" },
	{ "{desc}", { .ld_desc = "bad\xff\xfe" "bytes\xc3" },
	    "bad_bytes.pdf" },
	{ "{desc}", { .ld_desc = "overlong\xc0\xaf" "slash" },
	    "overlong_slash.pdf" },
	{ "{desc}", { .ld_desc = "surrogate\xed\xa0\x80" "x" },
	    "surrogate_x.pdf" },
	{ "{desc}", { .ld_desc = "invoice\xe2\x80\xae" "fdp.exe" },
	    "invoicefdp.exe.pdf" },
	{ "{desc}", { .ld_desc = "soft\xc2\xadhyphen zero\xe2\x80\x8bwidth" },
	    "softhyphen_zerowidth.pdf" },
	{ "{desc}", { .ld_desc = "nbsp\xc2\xa0" "c1\xc2\x85" "end\xe2\x80\xa8" },
	    "nbsp_c1_end.pdf" },
	/* Windows device names */
	{ "{desc}", { .ld_desc = "CON" }, "CON_doc.pdf" },
	{ "{desc}", { .ld_desc = "nul" }, "nul_doc.pdf" },
	{ "{desc}", { .ld_desc = "Com1" }, "Com1_doc.pdf" },
	{ "{desc}", { .ld_desc = "LPT9.txt" }, "LPT9_doc.txt.pdf" },
	{ "{desc}", { .ld_desc = "CONSOLE" }, "CONSOLE.pdf" },
	{ "{desc}", { .ld_desc = "COM0" }, "COM0.pdf" },
	/* literal text goes through the same rules */
	{ "ECF {entry}: {desc}?", { .ld_entry = "3", .ld_desc = "Order" },
	    "ECF_3_Order.pdf" },
};

static void
test_make(void **state)
{
	char	out[LABEL_SIZE];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(mcases) / sizeof(mcases[0]); i++) {
		const struct mcase *c = &mcases[i];

		if (label_make(c->tmpl, &c->d, out, sizeof(out)) != 0)
			fail_msg("case %zu: label_make failed", i);
		if (strcmp(out, c->want) != 0)
			fail_msg("case %zu: \"%s\", want \"%s\"", i, out,
			    c->want);
		assert_safe(out);
	}
}

static void
test_desc_cut(void **state)
{
	char			out[LABEL_SIZE];
	struct label_doc	d = { 0 };
	const char		*longdesc = "MOTION for Leave to File First "
	    "Amended and Substituted Complaint by Charles Kizziar, Russell "
	    "Powell. (Attachments: (1) Exhibit 1)";

	(void)state;
	d.ld_desc = longdesc;
	assert_int_equal(label_make("{desc}", &d, out, sizeof(out)), 0);
	/* Cut at the last boundary within LABEL_DESC_MAX (80) bytes. */
	assert_string_equal(out, "MOTION_for_Leave_to_File_First_Amended_and_"
	    "Substituted_Complaint_by_Charles.pdf");
	assert_true(strlen(out) - 4 <= LABEL_DESC_MAX);
	/* One long word: cut at a character boundary, not inside é. */
	{
		char word[200];
		size_t k;

		for (k = 0; k + 2 < sizeof(word); k += 2)
			memcpy(word + k, "\xc3\xa9", 2);
		word[k] = '\0';
		d.ld_desc = word;
		assert_int_equal(label_make("{desc}", &d, out, sizeof(out)), 0);
		assert_int_equal(strlen(out) - 4, LABEL_DESC_MAX);
		assert_safe(out);
	}
}

static void
test_cap(void **state)
{
	char			out[LABEL_SIZE];
	char			big[600];
	struct label_doc	d = { 0 };
	size_t			k;

	(void)state;
	/* Very long fields: capped at LABEL_MAX, never inside a sequence. */
	for (k = 0; k + 3 < sizeof(big); k += 3)
		memcpy(big + k, "\xe6\xb3\x95", 3);
	big[k] = '\0';
	d.ld_court = big;
	d.ld_case = big;
	d.ld_entry = "1";
	assert_int_equal(label_make(DEFAULT_TEMPLATE, &d, out, sizeof(out)),
	    0);
	assert_safe(out);
	assert_int_equal(strlen(out) - 4, 150);	/* 50 whole characters */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	big[LABEL_MAX - 1] = ' ';	/* a separator at the cut */
	d.ld_court = big;
	assert_int_equal(label_make("{court}", &d, out, sizeof(out)), 0);
	assert_safe(out);
	assert_int_equal(strlen(out) - 4, LABEL_MAX - 1);
	/* Too small an output buffer. */
	assert_int_equal(label_make("{court}", &d, out, LABEL_SIZE - 1), -1);
	assert_string_equal(out, "");
	/* Many fields in one template stay within the scratch space. */
	assert_int_equal(label_make("{court}{court}{court}{court}{court}"
	    "{court}{court}{court}", &d, out, sizeof(out)), 0);
	assert_safe(out);
	assert_int_equal(label_make("{court}", NULL, out, sizeof(out)), 0);
	assert_string_equal(out, "document.pdf");
}

struct vcase {
	const char	*tmpl;
	const char	*err;		/* NULL: valid */
};

static const struct vcase vcases[] = {
	{ DEFAULT_TEMPLATE, NULL },
	{ "{docid}", NULL },
	{ "{court} {case} ECF {entry}{att} ({attno}) {desc} {date}", NULL },
	{ "{date}_{judge}", "unknown field {judge}; the fields are {date}" },
	{ "{Date}", "unknown field {Date}" },
	{ "{}", "unknown field {}" },
	{ "{date", "unclosed \"{\" at offset 0" },
	{ "x{date{court}}", "unclosed \"{\" at offset 1" },
	{ "date}", "\"}\" without \"{\" at offset 4" },
	{ "plain", "names no field" },
	{ "", "empty" },
	{ NULL, "empty" },
	{ "{date}\n", "control character at offset 6" },
	{ "{date}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	  "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	  "longer than 256" },
};

static void
test_validate(void **state)
{
	char	err[300], out[LABEL_SIZE];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(vcases) / sizeof(vcases[0]); i++) {
		const struct vcase *v = &vcases[i];
		int rc;

		err[0] = '\0';
		rc = label_validate(v->tmpl, err, sizeof(err));
		if (v->err == NULL) {
			if (rc != 0)
				fail_msg("\"%s\" refused: %s", v->tmpl, err);
			continue;
		}
		if (rc != -1)
			fail_msg("\"%s\" accepted", v->tmpl ? v->tmpl : "(null)");
		if (strstr(err, v->err) == NULL)
			fail_msg("\"%s\": \"%s\" lacks \"%s\"",
			    v->tmpl ? v->tmpl : "(null)", err, v->err);
		/* label_make refuses what label_validate refuses. */
		assert_int_equal(label_make(v->tmpl, NULL, out, sizeof(out)),
		    -1);
		assert_string_equal(out, "");
	}
	assert_int_equal(label_validate("{x}", NULL, 0), -1);
}

struct dcase {
	struct label_doc	 d;
	const char		*want;
};

static const struct dcase dcases[] = {
	{ { NULL, "cand", "4:22-cv-05541-JST", "45", 1, "Memorandum in Support",
	    NULL, NULL, NULL, NULL, NULL }, "cand 4:22-cv-05541-JST ECF 45, attachment 1: Memorandum "
	    "in Support" },
	{ { NULL, "cand", "4:22-cv-05541-JST", "45", 0, "Main Document", NULL, NULL, NULL, NULL, NULL },
	    "cand 4:22-cv-05541-JST ECF 45: Main Document" },
	{ { NULL, "ca9", "25-1677", NULL, 0, "Answering Brief", NULL, NULL, NULL, NULL, NULL },
	    "ca9 25-1677: Answering Brief" },
	{ { NULL, NULL, NULL, NULL, 2, "Exhibit", NULL, NULL, NULL, NULL, NULL },
	    "attachment 2: Exhibit" },
	{ { NULL, NULL, NULL, NULL, 0, "Exhibit", NULL, NULL, NULL, NULL, NULL }, "Exhibit" },
	{ { NULL, NULL, NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL }, "" },
	{ { NULL, "nysd", NULL, "3", 0, "Line\r\n one\t\ttwo \xff end", NULL, NULL, NULL, NULL, NULL },
	    "nysd ECF 3: Line one two ? end" },
	{ { .ld_court = "cacb", .ld_case = "6:22-bk-13643-SY", .ld_claim = "1",
	    .ld_desc = "Quantum3 Group LLC" },
	    "cacb 6:22-bk-13643-SY claim 1: Quantum3 Group LLC" },
	{ { .ld_court = "nysb", .ld_case = "24-10123-mg", .ld_entry = "25",
	    .ld_desc = "Main Document", .ld_change = "corrected" },
	    "nysb 24-10123-mg ECF 25: Main Document (corrected)" },
	{ { NULL, "x", NULL, NULL, 0, "Jos\xc3\xa9 \xe2\x80\xae" "rev", NULL, NULL, NULL, NULL, NULL },
	    "x: Jos\xc3\xa9 rev" },
};

static void
test_description(void **state)
{
	char	out[LABEL_DESCRIPTION_SIZE], small[16], big[1000];
	size_t	i, k;
	struct label_doc d = { 0 };

	(void)state;
	for (i = 0; i < sizeof(dcases) / sizeof(dcases[0]); i++) {
		assert_int_equal(label_description(&dcases[i].d, out,
		    sizeof(out)), 0);
		if (strcmp(out, dcases[i].want) != 0)
			fail_msg("case %zu: \"%s\", want \"%s\"", i, out,
			    dcases[i].want);
	}
	/* Capped, marked, never inside a sequence. */
	for (k = 0; k + 2 < sizeof(big); k += 2)
		memcpy(big + k, "\xc3\xa9", 2);
	big[k] = '\0';
	d.ld_court = "cand";
	d.ld_desc = big;
	assert_int_equal(label_description(&d, out, sizeof(out)), 0);
	assert_true(strlen(out) <= LABEL_DESCRIPTION_SIZE - 1);
	assert_true(strlen(out) >= LABEL_DESCRIPTION_SIZE - 5);
	assert_string_equal(out + strlen(out) - 3, "...");
	assert_true(valid_utf8(out));
	assert_int_equal(label_description(&d, small, sizeof(small)), 0);
	assert_int_equal(strlen(small), 15);
	assert_string_equal(small, "cand: \xc3\xa9\xc3\xa9\xc3\xa9...");
	assert_int_equal(label_description(&d, out, 0), -1);
	assert_int_equal(label_description(NULL, out, sizeof(out)), 0);
	assert_string_equal(out, "");
}

static void
test_date(void **state)
{
	static const struct { const char *in, *out; } dates[] = {
		{ "2022-08-10", "2022-08-10" },
		{ "8/10/2022", "2022-08-10" },
		{ "08/10/2022", "2022-08-10" },
		{ " 07/27/2022 ", "2022-07-27" },
		{ "8/10/22", "2022-08-10" },
		{ "12/31/1999", "1999-12-31" },
		{ "13/10/2022", NULL },
		{ "8/32/2022", NULL },
		{ "0/10/2022", NULL },
		{ "8/10/202", NULL },
		{ "8/10/20222", NULL },
		{ "8-10-2022", NULL },
		{ "2022-8-10", NULL },
		{ "2022-08-10x", NULL },
		{ "+8/10/2022", NULL },
		{ "8/ 10/2022", NULL },
		{ "August 10, 2022", NULL },
		{ "", NULL },
		{ NULL, NULL },
	};
	char	out[LABEL_DATE_SIZE];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
		int rc = label_date(dates[i].in, out);

		if (dates[i].out == NULL) {
			if (rc != -1)
				fail_msg("\"%s\" accepted: %s", dates[i].in,
				    out);
			assert_string_equal(out, "");
		} else {
			if (rc != 0)
				fail_msg("\"%s\" refused", dates[i].in);
			assert_string_equal(out, dates[i].out);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_make),
		cmocka_unit_test(test_desc_cut),
		cmocka_unit_test(test_cap),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_description),
		cmocka_unit_test(test_date),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
