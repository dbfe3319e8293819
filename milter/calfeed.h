/*
 * calfeed: the per-case calendar files of calendar_dir.
 *
 * calfeed_write() rewrites DIR/COURT_CASE.ics (':' of the docket number
 * written as '-': "cand_4-22-cv-05541.ics") from every event of the case
 * in the store that did not come from a restricted entry: written to a
 * temporary file in the same directory, synced, made mode 0640 and
 * renamed over the old file, so a reader sees the old calendar or the
 * new one, never a part; calls are serialized, so the file always holds
 * every event the store had when it was written.  A case with no public
 * event gets a calendar with no event.  0, or -1 with a reason in err.
 * The same lock covers calfeed_expire()'s rewrites and removals.
 * The file name keeps letters, digits, '_', '-' and single dots of the
 * court and docket number; any other byte becomes '-'.
 */
#ifndef NEF_CALFEED_H
#define NEF_CALFEED_H

#include <stddef.h>
#include <stdint.h>

struct cfg;
struct store;

int	 calfeed_write(const struct cfg *, struct store *, const char *court,
	    const char *docket, int64_t now, char *err, size_t errsz);
/*
 * Retention of the calendar: remove the events past calendar_retention
 * from the store (store_event_expire()), then, with calendar_dir set,
 * bring the file of each case that lost an event in line: rewritten
 * without them, or removed when the store holds no event of the case
 * any more.  *nevents and *nfiles (either may be NULL): the events
 * removed, the files rewritten or removed.  0, or -1 with a reason in
 * err (then the files that could be brought in line were).
 */
int	 calfeed_expire(const struct cfg *, struct store *, int64_t now,
	    size_t *nevents, size_t *nfiles, char *err, size_t errsz);
/* The file name of a case's calendar, "cand_4-22-cv-05541.ics". */
void	 calfeed_name(const char *court, const char *docket, char *buf,
	    size_t size);

#endif
