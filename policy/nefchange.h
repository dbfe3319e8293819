/*
 * nefchange: notices about an entry that already exists.
 *
 * A clerk who corrects a docket entry can notice the parties again; the
 * notice then says what changed: "Modified Dkt text from: X to: Y",
 * "Modified Date Filed from 3/1/2024 to 2/29/2024", "Added Correct PDF
 * to document (RE: related document(s)25 ...)", or a subject or line
 * "Docket Entry #314 has been updated".  nefchange_read() finds these in
 * the notice's text and subject and fills n->n_change:
 *
 *	ch_what		NEF_CHG_* for every phrase found (0: not a change)
 *	ch_entry	the entry it is about: "#N" of "Docket Entry #N",
 *			else the related document of the phrase ("related
 *			document(s)25", "[25]", "document #25"), else the
 *			notice's own document number; NULL (and the
 *			NEF_PART_ENTRY bit) when none is written
 *	ch_from, ch_to	the old and new docket text or date filed, when
 *			written
 *	ch_phrase	the sentence that says so, folded and capped
 *	ch_key		"c" and when the change was entered (YYYYMMDDHHMM,
 *			24-hour, from the transaction line), so that every
 *			copy of one correction names it the same and two
 *			corrections of one entry differ
 *
 * nefchange_label() is the word for file names: "corrected" (a new PDF),
 * "modified" (text or date), "updated" (nothing more said), or NULL.
 *
 * Call it once the cases and the transaction line are read.  Strings go
 * into the notice's arena.  Pure and thread-safe.
 */
#ifndef NEF_NEFCHANGE_H
#define NEF_NEFCHANGE_H

struct nef;
struct nefline_doc;

void		 nefchange_read(struct nef *, const struct nefline_doc *,
		    const char *subject);
const char	*nefchange_label(const struct nef *);
/* "docket-text", "date-filed", "corrected-pdf", "updated" for one bit. */
const char	*nefchange_name(unsigned bit);

#endif
