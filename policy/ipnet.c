/*
 * NAME
 *	ipnet 3 - IP addresses and CIDR blocks
 * SYNOPSIS
 *	#include "ipnet.h"
 * DESCRIPTION
 *	See ipnet.h.
 * DIAGNOSTICS
 *	Parsers return -1 on bad input, never crash, read at most 64 bytes
 *	of an address.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ipnet.h"
#include "text.h"

static int	ip4_parse(const char *, size_t, unsigned char *);
static int	ip6_parse(const char *, size_t, unsigned char *);

/* Dotted quad s[0..n) into out[0..4).  Returns 0 or -1. */
static int
ip4_parse(const char *s, size_t n, unsigned char *out)
{
	size_t		i = 0;
	unsigned	part, v, digits;

	for (part = 0; part < 4; part++) {
		if (part > 0) {
			if (i >= n || s[i] != '.')
				return -1;
			i++;
		}
		for (v = 0, digits = 0; i < n && s[i] >= '0' && s[i] <= '9';
		    i++) {
			if (++digits > 3)
				return -1;
			v = v * 10 + (unsigned)(s[i] - '0');
		}
		if (digits == 0 || v > 255)
			return -1;
		out[part] = (unsigned char)v;
	}
	return i == n ? 0 : -1;
}

/* IPv6 text s[0..n) into out[0..16).  Returns 0 or -1. */
static int
ip6_parse(const char *s, size_t n, unsigned char *out)
{
	unsigned char	buf[16];
	size_t		i = 0, j, e, k = 0, tail;
	long		gap = -1;
	unsigned	v;
	int		h;

	memset(buf, 0, sizeof(buf));
	if (n >= 2 && s[0] == ':' && s[1] == ':') {
		gap = 0;
		i = 2;
	} else if (n == 0 || s[0] == ':')
		return -1;
	while (i < n) {
		for (e = i; e < n && s[e] != ':'; e++)
			;
		if (memchr(s + i, '.', e - i) != NULL) {
			if (e != n || k > 12 || ip4_parse(s + i, n - i,
			    buf + k) != 0)
				return -1;
			k += 4;
			break;
		}
		for (j = i, v = 0; i < n && (h = text_hexval(s[i])) >= 0; i++) {
			if (i - j >= 4)
				return -1;
			v = v * 16 + (unsigned)h;
		}
		if (i == j || k >= 16)
			return -1;
		buf[k++] = (unsigned char)(v >> 8);
		buf[k++] = (unsigned char)(v & 0xff);
		if (i == n)
			break;
		if (s[i++] != ':' || i == n)
			return -1;
		if (s[i] == ':') {
			if (gap >= 0)
				return -1;
			gap = (long)k;
			i++;
		}
	}
	if (gap >= 0) {
		if (k >= 16)
			return -1;
		tail = k - (size_t)gap;
		memmove(buf + 16 - tail, buf + gap, tail);
		memset(buf + gap, 0, 16 - tail - (size_t)gap);
	} else if (k != 16)
		return -1;
	memcpy(out, buf, 16);
	return 0;
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
	if (n == 0 || n > 64)
		return -1;
	if (memchr(s, ':', n) != NULL)
		return ip6_parse(s, n, out);
	memset(out, 0, 10);
	out[10] = out[11] = 0xff;
	return ip4_parse(s, n, out + 12);
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

