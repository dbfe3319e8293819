/*
 * render: what a reader sees where glyphs may be covered.
 *
 * The page (content, annotations and form fields, as a viewer shows
 * them) is drawn once, with MuPDF's draw device, into an RGB pixmap
 * over the union of the candidate glyphs' cores, on white paper, without
 * anti-aliasing (check.c sets it for the context).  The
 * zoom gives a glyph about RENDER_GLYPH_PX pixels of height, between
 * RENDER_ZOOM_MIN and RENDER_ZOOM_MAX, lowered when the area would need
 * more than RENDER_MAX_PIXELS.  Then pixdark.h judges each candidate's
 * core.
 */
#ifndef NEF_PDF_RENDER_H
#define NEF_PDF_RENDER_H

#include <mupdf/fitz.h>

#include "collect.h"

#define RENDER_GLYPH_PX		30.0f
#define RENDER_ZOOM_MIN		1.0f
#define RENDER_ZOOM_MAX		6.0f
#define RENDER_ZOOM_FLOOR	0.5f	/* the least, under the pixel cap */
#define RENDER_MAX_PIXELS	(8L * 1024 * 1024)

struct render_stats {
	long	rs_pixels;	/* pixels drawn */
	float	rs_zoom;
};

/*
 * For every glyph i with which[i] >= 0, set hidden[i] to 1 when its core
 * is one dark colour on the rendered page.  Throws what MuPDF throws
 * (the caller catches); cookie may be NULL.
 */
void	 render_hidden(fz_context *, fz_page *, const struct collect_page *,
	    const int *which, unsigned char *hidden, fz_cookie *,
	    struct render_stats *);

#endif
