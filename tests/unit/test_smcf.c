/*
 * test_smcf: policy/smcf.c, what nefmilter reads of a sendmail.cf: the
 * RunAsUser option (with and without a group, blanks, case, comments,
 * the last line counting, a longer option name that is not it), the
 * milter definitions (name, S= socket, continuation lines, other
 * fields), finding the milter of a unix socket, the kernel's rule for
 * who may open a socket, and text that is cut or makes no sense.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "smcf.h"

static void
parse(const char *text, struct smcf *sc)
{
	smcf_parse(text, strlen(text), sc);
}

/* As m4 writes it from INPUT_MAIL_FILTER and confRUN_AS_USER. */
static const char m4cf[] =
    "#\n"
    "# Input mail filters\n"
    "O InputMailFilters=nef\n"
    "# Run as user\n"
    "O RunAsUser=mail:mail\n"
    "#O RunAsUser=root\n"
    "O MaxMessageSize=10240000\n"
    "######################################################################\n"
    "###   MAIL FILTER DEFINITIONS\n"
    "######################################################################\n"
    "Xnef, S=unix:/run/nefmilter/nefmilter.sock, F=T, T=C:10s;S:30s;R:60s;E:10m\n"
    "Xdkim, S=inet:8891@127.0.0.1\n";

static void
test_m4(void **state)
{
	struct smcf	sc;

	(void)state;
	parse(m4cf, &sc);
	assert_true(sc.sc_has_runas);
	assert_string_equal(sc.sc_runas_user, "mail");
	assert_string_equal(sc.sc_runas_group, "mail");
	assert_int_equal(sc.sc_nmilters, 2);
	assert_string_equal(sc.sc_milters[0].sm_name, "nef");
	assert_string_equal(sc.sc_milters[0].sm_spec,
	    "unix:/run/nefmilter/nefmilter.sock");
	assert_string_equal(sc.sc_milters[1].sm_name, "dkim");
	assert_string_equal(sc.sc_milters[1].sm_spec, "inet:8891@127.0.0.1");
	assert_false(sc.sc_trunc);
	assert_int_equal(smcf_find(&sc, "/run/nefmilter/nefmilter.sock"), 0);
	assert_int_equal(smcf_find(&sc, "/run/nefmilter/other.sock"), -1);
	assert_int_equal(smcf_find(&sc, "8891@127.0.0.1"), -1);
}

struct rcase {
	const char	*text;
	int		 has;
	const char	*user, *group;
};

static const struct rcase rcases[] = {
	{ "", 0, "", "" },
	{ "O RunAsUser=mail\n", 1, "mail", "" },
	{ "O RunAsUser=8:12\n", 1, "8", "12" },
	{ "O RunAsUser = smmta : smmsp \n", 1, "smmta", "smmsp" },
	{ "O runasuser=mail:mail\r\n", 1, "mail", "mail" },
	{ "O  RunAsUser=a\nO RunAsUser=b:c\n", 1, "b", "c" },
	{ "O RunAsUser=a:b\nO RunAsUser=c\n", 1, "c", "" },
	{ "#O RunAsUser=mail\n", 0, "", "" },
	{ " O RunAsUser=mail\n", 0, "", "" },	/* a continuation of nothing */
	{ "O RunAsUserName=mail\n", 0, "", "" },
	{ "O RunAsUser\n", 0, "", "" },
	{ "ORunAsUser=mail\n", 0, "", "" },	/* option R */
	{ "O RunAsUser=\n", 1, "", "" },
	{ "DRunAsUser=mail\nCwRunAsUser=x\n", 0, "", "" },
	{ "O RunAsUser=mail", 1, "mail", "" },	/* no final line feed */
};

static void
test_runas(void **state)
{
	struct smcf	sc;
	size_t		i;

	(void)state;
	for (i = 0; i < sizeof rcases / sizeof rcases[0]; i++) {
		parse(rcases[i].text, &sc);
		if (sc.sc_has_runas != rcases[i].has ||
		    strcmp(sc.sc_runas_user, rcases[i].user) != 0 ||
		    strcmp(sc.sc_runas_group, rcases[i].group) != 0)
			fail_msg("%s: has %d user \"%s\" group \"%s\"",
			    rcases[i].text, sc.sc_has_runas, sc.sc_runas_user,
			    sc.sc_runas_group);
	}
}

