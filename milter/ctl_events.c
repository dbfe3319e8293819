/*
 * NAME
 *	ctl_events - a case's calendar events, from nefctl
 * SYNOPSIS
 *	#include "ctl_events.h"
 * DESCRIPTION
 *	See ctl_events.h.  Times are the court's local times as the docket
 *	text gives them, with the zone's IANA name; "first" and "updated"
 *	are UTC.
 * DIAGNOSTICS
 *	Errors go to standard error with the exit codes of ctl.h.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calevent.h"
#include "calics.h"
#include "cfg.h"
#include "ctl_events.h"
#include "store_case.h"
#include "store_event.h"
#include "strbuf.h"

static int	ev_cmp(const void *, const void *);
static void	ev_text(FILE *, const struct store_event *);
static void	ev_json(FILE *, const struct store_event *);

static int
ev_cmp(const void *a, const void *b)
{
	const struct store_event *x = a, *y = b;
	long	dx = x->se_has_date ? caldate_days(x->se_date.y, x->se_date.m,
		    x->se_date.d) : 0;
	long	dy = y->se_has_date ? caldate_days(y->se_date.y, y->se_date.m,
		    y->se_date.d) : 0;

	if (dx != dy)
		return dx < dy ? -1 : 1;
	if (x->se_minute != y->se_minute)
		return x->se_minute < y->se_minute ? -1 : 1;
	return strcmp(x->se_uid, y->se_uid);
}

static void
ev_text(FILE *fp, const struct store_event *e)
{
	char	t[8];

	if (e->se_minute >= 0)
		snprintf(t, sizeof(t), "%02d:%02d", e->se_minute / 60 % 24,
		    e->se_minute % 60);
	else
		snprintf(t, sizeof(t), "-");
	fprintf(fp, "%04d-%02d-%02d %-5s %-28s %-8s %s%s seq=%u  %s%s%s  "
	    "uid=%s\n", e->se_date.y, e->se_date.m, e->se_date.d, t,
	    e->se_tz[0] ? e->se_tz : "-", calev_kind_name(e->se_kind),
	    e->se_cancelled ? "cancelled" : "confirmed",
	    e->se_restricted ? ",restricted" : "", e->se_seq, e->se_title,
	    e->se_location[0] ? "  at " : "", e->se_location, e->se_uid);
}

static void
ev_json(FILE *fp, const struct store_event *e)
{
	char	d[16], t[8], f[32], u[32];
	json_t	*o;

	snprintf(d, sizeof(d), "%04d-%02d-%02d", e->se_date.y, e->se_date.m,
	    e->se_date.d);
	snprintf(t, sizeof(t), "%02d:%02d", e->se_minute / 60 % 24,
	    e->se_minute % 60);
	o = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:o, s:o, s:b, s:o, s:o,"
	    " s:b, s:b, s:I, s:I, s:s, s:s, s:s, s:s}",
	    "uid", e->se_uid, "court", e->se_court, "case", e->se_docket,
	    "kind", calev_kind_name(e->se_kind), "title", e->se_title,
	    "date", d, "time", e->se_minute >= 0 ? json_string(t) : json_null(),
	    "tz", e->se_tz[0] ? json_string(e->se_tz) : json_null(),
	    "tz_assumed", e->se_tz_assumed,
	    "location", e->se_location[0] ? json_string(e->se_location) :
	    json_null(),
	    "judge", e->se_judge[0] ? json_string(e->se_judge) : json_null(),
	    "cancelled", e->se_cancelled, "restricted", e->se_restricted,
	    "sequence", (json_int_t)e->se_seq, "entry", (json_int_t)e->se_entry,
	    "key", e->se_key,
	    "first", ctl_fmt_time(e->se_first, f, sizeof(f)),
	    "updated", ctl_fmt_time(e->se_updated, u, sizeof(u)),
	    "source", e->se_source);
	if (o == NULL)
		return;
	json_dumpf(o, fp, JSON_COMPACT | JSON_PRESERVE_ORDER);
	fputc('\n', fp);
	json_decref(o);
}

int
ctl_events(struct ctl *c, int argc, char **argv)
{
	char			 court[STORE_COURT_MAX + 1];
	char			 docket[STORE_DOCKET_MAX + 1];
	struct store_event	*v = NULL;
	struct store_case	 sc;
	struct calics_opts	 o;
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 n = 0, i;
	int			 rc, json = 0, ics = 0;

	for (i = 2; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--ics") == 0)
			ics = 1;
		else
			return ctl_fail(CTL_USAGE, "events: bad option \"%.40s\"",
			    argv[i]);
	}
	if (argc < 2 || (json && ics))
		return ctl_fail(CTL_USAGE, "usage: events COURT CASE "
		    "[--json | --ics]");
	if (ctl_court(argv[0], court, sizeof(court)) != 0)
		return ctl_fail(CTL_USAGE, "bad court \"%.40s\"", argv[0]);
	if (ctl_docket(argv[1], docket, sizeof(docket)) != 0)
		return ctl_fail(CTL_USAGE, "not a docket number \"%.64s\"",
		    argv[1]);
	if ((rc = store_event_list(c->c_st, court, docket, &v, &n)) != 0)
		return ctl_fail(ctl_exit(rc), "events: %s", store_strerror(rc));
	if (n == 0 && store_case_get(c->c_st, court, docket, &sc) ==
	    STORE_ENOTFOUND) {
		free(v);
		return ctl_fail(CTL_NOTFOUND, "unknown case %s %s", court, docket);
	}
	qsort(v, n, sizeof(*v), ev_cmp);
	if (ics) {
		calics_opts_from_cfg(&o, c->c_cfg, c->c_now);
		if (calics_write(&o, v, n, &sb) != 0) {
			free(v);
			strbuf_free(&sb);
			return ctl_fail(CTL_ERROR, "out of memory");
		}
		fwrite(strbuf_str(&sb), 1, sb.sb_len, c->c_out);
		strbuf_free(&sb);
	} else if (!json && n == 0)
		fprintf(c->c_out, "case %s %s: no events\n", court, docket);
	for (i = 0; !ics && i < n; i++) {
		if (json)
			ev_json(c->c_out, &v[i]);
		else
			ev_text(c->c_out, &v[i]);
	}
	free(v);
	return CTL_OK;
}
