/*
 * nefline: the line model the notice parser works on.
 *
 * nefline_prepare() turns a notice body (HTML or plain text) into visible
 * text (policy/html.h), splits it into lines, classifies each line by
 * the CM/ECF label it starts with (or the heading it is), and collects
 * the links with the range of text they cover: <a> elements in HTML
 * (name anchors included, with an empty URL), bare http(s) URLs in plain
 * text.  Links are in text order.  Each line knows the source offset it
 * starts at (plain text: exact; HTML: the start of its first token).
 * The lines of a plain-text notice are logical lines: the lines a mail
 * program or the court wrapped are joined again first, by the join
 * function the caller passes (policy/nefwrap.h's, which reads the lines
 * with this module's helpers).
 *
 * The helpers find e-mail addresses in a line and read M/D/YYYY dates.
 *
 * Memory: struct nefline_doc owns the text, the lines and the link array
 * (nefline_free() releases them); link URLs are decoded into the arena
 * given to nefline_prepare() and live as long as it.
 */
#ifndef NEF_NEFLINE_H
#define NEF_NEFLINE_H

#include <stddef.h>

#include "doclink.h"
#include "html.h"

struct arena;

enum nefline_kind {
	NL_OTHER,		/* no label: a value or continuation */
	NL_CASE_NAME,		/* "Case Name:" */
	NL_CASE_NUMBER,		/* "Case Number:" */
	NL_FILER,		/* "Filer:" */
	NL_DOC_NUMBER,		/* "Document Number:" */
	NL_DOCKET_TEXT,		/* "Docket Text:" */
	NL_NDA_DOCS,		/* "Document(s):" (CurrentGen NDA) */
	NL_ACMS_DOC,		/* "Document:" (ACMS NDA) */
	NL_DOC_DESC,		/* "Document description:" */
	NL_FILENAME,		/* "Original filename:" */
	NL_STAMP,		/* "Electronic document Stamp:" */
	NL_WARNING,		/* "WARNING: CASE CLOSED on ..." */
	NL_DOCS_HEAD,		/* "The following document(s) are ..." */
	NL_TRANSACTION,		/* "The following transaction was ..." */
	NL_COPY_URL,		/* "Copy the URL address from the line ..." */
	NL_REGEN,		/* "This is a re-generated NEF..." */
	NL_RECIPIENTS,		/* "Recipients:" (NDA anchor list) */
	NL_RCPT_LISTED,		/* "... Notice has been electronically
				   mailed to:" and its variants */
	NL_RCPT_UNLISTED,	/* "... will not be electronically mailed
				   to:", "delivered by other means",
				   "stored in the notice cart for", ... */
	NL_CREDITOR,		/* "Creditor Name:" (claims) */
	NL_CLAIM_NUMBER,	/* "Claim Number:" */
	NL_AMOUNT,		/* "Amount Claimed:", "Amount Secured:" ... */
	NL_NEW_CASE,		/* "A bankruptcy case concerning the
				   debtor(s) listed below was filed ...":
				   a new case's transaction sentence */
	NL_ASSIGNED		/* "The case was assigned case number" */
};

struct nefline {
	size_t		 l_off, l_len;	/* the line in nd_text */
	size_t		 l_src;		/* where it starts in the source */
	size_t		 l_val;		/* offset of the value after the
					   label (l_off when no label) */
	enum nefline_kind l_kind;
};

struct nefline_link {
	const char	*k_url;		/* decoded URL (arena); "" for a
					   name anchor (<a name=...>) */
	size_t		 k_url_len;
	size_t		 k_start, k_end;/* covered text in nd_text */
	struct doclink	 k_dl;
};

struct nefline_doc {
	const char	*nd_text;	/* visible text, NUL-terminated */
	size_t		 nd_len;
	char		*nd_lower;	/* the same, lowercased, each line
					   end a blank */
	struct nefline	*nd_lines;
	size_t		 nd_nlines;
	struct nefline_link *nd_links;
	size_t		 nd_nlinks;
	int		 nd_trunc;	/* lines or links were capped */
	struct html_text nd_ht;
};

/*
 * Joins the physical lines of a plain-text body into logical lines
 * (nefwrap_join() in policy/nefwrap.h), once the lines are split and
 * before they are classified: text and lower are d's visible text and
 * its lowercased copy, src[0..srclen) the body.
 */
typedef void (*nefline_join_fn)(struct nefline_doc *d, char *text,
    char *lower, const char *src, size_t srclen);

/*
 * Build the line model of src[0..len).  max_text caps the visible text,
 * max_lines the lines.  join (plain text only; NULL: none) joins wrapped
 * lines.  Returns 0, or -1 when memory runs out (nothing to free then).
 */
int	nefline_prepare(struct nefline_doc *, const char *src, size_t len,
	    int is_html, size_t max_text, size_t max_lines, nefline_join_fn join,
	    struct arena *);
void	nefline_free(struct nefline_doc *);

/*
 * The kind of a line by its start: a label (*label_len: its length) or
 * a recipient heading (*label_len 0), else NL_OTHER.  s is lowercased.
 */
enum nefline_kind nefline_kind_of(const char *s, size_t len,
	    size_t *label_len);

/* Index of the first link starting at or after text offset off. */
size_t	nefline_link_at(const struct nefline_doc *, size_t off);

/* An e-mail address found in text. */
struct nefline_addr {
	size_t	a_off, a_len;
};

/*
 * Find up to max addresses in s[0..len); returns how many were found
 * (*more is set when there were more than max).
 */
size_t	nefline_addrs(const char *s, size_t len, struct nefline_addr *out,
	    size_t max, int *more);

/*
 * Read a date "M/D/YYYY" (or MM/DD/YYYY, or M/D/YY) at s; write
 * "YYYY-MM-DD" into iso (11 bytes).  Returns the length read, 0 if there
 * is no valid date at s.
 */
size_t	nefline_date(const char *s, size_t len, char iso[11]);

/* Case-insensitive search of needle in s[0..len); NULL if absent.
 * Time is O(len * strlen(needle)): for short needles. */
const char *nefline_find(const char *s, size_t len, const char *needle);
/* Search the lowercase needle in nd_text[off..off+len); linear time.
 * A blank of the needle also matches a line end, so that a phrase a
 * plain-text notice broke over two lines is found.  Returns a pointer
 * into nd_text, or NULL. */
const char *nefline_doc_find(const struct nefline_doc *, size_t off,
	    size_t len, const char *needle);

#endif
