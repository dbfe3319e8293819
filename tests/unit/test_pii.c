/*
 * test_pii: the identifier rules of Fed. R. Civ. P. 5.2(a) / Fed. R.
 * Bankr. P. 9037 on tables of page text: what must be reported (with
 * its masked form) and the look-alikes court filings are full of that
 * must not be.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "pii.h"

struct tcase {
	const char	*text;
	const char	*want;	/* "kind shown|kind shown", "" for none */
};

static const struct tcase cases[] = {
	/* Social Security and taxpayer numbers */
	{ "SSN: 123-45-6789", "ssn XXX-XX-6789" },
	{ "Social Security No. 123 45 6789", "ssn XXX XX 6789" },
	{ "social security number 123456789.", "ssn XXXXX6789" },
	{ "S.S.N. 123.45.6789", "ssn XXX.XX.6789" },
	{ "the debtor, whose number is 123-45-6789, filed", "ssn XXX-XX-6789" },
	{ "Soc. Sec. #: 078-05-1120", "ssn XXX-XX-1120" },
	{ "ITIN 912-70-1234", "ssn XXX-XX-1234" },
	{ "TIN: 12-3456789", "ssn XX-XXX6789" },
	{ "Taxpayer Identification Number 98-7654321", "ssn XX-XXX4321" },
	{ "SSN 123\xe2\x80\x93" "45\xe2\x80\x93" "6789",
	    "ssn XXX\xe2\x80\x93XX\xe2\x80\x93" "6789" },
	{ "SSN\n123-45-6789", "ssn XXX-XX-6789" },
	{ "Social Security Number 123 - 45 - 6789", "ssn XXX - XX - 6789" },
	{ "SSN: 123 -45 -6789", "ssn XXX -XX -6789" },
	{ "123 - 45 - 6789", "" },		/* spaced dashes, no label */
	/* dashes, some with blanks beside them: the dash family */
	{ "SSN 123-45- 6789", "ssn XXX-XX- 6789" },
	{ "SSN: 123 -45-6789", "ssn XXX -XX-6789" },
	{ "Social Security No. 123 - 45-6789", "ssn XXX - XX-6789" },
	{ "TIN: 12- 3456789", "ssn XX- XXX6789" },
	{ "123-45- 6789", "" },			/* no label */
	{ "SSN 123 45- 6789", "ssn XXX XX- 6789" },	/* blanks */
	{ "SSN 123-45 6789", "" },		/* a dash and a blank */
	{ "SSN 123.45- 6789", "" },		/* a dot and a dash */
	{ "Case No. 123-45- 6789", "" },
	{ "Claim No. 123-45- 6789", "" },
	{ "Claim No. 12-34- 5678", "" },
	{ "Fax: 415-555- 1213", "" },
	{ "Phone 415 - 555-1212", "" },
	{ "SSN on file; call 415-555- 1212", "" },
	{ "Oakland, CA 94612- 1234", "" },
	{ "account ZIP 94102 - 1234", "" },
	{ "Case 4:22-cv-05541 - JST Document 58- 3", "" },
	{ "Filed 03/14/2024 - 123-45- 6789", "" },
	{ "SSN: 123 -- 45 - 6789", "" },
	{ "SSNs 123-45-6789 and 234-56-7890",
	    "ssn XXX-XX-6789|ssn XXX-XX-7890" },
	{ "SSN: XXX-45-6789", "ssn XXX-XX-6789" },	/* shows the group */
	/* compliant or not an SSN */
	{ "SSN: XXX-XX-6789", "" },
	{ "SSN: ***-**-6789", "" },
	{ "last four digits of SSN: 6789", "" },
	{ "SSN: 000-12-3456", "" },
	{ "SSN: 666-12-3456", "" },
	{ "SSN: 123-00-4567", "" },
	{ "SSN: 123-45-0000", "" },
	{ "SSN 900-12-3456", "" },		/* 9xx, not an ITIN group */
	{ "123 45 6789", "" },			/* blanks, no label */
	{ "EIN 12-3456789", "" },		/* a business's EIN */
	{ "12-3456789", "" },
	{ "Case No. 123-45-6789", "" },
	{ "Claim No. 123-45-6789", "" },
	{ "Bates 123-45-6789", "" },
	{ "Phone: 123-45-6789", "" },
	{ "Case 4:22-cv-05541-JST Document 58-3 Filed 03/14/2024", "" },
	{ "ABC-123-45-6789", "" },
	{ "123-45-6789-A", "" },
	{ "SSN 123456789012", "" },		/* too long */
	{ "Routing number 123456789 (SSN on file)", "" },
	{ "SSN: TIN routing 021000021", "" },
	{ "Ex. 123-45-6789", "" },
	/* birth dates */
	{ "DOB: 03/14/1975", "birth_date XX/XX/1975" },
	{ "D.O.B. 3-4-75", "birth_date XX/XX/75" },
	{ "Date of Birth: March 14, 1975", "birth_date XX/XX/1975" },
	{ "born on Mar. 14th, 1975 in Ohio", "birth_date XX/XX/1975" },
	{ "born 14 March 1975", "birth_date XX/XX/1975" },
	{ "birth date 1975-03-14", "birth_date XX/XX/1975" },
	{ "Birthdate: 31/12/1980", "birth_date XX/XX/1980" },
	{ "John Doe (DOB 7/4/1990) was", "birth_date XX/XX/1990" },
	{ "on 7/4/1990 (date of birth)", "birth_date XX/XX/1990" },
	{ "Dates of birth:\n  01/02/1960", "birth_date XX/XX/1960" },
	{ "DOB: 1975", "" },
	{ "born in 1975", "" },
	{ "DOB: March 1975", "" },
	{ "born in March, 1975", "" },
	{ "DOB: XX/XX/1975", "" },
	{ "Filed 03/14/2024", "" },
	{ "Dated: March 14, 2024", "" },
	{ "He was born in Ohio. On 3/14/2020 the plaintiff filed", "" },
	{ "born in 1975; on 3/14/2020 the plaintiff filed", "" },
	{ "DOB: 13/13/1975", "" },
	{ "DOB 02/30/1870", "" },
	/* accounts */
	{ "Account No. 1234567890", "account XXXXXX7890" },
	{ "Acct. #: 0012-3456-789", "account XXXX-XXX6-789" },
	{ "account number ending in 123456", "account XX3456" },
	{ "Acct: XXXX12345", "account XXXXX2345" },
	{ "Credit card 4111 1111 1111 1111", "account XXXX XXXX XXXX 1111" },
	{ "paid with 4111-1111-1111-1111 on", "account XXXX-XXXX-XXXX-1111" },
	{ "card 378282246310005", "account XXXXXXXXXXX0005" },
	{ "Loan Number: 0098765432", "account XXXXXX5432" },
	{ "A/C 55512345", "account XXXX2345" },
	{ "bank accounts\n987654321", "account XXXXX4321" },
	/* compliant or not an account */
	{ "Account No. XXXX-XXXX-1234", "" },
	{ "account ending in 1234", "" },
	{ "Acct. ****5678", "" },
	{ "account 12345", "" },
	{ "on account of 1234567 shares", "" },
	{ "to account for 1234567 shares", "" },
	{ "taken into account 1234567", "" },
	{ "accounting entries 1234567", "" },
	{ "account, phone 415-555-1212", "" },
	{ "Account: (see Case No. 2:23-bk-123456)", "" },
	{ "account routing 021000021", "" },
	{ "account ZIP 94102-1234", "" },
	{ "4111 1111 1111 1112", "" },		/* Luhn fails */
	{ "1234 5678 9012 3456", "" },		/* no network */
	{ "Amount: $1234567.00", "" },
	/* phone, fax, ZIP, docket numbers, claim numbers, dates */
	{ "Tel: (415) 555-1212  Fax: 415.555.1213", "" },
	{ "1-800-555-1212", "" },
	{ "Phone 4155551212", "" },
	{ "San Francisco, CA 94102-3489", "" },
	{ "Case No. 23-10253 (Bankr. S.D.N.Y.) Claim No. 4-1", "" },
	{ "Document 58 Filed 03/14/24 Page 4 of 12", "" },
	{ "Doc 123 Filed 02/01/23 Entered 02/01/23 14:25:33", "" },
	{ "PageID #: 12345678", "" },
	{ "", "" },
};

