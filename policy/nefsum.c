/*
 * NAME
 *	nefsum 3 - summary lines for partial, claims and changed notices
 * SYNOPSIS
 *	#include "nefsum.h"
 *
 *	size_t nefsum_lines(const struct nef *n,
 *	    char (*lines)[NEFSUM_LINE_MAX], size_t max);
 * DESCRIPTION
 *	See nefsum.h.  Lines are built in a strbuf capped at
 *	NEFSUM_LINE_MAX - 1 bytes and cut on a UTF-8 boundary.
 * DIAGNOSTICS
 *	None.
 */
#include <string.h>

#include "nef.h"
#include "nefclaim.h"
#include "nefsum.h"
#include "strbuf.h"

static void	put(struct strbuf *, char *);
static void	partial(const struct nef *, struct strbuf *);
static void	claim(const struct nef_claim *, struct strbuf *);
static void	change(const struct nef *, struct strbuf *);

/* The line into out, cut on a UTF-8 boundary. */
static void
put(struct strbuf *sb, char *out)
{
	size_t	n = sb->sb_len;

	if (n > NEFSUM_LINE_MAX - 1) {
		n = NEFSUM_LINE_MAX - 1;
		while (n > 0 && ((unsigned char)sb->sb_s[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, strbuf_str(sb), n);
	out[n] = '\0';
	strbuf_reset(sb);
}

static void
partial(const struct nef *n, struct strbuf *sb)
{
	unsigned	b;
	int		k = 0;

	strbuf_puts(sb, "Could not be read from this notice: ");
	for (b = 1; b <= NEF_PART_ENTRY; b <<= 1)
		if (n->n_partial & b)
			strbuf_printf(sb, "%s%s", k++ ? ", " : "",
			    nef_partial_text(b));
	strbuf_puts(sb, ".");
}

static void
claim(const struct nef_claim *c, struct strbuf *sb)
{
	int	a, k = 0;

	strbuf_printf(sb, "Proof of claim %s", c->cl_number ? c->cl_number :
	    "(number not read)");
	if (c->cl_creditor != NULL)
		strbuf_printf(sb, " by %s", c->cl_creditor);
	for (a = 0; a < NEF_AMOUNT_N; a++)
		if (c->cl_amount[a] != NULL)
			strbuf_printf(sb, "%s%s %s", k++ ? ", " : ": amount ",
			    nefclaim_amount_name(a), c->cl_amount[a]);
	if (c->cl_filer != NULL)
		strbuf_printf(sb, "; filed by %s", c->cl_filer);
	strbuf_puts(sb, ".");
}

static void
change(const struct nef *n, struct strbuf *sb)
{
	const struct nef_change	*ch = &n->n_change;
	unsigned		 w = ch->ch_what;

	strbuf_printf(sb, "This notice changes entry %s", ch->ch_entry ?
	    ch->ch_entry : "(not named)");
	if (w & NEF_CHG_PDF)
		strbuf_puts(sb, ": a corrected PDF; the earlier version is kept");
	else if (w & NEF_CHG_TEXT)
		strbuf_puts(sb, ": its docket text was modified");
	else if (w & NEF_CHG_DATE)
		strbuf_puts(sb, ": its date filed was modified");
	else
		strbuf_puts(sb, ": it was updated");
	if ((w & (NEF_CHG_TEXT | NEF_CHG_DATE)) && ch->ch_from != NULL)
		strbuf_printf(sb, " (from \"%s\"%s%s%s)", ch->ch_from,
		    ch->ch_to ? " to \"" : "", ch->ch_to ? ch->ch_to : "",
		    ch->ch_to ? "\"" : "");
	strbuf_puts(sb, ".");
}

size_t
nefsum_lines(const struct nef *n, char (*lines)[NEFSUM_LINE_MAX], size_t max)
{
	struct strbuf	sb;
	size_t		k = 0, i;

	strbuf_init(&sb, 4 * NEFSUM_LINE_MAX);
	if (n->n_partial != 0 && k < max) {
		partial(n, &sb);
		put(&sb, lines[k++]);
	}
	for (i = 0; i < n->n_nclaims && k < max; i++) {
		claim(&n->n_claims[i], &sb);
		put(&sb, lines[k++]);
	}
	if (n->n_change.ch_what != 0 && k < max) {
		change(n, &sb);
		put(&sb, lines[k++]);
	}
	if ((n->n_court_disagree & (1u << NEF_W_DOC_LINK)) && k < max) {
		strbuf_printf(&sb, "The document link is on another court's host "
		    "(%s).", n->n_witness[NEF_W_DOC_LINK]);
		put(&sb, lines[k++]);
	}
	strbuf_free(&sb);
	return k;
}
