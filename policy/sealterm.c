/*
 * NAME
 *	sealterm 3 - the seal/redact detector
 * SUMMARY
 *	find seal/redact words and extra terms at word starts, less the
 *	occurrences covered by exceptions
 * SYNOPSIS
 *	#include "sealterm.h"
 *
 *	int sealterm_new(const char *const *terms, size_t nterms,
 *	    const char *const *exceptions, size_t nexceptions,
 *	    struct sealterm **out, char *err, size_t errsz);
 *	struct sealterm *sealterm_free(struct sealterm *st);
 *	int sealterm_scan(const struct sealterm *st,
 *	    const struct sealterm_case *cases, size_t ncases,
 *	    const char *text, size_t len, struct sealterm_match *m);
 * DESCRIPTION
 *	See sealterm.h for the rules.  The scan is one pass over the text.
 *	At each position, the exceptions that start there extend
 *	"covered", the end of the furthest exception occurrence begun so
 *	far; then the terms are tried, and a term match ending at or before
 *	"covered" lies inside an occurrence (the one reaching furthest
 *	began at or before the match), so it is covered.
 * DIAGNOSTICS
 *	sealterm_new() names a bad entry in English; sealterm_scan() never
 *	fails.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "docket.h"
#include "sealterm.h"
#include "text.h"

/* Longest run of bytes one blank in a term or phrase stands for. */
#define SEP_RUN_MAX	64
/* Joiners skipped in a row inside a word. */
#define JOIN_RUN_MAX	8
/* Cases of one notice looked at for per-case exceptions. */
#define CASES_MAX	32

struct st_term {
	char	*t_pat;		/* lowercase; ' ' stands for a separator run */
};

struct st_exc {
	char		*e_phrase;		/* lowercase, blanks collapsed */
	char		 e_court[SEALTERM_COURT_MAX + 1]; /* "" global, "*" */
	int		 e_anycase;		/* docket "*" */
	struct docket	 e_docket;
};

struct sealterm {
	struct st_term	*st_terms;
	size_t		 st_nterms;
	struct st_exc	*st_excs;
	size_t		 st_nexcs;
	unsigned char	 st_first[256];	/* first bytes of extra terms */
};

static const struct builtin {
	const char	*b_pat;
	const char	*b_term;
} builtins[] = {
	{ "seal", "seal" }, { "unseal", "seal" }, { "reseal", "seal" },
	{ "nonseal", "seal" }, { "underseal", "seal" }, { "preseal", "seal" },
	{ "redact", "redact" }, { "unredact", "redact" },
	{ "reredact", "redact" }, { "nonredact", "redact" },
	{ "underredact", "redact" }, { "preredact", "redact" },
};
#define NBUILTINS	(sizeof(builtins) / sizeof(builtins[0]))

static int	lower(int);
static int	is_alpha(int);
static int	is_alnum(int);
static size_t	invisible(const unsigned char *, size_t, size_t);
static size_t	skip_joiners(const unsigned char *, size_t, size_t);
static int	term_match(const unsigned char *, size_t, size_t, const char *,
		    size_t *);
static int	spaced_match(const unsigned char *, size_t, size_t,
		    const char *, size_t *);
static int	phrase_match(const unsigned char *, size_t, size_t,
		    const char *, size_t *);
static char	*normalize(const char *, size_t);
static int	add_term(struct sealterm *, const char *, char *, size_t);
static int	add_exc(struct sealterm *, const char *, char *, size_t);
static int	num_eq(const char *, const char *);
static int	docket_eq(const struct docket *, const struct docket *);
static int	exc_applies(const struct st_exc *, const struct sealterm_case *,
		    const struct docket *, const int *, size_t);
static int	try_terms(const struct sealterm *, const unsigned char *,
		    size_t, size_t, size_t, const char **, size_t *);
static void	report(const unsigned char *, size_t, size_t, size_t,
		    const char *, struct sealterm_match *);

