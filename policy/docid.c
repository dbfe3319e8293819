/*
 * NAME
 *	docid 3 - the court of a document id's prefix
 * SUMMARY
 *	"035020918716" -> "cand"
 * SYNOPSIS
 *	#include "docid.h"
 *
 *	int docid_court(const char *id, char *court, size_t size);
 * DESCRIPTION
 *	A binary search of docidtab.inc (sorted by prefix, which
 *	mk/docid-prefix.sh checks).
 * DIAGNOSTICS
 *	-1 when the id names no known court.
 */
#include <ctype.h>
#include <string.h>

#include "docid.h"
#include "docidtab.inc"

#define NTABLE	(sizeof docid_table / sizeof docid_table[0])

int
docid_court(const char *id, char *court, size_t size)
{
	size_t		lo = 0, hi = NTABLE, mid, n;
	unsigned	p;

	if (size > 0)
		court[0] = '\0';
	if (id == NULL || !isdigit((unsigned char)id[0]) ||
	    !isdigit((unsigned char)id[1]) || !isdigit((unsigned char)id[2]))
		return -1;
	p = (unsigned)(id[0] - '0') * 100 + (unsigned)(id[1] - '0') * 10 +
	    (unsigned)(id[2] - '0');
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (docid_table[mid].dp_prefix < p)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == NTABLE || docid_table[lo].dp_prefix != p)
		return -1;
	n = strlen(docid_table[lo].dp_court);
	if (n + 1 > size)
		return -1;
	memcpy(court, docid_table[lo].dp_court, n + 1);
	return 0;
}

size_t
docid_table_size(void)
{
	return NTABLE;
}

int
docid_table_entry(size_t i, unsigned *prefix, const char **court)
{
	if (i >= NTABLE)
		return -1;
	*prefix = docid_table[i].dp_prefix;
	*court = docid_table[i].dp_court;
	return 0;
}
