/*
 * NAME
 *	nefsubj 3 - short description from a notice's subject
 * SUMMARY
 *	"Activity in Case 1:21-cv-01456-MN CBV, Inc. v. ChanBond, LLC Letter"
 *	-> "Letter"
 * SYNOPSIS
 *	#include "nefsubj.h"
 *
 *	void nefsubj_parse(struct nef *n, struct arena *a);
 * DESCRIPTION
 *	The subject formats (cmecf.md section 3.6):
 *
 *	district	Activity in Case DOCKET CASE-NAME DESCRIPTION
 *	CurrentGen NDA	DOCKET CASE-NAME "DESCRIPTION" (the first document's
 *			description is preferred when there is one)
 *	ACMS NDA	CASE-NAME DOCKET - [NNN - ]DESCRIPTION[ - NUMBER]
 *	bankruptcy	many per-court forms: "Ch-7 DOCKET DESC; NAME",
 *			"NEF: DOCKET Ch13 DESC Re: NAME", "DOCKET DESC - CH7
 *			- NAME", "NAME DOCKET Ch 13 DESC", "Multiple Cases
 *			"DOCKET NAME DESC""...
 *
 *	For bankruptcy the subject is cut into segments at " - "; docket
 *	numbers, chapter tokens ("Ch-7", "CH11", "Chapter 13", "AP") and
 *	the debtor's name (the case name as shown, whole or cut short,
 *	before or after the description, or after "Re:" or ";") are
 *	removed, and what is left is the description.  This is a best
 *	effort: a subject the court cut short may lose words.
 * DIAGNOSTICS
 *	None; an unrecognized subject leaves n_short_desc NULL.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "docket.h"
#include "nef.h"
#include "nefsubj.h"

#define SUBJ_MAX	1024
#define NAME_MIN	6	/* shortest cut case name recognized */

static size_t	fold(const char *, char *, size_t);
static void	trim(char *);
static int	strip_prefix_ci(char *, const char *);
static size_t	name_prefix(const char *, const char *);
static void	remove_name(char *, const char *);
static void	remove_tokens(char *);
static int	chapter_token(const char *, size_t);
static void	remove_chapter_name(char *, const struct nef *);
static int	is_name(const struct nef *, const char *);
static void	district(struct nef *, char *, struct arena *);
static void	appellate(struct nef *, char *, struct arena *);
static void	acms(struct nef *, char *, struct arena *);
static void	bankruptcy(struct nef *, char *, struct arena *);
static void	cut(char *, size_t, size_t);

unsigned long
nefsubj_prefix_len(const char *s)
{
	static const char *const pfx[] = { "fwd:", "fw:", "re:", NULL };
	const char	*p = s;
	size_t		 i, n;
	int		 again = 1;

	while (again) {
		again = 0;
		while (isspace((unsigned char)*p))
			p++;
		for (i = 0; pfx[i] != NULL; i++) {
			n = strlen(pfx[i]);
			if (strncasecmp(p, pfx[i], n) == 0) {
				p += n;
				again = 1;
			}
		}
	}
	return (unsigned long)(p - s);
}

/* White space folded into buf; returns the length. */
static size_t
fold(const char *s, char *buf, size_t size)
{
	size_t	n = 0;
	int	sp = 0;

	for (; *s != '\0' && n + 1 < size; s++) {
		if (isspace((unsigned char)*s)) {
			sp = 1;
			continue;
		}
		if (sp && n > 0) {
			if (n + 2 >= size)
				break;
			buf[n++] = ' ';
		}
		sp = 0;
		buf[n++] = *s;
	}
	buf[n] = '\0';
	return n;
}

/* Remove s[off..off+len). */
static void
cut(char *s, size_t off, size_t len)
{
	memmove(s + off, s + off + len, strlen(s + off + len) + 1);
}

static void
trim(char *s)
{
	size_t	n = strlen(s), b = 0;

	while (b < n && (isspace((unsigned char)s[b]) || s[b] == '-' ||
	    s[b] == ';' || s[b] == ',' || s[b] == '"' || s[b] == ':'))
		b++;
	while (n > b && (isspace((unsigned char)s[n - 1]) || s[n - 1] == '-' ||
	    s[n - 1] == ';' || s[n - 1] == ',' || s[n - 1] == '"'))
		n--;
	memmove(s, s + b, n - b);
	s[n - b] = '\0';
}

static int
strip_prefix_ci(char *s, const char *p)
{
	size_t	n = strlen(p);

	if (strncasecmp(s, p, n) != 0)
		return 0;
	cut(s, 0, n);
	while (*s == ' ')
		cut(s, 0, 1);
	return 1;
}

