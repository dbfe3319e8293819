/*
 * test_addr: address cleaning, comparison, domain lists, validation and
 * From-header extraction, on tables of inputs.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "addr.h"

struct pair {
	const char	*in;
	const char	*out;		/* NULL: must fail */
};

static const struct pair clean_cases[] = {
	{ "jdoe@firm.com", "jdoe@firm.com" },
	{ "<JDoe@Firm.COM>", "JDoe@firm.com" },
	{ "  < jdoe@FIRM.com >\t", "jdoe@firm.com" },
	{ "<>", "" },
	{ "", "" },
	{ "<postmaster>", "postmaster" },
	{ "\"A@B\"@Example.ORG", "\"A@B\"@example.org" },
	{ "<jdoe@firm.com", NULL },
	{ "jdoe@firm.com>", NULL },
	{ "<", NULL },
	{ "j\ndoe@firm.com", NULL },
	{ "<a<b>@c.d>", NULL },
};

static void
test_clean(void **state)
{
	char	out[ADDR_SIZE];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(clean_cases) / sizeof(clean_cases[0]); i++) {
		const struct pair *p = &clean_cases[i];
		int rc = addr_clean(p->in, out, sizeof(out));

		if (p->out == NULL) {
			if (rc != -1)
				fail_msg("addr_clean(\"%s\") accepted: \"%s\"",
				    p->in, out);
			assert_string_equal(out, "");
		} else {
			if (rc != 0)
				fail_msg("addr_clean(\"%s\") failed", p->in);
			assert_string_equal(out, p->out);
		}
	}
}

static void
test_clean_limits(void **state)
{
	char	big[ADDR_MAX + 10], out[ADDR_SIZE], small[8];

	(void)state;
	memset(big, 'a', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	big[10] = '@';
	assert_int_equal(addr_clean(big, out, sizeof(out)), -1);
	big[ADDR_MAX] = '\0';		/* exactly ADDR_MAX bytes */
	assert_int_equal(addr_clean(big, out, sizeof(out)), 0);
	assert_int_equal(strlen(out), ADDR_MAX);
	assert_int_equal(addr_clean("jdoe@firm.com", small, sizeof(small)), -1);
	assert_string_equal(small, "");
	assert_int_equal(addr_clean(NULL, out, sizeof(out)), -1);
}

static const struct pair domain_cases[] = {
	{ "jdoe@Firm.COM", "firm.com" },
	{ "<ecf_bounces@NYED.uscourts.gov>", "nyed.uscourts.gov" },
	{ "\"x@y\"@z.example", "z.example" },
	{ "postmaster", NULL },
	{ "jdoe@", NULL },
	{ "", NULL },
};

static void
test_domain(void **state)
{
	char	dom[ADDR_SIZE];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(domain_cases) / sizeof(domain_cases[0]); i++) {
		const struct pair *p = &domain_cases[i];
		int rc = addr_domain(p->in, dom, sizeof(dom));

		if (p->out == NULL) {
			assert_int_equal(rc, -1);
			assert_string_equal(dom, "");
		} else {
			assert_int_equal(rc, 0);
			assert_string_equal(dom, p->out);
		}
	}
}

struct eq {
	const char	*a, *b;
	int		 equal;
};

static const struct eq eq_cases[] = {
	{ "jdoe@firm.com", "<JDOE@FIRM.COM>", 1 },
	{ "John.Doe@Firm.com", "john.doe@firm.com", 1 },
	{ " jdoe@firm.com ", "jdoe@firm.com", 1 },
	{ "jdoe@firm.com", "jdoe@firm.co", 0 },
	{ "jdoe@firm.com", "jdoe+x@firm.com", 0 },
	{ "jdoe@firm.com", "jdoe@mail.firm.com", 0 },
	{ "<>", "<>", 0 },		/* the null sender is no mailbox */
	{ "jdoe@firm.com", NULL, 0 },
	{ "<jdoe@firm.com", "jdoe@firm.com", 0 },
};

