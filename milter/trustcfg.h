/*
 * trustcfg: the trust checker (policy/trust.h) of a configuration.
 *
 * The trust settings (court_domains, firm_domains, trusted_clients,
 * trusted_authserv_id, trust_local_mail) compiled into a struct trust,
 * as the pipeline reads each message and as the configuration check
 * (cfgcheck.h) validates them.
 */
#ifndef NEF_TRUSTCFG_H
#define NEF_TRUSTCFG_H

#include <stddef.h>

struct cfg;
struct trust;

/* A trust checker from the settings into *t, which the caller frees with
 * trust_free(); t may be NULL: only validate.  0, or -1 with the first
 * problem in err. */
int	 trustcfg_new(const struct cfg *, struct trust **t, char *err,
	    size_t errsz);

#endif
