/*
 * nef: a court notice (NEF or NDA), parsed.
 *
 * nef_parse() reads the decoded text of a notice (the HTML or plain-text
 * body, in UTF-8, as milter/mime.c extracts it) and fills a struct nef:
 * what kind of notice it is (or why it is not one), the court, every case
 * of a multi-docket notice, the docket entry, every document with its
 * free-look link, and the recipients the court listed.
 *
 * Formats understood (cmecf.md section 3): district and bankruptcy NEFs
 * in HTML or plain text (wrapped anywhere: policy/nefwrap.h), appellate
 * CurrentGen NDAs, appellate ACMS NDAs; also when forwarded inside
 * another message.  Classes beyond the plain NEF: new-case notices
 * ("Notice of Bankruptcy Case Filing"), Notices of Electronic Claims
 * Filing (n_claims, policy/nefclaim.h), notices that modify or correct
 * an existing entry (n_change, policy/nefchange.h), and notices with a
 * notice's structure but no heading CM/ECF uses elsewhere (n_class);
 * what such a notice lacks is in n_partial.  Parsing works on the
 * visible text (policy/html.h) by the labels CM/ECF prints ("Case
 * Name:", "Case Number:", "Document Number:", "Docket Text:", the
 * recipient headings, "Document description:"...), not on any one
 * court's layout.
 *
 * Memory: everything a struct nef points to lives in its own arena;
 * nef_free() releases it all.  Strings are NUL-terminated UTF-8; a NULL
 * string means "absent" (as opposed to "" = present but empty).  The
 * input is not referenced after nef_parse() returns.
 *
 * Descriptions: c_text is the docket text as a reader sees it (block
 * elements separate words).  c_description is the same text as
 * juriscraper extracts it, which the corpus records: the element's text
 * content with markup removed and no separator for block elements; in a
 * bankruptcy NEF only the text that sits directly in the docket text's
 * paragraph (text inside <i>, <b>, <font>... is left out).  Use c_text
 * for decisions (it is complete); c_description for compatibility.
 *
 * Limits on untrusted input are the NEF_MAX_* constants below; going past
 * one truncates (a bit in n_trunc) and never fails.  Time is linear in
 * the input, which is capped at NEF_INPUT_MAX bytes.
 *
 * Thread safety: nef_parse() uses no global state; separate calls may run
 * in parallel.
 */
#ifndef NEF_NEF_H
#define NEF_NEF_H

#include <stddef.h>

#include "docket.h"
#include "doclink.h"

/* Limits. */
#define NEF_INPUT_MAX		(4u << 20)	/* text bytes examined */
#define NEF_MAX_LINES		100000	/* visible-text lines examined */
#define NEF_MAX_CASES		64	/* cases of a multi-docket notice */
#define NEF_MAX_DOCS		256	/* documents (main + attachments) */
#define NEF_MAX_RECIPIENTS	2000	/* per list */
#define NEF_MAX_ADDRS		32	/* addresses per recipient */
#define NEF_MAX_FILERS		32	/* filers per case */
#define NEF_FIELD_MAX		1024	/* names, descriptions, filenames */
#define NEF_TEXT_MAX		65536	/* docket text */
#define NEF_SUBJECT_MAX		2048	/* subject examined */

#define NEF_MAX_CLAIMS		16	/* claims of one claims notice */

/* n_trunc bits: which limit was reached. */
#define NEF_TRUNC_INPUT		0x01
#define NEF_TRUNC_LINES		0x02
#define NEF_TRUNC_CASES		0x04
#define NEF_TRUNC_DOCS		0x08
#define NEF_TRUNC_RECIPIENTS	0x10
#define NEF_TRUNC_ADDRS		0x20
#define NEF_TRUNC_TEXT		0x40	/* a field was cut */
#define NEF_TRUNC_FILERS	0x80	/* filers past NEF_MAX_FILERS */

