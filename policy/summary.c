/*
 * NAME
 *	summary 3 - the report at the top of a rewritten notice
 * SYNOPSIS
 *	#include "summary.h"
 * DESCRIPTION
 *	The first line counts the documents by outcome; one line per
 *	document follows, grouped by outcome in a fixed order.  The wording
 *	is for the case team, not for administrators.
 */
#include <stdio.h>
#include <string.h>

#include "linkstrip.h"
#include "summary.h"

static const struct {
	enum summary_state	 st;
	const char		*title;
} sum_groups[] = {
	{ SUM_ATTACHED, "Attached" },
	{ SUM_OVER_CAP, "Kept by the firm's mail relay, not attached (over the size limit)" },
	{ SUM_LOGIN, "The court asked for a login (sealed or restricted, or the free look was already used); the link was not followed" },
	{ SUM_UNAVAILABLE, "Not available from the court" },
	{ SUM_FAILED, "Could not be fetched" },
	{ SUM_WITHHELD, "Withheld: restricted entry" },
	{ SUM_TOMBSTONED, "Withdrawn by the firm" },
	{ SUM_NOT_FETCHED, "Not fetched (the notice could not be verified as the court's)" },
	{ SUM_NO_DOCUMENT, "No document" },
};
#define NGROUPS	(sizeof(sum_groups) / sizeof(sum_groups[0]))

static size_t	sum_count(const struct summary_item *, size_t, enum summary_state);
static void	sum_headline(const struct summary_head *,
		    const struct summary_item *, size_t, struct strbuf *);

void
summary_size(uint64_t n, char *buf, size_t size)
{
	if (n >= 1024 * 1024)
		snprintf(buf, size, "%.1f MB", (double)n / (1024.0 * 1024.0));
	else if (n >= 1024)
		snprintf(buf, size, "%llu KB", (unsigned long long)((n + 1023) / 1024));
	else
		snprintf(buf, size, "%llu bytes", (unsigned long long)n);
}

static size_t
sum_count(const struct summary_item *it, size_t n, enum summary_state st)
{
	size_t	i, c = 0;

	for (i = 0; i < n; i++)
		c += it[i].si_state == st;
	return c;
}

static void
sum_headline(const struct summary_head *h, const struct summary_item *it,
    size_t n, struct strbuf *out)
{
	size_t	att = sum_count(it, n, SUM_ATTACHED);
	size_t	login = sum_count(it, n, SUM_LOGIN);
	size_t	fail = sum_count(it, n, SUM_FAILED) +
		    sum_count(it, n, SUM_UNAVAILABLE);

	strbuf_printf(out, "Court notice %s %s", h->sh_court ? h->sh_court : "?",
	    h->sh_case ? h->sh_case : "?");
	if (h->sh_entry != NULL && *h->sh_entry != '\0')
		strbuf_printf(out, ", entry %s", h->sh_entry);
	strbuf_printf(out, ": %zu document%s attached", att, att == 1 ? "" : "s");
	if (login)
		strbuf_printf(out, ", %zu need%s a court login", login,
		    login == 1 ? "s" : "");
	if (fail)
		strbuf_printf(out, ", %zu not fetched", fail);
	strbuf_puts(out, ".");
}

