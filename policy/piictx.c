/*
 * NAME
 *	piictx 3 - labels, separators, chains and month names for pii.c
 * SYNOPSIS
 *	#include "piictx.h"
 * DESCRIPTION
 *	See piictx.h.  Labels are a table of (class, word) rows; a blank in
 *	a word matches any run of white space (a line break too).  A label
 *	is looked for at every position of the window before a number, and
 *	the one that ends nearest the number wins.
 * DIAGNOSTICS
 *	None: every function answers yes or no.
 */
#include <stddef.h>
#include <string.h>

#include "pii.h"
#include "piictx.h"

struct label {
	int		 l_cls;
	const char	*l_word;	/* lowercase unless l_exact */
	int		 l_exact;	/* match case exactly (acronyms) */
};

static const struct label labels[] = {
	{ PIICTX_L_SSN, "ssn", 0 }, { PIICTX_L_SSN, "ssns", 0 },
	{ PIICTX_L_SSN, "ss#", 0 }, { PIICTX_L_SSN, "ss no", 0 },
	{ PIICTX_L_SSN, "s.s.n", 0 }, { PIICTX_L_SSN, "s.s. no", 0 },
	{ PIICTX_L_SSN, "social security", 0 }, { PIICTX_L_SSN, "soc. sec", 0 },
	{ PIICTX_L_SSN, "soc sec", 0 }, { PIICTX_L_SSN, "social sec", 0 },
	{ PIICTX_L_SSN, "TIN", 1 }, { PIICTX_L_SSN, "ITIN", 1 },
	{ PIICTX_L_SSN, "taxpayer identification", 0 },
	{ PIICTX_L_SSN, "taxpayer id", 0 }, { PIICTX_L_SSN, "taxpayer i.d", 0 },
	{ PIICTX_L_SSN, "tax identification", 0 }, { PIICTX_L_SSN, "tax id", 0 },
	{ PIICTX_L_SSN, "tax i.d", 0 },
	{ PIICTX_L_TIN, "TIN", 1 }, { PIICTX_L_TIN, "ITIN", 1 },
	{ PIICTX_L_TIN, "taxpayer identification", 0 },
	{ PIICTX_L_TIN, "taxpayer id", 0 }, { PIICTX_L_TIN, "tax id", 0 },
	{ PIICTX_L_TIN, "tax identification", 0 },
	{ PIICTX_L_BIRTH, "dob", 0 }, { PIICTX_L_BIRTH, "d.o.b", 0 },
	{ PIICTX_L_BIRTH, "date of birth", 0 }, { PIICTX_L_BIRTH, "birth date", 0 },
	{ PIICTX_L_BIRTH, "birthdate", 0 }, { PIICTX_L_BIRTH, "birth-date", 0 },
	{ PIICTX_L_BIRTH, "born", 0 }, { PIICTX_L_BIRTH, "birthday", 0 },
	{ PIICTX_L_BIRTH, "dates of birth", 0 },
	{ PIICTX_L_ACCOUNT, "account", 0 }, { PIICTX_L_ACCOUNT, "accounts", 0 },
	{ PIICTX_L_ACCOUNT, "acct", 0 }, { PIICTX_L_ACCOUNT, "acct#", 0 },
	{ PIICTX_L_ACCOUNT, "acc't", 0 }, { PIICTX_L_ACCOUNT, "a/c", 0 },
	{ PIICTX_L_ACCOUNT, "card number", 0 }, { PIICTX_L_ACCOUNT, "card no", 0 },
	{ PIICTX_L_ACCOUNT, "credit card", 0 }, { PIICTX_L_ACCOUNT, "debit card", 0 },
	{ PIICTX_L_ACCOUNT, "loan number", 0 }, { PIICTX_L_ACCOUNT, "loan no", 0 },
	{ PIICTX_L_ACCOUNT, "iban", 0 },
	{ PIICTX_L_PHONE, "phone", 0 }, { PIICTX_L_PHONE, "telephone", 0 },
	{ PIICTX_L_PHONE, "tel", 0 }, { PIICTX_L_PHONE, "fax", 0 },
	{ PIICTX_L_PHONE, "facsimile", 0 }, { PIICTX_L_PHONE, "cell", 0 },
	{ PIICTX_L_PHONE, "mobile", 0 },
	{ PIICTX_L_OTHER, "case", 0 }, { PIICTX_L_OTHER, "claim", 0 },
	{ PIICTX_L_OTHER, "docket", 0 }, { PIICTX_L_OTHER, "dkt", 0 },
	{ PIICTX_L_OTHER, "ecf", 0 }, { PIICTX_L_OTHER, "bates", 0 },
	{ PIICTX_L_OTHER, "invoice", 0 }, { PIICTX_L_OTHER, "serial", 0 },
	{ PIICTX_L_OTHER, "patent", 0 }, { PIICTX_L_OTHER, "policy", 0 },
	{ PIICTX_L_OTHER, "reference", 0 }, { PIICTX_L_OTHER, "ref", 0 },
	{ PIICTX_L_OTHER, "exhibit", 0 }, { PIICTX_L_OTHER, "ex", 0 },
	{ PIICTX_L_OTHER, "order", 0 },
	{ PIICTX_L_OTHER, "permit", 0 }, { PIICTX_L_OTHER, "license", 0 },
	{ PIICTX_L_OTHER, "registration", 0 }, { PIICTX_L_OTHER, "ein", 0 },
	{ PIICTX_L_OTHER, "employer identification", 0 },
	{ PIICTX_L_OTHER, "zip", 0 },
	{ PIICTX_L_ROUTING, "routing", 0 }, { PIICTX_L_ROUTING, "aba", 0 },
	{ PIICTX_L_ROUTING, "swift", 0 },
};
#define NLABELS	(sizeof(labels) / sizeof(labels[0]))

