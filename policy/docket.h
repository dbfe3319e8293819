/*
 * docket: federal docket numbers, parsed and normalized.
 *
 * A docket number is written many ways by the courts and by people:
 *
 *	4:22-cv-05541		district: office, year, case type, number
 *	4:22-cv-05541-JST	... with the assigned judge's initials
 *	5:20-cv-00768-TJH-PVC	... with assigned and referred judges
 *	1:17-cr-00201-ABJ-1	... criminal, with a defendant number
 *	4:22cv5541		the same, typed without separators
 *	1:24-bk-70535		bankruptcy in the district form
 *	22-22507-cgm		bankruptcy, short form (year-number-judge)
 *	24-04888-CL7		... judge initials followed by the chapter
 *	25-03768-JMC-13		... or by a separate chapter number
 *	1-23-42603-nhl		bankruptcy, office-year-number (nyeb)
 *	21-1975, 25-2120	appellate (year-number)
 *	MDL No. 2967		a multidistrict litigation number (JPML)
 *
 * docket_parse() splits such a string into its parts; the parts are kept
 * apart in struct docket (all NUL-terminated, "" when absent; letters of
 * the case type are lowercased, judge initials are kept as shown).
 *
 * docket_format() writes the normalized key that the whole program uses
 * for a case: judge initials, defendant and chapter numbers dropped; with
 * an office or a case type (district and bankruptcy forms) the number is
 * zero-padded to 5 digits:
 *
 *	O:YY-tt-NNNNN	office and type	(4:22-cv-05541)
 *	O-YY-NNNNN	office, no type	(1-23-42603; "1:23-42603" gives
 *					the same key)
 *	YY-tt-NNNNN	type, no office	(22-cv-05541)
 *	YY-N...		neither: the digits as shown (22-22507, 21-1975;
 *					appellate numbers are not padded)
 *	MDL No. N	multidistrict litigation
 *
 * Both functions are pure and thread-safe.
 */
#ifndef NEF_DOCKET_H
#define NEF_DOCKET_H

#include <stddef.h>

/* Longest input docket_parse() looks at (after trimming blanks). */
#define DOCKET_INPUT_MAX	64
/* Size of the buffer that always holds docket_format()'s output. */
#define DOCKET_KEY_SIZE		32

#define DOCKET_OFFICE_SIZE	3	/* 1 or 2 digits */
#define DOCKET_YEAR_SIZE	3	/* 2 digits */
#define DOCKET_TYPE_SIZE	5	/* 1 to 4 letters */
#define DOCKET_NUMBER_SIZE	8	/* 1 to 7 digits */
#define DOCKET_JUDGE_SIZE	8	/* 1 to 7 letters */
#define DOCKET_SUFFIX_SIZE	4	/* 1 to 3 digits */

enum docket_form {
	DOCKET_FULL,	/* office and/or case type present */
	DOCKET_SHORT,	/* year-number only (bankruptcy or appellate) */
	DOCKET_MDL	/* "MDL No. N" */
};

struct docket {
	enum docket_form d_form;
	char	d_office[DOCKET_OFFICE_SIZE];	/* "4", or "" */
	char	d_year[DOCKET_YEAR_SIZE];	/* "22"; "" for MDL */
	char	d_type[DOCKET_TYPE_SIZE];	/* "cv", lowercase, or "" */
	char	d_number[DOCKET_NUMBER_SIZE];	/* digits as written */
	char	d_judge[DOCKET_JUDGE_SIZE];	/* assigned judge, or "" */
	char	d_judge2[DOCKET_JUDGE_SIZE];	/* referred judge, or "" */
	/* Defendant number of a criminal case (types cr, mj, po, pt). */
	char	d_defendant[DOCKET_SUFFIX_SIZE];
	/* Any other trailing number (bankruptcy chapter: "7", "13"). */
	char	d_chapter[DOCKET_SUFFIX_SIZE];
};

/*
 * Parse s[0..len) (need not be NUL-terminated; leading and trailing
 * blanks are ignored).  Returns 0 and fills *out, or -1 when s is not a
 * docket number (then *out is zeroed).
 */
int	docket_parse(const char *s, size_t len, struct docket *out);

/*
 * Write the normalized key of d into buf (size bytes, NUL-terminated).
 * Returns 0, or -1 when buf is too small (DOCKET_KEY_SIZE always fits)
 * or d holds no number; buf is then "" when size > 0.
 */
int	docket_format(const struct docket *d, char *buf, size_t size);

/*
 * Convenience: parse s and format it in one step.  Returns 0 or -1.
 */
int	docket_normalize(const char *s, size_t len, char *buf, size_t size);

#endif
