/*
 * NAME
 *	render 3 - draw the page where glyphs may be covered, and judge
 * SYNOPSIS
 *	#include "render.h"
 * DESCRIPTION
 *	See render.h.  The pixmap is dropped in fz_always, so an error or
 *	an abort in the middle of drawing leaks nothing.
 * DIAGNOSTICS
 *	MuPDF's exceptions pass through to the caller.
 */
#include <math.h>
#include <mupdf/fitz.h>
#include <string.h>

#include "cover.h"
#include "pixdark.h"
#include "render.h"

static fz_rect	candidates(const struct collect_page *, const int *, float *h);
static float	zoom_for(fz_rect area, float glyph_h);
static void	draw(fz_context *, fz_page *, fz_pixmap *, float, fz_cookie *);
static void	judge(fz_context *, fz_page *, const struct collect_page *,
		    const int *, unsigned char *, fz_cookie *, fz_pixmap *, float,
		    struct render_stats *);

/* The union of the candidates' cores; their mean height in *h. */
static fz_rect
candidates(const struct collect_page *p, const int *which, float *h)
{
	fz_rect u = fz_empty_rect, r;
	struct cover_box c;
	double sum = 0;
	size_t i, n = 0;

	for (i = 0; i < p->cp_ng; i++) {
		if (which[i] < 0)
			continue;
		cover_core(&p->cp_glyphs[i].g_box, &c);
		r.x0 = c.x0;
		r.y0 = c.y0;
		r.x1 = c.x1;
		r.y1 = c.y1;
		u = fz_union_rect(u, r);
		sum += p->cp_glyphs[i].g_box.y1 - p->cp_glyphs[i].g_box.y0;
		n++;
	}
	*h = n ? (float)(sum / (double)n) : 0;
	return fz_intersect_rect(u, p->cp_bounds);
}

static float
zoom_for(fz_rect a, float h)
{
	float z = h > 0.1f ? RENDER_GLYPH_PX / h : RENDER_ZOOM_MAX;
	double area = (double)(a.x1 - a.x0) * (double)(a.y1 - a.y0);

	if (z < RENDER_ZOOM_MIN)
		z = RENDER_ZOOM_MIN;
	if (z > RENDER_ZOOM_MAX)
		z = RENDER_ZOOM_MAX;
	if (area * z * z > (double)RENDER_MAX_PIXELS)
		z = (float)sqrt((double)RENDER_MAX_PIXELS / area);
	return z < RENDER_ZOOM_FLOOR ? RENDER_ZOOM_FLOOR : z;
}

/* Draw the page (content, annotations, form fields) into pix. */
static void
draw(fz_context *ctx, fz_page *page, fz_pixmap *pix, float z,
    fz_cookie *cookie)
{
	fz_device *dev = fz_new_draw_device(ctx, fz_scale(z, z), pix);

	fz_try(ctx) {
		fz_run_page(ctx, page, dev, fz_identity, cookie);
		fz_close_device(ctx, dev);
	}
	fz_always(ctx)
		fz_drop_device(ctx, dev);
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/* Draw the page into pix (zoom z) and judge every candidate. */
static void
judge(fz_context *ctx, fz_page *page, const struct collect_page *p,
    const int *which, unsigned char *hidden, fz_cookie *cookie,
    fz_pixmap *pix, float z, struct render_stats *st)
{
	struct pixdark_img im;
	struct cover_box c;
	int x0 = fz_pixmap_x(ctx, pix), y0 = fz_pixmap_y(ctx, pix);
	size_t i;

	draw(ctx, page, pix, z, cookie);
	memset(&im, 0, sizeof(im));
	im.pi_p = fz_pixmap_samples(ctx, pix);
	im.pi_w = fz_pixmap_width(ctx, pix);
	im.pi_h = fz_pixmap_height(ctx, pix);
	im.pi_stride = fz_pixmap_stride(ctx, pix);
	im.pi_n = fz_pixmap_components(ctx, pix);
	for (i = 0; i < p->cp_ng; i++) {
		if (which[i] < 0)
			continue;
		cover_core(&p->cp_glyphs[i].g_box, &c);
		hidden[i] = (unsigned char)pixdark_test(&im,
		    (int)floorf(c.x0 * z) - x0, (int)floorf(c.y0 * z) - y0,
		    (int)ceilf(c.x1 * z) - x0, (int)ceilf(c.y1 * z) - y0, NULL);
	}
	if (st != NULL) {
		st->rs_pixels += (long)im.pi_w * im.pi_h;
		st->rs_zoom = z;
	}
}

void
render_hidden(fz_context *ctx, fz_page *page, const struct collect_page *p,
    const int *which, unsigned char *hidden, fz_cookie *cookie,
    struct render_stats *st)
{
	fz_pixmap *pix;
	fz_irect ib;
	fz_rect area;
	float h;
	volatile float z;	/* set before fz_try, read inside */

	area = candidates(p, which, &h);
	if (fz_is_empty_rect(area))
		return;
	z = zoom_for(area, h);
	ib = fz_round_rect(fz_transform_rect(area, fz_scale(z, z)));
	if (ib.x1 <= ib.x0 || ib.y1 <= ib.y0)
		return;
	pix = fz_new_pixmap_with_bbox(ctx, fz_device_rgb(ctx), ib, NULL, 0);
	fz_try(ctx) {
		fz_clear_pixmap_with_value(ctx, pix, 255);
		judge(ctx, page, p, which, hidden, cookie, pix, z, st);
	}
	fz_always(ctx)
		fz_drop_pixmap(ctx, pix);
	fz_catch(ctx)
		fz_rethrow(ctx);
}
