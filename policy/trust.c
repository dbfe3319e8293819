/*
 * NAME
 *	trust 3 - court sender and verification of a message
 * SUMMARY
 *	court domain test, Authentication-Results and client-address
 *	verification, forward-subject heuristic
 * SYNOPSIS
 *	#include "trust.h"
 *
 *	int trust_new(const struct trust_cfg *cfg, struct trust **out,
 *	    char *err, size_t errsz);
 *	struct trust *trust_free(struct trust *t);
 *	int trust_check(const struct trust *t, const struct trust_msg *m,
 *	    struct trust_verdict *v);
 *	int trust_forward_subject(const char *subject);
 *	int trust_ip_parse(const char *s, unsigned char out[16]);
 * DESCRIPTION
 *	See trust.h for the rules.  The Authentication-Results reader is a
 *	small lexer for RFC 8601's grammar: comments (nested, with quoted
 *	pairs) and folding white space are skipped anywhere, values may be
 *	tokens or quoted strings, ";" separates result clauses and every
 *	clause is "method[/version]=result" followed by "ptype.property=
 *	value" pairs ("reason=" included).  A clause that does not fit
 *	the grammar is skipped up to the next ";".
 * DIAGNOSTICS
 *	trust_new() reports bad settings in English.  trust_check() never
 *	fails on bad input: it yields "not court" or "unverified" with a
 *	reason.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "addr.h"
#include "ipnet.h"
#include "text.h"
#include "trust.h"

/* Longest token kept from an Authentication-Results header. */
#define AR_TOKEN_MAX	ADDR_SIZE

struct trust {
	char		**t_court;
	size_t		  t_ncourt;
	char		**t_firm;
	size_t		  t_nfirm;
	char		 *t_authserv;	/* NULL: none trusted */
	struct ipnet	 *t_nets;
	size_t		  t_nnets;
	int		  t_trust_local;
};

enum ar_tok { TK_END, TK_SEMI, TK_EQ, TK_WORD, TK_BAD };

struct ar_lex {
	const char	*l_p;
	const char	*l_end;
};

/* What the trusted Authentication-Results headers said. */
struct ar_state {
	int	a_trusted;		/* headers with our authserv-id */
	int	a_seen;			/* headers looked at */
	char	a_dkim[TRUST_DOMAIN_SIZE];	/* court domain that passed */
	char	a_dmarc[TRUST_DOMAIN_SIZE];
	char	a_spf[TRUST_DOMAIN_SIZE];
	char	a_notes[TRUST_REASON_SIZE - 32];	/* "spf=fail dkim=..." */
};

static int	copy_domains(const char *const *, size_t, const char *,
		    char ***, size_t *, char *, size_t);
static int	domain_ok(const char *);
static int	is_loopback(const unsigned char [16]);
static int	local_mail(const struct trust *, const struct trust_msg *,
		    struct trust_verdict *);
static void	lex_skip(struct ar_lex *);
static enum ar_tok lex_next(struct ar_lex *, char *, size_t);
static void	ar_header(const struct trust *, const char *,
		    struct ar_state *);
static int	ar_clause(const struct trust *, struct ar_lex *,
		    struct ar_state *);
static void	ar_note(struct ar_state *, const char *, const char *,
		    const char *);
static void	prop_domain(const char *, char *, size_t);
static void	sender_domain(const struct trust_msg *, char *, size_t,
		    const char **);
static void	verify(const struct trust *, const struct trust_msg *,
		    struct trust_verdict *);
static int	prefix_word(const char *, size_t, int *);

/* A domain name of letters, digits, '-' and '.', no empty label. */
static int
domain_ok(const char *d)
{
	size_t	i, lab = 0, n = strlen(d);

	if (n == 0 || n > ADDR_DOMAIN_MAX)
		return 0;
	for (i = 0; i <= n; i++) {
		unsigned char c = i < n ? (unsigned char)d[i] : '.';

		if (c == '.') {
			if (lab == 0)
				return 0;
			lab = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-') {
			if (++lab > 63)
				return 0;
		} else
			return 0;
	}
	return 1;
}

/*
 * copy_domains -- validate and copy a domain list, removing the
 * decorations addr_domain_in() ignores.  Returns 0 or -1 (err set).
 */
