/*
 * NAME
 *	mime 3 - find and decode the notice part of a message
 * SUMMARY
 *	RFC 5322 bytes -> notice text (UTF-8) and a few headers, with GMime
 * SYNOPSIS
 *	#include "mime.h"
 *
 *	mime_init();
 *	int mime_read(const char *msg, size_t len, size_t max_bytes,
 *	    struct mime_notice **out);
 *	mime_notice_free(n);
 * DESCRIPTION
 *	The raw bytes are first checked for size and for the number of
 *	multipart/message Content-Type header lines (MIME_MAX_CONTAINERS);
 *	only then does a private GMime parser read them.  The MIME tree is
 *	walked to MIME_MAX_DEPTH levels and MIME_MAX_PARTS leaf parts,
 *	collecting text parts, noting image parts, and descending into
 *	forwarded messages.  The chosen part is decoded (transfer encoding,
 *	then charset to UTF-8 through GMime's charset filter); what is
 *	still not valid UTF-8 afterwards (a lying or missing charset, 8-bit
 *	junk) is read as Windows-1252, so the result is always valid UTF-8.
 * DIAGNOSTICS
 *	enum mime_status; mime_strerror() names each status.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gmime/gmime.h>

#include "mime.h"
#include "strbuf.h"

struct cand {
	GMimeObject	*c_part;
	GMimeMessage	*c_owner;	/* message holding the part */
	int		 c_html;
	int		 c_nested;
};

struct walk {
	struct cand	 w_cand[MIME_MAX_PARTS];
	size_t		 w_ncand;
	size_t		 w_nparts;
	int		 w_image;
	int		 w_bomb;
};

/* Windows-1252 bytes 0x80..0x9f; the rest of the range is Latin-1. */
static const unsigned short cp1252[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
	0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178
};

static int	looks_like_message(const char *, size_t);
static int	looks_like_html(const char *, size_t);
static size_t	count_containers(const char *, size_t);
static void	walk(struct walk *, GMimeObject *, GMimeMessage *, int, int);
static int	decode_part(GMimeObject *, struct mime_notice *);
static int	to_utf8(const char *, size_t, char **, size_t *);
static int	has_marker(const char *, size_t);
static char	*dup_header(const char *);
static int	set_headers(struct mime_notice *, GMimeMessage *,
		    GMimeMessage *);
static int	read_bare(const char *, size_t, struct mime_notice *);
static int	read_message(const char *, size_t, struct mime_notice *);
static int	choose(struct walk *, struct mime_notice *);

int
mime_init(void)
{
	g_mime_init();
	return 0;
}

void
mime_shutdown(void)
{
	g_mime_shutdown();
}

/* A header block starts the input: "Name:" or an mbox "From " line. */
static int
looks_like_message(const char *s, size_t len)
{
	size_t	i;

	if (len >= 5 && memcmp(s, "From ", 5) == 0)
		return 1;
	for (i = 0; i < len && i < 200; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ':')
			return i > 0;
		if (c <= ' ' || c >= 0x7f)
			return 0;
	}
	return 0;
}

static int
looks_like_html(const char *s, size_t len)
{
	static const char *const tags[] = { "<html", "<body", "<br", "<p>",
	    "<p ", "<div", "<table", "<td", "<font", "<strong", "<b>", NULL };
	size_t	i, n = len < 65536 ? len : 65536;
	char	*low;
	int	found = 0;

	low = malloc(n + 1);
	if (low == NULL)
		return 0;
	for (i = 0; i < n; i++)
		low[i] = (char)g_ascii_tolower(s[i]);
	low[n] = '\0';
	for (i = 0; tags[i] != NULL && !found; i++)
		found = memmem(low, n, tags[i], strlen(tags[i])) != NULL;
	free(low);
	return found;
}

