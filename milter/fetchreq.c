/*
 * NAME
 *	fetchreq 3 - one anonymous HTTP request of the fetcher
 * SYNOPSIS
 *	#include "fetchreq.h"
 *
 *	fetchreq_env_init(&env, o);
 *	fetchreq_init(&r, &env, url, timeout_ms, owner);
 *	curl_multi_add_handle(multi, r.fr_easy);
 *	... the transfer runs; then ...
 *	curl_multi_remove_handle(multi, r.fr_easy);
 *	path = fetchreq_take_pdf(&r, &size, hex);
 *	fetchreq_cleanup(&r);
 *	fetchreq_env_cleanup(&env);
 * DESCRIPTION
 *	See fetchreq.h.  The write callback decides the sink once: on the
 *	first bytes of a non-2xx answer it discards; on the first five
 *	bytes of a 2xx answer it either keeps the page buffer or, for
 *	"%PDF-", opens the temp file and moves what it has there.
 *	Returning less than it was given ends the transfer, and a flag
 *	says why.
 * DIAGNOSTICS
 *	None logged here: the caller reads the flags and the libcurl
 *	result and logs the outcome with the notice's id.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "fetch.h"
#include "fetchreq.h"
#include "page.h"
#include "text.h"

static curl_socket_t on_open_socket(void *, curlsocktype,
		    struct curl_sockaddr *);
static int	 to_file(struct fetchreq *, const void *, size_t);
static int	 open_file(struct fetchreq *);
static size_t	 on_write(char *, size_t, size_t, void *);
static int	 easy_setup(struct fetchreq *, long, void *);

int
fetchreq_env_init(struct fetchreq_env *env, const struct fetch_opts *o)
{
	size_t	i;

	memset(env, 0, sizeof(*env));
	env->fe_o = o;
	if ((env->fe_share = curl_share_init()) == NULL)
		return -1;
	curl_share_setopt(env->fe_share, CURLSHOPT_SHARE, CURL_LOCK_DATA_COOKIE);
	for (i = 0; i < o->fo_nconnect_to; i++) {
		struct curl_slist *n = curl_slist_append(env->fe_connect_to,
		    o->fo_connect_to[i]);

		if (n == NULL)
			return -1;
		env->fe_connect_to = n;
	}
	netaddr_set_connect_to(&env->fe_ok, o->fo_connect_to, o->fo_nconnect_to);
	return 0;
}

void
fetchreq_env_cleanup(struct fetchreq_env *env)
{
	curl_share_cleanup(env->fe_share);
	curl_slist_free_all(env->fe_connect_to);
	env->fe_share = NULL;
	env->fe_connect_to = NULL;
}

static curl_socket_t
on_open_socket(void *arg, curlsocktype purpose, struct curl_sockaddr *ca)
{
	struct fetchreq *r = arg;

	(void)purpose;
	if (!netaddr_public(&ca->addr) && !netaddr_set_has(&r->fr_env->fe_ok,
	    &ca->addr)) {
		r->fr_bad_addr = 1;
		return CURL_SOCKET_BAD;
	}
	return socket(ca->family, ca->socktype, ca->protocol);
}

static int
to_file(struct fetchreq *r, const void *p, size_t n)
{
	const char *s = p;

	sha_update(r->fr_sha, p, n);
	while (n > 0) {
		ssize_t w = write(r->fr_fd, s, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return r->fr_io_err = w < 0 ? errno : ENOSPC, -1;
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The body is a PDF: move what was kept to a new temp file.  0 or -1. */
static int
open_file(struct fetchreq *r)
{
	char tmpl[FETCH_TMP_MAX + 32];

	snprintf(tmpl, sizeof(tmpl), "%s/fetch.XXXXXX", r->fr_env->fe_o->fo_tmp_dir);
	if ((r->fr_fd = mkstemp(tmpl)) < 0 || (r->fr_path = strdup(tmpl)) == NULL) {
		r->fr_io_err = errno ? errno : ENOMEM;
		return -1;
	}
	r->fr_mode = FETCHREQ_FILE;
	if (r->fr_sha == NULL)
		r->fr_sha = sha_new();
	sha_reset(r->fr_sha);
	if (to_file(r, r->fr_page.sb_s, r->fr_page.sb_len) != 0)
		return -1;
	strbuf_free(&r->fr_page);
	return 0;
}

