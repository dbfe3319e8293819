/*
 * NAME
 *	calendar 3 - the calendar part of a notice
 * SYNOPSIS
 *	#include "calendar.h"
 * DESCRIPTION
 *	See calendar.h.  A UID made without the store is the first 32 hex
 *	digits of the SHA-256 of court, docket, event key, day and the
 *	restricted flag, "@nefmilter": two copies of one notice give the
 *	same UID, and an event first seen then keeps it in the store.
 * DIAGNOSTICS
 *	One info line per notice with events ("calendar: N events ..."),
 *	a debug line per event and per date that is not a day (2/30/2027)
 *	or has an absurd year; warnings for store and file failures.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "calendar.h"
#include "calfeed.h"
#include "calics.h"
#include "calmatch.h"
#include "calparse.h"
#include "calphrase.h"
#include "cfg.h"
#include "cfgcheck.h"
#include "courttz.h"
#include "log.h"
#include "nef.h"
#include "sha.h"
#include "store.h"
#include "store_event.h"

#define CAL_LINES_MAX	(CALEV_MAX + 2)

struct calendar {
	size_t			 c_found;
	struct store_event	*c_ev;		/* the part's events */
	size_t			 c_n, c_cap;
	int			 c_fd;
	uint64_t		 c_size;
	char			 c_name[256];
	char			*c_lines[CAL_LINES_MAX];
	size_t			 c_nlines;
	struct strbuf		 c_uids;
};

static const char *const cal_wday[7] = { "Sunday", "Monday", "Tuesday",
	"Wednesday", "Thursday", "Friday", "Saturday" };
static const char *const cal_month[12] = { "January", "February", "March",
	"April", "May", "June", "July", "August", "September", "October",
	"November", "December" };

static void	cal_uid(const char *, const char *, const struct calev *, int,
		    char *, size_t);
static void	cal_plain(const char *, const char *, const struct calev *,
		    const char *, int, uint32_t, int64_t, struct store_event *);
static int	cal_lookup(const struct calendar_req *, const char *,
		    const char *, const struct calev_set *, const char *,
		    struct store_event *);
static int	cal_case(struct calendar *, const struct calendar_req *, size_t,
		    struct calev_set *, int *);
static int	cal_add(struct calendar *, const struct store_event *);
static void	cal_rejects(const struct calendar_req *, size_t,
		    const struct calev_set *, const char *);
static int	cal_write_part(struct calendar *, const struct calendar_req *);
static void	cal_summary(struct calendar *);
static void	cal_when(const struct store_event *, char *, size_t);
static int	cal_same_text(const struct nef *, size_t);

static void
cal_uid(const char *court, const char *docket, const struct calev *ev,
    int restricted, char *uid, size_t size)
{
	struct strbuf	sb = STRBUF_INIT;
	char		hex[SHA_HEX_SIZE];

	strbuf_printf(&sb, "%s\n%s\n%s\n%04d-%02d-%02d\n%d", court, docket,
	    ev->e_key, ev->e_date.y, ev->e_date.m, ev->e_date.d, restricted);
	sha_buf_hex(strbuf_str(&sb), sb.sb_len, hex);
	snprintf(uid, size, "%.32s@nefmilter", hex);
	strbuf_free(&sb);
}

/* A record for an event the store does not give. */
static void
cal_plain(const char *court, const char *docket, const struct calev *ev,
    const char *text, int restricted, uint32_t entry, int64_t now,
    struct store_event *r)
{
	memset(r, 0, sizeof(*r));
	if (!ev->e_has_date)
		return;		/* a cancellation of nothing we know */
	snprintf(r->se_court, sizeof(r->se_court), "%s", court);
	snprintf(r->se_docket, sizeof(r->se_docket), "%s", docket);
	cal_uid(court, docket, ev, restricted, r->se_uid, sizeof(r->se_uid));
	snprintf(r->se_key, sizeof(r->se_key), "%s", ev->e_key);
	snprintf(r->se_title, sizeof(r->se_title), "%s", ev->e_title);
	r->se_kind = (int)ev->e_kind;
	r->se_has_date = 1;
	r->se_date = ev->e_date;
	r->se_minute = ev->e_minute;
	snprintf(r->se_tz, sizeof(r->se_tz), "%s", ev->e_tz ? ev->e_tz : "");
	r->se_tz_assumed = ev->e_tz_assumed;
	snprintf(r->se_location, sizeof(r->se_location), "%s", ev->e_location);
	snprintf(r->se_judge, sizeof(r->se_judge), "%s", ev->e_judge);
	if (text != NULL)
		calphrase_copy(r->se_source, sizeof(r->se_source), text,
		    strlen(text));
	r->se_entry = entry;
	r->se_cancelled = ev->e_cancelled;
	r->se_restricted = restricted;
	r->se_first = r->se_updated = now;
}

