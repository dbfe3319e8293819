/*
 * inspect_json: the PDF helper's JSON answer (nefpdf(8)) into a struct
 * inspect_result (inspect.h).
 *
 * The answer is untrusted like anything a document can influence: every
 * member is checked for its type and range, and anything else makes the
 * answer unreadable rather than half read.
 */
#ifndef NEF_INSPECT_JSON_H
#define NEF_INSPECT_JSON_H

#include <stddef.h>

struct inspect_result;

/* Parse the helper's JSON into r (r_json is not set).  0, or -1 when it
 * is not the helper's interface (r_detail says why). */
int	 inspect_json_parse(const char *json, size_t len,
	    struct inspect_result *r);

#endif
