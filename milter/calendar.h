/*
 * calendar: the calendar of one notice.
 *
 * calendar_run() reads the events of every docket entry of the notice
 * (milter/calparse.h), gives each its calendar identity, writes the
 * .ics part and, for a verified notice, the per-case files:
 *
 *  - with a store and cr_learn (a verified notice), the events of each
 *    case are applied to the store (milter/store_event.h): a reset,
 *    continuance or vacatur of a known event keeps its UID with a higher
 *    SEQUENCE; calendar_dir files of the changed cases are rewritten
 *    (milter/calfeed.h), unless the entry is restricted;
 *  - with a store but not cr_learn (a colleague's forward), the store is
 *    only read, so the forward's part updates the same calendar entries;
 *  - without a store, or when it fails, each event gets a UID from its
 *    court, case, key and day, with SEQUENCE 0 (and the log says so);
 *  - with cr_attach, one text/calendar part (method PUBLISH) holds the
 *    notice's events: an unlinked temporary file under cr_tmpdir that
 *    calendar_part() hands to milter/rewrite.c.
 *
 * A case whose court or docket number could not be read gets no calendar
 * entry (its events are counted, not written).  Nothing here fails the
 * notice: every failure is logged with the queue
 * id and the notice goes without the part.  *out is NULL when the
 * calendar is off (setting "calendar"); else the caller frees it with
 * calendar_free().  Returns -1 only when memory runs out.
 */
#ifndef NEF_CALENDAR_H
#define NEF_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

#include "rewrite.h"
#include "strbuf.h"

struct cfg;
struct nef;
struct store;
struct calendar;

struct calendar_req {
	const struct cfg	*cr_cfg;
	struct store		*cr_store;	/* may be NULL */
	const struct nef	*cr_nef;
	const char		*cr_qid;
	int			 cr_learn;	/* verified: change the store */
	int			 cr_attach;	/* the part may go with the mail */
	int			 cr_restricted;	/* seal/redact entry */
	const char		*cr_tmpdir;	/* for the part's file */
	const char		*cr_filename;	/* the part's name */
	int64_t			 cr_now;
};

int	 calendar_run(const struct calendar_req *, struct calendar **out);
struct calendar *calendar_free(struct calendar *);	/* closes the file */

/* Events found in the text, and in the part. */
size_t	 calendar_found(const struct calendar *);
size_t	 calendar_attached(const struct calendar *);
/* The part for the rewriter: 0 (*doc filled), or -1 when there is none. */
int	 calendar_part(const struct calendar *, struct rewrite_doc *doc);
/* Lines for the summary at the top of the notice (none without a part). */
void	 calendar_lines(const struct calendar *, const char *const **v,
	    size_t *n);
/* For the audit record: "UID SEQUENCE STATUS DATE TIME TITLE" lines (the
 * title "(restricted)" for a restricted entry's event), or "" (valid until
 * calendar_free()). */
const char *calendar_uids(const struct calendar *);

/* The kinds the settings ask for (CALEV_K_*). */
unsigned calendar_kinds(const struct cfg *);
/* Checks the calendar settings; 0, or -1 with lines appended to err. */
int	 calendar_check_cfg(const struct cfg *, struct strbuf *err);

#endif
