/*
 * test_nefwrap: plain-text notices whose lines wrap anywhere.  Every
 * plain-text fixture is wrapped here at every width from 40 to 140
 * columns (greedy, at blanks, as mail programs do; with and without the
 * indentation kept, with CRLF line ends), and each wrapped copy must
 * read exactly as the original (tests/lib/nefcmp.h).  Then the cases
 * one at a time: the court's own breaks, a transaction sentence, a
 * label and a recipient heading cut in two, a false label made by a
 * wrap, recipient names and address lists, a width counted in
 * characters.
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

#define WRAP_MIN	40
#define WRAP_MAX	140

/* The plain-text fixtures (each also has an HTML twin elsewhere). */
static const char *const text_files[] = {
	"plain.eml", "other_court_link_text.eml", "newcase_cacb_text.eml",
	"newcase_txnb_text.eml", "claim_cacb_text.eml",
	"corrected_pdf_text.eml", "modified_text_text.eml",
	"wrapped_court.eml",
};

static struct nef *
parse_msg(const char *msg, size_t len)
{
	struct nef	*n = NULL;
	int		 ms;

	assert_int_equal(parsecmd_parse(msg, len, 0, &n, &ms), 0);
	assert_non_null(n);
	return n;
}

#define parse_in(text)	nefparse_in((text), 0, NULL, NULL)

/* Append line[0..len) wrapped greedily at blanks to width w. */
static void
wrap_line(struct strbuf *out, const char *line, size_t len, size_t w,
    int indent, const char *eol)
{
	size_t	col = 0, i = 0, lead = 0, wl;

	while (lead < len && line[lead] == ' ')
		lead++;
	if (len <= w) {
		strbuf_append(out, line, len);
		strbuf_puts(out, eol);
		return;
	}
	i = lead;
	if (indent) {
		strbuf_append(out, line, lead);
		col = lead;
	}
	while (i < len) {
		while (i < len && line[i] == ' ')
			i++;
		for (wl = 0; i + wl < len && line[i + wl] != ' '; wl++)
			;
		if (wl == 0)
			break;
		if (col > 0 && col + 1 + wl > w) {
			strbuf_puts(out, eol);
			col = 0;
			if (indent) {
				strbuf_append(out, line, lead);
				col = lead;
			}
		} else if (col > (indent ? lead : 0)) {
			strbuf_putc(out, ' ');
			col++;
		}
		strbuf_append(out, line + i, wl);
		col += wl;
		i += wl;
	}
	strbuf_puts(out, eol);
}

/* The message with its body wrapped at w (the header is kept). */
static void
wrap_msg(const char *msg, size_t w, int indent, int crlf, struct strbuf *out)
{
	const char	*body = strstr(msg, "\n\n"), *p, *nl;
	const char	*eol = crlf ? "\r\n" : "\n";

	assert_non_null(body);
	strbuf_reset(out);
	strbuf_append(out, msg, (size_t)(body - msg) + 2);
	for (p = body + 2; *p != '\0'; p = nl + 1) {
		nl = strchr(p, '\n');
		if (nl == NULL)
			nl = p + strlen(p);
		wrap_line(out, p, (size_t)(nl - p), w, indent, eol);
		if (*nl == '\0')
			break;
	}
}

static void
test_every_width(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		 what[128];
	size_t		 f, w, len = 0;
	int		 style;

	(void)state;
	for (f = 0; f < sizeof text_files / sizeof text_files[0]; f++) {
		char		*msg = fixture_data(text_files[f], &len);
		struct nef	*base = parse_msg(msg, len);

		assert_int_not_equal(base->n_kind, NEF_NOT_NOTICE);
		assert_false(base->n_html);
		for (style = 0; style < 3; style++)
			for (w = WRAP_MIN; w <= WRAP_MAX; w++) {
				struct nef *n;

				wrap_msg(msg, w, style == 1, style == 2, &sb);
				assert_false(strbuf_error(&sb));
				n = parse_msg(strbuf_str(&sb), sb.sb_len);
				snprintf(what, sizeof what, "%s at %zu%s",
				    text_files[f], w, style == 1 ? " indented" :
				    style == 2 ? " crlf" : "");
				nefcmp_same(base, n, what);
				nef_free(n);
			}
		nef_free(base);
		free(msg);
	}
	strbuf_free(&sb);
}

