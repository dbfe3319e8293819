/*
 * test_calstore: the calendar's identity of events.  policy/calmatch on a
 * table of known records and incoming events; policy/ics on exact text
 * (folding, escaping, zones, all-day events, alarms); and the store's
 * events table (milter/store_event.c) on a real LMDB store: a new event, a
 * copy, a reset (the same UID, SEQUENCE + 1), a cancellation, the
 * separation of restricted entries, the records after a reopen; and the
 * retention of events (store_event_expire): by day, per case, in batches,
 * at the day boundary, 0 keeping everything.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "caldate.h"
#include "calevent.h"
#include "calmatch.h"
#include "ics.h"
#include "store.h"
#include "store_event.h"

#define NOW	1800000000	/* 2027-01-15 */

static void
extract(const char *text, struct calev_set *s)
{
	struct calev_in in;

	memset(&in, 0, sizeof in);
	in.ci_text = text;
	in.ci_len = strlen(text);
	in.ci_court = "cand";
	in.ci_ref.y = 2027;
	in.ci_ref.m = 1;
	in.ci_ref.d = 4;
	calev_extract(&in, s);
}

static const struct calmatch_rec recs[] = {
	/* 0 */ { "hearing/motion hearing/-", CALEV_HEARING, 1, { 2027, 2, 1 },
	    600, "America/Los_Angeles", "Courtroom 2", 0, 0 },
	/* 1 */ { "hearing/motion hearing/45", CALEV_HEARING, 1, { 2027, 3, 1 },
	    600, "America/Los_Angeles", "", 0, 0 },
	/* 2 */ { "deadline/responses/-", CALEV_DEADLINE, 1, { 2027, 2, 10 },
	    -1, "America/Los_Angeles", "", 0, 0 },
	/* 3 */ { "hearing/status conference/-", CALEV_HEARING, 1,
	    { 2026, 12, 1 }, 540, "America/Los_Angeles", "", 0, 0 },
	/* 4 */ { "hearing/status conference/-", CALEV_HEARING, 1,
	    { 2027, 4, 1 }, 540, "America/Los_Angeles", "", 0, 0 },
	/* 5 */ { "hearing/settlement conference/-", CALEV_HEARING, 1,
	    { 2027, 5, 1 }, 540, "America/Los_Angeles", "", 0, 1 },
	/* 6 */ { "hearing/jury trial/-", CALEV_HEARING, 1, { 2027, 6, 1 },
	    510, "America/Los_Angeles", "", 1, 0 },
};

struct mcase {
	const char	*text;
	int		 restricted;
	long		 want;		/* record index, -1 new */
	int		 changes;
};

static const struct mcase mcases[] = {
	{ "Motion Hearing set for 2/1/2027 10:00 AM in Courtroom 2.", 0, 0, 0 },
	{ "Motion Hearing set for 2/1/2027 11:00 AM in Courtroom 2.", 0, 0, 1 },
	{ "Motion Hearing set for 2/1/2027 10:00 AM in Courtroom 9.", 0, 0, 1 },
	{ "Motion Hearing set for 2/8/2027 10:00 AM.", 0, -1, 0 },
	{ "Motion Hearing set for 3/8/2027 10:00 AM re [45] Motion.", 0, 1, 1 },
	{ "Motion Hearing reset for 2/15/2027 10:00 AM.", 0, 0, 1 },
	{ "Motion Hearing reset for 3/15/2027 10:00 AM re [45].", 0, 1, 1 },
	{ "Hearing continued to 2/22/2027 at 09:00 AM.", 0, 0, 1 },
	{ "Order granting stipulation to continue Motion Hearing from 3/1/2027 "
	    "to 3/22/2027 @ 10:00 a.m.", 0, 1, 1 },
	{ "Status Conference reset for 5/1/2027 09:00 AM.", 0, 4, 1 },
	{ "Motion Hearing set for 2/1/2027 10:00 AM is VACATED.", 0, 0, 1 },
	{ "The hearing set for 2/1/2027 is vacated.", 0, 0, 1 },
	{ "Status Conference vacated.", 0, 4, 1 },
	{ "Settlement Conference vacated.", 0, -1, 0 },
	{ "Settlement Conference vacated.", 1, 5, 1 },
	{ "Settlement Conference set for 5/1/2027 09:00 AM.", 0, -1, 0 },
	{ "Settlement Conference set for 5/1/2027 09:00 AM.", 1, 5, 0 },
	{ "Jury Trial reset for 7/1/2027 08:30 AM.", 0, -1, 0 },
	{ "Jury Trial set for 6/1/2027 08:30 AM.", 0, 6, 1 },
	{ "Responses due by 2/10/2027.", 0, 2, 0 },
	{ "Responses due by 2/17/2027.", 0, -1, 0 },
	{ "Replies due by 2/10/2027.", 0, -1, 0 },
	{ "Pretrial Conference set for 2/1/2027 10:00 AM.", 0, -1, 0 },
};

