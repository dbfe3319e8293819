/*
 * test_nef: the notice parser on the fixtures of tests/data/nef/ (one per
 * format and edge case, read through the MIME reader as the milter reads
 * them), on generated hostile inputs, and the subject parser.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "mime.h"
#include "nef.h"
#include "nefcourt.h"
#include "nefsubj.h"
#include "parsecmd.h"
#include "strbuf.h"
#include "nefparse.h"

#define parse_file(name)	nefparse_file(name)
#define parse_in(t, h, s, f)	nefparse_in((t), (h), (s), (f))

static struct nef *
parse_text(const char *text, int html, const char *subject)
{
	return parse_in(text, html, subject, NULL);
}

static struct nef *
parse_from(const char *text, int html, const char *from)
{
	return parse_in(text, html, NULL, from);
}

static void
test_district(void **state)
{
	struct nef	*n = parse_file("district.eml");
	struct nef_case	*c;

	(void)state;
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(nef_kind_name(n->n_kind), "district");
	assert_string_equal(n->n_court, "cand");
	assert_int_equal(n->n_court_src, NEF_COURT_LINK);
	assert_false(n->n_appellate);
	assert_string_equal(n->n_date_filed, "2023-03-14");
	assert_string_equal(n->n_date_entered, "2023-03-14");
	assert_string_equal(n->n_time_entered, "2:04 PM PDT");
	assert_string_equal(n->n_entered_by, "Okafor, Adaeze");
	assert_string_equal(n->n_short_desc, "Motion to Compel");
	assert_int_equal(n->n_ncases, 1);
	c = &n->n_cases[0];
	assert_string_equal(c->c_name_shown,
	    "Acme Widgets, Inc. v. Example Logistics Corp. et al");
	assert_string_equal(c->c_name,
	    "Acme Widgets, Inc. v. Example Logistics Corp.");
	assert_string_equal(c->c_number_shown, "4:22-cv-05541-JST");
	assert_string_equal(c->c_number, "4:22-cv-05541");
	assert_string_equal(c->c_key, "4:22-cv-05541");
	assert_string_equal(c->c_docket.d_judge, "JST");
	assert_string_equal(c->c_case_id, "401001");
	assert_string_equal(c->c_doc_number, "57");
	assert_int_equal(c->c_nfilers, 2);
	assert_string_equal(c->c_filers[1], "Example Holdings LLC");
	assert_true(c->c_has_link);
	assert_int_equal(c->c_link.dl_kind, DOCLINK_DOC1);
	assert_string_equal(c->c_link.dl_magic, "62818321");
	assert_string_equal(c->c_link.dl_seq, "213");
	assert_string_equal(c->c_link_url, "https://ecf.cand.uscourts.gov/doc1/"
	    "035020918716?caseid=401001&de_seq_num=213&magic_num=62818321");
	assert_non_null(strstr(c->c_text, "(Attachments: # (1) Declaration of "
	    "Adaeze Okafor, # (2) Proposed Order)"));
	assert_non_null(strstr(c->c_description, "(Attachments: (1) "
	    "Declaration of Adaeze Okafor, (2) Proposed Order)"));
	assert_ptr_equal(n->n_description, c->c_text);
	/* documents */
	assert_int_equal(n->n_ndocs, 3);
	assert_true(n->n_contains_attachments);
	assert_int_equal(n->n_docs[0].d_attno, 0);
	assert_string_equal(n->n_docs[0].d_desc, "Main Document");
	assert_true(n->n_docs[0].d_has_link);
	assert_int_equal(n->n_docs[1].d_attno, 1);
	assert_string_equal(n->n_docs[1].d_filename,
	    "C:\\fakepath\\Okafor Decl.pdf");
	assert_string_equal(n->n_docs[2].d_file_number, "11474013-2");
	assert_string_equal(n->n_docs[2].d_stamp_id,
	    "dcecfStamp_ID=1091133085");
	assert_false(n->n_docs[2].d_has_link);
	/* recipients */
	assert_int_equal(n->n_nlisted, 3);
	assert_string_equal(n->n_listed[0].r_name, "Adaeze Okafor");
	assert_int_equal(n->n_listed[0].r_naddrs, 2);
	assert_string_equal(n->n_listed[0].r_addrs[1],
	    "docketing@lawfirm.example");
	assert_string_equal(n->n_listed[2].r_addrs[2],
	    "calendar@counsel.example");
	assert_string_equal(n->n_listed[2].r_heading_case, "4:22-cv-05541-JST");
	assert_int_equal(n->n_nunlisted, 3);
	assert_string_equal(n->n_unlisted[0].r_name, "Dana Whitfield");
	assert_int_equal(n->n_trunc, 0);
	nef_free(n);
}

static void
test_district_same_in_forms(void **state)
{
	static const char *const files[] = { "alternative.eml", "bare.html",
	    "forward_rfc822.eml", "qp_latin1.eml", "unclosed_tags.eml",
	    "eightbit_junk.eml", "forward_related.eml" };
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct nef *n = parse_file(files[i]);

		print_message("# %s\n", files[i]);
		assert_int_equal(n->n_kind, NEF_DISTRICT);
		assert_string_equal(n->n_court, "cand");
		assert_int_equal(n->n_ncases, 1);
		assert_string_equal(n->n_cases[0].c_number, "4:22-cv-05541");
		assert_string_equal(n->n_cases[0].c_doc_number, "57");
		assert_string_equal(n->n_cases[0].c_link.dl_magic, "62818321");
		assert_string_equal(n->n_cases[0].c_case_id, "401001");
		assert_true(n->n_nlisted >= 2);
		assert_string_equal(n->n_listed[0].r_addrs[0],
		    "aokafor@lawfirm.example");
		nef_free(n);
	}
}

static void
test_charsets(void **state)
{
	struct nef	*n = parse_file("qp_latin1.eml");

	(void)state;
	assert_string_equal(n->n_cases[0].c_name,
	    "Caf\xc3\xa9 Fran\xc3\xa7" "ais, Inc. v. Example Logistics Corp.");
	assert_string_equal(n->n_listed[2].r_name,
	    "Jos\xc3\xa9 Mar\xc3\xad" "a Pe\xc3\xb1" "a");
	assert_non_null(strstr(n->n_subject, "Caf\xc3\xa9"));
	nef_free(n);
	n = parse_file("eightbit_junk.eml");
	/* Windows-1252 quotes became U+201C/U+201D */
	assert_string_equal(n->n_listed[2].r_name,
	    "Carmen \xe2\x80\x9cRuiz\xe2\x80\x9d Delgado");
	nef_free(n);
}

static void
test_forward_outlook(void **state)
{
	struct nef	*n = parse_file("forward_related.eml");

	(void)state;
	/* Outlook puts every cell value on a line of its own. */
	assert_string_equal(n->n_cases[0].c_name_shown,
	    "Acme Widgets, Inc. v. Example Logistics Corp. et al");
	assert_int_equal(n->n_cases[0].c_nfilers, 1);
	assert_string_equal(n->n_cases[0].c_text, "MOTION to Compel "
	    "Production of Documents filed by Example Logistics Corp.. "
	    "(Okafor, Adaeze) (Filed on 3/14/2023)");
	assert_int_equal(n->n_nlisted, 2);
	assert_string_equal(n->n_listed[1].r_name, "Brian T. Lindqvist");
	assert_string_equal(n->n_short_desc, "Motion to Compel");
	nef_free(n);
}

