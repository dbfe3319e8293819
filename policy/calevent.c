/*
 * NAME
 *	calevent 3 - deadlines and court events in docket text
 * SYNOPSIS
 *	#include "calevent.h"
 * DESCRIPTION
 *	The text is cut into sentences (policy/calphrase.c).  In each, every
 *	date (policy/caldate.c) is judged by the phrase that ends right
 *	before it, looking back at most CE_LOOK bytes: the phrase table
 *	below says whether it opens a deadline, a scheduled event, a reset,
 *	or a date that is past or part of a range.  A date with no such
 *	phrase is not an event: being strict about the phrase is what keeps
 *	"Signed by Judge X on 3/1/2027" and "(Entered: 03/14/2023)" out.
 *
 *	The title of a scheduled event is the event's name nearest before
 *	the phrase ("Motion Hearing", "341(a) Meeting", "Pre-Trial
 *	Conference") or between the phrase and the date ("set for jury
 *	trial on"); the title of a deadline is the clause before the
 *	phrase ("Responses due").  A sentence that names an event and says
 *	vacated, cancelled, terminated or off calendar (not "motion to
 *	vacate") cancels the events it dates, or, without a date, the event
 *	it names.  An entry that says continued, rescheduled, reset,
 *	adjourned or postponed anywhere reports its events as resets.
 *
 *	Every step looks at a bounded window around one date, so the work
 *	is linear in the text.
 * DIAGNOSTICS
 *	None; impossible dates and absurd years are listed in s_rej.
 */
#include <string.h>

#include "caldate.h"
#include "calevent.h"
#include "calfield.h"
#include "calname.h"
#include "calphrase.h"
#include "courttz.h"

#define CE_LOOK		240	/* bytes looked at before a date */
#define CE_TITLE_WORDS	8
#define CE_NONE		((size_t)-1)

enum ce_trig { T_NONE, T_DUE, T_BY, T_SET, T_RESET, T_NOUN, T_NEG, T_RANGE };

static const struct { const char *p; enum ce_trig t; } ce_trigs[] = {
	{ "no later than", T_BY }, { "not later than", T_BY },
	{ "on or before", T_BY }, { "must be filed by", T_BY },
	{ "shall be filed by", T_BY }, { "must be served by", T_BY },
	{ "shall be served by", T_BY }, { "must be submitted by", T_BY },
	{ "shall be submitted by", T_BY }, { "must be completed by", T_BY },
	{ "shall be completed by", T_BY }, { "to be completed by", T_BY },
	{ "to be filed by", T_BY }, { "must be made by", T_BY },
	{ "due date:", T_DUE }, { "due date", T_DUE }, { "due by", T_DUE },
	{ "due on", T_DUE }, { "due:", T_DUE }, { "due", T_DUE },
	{ "deadline:", T_DUE }, { "deadline is", T_DUE },
	{ "deadline of", T_DUE }, { "deadline", T_DUE },
	{ "to be held on", T_SET }, { "to be held", T_SET },
	{ "will be held on", T_SET }, { "will be held", T_SET },
	{ "shall be held on", T_SET }, { "set for", T_SET },
	{ "set on", T_SET }, { "set:", T_SET }, { "set", T_SET }, { "scheduled for", T_SET },
	{ "scheduled on", T_SET }, { "scheduled", T_SET },
	{ "calendared for", T_SET }, { "noticed for", T_SET },
	{ "reset for", T_RESET }, { "reset to", T_RESET },
	{ "re-set for", T_RESET }, { "rescheduled for", T_RESET },
	{ "rescheduled to", T_RESET }, { "rescheduled", T_RESET },
	{ "continued to", T_RESET }, { "continued until", T_RESET },
	{ "adjourned to", T_RESET }, { "adjourned until", T_RESET },
	{ "moved to", T_RESET }, { "postponed to", T_RESET },
	{ "postponed until", T_RESET }, { "changed to", T_RESET },
	{ "advanced to", T_RESET },
	{ "held on", T_NEG }, { "held", T_NEG }, { "filed on", T_NEG },
	{ "filed", T_NEG }, { "entered on", T_NEG }, { "entered:", T_NEG },
	{ "entered", T_NEG }, { "signed on", T_NEG }, { "signed", T_NEG },
	{ "dated", T_NEG }, { "dated:", T_NEG }, { "issued on", T_NEG },
	{ "served on", T_NEG }, { "modified on", T_NEG },
	{ "docketed on", T_NEG }, { "received on", T_NEG },
	{ "notice date", T_NEG }, { "service date", T_NEG },
	{ "date of service", T_NEG }, { "as of", T_NEG }, { "since", T_NEG },
	{ "through", T_NEG }, { "between", T_NEG }, { "period:", T_NEG },
	{ "terminated on", T_NEG }, { "closed on", T_NEG },
	{ "from", T_RANGE },
};
#define NTRIGS	(sizeof(ce_trigs) / sizeof(ce_trigs[0]))

