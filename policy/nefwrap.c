/*
 * NAME
 *	nefwrap 3 - join the wrapped lines of a plain-text notice
 * SUMMARY
 *	physical lines -> the logical lines the parser reads
 * SYNOPSIS
 *	#include "nefwrap.h"
 *
 *	void nefwrap_join(struct nefline_doc *d, char *text, char *lower,
 *	    const char *src, size_t srclen);
 *	int nefwrap_closes(const char *s, size_t len);
 * DESCRIPTION
 *	See nefwrap.h.  One pass over the lines: each line is joined to the
 *	logical line before it or starts the next one; the line array is
 *	compacted in place.  The label and heading tests are nefline's own
 *	(nefline_kind_of()), run on the two lines as one.
 * DIAGNOSTICS
 *	None.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "nefline.h"
#include "nefwrap.h"

#define JOIN_MAX	320	/* bytes of two lines tested as one */
#define JOIN_LINES	4	/* lines ahead a split heading may take */
#define WRAP_NEAR	12	/* a wrapped line is this close to the width */
#define WRAP_NEAR_MIN	3	/* lines that close make a wrapped text */
#define WORD_MAX	60	/* a longer word is not wrapped: its line does
				   not tell the width */

struct phys {
	size_t	p_len;		/* characters of the source line, trimmed */
	int	p_blank;	/* a blank line comes before it */
	int	p_space;	/* it holds a blank, and no word too long to
				   be wrapped (a URL, a stamp's hash) */
};

static size_t	chars(const char *, size_t);
static void	measure(const struct nefline_doc *, const char *, size_t,
		    size_t, struct phys *);
static size_t	width(const struct phys *, size_t);
static size_t	first_word(const char *, size_t);
static int	last_has_at(const char *, size_t);
static int	first_has_at(const char *, size_t);
static int	trans_done(const char *, size_t);
static int	heading_ahead(const struct nefline_doc *, size_t, size_t,
		    const char *, const struct phys *);
static int	heading_split(const struct nefline_doc *, size_t, size_t,
		    const char *, enum nefline_kind);
static int	para_ends(const struct nefline_doc *, size_t, const char *,
		    const struct phys *);
static int	joins(const struct nefline_doc *, size_t, size_t, const char *,
		    const struct phys *, size_t, size_t, int, int);
static int	section(const struct nefline_doc *, size_t, const char *, int);

