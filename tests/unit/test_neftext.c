/*
 * test_neftext: folding, juriscraper's reading of docket texts, the
 * transaction line, the stamp, name commas, link targets in docket text;
 * and nefcourt (court ids from
 * senders and stamps).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "nefcourt.h"
#include "neftext.h"
#include "strbuf.h"

static void
test_fold(void **state)
{
	char	out[128];
	const char *s = "  # (1)\xc2\xa0 Exhibit\t\n**A**  ";

	(void)state;
	assert_int_equal(neftext_fold(s, strlen(s), 0, out), 19);
	assert_string_equal(out, "# (1) Exhibit **A**");
	neftext_fold(s, strlen(s), 1, out);
	assert_string_equal(out, "(1) Exhibit A");
	/* a UTF-8 sequence cut by the caller's limit is dropped */
	assert_int_equal(neftext_fold("ab \xc3\xa9", 4, 0, out), 3);
	assert_string_equal(out, "ab ");
	assert_int_equal(neftext_fold("", 0, 0, out), 0);
}

static void
test_desc_html(void **state)
{
	const char *bk = "<p><strong>Docket Text:</strong>\n<BR>\nCorrected "
	    "Amendment <i>Schedule E/F</i> Filed by X,<font color=blue> (RE: "
	    "[9] x).</font> (Attachments: # (1) Cert) (Habib, M)\n</p>\n<p>The "
	    "following document(s)</p>";
	const char *dc = "<strong>Docket Text:</strong><BR><FONT><b>Order "
	    "<a href=x>[30]</a> re zoom/</A>.</p>, Set</b></Font>";
	struct strbuf	sb = STRBUF_INIT;
	char		out[512];

	(void)state;
	/* the range starts where the label's line starts, as in nef.c */
	neftext_desc_html(bk, (size_t)(strstr(bk, "Docket Text:") - bk),
	    strlen(bk), 1, &sb);
	neftext_fold(sb.sb_s, sb.sb_len, 1, out);
	assert_string_equal(out, "Corrected Amendment Filed by X, (Attachments: "
	    "(1) Cert) (Habib, M)");
	strbuf_reset(&sb);
	neftext_desc_html(bk, 0, strlen(bk), 0, &sb);
	neftext_fold(sb.sb_s, sb.sb_len, 1, out);
	assert_string_equal(out, "Corrected Amendment Schedule E/F Filed by X, "
	    "(RE: [9] x). (Attachments: (1) Cert) (Habib, M) The following "
	    "document(s)");
	strbuf_reset(&sb);
	neftext_desc_html(dc, 0, strlen(dc), 0, &sb);
	neftext_fold(sb.sb_s, sb.sb_len, 1, out);
	assert_string_equal(out, "Order [30] re zoom/., Set");
	strbuf_reset(&sb);
	neftext_desc_html(dc, 5, 5, 0, &sb);
	assert_int_equal(sb.sb_len, 0);
	neftext_desc_html(NULL, 0, 5, 0, &sb);
	assert_int_equal(sb.sb_len, 0);
	strbuf_free(&sb);
}

static void
test_transaction(void **state)
{
	struct neftext_trans t;
	const char *d = "The following transaction was entered  by Drury, Scott "
	    " on 10/9/2022 at 3:14 PM EDT and filed on 10/9/2022";
	const char *b = "The following transaction was received from Lindqvist,"
	    " Brian entered on 11/21/2024 at 10:04 PM EST and filed on "
	    "11/20/2024";
	const char *a = "The following transaction was filed on 07/27/2022";
	const char *r = "The following transaction was entered on 03/14/2023 "
	    "at 02:04:37 PM PDT and filed on 03/14/2023";

	(void)state;
	neftext_transaction(d, strlen(d), &t);
	assert_string_equal(t.t_filed, "2022-10-09");
	assert_string_equal(t.t_entered, "2022-10-09");
	assert_memory_equal(d + t.t_time_off, "3:14 PM EDT", t.t_time_len);
	assert_int_equal(t.t_time_len, 11);
	assert_memory_equal(d + t.t_by_off, "Drury, Scott ", t.t_by_len);
	neftext_transaction(b, strlen(b), &t);
	assert_string_equal(t.t_filed, "2024-11-20");
	assert_string_equal(t.t_entered, "2024-11-21");
	assert_memory_equal(b + t.t_by_off, "Lindqvist, Brian ", t.t_by_len);
	neftext_transaction(a, strlen(a), &t);
	assert_string_equal(t.t_filed, "2022-07-27");
	assert_string_equal(t.t_entered, "");
	assert_int_equal(t.t_by_len, 0);
	neftext_transaction(r, strlen(r), &t);
	assert_memory_equal(r + t.t_time_off, "02:04:37 PM PDT", 15);
	/* " and " overlapping " at " (found by fuzzing) */
	neftext_transaction("entered on 1/2/2022 at and filed", 32, &t);
	assert_string_equal(t.t_entered, "2022-01-02");
	assert_int_equal(t.t_time_len, 9);
	neftext_transaction("entered on 13/45/2022", 21, &t);
	assert_string_equal(t.t_entered, "");
}

