/*
 * mta: what differs between the MTAs nefmilter runs under.
 *
 * Which MTA sends a message is read from the milter macro "v", which
 * nefmilter asks for at MAIL FROM: Postfix sends "Postfix 3.7.11" (its
 * mail_name and mail_version), Sendmail its version ("8.17.1.9").  Any
 * other value, or none, is "the MTA".
 *
 * A held message is where the MTA keeps quarantined mail: Postfix's hold
 * queue (listed by "postqueue -p" with a "!", released with "postsuper -H
 * QID"), Sendmail's quarantine (listed by "mailq -qQ", released with
 * "sendmail -qQ -Q -qIQID", which puts it back in the queue, and
 * delivered at the next queue run or with "sendmail -qIQID").
 */
#ifndef NEF_MTA_H
#define NEF_MTA_H

#include <stddef.h>

enum mta_kind { MTA_UNKNOWN, MTA_POSTFIX, MTA_SENDMAIL };

/* The MTA named by the value of macro "v" (NULL: unknown). */
enum mta_kind mta_kind_of(const char *v);
/* "Postfix", "Sendmail", "the MTA". */
const char *mta_name(enum mta_kind);
/* Where held mail waits: "Postfix's hold queue", "Sendmail's
 * quarantine", or "the MTA's hold queue or quarantine". */
const char *mta_hold_place(enum mta_kind);
/* The command that releases qid, into buf (both when unknown).  Returns
 * buf. */
char	*mta_release_cmd(enum mta_kind, const char *qid, char *buf, size_t size);

#endif
