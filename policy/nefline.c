/*
 * NAME
 *	nefline 3 - visible text, lines and links of a notice
 * SUMMARY
 *	the line model under the notice parser
 * SYNOPSIS
 *	#include "nefline.h"
 *
 *	int nefline_prepare(struct nefline_doc *d, const char *src,
 *	    size_t len, int is_html, size_t max_text, size_t max_lines,
 *	    struct arena *a);
 *	void nefline_free(struct nefline_doc *d);
 * DESCRIPTION
 *	Labels are recognized at the start of a line, ASCII
 *	case-insensitively, from one table.  A recipient heading is a line
 *	of at most RCPT_HEADING_MAX bytes that ends with a colon and names
 *	a way of noticing ("electronically mailed to", "delivered by",
 *	"notice cart for", "will not receive this electronic notice", "sent
 *	via", "chosen not to receive notice"); it lists recipients who were
 *	not noticed electronically when
 *	it says "not" (as a word), "delivered", "cart", "via" or "will not
 *	receive".
 *
 *	nefline_doc_find() searches a lowercased copy of the text with
 *	memmem(3), linear in the text searched; nefline_find() compares
 *	case-insensitively at each position (for short texts and needles).
 * DIAGNOSTICS
 *	nefline_prepare() returns -1 when memory runs out.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "nefline.h"

#define RCPT_HEADING_MAX	300
#define ADDR_LOCAL_MAX		64
#define ADDR_DOMAIN_MAX		255

struct label {
	const char		*lb_text;	/* lowercase */
	enum nefline_kind	 lb_kind;
};

static const struct label labels[] = {
	{ "case name:", NL_CASE_NAME },
	{ "case number:", NL_CASE_NUMBER },
	{ "filer:", NL_FILER },
	{ "document number:", NL_DOC_NUMBER },
	{ "docket text:", NL_DOCKET_TEXT },
	{ "document(s):", NL_NDA_DOCS },
	{ "document:", NL_ACMS_DOC },
	{ "document description:", NL_DOC_DESC },
	{ "original filename:", NL_FILENAME },
	{ "electronic document stamp:", NL_STAMP },
	{ "warning: case closed", NL_WARNING },
	{ "the following document(s) are associated", NL_DOCS_HEAD },
	{ "the following document(s) is associated", NL_DOCS_HEAD },
	{ "the following transaction was", NL_TRANSACTION },
	{ "copy the url address", NL_COPY_URL },
	{ "this is a re-generated nef", NL_REGEN },
	{ "recipients:", NL_RECIPIENTS },
	{ "creditor name:", NL_CREDITOR },
	{ "claim number:", NL_CLAIM_NUMBER },
	{ "amount claimed:", NL_AMOUNT },
	{ "amount secured:", NL_AMOUNT },
	{ "amount priority:", NL_AMOUNT },
	{ "amount unsecured:", NL_AMOUNT },
	{ "amount admin:", NL_AMOUNT },
	{ "amount administrative:", NL_AMOUNT },
	{ "a bankruptcy case concerning the debtor", NL_NEW_CASE },
	{ "the case was assigned case number", NL_ASSIGNED },
	{ "the case has been assigned case number", NL_ASSIGNED },
	{ NULL, NL_OTHER }
};

static const char *const heading_words[] = {
	"electronically mailed to", "delivered by", "notice cart for",
	"will not receive this electronic notice", "sent via",
	"not to receive notice", NULL
};

static const char *const unlisted_words[] = {
	"delivered", "notice cart", "sent via", "will not receive", NULL
};

static int	add_line(struct nefline_doc *, size_t, size_t, size_t *,
		    size_t);
static void	classify(struct nefline_doc *, const char *, struct nefline *);
static int	is_heading(const char *, size_t, int *);
static int	has_word(const char *, size_t, const char *);
static int	add_link(struct nefline_doc *, size_t *, const char *, size_t,
		    size_t, size_t, struct arena *);
static int	html_links(struct nefline_doc *, const char *, struct arena *);
static int	plain_links(struct nefline_doc *, const char *,
		    struct arena *);
static size_t	plain_end(const struct nefline_doc *, const char *, size_t);
static int	link_order(const void *, const void *);
static int	is_local_char(int);
static int	is_domain_char(int);

static int
has_word(const char *s, size_t len, const char *w)
{
	size_t		 n = strlen(w), off = 0;
	const char	*p;

	while (off < len && (p = memmem(s + off, len - off, w, n)) != NULL) {
		size_t	i = (size_t)(p - s);

		if ((i == 0 || !isalpha((unsigned char)s[i - 1])) &&
		    (i + n == len || !isalpha((unsigned char)s[i + n])))
			return 1;
		off = i + 1;
	}
	return 0;
}