/* A forward: the store's records, read only; out[i] as for apply. */
static int
cal_lookup(const struct calendar_req *q, const char *court, const char *docket,
    const struct calev_set *s, const char *text, struct store_event *out)
{
	struct store_event	*v = NULL;
	struct calmatch_rec	*mv;
	struct caldate		 today, now;
	char			 iso[16];
	size_t			 n = 0, i;
	long			 m;
	int			 rc;

	if ((rc = store_event_list(q->cr_store, court, docket, &v, &n)) != 0)
		return rc;
	if ((mv = calloc(n + 1, sizeof(*mv))) == NULL) {
		free(v);
		return STORE_ENOMEM;
	}
	for (i = 0; i < n; i++) {
		mv[i].m_key = v[i].se_key;
		mv[i].m_kind = v[i].se_kind;
		mv[i].m_has_date = v[i].se_has_date;
		mv[i].m_date = v[i].se_date;
		mv[i].m_minute = v[i].se_minute;
		mv[i].m_tz = v[i].se_tz[0] ? v[i].se_tz : NULL;
		mv[i].m_location = v[i].se_location;
		mv[i].m_cancelled = v[i].se_cancelled;
		mv[i].m_restricted = v[i].se_restricted;
	}
	caldate_from_days((long)(q->cr_now / 86400), &now);
	calparse_date(&now, iso, sizeof(iso));
	calparse_ref(q->cr_nef, iso, &today);
	for (i = 0; i < s->s_n; i++) {
		m = calmatch_find(&s->s_ev[i], q->cr_restricted, mv, n, &today);
		cal_plain(court, docket, &s->s_ev[i], text, q->cr_restricted, 0,
		    q->cr_now, &out[i]);
		if (m < 0)
			continue;
		snprintf(out[i].se_uid, sizeof(out[i].se_uid), "%s", v[m].se_uid);
		out[i].se_seq = v[m].se_seq + (calmatch_changes(&s->s_ev[i],
		    &mv[m]) ? 1 : 0);
		if (!out[i].se_has_date) {
			out[i] = v[m];
			out[i].se_cancelled = s->s_ev[i].e_cancelled;
			out[i].se_seq++;
		}
	}
	free(mv);
	free(v);
	return 0;
}

static int
cal_add(struct calendar *c, const struct store_event *r)
{
	struct store_event	*nv;
	size_t			 cap, i;

	if (r->se_uid[0] == '\0' || !r->se_has_date)
		return 0;
	for (i = 0; i < c->c_n; i++)	/* one entry per UID */
		if (strcmp(c->c_ev[i].se_uid, r->se_uid) == 0) {
			c->c_ev[i] = *r;
			return 0;
		}
	if (c->c_n == c->c_cap) {
		cap = c->c_cap ? c->c_cap * 2 : 8;
		if ((nv = realloc(c->c_ev, cap * sizeof(*nv))) == NULL)
			return -1;
		c->c_ev = nv;
		c->c_cap = cap;
	}
	c->c_ev[c->c_n++] = *r;
	return 0;
}

static void
cal_rejects(const struct calendar_req *q, size_t ci, const struct calev_set *s,
    const char *text)
{
	char	buf[LOG_CLEAN_SIZE];
	size_t	i;

	for (i = 0; i < s->s_nrej; i++)
		log_debug(q->cr_qid, "calendar: case %zu: \"%s\" is %s: no event",
		    ci + 1, log_clean(buf, text + s->s_rej[i].r_off,
		    s->s_rej[i].r_len), s->s_rej[i].r_why == CALDATE_BAD ?
		    "not a day of the calendar" : "in an absurd year");
	if (s->s_trunc)
		log_info(q->cr_qid, "calendar: case %zu: more than %d events; "
		    "the rest are left out", ci + 1, CALEV_MAX);
	if (s->s_cut)
		log_info(q->cr_qid, "calendar: case %zu: more than %d dates in "
		    "the docket text; the text after them is not read", ci + 1,
		    CALEV_DATES_MAX);
}