/* The example, and the court's own break without "at". */
static void
test_transaction(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_in("Notice of Electronic Filing\n"
	    "The following transaction was entered on 4/8/2025 4:18 PM EDT "
	    "and filed\non 4/8/2025\n"
	    "Case Name: A v. B\nCase Number: 1:25-cv-00100-XY\n"
	    "Docket Text:\nORDER.\n");
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_date_filed, "2025-04-08");
	assert_string_equal(n->n_date_entered, "2025-04-08");
	assert_string_equal(n->n_time_entered, "4:18 PM EDT");
	nef_free(n);
	n = parse_in("Notice of Electronic Filing\n"
	    "The following transaction was\nentered by Doe, Jane\non 1/2/2024"
	    "\nat 9:05 AM CST and\nfiled on\n1/3/2024\n"
	    "Case Name: A v. B\nCase Number: 1:24-cv-00001\n"
	    "Docket Text:\nORDER.\n");
	assert_string_equal(n->n_date_filed, "2024-01-03");
	assert_string_equal(n->n_date_entered, "2024-01-02");
	assert_string_equal(n->n_time_entered, "9:05 AM CST");
	assert_string_equal(n->n_entered_by, "Doe, Jane");
	nef_free(n);
}

/* Labels and a heading cut in two or three, a case name, recipient
 * names and an address list wrapped. */
static void
test_split_labels(void **state)
{
	static const char banner[] = "Judicial Conference of the United "
	    "States policy permits attorneys\n"
	    "of record and parties in a case (including pro se litigants) to\n"
	    "receive one free electronic copy of all documents filed\n"
	    "electronically, if receipt is required by law or directed by the\n"
	    "filer. PACER access fees apply to all other users.\n\n";
	struct strbuf	 sb = STRBUF_INIT;
	struct nef	*n;

	(void)state;
	strbuf_puts(&sb, banner);
	strbuf_puts(&sb, "Notice of Electronic Filing\n"
	    "The following transaction was entered on 1/2/2024 at 9:05 AM\n"
	    "CST and filed on 1/2/2024\n\n"
	    "Case Name: Aardvark Holdings, LLC v. Example Bank, N.A. and Example\n"
	    "Trust Company\n"
	    "Case Number: 1:24-cv-00001-AB\n"
	    "https://ecf.dcd.uscourts.gov/cgi-bin/DktRpt.pl?777\n"
	    "Document\nNumber: 12\n"
	    "Copy the URL address from the line below into the location bar of\n"
	    "your Web browser to view the document:\n"
	    "https://ecf.dcd.uscourts.gov/doc1/04511111111?"
	    "caseid=777&de_seq_num=30&magic_num=42\n\n"
	    "Docket Text:\nMINUTE ORDER granting the motion\n\n"
	    "1:24-cv-00001-AB Notice has\nbeen electronically\nmailed to:\n"
	    "Jane Q. Public\njq@example.com,\njq2@example.com\n"
	    "John Roe\njr@example.com\n\n"
	    "1:24-cv-00001-AB Notice will\nnot be electronically mailed to:\n"
	    "Sam Poe\n");
	n = parse_in(strbuf_str(&sb));
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_cases[0].c_name_shown, "Aardvark Holdings, LLC "
	    "v. Example Bank, N.A. and Example Trust Company");
	assert_string_equal(n->n_cases[0].c_case_link_id, "777");
	assert_string_equal(n->n_cases[0].c_doc_number, "12");
	assert_true(n->n_cases[0].c_has_link);
	assert_string_equal(n->n_cases[0].c_link.dl_magic, "42");
	assert_string_equal(n->n_cases[0].c_text, "MINUTE ORDER granting the "
	    "motion");
	assert_int_equal(n->n_nlisted, 2);
	assert_string_equal(n->n_listed[0].r_name, "Jane Q. Public");
	assert_int_equal(n->n_listed[0].r_naddrs, 2);
	assert_string_equal(n->n_listed[0].r_addrs[1], "jq2@example.com");
	assert_string_equal(n->n_listed[0].r_heading_case, "1:24-cv-00001-AB");
	assert_string_equal(n->n_listed[1].r_name, "John Roe");
	assert_int_equal(n->n_nunlisted, 1);
	assert_string_equal(n->n_unlisted[0].r_name, "Sam Poe");
	nef_free(n);
	strbuf_free(&sb);
}

