/*
 * Unit tests for policy/page: the court pages of the corpus (NEF_CORPUS;
 * skipped with a message when absent) and the variants written for this
 * project under tests/data/pages/.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <cmocka.h>
#include <jansson.h>

#include "page.h"
#include "url.h"
#include "fixture.h"

static struct page *
classify_file(const char *path)
{
	struct page *pg;
	size_t len = 0;
	char *buf = fixture_read(path, &len);

	if (buf == NULL)
		fail_msg("cannot read %s", path);
	assert_int_equal(page_classify(buf, len, &pg), 0);
	free(buf);
	return pg;
}

static const char *
data_path(const char *name)
{
	static char path[4096];
	const char *top = getenv("TOP");

	snprintf(path, sizeof(path), "%s/tests/data/pages/%s", top ? top : ".",
	    name);
	return path;
}

static const char *
corpus_path(const char *rel)
{
	static char path[4096];
	const char *c = getenv("NEF_CORPUS");

	if (c == NULL || c[0] == '\0')
		return NULL;
	snprintf(path, sizeof(path), "%s/juriscraper/pages/%s", c, rel);
	return path;
}

static int
have_corpus(void)
{
	const char *p = corpus_path("authentication_samples/please_log_in.html");
	FILE *f;

	if (p == NULL || (f = fopen(p, "r")) == NULL)
		return 0;
	fclose(f);
	return 1;
}

/* ---- my own pages -------------------------------------------------- */

struct kcase {
	const char	*file;
	int		 kind;
	const char	*target;	/* p_target, or NULL for none */
};

static const struct kcase kind_cases[] = {
	{ "nextgen_assign.html", PAGE_LOGIN,
	  "https://pacer.login.uscourts.gov/csologin/login.jsf?pscCourtId=NYSDC&appurl=https%3A%2F%2Fecf.nysd.uscourts.gov%2Fdoc1%2F127131722970" },
	{ "nextgen_meta.html", PAGE_LOGIN,
	  "https://pacer.login.uscourts.gov/csologin/login.jsf?pscCourtId=ORBK&appurl=https://ecf.orb.uscourts.gov/doc1/1" },
	{ "nextgen_window.html", PAGE_LOGIN,
	  "https://pacer.login.uscourts.gov/csologin/login.jsf?pscCourtId=CANDC" },
	{ "txwd_login.html", PAGE_LOGIN, NULL },
	{ "currentgen_login.html", PAGE_LOGIN, NULL },
	{ "iframe.html", PAGE_IFRAME,
	  "/cgi-bin/show_temp.pl?file=18221372-0--14131.pdf&type=application/pdf" },
	{ "window_location.html", PAGE_REDIRECT,
	  "/cgi-bin/show_temp.pl?file=6601234-0--3357.pdf&type=application/pdf" },
	{ "menu_frame.html", PAGE_UNKNOWN, NULL },
	{ "sealed.html", PAGE_SEALED, NULL },
	{ "sealed_interstitial.html", PAGE_SEALED, NULL },
	{ "permission.html", PAGE_PERMISSION, NULL },
	{ "restricted.html", PAGE_RESTRICTED, NULL },
	{ "restricted_caed.html", PAGE_RESTRICTED, NULL },
	{ "not_available.html", PAGE_UNAVAILABLE, NULL },
	{ "dktentry.html", PAGE_UNAVAILABLE, NULL },
	{ "transcript.html", PAGE_RESTRICTED, NULL },
	{ "receipt.html", PAGE_RECEIPT, NULL },
	{ "pdf_in_html.html", PAGE_PDF_IN_HTML, NULL },
	{ "unknown.html", PAGE_UNKNOWN, NULL },
};

static void
test_own_pages(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(kind_cases) / sizeof(kind_cases[0]); i++) {
		const struct kcase *c = &kind_cases[i];
		struct page *pg = classify_file(data_path(c->file));

		if (pg->p_kind != c->kind)
			fail_msg("%s: got %s (%s), want %s", c->file,
			    page_kind_name(pg->p_kind), pg->p_match,
			    page_kind_name(c->kind));
		if (c->target != NULL) {
			assert_non_null(pg->p_target);
			assert_string_equal(pg->p_target, c->target);
		} else if (c->kind != PAGE_LOGIN) {
			assert_null(pg->p_target);
		}
		assert_non_null(pg->p_match);
		page_free(pg);
	}
}

