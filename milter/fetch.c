/*
 * NAME
 *	fetch - the free-look fetcher (libcurl multi)
 * SUMMARY
 *	fetch every document of one notice, in parallel, anonymously
 * SYNOPSIS
 *	#include "fetch.h"
 *
 *	fetch_init();				(main, once)
 *	fetch_opts_from_cfg(&o, cfg, tmpdir);
 *	fetch_run(&o, qid, links, nlinks, &set);
 *	... rename set->fs_docs[i].fd_path into the store ...
 *	set = fetch_set_free(set);
 * DESCRIPTION
 *	Each document of the notice is a "job" with a small state machine
 *	(menu or document phase, redirect and follow counters); each HTTP
 *	request is a "req" holding one easy handle (fetchreq.h: its
 *	anonymous set-up and its body sink).  One multi handle per
 *	call drives them all, with CURLMOPT_MAX_HOST_CONNECTIONS set to the
 *	per-host limit; when a request ends, req_done() decides the job's
 *	next step: a result, a follow on the same host, or, for an
 *	attachment menu, one new job per document listed.  The per-notice
 *	budget is a deadline: each request gets at most the time left, and
 *	jobs that cannot start in time end as transient errors.
 *
 *	The first five bytes of a 2xx body decide where it goes: "%PDF-"
 *	to a mkstemp() file in fo_tmp_dir (hashed as it streams), anything
 *	else to a capped memory buffer for page_classify().  Cookies live
 *	in a CURLSH share made for the call and destroyed with it; a
 *	non-public address is refused unless it is a connect_to target
 *	(both in fetchreq.c).
 * DIAGNOSTICS
 *	Every request and every result is logged at info level with the
 *	notice's id first; URLs are cleaned and their magic numbers, uids
 *	and GUIDs redacted.  fetch_run() fails only when memory runs out.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>

#include "cfg.h"
#include "fetch.h"
#include "fetchreq.h"
#include "log.h"
#include "page.h"
#include "strbuf.h"
#include "text.h"
#include "url.h"


enum { JOB_MENU, JOB_DOC };

struct job {
	int	 j_phase;
	int	 j_redirects, j_follows;
	int	 j_may_expand;		/* a menu met here may be expanded */
	char	 j_caseid[URL_PARAM_MAX + 1];
	char	 j_seq[URL_PARAM_MAX + 1];
	char	 j_magic[URL_PARAM_MAX + 1];
	long long j_t0;			/* when the document was added, ms */
	char	 j_claim[3][URL_PARAM_MAX + 1];	/* a claim's id, number, seq */
};

struct run {
	const struct fetch_opts	*ru_o;
	const struct fetch_link	*ru_links;
	const char		*ru_id;
	CURLM			*ru_multi;
	struct fetchreq_env	 ru_env;	/* cookies, connect_to */
	struct fetch_doc	*ru_docs;
	struct job		*ru_jobs;
	size_t			 ru_n, ru_cap;
	long long		 ru_deadline;	/* monotonic ms */
	struct req		*ru_reqs;	/* requests in flight */
	int			 ru_nomem;
};

/* A request in flight for document r_doc. */
struct req {
	struct req	*r_next, *r_prev;	/* ru_reqs */
	struct run	*r_run;
	size_t		 r_doc;
	struct fetchreq	 r_fr;
};

static long long now_ms(void);
static void	 log_url(const char *, const char *, const char *, const char *);
static int	 add_doc(struct run *, size_t, int, const char *);
static int	 fetch_held(const struct fetch_link *, int);
static void	 finish(struct run *, size_t, int, const char *, ...)
		    __attribute__((format(printf, 4, 5)));
static int	 req_start(struct run *, size_t, const char *);
static void	 req_free(struct req *);
static void	 req_done(struct run *, struct req *, CURLcode);
static void	 follow(struct run *, struct req *, const char *, int);
static void	 on_page(struct run *, struct req *);
static void	 expand_menu(struct run *, struct req *, const struct page *);
static void	 start_link(struct run *, size_t, const struct fetch_link *);
static void	 drain(struct run *);
static int	 doc_order(const void *, const void *);

static const char *const RESULT_NAMES[] = {
	"pdf", "login", "unavailable", "error", "too-large", "refused",
	"no-document", "held",
};

int
fetch_init(void)
{
	return curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK ? 0 : -1;
}

void
fetch_cleanup(void)
{
	curl_global_cleanup();
}

