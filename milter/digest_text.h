/*
 * digest_text: the digest (digest.h) as plain text, for reading in any
 * mail client and for checking field by field: a title, the period, the
 * summary, then each section with its title, its column heads and one
 * line per row (cells two blanks apart, padded to their column), case
 * headings above their notices and notes indented below them.
 */
#ifndef NEF_DIGEST_TEXT_H
#define NEF_DIGEST_TEXT_H

struct digest;
struct strbuf;

/* Append the text to out; 0, or -1 when memory ran out. */
int	 digest_text(const struct digest *, struct strbuf *out);

#endif
