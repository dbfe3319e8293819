/*
 * NAME
 *	caldate 3 - dates and times as docket texts write them
 * SYNOPSIS
 *	#include "caldate.h"
 * DESCRIPTION
 *	See caldate.h.  Day numbers use the proleptic Gregorian calendar
 *	(Howard Hinnant's days_from_civil), so no library time function is
 *	needed and nothing depends on the process's time zone.
 * DIAGNOSTICS
 *	None: every reader says "not here" instead of failing.
 */
#include <string.h>

#include "caldate.h"

static int	cd_lc(int);
static int	cd_alpha(int);
static int	cd_digit(int);
static size_t	cd_word(const char *, size_t, size_t);
static int	cd_month(const char *, size_t);
static size_t	cd_digits(const char *, size_t, size_t, size_t, int *);
static size_t	cd_blanks(const char *, size_t, size_t);
static enum caldate_status cd_check(int, int, int, struct caldate *);
static enum caldate_status cd_numeric(const char *, size_t, size_t,
		    struct caldate *, size_t *);
static enum caldate_status cd_named(const char *, size_t, size_t,
		    struct caldate *, size_t *);
static enum caldate_status cd_day_first(const char *, size_t, size_t,
		    struct caldate *, size_t *);
static size_t	cd_meridiem(const char *, size_t, size_t, int *);
static size_t	cd_zone(const char *, size_t, size_t, enum caldate_zone *);
static int	cd_eq(const char *, size_t, const char *);

static const char *const cd_months[12] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
};

