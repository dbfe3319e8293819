/*
 * netaddr: which addresses the fetcher may connect to.
 *
 * A court host must resolve to a public address: loopback, private
 * (RFC 1918, RFC 6598 shared), link-local, unspecified, multicast and
 * reserved IPv4 ranges, and the IPv6 loopback, unspecified, unique-local,
 * link-local and multicast ranges are refused (an IPv4-mapped IPv6
 * address is judged as IPv4).  The one exception is an address the
 * administrator named as the CONNECT-HOST of a connect_to entry (a test
 * court on loopback, a proxy): struct netaddr_set holds those.
 */
#ifndef NEF_NETADDR_H
#define NEF_NETADDR_H

#include <stddef.h>
#include <sys/socket.h>

#define NETADDR_SET_MAX	32	/* addresses kept from connect_to */

struct netaddr_set {
	struct sockaddr_storage	ns_v[NETADDR_SET_MAX];
	size_t			ns_n;
};

/* 1 when sa is a public IPv4 or IPv6 address, else 0. */
int	netaddr_public(const struct sockaddr *sa);
/* Fill set with the addresses of the CONNECT-HOST parts of entries
 * "HOST:PORT:CONNECT-HOST:CONNECT-PORT" (resolved with getaddrinfo;
 * entries that do not resolve are skipped).  set is cleared first. */
void	netaddr_set_connect_to(struct netaddr_set *set,
	    const char *const *entries, size_t n);
/* 1 when sa's address (the port is ignored) is in set. */
int	netaddr_set_has(const struct netaddr_set *set, const struct sockaddr *sa);

#endif