struct ce_ctx {
	const struct calev_in	*x_in;
	struct calev_set	*x_out;
	const char		*x_s;
	size_t			 x_len;
	size_t			 x_sa, x_sb;	/* the sentence */
	size_t			 x_wlo, x_whi;	/* the part of it near a date */
	int			 x_cancel;	/* the sentence cancels */
	int			 x_reset_hint;	/* the entry continues */
	long			 x_ref;		/* day number, or LONG_MIN */
	int			 x_has_ref;
	/* the last date of the sentence, for ranges */
	enum ce_trig		 x_prev_trig;
	size_t			 x_prev_end, x_prev_start;
	struct caldate		 x_prev_date;
};

struct ce_hit {
	enum ce_trig	 h_trig;
	size_t		 h_tstart;		/* where the phrase starts */
	size_t		 h_na, h_nb;		/* event name after the phrase */
	int		 h_pretime;		/* "at 10:00 AM on DATE" */
	int		 h_minute;
	enum caldate_zone h_zone;
	int		 h_from;		/* a reset from x_prev_date */
};

static enum ce_trig ce_trig_at(const char *, size_t, size_t, size_t *);
static int	ce_weekday(const char *, size_t, size_t);
static size_t	ce_skip_gap(const char *, size_t, size_t);
static int	ce_find_range(struct ce_ctx *, size_t, size_t, size_t,
		    struct ce_hit *);
static int	ce_find_pretime(const char *, size_t, size_t, struct ce_hit *);
static int	ce_find_named(const char *, size_t, size_t, struct ce_hit *);
static int	ce_find(struct ce_ctx *, size_t, struct ce_hit *);
static int	ce_forward_name(struct ce_ctx *, size_t, struct ce_hit *);
static int	ce_sentence_cancels(const char *, size_t, size_t);
static int	ce_entry_resets(const char *, size_t);
static void	ce_sentence(struct ce_ctx *);
static void	ce_date(struct ce_ctx *, size_t, size_t, enum caldate_status,
		    const struct caldate *);
static void	ce_event(struct ce_ctx *, size_t, size_t, const struct caldate *,
		    const struct ce_hit *);
static void	ce_dateless(struct ce_ctx *);
static void	ce_zone(struct ce_ctx *, struct calev *, enum caldate_zone);
static void	ce_reject(struct ce_ctx *, size_t, size_t, enum caldate_status);
static struct calev *ce_push(struct ce_ctx *, const struct calev *);

/* The longest phrase of the table that ends at s[end - 1] (not before
 * lo): its kind, and its start in *start. */
static enum ce_trig
ce_trig_at(const char *s, size_t lo, size_t end, size_t *start)
{
	enum ce_trig	t = T_NONE;
	size_t		i, a, best = CE_NONE;

	for (i = 0; i < NTRIGS; i++) {
		a = calphrase_ends_with(s, lo, end, ce_trigs[i].p);
		if (a != CE_NONE && (best == CE_NONE || a < best)) {
			best = a;
			t = ce_trigs[i].t;
		}
	}
	*start = best;
	return t;
}

