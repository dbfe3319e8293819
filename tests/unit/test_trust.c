/*
 * test_trust: court sender, Authentication-Results verification, trusted
 * client addresses and forward subjects, on tables of messages.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "trust.h"

#define AUTHSERV	"mx1.firm.example"

static const char *const courts[] = { "uscourts.gov", "fedcourts.us" };
static const char *const firms[] = { "firm.example", "firm-law.example" };
static const char *const clients[] = {
	"10.1.2.3", "192.0.2.0/24", "2001:db8:40::/48", "::ffff:198.51.100.7",
	"2001:DB8::a:1",
};

static struct trust *
mk(const char *authserv)
{
	struct trust_cfg	 c;
	struct trust		*t = NULL;
	char			 err[200];

	memset(&c, 0, sizeof(c));
	c.tc_court_domains = courts;
	c.tc_ncourt = 2;
	c.tc_authserv_id = authserv;
	c.tc_clients = clients;
	c.tc_nclients = sizeof(clients) / sizeof(clients[0]);
	c.tc_firm_domains = firms;
	c.tc_nfirm = 2;
	if (trust_new(&c, &t, err, sizeof(err)) != 0)
		fail_msg("trust_new: %s", err);
	return t;
}

/* One message and what must come out. */
struct mcase {
	const char	*name;
	const char	*from, *envfrom, *client, *subject;
	const char	*ar[4];
	int		 court, verified, via, firm, forward;
	const char	*reason;	/* exact */
};

