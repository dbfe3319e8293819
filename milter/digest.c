/*
 * NAME
 *	digest 3 - the daily account, as sections of rows
 * SYNOPSIS
 *	#include "digest.h"
 * DESCRIPTION
 *	See digest.h.  The notices are sorted by court, case (the first
 *	case of a multi-docket notice) and time; the optional items of
 *	each audit record (store_audit.h STORE_AUDIT_TAG_*) give the kind, the
 *	documents and their outcomes, the hold reason, the links cut, the
 *	case numbers and names, the recipients added, the docket text, the
 *	MTA and why a notice was not processed.
 *	A record written before those items existed still shows its
 *	court, cases, entries, recipients and attached documents.
 * DIAGNOSTICS
 *	digest_build() returns -1 only when memory runs out.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "digest.h"
#include "store.h"
#include "store_audit.h"
#include "store_case.h"
#include "strbuf.h"
#include "text.h"

#define DG_SHOW_RCPTS	6	/* recipients named per notice */
#define DG_SHOW_DOCS	8	/* attached documents named per notice */
#define DG_TEXT_MAX	300	/* bytes of docket text shown */
#define DG_ENTRIES	30	/* entry numbers named per case, summarised */

enum { S_HELD, S_FAILED, S_RESTRICTED, S_NOTICES, S_UNFETCHED, S_PURGES };

enum { DG_MTA_POSTFIX = 1, DG_MTA_SENDMAIL = 2 };	/* b_held_mta bits */

struct dg_doc {			/* one line of STORE_AUDIT_TAG_DOCS */
	int	 dd_case, dd_att;
	char	 dd_result[24], dd_flags[40];
	char	 dd_key[STORE_DOCKEY_MAX + 1];
	char	 dd_label[STORE_LABEL_MAX + 1];
};

struct dg_build {
	const struct digest_in	*b_in;
	struct digest		*b_d;
	int			 b_err;
	size_t			 b_att, b_cut, b_held, b_restricted, b_removed;
	size_t			 b_unfetched, b_cases, b_courts, b_purges;
	size_t			 b_failed;
	int			 b_held_mta;	/* DG_MTA_*: whose commands */
};

static void	dg_add(struct dg_build *, int sect, int kind, ...);
static int	dg_doc_next(const char **, struct dg_doc *);
static void	dg_case_shown(const struct store_audit *, size_t, char *,
		    size_t, char *, size_t);
static const char *dg_outcome(const char *);
static void	dg_notice(struct dg_build *, const struct store_audit *);
static void	dg_held(struct dg_build *, const struct store_audit *);
static void	dg_failed(struct dg_build *, const struct store_audit *);
static void	dg_restricted(struct dg_build *, const struct store_audit *);
static void	dg_unfetched(struct dg_build *, const struct store_audit *);
static void	dg_notices(struct dg_build *, const struct store_audit **,
		    size_t);
static void	dg_summarised(struct dg_build *, const struct store_audit **,
		    size_t);
static void	dg_purges(struct dg_build *);
static void	dg_sections(struct digest *);

char *
digest_time(int64_t t, char *buf, size_t size)
{
	time_t		tt = (time_t)t;
	struct tm	tm;

	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, size, "%lld", (long long)t);
	return buf;
}

/* Add a row of s_ncols cells (const char *), or of one cell for
 * DG_GROUP and DG_NOTE. */
static void
dg_add(struct dg_build *b, int sect, int kind, ...)
{
	struct dg_section *s = &b->b_d->d_sect[sect];
	struct dg_row *r, *nv;
	va_list ap;
	int i, n = kind == DG_ROW ? s->s_ncols : 1;

	if (s->s_nrows == s->s_cap) {
		size_t cap = s->s_cap ? 2 * s->s_cap : 32;

		if ((nv = realloc(s->s_rows, cap * sizeof(*nv))) == NULL) {
			b->b_err = 1;
			return;
		}
		s->s_rows = nv;
		s->s_cap = cap;
	}
	r = &s->s_rows[s->s_nrows];
	memset(r, 0, sizeof(*r));
	r->r_kind = kind;
	va_start(ap, kind);
	for (i = 0; i < n; i++) {
		const char *c = va_arg(ap, const char *);

		if ((r->r_cell[i] = strdup(c != NULL ? c : "")) == NULL)
			b->b_err = 1;
	}
	va_end(ap);
	s->s_nrows++;
}