/* The events of case ci: identity from the store (or not), into c. */
static int
cal_case(struct calendar *c, const struct calendar_req *q, size_t ci,
    struct calev_set *s, int *feed)
{
	const struct nef	*n = q->cr_nef;
	const struct nef_case	*cs = &n->n_cases[ci];
	struct store_event	*out;
	uint32_t		 entry;
	struct caldate		 ref, now;
	char			 iso[16];
	size_t			 i;
	int			 rc = -1, changed = 0;

	*feed = 0;
	caldate_from_days((long)(q->cr_now / 86400), &now);
	calparse_date(&now, iso, sizeof(iso));
	calparse_ref(n, iso, &ref);
	if ((out = calloc(s->s_n, sizeof(*out))) == NULL)
		return -1;
	entry = cs->c_doc_number ? (uint32_t)strtoul(cs->c_doc_number, NULL,
	    10) : 0;
	if (q->cr_store != NULL) {
		rc = q->cr_learn ? store_event_apply(q->cr_store, n->n_court,
		    cs->c_key, s, cs->c_text, q->cr_restricted, entry, &ref,
		    q->cr_now, cal_uid, out, &changed) : cal_lookup(q, n->n_court,
		    cs->c_key,
		    s, cs->c_text, out);
		if (rc != 0)
			log_warn(q->cr_qid, "calendar: store: %s; events of %s %s "
			    "keep UIDs of their own", store_strerror(rc),
			    n->n_court, cs->c_key);
	}
	for (i = 0; rc != 0 && i < s->s_n; i++)
		cal_plain(n->n_court, cs->c_key, &s->s_ev[i], cs->c_text,
		    q->cr_restricted, entry, q->cr_now, &out[i]);
	for (i = 0; i < s->s_n; i++) {
		/* a restricted entry's event is not named in the log */
		if (out[i].se_uid[0] != '\0')
			log_debug(q->cr_qid, "calendar event uid=%s sequence=%u "
			    "%s %04d-%02d-%02d %s", out[i].se_uid, out[i].se_seq,
			    out[i].se_cancelled ? "cancelled" : "confirmed",
			    out[i].se_date.y, out[i].se_date.m, out[i].se_date.d,
			    q->cr_restricted ? "(restricted)" : out[i].se_key);
		if (cal_add(c, &out[i]) != 0) {
			free(out);
			return -1;
		}
	}
	*feed = rc == 0 && changed && q->cr_learn && !q->cr_restricted;
	free(out);
	return 0;
}

int
calendar_run(const struct calendar_req *q, struct calendar **out)
{
	const struct cfg	*cf = q->cr_cfg;
	const struct nef	*n = q->cr_nef;
	struct calendar		*c;
	struct calev_set	*s;
	struct caldate		 today;
	char			 iso[16], err[512];
	size_t			 ci;
	int			 feed;

	*out = NULL;
	if (!cf->cf_calendar)
		return 0;
	if ((c = calloc(1, sizeof(*c))) == NULL ||
	    (s = calloc(1, sizeof(*s))) == NULL) {
		free(c);
		return -1;
	}
	c->c_fd = -1;
	caldate_from_days((long)(q->cr_now / 86400), &today);
	calparse_date(&today, iso, sizeof(iso));
	for (ci = 0; ci < n->n_ncases; ci++) {
		/* the cases of a multi-docket notice often share one text */
		if (ci == 0 || !cal_same_text(n, ci)) {
			calparse_case(n, ci, calendar_kinds(cf), iso, s);
			cal_rejects(q, ci, s, n->n_cases[ci].c_text);
		}
		c->c_found += s->s_n;
		/* no calendar entry without the court and the case to name */
		if (s->s_n == 0 || !n->n_court[0] || !n->n_cases[ci].c_key[0])
			continue;
		if (cal_case(c, q, ci, s, &feed) != 0) {
			free(s);
			calendar_free(c);
			return -1;
		}
		if (feed && cf->cf_calendar_dir != NULL && cf->cf_calendar_dir[0] &&
		    calfeed_write(cf, q->cr_store, n->n_court,
		    n->n_cases[ci].c_key, q->cr_now, err, sizeof(err)) != 0)
			log_warn(q->cr_qid, "calendar: %s: %s", cf->cf_calendar_dir,
			    err);
	}
	free(s);
	if (c->c_n > 0 && q->cr_attach && cal_write_part(c, q) == 0)
		cal_summary(c);
	if (c->c_found > 0)
		log_info(q->cr_qid, "calendar: %zu event%s found, %zu in the "
		    "notice%s%s", c->c_found, c->c_found == 1 ? "" : "s",
		    c->c_fd >= 0 ? c->c_n : 0, c->c_fd >= 0 ? " as " : "",
		    c->c_fd >= 0 ? c->c_name : q->cr_attach ? "" :
		    " (not attached: the notice is not verified, or its "
		    "documents are withheld)");
	*out = c;
	return 0;
}