/* One menu row, every field. */
static void
check_row(const struct page_att *a, int number, const char *link,
    const char *caseid, const char *seq, const char *magic, const char *desc,
    int pages, const char *size)
{
	assert_int_equal(a->pa_number, number);
	assert_string_equal(a->pa_link, link);
	assert_string_equal(a->pa_caseid, caseid);
	assert_string_equal(a->pa_seq, seq);
	assert_string_equal(a->pa_magic, magic);
	assert_string_equal(a->pa_desc, desc);
	assert_int_equal(a->pa_pages, pages);
	assert_string_equal(a->pa_size, size);
}

static void
test_menu_variant(void **state)
{
	struct page *pg = classify_file(data_path("menu_variant.html"));

	(void)state;
	assert_int_equal(pg->p_kind, PAGE_MENU);
	assert_int_equal(pg->p_docnum, 12);
	assert_int_equal(pg->p_natt, 3);
	check_row(&pg->p_att[0], 0, "/doc1/177112345678", "301", "55", "4242",
	    "Main Document", 7, "1.2 MB");
	assert_int_equal(pg->p_att[1].pa_number, 1);
	assert_string_equal(pg->p_att[1].pa_magic, "4242");
	assert_string_equal(pg->p_att[1].pa_desc,
	    "Exhibit A & B \xe2\x80\x93 Sealed Document placeholder");
	assert_int_equal(pg->p_att[1].pa_pages, 1);
	/* a plain href row: no goDLS arguments, no pages shown */
	assert_int_equal(pg->p_att[2].pa_number, 2);
	assert_string_equal(pg->p_att[2].pa_link,
	    "https://ecf.txnb.uscourts.gov/doc1/177112345680");
	assert_string_equal(pg->p_att[2].pa_magic, "");
	assert_int_equal(pg->p_att[2].pa_pages, -1);
	assert_string_equal(pg->p_att[2].pa_desc, "Exhibit C");
	page_free(pg);
}

/* A proof of claim's menu: goDLS's claim_id, claim_num, claim_doc_seq. */
static void
test_menu_claim(void **state)
{
	struct page	*pg = classify_file(data_path("menu_claim.html"));

	(void)state;
	assert_int_equal(pg->p_kind, PAGE_MENU);
	assert_int_equal(pg->p_docnum, 7);
	assert_int_equal(pg->p_natt, 2);
	assert_string_equal(pg->p_att[0].pa_magic, "28924311");
	assert_string_equal(pg->p_att[0].pa_claim[0], "103202377");
	assert_string_equal(pg->p_att[0].pa_claim[1], "7");
	assert_string_equal(pg->p_att[0].pa_claim[2], "");
	assert_string_equal(pg->p_att[1].pa_claim[2], "2");
	assert_string_equal(pg->p_att[1].pa_desc, "Exhibit A");
	assert_int_equal(pg->p_att[0].pa_pages, 3);
	page_free(pg);
	/* an ordinary row has none */
	pg = classify_file(data_path("menu_variant.html"));
	assert_string_equal(pg->p_att[0].pa_claim[0], "");
	assert_string_equal(pg->p_att[0].pa_claim[1], "");
	page_free(pg);
}

static void
test_edge_inputs(void **state)
{
	static const char *const inputs[] = {
		"", "<", "<<<<", "</", "<!--", "<a href=", "<a href='",
		"<a onclick=\"goDLS(", "<a onclick=\"goDLS('/doc1/1','", "&#",
		"&#x;", "&#99999999999;", "<script>location='", "<style>",
		"<meta http-equiv=refresh content=\"url=\">", "<tr><td><td></tr>",
		"%PDF", "%PDF-1.7\n",
	};
	struct page *pg;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
		assert_int_equal(page_classify(inputs[i], strlen(inputs[i]), &pg), 0);
		assert_non_null(pg);
		page_free(pg);
	}
	assert_int_equal(page_classify("%PDF-1.7\n", 9, &pg), 0);
	assert_int_equal(pg->p_kind, PAGE_PDF);
	page_free(pg);
	assert_true(page_is_pdf("%PDF-", 5));
	assert_false(page_is_pdf("%PDF", 4));
	assert_false(page_is_pdf(" %PDF-1.4", 9));
	assert_false(page_is_pdf("<html>%PDF-", 11));
	assert_null(page_free(NULL));
}

