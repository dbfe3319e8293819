/*
 * NAME
 *	calics 3 - store events as an iCalendar object
 * SYNOPSIS
 *	#include "calics.h"
 * DESCRIPTION
 *	See calics.h.  The text of each event is built in its own buffer
 *	and handed to policy/ics.c, which escapes and folds it.
 * DIAGNOSTICS
 *	-1 when memory runs out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calics.h"
#include "cfg.h"
#include "courttz.h"
#include "ics.h"

#define CALICS_PRODID	"-//nefmilter//nefmilter " NEF_VERSION "//EN"

static void	ci_text(const struct store_event *, struct strbuf *,
		    struct strbuf *);

/* SUMMARY and DESCRIPTION of one record. */
static void
ci_text(const struct store_event *e, struct strbuf *sum, struct strbuf *desc)
{
	const struct courttz	*ct = courttz_find(e->se_court);
	const char		*p;

	for (p = e->se_court; *p != '\0'; p++)
		strbuf_putc(sum, *p >= 'a' && *p <= 'z' ? *p - ('a' - 'A') : *p);
	strbuf_printf(sum, " %s: %s", e->se_docket, e->se_title);
	if (e->se_cancelled)
		strbuf_puts(desc, "CANCELLED. ");
	strbuf_printf(desc, "%s %s", e->se_court, e->se_docket);
	if (e->se_entry > 0)
		strbuf_printf(desc, ", docket entry %u", e->se_entry);
	strbuf_printf(desc, ": %s\n", e->se_source);
	if (e->se_judge[0] != '\0')
		strbuf_printf(desc, "\n%s.", e->se_judge);
	if (e->se_tz_assumed && e->se_minute >= 0)
		strbuf_printf(desc, "\nTime zone assumed: the docket text names "
		    "no courthouse city; the court sits in %s.",
		    ct != NULL ? ct->ct_seat : "an unknown place");
	strbuf_puts(desc, "\nRead from the court's notice by nefmilter; the "
	    "docket is the authority.");
}

void
calics_opts_from_cfg(struct calics_opts *o, const struct cfg *cf, int64_t now)
{
	memset(o, 0, sizeof(*o));
	o->co_reminder = cf->cf_calendar_reminder > 0 ?
	    (int)(cf->cf_calendar_reminder / 60) : -1;
	o->co_hearing = (int)(cf->cf_calendar_hearing_length / 60);
	o->co_now = now;
}

int
calics_write(const struct calics_opts *o, const struct store_event *ev,
    size_t n, struct strbuf *out)
{
	struct ics_event	*v;
	struct strbuf		*sb;
	struct ics_cal		 cal;
	size_t			 i, k = 0;
	int			 rc = 0;

	v = calloc(n + 1, sizeof(*v));
	sb = calloc(2 * n + 2, sizeof(*sb));
	if (v == NULL || sb == NULL) {
		free(v);
		free(sb);
		return -1;
	}
	for (i = 0; i < n; i++) {
		const struct store_event *e = &ev[i];
		struct ics_event *x = &v[k];

		if (!e->se_has_date || e->se_uid[0] == '\0')
			continue;
		ci_text(e, &sb[2 * k], &sb[2 * k + 1]);
		x->ie_uid = e->se_uid;
		x->ie_sequence = e->se_seq;
		x->ie_cancelled = e->se_cancelled;
		x->ie_date = e->se_date;
		x->ie_minute = e->se_minute;
		x->ie_duration = e->se_kind == CALEV_HEARING && e->se_minute >= 0 ?
		    o->co_hearing : 0;
		x->ie_tz = e->se_tz[0] != '\0' ? e->se_tz : NULL;
		x->ie_summary = strbuf_str(&sb[2 * k]);
		x->ie_description = strbuf_str(&sb[2 * k + 1]);
		x->ie_location = e->se_location;
		x->ie_category = e->se_kind == CALEV_HEARING ? "Hearing" :
		    "Deadline";
		x->ie_busy = e->se_kind == CALEV_HEARING && e->se_minute >= 0;
		x->ie_stamp = o->co_now;
		x->ie_modified = e->se_updated;
		x->ie_alarm = o->co_reminder;
		if (strbuf_error(&sb[2 * k]) || strbuf_error(&sb[2 * k + 1]))
			rc = -1;
		k++;
	}
	memset(&cal, 0, sizeof(cal));
	cal.ic_prodid = CALICS_PRODID;
	cal.ic_method = "PUBLISH";
	cal.ic_name = o->co_name;
	if (rc == 0)
		rc = ics_write(&cal, v, k, out);
	for (i = 0; i < 2 * n + 2; i++)
		strbuf_free(&sb[i]);
	free(sb);
	free(v);
	return rc;
}
