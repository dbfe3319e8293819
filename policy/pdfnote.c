/*
 * NAME
 *	pdfnote 3 - the summary and alert lines of the disclosure check
 * SYNOPSIS
 *	#include "pdfnote.h"
 * DESCRIPTION
 *	See pdfnote.h.  The wording is for lawyers and docketing staff:
 *	what a reader of the public filing can see, where.
 */
#include <stdlib.h>
#include <string.h>

#include "pdfnote.h"

static const struct {
	const char	*k_name;
	const char	*k_text;
} kinds[PDFNOTE_NKINDS] = {
	{ "bad-redaction cover", "text under a black box can be read" },
	{ "bad-redaction annotation",
	    "text under a black annotation can be read" },
	{ "bad-redaction highlight", "text under a black highlight can be read" },
	{ "bad-redaction image",
	    "text behind a blacked-out part of a scanned image can be read" },
	{ "bad-redaction unapplied",
	    "a redaction was marked but never applied: the text is still there" },
	{ "identifier ssn",
	    "a Social Security or taxpayer number is shown in full" },
	{ "identifier birth_date", "a full date of birth is shown" },
	{ "identifier account",
	    "a financial-account number is shown beyond its last four digits" },
};

static int	cmp_int(const void *, const void *);
static int	name_at(const char *, size_t, size_t, const char *);

static int
alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
blank(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Does name match at t[i] as whole words?  Its end, or 0. */
static int
name_at(const char *t, size_t len, size_t i, const char *name)
{
	size_t j = i;

	if (i > 0 && alnum((unsigned char)t[i - 1]))
		return 0;
	for (; *name; name++) {
		if (blank((unsigned char)*name)) {
			if (j >= len || !blank((unsigned char)t[j]))
				return 0;
			while (j < len && blank((unsigned char)t[j]))
				j++;
			while (blank((unsigned char)name[1]))
				name++;
			continue;
		}
		if (j >= len || lower((unsigned char)t[j]) != lower((unsigned char)*name))
			return 0;
		j++;
	}
	if (j < len && alnum((unsigned char)t[j]))
		return 0;
	return j > i;
}

int
pdfnote_name_in(const char *const *names, size_t n, const char *text,
    size_t len)
{
	size_t k, i;

	for (k = 0; k < n; k++) {
		if (names[k] == NULL || names[k][0] == '\0')
			continue;
		for (i = 0; i < len; i++)
			if (name_at(text, len, i, names[k]))
				return (int)k;
	}
	return -1;
}

const char *
pdfnote_kind_text(int k)
{
	return k >= 0 && k < PDFNOTE_NKINDS ? kinds[k].k_text : "a finding";
}

const char *
pdfnote_kind_name(int k)
{
	return k >= 0 && k < PDFNOTE_NKINDS ? kinds[k].k_name : "?";
}

int
pdfnote_is_redaction(int k)
{
	return k >= PDFNOTE_COVER && k <= PDFNOTE_UNAPPLIED;
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

void
pdfnote_pages(const int *p, size_t n, struct strbuf *out)
{
	int *v, last = -1;
	size_t i, u = 0, shown;

	if ((v = malloc((n + 1) * sizeof(*v))) == NULL) {
		strbuf_puts(out, "pages");
		return;
	}
	memcpy(v, p, n * sizeof(*v));
	qsort(v, n, sizeof(*v), cmp_int);
	for (i = 0; i < n; i++)
		if (i == 0 || v[i] != last)
			last = v[u++] = v[i];
	shown = u > PDFNOTE_PAGES ? PDFNOTE_PAGES : u;
	strbuf_puts(out, u == 1 ? "page " : "pages ");
	for (i = 0; i < shown; i++) {
		if (i > 0)
			strbuf_puts(out, i + 1 == shown && shown == u ? " and " : ", ");
		strbuf_printf(out, "%d", v[i]);
	}
	if (u > shown)
		strbuf_printf(out, " and %zu more pages", u - shown);
	free(v);
}

/* The lines of one document with findings: one per kind. */
static void
doc_lines(const struct pdfnote_doc *d, struct strbuf *out)
{
	int *pages, k;
	size_t i, np;

	if ((pages = malloc((d->nd_nf + 1) * sizeof(*pages))) == NULL)
		return;
	for (k = 0; k < PDFNOTE_NKINDS; k++) {
		for (i = np = 0; i < d->nd_nf; i++)
			if (d->nd_f[i].nf_kind == k)
				pages[np++] = d->nd_f[i].nf_page;
		if (np == 0)
			continue;
		strbuf_printf(out, "%s, ", d->nd_label ? d->nd_label : "a document");
		pdfnote_pages(pages, np, out);
		strbuf_printf(out, ": %s", kinds[k].k_text);
		if (np > 1)
			strbuf_printf(out, " (%zu places)", np);
		strbuf_putc(out, '\n');
	}
	free(pages);
}

void
pdfnote_lines(const struct pdfnote_doc *docs, size_t n, const char *firm,
    int alerting, struct strbuf *out)
{
	size_t i, found = 0, checked = 0;

	for (i = 0; i < n; i++) {
		found += docs[i].nd_nf;
		checked += docs[i].nd_status == PDFNOTE_CHECKED;
	}
	if (found > 0 && firm != NULL && *firm != '\0')
		strbuf_printf(out, "FILED BY THE FIRM (%s): this filing is public "
		    "and shows what it should not; move to seal or correct it "
		    "at once.\n", firm);
	for (i = 0; i < n; i++)
		doc_lines(&docs[i], out);
	for (i = 0; i < n; i++) {
		const char *l = docs[i].nd_label ? docs[i].nd_label : "a document";

		if (docs[i].nd_status == PDFNOTE_NOT_CHECKED)
			strbuf_printf(out, "%s: not checked for failed redactions "
			    "and personal identifiers (%s)\n", l,
			    docs[i].nd_detail && *docs[i].nd_detail ?
			    docs[i].nd_detail : "no reason given");
		else if (docs[i].nd_status == PDFNOTE_PENDING)
			strbuf_printf(out, "%s: still being checked for failed "
			    "redactions and personal identifiers; the result will "
			    "follow in the audit%s\n", l,
			    alerting ? " and in an alert" : "");
	}
	if (found == 0 && checked > 0)
		strbuf_printf(out, "Checked %zu document%s for failed redactions "
		    "and personal identifiers: nothing found.\n", checked,
		    checked == 1 ? "" : "s");
}
