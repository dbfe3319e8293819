/*
 * NAME
 *	ics 3 - RFC 5545 text for calendar events
 * SYNOPSIS
 *	#include "ics.h"
 * DESCRIPTION
 *	Each content line is built in full, then written folded: after 75
 *	octets a CRLF and one blank start a continuation line (RFC 5545
 *	3.1), and a fold never splits a UTF-8 sequence.  DTSTAMP and
 *	LAST-MODIFIED are UTC; the other times are local to their TZID.
 *	A VTIMEZONE's observances start in 2007, the year the current US
 *	rules took effect, so a reader applies them to every later event.
 *
 *	Why a writer of our own and not libical: the calendar uses only
 *	the fifteen zones of the court table (policy/courttz.c), each with
 *	the US rules or one offset, and a handful of properties; written
 *	here it stays pure, in policy/, unit-tested byte for byte, and the
 *	same text serves the milter, the per-case files and nefctl.  The
 *	tests read every zone's VTIMEZONE back with Debian's
 *	python3-icalendar and compare it with the tz database
 *	(tests/milter/t-calendar-ics.sh).
 * DIAGNOSTICS
 *	-1 when the buffer failed (out of memory or over its limit).
 */
#include <stdio.h>
#include <string.h>

#include "courttz.h"
#include "ics.h"

#define ICS_FOLD	75
#define ICS_MAXZONES	16

static void	ics_line(struct strbuf *, const char *);
static void	ics_prop(struct strbuf *, const char *name, const char *text);
static void	ics_utc(int64_t, char *, size_t);
static void	ics_offset(int, char *, size_t);
static void	ics_zone(struct strbuf *, const struct courttz_rules *);
static void	ics_vevent(struct strbuf *, const struct ics_event *);

/* Write one content line (no CRLF in it), folded at 75 octets. */
static void
ics_line(struct strbuf *out, const char *s)
{
	size_t	len = strlen(s), col = 0, k;
	const unsigned char *p = (const unsigned char *)s;
	size_t	i = 0;

	while (i < len) {
		k = 1;
		if (p[i] >= 0xc0)	/* a UTF-8 lead byte and its tail */
			while (i + k < len && (p[i + k] & 0xc0) == 0x80 && k < 4)
				k++;
		if (col + k > ICS_FOLD) {
			strbuf_puts(out, "\r\n ");
			col = 1;
		}
		strbuf_append(out, s + i, k);
		col += k;
		i += k;
	}
	strbuf_puts(out, "\r\n");
}

void
ics_escape(struct strbuf *sb, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\\' || c == ';' || c == ',') {
			strbuf_putc(sb, '\\');
			strbuf_putc(sb, c);
		} else if (c == '\n')
			strbuf_puts(sb, "\\n");
		else if (c < 0x20 || c == 0x7f)
			continue;
		else
			strbuf_putc(sb, c);
	}
}

/* NAME:escaped-text as one folded line. */
static void
ics_prop(struct strbuf *out, const char *name, const char *text)
{
	struct strbuf	l = STRBUF_INIT;

	strbuf_puts(&l, name);
	strbuf_putc(&l, ':');
	ics_escape(&l, text);
	if (strbuf_error(&l))
		out->sb_err = l.sb_err;
	else
		ics_line(out, strbuf_str(&l));
	strbuf_free(&l);
}

static void
ics_utc(int64_t t, char *buf, size_t size)
{
	struct caldate	d;
	long		days = (long)(t >= 0 ? t / 86400 : -((-t + 86399) / 86400));
	long		sec = (long)(t - (int64_t)days * 86400);

	caldate_from_days(days, &d);
	snprintf(buf, size, "%04d%02d%02dT%02d%02d%02dZ", d.y % 10000,
	    d.m % 100, d.d % 100, (int)(sec / 3600 % 24), (int)(sec / 60 % 60),
	    (int)(sec % 60));
}

void
ics_datetime(const struct caldate *d, int minute, char *buf, size_t size)
{
	if (minute < 0)
		snprintf(buf, size, "%04d%02d%02d", d->y % 10000, d->m % 100,
		    d->d % 100);
	else
		snprintf(buf, size, "%04d%02d%02dT%02d%02d00", d->y % 10000,
		    d->m % 100, d->d % 100, minute / 60 % 24, minute % 60);
}

/* "-0500", "+1000" */
static void
ics_offset(int min, char *buf, size_t size)
{
	int	a = min < 0 ? -min : min;

	snprintf(buf, size, "%c%02d%02d", min < 0 ? '-' : '+', a / 60 % 100,
	    a % 60);
}

static void
ics_zone(struct strbuf *out, const struct courttz_rules *r)
{
	char	std[8], dst[8], line[128];

	ics_offset(r->tr_std, std, sizeof(std));
	ics_offset(r->tr_dst, dst, sizeof(dst));
	ics_line(out, "BEGIN:VTIMEZONE");
	snprintf(line, sizeof(line), "TZID:%s", r->tr_zone);
	ics_line(out, line);
	if (r->tr_dst_abbr != NULL) {
		ics_line(out, "BEGIN:DAYLIGHT");
		snprintf(line, sizeof(line), "TZOFFSETFROM:%s", std);
		ics_line(out, line);
		snprintf(line, sizeof(line), "TZOFFSETTO:%s", dst);
		ics_line(out, line);
		snprintf(line, sizeof(line), "TZNAME:%s", r->tr_dst_abbr);
		ics_line(out, line);
		ics_line(out, "DTSTART:20070311T020000");
		ics_line(out, "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU");
		ics_line(out, "END:DAYLIGHT");
	}
	ics_line(out, "BEGIN:STANDARD");
	snprintf(line, sizeof(line), "TZOFFSETFROM:%s", r->tr_dst_abbr ? dst : std);
	ics_line(out, line);
	snprintf(line, sizeof(line), "TZOFFSETTO:%s", std);
	ics_line(out, line);
	snprintf(line, sizeof(line), "TZNAME:%s", r->tr_std_abbr);
	ics_line(out, line);
	if (r->tr_dst_abbr != NULL) {
		ics_line(out, "DTSTART:20071104T020000");
		ics_line(out, "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU");
	} else
		ics_line(out, "DTSTART:20070101T000000");
	ics_line(out, "END:STANDARD");
	ics_line(out, "END:VTIMEZONE");
}

