/*
 * cfgcheck: the configuration checks that need more than the settings
 * table, reported entry by entry.
 *
 * The trust settings (court_domains, firm_domains, trusted_clients,
 * trusted_authserv_id) and the restricted terms and exceptions are
 * compiled by policy/ code that stops at the first bad entry.  These
 * checks compile each entry of a list on its own, so that every bad entry
 * is reported in one pass, each with the line that set it
 * (cfgcheck_problem()).
 */
#ifndef NEF_CFGCHECK_H
#define NEF_CFGCHECK_H

#include <stddef.h>

struct cfg;
struct strbuf;

/* Where key got its value, into buf: "FILE:LINE", or "FILE" (or
 * "defaults") for a built-in default.  Returns buf. */
const char *cfgcheck_where(const struct cfg *, const char *key, char *buf,
	    size_t size);
/* 1 when the file set key to a value that was refused, else 0: a check
 * over it would only repeat the problem. */
int	 cfgcheck_refused(const struct cfg *, const char *key);
/*
 * Append one problem as "WHERE: MESSAGE\n" to err, WHERE being
 * cfgcheck_where() of key; for a list setting, the line of the entry the
 * message quotes ("VALUE").  With key NULL, the key is the message's
 * first word when that names a setting ("trusted_clients: ...").
 */
void	 cfgcheck_problem(const struct cfg *, struct strbuf *err,
	    const char *key, const char *fmt, ...)
	    __attribute__((format(printf, 4, 5)));

/* The trust settings.  0, or -1 with one line per problem in err. */
int	 cfgcheck_trust(const struct cfg *, struct strbuf *err);
/* restricted_terms and restricted_exceptions.  0 or -1, as above. */
int	 cfgcheck_terms(const struct cfg *, struct strbuf *err);

/* Sort problem lines ("FILE:LINE: ...") by line number, keeping the
 * order of lines with the same number or none. */
void	 cfgcheck_sort(struct strbuf *err);

#endif
