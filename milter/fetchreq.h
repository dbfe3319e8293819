/*
 * fetchreq: one HTTP request of the free-look fetcher (fetch.h).
 *
 * A struct fetchreq is one libcurl easy handle set up the only way the
 * fetcher ever asks a court: a GET over https, redirects never followed
 * by libcurl, no .netrc, no proxy from the environment, the peer's
 * certificate and name verified, cookies only in the call's share, a
 * per-request timeout, and a socket refused when its address is not
 * public and not a connect_to target (netaddr.h).  Its body goes to a
 * sink chosen by the first bytes of a 2xx answer: "%PDF-" streams to a
 * mkstemp() file under fo_tmp_dir, hashed (SHA-256) on the way and
 * capped at fo_max_doc_bytes; anything else is kept in memory, capped at
 * fo_max_page_bytes, for page_classify(); the body of any other status
 * is discarded.
 *
 * A struct fetchreq_env holds what every request of one fetch_run()
 * shares: the options, the cookie share, the connect_to list and the
 * addresses it names.
 *
 * The caller drives the handles with its own multi handle: it adds
 * fr_easy after fetchreq_init() and removes it before
 * fetchreq_cleanup().  Threads: a request and its environment belong to
 * one thread.
 */
#ifndef NEF_FETCHREQ_H
#define NEF_FETCHREQ_H

#include <stdint.h>

#include <curl/curl.h>

#include "netaddr.h"
#include "sha.h"
#include "strbuf.h"
#include "url.h"

struct fetch_opts;

enum fetchreq_mode {
	FETCHREQ_NONE,		/* nothing of the body seen yet */
	FETCHREQ_FILE,		/* a PDF: the temp file */
	FETCHREQ_PAGE,		/* anything else: fr_page */
	FETCHREQ_DISCARD,	/* not a 2xx answer */
};

struct fetchreq_env {
	const struct fetch_opts	*fe_o;
	CURLSH			*fe_share;	/* cookies of this call only */
	struct curl_slist	*fe_connect_to;	/* NULL: none */
	struct netaddr_set	 fe_ok;		/* connect_to targets */
};

struct fetchreq {
	const struct fetchreq_env *fr_env;
	CURL		*fr_easy;	/* CURLOPT_PRIVATE: the owner */
	char		 fr_url[URL_MAX + 1];
	int		 fr_mode;	/* enum fetchreq_mode */
	int		 fr_fd;		/* FETCHREQ_FILE; else -1 */
	char		*fr_path;	/* FETCHREQ_FILE: the temp file */
	struct sha	*fr_sha;	/* FETCHREQ_FILE */
	uint64_t	 fr_bytes;	/* body bytes received */
	struct strbuf	 fr_page;	/* FETCHREQ_PAGE */
	/* Why the transfer was cut short, if it was: */
	int		 fr_too_large;	/* over fo_max_doc_bytes */
	int		 fr_bad_addr;	/* a refused address */
	int		 fr_io_err;	/* errno of the temp file */
	int		 fr_page_full;	/* over fo_max_page_bytes (the
					   page so far is kept) */
};

/*
 * Set up the environment for the options o (which must outlive it):
 * the cookie share, the connect_to list and its addresses.  0, or -1
 * when memory runs out; fetchreq_env_cleanup() is due either way.
 */
int	 fetchreq_env_init(struct fetchreq_env *, const struct fetch_opts *o);
void	 fetchreq_env_cleanup(struct fetchreq_env *);

/*
 * Set up r as a request for url with at most timeout_ms, whose
 * CURLOPT_PRIVATE is owner.  0, or -1 when libcurl refused a part of
 * the set-up; fetchreq_cleanup() is due either way.
 */
int	 fetchreq_init(struct fetchreq *r, const struct fetchreq_env *,
	    const char *url, long timeout_ms, void *owner);
/* Free what r holds; an unclaimed temp file is removed. */
void	 fetchreq_cleanup(struct fetchreq *r);

/*
 * A complete FETCHREQ_FILE answer: close the file, put its size and hex
 * SHA-256 in *size and hex, and hand the path over (the caller frees
 * it and owns the file).  NULL for any other mode.
 */
char	*fetchreq_take_pdf(struct fetchreq *r, uint64_t *size,
	    char hex[SHA_HEX_SIZE]);

#endif