const char *
fetch_result_name(int r)
{
	if (r < 0 || (size_t)r >= sizeof(RESULT_NAMES) / sizeof(RESULT_NAMES[0]))
		return "unknown";
	return RESULT_NAMES[r];
}

int
fetch_opts_from_cfg(struct fetch_opts *o, const struct cfg *cfg,
    const char *tmp_dir)
{
	memset(o, 0, sizeof(*o));
	o->fo_hosts = (const char *const *)cfg->cf_fetch_hosts.l_v;
	o->fo_nhosts = cfg->cf_fetch_hosts.l_n;
	o->fo_connect_to = (const char *const *)cfg->cf_connect_to.l_v;
	o->fo_nconnect_to = cfg->cf_connect_to.l_n;
	o->fo_ca_file = cfg->cf_ca_file;
	o->fo_user_agent = cfg->cf_user_agent;
	o->fo_connect_timeout_ms = (long)cfg->cf_fetch_connect_timeout * 1000;
	o->fo_timeout_ms = (long)cfg->cf_fetch_timeout * 1000;
	o->fo_budget_ms = (long)cfg->cf_fetch_budget * 1000;
	o->fo_max_doc_bytes = cfg->cf_max_document_bytes;
	o->fo_max_page_bytes = FETCH_MAX_PAGE_BYTES;
	o->fo_per_host = (long)cfg->cf_fetch_per_host;
	o->fo_max_documents = (size_t)cfg->cf_max_documents;
	if (text_strlcpy(o->fo_tmp_dir, tmp_dir, sizeof(o->fo_tmp_dir)) >=
	    sizeof(o->fo_tmp_dir))
		return -1;
	return 0;
}

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Log "fetch: WHAT URL[: TAIL]" with the URL redacted and cleaned. */
static void
log_url(const char *id, const char *what, const char *url, const char *tail)
{
	char red[URL_MAX + 1], clean[LOG_CLEAN_SIZE], ct[LOG_CLEAN_SIZE];

	url_redact(url, red, sizeof(red));
	log_info(id, "fetch: %s %s%s%s", what, log_cleans(clean, red),
	    tail ? ": " : "", tail ? log_cleans(ct, tail) : "");
}

/* A new document slot; its index, or -1 (out of memory or over the cap). */
static int
add_doc(struct run *ru, size_t link, int attno, const char *desc)
{
	struct fetch_doc *d;

	if (ru->ru_n == ru->ru_cap) {
		size_t cap = ru->ru_cap ? 2 * ru->ru_cap : 8;
		struct fetch_doc *nd = realloc(ru->ru_docs, cap * sizeof(*nd));
		struct job *nj;

		if (nd == NULL)
			return ru->ru_nomem = 1, -1;
		ru->ru_docs = nd;
		if ((nj = realloc(ru->ru_jobs, cap * sizeof(*nj))) == NULL)
			return ru->ru_nomem = 1, -1;
		ru->ru_jobs = nj;
		ru->ru_cap = cap;
	}
	d = &ru->ru_docs[ru->ru_n];
	memset(d, 0, sizeof(*d));
	memset(&ru->ru_jobs[ru->ru_n], 0, sizeof(ru->ru_jobs[0]));
	d->fd_link = link;
	d->fd_attno = attno;
	ru->ru_jobs[ru->ru_n].j_t0 = now_ms();
	d->fd_result = -1;
	d->fd_desc = strdup(desc ? desc : "");
	if (d->fd_desc == NULL)
		return ru->ru_nomem = 1, -1;
	return (int)ru->ru_n++;
}

/* Does the caller hold attachment n of link l already? */
static int
fetch_held(const struct fetch_link *l, int n)
{
	return n >= 0 && l->fl_have != NULL && (size_t)n < l->fl_nhave &&
	    l->fl_have[n] != 0;
}

/* Record a document's result and log it. */
static void
finish(struct run *ru, size_t i, int result, const char *fmt, ...)
{
	struct fetch_doc *d = &ru->ru_docs[i];
	char line[FETCH_DETAIL_MAX + 40], raw[FETCH_DETAIL_MAX];
	long long t;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(raw, sizeof(raw), fmt, ap);
	va_end(ap);
	text_printable(d->fd_detail, sizeof(d->fd_detail), raw, strlen(raw));
	d->fd_result = result;
	t = now_ms() - ru->ru_jobs[i].j_t0;
	d->fd_ms = t < 0 ? 0 : t > UINT32_MAX ? UINT32_MAX : (uint32_t)t;
	snprintf(line, sizeof(line), "%s, document %zu att %d", d->fd_detail,
	    d->fd_link, d->fd_attno);
	log_url(ru->ru_id, fetch_result_name(result), d->fd_url ? d->fd_url : "-",
	    line);
}

