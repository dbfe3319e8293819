/*
 * test_nefclass: the classes of notice beyond the plain NEF, on the
 * fixtures of tests/data/nef/ read as the milter reads them, every field
 * asserted: new-case notices from three bankruptcy courts (the heading
 * with the NEF's own structure, the court's narrative first, the
 * narrative alone), a notice known by its structure alone (a text-only
 * entry among them), Notices of
 * Electronic Claims Filing (and one with no claim link), modified and
 * corrected entries.  The HTML and text forms of each notice read the
 * same, field by field (tests/lib/nefcmp.h).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mime.h"
#include "nef.h"
#include "nefchange.h"
#include "nefsum.h"
#include "parsecmd.h"
#include "nefparse.h"
#include "nefcmp.h"

static void
same_forms(const char *html, const char *text)
{
	struct nef	*h = nefparse_file(html), *t = nefparse_file(text);

	assert_true(h->n_html);
	assert_false(t->n_html);
	nefcmp_same(h, t, text);
	nef_free(h);
	nef_free(t);
}

static void
rcpt(const struct nef_recipient *r, const char *name, const char *a0,
    const char *a1)
{
	assert_string_equal(r->r_name, name);
	assert_int_equal(r->r_naddrs, a1 != NULL ? 2 : 1);
	assert_string_equal(r->r_addrs[0], a0);
	if (a1 != NULL)
		assert_string_equal(r->r_addrs[1], a1);
}

/* The new-case heading over the NEF's own structure (cacb). */
static void
test_newcase_cacb(void **state)
{
	struct nef	*n = nefparse_file("newcase_cacb.eml");
	const struct nef_case *c;

	(void)state;
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_int_equal(n->n_class, NEF_CLASS_NEW_CASE);
	assert_int_equal(n->n_partial, 0);
	assert_string_equal(n->n_court, "cacb");
	assert_int_equal(n->n_court_disagree, 0);
	assert_string_equal(n->n_date_filed, "2024-02-05");
	assert_string_equal(n->n_date_entered, "2024-02-05");
	assert_string_equal(n->n_time_entered, "4:41 PM PST");
	assert_string_equal(n->n_entered_by, "Okafor, Adaeze");
	assert_int_equal(n->n_ncases, 1);
	c = &n->n_cases[0];
	assert_string_equal(c->c_name_shown, "Maria Luisa Example");
	assert_string_equal(c->c_number_shown, "6:24-bk-10123-SY");
	assert_string_equal(c->c_key, "6:24-bk-10123");
	assert_string_equal(c->c_docket.d_type, "bk");
	assert_string_equal(c->c_doc_number, "1");
	assert_string_equal(c->c_case_id, "1960011");
	assert_string_equal(c->c_case_link_id, "1960011");
	assert_true(c->c_has_link);
	assert_string_equal(c->c_link.dl_doc_id, "973110612345");
	assert_string_equal(c->c_link.dl_magic, "41234567");
	assert_string_equal(c->c_link.dl_seq, "1");
	assert_non_null(strstr(c->c_text, "Chapter 7 Voluntary Petition for "
	    "Individuals. Receipt Number AXXXXXXXX, Fee Amount $338"));
	assert_int_equal(n->n_ndocs, 1);
	assert_string_equal(n->n_docs[0].d_desc, "Main Document");
	assert_string_equal(n->n_docs[0].d_filename, "Petition.pdf");
	assert_string_equal(n->n_docs[0].d_file_number, "48123001-0");
	assert_true(n->n_docs[0].d_has_link);
	assert_int_equal(n->n_nlisted, 3);
	rcpt(&n->n_listed[0], "Adaeze Okafor on behalf of Debtor Maria Luisa "
	    "Example", "aokafor@lawfirm.example", "docketing@lawfirm.example");
	rcpt(&n->n_listed[1], "Jordan T Trustee (TR)", "trustee@trustee.example",
	    "ca00@ecfcbis.example");
	rcpt(&n->n_listed[2], "United States Trustee (RS)",
	    "ustpregion16.rs.ecf@example.gov", NULL);
	assert_string_equal(n->n_listed[0].r_heading_case, "6:24-bk-10123-SY");
	assert_int_equal(n->n_nunlisted, 3);
	assert_string_equal(n->n_unlisted[2].r_name, "Riverside, CA 92501");
	assert_int_equal(n->n_change.ch_what, 0);
	assert_int_equal(n->n_nclaims, 0);
	nef_free(n);
	same_forms("newcase_cacb.eml", "newcase_cacb_text.eml");
}