static void
test_multidocket(void **state)
{
	struct nef	*n = parse_file("district_multidocket.eml");

	(void)state;
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_court, "jpml");
	assert_int_equal(n->n_ncases, 3);
	assert_string_equal(n->n_cases[0].c_number, "MDL No. 3101");
	assert_int_equal(n->n_cases[0].c_docket.d_form, DOCKET_MDL);
	assert_string_equal(n->n_cases[1].c_number_shown, "ILN/1:23-cv-01234");
	assert_string_equal(n->n_cases[1].c_court_prefix, "ILN");
	assert_string_equal(n->n_cases[1].c_number, "1:23-cv-01234");
	assert_string_equal(n->n_cases[2].c_name,
	    "Osei v. Example Data Systems, Inc.");
	/* The first case's magic number is real; the others say MAGIC. */
	assert_string_equal(n->n_cases[0].c_link.dl_magic, "85366409");
	assert_string_equal(n->n_cases[1].c_link.dl_magic, "");
	assert_true(n->n_cases[1].c_link.dl_flags & DOCLINK_F_MAGIC_LITERAL);
	assert_string_equal(n->n_cases[1].c_link.dl_doc_id, "85001330001");
	assert_string_equal(n->n_cases[2].c_doc_number, "12");
	assert_string_equal(n->n_cases[2].c_case_id, "1440002");
	assert_true(n->n_link_flags & DOCLINK_F_MAGIC_LITERAL);
	assert_int_equal(n->n_ndocs, 2);
	assert_string_equal(n->n_docs[1].d_desc, "Schedule of Actions");
	assert_int_equal(n->n_nlisted, 2);
	assert_string_equal(n->n_listed[1].r_heading_case, "ILN/1:23-cv-01234");
	nef_free(n);
}

static void
test_bankruptcy_multi(void **state)
{
	struct nef	*n = parse_file("bankruptcy_multi.eml");

	(void)state;
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_string_equal(n->n_court, "nysb");
	assert_string_equal(n->n_entered_by, "Lindqvist, Brian");
	assert_int_equal(n->n_ncases, 2);
	assert_string_equal(n->n_cases[0].c_number, "23-01077");
	assert_string_equal(n->n_cases[0].c_docket.d_judge, "mg");
	assert_string_equal(n->n_cases[1].c_name, "Harbor Example Partners LLC");
	/* One doc id and one magic number per case. */
	assert_string_equal(n->n_cases[0].c_link.dl_magic, "60081811");
	assert_string_equal(n->n_cases[1].c_link.dl_magic, "34452225");
	assert_string_equal(n->n_cases[1].c_link.dl_doc_id, "126022600104");
	assert_string_equal(n->n_cases[1].c_case_id, "318877");
	/* One docket text, shared; juriscraper drops the <i> text. */
	assert_ptr_equal(n->n_cases[0].c_text, n->n_cases[1].c_text);
	assert_non_null(strstr(n->n_cases[0].c_text, "against Northwind "
	    "Example Bank"));
	assert_null(strstr(n->n_cases[0].c_description, "against Northwind"));
	assert_non_null(strstr(n->n_cases[0].c_description,
	    "Receipt NotDue"));
	/* FileNumber split over two lines by <BR> */
	assert_int_equal(n->n_ndocs, 3);
	assert_string_equal(n->n_docs[2].d_file_number, "15733343-2");
	assert_int_equal(n->n_docs[2].d_attno, 2);
	/* recipients: names from the spans, ";"-joined addresses split */
	assert_int_equal(n->n_nlisted, 3);
	assert_string_equal(n->n_listed[0].r_name, "Brian T. Lindqvist on "
	    "behalf of Plaintiff Harbor Example Partners LLC");
	assert_int_equal(n->n_listed[0].r_naddrs, 3);
	assert_string_equal(n->n_listed[0].r_addrs[2], "bk-team@lawfirm.example");
	assert_int_equal(n->n_listed[0].r_nprinted, 2);
	assert_string_equal(n->n_listed[0].r_printed[1],
	    "bk-docket@lawfirm.example;bk-team@lawfirm.example");
	assert_string_equal(n->n_listed[2].r_name, "United States Trustee");
	assert_int_equal(n->n_listed[2].r_section, 2);
	assert_string_equal(n->n_short_desc, "Complaint");
	nef_free(n);
}

static void
test_plain(void **state)
{
	struct nef	*n = parse_file("plain.eml");
	struct nef_case	*c = &n->n_cases[0];

	(void)state;
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_court, "dcd");
	assert_string_equal(n->n_date_filed, "2023-08-01");
	assert_string_equal(c->c_name, "United States v. EXAMPLE");
	assert_string_equal(c->c_number, "1:22-cr-00317");
	assert_string_equal(c->c_docket.d_type, "cr");
	/* the doc link's case id wins over the docket link's */
	assert_string_equal(c->c_case_link_id, "245511");
	assert_string_equal(c->c_case_id, "245512");
	assert_string_equal(c->c_link.dl_magic, "55501234");
	assert_string_equal(c->c_text, "Joint STATUS REPORT by USA as to JANE "
	    "EXAMPLE (Nakamura, Kenji)");
	assert_int_equal(n->n_nlisted, 2);
	assert_string_equal(n->n_listed[0].r_name, "Kenji Nakamura");
	assert_string_equal(n->n_listed[1].r_addrs[1], "docket@lawfirm.example");
	assert_int_equal(n->n_ndocs, 1);
	assert_string_equal(n->n_docs[0].d_filename, "suppressed");
	assert_false(n->n_contains_attachments);
	nef_free(n);
}

static void
test_nda(void **state)
{
	struct nef	*n = parse_file("nda_currentgen.eml");
	struct nef_case	*c = &n->n_cases[0];

	(void)state;
	assert_int_equal(n->n_kind, NEF_APPELLATE);
	assert_true(n->n_appellate);
	assert_false(n->n_acms);
	assert_string_equal(n->n_court, "ca2");
	assert_string_equal(n->n_date_filed, "2023-09-12");
	assert_string_equal(c->c_number, "23-1234");
	assert_string_equal(c->c_case_id, "61234");
	assert_null(c->c_doc_number);
	assert_int_equal(c->c_link.dl_kind, DOCLINK_DOCS1);
	assert_string_equal(c->c_link.dl_magic, "1a2b3c4d5e6f7081");
	assert_non_null(strstr(c->c_text, "<EDIT by Clerk's Office> RECEIVED"));
	assert_int_equal(n->n_nlisted, 2);
	assert_string_equal(n->n_listed[0].r_name, "Adaeze Okafor, -:");
	assert_string_equal(n->n_listed[1].r_name, "Brian T. Lindqvist, "
	    "Counsel:");
	assert_string_equal(n->n_listed[1].r_node_name, ":");
	assert_int_equal(n->n_nunlisted, 1);
	assert_string_equal(n->n_unlisted[0].r_name,
	    "Morgan Example, Deputy Clerk");
	assert_string_equal(n->n_short_desc, "Letter RECEIVED");
	nef_free(n);
}

