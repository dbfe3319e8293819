/*
 * pixdark: is an area of a rendered page one dark colour?
 *
 * The PDF helper renders the page where glyphs may be covered and asks,
 * for the core of each glyph's box, whether a reader sees anything
 * there but one dark colour.  The answer is yes when at least
 * PIXDARK_SHARE of the pixels lie within PIXDARK_TOL (on every channel)
 * of the area's mean colour and that colour's luma is at most
 * PIXDARK_MAX_LUMA.  The tolerance absorbs the noise of a scanned or
 * JPEG-compressed black bar and the anti-aliasing of a box's edge; text
 * drawn on top of a box, hatching, a pattern, a hole made by clipping or
 * by the even-odd rule, or a half-transparent box all leave pixels of
 * another colour in the core, so the answer is no.
 *
 * Pure: reads the caller's pixels only.
 */
#ifndef NEF_PIXDARK_H
#define NEF_PIXDARK_H

#include <stdint.h>

#define PIXDARK_TOL		40	/* per channel, from the mean */
#define PIXDARK_SHARE_PCT	97	/* percent of pixels within it */
#define PIXDARK_MAX_LUMA	100	/* 0..255: dark */

/* Pixels: rows of w pixels of n bytes (1 grey, 3 RGB, 4 RGB + alpha,
 * alpha ignored), stride bytes apart. */
struct pixdark_img {
	const unsigned char	*pi_p;
	int			 pi_w, pi_h;
	int			 pi_stride;
	int			 pi_n;
};

struct pixdark_res {
	uint32_t	pr_rgb;		/* mean colour, 0xRRGGBB */
	int		pr_luma;	/* its luma, 0..255 */
	int		pr_share;	/* percent of pixels within PIXDARK_TOL */
	long		pr_pixels;	/* pixels in the area */
};

/*
 * The area [x0, x1) x [y0, y1) in pixels, clipped to the image.  Returns
 * 1 when it is one dark colour, 0 when it is not or is empty (res may be
 * NULL; it is filled either way).
 */
int	 pixdark_test(const struct pixdark_img *, int x0, int y0, int x1, int y1,
	    struct pixdark_res *res);

#endif
