/*
 * docslinks: the document links of a notice, as the document collector
 * (docs.h) reads them.
 *
 * docslinks_collect() turns the free-look links of a parsed notice (the
 * cases' and the documents') into the links of a docs set, each with
 * the collector's working state beside it: how many documents the link
 * should give, whether a request through it can get anything, an ACMS
 * document's position in its entry.  A link to a corrected entry's
 * document is keyed as that entry's own (docchange.h).
 */
#ifndef NEF_DOCSLINKS_H
#define NEF_DOCSLINKS_H

#include <stddef.h>
#include <stdint.h>

struct docs_set;
struct nef;

/* The collector's state of one link of a docs set (same index). */
struct docslinks_info {
	int	li_expected;	/* documents expected from the link */
	int	li_usable;	/* a request can get something */
	int	li_acms;
	int	li_att0;	/* ACMS: the position of this document */
	int	li_complete;	/* every document found in the store */
	int	li_fetch;	/* ask the court */
	int	li_claimed;
	unsigned char *li_have;	/* li_have[N]: attachment N is in the store */
	size_t	li_nhave;
};

/*
 * Add the links of n to s (ds_links), and their state to *lip, a
 * malloc'ed array of s->ds_nlinks entries the caller frees (with each
 * li_have).  0, or -1 when memory runs out (what was added stays s's
 * and *lip's).
 */
int	 docslinks_collect(const struct nef *n, struct docs_set *s,
	    struct docslinks_info **lip);

/* The entry number of case ci of n (else of its first case), or 0. */
uint32_t docslinks_entry(const struct nef *n, int ci);
/* The docket key of case ci of n (else of its first case), or "". */
const char *docslinks_docket(const struct nef *n, int ci);

#endif
