/*
 * NAME
 *	page - classify a court's answer to a document link
 * SUMMARY
 *	login / receipt / attachment menu / sealed / unavailable / iframe /
 *	redirect / pdf, from the bytes alone
 * SYNOPSIS
 *	#include "page.h"
 *
 *	struct page *pg;
 *	if (page_classify(body, len, &pg) == 0) {
 *		... pg->p_kind, pg->p_target, pg->p_att[i] ...
 *		pg = page_free(pg);
 *	}
 * DESCRIPTION
 *	A small HTML tokenizer (start tags with attributes, end tags, text,
 *	script bodies; comments and declarations skipped; entities decoded)
 *	feeds one pass that gathers every signal: password fields and the
 *	GetPass form, iframe sources, meta refresh and script redirects,
 *	links and form actions to the PACER login host, receipt buttons, the
 *	rows of an attachment menu (goDLS() calls and /doc1/ links with the
 *	cells that follow them), and the page text folded to lower case with
 *	white space squeezed.  page_classify() then decides by the
 *	precedence documented in page.h.
 * DIAGNOSTICS
 *	page_classify() fails (-1) only when memory runs out.  Bad input
 *	never fails: it classifies as PAGE_UNKNOWN.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "page.h"
#include "strbuf.h"
#include "text.h"
#include "url.h"

#define SCAN_MAX_ATTRS	32	/* attributes kept per tag */
#define GODLS_MAX_ARGS	10	/* arguments of goDLS() read */

enum tok_type { T_EOF, T_TEXT, T_START, T_END, T_SCRIPT };

struct attr {
	const char	*a_name;
	size_t		 a_nlen;
	const char	*a_val;		/* raw, entities not decoded */
	size_t		 a_vlen;
};

struct tok {
	int		 t_type;
	const char	*t_p;		/* text, tag name or script body */
	size_t		 t_n;
	size_t		 t_nattr;
	struct attr	 t_attr[SCAN_MAX_ATTRS];
};

struct scan {
	const char	*s_p, *s_end;
	int		 s_raw;		/* 1 in <script>, 2 in <style> */
};

struct collect {
	struct strbuf	 c_text;	/* folded, lower case */
	struct strbuf	 c_cell;	/* current cell, folded */
	struct strbuf	 c_anchor;	/* current doc anchor text */
	int		 c_getpass, c_password, c_receipt;
	char		*c_login;	/* strong login target */
	char		*c_login_link;	/* weak: <a href> to the login host */
	char		*c_iframe;	/* show_temp.pl iframe, else first */
	int		 c_iframe_showtemp;
	char		*c_redirect;
	int		 c_godls;	/* rows found through goDLS() */
	struct page_att	*c_att;
	size_t		 c_natt, c_cap;
	long		 c_row;		/* index of the open row's doc, -1 */
	int		 c_in_anchor, c_cell_has_link, c_in_cell;
	int		 c_err;
};

static int	 scan_next(struct scan *, struct tok *);
static const char *scan_attrs(const char *, const char *, struct tok *);
static int	 tag_is(const struct tok *, const char *);
static const struct attr *attr_get(const struct tok *, const char *);
static size_t	 decode_entity(const char *, const char *, unsigned long *);
static void	 put_folded(struct strbuf *, const char *, size_t, int);
static char	*attr_dup(const struct attr *, size_t);
static int	 is_login_target(const char *);
static void	 set_target(char **, const char *, size_t);
static void	 script_redirects(struct collect *, const char *, size_t);
static void	 meta_refresh(struct collect *, const struct tok *);
static void	 on_start(struct collect *, const struct tok *);
static void	 on_end(struct collect *, const struct tok *);
static void	 on_text(struct collect *, const char *, size_t);
static void	 anchor_start(struct collect *, const struct tok *);
static void	 cell_end(struct collect *);
static int	 parse_godls(const char *, char *[GODLS_MAX_ARGS]);
static int	 is_inline_tag(const struct tok *);
static const char *find_any(const struct strbuf *, const char *const *);
static void	 att_free(struct page_att *);
static void	 collect_free(struct collect *);
static void	 decide(struct collect *, struct page *);

