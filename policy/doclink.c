/*
 * NAME
 *	doclink 3 - court document links
 * SUMMARY
 *	split a doc1, docs1, ACMS or docket link into its parts
 * SYNOPSIS
 *	#include "doclink.h"
 *
 *	int doclink_parse(const char *url, size_t len, struct doclink *out);
 *	int doclink_court_of_host(const char *host, size_t len, char *court,
 *	    size_t size);
 * DESCRIPTION
 *	Only the URL syntax is examined: scheme, host (lowercased, port and
 *	user information dropped), path and query.  Query parameters are
 *	split on "&" (a left-over "amp;" from an undecoded "&amp;" is
 *	skipped) and matched case-insensitively.  Court hosts are
 *	"ecf.<court>.uscourts.gov" and "<caN>-showdoc[services]
 *	.azurewebsites.us" (cmecf.md section 3.7); the training host
 *	"dcecf.psc.uscourts.gov" is not a court.
 * DIAGNOSTICS
 *	-1 when the text is not an http(s) URL or is longer than
 *	DOCLINK_URL_MAX.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "docid.h"
#include "doclink.h"
#include "text.h"

static size_t	copy_lower(char *, size_t, const char *, size_t);
static int	copy_val(struct doclink *, char *, size_t, const char *,
		    size_t);
static void	parse_query(struct doclink *, const char *, size_t);
static void	classify_magic(struct doclink *, const char *, size_t, int);
static int	acms_court(const char *, size_t, char *, size_t);
static void	parse_path(struct doclink *, const char *, size_t,
		    const char *, size_t);
static int	parse_hostless(struct doclink *, const char *, size_t);

static size_t
copy_lower(char *dst, size_t size, const char *s, size_t n)
{
	size_t	i;

	if (n >= size)
		return 0;
	for (i = 0; i < n; i++)
		dst[i] = (char)tolower((unsigned char)s[i]);
	dst[n] = '\0';
	return n;
}

static int
copy_val(struct doclink *d, char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size) {
		d->dl_flags |= DOCLINK_F_LONG;
		dst[0] = '\0';
		return -1;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 0;
}

/* "ca9-showdoc.azurewebsites.us", "ca2-showdocservices.azurewebsites.us" */
static int
acms_court(const char *host, size_t len, char *court, size_t size)
{
	static const char suffix[] = ".azurewebsites.us";
	const char	*dash;
	size_t		 n, sl = sizeof suffix - 1, rest;

	if (len <= sl || strncasecmp(host + len - sl, suffix, sl) != 0)
		return -1;
	dash = memchr(host, '-', len - sl);
	if (dash == NULL)
		return -1;
	n = (size_t)(dash - host);
	rest = len - sl - n - 1;
	if (!((rest == 7 && strncasecmp(dash + 1, "showdoc", 7) == 0) ||
	    (rest == 15 && strncasecmp(dash + 1, "showdocservices", 15) == 0)))
		return -1;
	if (n < 3 || n + 1 > size || strncasecmp(host, "ca", 2) != 0 ||
	    !text_all_digits(host + 2, n - 2))
		return -1;
	copy_lower(court, size, host, n);
	return 0;
}

int
doclink_court_of_host(const char *host, size_t len, char *court,
    size_t size)
{
	static const char suffix[] = ".uscourts.gov";
	size_t	sl = sizeof suffix - 1, n, i;

	if (size > 0)
		court[0] = '\0';
	if (acms_court(host, len, court, size) == 0)
		return 0;
	if (len <= 4 + sl || strncasecmp(host, "ecf.", 4) != 0 ||
	    strncasecmp(host + len - sl, suffix, sl) != 0)
		return -1;
	n = len - 4 - sl;
	if (n == 0 || n + 1 > size)
		return -1;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)host[4 + i]))
			return -1;
	copy_lower(court, size, host + 4, n);
	return 0;
}

