/*
 * NAME
 *	nefrcpt 3 - one line of a recipient list
 * SUMMARY
 *	"Adaeze Okafor  aokafor@lawfirm.example, docketing@lawfirm.example"
 *	-> name and addresses
 * SYNOPSIS
 *	#include "nefrcpt.h"
 *
 *	int nefrcpt_line(struct nefrcpt *st, const struct nefline_doc *d,
 *	    const struct nefline *l, int listed, struct arena *a,
 *	    struct nef_recipient *last, struct nef_recipient *r,
 *	    unsigned *trunc);
 * DESCRIPTION
 *	The name is the text before the first address, without trailing
 *	blanks or ";"; when that is empty, the pending name line is used.
 *	Besides the person (r_name, r_addrs), the line is also read as
 *	juriscraper reads it (nef.h): r_node_name starts after the last
 *	link element that ends inside the name, and r_printed holds the
 *	address text split at ", " with the other commas removed.
 *	Under a heading of recipients noticed electronically, a line of
 *	addresses alone continues the recipient before it when that one's
 *	addresses ended in a comma or a semicolon, or when the line starts
 *	with one ("Name addr1,<br>addr2,<br>addr3" is one recipient): its
 *	addresses, both readings, are appended to that recipient's.
 * DIAGNOSTICS
 *	-1 when memory runs out.
 */
#include <ctype.h>
#include <string.h>

#include "arena.h"
#include "nef.h"
#include "nefline.h"
#include "nefrcpt.h"
#include "neftext.h"

static char	*dup_trim(struct arena *, const char *, size_t, unsigned *);
static int	printed(struct arena *, struct nef_recipient *, const char *,
		    size_t);
static char	*node_name(struct arena *, const struct nefline_doc *,
		    const struct nefline *, size_t, unsigned *);
static int	open_after(const char *, size_t, const struct nefline_addr *,
		    size_t);
static int	continues(const struct nefrcpt *, const struct nef_recipient *,
		    const char *, size_t);
static int	append(struct arena *, char ***, size_t *, char **, size_t,
		    unsigned *);
static int	extend(struct arena *, struct nef_recipient *, const char *,
		    size_t, const struct nefline_addr *, size_t, unsigned *);

static char *
dup_trim(struct arena *a, const char *s, size_t n, unsigned *trunc)
{
	char	*r;

	while (n > 0 && isspace((unsigned char)*s)) {
		s++;
		n--;
	}
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n > NEF_FIELD_MAX) {
		*trunc |= NEF_TRUNC_TEXT;
		n = NEF_FIELD_MAX;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	r = arena_strndup(a, s, n);
	if (r != NULL)
		neftext_name_commas(r);
	return r;
}

/* The name as the text node after the last link ending in it. */
static char *
node_name(struct arena *a, const struct nefline_doc *d,
    const struct nefline *l, size_t nl, unsigned *trunc)
{
	size_t	k, from = l->l_off;

	for (k = nefline_link_at(d, l->l_off); k < d->nd_nlinks &&
	    d->nd_links[k].k_start < l->l_off + nl; k++)
		if (d->nd_links[k].k_end > from &&
		    d->nd_links[k].k_end <= l->l_off + nl)
			from = d->nd_links[k].k_end;
	if (from == l->l_off)
		return NULL;
	return dup_trim(a, d->nd_text + from, l->l_off + nl - from, trunc);
}

/* The address text split as juriscraper splits it (see nef.h). */
static int
printed(struct arena *a, struct nef_recipient *r, const char *s, size_t len)
{
	const char	*p = s, *end = s + len, *sep;
	char		 tok[NEF_FIELD_MAX];
	size_t		 n, i, max = 1;

	for (i = 0; i + 1 < len; i++)
		if (s[i] == ',' && s[i + 1] == ' ')
			max++;
	if (max > NEF_MAX_ADDRS)
		max = NEF_MAX_ADDRS;
	r->r_printed = arena_alloc(a, max * sizeof *r->r_printed);
	if (r->r_printed == NULL)
		return -1;
	while (p < end && r->r_nprinted < max) {
		sep = p;
		while (sep + 1 < end && !(sep[0] == ',' && sep[1] == ' '))
			sep++;
		if (sep + 1 >= end)
			sep = end;
		for (n = 0; p < sep && n < sizeof tok - 1; p++)
			if (*p != ',' && !(n == 0 && *p == ' '))
				tok[n++] = *p;
		p = sep;
		while (n > 0 && tok[n - 1] == ' ')
			n--;
		if (n > 0 && memchr(tok, '@', n) != NULL &&
		    (r->r_printed[r->r_nprinted++] =
		    arena_strndup(a, tok, n)) == NULL)
			return -1;
		p = sep < end ? sep + 2 : end;
	}
	return 0;
}

/* The line's addresses end in a comma or a semicolon: more follow. */
static int
open_after(const char *s, size_t len, const struct nefline_addr *ad,
    size_t na)
{
	size_t	i = ad[na - 1].a_off + ad[na - 1].a_len;

	while (i < len && isspace((unsigned char)s[i]))
		i++;
	return i < len && (s[i] == ',' || s[i] == ';');
}

