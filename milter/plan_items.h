/*
 * plan_items: the optional items of a notice's audit record
 * (store_audit.h, STORE_AUDIT_TAG_*) that the daily digest reads: the kind of
 * notice, every document's outcome, why it was held, the links cut, the
 * case numbers and names, the recipients added, the entry's docket
 * text and the MTA.  For a restricted entry neither the docket text nor any
 * document's description is kept, so nothing built from the audit can
 * quote them.
 */
#ifndef NEF_PLAN_ITEMS_H
#define NEF_PLAN_ITEMS_H

struct plan;
struct store_audit;

/* Add the items to a (the record being built); an item that cannot be
 * added is left out and logged. */
void	 plan_items(const struct plan *p, struct store_audit *a);
/* The items of a notice not processed (plan_fail.h): its kind, its
 * cases, the MTA, and ERROR (delivered as it came, or refused for now
 * with tempfail; and why, made printable and cut to
 * STORE_AUDIT_REASON_MAX bytes).  Nothing of its docket text or
 * documents. */
void	 plan_items_failed(const struct plan *p, struct store_audit *a,
	    int tempfail, const char *why);

#endif
