/*
 * docid: the court a CM/ECF document id names.
 *
 * The first three digits of a document id (doc1 and docs1 links) name
 * the court that issued it ("035020918716" -> cand, "00208942267" ->
 * ca2; cmecf.md section 3.7).  The table is policy/docidtab.inc, written
 * by mk/docid-prefix.sh from the shared doc-id prefix table; ids are the
 * PACER court ids as that table writes them.
 *
 * docid_court() writes the court of id into court (size bytes) and
 * returns 0, or returns -1 (court "") when id does not start with three
 * digits or names no court in the table.  docid_table_size() and
 * docid_table_entry() walk the table (for the test that checks it
 * against the shared file).  Pure and thread-safe.
 */
#ifndef NEF_DOCID_H
#define NEF_DOCID_H

#include <stddef.h>

int	 docid_court(const char *id, char *court, size_t size);
size_t	 docid_table_size(void);
/* Entry i: its prefix (0..999) and court; -1 when i is out of range. */
int	 docid_table_entry(size_t i, unsigned *prefix, const char **court);

#endif