static int
lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static int
is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int
is_alnum(int c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

/* Bytes of an invisible format character at t[i] (UTF-8), or 0. */
static size_t
invisible(const unsigned char *t, size_t len, size_t i)
{
	if (i + 1 < len && t[i] == 0xc2 && t[i + 1] == 0xad)
		return 2;				/* U+00AD */
	if (i + 2 < len && t[i] == 0xe2 && t[i + 1] == 0x80 &&
	    t[i + 2] >= 0x8b && t[i + 2] <= 0x8d)
		return 3;				/* U+200B-D */
	if (i + 2 < len && t[i] == 0xe2 && t[i + 1] == 0x81 &&
	    t[i + 2] == 0xa0)
		return 3;				/* U+2060 */
	if (i + 2 < len && t[i] == 0xef && t[i + 1] == 0xbb &&
	    t[i + 2] == 0xbf)
		return 3;				/* U+FEFF */
	return 0;
}

/*
 * skip_joiners -- past a short run of joiners at t[i] when a letter
 * follows it; else i unchanged.
 */
static size_t
skip_joiners(const unsigned char *t, size_t len, size_t i)
{
	size_t	j = i, k, inv;

	for (k = 0; k < JOIN_RUN_MAX && j < len; k++) {
		if ((inv = invisible(t, len, j)) > 0)
			j += inv;
		else if (strchr("-_.*'", t[j]) != NULL && t[j] != '\0')
			j++;
		else
			break;
	}
	return (j < len && is_alpha(t[j])) ? j : i;
}

/*
 * term_match -- does pat match t at i, joiners skipped between letters?
 * Sets *endp past the match.  Returns 1 or 0.
 */
static int
term_match(const unsigned char *t, size_t len, size_t i, const char *pat,
    size_t *endp)
{
	size_t	j = i, k, s;

	for (k = 0; pat[k] != '\0'; k++) {
		if (pat[k] == ' ') {
			for (s = j; j < len && !is_alnum(t[j]) &&
			    j - s < SEP_RUN_MAX; j++)
				;
			if (j == s)
				return 0;
			continue;
		}
		if (k > 0 && pat[k - 1] != ' ')
			j = skip_joiners(t, len, j);
		if (j >= len || lower(t[j]) != (unsigned char)pat[k])
			return 0;
		j++;
	}
	*endp = j;
	return 1;
}

/* pat (letters only) spelt out as single letters: "S E A L". */
static int
spaced_match(const unsigned char *t, size_t len, size_t i, const char *pat,
    size_t *endp)
{
	size_t	j = i, k;

	if (strchr(pat, ' ') != NULL || strlen(pat) < 3)
		return 0;
	for (k = 0; pat[k] != '\0'; k++) {
		if (k > 0) {
			if (j >= len || t[j] != ' ')
				return 0;
			j++;
		}
		if (j >= len || lower(t[j]) != (unsigned char)pat[k])
			return 0;
		j++;
		if (j < len && is_alpha(t[j]))
			return 0;
	}
	*endp = j;
	return 1;
}

/*
 * phrase_match -- an exception phrase at t[i]: letters exact (case
 * aside), a blank matching a run of white space (no-break spaces too),
 * and a word boundary after a final letter or digit.
 */
static int
phrase_match(const unsigned char *t, size_t len, size_t i,
    const char *phrase, size_t *endp)
{
	size_t	j = i, k, s;

	for (k = 0; phrase[k] != '\0'; k++) {
		if (phrase[k] == ' ') {
			for (s = j; j < len && j - s < SEP_RUN_MAX;) {
				if (t[j] == ' ' || t[j] == '\t' || t[j] == '\r' ||
				    t[j] == '\n')
					j++;
				else if (j + 1 < len && t[j] == 0xc2 &&
				    t[j + 1] == 0xa0)
					j += 2;
				else
					break;
			}
			if (j == s)
				return 0;
			continue;
		}
		if (j >= len || lower(t[j]) != (unsigned char)phrase[k])
			return 0;
		j++;
	}
	if (k > 0 && is_alnum((unsigned char)phrase[k - 1]) && j < len &&
	    is_alnum(t[j]))
		return 0;
	*endp = j;
	return 1;
}

/*
 * normalize -- lowercase ASCII copy of s[0..n) with white space runs
 * made one blank and trimmed.  NULL on a control character, an empty
 * result, or no memory.
 */
static char *
normalize(const char *s, size_t n)
{
	char	*out;
	size_t	 i, o = 0;
	int	 blank = 0;

	if ((out = malloc(n + 1)) == NULL)
		return NULL;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t') {
			blank = o > 0;
			continue;
		}
		if (c < 0x20 || c == 0x7f) {
			free(out);
			return NULL;
		}
		if (blank)
			out[o++] = ' ';
		blank = 0;
		out[o++] = (char)lower(c);
	}
	out[o] = '\0';
	if (o == 0) {
		free(out);
		return NULL;
	}
	return out;
}