/* The court's narrative first, then the tables (nysb). */
static void
test_newcase_nysb(void **state)
{
	struct nef	*n = nefparse_file("newcase_nysb.eml");
	const struct nef_case *c;

	(void)state;
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_int_equal(n->n_class, NEF_CLASS_NEW_CASE);
	assert_int_equal(n->n_partial, 0);
	assert_string_equal(n->n_court, "nysb");
	assert_string_equal(n->n_date_filed, "2024-02-06");
	assert_string_equal(n->n_date_entered, "2024-02-06");
	assert_string_equal(n->n_time_entered, "9:11 AM EST");
	assert_null(n->n_entered_by);
	assert_int_equal(n->n_ncases, 1);	/* the number, said twice */
	c = &n->n_cases[0];
	assert_string_equal(c->c_name_shown, "Harbor Example Partners LLC");
	assert_string_equal(c->c_number_shown, "24-10123-mg");
	assert_string_equal(c->c_key, "24-10123");
	assert_string_equal(c->c_docket.d_judge, "mg");
	assert_string_equal(c->c_case_link_id, "330101");
	assert_string_equal(c->c_doc_number, "1");
	assert_string_equal(c->c_link.dl_doc_id, "126023311001");
	assert_non_null(strstr(c->c_text, "(Attachments: # (1) List of "
	    "Creditors # (2) Corporate Ownership Statement)"));
	assert_int_equal(n->n_ndocs, 3);
	assert_int_equal(n->n_docs[2].d_attno, 2);
	assert_string_equal(n->n_docs[2].d_desc, "Corporate Ownership Statement");
	assert_true(n->n_contains_attachments);
	assert_int_equal(n->n_nlisted, 2);
	rcpt(&n->n_listed[1], "United States Trustee",
	    "USTPRegion02.NYECF@example.gov", NULL);
	nef_free(n);
}

/* The narrative alone: no document, no docket text (txnb). */
static void
test_newcase_txnb(void **state)
{
	struct nef	*n = nefparse_file("newcase_txnb.eml");
	const struct nef_case *c;

	(void)state;
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_int_equal(n->n_class, NEF_CLASS_NEW_CASE);
	assert_int_equal(n->n_partial, NEF_PART_DOCUMENT | NEF_PART_TEXT);
	assert_string_equal(nef_partial_text(NEF_PART_DOCUMENT),
	    "the document link or number");
	assert_string_equal(n->n_court, "txnb");
	assert_int_equal(n->n_court_src, NEF_COURT_SENDER);
	assert_string_equal(n->n_date_filed, "2024-03-11");
	assert_string_equal(n->n_time_entered, "2:17 PM CDT");
	c = &n->n_cases[0];
	assert_string_equal(c->c_name_shown, "Samuel Q. Example");
	assert_string_equal(c->c_number_shown, "24-30555-mvl13");
	assert_string_equal(c->c_key, "24-30555");
	assert_false(c->c_has_link);
	assert_null(c->c_doc_number);
	assert_null(c->c_text);
	assert_int_equal(n->n_ndocs, 0);
	assert_int_equal(n->n_nlisted, 2);
	rcpt(&n->n_listed[0], "Carmen Ruiz-Delgado on behalf of Debtor Samuel "
	    "Q. Example", "cruiz@counsel.example",
	    "cruiz-assistant@counsel.example");
	nef_free(n);
	same_forms("newcase_txnb.eml", "newcase_txnb_text.eml");
	/* the other wording of the case number's sentence */
	n = nefparse_in("Notice of Bankruptcy Case Filing\n"
	    "A bankruptcy case concerning the debtor(s) listed below was filed "
	    "under Chapter 7 of the United States Bankruptcy Code, entered on "
	    "5/6/2024 at 1:02 PM MDT and filed on 5/6/2024.\n"
	    "Pat Example\n123 Main St\n"
	    "The case has been assigned case number 24-11111-JGR to Judge X.\n",
	    0, NULL, "cmecf@cob.uscourts.gov");
	assert_int_equal(n->n_class, NEF_CLASS_NEW_CASE);
	assert_string_equal(n->n_court, "cob");
	assert_string_equal(n->n_cases[0].c_number_shown, "24-11111-JGR");
	assert_string_equal(n->n_cases[0].c_name_shown, "Pat Example");
	assert_string_equal(n->n_date_filed, "2024-05-06");
	assert_int_equal(n->n_partial, NEF_PART_DOCUMENT | NEF_PART_TEXT |
	    NEF_PART_RECIPIENTS);
	nef_free(n);
}

