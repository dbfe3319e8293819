/*
 * NAME
 *	rewrite 3 - the rewritten body of a notice
 * SYNOPSIS
 *	#include "rewrite.h"
 * DESCRIPTION
 *	The message is parsed with a private GMime parser (GMime objects are
 *	not thread-safe; nothing is shared).  Text bodies are decoded to
 *	UTF-8, edited and re-encoded quoted-printable, so the new message is
 *	7-bit clean whatever the original used.  PDF parts are base64, read
 *	from their files 48 KB at a time.  Output uses LF line ends; Postfix
 *	stores LF and CRLF bodies alike.
 * DIAGNOSTICS
 *	-1 with a reason in err.
 */
#include <errno.h>
#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "html.h"
#include "linkstrip.h"
#include "rewrite.h"
#include "strbuf.h"

#define RW_READ		(57 * 840)	/* 47880: whole base64 lines */

struct rw_out {
	rewrite_write_fn	 fn;
	void			*arg;
	char			 buf[REWRITE_CHUNK];
	size_t			 len;
	uint64_t		 total;
	int			 err;
};

struct rw_walk {
	const struct rewrite_req *req;
	int			 did_plain, did_html;
	size_t			 stripped, parts, dropped;
	int			 err;
};

static void	rw_put(struct rw_out *, const char *, size_t);
static void	rw_puts(struct rw_out *, const char *);
static int	rw_flush(struct rw_out *);
static void	rw_walk(struct rw_walk *, GMimeObject *, int depth);
static void	rw_text(struct rw_walk *, GMimeTextPart *, int html);
static void	rw_fresh_ctype(GMimeObject *, int html);
static void	rw_html_summary(const char *, size_t, const char *, struct strbuf *);
static int	rw_doc(struct rw_out *, const struct rewrite_doc *, const char *b);
static void	rw_filename(struct strbuf *, const char *);
static int	rw_is_ascii(const char *);
static int	rw_is_pdf(GMimeObject *);
static void	rw_boundary(char *, size_t);
static int	rw_notice(struct rw_walk *, GMimeStream **, char *, size_t);
static int	rw_assemble(struct rw_out *, const struct rewrite_req *,
		    const GByteArray *, const char *, char *, size_t);

#define RW_MAX_DEPTH	32

static int
rw_flush(struct rw_out *o)
{
	if (o->len > 0 && !o->err && o->fn(o->arg, o->buf, o->len) != 0)
		o->err = 1;
	o->total += o->len;
	o->len = 0;
	return o->err ? -1 : 0;
}

static void
rw_put(struct rw_out *o, const char *p, size_t n)
{
	size_t	c;

	while (n > 0 && !o->err) {
		c = sizeof(o->buf) - o->len;
		if (c > n)
			c = n;
		memcpy(o->buf + o->len, p, c);
		o->len += c;
		p += c;
		n -= c;
		if (o->len == sizeof(o->buf))
			rw_flush(o);
	}
}

static void
rw_puts(struct rw_out *o, const char *s)
{
	rw_put(o, s, strlen(s));
}

/* Insert the summary right after <body ...>, else at the very start. */
static void
rw_html_summary(const char *s, size_t len, const char *sum, struct strbuf *out)
{
	struct html_lexer	lx;
	struct html_token	t;
	size_t			at = 0;

	html_lexer_init(&lx, s, len);
	while (html_next(&lx, &t)) {
		if (html_is(&t, HTML_START, "body")) {
			at = t.t_off + t.t_len;
			break;
		}
	}
	strbuf_append(out, s, at);
	strbuf_puts(out, sum);
	strbuf_append(out, s + at, len - at);
}

/* A parameter worth carrying over: a short token name, a short printable
 * ASCII value, and not the charset (set_text chooses that). */
static int
rw_param_ok(const char *name, const char *value)
{
	size_t i;

	if (name == NULL || value == NULL || strlen(name) > 40 ||
	    strlen(value) > 200 || name[0] == '\0' ||
	    g_ascii_strcasecmp(name, "charset") == 0)
		return 0;
	for (i = 0; name[i] != '\0'; i++)
		if (!g_ascii_isalnum(name[i]) && name[i] != '-' &&
		    name[i] != '_' && name[i] != '.')
			return 0;
	for (i = 0; value[i] != '\0'; i++)
		if (value[i] < 0x20 || value[i] > 0x7e || value[i] == '"' ||
		    value[i] == '\\')
			return 0;
	return 1;
}

