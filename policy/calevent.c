/*
 * NAME
 *	calevent 3 - deadlines and court events in docket text
 * SYNOPSIS
 *	#include "calevent.h"
 * DESCRIPTION
 *	The text is read as policy/caltext.c folds it and cut into sentences
 *	(policy/calphrase.c).  In each, every date (policy/caldate.c) is
 *	judged by the phrase before it (policy/calcue.c): a deadline, a
 *	scheduled event, a reset, or a date that is past or part of a
 *	range.  A date with no such phrase is not an event.  A date that an
 *	event moves from ("set for 2/23/2027 is CONTINUED to 3/16/2027") is
 *	not an event either: it becomes the from-day of the move.
 *
 *	The title of a scheduled event is the event's name nearest before
 *	the phrase ("Motion Hearing", "341(a) Meeting", "Pre-Trial
 *	Conference") or between the phrase and the date ("set for jury
 *	trial on"); the title of a deadline is the clause before the
 *	phrase ("Responses due").  A sentence that names an event and says
 *	vacated, cancelled, terminated or off calendar (not "motion to
 *	vacate") cancels the events it dates, or, without a date, the events
 *	it names ("the Pretrial Conference and Jury Trial are VACATED"); a
 *	dateless cancellation that a dated one of the same entry repeats
 *	("Hearing Cancelled. The hearing set for 3/17/2027 is cancelled") is
 *	left out.  An entry that says continued, rescheduled, reset,
 *	adjourned or postponed anywhere reports its hearings as resets.
 *
 *	Every step looks at a bounded window around one date, so the work
 *	is linear in the text.
 * DIAGNOSTICS
 *	None; impossible dates and absurd years are listed in s_rej.
 */
#include <string.h>

#include "caldate.h"
#include "calcue.h"
#include "calevent.h"
#include "calfield.h"
#include "calname.h"
#include "calphrase.h"
#include "caltext.h"
#include "courttz.h"

#define CE_LOOK		CALCUE_LOOK
#define CE_NONE		CALPHRASE_NONE
#define CE_NAMES_MAX	4	/* events one dateless sentence cancels */

struct ce_ctx {
	const struct calev_in	*x_in;
	struct calev_set	*x_out;
	const char		*x_s;
	size_t			 x_len;
	size_t			 x_sa, x_sb;	/* the sentence */
	size_t			 x_wlo, x_whi;	/* the part of it near a date */
	int			 x_cancel;	/* the sentence cancels */
	int			 x_reset_hint;	/* the entry continues */
	size_t			 x_ndates;	/* dates judged so far */
	long			 x_ref;		/* day number, or LONG_MIN */
	int			 x_has_ref;
	/* the last date of the sentence, for ranges */
	struct calcue_prev	 x_prev;
	struct caldate		 x_prev_date;
	/* the day the sentence's next move starts from */
	int			 x_has_from;
	struct caldate		 x_from;
	size_t			 x_from_start;	/* its phrase */
};

static int	ce_forward_name(struct ce_ctx *, size_t, struct calcue *);
static void	ce_sentence(struct ce_ctx *);
static void	ce_date(struct ce_ctx *, size_t, size_t, enum caldate_status,
		    const struct caldate *);
static void	ce_event(struct ce_ctx *, size_t, size_t, const struct caldate *,
		    const struct calcue *);
static void	ce_dateless(struct ce_ctx *, size_t);
static size_t	ce_dateless_one(struct ce_ctx *, size_t, size_t, int);
static size_t	ce_and_after(const char *, size_t, size_t);
static void	ce_drop_repeats(struct calev_set *);
static int	ce_same_noun(const char *, const char *);
static int	ce_lower_eq(const char *, const char *, size_t);
static void	ce_zone(struct ce_ctx *, struct calev *, enum caldate_zone);
static void	ce_reject(struct ce_ctx *, size_t, size_t, enum caldate_status);
static struct calev *ce_push(struct ce_ctx *, const struct calev *);
static void	ce_unfold(const struct calev_in *, size_t, struct calev_set *);

