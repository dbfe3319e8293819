/*
 * test_caldate: the date and time readers (every style the notices use,
 * boundaries, impossible days, absurd years), the day arithmetic, and
 * the court time-zone table (every court id CM/ECF uses, the two-zone
 * courts, the zone rules).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "caldate.h"
#include "courttz.h"
#include "fixture.h"

struct dcase {
	const char		*text;
	size_t			 at;
	enum caldate_status	 st;
	int			 y, m, d;
	size_t			 end;	/* offset after the date */
};

static const struct dcase dcases[] = {
	{ "3/1/2027", 0, CALDATE_OK, 2027, 3, 1, 8 },
	{ "03/01/2027.", 0, CALDATE_OK, 2027, 3, 1, 10 },
	{ "3/1/27 at", 0, CALDATE_OK, 2027, 3, 1, 6 },
	{ "12-31-2027", 0, CALDATE_OK, 2027, 12, 31, 10 },
	{ "February 3, 2027", 0, CALDATE_OK, 2027, 2, 3, 16 },
	{ "Feb. 3, 2027", 0, CALDATE_OK, 2027, 2, 3, 12 },
	{ "FEB 3 2027", 0, CALDATE_OK, 2027, 2, 3, 10 },
	{ "Sept. 30, 2027", 0, CALDATE_OK, 2027, 9, 30, 14 },
	{ "September 30th, 2027", 0, CALDATE_OK, 2027, 9, 30, 20 },
	{ "May 1st 2027", 0, CALDATE_OK, 2027, 5, 1, 12 },
	{ "3 February 2027", 0, CALDATE_OK, 2027, 2, 3, 15 },
	{ "on 2/29/2028", 3, CALDATE_OK, 2028, 2, 29, 12 },
	{ "2/29/2027", 0, CALDATE_BAD, 2027, 2, 29, 9 },
	{ "2/30/2027", 0, CALDATE_BAD, 2027, 2, 30, 9 },
	{ "4/31/2027", 0, CALDATE_BAD, 2027, 4, 31, 9 },
	{ "13/1/2027", 0, CALDATE_BAD, 2027, 13, 1, 9 },
	{ "0/1/2027", 0, CALDATE_BAD, 2027, 0, 1, 8 },
	{ "1/0/2027", 0, CALDATE_BAD, 2027, 1, 0, 8 },
	{ "February 30, 2027", 0, CALDATE_BAD, 2027, 2, 30, 17 },
	{ "3/1/1899", 0, CALDATE_ABSURD, 1899, 3, 1, 8 },
	{ "3/1/9999", 0, CALDATE_ABSURD, 9999, 3, 1, 8 },
	{ "2/30/9999", 0, CALDATE_ABSURD, 9999, 2, 30, 9 },
	{ "1:21-cv-01456", 5, CALDATE_NONE, 0, 0, 0, 0 },
	{ "11/2/3/2027", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "2/3/4/2027", 2, CALDATE_NONE, 0, 0, 0, 0 },
	{ "12/1", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "3/1/2", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "3/1/202", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "3/1/20271", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "3-1-27", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "103/1/2027", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "March 3", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "March 2027", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "Marchy 3, 2027", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "xMarch 3, 2027", 1, CALDATE_NONE, 0, 0, 0, 0 },
	{ "may be filed", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "May 3, 27", 0, CALDATE_NONE, 0, 0, 0, 0 },
	{ "", 0, CALDATE_NONE, 0, 0, 0, 0 },
};

static void
test_dates(void **state)
{
	struct caldate	d;
	size_t		i, end;

	(void)state;
	for (i = 0; i < sizeof dcases / sizeof dcases[0]; i++) {
		const struct dcase *c = &dcases[i];
		enum caldate_status st;

		memset(&d, 0, sizeof d);
		end = 0;
		st = caldate_date(c->text, strlen(c->text), c->at, &d, &end);
		if (st != c->st)
			fail_msg("\"%s\": status %d, want %d", c->text, st, c->st);
		if (st == CALDATE_NONE)
			continue;
		if (d.y != c->y || d.m != c->m || d.d != c->d || end != c->end)
			fail_msg("\"%s\": %d-%d-%d end %zu", c->text, d.y, d.m, d.d,
			    end);
	}
}

