/*
 * nefcourt: court identifiers that do not come from a document link.
 *
 * nefcourt_from_sender() takes the court from a sender address:
 * "ecfnotices@areb.uscourts.gov" -> "areb", "ACMS@ca9.fedcourts.us" and
 * bounce domains such as "em4346.ca9.fedcourts.us" -> "ca9".  Only
 * *.uscourts.gov and *.fedcourts.us count, and the labels that are not
 * courts (usdoj, law, psc, updates, miwd, ao) are ignored (cmecf.md
 * section 3.7).
 *
 * nefcourt_from_stamp() takes it from a court-specific stamp prefix
 * ("cacdStamp_ID=..." -> "cacd"); the generic prefixes dcecf, bkecf and
 * acecf name no court.
 *
 * nefcourt_map() rewrites, in place, the few PACER ids that
 * CourtListener writes differently (azb -> arb, txs -> txsd, mow -> mowd,
 * gas -> gasd, id -> idd, neb -> nebraskab, cofc/cfc -> uscfc, nysb-mega
 * -> nysb), so that ids agree with the corpus and the ecosystem.
 *
 * The first two return 0 and write a lowercase id into court (size
 * bytes), or -1 (court is then "").  All are pure and thread-safe.
 */
#ifndef NEF_NEFCOURT_H
#define NEF_NEFCOURT_H

#include <stddef.h>

int	nefcourt_from_sender(const char *from, char *court, size_t size);
int	nefcourt_from_stamp(const char *stamp_id, char *court, size_t size);
void	nefcourt_map(char *court, size_t size);

struct nef;
struct nefline_doc;
/*
 * Set n->n_court and n->n_court_src: from the first court link of a case,
 * else any court link of the notice (d), else the sender's domain (from,
 * an addr-spec, may be NULL), else a document stamp.  Leaves them alone
 * when none gives a court.
 */
void	nefcourt_resolve(struct nef *n, const struct nefline_doc *d,
	    const char *from);

#endif
