/*
 * cfgcheck: the configuration checks that need more than the settings
 * table, reported entry by entry.
 *
 * The trust settings (court_domains, firm_domains, trusted_clients,
 * trusted_authserv_id) and the restricted terms and exceptions are
 * compiled by policy/ code that stops at the first bad entry.  These
 * checks compile each entry of a list on its own, so that every bad entry
 * is reported in one pass, each with the line that set it
 * (cfg_problem()).
 */
#ifndef NEF_CFGCHECK_H
#define NEF_CFGCHECK_H

struct cfg;
struct strbuf;

/* The trust settings.  0, or -1 with one line per problem in err. */
int	 cfgcheck_trust(const struct cfg *, struct strbuf *err);
/* restricted_terms and restricted_exceptions.  0 or -1, as above. */
int	 cfgcheck_terms(const struct cfg *, struct strbuf *err);

/* Sort problem lines ("FILE:LINE: ...") by line number, keeping the
 * order of lines with the same number or none. */
void	 cfgcheck_sort(struct strbuf *err);

#endif