/* The next line of a DOCS item into *d; 0 at the end. */
static int
dg_doc_next(const char **p, struct dg_doc *d)
{
	char line[STORE_DOCKEY_MAX + STORE_LABEL_MAX + 128], *f[6], *s;
	const char *nl;
	size_t n;
	int i;

	while (*p != NULL && **p != '\0') {
		nl = strchr(*p, '\n');
		n = nl ? (size_t)(nl - *p) : strlen(*p);
		if (n >= sizeof(line))
			n = sizeof(line) - 1;
		memcpy(line, *p, n);
		line[n] = '\0';
		*p = nl ? nl + 1 : *p + strlen(*p);
		for (i = 0, s = line; i < 6; i++) {
			f[i] = s;
			if (s != NULL && (s = strchr(s, '\t')) != NULL)
				*s++ = '\0';
		}
		if (f[5] == NULL)
			continue;	/* "more N", or a damaged line */
		memset(d, 0, sizeof(*d));
		d->dd_case = (int)strtol(f[0], NULL, 10);
		if (d->dd_case < 0)
			d->dd_case = 0;
		d->dd_att = (int)strtol(f[1], NULL, 10);
		text_strlcpy(d->dd_result, f[2], sizeof(d->dd_result));
		text_strlcpy(d->dd_flags, f[3], sizeof(d->dd_flags));
		text_strlcpy(d->dd_key, f[4], sizeof(d->dd_key));
		text_strlcpy(d->dd_label, f[5], sizeof(d->dd_label));
		return 1;
	}
	return 0;
}

/* Case i of a record as the court shows it, and its name. */
static void
dg_case_shown(const struct store_audit *a, size_t i, char *num, size_t nsz,
    char *name, size_t namesz)
{
	const char *p = store_audit_item(a, STORE_AUDIT_TAG_NAMES), *t, *nl;
	char idx[24];

	text_strlcpy(num, i < a->a_ncase ? a->a_case[i].ac_docket : "-", nsz);
	name[0] = '\0';
	snprintf(idx, sizeof(idx), "%zu\t", i);
	for (; p != NULL && *p != '\0'; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (strncmp(p, idx, strlen(idx)) != 0)
			continue;
		p += strlen(idx);
		if ((t = strchr(p, '\t')) == NULL || (nl != NULL && t > nl))
			return;
		snprintf(num, nsz, "%.*s", (int)(t - p), p);
		snprintf(name, namesz, "%.*s", (int)((nl ? nl : t + strlen(t)) -
		    (t + 1)), t + 1);
		return;
	}
}

static const char *
dg_outcome(const char *r)
{
	static const struct { const char *r, *text; } w[] = {
		{ "login", "the court asked for a login (sealed, or the free "
		  "look was spent)" },
		{ "unavailable", "not available from the court" },
		{ "error", "the court did not answer in time (temporary)" },
		{ "too-large", "larger than max_document_bytes" },
		{ "refused", "link refused (not an allowed court address)" },
	};
	size_t i;

	for (i = 0; i < sizeof(w) / sizeof(w[0]); i++)
		if (strcmp(r, w[i].r) == 0)
			return w[i].text;
	return NULL;
}

static void
dg_entry(const struct store_audit *a, char *buf, size_t size)
{
	if (a->a_ncase > 0 && a->a_case[0].ac_entry != 0)
		snprintf(buf, size, "%u", a->a_case[0].ac_entry);
	else
		text_strlcpy(buf, "-", size);
}