/* No heading CM/ECF uses elsewhere: the structure alone (ctb). */
static void
test_structure(void **state)
{
	struct nef	*n = nefparse_file("newcase_ctb.eml");

	(void)state;
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_int_equal(n->n_class, NEF_CLASS_STRUCTURE);
	assert_int_equal(n->n_partial, 0);
	assert_string_equal(n->n_court, "ctb");
	assert_string_equal(n->n_date_filed, "2024-02-07");
	assert_string_equal(n->n_entered_by, "Lindqvist, Brian");
	assert_string_equal(n->n_cases[0].c_name_shown, "Example Pizza LLC");
	assert_string_equal(n->n_cases[0].c_key, "24-20101");
	assert_string_equal(n->n_cases[0].c_doc_number, "1");
	assert_string_equal(n->n_cases[0].c_link.dl_magic, "81234001");
	assert_string_equal(n->n_cases[0].c_text, "Chapter 7 Voluntary "
	    "Petition for Non-Individuals. Fee Amount $338 Filed by Example "
	    "Pizza LLC. (Lindqvist, Brian)");
	assert_int_equal(n->n_nlisted, 1);
	nef_free(n);
}

/* A text-only entry of two cases under a heading CM/ECF does not use
 * elsewhere, with no recipient list: the transaction line, the case
 * numbers, the docket text and the empty "Document Number:" label a
 * text-only entry has make it a notice; without the docket text the
 * label alone does not. */
#define TEXT_ONLY_HEAD \
	"<p>U.S. Bankruptcy Court</p><p>Electronic Notice</p>" \
	"The following transaction was received from Okafor, Adaeze entered " \
	"on 10/15/2024 at 2:49 PM EDT and filed on 10/15/2024<br>" \
	"<table><tr><td><b>Case Name:</b></td><td>Miller v. Example " \
	"Health, Inc.</td></tr><tr><td><b>Case Number:</b></td>" \
	"<td>24-50041-KBO</td></tr><tr><td><b>Document Number:</b></td>" \
	"<td></td></tr></table><table><tr><td><b>Case Name:</b></td>" \
	"<td>Example Holding LLC</td></tr><tr><td><b>Case Number:</b>" \
	"</td><td>23-10253-KBO</td></tr><tr><td><b>Document Number:</b>" \
	"</td><td></td></tr></table>"

static void
test_structure_text_only(void **state)
{
	struct nef	*n;

	(void)state;
	n = nefparse_in(TEXT_ONLY_HEAD "<p><b>Docket Text:</b> Adversary Case "
	    "1:24-ap-50041 Closed (JMC)</p><p>The following document(s) are "
	    "associated with this transaction:</p>", 1, NULL, NULL);
	assert_int_equal(n->n_reason, NEF_R_NONE);
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_int_equal(n->n_class, NEF_CLASS_STRUCTURE);
	assert_int_equal(n->n_partial, NEF_PART_DOCUMENT | NEF_PART_RECIPIENTS);
	assert_string_equal(n->n_date_filed, "2024-10-15");
	assert_int_equal(n->n_ncases, 2);
	assert_string_equal(n->n_cases[0].c_key, "24-50041");
	assert_string_equal(n->n_cases[1].c_key, "23-10253");
	assert_null(n->n_cases[0].c_doc_number);
	assert_string_equal(n->n_cases[1].c_text,
	    "Adversary Case 1:24-ap-50041 Closed (JMC)");
	assert_string_equal(n->n_cases[0].c_text, n->n_cases[1].c_text);
	nef_free(n);
	n = nefparse_in(TEXT_ONLY_HEAD, 1, NULL, NULL);
	assert_int_equal(n->n_kind, NEF_NOT_NOTICE);
	assert_int_equal(n->n_reason, NEF_R_NO_MARKER);
	nef_free(n);
}

