/*
 * test_cover: the geometry of covers over glyphs (policy/cover.c) and the
 * one-dark-colour decision on rendered pixels (policy/pixdark.c).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "cover.h"
#include "pixdark.h"

/* A line of text at (x, y): 6 pt wide glyphs, 10 pt high, one per char,
 * drawn in order from seq; spaces are glyphs too. */
static size_t
line(struct cover_glyph *g, float x, float y, const char *s, uint32_t seq,
    uint32_t rgb, unsigned flags)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		memset(&g[i], 0, sizeof(g[i]));
		g[i].g_box.x0 = x + 6.0f * (float)i;
		g[i].g_box.x1 = g[i].g_box.x0 + 6.0f;
		g[i].g_box.y0 = y;
		g[i].g_box.y1 = y + 10.0f;
		g[i].g_ucs = (unsigned char)s[i];
		g[i].g_seq = seq + (uint32_t)i;
		g[i].g_rgb = rgb;
		g[i].g_flags = flags;
	}
	return i;
}

static struct cover_obj
obj(float x0, float y0, float x1, float y1, int kind, uint32_t seq,
    uint32_t id, uint32_t rgb, int has_rgb)
{
	struct cover_obj o;

	memset(&o, 0, sizeof(o));
	o.o_box.x0 = x0;
	o.o_box.y0 = y0;
	o.o_box.x1 = x1;
	o.o_box.y1 = y1;
	o.o_kind = kind;
	o.o_seq = seq;
	o.o_id = id;
	o.o_rgb = rgb;
	o.o_has_rgb = has_rgb;
	return o;
}

static void
test_text_char(void **state)
{
	(void)state;
	assert_true(cover_text_char('a'));
	assert_true(cover_text_char('Z'));
	assert_true(cover_text_char('7'));
	assert_true(cover_text_char(0xe9));	/* e acute */
	assert_true(cover_text_char(0x4e2d));	/* CJK */
	assert_true(cover_text_char(0xfffd));	/* unknown mapping */
	assert_false(cover_text_char(' '));
	assert_false(cover_text_char('.'));
	assert_false(cover_text_char('-'));
	assert_false(cover_text_char('_'));
	assert_false(cover_text_char(0xa0));
	assert_false(cover_text_char(0x2014));	/* em dash */
	assert_false(cover_text_char(0x2022));	/* bullet */
	assert_false(cover_text_char(0x25a0));	/* black square */
	assert_false(cover_text_char(0xf0b7));	/* private use */
	assert_false(cover_text_char(-1));
	assert_false(cover_text_char(0x110000));
	assert_string_equal(cover_kind_name(COVER_K_PATH), "cover");
	assert_string_equal(cover_kind_name(COVER_K_PATTERN), "cover");
	assert_string_equal(cover_kind_name(COVER_K_IMAGE), "image");
	assert_string_equal(cover_kind_name(COVER_K_ANNOT), "annotation");
	assert_string_equal(cover_kind_name(COVER_K_HIGHLIGHT), "highlight");
	assert_string_equal(cover_kind_name(COVER_K_REDACT), "unapplied");
}

static void
test_overlap_core(void **state)
{
	struct cover_box g = { 0, 0, 10, 10 }, o = { 5, 0, 20, 10 }, c;

	(void)state;
	assert_true(cover_overlap(&g, &o) > 0.49f && cover_overlap(&g, &o) < 0.51f);
	o.x0 = 10;
	assert_true(cover_overlap(&g, &o) == 0.0f);
	o.x0 = -5;
	o.y0 = -5;
	assert_true(cover_overlap(&g, &o) == 1.0f);
	g.x1 = 0;	/* empty glyph */
	assert_true(cover_overlap(&g, &o) == 0.0f);
	g.x1 = 10;
	cover_core(&g, &c);
	assert_true(c.x0 == 2.0f && c.x1 == 8.0f && c.y0 == 2.0f && c.y1 == 8.0f);
}