static void
classify_magic(struct doclink *d, const char *v, size_t n, int present)
{
	if (!present) {
		d->dl_flags |= DOCLINK_F_MAGIC_ABSENT;
		return;
	}
	copy_val(d, d->dl_magic_raw, sizeof d->dl_magic_raw, v, n);
	if (n == 0)
		d->dl_flags |= DOCLINK_F_MAGIC_EMPTY;
	else if (n == 5 && strncasecmp(v, "MAGIC", 5) == 0)
		d->dl_flags |= DOCLINK_F_MAGIC_LITERAL;
	else if (!text_all_digits(v, n))
		d->dl_flags |= DOCLINK_F_MAGIC_BAD;
	else {
		/* Zero is tried like any other number (an anonymous GET
		 * costs nothing); the flag only says so. */
		if (strspn(d->dl_magic_raw, "0") == n)
			d->dl_flags |= DOCLINK_F_MAGIC_ZERO;
		copy_val(d, d->dl_magic, sizeof d->dl_magic, v, n);
	}
}

static void
parse_query(struct doclink *d, const char *q, size_t len)
{
	const char	*p = q, *end = q + len, *amp, *eq, *v;
	size_t		 kn, vn;
	int		 magic = 0;
	const char	*mv = NULL;
	size_t		 mn = 0;

	while (p < end) {
		amp = memchr(p, '&', (size_t)(end - p));
		if (amp == NULL)
			amp = end;
		if ((size_t)(amp - p) > 4 && strncasecmp(p, "amp;", 4) == 0)
			p += 4;
		eq = memchr(p, '=', (size_t)(amp - p));
		kn = (size_t)((eq == NULL ? amp : eq) - p);
		v = eq == NULL ? amp : eq + 1;
		vn = (size_t)(amp - v);
		if (eq != NULL && kn == 6 && strncasecmp(p, "caseid", 6) == 0)
			copy_val(d, d->dl_case_id, sizeof d->dl_case_id, v, vn);
		else if (eq != NULL && kn == 10 &&
		    strncasecmp(p, "de_seq_num", 10) == 0)
			copy_val(d, d->dl_seq, sizeof d->dl_seq, v, vn);
		else if (eq != NULL && kn == 9 &&
		    strncasecmp(p, "magic_num", 9) == 0 && !magic) {
			magic = 1;
			mv = v;
			mn = vn;
		} else if (eq != NULL && kn == 8 &&
		    strncasecmp(p, "claim_id", 8) == 0)
			copy_val(d, d->dl_claim_id, sizeof d->dl_claim_id, v, vn);
		else if (eq != NULL && kn == 9 &&
		    strncasecmp(p, "claim_num", 9) == 0)
			copy_val(d, d->dl_claim_num, sizeof d->dl_claim_num, v,
			    vn);
		else if (eq != NULL && kn == 13 &&
		    strncasecmp(p, "claim_doc_seq", 13) == 0)
			copy_val(d, d->dl_claim_seq, sizeof d->dl_claim_seq, v,
			    vn);
		else if (eq != NULL && kn == 3 &&
		    strncasecmp(p, "uid", 3) == 0)
			copy_val(d, d->dl_magic, sizeof d->dl_magic, v, vn);
		else if (eq == NULL && d->dl_kind == DOCLINK_CASE &&
		    text_all_digits(p, kn))	/* DktRpt.pl?123456 */
			copy_val(d, d->dl_case_id, sizeof d->dl_case_id, p, kn);
		p = amp + 1;
	}
	if (d->dl_kind == DOCLINK_DOC1)
		classify_magic(d, mv, mn, magic);
}