static void
test_acms(void **state)
{
	struct nef	*n = parse_file("nda_acms.eml");
	struct nef_case	*c = &n->n_cases[0];

	(void)state;
	assert_int_equal(n->n_kind, NEF_ACMS);
	assert_true(n->n_acms);
	assert_string_equal(n->n_court, "ca9");
	assert_string_equal(n->n_date_filed, "2025-06-20");
	assert_string_equal(c->c_name, "Pacific Example Alliance v. Example "
	    "Agency");
	assert_string_equal(c->c_number, "25-3141");
	assert_null(c->c_case_id);
	assert_string_equal(c->c_doc_number, "17");	/* from the subject */
	assert_string_equal(n->n_short_desc, "Motion to File Oversized Brief");
	assert_int_equal(n->n_ndocs, 3);
	assert_int_equal(n->n_docs[2].d_attno, 2);
	assert_string_equal(n->n_docs[2].d_desc, "Declaration");
	assert_int_equal(n->n_docs[1].d_link.dl_kind, DOCLINK_ACMS);
	assert_string_equal(n->n_docs[1].d_link.dl_magic,
	    "643c4728-1b4e-f011-8779-001dd8075871");
	assert_false(n->n_contains_attachments);
	assert_string_equal(c->c_text, "MOTION to file an oversized brief "
	    "filed by Appellee Pacific Example Alliance. [Entered: 06/20/2025 "
	    "02:09 PM]");
	assert_int_equal(n->n_nlisted, 2);
	assert_string_equal(n->n_listed[1].r_name, "Brian Lindqvist");
	assert_int_equal(n->n_nunlisted, 1);
	nef_free(n);
}

static void
test_links_flags(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_file("sealed_empty_magic.eml");
	assert_true(n->n_cases[0].c_has_link);
	assert_true(n->n_cases[0].c_link.dl_flags & DOCLINK_F_MAGIC_EMPTY);
	assert_string_equal(n->n_cases[0].c_link.dl_magic, "");
	nef_free(n);
	n = parse_file("magic_literal.eml");
	assert_true(n->n_link_flags & DOCLINK_F_MAGIC_LITERAL);
	nef_free(n);
	n = parse_file("short_docid.eml");
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_true(n->n_cases[0].c_link.dl_flags & DOCLINK_F_SHORT_DOCID);
	assert_string_equal(n->n_cases[0].c_link.dl_seq, "361");
	assert_string_equal(n->n_cases[0].c_doc_number, "112");
	nef_free(n);
}

static void
test_no_document(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_file("no_document.eml");
	assert_string_equal(n->n_cases[0].c_doc_number, "58");
	assert_true(n->n_cases[0].c_no_document);
	assert_false(n->n_cases[0].c_has_link);
	assert_int_equal(n->n_ndocs, 0);
	nef_free(n);
	n = parse_file("text_only.eml");
	assert_string_equal(n->n_cases[0].c_doc_number, "59");
	assert_true(n->n_cases[0].c_no_document);
	assert_false(n->n_cases[0].c_has_link);
	nef_free(n);
	n = parse_file("regenerated.eml");
	assert_true(n->n_regenerated);
	assert_string_equal(n->n_date_entered, "2023-03-14");
	assert_string_equal(n->n_time_entered, "02:04:37 PM PDT");
	nef_free(n);
}

struct reject {
	const char	*file;
	enum nef_reason	 reason;
};

static void
test_rejects(void **state)
{
	static const struct reject r[] = {
		{ "announcement.eml", NEF_R_ANNOUNCEMENT },
		{ "zoom.eml", NEF_R_ZOOM },
		{ "image_part.eml", NEF_R_IMAGE },
		{ "not_a_notice.eml", NEF_R_NO_MARKER },
	};
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof r / sizeof r[0]; i++) {
		struct nef *n = parse_file(r[i].file);

		print_message("# %s\n", r[i].file);
		assert_int_equal(n->n_kind, NEF_NOT_NOTICE);
		assert_int_equal(n->n_reason, r[i].reason);
		assert_string_not_equal(nef_reason_text(n->n_reason), "?");
		nef_free(n);
	}
	assert_string_equal(nef_reason_name(NEF_R_NO_MARKER), "no-marker");
	assert_string_equal(nef_reason_name(999), "?");
}

/* Truncated and broken messages end in a parse or a reason. */
static void
test_damaged(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_file("truncated.eml");
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_cases[0].c_number, "4:22-cv-05541");
	nef_free(n);
	n = parse_file("broken_mime.eml");
	if (n->n_kind == NEF_NOT_NOTICE)
		assert_true(n->n_reason == NEF_R_NO_BODY ||
		    n->n_reason == NEF_R_BAD_MIME ||
		    n->n_reason == NEF_R_NO_MARKER);
	nef_free(n);
	n = parse_file("unclosed_tags.eml");
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_non_null(strstr(n->n_cases[0].c_text, "MOTION to Compel"));
	nef_free(n);
}

static void
test_empty_and_nocase(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_text("", 1, NULL);
	assert_int_equal(n->n_reason, NEF_R_EMPTY);
	nef_free(n);
	n = parse_text("<p>Notice of Electronic Filing</p><p>nothing else</p>",
	    1, NULL);
	assert_int_equal(n->n_kind, NEF_NOT_NOTICE);
	assert_int_equal(n->n_reason, NEF_R_NO_CASE);
	nef_free(n);
	assert_null(nef_free(NULL));
	n = nef_new_rejected(NEF_R_BAD_MIME);
	assert_int_equal(n->n_kind, NEF_NOT_NOTICE);
	nef_free(n);
}

/* Too many cases, recipients, addresses: truncated and flagged. */
static void
test_limits(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct nef	*n;
	int		 i, j;

	(void)state;
	strbuf_puts(&sb, "<b>Notice of Electronic Filing</b><br>");
	for (i = 0; i < NEF_MAX_CASES + 5; i++)
		strbuf_printf(&sb, "<table><tr><td>Case Name:</td><td>A%d v. B"
		    "</td></tr><tr><td>Case Number:</td><td>1:23-cv-%05d</td>"
		    "</tr></table>", i, i);
	strbuf_puts(&sb, "<b>X Notice has been electronically mailed to:</b>"
	    "<br>");
	for (i = 0; i < NEF_MAX_RECIPIENTS + 5; i++)
		strbuf_printf(&sb, "P%d p%d@example.com<br>", i, i);
	strbuf_puts(&sb, "Many ");
	for (j = 0; j < NEF_MAX_ADDRS + 5; j++)
		strbuf_printf(&sb, "m%d@example.com, ", j);
	strbuf_puts(&sb, "<br><p>The following document(s) are associated with "
	    "this transaction:</p>");
	for (i = 0; i < NEF_MAX_DOCS + 5; i++)
		strbuf_printf(&sb, "<b>Document description:</b>D%d<br>", i);
	assert_false(strbuf_error(&sb));
	n = parse_text(strbuf_str(&sb), 1, NULL);
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_int_equal(n->n_ncases, NEF_MAX_CASES);
	assert_int_equal(n->n_nlisted, NEF_MAX_RECIPIENTS);
	assert_int_equal(n->n_ndocs, NEF_MAX_DOCS);
	assert_true(n->n_trunc & NEF_TRUNC_CASES);
	assert_true(n->n_trunc & NEF_TRUNC_RECIPIENTS);
	assert_true(n->n_trunc & NEF_TRUNC_DOCS);
	nef_free(n);
	strbuf_reset(&sb);
	strbuf_puts(&sb, "<b>Notice of Electronic Filing</b><br>Case Name: A v."
	    " B<br>Case Number: 1:23-cv-00001<br>"
	    "<b>X Notice has been electronically mailed to:</b><br>Many ");
	for (j = 0; j < NEF_MAX_ADDRS + 5; j++)
		strbuf_printf(&sb, "m%d@example.com, ", j);
	n = parse_text(strbuf_str(&sb), 1, NULL);
	assert_int_equal(n->n_nlisted, 1);
	assert_int_equal(n->n_listed[0].r_naddrs, NEF_MAX_ADDRS);
	assert_true(n->n_trunc & NEF_TRUNC_ADDRS);
	nef_free(n);
	strbuf_free(&sb);
}

