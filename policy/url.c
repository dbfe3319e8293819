/*
 * NAME
 *	url - court document links
 * SUMMARY
 *	parse, normalize, resolve and allow-list https URLs; document links
 * SYNOPSIS
 *	#include "url.h"
 *
 *	struct url_doc d;
 *	if (url_doc_parse(link, strlen(link), &d) == URL_OK &&
 *	    url_allowed(&d.d_url, patterns, npat) == URL_OK)
 *		url_doc_fetch_url(&d, buf, sizeof(buf));
 * DESCRIPTION
 *	url_parse() reads an absolute URL into a struct url, normalized as
 *	described in url.h; url_resolve() resolves a reference found in a
 *	page (an iframe src, a redirect target, a goDLS path) against the
 *	page's URL by building an absolute URL and parsing that, so every
 *	URL the fetcher meets goes through the same checks.
 *
 *	url_doc_parse() recognizes the three document link forms and pulls
 *	out doc id, case id, de_seq_num, magic number, uid or GUID; the
 *	url_doc_*_url() functions build the URLs the free-look flow asks
 *	for (cmecf.md section 5).
 * DIAGNOSTICS
 *	Every function returns URL_OK (0) or a positive URL_E* status.
 *	Nothing here allocates memory.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "url.h"

static int	 is_unreserved(int);
static int	 norm_escapes(const char *, size_t, char *, size_t);
static void	 remove_dots(char *);
static int	 parse_host(const char *, size_t, char *);
static int	 is_ip_literal(const char *);
static int	 all_hex(const char *, size_t, int);
static int	 glob_label(const char *, const char *);
static int	 path_after(const char *, const char *, const char **);
static void	 take_param(const char *, size_t, char *, int *);
static void	 doc_params(const struct url *, struct url_doc *);
static void	 court_of(const char *, int, char *);
static int	 append_param(char *, size_t, size_t *, const char *,
		    const char *);
static int	 append_claim(char *, size_t, size_t *, const char *,
		    const char *, const char *);

#define URL_BUILD_MAX	(2 * URL_MAX + URL_HOST_MAX + 16)

static int
is_unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

/*
 * Copy len bytes of src to dst (dstsz bytes with the NUL), decoding
 * escapes of unreserved characters and upper-casing the others.  Refuses
 * bytes that cannot appear in a URL, broken escapes and an encoded NUL.
 */
static int
norm_escapes(const char *src, size_t len, char *dst, size_t dstsz)
{
	static const char xd[] = "0123456789ABCDEF";
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		int c = (unsigned char)src[i], v;

		if (c <= 0x20 || c >= 0x7f || strchr("\\\"<>`{}|^", c) != NULL)
			return URL_ESYNTAX;
		if (o + 4 > dstsz)
			return URL_ETOOLONG;
		if (c != '%') {
			dst[o++] = (char)c;
			continue;
		}
		if (i + 2 >= len)
			return URL_ESYNTAX;
		if (text_hexval(src[i + 1]) < 0 || text_hexval(src[i + 2]) < 0)
			return URL_ESYNTAX;
		v = text_hexval(src[i + 1]) * 16 + text_hexval(src[i + 2]);
		i += 2;
		if (v == 0)
			return URL_ESYNTAX;
		if (is_unreserved(v)) {
			dst[o++] = (char)v;
		} else {
			dst[o++] = '%';
			dst[o++] = xd[v >> 4];
			dst[o++] = xd[v & 15];
		}
	}
	dst[o] = '\0';
	return URL_OK;
}

/* RFC 3986 5.2.4 remove_dot_segments, in place. */
static void
remove_dots(char *path)
{
	char *in = path, *out = path;

	while (*in != '\0') {
		if (strncmp(in, "/./", 3) == 0) {
			in += 2;
		} else if (strcmp(in, "/.") == 0) {
			in[1] = '\0';
		} else if (strncmp(in, "/../", 4) == 0 || strcmp(in, "/..") == 0) {
			while (out > path && *--out != '/')
				;
			if (in[3] == '\0') {
				in += 2;
				*in = '/';
			} else {
				in += 3;
			}
		} else {
			do
				*out++ = *in++;
			while (*in != '\0' && *in != '/');
		}
	}
	if (out == path)
		*out++ = '/';
	*out = '\0';
}

