/*
 * Unit tests of milter/rewrite.c: the rewritten body parses back as
 * multipart/mixed, the notice part keeps its content with the summary on
 * top and the chosen links removed, and each PDF part decodes to the
 * bytes of its file.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linkstrip.h"
#include "rewrite.h"
#include "strbuf.h"

static int
sink(void *arg, const char *buf, size_t len)
{
	assert_true(len <= REWRITE_CHUNK);
	return strbuf_append(arg, buf, len);
}

static int
strip_doc1(const char *url, void *arg)
{
	(void)arg;
	return strstr(url, "/doc1/") != NULL;
}

static int
tmpdoc(const unsigned char *p, size_t n)
{
	char	path[] = "/tmp/test_rewrite.XXXXXX";
	int	fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, p, n), (ssize_t)n);
	return fd;
}

/* Parse out as a message with the given top-level Content-Type. */
static GMimeMessage *
reparse(const char *ctype, const struct strbuf *body)
{
	struct strbuf	 m = STRBUF_INIT;
	GMimeStream	*st;
	GMimeParser	*ps;
	GMimeMessage	*msg;

	strbuf_printf(&m, "From: a@b\nSubject: t\nMIME-Version: 1.0\n"
	    "Content-Type: %s\n\n", ctype);
	strbuf_append(&m, body->sb_s, body->sb_len);
	st = g_mime_stream_mem_new_with_buffer(m.sb_s, m.sb_len);
	ps = g_mime_parser_new_with_stream(st);
	msg = g_mime_parser_construct_message(ps, NULL);
	g_object_unref(ps);
	g_object_unref(st);
	strbuf_free(&m);
	assert_non_null(msg);
	return msg;
}

static GByteArray *
part_bytes(GMimeObject *o)
{
	GMimeDataWrapper *w = g_mime_part_get_content(GMIME_PART(o));
	GMimeStream	*mem = g_mime_stream_mem_new();

	g_mime_data_wrapper_write_to_stream(w, mem);
	GByteArray *ba = g_byte_array_new();
	g_byte_array_append(ba, g_mime_stream_mem_get_byte_array(
	    GMIME_STREAM_MEM(mem))->data,
	    g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem))->len);
	g_object_unref(mem);
	return ba;
}

static const char html_notice[] =
    "From: ecf@cand.uscourts.gov\r\nSubject: Activity in Case\r\n"
    "Content-Type: text/html; charset=iso-8859-1\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    "<html><body><p>Caf=E9 v. Doe</p>\r\n"
    "<a href=3D\"https://ecf.cand.uscourts.gov/doc1/035123456789?caseid=3D1&amp;magic_num=3D9\">45</a>\r\n"
    "<a href=3D\"https://ecf.cand.uscourts.gov/cgi-bin/DktRpt.pl?1\">docket</a>\r\n"
    "</body></html>\r\n";

