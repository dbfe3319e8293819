/*
 * url: court document links, parsed, normalized and checked against the
 * allow-list.
 *
 * struct url is one absolute https URL split into host, path and query,
 * normalized: scheme and host in lower case, the host's trailing dot
 * dropped, percent-escapes of unreserved characters decoded and every
 * other escape written with upper-case hex, "." and ".." path segments
 * resolved, the fragment dropped.  Only https on the default port (443)
 * is accepted; userinfo, IP-literal hosts (IPv6 in brackets, dotted,
 * decimal, octal or hex IPv4) and bytes that are not printable ASCII are
 * refused.  All the text lives inside the struct: no pointer to free.
 *
 * struct url_doc is one document link of a notice:
 *	district/bankruptcy	https://ecf.COURT.uscourts.gov/doc1/DOCID?
 *				caseid=..&de_seq_num=..&magic_num=.. (any order)
 *	appellate CurrentGen	https://ecf.caN.uscourts.gov/docs1/DOCID?uid=HEX
 *	appellate ACMS		https://caN-showdoc.azurewebsites.us/NDA/GUID
 * The doc id's 4th digit tells whether the entry has attachments (0: the
 * link opens the free-look attachment menu) or not (1).  A bankruptcy
 * "short" doc id (court prefix + 0, four digits) means the document was
 * not available when the notice was sent: d_short is set and the caller
 * should not spend a request on it unless it has a de_seq_num.
 *
 * The allow-list (url_allowed): https only (by construction), the host
 * matches one of the patterns (setting fetch_hosts; '*' stands for one or
 * more characters inside one DNS label, never a dot) and the path is one
 * of URL_PATHS below.  Every function returns 0 on success or a positive
 * URL_E* status; url_strerror() names it.
 */
#ifndef NEF_URL_H
#define NEF_URL_H

#include <stddef.h>

#define URL_MAX		2048	/* longest URL accepted, bytes */
#define URL_HOST_MAX	253	/* longest host name (RFC 1035) */
#define URL_LABEL_MAX	63	/* longest DNS label */
#define URL_PARAM_MAX	40	/* longest doc id / case id / magic / uid */

/*
 * The paths a fetch may touch, and why:
 *	/doc1/DIGITS		district and bankruptcy documents and the
 *				free-look attachment menu (goDLS targets)
 *	/docs1/DIGITS		appellate CurrentGen documents
 *	/cgi-bin/show_temp.pl	the PDF behind a document's iframe wrapper
 *	/NDA/GUID		appellate ACMS documents
 */
#define URL_PATHS	"/doc1/N /docs1/N /cgi-bin/show_temp.pl /NDA/GUID"

enum url_status {
	URL_OK = 0,
	URL_ESYNTAX,		/* not a URL we can read */
	URL_ETOOLONG,		/* over URL_MAX or a part's limit */
	URL_ESCHEME,		/* not https */
	URL_EUSERINFO,		/* user:password@ in the authority */
	URL_EPORT,		/* a port other than 443 */
	URL_EIPLITERAL,		/* an IP address instead of a host name */
	URL_EHOST,		/* host not on the allow-list */
	URL_EPATH,		/* path not one of URL_PATHS */
	URL_ENOTDOC,		/* allowed, but not a document link */
	URL_EOFFHOST,		/* a redirect or iframe to another host */
};

struct url {
	char	 u_host[URL_HOST_MAX + 1];	/* lower case */
	char	 u_path[URL_MAX + 1];		/* starts with '/' */
	char	 u_query[URL_MAX + 1];		/* without '?'; "" if none */
};

enum url_kind {
	URL_KIND_NONE = 0,
	URL_KIND_DOC1,		/* /doc1/ */
	URL_KIND_DOCS1,		/* /docs1/ */
	URL_KIND_ACMS,		/* /NDA/GUID */
	URL_KIND_SHOWTEMP,	/* /cgi-bin/show_temp.pl */
};

