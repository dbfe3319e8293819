/*
 * NAME
 *	pii 3 - identifiers Fed. R. Civ. P. 5.2(a) requires to truncate
 * SYNOPSIS
 *	#include "pii.h"
 *
 *	size_t pii_scan(const char *text, size_t len, pii_fn fn, void *arg);
 * DESCRIPTION
 *	See pii.h for the rules.  One pass over the text: at a letter that
 *	names a month, a written-out date is tried; where a number may
 *	start, a date with the day first ("14 March 1975"), then the chain
 *	of digit groups (piictx.h), which is classified in this order:
 *	masked SSN, date, phone, ZIP code, SSN/TIN, account label, payment
 *	card.  A chain that holds blanks and is nothing as a whole is tried
 *	part by part.
 * DIAGNOSTICS
 *	None; the scan never fails.
 */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "pii.h"
#include "piictx.h"

struct scan {
	const char	*s_t;
	size_t		 s_len;
	pii_fn		 s_fn;
	void		*s_arg;
	size_t		 s_hits;
	int		 s_stop;
};

static void	birth_shown(const struct scan *, size_t, size_t, char *, size_t);
static void	report(struct scan *, int kind, size_t off, size_t end);
static int	classify(struct scan *, const struct piictx_chain *);
static void	classify_parts(struct scan *, const struct piictx_chain *);
static unsigned	group_value(const struct scan *, const struct piictx_chain *,
		    int g);
static int	same_seps(const struct piictx_chain *, int mask);
static int	all_seps(const struct piictx_chain *, int cls);
static int	is_date(const struct scan *, const struct piictx_chain *);
static int	is_phone(const struct scan *, const struct piictx_chain *);
static int	is_ssn(const struct scan *, const struct piictx_chain *);
static int	is_account(const struct scan *, const struct piictx_chain *);
static int	is_card(const struct scan *, const struct piictx_chain *);
static int	birth_label(const struct scan *, size_t start, size_t end);
static size_t	date_words(const struct scan *, size_t i);
static size_t	date_words_dmy(const struct scan *, size_t i);
static size_t	day_number(const struct scan *, size_t i, unsigned *day);
static size_t	year_number(const struct scan *, size_t i);
static size_t	blanks(const struct scan *, size_t i);

const char *
pii_kind_name(int kind)
{
	switch (kind) {
	case PII_SSN: return "ssn";
	case PII_BIRTH_DATE: return "birth_date";
	case PII_ACCOUNT: return "account";
	}
	return "?";
}

void
pii_mask(const char *s, size_t len, char *out, size_t size)
{
	size_t i, keep = len, n = 0, from = 0, o = 0;

	if (size == 0)
		return;
	/* keep: where the last four letters or digits start */
	while (keep > 0 && n < 4)
		if (piictx_alnum((unsigned char)s[--keep]))
			n++;
	if (len > size - 1) {
		from = len - (size - 1);
		while (from < len && ((unsigned char)s[from] & 0xc0) == 0x80)
			from++;
	}
	for (i = from; i < len && o < size - 1; i++)
		out[o++] = i < keep && piictx_alnum((unsigned char)s[i]) ? 'X' : s[i];
	out[o] = '\0';
}

/* A birth date is shown as XX/XX/ and its year, whatever its form: the
 * year is what the rules allow, and in "1975-03-14" the last four
 * characters are the day and the month. */
static void
birth_shown(const struct scan *sc, size_t off, size_t end, char *out,
    size_t size)
{
	const char *t = sc->s_t;
	size_t i, run = 0, y = 0, ylen = 0;

	for (i = off; i <= end; i++) {
		if (i < end && piictx_digit((unsigned char)t[i])) {
			run++;
			continue;
		}
		if (run == 4 || (run == 2 && ylen != 4 && i == end)) {
			y = i - run;
			ylen = run;
		}
		run = 0;
	}
	snprintf(out, size, "XX/XX/%.*s", (int)ylen, t + y);
}