static void
test_match(void **state)
{
	struct calev_set *s = calloc(1, sizeof(*s));
	struct caldate	 today = { 2027, 1, 4 };
	size_t		 i;
	long		 m;

	(void)state;
	for (i = 0; i < sizeof mcases / sizeof mcases[0]; i++) {
		extract(mcases[i].text, s);
		if (s->s_n != 1)
			fail_msg("%s: %zu events", mcases[i].text, s->s_n);
		m = calmatch_find(&s->s_ev[0], mcases[i].restricted, recs,
		    sizeof recs / sizeof recs[0], &today);
		if (m != mcases[i].want)
			fail_msg("%s (restricted %d): record %ld, want %ld",
			    mcases[i].text, mcases[i].restricted, m, mcases[i].want);
		if (m >= 0 && calmatch_changes(&s->s_ev[0], &recs[m]) !=
		    mcases[i].changes)
			fail_msg("%s: changes %d", mcases[i].text, !mcases[i].changes);
	}
	assert_true(calmatch_same("hearing/hearing/-", "hearing/motion hearing/45"));
	assert_false(calmatch_same("hearing/trial/-", "hearing/motion hearing/-"));
	assert_false(calmatch_same("hearing/motion hearing/44",
	    "hearing/motion hearing/45"));
	assert_false(calmatch_same("deadline/responses/-", "hearing/responses/-"));
	assert_false(calmatch_same("junk", "hearing/x/-"));
	free(s);
}

static void
test_ics_text(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct ics_cal	 cal = { "-//t//t//EN", "PUBLISH", NULL };
	struct ics_event ev[2];
	const char	*t;

	(void)state;
	memset(ev, 0, sizeof ev);
	ev[0].ie_uid = "a@b";
	ev[0].ie_sequence = 3;
	ev[0].ie_date = (struct caldate){ 2027, 12, 31 };
	ev[0].ie_minute = 23 * 60 + 30;
	ev[0].ie_duration = 60;
	ev[0].ie_tz = "America/Phoenix";
	ev[0].ie_summary = "A, B; C\\D";
	ev[0].ie_location = "Room\n5";
	ev[0].ie_stamp = NOW;
	ev[0].ie_alarm = 1440;
	ev[0].ie_busy = 1;
	ev[1].ie_uid = "c@d";
	ev[1].ie_cancelled = 1;
	ev[1].ie_date = (struct caldate){ 2028, 2, 29 };
	ev[1].ie_minute = -1;
	ev[1].ie_tz = "America/New_York";
	ev[1].ie_summary = "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	    "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9";
	ev[1].ie_stamp = NOW;
	ev[1].ie_alarm = 30;
	assert_int_equal(ics_write(&cal, ev, 2, &sb), 0);
	t = strbuf_str(&sb);
	assert_non_null(strstr(t, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//t//EN\r\n"
	    "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n"));
	/* Phoenix: one STANDARD observance; New York unused (all-day) */
	assert_non_null(strstr(t, "TZID:America/Phoenix\r\nBEGIN:STANDARD\r\n"
	    "TZOFFSETFROM:-0700\r\nTZOFFSETTO:-0700\r\nTZNAME:MST\r\n"
	    "DTSTART:20070101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"));
	assert_null(strstr(t, "TZID:America/New_York"));
	assert_non_null(strstr(t, "UID:a@b\r\nDTSTAMP:20270115T080000Z\r\nSEQUENCE:3\r\n"
	    "STATUS:CONFIRMED\r\nDTSTART;TZID=America/Phoenix:20271231T233000\r\n"
	    "DTEND;TZID=America/Phoenix:20280101T003000\r\n"));
	assert_non_null(strstr(t, "SUMMARY:A\\, B\\; C\\\\D\r\n"));
	assert_non_null(strstr(t, "LOCATION:Room\\n5\r\n"));
	assert_non_null(strstr(t, "TRANSP:OPAQUE\r\nBEGIN:VALARM\r\nACTION:DISPLAY\r\n"));
	assert_non_null(strstr(t, "TRIGGER:-P1D\r\n"));
	assert_non_null(strstr(t, "STATUS:CANCELLED\r\nDTSTART;VALUE=DATE:20280229\r\n"
	    "DTEND;VALUE=DATE:20280301\r\n"));
	/* 8 + 34 two-byte characters: folded after 75 octets, between them */
	assert_non_null(strstr(t, "SUMMARY:\xc3\xa9\xc3\xa9"));
	assert_non_null(strstr(t, "\xc3\xa9\r\n \xc3\xa9"));
	assert_int_equal(strstr(strstr(t, "UID:c@d"), "\r\n \xc3\xa9") -
	    strstr(strstr(t, "UID:c@d"), "SUMMARY:"), 74);
	/* a cancelled event has no alarm */
	assert_null(strstr(strstr(t, "UID:c@d"), "VALARM"));
	assert_true(strlen(t) > 2 && strcmp(t + strlen(t) - 15, "END:VCALENDAR\r\n") == 0);
	strbuf_free(&sb);
}