static void
test_assign(void **state)
{
	struct cover_glyph g[64];
	struct cover_obj o[8];
	int which[64];
	size_t n = 0, a, b, c, d;

	(void)state;
	a = n; n += line(g + n, 10, 10, "SECRET", 1, 0x000000, 0);
	b = n; n += line(g + n, 10, 30, "HEADER", 20, 0xffffff, 0);
	c = n; n += line(g + n, 10, 50, "SAME", 40, 0x000000, 0);
	d = n; n += line(g + n, 10, 70, "OCR", 60, 0x000000, COVER_G_INVISIBLE);
	o[0] = obj(8, 8, 50, 22, COVER_K_PATH, 10, 1, 0x000000, 1);  /* over */
	o[1] = obj(8, 28, 50, 42, COVER_K_PATH, 19, 2, 0x101010, 1); /* under */
	o[2] = obj(8, 48, 50, 62, COVER_K_PATH, 39, 3, 0x000000, 1); /* under */
	o[3] = obj(0, 0, 600, 800, COVER_K_IMAGE, 0, 4, 0, 0);	/* scan */
	assert_int_equal(cover_assign(g, n, o, 4, which), 6 + 6 + 4 + 3);
	assert_int_equal(which[a], 0);		/* box drawn after the text */
	assert_int_equal(which[b], 3);		/* white text on a dark box: */
						/* only the scan below counts */
	assert_int_equal(which[c], 2);		/* black on black: a cover */
	assert_int_equal(which[d], 3);		/* OCR text over the scan */

	/* punctuation and spaces are never candidates */
	n = line(g, 10, 10, "A.- B", 1, 0, 0);
	o[0] = obj(0, 0, 100, 100, COVER_K_PATH, 50, 1, 0, 1);
	assert_int_equal(cover_assign(g, n, o, 1, which), 2);
	assert_int_equal(which[1], -1);
	assert_int_equal(which[3], -1);

	/* an edge overlap (less than half the glyph) is no cover */
	n = line(g, 10, 10, "AB", 1, 0, 0);
	o[0] = obj(13.5f, 0, 100, 100, COVER_K_PATH, 50, 1, 0, 1);
	cover_assign(g, n, o, 1, which);
	assert_int_equal(which[0], -1);
	assert_int_equal(which[1], 0);

	/* annotations lie above content; later content above earlier */
	n = line(g, 10, 10, "X", 1, 0, 0);
	o[0] = obj(0, 0, 50, 50, COVER_K_ANNOT, 0, 1, 0, 1);
	o[1] = obj(0, 0, 50, 50, COVER_K_PATH, 9, 2, 0, 1);
	o[2] = obj(0, 0, 50, 50, COVER_K_PATH, 5, 3, 0, 1);
	cover_assign(g, n, o, 3, which);
	assert_int_equal(which[0], 0);
	cover_assign(g, n, o + 1, 2, which);
	assert_int_equal(which[0], 0);	/* seq 9 over seq 5 */
	/* a Redact annotation is not a cover for rendering */
	o[0] = obj(0, 0, 50, 50, COVER_K_REDACT, 0, 1, 0, 1);
	assert_int_equal(cover_assign(g, n, o, 1, which), 0);
}

struct found {
	int	 kind[16];
	struct cover_box box[16];
	char	 text[16][COVER_TEXT_MAX + 1];
	size_t	 n;
	int	 stop_after;
};

static int
found_fn(void *arg, const struct cover_finding *f)
{
	struct found *fd = arg;

	if (fd->n < 16) {
		fd->kind[fd->n] = f->f_kind;
		fd->box[fd->n] = f->f_box;
		snprintf(fd->text[fd->n], sizeof(fd->text[0]), "%s", f->f_text);
	}
	fd->n++;
	return fd->stop_after && (int)fd->n >= fd->stop_after;
}