static void
test_html_notice_with_pdf(void **state)
{
	static const unsigned char pdf[] = "%PDF-1.4\n\x00\x01\x02 binary \xff\n%%EOF\n";
	struct linkstrip	ls = { strip_doc1, NULL, "[link removed: login]" };
	struct rewrite_doc	d;
	struct rewrite_req	r;
	struct rewrite_res	res;
	struct strbuf		out = STRBUF_INIT;
	char			err[128];
	GMimeMessage		*msg;
	GMimeObject		*top, *p0, *p1;
	char			*html;
	GByteArray		*ba;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&d, 0, sizeof(d));
	d.rd_fd = tmpdoc(pdf, sizeof(pdf) - 1);
	d.rd_size = sizeof(pdf) - 1;
	d.rd_filename = "2024-01-02_cand_4-22-cv-05541_ECF45_Order.pdf";
	d.rd_description = "cand 4:22-cv-05541 entry 45: Order";
	r.rr_msg = html_notice;
	r.rr_len = strlen(html_notice);
	r.rr_sum_html = "<div>SUMMARY-HTML</div>";
	r.rr_sum_text = "SUMMARY-TEXT\n";
	r.rr_strip = &ls;
	r.rr_docs = &d;
	r.rr_ndocs = 1;
	r.rr_boundary = "BOUNDARY-X";
	assert_int_equal(rewrite_body(&r, sink, &out, &res, err, sizeof(err)), 0);
	assert_string_equal(res.rs_ctype, "multipart/mixed; boundary=\"BOUNDARY-X\"");
	assert_int_equal(res.rs_stripped, 1);
	assert_int_equal(res.rs_bytes, out.sb_len);

	msg = reparse(res.rs_ctype, &out);
	top = g_mime_message_get_mime_part(msg);
	assert_true(GMIME_IS_MULTIPART(top));
	assert_int_equal(g_mime_multipart_get_count(GMIME_MULTIPART(top)), 2);
	p0 = g_mime_multipart_get_part(GMIME_MULTIPART(top), 0);
	p1 = g_mime_multipart_get_part(GMIME_MULTIPART(top), 1);
	assert_true(g_mime_content_type_is_type(g_mime_object_get_content_type(p0), "text", "html"));
	html = g_mime_text_part_get_text(GMIME_TEXT_PART(p0));
	/* Summary right after <body>, text kept (charset converted). */
	assert_non_null(strstr(html, "<body><div>SUMMARY-HTML</div><p>Caf\xc3\xa9 v. Doe</p>"));
	assert_null(strstr(html, "/doc1/"));
	assert_non_null(strstr(html, "45 <i>[link removed: login]</i>"));
	assert_non_null(strstr(html, "DktRpt.pl?1"));	/* other links stay */
	g_free(html);
	assert_true(g_mime_content_type_is_type(g_mime_object_get_content_type(p1), "application", "pdf"));
	assert_string_equal(g_mime_part_get_filename(GMIME_PART(p1)), d.rd_filename);
	assert_string_equal(g_mime_object_get_header(p1, "Content-Description"), d.rd_description);
	ba = part_bytes(p1);
	assert_int_equal(ba->len, sizeof(pdf) - 1);
	assert_memory_equal(ba->data, pdf, sizeof(pdf) - 1);
	g_byte_array_free(ba, TRUE);
	g_object_unref(msg);
	close(d.rd_fd);
	strbuf_free(&out);
}

static void
test_alternative_and_utf8_name(void **state)
{
	static const char alt[] =
	    "Content-Type: multipart/alternative; boundary=\"ab\"\r\n\r\n"
	    "--ab\r\nContent-Type: text/plain\r\n\r\nSee https://ecf.nysd.uscourts.gov/doc1/127012345678?magic_num=1 now.\r\n"
	    "--ab\r\nContent-Type: text/html\r\n\r\n<p>html <a href=https://ecf.nysd.uscourts.gov/doc1/127012345678>1</a></p>\r\n"
	    "--ab--\r\n";
	unsigned char		big[200000];
	struct linkstrip	ls = { strip_doc1, NULL, "[removed]" };
	struct rewrite_doc	d;
	struct rewrite_req	r;
	struct rewrite_res	res;
	struct strbuf		out = STRBUF_INIT;
	char			err[128], *t;
	GMimeMessage		*msg;
	GMimeObject		*top, *p0, *p1;
	GByteArray		*ba;
	size_t			i;

	(void)state;
	for (i = 0; i < sizeof(big); i++)
		big[i] = (unsigned char)(i * 31 + 7);
	memcpy(big, "%PDF-", 5);
	memset(&r, 0, sizeof(r));
	memset(&d, 0, sizeof(d));
	d.rd_fd = tmpdoc(big, sizeof(big));
	d.rd_size = sizeof(big);
	d.rd_filename = "2024-01-02_nysd_Pe\xc3\xb1" "a_Exhibit.pdf";
	d.rd_description = "Pe\xc3\xb1" "a exhibit";
	r.rr_msg = alt;
	r.rr_len = strlen(alt);
	r.rr_sum_html = "<div>SUM</div>";
	r.rr_sum_text = "SUM\n";
	r.rr_strip = &ls;
	r.rr_docs = &d;
	r.rr_ndocs = 1;
	assert_int_equal(rewrite_body(&r, sink, &out, &res, err, sizeof(err)), 0);
	assert_int_equal(res.rs_stripped, 2);
	assert_int_equal(res.rs_textparts, 2);
	assert_non_null(strstr(out.sb_s, "filename*=utf-8''2024-01-02_nysd_Pe%C3%B1a_Exhibit.pdf"));
	msg = reparse(res.rs_ctype, &out);
	top = g_mime_message_get_mime_part(msg);
	p0 = g_mime_multipart_get_part(GMIME_MULTIPART(top), 0);
	assert_true(GMIME_IS_MULTIPART(p0));	/* the alternative is kept whole */
	t = g_mime_text_part_get_text(GMIME_TEXT_PART(g_mime_multipart_get_part(GMIME_MULTIPART(p0), 0)));
	assert_true(strncmp(t, "SUM\nSee [removed] now.", 22) == 0);
	g_free(t);
	t = g_mime_text_part_get_text(GMIME_TEXT_PART(g_mime_multipart_get_part(GMIME_MULTIPART(p0), 1)));
	assert_non_null(strstr(t, "<div>SUM</div><p>html 1 <i>[removed]</i></p>"));
	g_free(t);
	p1 = g_mime_multipart_get_part(GMIME_MULTIPART(top), 1);
	assert_string_equal(g_mime_part_get_filename(GMIME_PART(p1)), d.rd_filename);
	ba = part_bytes(p1);
	assert_int_equal(ba->len, sizeof(big));
	assert_memory_equal(ba->data, big, sizeof(big));
	g_byte_array_free(ba, TRUE);
	g_object_unref(msg);
	close(d.rd_fd);
	strbuf_free(&out);
}

