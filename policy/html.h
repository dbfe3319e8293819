/*
 * html: a small, tolerant HTML tokenizer, entity decoder and visible-text
 * extractor.
 *
 * The tokenizer never fails and never allocates: html_next() hands out one
 * token at a time (text, start tag, end tag, comment, doctype, other
 * markup declaration) until the end of the input, in linear time, whatever
 * the input (unclosed tags, quotes or comments, NUL bytes, 8-bit junk).
 * Every token carries byte offsets into the source: the token itself
 * (t_off, t_len) and, for a start tag, each attribute's name and value
 * (a_val_off, a_val_len: the raw value without its quotes, entities not
 * decoded).  The rewriter relies on those offsets to replace href values
 * and link text in place.
 *
 * Tag and attribute names are matched ASCII case-insensitively; t_name
 * holds the tag name lowercased (truncated to HTML_NAME_SIZE - 1 bytes;
 * such a name matches nothing).  Attribute values may be double-quoted,
 * single-quoted, unquoted (HREF=https://...) or absent (valueless
 * attributes such as "nowrap").  At most HTML_MAX_ATTRS attributes are
 * recorded per tag (t_attr_trunc is set when there were more).  The
 * content of script, style, title and textarea elements is one text token
 * with t_raw set.
 *
 * Character references are decoded by htmlent.h (included here).
 *
 * html_text() extracts the visible text of a document or fragment: tags
 * are dropped, entities decoded, comments, script/style/title content and
 * images skipped; runs of white space (including U+00A0) fold to one
 * space; block tags (br, p, div, tr, li, table, headings, hr...) end a
 * line; td/th separate words.  Lines carry no leading or trailing blank
 * and there are no empty lines.  The <a> elements are recorded with
 * their href (if any) and the range of output text they enclose, and
 * each output line with the source offset of the token it starts in.  Output is capped at max bytes
 * (ht_trunc is then set).
 */
#ifndef NEF_HTML_H
#define NEF_HTML_H

#include <stddef.h>

#include "htmlent.h"
#include "strbuf.h"

#define HTML_NAME_SIZE	16	/* tag names kept, including the NUL */
#define HTML_MAX_ATTRS	24	/* attributes recorded per tag */
#define HTML_MAX_LINKS	4096	/* links html_text() records */

enum html_type {
	HTML_EOF,	/* no more input */
	HTML_TEXT,	/* character data (entities not decoded) */
	HTML_START,	/* <name attr...> or <name .../> */
	HTML_END,	/* </name> */
	HTML_COMMENT,	/* <!-- ... --> (unclosed: to the end of input) */
	HTML_DOCTYPE,	/* <!DOCTYPE ...> */
	HTML_OTHER	/* <!...>, <?...?>, CDATA */
};

struct html_attr {
	size_t	a_name_off, a_name_len;	/* attribute name in the source */
	size_t	a_val_off, a_val_len;	/* raw value; 0, 0 when valueless */
	int	a_has_val;
	char	a_quote;		/* '"', '\'' or 0 (unquoted) */
};

struct html_token {
	enum html_type	t_type;
	size_t		t_off, t_len;	/* the whole token in the source */
	char		t_name[HTML_NAME_SIZE];	/* start/end: lowercase */
	int		t_selfclose;	/* start tag ended with "/>" */
	int		t_raw;		/* text of script/style/title/textarea */
	size_t		t_nattr;
	int		t_attr_trunc;
	struct html_attr t_attr[HTML_MAX_ATTRS];
};

/* Tokenizer state; the source must outlive it. */
struct html_lexer {
	const char	*hl_src;
	size_t		 hl_len, hl_pos;
	char		 hl_rawtag[HTML_NAME_SIZE];	/* in raw text, or "" */
	/* Memory of failed forward searches (keeps the scan linear). */
	size_t		 hl_no_dq, hl_no_sq, hl_no_gt, hl_no_cend, hl_no_lt;
};

void	html_lexer_init(struct html_lexer *, const char *src, size_t len);
/* Next token into *t; returns 1, or 0 at the end (t_type HTML_EOF). */
int	html_next(struct html_lexer *, struct html_token *t);
/* The attribute called name (lowercase) of a start tag, or NULL. */
const struct html_attr *html_attr(const struct html_lexer *,
	    const struct html_token *, const char *name);
/* Is the token a start or end tag of that (lowercase) name? */
int	html_is(const struct html_token *, enum html_type, const char *name);


/* An <a> element found by html_text() (with or without href). */
struct html_link {
	int	k_has_href;		/* else a name anchor: href 0, 0 */
	size_t	k_href_off, k_href_len;	/* raw href value in the source */
	size_t	k_text_start, k_text_end; /* enclosed text in ht_text */
	size_t	k_tag_off;		/* offset of the <a> tag in source */
};

struct html_text {
	struct strbuf	 ht_text;	/* the visible text */
	struct html_link *ht_links;	/* ht_nlinks entries, owned */
	size_t		 ht_nlinks, ht_cap;
	/* Source offset of the token each output line starts in (one
	 * entry per line, in order), owned. */
	size_t		*ht_line_src;
	size_t		 ht_nlines, ht_lcap;
	int		 ht_trunc;	/* text or links were capped */
};

/*
 * Extract the visible text of src[0..len) into *out (initialized here;
 * release with html_text_free()), at most max bytes of text (0 = no cap).
 * flags: HTML_TEXT_PLAIN treats the input as plain text that may hold
 * stray markup: every line feed ends a line (instead of folding to a
 * space), entities are decoded in the cautious attribute mode, and a
 * tag that names no HTML element ("<EDIT by Clerk's Office>"), or set
 * off a link or an address ("<https://...>", "<user@host>"), is text;
 * a "<mailto:...>" after an address is dropped.
 * Returns 0, or -1 when memory ran out (out is then freed).
 */
#define HTML_TEXT_PLAIN	0x01
int	html_text(const char *src, size_t len, int flags, size_t max,
	    struct html_text *out);
void	html_text_free(struct html_text *);

#endif
