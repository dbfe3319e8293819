/*
 * plan_cal: the calendar step of the pipeline, between the plan of a
 * notice (milter/plan.h) and its calendar (milter/calendar.h).
 *
 * plan_cal_run() runs after the final decision and the attachments: a
 * verified notice updates the event store and the per-case files; a
 * verified notice or a colleague's forward gets the .ics part unless the
 * entry's documents are withheld from its recipients (a restricted entry
 * whose links are stripped); an unverified notice only counts its
 * events.  It never fails the notice: 0 always (a failure is logged).
 *
 * plan_cal_req() adds the part to a rewrite request the plan filled
 * (after plan_rewrite_req()); plan_cal_summary() adds the calendar lines
 * to the summary head; plan_cal_audit() adds the audit items
 * (STORE_AUDIT_TAG_EVENTS, _EVENT_UIDS, _ICS).
 */
#ifndef NEF_PLAN_CAL_H
#define NEF_PLAN_CAL_H

#include <stddef.h>

struct plan;
struct rewrite_req;
struct summary_head;
struct store_audit;

int	 plan_cal_run(struct plan *);
int	 plan_cal_has_part(const struct plan *);
int	 plan_cal_req(struct plan *, struct rewrite_req *);
void	 plan_cal_summary(const struct plan *, struct summary_head *);
void	 plan_cal_audit(const struct plan *, struct store_audit *);
size_t	 plan_cal_events(const struct plan *);

#endif
