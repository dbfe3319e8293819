/*
 * docs: the documents of one notice, store first.
 *
 * For each document link of a parsed notice, the store is asked first: a
 * copy of the same notice (for another recipient, a re-generated NEF, a
 * retry after a tempfail) is served from the store and never fetches
 * again, and a purged (tombstoned) document is never fetched nor
 * attached.  What is missing is fetched (milter/fetch.c) and every PDF is
 * put in the store before anything else happens.  Two copies processed at
 * the same moment make one fetch: the second waits for the first and then
 * reads the store.
 *
 * Links: district and bankruptcy doc1 links (one per case in a
 * bankruptcy multi-docket notice; the same doc id on every case of a
 * district multi-docket notice is fetched once, through the case whose
 * magic number is usable), appellate docs1 links, and ACMS links (one per
 * document).  A link without a usable magic number, a bankruptcy short
 * doc id without de_seq_num, or an entry with no document gives
 * "no-document" without any request.
 *
 * Store keys: court + the doc id with its 4th digit 0 (PACER's entry id)
 * + attachment number; ACMS: court + "DOCKET/ENTRY" + position.  A
 * notice that modifies or corrects an entry adds ".c" and the time of the
 * change to the key (milter/docchange.h), so its documents stay beside
 * the earlier version.
 */
#ifndef NEF_DOCS_H
#define NEF_DOCS_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"
#include "store_doc.h"

struct nef;
struct store;
struct fetch_opts;

/* Results beyond enum fetch_result. */
#define DOCS_TOMBSTONED	100	/* purged by the firm: never attached */

#define DOCS_DETAIL_MAX	160

struct docs_item {
	size_t		 di_link;	/* index in ds_links */
	int		 di_attno;	/* 0 main, N attachment N */
	int		 di_result;	/* enum fetch_result or DOCS_TOMBSTONED */
	int		 di_from_store;	/* served from an earlier copy */
	int		 di_in_store;	/* di_doc is in the store */
	struct store_doc di_doc;	/* court, key, att, sha, size, label... */
	char		*di_path;	/* a fetched file the store refused
					   (attach from here), else NULL */
	char		*di_desc;	/* description (notice or menu), "" */
	char		 di_detail[DOCS_DETAIL_MAX];
	uint32_t	 di_ms;		/* asked the court this time: how long
					   it took (fetch.h fd_ms), else 0 */
};

struct docs_link {
	char		*dl_url;	/* the link as written in the notice */
	int		 dl_case;	/* index of its case in the nef */
	char		 dl_court[STORE_COURT_MAX + 1];
	char		 dl_key[STORE_DOCKEY_MAX + 1];
	int		 dl_fetched;	/* 1: asked the court this time */
	int		 dl_usable;	/* a free look can be asked for */
	int		 dl_acms;	/* an ACMS link (dl_key is shared) */
	char		 dl_match[STORE_DOCKEY_MAX + 1];	/* what identifies
					   the link in the text: the doc id
					   with 4th digit 0, or the GUID */
};

struct docs_set {
	struct docs_link *ds_links;
	size_t		  ds_nlinks;
	struct docs_item *ds_items;
	size_t		  ds_nitems;
	size_t		  ds_nfetched;	/* documents fetched this time */
};

/* Fills a store_doc's label and description for a document. */
typedef void (*docs_label_fn)(void *arg, const struct nef *, int attno,
	    const char *desc, char *label, size_t size);

struct docs_req {
	const struct nef	*dr_nef;
	const char		*dr_id;		/* queue id, for logs */
	struct store		*dr_store;	/* may be NULL (no store) */
	const struct fetch_opts	*dr_fetch;	/* NULL: do not fetch */
	docs_label_fn		 dr_label;
	void			*dr_label_arg;
	void			(*dr_tick)(void *);	/* at least once a second
					   while waiting (progress.h); NULL */
	void			*dr_tick_arg;
	int64_t			 dr_now;
};

/*
 * Collect the documents of the notice.  Returns 0 and a new set in *out
 * (release with docs_free()), or -1 when memory ran out.  Store and fetch
 * failures do not fail the call: they show in each item's result and are
 * logged with the queue id.
 */
int	 docs_collect(const struct docs_req *, struct docs_set **out);
struct docs_set *docs_free(struct docs_set *);	/* removes di_path files */

/* "pdf", "login", ... "tombstoned". */
const char *docs_result_name(int result);

#endif
