/*
 * check: check one PDF document, page by page, into a report.
 *
 * WHY MUPDF
 *   The check needs four things from a PDF engine, and MuPDF (Debian's
 *   libmupdf-dev, the engine under Free Law Project's x-ray through
 *   PyMuPDF) gives each through a small C interface:
 *   - drawings: a device (struct fz_device) receives every drawing
 *     call of a page's content in order: fill_path and stroke_path with
 *     the colour, alpha and transform, fill_text / stroke_text /
 *     ignore_text with every glyph, its font and Unicode value,
 *     fill_image / fill_image_mask / fill_shade, begin_tile for
 *     patterns, begin_mask for soft masks, and the clip stack
 *     (fz_device_current_scissor).  That gives the drawing order, so
 *     text drawn over a box is told from text under it;
 *   - annotations: pdf_first_annot() and its getters give each
 *     annotation's type, flags, colours, opacity, quad points and
 *     appearance box, and fz_run_page_annots() draws them;
 *   - images: fill_image gives each image's place on the page, and the
 *     draw device decodes it at the resolution asked for;
 *   - rendering: fz_new_draw_device() on a pixmap made for just the
 *     area in question (fz_new_pixmap_with_bbox) draws exactly what a
 *     viewer shows there: content, annotations and form fields, with
 *     clipping, blending, patterns and the even-odd rule.
 *   Poppler would serve too (its OutputDev has the same callbacks), but
 *   its C interface (poppler-glib) exposes no drawing callbacks, only
 *   the C++ one does, and it renders through Cairo or Splash only whole
 *   pages or their rectangles with more set-up.  MuPDF is one static
 *   library with its own structured-text extraction, which is also the
 *   baseline "make bench" compares with (mutool draw -F stext).
 *
 * LIMITS
 *   A document with more than co_max_pages pages is "too-large" before
 *   any page is read.  A password (other than the empty one) makes it
 *   "error: encrypted".  A page that fails is recorded ("error" or, when
 *   memory ran out, "too-large") and the next page is read, until
 *   CHECK_MAX_PAGE_ERRORS pages have failed.  After check_interrupt()
 *   (from a signal handler at a deadline) MuPDF stops at its next check
 *   of its cookie, the current page is dropped and the document is
 *   "timeout" with co_timeout_why, keeping what the earlier pages found.
 *   MuPDF's resource store is capped at co_store_bytes.
 */
#ifndef NEF_PDF_CHECK_H
#define NEF_PDF_CHECK_H

#include <stddef.h>
#include <stdio.h>

#include "report.h"

#define CHECK_MAX_PAGE_ERRORS	10
#define CHECK_STORE_BYTES	(64u << 20)

struct check_opts {
	int			 co_max_pages;
	size_t			 co_store_bytes;	/* 0: CHECK_STORE_BYTES */
	const char		*co_timeout_why; /* detail for an interrupt */
	int			 co_verbose;	/* MuPDF's warnings to stderr */
};

/* Check the document in buf[0..len) (the buffer must outlive the call);
 * the report is the caller's (report_init() first). */
void	 check_buffer(const unsigned char *buf, size_t len,
	    const struct check_opts *, struct report *);
/* The same for an open, seekable file (read from its start). */
void	 check_file(FILE *fp, const struct check_opts *, struct report *);
/* Stop the check in progress (async-signal-safe; from another thread
 * too: it sets one int that MuPDF reads).  A new check starts with it
 * cleared. */
void	 check_interrupt(void);

#endif
