/* Unit tests of milter/netaddr.c: which addresses the fetcher may reach. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "netaddr.h"

static int
is_public(const char *s)
{
	struct sockaddr_storage	ss;

	memset(&ss, 0, sizeof(ss));
	if (strchr(s, ':') != NULL) {
		struct sockaddr_in6 *a = (struct sockaddr_in6 *)&ss;

		a->sin6_family = AF_INET6;
		assert_int_equal(inet_pton(AF_INET6, s, &a->sin6_addr), 1);
	} else {
		struct sockaddr_in *a = (struct sockaddr_in *)&ss;

		a->sin_family = AF_INET;
		assert_int_equal(inet_pton(AF_INET, s, &a->sin_addr), 1);
	}
	return netaddr_public((struct sockaddr *)&ss);
}

static void
test_public(void **state)
{
	static const char *const refused[] = { "127.0.0.1", "127.1.2.3",
	    "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1",
	    "169.254.169.254", "0.0.0.0", "100.64.0.1", "224.0.0.1",
	    "255.255.255.255", "::1", "::", "fe80::1", "fc00::1", "fd12::1",
	    "ff02::1", "::ffff:127.0.0.1", "::ffff:10.1.2.3" };
	static const char *const allowed[] = { "199.107.16.200", "63.241.40.204",
	    "8.8.8.8", "172.32.0.1", "100.128.0.1", "2001:4860::8888",
	    "::ffff:199.107.16.200" };
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(refused) / sizeof(refused[0]); i++)
		if (is_public(refused[i]))
			fail_msg("%s counted as public", refused[i]);
	for (i = 0; i < sizeof(allowed) / sizeof(allowed[0]); i++)
		if (!is_public(allowed[i]))
			fail_msg("%s counted as not public", allowed[i]);
}

static void
test_connect_to_set(void **state)
{
	static const char *const e[] = {
	    "ecf.cand.uscourts.gov:443:127.0.0.1:8443",
	    "::[::1]:9443", "bogus", "a:b:c" };
	struct netaddr_set	set;
	struct sockaddr_in	v4;
	struct sockaddr_in6	v6;

	(void)state;
	netaddr_set_connect_to(&set, e, 4);
	memset(&v4, 0, sizeof(v4));
	v4.sin_family = AF_INET;
	inet_pton(AF_INET, "127.0.0.1", &v4.sin_addr);
	v4.sin_port = htons(1);	/* the port does not matter */
	assert_true(netaddr_set_has(&set, (struct sockaddr *)&v4));
	inet_pton(AF_INET, "127.0.0.2", &v4.sin_addr);
	assert_false(netaddr_set_has(&set, (struct sockaddr *)&v4));
	memset(&v6, 0, sizeof(v6));
	v6.sin6_family = AF_INET6;
	inet_pton(AF_INET6, "::1", &v6.sin6_addr);
	assert_true(netaddr_set_has(&set, (struct sockaddr *)&v6));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_public),
		cmocka_unit_test(test_connect_to_set),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
