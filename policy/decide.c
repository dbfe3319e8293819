/*
 * NAME
 *	decide 3 - the verdict for one message
 * SUMMARY
 *	fetch or not, learn or not, recipients to add and delete, hold,
 *	attachments and link actions
 * SYNOPSIS
 *	#include "decide.h"
 *
 *	int decide_run(const struct decide_cfg *cfg,
 *	    const struct decide_in *in, struct decide_out **out);
 *	struct decide_out *decide_free(struct decide_out *out);
 *	int decide_allowed(const struct decide_cfg *cfg,
 *	    const struct decide_in *in, const char *addr);
 *	const char *decide_class_name(int cls);
 * DESCRIPTION
 *	See decide.h for the rules.  Addresses are compared in a lowered
 *	clean form (addr.h), computed once per list into one packed buffer,
 *	so that each comparison is a strcmp().
 * DIAGNOSTICS
 *	decide_run() returns -1 on a NULL argument, a list past its limit,
 *	or no memory; there is no partial verdict.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addr.h"
#include "decide.h"
#include "text.h"

/* Lowered clean forms of the addresses of up to two lists. */
struct lowset {
	char		 *ls_buf;
	const char	**ls_v;		/* "" for an address that is no mailbox */
	size_t		  ls_n;
};

/* What the rules need while deciding one message. */
struct ctx {
	const struct decide_cfg	*c_cfg;
	struct lowset		 c_listed;	/* listed + learned */
	int			 c_firm_listed;	/* a listed address is firm's */
};

static int	lower_addr(const char *, char *);
static int	lowset_init(struct lowset *, const struct decide_list *,
		    const struct decide_list *);
static void	lowset_free(struct lowset *);
static int	lowset_has(const struct lowset *, const char *, size_t);
static int	list_ok(const struct decide_list *);
static int	ctx_init(struct ctx *, const struct decide_cfg *,
		    const struct decide_in *);
