/*
 * NAME
 *	nefclaim 3 - claims of a Notice of Electronic Claims Filing
 * SUMMARY
 *	"Creditor Name:", "Claim Number:", "Amount Claimed:" -> struct nef_claim
 * SYNOPSIS
 *	#include "nefclaim.h"
 *
 *	int nefclaim_label(struct nefclaim_rd *r, struct nef *n, int ci,
 *	    const struct nefline_doc *d, const struct nefline *l);
 *	void nefclaim_line(struct nefclaim_rd *r, struct nef *n,
 *	    const struct nefline_doc *d, const struct nefline *l);
 *	void nefclaim_end(struct nefclaim_rd *r, struct nef *n);
 *	void nefclaim_finish(struct nefclaim_rd *r, struct nef *n,
 *	    const struct nefline_doc *d);
 * DESCRIPTION
 *	See nefclaim.h.  A claim record starts at a claim label when there
 *	is none yet or the current one already has that field.  An amount
 *	left blank on its line takes the next line only when that line is
 *	an amount ("$1,643.92", "0.00").
 * DIAGNOSTICS
 *	None: memory errors leave fields NULL.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "nef.h"
#include "nefclaim.h"
#include "neffield.h"
#include "nefline.h"

struct amount_label {
	const char	*al_text;	/* lowercase, after "amount " */
	int		 al_amount;
};

static const struct amount_label amounts[] = {
	{ "claimed", NEF_AMOUNT_CLAIMED }, { "secured", NEF_AMOUNT_SECURED },
	{ "priority", NEF_AMOUNT_PRIORITY },
	{ "unsecured", NEF_AMOUNT_UNSECURED },
	{ "admin", NEF_AMOUNT_ADMIN }, { NULL, 0 }
};

/* How an address line starts (lowercase). */
static const char *const address_starts[] = { "po box", "p.o. box",
	"p.o.box", "p o box", "p. o. box", "post office box", "c/o", "attn",
	"attention:", "suite ", "ste. ", "ste ", NULL };

/* What ends the short form of a creditor's name (lowercase). */
static const char *const agent_words[] = { " as agent", " as assignee",
	" as servicer", " as successor", " c/o ", " attn", ", as ", " by ",
	NULL };

static struct nef_claim *claim_new(struct nefclaim_rd *, struct nef *, int);
static struct nef_claim *claim_for(struct nefclaim_rd *, struct nef *, int,
		    int, int);
static int	 is_amount(const char *, size_t);
static void	 set_amount(struct nef *, struct nef_claim *, int, const char *,
		    size_t);
static void	 set_number(struct nef *, struct nef_claim *, const char *,
		    size_t);
static int	 zip_line(const char *, size_t);
static int	 address_line(const char *, size_t);
static size_t	 split_line(const char *, size_t);
static void	 creditor(struct nef *, struct nef_claim *, const char *,
		    size_t);
static char	*short_name(struct nef *, const char *);
static void	 claim_link(struct nef *, const struct nefline_doc *);

static struct nef_claim *
claim_new(struct nefclaim_rd *r, struct nef *n, int ci)
{
	struct nef_claim *c;

	if (n->n_nclaims >= NEF_MAX_CLAIMS) {
		n->n_trunc |= NEF_TRUNC_TEXT;
		return n->n_nclaims > 0 ? &n->n_claims[n->n_nclaims - 1] : NULL;
	}
	c = arena_grow(n->n_arena, n->n_claims, n->n_nclaims, sizeof *c,
	    &r->cr_cap, n->n_nclaims + 1);
	if (c == NULL)
		return NULL;
	n->n_claims = c;
	c = &c[n->n_nclaims++];
	memset(c, 0, sizeof *c);
	c->cl_case = ci;
	return c;
}

