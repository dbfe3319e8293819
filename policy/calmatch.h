/*
 * calmatch: which known event of a case a new notice's event is about.
 *
 * The store keeps every event of a case (milter/store_event.c).  When a
 * notice brings an event, calmatch_find() says which record it updates,
 * so that the calendar entry keeps its UID: a copy of the same notice,
 * a reset or continuance, a cancellation.  The rules:
 *
 *  - records of restricted entries and of public ones are kept apart (a
 *    restricted entry never changes a public event, nor the reverse);
 *  - kinds must agree; titles agree when their keys' title parts are
 *    equal, or when one is a bare "hearing" ("conference", "trial") and
 *    the other ends with that word; cited entries ("re [45]") agree when
 *    equal or when either cites none;
 *  - a new event: the record with an agreeing title on the same day; or,
 *    when both cite the same entry, the record of that entry's event
 *    that is not cancelled;
 *  - a reset: the record on the day it moves from, when the text names
 *    it (or, when none is there, one already on the day it moves to: a
 *    copy of the move); else the next record with an agreeing title that
 *    is not cancelled and not past (the soonest), preferring one that
 *    cites the same entry;
 *  - a cancellation: the record with an agreeing title on its day (any
 *    hearing that day when the title is bare); without a date, the next
 *    record with an agreeing title that is not cancelled and not past.
 *
 * calmatch_changes() says whether applying the event changes what a
 * calendar shows (day, time, zone, place, cancellation): the caller then
 * raises the SEQUENCE.
 */
#ifndef NEF_CALMATCH_H
#define NEF_CALMATCH_H

#include <stddef.h>

#include "caldate.h"
#include "calevent.h"

struct calmatch_rec {
	const char	*m_key;		/* calev e_key */
	int		 m_kind;	/* enum calev_kind */
	int		 m_has_date;
	struct caldate	 m_date;
	int		 m_minute;	/* -1: none */
	const char	*m_tz;		/* may be NULL */
	const char	*m_location;	/* may be NULL */
	int		 m_cancelled;
	int		 m_restricted;
};

/* The index of the record ev updates, or -1 for a new event.  today (may
 * be NULL) is the day before which a record is past. */
long	 calmatch_find(const struct calev *ev, int restricted,
	    const struct calmatch_rec *recs, size_t n,
	    const struct caldate *today);
int	 calmatch_changes(const struct calev *ev, const struct calmatch_rec *);
/* Do two event keys name the same event (title and cited entry)? */
int	 calmatch_same(const char *key_a, const char *key_b);

#endif
