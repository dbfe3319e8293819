/*
 * label: file names and descriptions for the PDFs attached to a notice.
 *
 * TEMPLATE (setting label_template; default
 * "{date}_{court}_{case}_ECF{entry}{att}_{desc}"): literal text and
 * fields in braces.  The fields:
 *	{date}	date filed, YYYY-MM-DD (given as YYYY-MM-DD, or as the
 *		notices write it, M/D/YYYY; anything else gives "")
 *	{court}	court id, e.g. "cand"
 *	{case}	docket number as shown, ':' written as '-' (RECAP's
 *		"lawyer style"): "4:22-cv-05541-JST" -> "4-22-cv-05541-JST"
 *	{entry}	docket entry (document) number
 *	{att}	"-N" for attachment N, "" for the main document
 *	{attno}	N for attachment N, "0" for the main document
 *	{desc}	document description, cut at a word boundary to
 *		LABEL_DESC_MAX bytes
 *	{docid}	the court's document id
 *	{casekey} the docket number without the judges' initials, ':' as
 *		'-': "6:22-bk-13643-SY" -> "6-22-bk-13643"
 *	{claim}	a proof of claim's number
 *	{creditor} its creditor, without an agent's name ("Quantum3 Group
 *		LLC as agent for ..." -> "Quantum3 Group LLC"), cut as {desc}
 *	{change} "corrected" (a corrected PDF), "modified" (the entry's
 *		docket text or date), "updated", or "" for a first notice; a
 *		template without {change} gets "_" and the word at the end
 *		of the name, so a corrected PDF is never labelled as the
 *		original
 * An absent field gives "".  Any other "{name}", a "{" without "}", a
 * "}" without "{", a control character, or a template with no field at
 * all is an error, reported by label_validate() (for "nefmilter -n").
 * The template does not make names unique: two documents of one notice
 * get the same name unless it holds {att}, {attno} or {docid}.
 *
 * FILE NAME (label_make): after substitution the name is made safe for
 * every common file system:
 *   - '/', '\', ':', '*', '?', '"', '<', '>', '|' become '-';
 *   - white space, ASCII and C1 control characters, U+2028/U+2029 and
 *     bytes that are not valid UTF-8 become '_';
 *   - invisible and direction-changing characters (U+00AD, U+200B-U+200F,
 *     U+202A-U+202E, U+2060-U+2064, U+2066-U+2069, U+FEFF) are dropped,
 *     so a name cannot display reversed;
 *   - other non-ASCII characters are kept (UTF-8; the rewriter encodes
 *     the name per RFC 2231);
 *   - runs of '_', '-' and '.' collapse to one character ('_' when the
 *     run holds one, else the run's first); none lead or trail;
 *   - the name is cut to LABEL_MAX bytes, never inside a UTF-8 sequence;
 *   - a name that is a Windows device name (CON, PRN, AUX, NUL, COM1-9,
 *     LPT1-9, before any '.') gets "_doc" after it ("CON_doc"); an empty
 *     name becomes "document";
 *   - ".pdf" is appended.
 *
 * DESCRIPTION (label_description): one line for the attachment's
 * Content-Description, "cand 4:22-cv-05541-JST ECF 45, attachment 1:
 * Memorandum in Support" ("claim 7" instead of the entry for a proof of
 * claim; " (corrected)" after a changed document), printable (control characters and invalid
 * UTF-8 become blanks or '?'), at most LABEL_DESCRIPTION_SIZE - 1 bytes,
 * ending in "..." when cut.
 *
 * All functions are pure and thread-safe and allocate nothing.
 */
#ifndef NEF_LABEL_H
#define NEF_LABEL_H

#include <stddef.h>

#define LABEL_MAX		150	/* bytes of a name before ".pdf" */
#define LABEL_SIZE		(LABEL_MAX + 5)	/* name, ".pdf", NUL */
#define LABEL_TEMPLATE_MAX	256	/* bytes of a template */
#define LABEL_DESC_MAX		80	/* bytes of {desc} */
#define LABEL_FIELD_MAX		512	/* bytes of any field looked at */
#define LABEL_DESCRIPTION_SIZE	200	/* description, NUL included */
#define LABEL_DATE_SIZE		11	/* "YYYY-MM-DD" and NUL */

/* One document; every pointer may be NULL and is only read. */
struct label_doc {
	const char	*ld_date;	/* date filed */
	const char	*ld_court;
	const char	*ld_case;	/* docket number as shown */
	const char	*ld_entry;	/* "45" */
	unsigned	 ld_att;	/* 0 main document, N attachment N */
	const char	*ld_desc;
	const char	*ld_docid;
	const char	*ld_casekey;	/* "6:22-bk-13643" */
	const char	*ld_claim;	/* claim number */
	const char	*ld_creditor;
	const char	*ld_change;	/* "corrected", ... or NULL */
};

/*
 * Check a template.  Returns 0, or -1 with an English message in err
 * (errsz bytes; may be NULL) that names the offending field or offset
 * and lists the known fields.
 */
int	label_validate(const char *tmpl, char *err, size_t errsz);

/*
 * Write the file name for d into out (outsz bytes; LABEL_SIZE always
 * fits).  Returns 0, or -1 when the template is invalid or out is too
 * small (out is then "" when outsz > 0).
 */
int	label_make(const char *tmpl, const struct label_doc *d, char *out,
	    size_t outsz);

/*
 * Write the Content-Description text for d into out (outsz bytes,
 * capped at LABEL_DESCRIPTION_SIZE - 1 bytes).  Returns 0, or -1 when
 * outsz is 0.
 */
int	label_description(const struct label_doc *d, char *out, size_t outsz);

/*
 * Normalize a date filed ("2022-08-10", "8/10/2022", "08/10/2022",
 * "8/10/22") to "YYYY-MM-DD" in out (LABEL_DATE_SIZE bytes).  Returns 0,
 * or -1 for anything else (out is then "").
 */
int	label_date(const char *in, char out[LABEL_DATE_SIZE]);

#endif