static int
all_hex(const char *s, size_t n, int dash)
{
	size_t i;

	if (n == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (!isxdigit((unsigned char)s[i]) && !(dash && s[i] == '-'))
			return 0;
	return 1;
}

/*
 * Is host (lower case, no trailing dot) an IPv4 address in any of the
 * forms a resolver accepts?  Like a browser, a host whose last label is
 * a number (decimal, octal or 0x-hex) is taken as an address.
 */
static int
is_ip_literal(const char *host)
{
	const char *last = strrchr(host, '.');

	last = last ? last + 1 : host;
	if (text_all_digits(last, strlen(last)))
		return 1;
	if (last[0] == '0' && last[1] == 'x' &&
	    (last[2] == '\0' || all_hex(last + 2, strlen(last + 2), 0)))
		return 1;
	return 0;
}

/* Host part of an authority (no userinfo, no port) into host. */
static int
parse_host(const char *s, size_t n, char *host)
{
	size_t i, lab = 0;

	if (n > 0 && s[0] == '[')
		return URL_EIPLITERAL;
	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0)
		return URL_ESYNTAX;
	if (n > URL_HOST_MAX)
		return URL_ETOOLONG;
	for (i = 0; i < n; i++) {
		int c = tolower((unsigned char)s[i]);

		if (c == '.') {
			if (lab == 0)
				return URL_ESYNTAX;
			lab = 0;
		} else if (isalnum(c) || c == '-') {
			if (++lab > URL_LABEL_MAX)
				return URL_ETOOLONG;
		} else {
			return URL_ESYNTAX;
		}
		host[i] = (char)c;
	}
	host[n] = '\0';
	if (lab == 0)
		return URL_ESYNTAX;
	return is_ip_literal(host) ? URL_EIPLITERAL : URL_OK;
}

int
url_parse(const char *s, size_t len, struct url *out)
{
	const char *p, *end, *auth, *aend, *q, *colon, *frag;
	size_t i;
	int rc;

	memset(out, 0, sizeof(*out));
	while (len > 0 && isspace((unsigned char)*s))
		s++, len--;
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len > URL_MAX)
		return URL_ETOOLONG;
	end = s + len;
	for (p = s; p < end && isalpha((unsigned char)*p); p++)
		;
	if (p == s || p >= end || *p != ':')
		return URL_ESYNTAX;
	if (p - s != 5 || !text_has_prefix_ci(s, "https"))
		return URL_ESCHEME;
	if (end - p < 3 || p[1] != '/' || p[2] != '/')
		return URL_ESYNTAX;
	auth = p + 3;
	for (aend = auth; aend < end && *aend != '/' && *aend != '?' &&
	    *aend != '#'; aend++)
		if (*aend == '@')
			return URL_EUSERINFO;
	for (i = 0; auth + i < aend; i++)
		if (auth[i] == '\\' || auth[i] == '%')
			return URL_ESYNTAX;
	colon = NULL;
	if (aend > auth && *auth == '[')
		return URL_EIPLITERAL;
	for (q = auth; q < aend; q++)
		if (*q == ':')
			colon = q;
	if (colon != NULL) {
		size_t pl = (size_t)(aend - colon - 1);

		if (pl > 0 && (!text_all_digits(colon + 1, pl) ||
		    !(pl == 3 && memcmp(colon + 1, "443", 3) == 0)))
			return memchr(auth, ':', (size_t)(colon - auth)) ?
			    URL_EIPLITERAL : URL_EPORT;
	}
	if ((rc = parse_host(auth, (size_t)((colon ? colon : aend) - auth),
	    out->u_host)) != URL_OK)
		return rc;
	frag = memchr(aend, '#', (size_t)(end - aend));
	if (frag != NULL)
		end = frag;
	q = memchr(aend, '?', (size_t)(end - aend));
	if (q == NULL)
		q = end;
	if (q == aend) {
		out->u_path[0] = '/';
		out->u_path[1] = '\0';
	} else if ((rc = norm_escapes(aend, (size_t)(q - aend), out->u_path,
	    sizeof(out->u_path))) != URL_OK) {
		return rc;
	}
	remove_dots(out->u_path);
	if (q < end && (rc = norm_escapes(q + 1, (size_t)(end - q - 1),
	    out->u_query, sizeof(out->u_query))) != URL_OK)
		return rc;
	return URL_OK;
}