/*
 * A new Content-Type for a text part about to be rewritten (the charset
 * follows from set_text).  Of the sender's parameters only the plain ones
 * (format=flowed, delsp=yes...) are kept: setting the text re-encodes
 * every one of them, and GMime 3.2 grows without end on some (a long name
 * with a non-ASCII value).
 */
static void
rw_fresh_ctype(GMimeObject *o, int html)
{
	GMimeContentType *old = g_mime_object_get_content_type(o);
	GMimeContentType *ct = g_mime_content_type_new("text", html ? "html" :
	    "plain");
	GMimeParamList	*pl;
	GMimeParam	*p;
	int		 i, n;

	pl = old != NULL ? g_mime_content_type_get_parameters(old) : NULL;
	n = pl != NULL ? g_mime_param_list_length(pl) : 0;
	for (i = 0; i < n && i < 16; i++) {
		p = g_mime_param_list_get_parameter_at(pl, i);
		if (p != NULL && rw_param_ok(g_mime_param_get_name(p),
		    g_mime_param_get_value(p)))
			g_mime_content_type_set_parameter(ct,
			    g_mime_param_get_name(p), g_mime_param_get_value(p));
	}
	g_mime_object_set_content_type(o, ct);
	g_object_unref(ct);
}

static void
rw_text(struct rw_walk *w, GMimeTextPart *tp, int html)
{
	const struct rewrite_req *r = w->req;
	struct strbuf	 a = STRBUF_INIT, b = STRBUF_INIT;
	char		*text;
	size_t		 n = 0, len;
	const char	*sum = html ? r->rr_sum_html : r->rr_sum_text;
	int		*did = html ? &w->did_html : &w->did_plain;

	if ((text = g_mime_text_part_get_text(tp)) == NULL)
		return;
	len = strlen(text);
	if (r->rr_strip != NULL) {
		if (html)
			linkstrip_html(r->rr_strip, text, len, &a, &n);
		else
			linkstrip_text(r->rr_strip, text, len, &a, &n);
	} else
		strbuf_append(&a, text, len);
	g_free(text);
	if (sum != NULL && !*did) {
		if (html)
			rw_html_summary(strbuf_str(&a), a.sb_len, sum, &b);
		else {
			strbuf_puts(&b, sum);
			strbuf_append(&b, strbuf_str(&a), a.sb_len);
		}
		*did = 1;
	} else if (n == 0) {
		strbuf_free(&a);
		return;		/* nothing changed: leave the part as it was */
	} else {
		strbuf_append(&b, strbuf_str(&a), a.sb_len);
	}
	if (strbuf_error(&a) || strbuf_error(&b)) {
		w->err = 1;
	} else {
		rw_fresh_ctype(GMIME_OBJECT(tp), html);
		g_mime_text_part_set_text(tp, strbuf_str(&b));
		g_mime_part_set_content_encoding(GMIME_PART(tp),
		    GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
		w->stripped += n;
		w->parts++;
	}
	strbuf_free(&a);
	strbuf_free(&b);
}

static void
rw_walk(struct rw_walk *w, GMimeObject *obj, int depth)
{
	GMimeContentType	*ct;
	int			 i, n;

	if (obj == NULL || depth > RW_MAX_DEPTH || w->err)
		return;
	if (GMIME_IS_MULTIPART(obj)) {
		n = g_mime_multipart_get_count(GMIME_MULTIPART(obj));
		for (i = 0; i < n; i++) {
			GMimeObject *p = g_mime_multipart_get_part(GMIME_MULTIPART(obj), i);

			if (w->req->rr_drop_pdfs && rw_is_pdf(p)) {
				g_mime_multipart_remove_at(GMIME_MULTIPART(obj), i);
				w->dropped++;
				i--;
				n--;
				continue;
			}
			rw_walk(w, p, depth + 1);
		}
	} else if (GMIME_IS_MESSAGE_PART(obj)) {
		GMimeMessage *m = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));

		if (m != NULL)
			rw_walk(w, g_mime_message_get_mime_part(m), depth + 1);
	} else if (GMIME_IS_TEXT_PART(obj) &&
	    !g_mime_part_is_attachment(GMIME_PART(obj))) {
		ct = g_mime_object_get_content_type(obj);
		if (g_mime_content_type_is_type(ct, "text", "html"))
			rw_text(w, GMIME_TEXT_PART(obj), 1);
		else if (g_mime_content_type_is_type(ct, "text", "plain"))
			rw_text(w, GMIME_TEXT_PART(obj), 0);
	}
}