/* Needles are folded: lower case, single spaces. */
static const char *const LOGIN_TEXT[] = {
	"cm/ecf filer or pacer login",
	"if you received this login page as a result of a link",
	NULL
};
static const char *const RECEIPT_TEXT[] = {
	"transaction receipt", "download confirmation",
	"accept charges and retrieve", NULL
};
static const char *const MENU_TEXT[] = {
	"document selection menu", "multiple documents", NULL
};
static const char *const SEALED_TEXT[] = {
	"under seal and not available", "document is sealed",
	"this document is sealed", "sealed document",
	"the document you are about to view is sealed", "case under seal",
	NULL
};
static const char *const RESTRICTED_TEXT[] = {
	"this document is restricted to",
	"permission to view this document is denied",
	"this image is not available for viewing by non-court users",
	"you do not have access to this transcript",
	NULL
};
static const char *const PERMISSION_TEXT[] = {
	"you do not have permission to view this document", NULL
};
static const char *const UNAVAILABLE_TEXT[] = {
	"the document is not available", "this document is not available",
	"could not retrieve dktentry for dlsid",
	"cannot locate the case with caseid",
	"no matter of public record has been filed",
	"a client code is required for pacer search",
	"the requested document cannot be displayed",
	"documents are attached to this filing",
	NULL
};

int
page_is_pdf(const void *bytes, size_t len)
{
	return len >= 5 && memcmp(bytes, "%PDF-", 5) == 0;
}

/* ---- the tokenizer ------------------------------------------------- */

static const char *
scan_attrs(const char *p, const char *end, struct tok *t)
{
	while (p < end) {
		const char *n, *v = NULL;
		size_t nl, vl = 0;

		while (p < end && (isspace((unsigned char)*p) || *p == '/'))
			p++;
		if (p >= end || *p == '>')
			break;
		n = p;
		while (p < end && !isspace((unsigned char)*p) && *p != '=' &&
		    *p != '>' && *p != '/')
			p++;
		nl = (size_t)(p - n);
		if (nl == 0)
			p++;		/* a stray '=' or quote */
		while (p < end && isspace((unsigned char)*p))
			p++;
		if (p < end && *p == '=') {
			p++;
			while (p < end && isspace((unsigned char)*p))
				p++;
			if (p < end && (*p == '"' || *p == '\'')) {
				const char *q = memchr(p + 1, *p, (size_t)(end - p - 1));

				v = p + 1;
				vl = (size_t)((q ? q : end) - v);
				p = q ? q + 1 : end;
			} else {
				v = p;
				while (p < end && !isspace((unsigned char)*p) &&
				    *p != '>')
					p++;
				vl = (size_t)(p - v);
			}
		}
		if (nl > 0 && t->t_nattr < SCAN_MAX_ATTRS) {
			struct attr *a = &t->t_attr[t->t_nattr++];

			a->a_name = n;
			a->a_nlen = nl;
			a->a_val = v ? v : "";
			a->a_vlen = vl;
		}
	}
	return p < end ? p + 1 : end;
}

