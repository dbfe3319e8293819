/*
 * test_calcue: the phrases around a date (policy/calcue.c) and the
 * classes of docket text they decide in the extractor: the day an event
 * moves from is not an event but the from-day of the move; a deadline
 * extended; a bare "by" after a binding clause; "the last day to ... is";
 * N.D. Ill.'s presentment; a dateless cancellation of several events, and
 * one a dated cancellation repeats; "Set/Reset Hearings" is no reset; an
 * area code is no clerk's initials; the budget of dates judged per text.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "calcue.h"
#include "calevent.h"

static struct calev_set *
extract(const char *court, const char *text)
{
	static struct calev_set	 set;
	struct calev_in		 in;

	memset(&in, 0, sizeof in);
	in.ci_text = text;
	in.ci_len = strlen(text);
	in.ci_court = court;
	in.ci_ref.y = 2027;
	in.ci_ref.m = 2;
	in.ci_ref.d = 1;
	calev_extract(&in, &set);
	return &set;
}

static void
date_is(const struct caldate *d, int y, int m, int day)
{
	assert_int_equal(d->y, y);
	assert_int_equal(d->m, m);
	assert_int_equal(d->d, day);
}

static void
test_moves(void **state)
{
	struct calev_set *s;

	(void)state;
	s = extract("cod", "ORDER granting [33] Stipulated Motion to Continue. "
	    "The Scheduling Conference set for 2/23/2027 is CONTINUED to "
	    "3/16/2027 at 10:30 AM in Courtroom C203.");
	assert_int_equal(s->s_n, 1);
	date_is(&s->s_ev[0].e_date, 2027, 3, 16);
	assert_int_equal(s->s_ev[0].e_change, CALEV_RESET);
	assert_true(s->s_ev[0].e_has_from);
	date_is(&s->s_ev[0].e_from, 2027, 2, 23);
	assert_string_equal(s->s_ev[0].e_title, "Scheduling Conference");
	assert_string_equal(s->s_ev[0].e_key, "hearing/scheduling conference/-");
	s = extract("njd", "The Status Conference previously set for 2/10/2027 "
	    "at 9:00 AM is rescheduled to 2/17/2027 at 3:00 PM.");
	assert_int_equal(s->s_n, 1);
	date_is(&s->s_ev[0].e_from, 2027, 2, 10);
	assert_int_equal(s->s_ev[0].e_minute, 15 * 60);
	s = extract("txed", "The hearing on [23] Motion to Dismiss set for March "
	    "3, 2027 is hereby continued to April 7, 2027 at 10:00 a.m.");
	assert_int_equal(s->s_n, 1);
	date_is(&s->s_ev[0].e_from, 2027, 3, 3);
	assert_int_equal(s->s_ev[0].e_ref, 23);
	/* a deadline extended: one deadline, from the old day */
	s = extract("cand", "Responses due by 3/1/2027 are extended to "
	    "3/15/2027.");
	assert_int_equal(s->s_n, 1);
	assert_int_equal(s->s_ev[0].e_kind, CALEV_DEADLINE);
	assert_string_equal(s->s_ev[0].e_title, "Responses due");
	date_is(&s->s_ev[0].e_date, 2027, 3, 15);
	date_is(&s->s_ev[0].e_from, 2027, 3, 1);
	s = extract("cand", "ORDER: The time to answer the complaint is extended "
	    "to 3/15/2027.");
	assert_int_equal(s->s_n, 1);
	assert_int_equal(s->s_ev[0].e_kind, CALEV_DEADLINE);
	assert_int_equal(s->s_ev[0].e_change, CALEV_RESET);
	/* two events: the first is not a from-day */
	s = extract("cand", "Motion Hearing set for 3/4/2027 and Status "
	    "Conference continued to 3/5/2027.");
	assert_int_equal(s->s_n, 2);
	assert_false(s->s_ev[0].e_has_from);
	assert_false(s->s_ev[1].e_has_from);
	s = extract("cand", "Status Conference set for 3/4/2027. Further "
	    "Status Conference continued to 4/4/2027.");
	assert_int_equal(s->s_n, 2);
	/* "continued generally" names no new day: the date stays */
	s = extract("cand", "Motion Hearing set for 3/4/2027 is continued "
	    "generally.");
	assert_int_equal(s->s_n, 1);
	date_is(&s->s_ev[0].e_date, 2027, 3, 4);
}