/* The claim a label of kind k (amount a) fills. */
static struct nef_claim *
claim_for(struct nefclaim_rd *r, struct nef *n, int ci, int k, int a)
{
	struct nef_claim *c = n->n_nclaims > 0 ?
	    &n->n_claims[n->n_nclaims - 1] : NULL;

	if (c == NULL || c->cl_case != ci ||
	    (k == NL_CREDITOR && c->cl_creditor != NULL) ||
	    (k == NL_CLAIM_NUMBER && c->cl_number != NULL) ||
	    (k == NL_AMOUNT && c->cl_amount[a] != NULL))
		c = claim_new(r, n, ci);
	return c;
}

static int
is_amount(const char *s, size_t len)
{
	size_t	i = 0;

	if (len > 0 && s[0] == '$')
		i++;
	if (i >= len || !isdigit((unsigned char)s[i]))
		return 0;
	for (; i < len; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != ',' && s[i] != '.')
			return 0;
	return 1;
}

static void
set_amount(struct nef *n, struct nef_claim *c, int a, const char *v,
    size_t vn)
{
	while (vn > 0 && isspace((unsigned char)*v)) {
		v++;
		vn--;
	}
	while (vn > 0 && isspace((unsigned char)v[vn - 1]))
		vn--;
	if (c != NULL && vn > 0 && a >= 0 && a < NEF_AMOUNT_N)
		c->cl_amount[a] = neffield_dup(n, v, vn, 64);
}

/* "1 Claims Register" -> "1". */
static void
set_number(struct nef *n, struct nef_claim *c, const char *v, size_t vn)
{
	size_t	i = 0, k;

	while (i < vn && isspace((unsigned char)v[i]))
		i++;
	if (i < vn && v[i] == '#')
		i++;
	for (k = i; k < vn && k - i < 16 && isdigit((unsigned char)v[k]); k++)
		;
	if (c != NULL && k > i)
		c->cl_number = arena_strndup(n->n_arena, v + i, k - i);
}

int
nefclaim_label(struct nefclaim_rd *r, struct nef *n, int ci,
    const struct nefline_doc *d, const struct nefline *l)
{
	const char	*lab = d->nd_lower + l->l_off;
	const char	*v = d->nd_text + l->l_val;
	size_t		 vn = l->l_off + l->l_len - l->l_val, i;
	struct nef_claim *c;
	int		 a = 0;

	nefclaim_end(r, n);
	if (l->l_kind == NL_AMOUNT) {
		for (i = 0; amounts[i].al_text != NULL; i++)
			if (strncmp(lab + 7, amounts[i].al_text,
			    strlen(amounts[i].al_text)) == 0)
				break;
		a = amounts[i].al_text != NULL ? amounts[i].al_amount : 0;
	}
	if ((c = claim_for(r, n, ci, (int)l->l_kind, a)) == NULL)
		return 0;
	while (vn > 0 && isspace((unsigned char)*v)) {
		v++;
		vn--;
	}
	switch (l->l_kind) {
	case NL_CREDITOR:
		r->cr_in_creditor = 1;
		if (r->cr_cred.sb_max == 0)
			strbuf_init(&r->cr_cred, NEF_FIELD_MAX);
		strbuf_reset(&r->cr_cred);
		strbuf_append(&r->cr_cred, v, vn);
		return 1;
	case NL_CLAIM_NUMBER:
		set_number(n, c, v, vn);
		r->cr_pend = c->cl_number == NULL ? NL_CLAIM_NUMBER : 0;
		return r->cr_pend != 0;
	default:
		set_amount(n, c, a, v, vn);
		r->cr_pend = c->cl_amount[a] == NULL ? NL_AMOUNT : 0;
		r->cr_amount = a;
		return r->cr_pend != 0;
	}
}

void
nefclaim_line(struct nefclaim_rd *r, struct nef *n,
    const struct nefline_doc *d, const struct nefline *l)
{
	const char	*s = d->nd_text + l->l_off;
	struct nef_claim *c = n->n_nclaims > 0 ?
	    &n->n_claims[n->n_nclaims - 1] : NULL;

	if (c == NULL)
		return;
	if (r->cr_in_creditor) {
		if (r->cr_cred.sb_len > 0)
			strbuf_putc(&r->cr_cred, '\n');
		strbuf_append(&r->cr_cred, s, l->l_len);
		return;
	}
	if (r->cr_pend == NL_CLAIM_NUMBER)
		set_number(n, c, s, l->l_len);
	else if (r->cr_pend == NL_AMOUNT && is_amount(s, l->l_len))
		set_amount(n, c, r->cr_amount, s, l->l_len);
	r->cr_pend = 0;
}

