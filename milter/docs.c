/*
 * NAME
 *	docs 3 - the documents of a notice: store first, then fetch
 * SYNOPSIS
 *	#include "docs.h"
 * DESCRIPTION
 *	See docs.h.  The store is read first; what it lacks is claimed
 *	(claim.h, in sorted key order, waiting at most the fetch budget plus
 *	a margin), the store is read again, and the rest is fetched; claims
 *	are released once every fetched PDF is in the store.
 * DIAGNOSTICS
 *	Store failures are logged with the queue id; a PDF the store could
 *	not take is still attached, from its temporary file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "claim.h"
#include "docs.h"
#include "docslinks.h"
#include "fetch.h"
#include "log.h"
#include "nef.h"
#include "store.h"
#include "store_doc.h"
#include "store_outcome.h"
#include "text.h"

#define DOCS_CLAIM_MARGIN_MS	30000
#define DOCS_OUTCOME		(-100)	/* a stored outcome, not a status */
#define DOCS_COMPLETE		250	/* link outcome: the whole set is known;
					   its detail is the number of documents */

static struct docs_item *docs_item_new(struct docs_set *);
static int	docs_from_store(const struct docs_req *, struct docs_set *,
		    size_t, struct docslinks_info *);
static int	docs_from_store2(const struct docs_req *, struct docs_set *,
		    size_t, struct docslinks_info *, struct store_doc *, int *, int *,
		    int, int);
static void	docs_lookup(const struct docs_req *, const struct docs_link *,
		    const struct docslinks_info *, struct store_doc *, int *,
		    int *, int, int);
static int	docs_incomplete(struct docslinks_info *, const int *, int);
static int	docs_entry_items(const struct docs_req *, struct docs_set *,
		    size_t, const struct store_doc *);
static int	docs_stored_items(struct docs_set *, size_t,
		    const struct store_doc *, const int *, const int *, int, int);
struct keep_ctx;
struct fetch_doc;
static void	docs_keep(struct keep_ctx *, struct fetch_set *);
static void	docs_held(const struct docs_req *, const struct docs_link *, int,
		    struct docs_item *);
static void	docs_on_pdf(void *, struct fetch_doc *);
static void	docs_doc(const struct docs_req *, const struct docs_link *, int,
		    const struct fetch_doc *, struct store_doc *);
static void	docs_complete(const struct docs_req *, const struct docs_link *,
		    const struct fetch_set *, size_t, const struct docslinks_info *);
static void	docs_outcome(const struct docs_req *, const struct docs_link *,
		    const struct fetch_set *, const struct fetch_doc *, int, int,
		    const char *);
static int	docs_cmp_links(const void *, const void *);
struct docs_run;
static int	docs_run_store(struct docs_run *);
static void	docs_run_claim(struct docs_run *, long);
static int	docs_run_unfetched(struct docs_run *, size_t);
static int	docs_run_plan(struct docs_run *);
static int	docs_run_fetch(struct docs_run *);
static void	docs_run_end(struct docs_run *);

const char *
docs_result_name(int r)
{
	return r == DOCS_TOMBSTONED ? "tombstoned" : fetch_result_name(r);
}

static struct docs_item *
docs_item_new(struct docs_set *s)
{
	struct docs_item	*v;

	if ((v = realloc(s->ds_items, (s->ds_nitems + 1) * sizeof(*v))) == NULL)
		return NULL;
	s->ds_items = v;
	v += s->ds_nitems++;
	memset(v, 0, sizeof(*v));
	return v;
}

/* Serve link k from the store when every document is there.  1 when
 * served (items added), 0 when not, -1 on memory. */
static int
docs_from_store(const struct docs_req *r, struct docs_set *s, size_t k,
    struct docslinks_info *li)
{
	struct store_doc	*d;
	int			 rc[NEF_MAX_DOCS], oc[NEF_MAX_DOCS], natt, a0, ret;

	const struct docs_link	*l = &s->ds_links[k];
	struct docs_item	*it;
	char			 detail[STORE_OUTCOME_DETAIL_MAX + 1];
	int			 whole;