static int
scan_next(struct scan *s, struct tok *t)
{
	const char *p, *end = s->s_end;

	t->t_nattr = 0;
	for (;;) {
		p = s->s_p;
		if (s->s_raw != 0) {
			const char *close = s->s_raw == 1 ? "</script" : "</style";
			const char *q = text_memcasemem(p, (size_t)(end - p),
			    close, strlen(close));
			int raw = s->s_raw;

			q = q ? q : end;
			s->s_raw = 0;
			s->s_p = q;
			if (raw == 2)
				continue;
			t->t_type = T_SCRIPT;
			t->t_p = p;
			t->t_n = (size_t)(q - p);
			return t->t_type;
		}
		if (p >= end)
			return t->t_type = T_EOF;
		if (*p != '<' || p + 1 >= end ||
		    !(isalpha((unsigned char)p[1]) || p[1] == '/' ||
		    p[1] == '!' || p[1] == '?')) {
			const char *q = memchr(p + 1, '<', (size_t)(end - p - 1));

			s->s_p = q ? q : end;
			t->t_type = T_TEXT;
			t->t_p = p;
			t->t_n = (size_t)(s->s_p - p);
			return t->t_type;
		}
		if (p + 3 < end && memcmp(p, "<!--", 4) == 0) {
			const char *q = text_memcasemem(p + 4,
			    (size_t)(end - p - 4), "-->", 3);

			s->s_p = q ? q + 3 : end;
			continue;
		}
		if (p[1] == '!' || p[1] == '?' ||
		    (p[1] == '/' && (p + 2 >= end || !isalpha((unsigned char)p[2])))) {
			const char *q = memchr(p, '>', (size_t)(end - p));

			s->s_p = q ? q + 1 : end;
			continue;
		}
		t->t_type = p[1] == '/' ? T_END : T_START;
		p += t->t_type == T_END ? 2 : 1;
		t->t_p = p;
		while (p < end && (isalnum((unsigned char)*p) || *p == '-' ||
		    *p == ':'))
			p++;
		t->t_n = (size_t)(p - t->t_p);
		s->s_p = scan_attrs(p, end, t);
		if (t->t_type == T_END)
			t->t_nattr = 0;
		else if (tag_is(t, "script"))
			s->s_raw = 1;
		else if (tag_is(t, "style"))
			s->s_raw = 2;
		return t->t_type;
	}
}

static int
tag_is(const struct tok *t, const char *name)
{
	return t->t_n == strlen(name) && strncasecmp(t->t_p, name, t->t_n) == 0;
}

static const struct attr *
attr_get(const struct tok *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->t_nattr; i++)
		if (t->t_attr[i].a_nlen == strlen(name) &&
		    strncasecmp(t->t_attr[i].a_name, name, t->t_attr[i].a_nlen) == 0)
			return &t->t_attr[i];
	return NULL;
}

/*
 * p points at '&'.  Returns the bytes the entity spans (0: not one we
 * know) and the code point in *cp.
 */
static size_t
decode_entity(const char *p, const char *end, unsigned long *cp)
{
	static const struct { const char *n; unsigned long c; } names[] = {
		{ "amp", '&' }, { "lt", '<' }, { "gt", '>' }, { "quot", '"' },
		{ "apos", '\'' }, { "nbsp", ' ' }, { "ndash", 0x2013 },
		{ "mdash", 0x2014 },
	};
	const char *q = p + 1;
	size_t i;

	if (q < end && *q == '#') {
		int base = 10;
		unsigned long v = 0;
		const char *d;

		q++;
		if (q < end && (*q == 'x' || *q == 'X'))
			base = 16, q++;
		for (d = q; q < end && q - d < 8 && (base == 16 ?
		    isxdigit((unsigned char)*q) : isdigit((unsigned char)*q)); q++)
			v = v * (unsigned long)base + (unsigned long)(isdigit(
			    (unsigned char)*q) ? *q - '0' : (tolower(*q) - 'a' + 10));
		if (q == d)
			return 0;
		*cp = (v == 0 || v > 0x10ffff || v == 0xa0) ? ' ' : v;
		return (size_t)((q < end && *q == ';' ? q + 1 : q) - p);
	}
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		size_t n = strlen(names[i].n);

		if ((size_t)(end - q) >= n && strncmp(q, names[i].n, n) == 0) {
			*cp = names[i].c;
			q += n;
			return (size_t)((q < end && *q == ';' ? q + 1 : q) - p);
		}
	}
	return 0;
}

/*
 * Append n bytes of HTML text to sb with entities decoded and white space
 * squeezed to one blank (none at the start); lower case when lower.
 */