/* Text that is not wrapped keeps its lines: a short line after the
 * longest one is not a continuation. */
/* A wrap that puts "document:" at the start of a line does not make a
 * label of it (the width is the banner's). */
static void
test_false_label(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_in("Judicial Conference of the United States policy permits "
	    "attorneys\n"
	    "of record and parties in a case (including pro se litigants) to\n"
	    "receive one free electronic copy of all documents filed by\n"
	    "electronically, if receipt is required by law or directed by the\n"
	    "filer.\n\nNotice of Electronic Filing\n"
	    "The following transaction was entered on 1/2/2024 at 9:05 AM CST\n"
	    "and filed on 1/2/2024\n"
	    "Case Name: A v. B\nCase Number: 1:24-cv-00001\n"
	    "Document Number: 4\n"
	    "Copy the URL address from the line below into the bar to view the\n"
	    "document:\n"
	    "https://ecf.dcd.uscourts.gov/doc1/04511111111?magic_num=42\n"
	    "Docket Text:\nORDER.\n");
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_true(n->n_cases[0].c_has_link);
	assert_string_equal(n->n_cases[0].c_link.dl_doc_id, "04511111111");
	assert_int_equal(n->n_ndocs, 0);
	nef_free(n);
}

/* Breaks at blanks anywhere, not at a width: a case name, the heading,
 * a recipient heading whose second part is a heading alone, an address
 * list broken before its commas; links in angle brackets. */
static void
test_broken_anywhere(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_in("Notice of\nElectronic Filing\n"
	    "The following transaction was entered on 1/2/2024 at 9:05 AM CST "
	    "and filed on 1/2/2024\n\n"
	    "Case Name: USA\nv. MANAFORT et al\n\n"
	    "Case Number: 1:17-cr-00201-ABJ "
	    "<https://ecf.dcd.uscourts.gov/cgi-bin/DktRpt.pl?190596>\n\n"
	    "Document Number: 551 <https://ecf.dcd.uscourts.gov/doc1/"
	    "04517059984?caseid=190596&de_seq_num=2335&magic_num=34532>\n\n"
	    "Docket Text:\nJoint STATUS REPORT by USA\nas to RICHARD W. GATES\n"
	    "\n1:17-cr-00201-ABJ-2 Notice has\nbeen electronically mailed to:\n"
	    "\nJo Doe jo@x.example <mailto:jo@x.example>\n"
	    "<mailto:jo@x.example>, jo2@x.example\n\n"
	    "Al Roe al@x.example\n");
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_int_equal(n->n_class, NEF_CLASS_NEF);
	assert_string_equal(n->n_court, "dcd");
	assert_string_equal(n->n_cases[0].c_name_shown, "USA v. MANAFORT et al");
	assert_string_equal(n->n_cases[0].c_number_shown, "1:17-cr-00201-ABJ");
	assert_string_equal(n->n_cases[0].c_case_link_id, "190596");
	assert_string_equal(n->n_cases[0].c_doc_number, "551");
	assert_string_equal(n->n_cases[0].c_link.dl_magic, "34532");
	assert_string_equal(n->n_cases[0].c_text, "Joint STATUS REPORT by USA "
	    "as to RICHARD W. GATES");
	assert_int_equal(n->n_nlisted, 2);
	assert_string_equal(n->n_listed[0].r_name, "Jo Doe");
	assert_int_equal(n->n_listed[0].r_naddrs, 2);
	assert_string_equal(n->n_listed[0].r_addrs[0], "jo@x.example");
	assert_string_equal(n->n_listed[0].r_addrs[1], "jo2@x.example");
	assert_string_equal(n->n_listed[0].r_heading_case,
	    "1:17-cr-00201-ABJ-2");
	assert_string_equal(n->n_listed[1].r_name, "Al Roe");
	nef_free(n);
}