static void
parse_path(struct doclink *d, const char *path, size_t plen, const char *q,
    size_t qlen)
{
	const char	*id;
	size_t		 n;
	size_t		 hl = strlen(d->dl_host);
	int		 acms = hl > 17 &&
	    strcmp(d->dl_host + hl - 17, ".azurewebsites.us") == 0;

	if (acms && d->dl_court[0] != '\0') {
		if (plen > 5 && strncasecmp(path, "/NDA/", 5) == 0) {
			d->dl_kind = DOCLINK_ACMS;
			copy_val(d, d->dl_magic, sizeof d->dl_magic, path + 5,
			    plen - 5);
		} else if (plen > 1 && memchr(path + 1, '/', plen - 1) == NULL) {
			d->dl_kind = DOCLINK_CASE;
			copy_val(d, d->dl_docket, sizeof d->dl_docket, path + 1,
			    plen - 1);
		}
		return;
	}
	if (plen > 6 && (strncasecmp(path, "/doc1/", 6) == 0 ||
	    strncasecmp(path, "/docs1/", 7) == 0)) {
		d->dl_kind = path[4] == 's' || path[4] == 'S' ? DOCLINK_DOCS1 :
		    DOCLINK_DOC1;
		id = path + (d->dl_kind == DOCLINK_DOCS1 ? 7 : 6);
		n = plen - (size_t)(id - path);
		if (text_all_digits(id, n) &&
		    copy_val(d, d->dl_doc_id, sizeof d->dl_doc_id, id, n) == 0) {
			memcpy(d->dl_doc_id_norm, d->dl_doc_id, n + 1);
			if (n >= 4 && d->dl_kind == DOCLINK_DOC1)
				d->dl_doc_id_norm[3] = '0';
			if (n == 4 && id[3] == '0' &&
			    d->dl_kind == DOCLINK_DOC1)
				d->dl_flags |= DOCLINK_F_SHORT_DOCID;
			docid_court(d->dl_doc_id, d->dl_docid_court,
			    sizeof d->dl_docid_court);
		}
	} else if (plen >= 18 && strncasecmp(path + plen - 18,
	    "/cgi-bin/DktRpt.pl", 18) == 0)
		d->dl_kind = DOCLINK_CASE;
	else if (memmem(path, plen, "TransportRoom", 13) != NULL &&
	    q != NULL && memmem(q, qlen, "aseId=", 6) != NULL)
		d->dl_kind = DOCLINK_CASE;
	if (q != NULL)
		parse_query(d, q, qlen);
}

/* "/doc1/DIGITS?..." or "/docs1/DIGITS?...": no scheme, no host. */
static int
parse_hostless(struct doclink *d, const char *url, size_t len)
{
	const char	*p = url, *end = url + len, *q = NULL, *qend;

	if (!(len > 6 && strncasecmp(url, "/doc1/", 6) == 0) &&
	    !(len > 7 && strncasecmp(url, "/docs1/", 7) == 0))
		return -1;
	while (p < end && *p != '?' && *p != '#')
		p++;
	qend = end;
	if (p < end && *p == '?') {
		q = p + 1;
		for (qend = q; qend < end && *qend != '#'; qend++)
			;
	}
	d->dl_kind = DOCLINK_OTHER;
	d->dl_flags |= DOCLINK_F_NO_HOST;
	parse_path(d, url, (size_t)(p - url), q,
	    q == NULL ? 0 : (size_t)(qend - q));
	if (d->dl_kind == DOCLINK_OTHER || d->dl_doc_id[0] == '\0') {
		memset(d, 0, sizeof *d);
		return -1;
	}
	return 0;
}

int
doclink_parse(const char *url, size_t len, struct doclink *d)
{
	const char	*p, *end, *host, *path, *q, *at;
	size_t		 hl;

	memset(d, 0, sizeof *d);
	while (len > 0 && isspace((unsigned char)*url)) {
		url++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)url[len - 1]))
		len--;
	if (len > DOCLINK_URL_MAX)
		return -1;
	end = url + len;
	if (len > 8 && strncasecmp(url, "https://", 8) == 0)
		host = url + 8;
	else if (len > 7 && strncasecmp(url, "http://", 7) == 0) {
		host = url + 7;
		d->dl_flags |= DOCLINK_F_HTTP;
	} else
		return parse_hostless(d, url, len);
	for (p = host; p < end && *p != '/' && *p != '?' && *p != '#'; p++)
		;
	at = memchr(host, '@', (size_t)(p - host));
	if (at != NULL)
		host = at + 1;
	hl = (size_t)(p - host);
	if (memchr(host, ':', hl) != NULL)
		hl = (size_t)((const char *)memchr(host, ':', hl) - host);
	if (hl == 0 || copy_lower(d->dl_host, sizeof d->dl_host, host, hl) == 0)
		return -1;
	d->dl_kind = DOCLINK_OTHER;
	doclink_court_of_host(d->dl_host, hl, d->dl_court, sizeof d->dl_court);
	path = p;
	while (p < end && *p != '?' && *p != '#')
		p++;
	q = NULL;
	if (p < end && *p == '?') {
		q = p + 1;
		for (end = q; end < url + len && *end != '#'; end++)
			;
	}
	if (d->dl_court[0] != '\0')
		parse_path(d, path, (size_t)(p - path), q,
		    q == NULL ? 0 : (size_t)(end - q));
	return 0;
}

const char *
doclink_kind_name(enum doclink_kind k)
{
	static const char *const names[] = { "none", "doc1", "docs1", "acms",
	    "case", "other" };

	return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}
