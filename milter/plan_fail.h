/*
 * plan_fail: the audit of a notice that was not processed.
 *
 * When a step of the pipeline fails and on_error applies, or a notice is
 * larger than max_message_bytes and passes unchanged (pipeline.c),
 * plan_fail_audit() logs one "notice ... action=error" line under the
 * queue id and builds the audit record into p_audit, which tally_commit()
 * writes with the counters (errors{kind="pipeline"}, notices{action=
 * "error"}): action "error", the court, cases and entries as far as they
 * were read, the envelope recipients (none removed: the message goes on
 * as it came, or is refused for now), no document, and the items of
 * plan_items_failed() (why, and whether it was delivered as it came or
 * refused for now: tempfail).  "nefctl audit" and
 * the daily digest ("Notices not processed") show it.
 *
 * A notice whose court could not be read gets no record, as any notice;
 * the log line says so.  Nor does a message given up on before its end
 * (no memory at MAIL FROM or in its headers, session.c): nothing of it
 * was read, and its log line says what became of it.  It never fails: a record that cannot be built
 * is logged and left out.
 */
#ifndef NEF_PLAN_FAIL_H
#define NEF_PLAN_FAIL_H

struct plan;

void	 plan_fail_audit(struct plan *, int tempfail, const char *why);

#endif
