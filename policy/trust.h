/*
 * trust: is this message a court notice, and do we believe it?
 *
 * Two questions, answered from the envelope and the headers only:
 *
 * 1. Court: the sender's domain is a court's.  The domain of the From
 *    header's mailbox decides; only when the message has no usable From
 *    (none, several mailboxes, a group) does the envelope sender's domain
 *    decide.  A From outside court_domains is never a court notice, even
 *    when the envelope sender is a court's (a court bounce address with a
 *    foreign From is not a notice).  Domains match court_domains with
 *    their subdomains (addr.h), so the ACMS envelope sender
 *    "bounces+...@em4346.ca9.fedcourts.us" is a court's under
 *    "fedcourts.us".
 *
 * 2. Verified: a court message is verified when
 *    - an Authentication-Results header (RFC 8601) whose authserv-id is
 *      exactly trusted_authserv_id (ASCII case ignored) reports
 *        dkim=pass  with header.d or header.i in court_domains, or
 *        dmarc=pass with header.from in court_domains (DMARC passes only
 *                   on an aligned SPF or DKIM pass, so it is at least as
 *                   strong as either), or
 *        spf=pass   with smtp.mailfrom in court_domains;
 *    - or the SMTP client address is in trusted_clients (addresses and
 *      CIDR blocks, IPv4 and IPv6; an IPv4 client written as an
 *      IPv4-mapped IPv6 address matches IPv4 entries).
 *    Results from any other authserv-id, results other than "pass", and
 *    passes for non-court domains count for nothing.  With
 *    trusted_authserv_id empty, no Authentication-Results header is
 *    trusted.
 *
 * 3. Local mail is never verified unless trust_local_mail is set: mail
 *    the MTA says was submitted on the relay itself (tm_local: Postfix's
 *    sendmail command and pickup, whose simulated client has port 0), and
 *    mail from an SMTP client on a loopback address (127.0.0.0/8, ::1),
 *    which is how Sendmail's command line reaches its MTA and how any
 *    program on the relay can.  Neither trusted_clients nor an
 *    Authentication-Results header counts for it: whoever submits on the
 *    relay writes both the envelope and the headers, and no verifier
 *    checks what it submits.
 *
 *    The firm's verifier must delete Authentication-Results headers that
 *    arrive from outside carrying its own authserv-id (RFC 8601 section
 *    5); nefmilter cannot tell such a forgery from the real one.  Postfix
 *    must run the verifier before nefmilter.  At most TRUST_AR_HEADERS
 *    headers, each at most TRUST_AR_MAX bytes, are examined; headers past
 *    either limit are ignored, which can only leave a message unverified.
 *
 * It also tells whether the From domain is one of the firm's and whether
 * the Subject looks like a forward ("Fwd:", "FW:", "Fw:", "WG:", "TR:",
 * "RV:", "ENC:", "Doorst:", possibly repeated, mixed with "Re:"-style
 * prefixes and bracketed tags such as "[EXTERNAL]").  That only helps
 * decide early whether to inspect a message: whether it really carries a
 * notice is the parser's call.
 *
 * Settings are compiled once by trust_new() into an immutable struct
 * trust that any number of threads may use at the same time.
 */
#ifndef NEF_TRUST_H
#define NEF_TRUST_H

#include <stddef.h>

#include "addr.h"

/* Examination limits on untrusted input. */
#define TRUST_AR_HEADERS	64	/* Authentication-Results headers */
#define TRUST_AR_MAX		8192	/* bytes of one such header */
#define TRUST_SUBJECT_MAX	4096	/* bytes of Subject looked at */
#define TRUST_PREFIXES_MAX	16	/* "Re:"/"Fwd:"/tag prefixes */
/* Limits on the settings. */
#define TRUST_CLIENTS_MAX	1024
#define TRUST_DOMAINS_MAX	256

/* Sizes of the verdict's text fields (NUL included). */
#define TRUST_REASON_SIZE	160
#define TRUST_DOMAIN_SIZE	ADDR_SIZE