/* Has case ci the docket text of case ci - 1 (so the same events)? */
static int
cal_same_text(const struct nef *n, size_t ci)
{
	const char	*a = n->n_cases[ci - 1].c_text, *b = n->n_cases[ci].c_text;

	return a != NULL && b != NULL && (a == b || strcmp(a, b) == 0);
}

/* The .ics into an unlinked temporary file. */
static int
cal_write_part(struct calendar *c, const struct calendar_req *q)
{
	const struct cfg	*cf = q->cr_cfg;
	struct calics_opts	 o;
	struct strbuf		 sb = STRBUF_INIT;
	char			 path[1100];
	const char		*p;
	size_t			 i, left;
	ssize_t			 w;
	int			 fd;

	calics_opts_from_cfg(&o, cf, q->cr_now);
	if (calics_write(&o, c->c_ev, c->c_n, &sb) != 0) {
		log_warn(q->cr_qid, "calendar: out of memory; no calendar part");
		strbuf_free(&sb);
		return -1;
	}
	snprintf(path, sizeof(path), "%s/cal.XXXXXX", q->cr_tmpdir);
	if ((fd = mkstemp(path)) < 0) {
		log_warn(q->cr_qid, "calendar: cannot create a file in %s: %s; "
		    "no calendar part", q->cr_tmpdir, strerror(errno));
		strbuf_free(&sb);
		return -1;
	}
	unlink(path);
	for (p = strbuf_str(&sb), left = sb.sb_len; left > 0; p += w,
	    left -= (size_t)w)
		if ((w = write(fd, p, left)) < 0 && errno != EINTR) {
			log_warn(q->cr_qid, "calendar: cannot write the part: %s",
			    strerror(errno));
			close(fd);
			strbuf_free(&sb);
			return -1;
		} else if (w < 0)
			w = 0;
	c->c_fd = fd;
	c->c_size = sb.sb_len;
	snprintf(c->c_name, sizeof(c->c_name), "%s", q->cr_filename != NULL ?
	    q->cr_filename : "events.ics");
	for (i = 0; i < c->c_n; i++)
		strbuf_printf(&c->c_uids, "%s %u %s %04d-%02d-%02d %s %s\n",
		    c->c_ev[i].se_uid, c->c_ev[i].se_seq, c->c_ev[i].se_cancelled ?
		    "cancelled" : "confirmed", c->c_ev[i].se_date.y,
		    c->c_ev[i].se_date.m, c->c_ev[i].se_date.d,
		    c->c_ev[i].se_minute < 0 ? "-" : "timed",
		    c->c_ev[i].se_restricted ? "(restricted)" : c->c_ev[i].se_title);
	strbuf_free(&sb);
	return 0;
}

/* "Thursday, April 20, 2023, 2:00 PM PDT" */
static void
cal_when(const struct store_event *e, char *buf, size_t size)
{
	const struct courttz_rules *r = courttz_rules(e->se_tz);
	const struct caldate	*d = &e->se_date;
	int			 h, wd = caldate_weekday(d->y, d->m, d->d);
	size_t			 n;

	n = (size_t)snprintf(buf, size, "%s, %s %d, %d", cal_wday[wd],
	    cal_month[(d->m - 1) % 12], d->d, d->y);
	if (e->se_minute < 0 || n >= size)
		return;
	h = e->se_minute / 60 % 12;
	snprintf(buf + n, size - n, ", %d:%02d %s%s%s%s", h == 0 ? 12 : h,
	    e->se_minute % 60, e->se_minute >= 720 ? "PM" : "AM",
	    r != NULL ? " " : "", r == NULL ? "" : courttz_is_dst(e->se_tz, d,
	    e->se_minute) ? r->tr_dst_abbr : r->tr_std_abbr,
	    e->se_tz_assumed ? " (zone assumed)" : "");
}

