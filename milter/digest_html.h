/*
 * digest_html: the digest (digest.h) as one HTML document that reads
 * well in Outlook and in webmail: tables for layout, every style inline
 * (no style sheet, which Outlook and Gmail strip or mangle), no script,
 * no image and nothing fetched from anywhere.  Each section is a table
 * with class "dg-ID" (ID from digest.h), each row a <tr> with class
 * "row", "group" or "note", so that a test can read the same rows out of
 * the rendered page.  Every text is HTML-escaped.
 */
#ifndef NEF_DIGEST_HTML_H
#define NEF_DIGEST_HTML_H

struct digest;
struct strbuf;

/* Append the document to out; 0, or -1 when memory ran out. */
int	 digest_html(const struct digest *, struct strbuf *out);

#endif