/* s[0..pre) comes before the line's first address: the line continues
 * last when pre holds only blanks and separators, no name line waits,
 * and last's list ended open or this one starts with a separator. */
static int
continues(const struct nefrcpt *st, const struct nef_recipient *last,
    const char *s, size_t pre)
{
	size_t	i;
	int	sep = 0;

	if (last == NULL || last->r_naddrs == 0 ||
	    last->r_section != st->rc_section || st->rc_name_line != NULL)
		return 0;
	for (i = 0; i < pre; i++) {
		if (s[i] == ',' || s[i] == ';')
			sep = 1;
		else if (!isspace((unsigned char)s[i]))
			return 0;
	}
	return sep || st->rc_open;
}

/* *v (*n items) followed by add[0..nadd), capped at NEF_MAX_ADDRS. */
static int
append(struct arena *a, char ***v, size_t *n, char **add, size_t nadd,
    unsigned *trunc)
{
	char	**nv;

	if (*n + nadd > NEF_MAX_ADDRS) {
		*trunc |= NEF_TRUNC_ADDRS;
		nadd = NEF_MAX_ADDRS - *n;
	}
	if (nadd == 0)
		return 0;
	if ((nv = arena_alloc(a, (*n + nadd) * sizeof *nv)) == NULL)
		return -1;
	if (*n > 0)
		memcpy(nv, *v, *n * sizeof *nv);
	memcpy(nv + *n, add, nadd * sizeof *nv);
	*v = nv;
	*n += nadd;
	return 0;
}

/* Append the addresses of s[0..len) (ad[0..na)) to r, both readings. */
static int
extend(struct arena *a, struct nef_recipient *r, const char *s, size_t len,
    const struct nefline_addr *ad, size_t na, unsigned *trunc)
{
	struct nef_recipient	 more;
	char			*addrs[NEF_MAX_ADDRS];
	size_t			 i;

	memset(&more, 0, sizeof more);
	for (i = 0; i < na; i++)
		if ((addrs[i] = arena_strndup(a, s + ad[i].a_off,
		    ad[i].a_len)) == NULL)
			return -1;
	if (printed(a, &more, s + ad[0].a_off, len - ad[0].a_off) != 0 ||
	    append(a, &r->r_addrs, &r->r_naddrs, addrs, na, trunc) != 0 ||
	    append(a, &r->r_printed, &r->r_nprinted, more.r_printed,
	    more.r_nprinted, trunc) != 0)
		return -1;
	return 0;
}

int
nefrcpt_line(struct nefrcpt *st, const struct nefline_doc *d,
    const struct nefline *l, int listed, struct arena *a,
    struct nef_recipient *last, struct nef_recipient *r, unsigned *trunc)
{
	const char		*s = d->nd_text + l->l_off;
	struct nefline_addr	 ad[NEF_MAX_ADDRS];
	size_t			 na, i, nl;
	int			 more;

	memset(r, 0, sizeof *r);
	na = nefline_addrs(s, l->l_len, ad, NEF_MAX_ADDRS, &more);
	if (more)
		*trunc |= NEF_TRUNC_ADDRS;
	if (na == 0 && listed) {
		st->rc_name_line = l;
		st->rc_open = 0;
		return 0;
	}
	if (na > 0 && listed && continues(st, last, s, ad[0].a_off)) {
		st->rc_open = open_after(s, l->l_len, ad, na);
		return extend(a, last, s, l->l_len, ad, na, trunc);
	}
	st->rc_open = na > 0 && open_after(s, l->l_len, ad, na);
	nl = na > 0 ? ad[0].a_off : l->l_len;
	while (nl > 0 && (isspace((unsigned char)s[nl - 1]) || s[nl - 1] == ';'))
		nl--;
	if (nl == 0 && st->rc_name_line != NULL)
		r->r_name = dup_trim(a, d->nd_text + st->rc_name_line->l_off,
		    st->rc_name_line->l_len, trunc);
	else
		r->r_name = dup_trim(a, s, nl, trunc);
	st->rc_name_line = NULL;
	r->r_node_name = na > 0 && nl > 0 ? node_name(a, d, l, nl, trunc) : NULL;
	if (r->r_node_name == NULL)
		r->r_node_name = r->r_name;
	r->r_heading_case = st->rc_heading_case;
	r->r_section = st->rc_section;
	if (r->r_name == NULL)
		return -1;
	if (na == 0)
		return 1;
	if ((r->r_addrs = arena_alloc(a, na * sizeof *r->r_addrs)) == NULL)
		return -1;
	for (i = 0; i < na; i++)
		if ((r->r_addrs[i] = arena_strndup(a, s + ad[i].a_off,
		    ad[i].a_len)) == NULL)
			return -1;
	r->r_naddrs = na;
	if (printed(a, r, s + ad[0].a_off, l->l_len - ad[0].a_off) != 0)
		return -1;
	return 1;
}
