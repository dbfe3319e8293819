/*
 * sealterm: does an entry mention sealing or redaction?
 *
 * An entry is RESTRICTED when its docket text, a document description or
 * the notice's subject holds a word that starts with a seal or redact
 * stem, or with a configured extra term (restricted_terms), and no
 * configured exception (restricted_exceptions) covers that occurrence.
 * The caller scans each text; one uncovered match makes the entry
 * restricted.  A false positive costs the firm a click; a false negative
 * leaks a document, so every doubt below is settled towards restricted.
 *
 * MATCHING
 *   - ASCII case is ignored.
 *   - A match must start a word: the byte before it is not an ASCII
 *     letter (digits, punctuation, markup leftovers and non-ASCII bytes
 *     all start a word, so "(Sealed)", "*SEALED*", "SEALED-DOCUMENT",
 *     "2Sealed", "ECF_sealed" and "Un-Redacted" match), or it is a
 *     lower-case letter and the match starts with a capital, as when
 *     markup was removed without a blank ("OrderSEALED",
 *     "MotionToSeal").  Capitals run together ("ORDERSEALED") are not
 *     split.
 *   - It is a prefix match: the word may go on ("sealed", "redactions").
 *   - Built-in words: "seal" and "redact", each alone or after one of the
 *     prefixes un, re, non, under, pre written as one word ("unsealed",
 *     "resealed", "nonredacted", "undersealed", "preredacted").
 *   - Inside a match, the joiners '-', '_', '.', '*', '\'' and invisible
 *     characters (U+00AD soft hyphen, U+200B-U+200D, U+2060, U+FEFF) are
 *     skipped, so "S-E-A-L-E-D", "Re-dacted", "Un-Sealed" and words split
 *     by a soft hyphen still match.  Letters spaced one by one
 *     ("S E A L E D") match as well.
 *   - Extra terms match the same way; a blank in a term matches any run
 *     of bytes that are not ASCII letters or digits ("ex parte" matches
 *     "Ex-Parte" and "ex\n parte").
 *
 * DECISIONS ON HARD CASES (each is covered by the unit test)
 *   "Motion to Seal", "Order granting motion to seal"	restricted
 *   "UNSEALED", "unsealing", "Order to Unseal"		restricted
 *   "Redacted version", "redaction", "Non-Redacted"	restricted
 *   "Sealy Corp", "Seale", "Seal Beach", "sealant"	restricted: the
 *	word starts with "seal"; add an exception for a party's name
 *   "seal of the court"				restricted: it cannot
 *	be told apart from "under seal of the court" by a word rule;
 *	add a global exception when a court uses it in routine entries
 *   "resealable", "presealed"				restricted (prefixes)
 *   "Sea-Land", "sea-level"				restricted: joiners
 *	are skipped inside a word, which makes these read "sealand"
 *   "McSeal", "OrderSEALED"				restricted (a capital
 *	after a lower-case letter starts a word)
 *   "conceal", "concealed", "counseled"			not restricted: no
 *	word starts with a stem ("conceal" holds no "seal" at all)
 *   "Chelsea Lane", "research", "predicate"		not restricted
 *
 * EXCEPTIONS
 *   Each restricted_exceptions entry is one string (surrounding blanks
 *   and one pair of double quotes are removed), either
 *	PHRASE				applies to every notice
 *	COURT DOCKET PHRASE		applies to one court's case
 *   The second form is recognised when the first word is a court id
 *   written in lower case (2 to 8 ASCII letters and digits, as in
 *   "cand", "nysb", "ca9") or "*" for any court, the second word is a
 *   docket number that docket.h parses (or "*" for any case), and a
 *   phrase follows:
 *	cand 4:22-cv-05541 Sealy Corp
 *	nysb 23-10253 Seal Beach Holdings
 *	* * seal of the court
 *   A docket number (parsed by docket.h) matches the notice's when the
 *   years and the case numbers agree (leading zeros ignored) and, where
 *   the entry gives them, the office and the case type agree: a part
 *   left out matches anything ("22-cv-05541" matches "4:22-cv-05541-JST";
 *   "23-10253" matches "1:23-bk-10253").  Judge initials and other
 *   suffixes are ignored.  A phrase that would otherwise look like the
 *   second form is written "* * PHRASE".
 *
 *   A phrase matches ignoring ASCII case, a blank in it matching any run
 *   of white space; when it starts (ends) with a letter or digit, the
 *   byte before (after) the occurrence must not be one.  An occurrence
 *   covers the term matches that lie wholly inside it and no others:
 *   "Sealy Corp's motion to seal" is still restricted by "seal".
 *
 * LIMITS
 *   Text past SEALTERM_TEXT_MAX bytes is not scanned; a longer text with
 *   no match in its first SEALTERM_TEXT_MAX bytes is reported restricted
 *   with the term "oversize".
 *
 * A struct sealterm is immutable once built and may be shared by threads.
 */