/* The width is counted in characters: text wrapped at 69 whose longest
 * line in bytes holds accents and curly quotes (84 bytes) still reads
 * as wrapped, so the case link a wrap put on its own line is the case
 * number's. */
static void
test_width_in_characters(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_in("Notice of Electronic Filing\n\n"
	    "The following transaction was entered on 2/1/2024 at 9:05 AM CST "
	    "and\nfiled on 2/1/2024\n\n"
	    "Case Name: Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale v. "
	    "Example Holdings LLC\n"
	    "Case Number: 1:24-cv-00057-WS-N\n"
	    "<https://ecf.alsd.uscourts.gov/cgi-bin/DktRpt.pl?67868>\n\n"
	    "Document Number: 23(No document attached)\n\n"
	    "Docket Text:\n"
	    "ORDER granting the Motion to Extend filed by Plaintiffs "
	    "\xe2\x80\x9cSoci\xc3\xa9t\xc3\xa9\n"
	    "G\xc3\xa9n\xc3\xa9rale C\xc3\xb4te d\xe2\x80\x99Ivoire"
	    "\xe2\x80\x9d and \xe2\x80\x9cH\xc3\xb4tel M\xc3\xa9" "d\xc3"
	    "\xa9ric Fr\xc3\xa8res \xc3\x89lys\xc3\xa9" "e\xe2\x80\x9d as "
	    "to the\n"
	    "Scheduling Order and the Discovery Plan. The parties shall file "
	    "their\n"
	    "joint report on or before the date set by the court in the order "
	    "of\n"
	    "reference entered earlier in this case. Signed by Magistrate "
	    "Judge\n"
	    "Katherine P. Nelson on 2/1/2024. (Nelson, Katherine)\n\n"
	    "1:24-cv-00057-WS-N Notice has been electronically mailed to:\n\n"
	    "Jo Doe jo@x.example\n");
	assert_int_equal(n->n_kind, NEF_DISTRICT);
	assert_string_equal(n->n_cases[0].c_number_shown, "1:24-cv-00057-WS-N");
	assert_string_equal(n->n_cases[0].c_case_link_id, "67868");
	assert_string_equal(n->n_cases[0].c_case_id, "67868");
	assert_string_equal(n->n_court, "alsd");
	assert_non_null(strstr(n->n_cases[0].c_text, "Plan. The parties shall "
	    "file their joint report on or before"));
	assert_int_equal(n->n_nlisted, 1);
	nef_free(n);
}

/* A mail program's text of a link in the docket text, "text <URL>",
 * reads as the HTML form: the link's text alone. */
static void
test_link_in_docket_text(void **state)
{
	struct nef	*h, *t;

	(void)state;
	h = nefparse_in("<b>Notice of Electronic Filing</b><br>"
	    "The following transaction was entered on 6/10/2021 at 9:05 AM CDT "
	    "and filed on 6/10/2021<br>Case Name: A v. B<br>"
	    "Case Number: 3:21-cv-00001<br><b>Docket Text:</b> MEDIATION "
	    "ORDER. <a href=\"http://www.txnd.uscourts.gov/ADR.pdf\">"
	    "Alternative Dispute Resolution Summary</a> form provided. (svc)"
	    "<br>", 1, NULL, NULL);
	t = parse_in("Notice of Electronic Filing\n"
	    "The following transaction was entered on 6/10/2021 at 9:05 AM CDT "
	    "and filed on 6/10/2021\nCase Name: A v. B\n"
	    "Case Number: 3:21-cv-00001\nDocket Text: MEDIATION ORDER. "
	    "Alternative Dispute Resolution Summary\n"
	    "<http://www.txnd.uscourts.gov/ADR.pdf> form provided. (svc)\n");
	assert_string_equal(h->n_cases[0].c_text, "MEDIATION ORDER. "
	    "Alternative Dispute Resolution Summary form provided. (svc)");
	assert_string_equal(t->n_cases[0].c_text, h->n_cases[0].c_text);
	assert_string_equal(t->n_cases[0].c_description,
	    h->n_cases[0].c_description);
	nef_free(h);
	nef_free(t);
}

