/*
 * NAME
 *	calcue 3 - what the words around a date make of it
 * SYNOPSIS
 *	#include "calcue.h"
 * DESCRIPTION
 *	See calcue.h.  The phrase table is tried at the end of the words
 *	before a date (the longest phrase wins); then "at TIME on DATE", an
 *	event's name before "on", "for" or ":", a deadline's noun before
 *	"is", a bare "by" that a binding clause opens, and N.D. Ill.'s
 *	"presentment ... on".  Being strict about the phrase is what keeps
 *	"Signed by Judge X on 3/1/2027" and "(Entered: 03/14/2023)" out.
 * DIAGNOSTICS
 *	None.
 */
#include <string.h>

#include "caldate.h"
#include "calcue.h"
#include "calname.h"
#include "calphrase.h"

#define CC_NONE		CALPHRASE_NONE
#define CC_MOVE_LOOK	160	/* bytes between an old day and its move */

static const struct { const char *p; enum calcue_kind t; } cc_trigs[] = {
	{ "no later than", CALCUE_BY }, { "not later than", CALCUE_BY },
	{ "on or before", CALCUE_BY }, { "must be filed by", CALCUE_BY },
	{ "shall be filed by", CALCUE_BY },
	{ "must be served by", CALCUE_BY },
	{ "shall be served by", CALCUE_BY },
	{ "must be submitted by", CALCUE_BY },
	{ "shall be submitted by", CALCUE_BY },
	{ "must be completed by", CALCUE_BY },
	{ "shall be completed by", CALCUE_BY },
	{ "to be completed by", CALCUE_BY }, { "to be filed by", CALCUE_BY },
	{ "must be made by", CALCUE_BY }, { "due date:", CALCUE_DUE },
	{ "due date", CALCUE_DUE }, { "due by", CALCUE_DUE },
	{ "due on", CALCUE_DUE }, { "due:", CALCUE_DUE },
	{ "due", CALCUE_DUE }, { "deadline:", CALCUE_DUE },
	{ "deadline is", CALCUE_DUE }, { "deadline of", CALCUE_DUE },
	{ "deadline", CALCUE_DUE }, { "to be held on", CALCUE_SET },
	{ "to be held", CALCUE_SET }, { "will be held on", CALCUE_SET },
	{ "will be held", CALCUE_SET }, { "shall be held on", CALCUE_SET },
	{ "set for", CALCUE_SET }, { "set on", CALCUE_SET },
	{ "set:", CALCUE_SET }, { "set", CALCUE_SET },
	{ "scheduled for", CALCUE_SET }, { "scheduled on", CALCUE_SET },
	{ "scheduled", CALCUE_SET }, { "calendared for", CALCUE_SET },
	{ "noticed for", CALCUE_SET }, { "reset for", CALCUE_RESET },
	{ "reset to", CALCUE_RESET }, { "re-set for", CALCUE_RESET },
	{ "rescheduled for", CALCUE_RESET },
	{ "rescheduled to", CALCUE_RESET }, { "rescheduled", CALCUE_RESET },
	{ "continued to", CALCUE_RESET }, { "continued until", CALCUE_RESET },
	{ "adjourned to", CALCUE_RESET }, { "adjourned until", CALCUE_RESET },
	{ "moved to", CALCUE_RESET }, { "postponed to", CALCUE_RESET },
	{ "postponed until", CALCUE_RESET }, { "changed to", CALCUE_RESET },
	{ "advanced to", CALCUE_RESET }, { "extended to", CALCUE_EXTEND },
	{ "extended until", CALCUE_EXTEND },
	{ "extended through", CALCUE_EXTEND }, { "held on", CALCUE_NEG },
	{ "held", CALCUE_NEG }, { "filed on", CALCUE_NEG },
	{ "filed", CALCUE_NEG }, { "entered on", CALCUE_NEG },
	{ "entered:", CALCUE_NEG }, { "entered", CALCUE_NEG },
	{ "signed on", CALCUE_NEG }, { "signed", CALCUE_NEG },
	{ "dated", CALCUE_NEG }, { "dated:", CALCUE_NEG },
	{ "issued on", CALCUE_NEG }, { "served on", CALCUE_NEG },
	{ "modified on", CALCUE_NEG }, { "docketed on", CALCUE_NEG },
	{ "received on", CALCUE_NEG }, { "notice date", CALCUE_NEG },
	{ "service date", CALCUE_NEG }, { "date of service", CALCUE_NEG },
	{ "as of", CALCUE_NEG }, { "since", CALCUE_NEG },
	{ "through", CALCUE_NEG }, { "between", CALCUE_NEG },
	{ "period:", CALCUE_NEG }, { "terminated on", CALCUE_NEG },
	{ "closed on", CALCUE_NEG }, { "from", CALCUE_RANGE },
};
#define CC_NTRIGS	(sizeof(cc_trigs) / sizeof(cc_trigs[0]))

