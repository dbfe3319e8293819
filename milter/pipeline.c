/*
 * NAME
 *	pipeline 3 - end of message for notices
 * SYNOPSIS
 *	#include "pipeline.h"
 * DESCRIPTION
 *	pipeline_eom() runs the steps in this order, so that nothing is
 *	changed in the message until everything that can fail is done:
 *
 *	1. read the notice part (mime.c) and parse it (nef.c); a message
 *	   that is not a notice passes unchanged, apart from any X-NEF
 *	   header it arrived with;
 *	2. trust (trust.c), restricted (sealterm.c), the recipient lists
 *	   (the notice's own, and the learned list and case team from the
 *	   store), a first verdict (decide.c) that says whether to fetch;
 *	3. the documents (docs.c: store first, then the court; every PDF
 *	   is stored before anything else), the final verdict;
 *	4. the new body, written to an unlinked temporary file (a failure
 *	   here leaves the message untouched);
 *	5. the changes: X-NEF, Content-Type, the body from the file,
 *	   recipients added and removed, hold;
 *	6. what a verified notice teaches the store (the court-listed
 *	   recipients, the case), and the audit line and record.
 *
 *	Any failure before step 5 ends in on_error: the original notice,
 *	marked with an X-NEF header naming the error (accept), or a
 *	temporary failure (tempfail); either way an audit record with
 *	action "error" (plan_fail.h).  A message larger than
 *	max_message_bytes passes unchanged; what of it was read is parsed,
 *	and a notice gets that record and its counters.
 * DIAGNOSTICS
 *	Every line begins with the queue id.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "addr.h"
#include "calfeed.h"
#include "cfg.h"
#include "cfgcheck.h"
#include "decide.h"
#include "docs.h"
#include "fetch.h"
#include "label.h"
#include "linkstrip.h"
#include "log.h"
#include "mailout.h"
#include "mime.h"
#include "nef.h"
#include "noticelog.h"
#include "pdfcheck.h"
#include "pdfcheckout.h"
#include "pipeline.h"
#include "plan.h"
#include "plan_fail.h"
#include "plan_pdf.h"
#include "progress.h"
#include "plan_cal.h"
#include "calendar.h"
#include "rewrite.h"
#include "sealterm.h"
#include "session.h"
#include "shim.h"
#include "store.h"
#include "strbuf.h"
#include "summary.h"
#include "tally.h"
#include "text.h"
#include "trust.h"
#include "trustcfg.h"
#include "xnef.h"
#include "store_case.h"
#include "store_purge.h"

static struct store	*pl_store;

/* Daily maintenance: retention and stale reader slots (store_expire()). */
#define PL_MAINT_FIRST	60		/* seconds after start */
#define PL_MAINT_EVERY	86400
static pthread_mutex_t	 pl_maint_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 pl_maint_cv = PTHREAD_COND_INITIALIZER;
static int		 pl_maint_stop;
static int		 pl_maint_running;
static pthread_t	 pl_maint_tid;

static void	*pl_maint(void *);
static void	 pl_maint_calendar(void);

static enum sess_rc pl_fail(struct plan *, const char *why);
static int	pl_read(struct plan *);
static int	pl_trust(struct plan *);
static int	pl_restricted(struct plan *);
static int	pl_lists(struct plan *);
static int	pl_decide(struct plan *, int final);
static int	pl_documents(struct plan *);
static int	pl_body(struct plan *);
static int	pl_apply(struct plan *);
static void	pl_learn(struct plan *);
static void	pl_xnef_strip(struct plan *);
static int	pl_addheader(struct plan *, const char *, const char *);
static int	pl_chgheader(struct plan *, const char *, const char *);
static int	pl_body_write(void *, const char *, size_t);

