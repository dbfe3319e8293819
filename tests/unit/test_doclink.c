/*
 * test_doclink: document and docket links of every kind, and the
 * classification of magic numbers.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "doclink.h"

struct lcase {
	const char	*url;
	int		 rc;
	enum doclink_kind kind;
	const char	*court, *doc_id, *doc_norm, *case_id, *seq, *magic;
	unsigned	 flags;
};

static const struct lcase cases[] = {
	{ "https://ecf.cand.uscourts.gov/doc1/035120918716?caseid=401001&"
	  "de_seq_num=213&magic_num=62818321", 0, DOCLINK_DOC1, "cand",
	  "035120918716", "035020918716", "401001", "213", "62818321", 0 },
	/* bankruptcy order of parameters, pdf_header */
	{ "https://ecf.ctb.uscourts.gov/doc1/040015374935?pdf_header=&"
	  "magic_num=60081811&de_seq_num=3&caseid=315593", 0, DOCLINK_DOC1,
	  "ctb", "040015374935", "040015374935", "315593", "3", "60081811",
	  0 },
	/* undecoded &amp; from a careless rewrite */
	{ "https://ecf.ared.uscourts.gov/doc1/02715232355?caseid=128089&amp;"
	  "de_seq_num=15&amp;magic_num=77603496", 0, DOCLINK_DOC1, "ared",
	  "02715232355", "02705232355", "128089", "15", "77603496", 0 },
	{ "https://ecf.jpml.uscourts.gov/doc1/85001321035?caseid=1439502&"
	  "de_seq_num=77&magic_num=MAGIC", 0, DOCLINK_DOC1, "jpml",
	  "85001321035", "85001321035", "1439502", "77", "",
	  DOCLINK_F_MAGIC_LITERAL },
	{ "https://ecf.cacd.uscourts.gov/doc1/031035341704?caseid=779377&"
	  "de_seq_num=3644&magic_num=", 0, DOCLINK_DOC1, "cacd",
	  "031035341704", "031035341704", "779377", "3644", "",
	  DOCLINK_F_MAGIC_EMPTY },
	{ "https://ecf.nhb.uscourts.gov/doc1/11606678793?magic_num=0&"
	  "caseid=1", 0, DOCLINK_DOC1, "nhb", "11606678793", "11606678793",
	  "1", "", "0", DOCLINK_F_MAGIC_ZERO },
	{ "https://ecf.nhb.uscourts.gov/doc1/11606678793?caseid=1", 0,
	  DOCLINK_DOC1, "nhb", "11606678793", "11606678793", "1", "", "",
	  DOCLINK_F_MAGIC_ABSENT },
	{ "https://ecf.nhb.uscourts.gov/doc1/11606678793?magic_num=12ab", 0,
	  DOCLINK_DOC1, "nhb", "11606678793", "11606678793", "", "", "",
	  DOCLINK_F_MAGIC_BAD },
	{ "https://ecf.flsb.uscourts.gov/doc1/0500?pdf_header=&magic_num="
	  "25374736&de_seq_num=361&caseid=814478", 0, DOCLINK_DOC1, "flsb",
	  "0500", "0500", "814478", "361", "25374736", DOCLINK_F_SHORT_DOCID },
	{ "https://ecf.ca2.uscourts.gov/docs1/00208942267?uid=37cacbbc313ab362",
	  0, DOCLINK_DOCS1, "ca2", "00208942267", "00208942267", "", "",
	  "37cacbbc313ab362", 0 },
	{ "https://ca9-showdoc.azurewebsites.us/NDA/633c4728-1b4e-f011-8779-"
	  "001dd8075871", 0, DOCLINK_ACMS, "ca9", "", "", "", "",
	  "633c4728-1b4e-f011-8779-001dd8075871", 0 },
	{ "https://ca2-showdocservices.azurewebsites.us/NDA/abc", 0,
	  DOCLINK_ACMS, "ca2", "", "", "", "", "abc", 0 },
	{ "https://ecf.cand.uscourts.gov/cgi-bin/DktRpt.pl?401001", 0,
	  DOCLINK_CASE, "cand", "", "", "401001", "", "", 0 },
	{ "https://ecf.ca2.uscourts.gov/n/beam/servlet/TransportRoom?servlet="
	  "DocketReportFilter.jsp&caseId=55129", 0, DOCLINK_CASE, "ca2", "",
	  "", "55129", "", "", 0 },
	{ "HTTP://ECF.CAND.USCOURTS.GOV:443/doc1/1?magic_num=5", 0,
	  DOCLINK_DOC1, "cand", "1", "1", "", "", "5", DOCLINK_F_HTTP },
	{ "https://www.cand.uscourts.gov/jst", 0, DOCLINK_OTHER, "", "", "",
	  "", "", "", 0 },
	{ "https://dcecf.psc.uscourts.gov/doc1/1", 0, DOCLINK_OTHER, "", "",
	  "", "", "", "", 0 },
	{ "https://evil.example/ecf.cand.uscourts.gov/doc1/1", 0,
	  DOCLINK_OTHER, "", "", "", "", "", "", 0 },
	{ "https://user@ecf.cand.uscourts.gov/doc1/7?magic_num=1", 0,
	  DOCLINK_DOC1, "cand", "7", "7", "", "", "1", 0 },
	/* written without a host (a forward relativized it) */
	{ "/doc1/035020918716?caseid=401001&de_seq_num=213&magic_num=628",
	  0, DOCLINK_DOC1, "", "035020918716", "035020918716", "401001",
	  "213", "628", DOCLINK_F_NO_HOST },
	{ "/docs1/00208942267?uid=37cacbbc313ab362", 0, DOCLINK_DOCS1, "",
	  "00208942267", "00208942267", "", "", "37cacbbc313ab362",
	  DOCLINK_F_NO_HOST },
	{ "/doc1/", -1, DOCLINK_NONE, "", "", "", "", "", "", 0 },
	{ "/cgi-bin/DktRpt.pl?401001", -1, DOCLINK_NONE, "", "", "", "", "",
	  "", 0 },
	{ "mailto:x@example.com", -1, DOCLINK_NONE, "", "", "", "", "", "", 0 },
	{ "javascript:alert(1)", -1, DOCLINK_NONE, "", "", "", "", "", "", 0 },
	{ "", -1, DOCLINK_NONE, "", "", "", "", "", "", 0 },
};