/* A rewritten text part keeps the sender's plain Content-Type parameters
 * (format=flowed) and drops the charset it replaces and odd ones. */
static void
test_text_params_kept(void **state)
{
	static const char flowed[] =
	    "Content-Type: text/plain; charset=us-ascii; format=flowed;\r\n"
	    " delsp=yes; x-odd*=utf-8''Caf%C3%A9\r\n\r\n"
	    "See https://ecf.nysd.uscourts.gov/doc1/127012345678 now.\r\n";
	struct linkstrip	ls = { strip_doc1, NULL, "[removed]" };
	struct rewrite_req	r;
	struct rewrite_res	res;
	struct strbuf		out = STRBUF_INIT;
	char			err[128], *t;
	GMimeMessage		*msg;
	GMimeObject		*top, *p0;
	GMimeContentType	*ct;

	(void)state;
	memset(&r, 0, sizeof(r));
	r.rr_msg = flowed;
	r.rr_len = strlen(flowed);
	r.rr_strip = &ls;
	assert_int_equal(rewrite_body(&r, sink, &out, &res, err, sizeof(err)), 0);
	assert_int_equal(res.rs_stripped, 1);
	msg = reparse(res.rs_ctype, &out);
	top = g_mime_message_get_mime_part(msg);
	p0 = GMIME_IS_MULTIPART(top) ?
	    g_mime_multipart_get_part(GMIME_MULTIPART(top), 0) : top;
	ct = g_mime_object_get_content_type(p0);
	assert_true(g_mime_content_type_is_type(ct, "text", "plain"));
	assert_string_equal(g_mime_content_type_get_parameter(ct, "format"),
	    "flowed");
	assert_string_equal(g_mime_content_type_get_parameter(ct, "delsp"),
	    "yes");
	assert_null(g_mime_content_type_get_parameter(ct, "x-odd"));
	assert_non_null(g_mime_content_type_get_parameter(ct, "charset"));
	t = g_mime_text_part_get_text(GMIME_TEXT_PART(p0));
	assert_non_null(strstr(t, "See [removed] now."));
	g_free(t);
	g_object_unref(msg);
	strbuf_free(&out);
}

