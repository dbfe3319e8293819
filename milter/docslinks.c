/*
 * NAME
 *	docslinks 3 - the document links of a notice, as docs.c reads them
 * SYNOPSIS
 *	#include "docslinks.h"
 * DESCRIPTION
 *	See docslinks.h.  Links to the same document (same court and
 *	key) from several cases are one link, the usable one kept; an ACMS
 *	link is one document of its entry, numbered in the order of the
 *	notice.
 * DIAGNOSTICS
 *	-1 when memory runs out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docchange.h"
#include "docs.h"
#include "docslinks.h"
#include "doclink.h"
#include "nef.h"
#include "store.h"
#include "text.h"

static void	dl_key(const struct nef *, int, const struct doclink *, char *,
		    char *);
static int	dl_usable(const struct doclink *);
static int	dl_merge(struct docs_set *, struct docslinks_info *,
		    const char *, const char *, int, int, const char *);
static int	dl_grow(struct docs_set *, struct docslinks_info **, size_t *);
static void	dl_expect(const struct docs_set *, const struct docslinks_info *,
		    struct docslinks_info *, const struct nef *,
		    const struct doclink *);
static int	dl_add(struct docs_set *, struct docslinks_info **, size_t *,
		    const struct nef *, int ci, const struct doclink *,
		    const char *url);

uint32_t
docslinks_entry(const struct nef *n, int ci)
{
	const char	*s = NULL;

	if (ci >= 0 && (size_t)ci < n->n_ncases)
		s = n->n_cases[ci].c_doc_number;
	if (s == NULL && n->n_ncases > 0)
		s = n->n_cases[0].c_doc_number;
	return s != NULL ? (uint32_t)strtoul(s, NULL, 10) : 0;
}

const char *
docslinks_docket(const struct nef *n, int ci)
{
	if (ci >= 0 && (size_t)ci < n->n_ncases && n->n_cases[ci].c_key[0])
		return n->n_cases[ci].c_key;
	return n->n_ncases > 0 ? n->n_cases[0].c_key : "";
}

/* The key a link's documents are stored under, into key, and the text
 * that matches its request (the magic number for ACMS), into match. */
static void
dl_key(const struct nef *n, int ci, const struct doclink *dl,
    char *key, char *match)
{
	if (dl->dl_kind == DOCLINK_ACMS)
		snprintf(key, STORE_DOCKEY_MAX + 1, "%s/%u", docslinks_docket(n, ci),
		    (unsigned)docslinks_entry(n, ci));
	else
		text_strlcpy(key, dl->dl_doc_id_norm[0] ? dl->dl_doc_id_norm :
		    dl->dl_doc_id, STORE_DOCKEY_MAX + 1);
	text_strlcpy(match, dl->dl_kind == DOCLINK_ACMS ? dl->dl_magic : key,
	    STORE_DOCKEY_MAX + 1);
	/* a corrected entry's own key */
	docchange_key(n, key, STORE_DOCKEY_MAX + 1);
}

/* Can a request through the link get something? */
static int
dl_usable(const struct doclink *dl)
{
	if (dl->dl_magic[0] == '\0' || (dl->dl_flags & DOCLINK_F_NO_MAGIC))
		return 0;
	return !(dl->dl_kind == DOCLINK_DOC1 &&
	    (dl->dl_flags & DOCLINK_F_SHORT_DOCID) && dl->dl_seq[0] == '\0');
}

/* A link to a document already in s (same court and key, another case):
 * the usable one is kept.  1 when merged, 0 when there is none, -1
 * (memory). */
static int
dl_merge(struct docs_set *s, struct docslinks_info *li, const char *court,
    const char *key, int ci, int usable, const char *url)
{
	struct docs_link	*l;
	char			*u;
	size_t			 i;

	for (i = 0; i < s->ds_nlinks; i++) {
		l = &s->ds_links[i];
		if (strcmp(l->dl_court, court) || strcmp(l->dl_key, key))
			continue;
		if (!li[i].li_usable && usable) {
			if ((u = strdup(url)) == NULL)
				return -1;
			free(l->dl_url);
			l->dl_url = u;
			l->dl_case = ci;
			li[i].li_usable = 1;
			l->dl_usable = 1;
		}
		return 1;
	}
	return 0;
}