static void
test_table(void **state)
{
	struct doclink	d;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct lcase *c = &cases[i];

		print_message("# %s\n", c->url);
		assert_int_equal(doclink_parse(c->url, strlen(c->url), &d),
		    c->rc);
		assert_int_equal(d.dl_kind, c->kind);
		assert_string_equal(d.dl_court, c->court);
		assert_string_equal(d.dl_doc_id, c->doc_id);
		assert_string_equal(d.dl_doc_id_norm, c->doc_norm);
		assert_string_equal(d.dl_case_id, c->case_id);
		assert_string_equal(d.dl_seq, c->seq);
		assert_string_equal(d.dl_magic, c->magic);
		assert_int_equal(d.dl_flags, c->flags);
	}
}

static void
test_limits(void **state)
{
	char		url[DOCLINK_URL_MAX + 64];
	struct doclink	d;
	size_t		n;

	(void)state;
	n = (size_t)snprintf(url, sizeof url, "https://ecf.cand.uscourts.gov/"
	    "doc1/1?magic_num=");
	memset(url + n, '7', sizeof url - n - 1);
	url[sizeof url - 1] = '\0';
	assert_int_equal(doclink_parse(url, strlen(url), &d), -1);
	/* A value longer than its field is dropped and flagged. */
	url[n + 60] = '\0';
	assert_int_equal(doclink_parse(url, strlen(url), &d), 0);
	assert_string_equal(d.dl_magic, "");
	assert_true(d.dl_flags & DOCLINK_F_LONG);
	assert_string_equal(doclink_kind_name(DOCLINK_ACMS), "acms");
}

/* A proof of claim's link; the court a doc id names. */
static void
test_claim_and_docid(void **state)
{
	static const char claim[] = "https://ecf.cacb.uscourts.gov/doc1/"
	    "9730105954036?claim_doc_seq=&pdf_header=&magic_num=18924344&"
	    "claim_num=1&claim_id=103202360&caseid=1952165";
	struct doclink	d;
	const char	*u;

	(void)state;
	assert_int_equal(doclink_parse(claim, strlen(claim), &d), 0);
	assert_int_equal(d.dl_kind, DOCLINK_DOC1);
	assert_string_equal(d.dl_court, "cacb");
	assert_string_equal(d.dl_docid_court, "cacb");
	assert_string_equal(d.dl_doc_id, "9730105954036");
	assert_string_equal(d.dl_claim_id, "103202360");
	assert_string_equal(d.dl_claim_num, "1");
	assert_string_equal(d.dl_claim_seq, "");
	assert_string_equal(d.dl_magic, "18924344");
	assert_string_equal(d.dl_case_id, "1952165");
	assert_int_equal(d.dl_flags, 0);
	/* the doc id of a cand document on a nysd host */
	u = "https://ecf.nysd.uscourts.gov/doc1/" "035120918716?magic_num=1";
	assert_int_equal(doclink_parse(u, strlen(u), &d), 0);
	assert_string_equal(d.dl_court, "nysd");
	assert_string_equal(d.dl_docid_court, "cand");
	/* a prefix no court has */
	u = "https://ecf.cand.uscourts.gov/doc1/" "999120918716?magic_num=1";
	assert_int_equal(doclink_parse(u, strlen(u), &d), 0);
	assert_string_equal(d.dl_docid_court, "");
	/* magic_num=0 is tried like any other */
	u = "https://ecf.nhb.uscourts.gov/doc1/" "11606678793?magic_num=00";
	assert_int_equal(doclink_parse(u, strlen(u), &d), 0);
	assert_string_equal(d.dl_magic, "00");
	assert_string_equal(d.dl_magic_raw, "00");
	assert_true(d.dl_flags & DOCLINK_F_MAGIC_ZERO);
	assert_false(d.dl_flags & DOCLINK_F_NO_MAGIC);
}

static void
test_court_of_host(void **state)
{
	char	c[DOCLINK_COURT_SIZE];

	(void)state;
	assert_int_equal(doclink_court_of_host("ecf.nysb.uscourts.gov", 21, c,
	    sizeof c), 0);
	assert_string_equal(c, "nysb");
	assert_int_equal(doclink_court_of_host("ca11-showdoc.azurewebsites.us",
	    29, c, sizeof c), 0);
	assert_string_equal(c, "ca11");
	assert_int_equal(doclink_court_of_host("ecf.uscourts.gov", 16, c,
	    sizeof c), -1);
	assert_int_equal(doclink_court_of_host("x-showdoc.azurewebsites.us",
	    26, c, sizeof c), -1);
	assert_int_equal(doclink_court_of_host("ecf.a.b.uscourts.gov", 20, c,
	    sizeof c), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_court_of_host),
		cmocka_unit_test(test_claim_and_docid),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