/* Characters of UTF-8 s[0..n): bytes that do not continue one. */
static size_t
chars(const char *s, size_t n)
{
	size_t	i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

/* Source line i: its length in characters (mail programs wrap at a
 * number of characters, not bytes) and what comes before it. */
static void
measure(const struct nefline_doc *d, const char *src, size_t srclen,
    size_t i, struct phys *p)
{
	size_t	s = d->nd_lines[i].l_src, e, k, nl = 0, w;
	int	long_word = 0;

	memset(p, 0, sizeof *p);
	if (s > srclen)
		return;
	for (e = s, w = 0; e < srclen && src[e] != '\n'; e++) {
		if (src[e] == ' ' || src[e] == '\t') {
			p->p_space = 1;
			w = 0;
		} else if (((unsigned char)src[e] & 0xc0) != 0x80 &&
		    ++w > WORD_MAX)
			long_word = 1;
	}
	if (long_word)
		p->p_space = 0;
	while (e > s && (src[e - 1] == ' ' || src[e - 1] == '\t' ||
	    src[e - 1] == '\r'))
		e--;
	p->p_len = chars(src + s, e - s);
	if (i == 0)
		return;
	for (k = d->nd_lines[i - 1].l_src; k < s && k < srclen; k++)
		nl += src[k] == '\n';
	p->p_blank = nl >= 2;
}

/*
 * The wrapping width: the longest source line that holds a blank, when
 * at least WRAP_NEAR_MIN such lines come within WRAP_NEAR bytes of it
 * (a wrapper leaves many lines near its width); else 0 (not wrapped).
 */
static size_t
width(const struct phys *ph, size_t n)
{
	size_t	i, w = 0, near = 0;

	for (i = 0; i < n; i++)
		if (ph[i].p_space && ph[i].p_len > w)
			w = ph[i].p_len;
	for (i = 0; i < n && w > WRAP_NEAR; i++)
		near += ph[i].p_space && ph[i].p_len + WRAP_NEAR >= w;
	return near >= WRAP_NEAR_MIN ? w : 0;
}

/* Bytes of the first word of s[0..len). */
static size_t
first_word(const char *s, size_t len)
{
	const char	*sp = memchr(s, ' ', len);

	return sp == NULL ? len : (size_t)(sp - s);
}

static int
last_has_at(const char *s, size_t len)
{
	size_t	i = len;

	while (i > 0 && s[i - 1] != ' ')
		i--;
	return memchr(s + i, '@', len - i) != NULL;
}

static int
first_has_at(const char *s, size_t len)
{
	return memchr(s, '@', first_word(s, len)) != NULL;
}

/* Has the transaction sentence come to its date filed? */
static int
trans_done(const char *s, size_t len)
{
	const char	*p = s, *end = s + len;
	char		 iso[11];

	while ((p = nefline_find(p, (size_t)(end - p), "filed on ")) != NULL) {
		p += 9;
		if (nefline_date(p, (size_t)(end - p), iso) > 0)
			return 1;
	}
	return 0;
}

/* Does logical line ai with lines bi, bi + 1, ... (up to JOIN_LINES of
 * them, none a label or a heading alone) make one recipient heading, or
 * a label split in two? */
static int
heading_ahead(const struct nefline_doc *d, size_t ai, size_t bi,
    const char *lower, const struct phys *ph)
{
	const struct nefline *a = &d->nd_lines[ai], *l;
	char		 buf[JOIN_MAX];
	size_t		 i, n = 0, lab;

	if (a->l_len >= sizeof buf)
		return 0;
	memcpy(buf, lower + a->l_off, a->l_len);
	n = a->l_len;
	for (i = bi; i < d->nd_nlines && i < bi + JOIN_LINES; i++) {
		l = &d->nd_lines[i];
		if (ph[i].p_blank || n + 1 + l->l_len > sizeof buf ||
		    nefline_kind_of(lower + l->l_off, l->l_len, &lab) != NL_OTHER)
			return 0;
		buf[n++] = ' ';
		memcpy(buf + n, lower + l->l_off, l->l_len);
		n += l->l_len;
		switch (nefline_kind_of(buf, n, &lab)) {
		case NL_RCPT_LISTED:
		case NL_RCPT_UNLISTED:
			return 1;
		case NL_OTHER:
			break;
		default:
			return lab > a->l_len;	/* a label split in two */
		}
	}
	return 0;
}

/* Do lines ai and bi, which is a recipient heading of kind k alone,
 * make one heading of that kind ("1:17-cr-00201 Notice has" + "been
 * electronically mailed to:")? */
static int
heading_split(const struct nefline_doc *d, size_t ai, size_t bi,
    const char *lower, enum nefline_kind k)
{
	const struct nefline *a = &d->nd_lines[ai], *b = &d->nd_lines[bi];
	char		 buf[JOIN_MAX];
	size_t		 lab;

	if (a->l_len + 1 + b->l_len > sizeof buf)
		return 0;
	memcpy(buf, lower + a->l_off, a->l_len);
	buf[a->l_len] = ' ';
	memcpy(buf + a->l_len + 1, lower + b->l_off, b->l_len);
	return nefline_kind_of(buf, a->l_len + 1 + b->l_len, &lab) == k;
}

/* Is physical line bi the last of its paragraph: the text ends after
 * it, or a blank line or a label comes next? */
static int
para_ends(const struct nefline_doc *d, size_t bi, const char *lower,
    const struct phys *ph)
{
	const struct nefline *c;
	size_t		 lab;

	if (bi + 1 >= d->nd_nlines || ph[bi + 1].p_blank)
		return 1;
	c = &d->nd_lines[bi + 1];
	return nefline_kind_of(lower + c->l_off, c->l_len, &lab) != NL_OTHER;
}

/*
 * Does physical line bi join logical line ai?  pb measures it, last is
 * the length of ai's last physical line, w the wrapping width, listed
 * tells that ai is under a heading of recipients noticed electronically,
 * para that ai is one physical line with a blank line before it.  The
 * lines between ai and bi are already joined to ai.
 */
static int
joins(const struct nefline_doc *d, size_t ai, size_t bi, const char *lower,
    const struct phys *ph, size_t last, size_t w, int listed, int para)
{
	const struct nefline *a = &d->nd_lines[ai], *b = &d->nd_lines[bi];
	const struct phys *pb = &ph[bi];
	enum nefline_kind ka, kb;
	size_t		 la, n;
	int		 wrapped;

	if (pb->p_blank || b->l_off != a->l_off + a->l_len + 1)
		return 0;
	ka = nefline_kind_of(lower + a->l_off, a->l_len, &la);
	if (ka == NL_RCPT_LISTED || ka == NL_RCPT_UNLISTED)
		return 0;
	wrapped = w > 0 && w <= NEFWRAP_WIDTH_MAX &&
	    last + 1 + chars(lower + b->l_off, first_word(lower + b->l_off,
	    b->l_len)) >= w;
	kb = nefline_kind_of(lower + b->l_off, b->l_len, &n);
	if ((kb == NL_RCPT_LISTED || kb == NL_RCPT_UNLISTED) &&
	    ka == NL_OTHER && para && heading_split(d, ai, bi, lower, kb))
		return 1;
	if (kb != NL_OTHER)	/* a label, unless a wrap cut a sentence */
		return wrapped && islower((unsigned char)d->nd_text[b->l_off]);
	/* A case name broken anywhere: the rest of its paragraph. */
	if (ka == NL_CASE_NAME && para_ends(d, bi, lower, ph) &&
	    !heading_ahead(d, bi, bi + 1, lower, ph))
		return 1;
	if (ka == NL_OTHER && heading_ahead(d, ai, bi, lower, ph))
		return 1;
	if (ka == NL_TRANSACTION && !trans_done(lower + a->l_off, a->l_len))
		return 1;
	/* Under "electronically mailed to": the lines of a name, then its
	 * addresses, are one recipient. */
	if (listed && ka == NL_OTHER && memchr(lower + a->l_off, '@',
	    a->l_len) == NULL && !heading_ahead(d, bi, bi + 1, lower, ph))
		return 1;
	/* An address list goes on after a comma, at either end of the
	 * break. */
	if (listed && last_has_at(lower + a->l_off, a->l_len) &&
	    (lower[b->l_off] == ',' || lower[b->l_off] == ';'))
		return 1;
	if (listed && a->l_len > 0 && lower[a->l_off + a->l_len - 1] == ',' &&
	    last_has_at(lower + a->l_off, a->l_len) &&
	    first_has_at(lower + b->l_off, b->l_len))
		return 1;
	/* A line that starts a label or heading of its own, split over
	 * the lines after it, is not a continuation. */
	if (!wrapped || heading_ahead(d, bi, bi + 1, lower, ph))
		return 0;
	/* After an address, a line that starts with none is a new person. */
	return !(last_has_at(lower + a->l_off, a->l_len) &&
	    !first_has_at(lower + b->l_off, b->l_len));
}

/* The recipient section after logical line i: 1 listed, 0 not. */
static int
section(const struct nefline_doc *d, size_t i, const char *lower, int cur)
{
	size_t	n;

	switch (nefline_kind_of(lower + d->nd_lines[i].l_off,
	    d->nd_lines[i].l_len, &n)) {
	case NL_RCPT_LISTED:
		return 1;
	case NL_OTHER:
		return cur;
	default:
		return 0;
	}
}

void
nefwrap_join(struct nefline_doc *d, char *text, char *lower,
    const char *src, size_t srclen)
{
	struct phys	*ph;
	struct nefline	*a;
	size_t		 i, out = 0, w, last, first = 0;
	int		 listed = 0;

	if (d->nd_nlines < 2 ||
	    (ph = calloc(d->nd_nlines, sizeof *ph)) == NULL)
		return;
	for (i = 0; i < d->nd_nlines; i++)
		measure(d, src, srclen, i, &ph[i]);
	w = width(ph, d->nd_nlines);
	last = ph[0].p_len;
	for (i = 1; i < d->nd_nlines; i++) {
		const struct nefline *b = &d->nd_lines[i];

		a = &d->nd_lines[out];
		if (joins(d, out, i, lower, ph, last, w, listed,
		    first == i - 1 && ph[first].p_blank)) {
			text[a->l_off + a->l_len] = ' ';
			lower[a->l_off + a->l_len] = ' ';
			a->l_len = b->l_off + b->l_len - a->l_off;
		} else {
			listed = section(d, out, lower, listed);
			d->nd_lines[++out] = *b;
			first = i;
		}
		last = ph[i].p_len;
	}
	d->nd_nlines = out + 1;
	free(ph);
}

int
nefwrap_closes(const char *s, size_t len)
{
	return len > 0 && s[0] != '\0' && strchr(",.;:!?)]}", s[0]) != NULL;
}