int
url_format(const struct url *u, char *buf, size_t bufsz)
{
	int n;

	n = snprintf(buf, bufsz, "https://%s%s%s%s", u->u_host, u->u_path,
	    u->u_query[0] ? "?" : "", u->u_query);
	if (n < 0 || (size_t)n >= bufsz)
		return URL_ETOOLONG;
	return URL_OK;
}

int
url_resolve(const struct url *base, const char *ref, size_t len,
    struct url *out)
{
	char buf[URL_BUILD_MAX];
	const char *p, *q;
	int n;

	while (len > 0 && isspace((unsigned char)*ref))
		ref++, len--;
	while (len > 0 && isspace((unsigned char)ref[len - 1]))
		len--;
	if (len > URL_MAX)
		return URL_ETOOLONG;
	for (p = ref; p < ref + len && isalpha((unsigned char)*p); p++)
		;
	if (p > ref && p < ref + len && *p == ':')
		return url_parse(ref, len, out);
	if (len >= 2 && ref[0] == '/' && ref[1] == '/')
		n = snprintf(buf, sizeof(buf), "https:%.*s", (int)len, ref);
	else if (len > 0 && ref[0] == '/')
		n = snprintf(buf, sizeof(buf), "https://%s%.*s", base->u_host,
		    (int)len, ref);
	else if (len > 0 && ref[0] == '?')
		n = snprintf(buf, sizeof(buf), "https://%s%s%.*s",
		    base->u_host, base->u_path, (int)len, ref);
	else if (len == 0 || ref[0] == '#')
		n = snprintf(buf, sizeof(buf), "https://%s%s%s%s",
		    base->u_host, base->u_path, base->u_query[0] ? "?" : "",
		    base->u_query);
	else {
		q = strrchr(base->u_path, '/');
		n = snprintf(buf, sizeof(buf), "https://%s%.*s/%.*s",
		    base->u_host, (int)(q - base->u_path), base->u_path,
		    (int)len, ref);
	}
	if (n < 0 || (size_t)n >= sizeof(buf))
		return URL_ETOOLONG;
	return url_parse(buf, (size_t)n, out);
}

/* '*' matches one or more characters of one label. */
static int
glob_label(const char *pat, const char *s)
{
	for (; *pat != '\0'; pat++, s++) {
		if (*pat == '*') {
			const char *t;

			for (t = s; *t != '\0' && *t != '.'; t++)
				if (glob_label(pat + 1, t + 1))
					return 1;
			return 0;
		}
		if (tolower((unsigned char)*pat) != *s)
			return 0;
	}
	return *s == '\0';
}

int
url_host_match(const char *pattern, const char *host)
{
	while (isspace((unsigned char)*pattern))
		pattern++;
	if (*pattern == '\0')
		return 0;
	return glob_label(pattern, host);
}

/* If path starts with prefix (ASCII case-insensitively), *rest = the rest. */
static int
path_after(const char *path, const char *prefix, const char **rest)
{
	if (!text_has_prefix_ci(path, prefix))
		return 0;
	*rest = path + strlen(prefix);
	return 1;
}

int
url_kind(const struct url *u)
{
	const char *r;

	if (path_after(u->u_path, "/doc1/", &r) &&
	    text_all_digits(r, strlen(r)) && strlen(r) <= URL_PARAM_MAX)
		return URL_KIND_DOC1;
	if (path_after(u->u_path, "/docs1/", &r) &&
	    text_all_digits(r, strlen(r)) && strlen(r) <= URL_PARAM_MAX)
		return URL_KIND_DOCS1;
	if (path_after(u->u_path, "/NDA/", &r) &&
	    all_hex(r, strlen(r), 1) && strlen(r) <= URL_PARAM_MAX)
		return URL_KIND_ACMS;
	if (strcasecmp(u->u_path, "/cgi-bin/show_temp.pl") == 0)
		return URL_KIND_SHOWTEMP;
	return URL_KIND_NONE;
}

