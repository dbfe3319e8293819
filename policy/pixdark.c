/*
 * NAME
 *	pixdark 3 - one dark colour in a rendered area
 * SYNOPSIS
 *	#include "pixdark.h"
 * DESCRIPTION
 *	See pixdark.h.  Two passes over the area: the mean colour, then
 *	the pixels within the tolerance of it.
 * DIAGNOSTICS
 *	None.
 */
#include <stddef.h>
#include <string.h>

#include "pixdark.h"

static void
pixel(const struct pixdark_img *im, int x, int y, int rgb[3])
{
	const unsigned char *p = im->pi_p + (size_t)y * (size_t)im->pi_stride +
	    (size_t)x * (size_t)im->pi_n;

	if (im->pi_n < 3) {
		rgb[0] = rgb[1] = rgb[2] = p[0];
		return;
	}
	rgb[0] = p[0];
	rgb[1] = p[1];
	rgb[2] = p[2];
}

int
pixdark_test(const struct pixdark_img *im, int x0, int y0, int x1, int y1,
    struct pixdark_res *res)
{
	struct pixdark_res r;
	long sum[3] = { 0, 0, 0 }, n = 0, near = 0;
	int x, y, c, v[3], m[3];

	memset(&r, 0, sizeof(r));
	if (x0 < 0) x0 = 0;
	if (y0 < 0) y0 = 0;
	if (x1 > im->pi_w) x1 = im->pi_w;
	if (y1 > im->pi_h) y1 = im->pi_h;
	if (im->pi_p == NULL || (im->pi_n != 1 && im->pi_n != 3 && im->pi_n != 4))
		x1 = x0;
	for (y = y0; y < y1; y++)
		for (x = x0; x < x1; x++) {
			pixel(im, x, y, v);
			for (c = 0; c < 3; c++)
				sum[c] += v[c];
			n++;
		}
	if (n == 0) {
		if (res != NULL)
			*res = r;
		return 0;
	}
	for (c = 0; c < 3; c++)
		m[c] = (int)((sum[c] + n / 2) / n);
	for (y = y0; y < y1; y++)
		for (x = x0; x < x1; x++) {
			pixel(im, x, y, v);
			for (c = 0; c < 3; c++)
				if (v[c] - m[c] > PIXDARK_TOL || m[c] - v[c] > PIXDARK_TOL)
					break;
			near += c == 3;
		}
	r.pr_rgb = (uint32_t)m[0] << 16 | (uint32_t)m[1] << 8 | (uint32_t)m[2];
	r.pr_luma = (299 * m[0] + 587 * m[1] + 114 * m[2] + 500) / 1000;
	r.pr_share = (int)(near * 100 / n);
	r.pr_pixels = n;
	if (res != NULL)
		*res = r;
	return r.pr_share >= PIXDARK_SHARE_PCT && r.pr_luma <= PIXDARK_MAX_LUMA;
}
