/*
 * NAME
 *	collect 3 - the device that lists glyphs and possible covers
 * SYNOPSIS
 *	#include "collect.h"
 * DESCRIPTION
 *	See collect.h.  A glyph's box is computed as MuPDF's own
 *	structured-text device computes a character's quad: the advance
 *	of the glyph by the font's ascender and descender, through the
 *	text matrix and the transform.  Every device call is passed on to
 *	the inner device with the fz_* wrappers, so its own clip stack
 *	stays right.
 * DIAGNOSTICS
 *	Lists that reach their limit set cp_over; a failed allocation sets
 *	cp_nomem; nothing is thrown from here but what the inner device
 *	throws.
 */
#include <mupdf/fitz.h>
#include <stdlib.h>
#include <string.h>

#include "collect.h"

typedef struct {
	fz_device		 super;
	fz_device		*inner;
	struct collect_page	*page;
	int			 tile_depth;
	int			 mask_depth;
} collect_device;

static int	add_glyph(struct collect_page *, const struct cover_glyph *);
static void	add_text(fz_context *, collect_device *, const fz_text *,
		    fz_matrix, uint32_t rgb, unsigned flags);
static void	add_cover(fz_context *, collect_device *, fz_rect, int kind,
		    int has_rgb, uint32_t rgb);
static void	add_cover_clip(fz_context *, collect_device *, fz_rect, int kind,
		    fz_rect clip);
static void	add_obj(collect_device *, fz_rect, int kind, int has_rgb,
		    uint32_t rgb);
static fz_rect	glyph_box(fz_context *, const fz_text_span *,
		    const fz_text_item *, fz_matrix);

void
collect_page_init(struct collect_page *p, fz_rect bounds)
{
	memset(p, 0, sizeof(*p));
	p->cp_bounds = bounds;
	p->cp_next_id = 1;
}

void
collect_page_free(struct collect_page *p)
{
	free(p->cp_glyphs);
	free(p->cp_objs);
	memset(p, 0, sizeof(*p));
}

static int
add_glyph(struct collect_page *p, const struct cover_glyph *g)
{
	struct cover_glyph *v;
	size_t cap;

	if (p->cp_ng >= COLLECT_GLYPHS_MAX) {
		p->cp_over = 1;
		return -1;
	}
	if (p->cp_ng == p->cp_gcap) {
		cap = p->cp_gcap ? p->cp_gcap * 2 : 1024;
		if ((v = realloc(p->cp_glyphs, cap * sizeof(*v))) == NULL) {
			p->cp_nomem = 1;
			return -1;
		}
		p->cp_glyphs = v;
		p->cp_gcap = cap;
	}
	p->cp_glyphs[p->cp_ng++] = *g;
	return 0;
}

int
collect_add_obj(struct collect_page *p, const struct cover_obj *o)
{
	struct cover_obj *v;
	size_t cap;

	if (p->cp_no >= COLLECT_OBJS_MAX) {
		p->cp_over = 1;
		return -1;
	}
	if (p->cp_no == p->cp_ocap) {
		cap = p->cp_ocap ? p->cp_ocap * 2 : 64;
		if ((v = realloc(p->cp_objs, cap * sizeof(*v))) == NULL) {
			p->cp_nomem = 1;
			return -1;
		}
		p->cp_objs = v;
		p->cp_ocap = cap;
	}
	v = &p->cp_objs[p->cp_no++];
	*v = *o;
	if (v->o_id == 0)
		v->o_id = p->cp_next_id++;
	return 0;
}

int
collect_luma(fz_context *ctx, fz_colorspace *cs, const float *color,
    fz_color_params cp, uint32_t *rgb)
{
	float out[3] = { 0, 0, 0 };
	int c[3], i;

	if (cs != NULL && color != NULL) {
		fz_try(ctx)
			fz_convert_color(ctx, cs, color, fz_device_rgb(ctx), out,
			    NULL, cp);
		fz_catch(ctx)
			out[0] = out[1] = out[2] = 0;
	}
	for (i = 0; i < 3; i++) {
		float v = out[i] < 0 ? 0 : out[i] > 1 ? 1 : out[i];

		c[i] = (int)(v * 255.0f + 0.5f);
	}
	*rgb = (uint32_t)c[0] << 16 | (uint32_t)c[1] << 8 | (uint32_t)c[2];
	return (299 * c[0] + 587 * c[1] + 114 * c[2] + 500) / 1000;
}