static int
copy_domains(const char *const *in, size_t n, const char *name,
    char ***out, size_t *nout, char *err, size_t errsz)
{
	char	**v;
	size_t	  i, len;

	*out = NULL;
	*nout = 0;
	if (n > TRUST_DOMAINS_MAX)
		return text_errf(err, errsz, "%s: more than %d domains", name,
		    TRUST_DOMAINS_MAX);
	if (n == 0)
		return 0;
	if ((v = calloc(n, sizeof(*v))) == NULL)
		return text_errf(err, errsz, "%s: out of memory", name);
	*out = v;
	for (i = 0; i < n; i++) {
		const char *s = in[i] != NULL ? in[i] : "";
		char	    shown[64];

		if (s[0] == '*' && s[1] == '.')
			s += 2;
		while (*s == '.' || *s == '@')
			s++;
		len = strlen(s);
		while (len > 0 && s[len - 1] == '.')
			len--;
		if ((v[i] = strndup(s, len)) == NULL)
			return text_errf(err, errsz, "%s: out of memory", name);
		*nout = i + 1;
		if (!domain_ok(v[i]))
			return text_errf(err, errsz, "%s: \"%s\" is not a domain "
			    "name", name, text_printable(shown, sizeof(shown),
			    in[i] ? in[i] : "", in[i] ? strlen(in[i]) : 0));
	}
	return 0;
}

int
trust_ip_parse(const char *s, unsigned char out[16])
{
	return ipnet_addr_parse(s, out);
}

int
trust_new(const struct trust_cfg *cfg, struct trust **out, char *err,
    size_t errsz)
{
	struct trust	*t;
	size_t		 i;

	if (out == NULL)
		return text_errf(err, errsz, "trust_new: no result pointer");
	*out = NULL;
	if (cfg == NULL)
		return text_errf(err, errsz, "trust_new: no settings");
	if (cfg->tc_ncourt == 0)
		return text_errf(err, errsz, "court_domains is empty: no notice "
		    "would ever be recognised");
	if (cfg->tc_nclients > TRUST_CLIENTS_MAX)
		return text_errf(err, errsz, "trusted_clients: more than %d "
		    "entries", TRUST_CLIENTS_MAX);
	if ((t = calloc(1, sizeof(*t))) == NULL)
		return text_errf(err, errsz, "trust: out of memory");
	if (copy_domains(cfg->tc_court_domains, cfg->tc_ncourt,
	    "court_domains", &t->t_court, &t->t_ncourt, err, errsz) != 0 ||
	    copy_domains(cfg->tc_firm_domains, cfg->tc_nfirm, "firm_domains",
	    &t->t_firm, &t->t_nfirm, err, errsz) != 0)
		goto fail;
	if (cfg->tc_authserv_id != NULL && cfg->tc_authserv_id[0] != '\0') {
		if (strpbrk(cfg->tc_authserv_id, " \t;()\"=") != NULL) {
			text_errf(err, errsz, "trusted_authserv_id: an authserv-id "
			    "is one token (a host name)");
			goto fail;
		}
		if ((t->t_authserv = strdup(cfg->tc_authserv_id)) == NULL) {
			text_errf(err, errsz, "trust: out of memory");
			goto fail;
		}
	}
	if (cfg->tc_nclients > 0) {
		t->t_nets = calloc(cfg->tc_nclients, sizeof(*t->t_nets));
		if (t->t_nets == NULL) {
			text_errf(err, errsz, "trust: out of memory");
			goto fail;
		}
	}
	for (i = 0; i < cfg->tc_nclients; i++) {
		char why[120], shown[80];
		const char *c = cfg->tc_clients[i] ? cfg->tc_clients[i] : "";

		if (ipnet_parse(c, &t->t_nets[i], why, sizeof(why)) != 0) {
			text_printable(shown, sizeof(shown), c, strlen(c));
			text_errf(err, errsz, "trusted_clients: \"%s\": %s", shown, why);
			goto fail;
		}
		t->t_nnets = i + 1;
	}
	t->t_trust_local = cfg->tc_trust_local != 0;
	*out = t;
	return 0;
fail:
	trust_free(t);
	return -1;
}

struct trust *
trust_free(struct trust *t)
{
	size_t	i;

	if (t == NULL)
		return NULL;
	for (i = 0; i < t->t_ncourt; i++)
		free(t->t_court[i]);
	free(t->t_court);
	for (i = 0; i < t->t_nfirm; i++)
		free(t->t_firm[i]);
	free(t->t_firm);
	free(t->t_authserv);
	free(t->t_nets);
	free(t);
	return NULL;
}