static int
add_term(struct sealterm *st, const char *s, char *err, size_t errsz)
{
	char		 shown[80];
	char		*pat;
	size_t		 n = strlen(s);

	text_printable(shown, sizeof(shown), s, n);
	if (n > SEALTERM_TERM_MAX)
		return text_errf(err, errsz, "restricted_terms: \"%s\" is longer "
		    "than %d bytes", shown, SEALTERM_TERM_MAX);
	if ((pat = normalize(s, n)) == NULL)
		return text_errf(err, errsz, "restricted_terms: \"%s\" is empty or "
		    "holds a control character", shown);
	if (!is_alnum((unsigned char)pat[0]) && (unsigned char)pat[0] < 0x80) {
		free(pat);
		return text_errf(err, errsz, "restricted_terms: \"%s\" must start "
		    "with a letter or digit", shown);
	}
	st->st_terms[st->st_nterms++].t_pat = pat;
	st->st_first[(unsigned char)pat[0]] = 1;
	if (pat[0] >= 'a' && pat[0] <= 'z')
		st->st_first[(unsigned char)pat[0] - ('a' - 'A')] = 1;
	return 0;
}

/* One restricted_exceptions entry; see sealterm.h for the syntax. */
static int
add_exc(struct sealterm *st, const char *s, char *err, size_t errsz)
{
	struct st_exc	*e = &st->st_excs[st->st_nexcs];
	char		 shown[80], court[16];
	const char	*w1, *w2, *rest;
	size_t		 n, l1, l2, i;
	int		 courtish;

	text_printable(shown, sizeof(shown), s, strlen(s));
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		s++;
		n -= 2;
	}
	if (n > SEALTERM_PHRASE_MAX)
		return text_errf(err, errsz, "restricted_exceptions: \"%s\" is "
		    "longer than %d bytes", shown, SEALTERM_PHRASE_MAX);
	memset(e, 0, sizeof(*e));
	w1 = s;
	for (l1 = 0; l1 < n && w1[l1] != ' ' && w1[l1] != '\t'; l1++)
		;
	for (w2 = w1 + l1; w2 < s + n && (*w2 == ' ' || *w2 == '\t'); w2++)
		;
	for (l2 = 0; w2 + l2 < s + n && w2[l2] != ' ' && w2[l2] != '\t'; l2++)
		;
	for (rest = w2 + l2; rest < s + n && (*rest == ' ' || *rest == '\t');
	    rest++)
		;
	courtish = l1 == 1 && w1[0] == '*';
	if (!courtish && l1 >= 2 && l1 <= SEALTERM_COURT_MAX) {
		for (i = 0; i < l1 && ((w1[i] >= 'a' && w1[i] <= 'z') ||
		    (w1[i] >= '0' && w1[i] <= '9')); i++)
			;
		courtish = i == l1;
	}
	if (courtish && l2 > 0 && ((l2 == 1 && w2[0] == '*') ||
	    docket_parse(w2, l2, &e->e_docket) == 0)) {
		if (rest >= s + n)
			return text_errf(err, errsz, "restricted_exceptions: \"%s\" "
			    "names a case but no phrase", shown);
		memcpy(court, w1, l1);
		court[l1] = '\0';
		text_strlcpy(e->e_court, court, sizeof(e->e_court));
		e->e_anycase = l2 == 1 && w2[0] == '*';
		if (e->e_anycase && strcmp(court, "*") == 0)
			e->e_court[0] = '\0';	/* "* *": global */
		n -= (size_t)(rest - s);
		s = rest;
	}
	if ((e->e_phrase = normalize(s, n)) == NULL)
		return text_errf(err, errsz, "restricted_exceptions: \"%s\" has an "
		    "empty phrase or a control character", shown);
	st->st_nexcs++;
	return 0;
}