struct url_doc {
	int		 d_kind;		/* enum url_kind */
	struct url	 d_url;			/* the link, normalized */
	char		 d_court[URL_LABEL_MAX + 1];	/* "cand", "ca9" */
	char		 d_docid[URL_PARAM_MAX + 1];	/* as in the link */
	char		 d_caseid[URL_PARAM_MAX + 1];	/* "" if absent */
	char		 d_seq[URL_PARAM_MAX + 1];	/* de_seq_num */
	char		 d_magic[URL_PARAM_MAX + 1];	/* digits; "" if none */
	char		 d_uid[URL_PARAM_MAX + 1];	/* docs1 uid (hex) */
	char		 d_guid[URL_PARAM_MAX + 1];	/* ACMS GUID */
	char		 d_claim_id[URL_PARAM_MAX + 1];	/* a proof of claim's */
	char		 d_claim_num[URL_PARAM_MAX + 1];
	char		 d_claim_seq[URL_PARAM_MAX + 1];	/* claim_doc_seq */
	int		 d_menu;	/* 4th digit 0: attachment menu */
	int		 d_short;	/* bankruptcy short doc id */
	int		 d_bad_magic;	/* magic_num present but not digits */
};

/* Parse an absolute https URL of len bytes (no NUL needed). */
int	 url_parse(const char *s, size_t len, struct url *out);
/* Resolve ref (absolute, "//host/..", "/path", "path", "?query") against
 * base, as RFC 3986 section 5.2; out may not alias base. */
int	 url_resolve(const struct url *base, const char *ref, size_t len,
	    struct url *out);
/* "https://host/path[?query]" into buf; URL_ETOOLONG if it does not fit. */
int	 url_format(const struct url *, char *buf, size_t bufsz);

/* Host pattern: '*' matches one or more characters of one label. 1/0. */
int	 url_host_match(const char *pattern, const char *host);
/* URL_OK when the host matches one of patterns[0..npat-1] and the path is
 * one of URL_PATHS; URL_EHOST or URL_EPATH otherwise. */
int	 url_allowed(const struct url *, const char *const *patterns,
	    size_t npat);
/* URL_OK when both URLs name the same host, URL_EOFFHOST otherwise. */
int	 url_same_host(const struct url *, const struct url *);
/* The path's kind (enum url_kind), from the path alone. */
int	 url_kind(const struct url *);

/* Parse a document link (see above).  URL_ENOTDOC when it parses as a URL
 * but is none of the three forms. */
int	 url_doc_parse(const char *s, size_t len, struct url_doc *out);
/* The URL that fetches the document itself: 4th digit set to 1 (not for
 * short ids), caseid, de_seq_num, a claim's claim_id, claim_num and
 * claim_doc_seq, and magic_num as known, use_magic=1; for docs1 the uid;
 * for ACMS the link.  */
int	 url_doc_fetch_url(const struct url_doc *, char *buf, size_t bufsz);
/* The attachment menu URL: the link as given, normalized, with the doc
 * id's 4th digit 0 (as in the notice when the entry has attachments). */
int	 url_doc_menu_url(const struct url_doc *, char *buf, size_t bufsz);
/* The fetch URL of a document named in an attachment menu: path (a
 * /doc1/ path or absolute doc1 URL, e.g. from goDLS) resolved against the
 * menu page, with caseid, de_seq_num and magic_num (any may be "" or
 * NULL) and use_magic=1 when a magic number is given.  The result must
 * stay on the menu's host.  url_doc_claim_params() then appends a
 * claim's claim_id, claim_num and claim_doc_seq (digits; "" or NULL
 * leaves one out) to such a URL in buf. */
int	 url_doc_attachment_url(const struct url *menu, const char *path,
	    const char *caseid, const char *seq, const char *magic,
	    char *buf, size_t bufsz);
int	 url_doc_claim_params(char *buf, size_t bufsz, const char *claim_id,
	    const char *claim_num, const char *claim_seq);

/* A copy of a URL with one-time secrets (magic_num, uid, the ACMS GUID)
 * replaced by "X", for logs.  Always NUL-terminates buf. */
void	 url_redact(const char *s, char *buf, size_t bufsz);

const char *url_strerror(int status);
const char *url_kind_name(int kind);

#endif