struct got {
	char	buf[512];
};

static int
collect(void *arg, const struct pii_hit *h)
{
	struct got *g = arg;
	size_t n = strlen(g->buf);

	snprintf(g->buf + n, sizeof(g->buf) - n, "%s%s %s", n ? "|" : "",
	    pii_kind_name(h->ph_kind), h->ph_shown);
	return 0;
}

static void
test_table(void **state)
{
	size_t i, bad = 0, n;
	struct got g;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&g, 0, sizeof(g));
		n = pii_scan(cases[i].text, strlen(cases[i].text), collect, &g);
		if (strcmp(g.buf, cases[i].want) != 0) {
			printf("# \"%s\": got \"%s\", want \"%s\"\n", cases[i].text,
			    g.buf, cases[i].want);
			bad++;
		}
		if (n != (cases[i].want[0] ? 1u + (size_t)(strchr(cases[i].want,
		    '|') != NULL) : 0u)) {
			printf("# \"%s\": count %zu\n", cases[i].text, n);
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

struct acc {
	struct pii_hit	a_h[4];
	size_t		a_n;
};

static int
take(void *arg, const struct pii_hit *x)
{
	struct acc *a = arg;

	if (a->a_n < 4)
		a->a_h[a->a_n++] = *x;
	return 0;
}

static void
test_offsets(void **state)
{
	const char *t = "Name: J. Doe   SSN: 123-45-6789   DOB: 01/02/1960";
	struct acc a;

	(void)state;
	memset(&a, 0, sizeof(a));
	assert_int_equal(pii_scan(t, strlen(t), take, &a), 2);
	assert_int_equal(a.a_h[0].ph_kind, PII_SSN);
	assert_int_equal(a.a_h[0].ph_off, (size_t)(strstr(t, "123") - t));
	assert_int_equal(a.a_h[0].ph_len, 11);
	assert_int_equal(a.a_h[1].ph_kind, PII_BIRTH_DATE);
	assert_int_equal(a.a_h[1].ph_off, (size_t)(strstr(t, "01/02") - t));
	assert_int_equal(a.a_h[1].ph_len, 10);
}

static int
stop_first(void *arg, const struct pii_hit *x)
{
	(void)x;
	(*(int *)arg)++;
	return 1;
}

static void
test_stop_and_limits(void **state)
{
	const char *t = "SSN 123-45-6789 SSN 234-56-7890 SSN 345-67-8901";
	int calls = 0;
	char out[8];

	(void)state;
	assert_int_equal(pii_scan(t, strlen(t), stop_first, &calls), 1);
	assert_int_equal(calls, 1);
	assert_int_equal(pii_scan(t, strlen(t), NULL, NULL), 3);
	/* a NUL inside the text is just a byte */
	assert_int_equal(pii_scan("SSN\0 123-45-6789", 16, NULL, NULL), 1);
	/* the cut at the end of the text */
	assert_int_equal(pii_scan(t, 14, NULL, NULL), 0);
	pii_mask("123-45-6789", 11, out, sizeof(out));
	assert_string_equal(out, "XX-6789");	/* cut from the front */
	pii_mask("12", 2, out, sizeof(out));
	assert_string_equal(out, "12");
	assert_string_equal(pii_kind_name(PII_ACCOUNT), "account");
	assert_string_equal(pii_kind_name(99), "?");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_offsets),
		cmocka_unit_test(test_stop_and_limits),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