/* Skip folding white space and comments. */
static void
lex_skip(struct ar_lex *l)
{
	int	depth;

	for (;;) {
		while (l->l_p < l->l_end && (*l->l_p == ' ' ||
		    *l->l_p == '\t' || *l->l_p == '\r' || *l->l_p == '\n'))
			l->l_p++;
		if (l->l_p >= l->l_end || *l->l_p != '(')
			return;
		for (depth = 0; l->l_p < l->l_end; l->l_p++) {
			if (*l->l_p == '\\' && l->l_p + 1 < l->l_end)
				l->l_p++;
			else if (*l->l_p == '(')
				depth++;
			else if (*l->l_p == ')' && --depth == 0) {
				l->l_p++;
				break;
			}
		}
	}
}

/*
 * lex_next -- the next token; a word or quoted string goes into buf.
 * Returns TK_BAD for a token longer than bufsz - 1 or an unterminated
 * quoted string.
 */
static enum ar_tok
lex_next(struct ar_lex *l, char *buf, size_t bufsz)
{
	size_t	n = 0;
	int	too_long = 0;

	buf[0] = '\0';
	lex_skip(l);
	if (l->l_p >= l->l_end)
		return TK_END;
	if (*l->l_p == ';') {
		l->l_p++;
		return TK_SEMI;
	}
	if (*l->l_p == '=') {
		l->l_p++;
		return TK_EQ;
	}
	if (*l->l_p == '"') {
		for (l->l_p++; l->l_p < l->l_end && *l->l_p != '"'; l->l_p++) {
			if (*l->l_p == '\\' && l->l_p + 1 < l->l_end)
				l->l_p++;
			if (n + 1 < bufsz)
				buf[n++] = *l->l_p;
			else
				too_long = 1;
		}
		buf[n] = '\0';
		if (l->l_p >= l->l_end)
			return TK_BAD;
		l->l_p++;
		return too_long ? TK_BAD : TK_WORD;
	}
	while (l->l_p < l->l_end && strchr(" \t\r\n(;=\"", *l->l_p) == NULL) {
		if (n + 1 < bufsz)
			buf[n++] = *l->l_p;
		else
			too_long = 1;
		l->l_p++;
	}
	buf[n] = '\0';
	return too_long ? TK_BAD : TK_WORD;
}

/* The domain of a property value: after the last '@', lowercased. */
static void
prop_domain(const char *v, char *dom, size_t domsz)
{
	const char	*at = strrchr(v, '@');
	size_t		 i, n;

	if (at != NULL)
		v = at + 1;
	n = strlen(v);
	while (n > 0 && v[n - 1] == '.')
		n--;
	if (n + 1 > domsz || n == 0) {
		dom[0] = '\0';
		return;
	}
	for (i = 0; i < n; i++)
		dom[i] = (v[i] >= 'A' && v[i] <= 'Z') ? (char)(v[i] + 32) :
		    v[i];
	dom[n] = '\0';
}

/* Append "method=result[:domain]" to the notes for the reason line. */
static void
ar_note(struct ar_state *a, const char *method, const char *result,
    const char *dom)
{
	char	item[128], m[24], r[24], d[48];
	size_t	len = strlen(a->a_notes);

	text_printable(m, sizeof(m), method, strlen(method));
	text_printable(r, sizeof(r), result, strlen(result));
	text_printable(d, sizeof(d), dom, strlen(dom));
	snprintf(item, sizeof(item), "%s%s=%s%s%s", len ? " " : "", m, r,
	    d[0] ? ":" : "", d);
	if (strstr(a->a_notes, item + (len ? 1 : 0)) != NULL)
		return;		/* said already */
	if (len + strlen(item) + 1 < sizeof(a->a_notes))
		memcpy(a->a_notes + len, item, strlen(item) + 1);
	else if (len + 4 < sizeof(a->a_notes) &&
	    strcmp(a->a_notes + len - 3, "...") != 0)
		memcpy(a->a_notes + len, " ...", 5);
}

/*
 * ar_clause -- one "method=result props..." clause, the lexer standing
 * after its ";".  Returns 1 when another clause follows, else 0.
 */