enum nef_kind {
	NEF_NOT_NOTICE,		/* see n_reason */
	NEF_DISTRICT,		/* district court NEF (also JPML) */
	NEF_BANKRUPTCY,		/* bankruptcy court NEF (also a new case) */
	NEF_APPELLATE,		/* appellate CurrentGen NDA */
	NEF_ACMS,		/* appellate ACMS NDA */
	NEF_CLAIM		/* Notice of Electronic Claims Filing */
};

enum nef_reason {
	NEF_R_NONE,		/* it is a notice */
	NEF_R_EMPTY,		/* no text at all */
	NEF_R_NO_MARKER,	/* no "Notice of Electronic Filing" nor
				   "Notice of Docket Activity" */
	NEF_R_ANNOUNCEMENT,	/* court announcement e-mail */
	NEF_R_CLAIMS,		/* "Notice of Electronic Claims Filing" with
				   no case to read (with one, it is a
				   notice of kind NEF_CLAIM) */
	NEF_R_MODIFIED,		/* a modified-entry phrase ("Modified Dkt
				   text from", ...) with no case to read
				   (with one, it is a notice: n_change) */
	NEF_R_ZOOM,		/* Zoom meeting invitation */
	NEF_R_IMAGE,		/* the message has an image part */
	NEF_R_NO_CASE,		/* a marker, but no case could be read */
	NEF_R_NO_BODY,		/* the message has no text part (set by
				   the caller from the MIME reader) */
	NEF_R_BAD_MIME		/* the message could not be read (idem) */
};

/* n_partial bits: what a notice recognized by its structure or heading
 * lacks (the summary says what could not be read). */
#define NEF_PART_DOCUMENT	0x01	/* no document link or number */
#define NEF_PART_TEXT		0x02	/* no docket text */
#define NEF_PART_RECIPIENTS	0x04	/* no "electronically mailed to" list */
#define NEF_PART_DATE		0x08	/* no date filed */
#define NEF_PART_CLAIM_LINK	0x10	/* a claim without its document link */
#define NEF_PART_CLAIM_NUMBER	0x20	/* a claim without its number */
#define NEF_PART_CREDITOR	0x40	/* a claim without its creditor */
#define NEF_PART_ENTRY		0x80	/* a change notice that names no entry */

/* n_class: which heading or structure made it a notice. */
enum nef_class {
	NEF_CLASS_NEF,		/* "Notice of Electronic Filing" */
	NEF_CLASS_NDA,		/* "Notice of Docket Activity" */
	NEF_CLASS_NEW_CASE,	/* "Notice of Bankruptcy Case Filing" */
	NEF_CLASS_CLAIM,	/* "Notice of Electronic Claims Filing" */
	NEF_CLASS_STRUCTURE	/* no heading: transaction line, case,
				   document, docket text, recipients */
};

/* A modified or corrected entry: n_change.ch_what bits. */
#define NEF_CHG_TEXT		0x01	/* "Modified Dkt text from" */
#define NEF_CHG_DATE		0x02	/* "Modified Date Filed from" */
#define NEF_CHG_PDF		0x04	/* "Added Correct PDF to document" */
#define NEF_CHG_UPDATED		0x08	/* "Docket Entry #N has been updated" */

struct nef_change {
	unsigned	 ch_what;	/* NEF_CHG_*; 0: not a change */
	char		*ch_entry;	/* the entry it changes ("57"), or
					   NULL when none could be read */
	char		*ch_from;	/* what it was ("MOTION to Compel",
					   "3/14/2023"), or NULL */
	char		*ch_to;		/* what it became, or NULL */
	char		*ch_phrase;	/* the sentence that says so, folded */
	char		 ch_key[24];	/* "c202503141804": when it changed,
					   from the transaction line; "c" when
					   unknown (store key suffix) */
};

/* The amounts of a proof of claim. */
enum nef_amount {
	NEF_AMOUNT_CLAIMED, NEF_AMOUNT_SECURED, NEF_AMOUNT_PRIORITY,
	NEF_AMOUNT_UNSECURED, NEF_AMOUNT_ADMIN, NEF_AMOUNT_N
};