static void
put_folded(struct strbuf *sb, const char *p, size_t n, int lower)
{
	const char *end = p + n;
	char u[4];

	while (p < end) {
		unsigned long c = (unsigned char)*p;
		size_t k = 1, ul = 1;

		if (c == '&' && (k = decode_entity(p, end, &c)) == 0)
			k = 1, c = '&';
		p += k;
		if (c < 0x80 && isspace((int)c)) {
			if (sb->sb_len > 0 && sb->sb_s[sb->sb_len - 1] != ' ')
				strbuf_putc(sb, ' ');
			continue;
		}
		if (k > 1 && c >= 0x80) {	/* a decoded entity: UTF-8 */
			if (c < 0x800) {
				u[0] = (char)(0xc0 | (c >> 6));
				u[1] = (char)(0x80 | (c & 0x3f));
				ul = 2;
			} else if (c < 0x10000) {
				u[0] = (char)(0xe0 | (c >> 12));
				u[1] = (char)(0x80 | ((c >> 6) & 0x3f));
				u[2] = (char)(0x80 | (c & 0x3f));
				ul = 3;
			} else {
				u[0] = (char)(0xf0 | (c >> 18));
				u[1] = (char)(0x80 | ((c >> 12) & 0x3f));
				u[2] = (char)(0x80 | ((c >> 6) & 0x3f));
				u[3] = (char)(0x80 | (c & 0x3f));
				ul = 4;
			}
			strbuf_append(sb, u, ul);
			continue;
		}
		strbuf_putc(sb, lower && c < 0x80 ? tolower((int)c) : (int)c);
	}
}

/* A decoded, trimmed copy of an attribute value, at most max bytes. */
static char *
attr_dup(const struct attr *a, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;

	strbuf_init(&sb, max);
	put_folded(&sb, a->a_val, a->a_vlen, 0);
	if (sb.sb_len > 0 && sb.sb_s[sb.sb_len - 1] == ' ')
		strbuf_truncate(&sb, sb.sb_len - 1);
	if (sb.sb_err == E2BIG) {	/* keep the capped prefix */
		sb.sb_err = 0;
	}
	s = strbuf_detach(&sb);
	if (s == NULL)
		s = strdup("");
	return s;
}

/* ---- signals ------------------------------------------------------- */

static int
is_login_target(const char *s)
{
	return text_memcasemem(s, strlen(s), "pacer.login.uscourts.gov", 24) ||
	    text_memcasemem(s, strlen(s), "csologin", 8) ||
	    (text_memcasemem(s, strlen(s), "/login.pl", 9) &&
	    !text_memcasemem(s, strlen(s), "logout", 6));
}

static void
set_target(char **dst, const char *s, size_t n)
{
	struct attr a = { "", 0, s, n };

	if (*dst == NULL)
		*dst = attr_dup(&a, URL_MAX + 1);
}

/*
 * Script redirects with a string literal argument:
 *	[window.|document.|top.|self.]location[.href] = "..."
 *	location.assign("...")  location.replace('...')
 * "top.location.replace(location.href)" has no literal and is ignored.
 */
static void
script_redirects(struct collect *c, const char *p, size_t n)
{
	const char *end = p + n, *q;

	while ((q = text_memcasemem(p, (size_t)(end - p), "location", 8)) != NULL) {
		const char *s = q + 8, *lit;
		char quote;

		p = s;
		if (end - s >= 5 && strncmp(s, ".href", 5) == 0)
			s += 5;
		while (s < end && isspace((unsigned char)*s))
			s++;
		if (s < end && *s == '=' && (s + 1 >= end || s[1] != '=')) {
			s++;
		} else if ((end - s >= 7 && strncmp(s, ".assign", 7) == 0) ||
		    (end - s >= 8 && strncmp(s, ".replace", 8) == 0)) {
			s += s[1] == 'a' ? 7 : 8;
			while (s < end && isspace((unsigned char)*s))
				s++;
			if (s >= end || *s != '(')
				continue;
			s++;
		} else {
			continue;
		}
		while (s < end && isspace((unsigned char)*s))
			s++;
		if (s >= end || (*s != '"' && *s != '\''))
			continue;
		quote = *s++;
		lit = s;
		while (s < end && *s != quote && *s != '\n')
			s++;
		if (s >= end || *s != quote)
			continue;
		set_target(&c->c_redirect, lit, (size_t)(s - lit));
		if (is_login_target(c->c_redirect) && c->c_login == NULL)
			c->c_login = strdup(c->c_redirect);
		p = s;
	}
}

