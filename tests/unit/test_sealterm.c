/*
 * test_sealterm: the seal/redact detector on tables of docket texts,
 * descriptions and subjects.  Short phrases marked "corpus" are real
 * wording from court notices; the rest are written to probe the rules
 * and the false-positive traps.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "sealterm.h"

struct tcase {
	const char	*text;
	const char	*word;		/* NULL: not restricted */
	const char	*term;
};

/* The built-in words only (no settings). */
static const struct tcase builtin_cases[] = {
	/* corpus */
	{ "SEALED DOCUMENT Bail Spreadsheet re Order[124] filed by "
	    "Respondents Matthew T. Albence, James Janecka.", "SEALED", "seal" },
	{ "(Attachments: # (1) Unredacted Document)(Mercado-Santana, Victor)",
	    "Unredacted", "redact" },
	{ "Ex. C - Credit App.(Redacted)) (FirstName LastName)", "Redacted",
	    "redact" },
	{ "C:\\fakepath\\DIP Oct 2024_Redacted.pdf", "Redacted", "redact" },
	{ "Motion for Relief from Stay . Fee Amount $199. Filed by "
	    "Corporation (Attachments: (1) Proposed Order", NULL, NULL },
	{ "TEXT ONLY ORDER granting motion to extend time to file brief [18] "
	    "filed by Appellee Apple Inc.", NULL, NULL },
	{ "COURT DELETED INCORRECT ENTRY. Entered in error (already listed on "
	    "docket).", NULL, NULL },
	{ "NOTICE OF APPEARANCE by Nicole Sullivan for Appellee Multiple "
	    "Energy Technologies, LLC.", NULL, NULL },
	{ "Activity in Case 1:21-cv-01456-MN CBV, Inc. v. ChanBond, LLC Letter",
	    NULL, NULL },
	/* forms */
	{ "Motion to Seal", "Seal", "seal" },
	{ "ORDER granting [12] Motion to File Under Seal", "Seal", "seal" },
	{ "seals", "seals", "seal" },
	{ "Sealing Order", "Sealing", "seal" },
	{ "UNSEALED", "UNSEALED", "seal" },
	{ "Order to Unseal Case", "Unseal", "seal" },
	{ "the unsealing of the indictment", "unsealing", "seal" },
	{ "RESEALED exhibits", "RESEALED", "seal" },
	{ "undersealed filing", "undersealed", "seal" },
	{ "Redacted version of [45] Brief", "Redacted", "redact" },
	{ "redacts", "redacts", "redact" },
	{ "REDACTING", "REDACTING", "redact" },
	{ "Notice of Redaction", "Redaction", "redact" },
	{ "proposed redactions", "redactions", "redact" },
	{ "Un-Redacted copy", "Un-Redacted", "redact" },
	{ "Non-Redacted copy", "Non-Redacted", "redact" },
	{ "nonredacted copy", "nonredacted", "redact" },
	/* words split by punctuation and markup leftovers */
	{ "SEALED-DOCUMENT", "SEALED", "seal" },
	{ "(Sealed)", "Sealed", "seal" },
	{ "*SEALED*", "SEALED", "seal" },
	{ "Exhibit 3[Sealed]", "Sealed", "seal" },
	{ "ECF_sealed_attachment", "sealed", "seal" },
	{ "2Sealed", "Sealed", "seal" },
	{ "S-E-A-L-E-D", "S-E-A-L", "seal" },
	{ "S.E.A.L.E.D. document", "S.E.A.L", "seal" },
	{ "Re-dacted exhibit", "Re-dacted", "redact" },
	{ "Un-Sealed order", "Un-Sealed", "seal" },
	{ "Un\xc2\xadsealed", "Un\xc2\xadsealed", "seal" },	/* soft hyphen */
	{ "Sea\xe2\x80\x8bled", "Sea\xe2\x80\x8bled", "seal" },	/* ZWSP */
	{ "S E A L E D DOCUMENT", "S E A L", "seal" },
	{ "\xef\xbb\xbfsealed", "sealed", "seal" },	/* BOM before */
	{ "OrderSEALED", "SEALED", "seal" },	/* markup removed, no blank */
	{ "MotionToSeal", "Seal", "seal" },
	{ "ExhibitUnredacted", "Unredacted", "redact" },
	{ "McSeal", "Seal", "seal" },
	{ "ORDERSEALED", NULL, NULL },	/* capitals run together */
	{ "counsealing", NULL, NULL },
	/* traps, decided towards restricted (see sealterm.h) */
	{ "Sealy Corporation v. Doe", "Sealy", "seal" },
	{ "Bobby Seale", "Seale", "seal" },
	{ "City of Seal Beach", "Seal", "seal" },
	{ "under the seal of the court", "seal", "seal" },
	{ "resealable container", "resealable", "seal" },
	{ "Sea-Land Service, Inc.", "Sea-Land", "seal" },
	{ "sealant", "sealant", "seal" },
	/* traps, not restricted */
	{ "Motion to conceal evidence", NULL, NULL },
	{ "concealed carry", NULL, NULL },
	{ "counseled the defendant", NULL, NULL },
	{ "Chelsea Lane LLC", NULL, NULL },
	{ "research and development", NULL, NULL },
	{ "predicate act", NULL, NULL },
	{ "Reseller agreement", NULL, NULL },
	{ "Sea lion habitat", NULL, NULL },
	{ "S E A", NULL, NULL },
	{ "SE AL", NULL, NULL },
	{ "", NULL, NULL },
};

