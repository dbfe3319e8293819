/*
 * decide: the verdict for one message.
 *
 * The caller (the milter) gathers everything first: the message class
 * (trust.h and the parser), whether the entry is restricted
 * (sealterm.h), the envelope recipients, the addresses the notice lists
 * as electronically noticed, the court-listed addresses and the case
 * team learned earlier (from the store), and, once fetched, the result of
 * each document link.  decide_run() then says what to do.  It is pure:
 * it can be called before fetching (results DECIDE_DOC_PENDING) to learn
 * whether to fetch, and again with the results for the link actions;
 * the recipient part of the verdict is the same both times.
 *
 * RULES
 *   Classes.  Only a verified court notice is fetched, learned from
 *   (do_learn: store the notice's list as court-listed for the case) and
 *   expanded to the case team (with team_expand).  An unverified court
 *   notice and an internal forward (a notice forwarded by a colleague
 *   from a firm domain) get the restriction rules below and nothing
 *   else.  DECIDE_OTHER gets nothing.
 *
 *   Allowed recipients.  For a restricted entry, the documents and the
 *   free-look links may reach only recipients the court listed for the
 *   case: the notice's own list plus the learned list.  With
 *   restricted_scope=address a recipient is allowed when it equals a
 *   listed address (addr.h: case ignored).  With restricted_scope=firm
 *   (the default) the firm being on the list lets in the whole firm:
 *     - when firm_domains is set: a recipient in a firm domain is
 *       allowed when any listed address is in a firm domain; a recipient
 *       elsewhere must be listed exactly (a court listing one pro se
 *       party at a mail provider does not let in every user of that
 *       provider);
 *     - when firm_domains is empty: a recipient is allowed when some
 *       listed address has exactly its domain.
 *
 *   Restricted entry, court notice (verified or not).  Each envelope
 *   recipient who is not allowed is
 *     - removed from the message (restricted_action=remove), with the
 *       reason in do_del; or
 *     - kept, and the whole message is held (restricted_action=hold).
 *   When removing would leave no recipient at all (counting the team
 *   members added), the message is held instead and nobody is removed:
 *   a notice is never lost.  The case team is added only where allowed.
 *
 *   Internal forward of a restricted entry.  The forwarder chose the
 *   recipients, so nobody is removed.  When any recipient is not allowed
 *   the entry's documents and free-look links are stripped for the whole
 *   message: there is one body for all recipients, and the allowed ones
 *   already hold the court's original.  With restricted_action=hold the
 *   message is also held.
 *
 *   One body.  Whenever a recipient who is not allowed stays on a
 *   message with a restricted entry (a forward, restricted_action=hold,
 *   or the hold that replaces removing everybody), do_strip is set: no
 *   document is attached, every free-look link of the entry is stripped,
 *   and the rewriter removes court documents attached to a forward.  A
 *   held message is therefore safe to release as it is.
 *
 *   Links.  A link whose fetch met a login prompt (DECIDE_DOC_LOGIN), or
 *   that shows without fetching that the document is not public
 *   (DECIDE_DOC_SEALED, e.g. an empty magic number), is stripped under
 *   sealed_link_action=strip, kept but holds the message under hold, and
 *   kept under keep.  Every other link is kept unless do_strip.  A
 *   document is attached when the notice is verified, its result is
 *   DECIDE_DOC_PDF and do_strip is not set.
 *
 * LIMITS
 *   Each address list holds at most DECIDE_LIST_MAX entries and there are
 *   at most DECIDE_DOCS_MAX documents; more is an error (the caller then
 *   applies its failure action, which delivers the notice unchanged or
 *   defers it).
 */
#ifndef NEF_DECIDE_H
#define NEF_DECIDE_H

#include <stddef.h>

#define DECIDE_LIST_MAX		2000	/* entries of one address list */
#define DECIDE_DOCS_MAX		1000	/* documents of one notice */
#define DECIDE_REASON_SIZE	96	/* per-recipient reason, NUL included */
#define DECIDE_TEXT_SIZE	320	/* hold reason, audit line */

enum decide_class {
	DECIDE_OTHER,		/* not a notice: nothing to do */
	DECIDE_VERIFIED,	/* court notice, verified (trust.h) */
	DECIDE_UNVERIFIED,	/* court notice, not verified */
	DECIDE_FORWARD		/* notice forwarded from a firm domain */
};

/* The settings' values, in the order of milter/cfg.h's enums. */
enum decide_scope { DECIDE_SCOPE_FIRM, DECIDE_SCOPE_ADDRESS };
enum decide_raction { DECIDE_RACTION_REMOVE, DECIDE_RACTION_HOLD };
enum decide_login { DECIDE_LOGIN_STRIP, DECIDE_LOGIN_HOLD, DECIDE_LOGIN_KEEP };