/* Ask for url on behalf of document i (whose fd_url becomes url). */
static int
req_start(struct run *ru, size_t i, const char *url)
{
	struct fetch_doc *d = &ru->ru_docs[i];
	long long left = ru->ru_deadline - now_ms();
	const struct fetch_opts *o = ru->ru_o;
	struct req *r;
	char *u;

	if ((u = strdup(url)) == NULL)
		return ru->ru_nomem = 1, -1;
	free(d->fd_url);
	d->fd_url = u;
	if (left <= 0) {
		finish(ru, i, FETCH_ERROR, "fetch_budget (%ld s) spent before it "
		    "could be asked for", o->fo_budget_ms / 1000);
		return -1;
	}
	if ((r = calloc(1, sizeof(*r))) == NULL)
		return ru->ru_nomem = 1, -1;
	r->r_run = ru;
	r->r_doc = i;
	if ((r->r_next = ru->ru_reqs) != NULL)
		r->r_next->r_prev = r;
	ru->ru_reqs = r;
	if (fetchreq_init(&r->r_fr, &ru->ru_env, url, left < o->fo_timeout_ms ?
	    (long)left : o->fo_timeout_ms, r) != 0 ||
	    curl_multi_add_handle(ru->ru_multi, r->r_fr.fr_easy) != CURLM_OK) {
		req_free(r);
		finish(ru, i, FETCH_ERROR, "cannot set up the request");
		return -1;
	}
	log_url(ru->ru_id, "GET", url, NULL);
	return 0;
}

static void
req_free(struct req *r)
{
	if (r == NULL)
		return;
	if (r->r_prev != NULL)
		r->r_prev->r_next = r->r_next;
	else
		r->r_run->ru_reqs = r->r_next;
	if (r->r_next != NULL)
		r->r_next->r_prev = r->r_prev;
	if (r->r_fr.fr_easy != NULL)
		curl_multi_remove_handle(r->r_run->ru_multi, r->r_fr.fr_easy);
	fetchreq_cleanup(&r->r_fr);
	free(r);
}

/*
 * Follow target (from a Location header when http, else a page) for the
 * request's document: allowed URL, same host, within the hop limits.
 */
static void
follow(struct run *ru, struct req *r, const char *target, int http)
{
	struct job *j = &ru->ru_jobs[r->r_doc];
	char buf[URL_MAX + 1];
	struct url base, u;
	int rc;

	if (page_is_login_url(target)) {
		finish(ru, r->r_doc, FETCH_LOGIN, "%s to a login prompt",
		    http ? "redirected" : "page points");
		return;
	}
	if (http ? j->j_redirects >= FETCH_MAX_REDIRECTS :
	    j->j_follows >= FETCH_MAX_FOLLOWS) {
		finish(ru, r->r_doc, FETCH_UNAVAILABLE, "too many %s",
		    http ? "redirects" : "iframes or script redirects");
		return;
	}
	if ((rc = url_parse(r->r_fr.fr_url, strlen(r->r_fr.fr_url), &base)) == URL_OK &&
	    (rc = url_resolve(&base, target, strlen(target), &u)) == URL_OK &&
	    (rc = url_same_host(&base, &u)) == URL_OK)
		rc = url_allowed(&u, ru->ru_o->fo_hosts, ru->ru_o->fo_nhosts);
	if (rc == URL_OK)
		rc = url_format(&u, buf, sizeof(buf));
	if (rc != URL_OK) {
		finish(ru, r->r_doc, FETCH_REFUSED, "%s target refused: %s",
		    http ? "redirect" : "page", url_strerror(rc));
		return;
	}
	if (http)
		j->j_redirects++;
	else
		j->j_follows++;
	req_start(ru, r->r_doc, buf);
}