static void
dg_held(struct dg_build *b, const struct store_audit *a)
{
	char t[32], num[STORE_NAME_MAX + 1], name[320], e[16];
	const char *why = store_audit_item(a, STORE_AUDIT_TAG_HOLD);

	const char *mta = store_audit_item(a, STORE_AUDIT_TAG_MTA);

	b->b_held++;
	if (mta != NULL && strcasecmp(mta, "Postfix") == 0)
		b->b_held_mta |= DG_MTA_POSTFIX;
	else if (mta != NULL && strcasecmp(mta, "Sendmail") == 0)
		b->b_held_mta |= DG_MTA_SENDMAIL;
	else	/* not recorded: either */
		b->b_held_mta |= DG_MTA_POSTFIX | DG_MTA_SENDMAIL;
	if (b->b_d->d_sect[S_HELD].s_nrows >= b->b_in->di_max)
		return;
	dg_case_shown(a, 0, num, sizeof(num), name, sizeof(name));
	dg_entry(a, e, sizeof(e));
	dg_add(b, S_HELD, DG_ROW, digest_time(a->a_time, t, sizeof(t)),
	    a->a_qid[0] ? a->a_qid : "-", a->a_court, num, e,
	    why != NULL && *why ? why : "held");
}

/* A notice not processed: why, and what on_error did with it. */
static void
dg_failed(struct dg_build *b, const struct store_audit *a)
{
	char t[32], num[STORE_NAME_MAX + 1], name[320], e[16];
	const char *it = store_audit_item(a, STORE_AUDIT_TAG_ERROR), *why;
	struct strbuf sb = STRBUF_INIT;
	int tempfail = it != NULL && strncmp(it, "tempfail\t", 9) == 0;

	b->b_failed++;
	if (b->b_d->d_sect[S_FAILED].s_nrows >= b->b_in->di_max)
		return;
	why = it != NULL && strchr(it, '\t') != NULL ? strchr(it, '\t') + 1 :
	    "not recorded";
	strbuf_printf(&sb, "%s; %s", *why ? why : "not recorded", tempfail ?
	    "refused for now: the court's server sends it again" :
	    "delivered as it came, without its documents");
	dg_case_shown(a, 0, num, sizeof(num), name, sizeof(name));
	dg_entry(a, e, sizeof(e));
	dg_add(b, S_FAILED, DG_ROW, digest_time(a->a_time, t, sizeof(t)),
	    a->a_qid[0] ? a->a_qid : "-", a->a_court, num, e, strbuf_str(&sb));
	if (strbuf_error(&sb))
		b->b_err = 1;
	strbuf_free(&sb);
}

static void
dg_restricted(struct dg_build *b, const struct store_audit *a)
{
	char t[32], num[STORE_NAME_MAX + 1], name[320], e[16], nd[32];
	struct strbuf rm = STRBUF_INIT;
	const char *p = store_audit_item(a, STORE_AUDIT_TAG_DOCS);
	struct dg_doc d;
	size_t i, n = 0;

	b->b_restricted++;
	for (i = 0; i < a->a_nrcpt; i++)
		if (a->a_rcpt[i].ar_removed) {
			strbuf_printf(&rm, "%s%s", rm.sb_len ? ", " : "",
			    a->a_rcpt[i].ar_addr);
			b->b_removed++;
		}
	while (dg_doc_next(&p, &d))
		n++;
	if (p == NULL && n == 0)
		n = a->a_ndoc;
	snprintf(nd, sizeof(nd), "%zu", n);
	dg_case_shown(a, 0, num, sizeof(num), name, sizeof(name));
	dg_entry(a, e, sizeof(e));
	dg_add(b, S_RESTRICTED, DG_ROW, digest_time(a->a_time, t, sizeof(t)),
	    a->a_court, num, e, rm.sb_len ? strbuf_str(&rm) : "nobody", nd);
	if (strbuf_error(&rm))
		b->b_err = 1;
	strbuf_free(&rm);
}

/* "main document" or "attachment N", with the label when it may be shown. */
static void
dg_docname(const struct store_audit *a, const struct dg_doc *d, char *buf,
    size_t size)
{
	char what[32];

	if (d->dd_att == 0)
		text_strlcpy(what, "main document", sizeof(what));
	else
		snprintf(what, sizeof(what), "attachment %d", d->dd_att);
	if (a->a_restricted || strcmp(d->dd_label, "-") == 0)
		text_strlcpy(buf, what, size);
	else
		snprintf(buf, size, "%s: %s", what, d->dd_label);
}

