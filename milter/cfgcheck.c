/*
 * NAME
 *	cfgcheck 3 - configuration checks, entry by entry, with their lines
 * SYNOPSIS
 *	#include "cfgcheck.h"
 * DESCRIPTION
 *	Each check first compiles the settings as the milter will
 *	(trustcfg_new(), sealterm_new()).  When that fails, every entry of
 *	every list concerned is compiled again on its own, in a shallow
 *	copy of the configuration whose other lists hold harmless values,
 *	so that each bad entry yields its own line.  When no single entry
 *	is at fault (a limit on the number of entries, say), the message of
 *	the whole compilation is reported.  Every problem names the line
 *	of the setting (cfg_line()), or of the list entry it quotes.
 * DIAGNOSTICS
 *	Problems are appended to the caller's buffer through cfgcheck_problem().
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cfgcheck.h"
#include "sealterm.h"
#include "strbuf.h"
#include "trustcfg.h"

#define CC_MSG	256

typedef int (*cc_compile_fn)(const struct cfg *, char *msg, size_t size);

static int	cc_item_line(const struct cfg *, const char *key, const char *);
static int	cc_trust(const struct cfg *, char *, size_t);
static int	cc_terms(const struct cfg *, char *, size_t);
static struct cfg_list *cc_list(struct cfg *, size_t off);
static long	cc_lineno(const char *);
static int	cc_cmp(const void *, const void *);
static size_t	cc_each(const struct cfg *neutral, const struct cfg *cf,
		    size_t off, cc_compile_fn, struct strbuf *err);

static char		*cc_court_v[] = { (char *)"uscourts.gov" };
static int		 cc_court_line[] = { 0 };
static const struct cfg_list cc_court1 = { 1, cc_court_v, cc_court_line };
static const struct cfg_list cc_empty = { 0, NULL, NULL };

const char *
cfgcheck_where(const struct cfg *c, const char *key, char *buf, size_t size)
{
	int	line = key != NULL ? cfg_line(c, key) : 0;

	if (line < 0)
		line = -line;
	if (c->cf_path == NULL)
		snprintf(buf, size, "defaults");
	else if (line == 0)
		snprintf(buf, size, "%s", c->cf_path);
	else
		snprintf(buf, size, "%s:%d", c->cf_path, line);
	return buf;
}

int
cfgcheck_refused(const struct cfg *c, const char *key)
{
	return cfg_line(c, key) < 0;
}

/* The line of the entry of list setting key that msg quotes, or 0. */
static int
cc_item_line(const struct cfg *c, const char *key, const char *msg)
{
	const struct cfg_list	*l = cfg_list_of(c, key);
	const char		*q;
	size_t			 i, n;

	for (i = 0; l != NULL && l->l_line != NULL && i < l->l_n; i++) {
		n = strlen(l->l_v[i]);
		for (q = strchr(msg, '"'); q != NULL; q = strchr(q + 1, '"'))
			if (strncmp(q + 1, l->l_v[i], n) == 0 && q[n + 1] == '"')
				return l->l_line[i];
	}
	return 0;
}

void
cfgcheck_problem(const struct cfg *c, struct strbuf *err, const char *key,
    const char *fmt, ...)
{
	char	msg[1024], where[600], word[64];
	size_t	n;
	int	line;
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (key == NULL) {
		n = strspn(msg, "abcdefghijklmnopqrstuvwxyz_0123456789");
		if (n > 0 && n < sizeof(word)) {
			memcpy(word, msg, n);
			word[n] = '\0';
			if (cfg_known(word))
				key = word;
		}
	}
	cfgcheck_where(c, key, where, sizeof(where));
	if (key != NULL && c->cf_path != NULL &&
	    (line = cc_item_line(c, key, msg)) > 0)
		snprintf(where, sizeof(where), "%s:%d", c->cf_path, line);
	strbuf_printf(err, "%s: %s\n", where, msg);
}

static int
cc_trust(const struct cfg *cf, char *msg, size_t size)
{
	return trustcfg_new(cf, NULL, msg, size);
}

static int
cc_terms(const struct cfg *cf, char *msg, size_t size)
{
	struct sealterm	*st = NULL;
	int		 rc;

	rc = sealterm_new((const char *const *)cf->cf_restricted_terms.l_v,
	    cf->cf_restricted_terms.l_n,
	    (const char *const *)cf->cf_restricted_exceptions.l_v,
	    cf->cf_restricted_exceptions.l_n, &st, msg, size);
	sealterm_free(st);
	return rc;
}

static struct cfg_list *
cc_list(struct cfg *c, size_t off)
{
	return (struct cfg_list *)(void *)((char *)c + off);
}

/*
 * Compile each entry of the list at offset off of cf on its own, in a
 * copy of neutral.  Returns the number of entries found bad (each one
 * reported).
 */