/* The quad of a glyph, as fz_stext_device computes it, as a box. */
static fz_rect
glyph_box(fz_context *ctx, const fz_text_span *span, const fz_text_item *it,
    fz_matrix ctm)
{
	fz_matrix trm = span->trm;
	fz_rect r;
	float adv = 0, asc, dsc;

	trm.e = it->x;
	trm.f = it->y;
	trm = fz_concat(trm, ctm);
	if (it->gid >= 0)
		adv = fz_advance_glyph(ctx, span->font, it->gid, span->wmode);
	asc = fz_font_ascender(ctx, span->font);
	dsc = fz_font_descender(ctx, span->font);
	if (asc - dsc < 0.5f || asc - dsc > 3.0f || asc < 0) {
		asc = 0.8f;
		dsc = -0.2f;
	}
	if (span->wmode == 0) {
		r.x0 = 0;
		r.x1 = adv > 0 ? adv : 0.5f;
		r.y0 = dsc;
		r.y1 = asc;
	} else {
		r.x0 = -0.5f;
		r.x1 = 0.5f;
		r.y0 = -(adv > 0 ? adv : 1.0f);
		r.y1 = 0;
	}
	return fz_transform_rect(r, trm);
}

static void
add_text(fz_context *ctx, collect_device *d, const fz_text *text,
    fz_matrix ctm, uint32_t rgb, unsigned flags)
{
	struct collect_page *p = d->page;
	const fz_text_span *span;
	struct cover_glyph g;
	fz_rect last = fz_empty_rect;
	int i;

	if (d->tile_depth > 0 || d->mask_depth > 0)
		return;
	for (span = text->head; span != NULL; span = span->next) {
		fz_matrix m = fz_concat(span->trm, ctm);
		unsigned dir = span->wmode == 0 ? cover_dir_flags(m.a, m.b) :
		    cover_dir_flags(-m.c, -m.d);

		for (i = 0; i < span->len; i++) {
			const fz_text_item *it = &span->items[i];

			memset(&g, 0, sizeof(g));
			/* an extra character of a ligature shares its glyph */
			if (it->gid >= 0 || fz_is_empty_rect(last))
				last = glyph_box(ctx, span, it, ctm);
			g.g_box.x0 = last.x0;
			g.g_box.y0 = last.y0;
			g.g_box.x1 = last.x1;
			g.g_box.y1 = last.y1;
			g.g_ucs = it->ucs;
			g.g_seq = p->cp_seq++;
			g.g_rgb = rgb;
			g.g_flags = flags | dir;
			if (add_glyph(p, &g) != 0)
				return;
		}
	}
}

static void
add_cover(fz_context *ctx, collect_device *d, fz_rect r, int kind,
    int has_rgb, uint32_t rgb)
{
	r = fz_intersect_rect(r, fz_device_current_scissor(ctx, &d->super));
	add_obj(d, r, kind, has_rgb, rgb);
}

static void
add_cover_clip(fz_context *ctx, collect_device *d, fz_rect r, int kind,
    fz_rect clip)
{
	(void)ctx;
	add_obj(d, fz_intersect_rect(r, clip), kind, 0, 0);
}

/* An object of kind over r (already clipped), unless in a tile or mask. */
static void
add_obj(collect_device *d, fz_rect r, int kind, int has_rgb, uint32_t rgb)
{
	struct collect_page *p = d->page;
	struct cover_obj o;
	uint32_t seq = p->cp_seq++;

	if (d->tile_depth > 0 || d->mask_depth > 0)
		return;
	r = fz_intersect_rect(r, p->cp_bounds);
	if (fz_is_empty_rect(r) || r.x1 - r.x0 < COLLECT_MIN_SIDE ||
	    r.y1 - r.y0 < COLLECT_MIN_SIDE)
		return;
	memset(&o, 0, sizeof(o));
	o.o_box.x0 = r.x0;
	o.o_box.y0 = r.y0;
	o.o_box.x1 = r.x1;
	o.o_box.y1 = r.y1;
	o.o_kind = kind;
	o.o_seq = seq;
	o.o_rgb = rgb;
	o.o_has_rgb = has_rgb;
	collect_add_obj(p, &o);
}

/* ------------------------------------------------------------ callbacks */

static void
c_fill_path(fz_context *ctx, fz_device *dev, const fz_path *path, int eo,
    fz_matrix ctm, fz_colorspace *cs, const float *color, float alpha,
    fz_color_params cp)
{
	collect_device *d = (collect_device *)dev;
	uint32_t rgb;

	if (alpha >= COLLECT_MIN_ALPHA &&
	    collect_luma(ctx, cs, color, cp, &rgb) <= COLLECT_DARK_LUMA)
		add_cover(ctx, d, fz_bound_path(ctx, path, NULL, ctm), COVER_K_PATH,
		    1, rgb);
	if (d->inner)
		fz_fill_path(ctx, d->inner, path, eo, ctm, cs, color, alpha, cp);
}

