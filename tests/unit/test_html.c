/*
 * test_html: the HTML tokenizer (tokens and their source offsets), the
 * entity decoder and the visible-text extractor.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "html.h"
#include "strbuf.h"

/* Render every token as "TYPE name [attr=value...]" lines. */
static char *
tokens(const char *src)
{
	struct html_lexer lx;
	struct html_token t;
	struct strbuf	  sb = STRBUF_INIT;
	static const char *const names[] = { "EOF", "TEXT", "START", "END",
	    "COMMENT", "DOCTYPE", "OTHER" };
	size_t		  i;

	html_lexer_init(&lx, src, strlen(src));
	while (html_next(&lx, &t)) {
		strbuf_printf(&sb, "%s", names[t.t_type]);
		if (t.t_type == HTML_START || t.t_type == HTML_END)
			strbuf_printf(&sb, " %s", t.t_name);
		if (t.t_type == HTML_TEXT || t.t_type == HTML_COMMENT)
			strbuf_printf(&sb, " [%.*s]", (int)t.t_len,
			    src + t.t_off);
		for (i = 0; i < t.t_nattr; i++) {
			const struct html_attr *a = &t.t_attr[i];

			strbuf_printf(&sb, " %.*s", (int)a->a_name_len,
			    src + a->a_name_off);
			if (a->a_has_val && a->a_quote)
				strbuf_printf(&sb, "=%c%.*s%c", a->a_quote,
				    (int)a->a_val_len, src + a->a_val_off,
				    a->a_quote);
			else if (a->a_has_val)
				strbuf_printf(&sb, "=%.*s", (int)a->a_val_len,
				    src + a->a_val_off);
		}
		if (t.t_selfclose)
			strbuf_puts(&sb, " /");
		if (t.t_raw)
			strbuf_puts(&sb, " raw");
		strbuf_putc(&sb, '\n');
	}
	return strbuf_detach(&sb);
}

struct tcase {
	const char	*in, *out;
};

static const struct tcase token_cases[] = {
	{ "<p>Hi</p>", "START p\nTEXT [Hi]\nEND p\n" },
	{ "<A HREF=https://ecf.cand.uscourts.gov/x?a=1&b=2>45</A>",
	  "START a HREF=https://ecf.cand.uscourts.gov/x?a=1&b=2\n"
	  "TEXT [45]\nEND a\n" },
	{ "<a href='x y' title=\"q\" nowrap>", "START a href='x y' title=\"q\" "
	  "nowrap\n" },
	{ "<br/><BR /><img src=x />", "START br /\nSTART br /\n"
	  "START img src=x /\n" },
	{ "<!DOCTYPE HTML PUBLIC \"-//W3C\">x", "DOCTYPE\nTEXT [x]\n" },
	{ "a<!-- c <b> -->b", "TEXT [a]\nCOMMENT [<!-- c <b> -->]\nTEXT [b]\n" },
	{ "a<!-- never closed <b>", "TEXT [a]\nCOMMENT [<!-- never closed "
	  "<b>]\n" },
	{ "1 < 2 and 3<4 </ >x", "TEXT [1 < 2 and 3<4 ]\nOTHER\nTEXT [x]\n" },
	{ "<script>if (a<b) x='</p>';</script>z", "START script\n"
	  "TEXT [if (a<b) x='</p>';] raw\nEND script\nTEXT [z]\n" },
	{ "<a href=\"never closed>text</a>", "START a href=\"never closed\"\n"
	  "TEXT [text]\nEND a\n" },
	{ "<td", "START td\n" },
	{ "<a b=>", "START a b=\n" },
	{ "<TaBlE Border = 0>", "START table Border=0\n" },
	{ "<?xml version=\"1.0\"?><o:p></o:p>", "OTHER\nSTART o:p\nEND o:p\n" },
	{ "<averyveryverylongtagname>", "START \n" },
};

static void
test_tokens(void **state)
{
	size_t	i;
	char	*got;

	(void)state;
	for (i = 0; i < sizeof token_cases / sizeof token_cases[0]; i++) {
		got = tokens(token_cases[i].in);
		print_message("# %s\n", token_cases[i].in);
		assert_non_null(got);
		assert_string_equal(got, token_cases[i].out);
		free(got);
	}
}

