/*
 * test_calevent: the calendar extractor on the docket texts of
 * tests/data/calendar/texts.tsv (written for these tests: every phrase and
 * date style the extractor reads, and the hard negatives), then the
 * fields (place, judge, zone, key, reset dates, rejects) on a table here,
 * and the limits (long and hostile text).  Prints precision and recall
 * over the texts.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "calevent.h"
#include "calfield.h"
#include "calphrase.h"
#include "fixture.h"

/* "D 2027-03-01 - Responses due", "H! 2027-01-15 10:00 Motion Hearing". */
static void
format_event(const struct calev *e, char *buf, size_t size)
{
	char	d[16], t[32];

	if (e->e_has_date)
		snprintf(d, sizeof d, "%04d-%02d-%02d", e->e_date.y, e->e_date.m,
		    e->e_date.d);
	else
		snprintf(d, sizeof d, "-");
	if (e->e_minute >= 0)
		snprintf(t, sizeof t, "%02d:%02d", e->e_minute / 60,
		    e->e_minute % 60);
	else
		snprintf(t, sizeof t, "-");
	snprintf(buf, size, "%c%s %s %s %s", e->e_kind == CALEV_DEADLINE ?
	    'D' : 'H', e->e_cancelled ? "!" : e->e_change == CALEV_RESET ?
	    "~" : "", d, t, e->e_title);
}

/* The part of a formatted event that precision and recall count: kind,
 * cancelled, date and time (the title is checked exactly elsewhere). */
static void
core(const char *ev, char *buf, size_t size)
{
	const char	*p = ev;
	int		 sp = 0;
	size_t		 n = 0;

	for (; *p != '\0' && n + 1 < size; p++) {
		if (*p == ' ' && ++sp == 3)
			break;
		if (*p != '~')
			buf[n++] = *p;
	}
	buf[n] = '\0';
}

static void
run(const char *ref, const char *court, const char *text,
    struct calev_set *o)
{
	struct calev_in	in;

	memset(&in, 0, sizeof in);
	in.ci_text = text;
	in.ci_len = strlen(text);
	in.ci_court = strcmp(court, "-") == 0 ? NULL : court;
	if (sscanf(ref, "%d-%d-%d", &in.ci_ref.y, &in.ci_ref.m,
	    &in.ci_ref.d) != 3)
		fail_msg("bad reference date %s", ref);
	calev_extract(&in, o);
}

static void
test_texts(void **state)
{
	struct calev_set *o = calloc(1, sizeof(*o));
	char		 path[1024], *buf, *line, *save, *f[4], got[4096];
	char		 one[512], want[4096], a[64], b[64], *w, *ws;
	const char	*top = getenv("TOP");
	size_t		 len, i, texts = 0, bad = 0, tp = 0, fp = 0, fn = 0;
	size_t		 nwant, used[CALEV_MAX];

	(void)state;
	assert_non_null(o);
	snprintf(path, sizeof path, "%s/tests/data/calendar/texts.tsv",
	    top != NULL ? top : ".");
	if ((buf = fixture_read(path, &len)) == NULL)
		fail_msg("cannot read %s", path);
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		fixture_tsv(line, f, 4);
		texts++;
		run(f[0], f[1], f[3], o);
		got[0] = '\0';
		for (i = 0; i < o->s_n; i++) {
			format_event(&o->s_ev[i], one, sizeof one);
			snprintf(got + strlen(got), sizeof got - strlen(got),
			    "%s%s", i ? " ; " : "", one);
		}
		if (o->s_n == 0)
			snprintf(got, sizeof got, "none");
		if (strcmp(got, f[2]) != 0) {
			printf("# text: %s\n#   want: %s\n#   got:  %s\n", f[3],
			    f[2], got);
			bad++;
		}
		/* precision and recall on kind, date, time, cancellation */
		memset(used, 0, sizeof used);
		nwant = 0;
		snprintf(want, sizeof want, "%s", f[2]);
		for (w = strtok_r(want, ";", &ws); w != NULL && strcmp(f[2],
		    "none") != 0; w = strtok_r(NULL, ";", &ws)) {
			while (*w == ' ')
				w++;
			core(w, a, sizeof a);
			nwant++;
			for (i = 0; i < o->s_n; i++) {
				format_event(&o->s_ev[i], one, sizeof one);
				core(one, b, sizeof b);
				if (!used[i] && strcmp(a, b) == 0) {
					used[i] = 1;
					break;
				}
			}
			if (i < o->s_n)
				tp++;
			else
				fn++;
		}
		for (i = 0; i < o->s_n; i++)
			fp += !used[i];
	}
	printf("# calendar extraction, own texts: %zu texts, %zu events "
	    "expected; precision %.3f, recall %.3f\n", texts, tp + fn,
	    tp + fp ? (double)tp / (double)(tp + fp) : 1.0,
	    tp + fn ? (double)tp / (double)(tp + fn) : 1.0);
	free(buf);
	free(o);
	assert_true(texts >= 150);
	if (bad > 0)
		fail_msg("%zu of %zu texts gave other events", bad, texts);
}

