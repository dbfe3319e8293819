/*
 * annots: a page's annotations as covers.
 *
 * MuPDF's PDF layer gives each annotation's type, flags, colours,
 * opacity, appearance box and quad points.  These become cover objects
 * (cover.h) above the page's content:
 *
 *	Redact			an unapplied redaction: its quads (or its
 *				rectangle), whatever its flags and colours
 *	Highlight		its quads, unless its colour is light or it
 *				is (nearly) transparent
 *	Link, Popup, Underline, Squiggly, StrikeOut
 *				nothing: no area of their own, or a line
 *				drawn on the text
 *	any other (Square, Circle, Polygon, PolyLine, Ink, Line, FreeText,
 *	Stamp, a note, a form field's widget...)
 *				its appearance box, unless every colour it
 *				declares is light, or it is transparent
 *
 * Whether an appearance box hides anything is the rendering's to say
 * (render.h), so a type that draws a light icon costs a rendering, not
 * a false alarm.  Hidden and no-view annotations (other than Redact)
 * are not seen by a reader and are skipped.  One annotation that cannot
 * be read is skipped on its own.
 */
#ifndef NEF_PDF_ANNOTS_H
#define NEF_PDF_ANNOTS_H

#include <mupdf/fitz.h>

#include "collect.h"

/* Add the page's annotations to p.  Returns the number of covers added
 * (non-PDF documents have none). */
int	 annots_collect(fz_context *, fz_page *, struct collect_page *p);

#endif
