/* Unit tests for policy/url: parsing, normalization, allow-list, links. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "url.h"

static const char *const HOSTS[] = {
	"ecf.*.uscourts.gov", "ca*-showdoc.azurewebsites.us",
	"ca*-showdocservices.azurewebsites.us",
};
#define NHOSTS	(sizeof(HOSTS) / sizeof(HOSTS[0]))

struct pcase {
	const char	*in;
	int		 rc;
	const char	*out;	/* url_format() when rc == URL_OK */
};

static const struct pcase parse_cases[] = {
	{ "https://ecf.cand.uscourts.gov/doc1/035122812318", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/035122812318" },
	{ "HTTPS://ECF.CAND.USCOURTS.GOV./doc1/1?a=b#frag", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/1?a=b" },
	{ "https://ecf.cand.uscourts.gov:443/doc1/1", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/1" },
	{ "https://ecf.cand.uscourts.gov:/x", URL_OK,
	  "https://ecf.cand.uscourts.gov/x" },
	{ "  https://ecf.cand.uscourts.gov  ", URL_OK,
	  "https://ecf.cand.uscourts.gov/" },
	{ "https://ecf.cand.uscourts.gov/%64oc1/%7e%2f%2a?x=%41%2b", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/~%2F%2A?x=A%2B" },
	{ "https://ecf.cand.uscourts.gov/a/b/../../doc1/./5", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/5" },
	{ "https://ecf.cand.uscourts.gov/../../doc1/5", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/5" },
	{ "https://ecf.cand.uscourts.gov/%2e%2e/doc1/5", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/5" },
	{ "http://ecf.cand.uscourts.gov/doc1/1", URL_ESCHEME, NULL },
	{ "ftp://ecf.cand.uscourts.gov/doc1/1", URL_ESCHEME, NULL },
	{ "file:///etc/passwd", URL_ESCHEME, NULL },
	{ "https:/ecf.cand.uscourts.gov/doc1/1", URL_ESYNTAX, NULL },
	{ "/doc1/1", URL_ESYNTAX, NULL },
	{ "https://user:pw@ecf.cand.uscourts.gov/doc1/1", URL_EUSERINFO, NULL },
	{ "https://ecf.cand.uscourts.gov@evil.example/doc1/1", URL_EUSERINFO, NULL },
	{ "https://ecf.cand.uscourts.gov:8443/doc1/1", URL_EPORT, NULL },
	{ "https://ecf.cand.uscourts.gov:0443/doc1/1", URL_EPORT, NULL },
	{ "https://ecf.cand.uscourts.gov:x/doc1/1", URL_EPORT, NULL },
	{ "https://127.0.0.1/doc1/1", URL_EIPLITERAL, NULL },
	{ "https://2130706433/doc1/1", URL_EIPLITERAL, NULL },
	{ "https://0177.0.0.1/doc1/1", URL_EIPLITERAL, NULL },
	{ "https://0x7f000001/doc1/1", URL_EIPLITERAL, NULL },
	{ "https://0x7f.1/doc1/1", URL_EIPLITERAL, NULL },
	{ "https://10.1.2.3./doc1/1", URL_EIPLITERAL, NULL },
	{ "https://[::1]/doc1/1", URL_EIPLITERAL, NULL },
	{ "https://[::ffff:127.0.0.1]:443/doc1/1", URL_EIPLITERAL, NULL },
	{ "https://::1/doc1/1", URL_EIPLITERAL, NULL },
	{ "https://ecf%2ecand.uscourts.gov/doc1/1", URL_ESYNTAX, NULL },
	{ "https://ecf..uscourts.gov/doc1/1", URL_ESYNTAX, NULL },
	{ "https://ecf_cand.uscourts.gov/doc1/1", URL_ESYNTAX, NULL },
	{ "https:///doc1/1", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov/doc1/1 x", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov/doc1\\1", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov/doc1/%00", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov/doc1/%4", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov/doc1/%zz", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov/doc1/\xc3\xa9", URL_ESYNTAX, NULL },
	/* dot segments at the end of the path */
	{ "https://ecf.cand.uscourts.gov/doc1/.", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/" },
	{ "https://ecf.cand.uscourts.gov/a/b/..", URL_OK,
	  "https://ecf.cand.uscourts.gov/a/" },
	{ "https://ecf.cand.uscourts.gov/..", URL_OK,
	  "https://ecf.cand.uscourts.gov/" },
	{ "https://ecf.cand.uscourts.gov/./doc1/./../doc1/5?q=/../x", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/5?q=/../x" },
	/* the query is normalized and checked like the path */
	{ "https://ecf.cand.uscourts.gov/doc1/1?x=%2f%7E%41&y=%3d", URL_OK,
	  "https://ecf.cand.uscourts.gov/doc1/1?x=%2F~A&y=%3D" },
	{ "https://ecf.cand.uscourts.gov/doc1/1?x=%zz", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov/doc1/1?x=a b", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov/doc1/1?x=<script>", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov/doc1/1?x=%00", URL_ESYNTAX, NULL },
	/* only one trailing dot is dropped from the host */
	{ "https://ecf.cand.uscourts.gov../doc1/1", URL_ESYNTAX, NULL },
	{ "https://.ecf.cand.uscourts.gov/doc1/1", URL_ESYNTAX, NULL },
	{ "https://ecf.cand.uscourts.gov#x", URL_OK,
	  "https://ecf.cand.uscourts.gov/" },
	{ "https://ecf.cand.uscourts.gov?caseid=1", URL_OK,
	  "https://ecf.cand.uscourts.gov/?caseid=1" },
};

static void
test_parse_table(void **state)
{
	char buf[URL_MAX + 300];
	struct url u;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(parse_cases) / sizeof(parse_cases[0]); i++) {
		const struct pcase *c = &parse_cases[i];
		int rc = url_parse(c->in, strlen(c->in), &u);

		if (rc != c->rc)
			fail_msg("%s: got %s, want %s", c->in, url_strerror(rc),
			    url_strerror(c->rc));
		if (rc == URL_OK) {
			assert_int_equal(url_format(&u, buf, sizeof(buf)), URL_OK);
			assert_string_equal(buf, c->out);
		}
	}
}

static void
test_too_long(void **state)
{
	char *s = malloc(URL_MAX + 100);
	struct url u;

	(void)state;
	snprintf(s, URL_MAX + 100, "https://ecf.cand.uscourts.gov/");
	memset(s + strlen(s), 'a', URL_MAX);
	s[URL_MAX + 1] = '\0';
	assert_int_equal(url_parse(s, strlen(s), &u), URL_ETOOLONG);
	/* a 64-character label */
	snprintf(s, URL_MAX + 100, "https://ecf.");
	memset(s + 12, 'b', 64);
	snprintf(s + 76, URL_MAX + 24, ".uscourts.gov/");
	assert_int_equal(url_parse(s, strlen(s), &u), URL_ETOOLONG);
	free(s);
}

/* A host name of more than URL_HOST_MAX bytes, every label short enough. */
static void
test_long_host(void **state)
{
	char s[URL_HOST_MAX + 100], buf[URL_HOST_MAX + 100];
	struct url u;
	size_t n = 0, i;

	(void)state;
	memcpy(s, "https://", 8);
	n = 8;
	for (i = 0; i < 4; i++) {	/* 4 * 61 + 12 = 256 bytes */
		memset(s + n, 'a' + (int)i, 60);
		n += 60;
		s[n++] = '.';
	}
	memcpy(s + n, "uscourts.gov/doc1/1", 19);
	n += 19;
	assert_int_equal(url_parse(s, n, &u), URL_ETOOLONG);
	/* three bytes fewer: 253 bytes is a host name */
	memmove(s + 8, s + 11, n - 11);
	n -= 3;
	assert_int_equal(url_parse(s, n, &u), URL_OK);
	assert_int_equal(strlen(u.u_host), URL_HOST_MAX);
	assert_int_equal(url_format(&u, buf, sizeof(buf)), URL_OK);
	assert_int_equal(strlen(buf), n);
	assert_memory_equal(buf, s, n);
}

static void
test_format(void **state)
{
	static const char in[] = "https://ecf.cand.uscourts.gov/doc1/1?a=b";
	char buf[64];
	struct url u;

	(void)state;
	assert_int_equal(url_parse(in, strlen(in), &u), URL_OK);
	/* exactly the room it needs, then one byte less */
	assert_int_equal(url_format(&u, buf, sizeof(in)), URL_OK);
	assert_string_equal(buf, in);
	assert_int_equal(url_format(&u, buf, sizeof(in) - 1), URL_ETOOLONG);
	assert_int_equal(url_format(&u, buf, 0), URL_ETOOLONG);
}

struct rcase {
	const char	*base, *ref, *out;
	int		 rc;
};

static const struct rcase resolve_cases[] = {
	{ "https://ecf.cand.uscourts.gov/doc1/123",
	  "/cgi-bin/show_temp.pl?file=x.pdf&type=application/pdf",
	  "https://ecf.cand.uscourts.gov/cgi-bin/show_temp.pl?file=x.pdf&type=application/pdf",
	  URL_OK },
	{ "https://ecf.cand.uscourts.gov/cgi-bin/a.pl?x", "show_temp.pl?f=1",
	  "https://ecf.cand.uscourts.gov/cgi-bin/show_temp.pl?f=1", URL_OK },
	{ "https://ecf.cand.uscourts.gov/cgi-bin/a.pl?x", "../doc1/5",
	  "https://ecf.cand.uscourts.gov/doc1/5", URL_OK },
	{ "https://ecf.cand.uscourts.gov/doc1/5?a=1", "?b=2",
	  "https://ecf.cand.uscourts.gov/doc1/5?b=2", URL_OK },
	{ "https://ecf.cand.uscourts.gov/doc1/5?a=1", "",
	  "https://ecf.cand.uscourts.gov/doc1/5?a=1", URL_OK },
	{ "https://ecf.cand.uscourts.gov/doc1/5", "//ecf.nysd.uscourts.gov/doc1/6",
	  "https://ecf.nysd.uscourts.gov/doc1/6", URL_OK },
	{ "https://ecf.cand.uscourts.gov/doc1/5", "https://EVIL.example/x",
	  "https://evil.example/x", URL_OK },
	{ "https://ecf.cand.uscourts.gov/doc1/5", "http://ecf.cand.uscourts.gov/x",
	  NULL, URL_ESCHEME },
	{ "https://ecf.cand.uscourts.gov/doc1/5", "javascript:alert(1)",
	  NULL, URL_ESCHEME },
	{ "https://ecf.cand.uscourts.gov/doc1/5", "//127.0.0.1/doc1/5",
	  NULL, URL_EIPLITERAL },
	/* blanks around a reference are not part of it */
	{ "https://ecf.cand.uscourts.gov/doc1/5", "  /cgi-bin/show_temp.pl?f=1\n",
	  "https://ecf.cand.uscourts.gov/cgi-bin/show_temp.pl?f=1", URL_OK },
	{ "https://ecf.cand.uscourts.gov/doc1/5?a=1", " \t ",
	  "https://ecf.cand.uscourts.gov/doc1/5?a=1", URL_OK },
	{ "https://ecf.cand.uscourts.gov/doc1/5?a=1", "#top",
	  "https://ecf.cand.uscourts.gov/doc1/5?a=1", URL_OK },
	{ "https://ecf.cand.uscourts.gov/doc1/5", "/doc1/6#page=2",
	  "https://ecf.cand.uscourts.gov/doc1/6", URL_OK },
	{ "https://ecf.cand.uscourts.gov/doc1/5", "/doc1/6 7", NULL,
	  URL_ESYNTAX },
};

static void
test_resolve(void **state)
{
	char buf[URL_MAX + 300];
	struct url base, u;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(resolve_cases) / sizeof(resolve_cases[0]); i++) {
		const struct rcase *c = &resolve_cases[i];
		int rc;

		assert_int_equal(url_parse(c->base, strlen(c->base), &base), URL_OK);
		rc = url_resolve(&base, c->ref, strlen(c->ref), &u);
		if (rc != c->rc)
			fail_msg("%s + %s: got %s", c->base, c->ref, url_strerror(rc));
		if (rc == URL_OK) {
			url_format(&u, buf, sizeof(buf));
			assert_string_equal(buf, c->out);
		}
	}
}

static void
test_host_match(void **state)
{
	(void)state;
	assert_true(url_host_match("ecf.*.uscourts.gov", "ecf.cand.uscourts.gov"));
	assert_true(url_host_match("ECF.*.uscourts.gov", "ecf.ca9.uscourts.gov"));
	assert_false(url_host_match("ecf.*.uscourts.gov", "ecf.a.b.uscourts.gov"));
	assert_false(url_host_match("ecf.*.uscourts.gov", "ecf..uscourts.gov"));
	assert_false(url_host_match("ecf.*.uscourts.gov", "ecf.cand.uscourts.gov.evil.example"));
	assert_false(url_host_match("ecf.*.uscourts.gov", "xecf.cand.uscourts.gov"));
	assert_false(url_host_match("ecf.*.uscourts.gov", "pacer.login.uscourts.gov"));
	assert_true(url_host_match("ca*-showdoc.azurewebsites.us", "ca9-showdoc.azurewebsites.us"));
	assert_false(url_host_match("ca*-showdoc.azurewebsites.us", "ca-showdoc.azurewebsites.us"));
	assert_false(url_host_match("ca*-showdoc.azurewebsites.us", "ca9-showdoc.evil.azurewebsites.us"));
	assert_false(url_host_match("ca*-showdoc.azurewebsites.us", "ca9.x-showdoc.azurewebsites.us"));
	assert_false(url_host_match("", "ecf.cand.uscourts.gov"));
	/* blanks before a pattern (a configuration list) are ignored */
	assert_true(url_host_match("  ecf.*.uscourts.gov", "ecf.cand.uscourts.gov"));
	assert_false(url_host_match(" \t", "ecf.cand.uscourts.gov"));
	assert_true(url_host_match("ecf.cand.uscourts.gov", "ecf.cand.uscourts.gov"));
	assert_false(url_host_match("ecf.cand.uscourts.gov", "ecf.cand.uscourts.go"));
}

/* A reference longer than URL_MAX is refused before it is resolved. */
static void
test_resolve_too_long(void **state)
{
	static const char b[] = "https://ecf.cand.uscourts.gov/doc1/5";
	char *ref = malloc(URL_MAX + 2);
	struct url base, u;

	(void)state;
	assert_non_null(ref);
	assert_int_equal(url_parse(b, strlen(b), &base), URL_OK);
	ref[0] = '/';
	memset(ref + 1, 'a', URL_MAX);
	ref[URL_MAX + 1] = '\0';
	assert_int_equal(url_resolve(&base, ref, URL_MAX + 1, &u), URL_ETOOLONG);
	/* URL_MAX bytes resolve, but the absolute URL is then too long */
	assert_int_equal(url_resolve(&base, ref, URL_MAX, &u), URL_ETOOLONG);
	/* a short one still resolves */
	assert_int_equal(url_resolve(&base, ref, 20, &u), URL_OK);
	assert_int_equal(strlen(u.u_path), 20);
	free(ref);
}

struct acase {
	const char	*in;
	int		 rc;
};

static const struct acase allow_cases[] = {
	{ "https://ecf.cand.uscourts.gov/doc1/035122812318?caseid=1", URL_OK },
	{ "https://ecf.ca2.uscourts.gov/docs1/00208754210?uid=59a7f7615f78153b", URL_OK },
	{ "https://ecf.cand.uscourts.gov/cgi-bin/show_temp.pl?file=a.pdf", URL_OK },
	{ "https://ca9-showdoc.azurewebsites.us/NDA/633c4728-1b4e-f011-8779-001dd8075871", URL_OK },
	{ "https://ecf.cand.uscourts.gov/cgi-bin/login.pl", URL_EPATH },
	{ "https://ecf.cand.uscourts.gov/cgi-bin/DktRpt.pl?1-L_1_0-1", URL_EPATH },
	{ "https://ecf.cand.uscourts.gov/doc1/12ab", URL_EPATH },
	{ "https://ecf.cand.uscourts.gov/doc1/", URL_EPATH },
	{ "https://ecf.cand.uscourts.gov/doc1/1/2", URL_EPATH },
	{ "https://ecf.cand.uscourts.gov/", URL_EPATH },
	{ "https://pacer.login.uscourts.gov/csologin/login.jsf", URL_EHOST },
	{ "https://ecf.cand.uscourts.gov.evil.example/doc1/1", URL_EHOST },
	{ "https://www.cand.uscourts.gov/doc1/1", URL_EHOST },
	/* GUIDs are hex digits and dashes */
	{ "https://ca9-showdoc.azurewebsites.us/NDA/", URL_EPATH },
	{ "https://ca9-showdoc.azurewebsites.us/NDA/633c4728-zz", URL_EPATH },
	{ "https://ca9-showdoc.azurewebsites.us/25-1677", URL_EPATH },
	{ "https://ecf.ca2.uscourts.gov/docs1/", URL_EPATH },
	{ "https://ecf.ca2.uscourts.gov/docs1/0020x", URL_EPATH },
};

static void
test_allowed(void **state)
{
	struct url u;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(allow_cases) / sizeof(allow_cases[0]); i++) {
		const struct acase *c = &allow_cases[i];
		int rc;

		assert_int_equal(url_parse(c->in, strlen(c->in), &u), URL_OK);
		rc = url_allowed(&u, HOSTS, NHOSTS);
		if (rc != c->rc)
			fail_msg("%s: got %s", c->in, url_strerror(rc));
	}
	assert_int_equal(url_allowed(&u, HOSTS, 0), URL_EHOST);
}

static void
test_doc1(void **state)
{
	static const char link[] =
	    "https://ecf.nyed.uscourts.gov/doc1/123019137279?pdf_header=&"
	    "magic_num=79492711&de_seq_num=70&caseid=475249";
	char buf[URL_MAX + 300];
	struct url_doc d;

	(void)state;
	assert_int_equal(url_doc_parse(link, strlen(link), &d), URL_OK);
	assert_int_equal(d.d_kind, URL_KIND_DOC1);
	assert_string_equal(d.d_court, "nyed");
	assert_string_equal(d.d_docid, "123019137279");
	assert_string_equal(d.d_caseid, "475249");
	assert_string_equal(d.d_seq, "70");
	assert_string_equal(d.d_magic, "79492711");
	assert_true(d.d_menu);
	assert_false(d.d_short);
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.nyed.uscourts.gov/doc1/123119137279?"
	    "caseid=475249&de_seq_num=70&magic_num=79492711&use_magic=1");
	assert_int_equal(url_doc_menu_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.nyed.uscourts.gov/doc1/123019137279?"
	    "pdf_header=&magic_num=79492711&de_seq_num=70&caseid=475249");
	/* a link whose entry has no attachments still opens the menu */
	{
		struct url_doc d2;
		const char *s2 = "https://ecf.nyed.uscourts.gov/doc1/123119137279?caseid=1";

		assert_int_equal(url_doc_parse(s2, strlen(s2), &d2), URL_OK);
		assert_false(d2.d_menu);
		assert_int_equal(url_doc_menu_url(&d2, buf, sizeof(buf)), URL_OK);
		assert_string_equal(buf,
		    "https://ecf.nyed.uscourts.gov/doc1/123019137279?caseid=1");
	}
	/* too small a buffer */
	assert_int_equal(url_doc_fetch_url(&d, buf, 40), URL_ETOOLONG);
}

static void
test_doc1_variants(void **state)
{
	char buf[URL_MAX + 300];
	struct url_doc d;
	const char *s;

	(void)state;
	/* straight to the document, &amp; left in, no magic */
	s = "https://ecf.cand.uscourts.gov/doc1/035122812318?caseid=1&amp;de_seq_num=2";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_false(d.d_menu);
	assert_string_equal(d.d_seq, "2");
	assert_string_equal(d.d_magic, "");
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf,
	    "https://ecf.cand.uscourts.gov/doc1/035122812318?caseid=1&de_seq_num=2");
	/* literal MAGIC placeholder (multi-docket notices) */
	s = "https://ecf.jpml.uscourts.gov/doc1/8501234567?caseid=5&magic_num=MAGIC";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_string_equal(d.d_magic, "");
	assert_true(d.d_bad_magic);
	/* empty magic (sealed entry) */
	s = "https://ecf.cacd.uscourts.gov/doc1/031130000000?caseid=5&magic_num=";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_string_equal(d.d_magic, "");
	assert_false(d.d_bad_magic);
	/* bankruptcy short doc id */
	s = "https://ecf.mdb.uscourts.gov/doc1/0920?de_seq_num=57&caseid=9&magic_num=0";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_true(d.d_short);
	assert_false(d.d_menu);
	assert_string_equal(d.d_magic, "0");
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.mdb.uscourts.gov/doc1/0920?"
	    "caseid=9&de_seq_num=57&magic_num=0&use_magic=1");
	/* 11-digit doc id (ohsd) */
	s = "https://ecf.ohsd.uscourts.gov/doc1/14309223490?caseid=270109&de_seq_num=29&magic_num=82294018";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_true(d.d_menu);
	url_doc_fetch_url(&d, buf, sizeof(buf));
	assert_non_null(strstr(buf, "/doc1/14319223490?"));
	/* not documents */
	s = "https://ecf.cand.uscourts.gov/cgi-bin/show_temp.pl?file=x";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_ENOTDOC);
	s = "https://ecf.cand.uscourts.gov/doc1/123";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_ENOTDOC);
	s = "http://ecf.cand.uscourts.gov/doc1/035122812318";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_ESCHEME);
}

static void
test_docs1_acms(void **state)
{
	char buf[URL_MAX + 300];
	struct url_doc d;
	const char *s;

	(void)state;
	s = "https://ecf.ca2.uscourts.gov/docs1/00208754210?uid=59a7f7615f78153b";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_int_equal(d.d_kind, URL_KIND_DOCS1);
	assert_string_equal(d.d_court, "ca2");
	assert_string_equal(d.d_uid, "59a7f7615f78153b");
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf,
	    "https://ecf.ca2.uscourts.gov/docs1/00218754210?uid=59a7f7615f78153b");
	s = "https://ca9-showdoc.azurewebsites.us/NDA/633c4728-1b4e-f011-8779-001dd8075871";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_int_equal(d.d_kind, URL_KIND_ACMS);
	assert_string_equal(d.d_court, "ca9");
	assert_string_equal(d.d_guid, "633c4728-1b4e-f011-8779-001dd8075871");
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, s);
}

