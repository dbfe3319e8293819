/*
 * fetch: get every document of one notice through its free-look links.
 *
 * A free look is spent by the first click, so one call must get
 * everything: the main document and every attachment.  fetch_run() takes
 * the document links of one notice and fetches them in parallel (libcurl
 * multi, at most fo_per_host connections per court host), following the
 * flow of cmecf.md section 5:
 *
 *	doc1 link, entry with attachments (doc id's 4th digit 0, or more
 *	than one document expected): GET the free-look attachment menu, then
 *	every document in it (main first) with the menu's magic number;
 *	doc1 link otherwise: GET the document (4th digit 1, use_magic=1,
 *	de_seq_num); docs1 link: GET with its uid; ACMS link: GET the GUID.
 *
 * An answer starting "%PDF-" is streamed to a temporary file under
 * fo_tmp_dir, hashed (SHA-256) on the way, and capped at
 * fo_max_doc_bytes.  Any other answer is kept in memory (at most
 * fo_max_page_bytes) and classified by policy/page.c: an iframe or a
 * script redirect is followed once, a 3xx at most FETCH_MAX_REDIRECTS
 * times, and only to an allowed URL on the same court host; a login
 * prompt ends that document at once, with no further request for it;
 * everything else is "unavailable".
 *
 * Security: https only, allow-listed hosts and paths only (url.h),
 * redirects never followed by libcurl, no credentials of any kind (no
 * user/password, no Authorization header, no .netrc, no proxy from the
 * environment), cookies only in memory and only for this one call, and a
 * connection to a loopback, private, link-local or otherwise non-public
 * address is refused unless the address is the target of a connect_to
 * entry.  No form is ever submitted: every request is a GET.
 *
 * Threads: everything lives in the call; calls on many threads at once
 * are fine once fetch_init() has run (in main, before any thread).
 */
#ifndef NEF_FETCH_H
#define NEF_FETCH_H

#include <stddef.h>
#include <stdint.h>

#include "sha.h"

struct cfg;

#define FETCH_MAX_REDIRECTS	3	/* HTTP 3xx hops per document */
#define FETCH_MAX_FOLLOWS	1	/* iframe / script redirects per document */
#define FETCH_MAX_PAGE_BYTES	(2 * 1024 * 1024)	/* HTML kept to classify */
#define FETCH_DETAIL_MAX	160
#define FETCH_TMP_MAX		4096

enum fetch_result {
	FETCH_PDF = 0,		/* fd_path holds the document */
	FETCH_LOGIN,		/* a login prompt: free look gone or restricted */
	FETCH_UNAVAILABLE,	/* sealed, restricted, not available, unknown */
	FETCH_ERROR,		/* transient: timeout, 5xx, reset, budget */
	FETCH_TOO_LARGE,	/* over max_document_bytes */
	FETCH_REFUSED,		/* not allowed: host, path, redirect, address */
	FETCH_NO_DOCUMENT,	/* nothing to fetch (no magic number, short id) */
	FETCH_HELD,		/* the caller holds it already (fl_have): not
				   asked for; the caller uses its own copy */
};

struct fetch_doc;

/*
 * Called once for each PDF as soon as it is complete (file closed, hashed),
 * while the other transfers go on, so that the caller can keep it at once:
 * a free look is spent by the first click, and a process killed later
 * must not lose what was already fetched.  The callback may take the file
 * (rename it, then free fd_path and set it to NULL).  It runs on the
 * calling thread and should be quick.
 */
typedef void (*fetch_pdf_fn)(void *arg, struct fetch_doc *doc);

struct fetch_opts {
	const char *const *fo_hosts;	/* host patterns (fetch_hosts) */
	size_t		 fo_nhosts;
	const char *const *fo_connect_to; /* HOST:PORT:CONNECT-HOST:CONNECT-PORT */
	size_t		 fo_nconnect_to;
	const char	*fo_ca_file;	/* NULL or "": the system's CAs */
	const char	*fo_user_agent;
	char		 fo_tmp_dir[FETCH_TMP_MAX];	/* temp files go here */
	long		 fo_connect_timeout_ms;
	long		 fo_timeout_ms;		/* per request */
	long		 fo_budget_ms;		/* per call */
	uint64_t	 fo_max_doc_bytes;
	size_t		 fo_max_page_bytes;
	long		 fo_per_host;
	size_t		 fo_max_documents;
	fetch_pdf_fn	 fo_on_pdf;	/* may be NULL */
	void		*fo_on_pdf_arg;
	void		(*fo_tick)(void *arg);	/* called on the calling thread
					   at least twice a second while
					   requests run (progress.h); NULL */
	void		*fo_tick_arg;
};

/* One document link of the notice.  Its kind (doc1, docs1, ACMS) and
 * court come from the URL itself. */
struct fetch_link {
	const char	*fl_url;	/* as in the notice */
	int		 fl_expected;	/* documents expected; 0 unknown */
	int		 fl_menu;	/* 1: open the attachment menu even when
					 * the doc id's 4th digit is 1 */
	const unsigned char *fl_have;	/* fl_have[N] != 0: the caller holds
					   attachment N (0 = main) already, so
					   it is not asked for again (a free
					   look spent on it is gone); may be
					   NULL */
	size_t		 fl_nhave;
};

struct fetch_doc {
	size_t		 fd_link;	/* index of the link it came from */
	int		 fd_attno;	/* 0 main document, N attachment N */
	int		 fd_result;	/* enum fetch_result */
	char		 fd_detail[FETCH_DETAIL_MAX];	/* short, printable */
	char		*fd_url;	/* last URL asked; secrets included */
	char		*fd_desc;	/* menu description; "" */
	char		*fd_path;	/* FETCH_PDF: temp file; else NULL */
	uint64_t	 fd_size;	/* FETCH_PDF: bytes */
	char		 fd_sha256[SHA_HEX_SIZE];	/* FETCH_PDF: hex */
	uint32_t	 fd_ms;		/* milliseconds from the first request
					   for it (for a document listed in an
					   attachment menu: the menu's) to its
					   result */
};

struct fetch_set {
	size_t		 fs_ndocs;
	struct fetch_doc *fs_docs;	/* by link, then attachment number */
};

/* Once per process, before any thread: curl_global_init().  0 or -1. */
int	 fetch_init(void);
void	 fetch_cleanup(void);

/*
 * Options from a configuration snapshot.  The pointers in *o point into
 * cfg, which must outlive every use of o.  Temp files go to
 * tmp_dir (normally <state_dir>/tmp).  0, or -1 when tmp_dir is too long.
 */
int	 fetch_opts_from_cfg(struct fetch_opts *o, const struct cfg *cfg,
	    const char *tmp_dir);

/*
 * Fetch every document of links[0..nlinks-1].  id is the notice's log id
 * (the queue id).  On return 0, *out holds one fetch_doc per document
 * (at least one per link); -1 only when memory ran out (nothing kept).
 * The caller owns *out and frees it with fetch_set_free().
 */
int	 fetch_run(const struct fetch_opts *, const char *id,
	    const struct fetch_link *links, size_t nlinks, struct fetch_set **out);

/*
 * Free a set.  Every temp file whose fd_path is still set is removed: a
 * caller that keeps a document renames the file, then frees fd_path and
 * sets it to NULL.  Returns NULL; fetch_set_free(NULL) is a no-op.
 */
struct fetch_set *fetch_set_free(struct fetch_set *);

const char *fetch_result_name(int result);

#endif
