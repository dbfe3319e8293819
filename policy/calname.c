/*
 * NAME
 *	calname 3 - names of court events
 * SYNOPSIS
 *	#include "calname.h"
 * DESCRIPTION
 *	See calname.h.  The word lists are those of CM/ECF's event names
 *	and of judges' scheduling orders.
 * DIAGNOSTICS
 *	None.
 */
#include <string.h>

#include "calname.h"
#include "calphrase.h"

/* Is s[a..b) the name of a court event? */
int
calname_is_event(const char *s, size_t a, size_t b)
{
	static const char *const pre[] = {
		"hearing", "conferenc", "trial", "meeting", "mediation",
		"arraignment", "sentencing", "argument", "deposition",
		"appearance", "selection", "examination", "pretrial",
	};
	static const char *const whole[] = { "plea", "dire", "session",
		"call", "calls" };
	size_t	i, h;

	for (h = b; h > a && s[h - 1] != '-'; h--)
		;
	for (i = 0; i < sizeof(pre) / sizeof(pre[0]); i++)
		if (calphrase_has_prefix(s, h, b, pre[i]))
			return 1;
	for (i = 0; i < sizeof(whole) / sizeof(whole[0]); i++)
		if (calphrase_is(s, h, b, whole[i]))
			return 1;
	return 0;
}

/* Words that may stand before an event's name in its title. */
int
calname_is_modifier(const char *s, size_t a, size_t b)
{
	static const char *const mods[] = {
		"status", "scheduling", "settlement", "pretrial", "pre-trial",
		"final", "initial", "motion", "jury", "bench", "evidentiary",
		"oral", "preliminary", "confirmation", "sentencing",
		"detention", "case", "management", "show", "cause", "change",
		"plea", "omnibus", "telephonic", "telephone", "video", "zoom",
		"in-person", "discovery", "markman", "claim", "construction",
		"competency", "suppression", "daubert", "expedited",
		"emergency", "combined", "disclosure", "sale", "compliance",
		"continued", "rescheduled", "further", "interim", "first",
		"day", "creditors", "rule", "contempt", "fairness", "approval",
		"revocation", "supervised", "release", "violation", "hearing",
		"trial", "calendar", "docket", "tentative", "prehearing",
		"pre-hearing", "chambers", "chapter", "mediation", "adr",
		"arraignment", "resentencing", "plan", "valuation", "dismissal",
		"injunction", "restraining", "pre-confirmation", "damages",
		"class", "certification", "summary", "judgment", "remote",
		"virtual", "in-chambers", "readiness", "pre-sentence",
		"sentence", "pre-plea", "appellate", "en", "banc",
	};
	size_t	i, k;

	for (k = a; k < b && ((s[k] >= '0' && s[k] <= '9') || s[k] == '(' ||
	    s[k] == ')' || (s[k] >= 'a' && s[k] <= 'z' && k > a)); k++)
		;
	if (k == b && s[a] >= '0' && s[a] <= '9')
		return 1;		/* "341", "341(a)", "2004", "26(f)" */
	for (i = 0; i < sizeof(mods) / sizeof(mods[0]); i++)
		if (calphrase_is(s, a, b, mods[i]))
			return 1;
	return calname_is_event(s, a, b);
}

/* The first word of the name whose last word is s[na..nb): up to four
 * words before it, joined by blanks (or "of" between two of them), that
 * name a kind of event. */
size_t
calname_start(const char *s, size_t lo, size_t na, size_t nb)
{
	size_t	a = na, e, w, n;

	(void)nb;
	for (n = 0; n < 4; n++) {
		e = a;
		if (e <= lo || (s[e - 1] != ' ' && s[e - 1] != '\t'))
			break;
		e = calphrase_back_blanks(s, lo, e);
		w = calphrase_word_start(s, lo, e);
		if (w == CALPHRASE_NONE || w == e)
			break;
		if (calphrase_is(s, w, e, "of") && w > lo + 2) {
			size_t e2 = calphrase_back_blanks(s, lo, w);
			size_t w2 = calphrase_word_start(s, lo, e2);

			if (w2 != CALPHRASE_NONE && w2 < e2 &&
			    calname_is_modifier(s, w2, e2)) {
				a = w2;
				continue;
			}
			break;
		}
		if (!calname_is_modifier(s, w, e))
			break;
		a = w;
	}
	return a;
}

/* The end of a name: " of Creditors" after "Meeting" belongs to it. */
size_t
calname_end(const char *s, size_t len, size_t nb)
{
	size_t	e = calphrase_starts_with(s, len, calphrase_skip_blanks(s, len,
	    nb), "of creditors");

	return e > 0 && nb < len && s[nb] == ' ' ? e : nb;
}

/* The last event name in s[lo..end): its last word in *na..return. */
size_t
calname_last(const char *s, size_t lo, size_t end, size_t *na)
{
	size_t	e = end, w;

	while (e > lo) {
		while (e > lo && !calphrase_wordc((unsigned char)s[e - 1]))
			e--;
		w = calphrase_word_start(s, lo, e);
		if (w == CALPHRASE_NONE)
			break;
		if (calname_is_event(s, w, e)) {
			*na = w;
			return e;
		}
		e = w;
	}
	return CALNAME_NONE;
}

