/*
 * parsecmd: "nefmilter --parse FILE...": one JSON object per file (JSON
 * Lines) on standard output.
 *
 * parsecmd_main() reads each file whole, finds the notice part
 * (milter/mime.h), parses it (policy/nef.h) and prints the result as one
 * JSON line; a message that is not a notice prints "{}" and a line
 * "nefmilter: FILE: not a notice: REASON" on standard error.  The exit
 * status is 0 when every file was read (not-a-notice is not an error), 1
 * when a file could not be read, 2 when no file was named.  It calls
 * mime_init() itself.
 *
 * JSON fields: first those of juriscraper's NotificationEmail (court_id,
 * appellate, acms, contains_attachments, dockets[] with docket_number,
 * case_name, federal_dn_* and docket_entries[], email_recipients[]),
 * then nefmilter's own (kind, regenerated, date_entered, documents[],
 * recipients[], recipients_not_listed[], ...).  contrib/demo.sh and
 * tests/corpus/compare.py read them.  email_recipients has
 * juriscraper's shape: names and address items as juriscraper reads the
 * lines (struct nef_recipient r_node_name, r_printed), and in a
 * bankruptcy notice, where juriscraper does not separate the recipients,
 * one entry with an empty name and every address item; none in an ACMS
 * notice or a plain-text bankruptcy notice, whose recipients juriscraper
 * does not read.  recipients[] always has them one per person, with
 * names and single addresses.
 * "description" is juriscraper's reading of the docket text
 * (c_description), "docket_text" nefmilter's (c_text).
 *
 * parsecmd_parse() is the same reading as a function: message bytes ->
 * struct nef (a not-a-notice struct nef with reason NEF_R_BAD_MIME or
 * NEF_R_NO_BODY when the MIME reader failed; *mime_status tells why).
 * Returns 0, or -1 when memory runs out.  The caller frees *out with
 * nef_free().
 *
 * parsecmd_json() renders a struct nef as a NUL-terminated JSON text
 * (one line) that the caller frees with free(); NULL on memory failure.
 */
#ifndef NEF_PARSECMD_H
#define NEF_PARSECMD_H

#include <stddef.h>

struct nef;

/* Largest file --parse reads. */
#define PARSECMD_MAX_FILE	(256u << 20)

int	 parsecmd_main(int nfiles, char **files);	/* exit status */
int	 parsecmd_parse(const char *msg, size_t len, size_t max_bytes,
	    struct nef **out, int *mime_status);
char	*parsecmd_json(const struct nef *);

#endif