static void
check_table(const struct sealterm *st, const struct sealterm_case *cases,
    size_t ncases, const struct tcase *tab, size_t n, const char *what)
{
	struct sealterm_match	m;
	size_t			i;

	for (i = 0; i < n; i++) {
		const struct tcase *c = &tab[i];
		int r = sealterm_scan(st, cases, ncases, c->text,
		    strlen(c->text), &m);

		if (c->word == NULL) {
			if (r != 0)
				fail_msg("%s: \"%s\" restricted by \"%s\" (%s)",
				    what, c->text, m.sm_word, m.sm_term);
			assert_string_equal(m.sm_word, "");
			continue;
		}
		if (r != 1)
			fail_msg("%s: \"%s\" not restricted", what, c->text);
		{
			char want[SEALTERM_WORD_SIZE];
			size_t k, wl = strlen(c->word);

			/* sm_word is the printable form of the word. */
			for (k = 0; k < wl && k < sizeof(want) - 1; k++)
				want[k] = ((unsigned char)c->word[k] < 0x20 ||
				    (unsigned char)c->word[k] >= 0x7f) ? '?' :
				    c->word[k];
			want[k] = '\0';
			if (strcmp(m.sm_word, want) != 0 ||
			    strcmp(m.sm_term, c->term) != 0)
				fail_msg("%s: \"%s\": got word \"%s\" term "
				    "\"%s\", want \"%s\" \"%s\"", what, c->text,
				    m.sm_word, m.sm_term, want, c->term);
			if (m.sm_len != wl ||
			    memcmp(c->text + m.sm_off, c->word, wl) != 0)
				fail_msg("%s: \"%s\": offset %zu length %zu",
				    what, c->text, m.sm_off, m.sm_len);
		}
	}
}

static void
test_builtin(void **state)
{
	(void)state;
	check_table(NULL, NULL, 0, builtin_cases,
	    sizeof(builtin_cases) / sizeof(builtin_cases[0]), "builtin");
}

static const char *const terms[] = {
	"confidential", "ex parte", "In  Camera", "AEO",
};
static const char *const excs[] = {
	"Sealy Corp",
	"\"seal of the court\"",
	"cand 4:22-cv-05541 Seal Beach",
	"nysb 23-10253 Sealaska",
	"* 22-cv-01000 resealable",
	"cacd * Seale",
	"* * Motion 12-3 Sealing",
	"Redacted  version",
};

