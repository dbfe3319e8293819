/*
 * calcue: what the words of a docket text make of a date in it, for the
 * calendar extractor (policy/calevent.c).
 *
 * calcue_find() judges the date that starts at s[p] by the phrase that
 * ends right before it (a weekday, "on", "the" or an event's name may
 * stand between), looking back at most CALCUE_LOOK bytes but not before
 * the sentence's start sa:
 *
 *   CALCUE_DUE		"due by", "due on", "deadline:", "Due Date:";
 *			"the last day to oppose discharge is", "the deadline
 *			to object to exemptions is", "the bar date is"
 *   CALCUE_BY		"no later than", "on or before", "must be filed
 *			by"; a bare "by" after a clause that binds someone
 *			("The parties shall submit a joint letter by",
 *			"Answer due for all defendants by", "Ready for
 *			trial by")
 *   CALCUE_SET		"set for", "scheduled for", "to be held on",
 *			"calendared for"; "for presentment ... on"
 *   CALCUE_RESET	"reset for", "rescheduled to", "continued to",
 *			"adjourned to", "postponed until"; the second date
 *			of "from DATE to DATE" in a sentence that continues
 *			something (c_from)
 *   CALCUE_EXTEND	"extended to", "extended until" (a deadline moved)
 *   CALCUE_NOUN		an event's name right before: "Motion Hearing on",
 *			"Hearing: DATE", "set for hearing on"
 *   CALCUE_NEG		a past or bookkeeping date: "held on", "filed",
 *			"Signed ... on", "dated", "Notice Date", "through",
 *			the end of a range
 *   CALCUE_RANGE	"from" (the first date of a range or of a move)
 *
 * "at 10:00 AM on DATE" is read too (c_pretime, c_minute, c_zone).
 * c_start is where the phrase starts; c_na..c_nb an event's name when
 * the phrase holds one.
 *
 * calcue_moves_on() says whether the date that ends at s[e] is the day an
 * event moves from: "set for 2/23/2027 is CONTINUED to 3/16/2027",
 * "previously set for 2/10/2027 is rescheduled to", "Responses due by
 * 3/1/2027 are extended to" (nothing but a time, a place or a judge, and
 * no other event or date, between the date and the verb).
 *
 * calcue_cancels() says whether a sentence cancels what it names
 * ("vacated", "cancelled", "terminated", "stricken", "off calendar"; not
 * "motion to vacate"); calcue_resets() whether an entry continues,
 * reschedules, resets, adjourns or postpones anything ("Set/Reset
 * Hearings", CM/ECF's name for setting one, is not a reset).
 *
 * Every function reads a bounded window (or, for calcue_cancels and
 * calcue_resets, walks its range once); nothing allocates.
 */
#ifndef NEF_CALCUE_H
#define NEF_CALCUE_H

#include <stddef.h>

#include "caldate.h"

#define CALCUE_LOOK	240	/* bytes looked at before a date */

enum calcue_kind {
	CALCUE_NONE, CALCUE_DUE, CALCUE_BY, CALCUE_SET, CALCUE_RESET,
	CALCUE_EXTEND, CALCUE_NOUN, CALCUE_NEG, CALCUE_RANGE
};

struct calcue {
	enum calcue_kind c_kind;
	size_t		 c_start;	/* where the phrase starts */
	size_t		 c_na, c_nb;	/* an event's name in it, or 0, 0 */
	int		 c_pretime;	/* "at 10:00 AM on DATE" */
	int		 c_minute;	/* with c_pretime, else -1 */
	enum caldate_zone c_zone;
	int		 c_from;	/* the second date of "from A to B" */
};

/* The date before this one in the same sentence (p_kind CALCUE_NONE when
 * there is none). */
struct calcue_prev {
	enum calcue_kind p_kind;
	size_t		 p_start, p_end;
};

/* The phrase of the date at s[p] into *c: 1 when a phrase introduces it
 * (of any kind but CALCUE_NONE; a range's second date only when it is a
 * move), else 0. */
int	 calcue_find(const char *s, size_t sa, size_t p,
	    const struct calcue_prev *prev, struct calcue *c);
/* Is the date that ends at s[e] (sentence end sb) a day moved from? */
int	 calcue_moves_on(const char *s, size_t sb, size_t e);
int	 calcue_cancels(const char *s, size_t a, size_t b);
int	 calcue_resets(const char *s, size_t len);

#endif
