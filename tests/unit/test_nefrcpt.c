/*
 * test_nefrcpt: the lines of a recipient list.  A bankruptcy court that
 * breaks one recipient's addresses over lines ("Name addr1,<br>addr2,
 * <br>addr3"): the addresses stay that recipient's, in HTML and in the
 * text a mail program makes of it, and juriscraper's reading keeps
 * every address in order; the same after a mail program's <mailto:...>.
 * What does not continue a recipient: a list
 * that ended without a comma, a name line, a new heading.
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
#include "parsecmd.h"
#include "strbuf.h"
#include "nefparse.h"
#include "nefcmp.h"

#define BK_HEAD \
	"<b>Notice of Electronic Filing</b><br>" \
	"The following transaction was received from Okafor, Adaeze " \
	"entered on 5/6/2024 at 10:02 AM EDT and filed on 5/6/2024<br>" \
	"<b>Case Name:</b> Maria Example<br>" \
	"<b>Case Number:</b> <a href=\"https://ecf.mdb.uscourts.gov/cgi-bin/" \
	"DktRpt.pl?700123\">24-10123</a><br>" \
	"<b>Document Number:</b> <a href=\"https://ecf.mdb.uscourts.gov/" \
	"doc1/09112345678?pdf_header=&amp;de_seq_num=12&amp;magic_num=" \
	"41234567\">12</a><br>" \
	"<b>Docket Text:</b> Motion to Extend Time<br>"

#define BK_LISTED "<br>24-10123 Notice will be electronically mailed to:<br>"

/* The lines of one recipient's addresses, as mdb prints them. */
#define BK_BROKEN \
	BK_LISTED \
	"<br><span class=\"personName\">Adaeze Okafor</span> " \
	"aokafor@lawfirm.example,<br>  docketing@lawfirm.example,<br>" \
	"paralegal@lawfirm.example<br>" \
	"<br><span class=\"personName\">US Trustee</span> " \
	"ustp@example.gov<br>"

static void
addrs(const struct nef_recipient *r, const char *name, size_t n,
    const char *const *want)
{
	size_t	i;

	assert_string_equal(r->r_name, name);
	assert_int_equal(r->r_naddrs, n);
	for (i = 0; i < n; i++)
		assert_string_equal(r->r_addrs[i], want[i]);
}

/* "Name addr1,<br>addr2,<br>addr3": one recipient with three addresses. */
static void
test_continued_html(void **state)
{
	static const char *const okafor[] = { "aokafor@lawfirm.example",
	    "docketing@lawfirm.example", "paralegal@lawfirm.example" };
	static const char *const ustp[] = { "ustp@example.gov" };
	struct nef	*n;
	size_t		 i;

	(void)state;
	n = nefparse_in(BK_HEAD BK_BROKEN, 1, NULL, NULL);
	assert_int_equal(n->n_kind, NEF_BANKRUPTCY);
	assert_int_equal(n->n_nlisted, 2);
	addrs(&n->n_listed[0], "Adaeze Okafor", 3, okafor);
	addrs(&n->n_listed[1], "US Trustee", 1, ustp);
	assert_string_equal(n->n_listed[0].r_heading_case, "24-10123");
	/* juriscraper's reading: every address, in order */
	assert_int_equal(n->n_listed[0].r_nprinted, 3);
	for (i = 0; i < 3; i++)
		assert_string_equal(n->n_listed[0].r_printed[i], okafor[i]);
	nef_free(n);
}

/* The same notice as a mail program's text: the same recipients. */
static void
test_continued_text_same(void **state)
{
	struct nef	*h, *t;

	(void)state;
	h = nefparse_in(BK_HEAD BK_BROKEN, 1, NULL, NULL);
	t = nefparse_in("Notice of Electronic Filing\n\n"
	    "The following transaction was received from Okafor, Adaeze "
	    "entered on 5/6/2024 at 10:02 AM EDT and filed on 5/6/2024\n"
	    "Case Name: Maria Example\n"
	    "Case Number: 24-10123 <https://ecf.mdb.uscourts.gov/cgi-bin/"
	    "DktRpt.pl?700123>\n"
	    "Document Number: 12 <https://ecf.mdb.uscourts.gov/doc1/"
	    "09112345678?pdf_header=&de_seq_num=12&magic_num=41234567>\n"
	    "Docket Text: Motion to Extend Time\n\n"
	    "24-10123 Notice will be electronically mailed to:\n\n"
	    "Adaeze Okafor aokafor@lawfirm.example,\n"
	    "docketing@lawfirm.example,\n"
	    "paralegal@lawfirm.example\n\n"
	    "US Trustee ustp@example.gov\n", 0, NULL, NULL);
	nefcmp_same(h, t, "text form");
	nef_free(h);
	nef_free(t);
}

/* A mail program's text of a district list: each address then its
 * <mailto:...>, the comma after that, and a wrap before the next
 * address; the addresses stay their recipient's. */