static enum calcue_kind cc_trig_at(const char *, size_t, size_t, size_t *);
static int	cc_weekday(const char *, size_t, size_t);
static size_t	cc_skip_gap(const char *, size_t, size_t);
static int	cc_find_range(const char *, size_t, size_t, size_t,
		    const struct calcue_prev *, struct calcue *);
static int	cc_find_pretime(const char *, size_t, size_t, struct calcue *);
static int	cc_find_named(const char *, size_t, size_t, struct calcue *);
static int	cc_find_noun_is(const char *, size_t, size_t, struct calcue *);
static int	cc_find_bare_by(const char *, size_t, size_t, struct calcue *);
static int	cc_find_presentment(const char *, size_t, size_t,
		    struct calcue *);
static int	cc_has_any(const char *, size_t, size_t, const char *const *,
		    size_t);

/* The longest phrase of the table that ends at s[end - 1] (not before
 * lo): its kind, and its start in *start. */
static enum calcue_kind
cc_trig_at(const char *s, size_t lo, size_t end, size_t *start)
{
	enum calcue_kind	t = CALCUE_NONE;
	size_t		i, a, best = CC_NONE;

	for (i = 0; i < CC_NTRIGS; i++) {
		a = calphrase_ends_with(s, lo, end, cc_trigs[i].p);
		if (a != CC_NONE && (best == CC_NONE || a < best)) {
			best = a;
			t = cc_trigs[i].t;
		}
	}
	*start = best;
	return t;
}

/* Is s[a..b) a weekday name ("Wednesday", "WED")? */
static int
cc_weekday(const char *s, size_t a, size_t b)
{
	static const char *const names[] = {
		"sunday", "monday", "tuesday", "wednesday", "thursday",
		"friday", "saturday", "sun", "mon", "tue", "tues", "wed",
		"thu", "thur", "thurs", "fri", "sat",
	};
	size_t	i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (calphrase_is(s, a, b, names[i]))
			return 1;
	return 0;
}

/* Back over what may stand between a phrase and its date: blanks, ",",
 * "(", a weekday name, "the". */
static size_t
cc_skip_gap(const char *s, size_t lo, size_t e)
{
	size_t	w, round;

	for (round = 0; round < 6; round++) {
		e = calphrase_back_blanks(s, lo, e);
		if (e > lo && (s[e - 1] == ',' || s[e - 1] == '(' ||
		    (s[e - 1] == '.' && e - 1 > lo &&
		    calphrase_wordc((unsigned char)s[e - 2]) &&
		    cc_weekday(s, calphrase_word_start(s, lo, e - 1), e - 1)))) {
			e--;
			continue;
		}
		w = calphrase_word_start(s, lo, e);
		if (w == CC_NONE || w == e)
			break;
		if (calphrase_is(s, w, e, "the") || cc_weekday(s, w, e)) {
			e = w;
			continue;
		}
		break;
	}
	return e;
}

/* The second date of "from DATE to DATE" (w: the word before the date):
 * a reset when the sentence continues something, else a range. */