/* A long docket text is cut at NEF_TEXT_MAX and flagged. */
static void
test_long_text(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct nef	*n;
	int		 i;

	(void)state;
	strbuf_puts(&sb, "<b>Notice of Electronic Filing</b><br>Case Name: A v."
	    " B<br>Case Number: 1:23-cv-00001<br>Docket Text:<br>");
	for (i = 0; i < NEF_TEXT_MAX / 10 + 100; i++)
		strbuf_puts(&sb, "MOTION to ");
	n = parse_text(strbuf_str(&sb), 1, NULL);
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_non_null(n->n_cases[0].c_text);
	assert_true(strlen(n->n_cases[0].c_text) <= NEF_TEXT_MAX);
	assert_true(n->n_trunc & NEF_TRUNC_TEXT);
	nef_free(n);
	strbuf_free(&sb);
}

/* The subject parser, formats of cmecf.md section 3.6 (invented data). */
struct scase {
	enum nef_kind	 kind;
	const char	*subject, *number, *name, *doc_desc, *want, *docnum;
};

static const struct scase subjects[] = {
	{ NEF_DISTRICT, "Activity in Case 1:21-cv-01456-MN Acme, Inc. v. "
	  "Example, LLC Letter", "1:21-cv-01456-MN", "Acme, Inc. v. Example, "
	  "LLC", NULL, "Letter", NULL },
	{ NEF_DISTRICT, "Fwd: RE: Activity in Case 1:21-cv-01456-MN Acme, Inc."
	  " v. Example, LLC et al Notice (Other)", "1:21-cv-01456-MN",
	  "Acme, Inc. v. Example, LLC et al", NULL, "Notice (Other)", NULL },
	{ NEF_DISTRICT, "Activity in Case 4:22-cv-05541-JST Acme v. Example",
	  "4:22-cv-05541-JST", "Acme v. Example", NULL, "", NULL },
	{ NEF_APPELLATE, "21-1975 Example Towing Co. v. James \"Letter "
	  "RECEIVED\"", "21-1975", "Example Towing Co. v. James", NULL,
	  "Letter RECEIVED", NULL },
	{ NEF_APPELLATE, "21-1975 Example v. James \"Defective Document "
	  "FILED\"", "21-1975", "Example v. James", "Defective_Document_Notice",
	  "Defective Document Notice", NULL },
	{ NEF_ACMS, "Example Alliance, et al. v. Noem, et al. 25-2120 - 049 - "
	  "Motion for Judicial Notice", "25-2120", "Example Alliance, et al. v. "
	  "Noem, et al.", NULL, "Motion for Judicial Notice", "49" },
	{ NEF_ACMS, "Example v. Noem 25-2120 - Citation of Supplemental "
	  "Authorities (28j Letter) - 515663", "25-2120", "Example v. Noem",
	  NULL, "Citation of Supplemental Authorities (28j Letter)", NULL },
	{ NEF_BANKRUPTCY, "Ch-7 1:24-bk-70535 Notice of Appearance; Lowry "
	  "Example, Inc.", "1:24-bk-70535", "Lowry Example, Inc.", NULL,
	  "Notice of Appearance", NULL },
	{ NEF_BANKRUPTCY, "NEF: 22-22507-cgm Ch13 Affidavit Re: Gerasimos "
	  "Example", "22-22507-cgm", "Gerasimos Example", NULL, "Affidavit",
	  NULL },
	{ NEF_BANKRUPTCY, "20-18680 Response - CH7 - Charles Example",
	  "20-18680", "Charles Example", NULL, "Response", NULL },
	{ NEF_BANKRUPTCY, "21-10245-BAH Chapter 13 Mykle Example  Affidavit of "
	  "Compliance", "21-10245-BAH", "Mykle Example", NULL,
	  "Affidavit of Compliance", NULL },
	{ NEF_BANKRUPTCY, "Tanese Example 23-31747-KLP Ch 13  Notice of "
	  "Dismissal - CerDocTyp", "23-31747-KLP", "Tanese Example", NULL,
	  "Notice of Dismissal - CerDocTyp", NULL },
	{ NEF_BANKRUPTCY, "Multiple Cases \"23-10253-KBO Akorn Example Comp "
	  "Close Adversary Case\"", "24-50041-KBO", "Akorn Example Company LLC",
	  NULL, "Close Adversary Case", NULL },
	{ NEF_BANKRUPTCY, "24-80617 Chapter 11 Monthly Operating Report",
	  "24-80617", "C M Example, LLC", NULL,
	  "Chapter 11 Monthly Operating Report", NULL },
};

static void
test_subjects(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof subjects / sizeof subjects[0]; i++) {
		const struct scase *sc = &subjects[i];
		struct nef	*n = nef_new_rejected(NEF_R_NONE);
		struct nef_case	*c;
		struct nef_doc	*d;

		assert_non_null(n);
		print_message("# %s\n", sc->subject);
		n->n_kind = sc->kind;
		n->n_subject = arena_strdup(n->n_arena, sc->subject);
		c = arena_alloc(n->n_arena, sizeof *c);
		c->c_number_shown = arena_strdup(n->n_arena, sc->number);
		c->c_name_shown = arena_strdup(n->n_arena, sc->name);
		n->n_cases = c;
		n->n_ncases = 1;
		if (sc->doc_desc != NULL) {
			d = arena_alloc(n->n_arena, sizeof *d);
			d->d_desc = arena_strdup(n->n_arena, sc->doc_desc);
			n->n_docs = d;
			n->n_ndocs = 1;
		}
		nefsubj_parse(n, n->n_arena);
		assert_non_null(n->n_short_desc);
		assert_string_equal(n->n_short_desc, sc->want);
		if (sc->docnum != NULL)
			assert_string_equal(c->c_doc_number, sc->docnum);
		nef_free(n);
	}
	/* A subject longer than the parser's buffer, blanks everywhere. */
	{
		struct nef	*n = nef_new_rejected(NEF_R_NONE);
		struct nef_case	*c = arena_alloc(n->n_arena, sizeof *c);
		char		*subj = arena_alloc(n->n_arena, 5000);
		size_t		 k;

		for (k = 0; k < 4999; k++)
			subj[k] = k < 17 ? "Activity in Case "[k] :
			    (k % 2 ? ' ' : 'x');
		n->n_kind = NEF_DISTRICT;
		n->n_subject = subj;
		c->c_name_shown = subj + 17;
		n->n_cases = c;
		n->n_ncases = 1;
		nefsubj_parse(n, n->n_arena);
		nef_free(n);
	}
	assert_int_equal(nefsubj_prefix_len("Fwd: FW:  RE: x"), 14);
	assert_int_equal(nefsubj_prefix_len("x"), 0);
}