	if (r->dr_store == NULL)
		return 0;
	a0 = li->li_acms ? li->li_att0 : 0;
	natt = li->li_expected > 0 ? li->li_expected : 1;
	/* What an earlier fetch learned about the link as a whole: how many
	 * documents its menu held, or that the link itself failed. */
	if (!li->li_acms && store_outcome_get(r->dr_store, l->dl_court,
	    l->dl_key, STORE_ATT_ANY, &whole, detail, sizeof(detail)) == STORE_OK) {
		if (whole == DOCS_COMPLETE)
			natt = (int)strtol(detail, NULL, 10);
		else {
			if ((it = docs_item_new(s)) == NULL)
				return -1;
			it->di_link = k;
			it->di_from_store = 1;
			it->di_result = whole;
			it->di_desc = strdup(detail);
			text_strlcpy(it->di_detail, "as for an earlier copy",
			    sizeof(it->di_detail));
			return 1;
		}
	}
	if (natt < 1)
		natt = 1;
	if (natt > NEF_MAX_DOCS)
		natt = NEF_MAX_DOCS;
	if ((d = calloc((size_t)natt, sizeof(*d))) == NULL)
		return -1;
	ret = docs_from_store2(r, s, k, li, d, rc, oc, natt, a0);
	free(d);
	return ret;
}

/* Look up each of the natt documents of link l from attachment a0: its
 * record into d[i], its status (or DOCS_OUTCOME with oc[i], a stored
 * outcome) into rc[i]. */
static void
docs_lookup(const struct docs_req *r, const struct docs_link *l,
    const struct docslinks_info *li, struct store_doc *d, int *rc, int *oc,
    int natt, int a0)
{
	int	att, i;

	for (i = 0; i < natt; i++) {
		att = a0 + i;
		rc[i] = store_doc_get(r->dr_store, l->dl_court, l->dl_key,
		    (unsigned)att, &d[i]);
		if (rc[i] == STORE_OK &&
		    store_doc_verify(r->dr_store, &d[i], 0) != STORE_OK) {
			log_warn(r->dr_id, "stored document %s/%s#%d is missing "
			    "or damaged in the store; fetching again",
			    l->dl_court, l->dl_key, att);
			rc[i] = STORE_EMISSING;
		}
		if (rc[i] == STORE_ENOTFOUND && li->li_usable &&
		    store_outcome_get(r->dr_store, l->dl_court, l->dl_key,
		    (unsigned)att, &oc[i], d[i].d_desc,
		    sizeof(d[i].d_desc)) == STORE_OK && oc[i] != DOCS_COMPLETE)
			rc[i] = DOCS_OUTCOME;
	}
}

/* When a document is neither stored, purged nor settled by an outcome,
 * remember what is held, for the fetch to skip.  1 when so, 0 when every
 * one is accounted for, -1 (memory). */
static int
docs_incomplete(struct docslinks_info *li, const int *rc, int natt)
{
	int	i;

	for (i = 0; i < natt; i++)
		if (rc[i] != STORE_OK && rc[i] != STORE_ETOMBSTONED &&
		    rc[i] != DOCS_OUTCOME)
			break;
	if (i == natt)
		return 0;
	free(li->li_have);
	if ((li->li_have = calloc((size_t)natt, 1)) == NULL)
		return -1;
	li->li_nhave = (size_t)natt;
	for (i = 0; i < natt; i++)
		li->li_have[i] = rc[i] == STORE_OK || rc[i] == STORE_ETOMBSTONED;
	return 1;
}

/* A menu of unknown size whose first document d0 is stored: items for
 * what the entry has stored under the link's key.  1 when served, 0 when
 * not, -1 (memory). */
static int
docs_entry_items(const struct docs_req *r, struct docs_set *s, size_t k,
    const struct store_doc *d0)
{
	const struct docs_link	*l = &s->ds_links[k];
	struct docs_item	*it;
	struct store_doc	*all = NULL;
	size_t			 na = 0, j;

	if (store_doc_list(r->dr_store, l->dl_court, d0->d_docket,
	    d0->d_entry, &all, &na) != STORE_OK || na == 0) {
		free(all);
		return 0;
	}
	for (j = 0; j < na; j++) {
		if (strcmp(all[j].d_key, l->dl_key) != 0)
			continue;
		if ((it = docs_item_new(s)) == NULL) {
			free(all);
			return -1;
		}
		it->di_link = k;
		it->di_attno = (int)all[j].d_att;
		it->di_result = FETCH_PDF;
		it->di_from_store = it->di_in_store = 1;
		it->di_doc = all[j];
		it->di_desc = strdup(all[j].d_desc);
	}
	free(all);
	return 1;
}