struct fcase {
	const char	*text;
	const char	*court;
	size_t		 idx;		/* which event */
	const char	*tz;		/* NULL: none */
	int		 assumed;
	const char	*location;
	const char	*judge;
	const char	*key;
};

static const struct fcase fcases[] = {
	{ "Motion Hearing set for 1/15/2027 10:00 AM in Courtroom 2, 17th "
	    "Floor, San Francisco before Judge Jon S. Tigar.", "cand", 0,
	    "America/Los_Angeles", 0, "Courtroom 2, 17th Floor, San Francisco",
	    "Judge Jon S. Tigar", "hearing/motion hearing/-" },
	{ "341(a) meeting to be held on 04/06/2027 at 01:30 PM at DuPage "
	    "Courthouse.", "ilnb", 0, "America/Chicago", 0, "DuPage Courthouse",
	    "", "hearing/341(a) meeting/-" },
	{ "Jury Trial set for 6/20/2027 09:00 AM in Fayetteville - 2nd flr "
	    "(Rm 210) before Honorable P. K. Holmes III. Signed by Jane Ann "
	    "Short on July 8, 2026. (jas)", "arwd", 0, "America/Chicago", 0,
	    "Fayetteville - 2nd flr (Rm 210)", "Honorable P. K. Holmes III",
	    "hearing/jury trial/-" },
	{ "Hearing to be held on 03/29/2027 at 09:30 AM 3420 Twelfth Street "
	    "Courtroom 302 Riverside, CA 92501 for [46], (SM6)", "cacb", 0,
	    "America/Los_Angeles", 0,
	    "3420 Twelfth Street Courtroom 302 Riverside, CA 92501", "",
	    "hearing/hearing/46" },
	{ "Hearing to be held on January 14, 2027 at 11:00 AM at United "
	    "States Bankruptcy Court, 915 Lafayette Blvd., Room 123, Courtroom, "
	    "Bridgeport, CT. (lw)", "ctb", 0, "America/New_York", 0,
	    "United States Bankruptcy Court, 915 Lafayette Blvd., Room 123, "
	    "Courtroom, Bridgeport, CT", "", "hearing/hearing/-" },
	{ "HEARING Scheduled for 06/04/2027 at 10:00 AM at U.S. Courthouse, "
	    "197 S. Main St. Wilkes-Barre, PA. (FirstName LastName)", "pamb", 0,
	    "America/New_York", 0, "U.S. Courthouse, 197 S. Main St. "
	    "Wilkes-Barre, PA", "", "hearing/hearing/-" },
	{ "Scheduling Conference set for 3/2/2027 2:00 PM by telephone.", "cand",
	    0, "America/Los_Angeles", 0, "by telephone", "",
	    "hearing/scheduling conference/-" },
	{ "Hearing scheduled for 5/8/2027 at 02:00 PM by videoconference or "
	    "teleconference. For hearing access information call.", "mdb", 0,
	    "America/New_York", 0, "by videoconference or teleconference", "",
	    "hearing/hearing/-" },
	{ "Meeting of Creditors to be held on 2/9/2027 at 11:00 AM via ZoomGov."
	    , "nyeb", 0, "America/New_York", 0, "ZoomGov", "",
	    "hearing/meeting of creditors/-" },
	{ "Status Conference set for 2/1/2027 at 10:00 AM (Central Time).",
	    "nyed", 0, "America/Chicago", 0, "", "", "hearing/status conference/-" },
	{ "Status Conference set for 2/1/2027 at 10:00 AM ET.", "insd", 0,
	    "America/Indiana/Indianapolis", 0, "", "",
	    "hearing/status conference/-" },
	{ "Status Conference set for 2/1/2027 at 10:00 AM MST.", "azd", 0,
	    "America/Phoenix", 0, "", "", "hearing/status conference/-" },
	{ "Jury Trial set for 2/1/2027 09:00 AM in El Paso, Courtroom 422.",
	    "txwd", 0, "America/Denver", 0, "El Paso, Courtroom 422", "",
	    "hearing/jury trial/-" },
	{ "Jury Trial set for 2/1/2027 09:00 AM in Austin.", "txwb", 0,
	    "America/Chicago", 0, "Austin", "", "hearing/jury trial/-" },
	{ "Jury Trial set for 2/1/2027 09:00 AM.", "txwd", 0,
	    "America/Chicago", 1, "", "", "hearing/jury trial/-" },
	{ "Motion Hearing set for 2/1/2027 09:00 AM in Pensacola.", "flnd", 0,
	    "America/Chicago", 0, "Pensacola", "", "hearing/motion hearing/-" },
	{ "Motion Hearing set for 2/1/2027 09:00 AM in Tallahassee.", "flnb", 0,
	    "America/New_York", 0, "Tallahassee", "", "hearing/motion hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM in Rapid City.", "sdd", 0,
	    "America/Denver", 0, "Rapid City", "", "hearing/hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM in Coeur d'Alene.", "idb", 0,
	    "America/Los_Angeles", 0, "Coeur d'Alene", "", "hearing/hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM.", "idd", 0, "America/Boise", 1,
	    "", "", "hearing/hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM in Hammond.", "innb", 0,
	    "America/Chicago", 0, "Hammond", "", "hearing/hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM at the Evansville courthouse.",
	    "insd", 0, "America/Chicago", 0, "the Evansville courthouse", "",
	    "hearing/hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM in Winchester.", "tneb", 0,
	    "America/Chicago", 0, "Winchester", "", "hearing/hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM in Paducah.", "kywd", 0,
	    "America/Chicago", 0, "Paducah", "", "hearing/hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM in Scottsbluff.", "ned", 0,
	    "America/Denver", 0, "Scottsbluff", "", "hearing/hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM in Dickinson.", "ndd", 0,
	    "America/Denver", 0, "Dickinson", "", "hearing/hearing/-" },
	{ "Hearing set for 2/1/2027 09:00 AM.", "ksd", 0, "America/Chicago", 1,
	    "", "", "hearing/hearing/-" },
	{ "Hearing set for 7/1/2027 09:00 AM.", "prb", 0, "America/Puerto_Rico",
	    0, "", "", "hearing/hearing/-" },
	{ "Hearing set for 7/1/2027 09:00 AM.", "vid", 0, "America/St_Thomas",
	    0, "", "", "hearing/hearing/-" },
	{ "Hearing set for 7/1/2027 09:00 AM.", "gud", 0, "Pacific/Guam", 0,
	    "", "", "hearing/hearing/-" },
	{ "Hearing set for 7/1/2027 09:00 AM.", "nmid", 0, "Pacific/Saipan", 0,
	    "", "", "hearing/hearing/-" },
	{ "Hearing set for 7/1/2027 09:00 AM.", "akb", 0, "America/Anchorage",
	    0, "", "", "hearing/hearing/-" },
	{ "Hearing set for 7/1/2027 09:00 AM.", "hid", 0, "Pacific/Honolulu", 0,
	    "", "", "hearing/hearing/-" },
	{ "Oral Argument scheduled for 3/8/2027 at 9:30 a.m. in Honolulu.",
	    "ca9", 0, "Pacific/Honolulu", 0, "Honolulu", "",
	    "hearing/oral argument/-" },
	{ "Hearing set for 7/1/2027 09:00 AM.", "xxd", 0, NULL, 1, "", "",
	    "hearing/hearing/-" },
	{ "Motion Hearing set for 2/1/2027 10:00 AM re [45] MOTION to Dismiss.",
	    "cand", 0, "America/Los_Angeles", 0, "", "",
	    "hearing/motion hearing/45" },
	{ "Telephonic Further Status Conference set for 2/1/2027 10:00 AM.",
	    "cand", 0, "America/Los_Angeles", 0, "", "",
	    "hearing/status conference/-" },
	{ "Order granting stipulation to continue pre-trial conference from "
	    "2/28/27 to 4/25/27 @ 10:00 a.m.", "cacb", 0, "America/Los_Angeles",
	    0, "", "", "hearing/pretrial conference/-" },
	{ "Responses due by 3/1/2027.", "cand", 0, "America/Los_Angeles", 0,
	    "", "", "deadline/responses/-" },
	{ "Arraignment set for 2/15/2027 at 10:00 AM before Magistrate Judge "
	    "Ona T. Wang.", "nysd", 0, "America/New_York", 0, "",
	    "Magistrate Judge Ona T. Wang", "hearing/arraignment/-" },
	{ "Minute Entry for proceedings held before Magistrate Judge Leda D. "
	    "Wettre: Status Conference held on 1/3/2027. Status Conference set "
	    "for 3/3/2027 at 10:00 AM.", "njd", 0, "America/New_York", 0, "", "",
	    "hearing/status conference/-" },
	{ "Minute Entry for proceedings held before Magistrate Judge Leda D. "
	    "Wettre: Status Conference set for 3/3/2027 at 10:00 AM.", "njd", 0,
	    "America/New_York", 0, "", "Magistrate Judge Leda D. Wettre",
	    "hearing/status conference/-" },
};