/* A menu: this job becomes the main document, each other row a new job. */
static void
expand_menu(struct run *ru, struct req *r, const struct page *pg)
{
	size_t i, link = ru->ru_docs[r->r_doc].fd_link;
	struct job parent = ru->ru_jobs[r->r_doc];
	char buf[URL_MAX + 1];
	struct url menu;

	if (url_parse(r->r_fr.fr_url, strlen(r->r_fr.fr_url), &menu) != URL_OK) {
		finish(ru, r->r_doc, FETCH_REFUSED, "menu URL unreadable");
		return;
	}
	log_info(ru->ru_id, "fetch: attachment menu lists %zu documents", pg->p_natt);
	for (i = 0; i < pg->p_natt; i++) {
		const struct page_att *a = &pg->p_att[i];
		int k, rc;

		k = i == 0 ? (int)r->r_doc : add_doc(ru, link, a->pa_number, a->pa_desc);
		if (k < 0) {
			if (!ru->ru_nomem)
				break;
			return;
		}
		if (i == 0) {
			free(ru->ru_docs[k].fd_desc);
			ru->ru_docs[k].fd_desc = strdup(a->pa_desc);
			if (ru->ru_docs[k].fd_desc == NULL) {
				ru->ru_nomem = 1;
				return;
			}
		}
		ru->ru_jobs[k] = parent;
		ru->ru_jobs[k].j_phase = JOB_DOC;
		ru->ru_jobs[k].j_may_expand = 0;
		if (fetch_held(&ru->ru_links[link], i == 0 ? 0 : a->pa_number)) {
			finish(ru, (size_t)k, FETCH_HELD, "already held, not asked for");
			continue;
		}
		rc = url_doc_attachment_url(&menu, a->pa_link,
		    a->pa_caseid[0] ? a->pa_caseid : parent.j_caseid,
		    a->pa_seq[0] ? a->pa_seq : parent.j_seq,
		    a->pa_magic[0] ? a->pa_magic : parent.j_magic, buf, sizeof(buf));
		if (rc == URL_OK)
			rc = url_doc_claim_params(buf, sizeof(buf), a->pa_claim[0][0] ?
			    a->pa_claim[0] : parent.j_claim[0], a->pa_claim[1][0] ?
			    a->pa_claim[1] : parent.j_claim[1], a->pa_claim[2]);
		if (rc != URL_OK) {
			finish(ru, (size_t)k, FETCH_REFUSED, "menu link refused: %s",
			    url_strerror(rc));
		} else if (ru->ru_n > ru->ru_o->fo_max_documents) {
			finish(ru, (size_t)k, FETCH_NO_DOCUMENT,
			    "over max_documents (%zu)", ru->ru_o->fo_max_documents);
		} else {
			req_start(ru, (size_t)k, buf);
		}
	}
}

/* A complete non-PDF 2xx answer. */
static void
on_page(struct run *ru, struct req *r)
{
	struct job *j = &ru->ru_jobs[r->r_doc];
	struct page *pg;

	if (page_classify(strbuf_str(&r->r_fr.fr_page), r->r_fr.fr_page.sb_len,
	    &pg) != 0) {
		ru->ru_nomem = 1;
		return;
	}
	switch (pg->p_kind) {
	case PAGE_LOGIN:
		finish(ru, r->r_doc, FETCH_LOGIN, "login prompt (%s)", pg->p_match);
		break;
	case PAGE_IFRAME:
	case PAGE_REDIRECT:
		follow(ru, r, pg->p_target, 0);
		break;
	case PAGE_MENU:
		if (j->j_phase == JOB_MENU || j->j_may_expand)
			expand_menu(ru, r, pg);
		else
			finish(ru, r->r_doc, FETCH_UNAVAILABLE, "unexpected menu");
		break;
	default:
		finish(ru, r->r_doc, FETCH_UNAVAILABLE, "%s page%s%s%s",
		    page_kind_name(pg->p_kind), r->r_fr.fr_page_full ? " (capped)" : "",
		    pg->p_match ? ": " : "", pg->p_match ? pg->p_match : "");
		break;
	}
	page_free(pg);
}