/* In a cancelling sentence: "the 1/15/2027 hearing is vacated". */
static int
ce_forward_name(struct ce_ctx *x, size_t q, struct calcue *h)
{
	const char	*s = x->x_s;
	size_t		 a, b, n;

	for (n = 0, a = calphrase_skip_blanks(s, x->x_sb, q); n < 4 &&
	    a < x->x_sb; n++) {
		b = calphrase_word_end(s, x->x_sb, a);
		if (b == a)
			return 0;
		if (calname_is_event(s, a, b)) {
			h->c_kind = CALCUE_NOUN;
			h->c_na = calphrase_skip_blanks(s, x->x_sb, q);
			h->c_nb = b;
			h->c_start = q;
			return 1;
		}
		if (b >= x->x_sb || s[b] != ' ')
			return 0;
		a = calphrase_skip_blanks(s, x->x_sb, b);
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
    const struct calcue *h)
{
	const char	*s = x->x_s;
	struct calev	 ev;
	size_t		 q, na, nb, ts = h->c_start;
	enum caldate_zone z = h->c_zone;
	int		 minute = h->c_minute, timed = 0, moved;

	x->x_wlo = p > x->x_sa + CE_LOOK ? p - CE_LOOK : x->x_sa;
	x->x_whi = e + CE_LOOK + CALEV_LOC_MAX < x->x_sb ? e + CE_LOOK +
	    CALEV_LOC_MAX : x->x_sb;
	memset(&ev, 0, sizeof(ev));
	ev.e_has_date = 1;
	ev.e_date = *d;
	ev.e_off = x->x_sa;
	ev.e_len = x->x_sb - x->x_sa;
	moved = h->c_kind == CALCUE_RESET || h->c_kind == CALCUE_EXTEND;
	if (moved && x->x_has_from && !h->c_from) {
		ev.e_has_from = 1;	/* "set for 2/23 is CONTINUED to" */
		ev.e_from = x->x_from;
		ts = x->x_from_start;	/* the title is before the old day */
		x->x_has_from = 0;
	} else if (h->c_from) {
		ev.e_has_from = 1;	/* "from 2/28/23 to 4/25/23" */
		ev.e_from = x->x_prev_date;
	}
	q = e;
	if (!h->c_pretime)
		q = calfield_time_after(s, x->x_sb, e, &minute, &z);
	timed = minute >= 0;
	ev.e_minute = minute;
	if (h->c_kind == CALCUE_DUE || h->c_kind == CALCUE_BY ||
	    h->c_kind == CALCUE_EXTEND) {
		ev.e_kind = CALEV_DEADLINE;
		calfield_deadline_title(s, x->x_sa, x->x_sb, ts, 1, q,
		    ev.e_title, sizeof(ev.e_title));
	} else if (h->c_na < h->c_nb) {
		ev.e_kind = CALEV_HEARING;
		calfield_name_title(s, x->x_sb, h->c_na, calname_end(s, x->x_sb,
		    h->c_nb), ev.e_title, sizeof(ev.e_title));
	} else if ((nb = calname_last(s, x->x_wlo, ts, &na)) != CE_NONE) {
		ev.e_kind = CALEV_HEARING;
		calfield_name_title(s, x->x_sb, calname_start(s, x->x_wlo, na, nb),
		    calname_end(s, x->x_sb, nb), ev.e_title, sizeof(ev.e_title));
	} else {
		ev.e_kind = CALEV_DEADLINE;
		calfield_deadline_title(s, x->x_sa, x->x_sb, ts, 0, q,
		    ev.e_title, sizeof(ev.e_title));
	}
	if (ev.e_kind == CALEV_HEARING)
		calfield_place(s, x->x_wlo, x->x_sb, q, timed, p, ev.e_location,
		    sizeof(ev.e_location), ev.e_judge, sizeof(ev.e_judge));
	ev.e_change = x->x_cancel ? CALEV_CANCEL : (moved || (ev.e_kind ==
	    CALEV_HEARING && x->x_reset_hint)) ? CALEV_RESET : CALEV_NEW;
	ev.e_cancelled = x->x_cancel;
	ev.e_ref = calfield_ref(s, x->x_wlo, x->x_whi);
	calfield_key(calev_kind_name(ev.e_kind), ev.e_title, ev.e_ref,
	    ev.e_key, sizeof(ev.e_key));
	ce_zone(x, &ev, z);
	ce_push(x, &ev);
}

/* One date of the sentence. */
static void
ce_date(struct ce_ctx *x, size_t p, size_t e, enum caldate_status st,
    const struct caldate *d)
{
	struct calcue	h;
	long		day;
	int		found;

	found = calcue_find(x->x_s, x->x_sa, p, &x->x_prev, &h);
	if (!found && x->x_cancel)
		found = ce_forward_name(x, calfield_time_after(x->x_s, x->x_sb,
		    e, &h.c_minute, &h.c_zone), &h);
	if (!found || h.c_kind == CALCUE_NEG || h.c_kind == CALCUE_RANGE ||
	    h.c_kind == CALCUE_NONE)
		goto out;
	if (st == CALDATE_OK && x->x_has_ref && (d->y < x->x_in->ci_ref.y - 1 ||
	    d->y > x->x_in->ci_ref.y + 10))
		st = CALDATE_ABSURD;
	if (st != CALDATE_OK) {
		ce_reject(x, p, e, st);
		goto out;
	}
	if (h.c_kind != CALCUE_RESET && h.c_kind != CALCUE_EXTEND &&
	    calcue_moves_on(x->x_s, x->x_sb, e)) {
		x->x_has_from = 1;	/* the old day of a move */
		x->x_from = *d;
		x->x_from_start = h.c_start;
		goto out;
	}
	day = caldate_days(d->y, d->m, d->d);
	if (x->x_has_ref && day < x->x_ref)
		x->x_out->s_npast++;
	else
		ce_event(x, p, e, d, &h);
out:
	x->x_prev.p_kind = h.c_kind;
	x->x_prev.p_start = p;
	x->x_prev.p_end = e;
	if (st == CALDATE_OK)
		x->x_prev_date = *d;
}

/* The events a cancelling sentence names without a date, from s[lo]:
 * "Hearing vacated.", "the Pretrial Conference and Jury Trial are
 * VACATED", "The hearing set for 4/12/2027 and the Status Conference are
 * CANCELLED" (from after its "and"). */
static void
ce_dateless(struct ce_ctx *x, size_t lo)
{
	size_t	end = x->x_sb, n;

	for (n = 0; n < CE_NAMES_MAX && end != CE_NONE; n++)
		end = ce_dateless_one(x, lo, end, n > 0);
}

/* The end of the first word "and" in s[a..b), or CE_NONE. */
static size_t
ce_and_after(const char *s, size_t a, size_t b)
{
	size_t	w, e;

	for (w = a; w < b; w = e) {
		while (w < b && !calphrase_wordc((unsigned char)s[w]))
			w++;
		if ((e = calphrase_word_end(s, b, w)) == w)
			break;
		if (calphrase_is(s, w, e, "and"))
			return e;
	}
	return CE_NONE;
}

/* The cancellation of the last event named before end (right before it
 * when adjacent): where a name listed before it ends ("A and B", "A, B",
 * "A & B"), or CE_NONE. */
static size_t
ce_dateless_one(struct ce_ctx *x, size_t lo, size_t end, int adjacent)
{
	const char	*s = x->x_s;
	struct calev	 ev;
	size_t		 na, nb, a, e, w;

	if ((nb = calname_last(s, lo, end, &na)) == CE_NONE ||
	    (adjacent && nb != calphrase_back_blanks(s, lo, end)))
		return CE_NONE;
	a = calname_start(s, lo, na, nb);
	memset(&ev, 0, sizeof(ev));
	ev.e_kind = CALEV_HEARING;
	ev.e_change = CALEV_CANCEL;
	ev.e_cancelled = 1;
	ev.e_minute = -1;
	ev.e_off = x->x_sa;
	ev.e_len = x->x_sb - x->x_sa;
	x->x_wlo = x->x_sa;
	x->x_whi = x->x_sb;
	calfield_name_title(s, x->x_sb, a, calname_end(s, x->x_sb, nb),
	    ev.e_title, sizeof(ev.e_title));
	ev.e_ref = calfield_ref(s, x->x_sa, x->x_sb);
	calfield_key(calev_kind_name(ev.e_kind), ev.e_title, ev.e_ref,
	    ev.e_key, sizeof(ev.e_key));
	ce_zone(x, &ev, CALZ_NONE);
	ce_push(x, &ev);
	e = calphrase_back_blanks(s, lo, a);
	w = calphrase_word_start(s, lo, e);
	if (w != CE_NONE && w < e && calphrase_is(s, w, e, "the")) {
		e = calphrase_back_blanks(s, lo, w);
		w = calphrase_word_start(s, lo, e);
	}
	if (w != CE_NONE && w < e && calphrase_is(s, w, e, "and"))
		return w;
	if (e > lo && (s[e - 1] == ',' || s[e - 1] == '&'))
		return e - 1;
	return CE_NONE;
}

/* Do two titles end with the same word ("Hearing", "Motion Hearing")? */
static int
ce_same_noun(const char *a, const char *b)
{
	const char	*pa = strrchr(a, ' '), *pb = strrchr(b, ' ');
	size_t		 n;

	pa = pa != NULL ? pa + 1 : a;
	pb = pb != NULL ? pb + 1 : b;
	n = strlen(pb);
	return n > 0 && strlen(pa) == n && ce_lower_eq(pa, pb, n);
}

static int
ce_lower_eq(const char *a, const char *b, size_t n)
{
	size_t	i;
	int	ca, cb;

	for (i = 0; i < n; i++) {
		ca = a[i] >= 'A' && a[i] <= 'Z' ? a[i] + 32 : a[i];
		cb = b[i] >= 'A' && b[i] <= 'Z' ? b[i] + 32 : b[i];
		if (ca != cb)
			return 0;
	}
	return 1;
}

/* A dateless cancellation that a dated one of the entry repeats ("Hearing
 * Cancelled. The hearing set for 3/17/2027 is cancelled"): left out. */
static void
ce_drop_repeats(struct calev_set *o)
{
	size_t	i, j, k;

	for (i = k = 0; i < o->s_n; i++) {
		const struct calev *e = &o->s_ev[i];

		for (j = 0; !e->e_has_date && e->e_cancelled && j < o->s_n; j++)
			if (o->s_ev[j].e_has_date && o->s_ev[j].e_cancelled &&
			    o->s_ev[j].e_kind == e->e_kind &&
			    ce_same_noun(o->s_ev[j].e_title, e->e_title))
				break;
		if (e->e_has_date || !e->e_cancelled || j == o->s_n)
			o->s_ev[k++] = *e;
	}
	o->s_n = k;
}

static void
ce_sentence(struct ce_ctx *x)
{
	const char		*s = x->x_s;
	struct caldate		 d;
	enum caldate_status	 st;
	size_t			 p, e, last = x->x_sa;
	int			 dates = 0, c;

	x->x_cancel = calcue_cancels(s, x->x_sa, x->x_sb);
	memset(&x->x_prev, 0, sizeof(x->x_prev));
	x->x_has_from = 0;
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
		if (x->x_ndates++ >= CALEV_DATES_MAX) {
			x->x_out->s_cut = 1;
			return;
		}
		dates++;
		ce_date(x, p, e, st, &d);
		p = e - 1;
		last = e;
	}
	if (dates == 0 && x->x_cancel)
		ce_dateless(x, x->x_sa);
	else if (x->x_cancel && (p = ce_and_after(s, last, x->x_sb)) != CE_NONE)
		ce_dateless(x, p);
}