static void
mkuid(const char *court, const char *docket, const struct calev *e,
    int restricted, char *uid, size_t size)
{
	snprintf(uid, size, "%s-%s-%s-%d-%d@test", court, docket, e->e_key,
	    e->e_date.d, restricted);
}

static struct store *
open_store(const char *dir)
{
	struct store_opts	 o;
	struct store		*st = NULL;

	memset(&o, 0, sizeof o);
	o.so_dir = dir;
	o.so_map_size = 1 << 20;
	o.so_max_readers = 16;
	o.so_retention = 3600;
	o.so_create = 1;
	o.so_lock_wait_ms = 2000;
	assert_int_equal(store_open(&o, &st), 0);
	return st;
}

static void
apply(struct store *st, const char *text, int restricted, uint32_t entry,
    struct store_event *out, int *changed)
{
	struct calev_set *s = calloc(1, sizeof(*s));
	struct caldate	 today = { 2027, 1, 4 };

	extract(text, s);
	assert_int_equal(store_event_apply(st, "cand", "4:22-cv-05541", s, text,
	    restricted, entry, &today, NOW, mkuid, out, changed), 0);
	free(s);
}

static void
test_store_events(void **state)
{
	char			 dir[64] = "/tmp/test_calstore.XXXXXX";
	struct store		*st;
	struct store_event	 out[CALEV_MAX], *v;
	size_t			 n;
	int			 changed;
	char			 uid[STORE_EVUID_MAX + 1], cmd[128];

	(void)state;
	assert_non_null(mkdtemp(dir));
	rmdir(dir);
	st = open_store(dir);
	apply(st, "Motion Hearing set for 2/1/2027 10:00 AM in Courtroom 2 "
	    "before Judge Jon S. Tigar. Responses due by 1/20/2027.", 0, 57, out,
	    &changed);
	assert_true(changed);
	assert_int_equal(out[0].se_seq, 0);
	snprintf(uid, sizeof uid, "%s", out[0].se_uid);
	assert_string_equal(out[0].se_judge, "Judge Jon S. Tigar");
	assert_int_equal(out[0].se_entry, 57);
	/* the same notice again: nothing changes */
	apply(st, "Motion Hearing set for 2/1/2027 10:00 AM in Courtroom 2 "
	    "before Judge Jon S. Tigar. Responses due by 1/20/2027.", 0, 57, out,
	    &changed);
	assert_false(changed);
	assert_string_equal(out[0].se_uid, uid);
	assert_int_equal(out[0].se_seq, 0);
	/* reset: same UID, SEQUENCE 1, new day, the place kept */
	apply(st, "Motion Hearing reset for 2/15/2027 11:00 AM.", 0, 60, out,
	    &changed);
	assert_true(changed);
	assert_string_equal(out[0].se_uid, uid);
	assert_int_equal(out[0].se_seq, 1);
	assert_int_equal(out[0].se_date.d, 15);
	assert_int_equal(out[0].se_minute, 11 * 60);
	assert_string_equal(out[0].se_location, "Courtroom 2");
	assert_int_equal(out[0].se_entry, 60);
	/* vacated without a day: the next such hearing, cancelled, time kept */
	apply(st, "ORDER. Hearing vacated.", 0, 61, out, &changed);
	assert_true(changed);
	assert_string_equal(out[0].se_uid, uid);
	assert_int_equal(out[0].se_seq, 2);
	assert_true(out[0].se_cancelled);
	assert_int_equal(out[0].se_minute, 11 * 60);
	/* a restricted entry never touches the public record */
	apply(st, "SEALED. Motion Hearing reset for 3/1/2027 10:00 AM.", 1, 62,
	    out, &changed);
	assert_true(changed);
	assert_string_not_equal(out[0].se_uid, uid);
	assert_true(out[0].se_restricted);
	assert_int_equal(store_event_list(st, "cand", "4:22-cv-05541", &v, &n), 0);
	assert_int_equal(n, 3);
	free(v);
	assert_int_equal(store_event_list(st, "cand", "1:99-cv-00001", &v, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_event_list(st, "CAND!", "x", &v, &n), STORE_EINVAL);
	store_close(st);
	/* reopen: the records are there */
	st = open_store(dir);
	assert_int_equal(store_event_list(st, "cand", "4:22-cv-05541", &v, &n), 0);
	assert_int_equal(n, 3);
	free(v);
	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* Which record a change reaches: the day it moves from, not the soonest
 * of the name; "Set/Reset Hearings" sets a new one; a vacatur of a day. */
static void
test_store_moves(void **state)
{
	char			 dir[64] = "/tmp/test_calmoves.XXXXXX", cmd[128];
	char			 u1[STORE_EVUID_MAX + 1], u8[STORE_EVUID_MAX + 1];
	char			 um[STORE_EVUID_MAX + 1];
	struct store		*st;
	struct store_event	 out[CALEV_MAX], *v;
	size_t			 n, i;
	int			 changed;

	(void)state;
	assert_non_null(mkdtemp(dir));
	rmdir(dir);
	st = open_store(dir);
	apply(st, "Status Conference set for 3/1/2027 at 10:00 AM.", 0, 10, out,
	    &changed);
	snprintf(u1, sizeof u1, "%s", out[0].se_uid);
	apply(st, "Status Conference set for 3/8/2027 at 10:00 AM.", 0, 11, out,
	    &changed);
	snprintf(u8, sizeof u8, "%s", out[0].se_uid);
	assert_string_not_equal(u1, u8);
	apply(st, "ORDER: The Status Conference set for 3/8/2027 is CONTINUED to "
	    "3/22/2027 at 11:00 AM.", 0, 12, out, &changed);
	assert_true(changed);
	assert_string_equal(out[0].se_uid, u8);
	assert_int_equal(out[0].se_seq, 1);
	assert_int_equal(out[0].se_date.d, 22);
	assert_int_equal(out[0].se_minute, 11 * 60);
	/* the same order again changes nothing */
	apply(st, "ORDER: The Status Conference set for 3/8/2027 is CONTINUED to "
	    "3/22/2027 at 11:00 AM.", 0, 12, out, &changed);
	assert_string_equal(out[0].se_uid, u8);
	assert_int_equal(out[0].se_seq, 1);
	/* a new hearing in CM/ECF's "Set/Reset Hearings" moves no other */
	apply(st, "Motion Hearing set for 2/1/2027 10:00 AM.", 0, 13, out,
	    &changed);
	snprintf(um, sizeof um, "%s", out[0].se_uid);
	apply(st, "Set/Reset Hearings: Motion Hearing set for 2/23/2027 10:00 AM.",
	    0, 14, out, &changed);
	assert_string_not_equal(out[0].se_uid, um);
	assert_int_equal(out[0].se_seq, 0);
	/* vacating the 3/1 conference cancels that one */
	apply(st, "The Status Conference set for 3/1/2027 is VACATED.", 0, 15,
	    out, &changed);
	assert_string_equal(out[0].se_uid, u1);
	assert_true(out[0].se_cancelled);
	assert_int_equal(out[0].se_seq, 1);
	assert_int_equal(store_event_list(st, "cand", "4:22-cv-05541", &v, &n), 0);
	assert_int_equal(n, 4);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].se_uid, um) == 0) {
			assert_int_equal(v[i].se_date.d, 1);	/* not moved */
			assert_int_equal(v[i].se_seq, 0);
		}
		if (strcmp(v[i].se_uid, u8) == 0)
			assert_false(v[i].se_cancelled);
	}
	free(v);
	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