/* s is the lowercased line; *unlisted tells the kind of heading. */
static int
is_heading(const char *s, size_t len, int *unlisted)
{
	size_t	i, end = len;

	while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == ':'))
		end--;
	if (len > RCPT_HEADING_MAX || end == len)
		return 0;
	for (i = 0; heading_words[i] != NULL; i++)
		if (memmem(s, len, heading_words[i],
		    strlen(heading_words[i])) != NULL)
			break;
	if (heading_words[i] == NULL)
		return 0;
	*unlisted = has_word(s, len, "not");
	for (i = 0; unlisted_words[i] != NULL && !*unlisted; i++)
		if (memmem(s, len, unlisted_words[i],
		    strlen(unlisted_words[i])) != NULL)
			*unlisted = 1;
	return 1;
}

enum nefline_kind
nefline_kind_of(const char *s, size_t len, size_t *label_len)
{
	size_t		 i, n;
	int		 unlisted;

	*label_len = 0;
	for (i = 0; labels[i].lb_text != NULL; i++) {
		n = strlen(labels[i].lb_text);
		if (n <= len && s[0] == labels[i].lb_text[0] &&
		    memcmp(s, labels[i].lb_text, n) == 0) {
			*label_len = n;
			return labels[i].lb_kind;
		}
	}
	if (is_heading(s, len, &unlisted))
		return unlisted ? NL_RCPT_UNLISTED : NL_RCPT_LISTED;
	return NL_OTHER;
}

static void
classify(struct nefline_doc *d, const char *lower, struct nefline *l)
{
	size_t	n;

	l->l_kind = nefline_kind_of(lower + l->l_off, l->l_len, &n);
	l->l_val = l->l_off + n;
	while (n > 0 && l->l_val < l->l_off + l->l_len &&
	    d->nd_text[l->l_val] == ' ')
		l->l_val++;
}

static int
add_line(struct nefline_doc *d, size_t off, size_t len, size_t *cap,
    size_t max)
{
	struct nefline	*nl;

	if (d->nd_nlines >= max) {
		d->nd_trunc = 1;
		return 0;
	}
	if (d->nd_nlines == *cap) {
		size_t	ncap = *cap == 0 ? 256 : *cap * 2;

		nl = realloc(d->nd_lines, ncap * sizeof *nl);
		if (nl == NULL)
			return -1;
		d->nd_lines = nl;
		*cap = ncap;
	}
	nl = &d->nd_lines[d->nd_nlines++];
	memset(nl, 0, sizeof *nl);
	nl->l_off = off;
	nl->l_len = len;
	return 0;
}

static int
add_link(struct nefline_doc *d, size_t *cap, const char *url, size_t len,
    size_t start, size_t end, struct arena *a)
{
	struct nefline_link *k;

	if (d->nd_nlinks >= HTML_MAX_LINKS) {
		d->nd_trunc = 1;
		return 0;
	}
	if (d->nd_nlinks == *cap) {
		size_t	ncap = *cap == 0 ? 16 : *cap * 2;

		k = realloc(d->nd_links, ncap * sizeof *k);
		if (k == NULL)
			return -1;
		d->nd_links = k;
		*cap = ncap;
	}
	k = &d->nd_links[d->nd_nlinks];
	memset(k, 0, sizeof *k);
	k->k_url = arena_strndup(a, url, len);
	if (k->k_url == NULL)
		return -1;
	k->k_url_len = len;
	k->k_start = start;
	k->k_end = end;
	doclink_parse(url, len, &k->k_dl);
	d->nd_nlinks++;
	return 0;
}

static int
html_links(struct nefline_doc *d, const char *src, struct arena *a)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i, cap = 0;
	const struct html_link *hk;

	for (i = 0; i < d->nd_ht.ht_nlinks; i++) {
		hk = &d->nd_ht.ht_links[i];
		if (hk->k_href_len > DOCLINK_URL_MAX)
			continue;
		if (!hk->k_has_href) {
			if (add_link(d, &cap, "", 0, hk->k_text_start,
			    hk->k_text_end, a) != 0)
				return -1;
			continue;
		}
		strbuf_reset(&sb);
		htmlent_decode(src + hk->k_href_off, hk->k_href_len, 1, &sb);
		if (strbuf_error(&sb) || add_link(d, &cap, strbuf_str(&sb),
		    sb.sb_len, hk->k_text_start, hk->k_text_end, a) != 0) {
			strbuf_free(&sb);
			return -1;
		}
	}
	strbuf_free(&sb);
	return 0;
}

