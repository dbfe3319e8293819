/*
 * NAME
 *	scan 3 - check one page for covered text and identifiers
 * SYNOPSIS
 *	#include "scan.h"
 * DESCRIPTION
 *	See scan.h.  Everything the page holds (the page, the text page,
 *	the devices, the lists) is released in fz_always, so an exception
 *	from a broken page costs nothing but the page.
 * DIAGNOSTICS
 *	Exceptions are passed on; a page over the list limits is reported
 *	in the report's detail.
 */
#include <mupdf/fitz.h>
#include <stdlib.h>
#include <string.h>

#include "annots.h"
#include "collect.h"
#include "cover.h"
#include "pii.h"
#include "render.h"
#include "report.h"
#include "scan.h"
#include "strbuf.h"

struct sink {
	struct report	*k_r;
	int		 k_page;	/* from 1 */
	const char	*k_text;	/* the text pii_scan() reads */
	int		 k_nomem;
};

static int	on_finding(void *, const struct cover_finding *);
static int	on_identifier(void *, const struct pii_hit *);
static void	find_covers(fz_context *, fz_page *, struct collect_page *,
		    struct sink *, fz_cookie *, struct scan_stats *);
static void	find_identifiers(fz_context *, fz_stext_page *, struct sink *);

static int
on_finding(void *arg, const struct cover_finding *f)
{
	struct sink *k = arg;
	float b[4];

	b[0] = f->f_box.x0;
	b[1] = f->f_box.y0;
	b[2] = f->f_box.x1;
	b[3] = f->f_box.y1;
	if (report_add_redaction(k->k_r, k->k_page, b, f->f_kind, f->f_text) != 0) {
		k->k_nomem = 1;
		return 1;
	}
	return 0;
}

static int
on_identifier(void *arg, const struct pii_hit *h)
{
	struct sink *k = arg;

	if (report_add_identifier(k->k_r, k->k_page, h->ph_kind, h->ph_shown,
	    k->k_text + h->ph_off, h->ph_len) != 0) {
		k->k_nomem = 1;
		return 1;
	}
	return 0;
}

static void
find_covers(fz_context *ctx, fz_page *page, struct collect_page *cp,
    struct sink *k, fz_cookie *cookie, struct scan_stats *st)
{
	int *volatile which = NULL;
	unsigned char *volatile hidden = NULL;
	struct render_stats rs;
	size_t n;

	if (cp->cp_ng == 0 || cp->cp_no == 0)
		return;
	fz_var(which);
	fz_var(hidden);
	fz_try(ctx) {
		which = malloc(cp->cp_ng * sizeof(int));
		hidden = calloc(cp->cp_ng, 1);
		if (which == NULL || hidden == NULL)
			fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory (covers)");
		n = cover_assign(cp->cp_glyphs, cp->cp_ng, cp->cp_objs, cp->cp_no,
		    which);
		if (n > 0) {
			memset(&rs, 0, sizeof(rs));
			render_hidden(ctx, page, cp, which, hidden, cookie, &rs);
			if (st != NULL) {
				st->ss_rendered++;
				st->ss_pixels += rs.rs_pixels;
			}
		}
		if ((cookie == NULL || !cookie->abort) &&
		    (cover_findings(cp->cp_glyphs, cp->cp_ng, cp->cp_objs,
		    cp->cp_no, which, hidden, on_finding, k) == (size_t)-1 ||
		    k->k_nomem))
			fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory (findings)");
	}
	fz_always(ctx) {
		free(which);
		free(hidden);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}

/* The page's text, a line per line, through the identifier rules. */
static void
find_identifiers(fz_context *ctx, fz_stext_page *tp, struct sink *k)
{
	struct strbuf sb;
	fz_stext_block *b;
	fz_stext_line *l;
	fz_stext_char *c;
	char u[8];
	int n;

	strbuf_init(&sb, SCAN_TEXT_MAX);
	for (b = tp->first_block; b != NULL; b = b->next) {
		if (b->type != FZ_STEXT_BLOCK_TEXT)
			continue;
		for (l = b->u.t.first_line; l != NULL; l = l->next) {
			for (c = l->first_char; c != NULL; c = c->next)
				if (c->c > 0 && (n = fz_runetochar(u, c->c)) > 0)
					strbuf_append(&sb, u, (size_t)n);
			strbuf_putc(&sb, '\n');
		}
	}
	/* a page whose text passes the cap is scanned as far as it goes */
	if (sb.sb_len > 0) {
		k->k_text = sb.sb_s;
		pii_scan(sb.sb_s, sb.sb_len, on_identifier, k);
		k->k_text = NULL;
	}
	strbuf_free(&sb);
	if (k->k_nomem)
		fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory (identifiers)");
}

void
scan_page(fz_context *ctx, fz_document *doc, int pno, struct report *r,
    fz_cookie *cookie, struct scan_stats *st)
{
	fz_page *volatile page = NULL;
	fz_stext_page *volatile text = NULL;
	fz_device *volatile sdev = NULL;
	fz_device *volatile cdev = NULL;
	fz_stext_options opts;
	struct collect_page cp;
	struct sink k;
	fz_rect bounds;

	memset(&opts, 0, sizeof(opts));
	memset(&k, 0, sizeof(k));
	k.k_r = r;
	k.k_page = pno + 1;
	collect_page_init(&cp, fz_empty_rect);
	fz_var(page);
	fz_var(text);
	fz_var(sdev);
	fz_var(cdev);
	fz_try(ctx) {
		page = fz_load_page(ctx, doc, pno);
		bounds = fz_bound_page(ctx, page);
		cp.cp_bounds = bounds;
		text = fz_new_stext_page(ctx, bounds);
		sdev = fz_new_stext_device(ctx, text, &opts);
		cdev = collect_new_device(ctx, sdev, &cp);
		fz_run_page_contents(ctx, page, cdev, fz_identity, cookie);
		fz_close_device(ctx, cdev);
		fz_run_page_annots(ctx, page, sdev, fz_identity, cookie);
		fz_run_page_widgets(ctx, page, sdev, fz_identity, cookie);
		fz_close_device(ctx, sdev);
		annots_collect(ctx, page, &cp);
		if (cp.cp_nomem)
			fz_throw(ctx, FZ_ERROR_MEMORY, "out of memory (glyphs)");
		if (cp.cp_over)
			report_fail(r, REPORT_TOO_LARGE, "page %d holds more than "
			    "%d characters or %d drawings", pno + 1,
			    COLLECT_GLYPHS_MAX, COLLECT_OBJS_MAX);
		if (st != NULL)
			st->ss_glyphs += (long)cp.cp_ng;
		find_covers(ctx, page, &cp, &k, cookie, st);
		find_identifiers(ctx, text, &k);
	}
	fz_always(ctx) {
		fz_drop_device(ctx, cdev);
		fz_drop_device(ctx, sdev);
		fz_drop_stext_page(ctx, text);
		fz_drop_page(ctx, page);
		collect_page_free(&cp);
	}
	fz_catch(ctx)
		fz_rethrow(ctx);
}