/* Content-Type header lines naming multipart/ or message/ types. */
static size_t
count_containers(const char *s, size_t len)
{
	size_t		 i = 0, n = 0, j;
	const char	*nl;

	while (i < len) {
		if ((s[i] == 'c' || s[i] == 'C') && len - i > 13 &&
		    g_ascii_strncasecmp(s + i,
		    "content-type:", 13) == 0) {
			for (j = i + 13; j < len && (s[j] == ' ' ||
			    s[j] == '\t'); j++)
				;
			if ((len - j > 10 && g_ascii_strncasecmp(s + j,
			    "multipart/", 10) == 0) || (len - j > 8 &&
			    g_ascii_strncasecmp(s + j, "message/", 8) == 0))
				n++;
		}
		nl = memchr(s + i, '\n', len - i);
		if (nl == NULL)
			break;
		i = (size_t)(nl - s) + 1;
	}
	return n;
}

static void
walk(struct walk *w, GMimeObject *o, GMimeMessage *owner, int depth,
    int nested)
{
	GMimeContentType *ct;
	int		  i, n;

	if (o == NULL || w->w_bomb)
		return;
	if (depth > MIME_MAX_DEPTH) {
		w->w_bomb = 1;
		return;
	}
	if (GMIME_IS_MULTIPART(o)) {
		n = g_mime_multipart_get_count(GMIME_MULTIPART(o));
		for (i = 0; i < n && !w->w_bomb; i++)
			walk(w, g_mime_multipart_get_part(GMIME_MULTIPART(o),
			    i), owner, depth + 1, nested);
		return;
	}
	if (GMIME_IS_MESSAGE_PART(o)) {
		GMimeMessage *m = g_mime_message_part_get_message(
		    GMIME_MESSAGE_PART(o));

		if (m != NULL)
			walk(w, g_mime_message_get_mime_part(m), m, depth + 1,
			    1);
		return;
	}
	if (!GMIME_IS_PART(o))
		return;
	if (++w->w_nparts > MIME_MAX_PARTS) {
		w->w_bomb = 1;
		return;
	}
	ct = g_mime_object_get_content_type(o);
	if (ct == NULL)
		return;
	if (g_mime_content_type_is_type(ct, "image", "*"))
		w->w_image = 1;
	if (g_mime_content_type_is_type(ct, "text", "html") ||
	    g_mime_content_type_is_type(ct, "text", "plain")) {
		struct cand *c = &w->w_cand[w->w_ncand++];

		c->c_part = o;
		c->c_owner = owner;
		c->c_html = g_mime_content_type_is_type(ct, "text", "html");
		c->c_nested = nested;
	}
}

/* Convert to valid UTF-8: valid sequences kept, other bytes as cp1252;
 * NUL bytes dropped. */
static int
to_utf8(const char *s, size_t len, char **out, size_t *outlen)
{
	char		*buf, *p;
	size_t		 i, k;
	gunichar	 u;

	if (len > (SIZE_MAX - 1) / 3)
		return -1;
	if (memchr(s, 0, len) == NULL && g_utf8_validate(s, (gssize)len, NULL)) {
		if ((buf = malloc(len + 1)) == NULL)
			return -1;
		memcpy(buf, s, len);
		buf[len] = '\0';
		*out = buf;
		*outlen = len;
		return 0;
	}
	if ((buf = malloc(len * 3 + 1)) == NULL)
		return -1;
	p = buf;
	for (i = 0; i < len; ) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			if (c != 0)
				*p++ = (char)c;
			i++;
			continue;
		}
		u = g_utf8_get_char_validated(s + i, (gssize)(len - i));
		if (u != (gunichar)-1 && u != (gunichar)-2) {
			k = (size_t)g_utf8_skip[c];
			memcpy(p, s + i, k);
			p += k;
			i += k;
			continue;
		}
		u = c < 0xa0 ? cp1252[c - 0x80] : c;
		p += g_unichar_to_utf8(u, p);
		i++;
	}
	*p = '\0';
	*out = buf;
	*outlen = (size_t)(p - buf);
	return 0;
}