int
sealterm_new(const char *const *terms, size_t nterms,
    const char *const *exceptions, size_t nexceptions,
    struct sealterm **out, char *err, size_t errsz)
{
	struct sealterm	*st;
	size_t		 i;

	if (out == NULL)
		return text_errf(err, errsz, "sealterm_new: no result pointer");
	*out = NULL;
	if (nterms > SEALTERM_TERMS_MAX)
		return text_errf(err, errsz, "restricted_terms: more than %d "
		    "entries", SEALTERM_TERMS_MAX);
	if (nexceptions > SEALTERM_EXCEPTIONS_MAX)
		return text_errf(err, errsz, "restricted_exceptions: more than %d "
		    "entries", SEALTERM_EXCEPTIONS_MAX);
	if ((st = calloc(1, sizeof(*st))) == NULL ||
	    (nterms > 0 && (st->st_terms = calloc(nterms,
	    sizeof(*st->st_terms))) == NULL) ||
	    (nexceptions > 0 && (st->st_excs = calloc(nexceptions,
	    sizeof(*st->st_excs))) == NULL)) {
		sealterm_free(st);
		return text_errf(err, errsz, "sealterm: out of memory");
	}
	for (i = 0; i < nterms; i++)
		if (add_term(st, terms[i] ? terms[i] : "", err, errsz) != 0)
			goto fail;
	for (i = 0; i < nexceptions; i++)
		if (add_exc(st, exceptions[i] ? exceptions[i] : "", err,
		    errsz) != 0)
			goto fail;
	*out = st;
	return 0;
fail:
	sealterm_free(st);
	return -1;
}

struct sealterm *
sealterm_free(struct sealterm *st)
{
	size_t	i;

	if (st == NULL)
		return NULL;
	for (i = 0; i < st->st_nterms; i++)
		free(st->st_terms[i].t_pat);
	free(st->st_terms);
	for (i = 0; i < st->st_nexcs; i++)
		free(st->st_excs[i].e_phrase);
	free(st->st_excs);
	free(st);
	return NULL;
}

/* Equal digit strings, leading zeros aside. */
static int
num_eq(const char *a, const char *b)
{
	while (*a == '0' && a[1] != '\0')
		a++;
	while (*b == '0' && b[1] != '\0')
		b++;
	return strcmp(a, b) == 0;
}

/* Does the configured docket c name the notice's docket d? */
static int
docket_eq(const struct docket *c, const struct docket *d)
{
	if ((c->d_form == DOCKET_MDL) != (d->d_form == DOCKET_MDL))
		return 0;
	if (!num_eq(c->d_number, d->d_number))
		return 0;
	if (c->d_form == DOCKET_MDL)
		return 1;
	if (strcmp(c->d_year, d->d_year) != 0)
		return 0;
	if (c->d_office[0] != '\0' && !num_eq(c->d_office, d->d_office))
		return 0;
	return c->d_type[0] == '\0' || strcmp(c->d_type, d->d_type) == 0;
}

static int
exc_applies(const struct st_exc *e, const struct sealterm_case *cases,
    const struct docket *dk, const int *dk_ok, size_t ncases)
{
	size_t	i;

	if (e->e_court[0] == '\0')
		return 1;
	for (i = 0; i < ncases; i++) {
		if (strcmp(e->e_court, "*") != 0 && (cases[i].sc_court == NULL ||
		    strcasecmp(e->e_court, cases[i].sc_court) != 0))
			continue;
		if (e->e_anycase || (dk_ok[i] && docket_eq(&e->e_docket,
		    &dk[i])))
			return 1;
	}
	return 0;
}

/*
 * try_terms -- the built-in words and the extra terms at t[i].  Sets
 * *term and *endp to an uncovered match (one ending past covered), the
 * first found.  Returns 1 when there is one.
 */