int
url_allowed(const struct url *u, const char *const *patterns, size_t npat)
{
	size_t i;

	for (i = 0; i < npat; i++)
		if (patterns[i] != NULL && url_host_match(patterns[i], u->u_host))
			break;
	if (i == npat)
		return URL_EHOST;
	return url_kind(u) == URL_KIND_NONE ? URL_EPATH : URL_OK;
}

int
url_same_host(const struct url *a, const struct url *b)
{
	return strcmp(a->u_host, b->u_host) == 0 ? URL_OK : URL_EOFFHOST;
}

/*
 * Copy a parameter value of n bytes into dst (URL_PARAM_MAX + 1 bytes)
 * when it is all digits (hex when *flag is -1 on entry); otherwise set
 * *flag to 1 when the value was present but malformed.
 */
static void
take_param(const char *v, size_t n, char *dst, int *flag)
{
	int hex = (*flag == -1);

	if (hex)
		*flag = 0;
	if (n == 0)
		return;
	if (n <= URL_PARAM_MAX && (hex ? all_hex(v, n, 0) : text_all_digits(v, n))) {
		memcpy(dst, v, n);
		dst[n] = '\0';
	} else {
		*flag = 1;
	}
}

static void
doc_params(const struct url *u, struct url_doc *d)
{
	const char *p = u->u_query, *amp, *eq;
	int junk;

	while (*p != '\0') {
		size_t n, kl;

		amp = strchr(p, '&');
		n = amp ? (size_t)(amp - p) : strlen(p);
		while (n >= 4 && strncmp(p, "amp;", 4) == 0)
			p += 4, n -= 4;		/* "&amp;" left undecoded */
		eq = memchr(p, '=', n);
		if (eq != NULL) {
			kl = (size_t)(eq - p);
			junk = 0;
			if (kl == 6 && strncasecmp(p, "caseid", 6) == 0)
				take_param(eq + 1, n - kl - 1, d->d_caseid, &junk);
			else if (kl == 10 && strncasecmp(p, "de_seq_num", 10) == 0)
				take_param(eq + 1, n - kl - 1, d->d_seq, &junk);
			else if (kl == 9 && strncasecmp(p, "magic_num", 9) == 0)
				take_param(eq + 1, n - kl - 1, d->d_magic,
				    &d->d_bad_magic);
			else if (kl == 8 && strncasecmp(p, "claim_id", 8) == 0)
				take_param(eq + 1, n - kl - 1, d->d_claim_id,
				    &junk);
			else if (kl == 9 && strncasecmp(p, "claim_num", 9) == 0)
				take_param(eq + 1, n - kl - 1, d->d_claim_num,
				    &junk);
			else if (kl == 13 &&
			    strncasecmp(p, "claim_doc_seq", 13) == 0)
				take_param(eq + 1, n - kl - 1, d->d_claim_seq,
				    &junk);
			else if (kl == 3 && strncasecmp(p, "uid", 3) == 0) {
				junk = -1;
				take_param(eq + 1, n - kl - 1, d->d_uid, &junk);
			}
		}
		p += n;
		if (*p == '&')
			p++;
	}
}

/* The court id from the host: ecf.COURT.uscourts.gov, COURT-showdoc... */
static void
court_of(const char *host, int kind, char *court)
{
	const char *s = host, *e;

	if (kind != URL_KIND_ACMS && strncmp(host, "ecf.", 4) == 0)
		s = host + 4;
	e = s + strcspn(s, kind == URL_KIND_ACMS ? "-." : ".");
	if ((size_t)(e - s) > URL_LABEL_MAX)
		e = s + URL_LABEL_MAX;
	memcpy(court, s, (size_t)(e - s));
	court[e - s] = '\0';
}