/* ---- court ids: sender, stamp, and the order nefcourt_resolve() uses -- */

static void
test_court_helpers(void **state)
{
	char	c[DOCLINK_COURT_SIZE];

	(void)state;
	/* the label does not fit: -1 and "" */
	memcpy(c, "xx", 3);
	assert_int_equal(nefcourt_from_sender("ecfnotices@areb.uscourts.gov", c,
	    4), -1);
	assert_string_equal(c, "");
	assert_int_equal(nefcourt_from_sender("ecfnotices@areb.uscourts.gov", c,
	    5), 0);
	assert_string_equal(c, "areb");
	/* a label that is no court id */
	memcpy(c, "xx", 3);
	assert_int_equal(nefcourt_from_sender("x@a_b.uscourts.gov", c, sizeof c),
	    -1);
	assert_string_equal(c, "");
	assert_int_equal(nefcourt_from_sender("x@law.uscourts.gov", c, sizeof c),
	    -1);
	assert_int_equal(nefcourt_from_sender("x@MIWD.uscourts.gov", c,
	    sizeof c), -1);
	assert_int_equal(nefcourt_from_sender("x@psc.uscourts.gov", c, sizeof c),
	    -1);
	/* the generic stamp prefixes name no court */
	memcpy(c, "xx", 3);
	assert_int_equal(nefcourt_from_stamp("bkecfStamp_ID=1", c, sizeof c),
	    -1);
	assert_string_equal(c, "");
	assert_int_equal(nefcourt_from_stamp("ACECFStamp_ID=1", c, sizeof c),
	    -1);
	assert_int_equal(nefcourt_from_stamp("Stamp_ID=1", c, sizeof c), -1);
	assert_int_equal(nefcourt_from_stamp("no stamp here", c, sizeof c), -1);
	/* a prefix with a character no court id has, or too long */
	memcpy(c, "xx", 3);
	assert_int_equal(nefcourt_from_stamp("ca.dStamp_ID=1", c, sizeof c), -1);
	assert_string_equal(c, "");
	assert_int_equal(nefcourt_from_stamp("OHNDStamp_ID=1", c, 4), -1);
	assert_string_equal(c, "");
	assert_int_equal(nefcourt_from_stamp("OHNDStamp_ID=1", c, 5), 0);
	assert_string_equal(c, "ohnd");
	/* the id map: every pair, and an id that is not mapped */
	{
		static const char *const map[][2] = {
			{ "azb", "arb" }, { "cofc", "uscfc" },
			{ "cfc", "uscfc" }, { "neb", "nebraskab" },
			{ "nysb-mega", "nysb" }, { "txs", "txsd" },
			{ "mow", "mowd" }, { "gas", "gasd" }, { "id", "idd" },
			{ "cand", "cand" },
		};
		size_t	i;

		for (i = 0; i < sizeof map / sizeof map[0]; i++) {
			snprintf(c, sizeof c, "%s", map[i][0]);
			nefcourt_map(c, sizeof c);
			assert_string_equal(c, map[i][1]);
		}
		/* no room for the longer id: left as it is */
		snprintf(c, sizeof c, "neb");
		nefcourt_map(c, 5);
		assert_string_equal(c, "neb");
	}
}

/* A plain-text district notice without any link. */
#define PLAIN_NOLINK \
	"Notice of Electronic Filing\n" \
	"The following transaction was entered on 3/14/2023 at 2:04 PM PDT " \
	"and filed on 3/14/2023\n" \
	"Case Name: Acme Widgets, Inc. v. Example Logistics Corp.\n" \
	"Case Number: 4:22-cv-05541-JST\n" \
	"Document Number: 57\n" \
	"Docket Text:\n" \
	"ORDER granting motion to compel.\n" \
	"The following document(s) are associated with this transaction:\n" \
	"Document description:Main Document\n" \
	"Original filename:order.pdf\n" \
	"Electronic document Stamp:\n"

static void
test_court_sources(void **state)
{
	struct nef	*n;

	(void)state;
	/* no link: the sender's domain, mapped (txs -> txsd) */
	n = parse_from(PLAIN_NOLINK "[STAMP cacdStamp_ID=1091133085 "
	    "[Date=3/14/2023] [FileNumber=11474013-0] [ab12]]\n", 0,
	    "DCECF_LiveDB@txs.uscourts.gov");
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_court, "txsd");
	assert_int_equal(n->n_court_src, NEF_COURT_SENDER);
	assert_string_equal(n->n_from, "DCECF_LiveDB@txs.uscourts.gov");
	assert_string_equal(n->n_docs[0].d_stamp_id, "cacdStamp_ID=1091133085");
	nef_free(n);
	/* a sender that names no court: the court-specific stamp */
	n = parse_from(PLAIN_NOLINK "[STAMP cacdStamp_ID=1091133085 "
	    "[Date=3/14/2023] [FileNumber=11474013-0] [ab12]]\n", 0,
	    "uscourts@updates.uscourts.gov");
	assert_string_equal(n->n_court, "cacd");
	assert_int_equal(n->n_court_src, NEF_COURT_STAMP);
	assert_string_equal(n->n_docs[0].d_file_number, "11474013-0");
	nef_free(n);
	/* neither: a generic stamp and no sender leave the court unknown */
	n = parse_from(PLAIN_NOLINK "[STAMP dcecfStamp_ID=1091133085 "
	    "[Date=3/14/2023] [FileNumber=11474013-0] [ab12]]\n", 0, NULL);
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_court, "");
	assert_int_equal(n->n_court_src, NEF_COURT_NONE);
	nef_free(n);
}

/* ---- kinds -------------------------------------------------------- */

#define NDA_BODY \
	"Notice of Docket Activity\n" \
	"The following transaction was filed on 06/20/2025\n" \
	"Case Name: Pacific Example Alliance v. Example Agency\n" \
	"Case Number: 25-3141\n" \
	"Docket Text:\n" \
	"MOTION to file an oversized brief.\n" \
	"Notice will be electronically mailed to:\n" \
	"Brian Lindqvist ; blindqvist@lawfirm.example\n"