static void
dg_unfetched(struct dg_build *b, const struct store_audit *a)
{
	const char *p = store_audit_item(a, STORE_AUDIT_TAG_DOCS), *why;
	char t[32], num[STORE_NAME_MAX + 1], name[320], e[16], doc[320];
	struct dg_doc d;

	while (dg_doc_next(&p, &d)) {
		if ((why = dg_outcome(d.dd_result)) == NULL)
			continue;
		b->b_unfetched++;
		if (b->b_d->d_sect[S_UNFETCHED].s_nrows >= b->b_in->di_max)
			continue;
		dg_case_shown(a, (size_t)d.dd_case, num, sizeof(num), name,
		    sizeof(name));
		dg_entry(a, e, sizeof(e));
		dg_docname(a, &d, doc, sizeof(doc));
		dg_add(b, S_UNFETCHED, DG_ROW, digest_time(a->a_time, t,
		    sizeof(t)), a->a_court, num, e, doc, why);
	}
}

/* "2 PDFs attached, 1 link cut" (or "no document"). */
static void
dg_docs_cell(struct dg_build *b, const struct store_audit *a,
    struct strbuf *sb)
{
	const char *links = store_audit_item(a, STORE_AUDIT_TAG_LINKS);
	unsigned long cut = links ? strtoul(links, NULL, 10) : 0;

	b->b_att += a->a_ndoc;
	b->b_cut += cut;
	if (a->a_ndoc > 0)
		strbuf_printf(sb, "%zu PDF%s attached", a->a_ndoc,
		    a->a_ndoc == 1 ? "" : "s");
	if (cut > 0)
		strbuf_printf(sb, "%s%lu link%s cut", sb->sb_len ? ", " : "",
		    cut, cut == 1 ? "" : "s");
	if (sb->sb_len == 0)
		strbuf_puts(sb, "none attached");
}

/* The recipients it went to; the case team's marked. */
static void
dg_rcpts_cell(const struct store_audit *a, struct strbuf *sb)
{
	const char *added = store_audit_item(a, STORE_AUDIT_TAG_ADDED);
	size_t i, n = 0, more = 0;

	for (i = 0; i < a->a_nrcpt; i++) {
		const char *r = a->a_rcpt[i].ar_addr, *f;
		size_t len = strlen(r);
		int team = 0;

		if (a->a_rcpt[i].ar_removed)
			continue;
		for (f = added; f != NULL && (f = strcasestr(f, r)) != NULL;
		    f += len)
			if ((f == added || f[-1] == ',') &&
			    (f[len] == ',' || f[len] == '\0'))
				team = 1;
		if (n++ >= DG_SHOW_RCPTS) {
			more++;
			continue;
		}
		strbuf_printf(sb, "%s%s%s", sb->sb_len ? ", " : "", r,
		    team ? " (team)" : "");
	}
	if (more > 0)
		strbuf_printf(sb, " and %zu more", more);
	if (n == 0)
		strbuf_puts(sb, "nobody (held)");
}

static void
dg_notice(struct dg_build *b, const struct store_audit *a)
{
	const char *kind = store_audit_item(a, STORE_AUDIT_TAG_KIND);
	const char *text = store_audit_item(a, STORE_AUDIT_TAG_ENTRY);
	struct strbuf docs = STRBUF_INIT, to = STRBUF_INIT, note = STRBUF_INIT;
	char t[32], e[16];
	size_t i;

	dg_entry(a, e, sizeof(e));
	dg_docs_cell(b, a, &docs);
	dg_rcpts_cell(a, &to);
	dg_add(b, S_NOTICES, DG_ROW, e, digest_time(a->a_time, t, sizeof(t)),
	    kind ? kind : "-", a->a_action, strbuf_str(&docs), strbuf_str(&to));
	if (a->a_restricted)
		dg_add(b, S_NOTICES, DG_NOTE, "Restricted entry: its docket text "
		    "and documents are not shown here.");
	else {
		if (text != NULL && *text != '\0') {
			strbuf_printf(&note, "%.*s%s", DG_TEXT_MAX, text,
			    strlen(text) > DG_TEXT_MAX ? "..." : "");
			dg_add(b, S_NOTICES, DG_NOTE, strbuf_str(&note));
		}
		for (i = 0; i < a->a_ndoc && i < DG_SHOW_DOCS; i++) {
			strbuf_reset(&note);
			strbuf_printf(&note, "Attached: %s", a->a_doc[i].ad_label);
			dg_add(b, S_NOTICES, DG_NOTE, strbuf_str(&note));
		}
		if (a->a_ndoc > DG_SHOW_DOCS) {
			strbuf_reset(&note);
			strbuf_printf(&note, "Attached: %zu more", a->a_ndoc -
			    DG_SHOW_DOCS);
			dg_add(b, S_NOTICES, DG_NOTE, strbuf_str(&note));
		}
	}
	if (strbuf_error(&docs) || strbuf_error(&to) || strbuf_error(&note))
		b->b_err = 1;
	strbuf_free(&docs);
	strbuf_free(&to);
	strbuf_free(&note);
}

