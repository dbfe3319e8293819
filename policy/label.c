/*
 * NAME
 *	label 3 - file names and descriptions for attached PDFs
 * SUMMARY
 *	expand label_template for one document and make the result a safe
 *	file name; build its Content-Description
 * SYNOPSIS
 *	#include "label.h"
 *
 *	int label_validate(const char *tmpl, char *err, size_t errsz);
 *	int label_make(const char *tmpl, const struct label_doc *d,
 *	    char *out, size_t outsz);
 *	int label_description(const struct label_doc *d, char *out,
 *	    size_t outsz);
 *	int label_date(const char *in, char out[LABEL_DATE_SIZE]);
 * DESCRIPTION
 *	See label.h.  The name is built in two steps: the template is
 *	expanded into a scratch buffer (fields capped at LABEL_FIELD_MAX
 *	bytes, the whole at RAW_MAX), then the scratch is copied character
 *	by character through the file-name rules.  UTF-8 is decoded
 *	strictly: overlong forms, surrogates and values past U+10FFFF are
 *	invalid bytes.
 * DIAGNOSTICS
 *	label_validate() explains a bad template in English.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "label.h"
#include "text.h"

/* Scratch space for an expanded template. */
#define RAW_MAX		2048

enum field { F_DATE, F_COURT, F_CASE, F_ENTRY, F_ATT, F_ATTNO, F_DESC,
	F_DOCID, F_CASEKEY, F_CLAIM, F_CREDITOR, F_CHANGE, F_NONE };

static const char *const field_names[] = {
	"date", "court", "case", "entry", "att", "attno", "desc", "docid",
	"casekey", "claim", "creditor", "change",
};
#define KNOWN_FIELDS	"{date} {court} {case} {entry} {att} {attno} " \
			"{desc} {docid} {casekey} {claim} {creditor} {change}"

struct name_out {
	char	*n_buf;
	size_t	 n_len;
};

static enum field field_lookup(const char *, size_t);
static size_t	utf8_dec(const unsigned char *, size_t, unsigned long *);
static int	dropped(unsigned long);
static int	blankish(unsigned long);
static size_t	raw_put(char *, size_t, const char *, size_t);
static size_t	desc_cut(const char *, size_t);
static size_t	field_value(const struct label_doc *, enum field, char *,
		    size_t);
static int	is_sep(int);
static void	name_put(struct name_out *, const char *, size_t);
static void	name_finish(struct name_out *);
static void	clean_line(const char *, size_t, char *, size_t);

static enum field
field_lookup(const char *name, size_t n)
{
	size_t	i;

	for (i = 0; i < sizeof(field_names) / sizeof(field_names[0]); i++)
		if (strlen(field_names[i]) == n &&
		    memcmp(field_names[i], name, n) == 0)
			return (enum field)i;
	return F_NONE;
}

int
label_validate(const char *tmpl, char *err, size_t errsz)
{
	const char	*close;
	char		 shown[40];
	size_t		 i, n, fields = 0;

	if (tmpl == NULL || tmpl[0] == '\0')
		return text_errf(err, errsz, "label_template is empty");
	if ((n = strlen(tmpl)) > LABEL_TEMPLATE_MAX)
		return text_errf(err, errsz, "label_template is longer than %d "
		    "bytes", LABEL_TEMPLATE_MAX);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)tmpl[i];

		if (c < 0x20 || c == 0x7f)
			return text_errf(err, errsz, "label_template: control "
			    "character at offset %zu", i);
		if (c == '}')
			return text_errf(err, errsz, "label_template: \"}\" without "
			    "\"{\" at offset %zu", i);
		if (c != '{')
			continue;
		close = strchr(tmpl + i + 1, '}');
		if (close == NULL || memchr(tmpl + i + 1, '{',
		    (size_t)(close - tmpl) - i - 1) != NULL)
			return text_errf(err, errsz, "label_template: unclosed "
			    "\"{\" at offset %zu", i);
		if (field_lookup(tmpl + i + 1, (size_t)(close - tmpl) - i - 1)
		    == F_NONE)
			return text_errf(err, errsz, "label_template: unknown field "
			    "{%s}; the fields are " KNOWN_FIELDS,
			    text_printable(shown, sizeof(shown), tmpl + i + 1,
			    (size_t)(close - tmpl) - i - 1));
		fields++;
		i = (size_t)(close - tmpl);
	}
	if (fields == 0)
		return text_errf(err, errsz, "label_template names no field, so "
		    "every document would get the same name; the fields are "
		    KNOWN_FIELDS);
	return 0;
}