int
pipeline_start(const struct cfg *cfg)
{
	struct store_opts	so;
	char			tmp[1024];
	int			rc;

	if (mime_init() != 0 || fetch_init() != 0) {
		log_err(NULL, "cannot initialise GMime or libcurl");
		return -1;
	}
	store_opts_from_cfg(&so, cfg);
	so.so_create = 1;
	if ((rc = store_open(&so, &pl_store)) != STORE_OK) {
		log_err(NULL, "cannot open the store in %s: %s", cfg->cf_state_dir,
		    store_strerror(rc));
		return -1;
	}
	snprintf(tmp, sizeof(tmp), "%s/tmp", cfg->cf_state_dir);
	if (mkdir(tmp, 0700) != 0 && errno != EEXIST) {
		log_err(NULL, "cannot create %s: %s", tmp, strerror(errno));
		return -1;
	}
	return plan_pdf_start(cfg, pl_store);
}

int
pipeline_maintain(void)
{
	int	rc;

	pl_maint_stop = 0;
	if ((rc = pthread_create(&pl_maint_tid, NULL, pl_maint, NULL)) != 0) {
		log_err(NULL, "cannot start the maintenance thread: %s",
		    strerror(rc));
		return -1;
	}
	pl_maint_running = 1;
	return 0;
}

static void *
pl_maint(void *arg)
{
	struct timespec	when;
	size_t		n;
	int		rc, wait = PL_MAINT_FIRST;

	(void)arg;
	pthread_mutex_lock(&pl_maint_lock);
	while (!pl_maint_stop) {
		clock_gettime(CLOCK_REALTIME, &when);
		when.tv_sec += wait;
		if (pthread_cond_timedwait(&pl_maint_cv, &pl_maint_lock, &when) !=
		    ETIMEDOUT)
			continue;
		pthread_mutex_unlock(&pl_maint_lock);
		n = 0;
		if ((rc = store_expire(pl_store, (int64_t)time(NULL), &n)) != STORE_OK)
			log_warn(NULL, "store maintenance failed: %s",
			    store_strerror(rc));
		else
			log_info(NULL, "store maintenance: %zu document%s past "
			    "retention removed", n, n == 1 ? "" : "s");
		pl_maint_calendar();
		pthread_mutex_lock(&pl_maint_lock);
		wait = PL_MAINT_EVERY;
	}
	pthread_mutex_unlock(&pl_maint_lock);
	return NULL;
}

/* The events past calendar_retention, and the files of calendar_dir. */
static void
pl_maint_calendar(void)
{
	struct cfg	*cf = cfg_current();
	size_t		 nev = 0, nfiles = 0;
	char		 err[512];

	if (cf == NULL)
		return;
	if (calfeed_expire(cf, pl_store, (int64_t)time(NULL), &nev, &nfiles,
	    err, sizeof(err)) != 0)
		log_warn(NULL, "calendar maintenance: %zu event%s removed; %s",
		    nev, nev == 1 ? "" : "s", err);
	else
		log_info(NULL, "calendar maintenance: %zu event%s past "
		    "calendar_retention removed, %zu calendar_dir file%s updated",
		    nev, nev == 1 ? "" : "s", nfiles, nfiles == 1 ? "" : "s");
	cfg_unref(cf);
}

void
pipeline_stop(void)
{
	if (pl_maint_running) {
		pthread_mutex_lock(&pl_maint_lock);
		pl_maint_stop = 1;
		pthread_cond_broadcast(&pl_maint_cv);
		pthread_mutex_unlock(&pl_maint_lock);
		pthread_join(pl_maint_tid, NULL);
		pl_maint_running = 0;
	}
	plan_pdf_stop();
	if (pl_store != NULL)
		(void)tally_flush(pl_store, 1);
	pl_store = store_close(pl_store);
	fetch_cleanup();
	mime_shutdown();
}