/* An attached PDF or calendar: by type, or by a file name ending in
 * ".pdf". */
static int
rw_is_pdf(GMimeObject *o)
{
	GMimeContentType	*ct = g_mime_object_get_content_type(o);
	const char		*fn;
	size_t			 n;

	if (!GMIME_IS_PART(o))
		return 0;
	if (ct != NULL && (g_mime_content_type_is_type(ct, "application", "pdf") ||
	    g_mime_content_type_is_type(ct, "text", "calendar")))
		return 1;
	if ((fn = g_mime_part_get_filename(GMIME_PART(o))) != NULL &&
	    (n = strlen(fn)) > 4 && g_ascii_strcasecmp(fn + n - 4, ".pdf") == 0)
		return 1;
	return 0;
}

static int
rw_is_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80 || (unsigned char)*s < 0x20)
			return 0;
	return 1;
}

/* Content-Disposition parameters: filename*=utf-8''... (RFC 2231) when
 * the name is not ASCII, then an ASCII filename="..." for older readers. */
static void
rw_filename(struct strbuf *sb, const char *name)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p;

	if (!rw_is_ascii(name)) {
		strbuf_puts(sb, "filename*=utf-8''");
		for (p = (const unsigned char *)name; *p; p++) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
			    (*p >= '0' && *p <= '9') || strchr("-._~", *p) != NULL)
				strbuf_putc(sb, *p);
			else {
				strbuf_putc(sb, '%');
				strbuf_putc(sb, hex[*p >> 4]);
				strbuf_putc(sb, hex[*p & 15]);
			}
		}
		strbuf_puts(sb, ";\n ");
	}
	strbuf_puts(sb, "filename=\"");
	for (p = (const unsigned char *)name; *p; p++)
		strbuf_putc(sb, (*p >= 0x80 || *p < 0x20 || *p == '"' ||
		    *p == '\\') ? '_' : *p);
	strbuf_puts(sb, "\"");
}

static int
rw_doc(struct rw_out *o, const struct rewrite_doc *d, const char *bnd)
{
	struct strbuf	 h = STRBUF_INIT, ascii = STRBUF_INIT;
	unsigned char	*in, *out;
	char		*desc = NULL;
	const char	*p;
	int		 state = 0;
	guint32		 save = 0;
	ssize_t		 n;
	uint64_t	 total = 0;
	size_t		 m;

	for (p = d->rd_filename; *p; p++)
		strbuf_putc(&ascii, ((unsigned char)*p >= 0x80 || *p == '"' ||
		    *p == '\\' || (unsigned char)*p < 0x20) ? '_' : *p);
	strbuf_printf(&h, "\n--%s\nContent-Type: %s; name=\"%s\"\n"
	    "Content-Disposition: attachment;\n ", bnd, d->rd_ctype != NULL ?
	    d->rd_ctype : "application/pdf", strbuf_str(&ascii));
	rw_filename(&h, d->rd_filename);
	strbuf_puts(&h, "\nContent-Transfer-Encoding: base64\n");
	if (d->rd_description != NULL && *d->rd_description) {
		desc = rw_is_ascii(d->rd_description) ? NULL :
		    g_mime_utils_header_encode_text(NULL, d->rd_description, "utf-8");
		strbuf_printf(&h, "Content-Description: %s\n",
		    desc ? desc : d->rd_description);
		g_free(desc);
	}
	strbuf_puts(&h, "\n");
	rw_put(o, strbuf_str(&h), h.sb_len);
	strbuf_free(&h);
	strbuf_free(&ascii);
	if (lseek(d->rd_fd, 0, SEEK_SET) != 0)
		return -1;
	in = malloc(RW_READ);
	out = malloc(GMIME_BASE64_ENCODE_LEN(RW_READ));
	if (in == NULL || out == NULL) {
		free(in);
		free(out);
		return -1;
	}
	for (;;) {
		n = read(d->rd_fd, in, RW_READ);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		total += (uint64_t)n;
		m = g_mime_encoding_base64_encode_step(in, (size_t)n, out, &state, &save);
		rw_put(o, (const char *)out, m);
	}
	m = g_mime_encoding_base64_encode_close(in, 0, out, &state, &save);
	rw_put(o, (const char *)out, m);
	free(in);
	free(out);
	if (n < 0 || total != d->rd_size)
		return -1;
	return o->err ? -1 : 0;
}

