/*
 * store_event: the calendar events of each case, in the store (LMDB table
 * "events"), so that a later notice about the same hearing updates the
 * same calendar entry: the same UID with a higher SEQUENCE, or a
 * cancellation.
 *
 * Key: court\0 docket\0 uid\0.  One record per event: kind, title, key
 * (policy/calevent.h e_key), day and time, zone, place, judge, the docket
 * text it came from, the entry that last changed it, SEQUENCE, cancelled,
 * restricted (from an entry that mentions seal or redact), first and
 * last change.
 *
 * store_event_apply() applies one notice's events of one case in ONE
 * write transaction: each event is matched (policy/calmatch.h) to the
 * case's records; a match is updated (SEQUENCE + 1 when what a calendar
 * shows changed), anything else becomes a record with a UID from uid_fn.
 * out[i] receives the record of event i as it now stands (out[i].se_uid
 * is "" for a cancellation that names no day and matched nothing).
 * *changed (may be NULL) is set when a record was added or changed.
 * today is the notice's day: records before it are past for matching
 * (policy/calmatch.h); now stamps the records.
 *
 * Statuses as in store.h.
 */
#ifndef NEF_STORE_EVENT_H
#define NEF_STORE_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "calevent.h"
#include "store.h"

#define STORE_EVUID_MAX		79
#define STORE_EVSRC_MAX		1023
#define STORE_EVTZ_MAX		47
#define STORE_EVENTS_MAX	4096	/* records read for one case */

struct store_event {
	char	 se_court[STORE_COURT_MAX + 1];
	char	 se_docket[STORE_DOCKET_MAX + 1];
	char	 se_uid[STORE_EVUID_MAX + 1];
	char	 se_key[CALEV_KEY_MAX + 1];
	char	 se_title[CALEV_TITLE_MAX + 1];
	int	 se_kind;		/* enum calev_kind */
	int	 se_has_date;
	struct caldate se_date;
	int	 se_minute;		/* -1: none */
	char	 se_tz[STORE_EVTZ_MAX + 1];	/* "" when none */
	int	 se_tz_assumed;
	char	 se_location[CALEV_LOC_MAX + 1];
	char	 se_judge[CALEV_JUDGE_MAX + 1];
	char	 se_source[STORE_EVSRC_MAX + 1];	/* docket text */
	uint32_t se_entry;		/* entry that last changed it */
	uint32_t se_seq;		/* SEQUENCE */
	int	 se_cancelled;
	int	 se_restricted;
	int64_t	 se_first;
	int64_t	 se_updated;
};

/* Makes the UID of a new event (size >= STORE_EVUID_MAX + 1). */
typedef void (*store_event_uid_fn)(const char *court, const char *docket,
	    const struct calev *, int restricted, char *uid, size_t size);

int	 store_event_apply(struct store *, const char *court, const char *docket,
	    const struct calev_set *, const char *text, int restricted,
	    uint32_t entry, const struct caldate *today, int64_t now,
	    store_event_uid_fn uid_fn, struct store_event *out, int *changed);
/* Every event of a case, by UID; *out malloc'd (free()), *n items. */
int	 store_event_list(struct store *, const char *court, const char *docket,
	    struct store_event **out, size_t *n);

/* A case, as store_event_expire() names those that lost an event. */
struct store_event_case {
	char	 ec_court[STORE_COURT_MAX + 1];
	char	 ec_docket[STORE_DOCKET_MAX + 1];
};

/*
 * Retention: remove every record whose day is past by more than keep
 * seconds: a record of day D goes once D is before the day (UTC) of
 * now - keep; a record without a day goes when its last change is older
 * than now - keep.  keep 0 keeps every record.  Works in small write
 * transactions, so that notices are not held up.  *cases (may be NULL)
 * receives each case that lost a record, once (malloc'd, free(); NULL
 * when none), *ncases their number; *nevents (may be NULL) the records
 * removed.  On an error the records of the batches already committed
 * are gone, and are counted.
 */
int	 store_event_expire(struct store *, int64_t now, uint64_t keep,
	    struct store_event_case **cases, size_t *ncases, size_t *nevents);

#endif