static void
test_equal(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(eq_cases) / sizeof(eq_cases[0]); i++) {
		int got = addr_equal(eq_cases[i].a, eq_cases[i].b);

		if (got != eq_cases[i].equal)
			fail_msg("addr_equal(\"%s\", \"%s\") = %d",
			    eq_cases[i].a, eq_cases[i].b ? eq_cases[i].b :
			    "(null)", got);
		assert_int_equal(addr_equal(eq_cases[i].b, eq_cases[i].a),
		    eq_cases[i].equal);
	}
}

static const char *const courts[] = { "uscourts.gov", "*.fedcourts.us" };
static const char *const firms[] = { "@firm.com", "firm-law.com." };

struct dom {
	const char		*in;
	const char *const	*list;
	size_t			 n;
	int			 in_list;
};

static const struct dom dom_cases[] = {
	{ "cmecf@ca2.uscourts.gov", courts, 2, 1 },
	{ "ecf@USCOURTS.GOV", courts, 2, 1 },
	{ "bounces+1-2=x@em4346.ca9.fedcourts.us", courts, 2, 1 },
	{ "ACMS@ca9.fedcourts.us", courts, 2, 1 },
	{ "x@fedcourts.us", courts, 2, 1 },
	{ "x@fakeuscourts.gov", courts, 2, 0 },
	{ "x@uscourts.gov.evil.com", courts, 2, 0 },
	{ "x@gov", courts, 2, 0 },
	{ "x@cand.uscourts.gov.", courts, 2, 1 },
	{ "jdoe@firm.com", firms, 2, 1 },
	{ "jdoe@ny.FIRM.com", firms, 2, 1 },
	{ "jdoe@firm-law.com", firms, 2, 1 },
	{ "jdoe@notfirm.com", firms, 2, 0 },
	{ "jdoe@firm.com", NULL, 0, 0 },
	{ "postmaster", courts, 2, 0 },
};

static void
test_domains(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(dom_cases) / sizeof(dom_cases[0]); i++) {
		const struct dom *d = &dom_cases[i];

		if (addr_in_domains(d->in, d->list, d->n) != d->in_list)
			fail_msg("addr_in_domains(\"%s\") != %d", d->in,
			    d->in_list);
	}
	assert_int_equal(addr_domain_in("ca9.fedcourts.us", courts, 2), 1);
	assert_int_equal(addr_domain_in("", courts, 2), 0);
	assert_int_equal(addr_domain_in(NULL, courts, 2), 0);
}

struct val {
	const char	*in;
	const char	*why;		/* NULL: valid; else a word of the reason */
};

static const struct val val_cases[] = {
	{ "jdoe@firm.com", NULL },
	{ "<Jane.Doe@ny.firm.com>", NULL },
	{ "docket+cand@firm-law.com", NULL },
	{ "\"doe, jane\"@firm.com", NULL },
	{ "o'brien@firm.co.uk", NULL },
	{ "", "empty" },
	{ "jdoe", "no '@'" },
	{ "@firm.com", "empty local" },
	{ "jdoe@", "empty domain" },
	{ "jdoe@localhost", "no dot" },
	{ "jdoe@firm..com", "empty label" },
	{ "jdoe@.firm.com", "empty label" },
	{ "jdoe@firm.com.", "empty label" },
	{ "jdoe@-firm.com", "starts with '-'" },
	{ "jdoe@firm-.com", "ends with '-'" },
	{ "jdoe@fi_rm.com", "not allowed in domain" },
	{ "jdoe@[10.1.2.3]", "literal" },
	{ "jdoe@10.1.2.3", "all digits" },
	{ ".jdoe@firm.com", "starts or ends" },
	{ "j..doe@firm.com", "'..'" },
	{ "j doe@firm.com", "not allowed in local" },
	{ "j(doe)@firm.com", "not allowed in local" },
	{ "j\xc3\xa9@firm.com", "non-ASCII local" },
	{ "jdoe@f\xc3\xa9.com", "non-ASCII domain" },
	{ "\"unterminated@firm.com", "quote" },
	{ "jdoe@firm.com>", "angle" },
	{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "@firm.com", "longer than 64" },
	{ "jdoe@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    ".com", "longer than 63" },
};

static void
test_validate(void **state)
{
	char	why[128];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(val_cases) / sizeof(val_cases[0]); i++) {
		const struct val *v = &val_cases[i];
		int rc = addr_validate(v->in, why, sizeof(why));

		if (v->why == NULL) {
			if (rc != 0)
				fail_msg("\"%s\" refused: %s", v->in, why);
			assert_string_equal(why, "");
		} else {
			if (rc != -1)
				fail_msg("\"%s\" accepted", v->in);
			if (strstr(why, v->why) == NULL)
				fail_msg("\"%s\": reason \"%s\" lacks \"%s\"",
				    v->in, why, v->why);
		}
	}
	assert_int_equal(addr_validate("bad", NULL, 0), -1);
}