/* Length of the longest prefix of name that s starts with (word end). */
static size_t
name_prefix(const char *s, const char *name)
{
	size_t	n = 0;

	while (s[n] != '\0' && name[n] != '\0' &&
	    tolower((unsigned char)s[n]) == tolower((unsigned char)name[n]))
		n++;
	if (name[n] == '\0')
		return n;
	/* A cut name: at least NAME_MIN bytes, ending where s's word ends. */
	if (n >= NAME_MIN && (s[n] == '\0' || s[n] == ' '))
		return n;
	if (n > NAME_MIN && s[n - 1] == ' ')
		return n - 1;
	return 0;
}

/* Remove the case name (or a cut one) at the start or end of s. */
static void
remove_name(char *s, const char *name)
{
	size_t	n, len, i;
	char	buf[SUBJ_MAX];

	if (name == NULL || *name == '\0')
		return;
	fold(name, buf, sizeof buf);
	if ((n = name_prefix(s, buf)) > 0) {
		cut(s, 0, n);
		return;
	}
	len = strlen(s);
	for (i = 0; i < len; i++) {
		if (i > 0 && s[i - 1] != ' ' && s[i - 1] != '-' &&
		    s[i - 1] != ';' && s[i - 1] != ':')
			continue;
		n = name_prefix(s + i, buf);
		if (n > 0 && (s[i + n] == '\0' || n == strlen(buf))) {
			if (s[i + n] == '\0') {
				s[i] = '\0';
				return;
			}
			cut(s, i, n);
			return;
		}
	}
}

/* "Ch-7", "Ch13", "CH11", and "AP" or "CH" alone ("Chapter" is not). */
static int
chapter_token(const char *w, size_t n)
{
	size_t	i = 0;

	if (n == 2 && (strncasecmp(w, "ap", 2) == 0 ||
	    strncasecmp(w, "ch", 2) == 0))
		return 1;
	if (n < 3 || strncasecmp(w, "ch", 2) != 0)
		return 0;
	i = 2;
	if (w[i] == '-')
		i++;
	if (i == n)
		return 0;
	for (; i < n; i++)
		if (!isdigit((unsigned char)w[i]))
			return 0;
	return 1;
}

/* Drop docket numbers and chapter tokens (and a number after "Ch"). */
static void
remove_tokens(char *s)
{
	size_t		i = 0, n;
	struct docket	d;
	int		after_ch = 0;

	while (s[i] != '\0') {
		while (s[i] == ' ')
			i++;
		for (n = 0; s[i + n] != '\0' && s[i + n] != ' '; n++)
			;
		if (n == 0)
			break;
		if (chapter_token(s + i, n) ||
		    (after_ch && isdigit((unsigned char)s[i]) && n <= 2) ||
		    (memchr(s + i, '-', n) != NULL &&
		    docket_parse(s + i, n, &d) == 0 &&
		    d.d_form != DOCKET_MDL)) {
			after_ch = chapter_token(s + i, n) && n == 2;
			cut(s, i, n);
			continue;
		}
		after_ch = 0;
		i += n;
	}
}

/* "Chapter 13 NAME ..." -> "..." */
static void
remove_chapter_name(char *s, const struct nef *n)
{
	size_t	i, k, m;

	if (strncasecmp(s, "chapter ", 8) != 0)
		return;
	for (k = 8; isdigit((unsigned char)s[k]); k++)
		;
	if (k == 8 || s[k] != ' ')
		return;
	for (i = 0; i < n->n_ncases; i++) {
		const char *name = n->n_cases[i].c_name_shown;

		if (name != NULL && (m = name_prefix(s + k + 1, name)) > 0) {
			cut(s, 0, k + 1 + m);
			return;
		}
	}
}

static void
district(struct nef *n, char *s, struct arena *a)
{
	const struct nef_case *c = &n->n_cases[0];
	size_t		 k, i;
	char		 buf[SUBJ_MAX];

	if (!strip_prefix_ci(s, "Activity in Case"))
		return;
	for (i = 0; i < n->n_ncases; i++) {
		const char *dk = n->n_cases[i].c_number_shown;

		if (dk != NULL && strncmp(s, dk, strlen(dk)) == 0) {
			c = &n->n_cases[i];
			break;
		}
	}
	if (i < n->n_ncases)
		cut(s, 0, strlen(c->c_number_shown));
	else {
		for (k = 0; s[k] != '\0' && s[k] != ' '; k++)
			;
		cut(s, 0, k);
	}
	trim(s);
	if (c->c_name_shown != NULL) {
		fold(c->c_name_shown, buf, sizeof buf);
		k = name_prefix(s, buf);
		if (k == 0)
			return;
		cut(s, 0, k);
	}
	trim(s);
	n->n_short_desc = arena_strdup(a, s);
}

/* The longer of the quoted subject text and the first document's
 * description (underscores read as blanks). */