/* Is s[a..b) a weekday name ("Wednesday", "WED")? */
static int
ce_weekday(const char *s, size_t a, size_t b)
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
ce_skip_gap(const char *s, size_t lo, size_t e)
{
	size_t	w, round;

	for (round = 0; round < 6; round++) {
		e = calphrase_back_blanks(s, lo, e);
		if (e > lo && (s[e - 1] == ',' || s[e - 1] == '(' ||
		    (s[e - 1] == '.' && e - 1 > lo &&
		    calphrase_wordc((unsigned char)s[e - 2]) &&
		    ce_weekday(s, calphrase_word_start(s, e - 1), e - 1)))) {
			e--;
			continue;
		}
		w = calphrase_word_start(s, e);
		if (w < lo || w == e)
			break;
		if (calphrase_is(s, w, e, "the") || ce_weekday(s, w, e)) {
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
ce_find_range(struct ce_ctx *x, size_t lo, size_t w, size_t e,
    struct ce_hit *h)
{
	const char	*s = x->x_s;
	size_t		 b = calphrase_back_blanks(s, lo, e);
	static const char *const verbs[] = { "continu", "reschedul", "adjourn",
		"postpon" };
	size_t		 i;

	if (x->x_prev_trig != T_RANGE || w < x->x_prev_end ||
	    calphrase_back_blanks(s, lo, w) > x->x_prev_end + 1 ||
	    !(calphrase_is(s, w, b, "to") || calphrase_is(s, w, b, "until") ||
	    calphrase_is(s, w, b, "through")))
		return 0;
	h->h_trig = T_NEG;
	for (i = 0; i < sizeof(verbs) / sizeof(verbs[0]); i++)
		if (calphrase_find_prefix(s, lo, x->x_prev_start, verbs[i]) !=
		    CE_NONE)
			h->h_trig = T_RESET;
	h->h_tstart = x->x_prev_start;
	h->h_from = 1;
	return 1;
}

/* "at 10:00 AM on DATE": the time, then the phrase before it. */
static int
ce_find_pretime(const char *s, size_t lo, size_t e, struct ce_hit *h)
{
	size_t		 e2 = calphrase_back_blanks(s, lo, e), w, k, tend, ts;
	int		 mi;
	enum caldate_zone z;

	w = calphrase_word_start(s, e2);
	if (w < lo || !calphrase_is(s, w, e2, "on"))
		return 0;
	tend = calphrase_back_blanks(s, lo, w);
	for (k = tend > lo + 12 ? tend - 12 : lo; k < tend; k++) {
		if (caldate_time(s, tend, k, &mi, &z, &e2) != 0 || e2 != tend)
			continue;
		h->h_pretime = 1;
		h->h_minute = mi;
		h->h_zone = z;
		e = calphrase_back_blanks(s, lo, k);
		if (e > lo && s[e - 1] == '@')
			e--;
		else if ((w = calphrase_ends_with(s, lo, e, "at")) != CE_NONE)
			e = w;
		e = calphrase_back_blanks(s, lo, e);
		if ((h->h_trig = ce_trig_at(s, lo, e, &ts)) == T_NONE)
			return 0;
		h->h_tstart = ts;
		return 1;
	}
	return 0;
}

/* "set for hearing on DATE", "Motion Hearing on DATE", "Hearing: DATE". */
static int
ce_find_named(const char *s, size_t lo, size_t e, struct ce_hit *h)
{
	size_t	e2 = calphrase_back_blanks(s, lo, e), w, na, nb, ts;

	if (e2 > lo && s[e2 - 1] == ':')
		w = e2 - 1;
	else {
		w = calphrase_word_start(s, e2);
		if (w < lo || !(calphrase_is(s, w, e2, "on") ||
		    calphrase_is(s, w, e2, "for") || calphrase_is(s, w, e2, "at")))
			return 0;
	}
	nb = calphrase_back_blanks(s, lo, w);
	na = calphrase_word_start(s, nb);
	if (na < lo || na == nb || !calname_is_event(s, na, nb))
		return 0;
	h->h_na = calname_start(s, lo, na, nb);
	h->h_nb = nb;
	e = calphrase_back_blanks(s, lo, h->h_na);
	w = calphrase_word_start(s, e);
	if (w >= lo && (calphrase_is(s, w, e, "a") || calphrase_is(s, w, e, "an") ||
	    calphrase_is(s, w, e, "the") || calphrase_is(s, w, e, "further")))
		e = calphrase_back_blanks(s, lo, w);
	h->h_trig = ce_trig_at(s, lo, e, &ts);
	if (h->h_trig == T_NEG || h->h_trig == T_RANGE)
		return 0;
	if (h->h_trig != T_SET && h->h_trig != T_RESET) {
		h->h_trig = T_NOUN;
		ts = h->h_na;
	}
	h->h_tstart = ts;
	return 1;
}

/* The phrase that introduces the date at s[p]; 1 when it is one. */
static int
ce_find(struct ce_ctx *x, size_t p, struct ce_hit *h)
{
	const char	*s = x->x_s;
	size_t		 lo = p > x->x_sa + CE_LOOK ? p - CE_LOOK : x->x_sa;
	size_t		 e, w, ts;

	memset(h, 0, sizeof(*h));
	h->h_minute = -1;
	e = ce_skip_gap(s, lo, p);
	w = calphrase_word_start(s, calphrase_back_blanks(s, lo, e));
	if (ce_find_range(x, lo, w, e, h))
		return h->h_trig == T_RESET;
	if ((h->h_trig = ce_trig_at(s, lo, e, &ts)) != T_NONE) {
		h->h_tstart = ts;
		return 1;
	}
	if (ce_find_pretime(s, lo, e, h))
		return 1;
	return ce_find_named(s, lo, e, h);
}

/* In a cancelling sentence: "the 1/15/2027 hearing is vacated". */
static int
ce_forward_name(struct ce_ctx *x, size_t q, struct ce_hit *h)
{
	const char	*s = x->x_s;
	size_t		 a, b, n;

	for (n = 0, a = calphrase_skip_blanks(s, x->x_sb, q); n < 4 &&
	    a < x->x_sb; n++) {
		b = calphrase_word_end(s, x->x_sb, a);
		if (b == a)
			return 0;
		if (calname_is_event(s, a, b)) {
			h->h_trig = T_NOUN;
			h->h_na = calphrase_skip_blanks(s, x->x_sb, q);
			h->h_nb = b;
			h->h_tstart = q;
			return 1;
		}
		if (b >= x->x_sb || s[b] != ' ')
			return 0;
		a = calphrase_skip_blanks(s, x->x_sb, b);
	}
	return 0;
}

/* Does the sentence cancel what it names?  "vacated", "cancelled",
 * "terminated", "stricken", "off calendar"; not "motion to vacate".  One
 * walk over the words. */
static int
ce_sentence_cancels(const char *s, size_t a, size_t b)
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
		if (calphrase_ends_with(s, a, t, "to") != CE_NONE ||
		    calphrase_ends_with(s, a, t, "for") != CE_NONE)
			continue;
		return 1;
	}
	return 0;
}

/* An entry that continues, reschedules, resets, adjourns, postpones
 * ("Rescheduled/Continued", "(reset)").  One walk over the words. */
static int
ce_entry_resets(const char *s, size_t len)
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
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (calphrase_is(s, w, k, words[i]))
				return 1;
	}
	return 0;
}

