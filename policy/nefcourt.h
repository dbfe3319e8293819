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
/* The PACER id of a mapped id ("txsd" -> "txs"; others unchanged): the
 * label of the court's CM/ECF host.  Points into a static table or at
 * court itself. */
const char *nefcourt_pacer_id(const char *court);

struct nef;
struct nefline_doc;
/*
 * The court of the notice, from its witnesses (enum nef_witness), each
 * recorded in n->n_witness[]: the host of a case-number link, the
 * sender's domain (from, an addr-spec, may be NULL), the host of a
 * document link, the first three digits of a doc id (policy/docid.h),
 * a court-specific stamp.  The strongest that speaks sets n->n_court and
 * n->n_court_src (else any court host among the links); every witness
 * naming another court sets its bit in n->n_court_disagree.  Document
 * links written without a host get one (DOCLINK_F_NO_HOST): the court
 * of their doc id when it agrees with the notice, else the notice's.
 */
void	nefcourt_resolve(struct nef *n, const struct nefline_doc *d,
	    const char *from);

#endif
