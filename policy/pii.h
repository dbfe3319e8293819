/*
 * pii: the personal identifiers that Fed. R. Civ. P. 5.2(a) and Fed. R.
 * Bankr. P. 9037(a) require a public filing to truncate.
 *
 * The rules allow only the last four digits of a Social Security or
 * taxpayer-identification number, only the year of a birth date, and
 * only the last four digits of a financial-account number.  pii_scan()
 * finds, in the text of one page, each identifier shown beyond that.
 *
 * RULES
 *   A number is a chain of digit groups joined by one separator each
 *   ('-', blank, '.', '/', and the Unicode dashes and no-break space;
 *   a dash with a blank beside it, " - ", "- ", is one separator that
 *   goes with dashes and with blanks and, like a blank, needs a label),
 *   that neither starts nor ends inside a word: the byte before is not a
 *   letter, digit or '$', and a separator before it is not preceded by a
 *   letter or digit ("cv-05541", "ABC-000123" are parts of identifiers
 *   of their own); the byte after is not a letter or digit.  Masking
 *   characters (X, x, *, U+2022) may stand in groups; a masked number
 *   counts only its visible digits.  When a chain with blanks is no
 *   identifier as a whole, each blank-free part is tried on its own.
 *
 *   Context is a label before the number: within PII_CONTEXT_BYTES bytes
 *   (a line break may lie between), with no digit, no ';' and no end of
 *   sentence in between (so the number is the first one after the
 *   label).  Labels are matched as whole words, ignoring case except
 *   for the acronyms TIN and ITIN.
 *
 *   ssn	3-2-4 digits joined by dashes (a valid SSN or ITIN: area
 *		not 000, 666; group not 00; serial not 0000), unless a label
 *		for another kind of number (case, claim, docket, Bates,
 *		invoice...) comes first; 3-2-4 joined by blanks or dots,
 *		or by dashes with blanks beside some ("123-45- 6789"), or
 *		9 digits in a row, after an SSN or TIN label ("SSN",
 *		"S.S.N.", "Social Security", "Soc. Sec.", "TIN", "ITIN",
 *		"taxpayer identification", "tax ID"); 2-7 digits joined
 *		by a dash (an EIN's shape) after a TIN label only.  An
 *		employer identification number of a business ("EIN") is
 *		not an individual's identifier and is not reported.
 *   birth_date	a whole date (month, day and year: 3/14/1975, 03-14-75,
 *		1975-03-14, March 14, 1975, Mar. 14th 1975, 14 March 1975)
 *		after a birth label ("DOB", "D.O.B.", "date of birth",
 *		"birth date", "born", "birthday"), or with one right after
 *		it ("3/14/1975 (DOB)").  A year or a month and year alone
 *		("born in 1975", "DOB: March 1975") is what the rules allow.
 *   account	after an account label ("account", "acct", "a/c", "card
 *		number", "credit card", "debit card", "loan number",
 *		"IBAN"), a number with more than four visible digits (six
 *		when nothing is masked); and without a label, a payment
 *		card number (13 to 19 digits, a card network's prefix, a
 *		valid Luhn check digit).  "on account of", "take into
 *		account", "accounting", "accountant" are no labels.
 *
 *   Never identifiers: phone and fax numbers (3-3-4 digits, with or
 *   without a leading 1, or after a phone label), ZIP codes (5 or 5-4
 *   digits), amounts ("$"), case and docket numbers and dates that have
 *   no birth label.
 *
 * The reported form of an identifier ("shown") masks every letter and
 * digit but the last four with 'X', separators kept: "XXX-XX-6789",
 * "XXXX XXXX XXXX 1111".  A birth date is shown as "XX/XX/" and its year
 * whatever its form ("XX/XX/1975" for "March 14, 1975" and for
 * "1975-03-14"), so that its last four characters are the year.
 *
 * Pure: no allocation, no I/O; the text is read, never changed.
 */
#ifndef NEF_PII_H
#define NEF_PII_H

#include <stddef.h>

#define PII_CONTEXT_BYTES	48	/* label to number, at most */
#define PII_AFTER_BYTES		16	/* number to a trailing birth label */
#define PII_SHOWN_SIZE		64	/* ph_shown, NUL included */
#define PII_TEXT_MAX		(4u << 20)	/* bytes of one text scanned */

enum pii_kind { PII_SSN, PII_BIRTH_DATE, PII_ACCOUNT, PII_NKINDS };

struct pii_hit {
	int	ph_kind;		/* enum pii_kind */
	size_t	ph_off;			/* the identifier in the text */
	size_t	ph_len;
	char	ph_shown[PII_SHOWN_SIZE];	/* masked, see above */
};

/* Called for each identifier, in text order; return 0 to go on, any
 * other value to stop the scan. */
typedef int (*pii_fn)(void *arg, const struct pii_hit *);

/*
 * Scan text[0..len) (UTF-8, need not be NUL-terminated; lines separated
 * by '\n'; at most PII_TEXT_MAX bytes are read).  Returns the number of
 * identifiers passed to fn (fn may be NULL: only count).
 */
size_t	 pii_scan(const char *text, size_t len, pii_fn fn, void *arg);

/* "ssn", "birth_date", "account"; "?" for anything else. */
const char *pii_kind_name(int kind);

/* s[0..len) with every ASCII letter and digit but the last four
 * replaced by 'X', into out (size bytes, always terminated;
 * a longer result is cut from the front, keeping the last four). */
void	 pii_mask(const char *s, size_t len, char *out, size_t size);

#endif
