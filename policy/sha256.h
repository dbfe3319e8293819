/*
 * sha256: the SHA-256 hash (FIPS 180-4), streaming.
 *
 * A struct sha256 lives wherever the caller puts it (stack, inside another
 * struct); it holds no pointer and needs no freeing.  Call sha256_init(),
 * then sha256_update() any number of times, then sha256_final(), which
 * writes the 32-byte digest.  After sha256_final() the state must be
 * initialised again before reuse.  sha256_hex() turns a digest into 64
 * lower-case hex digits and a NUL.  None of these functions can fail.
 */
#ifndef NEF_SHA256_H
#define NEF_SHA256_H

#include <stddef.h>
#include <stdint.h>

#define SHA256_DIGEST_LEN	32
#define SHA256_HEX_SIZE		(2 * SHA256_DIGEST_LEN + 1)

struct sha256 {
	uint32_t	 s_h[8];	/* chaining value */
	uint64_t	 s_len;		/* bytes hashed so far */
	unsigned char	 s_buf[64];	/* pending partial block */
	size_t		 s_fill;	/* bytes in s_buf */
};

void	 sha256_init(struct sha256 *);
void	 sha256_update(struct sha256 *, const void *data, size_t len);
void	 sha256_final(struct sha256 *, unsigned char digest[SHA256_DIGEST_LEN]);
/* Convenience: digest of one buffer. */
void	 sha256_buf(const void *data, size_t len,
	    unsigned char digest[SHA256_DIGEST_LEN]);
/* 64 hex digits + NUL into hex; returns hex. */
char	*sha256_hex(const unsigned char digest[SHA256_DIGEST_LEN],
	    char hex[SHA256_HEX_SIZE]);

#endif