static const struct pair from_cases[] = {
	{ "cmecf@ca2.uscourts.gov", "cmecf@ca2.uscourts.gov" },
	{ "ACMS@ca9.fedcourts.us", "ACMS@ca9.fedcourts.us" },
	{ "\"ACMS\" <ACMS@CA9.fedcourts.us>", "ACMS@ca9.fedcourts.us" },
	{ "Jane Doe <jdoe@firm.com>", "jdoe@firm.com" },
	{ "jdoe@firm.com (Jane Doe)", "jdoe@firm.com" },
	{ "\"Doe, Jane\" <jdoe@firm.com>", "jdoe@firm.com" },
	{ "\"court@cand.uscourts.gov\" <attacker@evil.example>",
	    "attacker@evil.example" },
	{ "(court@cand.uscourts.gov) attacker@evil.example",
	    "attacker@evil.example" },
	{ "=?utf-8?q?Jos=C3=A9?=\r\n <jose@firm.com>", "jose@firm.com" },
	{ "Jane\r\n\tDoe\r\n <jdoe@firm.com>", "jdoe@firm.com" },
	{ "Doe <\"doe, j\"@firm.com>", "\"doe, j\"@firm.com" },
	{ "<\"a>b\"@firm.com>", NULL },	/* found, but no clean form */
	{ "a@b.com, c@d.com", NULL },
	{ "Jane <a@b.com> <c@d.com>", NULL },
	{ "undisclosed-recipients:;", NULL },
	{ "Jane Doe jdoe@firm.com", NULL },
	{ "Jane Doe", NULL },
	{ "", NULL },
	{ "<>", NULL },
	{ "<jdoe@>", NULL },
	{ "\"unterminated <jdoe@firm.com>", NULL },
	{ "(unterminated jdoe@firm.com", NULL },
	{ "<jdoe@firm.com", NULL },
};

static void
test_from_header(void **state)
{
	char	out[ADDR_SIZE];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(from_cases) / sizeof(from_cases[0]); i++) {
		const struct pair *p = &from_cases[i];
		int rc = addr_from_header(p->in, out, sizeof(out));

		if (p->out == NULL) {
			if (rc != -1)
				fail_msg("from \"%s\" accepted: \"%s\"", p->in,
				    out);
			assert_string_equal(out, "");
		} else {
			if (rc != 0)
				fail_msg("from \"%s\" refused", p->in);
			assert_string_equal(out, p->out);
		}
	}
}

static void
test_from_header_long(void **state)
{
	char	big[ADDR_HEADER_MAX + 64], out[ADDR_SIZE];

	(void)state;
	/* A long display name before a good angle-addr is fine. */
	memset(big, 'x', 1000);
	big[0] = '"';
	big[999] = '"';
	memcpy(big + 1000, " <jdoe@firm.com>", 17);
	assert_int_equal(addr_from_header(big, out, sizeof(out)), 0);
	assert_string_equal(out, "jdoe@firm.com");
	/* Past the cap, nothing is looked at. */
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	assert_int_equal(addr_from_header(big, out, sizeof(out)), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_clean_limits),
		cmocka_unit_test(test_domain),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_domains),
		cmocka_unit_test(test_validate),
		cmocka_unit_test(test_from_header),
		cmocka_unit_test(test_from_header_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