/* One item per document looked up (docs_lookup()).  1, or -1 (memory). */
static int
docs_stored_items(struct docs_set *s, size_t k, const struct store_doc *d,
    const int *rc, const int *oc, int natt, int a0)
{
	struct docs_item	*it;
	int			 i;

	for (i = 0; i < natt; i++) {
		if ((it = docs_item_new(s)) == NULL)
			return -1;
		it->di_link = k;
		it->di_attno = a0 + i;
		it->di_from_store = 1;
		if (rc[i] == STORE_ETOMBSTONED) {
			it->di_result = DOCS_TOMBSTONED;
			text_strlcpy(it->di_detail, "purged by the firm",
			    sizeof(it->di_detail));
			it->di_desc = strdup("");
			continue;
		}
		if (rc[i] == DOCS_OUTCOME) {
			it->di_result = oc[i];
			text_strlcpy(it->di_detail, "as for an earlier copy",
			    sizeof(it->di_detail));
			it->di_desc = strdup(d[i].d_desc);
			continue;
		}
		it->di_result = FETCH_PDF;
		it->di_in_store = 1;
		it->di_doc = d[i];
		it->di_desc = strdup(d[i].d_desc);
	}
	return 1;
}

/* The documents of link k from the store, natt of them from attachment
 * a0 (d, rc and oc have room for natt).  1 when served, 0 when not, -1
 * (memory). */
static int
docs_from_store2(const struct docs_req *r, struct docs_set *s, size_t k,
    struct docslinks_info *li, struct store_doc *d, int *rc, int *oc, int natt,
    int a0)
{
	int	inc;

	docs_lookup(r, &s->ds_links[k], li, d, rc, oc, natt, a0);
	if ((inc = docs_incomplete(li, rc, natt)) != 0)
		return inc < 0 ? -1 : 0;
	if (li->li_expected == 0 && rc[0] == STORE_OK)
		return docs_entry_items(r, s, k, &d[0]);
	return docs_stored_items(s, k, d, rc, oc, natt, a0);
}

/* Remember a lasting non-PDF outcome, so that later copies of the notice
 * do not ask again.  A link that gave one answer where several documents
 * were expected failed as a whole (its menu).  Only the court's own
 * answers last: a refusal judges the link as one copy wrote it (plain
 * http, a host off the list), and another copy may carry a good link. */
static void
docs_outcome(const struct docs_req *r, const struct docs_link *l,
    const struct fetch_set *fs, const struct fetch_doc *fd, int expected,
    int att, const char *desc)
{
	size_t		i, n = 0;
	unsigned	a = (unsigned)att;
	int		rc;

	if (r->dr_store == NULL || (fd->fd_result != FETCH_LOGIN &&
	    fd->fd_result != FETCH_UNAVAILABLE && fd->fd_result != FETCH_TOO_LARGE))
		return;
	for (i = 0; i < fs->fs_ndocs; i++)
		n += fs->fs_docs[i].fd_link == fd->fd_link;
	if (n == 1 && expected != 1)
		a = STORE_ATT_ANY;
	if ((rc = store_outcome_put(r->dr_store, l->dl_court, l->dl_key, a,
	    fd->fd_result, desc, r->dr_now)) != STORE_OK)
		log_warn(r->dr_id, "store: outcome of %s/%s#%d not recorded: %s",
		    l->dl_court, l->dl_key, att, store_strerror(rc));
}

/*
 * After a fetch of link fl that ended with no transient failure, record
 * how many documents the link holds, so that a later copy knows the set
 * is complete (the court's menu, not the notice's count, is the truth).
 */