static int
dg_cmp(const void *x, const void *y)
{
	const struct store_audit *a = *(const struct store_audit *const *)x;
	const struct store_audit *b = *(const struct store_audit *const *)y;
	int c;

	if ((c = strcmp(a->a_court, b->a_court)) != 0)
		return c;
	if ((c = strcmp(a->a_ncase ? a->a_case[0].ac_docket : "",
	    b->a_ncase ? b->a_case[0].ac_docket : "")) != 0)
		return c;
	return a->a_time < b->a_time ? -1 : a->a_time > b->a_time;
}

/* Do a and b belong to the same court and case? */
static int
dg_same(const struct store_audit *a, const struct store_audit *b)
{
	return b != NULL && strcmp(a->a_court, b->a_court) == 0 &&
	    strcmp(a->a_ncase ? a->a_case[0].ac_docket : "",
	    b->a_ncase ? b->a_case[0].ac_docket : "") == 0;
}

static void
dg_group(struct dg_build *b, const struct store_audit *a)
{
	char num[STORE_NAME_MAX + 1], name[320], head[900];

	dg_case_shown(a, 0, num, sizeof(num), name, sizeof(name));
	snprintf(head, sizeof(head), "%s %s%s%s", a->a_court, num,
	    name[0] ? ": " : "", name);
	dg_add(b, S_NOTICES, DG_GROUP, head);
}

static void
dg_notices(struct dg_build *b, const struct store_audit **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i == 0 || !dg_same(v[i], v[i - 1])) {
			dg_group(b, v[i]);
			b->b_cases++;
		}
		if (i == 0 || strcmp(v[i]->a_court, v[i - 1]->a_court) != 0)
			b->b_courts++;
		dg_notice(b, v[i]);
	}
}

/* Past di_max notices: one row per case. */
static void
dg_summarised(struct dg_build *b, const struct store_audit **v, size_t n)
{
	struct dg_section *s = &b->b_d->d_sect[S_NOTICES];
	struct strbuf ents = STRBUF_INIT, docs = STRBUF_INIT;
	char num[STORE_NAME_MAX + 1], name[320], cnt[24], e[16];
	size_t i, j, k, shown, att;
	unsigned long cut;

	s->s_ncols = 5;
	s->s_head[0] = "Court";
	s->s_head[1] = "Case";
	s->s_head[2] = "Notices";
	s->s_head[3] = "Entries";
	s->s_head[4] = "Documents";
	for (i = 0; i < n; i = j) {
		strbuf_reset(&ents);
		strbuf_reset(&docs);
		for (j = i, shown = 0; j < n && (j == i || dg_same(v[j], v[i]));
		    j++) {
			dg_entry(v[j], e, sizeof(e));
			for (k = i; k < j; k++) {
				char f[16];

				dg_entry(v[k], f, sizeof(f));
				if (strcmp(e, f) == 0)
					break;
			}
			if (k == j && shown++ < DG_ENTRIES)
				strbuf_printf(&ents, "%s%s", ents.sb_len ? ", " :
				    "", e);
		}
		if (shown > DG_ENTRIES)
			strbuf_printf(&ents, " and %zu more", shown - DG_ENTRIES);
		for (k = i, att = cut = 0; k < j; k++) {
			const char *l = store_audit_item(v[k], STORE_AUDIT_TAG_LINKS);

			att += v[k]->a_ndoc;
			cut += l ? strtoul(l, NULL, 10) : 0;
		}
		b->b_att += att;
		b->b_cut += cut;
		strbuf_printf(&docs, "%zu PDF%s attached, %lu link%s cut", att,
		    att == 1 ? "" : "s", cut, cut == 1 ? "" : "s");
		b->b_cases++;
		if (i == 0 || strcmp(v[i]->a_court, v[i - 1]->a_court) != 0)
			b->b_courts++;
		dg_case_shown(v[i], 0, num, sizeof(num), name, sizeof(name));
		snprintf(cnt, sizeof(cnt), "%zu", j - i);
		dg_add(b, S_NOTICES, DG_ROW, v[i]->a_court, num, cnt,
		    strbuf_str(&ents), strbuf_str(&docs));
	}
	strbuf_free(&ents);
	strbuf_free(&docs);
}

