/*
 * test_nefline: the line model (labels, headings, links, source offsets),
 * addresses and dates; nefkind's rejections; the arena.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "arena.h"
#include "nef.h"
#include "nefkind.h"
#include "nefline.h"
#include "nefwrap.h"

static void
test_lines(void **state)
{
	const char *src = "<p>Notice of Electronic Filing</p><table><tr><td>"
	    "<strong>Case Name:</strong></td><td>A v. B</td></tr><tr><td>Case"
	    " Number:</td><td><a href=\"https://ecf.cand.uscourts.gov/cgi-bin/"
	    "DktRpt.pl?77\">4:22-cv-1</a></td></tr></table><B>4:22-cv-1 Notice "
	    "has been electronically mailed to:</B><br>Ann a@example.com<br>"
	    "<B>4:22-cv-1 Notice has NOT been electronically mailed to:</B><br>"
	    "<B>Notice will be stored in the notice cart for:</B><br>Docket "
	    "Text:<br>Case participants listed below will not receive this "
	    "electronic notice:<br>a note: about something<br>";
	static const enum nefline_kind want[] = { NL_OTHER, NL_CASE_NAME,
	    NL_CASE_NUMBER, NL_RCPT_LISTED, NL_OTHER, NL_RCPT_UNLISTED,
	    NL_RCPT_UNLISTED, NL_DOCKET_TEXT, NL_RCPT_UNLISTED, NL_OTHER };
	struct arena	  *a = arena_new();
	struct nefline_doc d;
	size_t		   i;

	(void)state;
	assert_int_equal(nefline_prepare(&d, src, strlen(src), 1, 0, 100, nefwrap_join,
	    a),
	    0);
	assert_int_equal(d.nd_nlines, sizeof want / sizeof want[0]);
	for (i = 0; i < d.nd_nlines; i++)
		assert_int_equal(d.nd_lines[i].l_kind, want[i]);
	assert_string_equal(d.nd_text + d.nd_lines[1].l_val, "A v. B\n"
	    "Case Number: 4:22-cv-1\n4:22-cv-1 Notice has been electronically "
	    "mailed to:\nAnn a@example.com\n4:22-cv-1 Notice has NOT been "
	    "electronically mailed to:\nNotice will be stored in the notice "
	    "cart for:\nDocket Text:\nCase participants listed below will not "
	    "receive this electronic notice:\na note: about something");
	assert_int_equal(d.nd_nlinks, 1);
	assert_int_equal(d.nd_links[0].k_dl.dl_kind, DOCLINK_CASE);
	assert_string_equal(d.nd_links[0].k_dl.dl_case_id, "77");
	assert_memory_equal(d.nd_text + d.nd_links[0].k_start, "4:22-cv-1", 9);
	assert_int_equal(nefline_link_at(&d, 0), 0);
	assert_int_equal(nefline_link_at(&d, d.nd_len), 1);
	/* the source offset of a line is where its first token starts */
	assert_memory_equal(src + d.nd_lines[1].l_src, "Case Name:", 10);
	assert_non_null(nefline_doc_find(&d, 0, d.nd_len, "notice cart"));
	assert_null(nefline_doc_find(&d, 0, d.nd_len, "nowhere"));
	assert_null(nefline_doc_find(&d, d.nd_len, 5, "a"));
	nefline_free(&d);
	nefline_free(NULL);
	arena_free(a);
}

static void
test_plain_links(void **state)
{
	const char *src = "Case Number: 1:17-cr-1 https://ecf.dcd.uscourts.gov/"
	    "cgi-bin/DktRpt.pl?190596\nCopy the URL:\n\nhttps://ecf.dcd.uscourts"
	    ".gov/doc1/045?caseid=1&magic_num=2.\nhttpx not a link http://";
	struct arena	  *a = arena_new();
	struct nefline_doc d;

	(void)state;
	assert_int_equal(nefline_prepare(&d, src, strlen(src), 0, 0, 100, nefwrap_join,
	    a),
	    0);
	assert_int_equal(d.nd_nlines, 4);
	assert_int_equal(d.nd_nlinks, 2);
	assert_string_equal(d.nd_links[1].k_url, "https://ecf.dcd.uscourts.gov"
	    "/doc1/045?caseid=1&magic_num=2");
	assert_string_equal(d.nd_links[1].k_dl.dl_magic, "2");
	assert_int_equal(d.nd_lines[2].l_src, (size_t)(strstr(src,
	    "https://ecf.dcd.uscourts.gov/doc1") - src));
	nefline_free(&d);
	arena_free(a);
}

