/*
 * test_nefcourt: the court of a notice and its witnesses (case-number
 * link, sender, document link, doc id prefix, stamp), the doc-id prefix
 * table, links written without a host, and magic_num=0, on the fixtures
 * of tests/data/nef/ read as the milter reads them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "docid.h"
#include "mime.h"
#include "nef.h"
#include "nefcourt.h"
#include "parsecmd.h"
#include "nefparse.h"
#include "nefcmp.h"

#define parse_file(name)	nefparse_file(name)

static void
test_docid_table(void **state)
{
	char		 c[16];
	const char	*court;
	unsigned	 p, last = 0;
	size_t		 i;

	(void)state;
	assert_int_equal(docid_court("035020918716", c, sizeof c), 0);
	assert_string_equal(c, "cand");
	assert_int_equal(docid_court("00208942267", c, sizeof c), 0);
	assert_string_equal(c, "ca2");
	assert_int_equal(docid_court("9730105954036", c, sizeof c), 0);
	assert_string_equal(c, "cacb");
	assert_int_equal(docid_court("0010", c, sizeof c), 0);
	assert_string_equal(c, "ca1");
	assert_int_equal(docid_court("850", c, sizeof c), 0);
	assert_string_equal(c, "jpml");
	assert_int_equal(docid_court("999123", c, sizeof c), -1);
	assert_string_equal(c, "");
	assert_int_equal(docid_court("12", c, sizeof c), -1);
	assert_int_equal(docid_court("a35020918716", c, sizeof c), -1);
	assert_int_equal(docid_court(NULL, c, sizeof c), -1);
	assert_int_equal(docid_court("035", c, 4), -1);	/* "cand" + NUL */
	/* the table: sorted, every prefix three digits, every id short */
	assert_true(docid_table_size() > 200);
	for (i = 0; i < docid_table_size(); i++) {
		assert_int_equal(docid_table_entry(i, &p, &court), 0);
		assert_true(p < 1000);
		assert_true(i == 0 || p > last);
		assert_true(strlen(court) > 1 && strlen(court) < 16);
		last = p;
	}
	assert_int_equal(docid_table_entry(i, &p, &court), -1);
}

/* The notice of cand whose document link is on the nysd host: the case
 * link and the sender name cand; the link and its doc id name nysd. */
static void
test_other_court_link(void **state)
{
	struct nef	*n = parse_file("other_court_link.eml");
	struct nef	*t = parse_file("other_court_link_text.eml");

	(void)state;
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_court, "cand");
	assert_int_equal(n->n_court_src, NEF_COURT_LINK);
	assert_string_equal(n->n_witness[NEF_W_CASE_LINK], "cand");
	assert_string_equal(n->n_witness[NEF_W_SENDER], "cand");
	assert_string_equal(n->n_witness[NEF_W_DOC_LINK], "nysd");
	assert_string_equal(n->n_witness[NEF_W_DOC_ID], "nysd");
	assert_string_equal(n->n_witness[NEF_W_STAMP], "");
	assert_int_equal(n->n_court_disagree,
	    (1u << NEF_W_DOC_LINK) | (1u << NEF_W_DOC_ID));
	assert_string_equal(n->n_cases[0].c_link.dl_court, "nysd");
	assert_string_equal(n->n_cases[0].c_link.dl_host,
	    "ecf.nysd.uscourts.gov");
	assert_string_equal(n->n_cases[0].c_link_url,
	    "https://ecf.nysd.uscourts.gov/doc1/127020918716?caseid=401001&"
	    "de_seq_num=213&magic_num=62818321");
	assert_string_equal(n->n_docs[0].d_link_url, n->n_cases[0].c_link_url);
	assert_string_equal(n->n_cases[0].c_case_id, "401001");
	assert_string_equal(n->n_cases[0].c_number, "4:22-cv-05541");
	assert_string_equal(n->n_cases[0].c_doc_number, "57");
	assert_string_equal(n->n_date_filed, "2023-03-14");
	assert_int_equal(n->n_ndocs, 3);
	assert_int_equal(n->n_nlisted, 3);
	assert_int_equal(n->n_nunlisted, 3);
	assert_string_equal(nef_witness_name(NEF_W_DOC_ID), "document-id");
	/* The text form of the same notice reads the same. */
	assert_false(t->n_html);
	nefcmp_same(n, t, "other_court_link text");
	nef_free(n);
	nef_free(t);
}

/* A forward whose links lost their host: the doc id names the court,
 * and the link is read on that court's host. */