static void
docs_complete(const struct docs_req *r, const struct docs_link *l,
    const struct fetch_set *fs, size_t fl, const struct docslinks_info *li)
{
	char	n[16];
	size_t	i, docs = 0;
	int	maxatt = -1, pdf = 0;

	if (r->dr_store == NULL || li->li_acms)
		return;
	for (i = 0; i < fs->fs_ndocs; i++) {
		const struct fetch_doc *fd = &fs->fs_docs[i];

		if (fd->fd_link != fl)
			continue;
		if (fd->fd_result == FETCH_ERROR || fd->fd_result == FETCH_REFUSED)
			return;
		docs++;
		pdf |= fd->fd_result == FETCH_PDF;
		if (fd->fd_attno > maxatt)
			maxatt = fd->fd_attno;
	}
	if (docs == 0 || (docs == 1 && !pdf))
		return;		/* a whole-link outcome, or nothing */
	snprintf(n, sizeof(n), "%d", maxatt + 1);
	if (store_outcome_put(r->dr_store, l->dl_court, l->dl_key,
	    STORE_ATT_ANY, DOCS_COMPLETE, n, r->dr_now) != STORE_OK)
		log_warn(r->dr_id, "store: the document count of %s/%s was not "
		    "recorded", l->dl_court, l->dl_key);
}

/* Store what was fetched and turn it into items. */
/* A PDF put in the store as soon as it arrived (docs_on_pdf()). */
struct kept {
	size_t		 k_link;	/* fetch link index */
	int		 k_att;
	int		 k_rc;		/* store status */
	struct store_doc k_doc;
};

struct keep_ctx {
	const struct docs_req	*kc_r;
	struct docs_set		*kc_s;
	struct docslinks_info	*kc_li;
	size_t			*kc_map;
	struct kept		*kc_v;
	size_t			 kc_n;
};

/* The store record of a fetched document. */
static void
docs_doc(const struct docs_req *r, const struct docs_link *l, int att,
    const struct fetch_doc *fd, struct store_doc *d)
{
	memset(d, 0, sizeof(*d));
	text_strlcpy(d->d_court, l->dl_court, sizeof(d->d_court));
	text_strlcpy(d->d_key, l->dl_key, sizeof(d->d_key));
	d->d_att = (unsigned)att;
	text_strlcpy(d->d_docket, docslinks_docket(r->dr_nef, l->dl_case),
	    sizeof(d->d_docket));
	d->d_entry = docslinks_entry(r->dr_nef, l->dl_case);
	text_strlcpy(d->d_sha256, fd->fd_sha256, sizeof(d->d_sha256));
	d->d_size = fd->fd_size;
	r->dr_label(r->dr_label_arg, r->dr_nef, att, fd->fd_desc,
	    d->d_label, sizeof(d->d_label));
	text_strlcpy(d->d_desc, fd->fd_desc ? fd->fd_desc : "", sizeof(d->d_desc));
}

/* fetch_pdf_fn: store a PDF the moment it is complete. */
static void
docs_on_pdf(void *arg, struct fetch_doc *fd)
{
	struct keep_ctx		*kc = arg;
	const struct docs_req	*r = kc->kc_r;
	size_t			 k = kc->kc_map[fd->fd_link];
	const struct docs_link	*l = &kc->kc_s->ds_links[k];
	struct kept		*v, *e;
	int			 att = kc->kc_li[k].li_acms ? kc->kc_li[k].li_att0 :
				    fd->fd_attno;

	if ((v = realloc(kc->kc_v, (kc->kc_n + 1) * sizeof(*v))) == NULL)
		return;		/* docs_keep() stores it later */
	kc->kc_v = v;
	e = &v[kc->kc_n++];
	e->k_link = fd->fd_link;
	e->k_att = fd->fd_attno;
	docs_doc(r, l, att, fd, &e->k_doc);
	e->k_rc = r->dr_store ? store_doc_put(r->dr_store, &e->k_doc,
	    fd->fd_path, r->dr_now) : STORE_ENOSTORE;
	if (e->k_rc == STORE_OK) {
		free(fd->fd_path);
		fd->fd_path = NULL;
	}
}