static void
test_kinds(void **state)
{
	struct nef	*n;

	(void)state;
	/* an NDA from *.fedcourts.us is ACMS */
	n = parse_from(NDA_BODY, 0, "ACMS@ca9.fedcourts.us");
	assert_int_equal(n->n_kind, NEF_ACMS);
	assert_true(n->n_acms);
	assert_true(n->n_appellate);
	assert_string_equal(n->n_court, "ca9");
	assert_int_equal(n->n_court_src, NEF_COURT_SENDER);
	assert_string_equal(n->n_date_filed, "2025-06-20");
	assert_int_equal(n->n_nlisted, 1);
	assert_string_equal(n->n_listed[0].r_name, "Brian Lindqvist");
	assert_string_equal(n->n_listed[0].r_addrs[0],
	    "blindqvist@lawfirm.example");
	nef_free(n);
	/* the same NDA from a CurrentGen court: appellate */
	n = parse_from(NDA_BODY, 0, "cmecf@ca2.uscourts.gov");
	assert_int_equal(n->n_kind, NEF_APPELLATE);
	assert_false(n->n_acms);
	assert_true(n->n_appellate);
	assert_string_equal(n->n_court, "ca2");
	nef_free(n);
	/* no sender, but ACMS's heading of participants not noticed and no
	 * CurrentGen docket link */
	n = parse_from(NDA_BODY "Case participants listed below will not "
	    "receive this electronic notice:\nJane Roe\n", 0, NULL);
	assert_int_equal(n->n_kind, NEF_ACMS);
	assert_int_equal(n->n_nunlisted, 1);
	assert_string_equal(n->n_unlisted[0].r_name, "Jane Roe");
	assert_int_equal(n->n_unlisted[0].r_naddrs, 0);
	assert_int_equal(n->n_unlisted[0].r_section, 1);
	nef_free(n);
	/* with a CurrentGen docket link, the same heading is no ACMS sign */
	n = parse_from("<b>Notice of Docket Activity</b><br>"
	    "<table><tr><td>Case Name:</td><td>Example v. Agency</td></tr>"
	    "<tr><td>Case Number:</td><td><a href=\"https://ecf.ca2.uscourts.gov"
	    "/n/beam/servlet/TransportRoom?servlet=DocketReportFilter.jsp&amp;"
	    "caseId=55129\">23-1234</a></td></tr></table>"
	    "<p>Case participants listed below will not receive this "
	    "electronic notice:</p><p>Jane Roe</p>", 1, NULL);
	assert_int_equal(n->n_kind, NEF_APPELLATE);
	assert_string_equal(n->n_cases[0].c_case_link_id, "55129");
	assert_string_equal(n->n_cases[0].c_case_id, "55129");
	assert_string_equal(n->n_court, "ca2");
	assert_int_equal(n->n_court_src, NEF_COURT_LINK);
	nef_free(n);
	/* bankruptcy by the case type alone (bk, ap) */
	n = parse_from("Notice of Electronic Filing\nCase Name: Lowry Example, "
	    "Inc.\nCase Number: 1:24-bk-70535\n", 0, NULL);
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_string_equal(n->n_cases[0].c_docket.d_type, "bk");
	nef_free(n);
	n = parse_from("Notice of Electronic Filing\nCase Name: Trustee v. "
	    "Example\nCase Number: 1:24-ap-01234\n", 0, NULL);
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	nef_free(n);
	/* a district case type stays district */
	n = parse_from("Notice of Electronic Filing\nCase Name: A v. B\n"
	    "Case Number: 1:24-cv-01234\n", 0, NULL);
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	nef_free(n);
}

static void
test_names(void **state)
{
	static const char *const kinds[] = { "not-a-notice", "district",
	    "bankruptcy", "appellate", "acms", "claim" };
	static const char *const reasons[] = { "none", "empty", "no-marker",
	    "announcement", "claims", "modified", "zoom", "image", "no-case",
	    "no-body", "bad-mime" };
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		assert_string_equal(nef_kind_name((enum nef_kind)i), kinds[i]);
	assert_string_equal(nef_kind_name((enum nef_kind)6), "?");
	assert_string_equal(nef_kind_name((enum nef_kind)-1), "?");
	for (i = 0; i < sizeof reasons / sizeof reasons[0]; i++) {
		assert_string_equal(nef_reason_name((enum nef_reason)i),
		    reasons[i]);
		assert_string_not_equal(nef_reason_text((enum nef_reason)i),
		    "?");
	}
	assert_string_equal(nef_reason_name(NEF_R_BAD_MIME + 1), "?");
	assert_string_equal(nef_reason_text(NEF_R_BAD_MIME + 1), "?");
	assert_string_equal(nef_reason_text((enum nef_reason)-1), "?");
	assert_string_equal(nef_reason_text(NEF_R_ZOOM),
	    "a Zoom meeting invitation");
}

/* ---- the case table ----------------------------------------------- */

#define HTML_HEAD "<b>Notice of Electronic Filing</b><br>"
#define DOC1(id, seq, magic) "<a href=\"https://ecf.cand.uscourts.gov/doc1/" \
	id "?caseid=401001&amp;de_seq_num=" seq "&amp;magic_num=" magic "\">"

static void
test_case_table(void **state)
{
	struct nef	*n;

	(void)state;
	/* a case number repeated further down starts no new case */
	n = parse_text(HTML_HEAD "<table><tr><td>Case Name:</td><td>A v. B</td>"
	    "</tr><tr><td>Case Number:</td><td>4:22-cv-05541-JST</td></tr>"
	    "<tr><td>Document Number:</td><td>" DOC1("035020918716", "213",
	    "62818321") "57</a></td></tr></table>"
	    "<p>Docket Text: ORDER.</p>"
	    "<table><tr><td>Case Number:</td><td>4:22-cv-05541-JST "
	    "(closed)</td></tr></table>", 1, NULL);
	assert_int_equal(n->n_ncases, 1);
	assert_string_equal(n->n_cases[0].c_number_shown, "4:22-cv-05541-JST");
	assert_string_equal(n->n_cases[0].c_doc_number, "57");
	nef_free(n);
	/* a new number does start one */
	n = parse_text(HTML_HEAD "Case Name: A v. B<br>Case Number: "
	    "4:22-cv-05541<br>Case Number: 4:22-cv-05542<br>", 1, NULL);
	assert_int_equal(n->n_ncases, 2);
	assert_string_equal(n->n_cases[1].c_number, "4:22-cv-05542");
	assert_null(n->n_cases[1].c_name_shown);
	nef_free(n);
	/* WARNING: CASE CLOSED as to a party "on" a date */
	n = parse_text(HTML_HEAD "Case Name: A v. B<br>Case Number: "
	    "4:22-cv-05541<br>WARNING: CASE CLOSED as to Example Corp. on "
	    "02/21/2024<br>", 1, NULL);
	assert_string_equal(n->n_cases[0].c_closed, "02/21/2024");
	nef_free(n);
	/* the form cmecf.md 3.1 shows: "CASE CLOSED on DATE" */
	n = parse_text(HTML_HEAD "Case Name: A v. B<br>Case Number: "
	    "4:22-cv-05541<br>WARNING: CASE CLOSED on 02/21/2024<br>", 1, NULL);
	assert_string_equal(n->n_cases[0].c_closed, "02/21/2024");
	nef_free(n);
	/* no case yet when the warning comes: ignored */
	n = parse_text(HTML_HEAD "WARNING: CASE CLOSED on 02/21/2024<br>"
	    "Case Name: A v. B<br>Case Number: 4:22-cv-05541<br>", 1, NULL);
	assert_int_equal(n->n_ncases, 1);
	assert_null(n->n_cases[0].c_closed);
	nef_free(n);
	/* a document number before any case name starts the case */
	n = parse_text(HTML_HEAD "Document Number: 5<br>Docket Text: ORDER."
	    "<br>", 1, NULL);
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_int_equal(n->n_ncases, 1);
	assert_string_equal(n->n_cases[0].c_doc_number, "5");
	assert_null(n->n_cases[0].c_name_shown);
	assert_null(n->n_cases[0].c_number);
	assert_string_equal(n->n_cases[0].c_text, "ORDER.");
	nef_free(n);
	/* "22-22507 (something)": the number is the first word */
	n = parse_text(HTML_HEAD "Case Name: Example Debtor<br>Case Number: "
	    "23-01077-mg (Jointly Administered)<br>Bankruptcy Court<br>", 1,
	    NULL);
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_string_equal(n->n_cases[0].c_number_shown,
	    "23-01077-mg (Jointly Administered)");
	assert_string_equal(n->n_cases[0].c_number, "23-01077");
	assert_string_equal(n->n_cases[0].c_docket.d_judge, "mg");
	nef_free(n);
	/* no docket number at all: shown, but not parsed */
	n = parse_text(HTML_HEAD "Case Name: A v. B<br>Case Number: pending "
	    "assignment<br>", 1, NULL);
	assert_int_equal(n->n_ncases, 1);
	assert_string_equal(n->n_cases[0].c_number_shown, "pending assignment");
	assert_null(n->n_cases[0].c_number);
	assert_string_equal(n->n_cases[0].c_key, "");
	nef_free(n);
}

