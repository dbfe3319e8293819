/*
 * mime: find and decode the notice part of a message (GMime 3).
 *
 * mime_read() takes a whole RFC 5322 message (bytes) and finds the part
 * that carries the notice: text/html or text/plain, in any transfer
 * encoding and charset (converted to UTF-8), at the top, inside
 * multipart/alternative (HTML preferred), multipart/related or
 * multipart/mixed (a firm's forward), or inside a forwarded
 * message/rfc822.  Among several text parts it takes the first one that
 * carries a notice marker ("Notice of Electronic Filing", "Notice of
 * Docket Activity"), HTML before plain text; else the first HTML part,
 * else the first plain one.  It also returns the decoded Subject, the
 * From address and the Message-Id of the message that holds the chosen
 * part, and whether the message has an image part.
 *
 * Input that does not look like an RFC 5322 message (no header block at
 * the start) is taken as a bare body: HTML when it looks like markup,
 * else plain text; bytes that are not UTF-8 are read as Windows-1252.
 *
 * Limits are explicit: the message size (max_bytes, the caller's
 * setting), MIME_MAX_DEPTH levels of nesting, MIME_MAX_PARTS parts,
 * MIME_MAX_CONTAINERS multipart/message headers in the raw bytes (checked
 * before GMime parses anything, so that a bomb of nested multiparts is
 * refused cheaply), and MIME_MAX_TEXT bytes of decoded text.  Broken or
 * truncated MIME is read as far as GMime can; bad input yields a status,
 * never a crash.
 *
 * Threads: every call uses its own parser and streams.  mime_init() must
 * have been called once (it calls g_mime_init()); mime_shutdown() undoes
 * it.
 *
 * Memory: *out of mime_read() is owned by the caller and released with
 * mime_notice_free(), which accepts NULL.
 */
#ifndef NEF_MIME_H
#define NEF_MIME_H

#include <stddef.h>

#define MIME_MAX_DEPTH		8
#define MIME_MAX_PARTS		100
#define MIME_MAX_CONTAINERS	64
#define MIME_MAX_TEXT		(8u << 20)	/* decoded text kept */
#define MIME_MAX_HEADER		4096		/* subject, from kept */

enum mime_status {
	MIME_OK = 0,
	MIME_ETOOBIG,		/* larger than max_bytes */
	MIME_EPARSE,		/* not a readable message */
	MIME_ENOTEXT,		/* no text/html or text/plain part */
	MIME_EBOMB,		/* too deep, too many parts or containers */
	MIME_ENOMEM
};

struct mime_notice {
	char	*mn_text;	/* decoded body, UTF-8, NUL-terminated */
	size_t	 mn_len;
	int	 mn_is_html;
	int	 mn_bare;	/* input had no header block */
	int	 mn_nested;	/* found inside a message/rfc822 part */
	int	 mn_has_image;	/* some part is image/... */
	int	 mn_text_trunc;	/* text was cut at MIME_MAX_TEXT */
	size_t	 mn_nparts;	/* leaf parts seen */
	char	*mn_subject;	/* decoded, or NULL */
	char	*mn_from;	/* addr-spec of the first From mailbox */
	char	*mn_message_id;	/* without <>, or NULL */
	char	*mn_outer_subject;	/* the top message's, or NULL */
	char	*mn_outer_from;		/* idem */
	char	*mn_charset;	/* charset of the chosen part, or NULL */
};

int	 mime_init(void);
void	 mime_shutdown(void);

/*
 * Read msg[0..len).  max_bytes = 0 means no size limit.  Returns
 * MIME_OK and a new *out, or a status (then *out is NULL).
 */
int	 mime_read(const char *msg, size_t len, size_t max_bytes,
	    struct mime_notice **out);
struct mime_notice *mime_notice_free(struct mime_notice *);

const char *mime_strerror(int status);

/*
 * Append the quoted-printable form (RFC 2045, GMime's encoder, LF line
 * ends) of in[0..len) to out: for a text part of mail nefmilter writes
 * itself.  0, or -1 when memory ran out.
 */
struct strbuf;
int	 mime_qp_encode(const char *in, size_t len, struct strbuf *out);

#endif