static int
decode_part(GMimeObject *o, struct mime_notice *n)
{
	GMimeDataWrapper *dw;
	GMimeStream	*mem, *filt;
	GMimeFilter	*cf;
	GByteArray	*ba;
	const char	*cs;
	size_t		 len;
	int		 rc;

	dw = g_mime_part_get_content(GMIME_PART(o));
	mem = g_mime_stream_mem_new();
	if (dw == NULL)
		goto empty;
	filt = g_mime_stream_filter_new(mem);
	cs = g_mime_object_get_content_type_parameter(o, "charset");
	if (cs != NULL && g_ascii_strcasecmp(cs, "utf-8") != 0 &&
	    g_ascii_strcasecmp(cs, "us-ascii") != 0 &&
	    (cf = g_mime_filter_charset_new(cs, "UTF-8")) != NULL) {
		g_mime_stream_filter_add(GMIME_STREAM_FILTER(filt), cf);
		g_object_unref(cf);
	}
	if (cs != NULL)
		n->mn_charset = dup_header(cs);
	g_mime_data_wrapper_write_to_stream(dw, filt);
	g_mime_stream_flush(filt);
	g_object_unref(filt);
empty:
	ba = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem));
	len = ba == NULL ? 0 : ba->len;
	if (len > MIME_MAX_TEXT) {
		len = MIME_MAX_TEXT;
		n->mn_text_trunc = 1;
	}
	rc = to_utf8(ba == NULL || len == 0 ? "" : (const char *)ba->data,
	    len, &n->mn_text, &n->mn_len);
	g_object_unref(mem);
	return rc;
}

static int
has_marker(const char *s, size_t len)
{
	static const char *const m[] = { "notice of electronic filing",
	    "notice of docket activity", NULL };
	gchar	*hay;
	size_t	 i;
	int	 found = 0;

	/* as CM/ECF writes them, then in any case */
	if (memmem(s, len, "Notice of Electronic Filing", 27) != NULL ||
	    memmem(s, len, "Notice of Docket Activity", 25) != NULL)
		return 1;
	hay = g_ascii_strdown(s, (gssize)len);
	for (i = 0; m[i] != NULL && !found; i++)
		found = g_strstr_len(hay, (gssize)len, m[i]) != NULL;
	g_free(hay);
	return found;
}

static char *
dup_header(const char *s)
{
	return s == NULL ? NULL : strndup(s, MIME_MAX_HEADER);
}

static int
set_headers(struct mime_notice *n, GMimeMessage *m, GMimeMessage *top)
{
	InternetAddressList *l;
	InternetAddress	*ia;
	GMimeMessage	*mm[2] = { m, top };
	char		**subj[2] = { &n->mn_subject, &n->mn_outer_subject };
	char		**from[2] = { &n->mn_from, &n->mn_outer_from };
	int		 i;

	for (i = 0; i < 2; i++) {
		if (mm[i] == NULL)
			continue;
		*subj[i] = dup_header(g_mime_message_get_subject(mm[i]));
		l = g_mime_message_get_from(mm[i]);
		if (l != NULL && internet_address_list_length(l) > 0) {
			ia = internet_address_list_get_address(l, 0);
			if (INTERNET_ADDRESS_IS_MAILBOX(ia))
				*from[i] = dup_header(
				    internet_address_mailbox_get_addr(
				    INTERNET_ADDRESS_MAILBOX(ia)));
		}
	}
	if (m != NULL)
		n->mn_message_id = dup_header(g_mime_message_get_message_id(m));
	return 0;
}

static int
read_bare(const char *msg, size_t len, struct mime_notice *n)
{
	n->mn_bare = 1;
	n->mn_is_html = looks_like_html(msg, len);
	if (len > MIME_MAX_TEXT) {
		len = MIME_MAX_TEXT;
		n->mn_text_trunc = 1;
	}
	return to_utf8(msg, len, &n->mn_text, &n->mn_len) == 0 ? MIME_OK :
	    MIME_ENOMEM;
}

