/* Unit tests of milter/cfg.c and milter/cfgcheck.c: every problem of a
 * file in one pass, each with the line that set the value. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "cfgcheck.h"
#include "strbuf.h"

static char cfg_path[64];

/* Write text to a temporary file; its path in cfg_path. */
static void
write_conf(const char *text)
{
	FILE	*fp;
	int	 fd;

	snprintf(cfg_path, sizeof(cfg_path), "/tmp/test_cfg.XXXXXX");
	fd = mkstemp(cfg_path);
	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* err holds the line "PATH:LINE: " + rest (rest a prefix of the message). */
static void
has_line(const struct strbuf *err, int line, const char *rest)
{
	char	want[256];

	snprintf(want, sizeof(want), "%s:%d: %s", cfg_path, line, rest);
	if (strstr(strbuf_str(err), want) == NULL)
		fail_msg("no \"%s\" in:\n%s", want, strbuf_str(err));
}

static size_t
nlines(const struct strbuf *err)
{
	const char	*s = strbuf_str(err);
	size_t		 n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

static void
test_load_all_keeps_the_rest(void **state)
{
	struct strbuf	 err = STRBUF_INIT;
	struct cfg	*c = NULL;
	char		 w[300];

	(void)state;
	write_conf("firm_domains = lawfirm.example\n"
	    "fetch_timeout = 99x\n"
	    "\n"
	    "fetch_budget = 50s\n"
	    "nosuch = 1\n");
	assert_int_equal(cfg_load_all(cfg_path, &c, &err), -1);
	assert_non_null(c);
	assert_int_equal(nlines(&err), 2);
	has_line(&err, 2, "fetch_timeout: expected a time");
	has_line(&err, 5, "unknown setting \"nosuch\"");
	/* what could be read is there; the refused key keeps its default */
	assert_string_equal(c->cf_firm_domains.l_v[0], "lawfirm.example");
	assert_int_equal(c->cf_fetch_budget, 50);
	assert_int_equal(c->cf_fetch_timeout, 60);
	assert_true(cfgcheck_refused(c, "fetch_timeout"));
	assert_false(cfgcheck_refused(c, "fetch_budget"));
	snprintf(w, sizeof(w), "%s:4", cfg_path);
	assert_string_equal(cfgcheck_where(c, "fetch_budget", w + 100, 200), w);
	assert_string_equal(cfgcheck_where(c, "socket", w, sizeof(w)), cfg_path);
	c = cfg_unref(c);
	/* cfg_load() still gives nothing on errors */
	strbuf_reset(&err);
	assert_int_equal(cfg_load(cfg_path, &c, &err), -1);
	assert_null(c);
	strbuf_free(&err);
	unlink(cfg_path);
}

static void
test_every_bad_entry(void **state)
{
	struct strbuf	 err = STRBUF_INIT;
	struct cfg	*c = NULL;

	(void)state;
	write_conf("trusted_clients = 10.0.0.1, 10.0.0.300, 300.1.1.1\n"
	    "court_domains = uscourts.gov, bad..domain\n"
	    "firm_domains = lawfirm.example, bad..firm\n"
	    "trusted_authserv_id = two words\n"
	    "restricted_terms = -x\n"
	    "restricted_terms = fine\n"
	    "restricted_terms = !y\n");
	assert_int_equal(cfg_load_all(cfg_path, &c, &err), 0);
	assert_int_equal(cfgcheck_trust(c, &err), -1);
	assert_int_equal(cfgcheck_terms(c, &err), -1);
	has_line(&err, 1, "trusted_clients: \"10.0.0.300\"");
	has_line(&err, 1, "trusted_clients: \"300.1.1.1\"");
	has_line(&err, 2, "court_domains: \"bad..domain\"");
	has_line(&err, 3, "firm_domains: \"bad..firm\"");
	has_line(&err, 4, "trusted_authserv_id: ");
	has_line(&err, 5, "restricted_terms: \"-x\"");
	has_line(&err, 7, "restricted_terms: \"!y\"");
	assert_int_equal(nlines(&err), 7);
	/* a good configuration passes both */
	c = cfg_unref(c);
	strbuf_reset(&err);
	assert_int_equal(cfg_load_all(NULL, &c, &err), 0);
	assert_int_equal(cfgcheck_trust(c, &err), 0);
	assert_int_equal(cfgcheck_terms(c, &err), 0);
	assert_string_equal(strbuf_str(&err), "");
	c = cfg_unref(c);
	strbuf_free(&err);
	unlink(cfg_path);
}

static void
test_empty_court_domains(void **state)
{
	struct strbuf	 err = STRBUF_INIT;
	struct cfg	*c = NULL;

	(void)state;
	write_conf("# none\ncourt_domains =\n");
	assert_int_equal(cfg_load_all(cfg_path, &c, &err), 0);
	assert_int_equal(cfgcheck_trust(c, &err), -1);
	has_line(&err, 2, "court_domains is empty");
	assert_int_equal(nlines(&err), 1);
	c = cfg_unref(c);
	strbuf_free(&err);
	unlink(cfg_path);
}

static void
test_sort(void **state)
{
	struct strbuf	err = STRBUF_INIT;

	(void)state;
	strbuf_puts(&err, "f:9: nine\nf:2: two\nf: no line\nf:2: two again\n"
	    "f:10: ten\n");
	cfgcheck_sort(&err);
	assert_string_equal(strbuf_str(&err), "f: no line\nf:2: two\n"
	    "f:2: two again\nf:9: nine\nf:10: ten\n");
	strbuf_free(&err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_load_all_keeps_the_rest),
		cmocka_unit_test(test_every_bad_entry),
		cmocka_unit_test(test_empty_court_domains),
		cmocka_unit_test(test_sort),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
