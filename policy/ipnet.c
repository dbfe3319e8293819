/*
 * NAME
 *	ipnet 3 - IP addresses and CIDR blocks
 * SYNOPSIS
 *	#include "ipnet.h"
 * DESCRIPTION
 *	See ipnet.h.  The text forms are read by inet_pton(3) (libc; pure
 *	computation, no I/O); this module adds the blanks, brackets,
 *	"IPv6:" prefix, the IPv4-mapped form and the CIDR rules.
 * DIAGNOSTICS
 *	Parsers return -1 on bad input, never crash, read at most
 *	IPNET_TEXT_MAX bytes of an address.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ipnet.h"
#include "text.h"

#define IPNET_TEXT_MAX	64

static int	ip_parse(const char *, size_t, unsigned char[16]);

/* The text form s[0..n) (no blanks, no brackets) into out[0..16). */
static int
ip_parse(const char *s, size_t n, unsigned char out[16])
{
	char	buf[IPNET_TEXT_MAX + 1];

	if (n == 0 || n > IPNET_TEXT_MAX)
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	if (memchr(buf, ':', n) != NULL)
		return inet_pton(AF_INET6, buf, out) == 1 ? 0 : -1;
	memset(out, 0, 10);
	out[10] = out[11] = 0xff;
	return inet_pton(AF_INET, buf, out + 12) == 1 ? 0 : -1;
}

int
ipnet_addr_parse(const char *s, unsigned char out[16])
{
	size_t	n;

	if (s == NULL)
		return -1;
	while (*s == ' ' || *s == '\t')
		s++;
	if (strncasecmp(s, "IPv6:", 5) == 0)
		s += 5;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n >= 2 && s[0] == '[' && s[n - 1] == ']') {
		s++;
		n -= 2;
	}
	return ip_parse(s, n, out);
}

int
ipnet_parse(const char *s, struct ipnet *net, char *err, size_t errsz)
{
	char		 addr[80];
	unsigned char	 fixed[16];
	const char	*slash;
	char		*end;
	long		 bits;
	int		 v4;
	unsigned	 b;

	slash = strchr(s, '/');
	if (slash == NULL)
		slash = s + strlen(s);
	if ((size_t)(slash - s) >= sizeof(addr))
		return text_errf(err, errsz, "not an address or CIDR block");
	memcpy(addr, s, (size_t)(slash - s));
	addr[slash - s] = '\0';
	v4 = strchr(addr, ':') == NULL;
	if (ipnet_addr_parse(addr, net->n_addr) != 0)
		return text_errf(err, errsz, "not an address or CIDR block");
	if (*slash == '\0')
		bits = v4 ? 32 : 128;
	else {
		errno = 0;
		bits = strtol(slash + 1, &end, 10);
		if (errno != 0 || end == slash + 1 || *end != '\0' ||
		    bits < 0 || bits > (v4 ? 32 : 128) ||
		    (slash[1] < '0' || slash[1] > '9'))
			return text_errf(err, errsz, "bad prefix length (0-%d)",
			    v4 ? 32 : 128);
	}
	if (bits == 0)
		return text_errf(err, errsz, "a /0 block would trust every "
		    "client");
	net->n_bits = (unsigned)bits + (v4 ? 96 : 0);
	for (b = net->n_bits; b < 128; b++)
		if (net->n_addr[b / 8] & (0x80 >> (b % 8)))
			break;
	if (b == 128)
		return 0;
	if (!v4)
		return text_errf(err, errsz, "host bits set below /%ld",
		    bits);
	memcpy(fixed, net->n_addr, sizeof(fixed));
	for (b = net->n_bits; b < 128; b++)
		fixed[b / 8] &= (unsigned char)~(0x80 >> (b % 8));
	return text_errf(err, errsz, "host bits set (did you mean "
	    "%u.%u.%u.%u/%ld?)", fixed[12], fixed[13],
	    fixed[14], fixed[15], bits);
}

int
ipnet_match(const struct ipnet *net, const unsigned char a[16])
{
	unsigned	full = net->n_bits / 8, rest = net->n_bits % 8;
	unsigned char	mask;

	if (memcmp(net->n_addr, a, full) != 0)
		return 0;
	if (rest == 0)
		return 1;
	mask = (unsigned char)(0xff << (8 - rest));
	return (net->n_addr[full] & mask) == (a[full] & mask);
}

