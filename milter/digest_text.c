/*
 * NAME
 *	digest_text 3 - the digest as plain text
 * SYNOPSIS
 *	#include "digest_text.h"
 * DESCRIPTION
 *	See digest_text.h.  A column is as wide as its widest cell, at
 *	most DT_COL_MAX; the last column is never padded.  Paragraphs and
 *	notes are wrapped at DT_WIDTH.
 * DIAGNOSTICS
 *	-1 when the buffer could not grow.
 */
#include <string.h>

#include "digest.h"
#include "digest_text.h"
#include "strbuf.h"

#define DT_WIDTH	76
#define DT_COL_MAX	28

static void	dt_wrap(struct strbuf *, const char *, const char *indent);
static void	dt_section(struct strbuf *, const struct dg_section *);

/* Words of s, wrapped at DT_WIDTH, each line starting with indent. */
static void
dt_wrap(struct strbuf *sb, const char *s, const char *indent)
{
	size_t col = 0, n, ind = strlen(indent);

	while (*s != '\0') {
		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		n = strcspn(s, " ");
		if (col > 0 && col + 1 + n > DT_WIDTH) {
			strbuf_putc(sb, '\n');
			col = 0;
		}
		if (col == 0) {
			strbuf_puts(sb, indent);
			col = ind;
		} else {
			strbuf_putc(sb, ' ');
			col++;
		}
		strbuf_append(sb, s, n);
		col += n;
		s += n;
	}
	strbuf_putc(sb, '\n');
}

static void
dt_cells(struct strbuf *sb, const struct dg_section *s,
    const char *const *cell, const size_t *w)
{
	int i;
	size_t n;

	strbuf_puts(sb, "  ");
	for (i = 0; i < s->s_ncols; i++) {
		n = strlen(cell[i] ? cell[i] : "");
		strbuf_puts(sb, cell[i] ? cell[i] : "");
		if (i + 1 < s->s_ncols)
			for (strbuf_puts(sb, "  "); n < w[i]; n++)
				strbuf_putc(sb, ' ');
	}
	strbuf_putc(sb, '\n');
}

static void
dt_section(struct strbuf *sb, const struct dg_section *s)
{
	size_t w[DG_COLS], i, n;
	const char *t;
	int c;

	strbuf_putc(sb, '\n');
	for (t = s->s_title; *t != '\0'; t++)
		strbuf_putc(sb, *t >= 'a' && *t <= 'z' ? *t - 'a' + 'A' : *t);
	strbuf_putc(sb, '\n');
	for (n = strlen(s->s_title); n > 0; n--)
		strbuf_putc(sb, '=');
	strbuf_putc(sb, '\n');
	if (s->s_intro != NULL)
		dt_wrap(sb, s->s_intro, "");
	if (s->s_nrows == 0) {
		strbuf_printf(sb, "%s\n", s->s_empty);
		return;
	}
	for (c = 0; c < s->s_ncols; c++)
		w[c] = strlen(s->s_head[c]);
	for (i = 0; i < s->s_nrows; i++)
		for (c = 0; s->s_rows[i].r_kind == DG_ROW && c < s->s_ncols; c++)
			if ((n = strlen(s->s_rows[i].r_cell[c])) > w[c])
				w[c] = n > DT_COL_MAX ? DT_COL_MAX : n;
	if (s->s_intro != NULL)
		strbuf_putc(sb, '\n');
	dt_cells(sb, s, s->s_head, w);
	for (i = 0; i < s->s_nrows; i++) {
		const struct dg_row *r = &s->s_rows[i];

		if (r->r_kind == DG_GROUP)
			strbuf_printf(sb, "\n %s\n", r->r_cell[0]);
		else if (r->r_kind == DG_NOTE)
			dt_wrap(sb, r->r_cell[0], "        ");
		else
			dt_cells(sb, s, (const char *const *)r->r_cell, w);
	}
	if (s->s_more != NULL)
		strbuf_printf(sb, "  %s\n", s->s_more);
}

int
digest_text(const struct digest *d, struct strbuf *sb)
{
	int i;

	strbuf_puts(sb, "Court notices through nefmilter\n");
	strbuf_printf(sb, "%s\n\n", d->d_period);
	dt_wrap(sb, d->d_summary, "");
	for (i = 0; i < DG_NSECT; i++)
		dt_section(sb, &d->d_sect[i]);
	strbuf_puts(sb, "\n-- \nnefctl digest; \"nefctl audit\" has every "
	    "record.\n");
	return strbuf_error(sb) ? -1 : 0;
}