static void
test_claim_cacb(void **state)
{
	struct nef	*n = nefparse_file("claim_cacb.eml");
	const struct nef_claim *cl;

	(void)state;
	assert_int_equal(n->n_kind, NEF_CLAIM);
	assert_string_equal(nef_kind_name(n->n_kind), "claim");
	assert_int_equal(n->n_class, NEF_CLASS_CLAIM);
	assert_int_equal(n->n_partial, 0);
	assert_string_equal(n->n_court, "cacb");
	assert_string_equal(n->n_date_filed, "2022-10-21");
	assert_string_equal(n->n_time_entered, "11:11 AM PDT");
	assert_string_equal(n->n_entered_by, "Okafor, Adaeze");
	assert_int_equal(n->n_ncases, 1);
	assert_string_equal(n->n_cases[0].c_name_shown,
	    "Jordan Alexander Example");
	assert_string_equal(n->n_cases[0].c_key, "6:22-bk-13777");
	assert_null(n->n_cases[0].c_doc_number);
	assert_int_equal(n->n_nclaims, 1);
	cl = &n->n_claims[0];
	assert_int_equal(cl->cl_case, 0);
	assert_string_equal(cl->cl_number, "7");
	assert_string_equal(cl->cl_creditor, "Quantum3 Group LLC as agent for "
	    "Example Credit Partners LLC");
	assert_string_equal(cl->cl_creditor_short, "Quantum3 Group LLC");
	assert_string_equal(cl->cl_address, "PO Box 788, Kirkland, WA "
	    "98083-0788");
	assert_string_equal(cl->cl_amount[NEF_AMOUNT_CLAIMED], "$12,643.92");
	assert_string_equal(cl->cl_amount[NEF_AMOUNT_SECURED], "$10,000.00");
	assert_null(cl->cl_amount[NEF_AMOUNT_PRIORITY]);
	assert_null(cl->cl_amount[NEF_AMOUNT_UNSECURED]);
	assert_string_equal(cl->cl_filer, "Okafor, Adaeze");
	assert_true(cl->cl_has_link);
	assert_string_equal(cl->cl_link.dl_doc_id, "973010595404");
	assert_string_equal(cl->cl_link.dl_claim_id, "103202377");
	assert_string_equal(cl->cl_link.dl_claim_num, "7");
	assert_string_equal(cl->cl_link.dl_claim_seq, "");
	assert_string_equal(cl->cl_link.dl_magic, "28924311");
	/* the claim's document is the case's document link */
	assert_true(n->n_cases[0].c_has_link);
	assert_string_equal(n->n_cases[0].c_link_url, cl->cl_link_url);
	assert_string_equal(n->n_cases[0].c_case_id, "1952177");
	assert_int_equal(n->n_ndocs, 2);
	assert_true(n->n_docs[0].d_has_link);
	assert_string_equal(n->n_docs[1].d_desc, "Exhibit A - Account Statement");
	assert_string_equal(n->n_docs[1].d_file_number, "103202377-1");
	assert_true(n->n_contains_attachments);
	assert_int_equal(n->n_nlisted, 0);
	nef_free(n);
	same_forms("claim_cacb.eml", "claim_cacb_text.eml");
}