static void
test_filers(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct nef	*n;
	int		 i;

	(void)state;
	strbuf_puts(&sb, HTML_HEAD "<table><tr><td>Case Name:</td><td>A v. B"
	    "</td></tr><tr><td>Case Number:</td><td>4:22-cv-05541</td></tr>");
	for (i = 0; i < 10; i++)
		strbuf_printf(&sb, "<tr><td>%s</td><td>Filer Number %d</td>"
		    "</tr>", i == 0 ? "Filer:" : "", i);
	strbuf_puts(&sb, "</table>");
	n = parse_text(strbuf_str(&sb), 1, NULL);
	assert_int_equal(n->n_cases[0].c_nfilers, 10);
	assert_string_equal(n->n_cases[0].c_filers[0], "Filer Number 0");
	assert_string_equal(n->n_cases[0].c_filers[8], "Filer Number 8");
	assert_string_equal(n->n_cases[0].c_filers[9], "Filer Number 9");
	nef_free(n);
	/* more than NEF_MAX_FILERS: the first ones are kept */
	strbuf_reset(&sb);
	strbuf_puts(&sb, HTML_HEAD "Case Name: A v. B<br>Case Number: "
	    "4:22-cv-05541<br>Filer:<br>");
	for (i = 0; i < NEF_MAX_FILERS + 8; i++)
		strbuf_printf(&sb, "Filer Number %d<br>", i);
	n = parse_text(strbuf_str(&sb), 1, NULL);
	assert_int_equal(n->n_cases[0].c_nfilers, NEF_MAX_FILERS);
	assert_string_equal(n->n_cases[0].c_filers[NEF_MAX_FILERS - 1],
	    "Filer Number 31");
	assert_true(n->n_trunc & NEF_TRUNC_FILERS);
	nef_free(n);
	strbuf_free(&sb);
}

/* "e-acute" repeated after an ASCII prefix: with an odd prefix a cut at
 * an even byte count falls in the middle of a character, with an even
 * (or empty) prefix a cut at an odd count does. */
static void
put_long_utf8(struct strbuf *sb, const char *prefix, size_t chars)
{
	size_t	i;

	strbuf_puts(sb, prefix);
	for (i = 0; i < chars; i++)
		strbuf_puts(sb, "\xc3\xa9");
}

static void
test_long_fields(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct nef	*n;
	const char	*s;

	(void)state;
	/* a case name over NEF_FIELD_MAX, cut on a character boundary */
	strbuf_puts(&sb, HTML_HEAD "Case Name: ");
	put_long_utf8(&sb, "A", 700);
	strbuf_puts(&sb, "<br>Case Number: 4:22-cv-05541<br>");
	n = parse_text(strbuf_str(&sb), 1, NULL);
	s = n->n_cases[0].c_name_shown;
	assert_int_equal(strlen(s), NEF_FIELD_MAX - 1);
	assert_memory_equal(s + strlen(s) - 2, "\xc3\xa9", 2);
	assert_true(n->n_trunc & NEF_TRUNC_TEXT);
	nef_free(n);
	/* a recipient name as long */
	strbuf_reset(&sb);
	strbuf_puts(&sb, HTML_HEAD "Case Name: A v. B<br>Case Number: "
	    "4:22-cv-05541<br>Notice has been electronically mailed to:<br>");
	put_long_utf8(&sb, "A", 700);
	strbuf_puts(&sb, " someone@lawfirm.example<br>");
	n = parse_text(strbuf_str(&sb), 1, NULL);
	assert_int_equal(n->n_nlisted, 1);
	s = n->n_listed[0].r_name;
	assert_int_equal(strlen(s), NEF_FIELD_MAX - 1);
	assert_memory_equal(s + strlen(s) - 2, "\xc3\xa9", 2);
	assert_string_equal(n->n_listed[0].r_addrs[0],
	    "someone@lawfirm.example");
	assert_true(n->n_trunc & NEF_TRUNC_TEXT);	/* the cut is flagged */
	nef_free(n);
	/* a docket text over NEF_TEXT_MAX in UTF-8, then one more line */
	strbuf_reset(&sb);
	strbuf_puts(&sb, HTML_HEAD "Case Name: A v. B<br>Case Number: "
	    "4:22-cv-05541<br>Docket Text: ");
	put_long_utf8(&sb, "", NEF_TEXT_MAX / 2 + 10);
	strbuf_puts(&sb, "<br>TAIL LINE<br>");
	assert_false(strbuf_error(&sb));
	n = parse_text(strbuf_str(&sb), 1, NULL);
	s = n->n_cases[0].c_text;
	/* NEF_TEXT_MAX - 1 bytes would end inside a character */
	assert_int_equal(strlen(s), NEF_TEXT_MAX - 2);
	assert_memory_equal(s + strlen(s) - 2, "\xc3\xa9", 2);
	assert_null(strstr(s, "TAIL"));
	assert_true(n->n_trunc & NEF_TRUNC_TEXT);
	nef_free(n);
	strbuf_free(&sb);
}

/* ---- document links ----------------------------------------------- */

static void
test_doc_links(void **state)
{
	struct nef	*n;

	(void)state;
	/* the entry's link is the first document link after the label; a
	 * later line (here another doc1 link) does not replace it */
	n = parse_text(HTML_HEAD "Case Name: A v. B<br>Case Number: "
	    "4:22-cv-05541<br>Document Number: " DOC1("035020918716", "213",
	    "62818321") "57</a><br>" DOC1("035020918799", "214", "11111111")
	    "see also</a><br>", 1, NULL);
	assert_true(n->n_cases[0].c_has_link);
	assert_string_equal(n->n_cases[0].c_link.dl_doc_id, "035020918716");
	assert_string_equal(n->n_cases[0].c_link.dl_magic, "62818321");
	assert_string_equal(n->n_cases[0].c_doc_number, "57");
	nef_free(n);
	/* a docket link where the document link should be: no link */
	n = parse_text(HTML_HEAD "Case Name: A v. B<br>Case Number: "
	    "4:22-cv-05541<br>Document Number: <a href=\"https://ecf.cand."
	    "uscourts.gov/cgi-bin/DktRpt.pl?401001\">57</a><br>", 1, NULL);
	assert_false(n->n_cases[0].c_has_link);
	assert_string_equal(n->n_cases[0].c_doc_number, "57");
	/* the court comes from the docket link */
	assert_string_equal(n->n_court, "cand");
	assert_int_equal(n->n_court_src, NEF_COURT_LINK);
	nef_free(n);
	/* CurrentGen "Document(s):" with its docs1 link */
	n = parse_text("<b>Notice of Docket Activity</b><br>Case Name: A v. B"
	    "<br>Case Number: 23-1234<br>Document(s): <a href=\"https://ecf.ca2"
	    ".uscourts.gov/docs1/00208942267?uid=37cacbbc313ab362\">Document"
	    "</a><br>", 1, NULL);
	assert_int_equal(n->n_kind, NEF_APPELLATE);
	assert_true(n->n_cases[0].c_has_link);
	assert_int_equal(n->n_cases[0].c_link.dl_kind, DOCLINK_DOCS1);
	assert_string_equal(n->n_cases[0].c_link.dl_magic, "37cacbbc313ab362");
	assert_null(n->n_cases[0].c_doc_number);
	nef_free(n);
}

