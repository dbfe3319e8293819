/*
 * NAME
 *	xnef 3 - the X-NEF header
 * SYNOPSIS
 *	#include "xnef.h"
 * DESCRIPTION
 *	See xnef.h.
 */
#include <stdio.h>
#include <string.h>

#include "xnef.h"

static const char *const xnef_names[XNEF_NCOUNTS] = {
	"pdf", "login", "unavailable", "error", "too-large", "refused",
	"no-document", "tombstoned"
};

static void	xnef_field(struct strbuf *, size_t *, const char *, const char *);

const char *
xnef_count_name(enum xnef_count c)
{
	return (unsigned)c < XNEF_NCOUNTS ? xnef_names[c] : "?";
}

static void
xnef_field(struct strbuf *out, size_t *col, const char *name, const char *v)
{
	char	buf[XNEF_VALUE_MAX + 1];
	size_t	i, n;

	if (v == NULL || *v == '\0')
		v = "-";
	for (n = 0; v[n] != '\0' && n < XNEF_VALUE_MAX; n++) {
		unsigned char c = (unsigned char)v[n];

		buf[n] = (c <= ' ' || c >= 0x7f || c == ';' || c == '=' ||
		    c == '"' || c == '\\') ? '_' : (char)c;
	}
	buf[n] = '\0';
	i = strlen(name) + n + 3;
	if (*col > 0 && *col + i > 72) {
		strbuf_puts(out, ";\n\t");
		*col = 8;
	} else if (*col > 0) {
		strbuf_puts(out, "; ");
		*col += 2;
	}
	strbuf_printf(out, "%s=%s", name, buf);
	*col += i - 3 + 1;
}

void
xnef_format(const struct xnef *x, struct strbuf *out)
{
	char	num[24];
	size_t	col = 0, i;

	xnef_field(out, &col, "v", "1");
	xnef_field(out, &col, "court", x->x_court);
	xnef_field(out, &col, "case", x->x_case);
	xnef_field(out, &col, "entry", x->x_entry);
	xnef_field(out, &col, "trust", x->x_trust);
	xnef_field(out, &col, "restricted", x->x_restricted ? "yes" : "no");
	for (i = 0; i < XNEF_NCOUNTS; i++) {
		snprintf(num, sizeof(num), "%u", x->x_count[i]);
		xnef_field(out, &col, xnef_names[i], num);
	}
	if (x->x_pdfcheck) {
		snprintf(num, sizeof(num), "%u", x->x_bad_redaction);
		xnef_field(out, &col, "bad-redaction", num);
		snprintf(num, sizeof(num), "%u", x->x_identifiers);
		xnef_field(out, &col, "identifiers", num);
		snprintf(num, sizeof(num), "%u", x->x_unchecked);
		xnef_field(out, &col, "unchecked", num);
	}
	xnef_field(out, &col, "action", x->x_action);
	if (x->x_error != NULL)
		xnef_field(out, &col, "error", x->x_error);
}
