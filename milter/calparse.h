/*
 * calparse: the calendar events of a parsed notice, per docket entry, for
 * "nefmilter --parse" and for the pipeline.
 *
 * calparse_case() runs the extractor (policy/calevent.h) on the docket
 * text (c_text) of case ci of a notice, in the notice's court, with the
 * notice's date filed (else entered) as the day before which nothing is
 * an event; a notice without a date uses `today` (YYYY-MM-DD, may be
 * NULL: no such bound).  out is the caller's (it is large: allocate it).
 *
 * calparse_json() renders the events of one entry as a JSON array, the
 * "events" member of each docket entry of --parse:
 *   kind "deadline"|"hearing", title, date "YYYY-MM-DD" (null for a
 *   cancellation that names no date), time "HH:MM" (24-hour, court-local;
 *   null when none), tz (IANA, or null for an unknown court), location
 *   (null when none), cancelled (boolean), span [start, end] (byte
 *   offsets into docket_text) and source (that text); then nefmilter's
 *   own: change ("new", "reset", "cancel"), judge, tz_assumed, tz_stated,
 *   key, cites (the entry number cited, or null), from (the date a reset
 *   moves from, or null).
 */
#ifndef NEF_CALPARSE_H
#define NEF_CALPARSE_H

#include <stddef.h>

#include <jansson.h>

#include "calevent.h"

struct nef;

void	 calparse_case(const struct nef *, size_t ci, unsigned kinds,
	    const char *today, struct calev_set *out);
/* A new JSON array (the caller owns the reference). */
json_t	*calparse_json(const struct nef *, size_t ci,
	    const struct calev_set *);
/* The notice's day (filed, else entered, else today "YYYY-MM-DD" or
 * NULL) into *ref; y == 0 when none. */
void	 calparse_ref(const struct nef *, const char *today, struct caldate *ref);
/* "2027-03-01" into buf (11 bytes). */
void	 calparse_date(const struct caldate *, char *buf, size_t size);

#endif
