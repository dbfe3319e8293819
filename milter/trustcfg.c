/*
 * NAME
 *	trustcfg 3 - the trust checker of a configuration
 * SYNOPSIS
 *	#include "trustcfg.h"
 * DESCRIPTION
 *	See trustcfg.h.  The lists of the settings are handed to
 *	trust_new() as they are: the struct trust copies what it keeps.
 * DIAGNOSTICS
 *	trust_new()'s: -1 with the first bad entry in err.
 */
#include <string.h>

#include "cfg.h"
#include "trust.h"
#include "trustcfg.h"

int
trustcfg_new(const struct cfg *cf, struct trust **out, char *err, size_t errsz)
{
	struct trust_cfg	 tc;
	struct trust		*t = NULL;
	int			 rc;

	memset(&tc, 0, sizeof(tc));
	tc.tc_court_domains = (const char *const *)cf->cf_court_domains.l_v;
	tc.tc_ncourt = cf->cf_court_domains.l_n;
	tc.tc_authserv_id = cf->cf_trusted_authserv_id;
	tc.tc_clients = (const char *const *)cf->cf_trusted_clients.l_v;
	tc.tc_nclients = cf->cf_trusted_clients.l_n;
	tc.tc_firm_domains = (const char *const *)cf->cf_firm_domains.l_v;
	tc.tc_nfirm = cf->cf_firm_domains.l_n;
	tc.tc_trust_local = cf->cf_trust_local_mail;
	rc = trust_new(&tc, &t, err, errsz);
	if (out != NULL)
		*out = t;
	else
		trust_free(t);
	return rc;
}