static void
test_menu_limit(void **state)
{
	size_t cap = (PAGE_MAX_ATTACHMENTS + 50) * 120, len = 0, i;
	char *buf = malloc(cap);
	struct page *pg;

	(void)state;
	for (i = 0; i < PAGE_MAX_ATTACHMENTS + 50; i++)
		len += (size_t)snprintf(buf + len, cap - len,
		    "<tr><td><a href=\"/doc1/1231%08zu\" onclick=\"goDLS('/doc1/1231%08zu','1','2','','','','3')\">%zu</a></td></tr>\n",
		    i, i, i);
	assert_int_equal(page_classify(buf, len, &pg), 0);
	assert_int_equal(pg->p_kind, PAGE_MENU);
	assert_int_equal(pg->p_natt, PAGE_MAX_ATTACHMENTS);
	page_free(pg);
	free(buf);
}

static void
test_menu_sizes(void **state)
{
	struct page *pg = classify_file(data_path("menu_sizes.html"));

	(void)state;
	assert_int_equal(pg->p_kind, PAGE_MENU);
	assert_string_equal(pg->p_match, "document rows");
	assert_null(pg->p_target);		/* the logout link is no login */
	assert_int_equal(pg->p_docnum, 40);
	assert_int_equal(pg->p_natt, 3);
	/* blanks around quoted arguments */
	check_row(&pg->p_att[0], 0, "/doc1/127131722970", "301", "55", "4242",
	    "", 3, "900 B");
	/* unquoted arguments */
	check_row(&pg->p_att[1], 1, "/doc1/127131722971", "301", "56", "4242",
	    "Proposed Order", 1, "512 bytes");
	/* unquoted with blanks; fewer than seven arguments: no magic */
	check_row(&pg->p_att[2], 2, "/doc1/127131722972", "301", "57", "",
	    "Certificate of Service", 2, "14 KB");
	page_free(pg);
	/* unquoted arguments: blanks around them are not part of them */
	{
		static const char html[] = "<table><tr><td><a href=\"/doc1/1\" "
		    "onclick=\"goDLS(/doc1/127131722972 , 301 , 57)\">2</a></td>"
		    "</tr><tr><td><a href=\"/doc1/2\">3</a></td></tr></table>";

		assert_int_equal(page_classify(html, strlen(html), &pg), 0);
		assert_int_equal(pg->p_kind, PAGE_MENU);
		assert_string_equal(pg->p_att[0].pa_link, "/doc1/127131722972");
		assert_string_equal(pg->p_att[0].pa_caseid, "301");
		assert_string_equal(pg->p_att[0].pa_seq, "57");
		page_free(pg);
	}
}

struct scase {
	const char	*html;
	int		 kind;
	const char	*match;		/* p_match */
	const char	*target;	/* p_target, or NULL for none */
};

