/*
 * ctl_digest: nefctl's "digest" command, the daily account for the
 * docketing desk (digest.h).
 *
 *	digest [--since TIME] [--until TIME] [--format text|html]
 *	       [--mail | --to ADDRESS...]
 *
 * The window is [--since, --until] (default: the last 24 hours).
 * Without --mail or --to the digest is written to standard output
 * (text unless --format html).  --mail sends it to every address of
 * digest_to; --to to the addresses named, each of which must be one of
 * digest_to: the digest goes to configured addresses only, and a
 * malformed or hostile address is refused with the reason, before
 * anything is run.  Mail is one message, multipart/alternative (text and
 * HTML) unless --format picks one, through the local sendmail(1)
 * interface (mailout.h).  The store is read in one read transaction.
 */
#ifndef NEF_CTL_DIGEST_H
#define NEF_CTL_DIGEST_H

#include "ctl.h"

int	 ctl_digest(struct ctl *, int argc, char **argv);

#endif
