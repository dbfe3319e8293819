/*
 * NAME
 *	netaddr 3 - addresses the fetcher may connect to
 * SYNOPSIS
 *	#include "netaddr.h"
 * DESCRIPTION
 *	See netaddr.h.
 */
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include "netaddr.h"

#define NETADDR_HOST_MAX	253

int
netaddr_public(const struct sockaddr *sa)
{
	const unsigned char *b;
	uint32_t a;

	if (sa->sa_family == AF_INET6) {
		b = ((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr.s6_addr;
		if (b[0] == 0 && memcmp(b, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12) == 0) {
			a = (uint32_t)b[12] << 24 | (uint32_t)b[13] << 16 |
			    (uint32_t)b[14] << 8 | b[15];
			goto v4;
		}
		if (memcmp(b, "\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 15) == 0)
			return 0;			/* :: and ::1 */
		if ((b[0] & 0xfe) == 0xfc || b[0] == 0xff ||
		    (b[0] == 0xfe && (b[1] & 0xc0) == 0x80))
			return 0;			/* ULA, multicast, link-local */
		return 1;
	}
	if (sa->sa_family != AF_INET)
		return 0;
	a = ntohl(((const struct sockaddr_in *)(const void *)sa)->sin_addr.s_addr);
v4:
	return !((a >> 24) == 0 || (a >> 24) == 10 || (a >> 24) == 127 ||
	    (a >> 16) == 0xa9fe || (a >> 20) == 0xac1 || (a >> 16) == 0xc0a8 ||
	    (a >> 22) == (100 << 2 | 1) || (a >> 28) >= 0xe);
}

int
netaddr_set_has(const struct netaddr_set *set, const struct sockaddr *sa)
{
	size_t i;

	for (i = 0; i < set->ns_n; i++) {
		const struct sockaddr *ok = (const struct sockaddr *)&set->ns_v[i];

		if (ok->sa_family != sa->sa_family)
			continue;
		if (sa->sa_family == AF_INET &&
		    ((const struct sockaddr_in *)(const void *)ok)->sin_addr.s_addr ==
		    ((const struct sockaddr_in *)(const void *)sa)->sin_addr.s_addr)
			return 1;
		if (sa->sa_family == AF_INET6 && memcmp(
		    &((const struct sockaddr_in6 *)(const void *)ok)->sin6_addr,
		    &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, 16) == 0)
			return 1;
	}
	return 0;
}

void
netaddr_set_connect_to(struct netaddr_set *set, const char *const *entries,
    size_t n)
{
	size_t i;

	set->ns_n = 0;
	for (i = 0; i < n; i++) {
		const char *p = entries[i], *h, *e;
		char host[NETADDR_HOST_MAX + 1];
		struct addrinfo hints, *res, *ai;
		int k;

		for (k = 0; k < 2 && p != NULL; k++)
			if ((p = strchr(p, ':')) != NULL)
				p++;
		if (p == NULL)
			continue;
		h = p;
		if (*h == '[') {
			e = strchr(++h, ']');
		} else {
			e = strchr(h, ':');
		}
		if (e == NULL)
			e = h + strlen(h);
		if (e == h || (size_t)(e - h) > NETADDR_HOST_MAX)
			continue;
		memcpy(host, h, (size_t)(e - h));
		host[e - h] = '\0';
		memset(&hints, 0, sizeof(hints));
		hints.ai_socktype = SOCK_STREAM;
		if (getaddrinfo(host, NULL, &hints, &res) != 0)
			continue;
		for (ai = res; ai != NULL && set->ns_n < NETADDR_SET_MAX;
		    ai = ai->ai_next)
			if (ai->ai_addrlen <= sizeof(set->ns_v[0]))
				memcpy(&set->ns_v[set->ns_n++], ai->ai_addr,
				    ai->ai_addrlen);
		freeaddrinfo(res);
	}
}

