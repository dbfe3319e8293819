/*
 * NAME
 *	neftext 3 - string work of the notice parser
 * SUMMARY
 *	folding, juriscraper's descriptions, transaction line, stamp
 * SYNOPSIS
 *	#include "neftext.h"
 *
 *	size_t neftext_fold(const char *s, size_t len, int js, char *out);
 *	void neftext_desc_html(const char *src, size_t start, size_t end,
 *	    int direct, struct strbuf *out);
 *	void neftext_transaction(const char *s, size_t len,
 *	    struct neftext_trans *out);
 *	void neftext_stamp(const char *s, size_t len,
 *	    struct neftext_stamp *out);
 *	void neftext_name_commas(char *s);
 *	void neftext_drop_targets(char *s);
 * DESCRIPTION
 *	See neftext.h.  neftext_desc_html() tracks element depth from the
 *	start of the range: void elements (br, img, hr, ...) do not count;
 *	an end tag at depth 0 for p, div or td ends the paragraph.
 * DIAGNOSTICS
 *	None.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "nefline.h"
#include "neftext.h"
#include "strbuf.h"

static int	is_void(const char *);
static void	cut_label(struct strbuf *, size_t);
static size_t	target_at(const char *);

size_t
neftext_fold(const char *s, size_t len, int js, char *out)
{
	size_t	i, n = 0;
	int	sp = 0;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == 0xc2 && i + 1 < len && (unsigned char)s[i + 1] == 0xa0) {
			i++;
			sp = 1;
			continue;
		}
		if (isspace(c) || (js && (c == '#' || c == '*'))) {
			sp |= isspace(c) != 0;
			continue;
		}
		if (sp && n > 0)
			out[n++] = ' ';
		sp = 0;
		out[n++] = (char)c;
	}
	/* a sequence cut at the end of the input is dropped */
	if (n > 0 && ((unsigned char)out[n - 1] & 0x80)) {
		size_t	b = n - 1, need;

		while (b > 0 && ((unsigned char)out[b] & 0xc0) == 0x80)
			b--;
		need = ((unsigned char)out[b] & 0xe0) == 0xc0 ? 2 :
		    ((unsigned char)out[b] & 0xf0) == 0xe0 ? 3 :
		    ((unsigned char)out[b] & 0xf8) == 0xf0 ? 4 : 1;
		if (n - b < need)
			n = b;
	}
	out[n] = '\0';
	return n;
}

static int
is_void(const char *name)
{
	static const char *const void_tags[] = { "br", "img", "hr", "wbr",
	    "input", "meta", "link", "area", "col", NULL };
	size_t	i;

	for (i = 0; void_tags[i] != NULL; i++)
		if (strcmp(name, void_tags[i]) == 0)
			return 1;
	return 0;
}

/* Remove everything up to the end of "Docket Text:" found after from. */
static void
cut_label(struct strbuf *out, size_t from)
{
	const char	*s = strbuf_str(out) + from, *lab;
	size_t		 len = out->sb_len - from, off;

	lab = nefline_find(s, len, "docket text:");
	if (lab == NULL)
		return;
	off = (size_t)(lab - s) + 12;
	memmove(out->sb_s + from, s + off, len - off);
	strbuf_truncate(out, from + len - off);
}

void
neftext_desc_html(const char *src, size_t start, size_t end, int direct,
    struct strbuf *out)
{
	struct html_lexer lx;
	struct html_token t;
	int		  depth = 0, stop = 0;
	size_t		  from = out->sb_len;

	if (src == NULL || start >= end)
		return;
	html_lexer_init(&lx, src + start, end - start);
	while (!stop && html_next(&lx, &t)) {
		if (t.t_type == HTML_TEXT && !t.t_raw &&
		    (!direct || depth == 0))
			htmlent_decode(src + start + t.t_off, t.t_len, 0, out);
		else if (t.t_type == HTML_START && direct && !t.t_selfclose) {
			if (!is_void(t.t_name))
				depth++;
		} else if (t.t_type == HTML_END && direct) {
			if (depth > 0)
				depth--;
			else if (strcmp(t.t_name, "p") == 0 ||
			    strcmp(t.t_name, "div") == 0 ||
			    strcmp(t.t_name, "td") == 0)
				stop = 1;
		}
	}
	if (!strbuf_error(out))
		cut_label(out, from);
}