static void
req_done(struct run *ru, struct req *r, CURLcode cc)
{
	struct fetch_doc *d = &ru->ru_docs[r->r_doc];
	char *loc = NULL;
	long code = 0;

	curl_easy_getinfo(r->r_fr.fr_easy, CURLINFO_RESPONSE_CODE, &code);
	if (r->r_fr.fr_bad_addr) {
		finish(ru, r->r_doc, FETCH_REFUSED, "address not public and not a connect_to target");
	} else if (r->r_fr.fr_too_large || cc == CURLE_FILESIZE_EXCEEDED) {
		finish(ru, r->r_doc, FETCH_TOO_LARGE, "over %llu bytes",
		    (unsigned long long)ru->ru_o->fo_max_doc_bytes);
	} else if (r->r_fr.fr_io_err) {
		finish(ru, r->r_doc, FETCH_ERROR, "cannot write the temp file: %s",
		    strerror(r->r_fr.fr_io_err));
	} else if (cc == CURLE_OPERATION_TIMEDOUT) {
		int budget = now_ms() >= ru->ru_deadline - 100;

		finish(ru, r->r_doc, FETCH_ERROR, "the court did not answer within "
		    "%s (%ld s)", budget ? "fetch_budget" : "fetch_timeout",
		    (budget ? ru->ru_o->fo_budget_ms : ru->ru_o->fo_timeout_ms) / 1000);
	} else if (cc != CURLE_OK && !(cc == CURLE_WRITE_ERROR && r->r_fr.fr_page_full)) {
		finish(ru, r->r_doc, FETCH_ERROR, "%s", curl_easy_strerror(cc));
	} else if (code >= 300 && code < 400) {
		curl_easy_getinfo(r->r_fr.fr_easy, CURLINFO_REDIRECT_URL, &loc);
		if (loc == NULL)
			finish(ru, r->r_doc, FETCH_UNAVAILABLE, "HTTP %ld without Location", code);
		else
			follow(ru, r, loc, 1);
	} else if (code >= 500 || code == 429 || code == 408) {
		finish(ru, r->r_doc, FETCH_ERROR, "HTTP %ld", code);
	} else if (code < 200 || code >= 300) {
		finish(ru, r->r_doc, FETCH_UNAVAILABLE, "HTTP %ld", code);
	} else if ((d->fd_path = fetchreq_take_pdf(&r->r_fr, &d->fd_size,
	    d->fd_sha256)) != NULL) {
		finish(ru, r->r_doc, FETCH_PDF, "%llu bytes sha256 %.16s",
		    (unsigned long long)d->fd_size, d->fd_sha256);
		if (ru->ru_o->fo_on_pdf != NULL)
			ru->ru_o->fo_on_pdf(ru->ru_o->fo_on_pdf_arg, d);
	} else {
		on_page(ru, r);
	}
	req_free(r);
}

/* ---- the call ------------------------------------------------------ */

static void
start_link(struct run *ru, size_t li, const struct fetch_link *l)
{
	char buf[URL_MAX + 1];
	struct url_doc ud;
	struct job *j;
	int k, rc, menu;

	if ((k = add_doc(ru, li, 0, "")) < 0)
		return;
	if ((ru->ru_docs[k].fd_url = strdup(l->fl_url ? l->fl_url : "")) == NULL) {
		ru->ru_nomem = 1;
		return;
	}
	rc = url_doc_parse(l->fl_url, strlen(l->fl_url), &ud);
	if (rc == URL_OK)
		rc = url_allowed(&ud.d_url, ru->ru_o->fo_hosts, ru->ru_o->fo_nhosts);
	if (rc != URL_OK) {
		finish(ru, (size_t)k, FETCH_REFUSED, "link refused: %s", url_strerror(rc));
		return;
	}
	if ((size_t)k >= ru->ru_o->fo_max_documents) {
		finish(ru, (size_t)k, FETCH_NO_DOCUMENT, "over max_documents (%zu)",
		    ru->ru_o->fo_max_documents);
		return;
	}
	if (ud.d_kind == URL_KIND_DOC1 && ud.d_magic[0] == '\0') {
		finish(ru, (size_t)k, FETCH_NO_DOCUMENT, "no magic number in the link");
		return;
	}
	if (ud.d_short && ud.d_seq[0] == '\0') {
		finish(ru, (size_t)k, FETCH_NO_DOCUMENT, "short doc id without de_seq_num");
		return;
	}
	j = &ru->ru_jobs[k];
	text_strlcpy(j->j_caseid, ud.d_caseid, sizeof(j->j_caseid));
	text_strlcpy(j->j_seq, ud.d_seq, sizeof(j->j_seq));
	text_strlcpy(j->j_magic, ud.d_magic, sizeof(j->j_magic));
	text_strlcpy(j->j_claim[0], ud.d_claim_id, sizeof(j->j_claim[0]));
	text_strlcpy(j->j_claim[1], ud.d_claim_num, sizeof(j->j_claim[1]));
	menu = ud.d_kind == URL_KIND_DOC1 && !ud.d_short &&
	    (ud.d_menu || l->fl_menu || l->fl_expected > 1);
	j->j_phase = menu ? JOB_MENU : JOB_DOC;
	j->j_may_expand = ud.d_kind == URL_KIND_DOC1;
	rc = menu ? url_doc_menu_url(&ud, buf, sizeof(buf)) :
	    url_doc_fetch_url(&ud, buf, sizeof(buf));
	if (rc != URL_OK) {
		finish(ru, (size_t)k, FETCH_REFUSED, "%s", url_strerror(rc));
		return;
	}
	req_start(ru, (size_t)k, buf);
}

