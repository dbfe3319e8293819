/*
 * nefsubj: what a notice's Subject says (cmecf.md section 3.6).
 *
 * nefsubj_parse() reads n->n_subject (forward prefixes "Fwd:", "FW:"...
 * removed) and sets n->n_short_desc, the short description of the entry
 * ("Letter", "Notice of Appearance"); for an ACMS notice whose cases
 * have no entry number it also sets the number the subject carries
 * ("... 25-2120 - 049 - Motion" -> "49").  Strings go into the arena.
 */
#ifndef NEF_NEFSUBJ_H
#define NEF_NEFSUBJ_H

struct nef;
struct arena;

void	nefsubj_parse(struct nef *, struct arena *);

/*
 * Length of the forward/reply prefixes ("Fwd: ", "FW: ", "RE: " ...,
 * repeated, with blanks) at the start of s.
 */
unsigned long nefsubj_prefix_len(const char *s);

#endif