static void
test_line_cap(void **state)
{
	struct arena	  *a = arena_new();
	struct nefline_doc d;
	char		   src[4000];
	size_t		   i;

	(void)state;
	for (i = 0; i < sizeof src - 1; i += 2) {
		src[i] = 'x';
		src[i + 1] = '\n';
	}
	src[sizeof src - 1] = '\0';
	assert_int_equal(nefline_prepare(&d, src, strlen(src), 0, 0, 10,
	    nefwrap_join, a), 0);
	assert_int_equal(d.nd_nlines, 10);
	assert_true(d.nd_trunc);
	nefline_free(&d);
	arena_free(a);
}

static void
test_addrs(void **state)
{
	struct nefline_addr a[4];
	int		    more;
	const char *s = "J. Doe jdoe@lawfirm.example, x.y+z@a-b.example.com;"
	    "q@r.example. also @nothing, no@tld, 'odd'@x.example";

	(void)state;
	assert_int_equal(nefline_addrs(s, strlen(s), a, 3, &more), 3);
	assert_true(more);
	assert_int_equal(nefline_addrs(s, strlen(s), a, 4, &more), 4);
	assert_false(more);
	assert_memory_equal(s + a[0].a_off, "jdoe@lawfirm.example", a[0].a_len);
	assert_memory_equal(s + a[1].a_off, "x.y+z@a-b.example.com",
	    a[1].a_len);
	assert_memory_equal(s + a[2].a_off, "q@r.example", a[2].a_len);
	assert_memory_equal(s + a[3].a_off, "odd'@x.example", a[3].a_len);
	assert_int_equal(nefline_addrs("none here", 9, a, 4, &more), 0);
	assert_false(more);
}

static void
test_dates(void **state)
{
	char	iso[11];

	(void)state;
	assert_int_equal(nefline_date("8/10/2022 at", 12, iso), 9);
	assert_string_equal(iso, "2022-08-10");
	assert_int_equal(nefline_date("07/27/2022", 10, iso), 10);
	assert_string_equal(iso, "2022-07-27");
	assert_int_equal(nefline_date("2/15/23", 7, iso), 7);
	assert_string_equal(iso, "2023-02-15");
	assert_int_equal(nefline_date("13/1/2022", 9, iso), 0);
	assert_int_equal(nefline_date("1/32/2022", 9, iso), 0);
	assert_int_equal(nefline_date("1/2/202", 7, iso), 0);
	assert_int_equal(nefline_date("12345/1/2022", 12, iso), 0);
	assert_int_equal(nefline_date("x", 1, iso), 0);
	assert_string_equal(iso, "");
	assert_non_null(nefline_find("abc Docket Text: x", 18, "docket text:"));
	assert_null(nefline_find("abc", 3, "abcd"));
}