/* An attachment the store held while the rest of its menu was fetched. */
static void
docs_held(const struct docs_req *r, const struct docs_link *l, int att,
    struct docs_item *it)
{
	int	rc;

	it->di_from_store = 1;
	rc = store_doc_get(r->dr_store, l->dl_court, l->dl_key, (unsigned)att,
	    &it->di_doc);
	it->di_detail[0] = '\0';
	if (rc == STORE_OK) {
		it->di_result = FETCH_PDF;
		it->di_in_store = 1;
		free(it->di_desc);
		it->di_desc = strdup(it->di_doc.d_desc);
	} else if (rc == STORE_ETOMBSTONED) {
		it->di_result = DOCS_TOMBSTONED;
		text_strlcpy(it->di_detail, "purged by the firm", sizeof(it->di_detail));
	} else {
		it->di_result = FETCH_ERROR;
		snprintf(it->di_detail, sizeof(it->di_detail), "the stored copy "
		    "is gone: %s", store_strerror(rc));
	}
}

/* Turn what was fetched into items; every PDF is in the store by now,
 * or its temporary file becomes the item's. */
static void
docs_keep(struct keep_ctx *kc, struct fetch_set *fs)
{
	const struct docs_req	*r = kc->kc_r;
	struct docs_set		*s = kc->kc_s;
	struct docslinks_info	*li = kc->kc_li;
	size_t			*map = kc->kc_map;
	size_t			 i, j;
	struct fetch_doc	*fd;
	struct docs_item	*it;
	const struct docs_link	*l;
	const struct kept	*e;
	int			 att;

	for (i = 0; i < fs->fs_ndocs; i++) {
		fd = &fs->fs_docs[i];
		l = &s->ds_links[map[fd->fd_link]];
		att = li[map[fd->fd_link]].li_acms ?
		    li[map[fd->fd_link]].li_att0 : fd->fd_attno;
		if ((it = docs_item_new(s)) == NULL)
			return;
		it->di_link = map[fd->fd_link];
		it->di_attno = att;
		it->di_result = fd->fd_result;
		it->di_ms = fd->fd_ms;
		text_strlcpy(it->di_detail, fd->fd_detail, sizeof(it->di_detail));
		it->di_desc = strdup(fd->fd_desc ? fd->fd_desc : "");
		if (fd->fd_result == FETCH_HELD) {
			docs_held(r, l, att, it);
			continue;
		}
		if (fd->fd_result != FETCH_PDF) {
			docs_outcome(r, l, fs, fd, li[map[fd->fd_link]].li_expected,
			    att, it->di_desc);
			continue;
		}
		s->ds_nfetched++;
		for (j = 0, e = NULL; j < kc->kc_n && e == NULL; j++)
			if (kc->kc_v[j].k_link == fd->fd_link &&
			    kc->kc_v[j].k_att == fd->fd_attno)
				e = &kc->kc_v[j];
		if (e == NULL) {	/* the callback could not record it */
			docs_on_pdf(kc, fd);
			e = kc->kc_n > 0 ? &kc->kc_v[kc->kc_n - 1] : NULL;
			if (e == NULL || e->k_link != fd->fd_link ||
			    e->k_att != fd->fd_attno) {
				it->di_result = FETCH_ERROR;
				text_strlcpy(it->di_detail, "out of memory",
				    sizeof(it->di_detail));
				continue;
			}
		}
		it->di_doc = e->k_doc;
		if (e->k_rc == STORE_OK) {
			it->di_in_store = 1;
		} else if (e->k_rc == STORE_ETOMBSTONED) {
			it->di_result = DOCS_TOMBSTONED;
			text_strlcpy(it->di_detail, "purged by the firm",
			    sizeof(it->di_detail));
		} else {
			log_err(r->dr_id, "document %s/%s#%d (sha256 %s) could not "
			    "be stored: %s; it is attached from its temporary file",
			    l->dl_court, l->dl_key, att, fd->fd_sha256,
			    store_strerror(e->k_rc));
			it->di_path = fd->fd_path;	/* ours now */
			fd->fd_path = NULL;
		}
	}
}

