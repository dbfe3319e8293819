/*
 * collect: a MuPDF device that lists a page's glyphs and possible covers.
 *
 * Running a page's content through this device fills a struct
 * collect_page (cover.h's glyph and object lists) and passes every call
 * on to an inner device (the structured-text device, so that one run of
 * the content serves both the cover check and the text of the page).
 *
 *	fill_text, stroke_text	visible glyphs (invisible when alpha is 0)
 *	ignore_text		invisible glyphs (text render mode 3, the
 *				usual OCR layer)
 *	clip_text		passed on only (its glyphs were, or will be,
 *				seen by a fill or are clipping only)
 *	fill_path		a cover when dark, at least COLLECT_MIN_SIDE
 *				points both ways, and not see-through
 *	stroke_path		a cover when dark and at least
 *				COLLECT_MIN_SIDE points wide
 *	fill_image_mask		a cover when its colour is dark
 *	fill_image, fill_shade	a cover of unknown colour (the rendering
 *				decides)
 *	begin_tile		the tiled area is a cover of unknown colour;
 *				what the pattern cell draws is not listed
 *	begin_mask..end_mask	nothing drawn into a soft mask is listed
 *
 * Every cover's box is clipped to the current clip rectangle
 * (fz_device_current_scissor) and to the page.  Boxes are in the
 * coordinates of the run (the caller passes the identity: points from
 * the page's top left).
 */
#ifndef NEF_PDF_COLLECT_H
#define NEF_PDF_COLLECT_H

#include <mupdf/fitz.h>

#include "cover.h"

#define COLLECT_GLYPHS_MAX	200000	/* glyphs listed per page */
#define COLLECT_OBJS_MAX	20000	/* covers listed per page */
#define COLLECT_MIN_SIDE	1.5f	/* points */
#define COLLECT_DARK_LUMA	160	/* 0..255: a fill this light hides no
					   text from a reader */
#define COLLECT_MIN_ALPHA	0.1f

struct collect_page {
	struct cover_glyph	*cp_glyphs;
	size_t			 cp_ng, cp_gcap;
	struct cover_obj	*cp_objs;
	size_t			 cp_no, cp_ocap;
	uint32_t		 cp_seq;	/* drawing order so far */
	uint32_t		 cp_next_id;	/* object ids */
	fz_rect			 cp_bounds;	/* the page */
	int			 cp_over;	/* a list reached its limit */
	int			 cp_nomem;
};

/* Empty lists for a page with the given bounds. */
void	 collect_page_init(struct collect_page *, fz_rect bounds);
void	 collect_page_free(struct collect_page *);
/* Add an object (its o_id is kept when non-zero, else a new one is
 * given).  0, or -1 when a limit or memory stops it (cp_over or
 * cp_nomem tell which). */
int	 collect_add_obj(struct collect_page *, const struct cover_obj *);
/* The luma (0..255) of a colour in any colour space; 0xRRGGBB in *rgb. */
int	 collect_luma(fz_context *, fz_colorspace *, const float *color,
	    fz_color_params, uint32_t *rgb);

/* The device.  inner may be NULL. */
fz_device *collect_new_device(fz_context *, fz_device *inner,
	    struct collect_page *);

#endif