static int
cc_find_range(const char *s, size_t lo, size_t w, size_t e,
    const struct calcue_prev *x, struct calcue *c)
{
	size_t		 b = calphrase_back_blanks(s, lo, e);
	static const char *const verbs[] = { "continu", "reschedul", "adjourn",
		"postpon" };
	size_t		 i;

	if (w == CC_NONE || x->p_kind != CALCUE_RANGE || w < x->p_end ||
	    calphrase_back_blanks(s, lo, w) > x->p_end + 1 ||
	    !(calphrase_is(s, w, b, "to") || calphrase_is(s, w, b, "until") ||
	    calphrase_is(s, w, b, "through")))
		return 0;
	c->c_kind = CALCUE_NEG;
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (calphrase_find_prefix(s, lo, x->p_start, verbs[i]) !=
		    CC_NONE)
			c->c_kind = CALCUE_RESET;
	c->c_start = x->p_start;
	c->c_from = 1;
	return 1;
}

/* "at 10:00 AM on DATE": the time, then the phrase before it. */
static int
cc_find_pretime(const char *s, size_t lo, size_t e, struct calcue *c)
{
	size_t		 e2 = calphrase_back_blanks(s, lo, e), w, k, tend, ts;
	int		 mi;
	enum caldate_zone z;

	w = calphrase_word_start(s, lo, e2);
	if (w == CC_NONE || !calphrase_is(s, w, e2, "on"))
		return 0;
	tend = calphrase_back_blanks(s, lo, w);
	for (k = tend > lo + 12 ? tend - 12 : lo; k < tend; k++) {
		if (caldate_time(s, tend, k, &mi, &z, &e2) != 0 || e2 != tend)
			continue;
		c->c_pretime = 1;
		c->c_minute = mi;
		c->c_zone = z;
		e = calphrase_back_blanks(s, lo, k);
		if (e > lo && s[e - 1] == '@')
			e--;
		else if ((w = calphrase_ends_with(s, lo, e, "at")) != CC_NONE)
			e = w;
		e = calphrase_back_blanks(s, lo, e);
		if ((c->c_kind = cc_trig_at(s, lo, e, &ts)) == CALCUE_NONE)
			return 0;
		c->c_start = ts;
		return 1;
	}
	return 0;
}

/* "set for hearing on DATE", "Motion Hearing on DATE", "Hearing: DATE". */
static int
cc_find_named(const char *s, size_t lo, size_t e, struct calcue *c)
{
	size_t	e2 = calphrase_back_blanks(s, lo, e), w, na, nb, ts;

	if (e2 > lo && s[e2 - 1] == ':')
		w = e2 - 1;
	else {
		w = calphrase_word_start(s, lo, e2);
		if (w == CC_NONE || !(calphrase_is(s, w, e2, "on") ||
		    calphrase_is(s, w, e2, "for") || calphrase_is(s, w, e2, "at")))
			return 0;
	}
	nb = calphrase_back_blanks(s, lo, w);
	na = calphrase_word_start(s, lo, nb);
	if (na == CC_NONE || na == nb || !calname_is_event(s, na, nb))
		return 0;
	c->c_na = calname_start(s, lo, na, nb);
	c->c_nb = nb;
	e = calphrase_back_blanks(s, lo, c->c_na);
	w = calphrase_word_start(s, lo, e);
	if (w != CC_NONE && (calphrase_is(s, w, e, "a") || calphrase_is(s, w, e, "an") ||
	    calphrase_is(s, w, e, "the") || calphrase_is(s, w, e, "further")))
		e = calphrase_back_blanks(s, lo, w);
	c->c_kind = cc_trig_at(s, lo, e, &ts);
	if (c->c_kind == CALCUE_NEG || c->c_kind == CALCUE_RANGE)
		return 0;
	if (c->c_kind != CALCUE_SET && c->c_kind != CALCUE_RESET) {
		c->c_kind = CALCUE_NOUN;
		ts = c->c_na;
	}
	c->c_start = ts;
	return 1;
}

/* A clause that names a deadline, then "is" (or ":") and the date: "the
 * last day to oppose discharge is", "The deadline to object is". */