#define ACMS_DOC(guid, text) "<b>Document:</b> <a href='https://ca9-showdoc." \
	"azurewebsites.us/NDA/" guid "'>" text "</a><br>"

static void
test_acms_docs(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct nef	*n;
	int		 i;

	(void)state;
	/* a case link on the "Document:" line is not a document */
	n = parse_text("<b>Notice of Docket Activity</b><br>Case Name: A v. B"
	    "<br>Case Number: 25-3141<br><b>Document:</b> <a href='https://"
	    "ca9-showdoc.azurewebsites.us/25-3141'>25-3141</a> <a href='https:"
	    "//ca9-showdoc.azurewebsites.us/NDA/643c4728-1b4e-f011-8779-"
	    "001dd8075871'>Brief</a><br>", 1, NULL);
	assert_int_equal(n->n_kind, NEF_ACMS);
	assert_int_equal(n->n_ndocs, 1);
	assert_string_equal(n->n_docs[0].d_desc, "Brief");
	assert_string_equal(n->n_docs[0].d_link.dl_magic,
	    "643c4728-1b4e-f011-8779-001dd8075871");
	/* the entry takes the first document's link */
	assert_true(n->n_cases[0].c_has_link);
	assert_string_equal(n->n_cases[0].c_link.dl_magic,
	    "643c4728-1b4e-f011-8779-001dd8075871");
	nef_free(n);
	/* more documents than NEF_MAX_DOCS */
	strbuf_puts(&sb, "<b>Notice of Docket Activity</b><br>Case Name: A v. "
	    "B<br>Case Number: 25-3141<br>");
	for (i = 0; i < NEF_MAX_DOCS + 4; i++)
		strbuf_printf(&sb, "<b>Document:</b> <a href='https://"
		    "ca9-showdoc.azurewebsites.us/NDA/643c4728-1b4e-f011-8779-"
		    "%012d'>Exhibit %d</a><br>", i, i);
	n = parse_text(strbuf_str(&sb), 1, NULL);
	assert_int_equal(n->n_kind, NEF_ACMS);
	assert_int_equal(n->n_ndocs, NEF_MAX_DOCS);
	assert_true(n->n_trunc & NEF_TRUNC_DOCS);
	assert_string_equal(n->n_docs[NEF_MAX_DOCS - 1].d_desc, "Exhibit 255");
	nef_free(n);
	strbuf_free(&sb);
}

/* ---- recipients --------------------------------------------------- */

static void
test_recipient_forms(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_text(HTML_HEAD "Case Name: A v. B<br>Case Number: "
	    "4:22-cv-05541<br>4:22-cv-05541 Notice has been electronically "
	    "mailed to:<br>"
	    /* the name is a link: juriscraper's name is the text after it */
	    "<a href=\"mailto:bl@lawfirm.example\">Brian Lindqvist</a> "
	    "Counsel: bl@lawfirm.example<br>"
	    /* a blank before the comma that separates two addresses */
	    "Adaeze Okafor aokafor@lawfirm.example , docketing@lawfirm.example"
	    "<br>"
	    /* a name wrapped before its suffix */
	    "Frank Daniel Wood , Jr fwood@counsel.example<br>", 1, NULL);
	assert_int_equal(n->n_nlisted, 3);
	assert_string_equal(n->n_listed[0].r_name, "Brian Lindqvist Counsel:");
	assert_string_equal(n->n_listed[0].r_node_name, "Counsel:");
	assert_string_equal(n->n_listed[0].r_heading_case, "4:22-cv-05541");
	assert_int_equal(n->n_listed[1].r_naddrs, 2);
	assert_string_equal(n->n_listed[1].r_addrs[1],
	    "docketing@lawfirm.example");
	assert_int_equal(n->n_listed[1].r_nprinted, 2);
	assert_string_equal(n->n_listed[1].r_printed[0],
	    "aokafor@lawfirm.example");
	assert_string_equal(n->n_listed[1].r_printed[1],
	    "docketing@lawfirm.example");
	assert_ptr_equal(n->n_listed[1].r_node_name, n->n_listed[1].r_name);
	assert_string_equal(n->n_listed[2].r_name, "Frank Daniel Wood Jr");
	nef_free(n);
}

/* What nef_parse() keeps of the caller's input besides the text. */
static void
test_input_edges(void **state)
{
	struct nef_input in;
	struct nef	*n = NULL;
	char		*subj, *from;

	(void)state;
	subj = malloc(NEF_SUBJECT_MAX + 100);
	from = malloc(NEF_FIELD_MAX + 100);
	assert_non_null(subj);
	assert_non_null(from);
	memset(subj, 's', NEF_SUBJECT_MAX + 99);
	subj[NEF_SUBJECT_MAX + 99] = '\0';
	memset(from, 'f', NEF_FIELD_MAX + 99);
	from[NEF_FIELD_MAX + 99] = '\0';
	/* no text at all (NULL): empty; subject and sender cut to the limits */
	memset(&in, 0, sizeof in);
	in.ni_text = NULL;
	in.ni_len = 7;
	in.ni_is_html = 1;
	in.ni_subject = subj;
	in.ni_from = from;
	assert_int_equal(nef_parse(&in, &n), 0);
	assert_int_equal(n->n_kind, NEF_NOT_NOTICE);
	assert_int_equal(n->n_reason, NEF_R_EMPTY);
	assert_true(n->n_html);
	assert_int_equal(strlen(n->n_subject), NEF_SUBJECT_MAX);
	assert_int_equal(strlen(n->n_from), NEF_FIELD_MAX);
	nef_free(n);
	free(subj);
	free(from);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_district),
		cmocka_unit_test(test_district_same_in_forms),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_forward_outlook),
		cmocka_unit_test(test_multidocket),
		cmocka_unit_test(test_bankruptcy_multi),
		cmocka_unit_test(test_plain),
		cmocka_unit_test(test_nda),
		cmocka_unit_test(test_acms),
		cmocka_unit_test(test_links_flags),
		cmocka_unit_test(test_no_document),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_empty_and_nocase),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_long_text),
		cmocka_unit_test(test_subjects),
		cmocka_unit_test(test_court_helpers),
		cmocka_unit_test(test_court_sources),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_case_table),
		cmocka_unit_test(test_filers),
		cmocka_unit_test(test_long_fields),
		cmocka_unit_test(test_doc_links),
		cmocka_unit_test(test_acms_docs),
		cmocka_unit_test(test_recipient_forms),
		cmocka_unit_test(test_input_edges),
	};

	return cmocka_run_group_tests(tests, nefparse_setup, nefparse_teardown);
}
