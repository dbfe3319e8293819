/*
 * rewrite: build the new body of a notice (GMime).
 *
 * The message becomes multipart/mixed.  Its first part is the original
 * notice, readable and otherwise unchanged: the original top-level entity
 * (text/html, text/plain, multipart/alternative, a forward...) with, in
 * its first text/plain and first text/html body, the summary placed at
 * the top, and in every text body the links the caller picks removed.
 * Then one application/pdf part per document, streamed from its file in
 * chunks: memory does not grow with the size of a document.
 *
 * The caller gets the new top-level Content-Type value in rs_ctype; it
 * must set it (smfi_chgheader), delete the top-level
 * Content-Transfer-Encoding and make sure MIME-Version is present.
 */
#ifndef NEF_REWRITE_H
#define NEF_REWRITE_H

#include <stddef.h>
#include <stdint.h>

struct linkstrip;

struct rewrite_doc {
	int		 rd_fd;		/* read from the start to the end;
					   the caller closes it */
	uint64_t	 rd_size;	/* expected size; a short read fails */
	const char	*rd_filename;	/* UTF-8; RFC 2231 when not ASCII */
	const char	*rd_description; /* UTF-8; Content-Description */
	const char	*rd_ctype;	/* Content-Type without the name
					   parameter; NULL: application/pdf */
};

struct rewrite_req {
	const char		*rr_msg;	/* the whole message */
	size_t			 rr_len;
	const char		*rr_sum_text;	/* summary for text/plain, or NULL */
	const char		*rr_sum_html;	/* summary for text/html, or NULL */
	const struct linkstrip	*rr_strip;	/* links to remove, or NULL */
	const struct rewrite_doc *rr_docs;
	size_t			 rr_ndocs;
	const char		*rr_boundary;	/* NULL: a fresh random one */
	int			 rr_drop_pdfs;	/* remove application/pdf and
						   text/calendar parts the
						   message already carries (a
						   forward of a processed
						   notice) */
};

struct rewrite_res {
	char		rs_ctype[160];	/* new top-level Content-Type value */
	size_t		rs_stripped;	/* links removed */
	size_t		rs_textparts;	/* text bodies rewritten */
	size_t		rs_dropped;	/* PDF parts removed */
	uint64_t	rs_bytes;	/* body bytes written */
};

/* Receives the body in chunks of at most REWRITE_CHUNK bytes; 0 or -1. */
typedef int (*rewrite_write_fn)(void *arg, const char *buf, size_t len);
#define REWRITE_CHUNK	65535

/* 0, or -1 (unparsable message, unreadable document, write failure);
 * err gets a short reason. */
int	rewrite_body(const struct rewrite_req *, rewrite_write_fn, void *arg,
	    struct rewrite_res *, char *err, size_t errsize);

#endif