int
url_doc_parse(const char *s, size_t len, struct url_doc *d)
{
	const char *id;
	size_t n;
	int rc;

	memset(d, 0, sizeof(*d));
	if ((rc = url_parse(s, len, &d->d_url)) != URL_OK)
		return rc;
	d->d_kind = url_kind(&d->d_url);
	if (d->d_kind == URL_KIND_NONE || d->d_kind == URL_KIND_SHOWTEMP) {
		d->d_kind = URL_KIND_NONE;
		return URL_ENOTDOC;
	}
	id = strchr(d->d_url.u_path + 1, '/') + 1;
	n = strlen(id);
	court_of(d->d_url.u_host, d->d_kind, d->d_court);
	if (d->d_kind == URL_KIND_ACMS) {
		memcpy(d->d_guid, id, n + 1);
		return URL_OK;
	}
	if (n < 4)
		return URL_ENOTDOC;
	memcpy(d->d_docid, id, n + 1);
	doc_params(&d->d_url, d);
	if (d->d_kind == URL_KIND_DOC1) {
		d->d_short = (n == 4 && id[3] == '0');
		d->d_menu = (n > 4 && id[3] == '0');
	}
	return URL_OK;
}

/* Append "&key=value" (or "key=value" first) when value is not empty. */
static int
append_param(char *buf, size_t bufsz, size_t *pos, const char *key,
    const char *value)
{
	int n;

	if (value == NULL || value[0] == '\0')
		return URL_OK;
	n = snprintf(buf + *pos, bufsz - *pos, "%s%s=%s",
	    buf[*pos - 1] == '?' ? "" : "&", key, value);
	if (n < 0 || (size_t)n >= bufsz - *pos)
		return URL_ETOOLONG;
	*pos += (size_t)n;
	return URL_OK;
}

/* A claim's parameters (digits only; empty ones left out). */
static int
append_claim(char *buf, size_t bufsz, size_t *pos, const char *id,
    const char *num, const char *seq)
{
	const char	*v[3] = { id, num, seq };
	static const char *const k[3] = { "claim_id", "claim_num",
	    "claim_doc_seq" };
	int		 i, rc = URL_OK;

	for (i = 0; i < 3 && rc == URL_OK; i++)
		if (v[i] != NULL && text_all_digits(v[i], strlen(v[i])))
			rc = append_param(buf, bufsz, pos, k[i], v[i]);
	return rc;
}

int
url_doc_claim_params(char *buf, size_t bufsz, const char *id,
    const char *num, const char *seq)
{
	size_t	pos = strlen(buf);

	if (pos == 0 || pos >= bufsz)
		return URL_ETOOLONG;
	if (strchr(buf, '?') == NULL) {
		if (pos + 1 >= bufsz)
			return URL_ETOOLONG;
		buf[pos++] = '?';
		buf[pos] = '\0';
	}
	return append_claim(buf, bufsz, &pos, id, num, seq);
}

int
url_doc_fetch_url(const struct url_doc *d, char *buf, size_t bufsz)
{
	char id[URL_PARAM_MAX + 1];
	size_t pos;
	int n, rc = URL_OK;

	if (d->d_kind == URL_KIND_ACMS)
		return url_format(&d->d_url, buf, bufsz);
	if (d->d_kind != URL_KIND_DOC1 && d->d_kind != URL_KIND_DOCS1)
		return URL_ENOTDOC;
	text_strlcpy(id, d->d_docid, sizeof(id));
	if (!d->d_short && strlen(id) > 4)
		id[3] = '1';
	n = snprintf(buf, bufsz, "https://%s/%s/%s?", d->d_url.u_host,
	    d->d_kind == URL_KIND_DOC1 ? "doc1" : "docs1", id);
	if (n < 0 || (size_t)n >= bufsz)
		return URL_ETOOLONG;
	pos = (size_t)n;
	if (d->d_kind == URL_KIND_DOCS1) {
		rc = append_param(buf, bufsz, &pos, "uid", d->d_uid);
	} else {
		rc = append_param(buf, bufsz, &pos, "caseid", d->d_caseid);
		if (rc == URL_OK)
			rc = append_param(buf, bufsz, &pos, "de_seq_num", d->d_seq);
		if (rc == URL_OK)
			rc = append_claim(buf, bufsz, &pos, d->d_claim_id,
			    d->d_claim_num, d->d_claim_seq);
		if (rc == URL_OK)
			rc = append_param(buf, bufsz, &pos, "magic_num", d->d_magic);
		if (rc == URL_OK && d->d_magic[0] != '\0')
			rc = append_param(buf, bufsz, &pos, "use_magic", "1");
	}
	if (buf[pos - 1] == '?')
		buf[--pos] = '\0';
	return rc;
}