/* The case and entry of a purged document, from a notice of the window. */
static void
dg_purged_case(const struct digest_in *in, const struct store_tomb *m,
    char *num, size_t nsz, char *e, size_t esz)
{
	const struct store_audit *a;
	struct dg_doc d;
	char name[320];
	const char *p;
	size_t i;

	text_strlcpy(num, "-", nsz);
	text_strlcpy(e, "-", esz);
	for (i = 0; i < in->di_audit->al_n; i++) {
		a = &in->di_audit->al_v[i];
		if (strcmp(a->a_court, m->t_court) != 0)
			continue;
		p = store_audit_item(a, STORE_AUDIT_TAG_DOCS);
		while (dg_doc_next(&p, &d))
			if (strcmp(d.dd_key, m->t_key) == 0) {
				dg_case_shown(a, (size_t)d.dd_case, num, nsz, name,
				    sizeof(name));
				dg_entry(a, e, esz);
				return;
			}
	}
}

/* One row per purge: the tombstones of one key made at one time. */
static void
dg_purges(struct dg_build *b)
{
	const struct digest_in *in = b->b_in;
	struct strbuf doc = STRBUF_INIT;
	char t[32], num[STORE_NAME_MAX + 1], e[16];
	size_t i, j, k;

	for (i = 0; i < in->di_ntombs; i = j) {
		const struct store_tomb *m = &in->di_tombs[i];

		strbuf_reset(&doc);
		strbuf_printf(&doc, "%s:", m->t_key);
		for (j = i, k = 0; j < in->di_ntombs &&
		    strcmp(in->di_tombs[j].t_key, m->t_key) == 0 &&
		    strcmp(in->di_tombs[j].t_court, m->t_court) == 0 &&
		    in->di_tombs[j].t_time == m->t_time; j++, k++) {
			unsigned att = in->di_tombs[j].t_att;

			if (att == STORE_ATT_ANY)
				strbuf_printf(&doc, "%s every attachment", k ? "," : "");
			else if (att == 0)
				strbuf_printf(&doc, "%s main document", k ? "," : "");
			else
				strbuf_printf(&doc, "%s attachment %u", k ? "," : "",
				    att);
		}
		b->b_purges++;
		if (b->b_d->d_sect[S_PURGES].s_nrows >= in->di_max)
			continue;
		dg_purged_case(in, m, num, sizeof(num), e, sizeof(e));
		dg_add(b, S_PURGES, DG_ROW, digest_time(m->t_time, t, sizeof(t)),
		    m->t_court, num, e, strbuf_str(&doc));
	}
	if (strbuf_error(&doc))
		b->b_err = 1;
	strbuf_free(&doc);
}