/* Offsets point into the source so that values can be replaced. */
static void
test_offsets(void **state)
{
	const char	 *src = "x <A class=c HREF=\"https://e/doc1/1?m=2\">7</A>";
	struct html_lexer lx;
	struct html_token t;
	const struct html_attr *a;

	(void)state;
	html_lexer_init(&lx, src, strlen(src));
	assert_int_equal(html_next(&lx, &t), 1);
	assert_int_equal(t.t_type, HTML_TEXT);
	assert_int_equal(t.t_off, 0);
	assert_int_equal(t.t_len, 2);
	assert_int_equal(html_next(&lx, &t), 1);
	assert_true(html_is(&t, HTML_START, "a"));
	assert_int_equal(t.t_off, 2);
	assert_int_equal(t.t_len, strlen("<A class=c HREF=\"https://e/doc1/"
	    "1?m=2\">"));
	a = html_attr(&lx, &t, "href");
	assert_non_null(a);
	assert_int_equal(a->a_val_off, strlen("x <A class=c HREF=\""));
	assert_memory_equal(src + a->a_val_off, "https://e/doc1/1?m=2",
	    a->a_val_len);
	assert_null(html_attr(&lx, &t, "id"));
	assert_int_equal(html_next(&lx, &t), 1);
	assert_int_equal(t.t_off, strlen(src) - 5);
	assert_int_equal(html_next(&lx, &t), 1);
	assert_true(html_is(&t, HTML_END, "a"));
	assert_int_equal(html_next(&lx, &t), 0);
	assert_int_equal(t.t_type, HTML_EOF);
}

static void
test_many_attrs(void **state)
{
	struct strbuf	  sb = STRBUF_INIT;
	struct html_lexer lx;
	struct html_token t;
	int		  i;

	(void)state;
	strbuf_puts(&sb, "<p");
	for (i = 0; i < HTML_MAX_ATTRS + 10; i++)
		strbuf_printf(&sb, " a%d=%d", i, i);
	strbuf_puts(&sb, ">x");
	html_lexer_init(&lx, sb.sb_s, sb.sb_len);
	assert_int_equal(html_next(&lx, &t), 1);
	assert_int_equal(t.t_nattr, HTML_MAX_ATTRS);
	assert_true(t.t_attr_trunc);
	assert_int_equal(html_next(&lx, &t), 1);
	assert_int_equal(t.t_type, HTML_TEXT);
	strbuf_free(&sb);
}

static const struct tcase decode_cases[] = {
	{ "a &amp; b", "a & b" },
	{ "&lt;EDIT&gt;", "<EDIT>" },
	{ "x&nbsp;y&nbsp&nbsp z", "x\xc2\xa0y\xc2\xa0\xc2\xa0 z" },
	{ "&#39;&#x41;&#X42;&#67", "'ABC" },
	{ "&#146;&#150;", "\xe2\x80\x99\xe2\x80\x93" },
	{ "&#0;&#xD800;&#99999999;", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" },
	{ "&rsquo;&hellip;&eacute;", "\xe2\x80\x99\xe2\x80\xa6\xc3\xa9" },
	{ "&unknown; & &; &#; &#x;", "&unknown; & &; &#; &#x;" },
	{ "&ampx", "&x" },
};

static void
test_decode(void **state)
{
	struct strbuf	sb = STRBUF_INIT;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof decode_cases / sizeof decode_cases[0]; i++) {
		strbuf_reset(&sb);
		htmlent_decode(decode_cases[i].in, strlen(decode_cases[i].in), 0,
		    &sb);
		assert_string_equal(strbuf_str(&sb), decode_cases[i].out);
	}
	/* Attribute mode: a legacy entity followed by '=' or alnum stays. */
	strbuf_reset(&sb);
	htmlent_decode("?a=1&copy=2&amp;b=3&not=4&lt", 28, 1, &sb);
	assert_string_equal(strbuf_str(&sb), "?a=1&copy=2&b=3&not=4<");
	strbuf_free(&sb);
}

static void
test_text(void **state)
{
	const char *src = "<p>Case  Name:</p>\n<table><tr><td><b>Case"
	    "\nName:</b></td><td>Acme &amp; Co.</td></tr><tr><td>X</td></tr>"
	    "</table>Line&nbsp;&nbsp;one<BR>two<br><br>three<script>no</script>"
	    "<a href=\"https://h/x?a=1&amp;b=2\">link  text</a> <a name=R0>"
	    "anchor</a><!-- hidden --><title>t</title>";
	struct html_text t;

	(void)state;
	assert_int_equal(html_text(src, strlen(src), 0, 0, &t), 0);
	assert_string_equal(strbuf_str(&t.ht_text), "Case Name:\nCase Name: "
	    "Acme & Co.\nX\nLine one\ntwo\nthreelink text anchor");
	assert_int_equal(t.ht_nlinks, 2);
	assert_true(t.ht_links[0].k_has_href);
	assert_memory_equal(src + t.ht_links[0].k_href_off,
	    "https://h/x?a=1&amp;b=2", t.ht_links[0].k_href_len);
	assert_memory_equal(t.ht_text.sb_s + t.ht_links[0].k_text_start,
	    "link text", t.ht_links[0].k_text_end -
	    t.ht_links[0].k_text_start);
	assert_false(t.ht_links[1].k_has_href);
	assert_memory_equal(t.ht_text.sb_s + t.ht_links[1].k_text_start,
	    "anchor", 6);
	/* One source offset per line, in order. */
	assert_int_equal(t.ht_nlines, 6);
	assert_int_equal(t.ht_line_src[0], 3);
	assert_memory_equal(src + t.ht_line_src[2], "X", 1);
	html_text_free(&t);
}

