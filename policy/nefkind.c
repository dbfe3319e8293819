/*
 * NAME
 *	nefkind 3 - not a notice, or which kind of notice
 * SUMMARY
 *	headings, structure, rejection phrases, and the kinds of notice
 * SYNOPSIS
 *	#include "nefkind.h"
 *
 *	enum nef_class nefkind_class(const struct nefline_doc *d);
 *	enum nef_reason nefkind_judge(const struct nefline_doc *d,
 *	    const struct nef *n, const struct nefkind_seen *seen,
 *	    int has_image);
 *	enum nef_kind nefkind_detect(const struct nefline_doc *d,
 *	    const struct nef *n, const char *from);
 * DESCRIPTION
 *	See nefkind.h.  Searches go through nefline_doc_find() (linear).
 * DIAGNOSTICS
 *	None.
 */
#include <string.h>

#include "nef.h"
#include "nefkind.h"
#include "nefline.h"

struct reject {
	const char	*rj_text;	/* lowercase */
	enum nef_reason	 rj_reason;
};

/* Phrases of mail that is not a notice unless it has a notice's whole
 * structure. */
static const struct reject rejects[] = {
	{ "this is an announcement e-mail message", NEF_R_ANNOUNCEMENT },
	{ "join zoomgov meeting", NEF_R_ZOOM },
	{ NULL, NEF_R_NONE }
};

/* Phrases that say what a message without a notice's structure is. */
static const struct reject kinds_of[] = {
	{ "notice of electronic claims filing", NEF_R_CLAIMS },
	{ "modified dkt text from", NEF_R_MODIFIED },
	{ "modified date filed from", NEF_R_MODIFIED },
	{ "added correct pdf to document", NEF_R_MODIFIED },
	{ NULL, NEF_R_NONE }
};

struct marker {
	const char	*mk_text;	/* lowercase */
	enum nef_class	 mk_class;
};

static const struct marker markers[] = {
	{ "notice of electronic claims filing", NEF_CLASS_CLAIM },
	{ "notice of electronic filing", NEF_CLASS_NEF },
	{ "notice of docket activity", NEF_CLASS_NDA },
	{ "notice of bankruptcy case filing", NEF_CLASS_NEW_CASE },
	{ NULL, NEF_CLASS_STRUCTURE }
};

static enum nef_reason	phrase(const struct nefline_doc *,
			    const struct reject *);
static int		structure(const struct nef *,
			    const struct nefkind_seen *);

static enum nef_reason
phrase(const struct nefline_doc *d, const struct reject *t)
{
	size_t	i;

	for (i = 0; t[i].rj_text != NULL; i++)
		if (nefline_doc_find(d, 0, d->nd_len, t[i].rj_text))
			return t[i].rj_reason;
	return NEF_R_NONE;
}

enum nef_class
nefkind_class(const struct nefline_doc *d)
{
	size_t	i;

	for (i = 0; markers[i].mk_text != NULL; i++)
		if (nefline_doc_find(d, 0, d->nd_len, markers[i].mk_text))
			break;
	return markers[i].mk_class;
}

/* The transaction line, a case number, and two of: a document (or the
 * label of its number), docket text, the "electronically mailed to"
 * list. */
static int
structure(const struct nef *n, const struct nefkind_seen *seen)
{
	size_t	i;
	int	doc = n->n_ndocs > 0 || seen->ks_doc_label, text = 0, got;

	if (!seen->ks_transaction || n->n_ncases == 0)
		return 0;
	for (i = 0; i < n->n_ncases; i++) {
		const struct nef_case *c = &n->n_cases[i];

		if (c->c_number == NULL)
			return 0;
		doc |= c->c_has_link || c->c_doc_number != NULL;
		text |= c->c_text != NULL && c->c_text[0] != '\0';
	}
	got = doc + text + (seen->ks_listed || n->n_nlisted > 0);
	return got >= 2;
}

enum nef_reason
nefkind_judge(const struct nefline_doc *d, const struct nef *n,
    const struct nefkind_seen *seen, int has_image)
{
	enum nef_reason	 r = phrase(d, rejects);
	int		 notice;

	if (d->nd_len == 0)
		return NEF_R_EMPTY;
	if (r != NEF_R_NONE || n->n_class == NEF_CLASS_STRUCTURE)
		notice = structure(n, seen);
	else
		notice = n->n_ncases > 0;
	if (notice)
		return has_image ? NEF_R_IMAGE : NEF_R_NONE;
	if (r != NEF_R_NONE)
		return r;
	if ((r = phrase(d, kinds_of)) != NEF_R_NONE)
		return r;
	return n->n_class == NEF_CLASS_STRUCTURE ? NEF_R_NO_MARKER :
	    NEF_R_NO_CASE;
}

