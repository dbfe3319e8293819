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

static void
test_menu_variant(void **state)
{
	struct page *pg = classify_file(data_path("menu_variant.html"));

	(void)state;
	assert_int_equal(pg->p_kind, PAGE_MENU);
	assert_int_equal(pg->p_docnum, 12);
	assert_int_equal(pg->p_natt, 3);
	assert_int_equal(pg->p_att[0].pa_number, 0);
	assert_string_equal(pg->p_att[0].pa_link, "/doc1/177112345678");
	assert_string_equal(pg->p_att[0].pa_caseid, "301");
	assert_string_equal(pg->p_att[0].pa_seq, "55");
	assert_string_equal(pg->p_att[0].pa_magic, "4242");
	assert_string_equal(pg->p_att[0].pa_desc, "Main Document");
	assert_int_equal(pg->p_att[0].pa_pages, 7);
	assert_string_equal(pg->p_att[0].pa_size, "1.2 MB");
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
		cmocka_unit_test(test_edge_inputs),
		cmocka_unit_test(test_menu_limit),
		cmocka_unit_test(test_corpus_login),
		cmocka_unit_test(test_corpus_receipts),
		cmocka_unit_test(test_corpus_menus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
