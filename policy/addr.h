/*
 * addr: e-mail address helpers.
 *
 * Addresses reach nefmilter from SMTP envelopes ("<jdoe@Firm.COM>"), from
 * header fields ("Jane Doe <jdoe@firm.com>"), from the notice's recipient
 * list, from the store and from an administrator.  These helpers bring
 * them to one form and compare them.
 *
 * Clean form: blanks around the address and one pair of angle brackets
 * are removed, and the domain (the part after the LAST '@', so that a
 * quoted local part may hold an '@') is lowercased.  The local part keeps
 * its case as written.
 *
 * Comparison: addresses are equal when their clean forms are equal
 * ignoring ASCII case in the local part too.  RFC 5321 allows a server to
 * treat "JDoe" and "jdoe" as two mailboxes, but no mail system a law firm
 * runs does so, while the same attorney is routinely written "John.Doe@"
 * in the court's list and "john.doe@" in the envelope.  A case-sensitive
 * comparison would make a restricted entry drop or hold a recipient whom
 * the court did list, and would let a case team hold the same person
 * twice.  Treating case variants as one mailbox only ever merges what is,
 * in practice, one mailbox.
 *
 * Domain lists (court_domains, firm_domains): an entry matches its own
 * domain and every subdomain of it ("uscourts.gov" matches
 * "cand.uscourts.gov" but not "fakeuscourts.gov").  A leading "*.", "."
 * or "@" and a trailing "." in an entry are ignored; so is a trailing "."
 * of the domain tested.
 *
 * All functions are pure and thread-safe; none allocates memory.  Every
 * pointer passed in is only read during the call.
 */
#ifndef NEF_ADDR_H
#define NEF_ADDR_H

#include <stddef.h>

#define ADDR_LOCAL_MAX	64	/* RFC 5321 4.5.3.1.1 */
#define ADDR_DOMAIN_MAX	255	/* RFC 5321 4.5.3.1.2 */
#define ADDR_MAX	(ADDR_LOCAL_MAX + 1 + ADDR_DOMAIN_MAX)
/* A buffer that always holds a clean address, or a domain. */
#define ADDR_SIZE	(ADDR_MAX + 1)
/* Longest header value addr_from_header() looks at. */
#define ADDR_HEADER_MAX	4096

/*
 * Write the clean form of in into out (outsz bytes, ADDR_SIZE always
 * fits).  The null sender ("<>" or "") gives "".  Returns 0, or -1 when
 * the result does not fit, holds a control character or an unbalanced
 * angle bracket; out is then "" when outsz > 0.  A missing '@' is not an
 * error here (envelope "<postmaster>"): use addr_validate() for syntax.
 */
int	addr_clean(const char *in, char *out, size_t outsz);

/*
 * Write the lowercased domain of addr (clean or not) into dom.  Returns
 * 0, or -1 when addr has no '@', the domain is empty or too long (dom is
 * then "").
 */
int	addr_domain(const char *addr, char *dom, size_t domsz);

/* 1 when a and b name the same mailbox (see above), else 0. */
int	addr_equal(const char *a, const char *b);

/*
 * 1 when domain equals or is a subdomain of one of list[0..n), else 0.
 * list may be NULL when n is 0.
 */
int	addr_domain_in(const char *domain, const char *const *list, size_t n);

/* 1 when the domain of addr is in list (as addr_domain_in()), else 0. */
int	addr_in_domains(const char *addr, const char *const *list, size_t n);

/*
 * Check addr as an administrator typed it (blanks and one pair of angle
 * brackets allowed around it): a dot-atom or quoted local part of at most
 * 64 bytes, '@', and a domain name of letters, digits and hyphens with at
 * least two labels.  Returns 0, or -1 and a short English reason in why
 * (whysz bytes; why may be NULL).  Address literals ("[10.1.2.3]") and
 * non-ASCII addresses are refused: a court never lists them.
 */
int	addr_validate(const char *addr, char *why, size_t whysz);

/*
 * Extract the one mailbox of a From-style header value (folded or not):
 * "Jane Doe <jdoe@firm.com>", "jdoe@firm.com (Jane Doe)",
 * "\"Doe, Jane\" <jdoe@firm.com>".  Quoted strings and comments are
 * skipped, so a display name that looks like an address is never taken.
 * Writes the clean address into out.  Returns 0, or -1 when the value
 * holds no mailbox, more than one, a group, or is longer than
 * ADDR_HEADER_MAX (out is then "").
 */
int	addr_from_header(const char *value, char *out, size_t outsz);

#endif