static void
report(struct scan *sc, int kind, size_t off, size_t end)
{
	struct pii_hit h;

	if (sc->s_stop)
		return;
	memset(&h, 0, sizeof(h));
	h.ph_kind = kind;
	h.ph_off = off;
	h.ph_len = end - off;
	if (kind == PII_BIRTH_DATE)
		birth_shown(sc, off, end, h.ph_shown, sizeof(h.ph_shown));
	else
		pii_mask(sc->s_t + off, end - off, h.ph_shown, sizeof(h.ph_shown));
	sc->s_hits++;
	if (sc->s_fn != NULL && sc->s_fn(sc->s_arg, &h) != 0)
		sc->s_stop = 1;
}

static unsigned
group_value(const struct scan *sc, const struct piictx_chain *c, int g)
{
	unsigned v = 0;
	size_t i;

	for (i = c->c_goff[g]; i < c->c_gend[g] && v < 100000000u; i++)
		if (piictx_digit((unsigned char)sc->s_t[i]))
			v = v * 10 + (unsigned)(sc->s_t[i] - '0');
	return v;
}

/*
 * Every separator of the chain is of one family and its class is in
 * mask (bits 1 << class).  A dash with a blank beside it belongs to the
 * dashes' family and to the blanks': "123-45- 6789" is dashes
 * throughout, "123 45- 6789" blanks throughout.
 */
static int
same_seps(const struct piictx_chain *c, int mask)
{
	int g, fam = 0, sdash = 0;

	for (g = 1; g < c->c_ngroups; g++) {
		if (!(mask & (1 << c->c_sep[g])))
			return 0;
		if (c->c_sep[g] == PIICTX_SEP_SDASH)
			sdash = 1;
		else if (fam == 0)
			fam = c->c_sep[g];
		else if (fam != c->c_sep[g])
			return 0;
	}
	return !sdash || fam == 0 || fam == PIICTX_SEP_DASH ||
	    fam == PIICTX_SEP_SPACE;
}

/* Every separator of the chain is of class cls. */
static int
all_seps(const struct piictx_chain *c, int cls)
{
	int g;

	for (g = 1; g < c->c_ngroups; g++)
		if (c->c_sep[g] != cls)
			return 0;
	return 1;
}

#define DATE_SEPS ((1 << PIICTX_SEP_SLASH) | (1 << PIICTX_SEP_DASH) | \
	(1 << PIICTX_SEP_DOT))
#define SSN_SEPS ((1 << PIICTX_SEP_DASH) | (1 << PIICTX_SEP_SDASH) | \
	(1 << PIICTX_SEP_SPACE) | (1 << PIICTX_SEP_DOT))

static int
birth_label(const struct scan *sc, size_t start, size_t end)
{
	return piictx_label_before(sc->s_t, sc->s_len, start, PIICTX_L_BIRTH,
	    NULL) || piictx_label_after(sc->s_t, sc->s_len, end, PIICTX_L_BIRTH);
}

/* M/D/Y, D/M/Y (day over 12) or Y-M-D, every field in range. */
static int
is_date(const struct scan *sc, const struct piictx_chain *c)
{
	unsigned a, b, y;

	if (c->c_ngroups != 3 || c->c_masked || !same_seps(c, DATE_SEPS))
		return 0;
	if (c->c_glen[0] == 4 && c->c_glen[1] <= 2 && c->c_glen[2] <= 2) {
		y = group_value(sc, c, 0);
		a = group_value(sc, c, 1);
		b = group_value(sc, c, 2);
		return y >= 1900 && y <= 2099 && a >= 1 && a <= 12 && b >= 1 &&
		    b <= 31;
	}
	if (c->c_glen[0] > 2 || c->c_glen[1] > 2 ||
	    (c->c_glen[2] != 2 && c->c_glen[2] != 4))
		return 0;
	a = group_value(sc, c, 0);
	b = group_value(sc, c, 1);
	y = group_value(sc, c, 2);
	if (c->c_glen[2] == 4 && (y < 1900 || y > 2099))
		return 0;
	if (a >= 1 && a <= 12 && b >= 1 && b <= 31)
		return 1;
	return b >= 1 && b <= 12 && a >= 13 && a <= 31;
}