static int
try_terms(const struct sealterm *st, const unsigned char *t, size_t len,
    size_t i, size_t covered, const char **term, size_t *endp)
{
	size_t	k, e;
	int	c = lower(t[i]);

	if (c == 's' || c == 'r' || c == 'u' || c == 'n' || c == 'p')
		for (k = 0; k < NBUILTINS; k++)
			if ((term_match(t, len, i, builtins[k].b_pat, &e) ||
			    spaced_match(t, len, i, builtins[k].b_pat, &e)) &&
			    e > covered) {
				*term = builtins[k].b_term;
				*endp = e;
				return 1;
			}
	if (st == NULL || !st->st_first[t[i]])
		return 0;
	for (k = 0; k < st->st_nterms; k++)
		if ((term_match(t, len, i, st->st_terms[k].t_pat, &e) ||
		    spaced_match(t, len, i, st->st_terms[k].t_pat, &e)) &&
		    e > covered) {
			*term = st->st_terms[k].t_pat;
			*endp = e;
			return 1;
		}
	return 0;
}

/* Fill *m for a match at t[i..e) of term. */
static void
report(const unsigned char *t, size_t len, size_t i, size_t e,
    const char *term, struct sealterm_match *m)
{
	size_t	j;

	if (m == NULL)
		return;
	for (;;) {	/* the rest of the word, for the log */
		j = e + invisible(t, len, e);
		if (j < len && is_alpha(t[j]) && j - i < SEALTERM_WORD_SIZE - 1)
			e = j + 1;
		else
			break;
	}
	m->sm_off = i;
	m->sm_len = e - i;
	text_printable(m->sm_word, sizeof(m->sm_word), (const char *)t + i,
	    e - i);
	text_strlcpy(m->sm_term, term, sizeof(m->sm_term));
}

int
sealterm_scan(const struct sealterm *st, const struct sealterm_case *cases,
    size_t ncases, const char *text, size_t len, struct sealterm_match *m)
{
	const unsigned char	*t = (const unsigned char *)text;
	struct docket		 dk[CASES_MAX];
	int			 dk_ok[CASES_MAX];
	unsigned char		 app[SEALTERM_EXCEPTIONS_MAX];
	size_t			 n, i, k, e, covered = 0;
	const char		*term;

	if (m != NULL)
		memset(m, 0, sizeof(*m));
	if (text == NULL)
		return 0;
	if (cases == NULL || ncases > CASES_MAX)
		ncases = cases == NULL ? 0 : CASES_MAX;
	for (i = 0; i < ncases; i++)
		dk_ok[i] = cases[i].sc_docket != NULL &&
		    docket_parse(cases[i].sc_docket,
		    strlen(cases[i].sc_docket), &dk[i]) == 0;
	for (k = 0; st != NULL && k < st->st_nexcs; k++)
		app[k] = (unsigned char)exc_applies(&st->st_excs[k], cases, dk,
		    dk_ok, ncases);
	n = len > SEALTERM_TEXT_MAX ? SEALTERM_TEXT_MAX : len;
	for (i = 0; i < n; i++) {
		for (k = 0; st != NULL && k < st->st_nexcs; k++) {
			const char *ph = st->st_excs[k].e_phrase;

			if (!app[k] || lower(t[i]) != (unsigned char)ph[0] ||
			    (i > 0 && is_alnum((unsigned char)ph[0]) &&
			    is_alnum(t[i - 1])))
				continue;
			if (phrase_match(t, n, i, ph, &e) && e > covered)
				covered = e;
		}
		if (i > 0 && is_alpha(t[i - 1]) && !(t[i - 1] >= 'a' &&
		    t[i - 1] <= 'z' && t[i] >= 'A' && t[i] <= 'Z'))
			continue;	/* not a word start */
		if (try_terms(st, t, n, i, covered, &term, &e)) {
			report(t, n, i, e, term, m);
			return 1;
		}
	}
	if (len > SEALTERM_TEXT_MAX) {
		if (m != NULL) {
			m->sm_off = SEALTERM_TEXT_MAX;
			text_strlcpy(m->sm_term, "oversize", sizeof(m->sm_term));
		}
		return 1;
	}
	return 0;
}
