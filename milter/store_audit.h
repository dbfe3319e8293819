/*
 * store_audit: the audit trail, one record per message decided, and the
 * read of a report window.  Statuses as in store.h.
 */
#ifndef NEF_STORE_AUDIT_H
#define NEF_STORE_AUDIT_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

struct store_count;

#define STORE_WORD_MAX		31	/* audit trust and action words */
#define STORE_AUDIT_RCPTS	4096	/* recipients in one audit record */
#define STORE_AUDIT_DOCS	1000	/* documents in one audit record */
#define STORE_AUDIT_CASES	64	/* cases in one audit record */

struct store_audit_case {
	char	 ac_docket[STORE_DOCKET_MAX + 1];
	uint32_t ac_entry;
};

struct store_audit_rcpt {
	char	 ar_addr[STORE_ADDR_MAX + 1];
	int	 ar_removed;		/* 1 = removed from the message */
};

struct store_audit_doc {
	char	 ad_key[STORE_DOCKEY_MAX + 1];
	unsigned ad_att;
	char	 ad_sha256[STORE_SHA_HEX + 1];
	char	 ad_label[STORE_LABEL_MAX + 1];
};

/*
 * Optional items after the fields of version 1: a tag and a string each,
 * kept in the order added.  A record written by an earlier version has
 * none; a reader looks for the tags it knows and leaves the others
 * alone, so every part of the milter adds its own without a new record
 * version.  Tags (one number each, never reused):
 *	1 parser (modified or corrected entry),
 *	9-12 PDF findings, 13-15 calendar events, and:
 */
enum store_audit_tag {
	STORE_AUDIT_TAG_CHANGE = 1,	/* a modified or corrected entry: WHAT
					   TAB ENTRY TAB FROM TAB TO TAB TEXT
					   (WHAT: a comma list of docket-text,
					   date-filed, corrected-pdf, updated;
					   "-" for a field not written) */
	STORE_AUDIT_TAG_KIND = 2,	/* notice kind: "district", ... */
	STORE_AUDIT_TAG_DOCS = 3,	/* every document's outcome, one line
					   each: CASE TAB ATT TAB RESULT TAB
					   FLAGS TAB KEY TAB LABEL (FLAGS: a
					   comma list of store, attached,
					   over-cap; "-" for none; LABEL "-"
					   for a restricted entry); a last
					   line "more TAB N" when cut short */
	STORE_AUDIT_TAG_HOLD = 4,	/* why the message was held */
	STORE_AUDIT_TAG_LINKS = 5,	/* links cut: a number, or "all" */
	STORE_AUDIT_TAG_NAMES = 6,	/* cases: CASE TAB NUMBER (as the
					   court shows it) TAB NAME lines */
	STORE_AUDIT_TAG_ADDED = 7,	/* recipients added, comma-separated */
	STORE_AUDIT_TAG_OFFLINE = 8,	/* an offline test ("nefmilter -t"),
					   not a delivery: left out of the
					   messages to recall */
	STORE_AUDIT_TAG_EVENTS = 13,	/* calendar: events found, a number */
	STORE_AUDIT_TAG_EVENT_UIDS = 14, /* the calendar part's events, one
					   line each: UID SEQUENCE STATUS
					   DATE timed|- TITLE */
	STORE_AUDIT_TAG_ICS = 15,	/* the calendar part's file name */
	STORE_AUDIT_TAG_PDF = 9,	/* the disclosure check, counting
					   documents: "checked=N pending=N
					   unchecked=N bad-redaction=N
					   identifiers=N" */
	STORE_AUDIT_TAG_PDF_FINDINGS = 10, /* one line per finding: LABEL
					   TAB PAGE TAB KIND ("ECF 58-3	4
					   bad-redaction cover") */
	STORE_AUDIT_TAG_PDF_UNCHECKED = 11, /* one line per document not
					   checked: LABEL TAB STATUS TAB WHY
					   (STATUS "pending": not yet) */
	STORE_AUDIT_TAG_PDF_FIRM = 12,	/* the filing is the firm's own: the
					   firm_filer_names entry matched */
	STORE_AUDIT_TAG_ENTRY = 16,	/* the entry's short docket text
					   (never for a restricted entry) */
	STORE_AUDIT_TAG_MTA = 17,	/* the MTA that handed the message
					   over: "Postfix" or "Sendmail" (none:
					   not known, or an older record) */
	STORE_AUDIT_TAG_ERROR = 18	/* a notice not processed (action
					   "error"): OUTCOME TAB REASON, with
					   OUTCOME "accept" (delivered as it
					   came) or "tempfail" (refused for
					   now); REASON printable, at most
					   STORE_AUDIT_REASON_MAX bytes */
};
#define STORE_AUDIT_REASON_MAX	200
#define STORE_AUDIT_ITEMS	64	/* items in one record */
#define STORE_AUDIT_ITEM_MAX	65535	/* bytes of one item's value */