static void
test_doc_edges(void **state)
{
	char buf[URL_MAX + 300];
	struct url_doc d;
	const char *s;
	size_t n;

	(void)state;
	/* a uid that is not hex is dropped; no parameter left: no "?" */
	s = "https://ecf.ca2.uscourts.gov/docs1/00208754210?uid=xyz";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_int_equal(d.d_kind, URL_KIND_DOCS1);
	assert_string_equal(d.d_uid, "");
	assert_false(d.d_bad_magic);
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.ca2.uscourts.gov/docs1/00218754210");
	/* the menu URL of a docs1 link is the link, normalized */
	assert_int_equal(url_doc_menu_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf,
	    "https://ecf.ca2.uscourts.gov/docs1/00208754210?uid=xyz");
	/* a doc1 link without any parameter */
	s = "https://ECF.CAND.uscourts.gov/doc1/035022812318";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_true(d.d_menu);
	assert_string_equal(d.d_caseid, "");
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.cand.uscourts.gov/doc1/035122812318");
	/* the menu URL of a short doc id is the link itself */
	s = "https://ecf.mdb.uscourts.gov/doc1/0920?de_seq_num=57&caseid=9";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_true(d.d_short);
	assert_int_equal(url_doc_menu_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, s);
	/* a caseid that is not digits is left out, without a flag */
	s = "https://ecf.cand.uscourts.gov/doc1/035122812318?caseid=12x&"
	    "de_seq_num=&magic_num=5";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_string_equal(d.d_caseid, "");
	assert_string_equal(d.d_seq, "");
	assert_string_equal(d.d_magic, "5");
	assert_false(d.d_bad_magic);
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.cand.uscourts.gov/doc1/035122812318"
	    "?magic_num=5&use_magic=1");
	/* no room for the parameters */
	s = "https://ecf.nyed.uscourts.gov/doc1/123019137279?caseid=475249";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	n = strlen("https://ecf.nyed.uscourts.gov/doc1/123119137279?");
	assert_int_equal(url_doc_fetch_url(&d, buf, n + 5), URL_ETOOLONG);
	assert_int_equal(url_doc_fetch_url(&d, buf, n + 14), URL_OK);
	assert_string_equal(buf, "https://ecf.nyed.uscourts.gov/doc1/"
	    "123119137279?caseid=475249");
	/* not a document: nothing to fetch */
	s = "https://ca9-showdoc.azurewebsites.us/NDA/";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_ENOTDOC);
	assert_int_equal(d.d_kind, URL_KIND_NONE);
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_ENOTDOC);
	s = "https://ecf.cand.uscourts.gov/cgi-bin/show_temp.pl?file=x";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_ENOTDOC);
	assert_int_equal(d.d_kind, URL_KIND_NONE);
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_ENOTDOC);
}

