/*
 * calname: the names of court events in docket text ("Motion Hearing",
 * "341(a) Meeting of Creditors", "Final Pretrial Conference"), for the
 * calendar extractor (policy/calevent.c).
 *
 * An event's name ends with an event word (hearing, conference, trial,
 * meeting, mediation, arraignment, sentencing, argument, deposition,
 * appearance, selection, examination, plea, session, call...); up to four
 * words that say what kind of event it is may stand before it (status,
 * scheduling, settlement, pre-trial, motion, jury, 341(a), ...; "of" only
 * between two of them), and "of Creditors" after "Meeting".  Offsets are
 * into the text s; every function reads a bounded number of words, or the
 * range it is given.
 */
#ifndef NEF_CALNAME_H
#define NEF_CALNAME_H

#include <stddef.h>

#define CALNAME_NONE	((size_t)-1)

/* Is s[a..b) an event word / a word that may come before one? */
int	 calname_is_event(const char *s, size_t a, size_t b);
int	 calname_is_modifier(const char *s, size_t a, size_t b);
/* The first word of the name whose event word is s[na..nb) (not before
 * lo). */
size_t	 calname_start(const char *s, size_t lo, size_t na, size_t nb);
/* The end of the name whose event word ends at nb. */
size_t	 calname_end(const char *s, size_t len, size_t nb);
/* The last event word in s[lo..end): its end (its start in *na), or
 * CALNAME_NONE. */
size_t	 calname_last(const char *s, size_t lo, size_t end, size_t *na);

#endif