struct store_audit_item {
	unsigned ai_tag;		/* 1..255 */
	char	*ai_value;		/* owned by the record */
};

struct store_audit {
	uint64_t a_id;			/* set by store_audit_add() */
	int64_t	 a_time;
	char	 a_qid[STORE_QID_MAX + 1];
	char	 a_court[STORE_COURT_MAX + 1];
	int	 a_restricted;
	char	 a_trust[STORE_WORD_MAX + 1];	/* "verified", ... */
	char	 a_action[STORE_WORD_MAX + 1];	/* "attached", "held", ... */
	size_t	 a_ncase;
	struct store_audit_case *a_case;
	size_t	 a_nrcpt;
	struct store_audit_rcpt *a_rcpt;
	size_t	 a_ndoc;
	struct store_audit_doc *a_doc;
	size_t	 a_nitem;
	struct store_audit_item *a_item;	/* see store_audit_item_add() */
};

/*
 * Add an optional item to a record being built (value is copied).
 * 0, STORE_EINVAL (tag 0 or over 255, value too long, too many items)
 * or STORE_ENOMEM.  A record built this way is released with
 * store_audit_items_free(); one from a query with the list.
 */
int	 store_audit_item_add(struct store_audit *, unsigned tag,
	    const char *value);
/* The value of the first item with this tag, or NULL. */
const char *store_audit_item(const struct store_audit *, unsigned tag);
void	 store_audit_items_free(struct store_audit *);
/* Free the malloc'd arrays (a_case, a_rcpt, a_doc) and the items of a
 * record, and zero their counts: for a record built on the heap. */
void	 store_audit_release(struct store_audit *);

/* Append one audit record (a_id is assigned; *id receives it, id may be
 * NULL).  The arrays are read, not kept.  STORE_EINVAL when over a
 * limit (STORE_AUDIT_*) or a field is too long. */
int	 store_audit_add(struct store *, const struct store_audit *,
	    uint64_t *id);

struct store_audit_query {
	const char	*q_qid;		/* NULL = any */
	const char	*q_court;	/* with q_docket; NULL = any */
	const char	*q_docket;
	uint32_t	 q_entry;	/* STORE_ENTRY_ANY = any */
	const char	*q_rcpt;	/* NULL = any */
	const char	*q_sha256;	/* NULL = any */
	int64_t		 q_since;	/* inclusive; 0 = no bound */
	int64_t		 q_until;	/* exclusive; 0 = no bound */
	size_t		 q_limit;	/* 0 = no limit; else the last N */
};

struct store_audit_list {
	size_t		 al_n;
	struct store_audit *al_v;	/* owned; store_audit_list_free() */
};

/* A purge: a document key tombstoned at t_time (store_purge_*()). */
struct store_tomb {
	char	 t_court[STORE_COURT_MAX + 1];
	char	 t_key[STORE_DOCKEY_MAX + 1];
	unsigned t_att;			/* STORE_ATT_ANY: every attachment */
	int64_t	 t_time;
};

/*
 * What a report of the window [since, until) needs, read in ONE read
 * transaction: the audit records (as store_audit_query() with only
 * q_since and q_until) and the document keys tombstoned in the window.
 * *tombs is malloc'd (free(); NULL when none), *ntombs items.
 */
int	 store_report_read(struct store *, int64_t since, int64_t until,
	    struct store_audit_list *out, struct store_tomb **tombs,
	    size_t *ntombs);

/* Records matching every given criterion, in time order.  *out is
 * filled; release it with store_audit_list_free(). */
int	 store_audit_query(struct store *, const struct store_audit_query *,
	    struct store_audit_list *out);
void	 store_audit_list_free(struct store_audit_list *);

/*
 * store_audit_add(), and the n counter changes in the same write
 * transaction: both are kept, or neither.
 */
int	 store_audit_add_counted(struct store *, const struct store_audit *,
	    const struct store_count *, size_t n, uint64_t *id);

#endif