static void
test_attachment_url(void **state)
{
	char buf[URL_MAX + 300];
	struct url menu;
	const char *m = "https://ecf.nyed.uscourts.gov/doc1/123019137279?caseid=1";

	(void)state;
	assert_int_equal(url_parse(m, strlen(m), &menu), URL_OK);
	assert_int_equal(url_doc_attachment_url(&menu, "/doc1/123119137280",
	    "475249", "70", "79492711", buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.nyed.uscourts.gov/doc1/123119137280?"
	    "caseid=475249&de_seq_num=70&magic_num=79492711&use_magic=1");
	assert_int_equal(url_doc_attachment_url(&menu,
	    "https://ecf.nyed.uscourts.gov/doc1/123119137281", "", NULL, "",
	    buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.nyed.uscourts.gov/doc1/123119137281");
	assert_int_equal(url_doc_attachment_url(&menu,
	    "https://ecf.nysd.uscourts.gov/doc1/123119137281", "1", "2", "3",
	    buf, sizeof(buf)), URL_EOFFHOST);
	assert_int_equal(url_doc_attachment_url(&menu, "/cgi-bin/login.pl",
	    "1", "2", "3", buf, sizeof(buf)), URL_ENOTDOC);
	/* parameters that are not digits are left out */
	assert_int_equal(url_doc_attachment_url(&menu, "/doc1/123119137280",
	    "475249", "7a", "79492711", buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.nyed.uscourts.gov/doc1/123119137280?"
	    "caseid=475249&magic_num=79492711&use_magic=1");
	assert_int_equal(url_doc_attachment_url(&menu, "/doc1/123119137280",
	    NULL, "70", NULL, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.nyed.uscourts.gov/doc1/123119137280?"
	    "de_seq_num=70");
	/* a path that does not resolve, and no room */
	assert_int_equal(url_doc_attachment_url(&menu,
	    "http://ecf.nyed.uscourts.gov/doc1/123119137280", "1", "2", "3",
	    buf, sizeof(buf)), URL_ESCHEME);
	assert_int_equal(url_doc_attachment_url(&menu, "/doc1/123119137280",
	    "1", "2", "3", buf, 20), URL_ETOOLONG);
	assert_int_equal(url_doc_attachment_url(&menu, "/doc1/123119137280",
	    "475249", "70", "79492711", buf, 60), URL_ETOOLONG);
}

/* A proof of claim's link keeps its claim fields in every request. */
static void
test_claim_urls(void **state)
{
	const char *s = "https://ecf.cacb.uscourts.gov/doc1/9731105954036?"
	    "claim_doc_seq=&pdf_header=&magic_num=18924344&claim_num=1&"
	    "claim_id=103202360&caseid=1952165";
	char buf[URL_MAX + 300];
	struct url_doc d;

	(void)state;
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_string_equal(d.d_claim_id, "103202360");
	assert_string_equal(d.d_claim_num, "1");
	assert_string_equal(d.d_claim_seq, "");
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_string_equal(buf, "https://ecf.cacb.uscourts.gov/doc1/"
	    "9731105954036?caseid=1952165&claim_id=103202360&claim_num=1&"
	    "magic_num=18924344&use_magic=1");
	/* a menu row's URL gets them after its own parameters */
	snprintf(buf, sizeof(buf), "https://ecf.cacb.uscourts.gov/doc1/9731?"
	    "caseid=1&magic_num=2&use_magic=1");
	assert_int_equal(url_doc_claim_params(buf, sizeof(buf), "77", "7", "1"),
	    URL_OK);
	assert_string_equal(buf, "https://ecf.cacb.uscourts.gov/doc1/9731?"
	    "caseid=1&magic_num=2&use_magic=1&claim_id=77&claim_num=7&"
	    "claim_doc_seq=1");
	snprintf(buf, sizeof(buf), "https://ecf.cacb.uscourts.gov/doc1/9731");
	assert_int_equal(url_doc_claim_params(buf, sizeof(buf), "77", "x7",
	    NULL), URL_OK);
	assert_string_equal(buf, "https://ecf.cacb.uscourts.gov/doc1/9731?"
	    "claim_id=77");
	assert_int_equal(url_doc_claim_params(buf, 40, "77", "7", "1"),
	    URL_ETOOLONG);
	/* an ordinary link gets none */
	s = "https://ecf.cand.uscourts.gov/doc1/035120918716?caseid=1&magic_num=2";
	assert_int_equal(url_doc_parse(s, strlen(s), &d), URL_OK);
	assert_string_equal(d.d_claim_id, "");
	assert_int_equal(url_doc_fetch_url(&d, buf, sizeof(buf)), URL_OK);
	assert_null(strstr(buf, "claim"));
}

static void
test_redact(void **state)
{
	char buf[300];

	(void)state;
	url_redact("https://ecf.nyed.uscourts.gov/doc1/1?caseid=5&magic_num=79492711&use_magic=1",
	    buf, sizeof(buf));
	assert_string_equal(buf,
	    "https://ecf.nyed.uscourts.gov/doc1/1?caseid=5&magic_num=X&use_magic=1");
	url_redact("https://ecf.ca2.uscourts.gov/docs1/1?uid=59a7f7615f78153b", buf,
	    sizeof(buf));
	assert_string_equal(buf, "https://ecf.ca2.uscourts.gov/docs1/1?uid=X");
	url_redact("https://ca9-showdoc.azurewebsites.us/NDA/633c4728-1b4e", buf,
	    sizeof(buf));
	assert_string_equal(buf, "https://ca9-showdoc.azurewebsites.us/NDA/X");
	url_redact("https://x/doc1/1?magic_num=123", buf, 20);
	assert_int_equal(strlen(buf), 19);
	assert_null(strstr(buf, "123"));
	/* no room at all: buf is not touched */
	buf[0] = 'Z';
	url_redact("https://x/doc1/1?magic_num=123", buf, 0);
	assert_int_equal(buf[0], 'Z');
	url_redact("https://x/doc1/1?magic_num=123", buf, 1);
	assert_string_equal(buf, "");
}

static void
test_names(void **state)
{
	static const char *const errs[] = {
		"ok", "malformed URL", "URL too long", "not https",
		"userinfo in URL", "port not allowed", "IP address as host",
		"host not allowed", "path not allowed", "not a document link",
		"off the court host",
	};
	int i;

	(void)state;
	assert_int_equal(URL_EOFFHOST + 1, sizeof(errs) / sizeof(errs[0]));
	for (i = URL_OK; i <= URL_EOFFHOST; i++)
		assert_string_equal(url_strerror(i), errs[i]);
	assert_string_equal(url_strerror(URL_EPORT), "port not allowed");
	assert_string_equal(url_strerror(-1), "unknown URL status");
	assert_string_equal(url_strerror(URL_EOFFHOST + 1), "unknown URL status");
	assert_string_equal(url_kind_name(URL_KIND_NONE), "none");
	assert_string_equal(url_kind_name(URL_KIND_DOC1), "doc1");
	assert_string_equal(url_kind_name(URL_KIND_DOCS1), "docs1");
	assert_string_equal(url_kind_name(URL_KIND_ACMS), "acms");
	assert_string_equal(url_kind_name(URL_KIND_SHOWTEMP), "show_temp");
	assert_string_equal(url_kind_name(99), "none");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_too_long),
		cmocka_unit_test(test_long_host),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_resolve_too_long),
		cmocka_unit_test(test_doc_edges),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_resolve),
		cmocka_unit_test(test_host_match),
		cmocka_unit_test(test_allowed),
		cmocka_unit_test(test_doc1),
		cmocka_unit_test(test_doc1_variants),
		cmocka_unit_test(test_docs1_acms),
		cmocka_unit_test(test_attachment_url),
		cmocka_unit_test(test_claim_urls),
		cmocka_unit_test(test_redact),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