void
nefclaim_end(struct nefclaim_rd *r, struct nef *n)
{
	struct nef_claim *c = n->n_nclaims > 0 ?
	    &n->n_claims[n->n_nclaims - 1] : NULL;

	if (r->cr_in_creditor && c != NULL) {
		if (strbuf_error(&r->cr_cred))
			n->n_trunc |= NEF_TRUNC_TEXT;
		creditor(n, c, strbuf_str(&r->cr_cred), r->cr_cred.sb_len);
	}
	r->cr_in_creditor = 0;
	r->cr_pend = 0;
	strbuf_reset(&r->cr_cred);
}

/* Ends with a state and a ZIP code ("Kirkland, WA 98083-0788")? */
static int
zip_line(const char *s, size_t len)
{
	size_t	e = len, z;

	while (e > 0 && isspace((unsigned char)s[e - 1]))
		e--;
	for (z = e; z > 0 && (isdigit((unsigned char)s[z - 1]) ||
	    s[z - 1] == '-'); z--)
		;
	if (e - z < 5 || !isdigit((unsigned char)s[z]) || z < 4 ||
	    s[z - 1] != ' ')
		return 0;
	return isupper((unsigned char)s[z - 2]) &&
	    isupper((unsigned char)s[z - 3]) &&
	    (s[z - 4] == ' ' || s[z - 4] == ',');
}

static int
address_line(const char *s, size_t len)
{
	size_t	i, k;

	for (i = 0; address_starts[i] != NULL; i++) {
		k = strlen(address_starts[i]);
		if (len >= k && strncasecmp(s, address_starts[i], k) == 0)
			return 1;
	}
	for (k = 0; k < len && isdigit((unsigned char)s[k]); k++)
		;
	if (k > 0 && k < len && s[k] == ' ')
		return 1;	/* a street number */
	return zip_line(s, len);
}

/* Where an address starts inside a one-line creditor (0: nowhere). */
static size_t
split_line(const char *s, size_t len)
{
	size_t	i, k;

	for (i = 1; i < len; i++) {
		if (s[i - 1] != ' ')
			continue;
		for (k = 0; address_starts[k] != NULL; k++)
			if (len - i >= strlen(address_starts[k]) &&
			    strncasecmp(s + i, address_starts[k],
			    strlen(address_starts[k])) == 0)
				return i;
		if (isdigit((unsigned char)s[i]) && zip_line(s, len) &&
		    address_line(s + i, len - i))
			return i;
	}
	return 0;
}

static void
creditor(struct nef *n, struct nef_claim *c, const char *s, size_t len)
{
	struct strbuf	 name = STRBUF_INIT, addr = STRBUF_INIT;
	const char	*p = s, *nl, *end = s + len;
	size_t		 ll, cut;
	int		 in_addr = 0;

	strbuf_init(&name, NEF_FIELD_MAX);
	strbuf_init(&addr, NEF_FIELD_MAX);
	for (; p < end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		ll = (size_t)(nl - p);
		if (ll == 0)
			continue;
		if (!in_addr && name.sb_len > 0 && address_line(p, ll))
			in_addr = 1;
		if (!in_addr && name.sb_len == 0 && (cut = split_line(p, ll))) {
			strbuf_append(&name, p, cut - 1);
			p += cut;
			ll -= cut;
			in_addr = 1;
		}
		if (in_addr && addr.sb_len > 0)
			strbuf_puts(&addr, ", ");
		else if (!in_addr && name.sb_len > 0)
			strbuf_putc(&name, ' ');
		strbuf_append(in_addr ? &addr : &name, p, ll);
	}
	if (strbuf_error(&name) || strbuf_error(&addr))
		n->n_trunc |= NEF_TRUNC_TEXT;
	if (name.sb_len > 0) {
		c->cl_creditor = neffield_fold(n, strbuf_str(&name),
		    name.sb_len, 0);
		c->cl_creditor_short = short_name(n, c->cl_creditor);
	}
	if (addr.sb_len > 0)
		c->cl_address = neffield_fold(n, strbuf_str(&addr), addr.sb_len,
		    0);
	strbuf_free(&name);
	strbuf_free(&addr);
}