static void
test_milters(void **state)
{
	struct smcf	sc;
	char		big[64 * 40], *p;
	size_t		i;

	(void)state;
	/* a definition continued on the next lines; fields in any order */
	parse("Xnef,\n\tF=T,\n  s=local:/var/run/nef.sock , T=E:10m\nXbare\n"
	    "X, S=unix:/nameless\nXq, F=T\n", &sc);
	assert_int_equal(sc.sc_nmilters, 3);
	assert_string_equal(sc.sc_milters[0].sm_name, "nef");
	assert_string_equal(sc.sc_milters[0].sm_spec, "local:/var/run/nef.sock");
	assert_string_equal(sc.sc_milters[1].sm_name, "bare");
	assert_string_equal(sc.sc_milters[1].sm_spec, "");
	assert_string_equal(sc.sc_milters[2].sm_name, "q");
	assert_int_equal(smcf_find(&sc, "/var/run/nef.sock"), 0);
	assert_int_equal(smcf_find(&sc, "/nameless"), -1);
	/* a comment between a definition and its continuation ends it */
	parse("Xa, F=T\n# note\n\tS=unix:/a.sock\n", &sc);
	assert_int_equal(sc.sc_nmilters, 1);
	assert_string_equal(sc.sc_milters[0].sm_spec, "");
	/* the socket forms */
	assert_string_equal(smcf_unix_path("unix:/x"), "/x");
	assert_string_equal(smcf_unix_path("LOCAL:/y"), "/y");
	assert_null(smcf_unix_path("unix:"));
	assert_null(smcf_unix_path("inet:10526@127.0.0.1"));
	assert_null(smcf_unix_path("inet6:10526@[::1]"));
	assert_null(smcf_unix_path(""));
	/* more milters than kept: the first ones, and sc_trunc */
	for (p = big, i = 0; i < SMCF_MILTERS_MAX + 3; i++)
		p += snprintf(p, sizeof big - (size_t)(p - big),
		    "Xm%zu, S=unix:/m%zu.sock\n", i, i);
	parse(big, &sc);
	assert_int_equal(sc.sc_nmilters, SMCF_MILTERS_MAX);
	assert_true(sc.sc_trunc);
	assert_int_equal(smcf_find(&sc, "/m5.sock"), 5);
	assert_int_equal(smcf_find(&sc, "/m33.sock"), -1);
}

/* A value longer than kept, a line longer than read: cut, never past. */
static void
test_cut(void **state)
{
	struct smcf	 sc;
	char		*t = malloc(20000), *u;
	size_t		 i;

	(void)state;
	assert_non_null(t);
	snprintf(t, 20000, "O RunAsUser=%0200d:%0200d\n", 7, 8);
	parse(t, &sc);
	assert_true(sc.sc_trunc);
	assert_int_equal(strlen(sc.sc_runas_user), SMCF_NAME_MAX);
	assert_int_equal(strlen(sc.sc_runas_group), SMCF_NAME_MAX);
	memset(t, 'a', 19999);
	t[0] = 'X';
	t[19999] = '\0';
	parse(t, &sc);
	assert_true(sc.sc_trunc);
	assert_int_equal(strlen(sc.sc_milters[0].sm_name), SMCF_NAME_MAX);
	/* every prefix and every byte value: no crash (ASan build) */
	for (i = 0; i < sizeof m4cf; i++) {
		u = malloc(i + 1);
		assert_non_null(u);
		memcpy(u, m4cf, i);
		smcf_parse(u, i, &sc);
		free(u);
	}
	for (i = 0; i < 19999; i++)
		t[i] = (char)(i * 131 % 256);
	smcf_parse(t, 19999, &sc);
	free(t);
}

struct pcase {
	unsigned long	 uid, gid, owner, group;
	unsigned	 mode;
	int		 member;
	enum smcf_reach	 want;
};

static const struct pcase pcases[] = {
	{ 0, 0, 100, 100, 0000, 0, SMCF_OK_ROOT },
	{ 8, 8, 8, 100, 0600, 0, SMCF_OK_OWNER },
	{ 8, 8, 8, 8, 0060, 1, SMCF_NO_OWNER },	/* the owner's bits count */
	{ 8, 8, 8, 100, 0400, 0, SMCF_NO_OWNER },
	{ 8, 8, 100, 8, 0660, 0, SMCF_OK_GROUP },
	{ 8, 8, 100, 8, 0640, 1, SMCF_NO_GROUP },
	{ 8, 8, 100, 8, 0606, 0, SMCF_NO_GROUP },	/* the group's bits count */
	{ 8, 8, 100, 109, 0660, 0, SMCF_NO_OTHER },	/* mail vs postfix */
	{ 8, 8, 100, 109, 0660, 1, SMCF_NO_MEMBER },	/* supplementary */
	{ 8, 8, 100, 109, 0600, 1, SMCF_NO_OTHER },
	{ 8, 8, 100, 109, 0666, 0, SMCF_OK_OTHER },
	{ 8, 8, 100, 109, 0664, 0, SMCF_NO_OTHER },
};

static void
test_reach(void **state)
{
	size_t	i;
	enum smcf_reach r;

	(void)state;
	for (i = 0; i < sizeof pcases / sizeof pcases[0]; i++) {
		r = smcf_reach(pcases[i].uid, pcases[i].gid, pcases[i].owner,
		    pcases[i].group, pcases[i].mode, pcases[i].member);
		if (r != pcases[i].want)
			fail_msg("case %zu: %d, want %d", i, r, pcases[i].want);
	}
	assert_true(smcf_reach_ok(SMCF_OK_ROOT));
	assert_true(smcf_reach_ok(SMCF_OK_OTHER));
	assert_false(smcf_reach_ok(SMCF_NO_OWNER));
	assert_false(smcf_reach_ok(SMCF_NO_GROUP));
	assert_false(smcf_reach_ok(SMCF_NO_OTHER));
	assert_false(smcf_reach_ok(SMCF_NO_MEMBER));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_m4),
		cmocka_unit_test(test_runas),
		cmocka_unit_test(test_milters),
		cmocka_unit_test(test_cut),
		cmocka_unit_test(test_reach),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