static int
cc_find_noun_is(const char *s, size_t lo, size_t e, struct calcue *c)
{
	static const char *const nouns[] = { "last day", "deadline",
		"bar date", "due date", "last date" };
	size_t	e2 = calphrase_back_blanks(s, lo, e), w, a;

	if (e2 > lo && s[e2 - 1] == ':')
		w = e2 - 1;
	else if ((w = calphrase_ends_with(s, lo, e2, "is")) == CC_NONE &&
	    (w = calphrase_ends_with(s, lo, e2, "shall be")) == CC_NONE &&
	    (w = calphrase_ends_with(s, lo, e2, "will be")) == CC_NONE)
		return 0;
	for (a = w; a > lo && s[a - 1] != ';' && s[a - 1] != ','; a--)
		;
	if (!cc_has_any(s, a, w, nouns, sizeof(nouns) / sizeof(nouns[0])))
		return 0;
	c->c_kind = CALCUE_DUE;
	c->c_start = w;
	return 1;
}

/* "by DATE" after a clause that binds someone to act. */
static int
cc_find_bare_by(const char *s, size_t lo, size_t e, struct calcue *c)
{
	static const char *const binds[] = { "shall", "must", "due", "ready",
		"deadline", "ordered", "directed", "file", "submit", "serve",
		"complete", "respond", "answer", "produce", "disclose",
		"exchange", "object", "lodge", "provide", "meet and confer" };
	size_t	e2 = calphrase_back_blanks(s, lo, e), w, a;

	if ((w = calphrase_ends_with(s, lo, e2, "by")) == CC_NONE)
		return 0;
	for (a = w; a > lo && s[a - 1] != ';'; a--)
		;
	if (!cc_has_any(s, a, w, binds, sizeof(binds) / sizeof(binds[0])))
		return 0;
	c->c_kind = CALCUE_BY;
	c->c_start = w;
	return 1;
}

/* "for presentment of motion ... before Honorable X on DATE" (N.D. Ill.'s
 * notice of motion): the presentment is the event. */
static int
cc_find_presentment(const char *s, size_t lo, size_t e, struct calcue *c)
{
	size_t	e2 = calphrase_back_blanks(s, lo, e), w;

	if (calphrase_ends_with(s, lo, e2, "on") == CC_NONE ||
	    (w = calphrase_find_prefix(s, lo, e2, "presentment")) == CC_NONE)
		return 0;
	c->c_kind = CALCUE_SET;
	c->c_na = w;
	c->c_nb = calphrase_word_end(s, e2, w);
	c->c_start = w;
	return 1;
}

/* Does s[a..b) hold one of the phrases (a word prefix each)? */
static int
cc_has_any(const char *s, size_t a, size_t b, const char *const *w, size_t n)
{
	size_t	i, at;

	for (i = 0; i < n; i++) {
		if (strchr(w[i], ' ') == NULL) {
			if (calphrase_find_prefix(s, a, b, w[i]) != CC_NONE)
				return 1;
			continue;
		}
		for (at = a; at < b; at++)
			if (calphrase_starts_with(s, b, at, w[i]) > 0)
				return 1;
	}
	return 0;
}

int
calcue_find(const char *s, size_t sa, size_t p, const struct calcue_prev *prev,
    struct calcue *c)
{
	size_t		 lo = p > sa + CALCUE_LOOK ? p - CALCUE_LOOK : sa;
	size_t		 e, w, ts;

	memset(c, 0, sizeof(*c));
	c->c_minute = -1;
	e = cc_skip_gap(s, lo, p);
	w = calphrase_word_start(s, lo, calphrase_back_blanks(s, lo, e));
	if (cc_find_range(s, lo, w, e, prev, c))
		return c->c_kind == CALCUE_RESET;
	if ((c->c_kind = cc_trig_at(s, lo, e, &ts)) != CALCUE_NONE) {
		c->c_start = ts;
		return 1;
	}
	return cc_find_pretime(s, lo, e, c) || cc_find_named(s, lo, e, c) ||
	    cc_find_noun_is(s, lo, e, c) || cc_find_bare_by(s, lo, e, c) ||
	    cc_find_presentment(s, lo, e, c);
}