/* The end of a bare link starting at i: white space, quotes and angle
 * brackets end it; trailing punctuation is not part of it. */
static size_t
plain_end(const struct nefline_doc *d, const char *lower, size_t i)
{
	size_t	end = i;

	while (end < d->nd_len && !isspace((unsigned char)lower[end]) &&
	    strchr("<>\"'", lower[end]) == NULL)
		end++;
	while (end > i && strchr(".,;)", lower[end - 1]) != NULL)
		end--;
	return end;
}

static int
link_order(const void *a, const void *b)
{
	const struct nefline_link *x = a, *y = b;

	return (x->k_start > y->k_start) - (x->k_start < y->k_start);
}

/* Bare URLs of a plain-text notice, found in the lowercased text; also
 * document paths written without a host ("/doc1/...") after a blank. */
static int
plain_links(struct nefline_doc *d, const char *lower, struct arena *a)
{
	const char	*p, *h;
	size_t		 off = 0, end, cap = 0, i, br;

	while (off < d->nd_len && (p = memmem(lower + off, d->nd_len - off,
	    "http", 4)) != NULL) {
		i = (size_t)(p - lower);
		h = p + 4;
		if (*h == 's')
			h++;
		if (strncmp(h, "://", 3) != 0) {
			off = i + 4;
			continue;
		}
		end = plain_end(d, lower, i);
		if (end <= (size_t)(h + 3 - lower)) {	/* nothing after "://" */
			off = end + 1;
			continue;
		}
		/* "<https://...>": the brackets are the link's too */
		br = i > 0 && lower[i - 1] == '<' && end < d->nd_len &&
		    lower[end] == '>';
		if (end - i <= DOCLINK_URL_MAX && add_link(d, &cap,
		    d->nd_text + i, end - i, i - br, end + br, a) != 0)
			return -1;
		off = end;
	}
	for (off = 0; off < d->nd_len && (p = memmem(lower + off,
	    d->nd_len - off, "/doc", 4)) != NULL; off = i + 4) {
		i = (size_t)(p - lower);
		if ((i > 0 && !isspace((unsigned char)lower[i - 1])) ||
		    (strncmp(p, "/doc1/", 6) != 0 && strncmp(p, "/docs1/", 7) != 0))
			continue;
		end = plain_end(d, lower, i);
		if (end - i <= DOCLINK_URL_MAX && add_link(d, &cap,
		    d->nd_text + i, end - i, i, end, a) != 0)
			return -1;
	}
	if (d->nd_nlinks > 1)
		qsort(d->nd_links, d->nd_nlinks, sizeof *d->nd_links, link_order);
	return 0;
}

int
nefline_prepare(struct nefline_doc *d, const char *src, size_t len,
    int is_html, size_t max_text, size_t max_lines, nefline_join_fn join,
    struct arena *a)
{
	char	*lower;
	size_t	 i, start, cap = 0;

	memset(d, 0, sizeof *d);
	if (html_text(src, len, is_html ? 0 : HTML_TEXT_PLAIN, max_text,
	    &d->nd_ht) != 0)
		return -1;
	d->nd_text = strbuf_str(&d->nd_ht.ht_text);
	d->nd_len = d->nd_ht.ht_text.sb_len;
	d->nd_trunc = d->nd_ht.ht_trunc;
	lower = malloc(d->nd_len + 1);
	if (lower == NULL)
		goto fail;
	for (i = 0; i <= d->nd_len; i++) {
		char c = d->nd_text[i];

		lower[i] = c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
	}
	for (start = i = 0; i <= d->nd_len; i++) {
		if (i < d->nd_len && d->nd_text[i] != '\n')
			continue;
		if (i > start && add_line(d, start, i - start, &cap,
		    max_lines) != 0)
			goto fail;
		start = i + 1;
	}
	for (i = 0; i < d->nd_nlines; i++)
		d->nd_lines[i].l_src = i < d->nd_ht.ht_nlines ?
		    d->nd_ht.ht_line_src[i] : len;
	if (!is_html && join != NULL)
		join(d, d->nd_ht.ht_text.sb_s, lower, src, len);
	for (i = 0; i < d->nd_nlines; i++)
		classify(d, lower, &d->nd_lines[i]);
	if ((is_html ? html_links(d, src, a) : plain_links(d, lower, a)) != 0)
		goto fail;
	for (i = 0; i < d->nd_len; i++)	/* phrases across line ends */
		if (lower[i] == '\n')
			lower[i] = ' ';
	d->nd_lower = lower;
	return 0;
fail:
	free(lower);
	nefline_free(d);
	return -1;
}

