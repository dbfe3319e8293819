/*
 * NAME
 *	annots 3 - annotations that may hide text
 * SYNOPSIS
 *	#include "annots.h"
 * DESCRIPTION
 *	See annots.h.  Quad points and appearance boxes come from MuPDF in
 *	the page's device space (the same space as the collected glyphs).
 *	Every MuPDF call on one annotation runs inside one fz_try, so a
 *	damaged annotation costs only itself.
 * DIAGNOSTICS
 *	None; a damaged annotation is skipped.
 */
#include <mupdf/fitz.h>
#include <mupdf/pdf.h>
#include <string.h>

#include "annots.h"

static int	add_annot(fz_context *, pdf_annot *, struct collect_page *);
static int	add_box(struct collect_page *, fz_rect, int kind, uint32_t id,
		    uint32_t rgb, int has_rgb);
static int	light(fz_context *, int n, const float *c, uint32_t *rgb);

/* A declared colour: n components (0 none, 1 grey, 3 RGB, 4 CMYK).  1
 * when it is light; *rgb is filled. */
static int
light(fz_context *ctx, int n, const float *c, uint32_t *rgb)
{
	fz_colorspace *cs = n == 1 ? fz_device_gray(ctx) : n == 3 ?
	    fz_device_rgb(ctx) : n == 4 ? fz_device_cmyk(ctx) : NULL;

	if (cs == NULL)
		return 0;
	return collect_luma(ctx, cs, c, fz_default_color_params, rgb) >
	    COLLECT_DARK_LUMA;
}

static int
add_box(struct collect_page *p, fz_rect r, int kind, uint32_t id,
    uint32_t rgb, int has_rgb)
{
	struct cover_obj o;

	r = fz_intersect_rect(r, p->cp_bounds);
	if (fz_is_empty_rect(r))
		return 0;
	memset(&o, 0, sizeof(o));
	o.o_box.x0 = r.x0;
	o.o_box.y0 = r.y0;
	o.o_box.x1 = r.x1;
	o.o_box.y1 = r.y1;
	o.o_kind = kind;
	o.o_seq = UINT32_MAX;
	o.o_id = id;
	o.o_rgb = rgb;
	o.o_has_rgb = has_rgb;
	return collect_add_obj(p, &o) == 0;
}

/* The covers of one annotation; how many were added. */
static int
add_annot(fz_context *ctx, pdf_annot *a, struct collect_page *p)
{
	enum pdf_annot_type t = pdf_annot_type(ctx, a);
	int flags = pdf_annot_flags(ctx, a), nc = 0, ni = 0, i, nq, added = 0;
	float c[4] = { 0, 0, 0, 0 }, ic[4] = { 0, 0, 0, 0 };
	uint32_t id = p->cp_next_id++, rgb = 0, irgb = 0;
	int kind, has_rgb;

	if (t != PDF_ANNOT_REDACT &&
	    (flags & (PDF_ANNOT_IS_HIDDEN | PDF_ANNOT_IS_NO_VIEW)))
		return 0;
	switch (t) {
	case PDF_ANNOT_REDACT:
		kind = COVER_K_REDACT;
		break;
	case PDF_ANNOT_HIGHLIGHT:
		kind = COVER_K_HIGHLIGHT;
		break;
	case PDF_ANNOT_LINK: case PDF_ANNOT_POPUP: case PDF_ANNOT_UNDERLINE:
	case PDF_ANNOT_SQUIGGLY: case PDF_ANNOT_STRIKE_OUT:
		return 0;	/* no area of their own, or a line on text */
	default:		/* Square, Ink, FreeText, Stamp, a form field... */
		kind = COVER_K_ANNOT;
		break;
	}
	if (kind != COVER_K_REDACT) {
		if (pdf_annot_opacity(ctx, a) < COLLECT_MIN_ALPHA)
			return 0;
		pdf_annot_color(ctx, a, &nc, c);
		if (pdf_annot_has_interior_color(ctx, a))
			pdf_annot_interior_color(ctx, a, &ni, ic);
		/* every colour it declares is light: it hides nothing */
		if ((nc > 0 || ni > 0) && (nc == 0 || light(ctx, nc, c, &rgb)) &&
		    (ni == 0 || light(ctx, ni, ic, &irgb)))
			return 0;
		if (nc > 0)
			light(ctx, nc, c, &rgb);
		if (ni > 0)
			light(ctx, ni, ic, &irgb);
	}
	/* the colour the annotation paints its area with, when declared */
	has_rgb = kind == COVER_K_HIGHLIGHT ? nc > 0 : ni > 0;
	if (ni > 0)
		rgb = irgb;
	if ((kind == COVER_K_REDACT || kind == COVER_K_HIGHLIGHT) &&
	    pdf_annot_has_quad_points(ctx, a) &&
	    (nq = pdf_annot_quad_point_count(ctx, a)) > 0) {
		for (i = 0; i < nq && i < 1000; i++)
			added += add_box(p, fz_rect_from_quad(
			    pdf_annot_quad_point(ctx, a, i)), kind, id, rgb, has_rgb);
		return added;
	}
	return add_box(p, kind == COVER_K_REDACT ? pdf_annot_rect(ctx, a) :
	    pdf_bound_annot(ctx, a), kind, id, rgb, has_rgb);
}

int
annots_collect(fz_context *ctx, fz_page *page, struct collect_page *p)
{
	pdf_page *pp = pdf_page_from_fz_page(ctx, page);
	pdf_annot *a;
	volatile int n = 0;

	if (pp == NULL)
		return 0;
	for (a = pdf_first_annot(ctx, pp); a != NULL; a = pdf_next_annot(ctx, a)) {
		fz_try(ctx)
			n += add_annot(ctx, a, p);
		fz_catch(ctx)
			continue;	/* this annotation only */
	}
	for (a = pdf_first_widget(ctx, pp); a != NULL;
	    a = pdf_next_widget(ctx, a)) {
		fz_try(ctx)
			n += add_annot(ctx, a, p);
		fz_catch(ctx)
			continue;
	}
	return n;
}