/* <meta http-equiv="refresh" content="0; url=..."> */
static void
meta_refresh(struct collect *c, const struct tok *t)
{
	const struct attr *he = attr_get(t, "http-equiv"), *ct = attr_get(t, "content");
	const char *u, *e;

	if (he == NULL || ct == NULL || he->a_vlen != 7 ||
	    strncasecmp(he->a_val, "refresh", 7) != 0)
		return;
	u = text_memcasemem(ct->a_val, ct->a_vlen, "url", 3);
	if (u == NULL)
		return;
	e = ct->a_val + ct->a_vlen;
	u += 3;
	while (u < e && (isspace((unsigned char)*u) || *u == '='))
		u++;
	if (u < e && (*u == '\'' || *u == '"')) {
		u++;
		if (e > u && e[-1] == u[-1])
			e--;
	}
	set_target(&c->c_redirect, u, (size_t)(e - u));
	if (is_login_target(c->c_redirect) && c->c_login == NULL)
		c->c_login = strdup(c->c_redirect);
}

/* ---- the attachment menu ------------------------------------------- */

/* goDLS('url','caseid','seq','','','','magic','','') -> args (owned). */
static int
parse_godls(const char *s, char *args[GODLS_MAX_ARGS])
{
	const char *p = strstr(s, "goDLS(");
	int n = 0;

	if (p == NULL)
		return 0;
	p += 6;
	while (n < GODLS_MAX_ARGS && *p != '\0' && *p != ')') {
		const char *a;
		size_t l;

		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\'' || *p == '"') {
			char q = *p++;

			a = p;
			while (*p != '\0' && *p != q)
				p++;
			l = (size_t)(p - a);
			if (*p == q)
				p++;
		} else {
			a = p;
			while (*p != '\0' && *p != ',' && *p != ')')
				p++;
			l = (size_t)(p - a);
		}
		args[n] = strndup(a, l < URL_MAX ? l : URL_MAX);
		if (args[n++] == NULL)
			return -1;
		while (isspace((unsigned char)*p))
			p++;
		if (*p == ',')
			p++;
	}
	return n;
}

static void
anchor_start(struct collect *c, const struct tok *t)
{
	const struct attr *oc = attr_get(t, "onclick"), *hr = attr_get(t, "href");
	char *args[GODLS_MAX_ARGS], *onclick = NULL, *href = NULL;
	struct page_att *a;
	int n = 0, i;

	if (oc != NULL && (onclick = attr_dup(oc, 4 * URL_MAX)) != NULL)
		n = parse_godls(onclick, args);
	if (hr != NULL)
		href = attr_dup(hr, URL_MAX + 1);
	free(onclick);
	if (n < 0) {
		c->c_err = 1;
		n = 0;
	}
	if (href != NULL && is_login_target(href) && c->c_login_link == NULL &&
	    text_memcasemem(href, strlen(href), "logout", 6) == NULL)
		c->c_login_link = strdup(href);
	if ((n == 0 || strstr(args[0], "/doc1/") == NULL) &&
	    (href == NULL || strstr(href, "/doc1/") == NULL))
		goto out;
	if (c->c_row >= 0 || c->c_natt >= PAGE_MAX_ATTACHMENTS)
		goto out;		/* one document per row */
	if (c->c_natt == c->c_cap) {
		size_t cap = c->c_cap ? 2 * c->c_cap : 8;
		struct page_att *na = realloc(c->c_att, cap * sizeof(*na));

		if (na == NULL) {
			c->c_err = 1;
			goto out;
		}
		c->c_att = na;
		c->c_cap = cap;
	}
	a = &c->c_att[c->c_natt];
	memset(a, 0, sizeof(*a));
	a->pa_pages = -1;
	if (n > 0 && strstr(args[0], "/doc1/") != NULL) {
		a->pa_link = args[0], args[0] = NULL;
		a->pa_caseid = strdup(n > 1 ? args[1] : "");
		a->pa_seq = strdup(n > 2 ? args[2] : "");
		a->pa_magic = strdup(n > 6 ? args[6] : "");
		c->c_godls++;
	} else {
		a->pa_link = href, href = NULL;
		a->pa_caseid = strdup("");
		a->pa_seq = strdup("");
		a->pa_magic = strdup("");
	}
	a->pa_desc = strdup("");
	a->pa_size = strdup("");
	c->c_row = (long)c->c_natt++;
	if (a->pa_link == NULL || a->pa_caseid == NULL || a->pa_seq == NULL ||
	    a->pa_magic == NULL || a->pa_desc == NULL || a->pa_size == NULL)
		c->c_err = 1;
	c->c_in_anchor = 1;
	c->c_cell_has_link = 1;
	strbuf_reset(&c->c_anchor);
out:
	for (i = 0; i < n; i++)
		free(args[i]);
	free(href);
}