/* Every amount, a creditor in care of an office, a recipient list. */
static void
test_claim_txnb(void **state)
{
	struct nef	*n = nefparse_file("claim_txnb.eml");
	const struct nef_claim *cl = &n->n_claims[0];

	(void)state;
	assert_int_equal(n->n_kind, NEF_CLAIM);
	assert_int_equal(n->n_partial, 0);
	assert_string_equal(n->n_court, "txnb");
	assert_string_equal(n->n_date_filed, "2024-03-04");
	assert_string_equal(cl->cl_number, "12");
	assert_string_equal(cl->cl_creditor,
	    "Department of the Treasury - Internal Revenue Service");
	assert_string_equal(cl->cl_creditor_short, cl->cl_creditor);
	assert_string_equal(cl->cl_address, "c/o Insolvency Unit, 1100 Commerce "
	    "Street, MC 5026 DAL, Dallas, TX 75242");
	assert_string_equal(cl->cl_amount[NEF_AMOUNT_CLAIMED], "$48,112.07");
	assert_string_equal(cl->cl_amount[NEF_AMOUNT_SECURED], "$0.00");
	assert_string_equal(cl->cl_amount[NEF_AMOUNT_PRIORITY], "$40,112.07");
	assert_string_equal(cl->cl_amount[NEF_AMOUNT_UNSECURED], "$8,000.00");
	assert_null(cl->cl_amount[NEF_AMOUNT_ADMIN]);
	assert_string_equal(cl->cl_filer, "Internal Revenue Service");
	assert_string_equal(cl->cl_link.dl_claim_seq, "1");
	assert_string_equal(cl->cl_link.dl_claim_id, "4433121");
	assert_string_equal(cl->cl_link.dl_docid_court, "txnb");
	assert_int_equal(n->n_ndocs, 0);
	assert_int_equal(n->n_nlisted, 2);
	rcpt(&n->n_listed[1], "United States Trustee",
	    "ustpregion06.da.ecf@example.gov", NULL);
	nef_free(n);
}

/* A claims heading, a case and a number, but no link: read in part. */
static void
test_claim_partial(void **state)
{
	struct nef	*n = nefparse_file("claims.eml");

	(void)state;
	assert_int_equal(n->n_kind, NEF_CLAIM);
	assert_int_equal(n->n_partial, NEF_PART_CLAIM_LINK | NEF_PART_CREDITOR);
	assert_int_equal(n->n_nclaims, 1);
	assert_string_equal(n->n_claims[0].cl_number, "4");
	assert_false(n->n_claims[0].cl_has_link);
	assert_false(n->n_cases[0].c_has_link);
	assert_null(n->n_claims[0].cl_creditor);
	assert_string_equal(n->n_claims[0].cl_filer, "Example Servicing LLC");
	nef_free(n);
}

/* "Added Correct PDF to document": the corrected document's link. */
static void
test_corrected(void **state)
{
	struct nef	*n = nefparse_file("corrected_pdf.eml");
	const struct nef_change *ch = &n->n_change;

	(void)state;
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_int_equal(n->n_class, NEF_CLASS_NEF);
	assert_int_equal(ch->ch_what, NEF_CHG_PDF);
	assert_string_equal(ch->ch_entry, "25");
	assert_null(ch->ch_from);
	assert_null(ch->ch_to);
	assert_string_equal(ch->ch_key, "c202403151005");
	assert_string_equal(ch->ch_phrase, "Added Correct PDF to document (RE: "
	    "related document(s)25 Amended Schedules A/B: Property filed by "
	    "Debtor Harbor Example Partners LLC) (jb)");
	assert_string_equal(nefchange_label(n), "corrected");
	assert_string_equal(n->n_date_filed, "2024-03-01");
	assert_string_equal(n->n_date_entered, "2024-03-15");
	assert_string_equal(n->n_cases[0].c_doc_number, "25");
	assert_true(n->n_cases[0].c_has_link);
	assert_string_equal(n->n_cases[0].c_link.dl_doc_id, "126023311025");
	assert_int_equal(n->n_ndocs, 1);
	assert_int_equal(n->n_partial, 0);
	nef_free(n);
	same_forms("corrected_pdf.eml", "corrected_pdf_text.eml");
}

/* "Modified Dkt text from: X to: Y", "Modified Date Filed from A to B",
 * "Docket Entry #N has been updated". */
