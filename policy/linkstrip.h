/*
 * linkstrip: remove document links from a notice's HTML or text.
 *
 * A caller-supplied predicate decides, for each link (the decoded URL),
 * whether it goes.  In HTML, a removed link loses its <a ...> and </a>
 * tags (its text stays) and is followed by the note, HTML-escaped; a
 * href on any other tag is removed with its attribute; a URL written out
 * in the text is replaced by the note.  In plain text every http(s) URL
 * the predicate picks is replaced by the note.  Everything else is copied
 * byte for byte.
 *
 * The note is plain UTF-8 text such as "[link removed: the court asked
 * for a login]".
 */
#ifndef NEF_LINKSTRIP_H
#define NEF_LINKSTRIP_H

#include <stddef.h>

#include "strbuf.h"

/* 1 = strip this URL (url is decoded, NUL-terminated). */
typedef int (*linkstrip_fn)(const char *url, void *arg);

struct linkstrip {
	linkstrip_fn	 ls_match;
	void		*ls_arg;
	const char	*ls_note;
};

/* Maximum length of a URL considered; longer ones are never stripped
 * partially: they are compared up to this length. */
#define LINKSTRIP_URL_MAX	4096

/* Append the rewritten src to out; *n counts the links removed.
 * 0, or -1 when out ran out of memory. */
int	linkstrip_html(const struct linkstrip *, const char *src, size_t len,
	    struct strbuf *out, size_t *n);
int	linkstrip_text(const struct linkstrip *, const char *src, size_t len,
	    struct strbuf *out, size_t *n);

/* Append s HTML-escaped (& < > " '). */
void	linkstrip_escape(struct strbuf *out, const char *s, size_t len);

#endif