static void
test_continued_after_mailto(void **state)
{
	static const char *const owens[] = { "dowens@gill-law.example",
	    "callie@gill-law.example" };
	static const char *const potts[] = { "potts@gill-law.example" };
	struct nef	*n;

	(void)state;
	n = nefparse_in("Notice of Electronic Filing\n\n"
	    "The following transaction was entered on 5/6/2024 at 10:02 AM "
	    "CDT and filed on 5/6/2024\n"
	    "Case Name: Lowery v. Example Inc\n"
	    "Case Number: 4:20-cv-01296-BRW\n"
	    "Docket Text: ORDER.\n\n"
	    "4:20-cv-01296-BRW Notice has been electronically mailed to:\n\n"
	    "Danielle W. Owens dowens@gill-law.example "
	    "<mailto:dowens@gill-law.example>,\n"
	    "callie@gill-law.example <mailto:callie@gill-law.example>\n\n"
	    "Dylan Hugh Potts potts@gill-law.example "
	    "<mailto:potts@gill-law.example>\n", 0, NULL, NULL);
	assert_int_equal(n->n_nlisted, 2);
	addrs(&n->n_listed[0], "Danielle W. Owens", 2, owens);
	addrs(&n->n_listed[1], "Dylan Hugh Potts", 1, potts);
	nef_free(n);
}

/* A separator at the start of the line continues the list as well. */
static void
test_continued_leading_comma(void **state)
{
	static const char *const two[] = { "a@firm.example", "b@firm.example" };
	struct nef	*n;

	(void)state;
	n = nefparse_in(BK_HEAD BK_LISTED
	    "<span class=\"personName\">Ann Lee</span> a@firm.example<br>"
	    ", b@firm.example<br>", 1, NULL, NULL);
	assert_int_equal(n->n_nlisted, 1);
	addrs(&n->n_listed[0], "Ann Lee", 2, two);
	nef_free(n);
}

/* What is not a continuation: a closed list, a name line, a heading. */
static void
test_not_continued(void **state)
{
	static const char *const a[] = { "a@firm.example" };
	static const char *const b[] = { "b@firm.example" };
	static const char *const c[] = { "c@firm.example" };
	struct nef	*n;

	(void)state;
	/* the list before ended without a comma: a nameless recipient */
	n = nefparse_in(BK_HEAD BK_LISTED
	    "<span class=\"personName\">Ann Lee</span> a@firm.example<br>"
	    "b@firm.example<br>", 1, NULL, NULL);
	assert_int_equal(n->n_nlisted, 2);
	addrs(&n->n_listed[0], "Ann Lee", 1, a);
	addrs(&n->n_listed[1], "", 1, b);
	nef_free(n);
	/* a name line comes between: its own recipient */
	n = nefparse_in(BK_HEAD BK_LISTED
	    "<span class=\"personName\">Ann Lee</span> a@firm.example,<br>"
	    "<span class=\"personName\">Bo Chan</span><br>b@firm.example<br>",
	    1, NULL, NULL);
	assert_int_equal(n->n_nlisted, 2);
	addrs(&n->n_listed[0], "Ann Lee", 1, a);
	addrs(&n->n_listed[1], "Bo Chan", 1, b);
	nef_free(n);
	/* a new heading comes between */
	n = nefparse_in(BK_HEAD BK_LISTED
	    "<span class=\"personName\">Ann Lee</span> a@firm.example,<br>"
	    "24-10124 Notice will be electronically mailed to:<br>"
	    "c@firm.example<br>", 1, NULL, NULL);
	assert_int_equal(n->n_nlisted, 2);
	addrs(&n->n_listed[0], "Ann Lee", 1, a);
	addrs(&n->n_listed[1], "", 1, c);
	assert_string_equal(n->n_listed[1].r_heading_case, "24-10124");
	nef_free(n);
}

/* A list continued past NEF_MAX_ADDRS is cut there and flagged. */
static void
test_continued_limit(void **state)
{
	struct strbuf	 sb;
	struct nef	*n;
	int		 i;

	(void)state;
	strbuf_init(&sb, 1 << 20);
	strbuf_puts(&sb, BK_HEAD BK_LISTED
	    "<span class=\"personName\">Ann Lee</span> a0@firm.example,<br>");
	for (i = 1; i < NEF_MAX_ADDRS + 5; i++)
		strbuf_printf(&sb, "a%d@firm.example,<br>", i);
	strbuf_puts(&sb, "last@firm.example<br>");
	n = nefparse_in(strbuf_str(&sb), 1, NULL, NULL);
	assert_int_equal(n->n_nlisted, 1);
	assert_int_equal(n->n_listed[0].r_naddrs, NEF_MAX_ADDRS);
	assert_int_equal(n->n_listed[0].r_nprinted, NEF_MAX_ADDRS);
	assert_string_equal(n->n_listed[0].r_addrs[NEF_MAX_ADDRS - 1],
	    "a31@firm.example");
	assert_true(n->n_trunc & NEF_TRUNC_ADDRS);
	nef_free(n);
	strbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_continued_html),
		cmocka_unit_test(test_continued_text_same),
		cmocka_unit_test(test_continued_after_mailto),
		cmocka_unit_test(test_continued_leading_comma),
		cmocka_unit_test(test_not_continued),
		cmocka_unit_test(test_continued_limit),
	};

	return cmocka_run_group_tests(tests, nefparse_setup, nefparse_teardown);
}