static void
test_modified(void **state)
{
	struct nef	*n = nefparse_file("modified_text.eml");
	const struct nef_change *ch = &n->n_change;

	(void)state;
	assert_int_equal(ch->ch_what, NEF_CHG_TEXT);
	assert_string_equal(ch->ch_entry, "12");
	assert_string_equal(ch->ch_from, "Motion to Extend Time");
	assert_string_equal(ch->ch_to, "Motion to Extend Time to File "
	    "Schedules and Statement of Financial Affairs");
	assert_string_equal(ch->ch_key, "c202403151430");
	assert_string_equal(nefchange_label(n), "modified");
	assert_true(n->n_cases[0].c_no_document);
	assert_false(n->n_cases[0].c_has_link);
	nef_free(n);
	same_forms("modified_text.eml", "modified_text_text.eml");

	n = nefparse_file("modified_date.eml");
	ch = &n->n_change;
	assert_int_equal(ch->ch_what, NEF_CHG_DATE);
	assert_string_equal(ch->ch_entry, "15");
	assert_string_equal(ch->ch_from, "3/1/2024");
	assert_string_equal(ch->ch_to, "2/29/2024");
	assert_string_equal(ch->ch_key, "c202403180900");
	nef_free(n);

	n = nefparse_file("entry_updated.eml");
	ch = &n->n_change;
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_int_equal(ch->ch_what, NEF_CHG_UPDATED);
	assert_string_equal(ch->ch_entry, "57");
	assert_string_equal(ch->ch_phrase, "Docket Entry #57 has been updated");
	assert_string_equal(ch->ch_key, "c202303141404");
	assert_string_equal(nefchange_label(n), "updated");
	assert_true(n->n_cases[0].c_has_link);
	nef_free(n);

	n = nefparse_file("modified_entry.eml");
	assert_int_equal(n->n_change.ch_what, NEF_CHG_TEXT);
	assert_string_equal(n->n_change.ch_entry, "57");
	assert_string_equal(n->n_change.ch_from, "MOTION to Compel");
	assert_null(n->n_change.ch_to);
	nef_free(n);

	n = nefparse_file("district.eml");
	assert_int_equal(n->n_change.ch_what, 0);
	assert_null(nefchange_label(n));
	assert_string_equal(n->n_change.ch_key, "");
	nef_free(n);
}

/* A text notice the court wrapped reads as the HTML form. */
static void
test_wrapped_court(void **state)
{
	(void)state;
	same_forms("district.eml", "wrapped_court.eml");
}

/* The summary lines of each class. */
static void
test_summary_lines(void **state)
{
	static const struct { const char *file, *line0, *line1; } c[] = {
		{ "claim_cacb.eml", "Proof of claim 7 by Quantum3 Group LLC as "
		  "agent for Example Credit Partners LLC: amount claimed "
		  "$12,643.92, secured $10,000.00; filed by Okafor, Adaeze.",
		  NULL },
		{ "claims.eml", "Could not be read from this notice: the claim's "
		  "document link, the creditor.", "Proof of claim 4; filed by "
		  "Example Servicing LLC." },
		{ "newcase_txnb.eml", "Could not be read from this notice: the "
		  "document link or number, the docket text.", NULL },
		{ "corrected_pdf.eml", "This notice changes entry 25: a "
		  "corrected PDF; the earlier version is kept.", NULL },
		{ "modified_date.eml", "This notice changes entry 15: its date "
		  "filed was modified (from \"3/1/2024\" to \"2/29/2024\").",
		  NULL },
		{ "entry_updated.eml", "This notice changes entry 57: it was "
		  "updated.", NULL },
		{ "other_court_link.eml", "The document link is on another "
		  "court's host (nysd).", NULL },
		{ "district.eml", NULL, NULL },
	};
	char	 lines[NEFSUM_MAX][NEFSUM_LINE_MAX];
	size_t	 i, k;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		struct nef *n = nefparse_file(c[i].file);

		print_message("# %s\n", c[i].file);
		k = nefsum_lines(n, lines, NEFSUM_MAX);
		assert_int_equal(k, c[i].line0 == NULL ? 0 :
		    c[i].line1 == NULL ? 1 : 2);
		if (k > 0)
			assert_string_equal(lines[0], c[i].line0);
		if (k > 1)
			assert_string_equal(lines[1], c[i].line1);
		assert_int_equal(nefsum_lines(n, lines, 0), 0);
		nef_free(n);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_newcase_cacb),
		cmocka_unit_test(test_newcase_nysb),
		cmocka_unit_test(test_newcase_txnb),
		cmocka_unit_test(test_structure),
		cmocka_unit_test(test_structure_text_only),
		cmocka_unit_test(test_claim_cacb),
		cmocka_unit_test(test_claim_txnb),
		cmocka_unit_test(test_claim_partial),
		cmocka_unit_test(test_corrected),
		cmocka_unit_test(test_modified),
		cmocka_unit_test(test_wrapped_court),
		cmocka_unit_test(test_summary_lines),
	};

	return cmocka_run_group_tests(tests, nefparse_setup, nefparse_teardown);
}