static int
docs_cmp_links(const void *a, const void *b)
{
	const struct docs_link *x = *(const struct docs_link *const *)a;
	const struct docs_link *y = *(const struct docs_link *const *)b;
	int c = strcmp(x->dl_court, y->dl_court);

	return c ? c : strcmp(x->dl_key, y->dl_key);
}

/* The working state of one docs_collect(). */
struct docs_run {
	const struct docs_req	 *u_r;
	struct docs_set		 *u_s;
	struct docslinks_info	 *u_li;
	struct fetch_link	 *u_fl;		/* what to fetch */
	size_t			 *u_map;	/* u_fl[i] is link u_map[i] */
	size_t			  u_nf;
	struct docs_link	**u_order;	/* the links by court and key */
};

/* The store first: every link it serves is complete; u_order gets the
 * links in key order.  0 or -1 (memory). */
static int
docs_run_store(struct docs_run *u)
{
	struct docs_set	*s = u->u_s;
	size_t		 i;
	int		 served;

	for (i = 0; i < s->ds_nlinks; i++) {
		if ((served = docs_from_store(u->u_r, s, i, &u->u_li[i])) < 0)
			return -1;
		u->u_li[i].li_complete = served;
		u->u_order[i] = &s->ds_links[i];
	}
	qsort(u->u_order, s->ds_nlinks, sizeof(*u->u_order), docs_cmp_links);
	return 0;
}

/* Claim, in key order, each document the store lacks and a fetch could
 * get, waiting at most wait_ms for another copy's fetch of it. */
static void
docs_run_claim(struct docs_run *u, long wait_ms)
{
	const struct docs_req	*r = u->u_r;
	struct docs_set		*s = u->u_s;
	struct docslinks_info	*li = u->u_li;
	size_t			 i, k;

	for (i = 0; i < s->ds_nlinks; i++) {
		k = (size_t)(u->u_order[i] - s->ds_links);
		if (i > 0 && docs_cmp_links(&u->u_order[i - 1],
		    &u->u_order[i]) == 0)
			continue;
		if (r->dr_fetch != NULL && li[k].li_usable && !li[k].li_complete) {
			claim_take(s->ds_links[k].dl_court, s->ds_links[k].dl_key,
			    wait_ms, r->dr_id, r->dr_tick, r->dr_tick_arg);
			li[k].li_claimed = 1;
		}
	}
}

/* An item for link i, which is not fetched. */
static int
docs_run_unfetched(struct docs_run *u, size_t i)
{
	struct docs_item	*it;
	const struct docslinks_info *li = &u->u_li[i];

	if ((it = docs_item_new(u->u_s)) == NULL)
		return -1;
	it->di_link = i;
	it->di_attno = li->li_acms ? li->li_att0 : 0;
	it->di_result = FETCH_NO_DOCUMENT;
	it->di_desc = strdup("");
	text_strlcpy(it->di_detail, !li->li_usable ?
	    "no usable free-look link (no magic number)" :
	    "not fetched", sizeof(it->di_detail));
	return 0;
}

/* The store again for what was claimed (a copy waited for may have
 * filled it); then what is left goes to u_fl, or becomes an item when it
 * cannot be fetched.  0 or -1 (memory). */
static int
docs_run_plan(struct docs_run *u)
{
	struct docs_set		*s = u->u_s;
	struct docslinks_info	*li = u->u_li;
	size_t			 i;
	int			 served;

	for (i = 0; i < s->ds_nlinks; i++) {
		if (li[i].li_complete)
			continue;
		if (li[i].li_claimed) {
			if ((served = docs_from_store(u->u_r, s, i, &li[i])) < 0)
				return -1;
			if (served) {
				li[i].li_complete = 1;
				continue;
			}
		}
		if (!li[i].li_usable || u->u_r->dr_fetch == NULL) {
			if (docs_run_unfetched(u, i) != 0)
				return -1;
			continue;
		}
		u->u_fl[u->u_nf].fl_url = s->ds_links[i].dl_url;
		u->u_fl[u->u_nf].fl_expected = li[i].li_expected;
		u->u_fl[u->u_nf].fl_have = li[i].li_have;
		u->u_fl[u->u_nf].fl_nhave = li[i].li_nhave;
		u->u_map[u->u_nf++] = i;
		s->ds_links[i].dl_fetched = 1;
	}
	return 0;
}

