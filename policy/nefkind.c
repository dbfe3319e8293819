/*
 * NAME
 *	nefkind 3 - not a notice, or which kind of notice
 * SUMMARY
 *	rejection phrases, markers, and the four kinds of notice
 * SYNOPSIS
 *	#include "nefkind.h"
 *
 *	enum nef_reason nefkind_reject(const struct nefline_doc *d,
 *	    const char *subject, int has_image);
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

static const struct reject rejects[] = {
	{ "notice of electronic claims filing", NEF_R_CLAIMS },
	{ "this is an announcement e-mail message", NEF_R_ANNOUNCEMENT },
	{ "join zoomgov meeting", NEF_R_ZOOM },
	{ "modified dkt text from", NEF_R_MODIFIED },
	{ "modified date filed from", NEF_R_MODIFIED },
	{ "added correct pdf to document", NEF_R_MODIFIED },
	{ NULL, NEF_R_NONE }
};

enum nef_reason
nefkind_reject(const struct nefline_doc *d, const char *subj, int has_image)
{
	size_t		 i;

	if (d->nd_len == 0)
		return NEF_R_EMPTY;
	for (i = 0; rejects[i].rj_text != NULL; i++)
		if (nefline_doc_find(d, 0, d->nd_len, rejects[i].rj_text))
			return rejects[i].rj_reason;
	if (subj != NULL) {
		size_t sl = strnlen(subj, NEF_SUBJECT_MAX);
		const char *p = nefline_find(subj, sl, "docket entry #");

		if (p != NULL && nefline_find(p, sl - (size_t)(p - subj),
		    "has been updated") != NULL)
			return NEF_R_MODIFIED;
	}
	if (nefline_doc_find(d, 0, d->nd_len, "notice of electronic filing") ==
	    NULL && nefline_doc_find(d, 0, d->nd_len,
	    "notice of docket activity") == NULL)
		return NEF_R_NO_MARKER;
	if (has_image)
		return NEF_R_IMAGE;
	return NEF_R_NONE;
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
