/*
 * nefwrap: the lines of a plain-text notice, unwrapped.
 *
 * Plain-text notices reach the reader wrapped: the court breaks some
 * lines itself ("... on 3/15/2019\n9:52 AM and filed on 3/15/2019"), and
 * mail programs break every long line at a blank, anywhere in a phrase
 * ("entered on 4/8/2025 4:18 PM EDT and filed\non 4/8/2025").  The
 * parser reads logical lines, so nefwrap_join() joins a physical line to
 * the one before it (the line feed between them becomes a blank in the
 * text and in its lowercased copy) when:
 *
 *   - no blank line separates them, the line before is not a recipient
 *     heading, and the line does not start with a label or a heading of
 *     its own (unless a wrap cut a sentence there: the line starts in
 *     lower case, "document: https://..." after "... to view the");
 *     and one of:
 *   - together they make a label or a heading that neither is alone
 *     ("Document" + "Number: 27", "... Notice will be" + "electronically"
 *     + "mailed to:"); a line that starts such a split label of its own
 *     is never a continuation; or the line is a recipient heading alone,
 *     the line before is one line after a blank line, and together they
 *     make the same heading ("1:17-cr-00201 Notice has" + "been
 *     electronically mailed to:");
 *   - the line before is a case name and this line ends its paragraph
 *     (a blank line, a label or the end comes next);
 *   - the line before is the transaction sentence and the date filed
 *     has not come yet;
 *   - under a heading of recipients noticed electronically, the line
 *     before is (part of) a name: it holds no address, so the name's
 *     lines and the addresses after them make one line; or the line
 *     before ends in an address and a comma and this one starts with an
 *     address, or the line before ends in an address and this one
 *     starts with a comma or a semicolon;
 *   - the line before was wrapped: its last physical line's length plus
 *     a blank plus the first word of this line reaches the wrapping
 *     width - except that after an e-mail address, a line that does not
 *     start with one starts the next recipient.  The wrapping width is
 *     the longest line that holds a blank (and no word too long to be
 *     wrapped, such as a URL or a stamp's hash), when a few such lines come
 *     close to it (a wrapper leaves many) and it is at most
 *     NEFWRAP_WIDTH_MAX (wider lines are not a wrapper's); otherwise the
 *     text is taken as not wrapped.

 * Lengths are counted in characters (UTF-8 code points: a mail program
 * wraps at a number of characters, and a line of curly quotes or an
 * emoji holds more bytes than characters), on the source lines
 * (d->nd_lines[i].l_src locates each).  The first physical line of a logical line keeps its
 * source offset.  Pure and thread-safe; it cannot fail (when memory runs
 * out the lines stay as they are).
 */
#ifndef NEF_NEFWRAP_H
#define NEF_NEFWRAP_H

#include <stddef.h>

#define NEFWRAP_WIDTH_MAX	160

struct nefline_doc;

/* text and lower are d's visible text and its lowercased copy (both
 * d->nd_len bytes); src[0..srclen) is the body the text came from. */
void	nefwrap_join(struct nefline_doc *d, char *text, char *lower,
	    const char *src, size_t srclen);

/*
 * Does the logical line s[0..len), read on after the line before it,
 * start with closing punctuation (, . ; : ! ? ) ] }) that takes no blank
 * before it?  Where a line ends without a wrap (the HTML form has a
 * block there: "zoom/.</p>, Set/Reset") the HTML form's text reads the
 * two with no blank between: "zoom/., Set/Reset".  nefwrap_join() itself
 * keeps the blank: a mail program wraps at a blank, so the line it
 * starts with ", [24]" had one.
 */
int	nefwrap_closes(const char *s, size_t len);

#endif