static void
ce_reject(struct ce_ctx *x, size_t a, size_t b, enum caldate_status why)
{
	struct calev_set	*o = x->x_out;

	if (o->s_nrej >= CALEV_REJ_MAX)
		return;
	o->s_rej[o->s_nrej].r_off = a;
	o->s_rej[o->s_nrej].r_len = b - a;
	o->s_rej[o->s_nrej].r_why = why;
	o->s_nrej++;
}

/* Add an event unless the same one is there already. */
static struct calev *
ce_push(struct ce_ctx *x, const struct calev *ev)
{
	struct calev_set	*o = x->x_out;
	size_t			 i;

	for (i = 0; i < o->s_n; i++) {
		const struct calev *e = &o->s_ev[i];

		if (e->e_kind == ev->e_kind && e->e_has_date == ev->e_has_date &&
		    (!e->e_has_date || (e->e_date.y == ev->e_date.y &&
		    e->e_date.m == ev->e_date.m && e->e_date.d == ev->e_date.d)) &&
		    e->e_minute == ev->e_minute && strcmp(e->e_key, ev->e_key) == 0)
			return NULL;
		/* one sentence, one deadline a day: keep the better title */
		if (e->e_kind == CALEV_DEADLINE && ev->e_kind == CALEV_DEADLINE &&
		    e->e_off == ev->e_off && e->e_has_date && ev->e_has_date &&
		    e->e_date.y == ev->e_date.y && e->e_date.m == ev->e_date.m &&
		    e->e_date.d == ev->e_date.d) {
			if (strncmp(e->e_title, "Deadline", 8) == 0 &&
			    strncmp(ev->e_title, "Deadline", 8) != 0)
				o->s_ev[i] = *ev;
			return NULL;
		}
	}
	if (o->s_n >= CALEV_MAX) {
		o->s_trunc = 1;
		return NULL;
	}
	o->s_ev[o->s_n] = *ev;
	return &o->s_ev[o->s_n++];
}