/* One claim of a Notice of Electronic Claims Filing. */
struct nef_claim {
	int		 cl_case;	/* index of its case in n_cases */
	char		*cl_number;	/* "1", or NULL */
	char		*cl_creditor;	/* "Quantum3 Group LLC as agent for
					   Katapult Group LLC", or NULL */
	char		*cl_creditor_short;	/* "Quantum3 Group LLC": the
					   name without its agent, or NULL */
	char		*cl_address;	/* "PO Box 788, Kirkland, WA
					   98083-0788", or NULL */
	char		*cl_amount[NEF_AMOUNT_N];	/* "$1,643.92" as
					   written; NULL when blank */
	char		*cl_filer;	/* who filed it ("received from") */
	int		 cl_has_link;	/* cl_link is the claim's document */
	struct doclink	 cl_link;	/* doc1 with claim_id, claim_num */
	char		*cl_link_url;
};

/* Where n_court came from. */
enum nef_court_src {
	NEF_COURT_NONE, NEF_COURT_LINK, NEF_COURT_SENDER, NEF_COURT_STAMP,
	NEF_COURT_DOCID
};

/* What names the notice's court (policy/nefcourt.h), strongest first. */
enum nef_witness {
	NEF_W_CASE_LINK,	/* host of a case-number (docket) link */
	NEF_W_SENDER,		/* the sender's court domain */
	NEF_W_DOC_LINK,		/* host of a document link */
	NEF_W_DOC_ID,		/* first three digits of a doc id */
	NEF_W_STAMP,		/* a court-specific stamp prefix */
	NEF_W_N
};

/* What the caller knows about the message besides its text. */
struct nef_input {
	const char	*ni_text;	/* decoded body, UTF-8 */
	size_t		 ni_len;
	int		 ni_is_html;	/* HTML, else plain text */
	const char	*ni_subject;	/* decoded Subject, or NULL */
	const char	*ni_from;	/* From address (addr-spec), or NULL */
	int		 ni_has_image;	/* the message has an image part */
};

/* One case of the notice (one table of a multi-docket notice). */
struct nef_case {
	char		*c_name_shown;	/* "Calderon et al v. Clearview AI" */
	char		*c_name;	/* harmonized: "Calderon v. ..." */
	char		*c_number_shown;/* "NYE/1:21-cv-02960-ABC" */
	char		*c_number;	/* "1:21-cv-02960" (NULL: unparsed) */
	char		*c_court_prefix;/* "NYE" in "NYE/1:21-...", or NULL */
	struct docket	 c_docket;	/* the parts, judges kept apart */
	char		 c_key[DOCKET_KEY_SIZE];	/* docket_format() */
	char		*c_case_id;	/* PACER case id (doc link, else case
					   link), or NULL */
	char		*c_case_link_id;/* case id of the docket link */
	char		*c_doc_number;	/* entry number in this case */
	int		 c_has_link;	/* c_link is the document link */
	struct doclink	 c_link;
	char		*c_link_url;	/* the link as written, decoded */
	int		 c_no_document;	/* "No document attached" / text-only */
	char		*c_text;	/* docket text (own, else shared):
					   markup removed, blocks separated,
					   white space folded, "#" dropped */
	char		*c_description;	/* the same as juriscraper reads it
					   (see below); the corpus's
					   "description" */
	char		*c_closed;	/* "WARNING: CASE CLOSED on ..." date */
	char		**c_filers;	/* c_nfilers "Filer:" rows */
	size_t		 c_nfilers;
};

/* One document: the main document (attno 0) or an attachment. */
struct nef_doc {
	int		 d_attno;	/* 0 main, 1.. attachments */
	char		*d_desc;	/* "Document description:" */
	char		*d_filename;	/* "Original filename:" */
	char		*d_stamp_id;	/* "dcecfStamp_ID=1091133085" prefix
					   and number, or NULL */
	char		*d_file_number;	/* "11474013-0" */
	int		 d_has_link;	/* d_link is set */
	struct doclink	 d_link;
	char		*d_link_url;
};

