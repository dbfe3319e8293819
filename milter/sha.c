/*
 * NAME
 *	sha 3 - SHA-256 through GLib's GChecksum
 * SYNOPSIS
 *	#include "sha.h"
 *
 *	struct sha *h = sha_new();
 *	sha_update(h, buf, n); ...
 *	sha_hex(h, hex);
 *	h = sha_free(h);
 * DESCRIPTION
 *	A thin adapter: struct sha is a GChecksum of type G_CHECKSUM_SHA256.
 *	Data longer than G_MAXSSIZE is fed in pieces.
 * DIAGNOSTICS
 *	None: GLib aborts when memory runs out.
 */
#include <glib.h>
#include <string.h>

#include "sha.h"

struct sha *
sha_new(void)
{
	return (struct sha *)g_checksum_new(G_CHECKSUM_SHA256);
}

void
sha_update(struct sha *h, const void *data, size_t len)
{
	const guchar	*p = data;
	size_t		 n;

	while (len > 0) {
		n = len > (size_t)G_MAXSSIZE ? (size_t)G_MAXSSIZE : len;
		g_checksum_update((GChecksum *)h, p, (gssize)n);
		p += n;
		len -= n;
	}
}

void
sha_reset(struct sha *h)
{
	g_checksum_reset((GChecksum *)h);
}

char *
sha_hex(struct sha *h, char hex[SHA_HEX_SIZE])
{
	const gchar	*s = g_checksum_get_string((GChecksum *)h);

	if (s == NULL || strlen(s) != SHA_HEX_SIZE - 1)
		s = "";
	memcpy(hex, s, strlen(s) + 1);
	return hex;
}

struct sha *
sha_free(struct sha *h)
{
	if (h != NULL)
		g_checksum_free((GChecksum *)h);
	return NULL;
}

char *
sha_buf_hex(const void *data, size_t len, char hex[SHA_HEX_SIZE])
{
	struct sha	*h = sha_new();

	sha_update(h, data, len);
	sha_hex(h, hex);
	sha_free(h);
	return hex;
}