/* Decode candidates in order of preference; keep the first good one. */
static int
choose(struct walk *w, struct mime_notice *n)
{
	size_t	pass, i;

	for (pass = 0; pass < 4; pass++) {
		for (i = 0; i < w->w_ncand; i++) {
			struct cand *c = &w->w_cand[i];

			if (c->c_html != (pass % 2 == 0))
				continue;
			free(n->mn_text);
			free(n->mn_charset);
			n->mn_text = n->mn_charset = NULL;
			if (decode_part(c->c_part, n) != 0)
				return MIME_ENOMEM;
			if (pass >= 2 || has_marker(n->mn_text, n->mn_len)) {
				n->mn_is_html = c->c_html;
				n->mn_nested = c->c_nested;
				return (int)i;
			}
		}
	}
	return -1;
}

static int
read_message(const char *msg, size_t len, struct mime_notice *n)
{
	GMimeStream	*st;
	GMimeParser	*p;
	GMimeMessage	*m;
	struct walk	*w;
	int		 rc = MIME_OK, k;

	if (count_containers(msg, len) > MIME_MAX_CONTAINERS)
		return MIME_EBOMB;
	st = g_mime_stream_mem_new_with_buffer(msg, len);
	p = g_mime_parser_new_with_stream(st);
	g_mime_parser_set_format(p, GMIME_FORMAT_MESSAGE);
	m = g_mime_parser_construct_message(p, NULL);
	g_object_unref(p);
	g_object_unref(st);
	if (m == NULL)
		return MIME_EPARSE;
	w = calloc(1, sizeof *w);
	if (w == NULL) {
		g_object_unref(m);
		return MIME_ENOMEM;
	}
	walk(w, g_mime_message_get_mime_part(m), m, 0, 0);
	n->mn_has_image = w->w_image;
	n->mn_nparts = w->w_nparts;
	if (w->w_bomb)
		rc = MIME_EBOMB;
	else if (w->w_ncand == 0)
		rc = MIME_ENOTEXT;
	else if ((k = choose(w, n)) < 0)
		rc = n->mn_text == NULL ? MIME_ENOMEM : MIME_ENOTEXT;
	else
		set_headers(n, w->w_cand[k].c_owner, m);
	free(w);
	g_object_unref(m);
	return rc;
}

int
mime_read(const char *msg, size_t len, size_t max_bytes,
    struct mime_notice **out)
{
	struct mime_notice *n;
	int		    rc;

	*out = NULL;
	if (msg == NULL)
		len = 0;
	if (max_bytes != 0 && len > max_bytes)
		return MIME_ETOOBIG;
	n = calloc(1, sizeof *n);
	if (n == NULL)
		return MIME_ENOMEM;
	if (len == 0 || !looks_like_message(msg, len))
		rc = read_bare(len == 0 ? "" : msg, len, n);
	else
		rc = read_message(msg, len, n);
	if (rc != MIME_OK) {
		mime_notice_free(n);
		return rc;
	}
	*out = n;
	return MIME_OK;
}

struct mime_notice *
mime_notice_free(struct mime_notice *n)
{
	if (n == NULL)
		return NULL;
	free(n->mn_text);
	free(n->mn_subject);
	free(n->mn_from);
	free(n->mn_message_id);
	free(n->mn_outer_subject);
	free(n->mn_outer_from);
	free(n->mn_charset);
	free(n);
	return NULL;
}

int
mime_qp_encode(const char *in, size_t len, struct strbuf *out)
{
	unsigned char	 buf[3 * 4096 + 64];
	guint32		 save = 0;
	int		 state = -1;
	size_t		 n, m;

	while (len > 0) {
		n = len < 4096 ? len : 4096;
		m = g_mime_encoding_quoted_encode_step((const unsigned char *)in,
		    n, buf, &state, &save);
		strbuf_append(out, buf, m);
		in += n;
		len -= n;
	}
	m = g_mime_encoding_quoted_encode_close(NULL, 0, buf, &state, &save);
	strbuf_append(out, buf, m);
	return strbuf_error(out) ? -1 : 0;
}

const char *
mime_strerror(int status)
{
	static const char *const msgs[] = {
		"ok",
		"message too large",
		"not a readable message",
		"no text part",
		"too many nested or separate MIME parts",
		"out of memory",
	};

	return status >= 0 && (size_t)status < sizeof msgs / sizeof msgs[0] ?
	    msgs[status] : "unknown status";
}