void
neftext_transaction(const char *s, size_t len, struct neftext_trans *t)
{
	const char	*p, *e, *r, *by, *on, *q;

	memset(t, 0, sizeof *t);
	p = nefline_find(s, len, "filed on ");
	if (p != NULL)
		nefline_date(p + 9, len - (size_t)(p + 9 - s), t->t_filed);
	/* "... entered [by X] on DATE", or a claim's "received from X on
	 * DATE" (no "entered": the date it was received is the date filed) */
	e = nefline_find(s, len, "entered");
	r = e != NULL ? NULL : nefline_find(s, len, "received from ");
	if (e == NULL && r == NULL)
		return;
	for (on = e != NULL ? e : r; (on = nefline_find(on + 1, len -
	    (size_t)(on + 1 - s), " on ")) != NULL; )
		if (nefline_date(on + 4, len - (size_t)(on + 4 - s),
		    t->t_entered) > 0)
			break;
	if (on == NULL)
		return;
	if (e == NULL) {
		if (t->t_filed[0] == '\0')
			memcpy(t->t_filed, t->t_entered, sizeof t->t_filed);
		e = on;
	}
	p = on + 4;
	while (p < s + len && *p != ' ')
		p++;
	/* "on 8/10/2022 at 12:42 PM CDT and", or without the "at" */
	if (p + 4 < s + len && strncasecmp(p, " at ", 4) == 0)
		p += 4;
	else if (p + 1 < s + len && p[0] == ' ' && isdigit((unsigned char)p[1]))
		p += 1;
	else
		p = NULL;
	if (p != NULL) {
		q = nefline_find(p, len - (size_t)(p - s), " and ");
		t->t_time_off = (size_t)(p - s);
		t->t_time_len = (size_t)((q == NULL ? s + len : q) - p);
	}
	by = nefline_find(s, (size_t)(on - s), "entered by ");
	if (by != NULL) {
		t->t_by_off = (size_t)(by + 11 - s);
		t->t_by_len = (size_t)(on - (by + 11));
	} else if ((by = nefline_find(s, (size_t)(e - s), "received from "))) {
		t->t_by_off = (size_t)(by + 14 - s);
		t->t_by_len = (size_t)(e - (by + 14));
	}
}

void
neftext_stamp(const char *s, size_t len, struct neftext_stamp *st)
{
	const char	*p, *q, *dash = NULL;
	size_t		 n = 0;

	memset(st, 0, sizeof *st);
	st->st_attno = -1;
	p = nefline_find(s, len, "[stamp");
	if (p != NULL) {
		p += 6;
		while (p < s + len && *p == ' ')
			p++;
		for (q = p; q < s + len && *q != ' ' && *q != '[' && *q != ']';
		    q++)
			;
		st->st_id_off = (size_t)(p - s);
		st->st_id_len = (size_t)(q - p);
	}
	p = nefline_find(s, len, "filenumber=");
	if (p == NULL)
		return;
	for (p += 11; p < s + len && *p != ']' &&
	    n < sizeof st->st_file_number - 1; p++) {
		if (*p == ' ')
			continue;
		if (*p == '-' && dash == NULL)
			dash = st->st_file_number + n;
		st->st_file_number[n++] = *p;
	}
	st->st_file_number[n] = '\0';
	if (dash != NULL && isdigit((unsigned char)dash[1]) &&
	    strlen(dash + 1) <= 4 && strspn(dash + 1, "0123456789") ==
	    strlen(dash + 1))
		st->st_attno = (int)strtol(dash + 1, NULL, 10);
}

void
neftext_name_commas(char *s)
{
	char	*r = s, *w = s;

	while (*r != '\0') {
		if (r[0] == ' ' && r[1] == ',' && r[2] == ' ') {
			r += 2;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

/* Length of the " <http(s)://...>" at s, or 0. */
static size_t
target_at(const char *s)
{
	size_t	i;

	if (s[0] != ' ' || s[1] != '<')
		return 0;
	if (strncmp(s + 2, "http://", 7) != 0 &&
	    strncmp(s + 2, "https://", 8) != 0)
		return 0;
	for (i = 2; s[i] != '\0' && s[i] != '>'; i++)
		if (isspace((unsigned char)s[i]) || s[i] == '<')
			return 0;
	return s[i] == '>' ? i + 1 : 0;
}

void
neftext_drop_targets(char *s)
{
	char	*w = s;
	size_t	 n;

	if (s == NULL)
		return;
	while (*s != '\0') {
		if ((n = target_at(s)) > 0) {
			s += n;
			continue;
		}
		*w++ = *s++;
	}
	*w = '\0';
}
