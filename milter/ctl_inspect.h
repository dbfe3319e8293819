/*
 * ctl_inspect: nefctl inspect, the disclosure check of documents already
 * in the store.
 *
 *	inspect --all [--json]
 *	inspect --case COURT CASE [--json]
 *
 * Every stored document (of every case, or of one) goes through the PDF
 * helper as the milter runs it (inspect.h, the limits of the
 * configuration), once per content, one after the other.  Each result
 * is recorded in the store like the milter's (nefctl findings shows it,
 * marked NEFCTL) and printed: one line per document with its status and
 * findings (pages and kinds, identifiers masked), or with --json one
 * object per document: the document's court, case, key, attachment,
 * label and sha256, and "result", the helper's own answer (which, like
 * nefmilter --inspect, holds the words found under covers: this is the
 * administrator's tool).
 *
 * Exit code 0 when every document was checked, 1 when one was not.
 */
#ifndef NEF_CTL_INSPECT_H
#define NEF_CTL_INSPECT_H

#include "ctl.h"

int	 ctl_inspect(struct ctl *, int argc, char **argv);

#endif
