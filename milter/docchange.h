/*
 * docchange: what the milter does for a notice about an entry that
 * already exists (a modified or corrected entry, policy/nefchange.h).
 *
 * The documents of such a notice are stored beside the earlier version,
 * which stays: docchange_key() appends "." and the change's key
 * ("035020918716" -> "035020918716.c202303141404") to a document key of
 * a changed entry, so that every copy of one correction finds the same
 * document and no copy of the first notice is served the new one, or the
 * other way round.  It does nothing for other notices.
 *
 * docchange_audit() logs one line under the queue id saying what
 * changed, and where its documents are stored, and adds the
 * STORE_AUDIT_TAG_CHANGE item to the audit record a (may be NULL).
 * Returns 0, or -1 when memory runs out.
 */
#ifndef NEF_DOCCHANGE_H
#define NEF_DOCCHANGE_H

#include <stddef.h>

struct docs_set;
struct nef;
struct store_audit;

void	docchange_key(const struct nef *, char *key, size_t size);
int	docchange_audit(const char *qid, struct store_audit *a,
	    const struct nef *, const struct docs_set *);

#endif