/* Word sequences that look like an account label but are not one. */
static const char *const not_account[] = {
	"on account of", "take into account", "taken into account",
	"takes into account", "taking into account", "account for",
	"accounts for", "accounted for", "by all accounts", "no account",
	NULL
};

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static int	lower(int);
static int	is_space(int);
static size_t	match_word(const char *, size_t, size_t, const char *, int);
static int	gap_clear(const char *, size_t, size_t);
static size_t	sep_one(const char *, size_t, size_t, int *);
static size_t	spaced_dash(const char *, size_t, size_t);
static int	not_a_label(const char *, size_t, size_t);

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * A blank beside a dash (" - ", "- ", " -"), as typed or as a text
 * extractor's gap between two runs: one separator of its own class
 * (PIICTX_SEP_SDASH), so that only a label makes its chain an
 * identifier.  Returns its bytes, or 0.
 */
static size_t
spaced_dash(const char *t, size_t len, size_t i)
{
	size_t lead = 0, dash, trail = 0;
	int cls;

	if ((dash = sep_one(t, len, i, &cls)) != 0 && cls == PIICTX_SEP_SPACE)
		lead = dash;
	if ((dash = sep_one(t, len, i + lead, &cls)) == 0 ||
	    cls != PIICTX_SEP_DASH)
		return 0;
	if (sep_one(t, len, i + lead + dash, &cls) != 0 &&
	    cls == PIICTX_SEP_SPACE)
		trail = sep_one(t, len, i + lead + dash, &cls);
	if (lead == 0 && trail == 0)
		return 0;	/* a dash alone */
	return lead + dash + trail;
}

size_t
piictx_sep(const char *t, size_t len, size_t i, int *cls)
{
	size_t n = spaced_dash(t, len, i);

	if (n != 0) {
		*cls = PIICTX_SEP_SDASH;
		return n;
	}
	return sep_one(t, len, i, cls);
}

/* One separator character at t[i]: its bytes (0: none), its class. */
static size_t
sep_one(const char *t, size_t len, size_t i, int *cls)
{
	const unsigned char *u = (const unsigned char *)t + i;
	size_t left = len - i;

	if (i >= len)
		return 0;
	switch (u[0]) {
	case '-': *cls = PIICTX_SEP_DASH; return 1;
	case ' ': *cls = PIICTX_SEP_SPACE; return 1;
	case '.': *cls = PIICTX_SEP_DOT; return 1;
	case '/': *cls = PIICTX_SEP_SLASH; return 1;
	}
	/* U+00A0 no-break space */
	if (left >= 2 && u[0] == 0xc2 && u[1] == 0xa0) {
		*cls = PIICTX_SEP_SPACE;
		return 2;
	}
	/* U+2010..U+2013 hyphens and dashes, U+2212 minus */
	if (left >= 3 && ((u[0] == 0xe2 && u[1] == 0x80 && u[2] >= 0x90 &&
	    u[2] <= 0x93) || (u[0] == 0xe2 && u[1] == 0x88 && u[2] == 0x92))) {
		*cls = PIICTX_SEP_DASH;
		return 3;
	}
	return 0;
}

