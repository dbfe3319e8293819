/*
 * ctl_findings: nefctl's view of the disclosure check.
 *
 *	findings [--case COURT CASE] [--since TIME] [--until TIME]
 *	    [--limit N] [--json]
 *
 * lists what the check found (store_finding.h), oldest first: for each
 * finding the time, court, case, document ("ECF 58-3"), page and what
 * it is: a failed redaction with its kind and box, an identifier with
 * its kind and masked form, or a document that could not be checked
 * and why; "FIRM" marks a filing by the firm itself, "LATE" a result
 * that came after the notice went out, "NEFCTL" one from nefctl
 * inspect.  --json prints one object per finding, one per line.  The
 * words under a cover are not kept, so they are never shown here.
 *
 * ctl_findings_of_docs() prints, for the documents a purge removed, the
 * findings of their latest check (the purge report names them).
 */
#ifndef NEF_CTL_FINDINGS_H
#define NEF_CTL_FINDINGS_H

#include <stddef.h>

#include "ctl.h"

struct store_doc;

int	 ctl_findings(struct ctl *, int argc, char **argv);
void	 ctl_findings_of_docs(struct ctl *, const struct store_doc *, size_t n);

#endif