void
summary_text(const struct summary_head *h, const struct summary_item *it,
    size_t n, struct strbuf *out)
{
	char	sz[32];
	size_t	g, i;

	strbuf_puts(out, "[nefmilter] ");
	sum_headline(h, it, n, out);
	strbuf_puts(out, "\n");
	if (h->sh_unverified)
		strbuf_puts(out, "  This notice could not be verified as the court's.\n");
	if (h->sh_restricted)
		strbuf_printf(out, "  Restricted entry (%s): sent only to recipients the court listed.\n",
		    h->sh_restricted_why ? h->sh_restricted_why : "seal/redact");
	if (h->sh_notice != NULL)
		strbuf_printf(out, "  %s\n", h->sh_notice);
	for (i = 0; i < h->sh_nabout; i++)
		strbuf_printf(out, "  %s\n", h->sh_about[i]);
	for (g = 0; g < NGROUPS; g++) {
		if (sum_count(it, n, sum_groups[g].st) == 0)
			continue;
		strbuf_printf(out, "  %s:\n", sum_groups[g].title);
		for (i = 0; i < n; i++) {
			if (it[i].si_state != sum_groups[g].st)
				continue;
			strbuf_printf(out, "    - %s", it[i].si_name ? it[i].si_name : "document");
			if (it[i].si_state == SUM_ATTACHED || it[i].si_state == SUM_OVER_CAP) {
				summary_size(it[i].si_size, sz, sizeof(sz));
				strbuf_printf(out, " (%s)", sz);
			}
			if (it[i].si_detail != NULL && *it[i].si_detail)
				strbuf_printf(out, " (%s)", it[i].si_detail);
			strbuf_puts(out, "\n");
		}
	}
	for (i = 0; i < h->sh_nextra; i++)
		strbuf_printf(out, "  %s\n", h->sh_extra[i]);
	strbuf_puts(out, "\n");
}

void
summary_html(const struct summary_head *h, const struct summary_item *it,
    size_t n, struct strbuf *out)
{
	struct strbuf	line = STRBUF_INIT;
	char		sz[32];
	size_t		g, i;

	strbuf_puts(out, "<div class=\"nefmilter-summary\" style=\"border:1px solid #888;"
	    "padding:6px;margin:0 0 10px 0;font-family:sans-serif;font-size:small\">"
	    "<b>[nefmilter]</b> ");
	sum_headline(h, it, n, &line);
	linkstrip_escape(out, strbuf_str(&line), line.sb_len);
	if (h->sh_unverified)
		strbuf_puts(out, "<br>This notice could not be verified as the court's.");
	if (h->sh_restricted) {
		strbuf_puts(out, "<br>Restricted entry (");
		linkstrip_escape(out, h->sh_restricted_why ? h->sh_restricted_why :
		    "seal/redact", strlen(h->sh_restricted_why ?
		    h->sh_restricted_why : "seal/redact"));
		strbuf_puts(out, "): sent only to recipients the court listed.");
	}
	if (h->sh_notice != NULL) {
		strbuf_puts(out, "<br>");
		linkstrip_escape(out, h->sh_notice, strlen(h->sh_notice));
	}
	for (i = 0; i < h->sh_nabout; i++) {
		strbuf_puts(out, "<br>");
		linkstrip_escape(out, h->sh_about[i], strlen(h->sh_about[i]));
	}
	for (g = 0; g < NGROUPS; g++) {
		if (sum_count(it, n, sum_groups[g].st) == 0)
			continue;
		strbuf_puts(out, "<br>");
		linkstrip_escape(out, sum_groups[g].title, strlen(sum_groups[g].title));
		strbuf_puts(out, ":<ul style=\"margin:2px 0\">");
		for (i = 0; i < n; i++) {
			if (it[i].si_state != sum_groups[g].st)
				continue;
			strbuf_reset(&line);
			strbuf_puts(&line, it[i].si_name ? it[i].si_name : "document");
			if (it[i].si_state == SUM_ATTACHED || it[i].si_state == SUM_OVER_CAP) {
				summary_size(it[i].si_size, sz, sizeof(sz));
				strbuf_printf(&line, " (%s)", sz);
			}
			if (it[i].si_detail != NULL && *it[i].si_detail)
				strbuf_printf(&line, " (%s)", it[i].si_detail);
			strbuf_puts(out, "<li>");
			linkstrip_escape(out, strbuf_str(&line), line.sb_len);
			strbuf_puts(out, "</li>");
		}
		strbuf_puts(out, "</ul>");
	}
	for (i = 0; i < h->sh_nextra; i++) {
		strbuf_puts(out, "<br>");
		linkstrip_escape(out, h->sh_extra[i], strlen(h->sh_extra[i]));
	}
	strbuf_puts(out, "</div>\n");
	strbuf_free(&line);
}