/* The zone: the one the text names, else the court's (a courthouse city
 * in the place or the sentence picks it for a two-zone court). */
static void
ce_zone(struct ce_ctx *x, struct calev *ev, enum caldate_zone z)
{
	const char	*court = x->x_in->ci_court;
	int		 assumed = 1;
	const char	*tz;

	tz = courttz_pick(court, ev->e_location, strlen(ev->e_location),
	    &assumed);
	if (assumed)
		tz = courttz_pick(court, x->x_s + x->x_wlo, x->x_whi - x->x_wlo,
		    &assumed);
	if (z != CALZ_NONE) {
		ev->e_tz = courttz_family_zone(z, tz);
		ev->e_tz_stated = 1;
		ev->e_tz_assumed = 0;
		return;
	}
	ev->e_tz = tz;
	ev->e_tz_assumed = assumed;
}

/* Build the event of the date s[p..e) introduced by h. */
static void
ce_event(struct ce_ctx *x, size_t p, size_t e, const struct caldate *d,
    const struct ce_hit *h)
{
	const char	*s = x->x_s;
	struct calev	 ev;
	size_t		 q, na, nb;
	enum caldate_zone z = h->h_zone;
	int		 minute = h->h_minute, timed = 0;

	x->x_wlo = p > x->x_sa + CE_LOOK ? p - CE_LOOK : x->x_sa;
	x->x_whi = e + CE_LOOK + CALEV_LOC_MAX < x->x_sb ? e + CE_LOOK +
	    CALEV_LOC_MAX : x->x_sb;
	memset(&ev, 0, sizeof(ev));
	ev.e_has_date = 1;
	ev.e_date = *d;
	ev.e_minute = -1;
	ev.e_off = x->x_sa;
	ev.e_len = x->x_sb - x->x_sa;
	q = e;
	if (!h->h_pretime)
		q = calfield_time_after(s, x->x_sb, e, &minute, &z);
	timed = minute >= 0;
	ev.e_minute = minute;
	if (h->h_trig == T_DUE || h->h_trig == T_BY) {
		ev.e_kind = CALEV_DEADLINE;
		calfield_deadline_title(s, x->x_sa, x->x_sb, h->h_tstart, 1, q,
		    ev.e_title, sizeof(ev.e_title));
	} else if (h->h_na < h->h_nb) {
		ev.e_kind = CALEV_HEARING;
		calfield_name_title(s, x->x_sb, h->h_na, calname_end(s, x->x_sb,
		    h->h_nb), ev.e_title, sizeof(ev.e_title));
	} else if ((nb = calname_last(s, x->x_wlo, h->h_tstart, &na)) != CE_NONE) {
		ev.e_kind = CALEV_HEARING;
		calfield_name_title(s, x->x_sb, calname_start(s, x->x_wlo, na, nb),
		    calname_end(s, x->x_sb, nb), ev.e_title, sizeof(ev.e_title));
	} else {
		ev.e_kind = CALEV_DEADLINE;
		calfield_deadline_title(s, x->x_sa, x->x_sb, h->h_tstart, 0, q,
		    ev.e_title, sizeof(ev.e_title));
	}
	if (ev.e_kind == CALEV_HEARING)
		calfield_place(s, x->x_wlo, x->x_sb, q, timed, p, ev.e_location,
		    sizeof(ev.e_location), ev.e_judge, sizeof(ev.e_judge));
	ev.e_change = x->x_cancel ? CALEV_CANCEL : (h->h_trig == T_RESET ||
	    (ev.e_kind == CALEV_HEARING && x->x_reset_hint)) ? CALEV_RESET :
	    CALEV_NEW;
	ev.e_cancelled = x->x_cancel;
	if (h->h_from) {
		ev.e_has_from = 1;
		ev.e_from = x->x_prev_date;
	}
	ev.e_ref = calfield_ref(s, x->x_wlo, x->x_whi);
	calfield_key(ev.e_kind, ev.e_title, ev.e_ref, ev.e_key,
	    sizeof(ev.e_key));
	ce_zone(x, &ev, z);
	ce_push(x, &ev);
}

