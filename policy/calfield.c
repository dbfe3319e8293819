/*
 * NAME
 *	calfield 3 - titles, times, places and keys of calendar events
 * SYNOPSIS
 *	#include "calfield.h"
 * DESCRIPTION
 *	See calfield.h.  Each reader walks forward or back at most a fixed
 *	number of words or bytes (CF_CLAUSE, CF_PLACE) from where it is
 *	called, so the extractor stays linear.
 * DIAGNOSTICS
 *	None.
 */
#include <stdio.h>
#include <string.h>

#include "calfield.h"
#include "calphrase.h"

#define CF_CLAUSE	160	/* bytes of clause before a deadline phrase */
#define CF_PLACE	CALEV_LOC_MAX
#define CF_WORDS	8	/* words of a title at most */
#define CF_NONE		((size_t)-1)

static size_t	cf_clause_start(const char *, size_t, size_t);
static void	cf_strip_words(char *, const char *const *, size_t, int);
static void	cf_last_words(char *, size_t);
static void	cf_first_words(char *);
static int	cf_has_word(const char *, const char *);
static size_t	cf_judge(const char *, size_t, size_t, char *, size_t);
static size_t	cf_location(const char *, size_t, size_t, int, char *, size_t);
static int	cf_upper(int);
static int	cf_initials(const char *, size_t, size_t);

static int
cf_upper(int c)
{
	return c >= 'A' && c <= 'Z';
}

/* The start of the clause that ends at s[b]: after the last ':', ';',
 * ',', '(' , ')', '[', ']' or " and ", within CF_CLAUSE bytes. */
static size_t
cf_clause_start(const char *s, size_t sa, size_t b)
{
	size_t	lo = b > sa + CF_CLAUSE ? b - CF_CLAUSE : sa, i;

	for (i = b; i > lo; i--) {
		if (strchr(":;,()[]", s[i - 1]) != NULL && s[i - 1] != '\0')
			return i;
		if (i >= lo + 5 && s[i - 1] == ' ' &&
		    calphrase_ends_with(s, lo, i - 1, "and") != CF_NONE &&
		    calphrase_ends_with(s, lo, i - 1, "and") < i - 1)
			return i;
	}
	if (lo > sa)	/* cut inside a word: start at the next one */
		while (lo < b && calphrase_wordc((unsigned char)s[lo]))
			lo++;
	return lo;
}

static int
cf_has_word(const char *t, const char *w)
{
	size_t	n = strlen(w), i, e;

	for (i = 0; t[i] != '\0'; i = e) {
		while (t[i] == ' ')
			i++;
		for (e = i; t[e] != '\0' && t[e] != ' '; e++)
			;
		if (e - i == n && calphrase_is(t, i, e, w))
			return 1;
		if (t[e] == '\0')
			break;
	}
	return 0;
}

/* Remove the words of list from the end (end != 0) or the start of t,
 * again and again. */
static void
cf_strip_words(char *t, const char *const *list, size_t n, int end)
{
	size_t	i, len, k, a;
	int	again = 1;

	while (again) {
		again = 0;
		len = strlen(t);
		for (i = 0; i < n && !again; i++) {
			k = strlen(list[i]);
			if (len < k)
				continue;
			a = end ? len - k : 0;
			if (!calphrase_is(t, a, a + k, list[i]) ||
			    (end && a > 0 && t[a - 1] != ' ') ||
			    (!end && t[k] != '\0' && t[k] != ' '))
				continue;
			if (end)
				t[a] = '\0';
			else
				memmove(t, t + k, len - k + 1);
			calphrase_trim(t, ",");
			again = t[0] != '\0';
		}
	}
}

/* Keep the first CF_WORDS words of t. */
static void
cf_first_words(char *t)
{
	size_t	i, n = 0;

	for (i = 0; t[i] != '\0'; i++)
		if (t[i] == ' ' && ++n == CF_WORDS) {
			t[i] = '\0';
			return;
		}
}

/* Keep the last CF_WORDS words of t. */
static void
cf_last_words(char *t, size_t size)
{
	size_t	len = strlen(t), i, n = 0;

	(void)size;
	for (i = len; i > 0; i--)
		if (t[i - 1] == ' ' && ++n == CF_WORDS) {
			memmove(t, t + i, len - i + 1);
			return;
		}
}