static const struct scase signal_cases[] = {
	/* the login prompt's text alone */
	{ "<h3>CM/ECF Filer or PACER   Login</h3><p>Notice</p>", PAGE_LOGIN,
	  "cm/ecf filer or pacer login", NULL },
	{ "<p>If you received this login page as a result of a link in an "
	  "e-mail</p>", PAGE_LOGIN,
	  "if you received this login page as a result of a link", NULL },
	/* a plain link to the PACER login host */
	{ "<p>Please <a href=\"https://pacer.login.uscourts.gov/csologin/"
	  "login.jsf?appurl=x\">log in</a>.</p>", PAGE_LOGIN,
	  "link to the login host",
	  "https://pacer.login.uscourts.gov/csologin/login.jsf?appurl=x" },
	{ "<a href=\" /cgi-bin/login.pl \">Login</a>", PAGE_LOGIN,
	  "link to the login host", "/cgi-bin/login.pl" },
	/* ... weaker than the court's own refusal */
	{ "<p>This document is not available.</p><a href=\"https://pacer."
	  "login.uscourts.gov/csologin/login.jsf\">log in</a>",
	  PAGE_UNAVAILABLE, "this document is not available", NULL },
	/* logout links are no login */
	{ "<a href=\"https://pacer.login.uscourts.gov/csologin/logout.jsf\">"
	  "Log out</a>", PAGE_UNKNOWN, "nothing recognized", NULL },
	{ "<a href=\"/cgi-bin/login.pl?logout\">Log out</a>", PAGE_UNKNOWN,
	  "nothing recognized", NULL },
	/* a receipt by its text alone */
	{ "<table><tr><th>Transaction   Receipt</th></tr></table>",
	  PAGE_RECEIPT, "transaction receipt", NULL },
	{ "<p>Download\nConfirmation</p>", PAGE_RECEIPT,
	  "download confirmation", NULL },
	/* blanks around attribute values are not part of them */
	{ "<iframe src=\"  /cgi-bin/show_temp.pl?file=a.pdf \t\"></iframe>",
	  PAGE_IFRAME, "iframe", "/cgi-bin/show_temp.pl?file=a.pdf" },
	/* a show_temp.pl iframe wins over an earlier one */
	{ "<iframe src=\"/banner.html\"></iframe><iframe src=\"/cgi-bin/"
	  "show_temp.pl?file=b.pdf\"></iframe><iframe src=\"/c.html\">",
	  PAGE_IFRAME, "iframe", "/cgi-bin/show_temp.pl?file=b.pdf" },
	/* script redirects: blanks before "(", a location.assign that is
	 * not called, an empty href */
	{ "<script>location.assign (\"/cgi-bin/show_temp.pl?file=c.pdf\");"
	  "</script>", PAGE_REDIRECT, "redirect",
	  "/cgi-bin/show_temp.pl?file=c.pdf" },
	{ "<script>var go = location.assign; if (x) location.href = "
	  "'/doc1/123119137279';</script>", PAGE_REDIRECT, "redirect",
	  "/doc1/123119137279" },
	{ "<script>top.location.replace(location.href);</script>"
	  "<a href=\"\">here</a>", PAGE_UNKNOWN, "nothing recognized", NULL },
	/* meta refresh without a URL: nothing to follow */
	{ "<meta http-equiv=\"Refresh\" content=\"5\"><p>wait</p>",
	  PAGE_UNKNOWN, "nothing recognized", NULL },
	{ "<meta http-equiv=\"refresh\" content=\"0; URL=/doc1/5\">",
	  PAGE_REDIRECT, "redirect", "/doc1/5" },
};

static void
test_signals(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(signal_cases) / sizeof(signal_cases[0]); i++) {
		const struct scase *c = &signal_cases[i];
		struct page *pg;

		assert_int_equal(page_classify(c->html, strlen(c->html), &pg), 0);
		if (pg->p_kind != c->kind)
			fail_msg("#%zu: got %s (%s), want %s", i,
			    page_kind_name(pg->p_kind), pg->p_match,
			    page_kind_name(c->kind));
		assert_string_equal(pg->p_match, c->match);
		if (c->target != NULL) {
			assert_non_null(pg->p_target);
			assert_string_equal(pg->p_target, c->target);
		} else {
			assert_null(pg->p_target);
		}
		assert_int_equal(pg->p_docnum, -1);
		assert_int_equal(pg->p_natt, 0);
		page_free(pg);
	}
}

/* An attribute value longer than a URL may be is no target at all: a
 * cut URL would point elsewhere (or, cut to nothing, at the page itself).
 * One exactly URL_MAX bytes long is kept whole. */
static void
test_long_target(void **state)
{
	static const char heads[][48] = {
	    "<iframe src=\"/cgi-bin/show_temp.pl?file=a&amp;",
	    "<iframe src=\"/",
	    "<script>window.location = \"/",
	};
	size_t cap = 64 + 2 * URL_MAX + 64, len, i, h;
	char *buf = malloc(cap);
	struct page *pg;

	(void)state;
	assert_non_null(buf);
	for (h = 0; h < sizeof(heads) / sizeof(heads[0]); h++) {
		len = strlen(heads[h]);
		memcpy(buf, heads[h], len);
		for (i = 0; i < 2 * URL_MAX; i++)
			buf[len++] = 'b';
		memcpy(buf + len, h == 2 ? "\";</script>" : "\"></iframe>", 11);
		len += 11;
		assert_int_equal(page_classify(buf, len, &pg), 0);
		assert_int_not_equal(pg->p_kind, PAGE_IFRAME);
		assert_int_not_equal(pg->p_kind, PAGE_REDIRECT);
		assert_null(pg->p_target);
		page_free(pg);
	}
	/* a login redirect too long to follow is still a login prompt */
	len = strlen(heads[2]);
	memcpy(buf, heads[2], len);
	memcpy(buf + len - 1, "https://pacer.login.uscourts.gov/csologin/"
	    "login.jsf?x=", 54);
	len += 53;
	for (i = 0; i < 2 * URL_MAX; i++)
		buf[len++] = 'b';
	memcpy(buf + len, "\";</script>", 11);
	len += 11;
	assert_int_equal(page_classify(buf, len, &pg), 0);
	assert_int_equal(pg->p_kind, PAGE_LOGIN);
	assert_non_null(pg->p_target);
	assert_int_equal(strlen(pg->p_target), URL_MAX);
	page_free(pg);
	/* exactly URL_MAX bytes: kept */
	memcpy(buf, "<iframe src=\"/", 14);
	for (len = 14, i = 1; i < URL_MAX; i++)
		buf[len++] = 'b';
	memcpy(buf + len, "\"></iframe>", 11);
	len += 11;
	assert_int_equal(page_classify(buf, len, &pg), 0);
	assert_int_equal(pg->p_kind, PAGE_IFRAME);
	assert_int_equal(strlen(pg->p_target), URL_MAX);
	assert_memory_equal(pg->p_target, "/bbbb", 5);
	page_free(pg);
	free(buf);
}