static void
test_findings(void **state)
{
	struct cover_glyph g[128];
	struct cover_obj o[8];
	unsigned char hidden[128];
	int which[128];
	struct found fd;
	size_t n = 0, i;

	(void)state;
	n += line(g + n, 10, 10, "Name: John Doe", 1, 0, 0);
	n += line(g + n, 10, 22, "born here", 100, 0, 0);
	/* one Highlight annotation with two quads over "John Doe" and "born" */
	o[0] = obj(45, 9, 95, 21, COVER_K_HIGHLIGHT, 0, 7, 0, 1);
	o[1] = obj(9, 21, 35, 33, COVER_K_HIGHLIGHT, 0, 7, 0, 1);
	/* an image over nothing else, and a redaction over "here" */
	o[2] = obj(200, 200, 300, 300, COVER_K_IMAGE, 500, 8, 0, 0);
	o[3] = obj(39, 21, 65, 33, COVER_K_REDACT, 0, 9, 0xff0000, 1);
	cover_assign(g, n, o, 4, which);
	for (i = 0; i < n; i++)
		hidden[i] = which[i] >= 0;
	memset(&fd, 0, sizeof(fd));
	assert_int_equal(cover_findings(g, n, o, 4, which, hidden, found_fn, &fd), 2);
	assert_int_equal(fd.kind[0], COVER_K_HIGHLIGHT);
	assert_string_equal(fd.text[0], "John Doe born");
	assert_true(fd.box[0].x0 == 9 && fd.box[0].y0 == 9 &&
	    fd.box[0].x1 == 95 && fd.box[0].y1 == 33);
	assert_int_equal(fd.kind[1], COVER_K_REDACT);
	assert_string_equal(fd.text[1], "here");

	/* the rendering found nothing hidden: only the redaction is left */
	memset(hidden, 0, sizeof(hidden));
	memset(&fd, 0, sizeof(fd));
	assert_int_equal(cover_findings(g, n, o, 4, which, hidden, found_fn, &fd), 1);
	assert_int_equal(fd.kind[0], COVER_K_REDACT);

	/* the callback stops the walk */
	for (i = 0; i < n; i++)
		hidden[i] = which[i] >= 0;
	memset(&fd, 0, sizeof(fd));
	fd.stop_after = 1;
	assert_int_equal(cover_findings(g, n, o, 4, which, hidden, found_fn, &fd),
	    (size_t)-1);
	assert_int_equal(fd.n, 1);
}

static void
test_image_areas(void **state)
{
	struct cover_glyph g[128];
	struct cover_obj o[2];
	unsigned char hidden[128];
	int which[128];
	struct found fd;
	size_t n = 0, i;

	(void)state;
	/* an OCR layer over a scan: two blacked-out places far apart */
	n += line(g + n, 50, 100, "Account 1234", 1, 0, COVER_G_INVISIBLE);
	n += line(g + n, 50, 400, "Jane Roe", 50, 0, COVER_G_INVISIBLE);
	n += line(g + n, 50, 600, "visible", 90, 0, COVER_G_INVISIBLE);
	o[0] = obj(0, 0, 612, 792, COVER_K_IMAGE, 0, 1, 0, 0);
	assert_int_equal(cover_assign(g, n, o, 1, which), 11 + 7 + 7);
	memset(hidden, 0, sizeof(hidden));
	for (i = 8; i < 12; i++)	/* "1234" */
		hidden[i] = 1;
	for (i = 12; i < 20; i++)	/* "Jane Roe" */
		hidden[i] = 1;
	memset(&fd, 0, sizeof(fd));
	assert_int_equal(cover_findings(g, n, o, 1, which, hidden, found_fn, &fd), 2);
	assert_int_equal(fd.kind[0], COVER_K_IMAGE);
	assert_string_equal(fd.text[0], "1234");
	assert_true(fd.box[0].x0 == 50 + 6 * 8 && fd.box[0].y0 == 100 &&
	    fd.box[0].x1 == 50 + 6 * 12 && fd.box[0].y1 == 110);
	assert_string_equal(fd.text[1], "Jane Roe");
	assert_true(fd.box[1].y0 == 400);
}

