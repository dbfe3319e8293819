/*
 * parseclass: the members of "nefmilter --parse" output that say which
 * class of notice it is and what that class adds (milter/parsecmd.h):
 *
 *	"class"		"nef", "nda", "new-case", "claim", "structure"
 *	"partial"	what a notice recognized by its heading or structure
 *			alone lacks: "document", "docket-text", "recipients",
 *			"date-filed", "claim-link", "claim-number",
 *			"creditor", "changed-entry"
 *	"claims"	a claims notice's claims: claim_number, creditor,
 *			creditor_short, creditor_address, amount_claimed,
 *			amount_secured, amount_priority, amount_unsecured,
 *			amount_admin (as written, or null), filer,
 *			docket_number, document_url, pacer_doc_id,
 *			pacer_magic_num, pacer_case_id, claim_id,
 *			claim_doc_seq
 *	"change"	for a modified or corrected entry (else null): what
 *			("docket-text", "date-filed", "corrected-pdf",
 *			"updated"), entry, from, to, text, key
 *
 * parseclass_json() adds them to the object o (jansson).
 */
#ifndef NEF_PARSECLASS_H
#define NEF_PARSECLASS_H

#include <jansson.h>

struct nef;

void	parseclass_json(json_t *o, const struct nef *);

#endif
