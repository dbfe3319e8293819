/*
 * NAME
 *	cover 3 - glyphs under covers, and the findings they make
 * SYNOPSIS
 *	#include "cover.h"
 * DESCRIPTION
 *	See cover.h.  cover_assign() compares every meaningful glyph with
 *	every object (a page rarely has more than a few dozen covers once
 *	the helper has dropped light fills and thin rules).
 *	cover_findings() walks the objects in order; for each object that
 *	is the first of its id it gathers the hidden glyphs of every
 *	object with that id, in drawing order, into one finding, or into
 *	areas for an image.
 * DIAGNOSTICS
 *	cover_findings() returns (size_t)-1 when memory runs out or the
 *	callback stops it.
 */
#include <stdlib.h>
#include <string.h>

#include "cover.h"

#define AREAS_MAX	64	/* areas of hidden text under one image */

struct area {
	struct cover_box a_box;
	char		 a_text[COVER_TEXT_MAX + 1];
	size_t		 a_len;
	size_t		 a_n;
	long		 a_last;	/* index of the last glyph added */
};

static int	is_space(int);
static int	contrast(uint32_t, uint32_t);
static void	box_union(struct cover_box *, const struct cover_box *, int first);
static void	area_put(struct area *, int c, int sp);
static int	between(const struct cover_box *, const struct cover_box *,
		    const struct cover_box *);
static void	area_add(struct area *, const struct cover_glyph *, size_t ng,
		    size_t i, const struct cover_box *o);
static int	near_area(const struct area *, const struct cover_box *);
static struct cover_box reading_box(const struct cover_glyph *, unsigned dir);
static size_t	emit_object(const struct cover_glyph *, size_t,
		    const struct cover_obj *, size_t, size_t k, const int *,
		    const unsigned char *, struct area *, cover_fn, void *, int *);
static size_t	emit_redaction(const struct cover_glyph *, size_t,
		    const struct cover_obj *, size_t, size_t k, struct area *,
		    cover_fn, void *, int *);

const char *
cover_kind_name(int kind)
{
	switch (kind) {
	case COVER_K_PATH:
	case COVER_K_PATTERN: return "cover";
	case COVER_K_IMAGE: return "image";
	case COVER_K_ANNOT: return "annotation";
	case COVER_K_HIGHLIGHT: return "highlight";
	case COVER_K_REDACT: return "unapplied";
	}
	return "cover";
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xa0 ||
	    (c >= 0x2000 && c <= 0x200b) || c == 0x202f || c == 0x205f ||
	    c == 0x3000 || c == 0xfeff;
}

int
cover_text_char(int c)
{
	if (c < 0x20 || is_space(c))
		return 0;
	if (c < 0x80)
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z');
	if (c >= 0xa1 && c <= 0xbf)	/* Latin-1 punctuation and signs */
		return 0;
	if (c == 0xd7 || c == 0xf7)
		return 0;
	if (c >= 0x2010 && c <= 0x205e)	/* general punctuation */
		return 0;
	if (c >= 0x2500 && c <= 0x25ff)	/* box drawing, blocks, shapes */
		return 0;
	if (c >= 0xe000 && c <= 0xf8ff)	/* private use: symbol fonts */
		return 0;
	return c <= 0x10ffff;
}

float
cover_overlap(const struct cover_box *g, const struct cover_box *o)
{
	float w = g->x1 - g->x0, h = g->y1 - g->y0, iw, ih;

	if (w <= 0 || h <= 0)
		return 0;
	iw = (g->x1 < o->x1 ? g->x1 : o->x1) - (g->x0 > o->x0 ? g->x0 : o->x0);
	ih = (g->y1 < o->y1 ? g->y1 : o->y1) - (g->y0 > o->y0 ? g->y0 : o->y0);
	if (iw <= 0 || ih <= 0)
		return 0;
	return (iw * ih) / (w * h);
}

void
cover_core(const struct cover_box *g, struct cover_box *c)
{
	float dx = (g->x1 - g->x0) * COVER_CORE_MARGIN;
	float dy = (g->y1 - g->y0) * COVER_CORE_MARGIN;

	c->x0 = g->x0 + dx;
	c->x1 = g->x1 - dx;
	c->y0 = g->y0 + dy;
	c->y1 = g->y1 - dy;
}