/* One date of the sentence. */
static void
ce_date(struct ce_ctx *x, size_t p, size_t e, enum caldate_status st,
    const struct caldate *d)
{
	struct ce_hit	h;
	long		day;
	int		found;

	found = ce_find(x, p, &h);
	if (!found && x->x_cancel)
		found = ce_forward_name(x, calfield_time_after(x->x_s, x->x_sb,
		    e, &h.h_minute, &h.h_zone), &h);
	if (!found || h.h_trig == T_NEG || h.h_trig == T_RANGE ||
	    h.h_trig == T_NONE)
		goto out;
	if (st == CALDATE_OK && x->x_has_ref && (d->y < x->x_in->ci_ref.y - 1 ||
	    d->y > x->x_in->ci_ref.y + 10))
		st = CALDATE_ABSURD;
	if (st != CALDATE_OK) {
		ce_reject(x, p, e, st);
		goto out;
	}
	day = caldate_days(d->y, d->m, d->d);
	if (x->x_has_ref && day < x->x_ref)
		x->x_out->s_npast++;
	else
		ce_event(x, p, e, d, &h);
out:
	x->x_prev_trig = h.h_trig;
	x->x_prev_start = p;
	x->x_prev_end = e;
	if (st == CALDATE_OK)
		x->x_prev_date = *d;
}