static void
test_text_plain(void **state)
{
	const char	*src = "Docket Text:\n  Joint  STATUS REPORT <i></i>  by"
	    " USA\n\n\nnext &amp; ?a=1&copy=2";
	struct html_text t;

	(void)state;
	assert_int_equal(html_text(src, strlen(src), HTML_TEXT_PLAIN, 0, &t),
	    0);
	assert_string_equal(strbuf_str(&t.ht_text), "Docket Text:\nJoint "
	    "STATUS REPORT by USA\nnext & ?a=1&copy=2");
	assert_int_equal(t.ht_nlines, 3);
	assert_int_equal(t.ht_line_src[1], 15);
	html_text_free(&t);
}

/* Links and addresses a mail program set off by angle brackets are text
 * in a plain-text body; an address link's "<mailto:...>" is dropped. */
static void
test_text_plain_brackets(void **state)
{
	const char	*src = "Case Number: 1:24-cv-1 <https://ecf.x.gov/a?b=1>"
	    "\nJo Doe jo@x.example <mailto:jo@x.example>, <b@x.example>\n"
	    "<b>bold</b>";
	struct html_text t;

	(void)state;
	assert_int_equal(html_text(src, strlen(src), HTML_TEXT_PLAIN, 0, &t),
	    0);
	assert_string_equal(strbuf_str(&t.ht_text), "Case Number: 1:24-cv-1 "
	    "<https://ecf.x.gov/a?b=1>\nJo Doe jo@x.example , <b@x.example>\n"
	    "bold");
	html_text_free(&t);
	/* in HTML they stay (unknown) markup */
	assert_int_equal(html_text(src, strlen(src), 0, 0, &t), 0);
	assert_null(strstr(strbuf_str(&t.ht_text), "https"));
	html_text_free(&t);
}

/* In plain text, angle brackets around words that name no HTML element
 * (a clerk's note in the docket text) are text; elements stay markup. */
static void
test_text_plain_notes(void **state)
{
	const char	*src = "LETTER, on behalf of Appellant, <EDIT by "
	    "Clerk's Office> RECEIVED.\n<I>Service</I> </Edit> <Note: 2>"
	    "<br>x";
	struct html_text t;

	(void)state;
	assert_int_equal(html_text(src, strlen(src), HTML_TEXT_PLAIN, 0, &t),
	    0);
	assert_string_equal(strbuf_str(&t.ht_text), "LETTER, on behalf of "
	    "Appellant, <EDIT by Clerk's Office> RECEIVED.\nService </Edit> "
	    "<Note: 2>\nx");
	html_text_free(&t);
	/* in HTML they stay (unknown) markup */
	assert_int_equal(html_text(src, strlen(src), 0, 0, &t), 0);
	assert_string_equal(strbuf_str(&t.ht_text), "LETTER, on behalf of "
	    "Appellant, RECEIVED. Service\nx");
	html_text_free(&t);
}

static void
test_text_cap(void **state)
{
	char		*src = malloc(100000);
	struct html_text t;

	(void)state;
	assert_non_null(src);
	memset(src, 'a', 100000);
	assert_int_equal(html_text(src, 100000, 0, 1000, &t), 0);
	assert_true(t.ht_trunc);
	assert_true(t.ht_text.sb_len < 1000);
	html_text_free(&t);
	free(src);
}

/*
 * Hostile input: every construct left open, repeated.  The scan must end
 * (linear time: failed searches are remembered) and yield tokens.
 */
static void
test_hostile(void **state)
{
	static const char *const pieces[] = { "<a href=\"", "<b x='", "<!--",
	    "<!x", "</y", "<z ", "&#x", "&nbsp", "<script>", "\0\xff<" };
	size_t		 n = 4 << 20, i, k, len, ntok = 0;
	char		*src = malloc(n);
	struct html_lexer lx;
	struct html_token t;
	struct html_text  ht;

	(void)state;
	assert_non_null(src);
	for (i = 0, k = 0; i < n; k++) {
		const char *p = pieces[k % 10];

		len = k % 10 == 9 ? 3 : strlen(p);
		if (i + len > n)
			break;
		memcpy(src + i, p, len);
		i += len;
	}
	html_lexer_init(&lx, src, i);
	while (html_next(&lx, &t))
		ntok++;
	assert_true(ntok > 0);
	assert_int_equal(html_text(src, i, 0, 0, &ht), 0);
	html_text_free(&ht);
	free(src);
}

static void
test_null_empty(void **state)
{
	struct html_lexer lx;
	struct html_token t;
	struct html_text  ht;

	(void)state;
	html_lexer_init(&lx, NULL, 5);
	assert_int_equal(html_next(&lx, &t), 0);
	assert_int_equal(html_text("", 0, 0, 0, &ht), 0);
	assert_string_equal(strbuf_str(&ht.ht_text), "");
	html_text_free(&ht);
	html_text_free(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_many_attrs),
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_text_plain),
		cmocka_unit_test(test_text_plain_brackets),
		cmocka_unit_test(test_text_plain_notes),
		cmocka_unit_test(test_text_cap),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_null_empty),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