/* A table cell ended: is it the pages, the size or the description? */
static void
cell_end(struct collect *c)
{
	struct page_att *a;
	const char *s = strbuf_str(&c->c_cell);
	char *end;
	long v;

	if (c->c_cell.sb_len > 0 && s[c->c_cell.sb_len - 1] == ' ')
		strbuf_truncate(&c->c_cell, c->c_cell.sb_len - 1);
	if (c->c_in_cell && c->c_row >= 0 && !c->c_cell_has_link && *s != '\0') {
		a = &c->c_att[c->c_row];
		v = strtol(s, &end, 10);
		if (end != s && (strcasecmp(end, " page") == 0 ||
		    strcasecmp(end, " pages") == 0) && a->pa_pages < 0) {
			a->pa_pages = (int)(v > 1000000 ? 1000000 : v);
		} else if (end != s && (text_memcasemem(end, strlen(end), "kb", 2) ||
		    text_memcasemem(end, strlen(end), "mb", 2) ||
		    strcasecmp(end, " b") == 0 || strcasecmp(end, " bytes") == 0) &&
		    strlen(s) < PAGE_SIZE_MAX && a->pa_size[0] == '\0') {
			free(a->pa_size);
			a->pa_size = strdup(s);
		} else if (a->pa_desc[0] == '\0') {
			free(a->pa_desc);
			a->pa_desc = strndup(s, PAGE_DESC_MAX);
		}
		if (a->pa_size == NULL || a->pa_desc == NULL)
			c->c_err = 1;
	}
	strbuf_reset(&c->c_cell);
	c->c_in_cell = 0;
	c->c_cell_has_link = 0;
}

/* ---- the pass ------------------------------------------------------ */

static int
is_inline_tag(const struct tok *t)
{
	static const char *const inl[] = { "b", "i", "u", "a", "font", "span",
	    "strong", "em", "big", "small", "tt", "sup", "sub", NULL };
	size_t i;

	for (i = 0; inl[i] != NULL; i++)
		if (tag_is(t, inl[i]))
			return 1;
	return 0;
}

static void
on_start(struct collect *c, const struct tok *t)
{
	const struct attr *a;

	if (!is_inline_tag(t))
		put_folded(&c->c_text, " ", 1, 1);
	if (tag_is(t, "tr") || tag_is(t, "table")) {
		cell_end(c);
		c->c_row = -1;
	} else if (tag_is(t, "td") || tag_is(t, "th")) {
		cell_end(c);
		c->c_in_cell = 1;
	} else if (tag_is(t, "a")) {
		anchor_start(c, t);
	} else if (tag_is(t, "iframe") || tag_is(t, "frame") ||
	    tag_is(t, "embed")) {
		if ((a = attr_get(t, "src")) != NULL && a->a_vlen > 0) {
			int st = text_memcasemem(a->a_val, a->a_vlen,
			    "show_temp.pl", 12) != NULL;

			if (st && !c->c_iframe_showtemp) {
				free(c->c_iframe);
				c->c_iframe = NULL;
				c->c_iframe_showtemp = 1;
			}
			set_target(&c->c_iframe, a->a_val, a->a_vlen);
		}
	} else if (tag_is(t, "form")) {
		if ((a = attr_get(t, "name")) != NULL && a->a_vlen == 7 &&
		    strncasecmp(a->a_val, "GetPass", 7) == 0)
			c->c_getpass = 1;
		if ((a = attr_get(t, "action")) != NULL) {
			char *act = attr_dup(a, URL_MAX + 1);

			if (act != NULL && is_login_target(act) && c->c_login == NULL)
				c->c_login = act, act = NULL;
			free(act);
		}
	} else if (tag_is(t, "input") || tag_is(t, "button")) {
		if ((a = attr_get(t, "type")) != NULL && a->a_vlen == 8 &&
		    strncasecmp(a->a_val, "password", 8) == 0)
			c->c_password = 1;
		if ((a = attr_get(t, "value")) != NULL &&
		    (text_memcasemem(a->a_val, a->a_vlen, "View Document", 13) ||
		    text_memcasemem(a->a_val, a->a_vlen, "Accept Charges", 14)))
			c->c_receipt = 1;
	} else if (tag_is(t, "meta")) {
		meta_refresh(c, t);
	}
}

