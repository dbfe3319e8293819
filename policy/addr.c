/*
 * NAME
 *	addr 3 - e-mail address helpers
 * SUMMARY
 *	clean, split, compare and validate addresses; match domain lists
 * SYNOPSIS
 *	#include "addr.h"
 *
 *	int addr_clean(const char *in, char *out, size_t outsz);
 *	int addr_domain(const char *addr, char *dom, size_t domsz);
 *	int addr_equal(const char *a, const char *b);
 *	int addr_domain_in(const char *domain, const char *const *list,
 *	    size_t n);
 *	int addr_in_domains(const char *addr, const char *const *list,
 *	    size_t n);
 *	int addr_validate(const char *addr, char *why, size_t whysz);
 *	int addr_from_header(const char *value, char *out, size_t outsz);
 * DESCRIPTION
 *	See addr.h.  Only ASCII letters are case-folded; bytes >= 0x80 are
 *	compared as they are.
 * DIAGNOSTICS
 *	Functions returning int status give 0 or -1; the predicates give
 *	1 or 0.  addr_validate() explains a refusal in English.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "addr.h"
#include "text.h"

static int	is_blank(int);
static int	lower(int);
static const char *last_at(const char *, size_t);
static int	domain_suffix(const char *, size_t, const char *);
static int	why_set(char *, size_t, const char *);
static int	is_atext(int);
static int	check_local(const char *, size_t, char *, size_t);
static int	check_domain(const char *, size_t, char *, size_t);
static int	skip_comment(const char *, size_t *, size_t);
static int	skip_quoted(const char *, size_t *, size_t);

static int
is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
lower(int c)
{
	return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}

static const char *
last_at(const char *s, size_t len)
{
	while (len > 0) {
		len--;
		if (s[len] == '@')
			return s + len;
	}
	return NULL;
}

/*
 * addr_clean -- trim blanks and one pair of angle brackets, lowercase the
 * domain.  Parameters: in (NUL-terminated), out/outsz.  Returns 0 or -1.
 */
int
addr_clean(const char *in, char *out, size_t outsz)
{
	size_t		 b, e, n, i;
	const char	*at;

	if (outsz > 0)
		out[0] = '\0';
	if (in == NULL || outsz == 0)
		return -1;
	b = 0;
	e = strlen(in);
	while (b < e && is_blank((unsigned char)in[b]))
		b++;
	while (e > b && is_blank((unsigned char)in[e - 1]))
		e--;
	if (b < e && in[b] == '<') {
		if (in[e - 1] != '>' || e - b < 2)
			return -1;
		b++;
		e--;
		while (b < e && is_blank((unsigned char)in[b]))
			b++;
		while (e > b && is_blank((unsigned char)in[e - 1]))
			e--;
	} else if (b < e && in[e - 1] == '>')
		return -1;
	n = e - b;
	if (n > ADDR_MAX || n + 1 > outsz)
		return -1;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[b + i];

		if (c < 0x20 || c == 0x7f || c == '<' || c == '>')
			return -1;
	}
	memcpy(out, in + b, n);
	out[n] = '\0';
	if ((at = last_at(out, n)) != NULL)
		for (i = (size_t)(at - out) + 1; i < n; i++)
			out[i] = (char)lower((unsigned char)out[i]);
	return 0;
}

int
addr_domain(const char *addr, char *dom, size_t domsz)
{
	char		 buf[ADDR_SIZE];
	const char	*at;
	size_t		 n;

	if (domsz > 0)
		dom[0] = '\0';
	if (addr_clean(addr, buf, sizeof(buf)) != 0)
		return -1;
	if ((at = last_at(buf, strlen(buf))) == NULL)
		return -1;
	n = strlen(at + 1);
	if (n == 0 || n > ADDR_DOMAIN_MAX || n + 1 > domsz)
		return -1;
	memcpy(dom, at + 1, n + 1);
	return 0;
}

int
addr_equal(const char *a, const char *b)
{
	char	ca[ADDR_SIZE], cb[ADDR_SIZE];

	if (addr_clean(a, ca, sizeof(ca)) != 0 ||
	    addr_clean(b, cb, sizeof(cb)) != 0)
		return 0;
	if (ca[0] == '\0' || cb[0] == '\0')
		return 0;
	return strcasecmp(ca, cb) == 0;
}

/*
 * domain_suffix -- 1 when d[0..dlen) equals entry or ends in "." entry.
 * The entry's decorations ("*.", ".", "@", trailing ".") are ignored.
 */
