/*
 * NAME
 *	digest_html 3 - the digest as an HTML mail body
 * SYNOPSIS
 *	#include "digest_html.h"
 * DESCRIPTION
 *	See digest_html.h.  The page is one outer table 100% wide holding
 *	a title, the period, the summary and one table per section.  The
 *	fonts are Arial/Helvetica, 14 px (13 px in tables); colours are
 *	plain hex values that every client keeps.
 * DIAGNOSTICS
 *	-1 when the buffer could not grow.
 */
#include <string.h>

#include "digest.h"
#include "digest_html.h"
#include "strbuf.h"

#define DH_FONT	"font-family:Arial,Helvetica,sans-serif;"
#define DH_CELL	"padding:4px 8px 4px 0;border-bottom:1px solid #e2e2e2;" \
		"vertical-align:top;text-align:left;"

static void	dh_esc(struct strbuf *, const char *);
static void	dh_section(struct strbuf *, const struct dg_section *);

static void
dh_esc(struct strbuf *sb, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '<': strbuf_puts(sb, "&lt;"); break;
		case '>': strbuf_puts(sb, "&gt;"); break;
		case '&': strbuf_puts(sb, "&amp;"); break;
		case '"': strbuf_puts(sb, "&quot;"); break;
		case '\'': strbuf_puts(sb, "&#39;"); break;
		default: strbuf_putc(sb, *s); break;
		}
}

static void
dh_section(struct strbuf *sb, const struct dg_section *s)
{
	size_t i;
	int c;

	strbuf_puts(sb, "<h2 style=\"" DH_FONT "margin:22px 0 6px 0;"
	    "font-size:16px;color:#1f4e79;border-bottom:2px solid #1f4e79;"
	    "padding-bottom:2px;\">");
	dh_esc(sb, s->s_title);
	strbuf_puts(sb, "</h2>\n");
	if (s->s_intro != NULL) {
		strbuf_puts(sb, "<p style=\"" DH_FONT "margin:0 0 8px 0;"
		    "font-size:13px;color:#333333;\">");
		dh_esc(sb, s->s_intro);
		strbuf_puts(sb, "</p>\n");
	}
	if (s->s_nrows == 0) {
		strbuf_printf(sb, "<p class=\"dg-%s-empty\" style=\"" DH_FONT
		    "margin:0;font-size:13px;color:#555555;\">", s->s_id);
		dh_esc(sb, s->s_empty);
		strbuf_puts(sb, "</p>\n");
		return;
	}
	strbuf_printf(sb, "<table class=\"dg-%s\" role=\"presentation\" "
	    "width=\"100%%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
	    "style=\"border-collapse:collapse;" DH_FONT "font-size:13px;"
	    "color:#1a1a1a;\">\n<tr class=\"head\">", s->s_id);
	for (c = 0; c < s->s_ncols; c++) {
		strbuf_puts(sb, "<th style=\"" DH_CELL "background:#e8eef5;"
		    "font-weight:bold;\">");
		dh_esc(sb, s->s_head[c]);
		strbuf_puts(sb, "</th>");
	}
	strbuf_puts(sb, "</tr>\n");
	for (i = 0; i < s->s_nrows; i++) {
		const struct dg_row *r = &s->s_rows[i];

		if (r->r_kind == DG_GROUP) {
			strbuf_printf(sb, "<tr class=\"group\"><td colspan=\"%d\" "
			    "style=\"padding:12px 0 4px 0;font-weight:bold;"
			    "font-size:14px;border-bottom:1px solid #c5d3e3;\">",
			    s->s_ncols);
			dh_esc(sb, r->r_cell[0]);
		} else if (r->r_kind == DG_NOTE) {
			strbuf_printf(sb, "<tr class=\"note\"><td style=\"padding:0;"
			    "\"></td><td colspan=\"%d\" style=\"padding:2px 8px 4px "
			    "0;font-size:12px;color:#555555;\">", s->s_ncols - 1);
			dh_esc(sb, r->r_cell[0]);
		} else {
			strbuf_puts(sb, "<tr class=\"row\">");
			for (c = 0; c < s->s_ncols; c++) {
				strbuf_puts(sb, c ? "<td style=\"" DH_CELL "\">" :
				    "<td style=\"" DH_CELL "white-space:nowrap;\">");
				dh_esc(sb, r->r_cell[c]);
				strbuf_puts(sb, "</td>");
			}
			strbuf_puts(sb, "</tr>\n");
			continue;
		}
		strbuf_puts(sb, "</td></tr>\n");
	}
	strbuf_puts(sb, "</table>\n");
	if (s->s_more != NULL) {
		strbuf_puts(sb, "<p style=\"" DH_FONT "margin:4px 0 0 0;"
		    "font-size:13px;\">");
		dh_esc(sb, s->s_more);
		strbuf_puts(sb, "</p>\n");
	}
}

int
digest_html(const struct digest *d, struct strbuf *sb)
{
	int i;

	strbuf_puts(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	dh_esc(sb, d->d_subject);
	strbuf_puts(sb, "</title>\n</head>\n<body style=\"margin:0;padding:0;"
	    "background:#ffffff;\">\n<table role=\"presentation\" "
	    "width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" border=\"0\" "
	    "style=\"border-collapse:collapse;\"><tr><td style=\"padding:16px;"
	    DH_FONT "font-size:14px;color:#1a1a1a;\">\n"
	    "<h1 style=\"" DH_FONT "margin:0 0 4px 0;font-size:20px;\">"
	    "Court notices through nefmilter</h1>\n<p class=\"period\" "
	    "style=\"margin:0 0 12px 0;color:#555555;\">");
	dh_esc(sb, d->d_period);
	strbuf_puts(sb, "</p>\n<p class=\"summary\" style=\"margin:0 0 8px 0;"
	    "padding:8px;background:#f4f6f8;border-left:4px solid #1f4e79;\">");
	dh_esc(sb, d->d_summary);
	strbuf_puts(sb, "</p>\n");
	for (i = 0; i < DG_NSECT; i++)
		dh_section(sb, &d->d_sect[i]);
	strbuf_puts(sb, "<p style=\"margin:24px 0 0 0;font-size:12px;"
	    "color:#777777;\">nefctl digest; &quot;nefctl audit&quot; has every "
	    "record.</p>\n</td></tr></table>\n</body>\n</html>\n");
	return strbuf_error(sb) ? -1 : 0;
}