static size_t
on_write(char *p, size_t sz, size_t nm, void *arg)
{
	struct fetchreq *r = arg;
	const struct fetch_opts *o = r->fr_env->fe_o;
	size_t n = sz * nm;
	long code = 0;

	r->fr_bytes += n;
	if (r->fr_mode == FETCHREQ_NONE) {
		curl_easy_getinfo(r->fr_easy, CURLINFO_RESPONSE_CODE, &code);
		if (code < 200 || code >= 300)
			r->fr_mode = FETCHREQ_DISCARD;
	}
	if (r->fr_mode == FETCHREQ_DISCARD)
		return n;
	if (r->fr_bytes > o->fo_max_doc_bytes) {
		r->fr_too_large = 1;
		return 0;
	}
	if (r->fr_mode == FETCHREQ_FILE)
		return to_file(r, p, n) == 0 ? n : 0;
	if (r->fr_page.sb_len + n > o->fo_max_page_bytes) {
		r->fr_page_full = 1;
		return 0;
	}
	strbuf_append(&r->fr_page, p, n);
	if (r->fr_mode == FETCHREQ_NONE && r->fr_page.sb_len >= 5) {
		r->fr_mode = FETCHREQ_PAGE;
		if (page_is_pdf(r->fr_page.sb_s, r->fr_page.sb_len) &&
		    open_file(r) != 0)
			return 0;
	}
	return strbuf_error(&r->fr_page) ? 0 : n;
}

static int
easy_setup(struct fetchreq *r, long timeout, void *owner)
{
	const struct fetch_opts *o = r->fr_env->fe_o;
	CURL *e = r->fr_easy;
	int bad = 0;

#define SET(opt, val)	bad |= curl_easy_setopt(e, opt, val) != CURLE_OK
	SET(CURLOPT_URL, r->fr_url);
	SET(CURLOPT_PROTOCOLS_STR, "https");
	SET(CURLOPT_REDIR_PROTOCOLS_STR, "https");
	SET(CURLOPT_FOLLOWLOCATION, 0L);
	SET(CURLOPT_NETRC, (long)CURL_NETRC_IGNORED);
	SET(CURLOPT_PROXY, "");
	SET(CURLOPT_NOSIGNAL, 1L);
	SET(CURLOPT_HTTPGET, 1L);
	SET(CURLOPT_SSL_VERIFYPEER, 1L);
	SET(CURLOPT_SSL_VERIFYHOST, 2L);
	SET(CURLOPT_COOKIEFILE, "");
	SET(CURLOPT_SHARE, r->fr_env->fe_share);
	SET(CURLOPT_CONNECTTIMEOUT_MS, o->fo_connect_timeout_ms);
	SET(CURLOPT_TIMEOUT_MS, timeout);
	SET(CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->fo_max_doc_bytes);
	SET(CURLOPT_WRITEFUNCTION, on_write);
	SET(CURLOPT_WRITEDATA, r);
	SET(CURLOPT_OPENSOCKETFUNCTION, on_open_socket);
	SET(CURLOPT_OPENSOCKETDATA, r);
	SET(CURLOPT_PRIVATE, owner);
	if (o->fo_user_agent != NULL && o->fo_user_agent[0] != '\0')
		SET(CURLOPT_USERAGENT, o->fo_user_agent);
	if (o->fo_ca_file != NULL && o->fo_ca_file[0] != '\0')
		SET(CURLOPT_CAINFO, o->fo_ca_file);
	if (r->fr_env->fe_connect_to != NULL)
		SET(CURLOPT_CONNECT_TO, r->fr_env->fe_connect_to);
#undef SET
	return bad ? -1 : 0;
}

int
fetchreq_init(struct fetchreq *r, const struct fetchreq_env *env,
    const char *url, long timeout_ms, void *owner)
{
	memset(r, 0, sizeof(*r));
	r->fr_env = env;
	r->fr_fd = -1;
	strbuf_init(&r->fr_page, env->fe_o->fo_max_page_bytes);
	text_strlcpy(r->fr_url, url, sizeof(r->fr_url));
	if ((r->fr_easy = curl_easy_init()) == NULL)
		return -1;
	return easy_setup(r, timeout_ms, owner);
}

void
fetchreq_cleanup(struct fetchreq *r)
{
	if (r->fr_easy != NULL)
		curl_easy_cleanup(r->fr_easy);
	r->fr_easy = NULL;
	if (r->fr_fd >= 0)
		close(r->fr_fd);
	r->fr_fd = -1;
	if (r->fr_path != NULL) {
		unlink(r->fr_path);
		free(r->fr_path);
		r->fr_path = NULL;
	}
	strbuf_free(&r->fr_page);
	sha_free(r->fr_sha);
	r->fr_sha = NULL;
}

char *
fetchreq_take_pdf(struct fetchreq *r, uint64_t *size, char hex[SHA_HEX_SIZE])
{
	char	*path = r->fr_path;

	if (r->fr_mode != FETCHREQ_FILE || path == NULL)
		return NULL;
	sha_hex(r->fr_sha, hex);
	*size = r->fr_bytes;
	close(r->fr_fd);
	r->fr_fd = -1;
	r->fr_path = NULL;
	return path;
}
