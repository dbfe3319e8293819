/*
 * NAME
 *	docket 3 - federal docket numbers
 * SUMMARY
 *	parse a docket number as written; format the normalized key
 * SYNOPSIS
 *	#include "docket.h"
 *
 *	int docket_parse(const char *s, size_t len, struct docket *out);
 *	int docket_format(const struct docket *d, char *buf, size_t size);
 *	int docket_normalize(const char *s, size_t len, char *buf,
 *	    size_t size);
 * DESCRIPTION
 *	The grammar accepted (case-insensitive; blanks around are ignored):
 *
 *	    MDL [-.#: ]* [No[.]] [ #]* DIGITS
 *	    [OFFICE (":" | "-")] YY ["-"] [TYPE ["-"]] NUMBER SUFFIX*
 *
 *	OFFICE is 1-2 digits, YY 2 digits, TYPE 1-4 letters, NUMBER 1-7
 *	digits.  An OFFICE followed by "-" is recognized only as
 *	D-YY-NUMBER (one office digit, as nyeb writes it), so that the
 *	short form YY-NUMBER stays unambiguous.  Each SUFFIX is "-" then
 *	either letters with optional digits (judge initials, the digits
 *	being a bankruptcy chapter as in "CL7") or digits alone (the
 *	defendant number of a criminal case, else a chapter).  At most two
 *	judges and one trailing number are kept.
 * DIAGNOSTICS
 *	docket_parse() returns -1 for anything else; docket_format()
 *	returns -1 when the buffer is too small.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "docket.h"

struct scan {
	const char	*sc_p;
	const char	*sc_end;
};

static size_t	scan_digits(struct scan *, char *, size_t);
static size_t	scan_alpha(struct scan *, char *, size_t, int lower);
static int	scan_char(struct scan *, int);
static int	parse_mdl(struct scan *, struct docket *);
static int	parse_head(struct scan *, struct docket *);
static int	parse_suffixes(struct scan *, struct docket *);
static int	is_criminal(const char *);

/*
 * Copy up to size - 1 digits into buf; returns how many were read, or 0
 * when there were none or too many (the cursor is then undefined).
 */
static size_t
scan_digits(struct scan *sc, char *buf, size_t size)
{
	size_t	n = 0;

	while (sc->sc_p < sc->sc_end && isdigit((unsigned char)*sc->sc_p)) {
		if (n + 1 >= size)
			return 0;
		buf[n++] = *sc->sc_p++;
	}
	buf[n] = '\0';
	return n;
}

static size_t
scan_alpha(struct scan *sc, char *buf, size_t size, int lower)
{
	size_t	n = 0;

	while (sc->sc_p < sc->sc_end && isalpha((unsigned char)*sc->sc_p)) {
		if (n + 1 >= size)
			return 0;
		buf[n++] = lower ? (char)tolower((unsigned char)*sc->sc_p) :
		    *sc->sc_p;
		sc->sc_p++;
	}
	buf[n] = '\0';
	return n;
}

static int
scan_char(struct scan *sc, int c)
{
	if (sc->sc_p < sc->sc_end && *sc->sc_p == c) {
		sc->sc_p++;
		return 1;
	}
	return 0;
}

static int
is_criminal(const char *type)
{
	static const char *const crim[] = { "cr", "mj", "po", "pt", NULL };
	size_t	i;

	for (i = 0; crim[i] != NULL; i++)
		if (strcmp(type, crim[i]) == 0)
			return 1;
	return 0;
}

/* "MDL No. 2967", "MDL 2967", "mdl-2967", "MDL #2967". */
static int
parse_mdl(struct scan *sc, struct docket *d)
{
	const char	*p = sc->sc_p;

	if (sc->sc_end - p < 4 || strncasecmp(p, "mdl", 3) != 0 ||
	    isalpha((unsigned char)p[3]))
		return -1;
	sc->sc_p += 3;
	while (sc->sc_p < sc->sc_end && strchr(" -.#:", *sc->sc_p) != NULL)
		sc->sc_p++;
	if (sc->sc_end - sc->sc_p >= 2 &&
	    strncasecmp(sc->sc_p, "no", 2) == 0) {
		sc->sc_p += 2;
		while (sc->sc_p < sc->sc_end &&
		    strchr(" .#:", *sc->sc_p) != NULL)
			sc->sc_p++;
	}
	if (scan_digits(sc, d->d_number, sizeof d->d_number) == 0 ||
	    sc->sc_p != sc->sc_end)
		return -1;
	d->d_form = DOCKET_MDL;
	return 0;
}