/* The result of one document link. */
enum decide_doc_result {
	DECIDE_DOC_PENDING,	/* not fetched (yet, or ever) */
	DECIDE_DOC_PDF,		/* the PDF is in hand */
	DECIDE_DOC_LOGIN,	/* the link answered with a login prompt */
	DECIDE_DOC_SEALED,	/* the link itself shows a non-public document */
	DECIDE_DOC_UNAVAILABLE,	/* the court says the document is unavailable */
	DECIDE_DOC_ERROR,	/* network or server error */
	DECIDE_DOC_TOO_LARGE,	/* over max_document_bytes */
	DECIDE_DOC_REFUSED,	/* host or path not allowed, not fetched */
	DECIDE_DOC_NODOC	/* the entry has no document */
};

enum decide_link { DECIDE_LINK_KEEP, DECIDE_LINK_STRIP };

/* A list of addresses; the strings are the caller's. */
struct decide_list {
	const char *const	*dl_v;
	size_t			 dl_n;
};

struct decide_cfg {
	int			dc_scope;	/* enum decide_scope */
	int			dc_raction;	/* enum decide_raction */
	int			dc_login;	/* enum decide_login */
	int			dc_team_expand;	/* 1: add the case team */
	struct decide_list	dc_firm_domains;
};

/* One message.  Every pointer is only read during decide_run(). */
struct decide_in {
	int			 di_class;	/* enum decide_class */
	int			 di_restricted;	/* 1: restricted entry */
	const char		*di_term;	/* the word that made it so */
	struct decide_list	 di_rcpts;	/* envelope recipients */
	struct decide_list	 di_listed;	/* the notice's own list */
	struct decide_list	 di_learned;	/* court-listed, from the store */
	struct decide_list	 di_team;	/* the case team, from the store */
	const int		*di_docs;	/* enum decide_doc_result each */
	size_t			 di_ndocs;
};

struct decide_rcpt {
	/* Borrowed: points into di_rcpts (deletions) or di_team (adds). */
	const char	*dr_addr;
	char		 dr_reason[DECIDE_REASON_SIZE];
};

struct decide_doc {
	int		 dd_attach;	/* 1: attach the fetched PDF */
	int		 dd_link;	/* enum decide_link */
	const char	*dd_why;	/* static: "", "login", "sealed",
					   "restricted" */
};

struct decide_out {
	int			 do_fetch;	/* fetch the documents */
	int			 do_learn;	/* store di_listed for the case */
	int			 do_attach;	/* documents may be attached */
	int			 do_strip;	/* strip the restricted entry */
	int			 do_hold;	/* put the message on hold */
	char			 do_hold_reason[DECIDE_TEXT_SIZE];
	struct decide_rcpt	*do_add;	/* recipients to add */
	size_t			 do_nadd;
	/*
	 * The envelope recipients a restricted entry may not reach, each
	 * with its reason, whether or not they are removed.
	 */
	struct decide_rcpt	*do_denied;
	size_t			 do_ndenied;
	/*
	 * The recipients to delete: the same array as do_denied, with
	 * do_ndel = do_ndenied when the removals stand (restricted_action=
	 * remove and somebody is left), else 0.
	 */
	struct decide_rcpt	*do_del;
	size_t			 do_ndel;
	struct decide_doc	*do_docs;	/* one per di_docs entry */
	size_t			 do_ndocs;
	size_t			 do_team_skipped; /* team members not allowed */
	const char		*do_class;	/* static: "verified", ... */
	/*
	 * The audit line, printable ASCII: "class=verified restricted=no
	 * add=2 del=0 strip=no hold=no", with "restricted=\"SEALED\"
	 * scope=firm action=remove" for a restricted entry, "login=N" when
	 * links met a login prompt or are not public, "denied=N" when
	 * recipients not allowed stay on the message, and
	 * "team_skipped=N" when team members were not added.
	 */
	char			 do_audit[DECIDE_TEXT_SIZE];
};

/*
 * Decide.  Returns 0 and a new verdict in *out (free it with
 * decide_free(); its recipient pointers borrow from in's lists, so it
 * must not outlive them), or -1 with *out NULL when an argument is
 * NULL, a list or the documents exceed the limits, or memory runs out.
 */
int	 decide_run(const struct decide_cfg *cfg, const struct decide_in *in,
	    struct decide_out **out);
/* Release a verdict; decide_free(NULL) does nothing.  Returns NULL. */
struct decide_out *decide_free(struct decide_out *out);

/*
 * 1 when addr may receive a restricted entry of this message under cfg
 * (the rule above, from in's listed and learned lists), else 0.
 */
int	 decide_allowed(const struct decide_cfg *cfg,
	    const struct decide_in *in, const char *addr);

/* The name of a class: "other", "verified", "unverified", "forward". */
const char *decide_class_name(int cls);

#endif
