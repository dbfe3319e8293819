/*
 * doclink: the parts of a court document link found in a notice.
 *
 * Kinds of link (cmecf.md sections 5.1-5.3):
 *
 *	DOCLINK_DOC1	https://ecf.<court>.uscourts.gov/doc1/<docid>?caseid=
 *			<n>&de_seq_num=<n>&magic_num=<n> (district and
 *			bankruptcy; parameters in any order)
 *	DOCLINK_DOCS1	https://ecf.<caN>.uscourts.gov/docs1/<docid>?uid=<hex>
 *			(appellate CurrentGen)
 *	DOCLINK_ACMS	https://<caN>-showdoc[services].azurewebsites.us/NDA/
 *			<guid> (appellate ACMS, one link per document)
 *	DOCLINK_CASE	a docket link: .../cgi-bin/DktRpt.pl?<caseid>,
 *			.../TransportRoom?...caseId=<n>, or an ACMS case page
 *			https://<caN>-showdoc.azurewebsites.us/<docket>
 *	DOCLINK_OTHER	anything else (court_id is still set when the host
 *			is a court's)
 *
 * doclink_parse() fills struct doclink with NUL-terminated copies in
 * fixed buffers (values that do not fit leave the field empty and set
 * DOCLINK_F_LONG).  The magic number of a doc1 link is classified:
 * digits (dl_magic set), absent, empty ("magic_num="), the literal
 * "MAGIC" that multi-docket district notices put on all but the first
 * case, "0", or anything else.  Digits are a usable magic number, "0"
 * included (seen on real bankruptcy notices; it is tried like any other:
 * an anonymous request costs nothing, and a login answer is handled as
 * usual); DOCLINK_F_MAGIC_ZERO only marks it.  For docs1 links the uid is the "magic" value;
 * for ACMS links the GUID is.  A bankruptcy short doc id (court prefix
 * and a 0, 4 digits, e.g. "0500") sets DOCLINK_F_SHORT_DOCID.
 *
 * dl_doc_id_norm is the doc id with its 4th digit set to 0 (the entry's
 * doc id, as PACER indexes it; the 4th digit only chooses between the
 * attachment menu and the document itself).  dl_docid_court is the court
 * the doc id's first three digits name (policy/docid.h), "" if none.
 *
 * A proof of claim's link is a doc1 link that also carries claim_id,
 * claim_num and claim_doc_seq (dl_claim_*; any may be empty).
 *
 * A link written without scheme and host ("/doc1/035020918716?caseid=
 * ...", as some mail programs leave links of a forwarded notice) is read
 * as a doc1 or docs1 link with an empty host and court and the flag
 * DOCLINK_F_NO_HOST; the notice's court fills them in later
 * (policy/nefcourt.h).
 */
#ifndef NEF_DOCLINK_H
#define NEF_DOCLINK_H

#include <stddef.h>

#define DOCLINK_URL_MAX		2048	/* longer links are rejected */
#define DOCLINK_ID_SIZE		40
#define DOCLINK_COURT_SIZE	16
#define DOCLINK_HOST_SIZE	128

enum doclink_kind {
	DOCLINK_NONE, DOCLINK_DOC1, DOCLINK_DOCS1, DOCLINK_ACMS,
	DOCLINK_CASE, DOCLINK_OTHER
};

#define DOCLINK_F_MAGIC_ABSENT	0x01	/* doc1 link without magic_num */
#define DOCLINK_F_MAGIC_EMPTY	0x02	/* "magic_num=" */
#define DOCLINK_F_MAGIC_LITERAL	0x04	/* "magic_num=MAGIC" */
#define DOCLINK_F_MAGIC_ZERO	0x08	/* "magic_num=0" */
#define DOCLINK_F_MAGIC_BAD	0x10	/* anything else but digits */
#define DOCLINK_F_SHORT_DOCID	0x20	/* bankruptcy "<prefix>0" doc id */
#define DOCLINK_F_LONG		0x40	/* a value did not fit */
#define DOCLINK_F_HTTP		0x80	/* plain http, not https */
#define DOCLINK_F_NO_HOST	0x100	/* "/doc1/..." without a host */

#define DOCLINK_F_NO_MAGIC	(DOCLINK_F_MAGIC_ABSENT | \
    DOCLINK_F_MAGIC_EMPTY | DOCLINK_F_MAGIC_LITERAL | DOCLINK_F_MAGIC_BAD)

struct doclink {
	enum doclink_kind dl_kind;
	unsigned	dl_flags;
	char	dl_host[DOCLINK_HOST_SIZE];	/* lowercase */
	char	dl_court[DOCLINK_COURT_SIZE];	/* "cand", "ca9", or "" */
	char	dl_doc_id[DOCLINK_ID_SIZE];	/* as written */
	char	dl_doc_id_norm[DOCLINK_ID_SIZE];/* 4th digit 0 */
	char	dl_case_id[DOCLINK_ID_SIZE];	/* caseid / caseId / DktRpt */
	char	dl_seq[DOCLINK_ID_SIZE];	/* de_seq_num */
	char	dl_magic[DOCLINK_ID_SIZE];	/* usable magic, uid or GUID */
	char	dl_magic_raw[DOCLINK_ID_SIZE];	/* magic_num as written */
	char	dl_docket[DOCLINK_ID_SIZE];	/* ACMS case page docket */
	char	dl_docid_court[DOCLINK_COURT_SIZE];	/* of the doc id */
	char	dl_claim_id[DOCLINK_ID_SIZE];	/* claim_id (claims) */
	char	dl_claim_num[DOCLINK_ID_SIZE];	/* claim_num */
	char	dl_claim_seq[DOCLINK_ID_SIZE];	/* claim_doc_seq */
};

/*
 * Parse url[0..len) (entities already decoded).  Returns 0 when it is
 * an http(s) URL (of any kind, DOCLINK_OTHER included) or a host-less
 * doc1/docs1 path, -1 otherwise (then dl_kind is DOCLINK_NONE).
 */
int	doclink_parse(const char *url, size_t len, struct doclink *out);

/* The court of a host name ("ecf.cand.uscourts.gov" -> "cand"). */
int	doclink_court_of_host(const char *host, size_t len, char *court,
	    size_t size);

const char *doclink_kind_name(enum doclink_kind);

#endif