static void
test_login_url(void **state)
{
	(void)state;
	assert_true(page_is_login_url(
	    "https://pacer.login.uscourts.gov/csologin/login.jsf?pscCourtId=X"));
	assert_true(page_is_login_url("HTTPS://PACER.LOGIN.USCOURTS.GOV/"));
	assert_true(page_is_login_url("/csologin/login.jsf"));
	assert_true(page_is_login_url("https://ecf.cand.uscourts.gov/cgi-bin/"
	    "login.pl"));
	assert_true(page_is_login_url("/cgi-bin/LOGIN.pl?x=1"));
	assert_false(page_is_login_url("/cgi-bin/login.pl?logout"));
	assert_false(page_is_login_url("https://ecf.cand.uscourts.gov/doc1/1"));
	assert_false(page_is_login_url("/cgi-bin/show_temp.pl?file=login.pdf"));
	assert_false(page_is_login_url(""));
}

static void
test_kind_names(void **state)
{
	static const char *const names[] = {
		"unknown", "pdf", "login", "receipt", "menu", "sealed",
		"restricted", "permission", "unavailable", "pdf-in-html",
		"iframe", "redirect",
	};
	int i;

	(void)state;
	assert_int_equal(PAGE_REDIRECT + 1, sizeof(names) / sizeof(names[0]));
	for (i = 0; i <= PAGE_REDIRECT; i++)
		assert_string_equal(page_kind_name(i), names[i]);
	assert_string_equal(page_kind_name(PAGE_MENU), "menu");
	assert_string_equal(page_kind_name(-1), "unknown");
	assert_string_equal(page_kind_name(PAGE_REDIRECT + 1), "unknown");
}

/* ---- the corpus ---------------------------------------------------- */

static void
test_corpus_login(void **state)
{
	struct page *pg;

	(void)state;
	if (!have_corpus()) {
		printf("# SKIP: NEF_CORPUS not set or missing; corpus login page not checked\n");
		return;	/* cmocka prints skips as "not ok", which tests/run counts */
	}
	pg = classify_file(corpus_path("authentication_samples/please_log_in.html"));
	assert_int_equal(pg->p_kind, PAGE_LOGIN);
	page_free(pg);
}

static void
test_corpus_receipts(void **state)
{
	const char *dir;
	struct dirent *de;
	char path[8192];
	DIR *d;
	int n = 0;

	(void)state;
	if (!have_corpus()) {
		printf("# SKIP: NEF_CORPUS not set or missing; receipts not checked\n");
		return;	/* cmocka prints skips as "not ok", which tests/run counts */
	}
	dir = corpus_path("confirmation_pages");
	assert_non_null(d = opendir(dir));
	while ((de = readdir(d)) != NULL) {
		struct page *pg;
		size_t l = strlen(de->d_name);

		if (l < 6 || strcmp(de->d_name + l - 5, ".html") != 0)
			continue;
		snprintf(path, sizeof(path), "%s/%s", corpus_path("confirmation_pages"),
		    de->d_name);
		pg = classify_file(path);
		/* an expected parse of {} marks a page that is no receipt
		 * (ca8_2: a logged-in appellate attachment list) */
		snprintf(path + strlen(path) - 5, 6, ".json");
		{
			json_t *j = json_load_file(path, 0, NULL);
			int receipt = j != NULL && json_object_size(j) > 0;

			json_decref(j);
			if (!receipt) {
				page_free(pg);
				continue;
			}
		}
		if (pg->p_kind != PAGE_RECEIPT)
			fail_msg("%s: %s", de->d_name, page_kind_name(pg->p_kind));
		page_free(pg);
		n++;
	}
	closedir(d);
	assert_true(n >= 19);
}