int
url_doc_menu_url(const struct url_doc *d, char *buf, size_t bufsz)
{
	struct url u;

	if (d->d_kind != URL_KIND_DOC1 || d->d_short)
		return url_format(&d->d_url, buf, bufsz);
	u = d->d_url;
	u.u_path[sizeof("/doc1/") - 1 + 3] = '0';
	return url_format(&u, buf, bufsz);
}

int
url_doc_attachment_url(const struct url *menu, const char *path,
    const char *caseid, const char *seq, const char *magic,
    char *buf, size_t bufsz)
{
	struct url u;
	size_t pos;
	int n, rc;

	if ((rc = url_resolve(menu, path, strlen(path), &u)) != URL_OK)
		return rc;
	if (url_same_host(menu, &u) != URL_OK)
		return URL_EOFFHOST;
	if (url_kind(&u) != URL_KIND_DOC1)
		return URL_ENOTDOC;
	n = snprintf(buf, bufsz, "https://%s%s?", u.u_host, u.u_path);
	if (n < 0 || (size_t)n >= bufsz)
		return URL_ETOOLONG;
	pos = (size_t)n;
	if (caseid && !text_all_digits(caseid, strlen(caseid)))
		caseid = NULL;
	if (seq && !text_all_digits(seq, strlen(seq)))
		seq = NULL;
	if (magic && !text_all_digits(magic, strlen(magic)))
		magic = NULL;
	rc = append_param(buf, bufsz, &pos, "caseid", caseid);
	if (rc == URL_OK)
		rc = append_param(buf, bufsz, &pos, "de_seq_num", seq);
	if (rc == URL_OK)
		rc = append_param(buf, bufsz, &pos, "magic_num", magic);
	if (rc == URL_OK && magic != NULL && magic[0] != '\0')
		rc = append_param(buf, bufsz, &pos, "use_magic", "1");
	if (buf[pos - 1] == '?')
		buf[--pos] = '\0';
	return rc;
}

void
url_redact(const char *s, char *buf, size_t bufsz)
{
	size_t o = 0;

	if (bufsz == 0)
		return;
	while (*s != '\0' && o + 1 < bufsz) {
		size_t skip = 0;

		if ((*s == '?' || *s == '&' || *s == ';') &&
		    (text_has_prefix_ci(s + 1, "magic_num=") ||
		    text_has_prefix_ci(s + 1, "uid="))) {
			skip = (size_t)(strchr(s, '=') - s) + 1;
		} else if (text_has_prefix_ci(s, "/NDA/")) {
			skip = 5;
		}
		if (skip == 0) {
			buf[o++] = *s++;
			continue;
		}
		while (skip-- > 0 && o + 1 < bufsz)
			buf[o++] = *s++;
		s += strcspn(s, "&#?/; \t\"'");
		if (o + 1 < bufsz)
			buf[o++] = 'X';
	}
	buf[o] = '\0';
}

const char *
url_strerror(int status)
{
	static const char *const names[] = {
		"ok", "malformed URL", "URL too long", "not https",
		"userinfo in URL", "port not allowed", "IP address as host",
		"host not allowed", "path not allowed", "not a document link",
		"off the court host",
	};

	if (status < 0 || (size_t)status >= sizeof(names) / sizeof(names[0]))
		return "unknown URL status";
	return names[status];
}

const char *
url_kind_name(int kind)
{
	switch (kind) {
	case URL_KIND_DOC1:	return "doc1";
	case URL_KIND_DOCS1:	return "docs1";
	case URL_KIND_ACMS:	return "acms";
	case URL_KIND_SHOWTEMP:	return "show_temp";
	default:		return "none";
	}
}
