/*
 * ctl_events: nefctl's "events" command.
 *
 *	events COURT CASE [--json | --ics]
 *
 * Lists the calendar events the store keeps for a case, by day: day,
 * time and zone, kind, status (confirmed or cancelled, and restricted
 * for events of a restricted entry), SEQUENCE, title, place and UID;
 * --json prints one JSON object per event instead, --ics the whole
 * calendar of the case (restricted events included: nefctl is the
 * administrator's tool).  An unknown case exits 1.
 */
#ifndef NEF_CTL_EVENTS_H
#define NEF_CTL_EVENTS_H

#include "ctl.h"

int	 ctl_events(struct ctl *, int argc, char **argv);

#endif