static void
on_end(struct collect *c, const struct tok *t)
{
	char *e;
	long v;

	if (!is_inline_tag(t))
		put_folded(&c->c_text, " ", 1, 1);
	if (tag_is(t, "a") && c->c_in_anchor) {
		c->c_in_anchor = 0;
		v = strtol(strbuf_str(&c->c_anchor), &e, 10);
		if (c->c_row >= 0 && e != strbuf_str(&c->c_anchor) && v >= 0 &&
		    v < 1000000)
			c->c_att[c->c_row].pa_number = (int)v;
	} else if (tag_is(t, "td") || tag_is(t, "th")) {
		cell_end(c);
	} else if (tag_is(t, "tr") || tag_is(t, "table")) {
		cell_end(c);
		c->c_row = -1;
	}
}

static void
on_text(struct collect *c, const char *p, size_t n)
{
	put_folded(&c->c_text, p, n, 1);
	if (c->c_in_cell)
		put_folded(&c->c_cell, p, n, 0);
	if (c->c_in_anchor)
		put_folded(&c->c_anchor, p, n, 0);
}

static const char *
find_any(const struct strbuf *sb, const char *const *needles)
{
	size_t i;

	for (i = 0; needles[i] != NULL; i++)
		if (text_memcasemem(strbuf_str(sb), sb->sb_len, needles[i],
		    strlen(needles[i])) != NULL)
			return needles[i];
	return NULL;
}

static void
decide(struct collect *c, struct page *pg)
{
	const char *m;

	if (c->c_getpass || c->c_password || c->c_login != NULL ||
	    (m = find_any(&c->c_text, LOGIN_TEXT)) != NULL) {
		pg->p_kind = PAGE_LOGIN;
		pg->p_match = c->c_getpass ? "GetPass form" : c->c_password ?
		    "password field" : c->c_login ? "login redirect" :
		    find_any(&c->c_text, LOGIN_TEXT);
		pg->p_target = c->c_login, c->c_login = NULL;
	} else if (c->c_receipt || (m = find_any(&c->c_text, RECEIPT_TEXT)) != NULL) {
		pg->p_kind = PAGE_RECEIPT;
		pg->p_match = c->c_receipt ? "charge button" :
		    find_any(&c->c_text, RECEIPT_TEXT);
	} else if (c->c_natt > 0 && (c->c_godls > 0 || c->c_natt > 1) &&
	    (c->c_natt > 1 || find_any(&c->c_text, MENU_TEXT) != NULL)) {
		pg->p_kind = PAGE_MENU;
		pg->p_match = "document rows";
		pg->p_docnum = c->c_att[0].pa_number;
		c->c_att[0].pa_number = 0;
		pg->p_att = c->c_att, pg->p_natt = c->c_natt;
		c->c_att = NULL, c->c_natt = 0;
	} else if ((m = find_any(&c->c_text, SEALED_TEXT)) != NULL) {
		pg->p_kind = PAGE_SEALED, pg->p_match = m;
	} else if ((m = find_any(&c->c_text, RESTRICTED_TEXT)) != NULL) {
		pg->p_kind = PAGE_RESTRICTED, pg->p_match = m;
	} else if ((m = find_any(&c->c_text, PERMISSION_TEXT)) != NULL) {
		pg->p_kind = PAGE_PERMISSION, pg->p_match = m;
	} else if ((m = find_any(&c->c_text, UNAVAILABLE_TEXT)) != NULL) {
		pg->p_kind = PAGE_UNAVAILABLE, pg->p_match = m;
	} else if (c->c_login_link != NULL) {
		pg->p_kind = PAGE_LOGIN, pg->p_match = "link to the login host";
		pg->p_target = c->c_login_link, c->c_login_link = NULL;
	} else if (c->c_iframe != NULL) {
		pg->p_kind = PAGE_IFRAME, pg->p_match = "iframe";
		pg->p_target = c->c_iframe, c->c_iframe = NULL;
	} else if (c->c_redirect != NULL) {
		pg->p_kind = PAGE_REDIRECT, pg->p_match = "redirect";
		pg->p_target = c->c_redirect, c->c_redirect = NULL;
	} else {
		pg->p_kind = PAGE_UNKNOWN, pg->p_match = "nothing recognized";
	}
}