static char *
short_name(struct nef *n, const char *name)
{
	size_t		 i, len;
	const char	*p, *cut = NULL;

	if (name == NULL)
		return NULL;
	len = strlen(name);
	for (i = 0; agent_words[i] != NULL; i++)
		if ((p = nefline_find(name, len, agent_words[i])) != NULL &&
		    p > name && (cut == NULL || p < cut))
			cut = p;
	if (cut != NULL)
		len = (size_t)(cut - name);
	while (len > 0 && (name[len - 1] == ',' || name[len - 1] == ' '))
		len--;
	return neffield_dup(n, name, len, 0);
}

/* Every doc1 link that carries claim fields goes to its claim. */
static void
claim_link(struct nef *n, const struct nefline_doc *d)
{
	size_t	i, k;

	for (i = 0; i < d->nd_nlinks; i++) {
		const struct nefline_link *l = &d->nd_links[i];
		struct nef_claim *c = NULL;

		if (l->k_dl.dl_kind != DOCLINK_DOC1 ||
		    (l->k_dl.dl_claim_id[0] == '\0' &&
		    l->k_dl.dl_claim_num[0] == '\0'))
			continue;
		for (k = 0; k < n->n_nclaims && c == NULL; k++)
			if (!n->n_claims[k].cl_has_link &&
			    n->n_claims[k].cl_number != NULL &&
			    strcmp(n->n_claims[k].cl_number,
			    l->k_dl.dl_claim_num) == 0)
				c = &n->n_claims[k];
		for (k = 0; k < n->n_nclaims && c == NULL; k++)
			if (!n->n_claims[k].cl_has_link)
				c = &n->n_claims[k];
		if (c == NULL)
			continue;
		c->cl_has_link = 1;
		c->cl_link = l->k_dl;
		c->cl_link_url = (char *)l->k_url;
		n->n_link_flags |= l->k_dl.dl_flags;
	}
}

void
nefclaim_finish(struct nefclaim_rd *r, struct nef *n,
    const struct nefline_doc *d)
{
	size_t	i;

	nefclaim_end(r, n);
	claim_link(n, d);
	if (n->n_nclaims == 0)
		n->n_partial |= NEF_PART_CLAIM_NUMBER | NEF_PART_CLAIM_LINK |
		    NEF_PART_CREDITOR;
	for (i = 0; i < n->n_nclaims; i++) {
		struct nef_claim *c = &n->n_claims[i];
		struct nef_case *k = c->cl_case >= 0 &&
		    (size_t)c->cl_case < n->n_ncases ? &n->n_cases[c->cl_case] :
		    NULL;

		c->cl_filer = n->n_entered_by;
		if (c->cl_number == NULL)
			n->n_partial |= NEF_PART_CLAIM_NUMBER;
		if (c->cl_creditor == NULL)
			n->n_partial |= NEF_PART_CREDITOR;
		if (!c->cl_has_link) {
			n->n_partial |= NEF_PART_CLAIM_LINK;
			continue;
		}
		if (k != NULL && !k->c_has_link) {
			k->c_has_link = 1;
			k->c_link = c->cl_link;
			k->c_link_url = c->cl_link_url;
		}
	}
}

void
nefclaim_free(struct nefclaim_rd *r)
{
	strbuf_free(&r->cr_cred);
}

const char *
nefclaim_amount_name(int a)
{
	static const char *const names[NEF_AMOUNT_N] = { "claimed", "secured",
	    "priority", "unsecured", "admin" };

	return a >= 0 && a < NEF_AMOUNT_N ? names[a] : "?";
}