struct trust;

/*
 * The settings, as the configuration holds them.  Pointers are read only
 * during trust_new(), which copies what it keeps.
 */
struct trust_cfg {
	const char *const	*tc_court_domains;	/* court_domains */
	size_t			 tc_ncourt;
	const char		*tc_authserv_id;	/* NULL or "": none */
	const char *const	*tc_clients;		/* trusted_clients */
	size_t			 tc_nclients;
	const char *const	*tc_firm_domains;	/* firm_domains */
	size_t			 tc_nfirm;
	int			 tc_trust_local;	/* trust_local_mail */
};

/*
 * One message.  Every field may be NULL (absent).  Header values are as
 * received: folded lines, comments and quoted strings are handled here.
 * The pointers are read only during trust_check().
 */
struct trust_msg {
	const char		*tm_from;	/* From header value */
	const char		*tm_envfrom;	/* MAIL FROM address */
	const char *const	*tm_ar;		/* Authentication-Results values */
	size_t			 tm_nar;
	const char		*tm_client;	/* client IP: "10.1.2.3",
						   "2001:db8::1", "IPv6:...",
						   "[...]" are accepted */
	const char		*tm_subject;	/* Subject value, decoded */
	int			 tm_local;	/* 1: submitted on the relay
						   itself, not over the network
						   (the MTA says so) */
};

enum trust_via {
	TRUST_VIA_NONE,		/* not verified */
	TRUST_VIA_DKIM,
	TRUST_VIA_DMARC,
	TRUST_VIA_SPF,
	TRUST_VIA_CLIENT
};

struct trust_verdict {
	int	tv_court;	/* 1: the sender domain is a court's */
	int	tv_verified;	/* 1: court and verified (tv_via says how) */
	int	tv_via;		/* enum trust_via */
	int	tv_firm;	/* 1: the From domain is one of the firm's */
	int	tv_forward;	/* 1: not court, and Subject looks forwarded */
	int	tv_local;	/* 1: local mail (see 3. above) */
	/* The sender domain examined (From's, or the envelope's), or "". */
	char	tv_domain[TRUST_DOMAIN_SIZE];
	/*
	 * One printable ASCII line for the audit log, e.g.
	 * "verified=dkim:uscourts.gov", "verified=client:10.1.2.3",
	 * "unverified: no trusted Authentication-Results",
	 * "unverified: no court pass (spf=fail dkim=pass:evil.example)",
	 * "unverified: local mail (submitted on the relay; trust_local_mail
	 * = no)",
	 * "not court: from=firm.com".
	 */
	char	tv_reason[TRUST_REASON_SIZE];
};

/*
 * Compile the settings.  Returns 0 and a new struct trust in *out (free
 * it with trust_free()), or -1 with *out NULL and an English message in
 * err (errsz bytes; may be NULL) naming the bad setting and value: an
 * empty court_domains, a malformed domain, an unparsable address or
 * CIDR block, host bits set below the prefix, a /0 block, too many
 * entries, or no memory.
 */
int	 trust_new(const struct trust_cfg *cfg, struct trust **out,
	    char *err, size_t errsz);
/* Release t; trust_free(NULL) does nothing.  Returns NULL. */
struct trust *trust_free(struct trust *t);

/*
 * Judge one message.  Fills *v (always, even on error).  Returns 0, or -1
 * when t, m or v is NULL.
 */
int	 trust_check(const struct trust *t, const struct trust_msg *m,
	    struct trust_verdict *v);

/* 1 when subject starts with a forward prefix (see above), else 0. */
int	 trust_forward_subject(const char *subject);

/*
 * Parse one IP address (IPv4 dotted quad or IPv6 text, optionally
 * "IPv6:"-prefixed or bracketed) into 16 bytes; IPv4 is stored as
 * ::ffff:a.b.c.d.  Returns 0, or -1 when s is not an address.
 */
int	 trust_ip_parse(const char *s, unsigned char out[16]);	/* = ipnet_addr_parse() */

#endif
