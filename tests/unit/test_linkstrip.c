/*
 * Unit tests of policy/linkstrip.c and policy/summary.c.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "linkstrip.h"
#include "summary.h"

static int
match_doc(const char *url, void *arg)
{
	const char *want = arg;

	return strstr(url, want) != NULL;
}

static const struct {
	const char	*in;
	const char	*out;
	size_t		 n;
} html_cases[] = {
	/* unquoted HREF, upper case, as CM/ECF writes it */
	{ "<td><A HREF=https://ecf.x.uscourts.gov/doc1/123>45</A></td>",
	  "<td>45 <i>[gone]</i></td>", 1 },
	/* quoted, with entities in the URL */
	{ "<a href=\"https://ecf.x.uscourts.gov/doc1/123?a=1&amp;magic_num=2\">Doc</a>!",
	  "Doc <i>[gone]</i>!", 1 },
	/* other links are left byte for byte */
	{ "<a href='https://ecf.x.uscourts.gov/cgi-bin/DktRpt.pl?9'>case</a>",
	  "<a href='https://ecf.x.uscourts.gov/cgi-bin/DktRpt.pl?9'>case</a>", 0 },
	/* URL written out in the text */
	{ "<p>Copy https://ecf.x.uscourts.gov/doc1/123?x=1. into</p>",
	  "<p>Copy <i>[gone]</i>. into</p>", 1 },
	/* an unclosed anchor still gets the note */
	{ "<a href=https://ecf.x.uscourts.gov/doc1/123>open",
	  "open <i>[gone]</i>", 1 },
	/* href on another tag: only the attribute goes */
	{ "<area shape=rect href=\"https://ecf.x.uscourts.gov/doc1/123\" alt=x>",
	  "<area shape=rect  alt=x>", 1 },
	/* two links, one matching */
	{ "<a href=https://ecf.x.uscourts.gov/doc1/123>1</a> <a href=https://ecf.x.uscourts.gov/doc1/999>2</a>",
	  "1 <i>[gone]</i> <a href=https://ecf.x.uscourts.gov/doc1/999>2</a>", 1 },
};

static void
test_html(void **state)
{
	struct linkstrip	ls = { match_doc, (void *)"/doc1/123", "[gone]" };
	struct strbuf		out = STRBUF_INIT;
	size_t			i, n;

	(void)state;
	for (i = 0; i < sizeof(html_cases) / sizeof(html_cases[0]); i++) {
		strbuf_reset(&out);
		n = 0;
		assert_int_equal(linkstrip_html(&ls, html_cases[i].in,
		    strlen(html_cases[i].in), &out, &n), 0);
		assert_string_equal(strbuf_str(&out), html_cases[i].out);
		assert_int_equal(n, html_cases[i].n);
	}
	strbuf_free(&out);
}

static void
test_text(void **state)
{
	struct linkstrip	ls = { match_doc, (void *)"/doc1/123", "[gone <x>]" };
	struct strbuf		out = STRBUF_INIT;
	size_t			n = 0;
	const char		*in = "of your Web browser to view the document:\n"
	    "https://ecf.dcd.uscourts.gov/doc1/123?caseid=1&de_seq_num=2&magic_num=3\n"
	    "Docket: HTTPS://ecf.dcd.uscourts.gov/cgi-bin/DktRpt.pl?1 (see) http:// x";

	(void)state;
	assert_int_equal(linkstrip_text(&ls, in, strlen(in), &out, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(strbuf_str(&out), "of your Web browser to view the document:\n"
	    "[gone <x>]\nDocket: HTTPS://ecf.dcd.uscourts.gov/cgi-bin/DktRpt.pl?1 (see) http:// x");
	strbuf_free(&out);
}

static void
test_escape(void **state)
{
	struct strbuf	out = STRBUF_INIT;

	(void)state;
	linkstrip_escape(&out, "a<b>&\"'c", 8);
	assert_string_equal(strbuf_str(&out), "a&lt;b&gt;&amp;&quot;&#39;c");
	strbuf_free(&out);
}

static void
test_summary(void **state)
{
	struct summary_item it[] = {
		{ SUM_ATTACHED, "2024-01-02_cand_ECF45_Order.pdf", NULL, 2 * 1024 * 1024 + 1 },
		{ SUM_LOGIN, "Attachment 1 <Exhibit>", NULL, 0 },
		{ SUM_FAILED, "Attachment 2", "timeout", 0 },
		{ SUM_OVER_CAP, "big.pdf", NULL, 3000 },
	};
	static const char *const extra[] = { "Calendar: 1 event in x.ics:",
	    "  - Motion Hearing: <soon>" };
	static const char *const about[] = { "Proof of claim 7 by A & B <LLC>.",
	    "This notice changes entry 25: a corrected PDF." };
	struct summary_head h = { .sh_court = "cand", .sh_case = "4:22-cv-05541",
	    .sh_entry = "45", .sh_restricted = 1, .sh_extra = extra,
	    .sh_nextra = 2, .sh_about = about, .sh_nabout = 2 };
	struct strbuf t = STRBUF_INIT, html = STRBUF_INIT;
	char sz[32];

	(void)state;
	summary_text(&h, it, 4, &t);
	assert_non_null(strstr(strbuf_str(&t), "[nefmilter] Court notice cand 4:22-cv-05541, "
	    "entry 45: 1 document attached, 1 needs a court login, 1 not fetched.\n"));
	assert_non_null(strstr(strbuf_str(&t), "Restricted entry"));
	assert_non_null(strstr(strbuf_str(&t), "    - 2024-01-02_cand_ECF45_Order.pdf (2.0 MB)\n"));
	assert_non_null(strstr(strbuf_str(&t), "    - Attachment 2 (timeout)\n"));
	assert_non_null(strstr(strbuf_str(&t), "    - big.pdf (3 KB)\n"));
	/* groups in a fixed order: attached before login */
	assert_true(strstr(strbuf_str(&t), "Attached:") < strstr(strbuf_str(&t), "login (sealed"));
	summary_html(&h, it, 4, &html);
	assert_non_null(strstr(strbuf_str(&html), "<li>Attachment 1 &lt;Exhibit&gt;</li>"));
	assert_null(strstr(strbuf_str(&html), "<Exhibit>"));
	/* extra lines (the calendar) close both forms, escaped in HTML */
	assert_non_null(strstr(strbuf_str(&t), "  Calendar: 1 event in x.ics:\n"
	    "    - Motion Hearing: <soon>\n\n"));
	assert_non_null(strstr(strbuf_str(&html), "<br>  - Motion Hearing: "
	    "&lt;soon&gt;</div>"));
	/* the lines about the notice itself, after the head, escaped */
	assert_non_null(strstr(strbuf_str(&t), "\n  Proof of claim 7 by A & B <LLC>.\n"
	    "  This notice changes entry 25: a corrected PDF.\n"));
	assert_non_null(strstr(strbuf_str(&html), "<br>Proof of claim 7 by A &amp; B "
	    "&lt;LLC&gt;.<br>This notice changes entry 25"));
	summary_size(512, sz, sizeof(sz));
	assert_string_equal(sz, "512 bytes");
	strbuf_free(&t);
	strbuf_free(&html);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_summary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
