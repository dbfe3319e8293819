/*
 * calevent: the deadlines and court events of one docket text.
 *
 * calev_extract() reads the docket text of one entry and reports every
 * future-facing event in it:
 *
 *   deadlines		"Responses due by 3/1/2027", "Answer due 2/1/2027",
 *			"must be filed by", "no later than", "on or before",
 *			"Objections to Discharge due", "Proofs of Claim due",
 *			"Redacted Transcript Deadline set for 3/11/2027";
 *   hearings		any scheduled court event (hearings, conferences,
 *			trials, 341 meetings, mediation, arraignments,
 *			sentencings, oral argument): "set for", "scheduled
 *			for", "to be held on", "will be held on", "set for
 *			hearing on", "Motion Hearing on";
 *   resets		"reset for", "rescheduled to", "continued to",
 *			"adjourned to", "from 2/28/23 to 4/25/23";
 *   cancellations	a sentence that says "vacated", "cancelled",
 *			"terminated" or "off calendar" about an event ("The
 *			hearing set for 1/15/2027 is VACATED", "Hearing
 *			vacated."), reported with e_cancelled (and without a
 *			date when the text gives none).
 *
 * A date counts only right after such a phrase (a weekday, "on", "the"
 * or an event's name may stand between).  Dates after "held on",
 * "filed on", "(Entered:", "Signed by ... on", "dated", "Notice Date"
 * and the like, and the ends of ranges ("period: 2/17/2026 to
 * 10/31/2026"), are never events; nor is a date before the notice's own
 * date (ci_ref), nor a day that does not exist (2/30/2027) or a year
 * outside ci_ref - 1 .. ci_ref + 10 (those are listed in s_rej so that
 * the caller can log them).
 *
 * Each event has its time (court-local, or in the zone the text names),
 * the IANA zone (policy/courttz.h: the court's, or the one a courthouse
 * city or a zone word picks), the place (courtroom, courthouse, address,
 * "by telephone", "by video", Zoom) and the judge when the text gives
 * them, and the sentence it came from (e_off, e_len into the text).
 * e_key names the event for matching later notices about it: kind,
 * title without its variable words, and the docket entry it concerns
 * ("[45]") when the sentence cites one.
 *
 * The text is read as policy/caltext.h folds it (no-break spaces are
 * blanks, zero-width characters and soft hyphens are not there); the
 * offsets of events and rejects are into the text as given.
 *
 * Time is linear in the text (at most CALEV_SCAN_MAX bytes are read, and
 * at most CALEV_DATES_MAX dates judged: no docket text has so many, and
 * a hostile one costs a bounded time; s_cut says so);
 * there is no allocation; the result is plain data in the caller's
 * struct calev_set.  Thread-safe.
 */
#ifndef NEF_CALEVENT_H
#define NEF_CALEVENT_H

#include <stddef.h>

#include "caldate.h"

#define CALEV_MAX	32		/* events per docket text */
#define CALEV_REJ_MAX	8		/* rejected dates remembered */
#define CALEV_TITLE_MAX	96
#define CALEV_KEY_MAX	120
#define CALEV_LOC_MAX	240
#define CALEV_JUDGE_MAX	96
#ifndef CALEV_SCAN_MAX
#define CALEV_SCAN_MAX	(64u * 1024)	/* bytes of text examined */
#endif
#ifndef CALEV_DATES_MAX
#define CALEV_DATES_MAX	512		/* dates judged per text */
#endif

enum calev_kind { CALEV_DEADLINE, CALEV_HEARING };
#define CALEV_K_DEADLINE	0x1u
#define CALEV_K_HEARING		0x2u
#define CALEV_K_ALL		0x3u

enum calev_change {
	CALEV_NEW,		/* set, scheduled, due */
	CALEV_RESET,		/* reset, rescheduled, continued, adjourned */
	CALEV_CANCEL		/* vacated, cancelled, terminated */
};

struct calev {
	enum calev_kind	 e_kind;
	enum calev_change e_change;
	int		 e_cancelled;
	char		 e_title[CALEV_TITLE_MAX + 1];	/* "Motion Hearing" */
	char		 e_key[CALEV_KEY_MAX + 1];	/* "hearing/motion hearing/45" */
	unsigned	 e_ref;		/* entry the sentence cites, or 0 */
	int		 e_has_date;	/* 0 only for a cancellation */
	struct caldate	 e_date;
	int		 e_minute;	/* minutes after midnight, or -1 */
	const char	*e_tz;		/* IANA zone (static), or NULL */
	int		 e_tz_assumed;	/* the court's seat decided */
	int		 e_tz_stated;	/* the text named the zone */
	int		 e_has_from;	/* a reset names the old date */
	struct caldate	 e_from;
	char		 e_location[CALEV_LOC_MAX + 1];	/* "" when none */
	char		 e_judge[CALEV_JUDGE_MAX + 1];	/* "" when none */
	size_t		 e_off, e_len;	/* the sentence in the text */
};

struct calev_reject {
	size_t		 r_off, r_len;	/* the date in the text */
	enum caldate_status r_why;	/* CALDATE_BAD or CALDATE_ABSURD */
};

struct calev_set {
	size_t		 s_n;
	struct calev	 s_ev[CALEV_MAX];
	size_t		 s_nrej;
	struct calev_reject s_rej[CALEV_REJ_MAX];
	size_t		 s_npast;	/* event dates before ci_ref, dropped */
	int		 s_trunc;	/* more events than CALEV_MAX */
	int		 s_cut;		/* more dates than CALEV_DATES_MAX: the
					   text after them was not read */
	/* the text as read (policy/caltext.h), when it had to be folded;
	 * scratch of calev_extract(): offsets above are into ci_text */
	char		 s_text[CALEV_SCAN_MAX];
};

struct calev_in {
	const char	*ci_text;	/* UTF-8 docket text */
	size_t		 ci_len;
	const char	*ci_court;	/* court id for the zone; may be NULL */
	struct caldate	 ci_ref;	/* the notice's date; y == 0: none */
	unsigned	 ci_kinds;	/* CALEV_K_*; 0 means all */
};

/* Fill *out (overwritten) with the events of one docket text. */
void	 calev_extract(const struct calev_in *, struct calev_set *out);

/* "deadline", "hearing"; "new", "reset", "cancel". */
const char *calev_kind_name(enum calev_kind);
const char *calev_change_name(enum calev_change);

#endif
