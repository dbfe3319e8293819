/*
 * NAME
 *	nefchange 3 - modified and corrected entries
 * SUMMARY
 *	"Modified Dkt text from: X to: Y" -> struct nef_change
 * SYNOPSIS
 *	#include "nefchange.h"
 *
 *	void nefchange_read(struct nef *n, const struct nefline_doc *d,
 *	    const char *subject);
 *	const char *nefchange_label(const struct nef *n);
 * DESCRIPTION
 *	See nefchange.h.  The phrases are matched ASCII case-insensitively
 *	in the visible text (linear search); what follows a phrase is read
 *	to the end of its line.
 * DIAGNOSTICS
 *	None.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "nef.h"
#include "nefchange.h"
#include "neffield.h"
#include "nefline.h"

#define PHRASE_MAX	240	/* bytes of ch_phrase */
#define REST_MAX	4096	/* bytes read after a phrase */

struct phrase {
	const char	*ph_text;	/* lowercase */
	unsigned	 ph_what;
};

static const struct phrase phrases[] = {
	{ "modified dkt text from", NEF_CHG_TEXT },
	{ "modified docket text from", NEF_CHG_TEXT },
	{ "modified date filed from", NEF_CHG_DATE },
	{ "modified filed date from", NEF_CHG_DATE },
	{ "added correct pdf to document", NEF_CHG_PDF },
	{ "added corrected pdf to document", NEF_CHG_PDF },
	{ "added correct pdf", NEF_CHG_PDF },
	{ "has been updated", NEF_CHG_UPDATED },
	{ NULL, 0 }
};

static size_t	 rest(const struct nefline_doc *, const char *);
static const char *find_ci(const char *, size_t, const char *);
static void	 from_to(struct nef *, unsigned, const char *, size_t);
static char	*digits_after(struct nef *, const char *, size_t,
		    const char *);
static char	*related(struct nef *, const char *, size_t);
static void	 make_key(struct nef *);
static int	 updated_line(const char *, size_t);

/* Bytes from p to the end of its line. */
static size_t
rest(const struct nefline_doc *d, const char *p)
{
	const char	*end = d->nd_text + d->nd_len, *nl;
	size_t		 n;

	nl = memchr(p, '\n', (size_t)(end - p));
	n = (size_t)((nl == NULL ? end : nl) - p);
	return n > REST_MAX ? REST_MAX : n;
}

static const char *
find_ci(const char *s, size_t len, const char *needle)
{
	return nefline_find(s, len, needle);
}

/* "Docket Entry #N has been updated": the phrase is that whole line. */
static int
updated_line(const char *s, size_t len)
{
	const char	*p = find_ci(s, len, "docket entry #");

	return p != NULL && find_ci(p, len - (size_t)(p - s),
	    "has been updated") != NULL;
}

/* The old and new text or date after the phrase (s is what follows). */
static void
from_to(struct nef *n, unsigned what, const char *s, size_t len)
{
	struct nef_change *ch = &n->n_change;
	const char	*to, *end = s + len, *re;
	char		 iso[11];
	size_t		 k;

	while (s < end && (*s == ':' || *s == ' '))
		s++;
	if ((re = find_ci(s, (size_t)(end - s), " (re:")) != NULL)
		end = re;
	if (what == NEF_CHG_DATE) {
		if ((k = nefline_date(s, (size_t)(end - s), iso)) > 0)
			ch->ch_from = neffield_dup(n, s, k, 16);
		to = find_ci(s, (size_t)(end - s), " to ");
		if (to != NULL && (k = nefline_date(to + 4,
		    (size_t)(end - to - 4), iso)) > 0)
			ch->ch_to = neffield_dup(n, to + 4, k, 16);
		return;
	}
	to = find_ci(s, (size_t)(end - s), " to:");
	ch->ch_from = neffield_dup(n, s, (size_t)((to ? to : end) - s), 0);
	if (to != NULL) {
		to += 4;
		while (to < end && *to == ' ')
			to++;
		ch->ch_to = neffield_dup(n, to, (size_t)(end - to), 0);
	}
}

/* The digits after needle in s ("docket entry #" -> "314"). */
static char *
digits_after(struct nef *n, const char *s, size_t len, const char *needle)
{
	const char	*p = find_ci(s, len, needle), *end = s + len;
	size_t		 k;

	if (p == NULL)
		return NULL;
	p += strlen(needle);
	while (p < end && (*p == ' ' || *p == '#' || *p == '['))
		p++;
	for (k = 0; p + k < end && k < 16 && isdigit((unsigned char)p[k]); k++)
		;
	return k > 0 ? arena_strndup(n->n_arena, p, k) : NULL;
}