static void
test_hostless_links(void **state)
{
	struct nef	*n = parse_file("forward_relative.eml");
	const struct nef_case *c;

	(void)state;
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_court, "cand");
	assert_int_equal(n->n_court_src, NEF_COURT_DOCID);
	assert_string_equal(n->n_witness[NEF_W_CASE_LINK], "");
	assert_string_equal(n->n_witness[NEF_W_SENDER], "");
	assert_string_equal(n->n_witness[NEF_W_DOC_ID], "cand");
	assert_int_equal(n->n_court_disagree, 0);
	c = &n->n_cases[0];
	assert_true(c->c_has_link);
	assert_int_equal(c->c_link.dl_kind, DOCLINK_DOC1);
	assert_true(c->c_link.dl_flags & DOCLINK_F_NO_HOST);
	assert_string_equal(c->c_link.dl_host, "ecf.cand.uscourts.gov");
	assert_string_equal(c->c_link.dl_court, "cand");
	assert_string_equal(c->c_link_url, "https://ecf.cand.uscourts.gov/doc1/"
	    "035020918716?caseid=401001&de_seq_num=213&magic_num=62818321");
	assert_string_equal(n->n_docs[0].d_link_url, c->c_link_url);
	assert_string_equal(c->c_link.dl_magic, "62818321");
	assert_string_equal(c->c_case_id, "401001");
	assert_string_equal(c->c_doc_number, "57");
	nef_free(n);
}

/* A host-less link whose doc id names another court than the notice:
 * the notice's court wins (its witnesses are the stronger). */
static void
test_hostless_other_prefix(void **state)
{
	static const char text[] = "Notice of Electronic Filing\n"
	    "The following transaction was entered by X on 1/2/2024 at 9:00 AM"
	    " EST and filed on 1/2/2024\n"
	    "Case Name: A v. B\n"
	    "Case Number: 1:24-cv-00001-AB https://ecf.txs.uscourts.gov/"
	    "cgi-bin/DktRpt.pl?1234\n"
	    "Document Number: 3\n"
	    "Copy the URL address from the line below:\n"
	    " /doc1/035020918716?caseid=1234&de_seq_num=9&magic_num=5\n"
	    "Docket Text:\nORDER.\n";
	struct nef_input in;
	struct nef	*n = NULL;

	(void)state;
	memset(&in, 0, sizeof in);
	in.ni_text = text;
	in.ni_len = strlen(text);
	assert_int_equal(nef_parse(&in, &n), 0);
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_court, "txsd");	/* as CourtListener */
	assert_string_equal(n->n_witness[NEF_W_DOC_ID], "cand");
	assert_int_equal(n->n_court_disagree, 1u << NEF_W_DOC_ID);
	/* the host is the PACER id */
	assert_string_equal(n->n_cases[0].c_link.dl_host,
	    "ecf.txs.uscourts.gov");
	assert_string_equal(n->n_cases[0].c_link_url,
	    "https://ecf.txs.uscourts.gov/doc1/035020918716?caseid=1234&"
	    "de_seq_num=9&magic_num=5");
	assert_string_equal(nefcourt_pacer_id("txsd"), "txs");
	assert_string_equal(nefcourt_pacer_id("cand"), "cand");
	nef_free(n);
}

/* magic_num=0 on the main case and on the adversary case: a usable
 * magic number ("0", as written), flagged. */
static void
test_magic_zero(void **state)
{
	struct nef	*n = parse_file("magic_zero.eml");
	size_t		 i;

	(void)state;
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_int_equal(n->n_ncases, 2);
	for (i = 0; i < 2; i++) {
		const struct doclink *l = &n->n_cases[i].c_link;

		assert_true(n->n_cases[i].c_has_link);
		assert_string_equal(l->dl_magic, "0");
		assert_string_equal(l->dl_magic_raw, "0");
		assert_int_equal(l->dl_flags, DOCLINK_F_MAGIC_ZERO);
	}
	assert_string_equal(n->n_cases[0].c_link.dl_doc_id, "126022600101");
	assert_string_equal(n->n_cases[1].c_link.dl_doc_id, "126022600104");
	assert_string_equal(n->n_witness[NEF_W_DOC_ID], "nysb");
	assert_int_equal(n->n_court_disagree, 0);
	nef_free(n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_docid_table),
		cmocka_unit_test(test_other_court_link),
		cmocka_unit_test(test_hostless_links),
		cmocka_unit_test(test_hostless_other_prefix),
		cmocka_unit_test(test_magic_zero),
	};

	return cmocka_run_group_tests(tests, nefparse_setup, nefparse_teardown);
}