static int
cd_lc(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

static int
cd_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
cd_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Case-insensitive: s[0..n) equals the lowercase word w. */
static int
cd_eq(const char *s, size_t n, const char *w)
{
	size_t	i;

	if (strlen(w) != n)
		return 0;
	for (i = 0; i < n; i++)
		if (cd_lc((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

/* Length of the run of letters at s[at]. */
static size_t
cd_word(const char *s, size_t len, size_t at)
{
	size_t	n = 0;

	while (at + n < len && n < 16 && cd_alpha((unsigned char)s[at + n]))
		n++;
	return at + n < len && cd_alpha((unsigned char)s[at + n]) ? 0 : n;
}

/* 1..12 for a month name or abbreviation of n letters at s, else 0. */
static int
cd_month(const char *s, size_t n)
{
	int	i;

	for (i = 0; i < 12; i++) {
		if (cd_eq(s, n, cd_months[i]))
			return i + 1;
		if (n == 3 && cd_lc((unsigned char)s[0]) == cd_months[i][0] &&
		    cd_lc((unsigned char)s[1]) == cd_months[i][1] &&
		    cd_lc((unsigned char)s[2]) == cd_months[i][2])
			return i + 1;
	}
	return n == 4 && cd_eq(s, 4, "sept") ? 9 : 0;
}

/* Read min..max digits at s[at] into *v; returns how many (0: none, or
 * more than max). */
static size_t
cd_digits(const char *s, size_t len, size_t at, size_t max, int *v)
{
	size_t	n = 0;
	int	x = 0;

	while (at + n < len && cd_digit((unsigned char)s[at + n])) {
		if (++n > max)
			return 0;
		x = x * 10 + (s[at + n - 1] - '0');
	}
	*v = x;
	return n;
}

static size_t
cd_blanks(const char *s, size_t len, size_t at)
{
	size_t	n = 0;

	while (at + n < len && (s[at + n] == ' ' || s[at + n] == '\t' ||
	    s[at + n] == '\n' || s[at + n] == '\r'))
		n++;
	return n;
}

static enum caldate_status
cd_check(int y, int m, int d, struct caldate *out)
{
	out->y = y;
	out->m = m;
	out->d = d;
	if (y < CALDATE_YEAR_MIN || y > CALDATE_YEAR_MAX)
		return CALDATE_ABSURD;
	return caldate_valid(y, m, d) ? CALDATE_OK : CALDATE_BAD;
}

/* M/D/YY, MM/DD/YYYY, M-D-YYYY. */
static enum caldate_status
cd_numeric(const char *s, size_t len, size_t at, struct caldate *out,
    size_t *end)
{
	size_t	p = at, n;
	int	m, d, y;
	char	sep;

	if (at > 0 && (cd_digit((unsigned char)s[at - 1]) || s[at - 1] == '/' ||
	    s[at - 1] == '-' || s[at - 1] == '.' || s[at - 1] == ':'))
		return CALDATE_NONE;
	if ((n = cd_digits(s, len, p, 2, &m)) == 0 || p + n >= len)
		return CALDATE_NONE;
	p += n;
	sep = s[p];
	if (sep != '/' && sep != '-')
		return CALDATE_NONE;
	if ((n = cd_digits(s, len, ++p, 2, &d)) == 0 || p + n >= len ||
	    s[p + n] != sep)
		return CALDATE_NONE;
	p += n + 1;
	n = cd_digits(s, len, p, 4, &y);
	if (n != 4 && (n != 2 || sep == '-'))
		return CALDATE_NONE;
	p += n;
	if (p < len && (s[p] == '/' || (s[p] == '-' && p + 1 < len &&
	    cd_digit((unsigned char)s[p + 1]))))
		return CALDATE_NONE;
	if (n == 2)
		y += 2000;
	*end = p;
	return cd_check(y, m, d, out);
}

/* "February 3, 2027", "Feb. 3rd 2027". */
static enum caldate_status
cd_named(const char *s, size_t len, size_t at, struct caldate *out,
    size_t *end)
{
	size_t	p = at, n, b;
	int	m, d, y;

	if (at > 0 && cd_alpha((unsigned char)s[at - 1]))
		return CALDATE_NONE;
	if ((n = cd_word(s, len, p)) < 3 || (m = cd_month(s + p, n)) == 0)
		return CALDATE_NONE;
	p += n;
	if (p < len && s[p] == '.')
		p++;
	if ((b = cd_blanks(s, len, p)) == 0)
		return CALDATE_NONE;
	p += b;
	if ((n = cd_digits(s, len, p, 2, &d)) == 0)
		return CALDATE_NONE;
	p += n;
	if (p + 1 < len && (cd_eq(s + p, 2, "st") || cd_eq(s + p, 2, "nd") ||
	    cd_eq(s + p, 2, "rd") || cd_eq(s + p, 2, "th")) &&
	    (p + 2 >= len || !cd_alpha((unsigned char)s[p + 2])))
		p += 2;
	if (p < len && s[p] == ',')
		p++;
	if ((b = cd_blanks(s, len, p)) == 0)
		return CALDATE_NONE;
	p += b;
	if (cd_digits(s, len, p, 4, &y) != 4)
		return CALDATE_NONE;
	p += 4;
	*end = p;
	return cd_check(y, m, d, out);
}

/* "3 February 2027". */
static enum caldate_status
cd_day_first(const char *s, size_t len, size_t at, struct caldate *out,
    size_t *end)
{
	size_t	p = at, n, b;
	int	m, d, y;

	if (at > 0 && (cd_digit((unsigned char)s[at - 1]) ||
	    cd_alpha((unsigned char)s[at - 1])))
		return CALDATE_NONE;
	if ((n = cd_digits(s, len, p, 2, &d)) == 0)
		return CALDATE_NONE;
	p += n;
	if ((b = cd_blanks(s, len, p)) == 0)
		return CALDATE_NONE;
	p += b;
	if ((n = cd_word(s, len, p)) < 3 || (m = cd_month(s + p, n)) == 0)
		return CALDATE_NONE;
	p += n;
	if (p < len && s[p] == '.')
		p++;
	if (p < len && s[p] == ',')
		p++;
	if ((b = cd_blanks(s, len, p)) == 0 || cd_digits(s, len, p + b, 4,
	    &y) != 4)
		return CALDATE_NONE;
	*end = p + b + 4;
	return cd_check(y, m, d, out);
}

enum caldate_status
caldate_date(const char *s, size_t len, size_t at, struct caldate *out,
    size_t *end)
{
	enum caldate_status	st;

	if (at >= len)
		return CALDATE_NONE;
	if (cd_digit((unsigned char)s[at])) {
		if ((st = cd_numeric(s, len, at, out, end)) != CALDATE_NONE)
			return st;
		return cd_day_first(s, len, at, out, end);
	}
	if (cd_alpha((unsigned char)s[at]))
		return cd_named(s, len, at, out, end);
	return CALDATE_NONE;
}

/* "AM", "a.m.", "p.m", "noon" at s[at]: length, *pm = 0 am, 1 pm,
 * 2 noon; 0 when none. */
static size_t
cd_meridiem(const char *s, size_t len, size_t at, int *pm)
{
	size_t	p = at, n;
	int	c;

	if ((n = cd_word(s, len, p)) == 4 && cd_eq(s + p, 4, "noon")) {
		*pm = 2;
		return 4;
	}
	if (p >= len)
		return 0;
	c = cd_lc((unsigned char)s[p]);
	if (c != 'a' && c != 'p')
		return 0;
	*pm = c == 'p';
	p++;
	if (p < len && s[p] == '.')
		p++;
	if (p >= len || cd_lc((unsigned char)s[p]) != 'm')
		return 0;
	p++;
	if (p < len && s[p] == '.')
		p++;
	if (p < len && cd_alpha((unsigned char)s[p]))
		return 0;
	return p - at;
}

/* A zone word after a time: " ET", " (Central Time)", " PDT". */
static size_t
cd_zone(const char *s, size_t len, size_t at, enum caldate_zone *z)
{
	static const struct { const char *w; enum caldate_zone z; } words[] = {
		{ "et", CALZ_EASTERN }, { "est", CALZ_EASTERN },
		{ "edt", CALZ_EASTERN }, { "eastern", CALZ_EASTERN },
		{ "ct", CALZ_CENTRAL }, { "cst", CALZ_CENTRAL },
		{ "cdt", CALZ_CENTRAL }, { "central", CALZ_CENTRAL },
		{ "mt", CALZ_MOUNTAIN }, { "mst", CALZ_MOUNTAIN },
		{ "mdt", CALZ_MOUNTAIN }, { "mountain", CALZ_MOUNTAIN },
		{ "pt", CALZ_PACIFIC }, { "pst", CALZ_PACIFIC },
		{ "pdt", CALZ_PACIFIC }, { "pacific", CALZ_PACIFIC },
		{ "akst", CALZ_ALASKA }, { "akdt", CALZ_ALASKA },
		{ "alaska", CALZ_ALASKA }, { "hst", CALZ_HAWAII },
		{ "hawaii", CALZ_HAWAII }, { "ast", CALZ_ATLANTIC },
		{ "atlantic", CALZ_ATLANTIC }, { "chst", CALZ_CHAMORRO },
		{ "chamorro", CALZ_CHAMORRO },
	};
	size_t	p = at, n, i, b;
	int	paren = 0;

	p += cd_blanks(s, len, p);
	if (p < len && s[p] == '(') {
		paren = 1;
		p++;
	}
	if ((n = cd_word(s, len, p)) == 0)
		return 0;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (cd_eq(s + p, n, words[i].w))
			break;
	if (i == sizeof(words) / sizeof(words[0]))
		return 0;
	*z = words[i].z;
	p += n;
	/* "Standard Time", "Daylight Time", "Time" */
	b = cd_blanks(s, len, p);
	n = cd_word(s, len, p + b);
	if (b > 0 && (cd_eq(s + p + b, n, "standard") ||
	    cd_eq(s + p + b, n, "daylight"))) {
		p += b + n;
		b = cd_blanks(s, len, p);
		n = cd_word(s, len, p + b);
	}
	if (b > 0 && cd_eq(s + p + b, n, "time"))
		p += b + n;
	if (paren) {
		if (p >= len || s[p] != ')')
			return 0;
		p++;
	}
	return p - at;
}

int
caldate_time(const char *s, size_t len, size_t at, int *minutes,
    enum caldate_zone *zone, size_t *end)
{
	size_t	p = at, n, b, mer;
	int	h, mi = 0, pm = -1, colon = 0;

	*zone = CALZ_NONE;
	if (at >= len)
		return -1;
	if (cd_word(s, len, p) == 4 && cd_eq(s + p, 4, "noon") &&
	    (at == 0 || !cd_alpha((unsigned char)s[at - 1]))) {
		*minutes = 12 * 60;
		*end = p + 4;
		*end += cd_zone(s, len, *end, zone);
		return 0;
	}
	if (at > 0 && (cd_digit((unsigned char)s[at - 1]) || s[at - 1] == ':' ||
	    s[at - 1] == '/'))
		return -1;
	if ((n = cd_digits(s, len, p, 2, &h)) == 0)
		return -1;
	p += n;
	if (p + 2 < len && s[p] == ':' && cd_digit((unsigned char)s[p + 1]) &&
	    cd_digit((unsigned char)s[p + 2]) &&
	    (p + 3 >= len || !cd_digit((unsigned char)s[p + 3]))) {
		mi = (s[p + 1] - '0') * 10 + (s[p + 2] - '0');
		p += 3;
		colon = 1;
	} else if (p < len && (cd_digit((unsigned char)s[p]) || s[p] == ':' ||
	    s[p] == '/'))
		return -1;
	b = cd_blanks(s, len, p);
	if (b <= 1 && (mer = cd_meridiem(s, len, p + b, &pm)) > 0)
		p += b + mer;
	else
		pm = -1;
	if (!colon && pm < 0)
		return -1;
	if (mi > 59)
		return -1;
	if (pm >= 0) {
		if (h < 1 || h > 12 || (pm == 2 && h != 12))
			return -1;
		if (pm == 2)
			h = 12;
		else
			h = (h % 12) + (pm ? 12 : 0);
	} else if (h > 23)
		return -1;
	else if (h >= 1 && h <= 6)
		h += 12;
	*minutes = h * 60 + mi;
	p += cd_zone(s, len, p, zone);
	*end = p;
	return 0;
}

int
caldate_mdays(int y, int m)
{
	static const int md[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m < 1 || m > 12)
		return 0;
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return md[m - 1];
}

int
caldate_valid(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= caldate_mdays(y, m);
}

long
caldate_days(int y, int m, int d)
{
	long		 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
caldate_from_days(long z, struct caldate *out)
{
	long	era, doe, yoe, doy, mp, y;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	out->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	out->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	out->y = (int)(y + (out->m <= 2));
}

int
caldate_weekday(int y, int m, int d)
{
	long	z = caldate_days(y, m, d);

	return (int)(z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6);
}

int
caldate_parse_iso(const char *s, struct caldate *out)
{
	int	y, m, d;

	if (s == NULL || strlen(s) != 10 || s[4] != '-' || s[7] != '-' ||
	    cd_digits(s, 4, 0, 4, &y) != 4 || cd_digits(s, 7, 5, 2, &m) != 2 ||
	    cd_digits(s, 10, 8, 2, &d) != 2 || !caldate_valid(y, m, d))
		return -1;
	out->y = y;
	out->m = m;
	out->d = d;
	return 0;
}

size_t
caldate_weekday_at(const char *s, size_t len, size_t at)
{
	static const char *const names[] = {
		"sunday", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sun", "mon", "tue", "tues", "wed",
		"thu", "thur", "thurs", "fri", "sat",
	};
	size_t	n, i, p;

	if (at > 0 && cd_alpha((unsigned char)s[at - 1]))
		return 0;
	if ((n = cd_word(s, len, at)) < 3)
		return 0;
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (cd_eq(s + at, n, names[i]))
			break;
	if (i == sizeof(names) / sizeof(names[0]))
		return 0;
	p = at + n;
	if (p < len && s[p] == '.')
		p++;
	if (p < len && s[p] == ',')
		p++;
	n = cd_blanks(s, len, p);
	return n > 0 ? p + n - at : 0;
}

const char *
caldate_zone_name(enum caldate_zone z)
{
	static const char *const names[CALZ_N] = {
		"none", "eastern", "central", "mountain", "pacific", "alaska",
		"hawaii", "atlantic", "chamorro"
	};

	return (unsigned)z < CALZ_N ? names[z] : "?";
}