static int
is_phone(const struct scan *sc, const struct piictx_chain *c)
{
	int g0 = 0;

	if (c->c_masked)
		return 0;
	if (c->c_ngroups == 4 && c->c_glen[0] == 1 && sc->s_t[c->c_goff[0]] == '1')
		g0 = 1;
	if (c->c_ngroups - g0 == 3 && c->c_glen[g0] == 3 &&
	    c->c_glen[g0 + 1] == 3 && c->c_glen[g0 + 2] == 4)
		return 1;
	if (c->c_ngroups == 1 && (c->c_digits == 10 || (c->c_digits == 11 &&
	    sc->s_t[c->c_start] == '1')))
		return piictx_label_before(sc->s_t, sc->s_len, c->c_start,
		    PIICTX_L_PHONE, NULL);
	return 0;
}

/* area, group and serial of an SSN or an ITIN */
static int
ssn_valid(unsigned area, unsigned group, unsigned serial)
{
	if (area == 0 || area == 666 || group == 0 || serial == 0)
		return 0;
	if (area < 900)
		return 1;
	return (group >= 50 && group <= 65) || (group >= 70 && group <= 88) ||
	    (group >= 90 && group <= 92) || (group >= 94 && group <= 99);
}

static int
is_ssn(const struct scan *sc, const struct piictx_chain *c)
{
	const char *t = sc->s_t;
	size_t at = c->c_start, ssn_at = 0, other_at = 0, phone_at = 0;
	int ssn, other, phone;
	unsigned v;

	ssn = piictx_label_before(t, sc->s_len, at, PIICTX_L_SSN, &ssn_at);
	if (c->c_ngroups == 3 && c->c_glen[0] == 3 && c->c_glen[1] == 2 &&
	    c->c_glen[2] == 4 && same_seps(c, SSN_SEPS)) {
		if (c->c_masked)	/* a masked SSN showing too much */
			return c->c_digits > 4;
		if (!ssn_valid(group_value(sc, c, 0), group_value(sc, c, 1),
		    group_value(sc, c, 2)))
			return 0;
		if (ssn)
			return 1;
		if (!all_seps(c, PIICTX_SEP_DASH))
			return 0;
		other = piictx_label_before(t, sc->s_len, at, PIICTX_L_OTHER,
		    &other_at);
		phone = piictx_label_before(t, sc->s_len, at, PIICTX_L_PHONE,
		    &phone_at);
		return !other && !phone;
	}
	if (c->c_ngroups == 1 && c->c_glen[0] == 9 && !c->c_masked && ssn) {
		if (piictx_label_before(t, sc->s_len, at, PIICTX_L_ROUTING,
		    &other_at) && other_at > ssn_at)
			return 0;
		v = group_value(sc, c, 0);
		return ssn_valid(v / 1000000u, (v / 10000u) % 100u, v % 10000u);
	}
	if (c->c_ngroups == 2 && c->c_glen[0] == 2 && c->c_glen[1] == 7 &&
	    !c->c_masked && (c->c_sep[1] == PIICTX_SEP_DASH || c->c_sep[1] == PIICTX_SEP_SDASH))
		return piictx_label_before(t, sc->s_len, at, PIICTX_L_TIN, NULL);
	return 0;
}

/* A number after an account label with more than four digits shown. */
static int
is_account(const struct scan *sc, const struct piictx_chain *c)
{
	size_t acc_at = 0, o_at = 0;
	static const int others[] = { PIICTX_L_ROUTING, PIICTX_L_PHONE,
	    PIICTX_L_OTHER };
	size_t k;

	if (!piictx_label_before(sc->s_t, sc->s_len, c->c_start,
	    PIICTX_L_ACCOUNT, &acc_at))
		return 0;
	for (k = 0; k < sizeof(others) / sizeof(others[0]); k++)
		if (piictx_label_before(sc->s_t, sc->s_len, c->c_start, others[k],
		    &o_at) && o_at > acc_at)
			return 0;
	if (c->c_masked)
		return c->c_digits > 4;
	/* ZIP+4 */
	if (c->c_ngroups == 2 && c->c_glen[0] == 5 && c->c_glen[1] == 4 &&
	    (c->c_sep[1] == PIICTX_SEP_DASH || c->c_sep[1] == PIICTX_SEP_SDASH))
		return 0;
	return c->c_digits >= 6;
}

/* A payment card number: 13-19 digits in a card's grouping, a network's
 * prefix and a valid Luhn check digit. */