static const struct tcase conf_cases[] = {
	/* extra terms */
	{ "CONFIDENTIAL exhibits", "CONFIDENTIAL", "confidential" },
	{ "confidentiality agreement", "confidentiality", "confidential" },
	{ "Ex-Parte application", "Ex-Parte", "ex parte" },
	{ "EX\r\n PARTE motion", "EX\r\n PARTE", "ex parte" },
	{ "reviewed in camera", "in camera", "in camera" },
	{ "designated A.E.O.", "A.E.O", "aeo" },
	{ "Sealed-Document", "Sealed", "seal" },
	{ "expert report", NULL, NULL },
	{ "index parte", NULL, NULL },
	/* global exceptions: only the occurrences they cover */
	{ "Sealy Corp v. Doe, Answer", NULL, NULL },
	{ "SEALY  CORP's answer", NULL, NULL },
	{ "Sealy Corp's Motion to Seal", "Seal", "seal" },
	{ "Motion to Seal filed by Sealy Corp", "Seal", "seal" },
	{ "Sealy Corporation v. Doe", "Sealy", "seal" },	/* boundary */
	{ "Sealy Inc.", "Sealy", "seal" },
	{ "Summons issued under seal of the court", NULL, NULL },
	{ "Summons issued under seal of the courthouse", "seal", "seal" },
	{ "Redacted version of brief", NULL, NULL },
	{ "Redacted version; unredacted version lodged", "unredacted",
	    "redact" },
	{ "Redacted\tversion", NULL, NULL },
	{ "Redacted versions", "Redacted", "redact" },
	/* per-case exceptions for another case do not apply */
	{ "City of Seal Beach", "Seal", "seal" },
	{ "Sealaska Corp.", "Sealaska", "seal" },
	/* "* * ..." is a global phrase */
	{ "Motion 12-3 Sealing", NULL, NULL },
};

static void
test_configured(void **state)
{
	struct sealterm		*st = NULL;
	char			 err[200];
	static const struct sealterm_case other = { "cand", "4:23-cv-00001" };

	(void)state;
	if (sealterm_new(terms, sizeof(terms) / sizeof(terms[0]), excs,
	    sizeof(excs) / sizeof(excs[0]), &st, err, sizeof(err)) != 0)
		fail_msg("sealterm_new: %s", err);
	check_table(st, NULL, 0, conf_cases,
	    sizeof(conf_cases) / sizeof(conf_cases[0]), "global");
	check_table(st, &other, 1, conf_cases,
	    sizeof(conf_cases) / sizeof(conf_cases[0]), "other case");
	sealterm_free(st);
}

struct pcase {
	const char		*court, *docket, *text;
	int			 restricted;
};

static const struct pcase per_case[] = {
	{ "cand", "4:22-cv-05541-JST", "City of Seal Beach v. Doe", 0 },
	{ "cand", "4:22-cv-5541", "City of Seal Beach v. Doe", 0 },
	{ "CAND", "4:22-cv-05541", "City of Seal Beach v. Doe", 0 },
	{ "cand", "4:22-cv-05541-JST", "Seal Beach's motion to seal", 1 },
	{ "cand", "3:22-cv-05541", "City of Seal Beach v. Doe", 1 },
	{ "cand", "4:22-cr-05541", "City of Seal Beach v. Doe", 1 },
	{ "cand", "4:21-cv-05541", "City of Seal Beach v. Doe", 1 },
	{ "cacd", "4:22-cv-05541", "City of Seal Beach v. Doe", 1 },
	{ "cand", NULL, "City of Seal Beach v. Doe", 1 },
	{ "cand", "not a docket", "City of Seal Beach v. Doe", 1 },
	{ "nysb", "23-10253-KBO", "Sealaska Corp. objection", 0 },
	{ "nysb", "1:23-bk-10253", "Sealaska Corp. objection", 0 },
	{ "nysb", "23-10254-KBO", "Sealaska Corp. objection", 1 },
	{ "txsd", "2:22-cv-01000", "resealable bags", 0 },
	{ "ilnd", "1:22-cv-01000-ABC", "resealable bags", 0 },
	{ "ilnd", "1:22-cr-01000", "resealable bags", 1 },
	{ "cacd", "2:20-cv-00768-TJH", "Bobby Seale", 0 },
	{ "cacd", "21-55555", "Bobby Seale", 0 },
	{ "cand", "21-55555", "Bobby Seale", 1 },
};

static void
test_per_case(void **state)
{
	struct sealterm		*st = NULL;
	struct sealterm_match	 m;
	char			 err[200];
	size_t			 i;

	(void)state;
	if (sealterm_new(NULL, 0, excs, sizeof(excs) / sizeof(excs[0]), &st,
	    err, sizeof(err)) != 0)
		fail_msg("sealterm_new: %s", err);
	for (i = 0; i < sizeof(per_case) / sizeof(per_case[0]); i++) {
		const struct pcase *p = &per_case[i];
		struct sealterm_case c = { p->court, p->docket };
		int r = sealterm_scan(st, &c, 1, p->text, strlen(p->text), &m);

		if (r != p->restricted)
			fail_msg("%s %s \"%s\": %d", p->court,
			    p->docket ? p->docket : "(null)", p->text, r);
	}
	/* Multi-docket notice: an exception for any of its cases applies. */
	{
		struct sealterm_case two[2] = {
			{ "cand", "4:23-cv-00001" }, { "cand", "4:22-cv-05541" },
		};

		assert_int_equal(sealterm_scan(st, two, 2, "Seal Beach", 10,
		    &m), 0);
		assert_int_equal(sealterm_scan(st, two, 1, "Seal Beach", 10,
		    &m), 1);
	}
	sealterm_free(st);
}