static size_t
cc_each(const struct cfg *neutral, const struct cfg *cf, size_t off,
    cc_compile_fn compile, struct strbuf *err)
{
	const struct cfg_list	*l = cc_list((struct cfg *)(void *)cf, off);
	struct cfg		 one;
	struct cfg_list		*ol;
	char			 msg[CC_MSG];
	size_t			 i, bad = 0;

	for (i = 0; i < l->l_n; i++) {
		one = *neutral;
		ol = cc_list(&one, off);
		ol->l_v = l->l_v + i;
		ol->l_line = l->l_line != NULL ? l->l_line + i : NULL;
		ol->l_n = 1;
		if (compile(&one, msg, sizeof(msg)) != 0) {
			cfgcheck_problem(cf, err, NULL, "%s", msg);
			bad++;
		}
	}
	return bad;
}

int
cfgcheck_trust(const struct cfg *cf, struct strbuf *err)
{
	static const size_t lists[] = {
		offsetof(struct cfg, cf_court_domains),
		offsetof(struct cfg, cf_firm_domains),
		offsetof(struct cfg, cf_trusted_clients),
	};
	struct cfg	 neutral;
	char		 msg[CC_MSG];
	size_t		 i, bad = 0;

	if (cc_trust(cf, NULL, 0) == 0)
		return 0;
	neutral = *cf;
	neutral.cf_court_domains = cc_court1;
	neutral.cf_firm_domains = cc_empty;
	neutral.cf_trusted_clients = cc_empty;
	neutral.cf_trusted_authserv_id = (char *)"";
	if (cf->cf_court_domains.l_n > 0)
		for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++)
			bad += cc_each(&neutral, cf, lists[i], cc_trust, err);
	neutral.cf_trusted_authserv_id = cf->cf_trusted_authserv_id;
	if (cc_trust(&neutral, msg, sizeof(msg)) != 0) {
		cfgcheck_problem(cf, err, "trusted_authserv_id", "%s", msg);
		bad++;
	}
	if (bad == 0 && cc_trust(cf, msg, sizeof(msg)) != 0)
		cfgcheck_problem(cf, err, NULL, "%s", msg);
	return -1;
}

int
cfgcheck_terms(const struct cfg *cf, struct strbuf *err)
{
	struct cfg	 neutral;
	char		 msg[CC_MSG];
	size_t		 bad = 0;

	if (cc_terms(cf, msg, sizeof(msg)) == 0)
		return 0;
	neutral = *cf;
	neutral.cf_restricted_terms = cc_empty;
	neutral.cf_restricted_exceptions = cc_empty;
	bad += cc_each(&neutral, cf, offsetof(struct cfg, cf_restricted_terms),
	    cc_terms, err);
	bad += cc_each(&neutral, cf,
	    offsetof(struct cfg, cf_restricted_exceptions), cc_terms, err);
	if (bad == 0)
		cfgcheck_problem(cf, err, NULL, "%s", msg);
	return -1;
}

/* The LINE of "FILE:LINE: ...", or 0. */
static long
cc_lineno(const char *s)
{
	const char	*p = strstr(s, ": ");
	const char	*c;
	char		*end;
	long		 n;

	if (p == NULL)
		return 0;
	for (c = p; c > s && c[-1] != ':'; c--)
		;
	if (c == s)
		return 0;
	n = strtol(c, &end, 10);
	return end == p ? n : 0;
}

struct cc_line {
	const char	*l_s;
	size_t		 l_len;
	long		 l_no;
	size_t		 l_pos;
};

static int
cc_cmp(const void *a, const void *b)
{
	const struct cc_line *x = a, *y = b;

	if (x->l_no != y->l_no)
		return x->l_no < y->l_no ? -1 : 1;
	return x->l_pos < y->l_pos ? -1 : x->l_pos > y->l_pos;
}

void
cfgcheck_sort(struct strbuf *err)
{
	struct cc_line	*v;
	struct strbuf	 out = STRBUF_INIT;
	const char	*s = strbuf_str(err), *nl;
	size_t		 n = 0, i;

	for (nl = s; (nl = strchr(nl, '\n')) != NULL; nl++)
		n++;
	if (n < 2 || (v = calloc(n, sizeof(*v))) == NULL)
		return;
	for (i = 0; i < n; i++, s = nl + 1) {
		nl = strchr(s, '\n');
		v[i].l_s = s;
		v[i].l_len = (size_t)(nl - s) + 1;
		v[i].l_no = cc_lineno(s);
		v[i].l_pos = i;
	}
	qsort(v, n, sizeof(*v), cc_cmp);
	for (i = 0; i < n; i++)
		strbuf_append(&out, v[i].l_s, v[i].l_len);
	free(v);
	if (!strbuf_error(&out)) {
		strbuf_reset(err);
		strbuf_puts(err, strbuf_str(&out));
	}
	strbuf_free(&out);
}
