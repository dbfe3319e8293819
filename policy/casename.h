/*
 * casename: case names as the courts print them, harmonized.
 *
 * casename_harmonize() writes the harmonized form of a case name, the
 * form juriscraper (and so CourtListener and the test corpus) uses: white
 * space folded, "et al" and its variants dropped, "vs."/"versus" written
 * "v.", "USA" / "United States of America" / "U.S.A." written "United
 * States", trailing punctuation trimmed.  The result is at most size - 1
 * bytes (NUL-terminated); it never fails.
 */
#ifndef NEF_CASENAME_H
#define NEF_CASENAME_H

#include <stddef.h>

/* Longest case name examined. */
#define CASENAME_MAX	1024

size_t	casename_harmonize(const char *s, size_t len, char *out, size_t size);

#endif