int
pipeline_check_cfg(const struct cfg *cfg, struct strbuf *err)
{
	char		 msg[256];
	int		 bad = 0;

	if (!cfgcheck_refused(cfg, "label_template") &&
	    label_validate(cfg->cf_label_template, msg, sizeof(msg)) != 0) {
		cfgcheck_problem(cfg, err, "label_template", "%s", msg);
		bad = 1;
	}
	if (!cfgcheck_refused(cfg, "claim_label_template") &&
	    label_validate(cfg->cf_claim_label_template, msg, sizeof(msg)) != 0) {
		/* label_validate() names label_template: this is its twin */
		cfgcheck_problem(cfg, err, "claim_label_template", "claim_%s", msg);
		bad = 1;
	}
	if (cfgcheck_terms(cfg, err) != 0)
		bad = 1;
	if (cfgcheck_trust(cfg, err) != 0)
		bad = 1;
	if (calendar_check_cfg(cfg, err) != 0)
		bad = 1;
	if (!cfgcheck_refused(cfg, "fetch_timeout") &&
	    !cfgcheck_refused(cfg, "fetch_budget") &&
	    cfg->cf_fetch_timeout > cfg->cf_fetch_budget) {
		cfgcheck_problem(cfg, err, "fetch_timeout", "fetch_timeout (%llus) "
		    "is longer than fetch_budget (%llus)",
		    (unsigned long long)cfg->cf_fetch_timeout,
		    (unsigned long long)cfg->cf_fetch_budget);
		bad = 1;
	}
	if (mailout_check_cfg(cfg, err) != 0)
		bad = 1;
	if (pdfcheck_check_cfg(cfg, err) != 0)
		bad = 1;
	return bad ? -1 : 0;
}

/* Give up on this message as on_error says; the message is unchanged
 * but for an X-NEF header that names the error. */
static enum sess_rc
pl_fail(struct plan *p, const char *why)
{
	struct xnef	x;
	struct strbuf	sb = STRBUF_INIT;

	p->p_failed = 1;
	if (p->p_cfg->cf_on_error == ONERR_TEMPFAIL) {
		log_err(p->p_qid, "notice not processed: %s; tempfailed "
		    "(on_error=tempfail)", why);
		plan_fail_audit(p, 1, why);
		return SESS_TEMPFAIL;
	}
	log_err(p->p_qid, "notice not processed: %s; delivered unchanged "
	    "(on_error=accept)", why);
	plan_fail_audit(p, 0, why);
	plan_xnef(p, &x);
	x.x_action = "error";
	x.x_error = why;
	xnef_format(&x, &sb);
	pl_xnef_strip(p);
	if (!strbuf_error(&sb))
		pl_addheader(p, "X-NEF", strbuf_str(&sb));
	strbuf_free(&sb);
	return SESS_CONTINUE;
}

/* Add or change a header, with the value the way the MTA expects it. */
static int
pl_addheader(struct plan *p, const char *name, const char *value)
{
	char	buf[2048];

	return shim_addheader(p->p_ctx, name,
	    session_hdrval(p->p_conn, value, buf, sizeof(buf)));
}

static int
pl_chgheader(struct plan *p, const char *name, const char *value)
{
	char	buf[2048];

	return shim_chgheader(p->p_ctx, name, 1,
	    session_hdrval(p->p_conn, value, buf, sizeof(buf)));
}

/* Remove every X-NEF header the message arrived with. */
static void
pl_xnef_strip(struct plan *p)
{
	size_t	n = msg_header_count(p->p_msg, "X-NEF");

	if (n > 0)
		log_notice(p->p_qid, "removing %zu X-NEF header%s the message "
		    "arrived with", n, n == 1 ? "" : "s");
	for (; n > 0; n--)
		shim_chgheader(p->p_ctx, "X-NEF", (int)n, NULL);
}

static int
pl_read(struct plan *p)
{
	struct nef_input	in;
	int			rc;

	rc = mime_read(p->p_msg->m_spool.sb_s, p->p_msg->m_spool.sb_len,
	    p->p_cfg->cf_max_message_bytes, &p->p_mime);
	if (rc != MIME_OK) {
		p->p_nef = nef_new_rejected(rc == MIME_ENOTEXT ? NEF_R_NO_BODY :
		    NEF_R_BAD_MIME);
		snprintf(p->p_why, sizeof(p->p_why), "%s", mime_strerror(rc));
		return p->p_nef != NULL ? 0 : -1;
	}
	memset(&in, 0, sizeof(in));
	in.ni_text = p->p_mime->mn_text;
	in.ni_len = p->p_mime->mn_len;
	in.ni_is_html = p->p_mime->mn_is_html;
	in.ni_subject = p->p_mime->mn_subject;
	in.ni_from = p->p_mime->mn_from;
	/* Court notices carry no image part, so one marks a non-notice; a
	 * colleague's forward often does (a signature logo) and must still
	 * be read, so that a restricted entry it forwards is caught. */
	in.ni_has_image = p->p_mime->mn_has_image &&
	    p->p_msg->m_class != MSGC_FORWARD;
	if (nef_parse(&in, &p->p_nef) != 0)
		return -1;
	snprintf(p->p_why, sizeof(p->p_why), "%s",
	    nef_reason_text(p->p_nef->n_reason));
	return 0;
}