static int
ar_clause(const struct trust *t, struct ar_lex *l, struct ar_state *a)
{
	char		tok[AR_TOKEN_MAX], method[24], result[24], key[40];
	char		dom[TRUST_DOMAIN_SIZE], court[TRUST_DOMAIN_SIZE];
	char		other[TRUST_DOMAIN_SIZE];
	enum ar_tok	k;
	char		*slash;

	court[0] = other[0] = '\0';
	if ((k = lex_next(l, tok, sizeof(tok))) != TK_WORD ||
	    strlen(tok) >= sizeof(method))
		goto skip;
	text_strlcpy(method, tok, sizeof(method));
	if ((slash = strchr(method, '/')) != NULL)
		*slash = '\0';
	if (lex_next(l, tok, sizeof(tok)) != TK_EQ ||
	    lex_next(l, tok, sizeof(tok)) != TK_WORD ||
	    strlen(tok) >= sizeof(result))
		goto skip;
	text_strlcpy(result, tok, sizeof(result));
	for (;;) {
		k = lex_next(l, tok, sizeof(tok));
		if (k == TK_END || k == TK_SEMI)
			break;
		if (k != TK_WORD || strlen(tok) >= sizeof(key))
			goto skip;
		text_strlcpy(key, tok, sizeof(key));
		if (lex_next(l, tok, sizeof(tok)) != TK_EQ ||
		    lex_next(l, tok, sizeof(tok)) != TK_WORD)
			goto skip;
		if (!((strcasecmp(method, "dkim") == 0 &&
		    (strcasecmp(key, "header.d") == 0 ||
		    strcasecmp(key, "header.i") == 0)) ||
		    (strcasecmp(method, "dmarc") == 0 &&
		    strcasecmp(key, "header.from") == 0) ||
		    (strcasecmp(method, "spf") == 0 &&
		    strcasecmp(key, "smtp.mailfrom") == 0)))
			continue;
		prop_domain(tok, dom, sizeof(dom));
		if (dom[0] == '\0')
			continue;
		if (addr_domain_in(dom, (const char *const *)t->t_court,
		    t->t_ncourt))
			text_strlcpy(court, dom, sizeof(court));
		else
			text_strlcpy(other, dom, sizeof(other));
	}
	if (strcasecmp(result, "pass") == 0 && court[0] != '\0') {
		char *slot = strcasecmp(method, "dkim") == 0 ? a->a_dkim :
		    strcasecmp(method, "dmarc") == 0 ? a->a_dmarc :
		    strcasecmp(method, "spf") == 0 ? a->a_spf : NULL;

		if (slot != NULL && slot[0] == '\0')
			text_strlcpy(slot, court, TRUST_DOMAIN_SIZE);
	} else if (strcasecmp(method, "dkim") == 0 ||
	    strcasecmp(method, "dmarc") == 0 || strcasecmp(method, "spf") == 0)
		ar_note(a, method, result, strcasecmp(result, "pass") == 0 ?
		    other : "");
	return k == TK_SEMI;
skip:
	while (k != TK_END && k != TK_SEMI)
		k = lex_next(l, tok, sizeof(tok));
	return k == TK_SEMI;
}

/* One Authentication-Results header value. */
static void
ar_header(const struct trust *t, const char *value, struct ar_state *a)
{
	struct ar_lex	l;
	char		tok[AR_TOKEN_MAX];
	enum ar_tok	k;
	size_t		n;

	if (value == NULL || (n = strlen(value)) > TRUST_AR_MAX)
		return;
	a->a_seen++;
	l.l_p = value;
	l.l_end = value + n;
	if (lex_next(&l, tok, sizeof(tok)) != TK_WORD ||
	    t->t_authserv == NULL || strcasecmp(tok, t->t_authserv) != 0)
		return;
	a->a_trusted++;
	k = lex_next(&l, tok, sizeof(tok));
	if (k == TK_WORD && strspn(tok, "0123456789") == strlen(tok))
		k = lex_next(&l, tok, sizeof(tok));	/* version */
	if (k != TK_SEMI)
		return;
	while (ar_clause(t, &l, a))
		;
}

/*
 * sender_domain -- the From domain, or the envelope sender's when the
 * message has no usable From.  *which says which ("from", "envelope").
 */
