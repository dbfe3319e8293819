/*
 * test_mime: finding and decoding the notice part of a message, on the
 * fixtures of tests/data/nef/ and on generated hostile messages (bombs of
 * nested multiparts, too many parts, a 50 MB body).
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
#include "fixture.h"

static struct mime_notice *
read_ok(const char *name)
{
	size_t		    len;
	char		   *buf = fixture_data(name, &len);
	struct mime_notice *m = NULL;

	assert_int_equal(mime_read(buf, len, 0, &m), MIME_OK);
	free(buf);
	assert_non_null(m);
	assert_non_null(m->mn_text);
	assert_int_equal(strlen(m->mn_text), m->mn_len);
	return m;
}

/* Strict UTF-8 check (no overlongs, no surrogates). */
static int
valid_utf8(const unsigned char *s, size_t n)
{
	size_t	i = 0, k, j;
	unsigned long cp;

	while (i < n) {
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if ((s[i] & 0xe0) == 0xc0)
			k = 1, cp = s[i] & 0x1f;
		else if ((s[i] & 0xf0) == 0xe0)
			k = 2, cp = s[i] & 0x0f;
		else if ((s[i] & 0xf8) == 0xf0)
			k = 3, cp = s[i] & 0x07;
		else
			return 0;
		for (j = 1; j <= k; j++) {
			if (i + j >= n || (s[i + j] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3f);
		}
		if ((k == 1 && cp < 0x80) || (k == 2 && cp < 0x800) ||
		    (k == 3 && cp < 0x10000) || cp > 0x10ffff ||
		    (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += k + 1;
	}
	return 1;
}

static int
setup(void **state)
{
	(void)state;
	mime_init();
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	mime_shutdown();
	return 0;
}

static void
test_simple(void **state)
{
	struct mime_notice *m = read_ok("district.eml");

	(void)state;
	assert_true(m->mn_is_html);
	assert_false(m->mn_bare);
	assert_false(m->mn_nested);
	assert_false(m->mn_has_image);
	assert_string_equal(m->mn_from, "ecf-noreply@cand.uscourts.gov");
	assert_string_equal(m->mn_message_id, "2210455@cand.uscourts.gov");
	assert_string_equal(m->mn_subject, "Activity in Case 4:22-cv-05541-JST "
	    "Acme Widgets, Inc. v. Example Logistics Corp. et al Motion to "
	    "Compel");
	assert_string_equal(m->mn_outer_subject, m->mn_subject);
	assert_non_null(strstr(m->mn_text, "Notice of Electronic Filing"));
	mime_notice_free(m);
	m = read_ok("plain.eml");
	assert_false(m->mn_is_html);
	assert_non_null(strstr(m->mn_text, "Case Name: USA v. EXAMPLE et al"));
	mime_notice_free(m);
}

static void
test_alternative(void **state)
{
	struct mime_notice *m = read_ok("alternative.eml");

	(void)state;
	assert_true(m->mn_is_html);	/* base64 HTML over the plain part */
	assert_null(strstr(m->mn_text, "WRONG PART"));
	assert_non_null(strstr(m->mn_text, "<b>Notice of Electronic Filing</b>"));
	assert_int_equal(m->mn_nparts, 2);
	mime_notice_free(m);
}

static void
test_forwards(void **state)
{
	struct mime_notice *m = read_ok("forward_rfc822.eml");

	(void)state;
	assert_true(m->mn_nested);
	assert_string_equal(m->mn_from, "ecf-noreply@cand.uscourts.gov");
	assert_string_equal(m->mn_outer_from, "praman@lawfirm.example");
	assert_string_equal(m->mn_message_id, "2210455@cand.uscourts.gov");
	assert_true(strncmp(m->mn_outer_subject, "Fwd: ", 5) == 0);
	assert_true(strncmp(m->mn_subject, "Activity in Case", 16) == 0);
	mime_notice_free(m);
	m = read_ok("forward_related.eml");
	assert_true(m->mn_is_html);	/* the part with the marker */
	assert_false(m->mn_nested);
	assert_non_null(strstr(m->mn_text, "Notice of Electronic Filing"));
	assert_string_equal(m->mn_charset, "utf-8");
	mime_notice_free(m);
	m = read_ok("image_part.eml");
	assert_true(m->mn_has_image);
	mime_notice_free(m);
}

static void
test_charsets(void **state)
{
	struct mime_notice *m = read_ok("qp_latin1.eml");

	(void)state;
	assert_non_null(strstr(m->mn_text, "Caf\xc3\xa9 Fran\xc3\xa7" "ais"));
	assert_non_null(strstr(m->mn_subject, "Caf\xc3\xa9 Fran\xc3\xa7" "ais"));
	assert_string_equal(m->mn_charset, "iso-8859-1");
	assert_true(valid_utf8((unsigned char *)m->mn_text, m->mn_len));
	mime_notice_free(m);
	m = read_ok("eightbit_junk.eml");
	assert_true(valid_utf8((unsigned char *)m->mn_text, m->mn_len));
	assert_non_null(strstr(m->mn_text, "Carmen \xe2\x80\x9cRuiz"));
	assert_null(memchr(m->mn_text, '\0', m->mn_len));
	mime_notice_free(m);
}

static void
test_bare(void **state)
{
	struct mime_notice *m = read_ok("bare.html");

	(void)state;
	assert_true(m->mn_bare);
	assert_true(m->mn_is_html);
	assert_null(m->mn_subject);
	mime_notice_free(m);
	assert_int_equal(mime_read("", 0, 0, &m), MIME_OK);
	assert_true(m->mn_bare);
	assert_int_equal(m->mn_len, 0);
	mime_notice_free(m);
	assert_int_equal(mime_read("just words, no header\n", 22, 0, &m),
	    MIME_OK);
	assert_true(m->mn_bare);
	assert_false(m->mn_is_html);
	mime_notice_free(m);
	assert_null(mime_notice_free(NULL));
}

static void
test_damaged(void **state)
{
	static const char *const files[] = { "truncated.eml", "broken_mime.eml",
	    "unclosed_tags.eml" };
	size_t		    i, len;
	char		   *buf;
	struct mime_notice *m;
	int		    rc;

	(void)state;
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		buf = fixture_data(files[i], &len);
		m = NULL;
		rc = mime_read(buf, len, 0, &m);
		print_message("# %s: %s\n", files[i], mime_strerror(rc));
		assert_true(rc == MIME_OK || rc == MIME_ENOTEXT ||
		    rc == MIME_EPARSE);
		assert_true((rc == MIME_OK) == (m != NULL));
		if (m != NULL)
			assert_true(valid_utf8((unsigned char *)m->mn_text,
			    m->mn_len));
		mime_notice_free(m);
		free(buf);
	}
	buf = fixture_data("truncated.eml", &len);
	assert_int_equal(mime_read(buf, len, 0, &m), MIME_OK);
	assert_non_null(strstr(m->mn_text, "Case Number:"));
	mime_notice_free(m);
	free(buf);
}

static void
test_size_limit(void **state)
{
	size_t		    len;
	char		   *buf = fixture_data("district.eml", &len);
	struct mime_notice *m = (void *)1;

	(void)state;
	assert_int_equal(mime_read(buf, len, len - 1, &m), MIME_ETOOBIG);
	assert_null(m);
	assert_int_equal(mime_read(buf, len, len, &m), MIME_OK);
	mime_notice_free(m);
	free(buf);
	assert_string_equal(mime_strerror(MIME_ETOOBIG), "message too large");
	assert_string_equal(mime_strerror(-1), "unknown status");
}

/* multipart inside multipart, depth deep. */
static char *
nested(int depth, size_t *len)
{
	struct strbuf	sb = STRBUF_INIT;
	int		i;

	strbuf_puts(&sb, "From: a@example.com\nSubject: bomb\nMIME-Version: "
	    "1.0\n");
	for (i = 0; i < depth; i++)
		strbuf_printf(&sb, "Content-Type: multipart/mixed; boundary=b%d"
		    "\n\n--b%d\n", i, i);
	strbuf_puts(&sb, "Content-Type: text/plain\n\nNotice of Electronic "
	    "Filing\n");
	for (i = depth - 1; i >= 0; i--)
		strbuf_printf(&sb, "--b%d--\n", i);
	*len = sb.sb_len;
	return strbuf_detach(&sb);
}

static void
test_bombs(void **state)
{
	struct mime_notice *m;
	struct strbuf	    sb = STRBUF_INIT;
	size_t		    len;
	char		   *buf;
	int		    i;

	(void)state;
	buf = nested(5, &len);
	assert_int_equal(mime_read(buf, len, 0, &m), MIME_OK);
	assert_non_null(strstr(m->mn_text, "Notice of Electronic Filing"));
	mime_notice_free(m);
	free(buf);
	buf = nested(MIME_MAX_DEPTH + 3, &len);
	assert_int_equal(mime_read(buf, len, 0, &m), MIME_EBOMB);
	free(buf);
	buf = nested(100000, &len);
	assert_int_equal(mime_read(buf, len, 0, &m), MIME_EBOMB);
	free(buf);
	/* Too many parts side by side. */
	strbuf_puts(&sb, "From: a@example.com\nMIME-Version: 1.0\nContent-Type: "
	    "multipart/mixed; boundary=x\n\n");
	for (i = 0; i < MIME_MAX_PARTS + 10; i++)
		strbuf_printf(&sb, "--x\nContent-Type: text/plain\n\npart %d\n",
		    i);
	strbuf_puts(&sb, "--x--\n");
	assert_int_equal(mime_read(sb.sb_s, sb.sb_len, 0, &m), MIME_EBOMB);
	strbuf_free(&sb);
}

/* A 50 MB body, generated here: read, parsed, capped, never a crash. */
static void
test_huge_body(void **state)
{
	size_t		 hlen, blen, n = 50u << 20, i;
	char		*head = fixture_data("district.eml", &hlen);
	char		*buf;
	struct nef	*nf = NULL;
	int		 ms;

	(void)state;
	buf = malloc(n + 1);
	assert_non_null(buf);
	memcpy(buf, head, hlen);
	blen = hlen;
	for (i = blen; i < n; i++)
		buf[i] = "<p>junk text </p>\n"[i % 18];
	buf[n] = '\0';
	assert_int_equal(parsecmd_parse(buf, n, 0, &nf, &ms), 0);
	assert_int_equal(ms, MIME_OK);
	assert_int_equal(nf->n_kind, NEF_DISTRICT);
	assert_string_equal(nf->n_cases[0].c_number, "4:22-cv-05541");
	assert_true(nf->n_trunc & NEF_TRUNC_INPUT);
	nef_free(nf);
	/* with a size limit: refused with a reason */
	assert_int_equal(parsecmd_parse(buf, n, 32u << 20, &nf, &ms), 0);
	assert_int_equal(ms, MIME_ETOOBIG);
	assert_int_equal(nf->n_kind, NEF_NOT_NOTICE);
	assert_int_equal(nf->n_reason, NEF_R_BAD_MIME);
	nef_free(nf);
	free(buf);
	free(head);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_simple),
		cmocka_unit_test(test_alternative),
		cmocka_unit_test(test_forwards),
		cmocka_unit_test(test_charsets),
		cmocka_unit_test(test_bare),
		cmocka_unit_test(test_damaged),
		cmocka_unit_test(test_size_limit),
		cmocka_unit_test(test_bombs),
		cmocka_unit_test(test_huge_body),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