static void
test_text_spacing(void **state)
{
	struct cover_glyph g[64];
	struct cover_obj o[1];
	unsigned char hidden[64];
	int which[64];
	struct found fd;
	size_t n = 0, i;

	(void)state;
	/* no space glyphs: the gap and the second line make the blanks */
	n += line(g + n, 10, 10, "ab", 1, 0, 0);
	n += line(g + n, 40, 10, "cd", 3, 0, 0);
	n += line(g + n, 10, 25, "ef", 5, 0, 0);
	g[n].g_box = g[n - 1].g_box;	/* an unmapped glyph: no text */
	g[n].g_box.x0 += 6;
	g[n].g_box.x1 += 6;
	g[n].g_ucs = 0x263a;
	g[n].g_seq = 9;
	n++;
	o[0] = obj(0, 0, 100, 100, COVER_K_ANNOT, 0, 1, 0, 1);
	cover_assign(g, n, o, 1, which);
	for (i = 0; i < n; i++)
		hidden[i] = 1;
	memset(&fd, 0, sizeof(fd));
	cover_findings(g, n, o, 1, which, hidden, found_fn, &fd);
	assert_string_equal(fd.text[0], "ab cd ef\xe2\x98\xba");
}

/* A line written top to bottom (a page rotated by 90 degrees): 10 pt
 * wide, 6 pt high glyphs going down from (x, y). */
static size_t
line_down(struct cover_glyph *g, float x, float y, const char *s,
    uint32_t seq)
{
	size_t i, n = line(g, 0, 0, s, seq, 0, cover_dir_flags(0, 1));

	for (i = 0; i < n; i++) {
		g[i].g_box.x0 = x;
		g[i].g_box.x1 = x + 10.0f;
		g[i].g_box.y0 = y + 6.0f * (float)i;
		g[i].g_box.y1 = g[i].g_box.y0 + 6.0f;
	}
	return n;
}

static void
test_text_direction(void **state)
{
	struct cover_glyph g[64];
	struct cover_obj o[1];
	unsigned char hidden[64];
	int which[64];
	struct found fd;
	size_t n = 0, i;

	(void)state;
	assert_int_equal(cover_dir_flags(1, 0) >> COVER_G_DIR_SHIFT,
	    COVER_DIR_RIGHT);
	assert_int_equal(cover_dir_flags(0, 1) >> COVER_G_DIR_SHIFT,
	    COVER_DIR_DOWN);
	assert_int_equal(cover_dir_flags(-1, 0.2f) >> COVER_G_DIR_SHIFT,
	    COVER_DIR_LEFT);
	assert_int_equal(cover_dir_flags(0.1f, -1) >> COVER_G_DIR_SHIFT,
	    COVER_DIR_UP);
	/* the words read as written, not one letter per line */
	n += line_down(g + n, 100, 10, "Jane Roe", 1);
	n += line_down(g + n, 100, 70, "Doe", 20);	/* after a gap */
	o[0] = obj(95, 5, 115, 200, COVER_K_PATH, 100, 1, 0, 1);
	cover_assign(g, n, o, 1, which);
	for (i = 0; i < n; i++)
		hidden[i] = 1;
	memset(&fd, 0, sizeof(fd));
	assert_int_equal(cover_findings(g, n, o, 1, which, hidden, found_fn, &fd), 1);
	assert_string_equal(fd.text[0], "Jane Roe Doe");
}

/* An RGB image w x h filled with rgb. */
static unsigned char *
image(int w, int h, uint32_t rgb)
{
	unsigned char *p = malloc((size_t)w * (size_t)h * 3);
	int i;

	for (i = 0; i < w * h; i++) {
		p[i * 3] = (unsigned char)(rgb >> 16);
		p[i * 3 + 1] = (unsigned char)(rgb >> 8);
		p[i * 3 + 2] = (unsigned char)rgb;
	}
	return p;
}