void
nefline_free(struct nefline_doc *d)
{
	if (d == NULL)
		return;
	html_text_free(&d->nd_ht);
	free(d->nd_lower);
	free(d->nd_lines);
	free(d->nd_links);
	memset(d, 0, sizeof *d);
}

size_t
nefline_link_at(const struct nefline_doc *d, size_t off)
{
	size_t	lo = 0, hi = d->nd_nlinks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (d->nd_links[mid].k_start < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static int
is_local_char(int c)
{
	return isalnum(c) || (c != 0 && strchr(".!#$%&'*+/=?^_`{|}~-", c));
}

static int
is_domain_char(int c)
{
	return isalnum(c) || c == '-' || c == '.';
}

size_t
nefline_addrs(const char *s, size_t len, struct nefline_addr *out,
    size_t max, int *more)
{
	size_t		 n = 0, at, l, r, dot;
	const char	*p;

	*more = 0;
	at = 0;
	while (at < len && (p = memchr(s + at, '@', len - at)) != NULL) {
		at = (size_t)(p - s);
		for (l = at; l > 0 && at - l < ADDR_LOCAL_MAX &&
		    is_local_char((unsigned char)s[l - 1]); l--)
			;
		while (l < at && (s[l] == '.' || s[l] == '\''))
			l++;
		for (r = at + 1; r < len && r - at < ADDR_DOMAIN_MAX &&
		    is_domain_char((unsigned char)s[r]); r++)
			;
		while (r > at + 1 && (s[r - 1] == '.' || s[r - 1] == '-'))
			r--;
		for (dot = r; dot > at && s[dot - 1] != '.'; dot--)
			;
		dot = dot > at ? dot - 1 : 0;	/* the last dot, or none */
		if (l < at && dot > at + 1 && dot < r - 1) {
			if (n < max) {
				out[n].a_off = l;
				out[n].a_len = r - l;
				n++;
			} else
				*more = 1;
		}
		at = r > at ? r : at + 1;
	}
	return n;
}

size_t
nefline_date(const char *s, size_t len, char iso[11])
{
	unsigned	v[3] = { 0, 0, 0 }, nd[3] = { 0, 0, 0 };
	size_t		i = 0;
	int		f = 0;

	iso[0] = '\0';
	while (i < len && f < 3) {
		if (isdigit((unsigned char)s[i])) {
			if (nd[f] >= 4)
				return 0;
			v[f] = v[f] * 10 + (unsigned)(s[i] - '0');
			nd[f]++;
			i++;
		} else if (s[i] == '/' && f < 2 && nd[f] > 0) {
			f++;
			i++;
		} else
			break;
	}
	if (f != 2 || nd[0] > 2 || nd[1] > 2 || (nd[2] != 4 && nd[2] != 2))
		return 0;
	if (nd[2] == 2)
		v[2] += v[2] < 70 ? 2000 : 1900;
	if (v[0] < 1 || v[0] > 12 || v[1] < 1 || v[1] > 31 || v[2] < 1900)
		return 0;
	iso[0] = (char)('0' + v[2] / 1000);
	iso[1] = (char)('0' + v[2] / 100 % 10);
	iso[2] = (char)('0' + v[2] / 10 % 10);
	iso[3] = (char)('0' + v[2] % 10);
	iso[4] = '-';
	iso[5] = (char)('0' + v[0] / 10);
	iso[6] = (char)('0' + v[0] % 10);
	iso[7] = '-';
	iso[8] = (char)('0' + v[1] / 10);
	iso[9] = (char)('0' + v[1] % 10);
	iso[10] = '\0';
	return i;
}

const char *
nefline_find(const char *s, size_t len, const char *needle)
{
	size_t	n = strlen(needle), i;
	int	c0;

	if (n == 0)
		return s;
	c0 = tolower((unsigned char)needle[0]);
	for (i = 0; i + n <= len; i++)
		if (tolower((unsigned char)s[i]) == c0 &&
		    strncasecmp(s + i, needle, n) == 0)
			return s + i;
	return NULL;
}

const char *
nefline_doc_find(const struct nefline_doc *d, size_t off, size_t len,
    const char *needle)
{
	const char	*p;

	if (off > d->nd_len || len > d->nd_len - off)
		return NULL;
	p = memmem(d->nd_lower + off, len, needle, strlen(needle));
	return p == NULL ? NULL : d->nd_text + (p - d->nd_lower);
}