/* Results by link, then attachment number (the main document first). */
static int
doc_order(const void *a, const void *b)
{
	const struct fetch_doc *x = a, *y = b;

	if (x->fd_link != y->fd_link)
		return x->fd_link < y->fd_link ? -1 : 1;
	return (x->fd_attno > y->fd_attno) - (x->fd_attno < y->fd_attno);
}

/* Run the multi handle until every request has ended. */
static void
drain(struct run *ru)
{
	CURLMsg *m;
	int running, q;

	while (ru->ru_reqs != NULL && !ru->ru_nomem) {
		long long left;

		curl_multi_perform(ru->ru_multi, &running);
		while ((m = curl_multi_info_read(ru->ru_multi, &q)) != NULL) {
			struct req *r = NULL;

			if (m->msg != CURLMSG_DONE)
				continue;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
			req_done(ru, r, m->data.result);	/* may add requests */
		}
		if (ru->ru_reqs == NULL)
			break;
		if (ru->ru_o->fo_tick != NULL)
			ru->ru_o->fo_tick(ru->ru_o->fo_tick_arg);
		left = ru->ru_deadline - now_ms();
		if (left <= 0)
			left = 1;
		/* Twice a second at least: fo_tick keeps the MTA waiting. */
		curl_multi_poll(ru->ru_multi, NULL, 0,
		    left < 500 ? (int)left : 500, NULL);
	}
}

int
fetch_run(const struct fetch_opts *o, const char *id,
    const struct fetch_link *links, size_t nlinks, struct fetch_set **out)
{
	struct fetch_set *set;
	struct run ru;
	size_t i;

	*out = NULL;
	memset(&ru, 0, sizeof(ru));
	ru.ru_o = o;
	ru.ru_links = links;
	ru.ru_id = id;
	ru.ru_deadline = now_ms() + o->fo_budget_ms;
	if ((set = calloc(1, sizeof(*set))) == NULL)
		return -1;
	if ((ru.ru_multi = curl_multi_init()) == NULL ||
	    fetchreq_env_init(&ru.ru_env, o) != 0)
		ru.ru_nomem = 1;
	else
		curl_multi_setopt(ru.ru_multi, CURLMOPT_MAX_HOST_CONNECTIONS,
		    o->fo_per_host > 0 ? o->fo_per_host : 1L);
	for (i = 0; i < nlinks && !ru.ru_nomem; i++)
		start_link(&ru, i, &links[i]);
	if (!ru.ru_nomem)
		drain(&ru);
	/* On running out of memory, end what is still in flight. */
	while (ru.ru_reqs != NULL)
		req_free(ru.ru_reqs);
	for (i = 0; i < ru.ru_n; i++)
		if (ru.ru_docs[i].fd_result < 0)
			finish(&ru, i, FETCH_ERROR, "not finished");
	curl_multi_cleanup(ru.ru_multi);
	fetchreq_env_cleanup(&ru.ru_env);
	free(ru.ru_jobs);
	if (ru.ru_n > 1)
		qsort(ru.ru_docs, ru.ru_n, sizeof(ru.ru_docs[0]), doc_order);
	set->fs_docs = ru.ru_docs;
	set->fs_ndocs = ru.ru_n;
	if (ru.ru_nomem) {
		fetch_set_free(set);
		return -1;
	}
	*out = set;
	return 0;
}

struct fetch_set *
fetch_set_free(struct fetch_set *set)
{
	size_t i;

	if (set == NULL)
		return NULL;
	for (i = 0; i < set->fs_ndocs; i++) {
		struct fetch_doc *d = &set->fs_docs[i];

		if (d->fd_path != NULL)
			unlink(d->fd_path);
		free(d->fd_path);
		free(d->fd_url);
		free(d->fd_desc);
	}
	free(set->fs_docs);
	free(set);
	return NULL;
}