static void
appellate(struct nef *n, char *s, struct arena *a)
{
	char	*q1, *q2, *d = NULL;
	size_t	 i, qn = 0;

	if (n->n_ndocs > 0 && n->n_docs[0].d_desc != NULL &&
	    n->n_docs[0].d_desc[0] != '\0') {
		d = arena_strdup(a, n->n_docs[0].d_desc);
		for (i = 0; d != NULL && d[i] != '\0'; i++)
			if (d[i] == '_')
				d[i] = ' ';
	}
	q1 = strchr(s, '"');
	q2 = q1 == NULL ? NULL : strrchr(q1 + 1, '"');
	if (q1 != NULL) {
		if (q2 == NULL)
			q2 = s + strlen(s);
		qn = (size_t)(q2 - (q1 + 1));
	}
	if (d != NULL && strlen(d) >= qn)
		n->n_short_desc = d;
	else if (q1 != NULL)
		n->n_short_desc = arena_strndup(a, q1 + 1, qn);
}

/* CASE-NAME DOCKET - [NNN - ]DESCRIPTION[ - NUMBER] */
static void
acms(struct nef *n, char *s, struct arena *a)
{
	struct nef_case	*c = &n->n_cases[0];
	const char	*dk = c->c_number_shown;
	char		*p, *e;
	size_t		 k;

	if (dk == NULL || (p = strstr(s, dk)) == NULL)
		return;
	p += strlen(dk);
	if (strncmp(p, " - ", 3) != 0)
		return;
	p += 3;
	for (k = 0; isdigit((unsigned char)p[k]); k++)
		;
	if (k > 0 && k <= 4 && strncmp(p + k, " - ", 3) == 0) {
		if (c->c_doc_number == NULL) {
			const char *d = p;

			while (*d == '0' && d + 1 < p + k)
				d++;
			c->c_doc_number = arena_strndup(a, d,
			    (size_t)(p + k - d));
		}
		p += k + 3;
	}
	e = strrchr(p, '-');
	if (e != NULL && e > p && e[-1] == ' ' && e[1] == ' ') {
		for (k = 2; isdigit((unsigned char)e[k]); k++)
			;
		if (k > 2 && e[k] == '\0')
			*(e - 1) = '\0';
	}
	trim(p);
	n->n_short_desc = arena_strdup(a, p);
}

/* Does s start with the name (whole or cut) of one of the cases? */
static int
is_name(const struct nef *n, const char *s)
{
	size_t	i;

	for (i = 0; i < n->n_ncases; i++)
		if (n->n_cases[i].c_name_shown != NULL &&
		    name_prefix(s, n->n_cases[i].c_name_shown) > 0)
			return 1;
	return 0;
}

static void
bankruptcy(struct nef *n, char *s, struct arena *a)
{
	char	*q1, *q2, *re;
	size_t	 i;

	strip_prefix_ci(s, "NEF:");
	if (strip_prefix_ci(s, "Multiple Cases")) {
		q1 = strchr(s, '"');
		q2 = q1 == NULL ? NULL : strrchr(q1 + 1, '"');
		if (q1 != NULL && q2 != NULL) {
			*q2 = '\0';
			memmove(s, q1 + 1, strlen(q1 + 1) + 1);
		}
	}
	remove_tokens(s);
	trim(s);
	remove_chapter_name(s, n);
	/* "DESC Re: NAME", "DESC; NAME" */
	if ((re = strstr(s, " Re: ")) != NULL)
		*re = '\0';
	if ((re = strrchr(s, ';')) != NULL && is_name(n, re + 1 +
	    (re[1] == ' ')))
		*re = '\0';
	/* "DESC - NAME": the last segment, when it is a name */
	if ((re = strstr(s, " - ")) != NULL) {
		char *last = re, *nx;

		while ((nx = strstr(last + 3, " - ")) != NULL)
			last = nx;
		if (is_name(n, last + 3))
			*last = '\0';
	}
	trim(s);
	for (i = 0; i < n->n_ncases; i++) {
		size_t before = strlen(s);

		remove_name(s, n->n_cases[i].c_name_shown);
		trim(s);
		if (strlen(s) != before)
			break;
	}
	if (*s != '\0')
		n->n_short_desc = arena_strdup(a, s);
}

void
nefsubj_parse(struct nef *n, struct arena *a)
{
	char	s[SUBJ_MAX];

	if (n->n_subject == NULL || n->n_ncases == 0)
		return;
	fold(n->n_subject + nefsubj_prefix_len(n->n_subject), s, sizeof s);
	strip_prefix_ci(s, "Re-send:");
	switch (n->n_kind) {
	case NEF_DISTRICT:
		district(n, s, a);
		break;
	case NEF_APPELLATE:
		appellate(n, s, a);
		break;
	case NEF_ACMS:
		acms(n, s, a);
		break;
	case NEF_BANKRUPTCY:
		bankruptcy(n, s, a);
		break;
	default:
		break;
	}
}