static void
test_short_document_fails(void **state)
{
	struct rewrite_doc	d;
	struct rewrite_req	r;
	struct rewrite_res	res;
	struct strbuf		out = STRBUF_INIT;
	char			err[128];

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&d, 0, sizeof(d));
	d.rd_fd = tmpdoc((const unsigned char *)"%PDF-1.4", 8);
	d.rd_size = 9000;	/* the store said more: truncated file */
	d.rd_filename = "x.pdf";
	d.rd_description = NULL;
	r.rr_msg = html_notice;
	r.rr_len = strlen(html_notice);
	r.rr_docs = &d;
	r.rr_ndocs = 1;
	assert_int_equal(rewrite_body(&r, sink, &out, &res, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot read document 1"));
	close(d.rd_fd);
	strbuf_free(&out);
}

/* A calendar part: its own Content-Type; a forward of a processed notice
 * loses the calendar and PDF parts it carried when rr_drop_pdfs asks. */
static void
test_calendar_part_and_drop(void **state)
{
	static const char fwd[] =
	    "From: a@lawfirm.example\nSubject: Fwd\nMIME-Version: 1.0\n"
	    "Content-Type: multipart/mixed; boundary=\"B\"\n\n--B\n"
	    "Content-Type: text/plain\n\nnotice text\n--B\n"
	    "Content-Type: text/calendar; method=PUBLISH; charset=utf-8\n"
	    "Content-Disposition: attachment; filename=\"old_events.ics\"\n\n"
	    "BEGIN:VCALENDAR\nEND:VCALENDAR\n--B\n"
	    "Content-Type: application/pdf\n\n%PDF-1.4\n--B--\n";
	static const unsigned char ics[] = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
	struct rewrite_doc	d;
	struct rewrite_req	r;
	struct rewrite_res	res;
	struct strbuf		out = STRBUF_INIT;
	GMimeMessage		*msg;
	GMimeMultipart		*mp;
	GMimeObject		*p1;
	GMimeContentType	*ct;
	GByteArray		*ba;
	char			 err[128];

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&d, 0, sizeof(d));
	d.rd_fd = tmpdoc(ics, sizeof(ics) - 1);
	d.rd_size = sizeof(ics) - 1;
	d.rd_filename = "x_events.ics";
	d.rd_ctype = "text/calendar; method=PUBLISH; charset=utf-8";
	r.rr_msg = fwd;
	r.rr_len = strlen(fwd);
	r.rr_docs = &d;
	r.rr_ndocs = 1;
	r.rr_drop_pdfs = 1;
	r.rr_boundary = "=_t";
	assert_int_equal(rewrite_body(&r, sink, &out, &res, err, sizeof(err)), 0);
	assert_int_equal(res.rs_dropped, 2);
	assert_null(strstr(strbuf_str(&out), "old_events.ics"));
	assert_null(strstr(strbuf_str(&out), "application/pdf"));
	msg = reparse(res.rs_ctype, &out);
	mp = GMIME_MULTIPART(g_mime_message_get_mime_part(msg));
	assert_int_equal(g_mime_multipart_get_count(mp), 2);
	p1 = g_mime_multipart_get_part(mp, 1);
	ct = g_mime_object_get_content_type(p1);
	assert_true(g_mime_content_type_is_type(ct, "text", "calendar"));
	assert_string_equal(g_mime_content_type_get_parameter(ct, "method"),
	    "PUBLISH");
	assert_string_equal(g_mime_part_get_filename(GMIME_PART(p1)),
	    "x_events.ics");
	ba = part_bytes(p1);
	assert_int_equal(ba->len, sizeof(ics) - 1);
	assert_memory_equal(ba->data, ics, ba->len);
	g_byte_array_free(ba, TRUE);
	g_object_unref(msg);
	close(d.rd_fd);
	strbuf_free(&out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_html_notice_with_pdf),
		cmocka_unit_test(test_alternative_and_utf8_name),
		cmocka_unit_test(test_text_params_kept),
		cmocka_unit_test(test_short_document_fails),
		cmocka_unit_test(test_calendar_part_and_drop),
	};

	g_mime_init();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
