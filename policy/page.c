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
 *	The project's HTML tokenizer (html.h) feeds one pass that gathers
 *	every signal: password fields and the
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "page.h"
#include "strbuf.h"
#include "text.h"
#include "url.h"

#define GODLS_MAX_ARGS	12	/* arguments of goDLS() read */

/* An attribute value as found in the source (entities not decoded). */
struct attr {
	const char	*a_val;
	size_t		 a_vlen;
};

enum { RAW_NONE, RAW_SCRIPT, RAW_TEXT, RAW_SKIP };

struct collect {
	const struct html_lexer *c_lx;
	int		 c_raw;		/* what the next raw text is */
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

static int	 tag_is(const struct html_token *, const char *);
static int	 attr_get(const struct collect *, const struct html_token *,
		    const char *, struct attr *);
static void	 put_folded(struct strbuf *, const char *, size_t, int);
static char	*attr_dup(const struct attr *, size_t);
static int	 is_login_target(const char *);
static void	 set_target(char **, const char *, size_t);
static void	 note_login(struct collect *, const char *, size_t);
static void	 login_raw(struct collect *, const char *, size_t);
static void	 script_redirects(struct collect *, const char *, size_t);
static void	 meta_refresh(struct collect *, const struct html_token *);
static void	 on_start(struct collect *, const struct html_token *);
static void	 on_end(struct collect *, const struct html_token *);
static void	 on_text(struct collect *, const char *, size_t);
static void	 anchor_start(struct collect *, const struct html_token *);
static void	 cell_end(struct collect *);
static int	 parse_godls(const char *, char *[GODLS_MAX_ARGS]);
static int	 is_inline_tag(const struct html_token *);
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

/* ---- tokens ------------------------------------------------------ */

static int
tag_is(const struct html_token *t, const char *name)
{
	return strcmp(t->t_name, name) == 0;
}

static int
attr_get(const struct collect *c, const struct html_token *t,
    const char *name, struct attr *a)
{
	const struct html_attr *h = html_attr(c->c_lx, t, name);

	if (h == NULL)
		return 0;
	a->a_val = c->c_lx->hl_src + h->a_val_off;
	a->a_vlen = h->a_has_val ? h->a_val_len : 0;
	return 1;
}

/*
 * Append n bytes of HTML text to sb with entities decoded and white space
 * (U+00A0 included) squeezed to one blank (none at the start); lower case
 * when lower.
 */
static void
put_folded(struct strbuf *sb, const char *p, size_t n, int lower)
{
	struct strbuf d = STRBUF_INIT;
	size_t i;

	strbuf_init(&d, 4 * n + 16);
	htmlent_decode(p, n, 0, &d);
	for (i = 0; i < d.sb_len; i++) {
		int c = (unsigned char)d.sb_s[i];

		if (c == 0xc2 && i + 1 < d.sb_len &&
		    (unsigned char)d.sb_s[i + 1] == 0xa0) {
			i++;
			c = ' ';
		}
		if (c < 0x80 && isspace(c)) {
			if (sb->sb_len > 0 && sb->sb_s[sb->sb_len - 1] != ' ')
				strbuf_putc(sb, ' ');
			continue;
		}
		strbuf_putc(sb, lower && c < 0x80 ? tolower(c) : c);
	}
	strbuf_free(&d);
}

/* A decoded, trimmed copy of an attribute value; NULL when it is longer
 * than max bytes (a cut URL would point elsewhere: it is no target). */
static char *
attr_dup(const struct attr *a, size_t max)
{
	struct strbuf sb = STRBUF_INIT;
	size_t b = 0;
	char *s;

	strbuf_init(&sb, max + 64);	/* room for the blanks trimmed below */
	htmlent_decode(a->a_val, a->a_vlen, 1, &sb);
	if (sb.sb_err == E2BIG) {
		strbuf_free(&sb);
		return NULL;
	}
	while (sb.sb_len > 0 && isspace((unsigned char)sb.sb_s[sb.sb_len - 1]))
		strbuf_truncate(&sb, sb.sb_len - 1);
	while (b < sb.sb_len && isspace((unsigned char)sb.sb_s[b]))
		b++;
	if (b > 0)
		memmove(sb.sb_s, sb.sb_s + b, sb.sb_len - b + 1), sb.sb_len -= b;
	if (sb.sb_len > max) {
		strbuf_free(&sb);
		return NULL;
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
	if (s == NULL)
		return 0;
	return text_memcasemem(s, strlen(s), "pacer.login.uscourts.gov", 24) ||
	    text_memcasemem(s, strlen(s), "csologin", 8) ||
	    (text_memcasemem(s, strlen(s), "/login.pl", 9) &&
	    !text_memcasemem(s, strlen(s), "logout", 6));
}

static void
set_target(char **dst, const char *s, size_t n)
{
	struct attr a = { s, n };

	if (*dst == NULL)
		*dst = attr_dup(&a, URL_MAX);
}

/*
 * A redirect to a login page makes the page a login prompt, even when its
 * URL is too long to be a target (then its first URL_MAX bytes are kept).
 */
static void
note_login(struct collect *c, const char *raw, size_t n)
{
	if (c->c_login != NULL)
		return;
	if (c->c_redirect != NULL) {
		if (is_login_target(c->c_redirect))
			c->c_login = strdup(c->c_redirect);
		return;
	}
	login_raw(c, raw, n);
}

/* A target too long to keep: a login page all the same when it says so. */
static void
login_raw(struct collect *c, const char *raw, size_t n)
{
	char *r;

	if (c->c_login != NULL ||
	    (r = strndup(raw, n < URL_MAX ? n : URL_MAX)) == NULL)
		return;
	if (is_login_target(r))
		c->c_login = r;
	else
		free(r);
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
		note_login(c, lit, (size_t)(s - lit));
		p = s;
	}
}

/* <meta http-equiv="refresh" content="0; url=..."> */
static void
meta_refresh(struct collect *c, const struct html_token *t)
{
	struct attr he, ct;
	const char *u, *e;

	if (!attr_get(c, t, "http-equiv", &he) || !attr_get(c, t, "content", &ct) ||
	    he.a_vlen != 7 || strncasecmp(he.a_val, "refresh", 7) != 0)
		return;
	u = text_memcasemem(ct.a_val, ct.a_vlen, "url", 3);
	if (u == NULL)
		return;
	e = ct.a_val + ct.a_vlen;
	u += 3;
	while (u < e && (isspace((unsigned char)*u) || *u == '='))
		u++;
	if (u < e && (*u == '\'' || *u == '"')) {
		u++;
		if (e > u && e[-1] == u[-1])
			e--;
	}
	set_target(&c->c_redirect, u, (size_t)(e - u));
	note_login(c, u, (size_t)(e - u));
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
			while (l > 0 && isspace((unsigned char)a[l - 1]))
				l--;
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
anchor_start(struct collect *c, const struct html_token *t)
{
	char *args[GODLS_MAX_ARGS], *onclick = NULL, *href = NULL;
	struct attr oc, hr;
	struct page_att *a;
	int n = 0, i;

	if (attr_get(c, t, "onclick", &oc) &&
	    (onclick = attr_dup(&oc, 4 * URL_MAX)) != NULL)
		n = parse_godls(onclick, args);
	if (attr_get(c, t, "href", &hr))
		href = attr_dup(&hr, URL_MAX);
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
		for (i = 0; i < 3 && n > 8 + i; i++)	/* a claim's */
			snprintf(a->pa_claim[i], sizeof a->pa_claim[i], "%s",
			    args[8 + i]);
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
is_inline_tag(const struct html_token *t)
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
on_start(struct collect *c, const struct html_token *t)
{
	struct attr a;

	if (!is_inline_tag(t))
		put_folded(&c->c_text, " ", 1, 1);
	c->c_raw = RAW_NONE;
	if (!t->t_selfclose)
		c->c_raw = tag_is(t, "script") ? RAW_SCRIPT : tag_is(t, "style") ?
		    RAW_SKIP : (tag_is(t, "title") || tag_is(t, "textarea")) ?
		    RAW_TEXT : RAW_NONE;
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
		if (attr_get(c, t, "src", &a) && a.a_vlen > 0) {
			int st = text_memcasemem(a.a_val, a.a_vlen,
			    "show_temp.pl", 12) != NULL;

			if (st && !c->c_iframe_showtemp) {
				free(c->c_iframe);
				c->c_iframe = NULL;
				c->c_iframe_showtemp = 1;
			}
			set_target(&c->c_iframe, a.a_val, a.a_vlen);
		}
	} else if (tag_is(t, "form")) {
		if (attr_get(c, t, "name", &a) && a.a_vlen == 7 &&
		    strncasecmp(a.a_val, "GetPass", 7) == 0)
			c->c_getpass = 1;
		if (attr_get(c, t, "action", &a)) {
			char *act = attr_dup(&a, URL_MAX);

			if (act == NULL)
				login_raw(c, a.a_val, a.a_vlen);
			else if (is_login_target(act) && c->c_login == NULL)
				c->c_login = act, act = NULL;
			free(act);
		}
	} else if (tag_is(t, "input") || tag_is(t, "button")) {
		if (attr_get(c, t, "type", &a) && a.a_vlen == 8 &&
		    strncasecmp(a.a_val, "password", 8) == 0)
			c->c_password = 1;
		if (attr_get(c, t, "value", &a) &&
		    (text_memcasemem(a.a_val, a.a_vlen, "View Document", 13) ||
		    text_memcasemem(a.a_val, a.a_vlen, "Accept Charges", 14)))
			c->c_receipt = 1;
	} else if (tag_is(t, "meta")) {
		meta_refresh(c, t);
	}
}

static void
on_end(struct collect *c, const struct html_token *t)
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
	struct html_lexer lx;
	struct html_token *t;
	struct collect c;
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
	html_lexer_init(&lx, bytes, len);
	c.c_lx = &lx;
	while (html_next(&lx, t)) {
		if (t->t_type == HTML_START) {
			on_start(&c, t);
		} else if (t->t_type == HTML_END) {
			c.c_raw = RAW_NONE;
			on_end(&c, t);
		} else if (t->t_type == HTML_TEXT && !t->t_raw) {
			on_text(&c, bytes + t->t_off, t->t_len);
		} else if (t->t_type == HTML_TEXT && c.c_raw == RAW_SCRIPT) {
			script_redirects(&c, bytes + t->t_off, t->t_len);
		} else if (t->t_type == HTML_TEXT && c.c_raw == RAW_TEXT) {
			on_text(&c, bytes + t->t_off, t->t_len);
		}
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