static int	allowed_low(const struct ctx *, const char *);
static void	hold_add(struct decide_out *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
static void	team_add(const struct ctx *, const struct decide_in *,
		    const struct lowset *, const struct lowset *,
		    struct decide_out *);
static void	restrict_rcpts(const struct ctx *, const struct decide_in *,
		    const struct lowset *, struct decide_out *);
static void	links(const struct decide_cfg *, const struct decide_in *,
		    struct decide_out *);
static void	audit(const struct decide_cfg *, const struct decide_in *,
		    struct decide_out *);

/* Clean and lowercase in into out (ADDR_SIZE); "" and -1 if no mailbox. */
static int
lower_addr(const char *in, char *out)
{
	size_t	i;

	if (addr_clean(in, out, ADDR_SIZE) != 0 || out[0] == '\0' ||
	    strchr(out, '@') == NULL) {
		out[0] = '\0';
		return -1;
	}
	for (i = 0; out[i] != '\0'; i++)
		if (out[i] >= 'A' && out[i] <= 'Z')
			out[i] = (char)(out[i] + ('a' - 'A'));
	return 0;
}

static int
lowset_init(struct lowset *s, const struct decide_list *a,
    const struct decide_list *b)
{
	const struct decide_list *l[2] = { a, b };
	char	 low[ADDR_SIZE];
	size_t	 total = 0, off = 0, i, k, n;

	memset(s, 0, sizeof(*s));
	for (k = 0; k < 2; k++)
		for (i = 0; l[k] != NULL && i < l[k]->dl_n; i++)
			total += (l[k]->dl_v[i] ? strnlen(l[k]->dl_v[i],
			    ADDR_SIZE) : 0) + 1;
	n = (a ? a->dl_n : 0) + (b ? b->dl_n : 0);
	if ((s->ls_buf = malloc(total + 1)) == NULL ||
	    (s->ls_v = calloc(n + 1, sizeof(*s->ls_v))) == NULL) {
		lowset_free(s);
		return -1;
	}
	for (k = 0; k < 2; k++)
		for (i = 0; l[k] != NULL && i < l[k]->dl_n; i++) {
			if (l[k]->dl_v[i] == NULL ||
			    lower_addr(l[k]->dl_v[i], low) != 0)
				low[0] = '\0';
			/* A clean form is never longer than its source. */
			memcpy(s->ls_buf + off, low, strlen(low) + 1);
			s->ls_v[s->ls_n++] = s->ls_buf + off;
			off += strlen(low) + 1;
		}
	return 0;
}

static void
lowset_free(struct lowset *s)
{
	free(s->ls_buf);
	free(s->ls_v);
	memset(s, 0, sizeof(*s));
}

/* 1 when low is among the first n entries of s. */
static int
lowset_has(const struct lowset *s, const char *low, size_t n)
{
	size_t	i;

	if (low[0] == '\0')
		return 0;
	for (i = 0; i < n && i < s->ls_n; i++)
		if (strcmp(s->ls_v[i], low) == 0)
			return 1;
	return 0;
}

static int
list_ok(const struct decide_list *l)
{
	return l->dl_n <= DECIDE_LIST_MAX && (l->dl_n == 0 || l->dl_v != NULL);
}

static int
ctx_init(struct ctx *c, const struct decide_cfg *cfg,
    const struct decide_in *in)
{
	const struct decide_list *firm = &cfg->dc_firm_domains;
	size_t	i;

	memset(c, 0, sizeof(*c));
	c->c_cfg = cfg;
	if (lowset_init(&c->c_listed, &in->di_listed, &in->di_learned) != 0)
		return -1;
	for (i = 0; i < c->c_listed.ls_n; i++)
		if (c->c_listed.ls_v[i][0] != '\0' && addr_in_domains(
		    c->c_listed.ls_v[i], firm->dl_v, firm->dl_n))
			c->c_firm_listed = 1;
	return 0;
}

/* The rule of decide.h, for a lowered clean address. */
static int
allowed_low(const struct ctx *c, const char *low)
{
	const struct decide_list *firm = &c->c_cfg->dc_firm_domains;
	const char	*dom, *adom;
	size_t		 i;

	if (low[0] == '\0')
		return 0;
	if (lowset_has(&c->c_listed, low, c->c_listed.ls_n))
		return 1;
	if (c->c_cfg->dc_scope == DECIDE_SCOPE_ADDRESS ||
	    (dom = strrchr(low, '@')) == NULL)
		return 0;
	if (firm->dl_n > 0)
		return c->c_firm_listed && addr_domain_in(dom + 1, firm->dl_v,
		    firm->dl_n);
	for (i = 0; i < c->c_listed.ls_n; i++)
		if ((adom = strrchr(c->c_listed.ls_v[i], '@')) != NULL &&
		    strcmp(adom, dom) == 0)
			return 1;
	return 0;
}

int
decide_allowed(const struct decide_cfg *cfg, const struct decide_in *in,
    const char *addr)
{
	struct ctx	c;
	char		low[ADDR_SIZE];
	int		r;

	if (cfg == NULL || in == NULL || addr == NULL ||
	    !list_ok(&in->di_listed) || !list_ok(&in->di_learned) ||
	    !list_ok(&cfg->dc_firm_domains) || ctx_init(&c, cfg, in) != 0)
		return 0;
	r = lower_addr(addr, low) == 0 && allowed_low(&c, low);
	lowset_free(&c.c_listed);
	return r;
}

const char *
decide_class_name(int cls)
{
	switch (cls) {
	case DECIDE_VERIFIED: return "verified";
	case DECIDE_UNVERIFIED: return "unverified";
	case DECIDE_FORWARD: return "forward";
	default: return "other";
	}
}

/* Append a reason to the hold reason ("; " between), capped. */
static void
hold_add(struct decide_out *o, const char *fmt, ...)
{
	char	buf[DECIDE_TEXT_SIZE];
	size_t	len = strlen(o->do_hold_reason);
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	o->do_hold = 1;
	snprintf(o->do_hold_reason + len, sizeof(o->do_hold_reason) - len,
	    "%s%s", len > 0 ? "; " : "", buf);
}

/* Case team expansion: verified notices, allowed members only. */
static void
team_add(const struct ctx *c, const struct decide_in *in,
    const struct lowset *rc, const struct lowset *team, struct decide_out *o)
{
	size_t	i;

	if (in->di_class != DECIDE_VERIFIED || !c->c_cfg->dc_team_expand)
		return;
	for (i = 0; i < team->ls_n; i++) {
		const char *low = team->ls_v[i];

		if (low[0] == '\0' || lowset_has(rc, low, rc->ls_n) ||
		    lowset_has(team, low, i))
			continue;
		if (in->di_restricted && !allowed_low(c, low)) {
			o->do_team_skipped++;
			continue;
		}
		o->do_add[o->do_nadd].dr_addr = in->di_team.dl_v[i];
		snprintf(o->do_add[o->do_nadd].dr_reason, DECIDE_REASON_SIZE,
		    "%s", in->di_restricted ? "case team, allowed for a "
		    "restricted entry" : "case team");
		o->do_nadd++;
	}
}

/* The restricted-entry rule for the envelope recipients. */
static void
restrict_rcpts(const struct ctx *c, const struct decide_in *in,
    const struct lowset *rc, struct decide_out *o)
{
	const struct decide_cfg	*cfg = c->c_cfg;
	const char		*scope = cfg->dc_scope == DECIDE_SCOPE_ADDRESS ?
				    "address" : "firm";
	size_t			 i, distinct = 0, bad = 0, first = 0;
	char			 shown[64];

	if (!in->di_restricted)
		return;
	for (i = 0; i < rc->ls_n; i++) {
		if (lowset_has(rc, rc->ls_v[i], i))
			continue;	/* said already */
		distinct++;
		if (allowed_low(c, rc->ls_v[i]))
			continue;
		if (bad++ == 0)
			first = i;
		o->do_denied[o->do_ndenied].dr_addr = in->di_rcpts.dl_v[i];
		snprintf(o->do_denied[o->do_ndenied].dr_reason,
		    DECIDE_REASON_SIZE,
		    "not court-listed for this restricted entry (scope=%s)",
		    scope);
		o->do_ndenied++;
	}
	if (bad == 0)
		return;
	text_printable(shown, sizeof(shown), in->di_rcpts.dl_v[first] ?
	    in->di_rcpts.dl_v[first] : "", in->di_rcpts.dl_v[first] ?
	    strlen(in->di_rcpts.dl_v[first]) : 0);
	if (in->di_class == DECIDE_FORWARD) {
		if (cfg->dc_raction == DECIDE_RACTION_HOLD)
			hold_add(o, "restricted entry forwarded to %zu "
			    "recipient(s) not court-listed, first %s "
			    "(restricted_action=hold)", bad, shown);
	} else if (cfg->dc_raction == DECIDE_RACTION_HOLD)
		hold_add(o, "restricted entry: %zu recipient(s) not "
		    "court-listed, first %s (restricted_action=hold)", bad,
		    shown);
	else if (distinct - bad + o->do_nadd == 0)
		hold_add(o, "restricted entry: no recipient is court-listed "
		    "(scope=%s); held rather than removing everyone", scope);
	else {
		o->do_ndel = o->do_ndenied;	/* the removals stand */
		return;
	}
	o->do_strip = 1;	/* someone not allowed stays on the message */
}

/* Attachments and link actions, one per document. */
static void
links(const struct decide_cfg *cfg, const struct decide_in *in,
    struct decide_out *o)
{
	size_t	i, login = 0;

	o->do_attach = in->di_class == DECIDE_VERIFIED && !o->do_strip;
	for (i = 0; i < in->di_ndocs; i++) {
		struct decide_doc *d = &o->do_docs[i];
		int r = in->di_docs[i];

		d->dd_link = DECIDE_LINK_KEEP;
		d->dd_why = "";
		d->dd_attach = o->do_attach && r == DECIDE_DOC_PDF;
		if (in->di_class == DECIDE_OTHER)
			continue;
		if (r == DECIDE_DOC_LOGIN || r == DECIDE_DOC_SEALED) {
			login++;
			d->dd_why = r == DECIDE_DOC_LOGIN ? "login" : "sealed";
			if (cfg->dc_login == DECIDE_LOGIN_STRIP)
				d->dd_link = DECIDE_LINK_STRIP;
		}
		if (o->do_strip) {
			d->dd_link = DECIDE_LINK_STRIP;
			d->dd_why = "restricted";
		}
	}
	o->do_ndocs = in->di_ndocs;
	if (login > 0 && cfg->dc_login == DECIDE_LOGIN_HOLD)
		hold_add(o, "%zu link(s) met a login prompt or are not public "
		    "(sealed_link_action=hold)", login);
}

static void
audit(const struct decide_cfg *cfg, const struct decide_in *in,
    struct decide_out *o)
{
	char	term[48], restricted[96] = "no", extra[64] = "";
	size_t	i, login = 0, len;

	if (in->di_restricted) {
		if (in->di_term != NULL && in->di_term[0] != '\0') {
			text_printable(term, 41, in->di_term,
			    strlen(in->di_term));
			for (i = 0; term[i] != '\0'; i++)
				if (term[i] == '"')
					term[i] = '\'';
			snprintf(restricted, sizeof(restricted), "\"%s\"",
			    term);
		} else
			snprintf(restricted, sizeof(restricted), "yes");
		len = strlen(restricted);
		snprintf(restricted + len, sizeof(restricted) - len,
		    " scope=%s action=%s", cfg->dc_scope ==
		    DECIDE_SCOPE_ADDRESS ? "address" : "firm",
		    cfg->dc_raction == DECIDE_RACTION_HOLD ? "hold" : "remove");
	}
	for (i = 0; i < in->di_ndocs; i++)
		if (in->di_docs[i] == DECIDE_DOC_LOGIN ||
		    in->di_docs[i] == DECIDE_DOC_SEALED)
			login++;
	if (login > 0)
		snprintf(extra, sizeof(extra), " login=%zu", login);
	if (o->do_ndenied > o->do_ndel) {
		len = strlen(extra);
		snprintf(extra + len, sizeof(extra) - len, " denied=%zu",
		    o->do_ndenied);
	}
	if (o->do_team_skipped > 0) {
		len = strlen(extra);
		snprintf(extra + len, sizeof(extra) - len, " team_skipped=%zu",
		    o->do_team_skipped);
	}
	snprintf(o->do_audit, sizeof(o->do_audit), "class=%s restricted=%s "
	    "add=%zu del=%zu strip=%s hold=%s%s", o->do_class, restricted,
	    o->do_nadd, o->do_ndel, o->do_strip ? "yes" : "no",
	    o->do_hold ? "yes" : "no", extra);
}

int
decide_run(const struct decide_cfg *cfg, const struct decide_in *in,
    struct decide_out **out)
{
	struct decide_out	*o;
	struct ctx		 c;
	struct lowset		 rc, team;
	int			 rv = -1;

	if (out == NULL)
		return -1;
	*out = NULL;
	if (cfg == NULL || in == NULL || !list_ok(&in->di_rcpts) ||
	    !list_ok(&in->di_listed) || !list_ok(&in->di_learned) ||
	    !list_ok(&in->di_team) || !list_ok(&cfg->dc_firm_domains) ||
	    in->di_ndocs > DECIDE_DOCS_MAX ||
	    (in->di_ndocs > 0 && in->di_docs == NULL))
		return -1;
	if ((o = calloc(1, sizeof(*o))) == NULL)
		return -1;
	memset(&rc, 0, sizeof(rc));
	memset(&team, 0, sizeof(team));
	memset(&c, 0, sizeof(c));
	if ((o->do_add = calloc(in->di_team.dl_n + 1,
	    sizeof(*o->do_add))) == NULL ||
	    (o->do_denied = calloc(in->di_rcpts.dl_n + 1,
	    sizeof(*o->do_denied))) == NULL ||
	    (o->do_docs = calloc(in->di_ndocs + 1,
	    sizeof(*o->do_docs))) == NULL ||
	    ctx_init(&c, cfg, in) != 0 ||
	    lowset_init(&rc, &in->di_rcpts, NULL) != 0 ||
	    lowset_init(&team, &in->di_team, NULL) != 0)
		goto done;
	o->do_del = o->do_denied;
	o->do_class = decide_class_name(in->di_class);
	if (in->di_class == DECIDE_VERIFIED || in->di_class ==
	    DECIDE_UNVERIFIED || in->di_class == DECIDE_FORWARD) {
		o->do_fetch = o->do_learn = in->di_class == DECIDE_VERIFIED;
		team_add(&c, in, &rc, &team, o);
		restrict_rcpts(&c, in, &rc, o);
	}
	links(cfg, in, o);
	audit(cfg, in, o);
	*out = o;
	o = NULL;
	rv = 0;
done:
	lowset_free(&c.c_listed);
	lowset_free(&rc);
	lowset_free(&team);
	decide_free(o);
	return rv;
}

struct decide_out *
decide_free(struct decide_out *o)
{
	if (o == NULL)
		return NULL;
	free(o->do_add);
	free(o->do_denied);
	free(o->do_docs);
	free(o);
	return NULL;
}