static void
test_deadline_phrases(void **state)
{
	struct calev_set *s;

	(void)state;
	s = extract("nysd", "ORDER: The parties shall submit a joint letter by "
	    "June 28, 2027. SO ORDERED.");
	assert_int_equal(s->s_n, 1);
	assert_int_equal(s->s_ev[0].e_kind, CALEV_DEADLINE);
	assert_string_equal(s->s_ev[0].e_title,
	    "Deadline: Parties shall submit a joint letter");
	s = extract("dcd", "SUMMONS Issued as to U.S. Attorney. Answer due for "
	    "ALL FEDERAL DEFENDANTS by 4/14/2027. (zjf)");
	assert_int_equal(s->s_n, 1);
	date_is(&s->s_ev[0].e_date, 2027, 4, 14);
	s = extract("nyeb", "Last day to oppose discharge or dischargeability is "
	    "5/10/2027. Proofs of Claims due by 4/16/2027.");
	assert_int_equal(s->s_n, 2);
	assert_string_equal(s->s_ev[0].e_title,
	    "Last Day to Oppose Discharge or Dischargeability");
	s = extract("njb", "Order Setting Bar Date. The last day to file proofs "
	    "of claim is 3/29/2027. (rtm)");
	assert_int_equal(s->s_n, 1);
	assert_string_equal(s->s_ev[0].e_title, "Last Day to File Proofs of Claim");
	s = extract("njb", "Deadline to Object to Exemptions: 4/2/2027.");
	assert_int_equal(s->s_n, 1);
	/* "by" without a binding clause, or "is" without a deadline noun */
	s = extract("cand", "Motion filed by Acme Corp. The hearing is "
	    "3/4/2027. Amended by 3/2/2027 order.");
	assert_int_equal(s->s_n, 0);
	s = extract("cand", "NOTICE of change of address by 3/1/2027 counsel.");
	assert_int_equal(s->s_n, 0);
}

static void
test_presentment(void **state)
{
	struct calev_set *s;

	(void)state;
	s = extract("ilnd", "NOTICE of Motion by Jane Roe for presentment of "
	    "motion for leave to file [30], before Honorable Sara L. Ellis on "
	    "3/10/2027 at 09:45 AM. (Roe, Jane)");
	assert_int_equal(s->s_n, 1);
	assert_int_equal(s->s_ev[0].e_kind, CALEV_HEARING);
	assert_int_equal(s->s_ev[0].e_minute, 9 * 60 + 45);
	assert_string_equal(s->s_ev[0].e_title, "Presentment");
	/* a presentment held is past */
	s = extract("ilnd", "MINUTE entry: presentment held on 2/10/2027.");
	assert_int_equal(s->s_n, 0);
}

static void
test_cancellations(void **state)
{
	struct calev_set *s;

	(void)state;
	s = extract("txnd", "ORDER: In light of the notice of settlement, the "
	    "Pretrial Conference and Jury Trial are VACATED.");
	assert_int_equal(s->s_n, 2);
	assert_string_equal(s->s_ev[0].e_title, "Jury Trial");
	assert_string_equal(s->s_ev[1].e_title, "Pretrial Conference");
	assert_true(s->s_ev[0].e_cancelled && s->s_ev[1].e_cancelled);
	s = extract("txnd", "The Status Conference, Final Pretrial Conference "
	    "and the Jury Trial are VACATED.");
	assert_int_equal(s->s_n, 3);
	/* two names that are not a list: only the one the verb is about */
	s = extract("txnd", "In light of the Settlement Conference held, "
	    "the Jury Trial is VACATED.");
	assert_int_equal(s->s_n, 1);
	/* a dated event and a dateless one cancelled in one sentence */
	s = extract("ncwd", "The hearing set for April 12, 2027 and the Status "
	    "Conference are CANCELLED. So Ordered.");
	assert_int_equal(s->s_n, 2);
	assert_true(s->s_ev[0].e_has_date && s->s_ev[0].e_cancelled);
	assert_string_equal(s->s_ev[1].e_title, "Status Conference");
	assert_false(s->s_ev[1].e_has_date);
	assert_true(s->s_ev[1].e_cancelled);
	/* a dated cancellation repeats the dateless one */
	s = extract("mieb", "Hearing Cancelled. The hearing on [52] Motion to "
	    "Extend Time set for 3/17/2027 at 11:00 AM is cancelled; the motion "
	    "was withdrawn. (kb)");
	assert_int_equal(s->s_n, 1);
	assert_true(s->s_ev[0].e_has_date);
	assert_true(s->s_ev[0].e_cancelled);
	/* of another event it does not */
	s = extract("mieb", "The Pretrial Conference is vacated. The Jury Trial "
	    "set for 5/3/2027 is vacated.");
	assert_int_equal(s->s_n, 2);
}

