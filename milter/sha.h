/*
 * sha: SHA-256 of documents, through GLib's GChecksum.
 *
 * Documents are named by the SHA-256 of their content (the store's file
 * names, the audit, the X-NEF header).  GLib is already linked through
 * GMime, so its GChecksum does the hashing.
 *
 * A struct sha is made by sha_new(), fed by sha_update() any number of
 * times and finished by sha_hex(), which writes 64 lower-case hex digits
 * and a NUL; after sha_hex() the hash takes no more data (sha_reset()
 * starts again).  sha_free() releases it (NULL is a no-op) and returns
 * NULL.  GLib aborts when memory runs out, so none of these can fail.
 * One struct sha belongs to one thread at a time.
 */
#ifndef NEF_SHA_H
#define NEF_SHA_H

#include <stddef.h>

#define SHA_HEX_SIZE	65	/* 64 hex digits and a NUL */

struct sha;

struct sha *sha_new(void);
void	 sha_update(struct sha *, const void *data, size_t len);
void	 sha_reset(struct sha *);
char	*sha_hex(struct sha *, char hex[SHA_HEX_SIZE]);	/* returns hex */
struct sha *sha_free(struct sha *);

/* The hex digest of one buffer into hex; returns hex. */
char	*sha_buf_hex(const void *data, size_t len, char hex[SHA_HEX_SIZE]);

#endif