static void
test_fields(void **state)
{
	struct calev_set *o = calloc(1, sizeof(*o));
	size_t		 i;
	const struct calev *e;

	(void)state;
	for (i = 0; i < sizeof fcases / sizeof fcases[0]; i++) {
		const struct fcase *c = &fcases[i];

		run("2027-01-04", c->court, c->text, o);
		if (o->s_n <= c->idx)
			fail_msg("%s: %zu events", c->text, o->s_n);
		e = &o->s_ev[c->idx];
		if (c->tz == NULL)
			assert_null(e->e_tz);
		else if (e->e_tz == NULL || strcmp(e->e_tz, c->tz) != 0)
			fail_msg("%s: zone %s, want %s", c->text,
			    e->e_tz ? e->e_tz : "NULL", c->tz);
		if (e->e_tz_assumed != c->assumed)
			fail_msg("%s: assumed %d", c->text, e->e_tz_assumed);
		if (strcmp(e->e_location, c->location) != 0)
			fail_msg("%s: location [%s], want [%s]", c->text,
			    e->e_location, c->location);
		if (strcmp(e->e_judge, c->judge) != 0)
			fail_msg("%s: judge [%s], want [%s]", c->text, e->e_judge,
			    c->judge);
		if (strcmp(e->e_key, c->key) != 0)
			fail_msg("%s: key [%s], want [%s]", c->text, e->e_key,
			    c->key);
		assert_true(e->e_off + e->e_len <= strlen(c->text));
	}
	free(o);
}