int
calcue_moves_on(const char *s, size_t sb, size_t e)
{
	static const char *const verbs[] = { "continued", "rescheduled",
		"re-scheduled", "reset", "re-set", "moved", "postponed",
		"adjourned", "advanced", "changed", "extended" };
	static const char *const to[] = { "to", "until", "for", "through" };
	size_t		 end = e + CC_MOVE_LOOK < sb ? e + CC_MOVE_LOOK : sb;
	size_t		 w, we, i, n;
	struct caldate	 d;

	for (w = e; w < end; w = we) {
		while (w < end && !calphrase_wordc((unsigned char)s[w]))
			if (s[w++] == ';')
				return 0;
		if ((we = calphrase_word_end(s, end, w)) == w)
			return 0;
		if (caldate_date(s, sb, w, &d, &n) != CALDATE_NONE ||
		    calname_is_event(s, w, we) || calphrase_is(s, w, we, "and") ||
		    calphrase_is(s, w, we, "or") || calphrase_is(s, w, we, "but"))
			return 0;
		for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
			if (calphrase_is(s, w, we, verbs[i]))
				break;
		if (i == sizeof(verbs) / sizeof(verbs[0]))
			continue;
		w = calphrase_skip_blanks(s, sb, we);
		for (i = 0; i < sizeof(to) / sizeof(to[0]); i++)
			if (calphrase_starts_with(s, sb, w, to[i]) > 0)
				return 1;
		return 0;
	}
	return 0;
}

/* Does the sentence cancel what it names?  "vacated", "cancelled",
 * "terminated", "stricken", "off calendar"; not "motion to vacate".  One
 * walk over the words. */
int
calcue_cancels(const char *s, size_t a, size_t b)
{
	static const char *const words[] = { "vacat", "cancel", "terminat",
		"stricken" };
	size_t	i, w, e, t;
	int	c;

	for (w = a; w < b; w = e) {
		while (w < b && !calphrase_wordc((unsigned char)s[w]))
			w++;
		if ((e = calphrase_word_end(s, b, w)) == w)
			break;
		c = s[w] | 0x20;
		if (c == 'o' && calphrase_is(s, w, e, "off")) {
			t = calphrase_skip_blanks(s, b, e);
			if (calphrase_starts_with(s, b, t, "calendar") ||
			    calphrase_starts_with(s, b, t, "the calendar"))
				return 1;
			continue;
		}
		if (c != 'v' && c != 'c' && c != 't' && c != 's')
			continue;
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (calphrase_has_prefix(s, w, e, words[i]))
				break;
		if (i == sizeof(words) / sizeof(words[0]) ||
		    calphrase_has_prefix(s, w, e, "vacatur"))
			continue;
		t = calphrase_back_blanks(s, a, w);
		if (calphrase_ends_with(s, a, t, "to") != CC_NONE ||
		    calphrase_ends_with(s, a, t, "for") != CC_NONE)
			continue;
		return 1;
	}
	return 0;
}

/* An entry that continues, reschedules, resets, adjourns, postpones
 * ("Rescheduled/Continued", "(reset)"), not "Set/Reset".  One walk over
 * the words. */
int
calcue_resets(const char *s, size_t len)
{
	static const char *const words[] = { "continued", "rescheduled",
		"re-scheduled", "reset", "re-set", "adjourned", "postponed" };
	size_t	i, w, e, k;
	int	c;

	for (w = 0; w < len; w = e) {
		while (w < len && !calphrase_wordc((unsigned char)s[w]))
			w++;
		if ((e = calphrase_word_end(s, len, w)) == w)
			break;
		c = s[w] | 0x20;
		if (c != 'c' && c != 'r' && c != 'a' && c != 'p')
			continue;
		k = e > w && s[e - 1] == ')' ? e - 1 : e;
		/* "Set/Reset Hearings": CM/ECF's name for setting one */
		if (w >= 4 && s[w - 1] == '/' && calphrase_is(s, w - 4, w - 1,
		    "set"))
			continue;
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (calphrase_is(s, w, k, words[i]))
				return 1;
	}
	return 0;
}