/* A cancelling sentence without a date: "Hearing vacated." */
static void
ce_dateless(struct ce_ctx *x)
{
	struct calev	ev;
	size_t		na, nb;

	if ((nb = calname_last(x->x_s, x->x_sa, x->x_sb, &na)) == CE_NONE)
		return;
	memset(&ev, 0, sizeof(ev));
	ev.e_kind = CALEV_HEARING;
	ev.e_change = CALEV_CANCEL;
	ev.e_cancelled = 1;
	ev.e_minute = -1;
	ev.e_off = x->x_sa;
	ev.e_len = x->x_sb - x->x_sa;
	x->x_wlo = x->x_sa;
	x->x_whi = x->x_sb;
	calfield_name_title(x->x_s, x->x_sb, calname_start(x->x_s, x->x_sa, na,
	    nb), calname_end(x->x_s, x->x_sb, nb), ev.e_title,
	    sizeof(ev.e_title));
	ev.e_ref = calfield_ref(x->x_s, x->x_sa, x->x_sb);
	calfield_key(ev.e_kind, ev.e_title, ev.e_ref, ev.e_key,
	    sizeof(ev.e_key));
	ce_zone(x, &ev, CALZ_NONE);
	ce_push(x, &ev);
}

static void
ce_sentence(struct ce_ctx *x)
{
	const char		*s = x->x_s;
	struct caldate		 d;
	enum caldate_status	 st;
	size_t			 p, e;
	int			 dates = 0, c;

	x->x_cancel = ce_sentence_cancels(s, x->x_sa, x->x_sb);
	x->x_prev_trig = T_NONE;
	x->x_prev_end = x->x_prev_start = 0;
	for (p = x->x_sa; p < x->x_sb; p++) {
		c = (unsigned char)s[p];
		if (p > x->x_sa && calphrase_wordc((unsigned char)s[p - 1]) &&
		    s[p - 1] != '(')
			continue;
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		    (c >= 'a' && c <= 'z')))
			continue;
		if ((st = caldate_date(s, x->x_sb, p, &d, &e)) == CALDATE_NONE)
			continue;
		dates++;
		ce_date(x, p, e, st, &d);
		p = e - 1;
	}
	if (dates == 0 && x->x_cancel)
		ce_dateless(x);
}

void
calev_extract(const struct calev_in *in, struct calev_set *out)
{
	struct ce_ctx	x;
	size_t		i, j;
	unsigned	kinds = in->ci_kinds ? in->ci_kinds : CALEV_K_ALL;

	memset(out, 0, sizeof(*out));
	if (in->ci_text == NULL)
		return;
	memset(&x, 0, sizeof(x));
	x.x_in = in;
	x.x_out = out;
	x.x_s = in->ci_text;
	x.x_len = in->ci_len < CALEV_SCAN_MAX ? in->ci_len : CALEV_SCAN_MAX;
	if (in->ci_ref.y != 0 && caldate_valid(in->ci_ref.y, in->ci_ref.m,
	    in->ci_ref.d)) {
		x.x_has_ref = 1;
		x.x_ref = caldate_days(in->ci_ref.y, in->ci_ref.m, in->ci_ref.d);
	}
	x.x_reset_hint = ce_entry_resets(x.x_s, x.x_len);
	for (x.x_sa = 0; x.x_sa < x.x_len; x.x_sa = x.x_sb + 1) {
		x.x_sa = calphrase_skip_blanks(x.x_s, x.x_len, x.x_sa);
		if (x.x_sa >= x.x_len)
			break;
		x.x_sb = calphrase_sentence_end(x.x_s, x.x_len, x.x_sa);
		ce_sentence(&x);
	}
	for (i = j = 0; i < out->s_n; i++) {
		unsigned k = out->s_ev[i].e_kind == CALEV_DEADLINE ?
		    CALEV_K_DEADLINE : CALEV_K_HEARING;

		if (kinds & k)
			out->s_ev[j++] = out->s_ev[i];
	}
	out->s_n = j;
}

const char *
calev_kind_name(enum calev_kind k)
{
	return k == CALEV_DEADLINE ? "deadline" : "hearing";
}

const char *
calev_change_name(enum calev_change c)
{
	return c == CALEV_RESET ? "reset" : c == CALEV_CANCEL ? "cancel" :
	    "new";
}
