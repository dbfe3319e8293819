/*
 * calfield: the fields of a calendar event read from the text around its
 * date (internal to policy/calevent.c and its tests): titles, the time
 * after the date, the place and the judge, the docket entry a sentence
 * cites, and the key that names an event across notices.
 *
 * Offsets are into the docket text s; sa..sb is the sentence.  Every
 * output is a NUL-terminated copy cut to its size (calphrase_copy()).
 */
#ifndef NEF_CALFIELD_H
#define NEF_CALFIELD_H

#include <stddef.h>

#include "caldate.h"
#include "calevent.h"

/*
 * The title of a deadline from the clause before its phrase, which
 * starts at s[tstart]: "Responses" + " due" (due != 0), "Deadline for
 * Mediation", "Deadline: plaintiff shall file an amended complaint".  An
 * empty clause takes the one after the date (s[after...]); else
 * "Deadline".
 */
void	 calfield_deadline_title(const char *s, size_t sa, size_t sb,
	    size_t tstart, int due, size_t after, char *out, size_t size);
/* The title of a named event s[a..b), in title case. */
void	 calfield_name_title(const char *s, size_t sb, size_t a, size_t b,
	    char *out, size_t size);
/* A time after the date that ends at s[q] (", at 10:00 AM", "@ 2 p.m."):
 * the offset after it, or q with *minute = -1. */
size_t	 calfield_time_after(const char *s, size_t sb, size_t q, int *minute,
	    enum caldate_zone *zone);
/*
 * The place and the judge after the date and time (from s[q]): "in
 * Oakland, Courtroom 6, 2nd Floor", "at DuPage Courthouse", "by
 * telephone", "via Zoom", "before Judge Jon S. Tigar"; with timed != 0 a
 * bare address right after the time counts too.  The judge may also be
 * named before the date (from s[sa] to s[datepos]).
 */
void	 calfield_place(const char *s, size_t sa, size_t sb, size_t q,
	    int timed, size_t datepos, char *loc, size_t locsz, char *judge,
	    size_t judgesz);
/* The first entry number the sentence cites ("[45]"), or 0. */
unsigned calfield_ref(const char *s, size_t a, size_t b);
/* "hearing/motion hearing/45": the kind's name (calev_kind_name()), the
 * title in lowercase without its variable words (further, continued,
 * telephonic...), the entry or "-". */
void	 calfield_key(const char *kind, const char *title, unsigned ref,
	    char *out, size_t size);

#endif
