/*
 * fuzz_rewrite: libFuzzer target for the MIME rewrite (milter/rewrite.c).
 *
 * The first byte chooses the options (attach the document or not, drop
 * the PDF parts a forward carries, summaries or none); the rest is the
 * message.  It goes through rewrite_body() with a link-strip predicate
 * (every doc1 and docs1 link goes) and one small PDF read from a memory
 * file.  Nothing may crash, leak or invoke undefined behaviour, and what
 * rewrite_body() reports must agree with what it wrote: chunks of at most
 * REWRITE_CHUNK bytes adding up to rs_bytes, a Content-Type value that is
 * printable and names the boundary, and on success a body that GMime's
 * reader (mime_read) takes back without failing for a reason other than
 * the content the message brought.
 */
#include <sys/mman.h>

#include <ctype.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "linkstrip.h"
#include "mime.h"
#include "rewrite.h"
#include "strbuf.h"

#define FZ_OUT_MAX	(8u << 20)	/* output kept for the re-read */

int	LLVMFuzzerInitialize(int *, char ***);
int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

struct fz_sink {
	struct strbuf	 fs_out;
	uint64_t	 fs_total;
	int		 fs_bad;	/* a chunk over REWRITE_CHUNK */
};

static int	fz_doc = -1;
static const char fz_pdf[] = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << >> endobj\n"
    "\x00\x01\x02\xff binary\n%%EOF\n";

static int
fz_strip(const char *url, void *arg)
{
	(void)arg;
	return strstr(url, "/doc1/") != NULL || strstr(url, "/docs1/") != NULL;
}

static int
fz_write(void *arg, const char *buf, size_t len)
{
	struct fz_sink	*s = arg;

	if (len == 0 || len > REWRITE_CHUNK)
		s->fs_bad = 1;
	s->fs_total += len;
	if (s->fs_out.sb_len + len <= FZ_OUT_MAX)
		strbuf_append(&s->fs_out, buf, len);
	return 0;
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (mime_init() != 0)
		abort();
	fz_doc = memfd_create("fuzz_rewrite_doc", MFD_CLOEXEC);
	if (fz_doc < 0 || write(fz_doc, fz_pdf, sizeof(fz_pdf) - 1) !=
	    (ssize_t)(sizeof(fz_pdf) - 1))
		abort();
	return 0;
}

/* The Content-Type value: printable, multipart/mixed, with its boundary. */
static void
fz_check_ctype(const struct rewrite_res *res, const char *boundary)
{
	const char	*p;
	size_t		 n = strnlen(res->rs_ctype, sizeof(res->rs_ctype));

	if (n == 0 || n == sizeof(res->rs_ctype))
		abort();
	for (p = res->rs_ctype; *p; p++)
		if (!isprint((unsigned char)*p))
			abort();
	if (strncmp(res->rs_ctype, "multipart/mixed", 15) != 0 ||
	    strstr(res->rs_ctype, boundary) == NULL)
		abort();
}

/* Read the new body back, as Postfix will deliver it. */
static void
fz_reread(const struct rewrite_res *res, const struct fz_sink *s)
{
	struct strbuf		 m = STRBUF_INIT;
	struct mime_notice	*mn = NULL;
	int			 rc;

	if (s->fs_out.sb_len != s->fs_total)
		return;		/* too large to keep */
	strbuf_printf(&m, "From: ecf@cand.uscourts.gov\nSubject: fuzz\n"
	    "MIME-Version: 1.0\nContent-Type: %s\n\n", res->rs_ctype);
	strbuf_append(&m, s->fs_out.sb_s, s->fs_out.sb_len);
	if (strbuf_error(&m)) {
		strbuf_free(&m);
		return;
	}
	rc = mime_read(m.sb_s, m.sb_len, 0, &mn);
	if (rc == MIME_ENOMEM || rc == MIME_ETOOBIG)
		abort();	/* no size limit was given; memory is plenty */
	mime_notice_free(mn);
	strbuf_free(&m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char	 boundary[] = "=_fuzz_rewrite_boundary";
	struct linkstrip	 ls = { fz_strip, NULL,
				    "[link removed: the court asked for a login]" };
	struct rewrite_doc	 doc;
	struct rewrite_req	 r;
	struct rewrite_res	 res;
	struct fz_sink		 s;
	char			 err[160];
	unsigned		 opt;
	int			 rc;

	if (size < 1)
		return 0;
	opt = data[0];
	memset(&doc, 0, sizeof(doc));
	doc.rd_fd = fz_doc;
	doc.rd_size = sizeof(fz_pdf) - 1;
	doc.rd_filename = (opt & 8) ? "2023-03-14_cand_ECF57_D\xc3\xa9" "claration.pdf" :
	    "2023-03-14_cand_4-22-cv-05541-JST_ECF57_Main_Document.pdf";
	doc.rd_description = "Main document: Motion to Compel";
	memset(&r, 0, sizeof(r));
	r.rr_msg = (const char *)data + 1;
	r.rr_len = size - 1;
	if (opt & 1) {
		r.rr_sum_text = "[nefmilter] Court notice cand 4:22-cv-05541: 1 document attached.\n";
		r.rr_sum_html = "<div><b>[nefmilter]</b> Court notice: 1 document attached.</div>";
	}
	r.rr_strip = (opt & 2) ? &ls : NULL;
	r.rr_docs = (opt & 4) ? &doc : NULL;
	r.rr_ndocs = (opt & 4) ? 1 : 0;
	r.rr_boundary = boundary;
	r.rr_drop_pdfs = (opt & 16) != 0;
	memset(&res, 0, sizeof(res));
	memset(&s, 0, sizeof(s));
	strbuf_init(&s.fs_out, FZ_OUT_MAX);
	err[0] = '\0';
	rc = rewrite_body(&r, fz_write, &s, &res, err, sizeof(err));
	if (rc != 0 && rc != -1)
		abort();
	if (s.fs_bad)
		abort();
	if (rc == -1 && (err[0] == '\0' || strnlen(err, sizeof(err)) == sizeof(err)))
		abort();	/* a failure always says why */
	if (rc == 0) {
		if (res.rs_bytes != s.fs_total)
			abort();
		fz_check_ctype(&res, boundary);
		fz_reread(&res, &s);
	}
	strbuf_free(&s.fs_out);
	return 0;
}