static void
test_stamp(void **state)
{
	struct neftext_stamp st;
	const char *s = "[STAMP bkecfStamp_ID=1018027260 [Date=11/21/2024] "
	    "[FileNumber=15733343 -12] [b62f]]";

	(void)state;
	neftext_stamp(s, strlen(s), &st);
	assert_memory_equal(s + st.st_id_off, "bkecfStamp_ID=1018027260",
	    st.st_id_len);
	assert_string_equal(st.st_file_number, "15733343-12");
	assert_int_equal(st.st_attno, 12);
	neftext_stamp("[STAMP x [FileNumber=99]]", 25, &st);
	assert_string_equal(st.st_file_number, "99");
	assert_int_equal(st.st_attno, -1);
	neftext_stamp("nothing", 7, &st);
	assert_int_equal(st.st_id_len, 0);
	assert_string_equal(st.st_file_number, "");
}

static void
test_name_commas(void **state)
{
	char	a[] = "Frank Daniel Wood , Jr", b[] = "Doe, John , , x";

	(void)state;
	neftext_name_commas(a);
	assert_string_equal(a, "Frank Daniel Wood Jr");
	neftext_name_commas(b);
	assert_string_equal(b, "Doe, John x");
}

static void
test_court(void **state)
{
	char	c[16];

	(void)state;
	assert_int_equal(nefcourt_from_sender("ecfnotices@areb.uscourts.gov",
	    c, sizeof c), 0);
	assert_string_equal(c, "areb");
	assert_int_equal(nefcourt_from_sender("ACMS@CA9.fedcourts.us>", c,
	    sizeof c), 0);
	assert_string_equal(c, "ca9");
	assert_int_equal(nefcourt_from_sender(
	    "bounces+1-x=y@em4346.ca9.fedcourts.us", c, sizeof c), 0);
	assert_string_equal(c, "ca9");
	assert_int_equal(nefcourt_from_sender("x@usdoj.uscourts.gov", c,
	    sizeof c), -1);
	assert_int_equal(nefcourt_from_sender("uscourts@updates.uscourts.gov",
	    c, sizeof c), -1);
	assert_int_equal(nefcourt_from_sender("x@lawfirm.example", c, sizeof c),
	    -1);
	assert_string_equal(c, "");
	assert_int_equal(nefcourt_from_sender(NULL, c, sizeof c), -1);
	assert_int_equal(nefcourt_from_sender("x@uscourts.gov", c, sizeof c),
	    -1);
	assert_int_equal(nefcourt_from_stamp("cacdStamp_ID=1", c, sizeof c), 0);
	assert_string_equal(c, "cacd");
	assert_int_equal(nefcourt_from_stamp("NYEDStamp_ID=1", c, sizeof c), 0);
	assert_string_equal(c, "nyed");
	assert_int_equal(nefcourt_from_stamp("dcecfStamp_ID=1", c, sizeof c),
	    -1);
	assert_int_equal(nefcourt_from_stamp(NULL, c, sizeof c), -1);
	memcpy(c, "txs", 4);
	nefcourt_map(c, sizeof c);
	assert_string_equal(c, "txsd");
	memcpy(c, "azb", 4);
	nefcourt_map(c, sizeof c);
	assert_string_equal(c, "arb");
	memcpy(c, "cand", 5);
	nefcourt_map(c, sizeof c);
	assert_string_equal(c, "cand");
}

/* " <https://...>" after a link's text goes; other brackets stay. */
static void
test_drop_targets(void **state)
{
	static const struct { const char *in, *out; } c[] = {
		{ "Resolution Summary <http://www.txnd.example/ADR.pdf> form "
		  "provided", "Resolution Summary form provided" },
		{ "at <https://a.example/x> and <https://b.example/y>.",
		  "at and." },
		{ "https://www.cand.example/zoom/ stays",
		  "https://www.cand.example/zoom/ stays" },
		{ "LETTER, <EDIT by Clerk's Office> RECEIVED",
		  "LETTER, <EDIT by Clerk's Office> RECEIVED" },
		{ "open <https://a.example/x and more", "open <https://a.example/x "
		  "and more" },
		{ "no blank before<https://a.example/x>",
		  "no blank before<https://a.example/x>" },
		{ "", "" },
	};
	char	buf[256];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		assert_true(strlen(c[i].in) < sizeof buf);
		memcpy(buf, c[i].in, strlen(c[i].in) + 1);
		neftext_drop_targets(buf);
		assert_string_equal(buf, c[i].out);
	}
	neftext_drop_targets(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_desc_html),
		cmocka_unit_test(test_transaction),
		cmocka_unit_test(test_stamp),
		cmocka_unit_test(test_name_commas),
		cmocka_unit_test(test_drop_targets),
		cmocka_unit_test(test_court),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