static int
pl_trust(struct plan *p)
{
	struct trust		*t;
	struct trust_msg	 tm;
	const char		*ar[TRUST_AR_HEADERS];
	char			 err[256];
	size_t			 i;

	if (trustcfg_new(p->p_cfg, &t, err, sizeof(err)) != 0) {
		snprintf(p->p_why, sizeof(p->p_why), "%s", err);
		return -1;
	}
	memset(&tm, 0, sizeof(tm));
	for (i = 0; i < p->p_msg->m_nhdrs && tm.tm_nar < TRUST_AR_HEADERS; i++)
		if (strcasecmp(p->p_msg->m_hdrs[i].h_name,
		    "Authentication-Results") == 0)
			ar[tm.tm_nar++] = p->p_msg->m_hdrs[i].h_value;
	tm.tm_ar = ar;
	tm.tm_from = msg_header(p->p_msg, "From");
	tm.tm_envfrom = p->p_msg->m_envfrom;
	tm.tm_client = p->p_conn->c_addr;
	tm.tm_local = p->p_conn->c_local;
	tm.tm_subject = p->p_mime ? p->p_mime->mn_outer_subject : NULL;
	trust_check(t, &tm, &p->p_tv);
	trust_free(t);
	if (p->p_tv.tv_court)
		p->p_class = p->p_tv.tv_verified ? DECIDE_VERIFIED : DECIDE_UNVERIFIED;
	else if (p->p_msg->m_class == MSGC_FORWARD || p->p_tv.tv_firm)
		p->p_class = DECIDE_FORWARD;
	else
		p->p_class = DECIDE_OTHER;
	return 0;
}

static int
pl_restricted(struct plan *p)
{
	const struct cfg	*cf = p->p_cfg;
	struct sealterm		*st = NULL;
	struct sealterm_case	 sc[NEF_MAX_CASES];
	const struct nef	*n = p->p_nef;
	char			 err[256];
	size_t			 i, nc = 0;
	int			 hit = 0;

	if (sealterm_new((const char *const *)cf->cf_restricted_terms.l_v,
	    cf->cf_restricted_terms.l_n,
	    (const char *const *)cf->cf_restricted_exceptions.l_v,
	    cf->cf_restricted_exceptions.l_n, &st, err, sizeof(err)) != 0) {
		snprintf(p->p_why, sizeof(p->p_why), "%s", err);
		return -1;
	}
	for (i = 0; i < n->n_ncases && nc < NEF_MAX_CASES; i++, nc++) {
		sc[nc].sc_court = n->n_court;
		sc[nc].sc_docket = n->n_cases[i].c_number_shown ?
		    n->n_cases[i].c_number_shown : n->n_cases[i].c_key;
	}
#define SCAN(s) do { if (!hit && (s) != NULL) \
	hit = sealterm_scan(st, sc, nc, (s), strlen(s), &p->p_seal); } while (0)
	SCAN(n->n_description);
	for (i = 0; i < n->n_ncases; i++)
		SCAN(n->n_cases[i].c_text);
	for (i = 0; i < n->n_ndocs; i++)
		SCAN(n->n_docs[i].d_desc);
	SCAN(n->n_short_desc);
	SCAN(n->n_subject);
	if (p->p_mime != NULL)
		SCAN(p->p_mime->mn_outer_subject);
#undef SCAN
	p->p_restricted = hit;
	sealterm_free(st);
	return 0;
}

