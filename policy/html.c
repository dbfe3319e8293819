/*
 * NAME
 *	html 3 - tolerant HTML tokenizer, visible text
 * SUMMARY
 *	tokens with source offsets; text with folding
 * SYNOPSIS
 *	#include "html.h"
 *
 *	void html_lexer_init(struct html_lexer *l, const char *src,
 *	    size_t len);
 *	int html_next(struct html_lexer *l, struct html_token *t);
 *	const struct html_attr *html_attr(const struct html_lexer *l,
 *	    const struct html_token *t, const char *name);
 *	int html_text(const char *src, size_t len, int flags, size_t max,
 *	    struct html_text *out);
 * DESCRIPTION
 *	The tokenizer follows the shape of the HTML tokenizer, simplified:
 *	"<" starts markup only when followed by a letter, "/", "!" or "?";
 *	anything else is text.  A quoted attribute value without its
 *	closing quote ends at the next ">".  Forward searches that failed
 *	are remembered (the position from which a byte is known to be
 *	absent), so that hostile input cannot make the scan quadratic.
 *
 *	Character references are decoded by htmlent.c.
 * DIAGNOSTICS
 *	The tokenizer cannot fail (memory errors are
 *	sticky in the strbuf).  html_text() returns -1 when memory runs
 *	out.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "htmlent.h"

#define NOPOS	((size_t)-1)

static const char *const block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "br",
	"caption", "center", "dd", "div", "dl", "dt", "fieldset",
	"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
	"h5", "h6", "head", "header", "hr", "html", "li", "main", "nav",
	"ol", "option", "p", "pre", "section", "table", "tbody", "tfoot",
	"thead", "tr", "ul", NULL
};

/* The element names of HTML, current and obsolete, sorted (bsearch). */
static const char *const element_tags[] = {
	"a", "abbr", "acronym", "address", "applet", "area", "article",
	"aside", "audio", "b", "base", "basefont", "bdi", "bdo", "bgsound",
	"big", "blink", "blockquote", "body", "br", "button", "canvas",
	"caption", "center", "cite", "code", "col", "colgroup", "data",
	"datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div",
	"dl", "dt", "em", "embed", "fieldset", "figcaption", "figure",
	"font", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
	"h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i",
	"iframe", "img", "input", "ins", "kbd", "label", "legend", "li",
	"link", "main", "map", "mark", "marquee", "math", "menu", "meta",
	"meter", "nav", "nobr", "noembed", "noframes", "noscript", "object",
	"ol", "optgroup", "option", "output", "p", "param", "picture",
	"plaintext", "pre", "progress", "q", "rb", "rp", "rt", "rtc", "ruby",
	"s", "samp", "script", "search", "section", "select", "slot",
	"small", "source", "span", "strike", "strong", "style", "sub",
	"summary", "sup", "svg", "table", "tbody", "td", "template",
	"textarea", "tfoot", "th", "thead", "time", "title", "tr", "track",
	"tt", "u", "ul", "var", "video", "wbr", "xmp",
};

static size_t	find_byte(struct html_lexer *, size_t from, int c,
		    size_t *memo);
static size_t	find_comment_end(struct html_lexer *, size_t from);
static void	lex_text(struct html_lexer *, struct html_token *);
static void	lex_raw(struct html_lexer *, struct html_token *);
static void	lex_start(struct html_lexer *, struct html_token *);
static void	lex_end(struct html_lexer *, struct html_token *);
static void	lex_decl(struct html_lexer *, struct html_token *);
static size_t	lex_attr(struct html_lexer *, struct html_token *, size_t);
static size_t	copy_name(const char *, size_t, size_t, char *);
static int	is_ws(int);
static int	is_raw_tag(const char *);
static int	tag_in(const char *, const char *const *);
static int	tag_break(const char *);
static int	plain_literal(const char *, const struct html_token *);
static int	is_element(const char *);
static int	cmp_name(const void *, const void *);

/* ---- visible text ---- */

struct emit {
	struct html_text *em_out;
	size_t		  em_max;
	int		  em_pend;	/* 0 none, 1 space, 2 new line */
	int		  em_link;	/* a link is open */
	int		  em_plain;	/* '\n' ends a line */
	size_t		  em_src;	/* source offset of the bytes fed */
};