/* Bytes of a masking character at t[i] (X, x, *, U+2022), else 0. */
static size_t
mask_char(const char *t, size_t len, size_t i)
{
	const unsigned char *u = (const unsigned char *)t + i;

	if (i >= len)
		return 0;
	if (u[0] == 'X' || u[0] == 'x' || u[0] == '*')
		return 1;
	if (len - i >= 3 && u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0xa2)
		return 3;
	return 0;
}

int
piictx_chain_start(const char *t, size_t len, size_t i)
{
	int cls;
	size_t k;

	if (i >= len || (!piictx_digit((unsigned char)t[i]) &&
	    mask_char(t, len, i) == 0))
		return 0;
	if (i == 0)
		return 1;
	if (piictx_alnum((unsigned char)t[i - 1]) || t[i - 1] == '$')
		return 0;
	/* A separator right before, itself after a letter or digit: the
	 * number is part of a longer identifier ("cv-05541"). */
	for (k = 1; k <= 3 && k <= i; k++)
		if (piictx_sep(t, len, i - k, &cls) == k &&
		    cls != PIICTX_SEP_SPACE && cls != PIICTX_SEP_SDASH)
			return i - k == 0 ||
			    !piictx_alnum((unsigned char)t[i - k - 1]);
	return 1;
}

/* One group at t[i]: digits and masking characters.  Returns its end. */
static size_t
chain_group(const char *t, size_t len, size_t i, int *nchar, int *ndig,
    int *nmask)
{
	size_t m;

	*nchar = *ndig = *nmask = 0;
	while (i < len) {
		if (piictx_digit((unsigned char)t[i])) {
			(*ndig)++;
			m = 1;
		} else if ((m = mask_char(t, len, i)) != 0)
			(*nmask)++;
		else
			break;
		(*nchar)++;
		i += m;
	}
	return i;
}

int
piictx_chain(const char *t, size_t len, size_t i, struct piictx_chain *c)
{
	size_t e, s, next;
	int nc, nd, nm, cls = 0;

	memset(c, 0, sizeof(*c));
	c->c_start = i;
	for (;;) {
		e = chain_group(t, len, i, &nc, &nd, &nm);
		if (nc == 0 || nc > PIICTX_GROUP_MAX || c->c_ngroups >= PIICTX_GROUPS)
			break;
		c->c_goff[c->c_ngroups] = i;
		c->c_gend[c->c_ngroups] = e;
		c->c_glen[c->c_ngroups] = (unsigned char)nc;
		c->c_gdig[c->c_ngroups] = (unsigned char)nd;
		c->c_sep[c->c_ngroups] = (unsigned char)(c->c_ngroups ? cls : 0);
		c->c_ngroups++;
		c->c_digits += nd;
		c->c_masked += nm;
		c->c_end = e;
		/* One separator, then the next group must start. */
		s = piictx_sep(t, len, e, &cls);
		next = e + s;
		if (s == 0 || next >= len || (!piictx_digit((unsigned char)t[next]) &&
		    mask_char(t, len, next) == 0))
			break;
		i = next;
	}
	if (c->c_ngroups == 0 || c->c_digits == 0) {
		c->c_end = c->c_ngroups ? c->c_end : i + 1;
		return 0;
	}
	/* Glued to a word after it ("6789th", "123-45-6789-A"). */
	if (c->c_end < len && piictx_alnum((unsigned char)t[c->c_end]))
		return 0;
	if (piictx_sep(t, len, c->c_end, &cls) == 1 && cls == PIICTX_SEP_DASH &&
	    c->c_end + 1 < len && piictx_alpha((unsigned char)t[c->c_end + 1]))
		return 0;
	return 1;
}

/*
 * Does word (lowercase, blanks for white-space runs) match at t[i]?
 * Returns the bytes matched, or 0.  The match must stand as a word: not
 * after a letter or digit, not followed by a letter.
 */