/* 1 when two colours differ plainly (the largest channel difference). */
static int
contrast(uint32_t a, uint32_t b)
{
	int d, m = 0, s;

	for (s = 0; s < 24; s += 8) {
		d = (int)((a >> s) & 0xff) - (int)((b >> s) & 0xff);
		if (d < 0)
			d = -d;
		if (d > m)
			m = d;
	}
	return m >= COVER_CONTRAST;
}

/* An object lies above a glyph when it is an annotation or was drawn
 * after it. */
static int
above(const struct cover_obj *o, const struct cover_glyph *g)
{
	return o->o_kind >= COVER_K_ANNOT || o->o_seq > g->g_seq;
}

size_t
cover_assign(const struct cover_glyph *gl, size_t ng,
    const struct cover_obj *ob, size_t no, int *which)
{
	size_t i, k, n = 0;
	int best;

	for (i = 0; i < ng; i++) {
		const struct cover_glyph *g = &gl[i];

		which[i] = -1;
		if (!cover_text_char(g->g_ucs))
			continue;
		best = -1;
		for (k = 0; k < no; k++) {
			const struct cover_obj *o = &ob[k];

			if (o->o_kind == COVER_K_REDACT ||
			    cover_overlap(&g->g_box, &o->o_box) < COVER_MIN_OVERLAP)
				continue;
			/* visible text drawn over a box of another colour */
			if (!above(o, g) && !(g->g_flags & COVER_G_INVISIBLE) &&
			    o->o_has_rgb && contrast(o->o_rgb, g->g_rgb))
				continue;
			if (best < 0 || (o->o_kind >= COVER_K_ANNOT) >
			    (ob[best].o_kind >= COVER_K_ANNOT) ||
			    ((o->o_kind >= COVER_K_ANNOT) ==
			    (ob[best].o_kind >= COVER_K_ANNOT) &&
			    o->o_seq >= ob[best].o_seq))
				best = (int)k;
		}
		if ((which[i] = best) >= 0)
			n++;
	}
	return n;
}

static void
box_union(struct cover_box *u, const struct cover_box *b, int first)
{
	if (first) {
		*u = *b;
		return;
	}
	if (b->x0 < u->x0) u->x0 = b->x0;
	if (b->y0 < u->y0) u->y0 = b->y0;
	if (b->x1 > u->x1) u->x1 = b->x1;
	if (b->y1 > u->y1) u->y1 = b->y1;
}