static int
pl_lists(struct plan *p)
{
	const struct nef	*n = p->p_nef;
	struct store_addr	*v;
	size_t			 i, j, k, nv;

	for (i = 0; i < p->p_msg->m_nrcpts; i++)
		if (plan_list_add(&p->p_rcpts, p->p_msg->m_rcpts[i]) != 0)
			return -1;
	for (i = 0; i < n->n_nlisted; i++)
		for (j = 0; j < n->n_listed[i].r_naddrs; j++)
			if (plan_list_add(&p->p_listed, n->n_listed[i].r_addrs[j]) != 0)
				return -1;
	if (pl_store == NULL || !n->n_court[0])
		return 0;
	for (i = 0; i < n->n_ncases; i++) {
		const char *key = n->n_cases[i].c_key;

		if (!key[0])
			continue;
		if (store_listed_list(pl_store, n->n_court, key, &v, &nv) == STORE_OK) {
			for (k = 0; k < nv; k++)
				plan_list_add(&p->p_learned, v[k].a_addr);
			free(v);
		}
		if (store_team_list(pl_store, n->n_court, key, &v, &nv) == STORE_OK) {
			for (k = 0; k < nv; k++)
				plan_list_add(&p->p_team, v[k].a_addr);
			free(v);
		}
	}
	return 0;
}

static int
pl_decide(struct plan *p, int final)
{
	struct decide_cfg	dc;
	struct decide_in	di;

	p->p_dout = decide_free(p->p_dout);
	plan_decide_cfg(p, &dc);
	memset(&di, 0, sizeof(di));
	di.di_class = p->p_class;
	di.di_restricted = p->p_restricted;
	di.di_term = p->p_seal.sm_word;
	plan_list_view(&p->p_rcpts, &di.di_rcpts);
	plan_list_view(&p->p_listed, &di.di_listed);
	plan_list_view(&p->p_learned, &di.di_learned);
	plan_list_view(&p->p_team, &di.di_team);
	if (final && plan_doc_results(p) != 0)
		return -1;
	di.di_docs = p->p_results;
	di.di_ndocs = final ? p->p_nresults : 0;
	if (decide_run(&dc, &di, &p->p_dout) != 0) {
		snprintf(p->p_why, sizeof(p->p_why), "decision failed (limits)");
		return -1;
	}
	return 0;
}

static int
pl_documents(struct plan *p)
{
	struct docs_req		r;
	struct fetch_opts	fo;
	char			tmp[FETCH_TMP_MAX];

	memset(&r, 0, sizeof(r));
	r.dr_nef = p->p_nef;
	r.dr_id = p->p_qid;
	r.dr_label = plan_label;
	r.dr_label_arg = p;
	r.dr_tick = progress_tick_fn;
	r.dr_tick_arg = p->p_progress;
	r.dr_now = (int64_t)time(NULL);
	if (p->p_dout->do_fetch) {
		r.dr_store = pl_store;
		snprintf(tmp, sizeof(tmp), "%s/tmp", p->p_cfg->cf_state_dir);
		if (fetch_opts_from_cfg(&fo, p->p_cfg, tmp) != 0) {
			snprintf(p->p_why, sizeof(p->p_why), "state_dir too long");
			return -1;
		}
		r.dr_fetch = &fo;
	}
	if (docs_collect(&r, &p->p_docs) != 0) {
		snprintf(p->p_why, sizeof(p->p_why), "out of memory (documents)");
		return -1;
	}
	return 0;
}

