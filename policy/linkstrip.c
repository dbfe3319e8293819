/*
 * NAME
 *	linkstrip 3 - remove document links from HTML and text
 * SYNOPSIS
 *	#include "linkstrip.h"
 * DESCRIPTION
 *	The HTML side walks the tokens of policy/html.c and copies source
 *	bytes between the edits, so markup it does not touch is kept exactly.
 *	An anchor is removed when its href matches; the matching </a> is the
 *	next </a> (anchors do not nest in HTML).  URLs in text are found by
 *	their scheme (http:// or https://, any case) and end at white space,
 *	a quote, '<' or '>'; trailing punctuation ".,;:)!?" is not part of
 *	the URL.
 * DIAGNOSTICS
 *	-1 only when the output buffer is in error.
 */
#include <string.h>

#include "html.h"
#include "linkstrip.h"
#include "text.h"

static int	ls_url_end(const char *, size_t, size_t);
static int	ls_text_urls(const struct linkstrip *, const char *, size_t,
		    int html, struct strbuf *, size_t *);
static int	ls_match(const struct linkstrip *, const char *, size_t, int html);
static void	ls_note(const struct linkstrip *, int html, struct strbuf *);

void
linkstrip_escape(struct strbuf *out, const char *s, size_t len)
{
	size_t	i, run = 0;

	for (i = 0; i < len; i++) {
		const char *e = NULL;

		switch (s[i]) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		}
		if (e == NULL)
			continue;
		strbuf_append(out, s + run, i - run);
		strbuf_puts(out, e);
		run = i + 1;
	}
	strbuf_append(out, s + run, len - run);
}

static void
ls_note(const struct linkstrip *ls, int html, struct strbuf *out)
{
	const char	*n = ls->ls_note ? ls->ls_note : "[link removed]";

	if (html) {
		strbuf_puts(out, "<i>");
		linkstrip_escape(out, n, strlen(n));
		strbuf_puts(out, "</i>");
	} else
		strbuf_puts(out, n);
}

/* Decode (HTML attribute rules when html) and ask the predicate. */
static int
ls_match(const struct linkstrip *ls, const char *raw, size_t len, int html)
{
	struct strbuf	url = STRBUF_INIT;
	size_t		b = 0, e = len;
	int		rc;

	while (b < e && (raw[b] == ' ' || raw[b] == '\t' || raw[b] == '\r' ||
	    raw[b] == '\n'))
		b++;
	while (e > b && (raw[e - 1] == ' ' || raw[e - 1] == '\t' ||
	    raw[e - 1] == '\r' || raw[e - 1] == '\n'))
		e--;
	if (e - b > LINKSTRIP_URL_MAX)
		e = b + LINKSTRIP_URL_MAX;
	if (html)
		htmlent_decode(raw + b, e - b, 1, &url);
	else
		strbuf_append(&url, raw + b, e - b);
	rc = strbuf_error(&url) ? 0 : ls->ls_match(strbuf_str(&url), ls->ls_arg);
	strbuf_free(&url);
	return rc;
}

/* End of a URL starting at s[i]. */
static int
ls_url_end(const char *s, size_t len, size_t i)
{
	size_t	e = i;

	while (e < len) {
		unsigned char c = (unsigned char)s[e];

		if (c <= ' ' || c == '"' || c == '\'' || c == '<' || c == '>' ||
		    c == 0x7f)
			break;
		e++;
	}
	while (e > i && strchr(".,;:)!?", s[e - 1]) != NULL)
		e--;
	return (int)(e - i);
}

static int
ls_text_urls(const struct linkstrip *ls, const char *s, size_t len, int html,
    struct strbuf *out, size_t *n)
{
	size_t		 i = 0, run = 0, ulen;
	const char	*p;

	while (i < len && (p = text_memcasemem(s + i, len - i, "http", 4)) != NULL) {
		i = (size_t)(p - s);
		if (!text_has_prefix_ci(p, "http://") &&
		    !(len - i >= 8 && text_has_prefix_ci(p, "https://"))) {
			i += 4;
			continue;
		}
		ulen = (size_t)ls_url_end(s, len, i);
		if (ls_match(ls, s + i, ulen, html)) {
			strbuf_append(out, s + run, i - run);
			ls_note(ls, html, out);
			(*n)++;
			run = i + ulen;
		}
		i += ulen > 0 ? ulen : 4;
	}
	strbuf_append(out, s + run, len - run);
	return strbuf_error(out) ? -1 : 0;
}

int
linkstrip_text(const struct linkstrip *ls, const char *src, size_t len,
    struct strbuf *out, size_t *n)
{
	return ls_text_urls(ls, src, len, 0, out, n);
}

int
linkstrip_html(const struct linkstrip *ls, const char *src, size_t len,
    struct strbuf *out, size_t *n)
{
	struct html_lexer	 lx;
	struct html_token	 t;
	const struct html_attr	*a;
	int			 in_stripped = 0;

	html_lexer_init(&lx, src, len);
	while (html_next(&lx, &t)) {
		const char *tok = src + t.t_off;

		if (t.t_type == HTML_TEXT && !t.t_raw) {
			ls_text_urls(ls, tok, t.t_len, 1, out, n);
			continue;
		}
		if (t.t_type == HTML_END && in_stripped && html_is(&t, HTML_END, "a")) {
			in_stripped = 0;
			strbuf_putc(out, ' ');
			ls_note(ls, 1, out);
			continue;
		}
		if (t.t_type != HTML_START ||
		    (a = html_attr(&lx, &t, "href")) == NULL || !a->a_has_val ||
		    !ls_match(ls, src + a->a_val_off, a->a_val_len, 1)) {
			strbuf_append(out, tok, t.t_len);
			continue;
		}
		(*n)++;
		if (html_is(&t, HTML_START, "a") && !t.t_selfclose) {
			in_stripped = 1;	/* drop <a>, keep its text */
			continue;
		}
		/* Another tag with a href: copy it without the attribute. */
		strbuf_append(out, tok, a->a_name_off - t.t_off);
		strbuf_append(out, src + a->a_val_off + a->a_val_len +
		    (a->a_quote ? 1 : 0), t.t_off + t.t_len -
		    (a->a_val_off + a->a_val_len + (a->a_quote ? 1 : 0)));
	}
	if (in_stripped) {
		strbuf_putc(out, ' ');
		ls_note(ls, 1, out);
	}
	return strbuf_error(out) ? -1 : 0;
}
