/*
 * courttz: the time zone of every federal court that CM/ECF serves.
 *
 * One row per court id (the ids CM/ECF uses: "cand", "txwb", "ca9",
 * "jpml"...): every district and bankruptcy court, the territories (PR,
 * VI, Guam, the Northern Mariana Islands), the courts of appeals, the
 * bankruptcy appellate panels, the Court of International Trade, the
 * Court of Federal Claims and the JPML.  Each row names the court's seat,
 * its IANA zone and a short note on where the zone comes from.
 *
 * A court whose courthouses (or sittings) lie in more than one zone lists
 * the cities it sits in with their zones ("El Paso" Mountain and "San
 * Antonio" Central for W.D. Tex.); courttz_pick() looks for them in a
 * text and falls back to the seat's zone, which it then marks assumed.
 *
 * courttz_rules() gives the rules of a zone as calendars need them for a
 * VTIMEZONE: standard and daylight offsets and abbreviations.  The rules
 * are the United States' since 2007 (second Sunday of March, first
 * Sunday of November); the zones without daylight time (Arizona, Hawaii,
 * Puerto Rico, the Virgin Islands, Guam, the Northern Mariana Islands)
 * have one offset.  They serve for events from 2007 on, which is all an
 * extractor of future events produces.
 *
 * Everything here is constant data; the functions do not allocate.
 */
#ifndef NEF_COURTTZ_H
#define NEF_COURTTZ_H

#include <stddef.h>

#include "caldate.h"

struct courttz_city {
	const char	*cc_city;	/* lowercase, as texts name it */
	const char	*cc_zone;	/* IANA */
};

struct courttz {
	const char	*ct_court;	/* CM/ECF id, lowercase */
	const char	*ct_seat;	/* "San Francisco" */
	const char	*ct_zone;	/* IANA zone of the seat */
	const char	*ct_note;	/* where the zone comes from */
	const struct courttz_city *ct_cities;	/* the cities of a two-zone
					   court, NULL-ended; NULL for one zone */
};

struct courttz_rules {
	const char	*tr_zone;	/* IANA name (the TZID) */
	int		 tr_std;	/* UTC offset, minutes */
	int		 tr_dst;	/* == tr_std when no daylight time */
	const char	*tr_std_abbr;	/* "EST" */
	const char	*tr_dst_abbr;	/* "EDT", or NULL */
	enum caldate_zone tr_family;
};

/* The row of a court id (any case), or NULL. */
const struct courttz *courttz_find(const char *court);
/* Every row, for tests and documentation: *n rows. */
const struct courttz *courttz_all(size_t *n);

/*
 * The zone of an event of `court` whose text is t[0..len): a city of a
 * two-zone court named in the text picks its zone; else the seat's zone,
 * with *assumed = 1 for a court that has more than one.  An unknown court
 * gives NULL (*assumed = 1).
 */
const char *courttz_pick(const char *court, const char *t, size_t len,
	    int *assumed);

/*
 * The zone for a time the text marked with a zone word (family f) in a
 * court whose zone is court_zone (may be NULL): the court's own zone when
 * it is of that family, else the family's usual zone ("America/Chicago"
 * for central); NULL for CALZ_NONE.
 */
const char *courttz_family_zone(enum caldate_zone f, const char *court_zone);

/* The rules of an IANA zone this table uses, or NULL. */
const struct courttz_rules *courttz_rules(const char *zone);
/* Is the local time (day d, minute of the day) daylight time in the
 * zone?  0 for a zone without daylight time or unknown. */
int	 courttz_is_dst(const char *zone, const struct caldate *d, int minute);

#endif
