/*
 * NAME
 *	check 3 - one PDF document into a report
 * SYNOPSIS
 *	#include "check.h"
 * DESCRIPTION
 *	See check.h (and there, why the engine is MuPDF).  One MuPDF
 *	context per call, with no locks (the helper is single-threaded)
 *	and its warnings silenced: a hostile document can print a great
 *	many, and the report's detail says what matters.
 * DIAGNOSTICS
 *	Every failure ends up in the report: "error" with MuPDF's message,
 *	"too-large" for limits and memory, "timeout" after an interrupt.
 */
#include <mupdf/fitz.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "report.h"
#include "scan.h"

static fz_cookie check_cookie;

static void	quiet(void *, const char *);
static void	loud(void *, const char *);
static void	failed(fz_context *, struct report *, int page, const char *what);
static void	pages(fz_context *, fz_document *, int n, struct report *);
static void	run(fz_context *, fz_stream *, const struct check_opts *,
		    struct report *);
static void	with_context(const unsigned char *, size_t, FILE *,
		    const struct check_opts *, struct report *);

void
check_interrupt(void)
{
	check_cookie.abort = 1;
}

static void
quiet(void *user, const char *msg)
{
	(void)user;
	(void)msg;
}

static void
loud(void *user, const char *msg)
{
	(void)user;
	fprintf(stderr, "nefpdf: mupdf: %s\n", msg);
}

/* Record the exception just caught, for page (from 1; 0: the document). */
static void
failed(fz_context *ctx, struct report *r, int page, const char *what)
{
	int code = fz_caught(ctx);
	const char *msg = fz_caught_message(ctx);

	if (code == FZ_ERROR_MEMORY) {
		if (page > 0)
			report_fail(r, REPORT_TOO_LARGE, "page %d needs more memory "
			    "than the limit allows", page);
		else
			report_fail(r, REPORT_TOO_LARGE, "the document needs more "
			    "memory than the limit allows");
	} else if (page > 0)
		report_fail(r, REPORT_ERROR, "page %d: %s", page, msg);
	else
		report_fail(r, REPORT_ERROR, "%s: %s", what, msg);
}

static void
pages(fz_context *ctx, fz_document *doc, int n, struct report *r)
{
	volatile int errors = 0;
	int i;

	for (i = 0; i < n && !check_cookie.abort; i++) {
		fz_try(ctx)
			scan_page(ctx, doc, i, r, &check_cookie, NULL);
		fz_catch(ctx) {
			if (check_cookie.abort)
				break;
			failed(ctx, r, i + 1, NULL);
			if (++errors >= CHECK_MAX_PAGE_ERRORS)
				break;
			continue;
		}
		if (check_cookie.abort)
			break;	/* the page was cut short */
		r->r_pages_checked++;
	}
}

static void
run(fz_context *ctx, fz_stream *stm, const struct check_opts *o,
    struct report *r)
{
	fz_document *volatile doc = NULL;
	int n;

	fz_var(doc);
	fz_try(ctx) {
		doc = fz_open_document_with_stream(ctx, "application/pdf", stm);
		if (fz_needs_password(ctx, doc) &&
		    !fz_authenticate_password(ctx, doc, ""))
			report_fail(r, REPORT_ERROR, "encrypted: the document "
			    "needs a password");
		else {
			n = fz_count_pages(ctx, doc);
			r->r_pages = n;
			if (n <= 0)
				report_fail(r, REPORT_ERROR, "the document has no pages");
			else if (o->co_max_pages > 0 && n > o->co_max_pages)
				report_fail(r, REPORT_TOO_LARGE, "%d pages (the limit "
				    "is %d)", n, o->co_max_pages);
			else
				pages(ctx, doc, n, r);
		}
	}
	fz_always(ctx)
		fz_drop_document(ctx, doc);
	fz_catch(ctx)
		failed(ctx, r, 0, "cannot read the document");
	if (check_cookie.abort)
		report_fail(r, REPORT_TIMEOUT, "%s after %d of %d pages",
		    o->co_timeout_why ? o->co_timeout_why : "interrupted",
		    r->r_pages_checked, r->r_pages);
}

static void
with_context(const unsigned char *buf, size_t len, FILE *fp,
    const struct check_opts *o, struct report *r)
{
	struct timespec t0, t1;
	fz_context *ctx;
	fz_stream *volatile stm = NULL;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(&check_cookie, 0, sizeof(check_cookie));
	ctx = fz_new_context(NULL, NULL, o->co_store_bytes ? o->co_store_bytes :
	    CHECK_STORE_BYTES);
	if (ctx == NULL) {
		report_fail(r, REPORT_TOO_LARGE, "no memory for the PDF engine");
		return;
	}
	/* No anti-aliasing: the rendering is judged, not shown, and a tiled
	 * pattern drawn with it shows light seams between its cells that a
	 * reader does not see. */
	fz_set_aa_level(ctx, 0);
	fz_set_warning_callback(ctx, o->co_verbose ? loud : quiet, NULL);
	fz_set_error_callback(ctx, o->co_verbose ? loud : quiet, NULL);
	fz_var(stm);
	fz_try(ctx) {
		fz_register_document_handlers(ctx);
		stm = fp != NULL ? fz_open_file_ptr_no_close(ctx, fp) :
		    fz_open_memory(ctx, buf, len);
		run(ctx, stm, o, r);
	}
	fz_always(ctx)
		fz_drop_stream(ctx, stm);
	fz_catch(ctx)
		failed(ctx, r, 0, "cannot start the PDF engine");
	fz_drop_context(ctx);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	r->r_ms = (long)(t1.tv_sec - t0.tv_sec) * 1000 +
	    (t1.tv_nsec - t0.tv_nsec) / 1000000;
}

void
check_buffer(const unsigned char *buf, size_t len,
    const struct check_opts *o, struct report *r)
{
	with_context(buf, len, NULL, o, r);
}

void
check_file(FILE *fp, const struct check_opts *o, struct report *r)
{
	with_context(NULL, 0, fp, o, r);
}
