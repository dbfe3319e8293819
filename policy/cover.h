/*
 * cover: which glyphs of a page lie under an opaque cover, and the
 * findings they make.
 *
 * The PDF helper reads a page into two lists: the glyphs (with their
 * boxes, Unicode values, drawing order, colour and whether they are
 * invisible, as an OCR layer is) and the objects that may hide them
 * (filled and stroked paths, tiling patterns, shadings and images of
 * the page's content, then annotations).  Coordinates are points, the
 * origin at the page's top left, y growing downwards.
 *
 * The decision follows what a reader sees, in three steps:
 *
 *   1. cover_assign(): for each glyph that carries meaning (a letter or
 *	a digit, not white space or punctuation), the topmost object that
 *	covers at least COVER_MIN_OVERLAP of the glyph's box.  An object
 *	drawn before a visible glyph whose colour differs from it plainly
 *	(white text on a dark table header, an exhibit stamp's lettering)
 *	does not hide that glyph and is passed over.  Unapplied Redact
 *	annotations are no covers here (step 3).
 *   2. The helper renders the page where candidates lie and asks
 *	pixdark.h whether the core of each candidate's box (the box less
 *	COVER_CORE_MARGIN on every side, so that a cover meeting the edge
 *	of a glyph does not count) is one dark colour.  Hatching,
 *	patterns, clipping, even-odd holes and half-transparent boxes all
 *	leave a glyph's core visible, so they are no finding.
 *   3. cover_findings(): every glyph found hidden makes its object a
 *	finding; so does every meaningful glyph under an unapplied Redact
 *	annotation, whatever the rendering shows.  One finding per object
 *	(per annotation, whatever the number of its quads); under an image
 *	the hidden glyphs are grouped into separate areas, since one
 *	scanned image may hold several blacked-out areas.  A finding
 *	carries its kind, its box (the object's; for an image, the area's)
 *	and the hidden words, spaced as on the page.
 *
 * Pure: no I/O; memory only through the caller's arrays and the
 * callback's arguments.
 */
#ifndef NEF_COVER_H
#define NEF_COVER_H

#include <stddef.h>
#include <stdint.h>

#define COVER_MIN_OVERLAP	0.5f	/* of a glyph's box under a cover */
#define COVER_CORE_MARGIN	0.2f	/* of each side, left out of the core */
#define COVER_CONTRAST		96	/* RGB distance: a plainly other colour */
#define COVER_TEXT_MAX		512	/* bytes of hidden text per finding */
#define COVER_AREA_GAP		1.5f	/* glyph heights across between areas */

struct cover_box {
	float	x0, y0, x1, y1;
};

#define COVER_G_INVISIBLE	0x01	/* text render mode 3/7, or alpha 0 */
/* The direction the text is written in on the page (a rotated page, a
 * vertical margin note), in two bits: */
#define COVER_G_DIR_SHIFT	1
#define COVER_G_DIR_MASK	(3u << COVER_G_DIR_SHIFT)
enum cover_dir {
	COVER_DIR_RIGHT,	/* left to right, the usual */
	COVER_DIR_DOWN,		/* top to bottom (/Rotate 90) */
	COVER_DIR_LEFT,		/* upside down (/Rotate 180) */
	COVER_DIR_UP		/* bottom to top (/Rotate 270) */
};

struct cover_glyph {
	struct cover_box g_box;
	int		 g_ucs;		/* Unicode, or -1 */
	uint32_t	 g_seq;		/* drawing order on the page */
	uint32_t	 g_rgb;		/* 0xRRGGBB */
	unsigned	 g_flags;
};

/* What the object is; annotations lie above the page's content. */
enum cover_kind {
	COVER_K_PATH,		/* a filled or stroked path, a shading */
	COVER_K_PATTERN,	/* an area filled with a tiling pattern */
	COVER_K_IMAGE,		/* an image or an image mask */
	COVER_K_ANNOT,		/* Square, Circle, Polygon, Ink, FreeText... */
	COVER_K_HIGHLIGHT,	/* a Highlight annotation's quad */
	COVER_K_REDACT,		/* an unapplied Redact annotation's area */
	COVER_NKINDS
};

struct cover_obj {
	struct cover_box o_box;		/* clipped to what is drawn */
	int		 o_kind;	/* enum cover_kind */
	uint32_t	 o_seq;		/* drawing order (content only) */
	uint32_t	 o_id;		/* annotations: one id for all its
					   quads; else unique */
	uint32_t	 o_rgb;
	int		 o_has_rgb;	/* o_rgb is the colour it paints */
};

/* One finding on a page. */
struct cover_finding {
	int		 f_kind;	/* enum cover_kind of its object */
	struct cover_box f_box;
	const char	*f_text;	/* UTF-8, at most COVER_TEXT_MAX bytes;
					   valid during the callback */
	size_t		 f_nglyphs;	/* hidden glyphs that carry meaning */
};

/* Return 0 to go on, anything else to stop. */
typedef int (*cover_fn)(void *arg, const struct cover_finding *);

/* The g_flags bits for text whose baseline runs along (dx, dy) on the
 * page (y growing downwards). */
unsigned cover_dir_flags(float dx, float dy);

/* 1 when a character carries meaning (a letter, a digit, a symbol of
 * a script), 0 for white space and punctuation. */
int	 cover_text_char(int ucs);
/* The share (0..1) of g's area that lies inside o. */
float	 cover_overlap(const struct cover_box *g, const struct cover_box *o);
/* The core of a glyph's box (the part sampled by pixdark). */
void	 cover_core(const struct cover_box *g, struct cover_box *core);
/* The kind's name in the helper's output: "cover", "cover" (patterns),
 * "image", "annotation", "highlight", "unapplied". */
const char *cover_kind_name(int kind);

/*
 * Step 1.  which[i] receives the index in objs of the cover candidate
 * for glyph i, or -1.  Returns the number of candidates.
 */
size_t	 cover_assign(const struct cover_glyph *glyphs, size_t ng,
	    const struct cover_obj *objs, size_t no, int *which);

/*
 * Step 3.  hidden[i] != 0 when step 2 found glyph i's core one dark
 * colour (which[] as step 1 left it).  Calls fn for each finding: first
 * the covers in the order of their objects, then the unapplied
 * redactions.  Returns the number of findings, or (size_t)-1 when fn
 * stopped the walk.
 */
size_t	 cover_findings(const struct cover_glyph *glyphs, size_t ng,
	    const struct cover_obj *objs, size_t no, const int *which,
	    const unsigned char *hidden, cover_fn fn, void *arg);

#endif