static void
cal_summary(struct calendar *c)
{
	struct strbuf	sb = STRBUF_INIT;
	char		when[128];
	size_t		i;

	strbuf_printf(&sb, "Calendar: %zu event%s in %s (open it to add %s to "
	    "your calendar):", c->c_n, c->c_n == 1 ? "" : "s", c->c_name,
	    c->c_n == 1 ? "it" : "them");
	c->c_lines[c->c_nlines++] = strbuf_detach(&sb);
	for (i = 0; i < c->c_n && c->c_nlines < CAL_LINES_MAX; i++) {
		const struct store_event *e = &c->c_ev[i];

		cal_when(e, when, sizeof(when));
		strbuf_printf(&sb, "  - %s%s: %s%s%s", e->se_cancelled ?
		    "CANCELLED: " : "", e->se_title, when,
		    e->se_location[0] ? ", " : "", e->se_location);
		c->c_lines[c->c_nlines++] = strbuf_detach(&sb);
	}
}

struct calendar *
calendar_free(struct calendar *c)
{
	size_t	i;

	if (c == NULL)
		return NULL;
	if (c->c_fd >= 0)
		close(c->c_fd);
	for (i = 0; i < c->c_nlines; i++)
		free(c->c_lines[i]);
	strbuf_free(&c->c_uids);
	free(c->c_ev);
	free(c);
	return NULL;
}

size_t
calendar_found(const struct calendar *c)
{
	return c != NULL ? c->c_found : 0;
}

size_t
calendar_attached(const struct calendar *c)
{
	return c != NULL && c->c_fd >= 0 ? c->c_n : 0;
}

int
calendar_part(const struct calendar *c, struct rewrite_doc *d)
{
	if (c == NULL || c->c_fd < 0)
		return -1;
	memset(d, 0, sizeof(*d));
	d->rd_fd = c->c_fd;
	d->rd_size = c->c_size;
	d->rd_filename = c->c_name;
	d->rd_description = "Calendar entries of this notice";
	d->rd_ctype = "text/calendar; method=PUBLISH; charset=utf-8";
	return 0;
}

void
calendar_lines(const struct calendar *c, const char *const **v, size_t *n)
{
	*v = c != NULL ? (const char *const *)c->c_lines : NULL;
	*n = c != NULL ? c->c_nlines : 0;
}

const char *
calendar_uids(const struct calendar *c)
{
	return c != NULL ? strbuf_str(&c->c_uids) : "";
}

unsigned
calendar_kinds(const struct cfg *cf)
{
	unsigned	k = 0;
	size_t		i;

	for (i = 0; i < cf->cf_calendar_kinds.l_n; i++) {
		const char *w = cf->cf_calendar_kinds.l_v[i];

		if (strncasecmp(w, "deadline", 8) == 0)
			k |= CALEV_K_DEADLINE;
		else if (strncasecmp(w, "hearing", 7) == 0)
			k |= CALEV_K_HEARING;
	}
	return k;
}

int
calendar_check_cfg(const struct cfg *cf, struct strbuf *err)
{
	static const char *const ok[] = { "deadline", "deadlines", "hearing",
		"hearings" };
	size_t	i, j;
	int	bad = 0;

	for (i = 0; i < cf->cf_calendar_kinds.l_n; i++) {
		for (j = 0; j < sizeof(ok) / sizeof(ok[0]); j++)
			if (strcasecmp(cf->cf_calendar_kinds.l_v[i], ok[j]) == 0)
				break;
		if (j == sizeof(ok) / sizeof(ok[0])) {
			cfgcheck_problem(cf, err, "calendar_kinds", "calendar_kinds: "
			    "\"%s\" is neither deadlines nor hearings",
			    cf->cf_calendar_kinds.l_v[i]);
			bad = 1;
		}
	}
	if (cf->cf_calendar && cf->cf_calendar_kinds.l_n == 0 &&
	    !cfgcheck_refused(cf, "calendar_kinds")) {
		cfgcheck_problem(cf, err, "calendar_kinds", "calendar_kinds: empty "
		    "(set calendar = no to turn the calendar off)");
		bad = 1;
	}
	if (cf->cf_calendar_dir != NULL && cf->cf_calendar_dir[0] != '\0' &&
	    cf->cf_calendar_dir[0] != '/') {
		cfgcheck_problem(cf, err, "calendar_dir", "calendar_dir: \"%s\" is not "
		    "an absolute path", cf->cf_calendar_dir);
		bad = 1;
	}
	return bad ? -1 : 0;
}
