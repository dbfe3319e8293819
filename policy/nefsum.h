/*
 * nefsum: the summary lines a notice's own class calls for.
 *
 * nefsum_lines() writes up to max lines (each NUL-terminated, at most
 * NEFSUM_LINE_MAX bytes, cut on a UTF-8 boundary) for the summary at the
 * top of a rewritten notice (policy/summary.h sh_extra):
 *
 *	Could not be read from this notice: the document link or number,
 *	    the docket text.			(n_partial)
 *	Proof of claim 7 by Quantum3 Group LLC as agent for ...: amount
 *	    claimed $12,643.92, secured $10,000.00; filed by Okafor, Adaeze.
 *	This notice changes entry 25: a corrected PDF; the earlier version
 *	    is kept.				(n_change)
 *	The document link is on another court's host (nysd).
 *						(n_court_disagree)
 *
 * Returns the number of lines written.  Pure and thread-safe.
 */
#ifndef NEF_NEFSUM_H
#define NEF_NEFSUM_H

#include <stddef.h>

#define NEFSUM_LINE_MAX		400
#define NEFSUM_MAX		(4 + 16)	/* lines at most (claims: 16) */

struct nef;

size_t	nefsum_lines(const struct nef *, char (*lines)[NEFSUM_LINE_MAX],
	    size_t max);

#endif