static void
sender_domain(const struct trust_msg *m, char *dom, size_t domsz,
    const char **which)
{
	char	addr[ADDR_SIZE];

	dom[0] = '\0';
	*which = "from";
	if (m->tm_from != NULL &&
	    addr_from_header(m->tm_from, addr, sizeof(addr)) == 0 &&
	    addr_domain(addr, dom, domsz) == 0)
		return;
	*which = "envelope";
	if (m->tm_envfrom == NULL || addr_domain(m->tm_envfrom, dom, domsz))
		dom[0] = '\0';
}

/* 1 for 127.0.0.0/8 (also IPv4-mapped) and ::1. */
static int
is_loopback(const unsigned char ip[16])
{
	static const unsigned char v4[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0xff, 0xff };
	static const unsigned char one[16] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	    0, 0, 0, 0, 0, 1 };

	return (memcmp(ip, v4, 12) == 0 && ip[12] == 127) ||
	    memcmp(ip, one, 16) == 0;
}

/* Local mail that trust_local_mail does not trust: 1, with the reason. */
static int
local_mail(const struct trust *t, const struct trust_msg *m,
    struct trust_verdict *v)
{
	unsigned char	ip[16];
	char		shown[64];
	int		loop;

	loop = m->tm_client != NULL && ipnet_addr_parse(m->tm_client, ip) == 0 &&
	    is_loopback(ip);
	if (!m->tm_local && !loop)
		return 0;
	v->tv_local = 1;
	if (t->t_trust_local)
		return 0;
	if (m->tm_local)
		snprintf(v->tv_reason, sizeof(v->tv_reason), "unverified: local "
		    "mail (submitted on the relay; trust_local_mail = no)");
	else
		snprintf(v->tv_reason, sizeof(v->tv_reason), "unverified: local "
		    "mail (loopback client %s; trust_local_mail = no)",
		    text_printable(shown, sizeof(shown), m->tm_client,
		    strlen(m->tm_client)));
	return 1;
}

static void
verify(const struct trust *t, const struct trust_msg *m,
    struct trust_verdict *v)
{
	struct ar_state	 a;
	unsigned char	 ip[16];
	char		 shown[64];
	size_t		 i;

	if (local_mail(t, m, v))
		return;
	memset(&a, 0, sizeof(a));
	for (i = 0; m->tm_ar != NULL && i < m->tm_nar &&
	    i < TRUST_AR_HEADERS; i++)
		ar_header(t, m->tm_ar[i], &a);
	v->tv_via = a.a_dkim[0] ? TRUST_VIA_DKIM : a.a_dmarc[0] ?
	    TRUST_VIA_DMARC : a.a_spf[0] ? TRUST_VIA_SPF : TRUST_VIA_NONE;
	if (v->tv_via != TRUST_VIA_NONE) {
		const char *d = a.a_dkim[0] ? a.a_dkim : a.a_dmarc[0] ?
		    a.a_dmarc : a.a_spf;

		text_printable(shown, sizeof(shown), d, strlen(d));
		snprintf(v->tv_reason, sizeof(v->tv_reason), "verified=%s:%s",
		    v->tv_via == TRUST_VIA_DKIM ? "dkim" :
		    v->tv_via == TRUST_VIA_DMARC ? "dmarc" : "spf", shown);
		v->tv_verified = 1;
		return;
	}
	if (m->tm_client != NULL && ipnet_addr_parse(m->tm_client, ip) == 0)
		for (i = 0; i < t->t_nnets; i++)
			if (ipnet_match(&t->t_nets[i], ip)) {
				text_printable(shown, sizeof(shown),
				    m->tm_client, strlen(m->tm_client));
				snprintf(v->tv_reason, sizeof(v->tv_reason),
				    "verified=client:%s", shown);
				v->tv_verified = 1;
				v->tv_via = TRUST_VIA_CLIENT;
				return;
			}
	if (t->t_authserv == NULL)
		snprintf(v->tv_reason, sizeof(v->tv_reason),
		    "unverified: trusted_authserv_id not set");
	else if (a.a_seen == 0)
		snprintf(v->tv_reason, sizeof(v->tv_reason),
		    "unverified: no Authentication-Results");
	else if (a.a_trusted == 0)
		snprintf(v->tv_reason, sizeof(v->tv_reason),
		    "unverified: no trusted Authentication-Results");
	else
		snprintf(v->tv_reason, sizeof(v->tv_reason),
		    "unverified: no court pass (%s)",
		    a.a_notes[0] ? a.a_notes : "no spf, dkim or dmarc result");
}