static int
domain_suffix(const char *d, size_t dlen, const char *entry)
{
	size_t	elen;

	while (*entry == ' ' || *entry == '\t')
		entry++;
	if (entry[0] == '*' && entry[1] == '.')
		entry += 2;
	while (*entry == '.' || *entry == '@')
		entry++;
	elen = strlen(entry);
	while (elen > 0 && (entry[elen - 1] == '.' || entry[elen - 1] == ' ' ||
	    entry[elen - 1] == '\t'))
		elen--;
	if (elen == 0 || elen > dlen)
		return 0;
	if (strncasecmp(d + dlen - elen, entry, elen) != 0)
		return 0;
	return dlen == elen || d[dlen - elen - 1] == '.';
}

int
addr_domain_in(const char *domain, const char *const *list, size_t n)
{
	size_t	dlen, i;

	if (domain == NULL || list == NULL)
		return 0;
	dlen = strlen(domain);
	while (dlen > 0 && domain[dlen - 1] == '.')
		dlen--;
	if (dlen == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (list[i] != NULL && domain_suffix(domain, dlen, list[i]))
			return 1;
	return 0;
}

int
addr_in_domains(const char *addr, const char *const *list, size_t n)
{
	char	dom[ADDR_SIZE];

	if (addr_domain(addr, dom, sizeof(dom)) != 0)
		return 0;
	return addr_domain_in(dom, list, n);
}

static int
why_set(char *why, size_t whysz, const char *msg)
{
	if (why != NULL && whysz > 0)
		text_strlcpy(why, msg, whysz);
	return -1;
}

/* RFC 5322 atext. */
static int
is_atext(int c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9'))
		return 1;
	return c != '\0' && strchr("!#$%&'*+-/=?^_`{|}~", c) != NULL;
}

static int
check_local(const char *s, size_t n, char *why, size_t whysz)
{
	size_t	i;

	if (n == 0)
		return why_set(why, whysz, "empty local part (nothing before '@')");
	if (n > ADDR_LOCAL_MAX)
		return why_set(why, whysz, "local part longer than 64 bytes");
	if (s[0] == '"') {
		if (n < 2 || s[n - 1] != '"')
			return why_set(why, whysz, "unbalanced quote in local part");
		for (i = 1; i + 1 < n; i++) {
			unsigned char c = (unsigned char)s[i];

			if (c == '\\' && i + 2 < n) {
				i++;
				continue;
			}
			if (c == '"' || c == '\\')
				return why_set(why, whysz,
				    "bad quoting in local part");
			if (c < 0x20 || c >= 0x7f)
				return why_set(why, whysz,
				    "control or non-ASCII byte in local part");
		}
		return 0;
	}
	if (s[0] == '.' || s[n - 1] == '.')
		return why_set(why, whysz, "local part starts or ends with '.'");
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x80)
			return why_set(why, whysz, "non-ASCII local part");
		if (c == '.' && s[i + 1] == '.')
			return why_set(why, whysz, "'..' in local part");
		if (c != '.' && !is_atext(c))
			return why_set(why, whysz,
			    "character not allowed in local part (quote it)");
	}
	return 0;
}

static int
check_domain(const char *s, size_t n, char *why, size_t whysz)
{
	size_t	i, lab = 0, labels = 0;
	int	alpha_tld = 0;

	if (n == 0)
		return why_set(why, whysz, "empty domain (nothing after '@')");
	if (n > ADDR_DOMAIN_MAX)
		return why_set(why, whysz, "domain longer than 255 bytes");
	if (s[0] == '[')
		return why_set(why, whysz, "address literals are not accepted");
	for (i = 0; i <= n; i++) {
		unsigned char c = i < n ? (unsigned char)s[i] : '.';

		if (c == '.') {
			if (lab == 0)
				return why_set(why, whysz,
				    "empty label in domain ('..' or a dot at "
				    "either end)");
			if (s[i - 1] == '-')
				return why_set(why, whysz,
				    "domain label ends with '-'");
			labels++;
			lab = 0;
			continue;
		}
		if (c >= 0x80)
			return why_set(why, whysz,
			    "non-ASCII domain (write its xn-- form)");
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-'))
			return why_set(why, whysz,
			    "character not allowed in domain");
		if (lab == 0 && c == '-')
			return why_set(why, whysz,
			    "domain label starts with '-'");
		if (++lab > 63)
			return why_set(why, whysz,
			    "domain label longer than 63 bytes");
		alpha_tld = (lab == 1) ? !(c >= '0' && c <= '9') :
		    (alpha_tld || !(c >= '0' && c <= '9'));
	}
	if (labels < 2)
		return why_set(why, whysz, "domain has no dot");
	if (!alpha_tld)
		return why_set(why, whysz, "top-level domain is all digits");
	return 0;
}