#ifndef NEF_SEALTERM_H
#define NEF_SEALTERM_H

#include <stddef.h>

#define SEALTERM_TEXT_MAX	(64 * 1024)	/* bytes of one text scanned */
#define SEALTERM_TERMS_MAX	256		/* restricted_terms entries */
#define SEALTERM_EXCEPTIONS_MAX	1024		/* restricted_exceptions */
#define SEALTERM_TERM_MAX	64		/* bytes of one extra term */
#define SEALTERM_PHRASE_MAX	200		/* bytes of one exception */
#define SEALTERM_COURT_MAX	8		/* bytes of a court id */
/* Size of the text fields of struct sealterm_match (NUL included). */
#define SEALTERM_WORD_SIZE	48
#define SEALTERM_TERM_SIZE	(SEALTERM_TERM_MAX + 1)

struct sealterm;

/* The case a notice is about; exceptions for it apply. */
struct sealterm_case {
	const char	*sc_court;	/* court id, e.g. "cand" */
	const char	*sc_docket;	/* docket number as shown */
};

struct sealterm_match {
	size_t	sm_off;		/* byte offset of the word in the text */
	size_t	sm_len;		/* bytes of the word */
	/* The word as written (printable ASCII, capped), e.g. "UNSEALED". */
	char	sm_word[SEALTERM_WORD_SIZE];
	/* What matched: "seal", "redact", an extra term, or "oversize". */
	char	sm_term[SEALTERM_TERM_SIZE];
};

/*
 * Build a detector from the extra terms and the exceptions (either list
 * may be empty; NULL with a count of 0).  The strings are copied.
 * Returns 0 and *out (free it with sealterm_free()), or -1 with *out NULL
 * and an English message in err (errsz bytes; may be NULL) naming the
 * bad entry: empty, too long, a control character, a term that does not
 * start with a letter or digit, a per-case entry whose docket number
 * does not parse, too many entries, or no memory.
 */
int	 sealterm_new(const char *const *terms, size_t nterms,
	    const char *const *exceptions, size_t nexceptions,
	    struct sealterm **out, char *err, size_t errsz);
/* Release st; sealterm_free(NULL) does nothing.  Returns NULL. */
struct sealterm *sealterm_free(struct sealterm *st);

/*
 * Scan text[0..len) (need not be NUL-terminated; may hold NUL bytes).
 * cases[0..ncases) name the notice's cases for per-case exceptions (may
 * be NULL with 0: only global exceptions apply).  st may be NULL: the
 * built-in words only, no exceptions.  Returns 1 when the text makes the
 * entry restricted, with the first uncovered match in *m (m may be
 * NULL); returns 0 when it does not (*m is then zeroed).  Never fails.
 */
int	 sealterm_scan(const struct sealterm *st,
	    const struct sealterm_case *cases, size_t ncases,
	    const char *text, size_t len, struct sealterm_match *m);

#endif