static const struct mcase mcases[] = {
	{ "district NEF, SPF pass from the firm's verifier",
	    "cand_ecf@cand.uscourts.gov", "cand_ecf@cand.uscourts.gov",
	    "199.107.16.200", "Activity in Case 4:22-cv-05541-JST Doe v. Roe Order",
	    { AUTHSERV "; spf=pass (mx1: domain of cand_ecf@cand.uscourts.gov "
	      "designates 199.107.16.200 as permitted sender) "
	      "smtp.mailfrom=cand_ecf@cand.uscourts.gov" },
	    1, 1, TRUST_VIA_SPF, 0, 0, "verified=spf:cand.uscourts.gov" },
	{ "DKIM pass d=uscourts.gov, folded, with a version",
	    "\"DCD_ECFNotice\" <DCD_ECFNotice@dcd.uscourts.gov>",
	    "DCD_ECFNotice@dcd.uscourts.gov", NULL, NULL,
	    { AUTHSERV " 1;\r\n\tdkim=pass (2048-bit key; unprotected)\r\n"
	      "\theader.d=uscourts.gov header.i=@uscourts.gov\r\n"
	      "\theader.a=rsa-sha256 header.s=law1e header.b=Xk3aBc9Q" },
	    1, 1, TRUST_VIA_DKIM, 0, 0, "verified=dkim:uscourts.gov" },
	{ "ACMS via SendGrid: dkim header.i only, spf for the bounce domain",
	    "ACMS@ca9.fedcourts.us",
	    "bounces+16017090-53e4-jdoe=firm.example@em4346.ca9.fedcourts.us",
	    "149.72.33.13", "Doe v. Roe 25-1677 - Answering Brief",
	    { AUTHSERV ";\n spf=pass smtp.mailfrom=bounces+16017090-53e4-"
	      "jdoe=firm.example@em4346.ca9.fedcourts.us;\n dkim=pass "
	      "header.i=@ca9.fedcourts.us header.s=s1;\n dmarc=pass "
	      "(p=none dis=none) header.from=ca9.fedcourts.us" },
	    1, 1, TRUST_VIA_DKIM, 0, 0, "verified=dkim:ca9.fedcourts.us" },
	{ "DMARC pass alone",
	    "cmecf@ca2.uscourts.gov", "cmecf@ca2.uscourts.gov", NULL, NULL,
	    { AUTHSERV "; dmarc=pass (p=reject dis=none) "
	      "header.from=ca2.uscourts.gov" },
	    1, 1, TRUST_VIA_DMARC, 0, 0, "verified=dmarc:ca2.uscourts.gov" },
	{ "the best of several headers counts; quoted authserv-id",
	    "ecf@nysd.uscourts.gov", "ecf@nysd.uscourts.gov", NULL, NULL,
	    { "\"" AUTHSERV "\"; spf=pass smtp.mailfrom=nysd.uscourts.gov",
	      AUTHSERV "; dkim=pass header.d=\"uscourts.gov\"" },
	    1, 1, TRUST_VIA_DKIM, 0, 0, "verified=dkim:uscourts.gov" },
	{ "pass from an untrusted authserv-id",
	    "ecf@nysd.uscourts.gov", "ecf@nysd.uscourts.gov", "203.0.113.9",
	    NULL,
	    { "amazonses.com; spf=pass smtp.mailfrom=ecf@nysd.uscourts.gov; "
	      "dkim=pass header.d=uscourts.gov",
	      "mx1.firm.example.evil; dkim=pass header.d=uscourts.gov",
	      "mx1; dkim=pass header.d=uscourts.gov" },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no trusted Authentication-Results" },
	{ "spf=fail from the trusted verifier",
	    "ecf@nysd.uscourts.gov", "ecf@nysd.uscourts.gov", "203.0.113.9",
	    NULL,
	    { AUTHSERV "; spf=fail (mx1: domain of ecf@nysd.uscourts.gov does "
	      "not designate 203.0.113.9 as permitted sender) "
	      "smtp.mailfrom=ecf@nysd.uscourts.gov; dkim=none" },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no court pass (spf=fail dkim=none)" },
	{ "dkim=pass for a non-court domain, spf softfail",
	    "ecf@cand.uscourts.gov", "bounce@evil.example", "203.0.113.9",
	    NULL,
	    { AUTHSERV "; dkim=pass header.d=evil.example header.i=@evil.example;"
	      " spf=softfail smtp.mailfrom=bounce@evil.example" },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no court pass (dkim=pass:evil.example spf=softfail)" },
	{ "look-alike court domain in a passing result",
	    "ecf@cand.uscourts.gov", "x@fakeuscourts.gov", NULL, NULL,
	    { AUTHSERV "; spf=pass smtp.mailfrom=x@fakeuscourts.gov; "
	      "dkim=pass header.d=uscourts.gov.evil.example" },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no court pass (spf=pass:fakeuscourts.gov "
	    "dkim=pass:uscourts.gov.evil.example)" },
	{ "the court domain only inside a comment or a reason",
	    "ecf@cand.uscourts.gov", "x@evil.example", NULL, NULL,
	    { AUTHSERV "; dkim=fail (header.d=uscourts.gov) "
	      "reason=\"header.d=uscourts.gov\" header.d=evil.example; "
	      "spf=pass (smtp.mailfrom=uscourts.gov) "
	      "smtp.mailfrom=evil.example" },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no court pass (dkim=fail spf=pass:evil.example)" },
	{ "no results at all from the verifier",
	    "ecf@cand.uscourts.gov", "ecf@cand.uscourts.gov", NULL, NULL,
	    { AUTHSERV "; none" },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no court pass (no spf, dkim or dmarc result)" },
	{ "no Authentication-Results header",
	    "ecf@cand.uscourts.gov", "ecf@cand.uscourts.gov", "203.0.113.9",
	    NULL, { NULL },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no Authentication-Results" },
	{ "malformed clause is skipped, the next one counts",
	    "ecf@cand.uscourts.gov", "ecf@cand.uscourts.gov", NULL, NULL,
	    { AUTHSERV "; spf pass smtp.mailfrom=cand.uscourts.gov; "
	      "dkim=pass header.d=\"unterminated; spf=pass "
	      "smtp.mailfrom=cand.uscourts.gov" },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no court pass (no spf, dkim or dmarc result)" },
	{ "trusted IPv4 client",
	    "ecf@cand.uscourts.gov", "ecf@cand.uscourts.gov", "10.1.2.3", NULL,
	    { NULL },
	    1, 1, TRUST_VIA_CLIENT, 0, 0, "verified=client:10.1.2.3" },
	{ "client inside an IPv4 CIDR block",
	    "ecf@cand.uscourts.gov", NULL, "192.0.2.254", NULL, { NULL },
	    1, 1, TRUST_VIA_CLIENT, 0, 0, "verified=client:192.0.2.254" },
	{ "client just outside the block",
	    "ecf@cand.uscourts.gov", NULL, "192.0.3.0", NULL, { NULL },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no Authentication-Results" },
	{ "IPv4-mapped client matches an IPv4 block",
	    "ecf@cand.uscourts.gov", NULL, "::ffff:192.0.2.9", NULL, { NULL },
	    1, 1, TRUST_VIA_CLIENT, 0, 0, "verified=client:::ffff:192.0.2.9" },
	{ "IPv4 client matches an IPv4-mapped entry",
	    "ecf@cand.uscourts.gov", NULL, "198.51.100.7", NULL, { NULL },
	    1, 1, TRUST_VIA_CLIENT, 0, 0, "verified=client:198.51.100.7" },
	{ "IPv6 client inside a /48",
	    "ecf@cand.uscourts.gov", NULL, "IPv6:2001:db8:40:ffff::25", NULL,
	    { NULL },
	    1, 1, TRUST_VIA_CLIENT, 0, 0,
	    "verified=client:IPv6:2001:db8:40:ffff::25" },
	{ "IPv6 client outside the /48",
	    "ecf@cand.uscourts.gov", NULL, "2001:db8:41::25", NULL, { NULL },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no Authentication-Results" },
	{ "IPv6 single address, written differently",
	    "ecf@cand.uscourts.gov", NULL, "[2001:0db8:0000:0000:0000:0000:000a:0001]",
	    NULL, { NULL },
	    1, 1, TRUST_VIA_CLIENT, 0, 0,
	    "verified=client:[2001:0db8:0000:0000:0000:0000:000a:0001]" },
	{ "garbage client address",
	    "ecf@cand.uscourts.gov", NULL, "10.1.2.3.4", NULL, { NULL },
	    1, 0, TRUST_VIA_NONE, 0, 0,
	    "unverified: no Authentication-Results" },
	{ "a trusted client does not make a non-court message a notice",
	    "jdoe@firm.example", "jdoe@firm.example", "10.1.2.3",
	    "FW: Activity in Case 4:22-cv-05541 Doe v. Roe Order",
	    { AUTHSERV "; dkim=pass header.d=firm.example" },
	    0, 0, TRUST_VIA_NONE, 1, 1, "not court: from=firm.example" },
	{ "display name that looks like a court address",
	    "\"ecf@cand.uscourts.gov\" <ecf@evil.example>",
	    "ecf@cand.uscourts.gov", NULL, NULL,
	    { AUTHSERV "; spf=pass smtp.mailfrom=cand.uscourts.gov" },
	    0, 0, TRUST_VIA_NONE, 0, 0, "not court: from=evil.example" },
	{ "court envelope with a foreign From is no notice",
	    "news@example.org", "bounce@cand.uscourts.gov", NULL, NULL,
	    { NULL },
	    0, 0, TRUST_VIA_NONE, 0, 0, "not court: from=example.org" },
	{ "no usable From: the envelope sender decides",
	    "a@b.example, c@d.example", "ecf@cand.uscourts.gov", NULL, NULL,
	    { AUTHSERV "; spf=pass smtp.mailfrom=ecf@cand.uscourts.gov" },
	    1, 1, TRUST_VIA_SPF, 0, 0, "verified=spf:cand.uscourts.gov" },
	{ "nothing at all",
	    NULL, NULL, NULL, NULL, { NULL },
	    0, 0, TRUST_VIA_NONE, 0, 0, "not court: no sender domain" },
	{ "internal forward from a firm subdomain",
	    "Kiona <kiona@ny.firm-law.example>", "kiona@ny.firm-law.example",
	    NULL, "Re: Fwd: Activity in Case 1:21-cv-01456-MN CBV v. ChanBond",
	    { NULL },
	    0, 0, TRUST_VIA_NONE, 1, 1, "not court: from=ny.firm-law.example" },
};

static void
test_messages(void **state)
{
	struct trust		*t = mk(AUTHSERV);
	struct trust_verdict	 v;
	size_t			 i, n;

	(void)state;
	for (i = 0; i < sizeof(mcases) / sizeof(mcases[0]); i++) {
		const struct mcase *c = &mcases[i];
		struct trust_msg m;

		for (n = 0; n < 4 && c->ar[n] != NULL; n++)
			;
		memset(&m, 0, sizeof(m));
		m.tm_from = c->from;
		m.tm_envfrom = c->envfrom;
		m.tm_client = c->client;
		m.tm_subject = c->subject;
		m.tm_ar = c->ar;
		m.tm_nar = n;
		assert_int_equal(trust_check(t, &m, &v), 0);
		if (v.tv_court != c->court || v.tv_verified != c->verified ||
		    v.tv_via != c->via || v.tv_firm != c->firm ||
		    v.tv_forward != c->forward ||
		    strcmp(v.tv_reason, c->reason) != 0)
			fail_msg("%s: got court=%d verified=%d via=%d firm=%d "
			    "forward=%d reason=\"%s\"", c->name, v.tv_court,
			    v.tv_verified, v.tv_via, v.tv_firm, v.tv_forward,
			    v.tv_reason);
	}
	trust_free(t);
}

/* Local mail: never verified unless trust_local_mail; then as any. */
static void
test_local_mail(void **state)
{
	static const char *const lclients[] = { "127.0.0.0/8", "::1",
	    "10.1.2.3" };
	static const struct {
		const char *client;
		int local, ar, trust_local, verified, is_local;
		const char *reason;
	} cs[] = {
	    { "127.0.0.1", 1, 0, 0, 0, 1, "unverified: local mail (submitted "
	      "on the relay; trust_local_mail = no)" },
	    { "127.0.0.1", 1, 1, 0, 0, 1, "unverified: local mail (submitted "
	      "on the relay; trust_local_mail = no)" },
	    { "127.0.0.1", 0, 0, 0, 0, 1, "unverified: local mail (loopback "
	      "client 127.0.0.1; trust_local_mail = no)" },
	    { "127.5.6.7", 0, 1, 0, 0, 1, "unverified: local mail (loopback "
	      "client 127.5.6.7; trust_local_mail = no)" },
	    { "::1", 0, 0, 0, 0, 1, "unverified: local mail (loopback client "
	      "::1; trust_local_mail = no)" },
	    { "::ffff:127.0.0.1", 0, 0, 0, 0, 1, "unverified: local mail "
	      "(loopback client ::ffff:127.0.0.1; trust_local_mail = no)" },
	    { NULL, 1, 1, 0, 0, 1, "unverified: local mail (submitted on the "
	      "relay; trust_local_mail = no)" },
	    { "10.1.2.3", 0, 0, 0, 1, 0, "verified=client:10.1.2.3" },
	    { "128.0.0.1", 0, 1, 0, 1, 0, "verified=spf:cand.uscourts.gov" },
	    { "127.0.0.1", 1, 0, 1, 1, 1, "verified=client:127.0.0.1" },
	    { "127.0.0.1", 0, 1, 1, 1, 1, "verified=spf:cand.uscourts.gov" },
	    { "::1", 0, 0, 1, 1, 1, "verified=client:::1" },
	};
	static const char *const ar[] = { AUTHSERV "; spf=pass "
	    "smtp.mailfrom=cand_ecf@cand.uscourts.gov" };
	struct trust_cfg	 c;
	struct trust		*t[2] = { NULL, NULL };
	struct trust_verdict	 v;
	struct trust_msg	 m;
	char			 err[200];
	size_t			 i;

	(void)state;
	for (i = 0; i < 2; i++) {
		memset(&c, 0, sizeof(c));
		c.tc_court_domains = courts;
		c.tc_ncourt = 2;
		c.tc_authserv_id = AUTHSERV;
		c.tc_clients = lclients;
		c.tc_nclients = 3;
		c.tc_trust_local = (int)i;
		if (trust_new(&c, &t[i], err, sizeof(err)) != 0)
			fail_msg("trust_new: %s", err);
	}
	for (i = 0; i < sizeof(cs) / sizeof(cs[0]); i++) {
		memset(&m, 0, sizeof(m));
		m.tm_from = "cand_ecf@cand.uscourts.gov";
		m.tm_client = cs[i].client;
		m.tm_local = cs[i].local;
		m.tm_ar = cs[i].ar ? ar : NULL;
		m.tm_nar = cs[i].ar ? 1 : 0;
		assert_int_equal(trust_check(t[cs[i].trust_local], &m, &v), 0);
		if (!v.tv_court || v.tv_verified != cs[i].verified ||
		    v.tv_local != cs[i].is_local ||
		    strcmp(v.tv_reason, cs[i].reason) != 0)
			fail_msg("case %zu: verified=%d local=%d reason=\"%s\"",
			    i, v.tv_verified, v.tv_local, v.tv_reason);
	}
	trust_free(t[0]);
	trust_free(t[1]);
}

static void
test_no_authserv(void **state)
{
	struct trust		*t = mk("");
	struct trust_verdict	 v;
	const char		*ar[] = { AUTHSERV "; dkim=pass header.d=uscourts.gov" };
	struct trust_msg	 m;

	(void)state;
	memset(&m, 0, sizeof(m));
	m.tm_from = "ecf@cand.uscourts.gov";
	m.tm_ar = ar;
	m.tm_nar = 1;
	assert_int_equal(trust_check(t, &m, &v), 0);
	assert_int_equal(v.tv_court, 1);
	assert_int_equal(v.tv_verified, 0);
	assert_string_equal(v.tv_reason,
	    "unverified: trusted_authserv_id not set");
	/* The client list still works. */
	m.tm_client = "10.1.2.3";
	assert_int_equal(trust_check(t, &m, &v), 0);
	assert_int_equal(v.tv_verified, 1);
	trust_free(t);
	assert_int_equal(trust_check(NULL, &m, &v), -1);
	assert_int_equal(v.tv_court, 0);
	assert_null(trust_free(NULL));
}

static void
test_limits(void **state)
{
	struct trust		*t = mk(AUTHSERV);
	struct trust_verdict	 v;
	struct trust_msg	 m;
	const char		*ar[TRUST_AR_HEADERS + 1];
	static char		 big[TRUST_AR_MAX + 64];
	size_t			 i;

	(void)state;
	/* The passing header past TRUST_AR_HEADERS is not examined. */
	for (i = 0; i < TRUST_AR_HEADERS; i++)
		ar[i] = "other.example; spf=none";
	ar[TRUST_AR_HEADERS] = AUTHSERV "; dkim=pass header.d=uscourts.gov";
	memset(&m, 0, sizeof(m));
	m.tm_from = "ecf@cand.uscourts.gov";
	m.tm_ar = ar;
	m.tm_nar = TRUST_AR_HEADERS + 1;
	assert_int_equal(trust_check(t, &m, &v), 0);
	assert_int_equal(v.tv_verified, 0);
	ar[TRUST_AR_HEADERS - 1] = ar[TRUST_AR_HEADERS];
	assert_int_equal(trust_check(t, &m, &v), 0);
	assert_int_equal(v.tv_verified, 1);
	/* An over-long header is ignored whole. */
	memset(big, ' ', sizeof(big) - 1);
	memcpy(big, AUTHSERV "; dkim=pass header.d=uscourts.gov",
	    strlen(AUTHSERV "; dkim=pass header.d=uscourts.gov"));
	big[sizeof(big) - 1] = '\0';
	ar[0] = big;
	m.tm_nar = 1;
	assert_int_equal(trust_check(t, &m, &v), 0);
	assert_int_equal(v.tv_verified, 0);
	big[TRUST_AR_MAX] = '\0';
	assert_int_equal(trust_check(t, &m, &v), 0);
	assert_int_equal(v.tv_verified, 1);
	/* Many failing results: the reason stays one capped line. */
	{
		static char many[4000];
		size_t len = 0;

		len += (size_t)snprintf(many, sizeof(many), "%s", AUTHSERV);
		for (i = 0; i < 60; i++)
			len += (size_t)snprintf(many + len, sizeof(many) - len,
			    "; spf=fail%zu smtp.mailfrom=uscourts.gov", i);
		ar[0] = many;
		assert_int_equal(trust_check(t, &m, &v), 0);
		assert_int_equal(v.tv_verified, 0);
		assert_true(strlen(v.tv_reason) < TRUST_REASON_SIZE);
		assert_non_null(strstr(v.tv_reason, "spf=fail0 spf=fail1"));
		assert_non_null(strstr(v.tv_reason, "..."));
	}
	trust_free(t);
}

struct bad {
	const char	*court, *client, *firm, *authserv;
	const char	*msg;		/* part of the error */
};

static const struct bad bads[] = {
	{ "uscourts.gov", "10.1.2.3/8", NULL, NULL,
	    "host bits set (did you mean 10.0.0.0/8?)" },
	{ "uscourts.gov", "192.0.2.128/25", NULL, NULL, NULL },
	{ "uscourts.gov", "192.0.2.130/25", NULL, NULL,
	    "did you mean 192.0.2.128/25?" },
	{ "uscourts.gov", "2001:db8::1/64", NULL, NULL,
	    "host bits set below /64" },
	{ "uscourts.gov", "0.0.0.0/0", NULL, NULL, "every client" },
	{ "uscourts.gov", "10.0.0.0/33", NULL, NULL, "bad prefix length" },
	{ "uscourts.gov", "10.0.0.0/", NULL, NULL, "bad prefix length" },
	{ "uscourts.gov", "10.0.0.0/-8", NULL, NULL, "bad prefix length" },
	{ "uscourts.gov", "10.0.0", NULL, NULL, "not an address" },
	{ "uscourts.gov", "10.0.0.256", NULL, NULL, "not an address" },
	{ "uscourts.gov", "1:2:3:4:5:6:7:8:9", NULL, NULL, "not an address" },
	{ "uscourts.gov", "1::2::3", NULL, NULL, "not an address" },
	{ "uscourts.gov", "12345::", NULL, NULL, "not an address" },
	{ "uscourts.gov", "fe80::1%eth0", NULL, NULL, "not an address" },
	{ "uscourts.gov", "host.example", NULL, NULL, "not an address" },
	{ "uscourts.gov", "::ffff:10.0.0.0/104", NULL, NULL, NULL },
	{ "uscourts.gov", "::/128", NULL, NULL, NULL },
	{ "uscourts..gov", NULL, NULL, NULL,
	    "court_domains: \"uscourts..gov\" is not a domain" },
	{ "uscourts.gov", NULL, "firm example", NULL,
	    "firm_domains: \"firm example\" is not a domain" },
	{ "*.uscourts.gov", NULL, "@firm.example", NULL, NULL },
	{ "uscourts.gov", NULL, NULL, "mx1 firm", "one token" },
	{ NULL, NULL, NULL, NULL, "court_domains is empty" },
};

static void
test_bad_settings(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(bads) / sizeof(bads[0]); i++) {
		const struct bad *b = &bads[i];
		struct trust_cfg c;
		struct trust *t = (struct trust *)&c;
		char err[200] = "";
		int rc;

		memset(&c, 0, sizeof(c));
		c.tc_court_domains = &b->court;
		c.tc_ncourt = b->court != NULL;
		c.tc_clients = &b->client;
		c.tc_nclients = b->client != NULL;
		c.tc_firm_domains = &b->firm;
		c.tc_nfirm = b->firm != NULL;
		c.tc_authserv_id = b->authserv;
		rc = trust_new(&c, &t, err, sizeof(err));
		if (b->msg == NULL) {
			if (rc != 0)
				fail_msg("entry %zu refused: %s", i, err);
			assert_non_null(t);
			trust_free(t);
			continue;
		}
		if (rc != -1)
			fail_msg("entry %zu accepted", i);
		assert_null(t);
		if (strstr(err, b->msg) == NULL)
			fail_msg("entry %zu: \"%s\" lacks \"%s\"", i, err,
			    b->msg);
	}
}

struct ip {
	const char	*in;
	const char	*hex;	/* 32 hex digits, or NULL: refused */
};

static const struct ip ips[] = {
	{ "1.2.3.4", "00000000000000000000ffff01020304" },
	{ "255.255.255.255", "00000000000000000000ffffffffffff" },
	{ "::", "00000000000000000000000000000000" },
	{ "::1", "00000000000000000000000000000001" },
	{ "1::", "00010000000000000000000000000000" },
	{ "2001:db8::a:1", "20010db80000000000000000000a0001" },
	{ "2001:db8:1:2:3:4:5:6", "20010db8000100020003000400050006" },
	{ "::ffff:1.2.3.4", "00000000000000000000ffff01020304" },
	{ "64:ff9b::192.0.2.33", "0064ff9b0000000000000000c0000221" },
	{ " [::1] ", "00000000000000000000000000000001" },
	{ "ipv6:fe80::1", "fe800000000000000000000000000001" },
	{ "1:2:3:4:5:6:7::", "00010002000300040005000600070000" },
	{ "1:2:3:4:5:6:7:8::", NULL },
	{ "1:2:3:4:5:6:7", NULL },
	{ ":1::", NULL },
	{ "1::2:", NULL },
	{ "1:::2", NULL },
	{ "::1.2.3.4.5", NULL },
	{ "1.2.3.4::", NULL },
	{ "01234::", NULL },
	{ "1.2.3", NULL },
	{ "1.2.3.4 5", NULL },
	{ "1..2.3", NULL },
	{ "1.2.3.1000", NULL },
	{ "010.2.3.4", NULL },		/* octal or decimal? refused */
	{ "", NULL },
	{ "[]", NULL },
};

static void
test_ip_parse(void **state)
{
	unsigned char	b[16];
	char		hex[33];
	size_t		i, k;

	(void)state;
	for (i = 0; i < sizeof(ips) / sizeof(ips[0]); i++) {
		int rc = trust_ip_parse(ips[i].in, b);

		if (ips[i].hex == NULL) {
			if (rc != -1)
				fail_msg("\"%s\" accepted", ips[i].in);
			continue;
		}
		if (rc != 0)
			fail_msg("\"%s\" refused", ips[i].in);
		for (k = 0; k < 16; k++)
			snprintf(hex + 2 * k, 3, "%02x", b[k]);
		if (strcmp(hex, ips[i].hex) != 0)
			fail_msg("\"%s\" -> %s", ips[i].in, hex);
	}
	assert_int_equal(trust_ip_parse(NULL, b), -1);
}

struct subj {
	const char	*s;
	int		 fwd;
};

static const struct subj subjs[] = {
	{ "Fwd: Activity in Case 4:22-cv-05541 Doe v. Roe Order", 1 },
	{ "FW: Activity in Case 4:22-cv-05541", 1 },
	{ "Fw:Activity in Case", 1 },
	{ "  fwd :  Activity", 1 },
	{ "RE: FW: Activity in Case", 1 },
	{ "Fwd: Fwd: FW: x", 1 },
	{ "[EXTERNAL] FW: Activity in Case", 1 },
	{ "*EXTERNAL* Fwd: x", 1 },
	{ "[Fwd: Activity in Case 1:21-cv-01456]", 1 },
	{ "WG: Activity in Case", 1 },
	{ "TR: Activity in Case", 1 },
	{ "I: Activity in Case", 1 },
	{ "Re[2]: FW: x", 1 },
	{ "Fwd\xef\xbc\x9a x", 1 },
	{ "Re: Activity in Case 4:22-cv-05541", 0 },
	{ "Activity in Case 4:22-cv-05541 Fwd: later", 0 },
	{ "Forwarding address update", 0 },
	{ "FWD notice", 0 },
	{ "[EXTERNAL] Activity in Case", 0 },
	{ "", 0 },
	{ NULL, 0 },
	{ "Re: Re: Re: Re: Re: Re: Re: Re: Re: Re: Re: Re: Re: Re: Re: Re: "
	    "Fwd: deep", 0 },	/* past TRUST_PREFIXES_MAX */
};

static void
test_forward_subject(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(subjs) / sizeof(subjs[0]); i++)
		if (trust_forward_subject(subjs[i].s) != subjs[i].fwd)
			fail_msg("\"%s\" != %d", subjs[i].s ? subjs[i].s :
			    "(null)", subjs[i].fwd);
}

/*
 * The corpus of real notices ($NEF_CORPUS): the court test against an
 * independent oracle (the From line names a court domain), and, with
 * the receiving service's authserv-id trusted, the verdicts on a few
 * known messages.  Skipped with a message when the corpus is absent.
 */
#define HDR_MAX		(256 * 1024)
#define AR_MAX		16

struct hdrs {
	char	*h_buf;			/* unfolded header block */
	char	*h_from, *h_rpath;
	char	*h_ar[AR_MAX];
	size_t	 h_nar;
};

/* Read the header block of path, unfold it, pick the fields. */
static int
read_headers(const char *path, struct hdrs *h)
{
	FILE	*fp;
	size_t	 n, i, o = 0;
	char	*raw, *line, *next;

	memset(h, 0, sizeof(*h));
	if ((fp = fopen(path, "rb")) == NULL)
		return -1;
	raw = calloc(1, HDR_MAX + 1);
	h->h_buf = calloc(1, HDR_MAX + 1);
	assert_non_null(raw);
	assert_non_null(h->h_buf);
	n = fread(raw, 1, HDR_MAX, fp);
	fclose(fp);
	for (i = 0; i < n; i++) {	/* up to the blank line, unfolded */
		if (raw[i] == '\r')
			continue;
		if (raw[i] == '\n' && (i + 1 >= n || raw[i + 1] == '\n' ||
		    (raw[i + 1] == '\r' && i + 2 < n && raw[i + 2] == '\n')))
			break;
		if (raw[i] == '\n' && (raw[i + 1] == ' ' || raw[i + 1] == '\t'))
			continue;	/* folding: keep the white space */
		h->h_buf[o++] = raw[i];
	}
	h->h_buf[o] = '\0';
	free(raw);
	for (line = h->h_buf; line != NULL && *line != '\0'; line = next) {
		char *v;

		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if ((v = strchr(line, ':')) == NULL)
			continue;
		*v++ = '\0';
		while (*v == ' ' || *v == '\t')
			v++;
		if (strcasecmp(line, "From") == 0 && h->h_from == NULL)
			h->h_from = v;
		else if (strcasecmp(line, "Return-Path") == 0)
			h->h_rpath = v;
		else if (strcasecmp(line, "Authentication-Results") == 0 &&
		    h->h_nar < AR_MAX)
			h->h_ar[h->h_nar++] = v;
	}
	return 0;
}

struct known {
	const char	*file;		/* under $NEF_CORPUS/juriscraper/ */
	int		 verified;
	const char	*reason;
};

static const struct known knowns[] = {
	{ "nda/ca9_6.txt", 1, "verified=dkim:ca9.fedcourts.us" },
	{ "nda/ca2_6.txt", 1, "verified=dkim:ca2.fedcourts.us" },
	/* A notice relayed through a firm's mailing list: not verified. */
	{ "nef/s3/ared_7.txt", 0,
	    "unverified: no court pass (spf=none dkim=pass:everettlawfirm.com "
	    "dmarc=fail)" },
	/* A court sending through a cloud tenant: not a court DKIM pass. */
	{ "nef/s3/cand_2.txt", 0, NULL },
};

static void
test_corpus(void **state)
{
	const char		*dirs[] = { "juriscraper/nef/s3", "juriscraper/nda",
				    "courtlistener/recap_test_assets" };
	const char		*root = getenv("NEF_CORPUS");
	struct trust		*seen = mk("amazonses.com"), *ours = mk(AUTHSERV);
	struct trust_verdict	 v, w;
	char			 path[4096];
	size_t			 d, files = 0, ncourt = 0, verified = 0, i;

	DIR			*top;

	(void)state;
	top = root != NULL ? opendir(root) : NULL;
	if (top == NULL)
		fail_msg("NEF_CORPUS is not a directory");
	else
		closedir(top);
	for (d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		DIR *dp;
		struct dirent *e;

		snprintf(path, sizeof(path), "%s/%s", root, dirs[d]);
		if ((dp = opendir(path)) == NULL)
			continue;
		while ((e = readdir(dp)) != NULL) {
			struct hdrs h;
			struct trust_msg m;
			int oracle;

			if (e->d_name[0] == '.' || strstr(e->d_name, ".json"))
				continue;
			snprintf(path, sizeof(path), "%s/%s/%s", root, dirs[d],
			    e->d_name);
			if (read_headers(path, &h) != 0 || h.h_from == NULL) {
				free(h.h_buf);
				continue;
			}
			files++;
			memset(&m, 0, sizeof(m));
			m.tm_from = h.h_from;
			m.tm_envfrom = h.h_rpath;
			m.tm_ar = (const char *const *)h.h_ar;
			m.tm_nar = h.h_nar;
			assert_int_equal(trust_check(seen, &m, &v), 0);
			assert_int_equal(trust_check(ours, &m, &w), 0);
			oracle = strstr(h.h_from, ".uscourts.gov") != NULL ||
			    strstr(h.h_from, ".fedcourts.us") != NULL;
			if (v.tv_court != oracle)
				fail_msg("%s: From \"%s\": court=%d", path,
				    h.h_from, v.tv_court);
			if (v.tv_verified && !v.tv_court)
				fail_msg("%s: verified but not court", path);
			if (w.tv_verified)
				fail_msg("%s: verified by an authserv-id that "
				    "is not in the message: %s", path,
				    w.tv_reason);
			assert_true(strlen(v.tv_reason) > 0 &&
			    strlen(v.tv_reason) < TRUST_REASON_SIZE);
			ncourt += v.tv_court;
			verified += v.tv_verified;
			free(h.h_buf);
		}
		closedir(dp);
	}
	for (i = 0; i < sizeof(knowns) / sizeof(knowns[0]); i++) {
		struct hdrs h;
		struct trust_msg m;

		snprintf(path, sizeof(path), "%s/juriscraper/%s", root,
		    knowns[i].file);
		if (read_headers(path, &h) != 0)
			fail_msg("%s: cannot read", path);
		memset(&m, 0, sizeof(m));
		m.tm_from = h.h_from;
		m.tm_envfrom = h.h_rpath;
		m.tm_ar = (const char *const *)h.h_ar;
		m.tm_nar = h.h_nar;
		assert_int_equal(trust_check(seen, &m, &v), 0);
		if (v.tv_court != 1 || v.tv_verified != knowns[i].verified ||
		    (knowns[i].reason != NULL &&
		    strcmp(v.tv_reason, knowns[i].reason) != 0))
			fail_msg("%s: court=%d verified=%d \"%s\"", path,
			    v.tv_court, v.tv_verified, v.tv_reason);
		free(h.h_buf);
	}
	print_message("corpus: %zu messages, %zu court, %zu verified with "
	    "authserv-id amazonses.com\n", files, ncourt, verified);
	assert_true(files >= 50);
	trust_free(seen);
	trust_free(ours);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_local_mail),
		cmocka_unit_test(test_no_authserv),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_bad_settings),
		cmocka_unit_test(test_ip_parse),
		cmocka_unit_test(test_forward_subject),
		cmocka_unit_test(test_corpus),
	};
	const char	*corpus = getenv("NEF_CORPUS");
	DIR		*dp;
	size_t		 n = sizeof(tests) / sizeof(tests[0]);

	/* Without the corpus its test is left out, visibly. */
	if (corpus == NULL || (dp = opendir(corpus)) == NULL) {
		printf("# SKIP test_corpus: NEF_CORPUS is not set or not a "
		    "directory\n");
		n--;
	} else
		closedir(dp);
	return _cmocka_run_group_tests("tests", tests, n, NULL, NULL);
}
