/*
 * plan_record: the audit record of a notice, as the store keeps it
 * (store_audit.h, struct store_audit).
 *
 * plan_record_make() builds the record of a processed notice into
 * p_audit, which tally_commit() writes with the counters; plan_fail.h
 * builds the record of a notice not processed from the same start
 * (plan_record_start(), plan_record_cases()).  A notice whose court
 * could not be read gets no record; the log line says so.
 */
#ifndef NEF_PLAN_RECORD_H
#define NEF_PLAN_RECORD_H

struct nef;
struct plan;
struct store_audit;

/* The record of the notice, with this action ("attached", "held", ...),
 * into p_audit; one that cannot be built is logged and left out. */
void	 plan_record_make(struct plan *, const char *action);
/*
 * The start of a record of the notice into a (zeroed first): the time,
 * queue id, court, restriction, trust class and action.  0, or -1 when
 * no court could be read: a has nothing to release, no record is made
 * (the log line says so).
 */
int	 plan_record_start(const struct plan *, const char *action,
	    struct store_audit *a);
/* The record's cases (as many as it holds) from n.  0 or -1 (memory);
 * store_audit_release() frees them. */
int	 plan_record_cases(const struct nef *n, struct store_audit *a);

#endif