/* A UID per day of every month and year (mkuid's is per day of month). */
static void
mkuid_day(const char *court, const char *docket, const struct calev *e,
    int restricted, char *uid, size_t size)
{
	snprintf(uid, size, "%s-%s-%s-%04d%02d%02d-%d@test", court, docket,
	    e->e_key, e->e_date.y, e->e_date.m, e->e_date.d, restricted);
}

static void
apply_case(struct store *st, const char *docket, const char *text)
{
	struct calev_set	*s = calloc(1, sizeof(*s));
	struct store_event	 out[CALEV_MAX];
	struct caldate		 today = { 2027, 1, 4 };

	assert_non_null(s);
	extract(text, s);
	assert_int_equal(s->s_n, 1);
	assert_int_equal(store_event_apply(st, "cand", docket, s, text, 0, 1,
	    &today, NOW, mkuid_day, out, NULL), 0);
	free(s);
}

static size_t
nevents(struct store *st, const char *docket)
{
	struct store_event	*v;
	size_t			 n;

	assert_int_equal(store_event_list(st, "cand", docket, &v, &n), 0);
	free(v);
	return n;
}

/* midnight UTC of y-m-d plus keep days and an hour: that day is the cutoff */
static int64_t
cut_at(int y, int m, int d, int keep_days)
{
	return ((int64_t)caldate_days(y, m, d) + keep_days) * 86400 + 3600;
}

