/*
 * caltext: a docket text as the calendar extractor reads it.
 *
 * Texts from HTML notices and from word processors carry characters a
 * reader does not see, or sees as a plain blank or dash: no-break and
 * other Unicode spaces, soft hyphens, zero-width spaces and joiners,
 * direction marks, a byte-order mark, typographic quotes and dashes.
 * caltext_fold() copies a text with
 *
 *	U+00A0, U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F,
 *	U+3000, and C0 controls other than TAB, LF and CR	-> ' '
 *	U+00AD, U+180E, U+200B..U+200F, U+202A..U+202E, U+2060..U+2064,
 *	U+2066..U+2069, U+FEFF					-> dropped
 *	U+2010..U+2015, U+2212					-> '-'
 *	U+2018, U+2019, U+201B, U+2032				-> '\''
 *	U+201C, U+201D, U+201F, U+2033				-> '"'
 *	a lone byte 0xA0 (a Latin-1 no-break space)		-> ' '
 *
 * and every other byte as it is (invalid UTF-8 included), so that
 * "set for\u00a03/4/2027" and "Confer\u00adence" read as a reader reads
 * them.  caltext_plain() says whether a text needs no folding at all
 * (the common case: then the extractor reads it in place).
 *
 * caltext_orig() maps offsets into the folded text back to offsets into
 * the original: offs[0..n) point to offsets, which are replaced; one walk
 * over the text for all of them.
 *
 * Pure: no allocation, linear in the text.
 */
#ifndef NEF_CALTEXT_H
#define NEF_CALTEXT_H

#include <stddef.h>

/* 1 when caltext_fold() would copy s[0..len) unchanged. */
int	 caltext_plain(const char *s, size_t len);
/* Fold s[0..len) into dst (size bytes; not NUL-terminated): the number
 * of bytes written.  Stops when dst is full (before a character that
 * would not fit); *used (may be NULL) is how much of s was read. */
size_t	 caltext_fold(const char *s, size_t len, char *dst, size_t size,
	    size_t *used);
/* Replace each *offs[i] (an offset into the folded text) by the offset
 * of the same place in s; n at most CALTEXT_MAP_MAX. */
#define CALTEXT_MAP_MAX	128
void	 caltext_orig(const char *s, size_t len, size_t *const *offs, size_t n);

#endif