struct tcase {
	const char	*text;
	int		 minutes;	/* -1: not a time */
	enum caldate_zone zone;
	size_t		 end;
};

static const struct tcase tcases[] = {
	{ "9:30 AM", 9 * 60 + 30, CALZ_NONE, 7 },
	{ "09:00 a.m.", 9 * 60, CALZ_NONE, 10 },
	{ "1:30 PM", 13 * 60 + 30, CALZ_NONE, 7 },
	{ "10:00", 10 * 60, CALZ_NONE, 5 },
	{ "1:30", 13 * 60 + 30, CALZ_NONE, 4 },
	{ "7:30", 7 * 60 + 30, CALZ_NONE, 4 },
	{ "14:30", 14 * 60 + 30, CALZ_NONE, 5 },
	{ "10 a.m.", 10 * 60, CALZ_NONE, 7 },
	{ "10am", 10 * 60, CALZ_NONE, 4 },
	{ "2 PM", 14 * 60, CALZ_NONE, 4 },
	{ "12:00 PM", 12 * 60, CALZ_NONE, 8 },
	{ "12:15 AM", 15, CALZ_NONE, 8 },
	{ "12:00 noon", 12 * 60, CALZ_NONE, 10 },
	{ "noon", 12 * 60, CALZ_NONE, 4 },
	{ "10:00 AM ET", 10 * 60, CALZ_EASTERN, 11 },
	{ "10:00 AM EST.", 10 * 60, CALZ_EASTERN, 12 },
	{ "10:00 a.m. CT", 10 * 60, CALZ_CENTRAL, 13 },
	{ "10:00 AM (Central Time)", 10 * 60, CALZ_CENTRAL, 23 },
	{ "10:00 AM Mountain Standard Time", 10 * 60, CALZ_MOUNTAIN, 31 },
	{ "10:00 AM PDT", 10 * 60, CALZ_PACIFIC, 12 },
	{ "10:00 AM Pacific", 10 * 60, CALZ_PACIFIC, 16 },
	{ "10:00 AM AKST", 10 * 60, CALZ_ALASKA, 13 },
	{ "10:00 AM HST", 10 * 60, CALZ_HAWAII, 12 },
	{ "10:00 AM AST", 10 * 60, CALZ_ATLANTIC, 12 },
	{ "10:00 AM ChST", 10 * 60, CALZ_CHAMORRO, 13 },
	{ "10:00 AM Pretrial", 10 * 60, CALZ_NONE, 8 },
	{ "10:00 AM (ECF)", 10 * 60, CALZ_NONE, 8 },
	{ "10", -1, CALZ_NONE, 0 },
	{ "25:00", -1, CALZ_NONE, 0 },
	{ "10:75", -1, CALZ_NONE, 0 },
	{ "13:00 PM", -1, CALZ_NONE, 0 },
	{ "0:30 AM", -1, CALZ_NONE, 0 },
	{ "10:000", -1, CALZ_NONE, 0 },
	{ "10:0", -1, CALZ_NONE, 0 },
	{ "3/1", -1, CALZ_NONE, 0 },
	{ "10 amps", -1, CALZ_NONE, 0 },
	{ "", -1, CALZ_NONE, 0 },
};

static void
test_times(void **state)
{
	size_t	i, end;
	int	mi, rc;
	enum caldate_zone z;

	(void)state;
	for (i = 0; i < sizeof tcases / sizeof tcases[0]; i++) {
		const struct tcase *c = &tcases[i];

		mi = -2;
		end = 0;
		rc = caldate_time(c->text, strlen(c->text), 0, &mi, &z, &end);
		if (c->minutes < 0) {
			if (rc == 0)
				fail_msg("\"%s\" read as %d", c->text, mi);
			continue;
		}
		if (rc != 0 || mi != c->minutes || z != c->zone || end != c->end)
			fail_msg("\"%s\": rc %d, %d min, zone %s, end %zu", c->text,
			    rc, mi, caldate_zone_name(z), end);
	}
	/* a time glued to a number before it is not a time */
	assert_int_equal(caldate_time("110:00 AM", 9, 1, &mi, &z, &end), -1);
}