/* A reset from a named date remembers it; the source span is the
 * sentence; a stated zone is marked. */
static void
test_reset_from_and_span(void **state)
{
	struct calev_set *o = calloc(1, sizeof(*o));
	const char *t = "ORDER. Order granting stipulation to continue pre-trial "
	    "conference from 2/28/27 to 4/25/27 @ 10:00 a.m. ET. (BNC-PDF)";

	(void)state;
	run("2027-01-04", "cacb", t, o);
	assert_int_equal(o->s_n, 1);
	assert_int_equal(o->s_ev[0].e_change, CALEV_RESET);
	assert_true(o->s_ev[0].e_has_from);
	assert_int_equal(o->s_ev[0].e_from.m, 2);
	assert_int_equal(o->s_ev[0].e_from.d, 28);
	assert_true(o->s_ev[0].e_tz_stated);
	assert_string_equal(o->s_ev[0].e_tz, "America/New_York");
	assert_int_equal(o->s_ev[0].e_off, 7);
	assert_true(strncmp(t + o->s_ev[0].e_off, "Order granting", 14) == 0);
	assert_int_equal(t[o->s_ev[0].e_off + o->s_ev[0].e_len], '.');
	free(o);
}

/* Impossible days and absurd years are listed for the caller's log. */
static void
test_rejects(void **state)
{
	struct calev_set *o = calloc(1, sizeof(*o));
	const char *t = "Responses due by 2/30/2027. Replies due by 3/1/2099. "
	    "Hearing set for 4/31/2027 10:00 AM. Signed on 2/30/2027.";

	(void)state;
	run("2027-01-04", "cand", t, o);
	assert_int_equal(o->s_n, 0);
	assert_int_equal(o->s_nrej, 3);
	assert_int_equal(o->s_rej[0].r_why, CALDATE_BAD);
	assert_true(strncmp(t + o->s_rej[0].r_off, "2/30/2027", 9) == 0);
	assert_int_equal(o->s_rej[0].r_len, 9);
	assert_int_equal(o->s_rej[1].r_why, CALDATE_ABSURD);
	assert_int_equal(o->s_rej[2].r_why, CALDATE_BAD);
	run("2027-01-04", "cand", "Responses due by 3/1/2026. Motion Hearing "
	    "set for 1/1/2027.", o);
	assert_int_equal(o->s_n, 0);
	assert_int_equal(o->s_npast, 2);
	free(o);
}