static void
rw_boundary(char *buf, size_t size)
{
	static unsigned long	 ctr;
	struct timespec		 ts;
	unsigned long		 r = 0;
	FILE			*fp;

	clock_gettime(CLOCK_REALTIME, &ts);
	if ((fp = fopen("/dev/urandom", "rb")) != NULL) {
		if (fread(&r, sizeof(r), 1, fp) != 1)
			r = 0;
		fclose(fp);
	}
	snprintf(buf, size, "=_nefmilter_%lx_%lx_%lx_%lx",
	    (unsigned long)ts.tv_sec, (unsigned long)ts.tv_nsec,
	    __atomic_add_fetch(&ctr, 1, __ATOMIC_RELAXED), r);
}

/*
 * Parse the message, edit its notice part (w), and serialize that part
 * into a new memory stream at *mem (the caller unrefs it).  0, or -1
 * with err set.
 */
static int
rw_notice(struct rw_walk *w, GMimeStream **mem, char *err, size_t errsize)
{
	const struct rewrite_req *r = w->req;
	GMimeStream		*in;
	GMimeParser		*parser;
	GMimeMessage		*msg;
	GMimeObject		*top;
	int			 rc = -1;

	*mem = NULL;
	in = g_mime_stream_mem_new_with_buffer(r->rr_msg, r->rr_len);
	parser = g_mime_parser_new_with_stream(in);
	msg = g_mime_parser_construct_message(parser, NULL);
	if (msg == NULL || (top = g_mime_message_get_mime_part(msg)) == NULL) {
		snprintf(err, errsize, "the message cannot be parsed as MIME");
		goto out;
	}
	rw_walk(w, top, 0);
	if (w->err) {
		snprintf(err, errsize, "out of memory while editing the text");
		goto out;
	}
	*mem = g_mime_stream_mem_new();
	if (g_mime_object_write_to_stream(top, NULL, *mem) < 0) {
		snprintf(err, errsize, "cannot serialize the notice part");
		goto out;
	}
	rc = 0;
out:
	if (msg != NULL)
		g_object_unref(msg);
	if (parser != NULL)
		g_object_unref(parser);
	if (in != NULL)
		g_object_unref(in);
	return rc;
}

/* The new body into o: the notice part (bytes), then each document, each
 * after boundary bnd.  0, or -1 with err set. */
static int
rw_assemble(struct rw_out *o, const struct rewrite_req *r,
    const GByteArray *bytes, const char *bnd, char *err, size_t errsize)
{
	size_t	i;

	rw_puts(o, "This is a multi-part message in MIME format.\n\n--");
	rw_puts(o, bnd);
	rw_puts(o, "\n");
	rw_put(o, (const char *)bytes->data, bytes->len);
	for (i = 0; i < r->rr_ndocs; i++)
		if (rw_doc(o, &r->rr_docs[i], bnd) != 0) {
			snprintf(err, errsize, "cannot read document %zu (%s)",
			    i + 1, r->rr_docs[i].rd_filename);
			return -1;
		}
	rw_puts(o, "\n--");
	rw_puts(o, bnd);
	rw_puts(o, "--\n");
	if (rw_flush(o) != 0) {
		snprintf(err, errsize, "cannot write the new body");
		return -1;
	}
	return 0;
}

int
rewrite_body(const struct rewrite_req *r, rewrite_write_fn fn, void *arg,
    struct rewrite_res *res, char *err, size_t errsize)
{
	GMimeStream		*mem = NULL;
	struct rw_walk		 w;
	struct rw_out		*o;
	char			 bnd[96];
	int			 rc = -1;

	memset(res, 0, sizeof(*res));
	memset(&w, 0, sizeof(w));
	w.req = r;
	if ((o = calloc(1, sizeof(*o))) == NULL) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	o->fn = fn;
	o->arg = arg;
	if (r->rr_boundary != NULL)
		snprintf(bnd, sizeof(bnd), "%s", r->rr_boundary);
	else
		rw_boundary(bnd, sizeof(bnd));
	if (rw_notice(&w, &mem, err, errsize) != 0 ||
	    rw_assemble(o, r, g_mime_stream_mem_get_byte_array(
	    GMIME_STREAM_MEM(mem)), bnd, err, errsize) != 0)
		goto out;
	snprintf(res->rs_ctype, sizeof(res->rs_ctype),
	    "multipart/mixed; boundary=\"%s\"", bnd);
	res->rs_stripped = w.stripped;
	res->rs_textparts = w.parts;
	res->rs_dropped = w.dropped;
	res->rs_bytes = o->total;
	rc = 0;
out:
	if (mem != NULL)
		g_object_unref(mem);
	free(o);
	return rc;
}