static void
test_set_reset(void **state)
{
	struct calev_set *s;

	(void)state;
	assert_false(calcue_resets("Set/Reset Hearings: Motion Hearing set",
	    38));
	assert_false(calcue_resets("Set/Reset Deadlines as to [30]", 30));
	assert_true(calcue_resets("Hearing Rescheduled/Continued (Motion)", 38));
	assert_true(calcue_resets("Status Conference RESET for", 27));
	s = extract("cand", "Set/Reset Hearings as to [45] MOTION. Motion "
	    "Hearing set for 3/4/2027 02:00 PM in Oakland.");
	assert_int_equal(s->s_n, 1);
	assert_int_equal(s->s_ev[0].e_change, CALEV_NEW);
}

static void
test_place(void **state)
{
	struct calev_set *s;

	(void)state;
	s = extract("casb", "341(a) meeting to be held on 3/1/2027 at 09:00 AM. "
	    "via Zoom - Meeting ID 850 752 6242, Phone (619) 367-1561. (lw)");
	assert_int_equal(s->s_n, 1);
	assert_non_null(strstr(s->s_ev[0].e_location, "(619) 367-1561"));
	s = extract("ctb", "Hearing to be held on 3/1/2027 at 11:00 AM at "
	    "Courtroom 123, Bridgeport (lw)");
	assert_string_equal(s->s_ev[0].e_location, "Courtroom 123, Bridgeport");
}

static void
test_find(void **state)
{
	struct calcue		c;
	struct calcue_prev	prev;
	const char		*t;

	(void)state;
	memset(&prev, 0, sizeof prev);
	t = "Reply due by 3/1/2027";
	assert_true(calcue_find(t, 0, 13, &prev, &c));
	assert_int_equal(c.c_kind, CALCUE_DUE);
	assert_int_equal(c.c_start, 6);
	t = "Signed by Judge X on 3/1/2027";
	assert_false(calcue_find(t, 0, 21, &prev, &c));
	t = "ORDER dated 3/1/2027";
	assert_true(calcue_find(t, 0, 12, &prev, &c));
	assert_int_equal(c.c_kind, CALCUE_NEG);
	t = "Hearing at 10:00 AM on 3/1/2027";
	assert_false(calcue_find(t, 0, 23, &prev, &c));
	t = "Hearing set at 10:00 AM on 3/1/2027";
	assert_true(calcue_find(t, 0, 27, &prev, &c));
	assert_int_equal(c.c_kind, CALCUE_SET);
	assert_int_equal(c.c_minute, 600);
	t = "deadline extended through 3/1/2027";
	assert_true(calcue_find(t, 0, 26, &prev, &c));
	assert_int_equal(c.c_kind, CALCUE_EXTEND);
	/* the window starts at sa: nothing before it counts */
	t = "due by. 3/1/2027";
	assert_false(calcue_find(t, 8, 8, &prev, &c));
	t = "set for 2/23/2027 at 10:00 AM in Room 4 before Judge Ann Lee is "
	    "RESET to 3/1/2027";
	assert_true(calcue_moves_on(t, strlen(t), 17));
	assert_false(calcue_moves_on(t, 30, 17));	/* the verb is past sb */
	t = "set for 2/23/2027; continued to 3/1/2027";
	assert_false(calcue_moves_on(t, strlen(t), 17));
	t = "set for 2/23/2027 and 2/24/2027 continued to 3/1/2027";
	assert_false(calcue_moves_on(t, strlen(t), 17));
}

/* At most CALEV_DATES_MAX dates are judged: the rest of a text is not
 * read, and the set says so. */
static void
test_budget(void **state)
{
	static char	 buf[CALEV_DATES_MAX * 32 + 128];
	struct calev_set *s;
	size_t		 i, n = 0;

	(void)state;
	for (i = 0; i + 1 < CALEV_DATES_MAX; i++)
		n += (size_t)snprintf(buf + n, sizeof buf - n,
		    "Filed on 1/%zu/2027; ", i % 28 + 1);
	snprintf(buf + n, sizeof buf - n, "Motion Hearing set for 5/5/2027.");
	s = extract("cand", buf);
	assert_int_equal(s->s_n, 1);
	assert_false(s->s_cut);
	snprintf(buf + n, sizeof buf - n, "Filed on 1/1/2027; Motion Hearing "
	    "set for 5/5/2027.");
	s = extract("cand", buf);
	assert_int_equal(s->s_n, 0);
	assert_true(s->s_cut);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_moves),
		cmocka_unit_test(test_deadline_phrases),
		cmocka_unit_test(test_presentment),
		cmocka_unit_test(test_cancellations),
		cmocka_unit_test(test_set_reset),
		cmocka_unit_test(test_place),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_budget),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