/* The entry a phrase's line points at. */
static char *
related(struct nef *n, const char *s, size_t len)
{
	static const char *const marks[] = { "related document(s)",
	    "related document", "to document", "document number", "re:", NULL };
	char	*e;
	size_t	 i;

	for (i = 0; marks[i] != NULL; i++)
		if ((e = digits_after(n, s, len, marks[i])) != NULL)
			return e;
	return NULL;
}

/* "c" + YYYYMMDD + HHMM (24-hour) from the transaction line. */
static void
make_key(struct nef *n)
{
	struct nef_change *ch = &n->n_change;
	const char	*d = n->n_date_entered[0] ? n->n_date_entered :
			    n->n_date_filed, *t = n->n_time_entered;
	char		*end;
	long		 h = -1, m = 0;

	if (d[0] == '\0') {
		snprintf(ch->ch_key, sizeof ch->ch_key, "c");
		return;
	}
	if (t != NULL && isdigit((unsigned char)t[0])) {
		h = strtol(t, &end, 10);
		if (*end == ':')
			m = strtol(end + 1, &end, 10);
		while (*end == ' ')
			end++;
		if ((end[0] | 0x20) == 'p' && h < 12)
			h += 12;
		else if ((end[0] | 0x20) == 'a' && h == 12)
			h = 0;
		if (h < 0 || h > 23 || m < 0 || m > 59)
			h = -1;
	}
	if (h >= 0)
		snprintf(ch->ch_key, sizeof ch->ch_key, "c%.4s%.2s%.2s%02ld%02ld",
		    d, d + 5, d + 8, h, m);
	else
		snprintf(ch->ch_key, sizeof ch->ch_key, "c%.4s%.2s%.2s", d,
		    d + 5, d + 8);
}

void
nefchange_read(struct nef *n, const struct nefline_doc *d, const char *subj)
{
	struct nef_change *ch = &n->n_change;
	const char	*p, *line = NULL;
	size_t		 i, len = 0, sl;

	for (i = 0; phrases[i].ph_text != NULL; i++) {
		p = nefline_doc_find(d, 0, d->nd_len, phrases[i].ph_text);
		if (p == NULL || (ch->ch_what & phrases[i].ph_what))
			continue;
		if (phrases[i].ph_what == NEF_CHG_UPDATED) {
			/* only in "Docket Entry #N has been updated" */
			while (p > d->nd_text && p[-1] != '\n')
				p--;
			if (!updated_line(p, rest(d, p)))
				continue;
		}
		ch->ch_what |= phrases[i].ph_what;
		if (line == NULL) {
			line = p;
			len = rest(d, p);
		}
		if (phrases[i].ph_what & (NEF_CHG_TEXT | NEF_CHG_DATE))
			from_to(n, phrases[i].ph_what, p + strlen(
			    phrases[i].ph_text), rest(d, p) - strlen(
			    phrases[i].ph_text));
	}
	sl = subj != NULL ? strnlen(subj, NEF_SUBJECT_MAX) : 0;
	if (sl > 0 && updated_line(subj, sl))
		ch->ch_what |= NEF_CHG_UPDATED;
	if (ch->ch_what == 0)
		return;
	if (line != NULL)
		ch->ch_phrase = neffield_fold(n, line, len < PHRASE_MAX ? len :
		    PHRASE_MAX, 0);
	else if (sl > 0)	/* the subject said so */
		ch->ch_phrase = neffield_fold(n, subj, sl < PHRASE_MAX ? sl :
		    PHRASE_MAX, 0);
	ch->ch_entry = sl > 0 ? digits_after(n, subj, sl, "docket entry #") :
	    NULL;
	if (ch->ch_entry == NULL && line != NULL)
		ch->ch_entry = updated_line(line, len) ?
		    digits_after(n, line, len, "docket entry #") :
		    related(n, line, len);
	if (ch->ch_entry == NULL && n->n_ncases > 0 &&
	    n->n_cases[0].c_doc_number != NULL)
		ch->ch_entry = n->n_cases[0].c_doc_number;
	if (ch->ch_entry == NULL)
		n->n_partial |= NEF_PART_ENTRY;
	make_key(n);
}

const char *
nefchange_label(const struct nef *n)
{
	unsigned w = n->n_change.ch_what;

	if (w & NEF_CHG_PDF)
		return "corrected";
	if (w & (NEF_CHG_TEXT | NEF_CHG_DATE))
		return "modified";
	return w ? "updated" : NULL;
}

const char *
nefchange_name(unsigned bit)
{
	switch (bit) {
	case NEF_CHG_TEXT:	return "docket-text";
	case NEF_CHG_DATE:	return "date-filed";
	case NEF_CHG_PDF:	return "corrected-pdf";
	case NEF_CHG_UPDATED:	return "updated";
	default:		return "?";
	}
}