/* Fetch u_fl from the court; what comes back becomes items.  0 or -1
 * (memory). */
static int
docs_run_fetch(struct docs_run *u)
{
	const struct docs_req	*r = u->u_r;
	struct fetch_opts	 fo = *r->dr_fetch;
	struct keep_ctx		 kc = { r, u->u_s, u->u_li, u->u_map, NULL, 0 };
	struct fetch_set	*fs = NULL;
	size_t			 i;

	fo.fo_on_pdf = docs_on_pdf;
	fo.fo_on_pdf_arg = &kc;
	fo.fo_tick = r->dr_tick;
	fo.fo_tick_arg = r->dr_tick_arg;
	if (fetch_run(&fo, r->dr_id, u->u_fl, u->u_nf, &fs) != 0) {
		free(kc.kc_v);
		fetch_set_free(fs);
		return -1;
	}
	docs_keep(&kc, fs);
	free(kc.kc_v);
	for (i = 0; i < u->u_nf; i++)
		docs_complete(r, &u->u_s->ds_links[u->u_map[i]], fs, i,
		    &u->u_li[u->u_map[i]]);
	fetch_set_free(fs);
	return 0;
}

/* The claims are released and the working state freed (not u_s). */
static void
docs_run_end(struct docs_run *u)
{
	struct docs_set	*s = u->u_s;
	size_t		 i;

	for (i = 0; u->u_li != NULL && i < s->ds_nlinks; i++)
		if (u->u_li[i].li_claimed)
			claim_release(s->ds_links[i].dl_court, s->ds_links[i].dl_key);
	free(u->u_order);
	free(u->u_fl);
	free(u->u_map);
	for (i = 0; u->u_li != NULL && i < s->ds_nlinks; i++)
		free(u->u_li[i].li_have);
	free(u->u_li);
}

int
docs_collect(const struct docs_req *r, struct docs_set **out)
{
	struct docs_run	 u;
	struct docs_set	*s;
	long		 wait_ms;

	*out = NULL;
	if ((s = calloc(1, sizeof(*s))) == NULL)
		return -1;
	memset(&u, 0, sizeof(u));
	u.u_r = r;
	u.u_s = s;
	if (docslinks_collect(r->dr_nef, s, &u.u_li) != 0)
		goto nomem;
	if (s->ds_nlinks == 0) {
		*out = s;
		free(u.u_li);
		return 0;
	}
	/* The store first; then claims, in sorted key order, for what it
	 * lacks; then the store again (a copy we waited for may have filled
	 * it); then the court. */
	wait_ms = (r->dr_fetch ? r->dr_fetch->fo_budget_ms : 0) + DOCS_CLAIM_MARGIN_MS;
	if ((u.u_order = calloc(s->ds_nlinks, sizeof(*u.u_order))) == NULL ||
	    (u.u_fl = calloc(s->ds_nlinks, sizeof(*u.u_fl))) == NULL ||
	    (u.u_map = calloc(s->ds_nlinks, sizeof(*u.u_map))) == NULL ||
	    docs_run_store(&u) != 0)
		goto nomem;
	docs_run_claim(&u, wait_ms);
	if (docs_run_plan(&u) != 0 || (u.u_nf > 0 && docs_run_fetch(&u) != 0))
		goto nomem;
	docs_run_end(&u);
	*out = s;
	return 0;
nomem:
	docs_run_end(&u);
	docs_free(s);
	return -1;
}

struct docs_set *
docs_free(struct docs_set *s)
{
	size_t	i;

	if (s == NULL)
		return NULL;
	for (i = 0; i < s->ds_nitems; i++) {
		if (s->ds_items[i].di_path != NULL) {
			unlink(s->ds_items[i].di_path);
			free(s->ds_items[i].di_path);
		}
		free(s->ds_items[i].di_desc);
	}
	for (i = 0; i < s->ds_nlinks; i++)
		free(s->ds_links[i].dl_url);
	free(s->ds_items);
	free(s->ds_links);
	free(s);
	return NULL;
}