static void
c_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
    const fz_stroke_state *st, fz_matrix ctm, fz_colorspace *cs,
    const float *color, float alpha, fz_color_params cp)
{
	collect_device *d = (collect_device *)dev;
	uint32_t rgb;

	float w = st != NULL ? st->linewidth * fz_matrix_expansion(ctm) : 0;

	/* the path's points and half the line's width around them (MuPDF's
	 * own stroked bounds allow for mitres, ten times wider) */
	if (alpha >= COLLECT_MIN_ALPHA && w >= COLLECT_MIN_SIDE &&
	    collect_luma(ctx, cs, color, cp, &rgb) <= COLLECT_DARK_LUMA)
		add_cover(ctx, d, fz_expand_rect(fz_bound_path(ctx, path, NULL, ctm),
		    w / 2), COVER_K_PATH, 1, rgb);
	if (d->inner)
		fz_stroke_path(ctx, d->inner, path, st, ctm, cs, color, alpha, cp);
}

static void
c_clip_path(fz_context *ctx, fz_device *dev, const fz_path *path, int eo,
    fz_matrix ctm, fz_rect scissor)
{
	collect_device *d = (collect_device *)dev;

	if (d->inner)
		fz_clip_path(ctx, d->inner, path, eo, ctm, scissor);
}

static void
c_clip_stroke_path(fz_context *ctx, fz_device *dev, const fz_path *path,
    const fz_stroke_state *st, fz_matrix ctm, fz_rect scissor)
{
	collect_device *d = (collect_device *)dev;

	if (d->inner)
		fz_clip_stroke_path(ctx, d->inner, path, st, ctm, scissor);
}

static void
c_fill_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    fz_matrix ctm, fz_colorspace *cs, const float *color, float alpha,
    fz_color_params cp)
{
	collect_device *d = (collect_device *)dev;
	uint32_t rgb;

	collect_luma(ctx, cs, color, cp, &rgb);
	add_text(ctx, d, text, ctm, rgb, alpha <= 0 ? COVER_G_INVISIBLE : 0);
	if (d->inner)
		fz_fill_text(ctx, d->inner, text, ctm, cs, color, alpha, cp);
}

static void
c_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    const fz_stroke_state *st, fz_matrix ctm, fz_colorspace *cs,
    const float *color, float alpha, fz_color_params cp)
{
	collect_device *d = (collect_device *)dev;
	uint32_t rgb;

	collect_luma(ctx, cs, color, cp, &rgb);
	add_text(ctx, d, text, ctm, rgb, alpha <= 0 ? COVER_G_INVISIBLE : 0);
	if (d->inner)
		fz_stroke_text(ctx, d->inner, text, st, ctm, cs, color, alpha, cp);
}

static void
c_clip_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    fz_matrix ctm, fz_rect scissor)
{
	collect_device *d = (collect_device *)dev;

	if (d->inner)
		fz_clip_text(ctx, d->inner, text, ctm, scissor);
}

static void
c_clip_stroke_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    const fz_stroke_state *st, fz_matrix ctm, fz_rect scissor)
{
	collect_device *d = (collect_device *)dev;

	if (d->inner)
		fz_clip_stroke_text(ctx, d->inner, text, st, ctm, scissor);
}

static void
c_ignore_text(fz_context *ctx, fz_device *dev, const fz_text *text,
    fz_matrix ctm)
{
	collect_device *d = (collect_device *)dev;

	add_text(ctx, d, text, ctm, 0, COVER_G_INVISIBLE);
	if (d->inner)
		fz_ignore_text(ctx, d->inner, text, ctm);
}

static void
c_fill_shade(fz_context *ctx, fz_device *dev, fz_shade *shd, fz_matrix ctm,
    float alpha, fz_color_params cp)
{
	collect_device *d = (collect_device *)dev;

	if (alpha >= COLLECT_MIN_ALPHA)
		add_cover(ctx, d, fz_bound_shade(ctx, shd, ctm), COVER_K_PATH, 0, 0);
	if (d->inner)
		fz_fill_shade(ctx, d->inner, shd, ctm, alpha, cp);
}

static void
c_fill_image(fz_context *ctx, fz_device *dev, fz_image *img, fz_matrix ctm,
    float alpha, fz_color_params cp)
{
	collect_device *d = (collect_device *)dev;

	if (alpha >= COLLECT_MIN_ALPHA)
		add_cover(ctx, d, fz_transform_rect(fz_unit_rect, ctm),
		    COVER_K_IMAGE, 0, 0);
	if (d->inner)
		fz_fill_image(ctx, d->inner, img, ctm, alpha, cp);
}