/* [OFFICE (":" | "-")] YY ["-"] [TYPE ["-"]] NUMBER */
static int
parse_head(struct scan *sc, struct docket *d)
{
	char	first[DOCKET_NUMBER_SIZE];
	size_t	n;

	n = scan_digits(sc, first, sizeof first);
	if (n == 0)
		return -1;
	if (n <= 2 && scan_char(sc, ':')) {
		memcpy(d->d_office, first, n + 1);
		if (scan_digits(sc, d->d_year, sizeof d->d_year) != 2)
			return -1;
	} else if (n == 1 && sc->sc_end - sc->sc_p >= 4 &&
	    sc->sc_p[0] == '-' && isdigit((unsigned char)sc->sc_p[1]) &&
	    isdigit((unsigned char)sc->sc_p[2]) && sc->sc_p[3] == '-') {
		memcpy(d->d_office, first, n + 1);
		sc->sc_p++;
		if (scan_digits(sc, d->d_year, sizeof d->d_year) != 2)
			return -1;
	} else if (n == 2) {
		memcpy(d->d_year, first, 3);
	} else
		return -1;
	scan_char(sc, '-');
	if (sc->sc_p < sc->sc_end && isalpha((unsigned char)*sc->sc_p)) {
		if (scan_alpha(sc, d->d_type, sizeof d->d_type, 1) == 0)
			return -1;
		scan_char(sc, '-');
	}
	if (scan_digits(sc, d->d_number, sizeof d->d_number) == 0)
		return -1;
	d->d_form = (d->d_office[0] != '\0' || d->d_type[0] != '\0') ?
	    DOCKET_FULL : DOCKET_SHORT;
	return 0;
}

/* ("-" (LETTERS [DIGITS] | DIGITS))* */
static int
parse_suffixes(struct scan *sc, struct docket *d)
{
	char	letters[DOCKET_JUDGE_SIZE], digits[DOCKET_SUFFIX_SIZE];

	while (sc->sc_p < sc->sc_end) {
		if (!scan_char(sc, '-'))
			return -1;
		letters[0] = digits[0] = '\0';
		if (sc->sc_p < sc->sc_end && isalpha((unsigned char)*sc->sc_p))
			if (scan_alpha(sc, letters, sizeof letters, 0) == 0)
				return -1;
		if (sc->sc_p < sc->sc_end && isdigit((unsigned char)*sc->sc_p))
			if (scan_digits(sc, digits, sizeof digits) == 0)
				return -1;
		if (letters[0] == '\0' && digits[0] == '\0')
			return -1;
		if (letters[0] != '\0') {
			if (d->d_judge[0] == '\0')
				memcpy(d->d_judge, letters, sizeof letters);
			else if (d->d_judge2[0] == '\0')
				memcpy(d->d_judge2, letters, sizeof letters);
			else
				return -1;
		}
		if (digits[0] == '\0')
			continue;
		if (letters[0] == '\0' && is_criminal(d->d_type) &&
		    d->d_defendant[0] == '\0')
			memcpy(d->d_defendant, digits, sizeof digits);
		else if (d->d_chapter[0] == '\0')
			memcpy(d->d_chapter, digits, sizeof digits);
		else
			return -1;
	}
	return 0;
}

int
docket_parse(const char *s, size_t len, struct docket *out)
{
	struct scan	sc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len == 0 || len > DOCKET_INPUT_MAX)
		return -1;
	sc.sc_p = s;
	sc.sc_end = s + len;
	if (isalpha((unsigned char)*s)) {
		if (parse_mdl(&sc, out) == 0)
			return 0;
		memset(out, 0, sizeof *out);
		return -1;
	}
	if (parse_head(&sc, out) != 0 || parse_suffixes(&sc, out) != 0) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	return 0;
}

int
docket_format(const struct docket *d, char *buf, size_t size)
{
	const char	*num;
	int		 n, pad;

	if (size == 0)
		return -1;
	buf[0] = '\0';
	if (d == NULL || d->d_number[0] == '\0')
		return -1;
	/* Padding to 5 digits; a longer number keeps its digits. */
	num = d->d_number;
	pad = 5 - (int)strnlen(num, sizeof d->d_number);
	if (pad < 0)
		pad = 0;
	switch (d->d_form) {
	case DOCKET_MDL:
		n = snprintf(buf, size, "MDL No. %s", num);
		break;
	case DOCKET_SHORT:
		n = snprintf(buf, size, "%s-%s", d->d_year, num);
		break;
	case DOCKET_FULL:
	default:
		if (d->d_office[0] != '\0' && d->d_type[0] != '\0')
			n = snprintf(buf, size, "%s:%s-%s-%.*s%s", d->d_office,
			    d->d_year, d->d_type, pad, "00000", num);
		else if (d->d_office[0] != '\0')
			n = snprintf(buf, size, "%s-%s-%.*s%s", d->d_office,
			    d->d_year, pad, "00000", num);
		else
			n = snprintf(buf, size, "%s-%s-%.*s%s", d->d_year,
			    d->d_type, pad, "00000", num);
		break;
	}
	if (n < 0 || (size_t)n >= size) {
		buf[0] = '\0';
		return -1;
	}
	return 0;
}

int
docket_normalize(const char *s, size_t len, char *buf, size_t size)
{
	struct docket	d;

	if (size > 0)
		buf[0] = '\0';
	if (docket_parse(s, len, &d) != 0)
		return -1;
	return docket_format(&d, buf, size);
}
