/*
 * htmlent: HTML character references ("&amp;", "&#8217;", "&nbsp").
 *
 * htmlent_decode() appends the UTF-8 decoding of text with references:
 * named ones (a table of the common ones; the legacy ones such as
 * "&nbsp" are also recognized without their semicolon), decimal and
 * hexadecimal numeric ones (C1 controls mapped as Windows-1252, invalid
 * code points to U+FFFD).  In attribute mode the legacy rule of HTML
 * applies: a reference without semicolon followed by a letter, digit or
 * "=" is left as is (so "?a=1&copy=2" in a URL stays intact).  Errors are
 * sticky in the strbuf.
 */
#ifndef NEF_HTMLENT_H
#define NEF_HTMLENT_H

#include <stddef.h>

#include "strbuf.h"

/* Append the decoding of s[0..len) to out; attr = attribute mode. */
void	htmlent_decode(const char *s, size_t len, int attr, struct strbuf *out);
/* One reference: s points after the '&'.  Appends its decoding and
 * returns the bytes it used, or 0 (nothing appended) when s[0..len) does
 * not start a reference. */
size_t	htmlent_decode_one(const char *s, size_t len, int attr,
	    struct strbuf *out);
/* Append one code point as UTF-8 (invalid ones as U+FFFD). */
void	htmlent_put_utf8(struct strbuf *out, unsigned long cp);

#endif
