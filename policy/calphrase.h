/*
 * calphrase: the small text readers the calendar extractor is built of
 * (policy/calevent.c, policy/calfield.c; the calendar adapters use
 * calphrase_copy() for what they quote).
 *
 * Sentences: calphrase_sentence_end() finds where the sentence that
 * starts at `at` ends: a '.' or ';' that closes it (not the period of
 * "Feb.", "St.", "U.S.", "J." or "a.m."), or the end of the text.
 *
 * Words are runs of letters, digits and the characters -'() inside them
 * ("341(a)", "pre-trial"); matching is ASCII case-insensitive.
 *
 * calphrase_copy() copies text for output: white space folded to one
 * blank, control characters dropped, bytes that are not UTF-8 replaced
 * by '?', cut on a character boundary; it never fails.
 */
#ifndef NEF_CALPHRASE_H
#define NEF_CALPHRASE_H

#include <stddef.h>

size_t	 calphrase_sentence_end(const char *s, size_t len, size_t at);

/* 1 when the byte is part of a word. */
int	 calphrase_wordc(int c);
#define CALPHRASE_NONE	((size_t)-1)

/* The start of the word that ends at s[end - 1] (end itself when s[end-1]
 * is not a word byte), or CALPHRASE_NONE when the word begins before lo:
 * it never reads before s[lo - 1]. */
size_t	 calphrase_word_start(const char *s, size_t lo, size_t end);
/* The end of the word that starts at s[at]. */
size_t	 calphrase_word_end(const char *s, size_t len, size_t at);
/* Skip blanks forward / backward. */
size_t	 calphrase_skip_blanks(const char *s, size_t len, size_t at);
size_t	 calphrase_back_blanks(const char *s, size_t lo, size_t at);

/* s[a..b) equals the lowercase word w, ignoring case. */
int	 calphrase_is(const char *s, size_t a, size_t b, const char *w);
/* s[a..b) starts with the lowercase prefix w, ignoring case. */
int	 calphrase_has_prefix(const char *s, size_t a, size_t b, const char *w);

/*
 * Does the phrase p (lowercase words separated by single blanks) end at
 * s[end - 1], its first word starting at or after lo?  Returns the
 * offset where it starts, or (size_t)-1.  Blanks in s may be any run of
 * white space; a '-' in p also matches a blank.
 */
size_t	 calphrase_ends_with(const char *s, size_t lo, size_t end,
	    const char *p);
/* Is the phrase p at s[at] (whole words)?  Returns its end or 0. */
size_t	 calphrase_starts_with(const char *s, size_t len, size_t at,
	    const char *p);
/* The first whole-word occurrence at or after a, before b, of a word
 * starting with the lowercase prefix w; (size_t)-1 when none. */
size_t	 calphrase_find_prefix(const char *s, size_t a, size_t b,
	    const char *w);

/* The length of the valid UTF-8 sequence at p (n > 0 bytes left), or 0
 * when it is not one (overlong, surrogate, cut or past U+10FFFF). */
size_t	 calphrase_utf8_len(const unsigned char *p, size_t n);

/* Output copy (see above) into dst (size bytes, at least 1). */
void	 calphrase_copy(char *dst, size_t size, const char *src, size_t len);
/* Title case in place: "MOTION HEARING" -> "Motion Hearing",
 * "pre-trial conference" -> "Pre-Trial Conference"; small words (of, to,
 * for, and, the, on, in, re, a, an) stay lowercase except first. */
void	 calphrase_title_case(char *s);
/* Trim blanks and the characters in `chars` from both ends, in place. */
void	 calphrase_trim(char *s, const char *chars);

#endif