/* Retention: records past the cutoff day go, case by case, in batches. */
static void
test_store_expire(void **state)
{
	char			 dir[64] = "/tmp/test_calexpire.XXXXXX", cmd[128];
	char			 text[128];
	struct store		*st;
	struct store_event_case	*c;
	struct store_event	*v;
	struct caldate		 day;
	size_t			 n, nc, i;
	const uint64_t		 keep = 30 * 86400;

	(void)state;
	assert_non_null(mkdtemp(dir));
	rmdir(dir);
	st = open_store(dir);
	apply_case(st, "4:22-cv-05541", "Responses due by 1/20/2027.");
	apply_case(st, "4:22-cv-05541", "Motion Hearing set for 2/1/2027 10:00 AM.");
	apply_case(st, "4:22-cv-05541", "Status Conference set for 3/1/2027 at "
	    "9:00 AM.");
	apply_case(st, "1:23-cv-00001", "Pretrial Conference set for 2/5/2027 "
	    "10:00 AM.");
	apply_case(st, "2:24-cv-00002", "Jury Trial set for 6/1/2027 08:30 AM.");
	/* 0 keeps everything, whatever the day */
	assert_int_equal(store_event_expire(st, cut_at(2030, 1, 1, 0), 0, &c,
	    &nc, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(nc, 0);
	assert_null(c);
	/* cutoff 2027-03-01: that day stays, the days before go */
	assert_int_equal(store_event_expire(st, cut_at(2027, 3, 1, 30), keep,
	    &c, &nc, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(nc, 2);
	assert_string_equal(c[0].ec_court, "cand");
	assert_string_equal(c[0].ec_docket, "1:23-cv-00001");
	assert_string_equal(c[1].ec_docket, "4:22-cv-05541");
	free(c);
	assert_int_equal(nevents(st, "1:23-cv-00001"), 0);
	assert_int_equal(store_event_list(st, "cand", "4:22-cv-05541", &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(v[0].se_date.m, 3);
	assert_int_equal(v[0].se_date.d, 1);
	free(v);
	assert_int_equal(nevents(st, "2:24-cv-00002"), 1);
	/* nothing more to do: nothing removed, no case named */
	assert_int_equal(store_event_expire(st, cut_at(2027, 3, 1, 30), keep,
	    &c, &nc, &n), 0);
	assert_int_equal(n, 0);
	assert_int_equal(nc, 0);
	free(c);
	/* more records than one transaction takes */
	for (i = 0; i < 300; i++) {
		caldate_from_days(caldate_days(2027, 1, 5) + (long)i, &day);
		snprintf(text, sizeof text, "Motion Hearing set for %d/%d/%d at "
		    "10:00 AM.", day.m, day.d, day.y);
		apply_case(st, "3:25-cv-00003", text);
	}
	assert_int_equal(nevents(st, "3:25-cv-00003"), 300);
	assert_int_equal(store_event_expire(st, cut_at(2027, 12, 1, 30), keep,
	    NULL, NULL, &n), 0);
	assert_int_equal(n, 300 + 2);	/* and 3/1 and 6/1 */
	assert_int_equal(nevents(st, "3:25-cv-00003"), 0);
	assert_int_equal(nevents(st, "4:22-cv-05541"), 0);
	store_close(st);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_match),
		cmocka_unit_test(test_ics_text),
		cmocka_unit_test(test_store_events),
		cmocka_unit_test(test_store_moves),
		cmocka_unit_test(test_store_expire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