/*
 * utf8_dec -- one character at s[0..n).  Returns its length and sets
 * *cp, or 0 for an invalid sequence.
 */
static size_t
utf8_dec(const unsigned char *s, size_t n, unsigned long *cp)
{
	size_t		len, i;
	unsigned long	v, min;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2; v = s[0] & 0x1f; min = 0x80;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3; v = s[0] & 0x0f; min = 0x800;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4; v = s[0] & 0x07; min = 0x10000;
	} else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3f);
	}
	if (v < min || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*cp = v;
	return len;
}

/* Invisible or direction-changing characters: never kept. */
static int
dropped(unsigned long c)
{
	return c == 0xad || (c >= 0x200b && c <= 0x200f) ||
	    (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0xfeff;
}

/* Non-ASCII characters written as a separator: controls, spaces. */
static int
blankish(unsigned long c)
{
	return c <= 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
	    c == 0x3000 || c == 0xfffe || c == 0xffff;
}

/* Append s[0..n) to raw (RAW_MAX) at len; returns the new length. */
static size_t
raw_put(char *raw, size_t len, const char *s, size_t n)
{
	if (n > RAW_MAX - len)
		n = RAW_MAX - len;
	memcpy(raw + len, s, n);
	return len + n;
}

/* How many bytes of desc[0..n) {desc} keeps: a word boundary if any. */
static size_t
desc_cut(const char *desc, size_t n)
{
	size_t	cut;

	if (n <= LABEL_DESC_MAX)
		return n;
	for (cut = LABEL_DESC_MAX; cut > LABEL_DESC_MAX / 2; cut--) {
		unsigned char c = (unsigned char)desc[cut];

		if (c < 0x80 && !((c >= 'a' && c <= 'z') ||
		    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
			return cut;
	}
	for (cut = LABEL_DESC_MAX; cut > 0 &&
	    ((unsigned char)desc[cut] & 0xc0) == 0x80; cut--)
		;
	return cut;
}

/* The text of field f for d into buf; returns its length. */
static size_t
field_value(const struct label_doc *d, enum field f, char *buf, size_t bufsz)
{
	const char	*s = NULL;
	size_t		 n;
	int		 w;

	switch (f) {
	case F_DATE:
		return label_date(d->ld_date, buf) == 0 ? strlen(buf) : 0;
	case F_ATT:
		if (d->ld_att == 0)
			return 0;
		w = snprintf(buf, bufsz, "-%u", d->ld_att);
		return w > 0 ? (size_t)w : 0;
	case F_ATTNO:
		w = snprintf(buf, bufsz, "%u", d->ld_att);
		return w > 0 ? (size_t)w : 0;
	case F_COURT: s = d->ld_court; break;
	case F_CASE: s = d->ld_case; break;	/* ':' becomes '-' later */
	case F_ENTRY: s = d->ld_entry; break;
	case F_DESC: s = d->ld_desc; break;
	case F_DOCID: s = d->ld_docid; break;
	case F_CASEKEY: s = d->ld_casekey; break;
	case F_CLAIM: s = d->ld_claim; break;
	case F_CREDITOR: s = d->ld_creditor; break;
	case F_CHANGE: s = d->ld_change; break;
	case F_NONE: break;
	}
	if (s == NULL)
		return 0;
	n = strnlen(s, LABEL_FIELD_MAX);
	if (n == LABEL_FIELD_MAX)	/* do not end inside a sequence */
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	if (f == F_DESC || f == F_CREDITOR)
		n = desc_cut(s, n);
	if (n >= bufsz)
		n = bufsz - 1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return n;
}

static int
is_sep(int c)
{
	return c == '_' || c == '-' || c == '.';
}

/* Append one character's bytes to the name, collapsing separators. */
static void
name_put(struct name_out *o, const char *s, size_t k)
{
	if (k == 1 && is_sep((unsigned char)s[0])) {
		if (o->n_len == 0)
			return;
		if (is_sep((unsigned char)o->n_buf[o->n_len - 1])) {
			if (s[0] == '_')
				o->n_buf[o->n_len - 1] = '_';
			return;
		}
	}
	if (o->n_len + k > LABEL_MAX)
		return;
	memcpy(o->n_buf + o->n_len, s, k);
	o->n_len += k;
}

/* Trailing separators, device names, empty names; then ".pdf". */
static void
name_finish(struct name_out *o)
{
	static const char *const dev[] = { "con", "prn", "aux", "nul" };
	char	*b = o->n_buf;
	size_t	 base, i;

	while (o->n_len > 0 && is_sep((unsigned char)b[o->n_len - 1]))
		o->n_len--;
	if (o->n_len == 0) {
		memcpy(b, "document", 8);
		o->n_len = 8;
	}
	for (base = 0; base < o->n_len && b[base] != '.'; base++)
		;
	for (i = 0; i < sizeof(dev) / sizeof(dev[0]); i++)
		if (base == 3 && strncasecmp(b, dev[i], 3) == 0)
			break;
	if (i < sizeof(dev) / sizeof(dev[0]) || (base == 4 &&
	    (strncasecmp(b, "com", 3) == 0 || strncasecmp(b, "lpt", 3) == 0) &&
	    b[3] >= '1' && b[3] <= '9')) {
		if (o->n_len + 4 > LABEL_MAX)
			o->n_len = LABEL_MAX - 4;
		memmove(b + base + 4, b + base, o->n_len - base);
		memcpy(b + base, "_doc", 4);
		o->n_len += 4;
	}
	memcpy(b + o->n_len, ".pdf", 5);
}

int
label_make(const char *tmpl, const struct label_doc *d, char *out,
    size_t outsz)
{
	static const struct label_doc none;
	char		 raw[RAW_MAX], val[LABEL_FIELD_MAX + 1];
	char		 name[LABEL_SIZE];
	struct name_out	 o = { name, 0 };
	const char	*close;
	size_t		 i, k, rlen = 0, vlen;
	unsigned long	 cp;

	if (outsz > 0)
		out[0] = '\0';
	if (label_validate(tmpl, NULL, 0) != 0 || outsz < LABEL_SIZE)
		return -1;
	if (d == NULL)
		d = &none;
	for (i = 0; tmpl[i] != '\0'; i++) {
		if (tmpl[i] != '{') {
			rlen = raw_put(raw, rlen, tmpl + i, 1);
			continue;
		}
		close = strchr(tmpl + i, '}');
		vlen = field_value(d, field_lookup(tmpl + i + 1,
		    (size_t)(close - tmpl) - i - 1), val, sizeof(val));
		rlen = raw_put(raw, rlen, val, vlen);
		i = (size_t)(close - tmpl);
	}
	/* A corrected or modified document says so, whatever the template. */
	if (d->ld_change != NULL && d->ld_change[0] != '\0' &&
	    strstr(tmpl, "{change}") == NULL) {
		rlen = raw_put(raw, rlen, "_", 1);
		rlen = raw_put(raw, rlen, d->ld_change, strnlen(d->ld_change,
		    LABEL_FIELD_MAX));
	}
	for (i = 0; i < rlen && o.n_len < LABEL_MAX; i += k) {
		k = utf8_dec((const unsigned char *)raw + i, rlen - i, &cp);
		if (k == 0) {
			name_put(&o, "_", 1);
			k = 1;
		} else if (k == 1 && strchr("/\\:*?\"<>|", (int)cp) != NULL &&
		    cp != 0)
			name_put(&o, "-", 1);
		else if (k == 1 && (cp <= 0x20 || cp == 0x7f))
			name_put(&o, "_", 1);
		else if (k > 1 && dropped(cp))
			;
		else if (k > 1 && blankish(cp))
			name_put(&o, "_", 1);
		else
			name_put(&o, raw + i, k);
	}
	name_finish(&o);
	memcpy(out, name, o.n_len + 5);
	return 0;
}

/*
 * clean_line -- s[0..n) as one printable line into out (cap bytes,
 * NUL included): control and blank characters become one space,
 * invalid UTF-8 '?', invisible characters are dropped; "..." marks a cut.
 */
static void
clean_line(const char *s, size_t n, char *out, size_t cap)
{
	const unsigned char	*u = (const unsigned char *)s;
	size_t			 i, k, o = 0;
	unsigned long		 cp;
	int			 cut = 0;

	for (i = 0; i < n && !cut; i += k) {
		const char	*put;
		size_t		 plen;

		k = utf8_dec(u + i, n - i, &cp);
		if (k == 0) {
			k = 1;
			put = "?";
			plen = 1;
		} else if ((k == 1 && (cp < 0x20 || cp == 0x7f || cp == ' ')) ||
		    (k > 1 && blankish(cp))) {
			if (o == 0 || out[o - 1] == ' ')
				continue;
			put = " ";
			plen = 1;
		} else if (k > 1 && dropped(cp))
			continue;
		else {
			put = s + i;
			plen = k;
		}
		if (o + plen > cap - 1) {
			cut = 1;
			break;
		}
		memcpy(out + o, put, plen);
		o += plen;
	}
	if (cut) {
		while (o > 0 && o + 3 > cap - 1)
			do
				o--;
			while (o > 0 && ((unsigned char)out[o] & 0xc0) == 0x80);
		if (o + 3 <= cap - 1) {
			memcpy(out + o, "...", 3);
			o += 3;
		}
	}
	while (o > 0 && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
}

int
label_description(const struct label_doc *d, char *out, size_t outsz)
{
	char		 raw[RAW_MAX];
	size_t		 len = 0;
	int		 w;
	const char	*court, *cas, *entry, *desc;

	if (outsz == 0)
		return -1;
	out[0] = '\0';
	if (d == NULL)
		return 0;
	court = d->ld_court ? d->ld_court : "";
	cas = d->ld_case ? d->ld_case : "";
	entry = d->ld_entry ? d->ld_entry : "";
	desc = d->ld_desc ? d->ld_desc : "";
	w = snprintf(raw, sizeof(raw), "%.*s%s%.*s", LABEL_FIELD_MAX, court,
	    court[0] && cas[0] ? " " : "", LABEL_FIELD_MAX, cas);
	len = w > 0 ? (size_t)w : 0;
	if (d->ld_claim != NULL && d->ld_claim[0] != '\0' &&
	    len < sizeof(raw)) {
		w = snprintf(raw + len, sizeof(raw) - len, "%sclaim %.*s",
		    len ? " " : "", LABEL_FIELD_MAX, d->ld_claim);
		len += w > 0 ? (size_t)w : 0;
	} else if (entry[0] != '\0' && len < sizeof(raw)) {
		w = snprintf(raw + len, sizeof(raw) - len, "%sECF %.*s",
		    len ? " " : "", LABEL_FIELD_MAX, entry);
		len += w > 0 ? (size_t)w : 0;
	}
	if (d->ld_att > 0 && len < sizeof(raw)) {
		w = snprintf(raw + len, sizeof(raw) - len, "%sattachment %u",
		    entry[0] ? ", " : len ? " " : "", d->ld_att);
		len += w > 0 ? (size_t)w : 0;
	}
	if (desc[0] != '\0' && len < sizeof(raw)) {
		w = snprintf(raw + len, sizeof(raw) - len, "%s%.*s",
		    len ? ": " : "", LABEL_FIELD_MAX, desc);
		len += w > 0 ? (size_t)w : 0;
	}
	if (d->ld_change != NULL && d->ld_change[0] != '\0' &&
	    len < sizeof(raw)) {
		w = snprintf(raw + len, sizeof(raw) - len, " (%.*s)",
		    LABEL_FIELD_MAX, d->ld_change);
		len += w > 0 ? (size_t)w : 0;
	}
	if (len >= sizeof(raw))
		len = sizeof(raw) - 1;
	clean_line(raw, len, out, outsz < LABEL_DESCRIPTION_SIZE ? outsz :
	    LABEL_DESCRIPTION_SIZE);
	return 0;
}

int
label_date(const char *in, char out[LABEL_DATE_SIZE])
{
	int	y = 0, m = 0, d = 0, n = 0, ny = 0;

	out[0] = '\0';
	if (in == NULL)
		return -1;
	while (*in == ' ' || *in == '\t')
		in++;
	if (sscanf(in, "%4d-%2d-%2d%n", &y, &m, &d, &n) == 3 && n == 10 &&
	    strspn(in, "0123456789-") >= 10)
		ny = 4;
	else if (sscanf(in, "%2d/%2d/%n", &m, &d, &n) == 2 && n > 0) {
		const char *yp = in + n;

		ny = (int)strspn(yp, "0123456789");
		if ((ny != 2 && ny != 4) || strspn(in, "0123456789/") !=
		    (size_t)n + (size_t)ny)
			return -1;
		sscanf(yp, "%4d", &y);
		if (ny == 2)
			y += 2000;
		n += ny;
	} else
		return -1;
	while (in[n] == ' ' || in[n] == '\t' || in[n] == '\r' || in[n] == '\n')
		n++;
	if (in[n] != '\0' || m < 1 || m > 12 || d < 1 || d > 31 || y < 1900)
		return -1;
	snprintf(out, LABEL_DATE_SIZE, "%04u-%02u-%02u", (unsigned)y % 10000u,
	    (unsigned)m % 100u, (unsigned)d % 100u);
	return 0;
}