void
calfield_deadline_title(const char *s, size_t sa, size_t sb, size_t tstart,
    int due, size_t after, char *out, size_t size)
{
	static const char *const tail[] = { "shall be filed", "must be filed",
		"to be filed", "be filed", "shall be served", "must be served",
		"is", "are", "shall be",
		"must be", "will be", "to be", "be", "was", "now", "shall",
		"must", "will", "hereby", "are hereby", "is hereby" };
	static const char *const head[] = { "the", "a", "an", "any", "all",
		"and", "or", "that", "its", "their", "his", "her" };
	char	buf[CALEV_TITLE_MAX + 1], clause[CALEV_TITLE_MAX + 1];
	char	full[CALEV_TITLE_MAX + 1];
	size_t	b = calphrase_back_blanks(s, sa, tstart), a, e;

	a = cf_clause_start(s, sa, b);
	calphrase_copy(buf, sizeof(buf), s + a, b - a);
	calphrase_trim(buf, ",.:;-");
	cf_strip_words(buf, tail, sizeof(tail) / sizeof(tail[0]), 1);
	snprintf(full, sizeof(full), "%s", buf);
	cf_last_words(buf, sizeof(buf));
	cf_strip_words(buf, head, sizeof(head) / sizeof(head[0]), 0);
	if (buf[0] == '\0') {
		a = calphrase_skip_blanks(s, sb, after);
		if (a < sb && s[a] == ',')
			a = calphrase_skip_blanks(s, sb, a + 1);
		for (e = a; e < sb && s[e] != ',' && e < a + CF_CLAUSE; e++)
			;
		calphrase_copy(clause, sizeof(clause), s + a, e - a);
		calphrase_trim(clause, ",.:;-");
		cf_first_words(clause);
		if (clause[0] != '\0')
			snprintf(out, size, "Deadline: %s", clause);
		else
			snprintf(out, size, "Deadline");
		return;
	}
	if (cf_has_word(full, "shall") || cf_has_word(full, "must") ||
	    cf_has_word(full, "will") || cf_has_word(full, "may") ||
	    cf_has_word(full, "should")) {
		/* a sentence: its first words say who does what */
		snprintf(buf, sizeof(buf), "%s", full);
		cf_strip_words(buf, head, sizeof(head) / sizeof(head[0]), 0);
		cf_first_words(buf);
		if (buf[0] >= 'a' && buf[0] <= 'z')
			buf[0] = (char)(buf[0] - ('a' - 'A'));
		snprintf(out, size, "Deadline: %s", buf);
		return;
	}
	calphrase_title_case(buf);
	/* "Last Day to Object", "Ready for Trial" say it themselves */
	if (due && !cf_has_word(buf, "due") && !cf_has_word(buf, "deadline") &&
	    !calphrase_has_prefix(buf, 0, strlen(buf), "last day") &&
	    !calphrase_has_prefix(buf, 0, strlen(buf), "last date") &&
	    !calphrase_has_prefix(buf, 0, strlen(buf), "bar date") &&
	    !calphrase_has_prefix(buf, 0, strlen(buf), "ready"))
		snprintf(out, size, "%s due", buf);
	else
		snprintf(out, size, "%s", buf);
}

void
calfield_name_title(const char *s, size_t sb, size_t a, size_t b, char *out,
    size_t size)
{
	if (b > sb)
		b = sb;
	calphrase_copy(out, size, s + a, b > a ? b - a : 0);
	calphrase_trim(out, ",.:;-");
	calphrase_title_case(out);
	if (out[0] == '\0')
		snprintf(out, size, "Hearing");
}

size_t
calfield_time_after(const char *s, size_t sb, size_t q, int *minute,
    enum caldate_zone *zone)
{
	size_t	p, e;

	*minute = -1;
	*zone = CALZ_NONE;
	p = calphrase_skip_blanks(s, sb, q);
	if (p < sb && s[p] == ',')
		p = calphrase_skip_blanks(s, sb, p + 1);
	if ((e = calphrase_starts_with(s, sb, p, "beginning at")) > 0 ||
	    (e = calphrase_starts_with(s, sb, p, "commencing at")) > 0 ||
	    (e = calphrase_starts_with(s, sb, p, "starting at")) > 0 ||
	    (e = calphrase_starts_with(s, sb, p, "by")) > 0 ||
	    (e = calphrase_starts_with(s, sb, p, "at")) > 0)
		p = calphrase_skip_blanks(s, sb, e);
	else if (p < sb && s[p] == '@')
		p = calphrase_skip_blanks(s, sb, p + 1);
	if (caldate_time(s, sb, p, minute, zone, &e) == 0)
		return e;
	*minute = -1;
	*zone = CALZ_NONE;
	return q;
}

/* A judge after "before" (from s[p]): "Judge Jon S. Tigar", "Chief
 * Judge ...", "Honorable P. K. Holmes III".  Returns the end, or 0. */