/* A recipient as the court printed it. */
struct nef_recipient {
	char		*r_name;	/* text before the addresses, or the
					   line before them; may be "" */
	char		**r_addrs;	/* r_naddrs addresses, as written */
	size_t		 r_naddrs;
	char		*r_heading_case;/* the docket printed in the heading
					   ("4:22-cv-05541-JST"), or NULL */
	int		 r_section;	/* which heading (0, 1, ...) */
	/* As juriscraper reads the line (the corpus's email_recipients):
	 * the name is the text between the last markup element and the
	 * first address; the addresses are the items of the address text
	 * split at ", " with other commas removed, so that addresses the
	 * court joined with ";" (or a bare ",") stay one item. */
	char		*r_node_name;
	char		**r_printed;
	size_t		 r_nprinted;
};

struct nef {
	enum nef_kind	 n_kind;
	enum nef_reason	 n_reason;
	enum nef_class	 n_class;	/* what made it a notice */
	unsigned	 n_partial;	/* NEF_PART_*: what is missing */
	char		 n_court[DOCLINK_COURT_SIZE];	/* "" if unknown */
	enum nef_court_src n_court_src;
	char		 n_witness[NEF_W_N][DOCLINK_COURT_SIZE];	/* each
					   witness's court, mapped; "" silent */
	unsigned	 n_court_disagree;	/* 1 << NEF_W_*: a witness
					   that names another court */
	int		 n_appellate;	/* CurrentGen or ACMS */
	int		 n_acms;
	int		 n_regenerated;	/* "This is a re-generated NEF" */
	int		 n_html;	/* the body was HTML */
	int		 n_contains_attachments; /* > 1 "Document description" */
	char		*n_subject;	/* as given, or NULL */
	char		*n_from;	/* as given, or NULL */
	char		 n_date_filed[11];	/* YYYY-MM-DD or "" */
	char		 n_date_entered[11];	/* YYYY-MM-DD or "" */
	char		*n_time_entered;	/* "12:42 PM CDT", or NULL */
	char		*n_entered_by;	/* "Drury, Scott" / received from */
	char		*n_short_desc;	/* from the subject, or NULL */
	char		*n_description;	/* docket text of the first case */
	struct nef_case	*n_cases;
	size_t		 n_ncases;
	struct nef_doc	*n_docs;
	size_t		 n_ndocs;
	struct nef_recipient *n_listed;	/* "Notice has been electronically
					   mailed to" */
	size_t		 n_nlisted;
	struct nef_recipient *n_unlisted;/* not electronically noticed */
	size_t		 n_nunlisted;
	struct nef_claim *n_claims;	/* NEF_CLAIM: the claims */
	size_t		 n_nclaims;
	struct nef_change n_change;	/* a modified or corrected entry */
	unsigned	 n_trunc;	/* NEF_TRUNC_* */
	unsigned	 n_link_flags;	/* DOCLINK_F_* of every doc link */
	struct arena	*n_arena;	/* owns everything above */
};

/*
 * Parse one notice.  On return 0, *out is a new struct nef (release with
 * nef_free()), which may be NEF_NOT_NOTICE with a reason.  Returns -1
 * only when memory runs out (*out is then NULL).
 */
int	 nef_parse(const struct nef_input *in, struct nef **out);

/* Release a notice; returns NULL.  nef_free(NULL) does nothing. */
struct nef *nef_free(struct nef *);

/* A struct nef for a message that was not read (reason NEF_R_NO_BODY or
 * NEF_R_BAD_MIME); NULL when memory runs out. */
struct nef *nef_new_rejected(enum nef_reason);

/* Stable short names ("district", "no-marker", "case-link") and
 * one-line texts. */
const char *nef_kind_name(enum nef_kind);
const char *nef_witness_name(enum nef_witness);
/* "nef", "nda", "new-case", "claim", "structure". */
const char *nef_class_name(enum nef_class);
/* For one NEF_PART_* bit: "document", "docket-text", "recipients",
 * "date-filed", "claim-link", "claim-number", "creditor",
 * "changed-entry"; and what the reader is told ("the document link or
 * number", ...). */
const char *nef_partial_name(unsigned bit);
const char *nef_partial_text(unsigned bit);
const char *nef_reason_name(enum nef_reason);
const char *nef_reason_text(enum nef_reason);

#endif