/* Titles, columns and what each section says when empty. */
static void
dg_sections(struct digest *d)
{
	static const struct {
		const char *id, *title, *empty;
		int n;
		const char *head[DG_COLS];
	} t[DG_NSECT] = {
		{ "held", "Held: waiting for a decision", "Nothing is held.", 6,
		  { "Time", "Queue id", "Court", "Case", "Entry", "Why" } },
		{ "failed", "Notices not processed",
		  "Every notice was processed.", 6,
		  { "Time", "Queue id", "Court", "Case", "Entry",
		    "What happened" } },
		{ "restricted", "Restricted entries", "No restricted entry.", 6,
		  { "Time", "Court", "Case", "Entry", "Removed", "Documents" } },
		{ "notices", "Notices by court and case", "No notice.", 6,
		  { "Entry", "Time", "Kind", "Action", "Documents", "To" } },
		{ "unfetched", "Documents not fetched",
		  "Every document was fetched.", 6,
		  { "Time", "Court", "Case", "Entry", "Document", "Why" } },
		{ "purges", "Documents purged", "No purge.", 5,
		  { "Time", "Court", "Case", "Entry", "Document" } },
	};
	int i, j;

	for (i = 0; i < DG_NSECT; i++) {
		d->d_sect[i].s_id = t[i].id;
		d->d_sect[i].s_title = t[i].title;
		d->d_sect[i].s_empty = t[i].empty;
		d->d_sect[i].s_ncols = t[i].n;
		for (j = 0; j < t[i].n; j++)
			d->d_sect[i].s_head[j] = t[i].head[j];
	}
}

/* How the held messages' MTAs release them (INSTALL, section 12). */
static char *
dg_release(int mta)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_puts(&sb, "To deliver a held message, the mail administrator "
	    "releases it by its queue id");
	if (mta & DG_MTA_POSTFIX)
		strbuf_puts(&sb, mta & DG_MTA_SENDMAIL ? ": with Postfix, " :
		    " (Postfix): ");
	if (mta & DG_MTA_POSTFIX)
		strbuf_puts(&sb, "postsuper -H QUEUEID (then postqueue -i "
		    "QUEUEID to send it at once; postsuper -d QUEUEID deletes "
		    "it)");
	if ((mta & DG_MTA_POSTFIX) && (mta & DG_MTA_SENDMAIL))
		strbuf_puts(&sb, "; with Sendmail, ");
	else if (mta & DG_MTA_SENDMAIL)
		strbuf_puts(&sb, " (Sendmail): ");
	if (mta & DG_MTA_SENDMAIL)
		strbuf_puts(&sb, "sendmail -qQ -Q -qIQUEUEID (then sendmail "
		    "-qIQUEUEID to send it at once; mailq -qQ lists the "
		    "quarantine)");
	strbuf_puts(&sb, ".  A held restricted entry goes, once released, to "
	    "every recipient it had.");
	return strbuf_detach(&sb);
}