/* Which kinds: deadlines only, hearings only. */
static void
test_kinds(void **state)
{
	struct calev_set *o = calloc(1, sizeof(*o));
	struct calev_in	in;
	const char *t = "Responses due by 3/1/2027. Motion Hearing set for "
	    "3/15/2027 10:00 AM.";

	(void)state;
	memset(&in, 0, sizeof in);
	in.ci_text = t;
	in.ci_len = strlen(t);
	in.ci_court = "cand";
	in.ci_kinds = CALEV_K_HEARING;
	calev_extract(&in, o);
	assert_int_equal(o->s_n, 1);
	assert_int_equal(o->s_ev[0].e_kind, CALEV_HEARING);
	in.ci_kinds = CALEV_K_DEADLINE;
	calev_extract(&in, o);
	assert_int_equal(o->s_n, 1);
	assert_int_equal(o->s_ev[0].e_kind, CALEV_DEADLINE);
	/* no reference date: nothing is past */
	in.ci_kinds = 0;
	in.ci_text = "Responses due by 3/1/2001.";
	in.ci_len = strlen(in.ci_text);
	calev_extract(&in, o);
	assert_int_equal(o->s_n, 1);
	free(o);
}

/* Long, repetitive and broken text: bounded output, no overrun (the
 * sanitizer build runs this too), text past CALEV_SCAN_MAX unread. */
static void
test_limits(void **state)
{
	struct calev_set *o = calloc(1, sizeof(*o));
	size_t	n = 300000, i;
	char	*t = malloc(n + 1);
	const char *unit = "Reply due by 3/1/2027. ";
	struct calev_in in;

	(void)state;
	assert_non_null(t);
	for (i = 0; i < n; i++)
		t[i] = unit[i % strlen(unit)];
	t[n] = '\0';
	run("2027-01-04", "cand", t, o);
	assert_int_equal(o->s_n, 1);		/* the same deadline, once */
	for (i = 0; i < n; i++)			/* many distinct dates */
		t[i] = "Reply due by 3/1/2027 Answer due by 3/2/2027 x"[i % 47];
	run("2027-01-04", "cand", t, o);
	assert_int_equal(o->s_n, 2);
	for (i = 0; i < n; i++)
		t[i] = (char)(i * 7919 % 251 + 1);
	run("2027-01-04", "cand", t, o);
	assert_true(o->s_n <= CALEV_MAX);
	memset(t, 'a', n);
	memcpy(t + CALEV_SCAN_MAX + 10, "Reply due by 3/1/2027.", 22);
	run("2027-01-04", "cand", t, o);
	assert_int_equal(o->s_n, 0);
	/* a text that ends inside a date or a phrase */
	memset(&in, 0, sizeof in);
	in.ci_text = "Reply due by 3/1/2";
	in.ci_len = 18;
	calev_extract(&in, o);
	assert_int_equal(o->s_n, 0);
	in.ci_text = "Reply due by 3/1/2027 at 10:";
	in.ci_len = strlen(in.ci_text);
	calev_extract(&in, o);
	assert_int_equal(o->s_n, 1);
	assert_int_equal(o->s_ev[0].e_minute, -1);
	in.ci_text = NULL;
	calev_extract(&in, o);
	assert_int_equal(o->s_n, 0);
	/* more than CALEV_MAX events */
	t[0] = '\0';
	for (i = 0; i < CALEV_MAX + 5; i++)
		snprintf(t + strlen(t), n - strlen(t), "Item %zu due by "
		    "3/%zu/2027. ", i, i % 28 + 1);
	run("2027-01-04", "cand", t, o);
	assert_int_equal(o->s_n, CALEV_MAX);
	assert_true(o->s_trunc);
	free(t);
	free(o);
}