static void
ics_vevent(struct strbuf *out, const struct ics_event *e)
{
	const struct courttz_rules *r = courttz_rules(e->ie_tz);
	struct caldate	 end;
	char		 line[256], dt[32], tzp[96];
	long		 days;
	int		 m;

	ics_line(out, "BEGIN:VEVENT");
	ics_prop(out, "UID", e->ie_uid);
	ics_utc(e->ie_stamp, dt, sizeof(dt));
	snprintf(line, sizeof(line), "DTSTAMP:%s", dt);
	ics_line(out, line);
	if (e->ie_modified > 0) {
		ics_utc(e->ie_modified, dt, sizeof(dt));
		snprintf(line, sizeof(line), "LAST-MODIFIED:%s", dt);
		ics_line(out, line);
	}
	snprintf(line, sizeof(line), "SEQUENCE:%u", e->ie_sequence);
	ics_line(out, line);
	ics_line(out, e->ie_cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
	if (e->ie_minute < 0) {
		ics_datetime(&e->ie_date, -1, dt, sizeof(dt));
		snprintf(line, sizeof(line), "DTSTART;VALUE=DATE:%s", dt);
		ics_line(out, line);
		days = caldate_days(e->ie_date.y, e->ie_date.m, e->ie_date.d);
		caldate_from_days(days + 1, &end);
		ics_datetime(&end, -1, dt, sizeof(dt));
		snprintf(line, sizeof(line), "DTEND;VALUE=DATE:%s", dt);
		ics_line(out, line);
	} else {
		if (r != NULL)
			snprintf(tzp, sizeof(tzp), ";TZID=%s", r->tr_zone);
		else
			tzp[0] = '\0';
		ics_datetime(&e->ie_date, e->ie_minute, dt, sizeof(dt));
		snprintf(line, sizeof(line), "DTSTART%s:%s", tzp, dt);
		ics_line(out, line);
		if (e->ie_duration > 0) {
			m = e->ie_minute + e->ie_duration;
			days = caldate_days(e->ie_date.y, e->ie_date.m,
			    e->ie_date.d) + m / 1440;
			caldate_from_days(days, &end);
			ics_datetime(&end, m % 1440, dt, sizeof(dt));
			snprintf(line, sizeof(line), "DTEND%s:%s", tzp, dt);
			ics_line(out, line);
		}
	}
	ics_prop(out, "SUMMARY", e->ie_summary ? e->ie_summary : "");
	if (e->ie_description != NULL)
		ics_prop(out, "DESCRIPTION", e->ie_description);
	if (e->ie_location != NULL && e->ie_location[0] != '\0')
		ics_prop(out, "LOCATION", e->ie_location);
	if (e->ie_category != NULL)
		ics_prop(out, "CATEGORIES", e->ie_category);
	ics_line(out, e->ie_busy ? "TRANSP:OPAQUE" : "TRANSP:TRANSPARENT");
	if (e->ie_alarm >= 0 && !e->ie_cancelled) {
		ics_line(out, "BEGIN:VALARM");
		ics_line(out, "ACTION:DISPLAY");
		ics_prop(out, "DESCRIPTION", e->ie_summary ? e->ie_summary : "");
		if (e->ie_alarm % 1440 == 0)
			snprintf(line, sizeof(line), "TRIGGER:-P%dD",
			    e->ie_alarm / 1440);
		else
			snprintf(line, sizeof(line), "TRIGGER:-PT%dM", e->ie_alarm);
		ics_line(out, line);
		ics_line(out, "END:VALARM");
	}
	ics_line(out, "END:VEVENT");
}

int
ics_write(const struct ics_cal *c, const struct ics_event *ev, size_t n,
    struct strbuf *out)
{
	const struct courttz_rules *zones[ICS_MAXZONES], *r;
	size_t		 nz = 0, i, j;
	char		 line[160];

	ics_line(out, "BEGIN:VCALENDAR");
	ics_line(out, "VERSION:2.0");
	ics_prop(out, "PRODID", c->ic_prodid ? c->ic_prodid :
	    "-//nefmilter//nefmilter//EN");
	ics_line(out, "CALSCALE:GREGORIAN");
	if (c->ic_method != NULL) {
		snprintf(line, sizeof(line), "METHOD:%s", c->ic_method);
		ics_line(out, line);
	}
	if (c->ic_name != NULL)
		ics_prop(out, "X-WR-CALNAME", c->ic_name);
	for (i = 0; i < n; i++) {
		if (ev[i].ie_minute < 0 || (r = courttz_rules(ev[i].ie_tz)) == NULL)
			continue;
		for (j = 0; j < nz && zones[j] != r; j++)
			;
		if (j == nz && nz < ICS_MAXZONES)
			zones[nz++] = r;
	}
	for (j = 0; j < nz; j++)
		ics_zone(out, zones[j]);
	for (i = 0; i < n; i++)
		ics_vevent(out, &ev[i]);
	ics_line(out, "END:VCALENDAR");
	return strbuf_error(out) ? -1 : 0;
}