static int
pl_body_write(void *arg, const char *buf, size_t len)
{
	int	fd = *(int *)arg;
	ssize_t	n;

	while (len > 0) {
		if ((n = write(fd, buf, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Build the new body into an unlinked temporary file (p_body_fd). */
static int
pl_body(struct plan *p)
{
	struct rewrite_req	 r;
	struct linkstrip	 ls;
	char			 path[1100], err[160];
	const char		*dirs[2];
	int			 fd = -1, rc, i;

	if (!plan_needs_body(p) && !plan_cal_has_part(p))
		return 0;
	memset(&r, 0, sizeof(r));
	if (plan_rewrite_req(p, &r, &ls) != 0 || plan_cal_req(p, &r) != 0) {
		snprintf(p->p_why, sizeof(p->p_why), "out of memory (summary)");
		return -1;
	}
	/* The state directory's tmp, else the system's: a full disk under
	 * the store must not cost the recipients the documents already
	 * fetched. */
	snprintf(path, sizeof(path), "%s/tmp", p->p_cfg->cf_state_dir);
	dirs[0] = path;
	dirs[1] = getenv("TMPDIR") != NULL && *getenv("TMPDIR") == '/' ?
	    getenv("TMPDIR") : "/tmp";
	for (i = 0, rc = -1; i < 2 && rc != 0; i++) {
		char tmpl[1100];

		snprintf(tmpl, sizeof(tmpl), "%s/body.XXXXXX", dirs[i]);
		if ((fd = mkstemp(tmpl)) < 0) {
			snprintf(err, sizeof(err), "cannot create a temporary "
			    "file in %s: %s", dirs[i], strerror(errno));
			continue;
		}
		unlink(tmpl);
		if ((rc = rewrite_body(&r, pl_body_write, &fd, &p->p_rw, err,
		    sizeof(err))) != 0) {
			close(fd);
			if (i == 0)
				log_warn(p->p_qid, "new body in %s failed (%s); "
				    "trying %s", dirs[0], err, dirs[1]);
		}
	}
	plan_rewrite_done(p);
	if (rc != 0) {
		snprintf(p->p_why, sizeof(p->p_why), "rewrite: %s", err);
		return -1;
	}
	p->p_body_fd = fd;
	return 0;
}

/* Send the changes to the MTA. */
static int
pl_apply(struct plan *p)
{
	struct xnef	 x;
	struct strbuf	 sb = STRBUF_INIT;
	unsigned char	*buf;
	ssize_t		 n;
	size_t		 i;
	int		 bad = 0;

	pl_xnef_strip(p);
	if (p->p_body_fd >= 0) {
		bad |= pl_chgheader(p, "Content-Type", p->p_rw.rs_ctype);
		if (msg_header(p->p_msg, "Content-Transfer-Encoding") != NULL)
			bad |= shim_chgheader(p->p_ctx, "Content-Transfer-Encoding", 1, NULL);
		if (msg_header(p->p_msg, "MIME-Version") == NULL)
			bad |= pl_addheader(p, "MIME-Version", "1.0");
		if ((buf = malloc(REWRITE_CHUNK)) == NULL)
			return -1;
		lseek(p->p_body_fd, 0, SEEK_SET);
		while ((n = read(p->p_body_fd, buf, REWRITE_CHUNK)) > 0)
			if (shim_replacebody(p->p_ctx, buf, (size_t)n) != 0) {
				bad = 1;
				break;
			}
		free(buf);
		if (n < 0)
			bad = 1;
	}
	plan_xnef(p, &x);
	xnef_format(&x, &sb);
	if (!strbuf_error(&sb))
		bad |= pl_addheader(p, "X-NEF", strbuf_str(&sb));
	strbuf_free(&sb);
	for (i = 0; i < p->p_dout->do_nadd; i++) {
		char r[ADDR_SIZE + 2];

		snprintf(r, sizeof(r), "<%s>", p->p_dout->do_add[i].dr_addr);
		if (shim_addrcpt(p->p_ctx, r) != 0) {
			log_err(p->p_qid, "could not add recipient %s", r);
			bad = 1;
		}
	}
	for (i = 0; i < p->p_dout->do_ndel; i++) {
		const char *raw = plan_rcpt_raw(p, p->p_dout->do_del[i].dr_addr);

		if (shim_delrcpt(p->p_ctx, raw) != 0) {
			log_err(p->p_qid, "could not remove recipient %s", raw);
			bad = 1;
		}
	}
	if (p->p_hold && shim_quarantine(p->p_ctx, p->p_hold_reason) != 0) {
		log_err(p->p_qid, "could not hold the message");
		bad = 1;
	}
	return bad ? -1 : 0;
}

/* What a verified notice teaches the store. */
static void
pl_learn(struct plan *p)
{
	const struct nef	*n = p->p_nef;
	int64_t			 now = (int64_t)time(NULL);
	size_t			 i;
	int			 rc;

	if (pl_store == NULL || p->p_class != DECIDE_VERIFIED || !n->n_court[0])
		return;
	for (i = 0; i < n->n_ncases; i++) {
		const struct nef_case *c = &n->n_cases[i];

		if (!c->c_key[0])
			continue;
		rc = store_case_seen(pl_store, n->n_court, c->c_key,
		    c->c_name_shown ? c->c_name_shown : "", c->c_case_id, now);
		if (rc != STORE_OK)
			log_warn(p->p_qid, "store: case %s %s not recorded: %s",
			    n->n_court, c->c_key, store_strerror(rc));
		if (!p->p_dout->do_learn || p->p_listed.pl_n == 0)
			continue;
		rc = store_listed_add_many(pl_store, n->n_court, c->c_key,
		    (const char *const *)p->p_listed.pl_v, p->p_listed.pl_n,
		    now, NULL);
		if (rc != STORE_OK)
			log_warn(p->p_qid, "store: listed recipients of %s %s "
			    "not recorded: %s", n->n_court, c->c_key,
			    store_strerror(rc));
	}
}

/* Larger than max_message_bytes: it passes unchanged, and a notice
 * among such messages (as far as its first max_message_bytes tell) gets
 * its audit record, action "error", and its counters. */
static enum sess_rc
pl_toobig(void *ctx, struct conn *c, struct msg *m)
{
	struct plan	*p;
	char		 why[128];

	if ((p = plan_new(ctx, c, m, pl_store)) == NULL)
		return SESS_CONTINUE;
	if (pl_read(p) == 0 && p->p_nef->n_kind != NEF_NOT_NOTICE) {
		/* who sent it, and whether it is restricted, for the record */
		(void)(pl_trust(p) == 0 && pl_restricted(p) == 0);
		snprintf(why, sizeof(why), "larger than max_message_bytes "
		    "(%llu)", (unsigned long long)c->c_cfg->cf_max_message_bytes);
		p->p_failed = 1;
		plan_fail_audit(p, 0, why);
	}
	tally_commit(p);
	plan_free(p);
	return SESS_CONTINUE;
}

enum sess_rc
pipeline_eom(void *ctx, struct conn *c, struct msg *m)
{
	struct plan	*p;
	enum sess_rc	 rc = SESS_CONTINUE;

	if (m->m_toobig)
		return pl_toobig(ctx, c, m);
	if ((p = plan_new(ctx, c, m, pl_store)) == NULL) {
		log_err(m->m_qid, "out of memory; message passed on unchanged");
		return c->c_cfg->cf_on_error == ONERR_TEMPFAIL ? SESS_TEMPFAIL :
		    SESS_CONTINUE;
	}
	if (pl_read(p) != 0) {
		rc = pl_fail(p, "out of memory (parser)");
		goto out;
	}
	if (p->p_nef->n_kind == NEF_NOT_NOTICE) {
		plan_log_not_notice(p);
		pl_xnef_strip(p);
		goto out;
	}
	noticelog_parsed(p->p_qid, p->p_nef);
	if (pl_trust(p) != 0 || pl_restricted(p) != 0 || pl_lists(p) != 0 ||
	    pl_decide(p, 0) != 0 || pl_documents(p) != 0 ||
	    plan_pdf_run(p, pl_store) != 0 || pl_decide(p, 1) != 0 ||
	    plan_attachments(p) != 0 || plan_cal_run(p) != 0) {
		rc = pl_fail(p, p->p_why[0] ? p->p_why : "internal error");
		goto out;
	}
	plan_pdf_hold(p);
	if (pl_body(p) != 0) {
		rc = pl_fail(p, p->p_why[0] ? p->p_why : "internal error");
		goto out;
	}
	if (pl_apply(p) != 0) {
		log_err(p->p_qid, "the MTA refused a change; see the lines above");
		p->p_mta_failed = 1;
	}
	pl_learn(p);
	plan_audit(p);
	pdfcheckout_report(p->p_pdf, pl_store);
out:
	tally_commit(p);
	plan_free(p);
	return rc;
}