static void
att_free(struct page_att *a)
{
	free(a->pa_link);
	free(a->pa_caseid);
	free(a->pa_seq);
	free(a->pa_magic);
	free(a->pa_desc);
	free(a->pa_size);
}

static void
collect_free(struct collect *c)
{
	size_t i;

	strbuf_free(&c->c_text);
	strbuf_free(&c->c_cell);
	strbuf_free(&c->c_anchor);
	free(c->c_login);
	free(c->c_login_link);
	free(c->c_iframe);
	free(c->c_redirect);
	for (i = 0; i < c->c_natt; i++)
		att_free(&c->c_att[i]);
	free(c->c_att);
}

int
page_classify(const char *bytes, size_t len, struct page **out)
{
	struct collect c;
	struct scan s;
	struct tok *t;
	struct page *pg;
	int err;

	*out = NULL;
	if ((pg = calloc(1, sizeof(*pg))) == NULL)
		return -1;
	pg->p_docnum = -1;
	if (page_is_pdf(bytes, len)) {
		pg->p_kind = PAGE_PDF;
		pg->p_match = "%PDF-";
		*out = pg;
		return 0;
	}
	if ((t = malloc(sizeof(*t))) == NULL) {
		free(pg);
		return -1;
	}
	memset(&c, 0, sizeof(c));
	strbuf_init(&c.c_text, len + 16);
	strbuf_init(&c.c_cell, 4 * PAGE_DESC_MAX);
	strbuf_init(&c.c_anchor, 64);
	c.c_row = -1;
	s.s_p = bytes;
	s.s_end = bytes + len;
	s.s_raw = 0;
	while (scan_next(&s, t) != T_EOF) {
		if (t->t_type == T_START)
			on_start(&c, t);
		else if (t->t_type == T_END)
			on_end(&c, t);
		else if (t->t_type == T_TEXT)
			on_text(&c, t->t_p, t->t_n);
		else if (t->t_type == T_SCRIPT)
			script_redirects(&c, t->t_p, t->t_n);
	}
	cell_end(&c);
	free(t);
	decide(&c, pg);
	if (pg->p_kind == PAGE_UNKNOWN || pg->p_kind == PAGE_IFRAME ||
	    pg->p_kind == PAGE_REDIRECT) {
		if (text_memcasemem(bytes, len, "pdf:Producer", 12) != NULL) {
			free(pg->p_target);
			pg->p_target = NULL;
			pg->p_kind = PAGE_PDF_IN_HTML;
			pg->p_match = "pdf:Producer";
		}
	}
	err = c.c_err || c.c_text.sb_err == ENOMEM;
	collect_free(&c);
	if (err) {
		page_free(pg);
		return -1;
	}
	*out = pg;
	return 0;
}

struct page *
page_free(struct page *pg)
{
	size_t i;

	if (pg == NULL)
		return NULL;
	free(pg->p_target);
	for (i = 0; i < pg->p_natt; i++)
		att_free(&pg->p_att[i]);
	free(pg->p_att);
	free(pg);
	return NULL;
}

int
page_is_login_url(const char *s)
{
	return is_login_target(s);
}

const char *
page_kind_name(int kind)
{
	static const char *const names[] = {
		"unknown", "pdf", "login", "receipt", "menu", "sealed",
		"restricted", "permission", "unavailable", "pdf-in-html",
		"iframe", "redirect",
	};

	if (kind < 0 || (size_t)kind >= sizeof(names) / sizeof(names[0]))
		return "unknown";
	return names[kind];
}