/* Room for one more link.  0 or -1 (memory). */
static int
dl_grow(struct docs_set *s, struct docslinks_info **lip, size_t *cap)
{
	size_t			 nc = *cap ? *cap * 2 : 8;
	struct docs_link	*nl;
	struct docslinks_info	*ni;

	if (s->ds_nlinks < *cap)
		return 0;
	if ((nl = realloc(s->ds_links, nc * sizeof(*nl))) == NULL)
		return -1;
	s->ds_links = nl;
	if ((ni = realloc(*lip, nc * sizeof(*ni))) == NULL)
		return -1;
	*lip = ni;
	*cap = nc;
	return 0;
}

/* How many documents the new link li (the last of s) should give, and
 * an ACMS document's position. */
static void
dl_expect(const struct docs_set *s, const struct docslinks_info *lv,
    struct docslinks_info *li, const struct nef *n, const struct doclink *dl)
{
	size_t	i;

	if (li->li_acms) {
		for (i = 0; i < s->ds_nlinks; i++)
			if (lv[i].li_acms)
				li->li_att0++;
		li->li_expected = 1;
	} else if (dl->dl_kind == DOCLINK_DOC1 &&
	    (n->n_contains_attachments || n->n_ndocs > 1 ||
	    (strlen(dl->dl_doc_id) > 3 && dl->dl_doc_id[3] == '0')))
		li->li_expected = n->n_ndocs > 1 ? (int)n->n_ndocs : 0;
	else
		li->li_expected = 1;
}

/* Add (or merge into an equal) link.  0 or -1 (memory). */
static int
dl_add(struct docs_set *s, struct docslinks_info **lip, size_t *cap,
    const struct nef *n, int ci, const struct doclink *dl, const char *url)
{
	struct docs_link	*l;
	struct docslinks_info	*li;
	char			 key[STORE_DOCKEY_MAX + 1];
	char			 match[STORE_DOCKEY_MAX + 1];
	int			 usable, rc, acms = dl->dl_kind == DOCLINK_ACMS;

	if (dl->dl_kind != DOCLINK_DOC1 && dl->dl_kind != DOCLINK_DOCS1 && !acms)
		return 0;
	dl_key(n, ci, dl, key, match);
	usable = dl_usable(dl);
	if (!acms && (rc = dl_merge(s, *lip, dl->dl_court, key, ci,
	    usable, url)) != 0)
		return rc < 0 ? -1 : 0;
	if (dl_grow(s, lip, cap) != 0)
		return -1;
	l = &s->ds_links[s->ds_nlinks];
	li = &(*lip)[s->ds_nlinks];
	memset(l, 0, sizeof(*l));
	memset(li, 0, sizeof(*li));
	if ((l->dl_url = strdup(url)) == NULL)
		return -1;
	l->dl_case = ci;
	text_strlcpy(l->dl_court, dl->dl_court[0] ? dl->dl_court : n->n_court,
	    sizeof(l->dl_court));
	text_strlcpy(l->dl_key, key, sizeof(l->dl_key));
	li->li_usable = usable;
	li->li_acms = acms;
	l->dl_usable = usable;
	l->dl_acms = acms;
	text_strlcpy(l->dl_match, match, sizeof(l->dl_match));
	dl_expect(s, *lip, li, n, dl);
	s->ds_nlinks++;
	return 0;
}

int
docslinks_collect(const struct nef *n, struct docs_set *s,
    struct docslinks_info **lip)
{
	size_t	i, cap = 0;

	for (i = 0; i < n->n_ncases; i++)
		if (n->n_cases[i].c_has_link && dl_add(s, lip, &cap, n,
		    (int)i, &n->n_cases[i].c_link,
		    n->n_cases[i].c_link_url ? n->n_cases[i].c_link_url : "") != 0)
			return -1;
	for (i = 0; i < n->n_ndocs; i++)
		if (n->n_docs[i].d_has_link && dl_add(s, lip, &cap, n, 0,
		    &n->n_docs[i].d_link,
		    n->n_docs[i].d_link_url ? n->n_docs[i].d_link_url : "") != 0)
			return -1;
	return 0;
}