static void
test_days(void **state)
{
	struct caldate	d;
	long		z;

	(void)state;
	assert_int_equal(caldate_days(1970, 1, 1), 0);
	assert_int_equal(caldate_days(2000, 3, 1), 11017);
	assert_int_equal(caldate_days(1969, 12, 31), -1);
	assert_int_equal(caldate_weekday(1970, 1, 1), 4);
	assert_int_equal(caldate_weekday(2027, 3, 14), 0);	/* DST begins */
	assert_int_equal(caldate_weekday(1969, 12, 27), 6);
	for (z = -800000; z < 800000; z += 997) {
		caldate_from_days(z, &d);
		assert_true(caldate_valid(d.y, d.m, d.d));
		assert_int_equal(caldate_days(d.y, d.m, d.d), z);
	}
	assert_int_equal(caldate_mdays(2100, 2), 28);
	assert_int_equal(caldate_mdays(2000, 2), 29);
	assert_int_equal(caldate_mdays(2027, 13), 0);
	assert_int_equal(caldate_parse_iso("2027-03-01", &d), 0);
	assert_int_equal(d.m, 3);
	assert_int_equal(caldate_parse_iso("2027-02-30", &d), -1);
	assert_int_equal(caldate_parse_iso("2027-3-01", &d), -1);
	assert_int_equal(caldate_parse_iso(NULL, &d), -1);
	assert_int_equal(caldate_weekday_at("Wednesday, 4/21", 15, 0), 11);
	assert_int_equal(caldate_weekday_at("WED 4/21", 8, 0), 4);
	assert_int_equal(caldate_weekday_at("Wedding 4/21", 12, 0), 0);
}

/* Every court id of the document-id prefix list has a zone with rules;
 * the list is read in place from ../shared/data when it is there. */
static void
test_courts_complete(void **state)
{
	const char	*top = getenv("TOP");
	char		 path[1024], *buf, *line, *save, *tab;
	size_t		 len, n = 0, i;
	const struct courttz *all, *c;

	(void)state;
	all = courttz_all(&n);
	for (i = 0; i < n; i++) {
		if (courttz_rules(all[i].ct_zone) == NULL)
			fail_msg("%s: zone %s has no rules", all[i].ct_court,
			    all[i].ct_zone);
		if (all[i].ct_note == NULL || strlen(all[i].ct_note) < 8)
			fail_msg("%s: no note", all[i].ct_court);
		if (courttz_find(all[i].ct_court) != &all[i])
			fail_msg("%s: listed twice", all[i].ct_court);
		for (const struct courttz_city *cc = all[i].ct_cities;
		    cc != NULL && cc->cc_city != NULL; cc++)
			if (courttz_rules(cc->cc_zone) == NULL)
				fail_msg("%s: %s has no rules", all[i].ct_court,
				    cc->cc_city);
	}
	snprintf(path, sizeof path, "%s/../shared/data/doc-id-prefix.tsv",
	    top != NULL ? top : ".");
	if ((buf = fixture_read(path, &len)) == NULL) {
		printf("# %s not found: court list not compared\n", path);
		return;
	}
	n = 0;
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || (tab = strchr(line, '\t')) == NULL)
			continue;
		if ((c = courttz_find(tab + 1)) == NULL)
			fail_msg("court %s has no time zone", tab + 1);
		n++;
	}
	free(buf);
	printf("# %zu court ids of the prefix list have a zone\n", n);
	assert_true(n >= 200);
}

struct pcase {
	const char	*court, *text, *zone;
	int		 assumed;
};

