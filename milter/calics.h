/*
 * calics: calendar events of the store as iCalendar text (policy/ics.h).
 *
 * One event record (milter/store_event.h) becomes one VEVENT: SUMMARY
 * "COURT CASE: Title" (the court id in capitals and the docket number),
 * DESCRIPTION the docket text with the entry number, the judge, and a
 * note when the zone is the court seat's (assumed) or a cancellation;
 * LOCATION when known; an all-day event for a day without a time; a
 * hearing with a time lasts co_hearing minutes, a deadline with a time
 * is a moment (DTSTART only).  Hearings are busy time, deadlines are not.
 *
 * calics_write() writes a whole calendar of n records; 0 or -1 (memory).
 */
#ifndef NEF_CALICS_H
#define NEF_CALICS_H

#include <stddef.h>
#include <stdint.h>

#include "store_event.h"
#include "strbuf.h"

struct calics_opts {
	int		 co_reminder;	/* minutes before, -1: none */
	int		 co_hearing;	/* minutes a hearing lasts */
	int64_t		 co_now;	/* DTSTAMP */
	const char	*co_name;	/* X-WR-CALNAME, or NULL */
};

struct cfg;

/* The options the settings give (calendar_reminder,
 * calendar_hearing_length), stamped now, no name. */
void	 calics_opts_from_cfg(struct calics_opts *, const struct cfg *,
	    int64_t now);
int	 calics_write(const struct calics_opts *, const struct store_event *,
	    size_t n, struct strbuf *out);

#endif