enum nef_kind
nefkind_detect(const struct nefline_doc *d, const struct nef *n,
    const char *from)
{
	size_t			 i;

	for (i = 0; i < d->nd_nlinks; i++)
		if (d->nd_links[i].k_dl.dl_kind == DOCLINK_ACMS)
			return NEF_ACMS;
	if (nefline_doc_find(d, 0, d->nd_len, "notice of docket activity")) {
		if (from != NULL && nefline_find(from,
		    strlen(from), ".fedcourts.us") != NULL)
			return NEF_ACMS;
		for (i = 0; i < n->n_ncases; i++)
			if (n->n_cases[i].c_case_link_id == NULL &&
			    nefline_doc_find(d, 0, d->nd_len,
			    "will not receive this electronic notice"))
				return NEF_ACMS;
		return NEF_APPELLATE;
	}
	if (nefline_doc_find(d, 0, d->nd_len, "bankruptcy court") ||
	    nefline_doc_find(d, 0, d->nd_len, "transaction was received from") ||
	    nefline_doc_find(d, 0, d->nd_len, "bkecfstamp"))
		return NEF_BANKRUPTCY;
	for (i = 0; i < n->n_ncases; i++) {
		const char *t = n->n_cases[i].c_docket.d_type;

		if (strcmp(t, "bk") == 0 || strcmp(t, "ap") == 0)
			return NEF_BANKRUPTCY;
	}
	return NEF_DISTRICT;
}

const char *
nef_kind_name(enum nef_kind k)
{
	static const char *const names[] = { "not-a-notice", "district",
	    "bankruptcy", "appellate", "acms", "claim" };

	return (unsigned)k < sizeof names / sizeof names[0] ? names[k] : "?";
}

struct reason_name {
	const char	*rn_name, *rn_text;
};

static const struct reason_name reason_names[] = {
	{ "none", "a notice" },
	{ "empty", "no text" },
	{ "no-marker", "no \"Notice of Electronic Filing\" or \"Notice of "
	    "Docket Activity\"" },
	{ "announcement", "a court announcement" },
	{ "claims", "a notice of electronic claims filing" },
	{ "modified", "a modified-entry notice" },
	{ "zoom", "a Zoom meeting invitation" },
	{ "image", "the message has an image part" },
	{ "no-case", "no case could be read" },
	{ "no-body", "the message has no text part" },
	{ "bad-mime", "the message could not be read" },
};

const char *
nef_reason_name(enum nef_reason r)
{
	return (unsigned)r < sizeof reason_names / sizeof reason_names[0] ?
	    reason_names[r].rn_name : "?";
}

const char *
nef_reason_text(enum nef_reason r)
{
	return (unsigned)r < sizeof reason_names / sizeof reason_names[0] ?
	    reason_names[r].rn_text : "?";
}

const char *
nef_class_name(enum nef_class c)
{
	static const char *const names[] = { "nef", "nda", "new-case",
	    "claim", "structure" };

	return (unsigned)c < sizeof names / sizeof names[0] ? names[c] : "?";
}

static const struct partial_name {
	unsigned	 pn_bit;
	const char	*pn_name, *pn_text;
} partial_names[] = {
	{ NEF_PART_DOCUMENT, "document", "the document link or number" },
	{ NEF_PART_TEXT, "docket-text", "the docket text" },
	{ NEF_PART_RECIPIENTS, "recipients",
	    "the list of who was noticed electronically" },
	{ NEF_PART_DATE, "date-filed", "the date filed" },
	{ NEF_PART_CLAIM_LINK, "claim-link", "the claim's document link" },
	{ NEF_PART_CLAIM_NUMBER, "claim-number", "the claim number" },
	{ NEF_PART_CREDITOR, "creditor", "the creditor" },
	{ NEF_PART_ENTRY, "changed-entry", "which entry was changed" },
	{ 0, NULL, NULL }
};

const char *
nef_partial_name(unsigned bit)
{
	size_t	i;

	for (i = 0; partial_names[i].pn_name != NULL; i++)
		if (partial_names[i].pn_bit == bit)
			return partial_names[i].pn_name;
	return "?";
}

const char *
nef_partial_text(unsigned bit)
{
	size_t	i;

	for (i = 0; partial_names[i].pn_name != NULL; i++)
		if (partial_names[i].pn_bit == bit)
			return partial_names[i].pn_text;
	return "?";
}
