/*
 * nefclaim: the claims of a Notice of Electronic Claims Filing.
 *
 * A proof of claim filed in a bankruptcy case comes with a notice of its
 * own ("Notice of Electronic Claims Filing"): the case, "Creditor Name:"
 * (the creditor's name and postal address, one line each), "Claim
 * Number:" (the number is a free-look link to the claim's document: a
 * doc1 link carrying claim_id, claim_num and claim_doc_seq), "Amount
 * Claimed:", "Amount Secured:", "Amount Priority:" (and unsecured or
 * administrative amounts), and the transaction line that names who filed
 * it ("received from ...").
 *
 * The line reader (policy/nef.c) hands the claim labels and the lines
 * after them to nefclaim_label() and nefclaim_line(), and calls
 * nefclaim_end() when a label of another kind ends them.  After the last
 * line nefclaim_finish() gives each claim its filer and its document
 * link (a claim link anywhere in the notice, matched by claim number),
 * makes that link the case's document link when the case has none (so
 * that it is fetched like every other document), and sets the n_partial
 * bits of what could not be read (NEF_PART_CLAIM_LINK, _CLAIM_NUMBER,
 * _CREDITOR).
 *
 * The creditor's lines are split into the name (the lines before the
 * first that starts an address: a street number, a post office box,
 * "c/o", "Attn", a city, state and ZIP code) and the address (the rest,
 * joined with ", ").  cl_creditor_short is the name without what names
 * an agent or an addressee ("Quantum3 Group LLC as agent for Katapult
 * Group LLC" -> "Quantum3 Group LLC"), for file names.
 *
 * Strings go into the notice's arena.  Pure and thread-safe.
 */
#ifndef NEF_NEFCLAIM_H
#define NEF_NEFCLAIM_H

#include <stddef.h>

#include "strbuf.h"

struct nef;
struct nefline;
struct nefline_doc;

struct nefclaim_rd {
	size_t		 cr_cap;	/* of n->n_claims */
	int		 cr_pend;	/* a label whose value is on the next
					   line: NL_CLAIM_NUMBER or NL_AMOUNT */
	int		 cr_amount;	/* which amount is pending */
	int		 cr_in_creditor;/* collecting creditor lines */
	struct strbuf	 cr_cred;	/* the creditor's lines, '\n' apart */
};

/* A claim label (l->l_kind NL_CREDITOR, NL_CLAIM_NUMBER or NL_AMOUNT) of
 * case ci.  Returns 1 when the lines after it belong to it. */
int	 nefclaim_label(struct nefclaim_rd *, struct nef *, int ci,
	    const struct nefline_doc *, const struct nefline *l);
/* An unlabelled line after a claim label. */
void	 nefclaim_line(struct nefclaim_rd *, struct nef *,
	    const struct nefline_doc *, const struct nefline *l);
/* Another label: what was collected is stored. */
void	 nefclaim_end(struct nefclaim_rd *, struct nef *);
void	 nefclaim_finish(struct nefclaim_rd *, struct nef *,
	    const struct nefline_doc *);
void	 nefclaim_free(struct nefclaim_rd *);

/* "amount-claimed"... for enum nef_amount. */
const char *nefclaim_amount_name(int amount);

#endif