static const struct pcase pcases[] = {
	{ "cand", "anything", "America/Los_Angeles", 0 },
	{ "CAND", NULL, "America/Los_Angeles", 0 },
	{ "azb", "Phoenix", "America/Phoenix", 0 },
	{ "txwd", "in El Paso, Courtroom 2", "America/Denver", 0 },
	{ "txwb", "EL PASO", "America/Denver", 0 },
	{ "txwd", "in Austin", "America/Chicago", 0 },
	{ "txwd", "Courtroom 2", "America/Chicago", 1 },
	{ "txwd", "in Del Rio", "America/Chicago", 0 },
	{ "flnd", "Panama City Division", "America/Chicago", 0 },
	{ "flnd", "Gainesville", "America/New_York", 0 },
	{ "flnd", "Panama Cityscape", "America/New_York", 1 },
	{ "sdb", "Rapid City", "America/Denver", 0 },
	{ "sdd", "Pierre", "America/Chicago", 0 },
	{ "idd", "Moscow", "America/Los_Angeles", 0 },
	{ "idd", "Pocatello", "America/Boise", 0 },
	{ "ksd", "Wichita", "America/Chicago", 0 },
	{ "ned", "North Platte", "America/Chicago", 0 },
	{ "ndb", "Dickinson", "America/Denver", 0 },
	{ "tned", "Chattanooga", "America/New_York", 0 },
	{ "innd", "Hammond", "America/Chicago", 0 },
	{ "innd", "Fort Wayne", "America/Indiana/Indianapolis", 0 },
	{ "insb", "Evansville", "America/Chicago", 0 },
	{ "kywb", "Bowling Green", "America/Chicago", 0 },
	{ "kywd", "Louisville", "America/Kentucky/Louisville", 0 },
	{ "miwd", "Marquette", "America/Detroit", 0 },
	{ "ca1", "San Juan", "America/Puerto_Rico", 0 },
	{ "ca9", "Anchorage", "America/Anchorage", 0 },
	{ "ca11", "Montgomery", "America/Chicago", 0 },
	{ "ca11", "Atlanta", "America/New_York", 1 },
	{ "gub", NULL, "Pacific/Guam", 0 },
	{ "nmib", NULL, "Pacific/Saipan", 0 },
	{ "vib", NULL, "America/St_Thomas", 0 },
	{ "prb", NULL, "America/Puerto_Rico", 0 },
	{ "akd", NULL, "America/Anchorage", 0 },
	{ "hib", NULL, "Pacific/Honolulu", 0 },
	{ "jpml", "hearing session in Chicago", "America/Chicago", 0 },
	{ "xyz", "El Paso", NULL, 1 },
	{ NULL, "El Paso", NULL, 1 },
};

static void
test_pick(void **state)
{
	const struct courttz_rules *r;
	size_t	i;
	int	assumed;

	(void)state;
	for (i = 0; i < sizeof pcases / sizeof pcases[0]; i++) {
		const struct pcase *c = &pcases[i];
		const char *z = courttz_pick(c->court, c->text, c->text ?
		    strlen(c->text) : 0, &assumed);

		if ((z == NULL) != (c->zone == NULL) || (z != NULL &&
		    strcmp(z, c->zone) != 0) || assumed != c->assumed)
			fail_msg("%s \"%s\": %s assumed %d", c->court ? c->court :
			    "NULL", c->text ? c->text : "", z ? z : "NULL",
			    assumed);
	}
	r = courttz_rules("America/Phoenix");
	assert_non_null(r);
	assert_int_equal(r->tr_std, r->tr_dst);
	assert_null(r->tr_dst_abbr);
	r = courttz_rules("America/New_York");
	assert_int_equal(r->tr_std, -300);
	assert_int_equal(r->tr_dst, -240);
	assert_string_equal(courttz_rules("Pacific/Guam")->tr_std_abbr, "ChST");
	assert_null(courttz_rules("Europe/Paris"));
	assert_null(courttz_rules(NULL));
	assert_string_equal(courttz_family_zone(CALZ_EASTERN,
	    "America/Indiana/Indianapolis"), "America/Indiana/Indianapolis");
	assert_string_equal(courttz_family_zone(CALZ_MOUNTAIN,
	    "America/Phoenix"), "America/Phoenix");
	assert_string_equal(courttz_family_zone(CALZ_MOUNTAIN,
	    "America/Chicago"), "America/Denver");
	assert_string_equal(courttz_family_zone(CALZ_CENTRAL, NULL),
	    "America/Chicago");
	assert_null(courttz_family_zone(CALZ_NONE, "America/Chicago"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_days),
		cmocka_unit_test(test_courts_complete),
		cmocka_unit_test(test_pick),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