int
addr_validate(const char *addr, char *why, size_t whysz)
{
	char		 buf[ADDR_SIZE];
	const char	*at;
	size_t		 n;

	if (why != NULL && whysz > 0)
		why[0] = '\0';
	if (addr == NULL || strlen(addr) > ADDR_HEADER_MAX)
		return why_set(why, whysz, "address too long");
	if (addr_clean(addr, buf, sizeof(buf)) != 0)
		return why_set(why, whysz, strlen(addr) > ADDR_MAX ?
		    "address longer than 320 bytes" :
		    "control character or stray angle bracket");
	n = strlen(buf);
	if (n == 0)
		return why_set(why, whysz, "empty address");
	if ((at = last_at(buf, n)) == NULL)
		return why_set(why, whysz, "no '@' in address");
	if (check_local(buf, (size_t)(at - buf), why, whysz) != 0)
		return -1;
	return check_domain(at + 1, n - (size_t)(at - buf) - 1, why, whysz);
}

/* Skip a (possibly nested) comment starting at s[*i] == '('. */
static int
skip_comment(const char *s, size_t *i, size_t n)
{
	int	depth = 0;

	for (; *i < n; (*i)++) {
		if (s[*i] == '\\' && *i + 1 < n)
			(*i)++;
		else if (s[*i] == '(')
			depth++;
		else if (s[*i] == ')' && --depth == 0) {
			(*i)++;
			return 0;
		}
	}
	return -1;
}

/* Skip a quoted string starting at s[*i] == '"'. */
static int
skip_quoted(const char *s, size_t *i, size_t n)
{
	for ((*i)++; *i < n; (*i)++) {
		if (s[*i] == '\\' && *i + 1 < n)
			(*i)++;
		else if (s[*i] == '"') {
			(*i)++;
			return 0;
		}
	}
	return -1;
}

/*
 * addr_from_header -- the addr-spec of the single mailbox of a header
 * value.  An angle-addr wins; without one the whole value less comments
 * must be one addr-spec.  Returns 0 or -1.
 */
int
addr_from_header(const char *value, char *out, size_t outsz)
{
	char	bare[ADDR_SIZE];
	size_t	n, i, j, blen = 0, ab = 0, ae = 0;
	int	angles = 0, blank = 0, phrase = 0, overflow = 0;

	if (outsz > 0)
		out[0] = '\0';
	if (value == NULL || (n = strlen(value)) > ADDR_HEADER_MAX)
		return -1;
	for (i = 0; i < n;) {
		unsigned char c = (unsigned char)value[i];

		if (c == '(') {
			if (skip_comment(value, &i, n) != 0)
				return -1;
			blank = blen > 0;
			continue;
		}
		if (c == ',' || c == ';' || c == ':')
			return -1;	/* several mailboxes, or a group */
		if (c == '<') {
			if (angles++ > 0)
				return -1;
			ab = ++i;
			while (i < n && value[i] != '>') {
				if (value[i] != '"')
					i++;
				else if (skip_quoted(value, &i, n) != 0)
					return -1;
			}
			if (i >= n)
				return -1;
			ae = i++;
			continue;
		}
		if (is_blank(c)) {
			blank = blen > 0;
			i++;
			continue;
		}
		j = i;
		if (c == '"') {
			if (skip_quoted(value, &i, n) != 0)
				return -1;
		} else
			i++;
		if (angles > 0)
			continue;	/* text after the angle-addr */
		if (blen + (i - j) + 2 > sizeof(bare)) {
			overflow = 1;
			continue;
		}
		if (blank) {
			bare[blen++] = ' ';
			phrase = 1;
		}
		blank = 0;
		memcpy(bare + blen, value + j, i - j);
		blen += i - j;
	}
	if (angles == 1) {
		if (ae - ab > ADDR_MAX)
			return -1;
		memcpy(bare, value + ab, ae - ab);
		blen = ae - ab;
	} else if (phrase || overflow)
		return -1;	/* a phrase without an angle-addr */
	bare[blen] = '\0';
	if (addr_clean(bare, out, outsz) != 0)
		return -1;
	if (out[0] == '@' || strchr(out, '@') == NULL ||
	    out[strlen(out) - 1] == '@') {
		out[0] = '\0';
		return -1;
	}
	return 0;
}