/* Append one character to an area's text (when it fits). */
static void
area_put(struct area *a, int c, int sp)
{
	unsigned char u[4];
	size_t n;

	if (c < 0 || c > 0x10ffff)
		return;
	if (c < 0x80) {
		u[0] = (unsigned char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (unsigned char)(0xc0 | (c >> 6));
		u[1] = (unsigned char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (unsigned char)(0xe0 | (c >> 12));
		u[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		u[2] = (unsigned char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		u[0] = (unsigned char)(0xf0 | (c >> 18));
		u[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3f));
		u[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3f));
		u[3] = (unsigned char)(0x80 | (c & 0x3f));
		n = 4;
	}
	if (a->a_len + (size_t)sp + n > COVER_TEXT_MAX)
		return;
	if (sp && a->a_len > 0)
		a->a_text[a->a_len++] = ' ';
	memcpy(a->a_text + a->a_len, u, n);
	a->a_len += n;
	a->a_text[a->a_len] = '\0';
}

unsigned
cover_dir_flags(float dx, float dy)
{
	enum cover_dir d;
	float ax = dx < 0 ? -dx : dx, ay = dy < 0 ? -dy : dy;

	if (ax >= ay)
		d = dx >= 0 ? COVER_DIR_RIGHT : COVER_DIR_LEFT;
	else
		d = dy > 0 ? COVER_DIR_DOWN : COVER_DIR_UP;
	return (unsigned)d << COVER_G_DIR_SHIFT;
}

/* A glyph's box turned so that its text runs left to right (the frame
 * in which blanks and lines are told). */
static struct cover_box
reading_box(const struct cover_glyph *g, unsigned dir)
{
	const struct cover_box *b = &g->g_box;
	struct cover_box r = *b;

	switch ((dir & COVER_G_DIR_MASK) >> COVER_G_DIR_SHIFT) {
	case COVER_DIR_DOWN:	/* (x, y) -> (y, -x) */
		r.x0 = b->y0; r.x1 = b->y1; r.y0 = -b->x1; r.y1 = -b->x0;
		break;
	case COVER_DIR_LEFT:	/* (x, y) -> (-x, -y) */
		r.x0 = -b->x1; r.x1 = -b->x0; r.y0 = -b->y1; r.y1 = -b->y0;
		break;
	case COVER_DIR_UP:	/* (x, y) -> (-y, x) */
		r.x0 = -b->y1; r.x1 = -b->y0; r.y0 = b->x0; r.y1 = b->x1;
		break;
	}
	return r;
}

/* Does m lie on the line of a and b, between them? */
static int
between(const struct cover_box *m, const struct cover_box *a,
    const struct cover_box *b)
{
	float mc = (m->y0 + m->y1) / 2, h = a->y1 - a->y0;

	return mc >= a->y0 && mc <= a->y1 && (b->y0 + b->y1) / 2 >= a->y0 &&
	    (b->y0 + b->y1) / 2 <= a->y1 && m->x0 >= a->x1 - h / 4 &&
	    m->x1 <= b->x0 + h / 4;
}

/*
 * Append glyph i to an area's text, with a blank where the page shows
 * one (a space glyph drawn between, a gap, another line), and with the
 * punctuation drawn between the two under the same cover (o; NULL for
 * none), so that the words read as written: "John Q. Public".
 */
static void
area_add(struct area *a, const struct cover_glyph *gl, size_t ng, size_t i,
    const struct cover_box *o)
{
	const struct cover_glyph *g = &gl[i];
	size_t j;
	int sp = 0;

	if (a->a_n > 0 && a->a_last >= 0 && (size_t)a->a_last < ng) {
		const struct cover_glyph *p = &gl[a->a_last];
		struct cover_box pb = reading_box(p, g->g_flags);
		struct cover_box gb = reading_box(g, g->g_flags), mb;
		float h = gb.y1 - gb.y0;
		float pc = (pb.y0 + pb.y1) / 2;
		float gc = (gb.y0 + gb.y1) / 2;

		for (j = (size_t)a->a_last + 1; j < i; j++) {
			int c = gl[j].g_ucs;

			mb = reading_box(&gl[j], g->g_flags);
			if (is_space(c))
				sp = 1;
			else if (o != NULL && c > 0x20 && !cover_text_char(c) &&
			    between(&mb, &pb, &gb) &&
			    cover_overlap(&gl[j].g_box, o) >= COVER_MIN_OVERLAP) {
				area_put(a, c, sp);
				sp = 0;
			}
		}
		if (pc - gc > h / 2 || gc - pc > h / 2 || gb.x0 - pb.x1 > h / 4 ||
		    (p->g_flags & COVER_G_DIR_MASK) != (g->g_flags & COVER_G_DIR_MASK))
			sp = 1;
	}
	box_union(&a->a_box, &g->g_box, a->a_n == 0);
	a->a_n++;
	a->a_last = (long)i;
	area_put(a, g->g_ucs, sp);
}

/*
 * Is a glyph's box near an area: within COVER_AREA_GAP glyph heights of
 * it across, and within half a glyph height up or down (a line that
 * touches the area's; double-spaced lines are areas of their own)?
 */
static int
near_area(const struct area *a, const struct cover_box *b)
{
	float h = b->y1 - b->y0, gap = h * COVER_AREA_GAP;

	return b->x0 <= a->a_box.x1 + gap && b->x1 >= a->a_box.x0 - gap &&
	    b->y0 <= a->a_box.y1 + h / 2 && b->y1 >= a->a_box.y0 - h / 2;
}

static size_t
emit_object(const struct cover_glyph *gl, size_t ng,
    const struct cover_obj *ob, size_t no, size_t k, const int *which,
    const unsigned char *hidden, struct area *ar, cover_fn fn, void *arg,
    int *stop)
{
	const struct cover_obj *o = &ob[k];
	struct cover_finding f;
	size_t i, a, na = 0, out = 0, j;

	for (i = 0; i < ng; i++) {
		if (which[i] < 0 || !hidden[i] || ob[which[i]].o_id != o->o_id ||
		    ob[which[i]].o_kind == COVER_K_REDACT)
			continue;
		a = 0;
		if (o->o_kind == COVER_K_IMAGE)
			for (a = 0; a < na && !near_area(&ar[a], &gl[i].g_box); a++)
				;
		if (a == na) {
			if (na == (o->o_kind == COVER_K_IMAGE ? AREAS_MAX : 1))
				a = na - 1;	/* the last area takes the rest */
			else
				memset(&ar[na++], 0, sizeof(ar[0]));
		}
		area_add(&ar[a], gl, ng, i, &ob[which[i]].o_box);
	}
	for (a = 0; a < na && !*stop; a++) {
		memset(&f, 0, sizeof(f));
		f.f_kind = o->o_kind;
		f.f_text = ar[a].a_text;
		f.f_nglyphs = ar[a].a_n;
		if (o->o_kind == COVER_K_IMAGE)
			f.f_box = ar[a].a_box;
		else
			for (j = k; j < no; j++)
				if (ob[j].o_id == o->o_id)
					box_union(&f.f_box, &ob[j].o_box, j == k);
		out++;
		if (fn != NULL && fn(arg, &f) != 0)
			*stop = 1;
	}
	return out;
}

static size_t
emit_redaction(const struct cover_glyph *gl, size_t ng,
    const struct cover_obj *ob, size_t no, size_t k, struct area *ar,
    cover_fn fn, void *arg, int *stop)
{
	struct cover_finding f;
	size_t i, j;

	memset(&ar[0], 0, sizeof(ar[0]));
	for (i = 0; i < ng; i++) {
		if (!cover_text_char(gl[i].g_ucs))
			continue;
		for (j = k; j < no; j++)
			if (ob[j].o_id == ob[k].o_id && ob[j].o_kind == COVER_K_REDACT &&
			    cover_overlap(&gl[i].g_box, &ob[j].o_box) >=
			    COVER_MIN_OVERLAP)
				break;
		if (j < no)
			area_add(&ar[0], gl, ng, i, &ob[j].o_box);
	}
	if (ar[0].a_n == 0)
		return 0;
	memset(&f, 0, sizeof(f));
	f.f_kind = COVER_K_REDACT;
	f.f_text = ar[0].a_text;
	f.f_nglyphs = ar[0].a_n;
	for (j = k; j < no; j++)
		if (ob[j].o_id == ob[k].o_id)
			box_union(&f.f_box, &ob[j].o_box, j == k);
	if (fn != NULL && fn(arg, &f) != 0)
		*stop = 1;
	return 1;
}

/* Is ob[k] the first object with its id? */
static int
first_of_id(const struct cover_obj *ob, size_t k)
{
	size_t j;

	for (j = 0; j < k; j++)
		if (ob[j].o_id == ob[k].o_id)
			return 0;
	return 1;
}

size_t
cover_findings(const struct cover_glyph *gl, size_t ng,
    const struct cover_obj *ob, size_t no, const int *which,
    const unsigned char *hidden, cover_fn fn, void *arg)
{
	struct area *ar;
	size_t k, n = 0;
	int stop = 0, pass;

	if ((ar = calloc(AREAS_MAX, sizeof(*ar))) == NULL)
		return (size_t)-1;
	for (pass = 0; pass < 2 && !stop; pass++)
		for (k = 0; k < no && !stop; k++) {
			if ((ob[k].o_kind == COVER_K_REDACT) != pass ||
			    !first_of_id(ob, k))
				continue;
			n += pass ? emit_redaction(gl, ng, ob, no, k, ar, fn, arg,
			    &stop) : emit_object(gl, ng, ob, no, k, which, hidden,
			    ar, fn, arg, &stop);
		}
	free(ar);
	return stop ? (size_t)-1 : n;
}
