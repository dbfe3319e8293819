/*
 * ipnet: IP addresses and CIDR blocks, for trusted_clients.
 *
 * Addresses are kept in 16 bytes; IPv4 as the IPv4-mapped IPv6 address
 * ::ffff:a.b.c.d, so that an IPv4 client written either way matches an
 * IPv4 block.  ipnet_addr_parse() accepts a dotted quad, IPv6 text,
 * "IPv6:"-prefixed and bracketed forms, with blanks around; the text
 * itself is read as inet_pton(3) reads it (a dotted quad with a leading
 * zero in a part, which could mean octal, is refused).
 * ipnet_parse() reads "ADDR" or "ADDR/BITS" and refuses a /0 block and
 * host bits set below the prefix, with a short English reason.  All
 * functions are pure and thread-safe.
 */
#ifndef NEF_IPNET_H
#define NEF_IPNET_H

#include <stddef.h>

struct ipnet {
	unsigned char	n_addr[16];
	unsigned	n_bits;		/* prefix length on the 128-bit form */
};

/* 0, or -1 when s is not an address. */
int	ipnet_addr_parse(const char *s, unsigned char out[16]);
/* 0, or -1 with a reason in err (errsz bytes; may be NULL). */
int	ipnet_parse(const char *s, struct ipnet *net, char *err, size_t errsz);
/* 1 when addr lies in net, else 0. */
int	ipnet_match(const struct ipnet *net, const unsigned char addr[16]);

#endif
