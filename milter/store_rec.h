/*
 * store_rec: the store's record and key encoding (internal to the store).
 *
 * Values and keys are byte strings built with a struct rec_w and read
 * back with a struct rec_r.  Integers are big-endian (so keys sort in
 * numeric order); a string is a 16-bit big-endian length and its bytes;
 * a key string ("kstr") is its bytes and a NUL, so that a prefix of
 * fields is a prefix of the key.  Every value starts with a version byte.
 *
 * A writer grows on demand up to REC_MAX bytes and then sets rw_err; a
 * reader sets rr_err on any read past the end or over a limit, and
 * returns zeros from then on.  Callers check the error once at the end.
 */
#ifndef NEF_STORE_REC_H
#define NEF_STORE_REC_H

#include <stddef.h>
#include <stdint.h>

#define REC_MAX		(4u * 1024 * 1024)	/* largest value we write */
#define REC_KEY_MAX	511			/* LMDB's key limit */

struct rec_w {
	unsigned char	*rw_buf;	/* malloc'd; rec_w_free() */
	size_t		 rw_len;
	size_t		 rw_cap;
	size_t		 rw_max;	/* REC_MAX, or REC_KEY_MAX for keys */
	int		 rw_err;	/* STORE_E* status, sticky */
	unsigned char	 rw_small[256];	/* used until it overflows */
};

struct rec_r {
	const unsigned char *rr_p;	/* borrowed */
	size_t		 rr_len;
	size_t		 rr_off;
	int		 rr_err;	/* STORE_ECORRUPT, sticky */
};

void	 rec_w_init(struct rec_w *, size_t max);
void	 rec_w_reset(struct rec_w *);
void	 rec_w_free(struct rec_w *);
void	 rec_put_u8(struct rec_w *, unsigned);
void	 rec_put_u16(struct rec_w *, unsigned);
void	 rec_put_u32(struct rec_w *, uint32_t);
void	 rec_put_u64(struct rec_w *, uint64_t);
void	 rec_put_bytes(struct rec_w *, const void *, size_t);
void	 rec_put_str(struct rec_w *, const char *);	/* u16 length + bytes */
void	 rec_put_kstr(struct rec_w *, const char *);	/* bytes + NUL */

void	 rec_r_init(struct rec_r *, const void *, size_t);
unsigned rec_get_u8(struct rec_r *);
unsigned rec_get_u16(struct rec_r *);
uint32_t rec_get_u32(struct rec_r *);
uint64_t rec_get_u64(struct rec_r *);
void	 rec_get_bytes(struct rec_r *, void *, size_t);
/* Copy a u16-length string into dst (size bytes); longer is an error. */
void	 rec_get_str(struct rec_r *, char *dst, size_t size);
/* Copy a NUL-terminated key string into dst (size bytes). */
void	 rec_get_kstr(struct rec_r *, char *dst, size_t size);
/* Bytes left. */
size_t	 rec_left(const struct rec_r *);

/* Hex sha256 <-> 32 bytes.  0, or STORE_EINVAL when hex is not 64
 * lowercase or uppercase hex digits. */
int	 rec_sha_from_hex(const char *hex, unsigned char out[32]);
void	 rec_sha_to_hex(const unsigned char in[32], char hex[65]);

/* Store-wide string checks: 0 or STORE_EINVAL. */
int	 rec_check_court(const char *);
int	 rec_check_docket(const char *);
int	 rec_check_text(const char *, size_t max);	/* non-NULL, <= max */

/*
 * Document records.  Keys: SDB_DOCS court\0 key\0 att16; SDB_DOC_ENTRY
 * court\0 docket\0 entry32 key\0 att16; SDB_DOC_SHA sha32 + the DOCS key.
 * rec_doc_encode() returns rw_err; rec_doc_decode() decodes a DOCS key
 * and value into *d: 0 or STORE_ECORRUPT.
 */
struct store_doc;
void	 rec_doc_key(struct rec_w *, const char *court, const char *key,
	    unsigned att);
void	 rec_doc_entry_key(struct rec_w *, const struct store_doc *);
void	 rec_doc_sha_key(struct rec_w *, const unsigned char sha[32],
	    const struct store_doc *);
int	 rec_doc_encode(struct rec_w *, const struct store_doc *,
	    const unsigned char sha[32]);
int	 rec_doc_decode(const void *k, size_t kl, const void *v, size_t vl,
	    struct store_doc *);

#endif