static size_t
cf_judge(const char *s, size_t sb, size_t p, char *out, size_t size)
{
	static const char *const titles[] = { "chief", "senior", "magistrate",
		"district", "bankruptcy", "u.s.", "united", "states", "us",
		"presiding", "circuit", "visiting" };
	size_t	a, e, i, t0, n = 0, last = 0;
	int	seen = 0;

	p = calphrase_skip_blanks(s, sb, p);
	if ((e = calphrase_starts_with(s, sb, p, "the")) > 0)
		p = calphrase_skip_blanks(s, sb, e);
	t0 = p;
	for (a = p; a < sb && !seen; a = calphrase_skip_blanks(s, sb, e)) {
		e = calphrase_word_end(s, sb, a);
		if (e < sb && s[e] == '.' && calphrase_is(s, a, e, "u"))
			e = calphrase_word_end(s, sb, e + 1) + 1;
		if (calphrase_is(s, a, e, "judge") || calphrase_is(s, a, e, "honorable") ||
		    calphrase_is(s, a, e, "hon") || calphrase_is(s, a, e, "justice")) {
			seen = 1;
			if (e < sb && s[e] == '.')
				e++;
			break;
		}
		for (i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
			if (calphrase_is(s, a, e, titles[i]))
				break;
		if (i == sizeof(titles) / sizeof(titles[0]) || e == a)
			return 0;
	}
	if (!seen)
		return 0;
	for (a = calphrase_skip_blanks(s, sb, e); a < sb && n < 5; n++) {
		e = calphrase_word_end(s, sb, a);
		if (e == a || (!cf_upper((unsigned char)s[a]) &&
		    (unsigned char)s[a] < 0xc0))
			break;
		if (e < sb && s[e] == '.' && (e - a == 1 || calphrase_is(s, a, e,
		    "jr") || calphrase_is(s, a, e, "sr")))
			e++;
		last = e;
		if (e >= sb || s[e] != ' ')
			break;
		a = calphrase_skip_blanks(s, sb, e);
	}
	if (last == 0)
		return 0;
	calphrase_copy(out, size, s + t0, last - t0);
	calphrase_trim(out, ",;:");
	return last;
}

/* "(lw)", "(jas)", "(SM6)": a clerk's initials in parentheses (letters
 * first: "(619)" is an area code). */
static int
cf_initials(const char *s, size_t w, size_t end)
{
	size_t	k;

	if (w + 1 >= end || !((s[w + 1] >= 'a' && s[w + 1] <= 'z') ||
	    (s[w + 1] >= 'A' && s[w + 1] <= 'Z')))
		return 0;
	for (k = w + 1; k < end && k < w + 7 && ((s[k] >= 'a' && s[k] <= 'z') ||
	    (s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= '0' && s[k] <= '9')); k++)
		;
	return k > w + 1 && k < end && s[k] == ')';
}

/* A place at s[p]; bare != 0 allows one without "in"/"at".  Returns the
 * end, or 0. */
static size_t
cf_location(const char *s, size_t sb, size_t p, int bare, char *out,
    size_t size)
{
	static const char *const lead[] = { "in", "at", "via", "on" };
	static const char *const by[] = { "by telephon", "by phone",
		"by video", "by teleconference", "by zoom", "by webex",
		"by remote", "by microsoft", "telephonic", "virtual", "remote",
		"in person" };
	static const char *const stop[] = { "before", "for", "re", "re:",
		"regarding", "concerning", "to", "on", "signed", "ordered",
		"judge", "the", "members", "parties", "counsel", "all", "this",
		"if", "unless", "with" };
	size_t	a = p, e, i, w, end;
	int	ok = 0;

	for (i = 0; i < sizeof(by) / sizeof(by[0]) && !ok; i++)
		if (calphrase_has_prefix(s, p, sb, by[i]) &&
		    (p == 0 || !calphrase_wordc((unsigned char)s[p - 1])))
			ok = 1;
	for (i = 0; i < sizeof(lead) / sizeof(lead[0]) && !ok; i++)
		if ((e = calphrase_starts_with(s, sb, p, lead[i])) > 0) {
			a = calphrase_skip_blanks(s, sb, e);
			ok = a < sb && (i != 3 || calphrase_has_prefix(s, a, sb,
			    "zoom") || calphrase_has_prefix(s, a, sb, "teams"));
		}
	if (!ok && bare && p < sb && (cf_upper((unsigned char)s[p]) ||
	    (s[p] >= '0' && s[p] <= '9'))) {
		e = calphrase_word_end(s, sb, p);
		for (i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
			if (calphrase_is(s, p, e, stop[i]))
				return 0;
		ok = 1;
	}
	if (!ok)
		return 0;
	end = a + CF_PLACE < sb ? a + CF_PLACE : sb;
	for (w = a; w < end; w++) {
		if (s[w] == '[')
			break;
		if (w == a || s[w - 1] != ' ')
			continue;
		e = calphrase_word_end(s, end, w);
		for (i = 0; i < 6; i++)
			if (calphrase_is(s, w, e, stop[i]))
				break;
		if (i < 6)
			break;
		if (s[w] == '(' && w + 3 < end && (cf_initials(s, w, end) ||
		    calphrase_has_prefix(s, w + 1, end, "re") || calphrase_has_prefix(s, w + 1, end, "doc") ||
		    calphrase_has_prefix(s, w + 1, end, "related")))
			break;
	}
	calphrase_copy(out, size, s + a, w - a);
	calphrase_trim(out, ",.;:-(");
	return out[0] != '\0' ? w : 0;
}

void
calfield_place(const char *s, size_t sa, size_t sb, size_t q, int timed,
    size_t datepos, char *loc, size_t locsz, char *judge, size_t judgesz)
{
	size_t	p = q, e, round;
	char	tmp[CALEV_LOC_MAX + 1];

	loc[0] = judge[0] = '\0';
	for (round = 0; round < 3; round++) {
		p = calphrase_skip_blanks(s, sb, p);
		while (p < sb && (s[p] == ',' || s[p] == '-'))
			p = calphrase_skip_blanks(s, sb, p + 1);
		if (p >= sb)
			break;
		if ((e = calphrase_starts_with(s, sb, p, "before")) > 0) {
			if (judge[0] != '\0' || (e = cf_judge(s, sb, e, judge,
			    judgesz)) == 0)
				break;
			p = e;
			continue;
		}
		if (loc[0] != '\0' || (e = cf_location(s, sb, p, timed &&
		    round == 0, tmp, sizeof(tmp))) == 0)
			break;
		snprintf(loc, locsz, "%s", tmp);
		p = e;
	}
	for (p = sa; judge[0] == '\0' && p < datepos; p = e) {
		if ((p = calphrase_find_prefix(s, p, datepos, "before")) == CF_NONE)
			break;
		e = calphrase_word_end(s, sb, p);
		if (calphrase_is(s, p, e, "before"))
			cf_judge(s, sb, e, judge, judgesz);
	}
}

unsigned
calfield_ref(const char *s, size_t a, size_t b)
{
	size_t		i, k;
	unsigned	v;

	for (i = a; i < b; i++) {
		if (s[i] != '[')
			continue;
		for (k = i + 1, v = 0; k < b && k < i + 8 && s[k] >= '0' &&
		    s[k] <= '9'; k++)
			v = v * 10 + (unsigned)(s[k] - '0');
		if (k > i + 1 && k < b && s[k] == ']')
			return v;
	}
	return 0;
}

void
calfield_key(const char *kind, const char *title, unsigned ref, char *out,
    size_t size)
{
	static const char *const unkey[] = {
		"further", "continued", "rescheduled", "reset", "telephonic",
		"telephone", "video", "videoconference", "zoom", "in-person",
		"remote", "virtual", "(motion)", "due", "the", "a", "an",
	};
	char	t[CALEV_TITLE_MAX + 1], kb[CALEV_TITLE_MAX + 1];
	size_t	i, j, a, o = 0;

	for (i = 0; title[i] != '\0' && i < CALEV_TITLE_MAX; i++)
		t[i] = (char)(title[i] >= 'A' && title[i] <= 'Z' ?
		    title[i] + ('a' - 'A') : title[i]);
	t[i] = '\0';
	for (i = 0; t[i] != '\0'; ) {
		while (t[i] == ' ')
			i++;
		for (a = i; t[i] != '\0' && t[i] != ' '; i++)
			;
		if (a == i)
			break;
		for (j = 0; j < sizeof(unkey) / sizeof(unkey[0]); j++)
			if (calphrase_is(t, a, i, unkey[j]))
				break;
		if (j < sizeof(unkey) / sizeof(unkey[0]))
			continue;
		if (o > 0 && o + 1 < sizeof(kb))
			kb[o++] = ' ';
		for (j = a; j < i && o + 1 < sizeof(kb); j++)	/* "pre-trial" */
			if (!(t[j] == '-' && j == a + 3 && calphrase_is(t, a, j, "pre")))
				kb[o++] = t[j];
	}
	kb[o] = '\0';
	if (ref > 0)
		snprintf(out, size, "%s/%s/%u", kind, kb, ref);
	else
		snprintf(out, size, "%s/%s/-", kind, kb);
}
