/*
 * NAME
 *	calmatch 3 - match a notice's event to the events a case has
 * SYNOPSIS
 *	#include "calmatch.h"
 * DESCRIPTION
 *	See calmatch.h.  A key is "kind/title/cite" (policy/calfield.h);
 *	the parts are compared as strings.
 * DIAGNOSTICS
 *	None.
 */
#include <string.h>

#include "calmatch.h"

static int	cm_parts(const char *, const char **, size_t *, const char **,
		    size_t *);
static int	cm_title_agrees(const char *, size_t, const char *, size_t);
static int	cm_cite_agrees(const char *, size_t, const char *, size_t);
static int	cm_same_cite(const char *, const char *);
static int	cm_same_day(const struct caldate *, const struct caldate *);
static long	cm_day(const struct caldate *);

/* Split "kind/title/cite": title and cite parts; 0 or -1. */
static int
cm_parts(const char *k, const char **t, size_t *tl, const char **c,
    size_t *cl)
{
	const char	*a = k ? strchr(k, '/') : NULL, *b;

	if (a == NULL || (b = strrchr(a + 1, '/')) == NULL)
		return -1;
	*t = a + 1;
	*tl = (size_t)(b - a - 1);
	*c = b + 1;
	*cl = strlen(b + 1);
	return 0;
}

static int
cm_title_agrees(const char *a, size_t al, const char *b, size_t bl)
{
	static const char *const bare[] = { "hearing", "conference", "trial",
		"meeting", "argument" };
	size_t	i, n;

	if (al == bl && memcmp(a, b, al) == 0)
		return 1;
	for (i = 0; i < sizeof(bare) / sizeof(bare[0]); i++) {
		n = strlen(bare[i]);
		if (al == n && memcmp(a, bare[i], n) == 0 && bl > n &&
		    memcmp(b + bl - n, bare[i], n) == 0 && b[bl - n - 1] == ' ')
			return 1;
		if (bl == n && memcmp(b, bare[i], n) == 0 && al > n &&
		    memcmp(a + al - n, bare[i], n) == 0 && a[al - n - 1] == ' ')
			return 1;
	}
	return 0;
}

static int
cm_cite_agrees(const char *a, size_t al, const char *b, size_t bl)
{
	if ((al == 1 && a[0] == '-') || (bl == 1 && b[0] == '-'))
		return 1;
	return al == bl && memcmp(a, b, al) == 0;
}

/* Both keys cite the same entry (not "-"). */
static int
cm_same_cite(const char *ka, const char *kb)
{
	const char	*t, *ca, *cb;
	size_t		 tl, cal, cbl;

	if (cm_parts(ka, &t, &tl, &ca, &cal) != 0 ||
	    cm_parts(kb, &t, &tl, &cb, &cbl) != 0)
		return 0;
	return !(cal == 1 && ca[0] == '-') && cal == cbl &&
	    memcmp(ca, cb, cal) == 0;
}

int
calmatch_same(const char *ka, const char *kb)
{
	const char	*ta, *tb, *ca, *cb;
	size_t		 tal, tbl, cal, cbl;

	if (cm_parts(ka, &ta, &tal, &ca, &cal) != 0 ||
	    cm_parts(kb, &tb, &tbl, &cb, &cbl) != 0)
		return 0;
	return strncmp(ka, kb, (size_t)(ta - ka)) == 0 &&
	    cm_title_agrees(ta, tal, tb, tbl) && cm_cite_agrees(ca, cal, cb, cbl);
}

static int
cm_same_day(const struct caldate *a, const struct caldate *b)
{
	return a->y == b->y && a->m == b->m && a->d == b->d;
}

static long
cm_day(const struct caldate *d)
{
	return caldate_days(d->y, d->m, d->d);
}

long
calmatch_find(const struct calev *ev, int restricted,
    const struct calmatch_rec *recs, size_t n, const struct caldate *today)
{
	long	best = -1, bestday = 0, day, from, there = -1;
	long	now = today != NULL && today->y != 0 ? cm_day(today) : 0;
	size_t	i;
	int	cite, bestcite = 0;

	for (i = 0; i < n; i++) {
		const struct calmatch_rec *r = &recs[i];

		if (r->m_restricted != restricted || r->m_kind != (int)ev->e_kind ||
		    !calmatch_same(ev->e_key, r->m_key))
			continue;
		if (ev->e_has_date && r->m_has_date &&
		    cm_same_day(&ev->e_date, &r->m_date)) {
			if (ev->e_change != CALEV_RESET || !ev->e_has_from)
				return (long)i;	/* the same day */
			if (there < 0 && !r->m_cancelled)
				there = (long)i;
		}
		if (ev->e_change == CALEV_RESET && ev->e_has_from &&
		    r->m_has_date && cm_same_day(&ev->e_from, &r->m_date))
			return (long)i;		/* moved from that day */
		if (r->m_cancelled || !r->m_has_date)
			continue;
		day = cm_day(&r->m_date);
		cite = cm_same_cite(ev->e_key, r->m_key);
		if (ev->e_change == CALEV_NEW) {
			if (cite)
				return (long)i;	/* the same motion's event */
			continue;
		}
		if (ev->e_change == CALEV_CANCEL && ev->e_has_date)
			continue;
		if (now != 0 && day < now)
			continue;
		if (best < 0 || cite > bestcite ||
		    (cite == bestcite && day < bestday)) {
			best = (long)i;
			bestday = day;
			bestcite = cite;
		}
	}
	if (there >= 0)
		return there;	/* moved already: a copy of the move */
	if (best >= 0 || ev->e_change != CALEV_CANCEL || !ev->e_has_date)
		return best;
	/* "The hearing set for 1/15/2027 is vacated": any hearing that day */
	from = cm_day(&ev->e_date);
	for (i = 0; i < n; i++)
		if (recs[i].m_restricted == restricted &&
		    recs[i].m_kind == (int)ev->e_kind && recs[i].m_has_date &&
		    cm_day(&recs[i].m_date) == from &&
		    strncmp(ev->e_key, "hearing/hearing/", 16) == 0)
			return (long)i;
	return -1;
}

int
calmatch_changes(const struct calev *ev, const struct calmatch_rec *r)
{
	if (ev->e_cancelled != r->m_cancelled)
		return 1;
	if (!ev->e_has_date)
		return 0;		/* a cancellation naming no day */
	if (!r->m_has_date || !cm_same_day(&ev->e_date, &r->m_date) ||
	    ev->e_minute != r->m_minute)
		return 1;
	if ((ev->e_tz == NULL) != (r->m_tz == NULL) ||
	    (ev->e_tz != NULL && strcmp(ev->e_tz, r->m_tz) != 0))
		return 1;
	return ev->e_location[0] != '\0' && (r->m_location == NULL ||
	    strcmp(ev->e_location, r->m_location) != 0);
}