/* The doc id with its 4th digit set to 0, as the JSON writes it. */
static void
docid_of(const char *link, char *out, size_t outsz)
{
	const char *p = strstr(link, "/doc1/");

	assert_non_null(p);
	snprintf(out, outsz, "%.*s", (int)strspn(p + 6, "0123456789"), p + 6);
	if (strlen(out) > 4)
		out[3] = '0';
}

static void
check_menu(const char *name)
{
	char path[8192], id[64];
	json_t *j, *atts;
	json_error_t err;
	struct page *pg;
	size_t i;

	snprintf(path, sizeof(path), "%s/%s.json",
	    corpus_path("attachment_pages"), name);
	j = json_load_file(path, 0, &err);
	if (j == NULL)
		fail_msg("%s: %s", path, err.text);
	snprintf(path, sizeof(path), "%s/%s.html",
	    corpus_path("attachment_pages"), name);
	pg = classify_file(path);
	if (pg->p_kind != PAGE_MENU)
		fail_msg("%s: %s", name, page_kind_name(pg->p_kind));
	atts = json_object_get(j, "attachments");
	assert_int_equal(pg->p_natt, json_array_size(atts) + 1);
	/* the main document */
	assert_int_equal(pg->p_docnum,
	    json_integer_value(json_object_get(j, "document_number")));
	assert_int_equal(pg->p_att[0].pa_number, 0);
	assert_int_equal(pg->p_att[0].pa_pages,
	    json_integer_value(json_object_get(j, "page_count")));
	docid_of(pg->p_att[0].pa_link, id, sizeof(id));
	assert_string_equal(id, json_string_value(json_object_get(j, "pacer_doc_id")));
	assert_string_equal(pg->p_att[0].pa_seq,
	    json_string_value(json_object_get(j, "pacer_seq_no")));
	assert_string_equal(pg->p_att[0].pa_caseid,
	    json_string_value(json_object_get(j, "pacer_case_id")));
	assert_true(strlen(pg->p_att[0].pa_magic) > 0);
	for (i = 0; i < json_array_size(atts); i++) {
		json_t *a = json_array_get(atts, i);
		struct page_att *pa = &pg->p_att[i + 1];
		const char *sz = json_string_value(json_object_get(a, "file_size_str"));

		assert_int_equal(pa->pa_number,
		    json_integer_value(json_object_get(a, "attachment_number")));
		assert_string_equal(pa->pa_desc,
		    json_string_value(json_object_get(a, "description")));
		assert_int_equal(pa->pa_pages,
		    json_integer_value(json_object_get(a, "page_count")));
		docid_of(pa->pa_link, id, sizeof(id));
		assert_string_equal(id,
		    json_string_value(json_object_get(a, "pacer_doc_id")));
		assert_string_equal(pa->pa_seq,
		    json_string_value(json_object_get(a, "pacer_seq_no")));
		/* every link carries the same magic number */
		assert_string_equal(pa->pa_magic, pg->p_att[0].pa_magic);
		if (sz != NULL)
			assert_string_equal(pa->pa_size, sz);
	}
	page_free(pg);
	json_decref(j);
}

static void
test_corpus_menus(void **state)
{
	static const char *const names[] = {
		"laed_085013034901", "nyed_123019137279", "nyed_123019152448",
		"nysd_127031722970", "ohnd_141012215024", "ohsd_14309223490",
	};
	size_t i;

	(void)state;
	if (!have_corpus()) {
		printf("# SKIP: NEF_CORPUS not set or missing; menus not checked\n");
		return;	/* cmocka prints skips as "not ok", which tests/run counts */
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		check_menu(names[i]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_own_pages),
		cmocka_unit_test(test_menu_variant),
		cmocka_unit_test(test_menu_claim),
		cmocka_unit_test(test_edge_inputs),
		cmocka_unit_test(test_menu_limit),
		cmocka_unit_test(test_menu_sizes),
		cmocka_unit_test(test_signals),
		cmocka_unit_test(test_long_target),
		cmocka_unit_test(test_login_url),
		cmocka_unit_test(test_kind_names),
		cmocka_unit_test(test_corpus_login),
		cmocka_unit_test(test_corpus_receipts),
		cmocka_unit_test(test_corpus_menus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