/* Notice or not, by heading and structure (nefkind_judge()). */
static void
test_reject(void **state)
{
#define CASE "\nCase Number: 1:22-cv-00001-AB\n"
#define FULL "The following transaction was entered on 1/2/2023 at 9:00 AM " \
	"EST and filed on 1/2/2023\nCase Number: 1:22-cv-00001-AB\n" \
	"Document Number: 5\nDocket Text:\nORDER granting the motion.\n"
	static const struct { const char *text, *subj; int img;
	    enum nef_reason r; enum nef_class cls; } c[] = {
		{ "Notice of Electronic Filing", NULL, 0, NEF_R_NO_CASE, 0 },
		{ "Notice of Electronic Filing" CASE, NULL, 0, NEF_R_NONE,
		  NEF_CLASS_NEF },
		{ "NOTICE OF DOCKET ACTIVITY" CASE, NULL, 0, NEF_R_NONE,
		  NEF_CLASS_NDA },
		{ "Notice of Electronic Filing" CASE, NULL, 1, NEF_R_IMAGE, 0 },
		{ "Notice of Electronic Claims Filing", NULL, 0, NEF_R_CLAIMS, 0 },
		{ "Notice of Electronic Claims Filing" CASE, NULL, 0,
		  NEF_R_NONE, NEF_CLASS_CLAIM },
		{ "Notice of Bankruptcy Case Filing" CASE, NULL, 0, NEF_R_NONE,
		  NEF_CLASS_NEW_CASE },
		{ "Notice of Electronic Filing" CASE, "Docket Entry #314 has "
		  "been updated", 0, NEF_R_NONE, NEF_CLASS_NEF },
		{ "Added Correct PDF to document", NULL, 0, NEF_R_MODIFIED, 0 },
		{ "This is an announcement e-mail message. Notice of Electronic "
		  "Filing" CASE, NULL, 0, NEF_R_ANNOUNCEMENT, 0 },
		{ "This is an announcement e-mail message.\n" FULL, NULL, 0,
		  NEF_R_NONE, NEF_CLASS_STRUCTURE },
		{ "Notice of Electronic Filing\nJoin ZoomGov Meeting" CASE,
		  NULL, 0, NEF_R_ZOOM, 0 },
		{ "Notice of Electronic Filing\nJoin ZoomGov Meeting\n" FULL,
		  NULL, 0, NEF_R_NONE, NEF_CLASS_NEF },
		{ FULL, NULL, 0, NEF_R_NONE, NEF_CLASS_STRUCTURE },
		{ "Case Number: 1:22-cv-00001-AB\nDocket Text:\nX\n"
		  "Document Number: 5\n", NULL, 0, NEF_R_NO_MARKER, 0 },
		{ "hello", NULL, 0, NEF_R_NO_MARKER, 0 },
		{ "", NULL, 0, NEF_R_EMPTY, 0 },
	};
	struct nef_input in;
	struct nef	*n;
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof c / sizeof c[0]; i++) {
		print_message("# %zu\n", i);
		memset(&in, 0, sizeof in);
		in.ni_text = c[i].text;
		in.ni_len = strlen(c[i].text);
		in.ni_subject = c[i].subj;
		in.ni_has_image = c[i].img;
		assert_int_equal(nef_parse(&in, &n), 0);
		assert_int_equal(n->n_reason, c[i].r);
		if (c[i].r == NEF_R_NONE)
			assert_int_equal(n->n_class, c[i].cls);
		else
			assert_int_equal(n->n_kind, NEF_NOT_NOTICE);
		nef_free(n);
	}
#undef CASE
#undef FULL
}

static void
test_arena(void **state)
{
	struct arena	*a = arena_new();
	char		*p, *big;
	int		*v = NULL;
	size_t		 cap = 0, i;

	(void)state;
	assert_non_null(a);
	p = arena_strndup(a, "hello", 3);
	assert_string_equal(p, "hel");
	assert_null(arena_strdup(a, NULL));
	big = arena_alloc(a, 3 * ARENA_CHUNK);
	assert_non_null(big);
	memset(big, 7, 3 * ARENA_CHUNK);
	assert_string_equal(p, "hel");
	for (i = 0; i < 1000; i++) {
		v = arena_grow(a, v, i, sizeof *v, &cap, i + 1);
		assert_non_null(v);
		v[i] = (int)i;
	}
	for (i = 0; i < 1000; i++)
		assert_int_equal(v[i], (int)i);
	assert_true(arena_used(a) >= 3 * ARENA_CHUNK + 1000 * sizeof *v);
	assert_false(arena_error(a));
	assert_null(arena_alloc(a, SIZE_MAX - 4));
	assert_true(arena_error(a));
	assert_null(arena_alloc(a, 1));		/* sticky */
	assert_null(arena_free(a));
	assert_null(arena_free(NULL));
	assert_true(arena_error(NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_lines),
		cmocka_unit_test(test_plain_links),
		cmocka_unit_test(test_line_cap),
		cmocka_unit_test(test_addrs),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_reject),
		cmocka_unit_test(test_arena),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