void
calev_extract(const struct calev_in *in, struct calev_set *out)
{
	struct ce_ctx	x;
	size_t		i, j, used = 0;
	unsigned	kinds = in->ci_kinds ? in->ci_kinds : CALEV_K_ALL;

	memset(out, 0, sizeof(*out));
	if (in->ci_text == NULL)
		return;
	memset(&x, 0, sizeof(x));
	x.x_in = in;
	x.x_out = out;
	x.x_s = in->ci_text;
	x.x_len = in->ci_len < CALEV_SCAN_MAX ? in->ci_len : CALEV_SCAN_MAX;
	if (!caltext_plain(x.x_s, x.x_len)) {
		x.x_len = caltext_fold(in->ci_text, in->ci_len, out->s_text,
		    sizeof(out->s_text), &used);
		x.x_s = out->s_text;
	}
	if (in->ci_ref.y != 0 && caldate_valid(in->ci_ref.y, in->ci_ref.m,
	    in->ci_ref.d)) {
		x.x_has_ref = 1;
		x.x_ref = caldate_days(in->ci_ref.y, in->ci_ref.m, in->ci_ref.d);
	}
	x.x_reset_hint = calcue_resets(x.x_s, x.x_len);
	for (x.x_sa = 0; x.x_sa < x.x_len; x.x_sa = x.x_sb + 1) {
		x.x_sa = calphrase_skip_blanks(x.x_s, x.x_len, x.x_sa);
		if (x.x_sa >= x.x_len)
			break;
		x.x_sb = calphrase_sentence_end(x.x_s, x.x_len, x.x_sa);
		ce_sentence(&x);
		if (out->s_cut)
			break;
	}
	ce_drop_repeats(out);
	for (i = j = 0; i < out->s_n; i++) {
		unsigned k = out->s_ev[i].e_kind == CALEV_DEADLINE ?
		    CALEV_K_DEADLINE : CALEV_K_HEARING;

		if (kinds & k)
			out->s_ev[j++] = out->s_ev[i];
	}
	out->s_n = j;
	if (x.x_s != in->ci_text)
		ce_unfold(in, used, out);
}

/* Offsets into the folded text -> offsets into the text as given. */
static void
ce_unfold(const struct calev_in *in, size_t used, struct calev_set *out)
{
	size_t	 ends[CALEV_MAX + CALEV_REJ_MAX], *offs[CALTEXT_MAP_MAX];
	size_t	 i, n = 0;

	for (i = 0; i < out->s_n; i++) {
		ends[i] = out->s_ev[i].e_off + out->s_ev[i].e_len;
		offs[n++] = &out->s_ev[i].e_off;
		offs[n++] = &ends[i];
	}
	for (i = 0; i < out->s_nrej; i++) {
		ends[CALEV_MAX + i] = out->s_rej[i].r_off + out->s_rej[i].r_len;
		offs[n++] = &out->s_rej[i].r_off;
		offs[n++] = &ends[CALEV_MAX + i];
	}
	caltext_orig(in->ci_text, used, offs, n);
	for (i = 0; i < out->s_n; i++)
		out->s_ev[i].e_len = ends[i] - out->s_ev[i].e_off;
	for (i = 0; i < out->s_nrej; i++)
		out->s_rej[i].r_len = ends[CALEV_MAX + i] - out->s_rej[i].r_off;
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