int
trust_check(const struct trust *t, const struct trust_msg *m,
    struct trust_verdict *v)
{
	const char	*which;
	char		 shown[64];

	if (v == NULL)
		return -1;
	memset(v, 0, sizeof(*v));
	if (t == NULL || m == NULL) {
		snprintf(v->tv_reason, sizeof(v->tv_reason),
		    "not court: no settings or no message");
		return -1;
	}
	sender_domain(m, v->tv_domain, sizeof(v->tv_domain), &which);
	v->tv_firm = v->tv_domain[0] != '\0' && addr_domain_in(v->tv_domain,
	    (const char *const *)t->t_firm, t->t_nfirm);
	v->tv_court = v->tv_domain[0] != '\0' && addr_domain_in(v->tv_domain,
	    (const char *const *)t->t_court, t->t_ncourt);
	if (!v->tv_court) {
		v->tv_forward = trust_forward_subject(m->tm_subject);
		if (v->tv_domain[0] == '\0')
			snprintf(v->tv_reason, sizeof(v->tv_reason),
			    "not court: no sender domain");
		else
			snprintf(v->tv_reason, sizeof(v->tv_reason),
			    "not court: %s=%s", which, text_printable(shown,
			    sizeof(shown), v->tv_domain,
			    strlen(v->tv_domain)));
		return 0;
	}
	verify(t, m, v);
	return 0;
}

/*
 * prefix_word -- is s[0..n) a reply or forward prefix word?  Returns 1
 * and sets *fwd for a forward word.
 */
static int
prefix_word(const char *s, size_t n, int *fwd)
{
	static const char *const fwds[] = {
		"fwd", "fw", "wg", "tr", "rv", "enc", "doorst", "vs", "vl",
		"vb", "i",
	};
	static const char *const replies[] = {
		"re", "aw", "sv", "antw", "ref", "r",
	};
	size_t	i;

	for (i = 0; i < sizeof(fwds) / sizeof(fwds[0]); i++)
		if (strlen(fwds[i]) == n && strncasecmp(s, fwds[i], n) == 0) {
			*fwd = 1;
			return 1;
		}
	for (i = 0; i < sizeof(replies) / sizeof(replies[0]); i++)
		if (strlen(replies[i]) == n &&
		    strncasecmp(s, replies[i], n) == 0)
			return 1;
	return 0;
}

int
trust_forward_subject(const char *subject)
{
	const char	*p, *end, *w;
	size_t		 n;
	int		 fwd = 0, isfwd, k;

	if (subject == NULL)
		return 0;
	n = strlen(subject);
	end = subject + (n > TRUST_SUBJECT_MAX ? TRUST_SUBJECT_MAX : n);
	p = subject;
	for (k = 0; k < TRUST_PREFIXES_MAX; k++) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' ||
		    *p == '\n'))
			p++;
		if (p < end && (*p == '[' || *p == '*')) {
			/* "[EXTERNAL]", "*EXTERNAL*" tags, or "[Fwd: ..." */
			char close = *p == '[' ? ']' : '*';

			for (w = p + 1; w < end && *w != close && *w != ':' &&
			    w - p < 40; w++)
				;
			if (w < end && *w == close) {
				p = w + 1;
				continue;
			}
			if (*p == '[') {
				p++;
				continue;
			}
			break;
		}
		for (w = p; w < end && ((*w >= 'a' && *w <= 'z') ||
		    (*w >= 'A' && *w <= 'Z')); w++)
			;
		isfwd = 0;
		if (w == p || !prefix_word(p, (size_t)(w - p), &isfwd))
			break;
		if (w < end && (*w == '[' || *w == '(')) {	/* "Re[2]:" */
			char close = *w == '[' ? ']' : ')';

			for (w++; w < end && *w >= '0' && *w <= '9'; w++)
				;
			if (w >= end || *w != close)
				break;
			w++;
		}
		while (w < end && (*w == ' ' || *w == '\t'))
			w++;
		if (w >= end || (*w != ':' && strncmp(w, "\xef\xbc\x9a", 3)))
			break;
		p = w + (*w == ':' ? 1 : 3);
		fwd |= isfwd;
	}
	return fwd;
}