/* The notices, the summary paragraph and the subject. */
static void
dg_fill(struct dg_build *b, const struct store_audit **v, size_t n)
{
	struct digest *d = b->b_d;
	struct strbuf sb = STRBUF_INIT;
	char t0[32], t1[32], nf[48];
	size_t i;

	for (i = 0; i < n; i++) {
		if (strcmp(v[i]->a_action, "held") == 0)
			dg_held(b, v[i]);
		if (strcmp(v[i]->a_action, "error") == 0)
			dg_failed(b, v[i]);
		if (v[i]->a_restricted)
			dg_restricted(b, v[i]);
		dg_unfetched(b, v[i]);
	}
	qsort(v, n, sizeof(*v), dg_cmp);
	if (n <= b->b_in->di_max)
		dg_notices(b, v, n);
	else {
		dg_summarised(b, v, n);
		strbuf_printf(&sb, "%zu notices: more than digest_max_notices "
		    "(%zu), so one line per case.  nefctl audit --case COURT "
		    "CASE lists them one by one.", n, b->b_in->di_max);
		d->d_sect[S_NOTICES].s_intro = strbuf_detach(&sb);
	}
	if (b->b_unfetched > d->d_sect[S_UNFETCHED].s_nrows) {
		strbuf_printf(&sb, "and %zu more (nefctl audit --json shows "
		    "every document).", b->b_unfetched -
		    d->d_sect[S_UNFETCHED].s_nrows);
		d->d_sect[S_UNFETCHED].s_more = strbuf_detach(&sb);
	}
	if (b->b_held > d->d_sect[S_HELD].s_nrows) {
		strbuf_printf(&sb, "and %zu more (postqueue -p or mailq -qQ "
		    "lists every one).", b->b_held - d->d_sect[S_HELD].s_nrows);
		d->d_sect[S_HELD].s_more = strbuf_detach(&sb);
	}
	if (b->b_failed > d->d_sect[S_FAILED].s_nrows) {
		strbuf_printf(&sb, "and %zu more (nefctl audit lists every "
		    "one).", b->b_failed - d->d_sect[S_FAILED].s_nrows);
		d->d_sect[S_FAILED].s_more = strbuf_detach(&sb);
	}
	if (b->b_purges > d->d_sect[S_PURGES].s_nrows) {
		strbuf_printf(&sb, "and %zu more.", b->b_purges -
		    d->d_sect[S_PURGES].s_nrows);
		d->d_sect[S_PURGES].s_more = strbuf_detach(&sb);
	}
	if (b->b_held > 0 && (d->d_sect[S_HELD].s_intro =
	    dg_release(b->b_held_mta)) == NULL)
		b->b_err = 1;
	d->d_nnotices = n;
	strbuf_printf(&sb, "%zu notice%s in %zu case%s from %zu court%s; %zu "
	    "PDF%s attached; %zu link%s cut; %zu held; %zu not processed; "
	    "%zu restricted entr%s (%zu recipient%s removed); %zu document%s "
	    "not fetched; %zu purge%s.", n, n == 1 ? "" : "s", b->b_cases,
	    b->b_cases == 1 ? "" : "s", b->b_courts, b->b_courts == 1 ? "" : "s",
	    b->b_att, b->b_att == 1 ? "" : "s", b->b_cut, b->b_cut == 1 ? "" : "s",
	    b->b_held, b->b_failed, b->b_restricted,
	    b->b_restricted == 1 ? "y" : "ies",
	    b->b_removed, b->b_removed == 1 ? "" : "s", b->b_unfetched,
	    b->b_unfetched == 1 ? "" : "s", b->b_purges,
	    b->b_purges == 1 ? "" : "s");
	d->d_summary = strbuf_detach(&sb);
	if (d->d_summary == NULL)
		b->b_err = 1;
	snprintf(d->d_period, sizeof(d->d_period), "From %s to %s (%s)",
	    digest_time(b->b_in->di_since, t0, sizeof(t0)),
	    digest_time(b->b_in->di_until, t1, sizeof(t1)),
	    b->b_in->di_host ? b->b_in->di_host : "this relay");
	snprintf(nf, sizeof(nf), ", %zu not processed", b->b_failed);
	snprintf(d->d_subject, sizeof(d->d_subject), "Court notices to %.10s: "
	    "%zu notice%s, %zu held, %zu restricted, %zu not fetched%s", t1, n,
	    n == 1 ? "" : "s", b->b_held, b->b_restricted, b->b_unfetched,
	    b->b_failed > 0 ? nf : "");
}

int
digest_build(const struct digest_in *in, struct digest **out)
{
	const struct store_audit **v;
	struct dg_build b;
	size_t i, n = in->di_audit->al_n;

	*out = NULL;
	memset(&b, 0, sizeof(b));
	b.b_in = in;
	if ((b.b_d = calloc(1, sizeof(*b.b_d))) == NULL ||
	    (v = calloc(n + 1, sizeof(*v))) == NULL) {
		free(b.b_d);
		return -1;
	}
	dg_sections(b.b_d);
	for (i = 0; i < n; i++)
		v[i] = &in->di_audit->al_v[i];
	dg_purges(&b);
	dg_fill(&b, v, n);
	free(v);
	if (b.b_err) {
		digest_free(b.b_d);
		return -1;
	}
	*out = b.b_d;
	return 0;
}

struct digest *
digest_free(struct digest *d)
{
	size_t i, j;
	int k;

	if (d == NULL)
		return NULL;
	for (i = 0; i < DG_NSECT; i++) {
		struct dg_section *s = &d->d_sect[i];

		for (j = 0; j < s->s_nrows; j++)
			for (k = 0; k < DG_COLS; k++)
				free(s->s_rows[j].r_cell[k]);
		free(s->s_rows);
		free(s->s_intro);
		free(s->s_more);
	}
	free(d->d_summary);
	free(d);
	return NULL;
}