static void
put(unsigned char *p, int w, int x, int y, uint32_t rgb)
{
	p[(y * w + x) * 3] = (unsigned char)(rgb >> 16);
	p[(y * w + x) * 3 + 1] = (unsigned char)(rgb >> 8);
	p[(y * w + x) * 3 + 2] = (unsigned char)rgb;
}

static void
test_pixdark(void **state)
{
	struct pixdark_img im = { NULL, 40, 40, 40 * 3, 3 };
	struct pixdark_res r;
	unsigned char *p, grey[16];
	int x, y;

	(void)state;
	im.pi_p = p = image(40, 40, 0x000000);
	assert_true(pixdark_test(&im, 0, 0, 40, 40, &r));
	assert_int_equal(r.pr_luma, 0);
	assert_int_equal(r.pr_share, 100);
	assert_int_equal(r.pr_pixels, 1600);
	/* clipped to the image; an empty area is no */
	assert_true(pixdark_test(&im, -10, -10, 5, 5, &r));
	assert_int_equal(r.pr_pixels, 25);
	assert_false(pixdark_test(&im, 30, 30, 30, 50, &r));
	/* scanner noise within the tolerance */
	for (y = 0; y < 40; y++)
		for (x = 0; x < 40; x++)
			put(p, 40, x, y, (uint32_t)((x * 7 + y * 13) % 30) * 0x010101);
	assert_true(pixdark_test(&im, 0, 0, 40, 40, &r));
	/* white strokes of text drawn on the box */
	for (y = 10; y < 30; y++)
		for (x = 18; x < 22; x++)
			put(p, 40, x, y, 0xffffff);
	assert_false(pixdark_test(&im, 0, 0, 40, 40, &r));
	assert_true(r.pr_share < 97);
	free(p);
	/* cross-hatching: dark lines with paper between */
	im.pi_p = p = image(40, 40, 0xffffff);
	for (y = 0; y < 40; y++)
		for (x = 0; x < 40; x++)
			if ((x + y) % 4 < 2 || (x - y + 40) % 4 < 2)
				put(p, 40, x, y, 0x000000);
	assert_false(pixdark_test(&im, 0, 0, 40, 40, &r));
	free(p);
	/* one colour, but not dark: a light grey or yellow box */
	im.pi_p = p = image(40, 40, 0xc0c0c0);
	assert_false(pixdark_test(&im, 0, 0, 40, 40, &r));
	assert_int_equal(r.pr_share, 100);
	free(p);
	im.pi_p = p = image(40, 40, 0xffff00);
	assert_false(pixdark_test(&im, 0, 0, 40, 40, &r));
	free(p);
	/* dark grey and dark blue count */
	im.pi_p = p = image(40, 40, 0x333333);
	assert_true(pixdark_test(&im, 0, 0, 40, 40, &r));
	free(p);
	im.pi_p = p = image(40, 40, 0x00003f);
	assert_true(pixdark_test(&im, 0, 0, 40, 40, &r));
	assert_int_equal(r.pr_rgb, 0x00003f);
	free(p);
	/* one channel; a bad layout is no */
	memset(grey, 10, sizeof(grey));
	im.pi_p = grey;
	im.pi_w = im.pi_h = 4;
	im.pi_stride = 4;
	im.pi_n = 1;
	assert_true(pixdark_test(&im, 0, 0, 4, 4, &r));
	im.pi_n = 2;
	assert_false(pixdark_test(&im, 0, 0, 4, 4, NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_char),
		cmocka_unit_test(test_overlap_core),
		cmocka_unit_test(test_assign),
		cmocka_unit_test(test_findings),
		cmocka_unit_test(test_image_areas),
		cmocka_unit_test(test_text_spacing),
		cmocka_unit_test(test_text_direction),
		cmocka_unit_test(test_pixdark),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
