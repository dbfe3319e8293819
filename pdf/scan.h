/*
 * scan: check one page.
 *
 *	1. The page's content runs once through the collecting device
 *	   (collect.h), which passes it on to MuPDF's structured-text
 *	   device; the annotations and form fields run through the
 *	   structured-text device only (their text is on the page for a
 *	   reader, so identifiers in it count).
 *	2. The annotations become covers (annots.h).
 *	3. cover_assign() picks the candidates; render.h draws the page
 *	   where they lie and marks the hidden ones; cover_findings()
 *	   makes the findings, added to the report as bad redactions.
 *	4. The page's text, line by line in the structured-text device's
 *	   reading order, goes through pii_scan(); each identifier is added
 *	   to the report.
 *
 * A page that holds more glyphs or covers than collect.h keeps makes the
 * document "too-large"; what was found on it still counts.
 */
#ifndef NEF_PDF_SCAN_H
#define NEF_PDF_SCAN_H

#include <mupdf/fitz.h>

#include "report.h"

#define SCAN_TEXT_MAX	(2u << 20)	/* bytes of one page's text */

struct scan_stats {
	long	ss_rendered;	/* pages drawn for the cover check */
	long	ss_pixels;
	long	ss_glyphs;
};

/*
 * Check page pno (from 0).  Findings go to r with page number pno + 1.
 * Throws what MuPDF throws (the caller catches and records it); on
 * memory failure in our own lists it throws FZ_ERROR_MEMORY too.
 */
void	 scan_page(fz_context *, fz_document *, int pno, struct report *r,
	    fz_cookie *, struct scan_stats *);

#endif