static int
is_card(const struct scan *sc, const struct piictx_chain *c)
{
	char d[20];
	int n = 0, g, sum = 0, i, v, p2, p4;
	size_t k;

	if (c->c_masked || c->c_digits < 13 || c->c_digits > 19)
		return 0;
	if (c->c_ngroups > 1) {
		if (!same_seps(c, (1 << PIICTX_SEP_DASH) | (1 << PIICTX_SEP_SDASH) |
		    (1 << PIICTX_SEP_SPACE)))
			return 0;
		for (g = 0; g < c->c_ngroups; g++)
			if (c->c_glen[g] < 3 || c->c_glen[g] > 6)
				return 0;
	}
	for (k = c->c_start; k < c->c_end && n < 19; k++)
		if (piictx_digit((unsigned char)sc->s_t[k]))
			d[n++] = sc->s_t[k];
	p2 = (d[0] - '0') * 10 + (d[1] - '0');
	p4 = p2 * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	if (!(d[0] == '4' || (p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720) ||
	    p2 == 34 || p2 == 37 || p4 == 6011 || p2 == 65 ||
	    (p4 >= 3528 && p4 <= 3589)))
		return 0;
	for (i = n - 1; i >= 0; i--) {
		v = d[i] - '0';
		if ((n - 1 - i) % 2 == 1 && (v *= 2) > 9)
			v -= 9;
		sum += v;
	}
	return sum % 10 == 0;
}

/* 1 when the chain was an identifier or is no identifier for sure; 0
 * when it may be read part by part. */
static int
classify(struct scan *sc, const struct piictx_chain *c)
{
	if (is_date(sc, c)) {
		if (birth_label(sc, c->c_start, c->c_end))
			report(sc, PII_BIRTH_DATE, c->c_start, c->c_end);
		return 1;
	}
	if (is_phone(sc, c))
		return 1;
	if (c->c_ngroups == 1 && c->c_glen[0] == 5 && !c->c_masked)
		return 1;	/* a ZIP code, or too short for anything */
	if (is_ssn(sc, c)) {
		report(sc, PII_SSN, c->c_start, c->c_end);
		return 1;
	}
	if (is_account(sc, c) || is_card(sc, c)) {
		report(sc, PII_ACCOUNT, c->c_start, c->c_end);
		return 1;
	}
	return 0;
}

/* The chain as a whole is nothing: try each part between blanks. */
static void
classify_parts(struct scan *sc, const struct piictx_chain *c)
{
	struct piictx_chain p;
	int g, a = 0, k;

	for (g = 1; g <= c->c_ngroups; g++) {
		if (g < c->c_ngroups && c->c_sep[g] != PIICTX_SEP_SPACE &&
		    c->c_sep[g] != PIICTX_SEP_SDASH)
			continue;
		memset(&p, 0, sizeof(p));
		p.c_start = c->c_goff[a];
		p.c_end = c->c_gend[g - 1];
		for (k = a; k < g; k++) {
			p.c_goff[p.c_ngroups] = c->c_goff[k];
			p.c_gend[p.c_ngroups] = c->c_gend[k];
			p.c_glen[p.c_ngroups] = c->c_glen[k];
			p.c_gdig[p.c_ngroups] = c->c_gdig[k];
			p.c_sep[p.c_ngroups] = (unsigned char)(k > a ? c->c_sep[k] : 0);
			p.c_digits += c->c_gdig[k];
			p.c_masked += c->c_glen[k] - c->c_gdig[k];
			p.c_ngroups++;
		}
		if (p.c_digits > 0)
			classify(sc, &p);
		a = g;
	}
}

static size_t
blanks(const struct scan *sc, size_t i)
{
	while (i < sc->s_len && (sc->s_t[i] == ' ' || sc->s_t[i] == '\t' ||
	    sc->s_t[i] == '\n'))
		i++;
	return i;
}