static void
test_bad_settings(void **state)
{
	static const struct {
		const char *term, *exc, *msg;
	} bad[] = {
		{ "", NULL, "restricted_terms: \"\" is empty" },
		{ "   ", NULL, "is empty" },
		{ "-sealed", NULL, "must start with a letter or digit" },
		{ "bad\nterm", NULL, "control character" },
		{ "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		    NULL, "longer than 64 bytes" },
		{ NULL, "", "empty phrase" },
		{ NULL, "\"\"", "empty phrase" },
		{ NULL, "cand 4:22-cv-05541", "names a case but no phrase" },
		{ NULL, "* *", "names a case but no phrase" },
		{ NULL, "tab\there ok\x01", "control character" },
	};
	struct sealterm	*st;
	char		 err[200];
	size_t		 i;

	(void)state;
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		st = (struct sealterm *)err;
		err[0] = '\0';
		if (sealterm_new(&bad[i].term, bad[i].term != NULL, &bad[i].exc,
		    bad[i].exc != NULL, &st, err, sizeof(err)) != -1)
			fail_msg("entry %zu accepted", i);
		assert_null(st);
		if (strstr(err, bad[i].msg) == NULL)
			fail_msg("entry %zu: \"%s\" lacks \"%s\"", i, err,
			    bad[i].msg);
	}
	/* Two words whose second is no docket number: a global phrase. */
	assert_int_equal(sealterm_new(NULL, 0, (const char *const[]){
	    "cand sealing" }, 1, &st, err, sizeof(err)), 0);
	assert_int_equal(sealterm_scan(st, NULL, 0, "cand sealing", 12, NULL),
	    0);
	sealterm_free(st);
	assert_null(sealterm_free(NULL));
}

static void
test_limits(void **state)
{
	static char		 big[SEALTERM_TEXT_MAX + 100];
	struct sealterm_match	 m;

	(void)state;
	memset(big, 'x', sizeof(big));
	/* A match inside the limit is found and reported. */
	memcpy(big + 1000, " sealed ", 8);
	assert_int_equal(sealterm_scan(NULL, NULL, 0, big, sizeof(big), &m), 1);
	assert_string_equal(m.sm_term, "seal");
	assert_int_equal(m.sm_off, 1001);
	/* Past the limit nothing is read: restricted as "oversize". */
	memset(big + 1000, 'x', 8);
	memcpy(big + SEALTERM_TEXT_MAX + 10, " sealed ", 8);
	assert_int_equal(sealterm_scan(NULL, NULL, 0, big, sizeof(big), &m), 1);
	assert_string_equal(m.sm_term, "oversize");
	assert_int_equal(sealterm_scan(NULL, NULL, 0, big, SEALTERM_TEXT_MAX,
	    &m), 0);
	/* NUL bytes and a missing text are harmless. */
	assert_int_equal(sealterm_scan(NULL, NULL, 0, "a\0sealed", 8, &m), 1);
	assert_int_equal(m.sm_off, 2);
	assert_int_equal(sealterm_scan(NULL, NULL, 0, NULL, 5, &m), 0);
	/* A long run of joiners does not join. */
	assert_int_equal(sealterm_scan(NULL, NULL, 0, "se----------al", 14,
	    &m), 0);
	/* The reported word is capped. */
	memset(big, 'd', 200);
	memcpy(big, "sealed", 6);
	assert_int_equal(sealterm_scan(NULL, NULL, 0, big, 200, &m), 1);
	assert_int_equal(strlen(m.sm_word), SEALTERM_WORD_SIZE - 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtin),
		cmocka_unit_test(test_configured),
		cmocka_unit_test(test_per_case),
		cmocka_unit_test(test_bad_settings),
		cmocka_unit_test(test_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