static void	emit_bytes(struct emit *, const char *, size_t, int);
static void	emit_break(struct emit *, int);
static void	link_open(struct emit *, const struct html_lexer *,
		    const struct html_token *);
static void	link_close(struct emit *);
static void	line_start(struct emit *, size_t);
static void	emit_text(struct emit *, const char *, size_t, size_t,
		    struct strbuf *);

static int
is_ws(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f' || c == '\v';
}

/*
 * What a tag does to the visible text: 2 ends a line (block_tags), 1
 * separates words (td, th), 0 nothing.  Switching on the first letter
 * and comparing lengths first keeps this cheap.
 */
static int
tag_break(const char *name)
{
	size_t	i;

	switch (name[0]) {
	case 'a': case 'b': case 'c': case 'd': case 'f': case 'h': case 'l':
	case 'm': case 'n': case 'o': case 'p': case 's': case 't': case 'u':
		break;
	default:
		return 0;
	}
	if (name[0] == 't' && (name[1] == 'd' || name[1] == 'h') &&
	    name[2] == '\0')
		return 1;
	for (i = 0; block_tags[i] != NULL; i++)
		if (block_tags[i][0] == name[0] &&
		    strcmp(block_tags[i], name) == 0)
			return 2;
	return 0;
}

static int
tag_in(const char *name, const char *const *list)
{
	size_t	i;

	for (i = 0; list[i] != NULL; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

static int
is_raw_tag(const char *name)
{
	static const char *const raw[] = { "script", "style", "title",
	    "textarea", NULL };

	if (name[0] != 's' && name[0] != 't')
		return 0;
	return tag_in(name, raw);
}

void
html_lexer_init(struct html_lexer *l, const char *src, size_t len)
{
	memset(l, 0, sizeof *l);
	l->hl_src = src == NULL ? "" : src;
	l->hl_len = src == NULL ? 0 : len;
	l->hl_no_dq = l->hl_no_sq = l->hl_no_gt = l->hl_no_cend =
	    l->hl_no_lt = NOPOS;
}

/*
 * Position of the first c at or after from, or NOPOS.  *memo is the
 * lowest position from which c is known to be absent.
 */
static size_t
find_byte(struct html_lexer *l, size_t from, int c, size_t *memo)
{
	const char	*p;

	if (from >= l->hl_len || from >= *memo)
		return NOPOS;
	p = memchr(l->hl_src + from, c, l->hl_len - from);
	if (p == NULL) {
		*memo = from;
		return NOPOS;
	}
	return (size_t)(p - l->hl_src);
}

static size_t
find_comment_end(struct html_lexer *l, size_t from)
{
	const char	*p;

	if (from >= l->hl_len || from >= l->hl_no_cend)
		return NOPOS;
	p = memmem(l->hl_src + from, l->hl_len - from, "-->", 3);
	if (p == NULL) {
		l->hl_no_cend = from;
		return NOPOS;
	}
	return (size_t)(p - l->hl_src);
}

/* Lowercase copy of a tag name; "" when it does not fit. */
static size_t
copy_name(const char *s, size_t pos, size_t len, char *name)
{
	size_t	n = 0, start = pos;

	while (pos < len && !is_ws((unsigned char)s[pos]) && s[pos] != '/' &&
	    s[pos] != '>') {
		if (n < HTML_NAME_SIZE - 1)
			name[n] = (char)tolower((unsigned char)s[pos]);
		n++;
		pos++;
	}
	if (n >= HTML_NAME_SIZE)
		n = 0;
	name[n] = '\0';
	return pos - start;
}

int
html_next(struct html_lexer *l, struct html_token *t)
{
	const char	*s = l->hl_src;
	size_t		 p = l->hl_pos;
	unsigned char	 c;

	t->t_type = HTML_EOF;
	t->t_off = p;
	t->t_len = 0;
	t->t_name[0] = '\0';
	t->t_selfclose = t->t_raw = t->t_attr_trunc = 0;
	t->t_nattr = 0;
	if (p >= l->hl_len)
		return 0;
	if (l->hl_rawtag[0] != '\0') {
		lex_raw(l, t);
		if (t->t_len > 0)
			return 1;
	}
	p = l->hl_pos;
	if (p >= l->hl_len)
		return 0;
	t->t_off = p;
	if (s[p] == '<' && p + 1 < l->hl_len) {
		c = (unsigned char)s[p + 1];
		if (isalpha(c)) {
			lex_start(l, t);
			return 1;
		}
		if (c == '/') {
			lex_end(l, t);
			return 1;
		}
		if (c == '!' || c == '?') {
			lex_decl(l, t);
			return 1;
		}
	}
	lex_text(l, t);
	return 1;
}

static void
lex_text(struct html_lexer *l, struct html_token *t)
{
	size_t		p = l->hl_pos + 1, q;
	unsigned char	c;

	for (;;) {
		q = find_byte(l, p, '<', &l->hl_no_lt);
		if (q == NOPOS) {
			q = l->hl_len;
			break;
		}
		if (q + 1 < l->hl_len) {
			c = (unsigned char)l->hl_src[q + 1];
			if (isalpha(c) || c == '/' || c == '!' || c == '?')
				break;
		}
		p = q + 1;
	}
	t->t_type = HTML_TEXT;
	t->t_off = l->hl_pos;
	t->t_len = q - l->hl_pos;
	l->hl_pos = q;
}

/* Text of a raw element, up to its end tag. */
static void
lex_raw(struct html_lexer *l, struct html_token *t)
{
	size_t	p = l->hl_pos, q, n = strlen(l->hl_rawtag);

	for (;;) {
		q = find_byte(l, p, '<', &l->hl_no_lt);
		if (q == NOPOS) {
			q = l->hl_len;
			break;
		}
		if (q + 2 + n <= l->hl_len && l->hl_src[q + 1] == '/' &&
		    strncasecmp(l->hl_src + q + 2, l->hl_rawtag, n) == 0 &&
		    (q + 2 + n == l->hl_len ||
		    !isalnum((unsigned char)l->hl_src[q + 2 + n])))
			break;
		p = q + 1;
	}
	t->t_type = HTML_TEXT;
	t->t_raw = 1;
	t->t_off = l->hl_pos;
	t->t_len = q - l->hl_pos;
	l->hl_pos = q;
	l->hl_rawtag[0] = '\0';
}

static void
lex_start(struct html_lexer *l, struct html_token *t)
{
	const char	*s = l->hl_src;
	size_t		 p = l->hl_pos + 1;

	t->t_type = HTML_START;
	p += copy_name(s, p, l->hl_len, t->t_name);
	for (;;) {
		while (p < l->hl_len && (is_ws((unsigned char)s[p]) ||
		    s[p] == '/')) {
			if (s[p] == '/' && p + 1 < l->hl_len &&
			    s[p + 1] == '>')
				t->t_selfclose = 1;
			p++;
		}
		if (p >= l->hl_len)
			break;
		if (s[p] == '>') {
			p++;
			break;
		}
		p = lex_attr(l, t, p);
	}
	t->t_len = p - t->t_off;
	l->hl_pos = p;
	if (is_raw_tag(t->t_name) && !t->t_selfclose)
		memcpy(l->hl_rawtag, t->t_name, sizeof l->hl_rawtag);
}

/* One attribute at p (not blank, not '>'); returns the position after. */
static size_t
lex_attr(struct html_lexer *l, struct html_token *t, size_t p)
{
	const char	*s = l->hl_src;
	struct html_attr a;
	size_t		 q;

	memset(&a, 0, sizeof a);
	a.a_name_off = p;
	p++;	/* the first byte belongs to the name, even "=" */
	while (p < l->hl_len && !is_ws((unsigned char)s[p]) && s[p] != '/' &&
	    s[p] != '>' && s[p] != '=')
		p++;
	a.a_name_len = p - a.a_name_off;
	q = p;
	while (q < l->hl_len && is_ws((unsigned char)s[q]))
		q++;
	if (q < l->hl_len && s[q] == '=') {
		p = q + 1;
		while (p < l->hl_len && is_ws((unsigned char)s[p]))
			p++;
		a.a_has_val = 1;
		if (p < l->hl_len && (s[p] == '"' || s[p] == '\'')) {
			a.a_quote = s[p];
			q = find_byte(l, p + 1, s[p],
			    s[p] == '"' ? &l->hl_no_dq : &l->hl_no_sq);
			if (q == NOPOS) {
				/* Unclosed quote: the value ends at '>'. */
				q = find_byte(l, p + 1, '>', &l->hl_no_gt);
				if (q == NOPOS)
					q = l->hl_len;
				a.a_val_off = p + 1;
				a.a_val_len = q - (p + 1);
				p = q;
			} else {
				a.a_val_off = p + 1;
				a.a_val_len = q - (p + 1);
				p = q + 1;
			}
		} else {
			a.a_val_off = p;
			while (p < l->hl_len && !is_ws((unsigned char)s[p]) &&
			    s[p] != '>')
				p++;
			a.a_val_len = p - a.a_val_off;
		}
	}
	if (t->t_nattr < HTML_MAX_ATTRS)
		t->t_attr[t->t_nattr++] = a;
	else
		t->t_attr_trunc = 1;
	return p;
}

static void
lex_end(struct html_lexer *l, struct html_token *t)
{
	size_t	p = l->hl_pos + 2, q;

	if (p < l->hl_len && isalpha((unsigned char)l->hl_src[p])) {
		t->t_type = HTML_END;
		copy_name(l->hl_src, p, l->hl_len, t->t_name);
	} else
		t->t_type = HTML_OTHER;	/* "</>" or a bogus comment */
	q = find_byte(l, p, '>', &l->hl_no_gt);
	q = q == NOPOS ? l->hl_len : q + 1;
	t->t_len = q - t->t_off;
	l->hl_pos = q;
}

static void
lex_decl(struct html_lexer *l, struct html_token *t)
{
	const char	*s = l->hl_src + l->hl_pos;
	size_t		 avail = l->hl_len - l->hl_pos, q;

	if (avail >= 4 && memcmp(s, "<!--", 4) == 0) {
		t->t_type = HTML_COMMENT;
		if (avail >= 5 && s[4] == '>')
			q = l->hl_pos + 5;
		else if (avail >= 6 && memcmp(s + 4, "->", 2) == 0)
			q = l->hl_pos + 6;
		else {
			q = find_comment_end(l, l->hl_pos + 4);
			q = q == NOPOS ? l->hl_len : q + 3;
		}
	} else {
		t->t_type = (avail >= 9 && strncasecmp(s, "<!doctype", 9) == 0) ?
		    HTML_DOCTYPE : HTML_OTHER;
		q = find_byte(l, l->hl_pos + 2, '>', &l->hl_no_gt);
		q = q == NOPOS ? l->hl_len : q + 1;
	}
	t->t_len = q - t->t_off;
	l->hl_pos = q;
}

const struct html_attr *
html_attr(const struct html_lexer *l, const struct html_token *t,
    const char *name)
{
	size_t	i, n = strlen(name);

	if (t->t_type != HTML_START)
		return NULL;
	for (i = 0; i < t->t_nattr; i++)
		if (t->t_attr[i].a_name_len == n && strncasecmp(l->hl_src +
		    t->t_attr[i].a_name_off, name, n) == 0)
			return &t->t_attr[i];
	return NULL;
}

int
html_is(const struct html_token *t, enum html_type type, const char *name)
{
	return t->t_type == type && strcmp(t->t_name, name) == 0;
}

static void
line_start(struct emit *em, size_t src)
{
	struct html_text *o = em->em_out;
	size_t		 *v;

	if (o->ht_nlines == o->ht_lcap) {
		size_t	ncap = o->ht_lcap == 0 ? 64 : o->ht_lcap * 2;

		v = realloc(o->ht_line_src, ncap * sizeof *v);
		if (v == NULL) {
			o->ht_text.sb_err = ENOMEM;
			return;
		}
		o->ht_line_src = v;
		o->ht_lcap = ncap;
	}
	o->ht_line_src[o->ht_nlines++] = src;
}

static void
emit_break(struct emit *em, int kind)
{
	if (kind > em->em_pend)
		em->em_pend = kind;
}

/*
 * exact: s is the source itself (at em_src), not a decoded copy.  Runs
 * of ordinary bytes are appended in one call.
 */
static void
emit_bytes(struct emit *em, const char *s, size_t len, int exact)
{
	struct strbuf	*sb = &em->em_out->ht_text;
	size_t		 i, j;
	unsigned char	 c;
	struct html_link *k;

	for (i = 0; i < len; i = j) {
		c = (unsigned char)s[i];
		if (is_ws(c)) {
			emit_break(em, c == '\n' && em->em_plain ? 2 : 1);
			j = i + 1;
			continue;
		}
		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xa0) {
			emit_break(em, 1);
			j = i + 2;
			continue;
		}
		if (c == '\0') {
			j = i + 1;
			continue;
		}
		/* the run of ordinary bytes starting at i */
		for (j = i + 1; j < len; j++) {
			c = (unsigned char)s[j];
			if (is_ws(c) || c == 0xc2 || c == '\0')
				break;
		}
		if (em->em_max != 0 && sb->sb_len + 2 + (j - i) > em->em_max) {
			em->em_out->ht_trunc = 1;
			if (sb->sb_len + 2 >= em->em_max)
				return;
			j = i + (em->em_max - sb->sb_len - 2);
		}
		if (em->em_pend != 0 && sb->sb_len > 0)
			strbuf_putc(sb, em->em_pend == 2 ? '\n' : ' ');
		if (sb->sb_len == 0 || sb->sb_s[sb->sb_len - 1] == '\n')
			line_start(em, exact ? em->em_src + i : em->em_src);
		em->em_pend = 0;
		if (em->em_link && em->em_out->ht_nlinks > 0) {
			k = &em->em_out->ht_links[em->em_out->ht_nlinks - 1];
			if (k->k_text_start == NOPOS)
				k->k_text_start = sb->sb_len;
		}
		strbuf_append(sb, s + i, j - i);
		if (em->em_out->ht_trunc)
			return;
	}
}

/*
 * A text token at source offset off: raw runs go out as they are (their
 * source offsets exact), each entity decoded on its own.
 */
static void
emit_text(struct emit *em, const char *s, size_t len, size_t off,
    struct strbuf *scratch)
{
	const char	*amp;
	size_t		 i = 0, n;

	while (i < len) {
		amp = memchr(s + i, '&', len - i);
		n = amp == NULL ? len - i : (size_t)(amp - (s + i));
		em->em_src = off + i;
		emit_bytes(em, s + i, n, 1);
		if (amp == NULL)
			return;
		i += n + 1;
		em->em_src = off + i - 1;
		strbuf_reset(scratch);
		n = htmlent_decode_one(s + i, len - i, em->em_plain, scratch);
		if (n == 0)
			strbuf_putc(scratch, '&');
		emit_bytes(em, strbuf_str(scratch), scratch->sb_len, 0);
		i += n;
	}
}

static void
link_open(struct emit *em, const struct html_lexer *l,
    const struct html_token *t)
{
	struct html_text *o = em->em_out;
	const struct html_attr *a = html_attr(l, t, "href");
	struct html_link *k;

	link_close(em);
	if (o->ht_nlinks >= HTML_MAX_LINKS) {
		o->ht_trunc = 1;
		return;
	}
	if (o->ht_nlinks == o->ht_cap) {
		size_t	ncap = o->ht_cap == 0 ? 16 : o->ht_cap * 2;

		k = realloc(o->ht_links, ncap * sizeof *k);
		if (k == NULL) {
			o->ht_text.sb_err = ENOMEM;
			return;
		}
		o->ht_links = k;
		o->ht_cap = ncap;
	}
	k = &o->ht_links[o->ht_nlinks++];
	k->k_has_href = a != NULL;
	k->k_href_off = a == NULL ? 0 : a->a_val_off;
	k->k_href_len = a == NULL ? 0 : a->a_val_len;
	k->k_text_start = NOPOS;
	k->k_text_end = NOPOS;
	k->k_tag_off = t->t_off;
	em->em_link = 1;
}

static void
link_close(struct emit *em)
{
	struct html_link *k;

	if (!em->em_link)
		return;
	em->em_link = 0;
	k = &em->em_out->ht_links[em->em_out->ht_nlinks - 1];
	k->k_text_end = em->em_out->ht_text.sb_len;
	if (k->k_text_start == NOPOS)
		k->k_text_start = k->k_text_end;
}

static int
cmp_name(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Is name (lowercase) the name of an HTML element? */
static int
is_element(const char *name)
{
	return name[0] != '\0' && bsearch(name, element_tags,
	    sizeof element_tags / sizeof element_tags[0],
	    sizeof element_tags[0], cmp_name) != NULL;
}

/*
 * In plain text, "<https://...>", "<mailto:...>" and "<user@host>" are
 * a link or an address set off by angle brackets, as mail programs write
 * them, not markup; so is a bracketed note such as "<EDIT by Clerk's
 * Office>", whose first word names no HTML element.  2 for
 * "<mailto:...>" (the target of the address written before it: dropped,
 * as an HTML link's target is not text), 1 when the tag t (start or end)
 * names no element or the first word of a start tag holds "://" or '@'
 * (kept as text), else 0.
 */
static int
plain_literal(const char *src, const struct html_token *t)
{
	const char	*s = src + t->t_off + 1;
	size_t		 i, n = t->t_len > 0 ? t->t_len - 1 : 0;

	if (n >= 7 && strncasecmp(s, "mailto:", 7) == 0)
		return 2;
	if (!is_element(t->t_name))
		return 1;
	for (i = 0; i < n && !is_ws((unsigned char)s[i]) && s[i] != '>'; i++)
		if (s[i] == '@' || (s[i] == ':' && i + 2 < n &&
		    s[i + 1] == '/' && s[i + 2] == '/'))
			return 1;
	return 0;
}

int
html_text(const char *src, size_t len, int flags, size_t max,
    struct html_text *out)
{
	struct html_lexer lx;
	struct html_token t;
	struct strbuf	  scratch = STRBUF_INIT;
	struct emit	  em;
	int		  br;

	memset(out, 0, sizeof *out);
	memset(&em, 0, sizeof em);
	em.em_out = out;
	em.em_max = max;
	em.em_plain = (flags & HTML_TEXT_PLAIN) != 0;
	/* reserve room for the text at once (copy, then empty) */
	if (len > 0 && strbuf_append(&out->ht_text, src, max != 0 &&
	    max < len ? max : len) == 0)
		strbuf_truncate(&out->ht_text, 0);
	html_lexer_init(&lx, src, len);
	while (html_next(&lx, &t) && !out->ht_trunc) {
		switch (t.t_type) {
		case HTML_TEXT:
			if (t.t_raw)
				break;
			emit_text(&em, src + t.t_off, t.t_len, t.t_off,
			    &scratch);
			break;
		case HTML_START:
		case HTML_END:
			if (em.em_plain && (br = plain_literal(src, &t)) != 0) {
				if (br == 1)
					emit_text(&em, src + t.t_off, t.t_len,
					    t.t_off, &scratch);
				break;
			}
			if ((br = tag_break(t.t_name)) != 0)
				emit_break(&em, br);
			if (t.t_name[0] == 'a' && t.t_name[1] == '\0') {
				if (t.t_type == HTML_START)
					link_open(&em, &lx, &t);
				else
					link_close(&em);
			}
			break;
		default:
			break;
		}
	}
	link_close(&em);
	if (strbuf_error(&scratch) || strbuf_error(&out->ht_text)) {
		strbuf_free(&scratch);
		html_text_free(out);
		return -1;
	}
	strbuf_free(&scratch);
	return 0;
}

void
html_text_free(struct html_text *t)
{
	if (t == NULL)
		return;
	strbuf_free(&t->ht_text);
	free(t->ht_links);
	free(t->ht_line_src);
	memset(t, 0, sizeof *t);
}