/* A day (1-31) at t[i], with an optional st/nd/rd/th; its end, or 0. */
static size_t
day_number(const struct scan *sc, size_t i, unsigned *day)
{
	const char *t = sc->s_t;
	size_t j = i;

	*day = 0;
	while (j < sc->s_len && j - i < 2 && piictx_digit((unsigned char)t[j]))
		*day = *day * 10 + (unsigned)(t[j++] - '0');
	if (j == i || *day < 1 || *day > 31 ||
	    (j < sc->s_len && piictx_digit((unsigned char)t[j])))
		return 0;
	if (j + 1 < sc->s_len && piictx_alpha((unsigned char)t[j]) &&
	    piictx_alpha((unsigned char)t[j + 1]) &&
	    (j + 2 >= sc->s_len || !piictx_alpha((unsigned char)t[j + 2]))) {
		char a = (char)(t[j] | 0x20), b = (char)(t[j + 1] | 0x20);

		if ((a == 's' && b == 't') || (a == 'n' && b == 'd') ||
		    (a == 'r' && b == 'd') || (a == 't' && b == 'h'))
			j += 2;
	}
	if (j < sc->s_len && piictx_alpha((unsigned char)t[j]))
		return 0;
	return j;
}

/* A year 1900-2099 at t[i] standing alone; its end, or 0. */
static size_t
year_number(const struct scan *sc, size_t i)
{
	const char *t = sc->s_t;
	unsigned y = 0;
	size_t j;

	for (j = i; j < sc->s_len && j - i < 4 && piictx_digit((unsigned char)t[j]); j++)
		y = y * 10 + (unsigned)(t[j] - '0');
	if (j - i != 4 || y < 1900 || y > 2099 ||
	    (j < sc->s_len && piictx_alnum((unsigned char)t[j])))
		return 0;
	return j;
}

/* "March 14, 1975", "Mar. 14th 1975" at t[i]; the end, or 0. */
static size_t
date_words(const struct scan *sc, size_t i)
{
	size_t n, j;
	unsigned day;

	if (!piictx_month(sc->s_t, sc->s_len, i, &n))
		return 0;
	j = blanks(sc, i + n);
	if (j == i + n || (j = day_number(sc, j, &day)) == 0)
		return 0;
	if (j < sc->s_len && sc->s_t[j] == ',')
		j++;
	j = blanks(sc, j);
	return year_number(sc, j);
}

/* "14 March 1975", "14th of March, 1975" at t[i]; the end, or 0. */
static size_t
date_words_dmy(const struct scan *sc, size_t i)
{
	size_t j, k, n;
	unsigned day;

	if ((j = day_number(sc, i, &day)) == 0)
		return 0;
	k = blanks(sc, j);
	if (k == j)
		return 0;
	if (k + 2 < sc->s_len && sc->s_t[k] == 'o' && sc->s_t[k + 1] == 'f' &&
	    sc->s_t[k + 2] == ' ')
		k = blanks(sc, k + 2);
	if (!piictx_month(sc->s_t, sc->s_len, k, &n))
		return 0;
	j = k + n;
	if (j < sc->s_len && sc->s_t[j] == ',')
		j++;
	k = blanks(sc, j);
	if (k == j)
		return 0;
	return year_number(sc, k);
}

size_t
pii_scan(const char *text, size_t len, pii_fn fn, void *arg)
{
	struct scan sc;
	struct piictx_chain c;
	size_t i = 0, e;

	if (len > PII_TEXT_MAX)
		len = PII_TEXT_MAX;
	memset(&sc, 0, sizeof(sc));
	sc.s_t = text;
	sc.s_len = len;
	sc.s_fn = fn;
	sc.s_arg = arg;
	while (i < len && !sc.s_stop) {
		unsigned char ch = (unsigned char)text[i];

		if (piictx_alpha(ch) && (i == 0 ||
		    !piictx_alnum((unsigned char)text[i - 1]))) {
			if ((e = date_words(&sc, i)) != 0) {
				if (birth_label(&sc, i, e))
					report(&sc, PII_BIRTH_DATE, i, e);
				i = e;
				continue;
			}
		}
		if (!piictx_chain_start(text, len, i)) {
			i++;
			continue;
		}
		if (piictx_digit(ch) && (e = date_words_dmy(&sc, i)) != 0) {
			if (birth_label(&sc, i, e))
				report(&sc, PII_BIRTH_DATE, i, e);
			i = e;
			continue;
		}
		if (!piictx_chain(text, len, i, &c)) {
			i = c.c_end > i ? c.c_end : i + 1;
			continue;
		}
		if (!classify(&sc, &c))
			classify_parts(&sc, &c);
		i = c.c_end;
	}
	return sc.s_hits;
}