/* Output strings are valid UTF-8 and printable whatever the input. */
static void
test_copy_utf8(void **state)
{
	struct calev_set *o = calloc(1, sizeof(*o));
	const char *t = "Motion \xff\xfe Hearing set for 2/1/2027 10:00 AM in "
	    "Room\x01 \xe2\x80\x8b" "5 \xc3\xa9t\xc3 before Judge Ana \xc3\x89lan.";
	size_t	i;

	(void)state;
	run("2027-01-04", "cand", t, o);
	assert_int_equal(o->s_n, 1);
	assert_string_equal(o->s_ev[0].e_location, "Room 5 \xc3\xa9t?");
	assert_string_equal(o->s_ev[0].e_judge, "Judge Ana \xc3\x89lan");
	for (i = 0; o->s_ev[0].e_title[i] != '\0'; i++)
		assert_true((unsigned char)o->s_ev[0].e_title[i] >= 0x20);
	free(o);
}

/* The text readers the extractor is built of. */
static void
test_phrase(void **state)
{
	static const struct { const char *t; size_t end; } sent[] = {
		{ "Set Feb. 3, 2027 at 9 a.m. Then", 25 },
		{ "Set at 9 a.m. ET. Then", 16 },
		{ "Rm. 210, 197 S. Main St. Wilkes-Barre, PA. (jas)", 41 },
		{ "by Judge Jon S. Tigar. Responses", 21 },
		{ "due 7/31/2024.Hearing set", 13 },
		{ "one; two", 3 },
		{ "no end at all", 13 },
		{ "U.S. Courthouse. Next", 15 },
		{ "filed by Acme Inc. Responses", 17 },
	};
	char	buf[64];
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof sent / sizeof sent[0]; i++)
		if (calphrase_sentence_end(sent[i].t, strlen(sent[i].t), 0) !=
		    sent[i].end)
			fail_msg("\"%s\": ends at %zu", sent[i].t,
			    calphrase_sentence_end(sent[i].t, strlen(sent[i].t), 0));
	snprintf(buf, sizeof buf, "MOTION HEARING of the pre-trial CONFERENCE");
	calphrase_title_case(buf);
	assert_string_equal(buf, "Motion Hearing of the Pre-Trial Conference");
	snprintf(buf, sizeof buf, "341(a) meeting OF creditors");
	calphrase_title_case(buf);
	assert_string_equal(buf, "341(a) Meeting of Creditors");
	snprintf(buf, sizeof buf, " ,-x y.;");
	calphrase_trim(buf, ",.;-");
	assert_string_equal(buf, "x y");
	calphrase_copy(buf, sizeof buf, "a\t\n b\xc2\xa0" "c\xe2\x80\x8b" "d\xff\x01", 13);
	assert_string_equal(buf, "a b cd?");
	calphrase_copy(buf, 6, "ab\xc3\xa9\xc3\xa9", 6);	/* no split character */
	assert_string_equal(buf, "ab\xc3\xa9");
	assert_int_equal(calphrase_ends_with("x set  for", 0, 10, "set for"), 2);
	assert_int_equal(calphrase_ends_with("reset for", 0, 9, "set for"), (size_t)-1);
	assert_int_equal(calphrase_starts_with("in  person x", 12, 0, "in person"), 10);
	assert_int_equal(calfield_ref("re [45] and [46]", 0, 16), 45);
	assert_int_equal(calfield_ref("re [45", 0, 6), 0);
	calfield_key(calev_kind_name(CALEV_HEARING),
	    "Telephonic Further Pre-Trial Conference", 7, buf, sizeof buf);
	assert_string_equal(buf, "hearing/pretrial conference/7");
	calfield_key(calev_kind_name(CALEV_DEADLINE), "Responses due", 0, buf,
	    sizeof buf);
	assert_string_equal(buf, "deadline/responses/-");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_reset_from_and_span),
		cmocka_unit_test(test_rejects),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_copy_utf8),
		cmocka_unit_test(test_phrase),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
