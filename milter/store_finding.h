/*
 * store_finding: what the disclosure check found, kept in the store.
 *
 * A check is one run of the PDF helper over one document's content (its
 * sha256).  Its record (struct store_check, one per sha256, the latest
 * wins) says how it ended; its findings (struct store_finding) say where
 * and what: a failed redaction, an identifier shown in full, or, for a
 * document that could not be checked, why not.  Every finding carries
 * its own context (court, case, entry, document, queue id of the notice
 * it came with), because findings are an audit trail: they are kept when
 * the document itself expires or is purged.
 *
 * The check record lets a later copy of the same notice (another
 * recipient, a re-sent NEF) reuse a finished check instead of running
 * the helper again, and so alert only once.
 *
 * Nothing hidden is kept: a finding holds the page, the kind and the
 * box of a failed redaction, never the text under it; an identifier is
 * kept only masked (its last four characters).
 *
 * Tables (store_db.h): SDB_FINDING (time64 seq64 -> finding),
 * SDB_FINDING_CASE (court\0 docket\0 time64 seq64 -> ""), SDB_FINDING_SHA
 * (sha32 time64 seq64 -> ""), SDB_CHECK (sha32 -> check); the sequence
 * is "finding_seq" in the meta table.  Findings are never expired.
 */
#ifndef NEF_STORE_FINDING_H
#define NEF_STORE_FINDING_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define STORE_FINDING_KIND_MAX		31
#define STORE_FINDING_SHOWN_MAX		63
#define STORE_FINDING_DETAIL_MAX	159
#define STORE_FINDINGS_MAX		2100	/* per check */

enum store_finding_class {
	STORE_FC_REDACTION,	/* text under a cover, unapplied redaction */
	STORE_FC_IDENTIFIER,	/* SSN/TIN, birth date, account in full */
	STORE_FC_UNCHECKED	/* the document could not be checked */
};

/* f_flags */
#define STORE_FF_FIRM	0x01	/* a filing by the firm itself */
#define STORE_FF_LATE	0x02	/* the result came after the notice went out */
#define STORE_FF_NEFCTL	0x04	/* from "nefctl inspect", not a notice */

struct store_finding {
	uint64_t f_id;				/* set when recorded */
	uint64_t f_check;			/* the check it belongs to */
	int64_t	 f_time;
	char	 f_qid[STORE_QID_MAX + 1];
	char	 f_court[STORE_COURT_MAX + 1];
	char	 f_docket[STORE_DOCKET_MAX + 1];
	uint32_t f_entry;
	char	 f_key[STORE_DOCKEY_MAX + 1];
	unsigned f_att;
	char	 f_sha256[STORE_SHA_HEX + 1];
	char	 f_label[STORE_LABEL_MAX + 1];	/* "ECF 58-3" */
	int	 f_class;			/* enum store_finding_class */
	char	 f_kind[STORE_FINDING_KIND_MAX + 1];	/* "cover", "ssn",
					   or for unchecked the status */
	int	 f_page;			/* from 1; 0 for unchecked */
	float	 f_bbox[4];			/* points, redactions only */
	char	 f_shown[STORE_FINDING_SHOWN_MAX + 1];	/* masked */
	char	 f_detail[STORE_FINDING_DETAIL_MAX + 1];
	unsigned f_flags;
};

struct store_check {
	char	 c_sha256[STORE_SHA_HEX + 1];
	uint64_t c_id;				/* set when recorded */
	int64_t	 c_time;
	int	 c_status;			/* the caller's status code */
	char	 c_detail[STORE_FINDING_DETAIL_MAX + 1];
	int	 c_pages;
	unsigned c_nred, c_nids;		/* documents' findings */
	unsigned c_flags;			/* STORE_FF_* */
};

/*
 * Record a check and its n findings (n may be 0) in one transaction:
 * the check becomes the latest of its sha256, every finding gets its id,
 * f_check and f_time (= c_time).  0, STORE_EINVAL (a field too long, more
 * than STORE_FINDINGS_MAX), or a store status.
 */
int	 store_finding_record(struct store *, struct store_check *,
	    struct store_finding *f, size_t n);
/* The latest check of a content.  0 or STORE_ENOTFOUND. */
int	 store_check_get(struct store *, const char *sha256,
	    struct store_check *out);

struct store_finding_query {
	const char	*fq_court;	/* with fq_docket; NULL: any case */
	const char	*fq_docket;
	const char	*fq_sha256;	/* NULL: any document */
	uint64_t	 fq_check;	/* 0: any check */
	int64_t		 fq_since;	/* inclusive; 0: no bound */
	int64_t		 fq_until;	/* exclusive; 0: no bound */
	size_t		 fq_limit;	/* 0: all; else the last N */
};

/* Findings matching every criterion, in time order; *out is a malloc'd
 * array of *n (NULL when none) the caller free()s. */
int	 store_finding_query(struct store *, const struct store_finding_query *,
	    struct store_finding **out, size_t *n);

/* "redaction", "identifier", "unchecked". */
const char *store_finding_class_name(int cls);

#endif