static size_t
match_word(const char *t, size_t len, size_t i, const char *w, int exact)
{
	size_t j = i;

	if (i > 0 && piictx_alnum((unsigned char)t[i - 1]))
		return 0;
	for (; *w; w++) {
		if (*w == ' ') {
			if (j >= len || !is_space((unsigned char)t[j]))
				return 0;
			while (j < len && is_space((unsigned char)t[j]))
				j++;
			continue;
		}
		if (j >= len)
			return 0;
		if (exact ? t[j] != *w : lower((unsigned char)t[j]) != *w)
			return 0;
		j++;
	}
	if (j < len && piictx_alpha((unsigned char)t[j]))
		return 0;
	return j - i;
}

/*
 * Nothing between t[a] and t[b] breaks the link of a label to the number
 * after it: no digit, no ';', no end of sentence ('.', '!' or '?' and a
 * blank, after a word of four letters or more: "No." and "Acct." are
 * abbreviations, "Ohio." ends a sentence).
 */
static int
gap_clear(const char *t, size_t a, size_t b)
{
	size_t i, k;

	for (i = a; i < b; i++) {
		unsigned char c = (unsigned char)t[i];

		if (piictx_digit(c) || c == ';')
			return 0;
		if ((c == '.' || c == '!' || c == '?') && i + 1 < b &&
		    is_space((unsigned char)t[i + 1])) {
			for (k = i; k > a && piictx_alpha((unsigned char)t[k - 1]); k--)
				;
			if (c != '.' || i - k >= 4)
				return 0;
		}
		if (c == '\n' && i + 1 < b && t[i + 1] == '\n')
			return 0;	/* a blank line: another paragraph */
	}
	return 1;
}

/* The account word at t[i] starts a phrase that is no label. */
static int
not_a_label(const char *t, size_t len, size_t i)
{
	size_t k, back;

	for (k = 0; not_account[k] != NULL; k++) {
		/* the phrase may start before the label ("on account of") */
		back = (size_t)(strstr(not_account[k], "account") - not_account[k]);
		if (i >= back && match_word(t, len, i - back, not_account[k], 0))
			return 1;
	}
	return 0;
}

int
piictx_label_before(const char *t, size_t len, size_t at, int cls,
    size_t *where)
{
	size_t lo = at > PII_CONTEXT_BYTES ? at - PII_CONTEXT_BYTES : 0;
	size_t p, n, k, best = 0;
	int found = 0;

	if (at > len)
		return 0;
	for (p = lo; p < at; p++) {
		for (k = 0; k < NLABELS; k++) {
			if (labels[k].l_cls != cls)
				continue;
			n = match_word(t, len, p, labels[k].l_word, labels[k].l_exact);
			if (n == 0 || p + n > at)
				continue;
			if (cls == PIICTX_L_ACCOUNT && not_a_label(t, len, p))
				continue;
			if (!gap_clear(t, p + n, at))
				continue;
			if (!found || p + n > best)
				best = p + n;
			found = 1;
		}
	}
	if (found && where != NULL)
		*where = best;
	return found;
}

int
piictx_label_after(const char *t, size_t len, size_t at, int cls)
{
	size_t hi = at + PII_AFTER_BYTES < len ? at + PII_AFTER_BYTES : len;
	size_t p, k;

	for (p = at; p < hi; p++) {
		if (piictx_alnum((unsigned char)t[p])) {
			for (k = 0; k < NLABELS; k++)
				if (labels[k].l_cls == cls && match_word(t, len, p,
				    labels[k].l_word, labels[k].l_exact) != 0)
					return 1;
			return 0;	/* another word first */
		}
		if (t[p] == ';' || t[p] == '\n')
			return 0;
	}
	return 0;
}

int
piictx_month(const char *t, size_t len, size_t i, size_t *n)
{
	size_t k, j, w;

	if (i >= len || !piictx_alpha((unsigned char)t[i]) ||
	    (i > 0 && piictx_alnum((unsigned char)t[i - 1])))
		return 0;
	for (w = i; w < len && piictx_alpha((unsigned char)t[w]); w++)
		;
	w -= i;		/* letters in the word */
	for (k = 0; k < 12; k++) {
		size_t ml = strlen(months[k]);

		for (j = 0; j < w && j < ml; j++)
			if (lower((unsigned char)t[i + j]) != months[k][j])
				break;
		if (j != w)
			continue;
		/* the full name, three letters, or "Sept" */
		if (w == ml || w == 3 || (k == 8 && w == 4)) {
			*n = w + (i + w < len && t[i + w] == '.' && w < ml);
			return (int)k + 1;
		}
	}
	return 0;
}
