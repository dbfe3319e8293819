/*
 * caldate: dates, times and time-zone words as docket texts write them.
 *
 * caldate_date() reads a date that starts exactly at s[at]:
 *	M/D/YY, MM/DD/YYYY (also with '-' and a four-digit year),
 *	"February 3, 2027", "Feb. 3, 2027", "FEB 3 2027", "February 3rd, 2027",
 *	"3 February 2027".
 * A numeric date must not touch another digit or '/' on either side
 * (so "1:21-cv-01456" and "11/2/3/2027" are not dates).  Two-digit years
 * are 20YY.  The result says whether the shape was a date at all and, if
 * so, whether the day exists (2/30/2027 is CALDATE_BAD) and whether the
 * year is plausible (CALDATE_ABSURD outside CALDATE_YEAR_MIN..MAX).
 *
 * caldate_time() reads a time of day at s[at]: "9:30 AM", "09:00 a.m.",
 * "1:30 PM", "10:00", "10 a.m.", "noon", optionally followed by a zone
 * word ("ET", "CST", "(Central Time)", "Pacific") whose IANA family it
 * returns.  A time without AM/PM is read as written, except that the
 * hours 1 to 6 are afternoon hours (no court sits at 1:30 in the night).
 *
 * Everything is ASCII case-insensitive, reads at most a few dozen bytes
 * from `at` and never past len: linear in what the caller scans.
 */
#ifndef NEF_CALDATE_H
#define NEF_CALDATE_H

#include <stddef.h>

#define CALDATE_YEAR_MIN	1990
#define CALDATE_YEAR_MAX	2199

enum caldate_status {
	CALDATE_NONE,		/* not a date */
	CALDATE_OK,
	CALDATE_BAD,		/* a date's shape, but no such day */
	CALDATE_ABSURD		/* a date's shape, year out of range */
};

struct caldate {
	int	y, m, d;
};

/* Time-zone families a text may name. */
enum caldate_zone {
	CALZ_NONE, CALZ_EASTERN, CALZ_CENTRAL, CALZ_MOUNTAIN, CALZ_PACIFIC,
	CALZ_ALASKA, CALZ_HAWAII, CALZ_ATLANTIC, CALZ_CHAMORRO, CALZ_N
};

/* A date at s[at]; *end is the offset after it (only on CALDATE_OK, BAD
 * or ABSURD). */
enum caldate_status caldate_date(const char *s, size_t len, size_t at,
	    struct caldate *out, size_t *end);

/* A time at s[at]: 0 (*minutes since midnight, *zone, *end set) or -1. */
int	 caldate_time(const char *s, size_t len, size_t at, int *minutes,
	    enum caldate_zone *zone, size_t *end);

/* 1 when y-m-d is a day of the Gregorian calendar. */
int	 caldate_valid(int y, int m, int d);
int	 caldate_mdays(int y, int m);
/* Days since 1970-01-01 (negative before). */
long	 caldate_days(int y, int m, int d);
/* The date of a day number. */
void	 caldate_from_days(long days, struct caldate *out);
/* 0 = Sunday ... 6 = Saturday. */
int	 caldate_weekday(int y, int m, int d);
/* "YYYY-MM-DD" into buf (11 bytes); 0, or -1 when it does not parse. */
int	 caldate_parse_iso(const char *s, struct caldate *out);
/* The length of a weekday name ("Wednesday", "Wed.", "WED") at s[at]
 * followed by a comma or a blank, including them; 0 when none. */
size_t	 caldate_weekday_at(const char *s, size_t len, size_t at);

/* Stable names ("eastern") of the families. */
const char *caldate_zone_name(enum caldate_zone);

#endif
