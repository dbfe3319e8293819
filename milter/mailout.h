/*
 * mailout: submit a message through the local sendmail(1) interface.
 *
 * Every MTA a firm runs on a relay (Postfix, Sendmail, Exim) installs a
 * sendmail(1) command that reads a message on standard input.  The
 * command line comes from the setting sendmail_command (default
 * "/usr/sbin/sendmail -oi"): it is split at blanks and run directly,
 * never through a shell, so no character of it or of an address is ever
 * interpreted.  Its first word must be an absolute path.
 *
 * Recipients: when the command holds "-t", the MTA takes them from the
 * To: header mailout writes (nothing is added to the command line:
 * Sendmail would remove such addresses again); otherwise they are passed
 * as arguments after "--", so that no address can be read as an option.
 * Every address is checked with addr_validate() (policy/addr.h) first,
 * and one that begins with '-' is refused too.
 *
 * The message: mailout writes the header (Date, From when mo_from is
 * set, To, Subject, Message-ID, MIME-Version, Auto-Submitted:
 * auto-generated so that vacation responders stay quiet, the caller's
 * Content-Type and Content-Transfer-Encoding), then the caller's body.
 * Lines end with LF, as sendmail(1) expects on its input.
 *
 * The child gets an empty signal mask and default signal actions (the
 * daemon blocks and ignores some), no descriptor of the caller beyond
 * its standard input, output and error, and at most mo_timeout seconds
 * (then SIGKILL).  Standard input is a socket written with MSG_NOSIGNAL,
 * so a command that exits early never raises SIGPIPE in the caller.
 * Safe to call from any thread.
 */
#ifndef NEF_MAILOUT_H
#define NEF_MAILOUT_H

#include <stddef.h>

#include "addr.h"

#define MAILOUT_ERR_SIZE	256	/* err buffers: this size always fits */
#define MAILOUT_MAX_RCPTS	100
#define MAILOUT_MAX_ARGS	32	/* words in sendmail_command */
#define MAILOUT_TIMEOUT		60	/* seconds, when mo_timeout is 0 */

struct mailout_msg {
	const char		*mo_command;	/* sendmail_command */
	const char		*mo_from;	/* From: and envelope sender
						   (-f); NULL or "": the MTA's
						   default for the user */
	const char *const	*mo_to;		/* recipients, as typed */
	size_t			 mo_nto;
	const char		*mo_subject;	/* printable ASCII */
	const char		*mo_ctype;	/* Content-Type value */
	const char		*mo_cte;	/* Content-Transfer-Encoding
						   value, or NULL */
	const char		*mo_body;	/* LF line ends */
	size_t			 mo_len;
	unsigned		 mo_timeout;	/* seconds; 0: MAILOUT_TIMEOUT */
};

/*
 * Check an address for use as a recipient or sender of our own mail and
 * write its clean form into out (ADDR_SIZE bytes always fit).  Returns
 * 0, or -1 with a short English reason in why (whysz bytes).
 */
int	 mailout_addr(const char *addr, char *out, size_t outsz, char *why,
	    size_t whysz);

/*
 * Check a sendmail_command value: its words, an absolute first word.
 * 0, or -1 with the reason in why.
 */
int	 mailout_check_command(const char *command, char *why, size_t whysz);

/*
 * Check the settings of mail of nefmilter's own (sendmail_command,
 * mail_from).  0, or -1 with "key: what is wrong" lines appended to err.
 */
struct cfg;
struct strbuf;
int	 mailout_check_cfg(const struct cfg *, struct strbuf *err);

/*
 * Submit the message.  Returns 0 when the command accepted it (exit
 * status 0), else -1 with one line in err (errsz bytes) naming what went
 * wrong: a bad address or argument (nothing was run), a command that
 * could not run, timed out, died on a signal or exited non-zero (with
 * its status and the first line it printed).
 */
int	 mailout_send(const struct mailout_msg *, char *err, size_t errsz);

#endif