/* Docket text whose source breaks a line before a comma or a closing
 * bracket (the HTML form ends a paragraph there) reads as the HTML form:
 * no blank before the punctuation.  A line that opens a bracket keeps
 * its blank. */
static void
test_break_before_punct(void **state)
{
	struct nef	*h, *t;

	(void)state;
	h = nefparse_in("<b>Notice of Electronic Filing</b><br>"
	    "The following transaction was entered on 1/13/2023 at 9:05 AM PST "
	    "and filed on 1/13/2023<br>Case Name: A v. B<br>"
	    "Case Number: 4:22-cv-05541<br><b>Docket Text:</b> <p>ZOOM HEARING."
	    "</p><p>Setup: https://www.cand.uscourts.gov/zoom/.</p>, "
	    "Set/Reset Deadlines as to [22] MOTION , [24] MOTION<p>"
	    "(Attachments: (1) Order</p>) (mll)<br>", 1, NULL, NULL);
	t = parse_in("Notice of Electronic Filing\n"
	    "The following transaction was entered on 1/13/2023 at 9:05 AM PST "
	    "and filed on 1/13/2023\nCase Name: A v. B\n"
	    "Case Number: 4:22-cv-05541\nDocket Text:\nZOOM HEARING.\n\n"
	    "Setup: https://www.cand.uscourts.gov/zoom/.\n"
	    ", Set/Reset Deadlines as to [22] MOTION , [24] MOTION\n"
	    "(Attachments: (1) Order\n) (mll)\n");
	assert_string_equal(h->n_cases[0].c_description, "ZOOM HEARING."
	    "Setup: https://www.cand.uscourts.gov/zoom/., Set/Reset Deadlines "
	    "as to [22] MOTION , [24] MOTION(Attachments: (1) Order) (mll)");
	assert_string_equal(t->n_cases[0].c_text, "ZOOM HEARING. Setup: "
	    "https://www.cand.uscourts.gov/zoom/., Set/Reset Deadlines as to "
	    "[22] MOTION , [24] MOTION (Attachments: (1) Order) (mll)");
	nef_free(h);
	nef_free(t);
}

static void
test_not_wrapped(void **state)
{
	struct nef	*n;

	(void)state;
	n = parse_in("Notice of Electronic Filing\n"
	    "The following transaction was entered on 1/2/2024 at 9:05 AM CST "
	    "and filed on 1/2/2024\n"
	    "Case Name: A v. B\nCase Number: 1:24-cv-00001\n"
	    "Docket Text:\nORDER.\n"
	    "1:24-cv-00001 Notice has been electronically mailed to:\n"
	    "A Person\na@example.com\nB Person\nb@example.com\n");
	assert_int_equal(n->n_nlisted, 2);
	assert_string_equal(n->n_listed[0].r_name, "A Person");
	assert_string_equal(n->n_listed[1].r_name, "B Person");
	assert_string_equal(n->n_cases[0].c_text, "ORDER.");
	nef_free(n);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_width),
		cmocka_unit_test(test_transaction),
		cmocka_unit_test(test_split_labels),
		cmocka_unit_test(test_false_label),
		cmocka_unit_test(test_broken_anywhere),
		cmocka_unit_test(test_width_in_characters),
		cmocka_unit_test(test_link_in_docket_text),
		cmocka_unit_test(test_break_before_punct),
		cmocka_unit_test(test_not_wrapped),
	};

	return cmocka_run_group_tests(tests, nefparse_setup, nefparse_teardown);
}