static void
c_fill_image_mask(fz_context *ctx, fz_device *dev, fz_image *img,
    fz_matrix ctm, fz_colorspace *cs, const float *color, float alpha,
    fz_color_params cp)
{
	collect_device *d = (collect_device *)dev;
	uint32_t rgb;

	if (alpha >= COLLECT_MIN_ALPHA &&
	    collect_luma(ctx, cs, color, cp, &rgb) <= COLLECT_DARK_LUMA)
		add_cover(ctx, d, fz_transform_rect(fz_unit_rect, ctm),
		    COVER_K_IMAGE, 1, rgb);
	if (d->inner)
		fz_fill_image_mask(ctx, d->inner, img, ctm, cs, color, alpha, cp);
}

static void
c_clip_image_mask(fz_context *ctx, fz_device *dev, fz_image *img,
    fz_matrix ctm, fz_rect scissor)
{
	collect_device *d = (collect_device *)dev;

	if (d->inner)
		fz_clip_image_mask(ctx, d->inner, img, ctm, scissor);
}

static void
c_pop_clip(fz_context *ctx, fz_device *dev)
{
	collect_device *d = (collect_device *)dev;

	if (d->inner)
		fz_pop_clip(ctx, d->inner);
}

static void
c_begin_mask(fz_context *ctx, fz_device *dev, fz_rect area, int lum,
    fz_colorspace *cs, const float *bc, fz_color_params cp)
{
	collect_device *d = (collect_device *)dev;

	d->mask_depth++;
	if (d->inner)
		fz_begin_mask(ctx, d->inner, area, lum, cs, bc, cp);
}

static void
c_end_mask(fz_context *ctx, fz_device *dev)
{
	collect_device *d = (collect_device *)dev;

	if (d->mask_depth > 0)
		d->mask_depth--;
	if (d->inner)
		fz_end_mask(ctx, d->inner);
}

static void
c_begin_group(fz_context *ctx, fz_device *dev, fz_rect area,
    fz_colorspace *cs, int isolated, int knockout, int blend, float alpha)
{
	collect_device *d = (collect_device *)dev;

	if (d->inner)
		fz_begin_group(ctx, d->inner, area, cs, isolated, knockout, blend,
		    alpha);
}

static void
c_end_group(fz_context *ctx, fz_device *dev)
{
	collect_device *d = (collect_device *)dev;

	if (d->inner)
		fz_end_group(ctx, d->inner);
}

static int
c_begin_tile(fz_context *ctx, fz_device *dev, fz_rect area, fz_rect view,
    float xstep, float ystep, fz_matrix ctm, int id)
{
	collect_device *d = (collect_device *)dev;

	/* The area is in the space of the tile's transform, and the wrapper
	 * has already pushed it (untransformed) as the current scissor: the
	 * clip that holds is the one under it. */
	add_cover_clip(ctx, d, fz_transform_rect(area, ctm), COVER_K_PATTERN,
	    dev->container_len >= 2 ?
	    dev->container[dev->container_len - 2].scissor : fz_infinite_rect);
	d->tile_depth++;
	if (d->inner)
		return fz_begin_tile_id(ctx, d->inner, area, view, xstep, ystep,
		    ctm, id);
	return 0;
}

static void
c_end_tile(fz_context *ctx, fz_device *dev)
{
	collect_device *d = (collect_device *)dev;

	if (d->tile_depth > 0)
		d->tile_depth--;
	if (d->inner)
		fz_end_tile(ctx, d->inner);
}

fz_device *
collect_new_device(fz_context *ctx, fz_device *inner, struct collect_page *p)
{
	collect_device *d = fz_new_derived_device(ctx, collect_device);

	d->inner = inner;
	d->page = p;
	d->super.fill_path = c_fill_path;
	d->super.stroke_path = c_stroke_path;
	d->super.clip_path = c_clip_path;
	d->super.clip_stroke_path = c_clip_stroke_path;
	d->super.fill_text = c_fill_text;
	d->super.stroke_text = c_stroke_text;
	d->super.clip_text = c_clip_text;
	d->super.clip_stroke_text = c_clip_stroke_text;
	d->super.ignore_text = c_ignore_text;
	d->super.fill_shade = c_fill_shade;
	d->super.fill_image = c_fill_image;
	d->super.fill_image_mask = c_fill_image_mask;
	d->super.clip_image_mask = c_clip_image_mask;
	d->super.pop_clip = c_pop_clip;
	d->super.begin_mask = c_begin_mask;
	d->super.end_mask = c_end_mask;
	d->super.begin_group = c_begin_group;
	d->super.end_group = c_end_group;
	d->super.begin_tile = c_begin_tile;
	d->super.end_tile = c_end_tile;
	return &d->super;
}
