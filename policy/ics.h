/*
 * ics: an iCalendar (RFC 5545) object of events, as text.
 *
 * ics_write() appends one VCALENDAR with METHOD (PUBLISH), a VTIMEZONE
 * for every zone its events use (from policy/courttz.h: the US rules in
 * force since 2007, or one offset for the zones without daylight time),
 * and one VEVENT per event: UID, DTSTAMP, SEQUENCE, STATUS (CONFIRMED or
 * CANCELLED), DTSTART and DTEND in the event's zone (TZID), or as DATE
 * values for an all-day event, SUMMARY, DESCRIPTION, LOCATION when given,
 * CATEGORIES, TRANSP, and a VALARM when a reminder is asked for.
 *
 * The text follows the RFC: CRLF line ends, content lines folded at 75
 * octets (never inside a UTF-8 sequence), TEXT values escaped (backslash,
 * semicolon, comma, newline), control characters removed.  An event with
 * a time but in no known zone is written in floating local time.
 *
 * Strings are UTF-8 and are not kept.  Pure: no I/O, no allocation but
 * the strbuf's.
 */
#ifndef NEF_ICS_H
#define NEF_ICS_H

#include <stddef.h>
#include <stdint.h>

#include "caldate.h"
#include "strbuf.h"

struct ics_event {
	const char	*ie_uid;
	unsigned	 ie_sequence;
	int		 ie_cancelled;
	struct caldate	 ie_date;
	int		 ie_minute;	/* -1: an all-day event */
	int		 ie_duration;	/* minutes of a timed event; 0: none
					   (DTSTART only) */
	const char	*ie_tz;		/* IANA zone, or NULL (floating) */
	const char	*ie_summary;
	const char	*ie_description;	/* may be NULL */
	const char	*ie_location;	/* may be NULL or "" */
	const char	*ie_category;	/* "Deadline", "Hearing"; may be NULL */
	int		 ie_busy;	/* TRANSP:OPAQUE, else TRANSPARENT */
	int64_t		 ie_stamp;	/* DTSTAMP, seconds since the epoch */
	int64_t		 ie_modified;	/* LAST-MODIFIED, 0: none */
	int		 ie_alarm;	/* minutes before the start for a VALARM,
					   -1: none */
};

struct ics_cal {
	const char	*ic_prodid;	/* "-//nefmilter//nefmilter 0.9//EN" */
	const char	*ic_method;	/* "PUBLISH", or NULL for none */
	const char	*ic_name;	/* X-WR-CALNAME, or NULL */
};

/* Append the calendar to out; 0, or -1 when out failed (strbuf error). */
int	 ics_write(const struct ics_cal *, const struct ics_event *, size_t n,
	    struct strbuf *out);
/* Append one escaped TEXT value (for tests and callers' own lines). */
void	 ics_escape(struct strbuf *, const char *);
/* "20270301T100000" (local) or "20270301" into buf (16 bytes). */
void	 ics_datetime(const struct caldate *, int minute, char *buf, size_t size);

#endif
