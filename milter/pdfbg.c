/*
 * NAME
 *	pdfbg 3 - checks that go on after their notice, and alerts
 * SYNOPSIS
 *	#include "pdfbg.h"
 * DESCRIPTION
 *	See pdfbg.h.  One worker thread and two lists under one mutex: the
 *	checks (running, or waiting for a helper slot) and the alerts.  The
 *	worker looks at every check at least every PDFBG_POLL_MS (a job's
 *	inspect_wait() with no wait), so one slow check never delays the
 *	others; it never holds the mutex while it waits for a helper, starts
 *	one, records a result or sends mail.
 * DIAGNOSTICS
 *	Every line starts with the queue id of the notice concerned.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cfg.h"
#include "log.h"
#include "pdfalert.h"
#include "pdfbg.h"
#include "pdfnote.h"
#include "pdfreport.h"
#include "store.h"
#include "store_audit.h"
#include "text.h"

#define PDFBG_POLL_MS	200
#define PDFBG_MAX_JOBS	256	/* waiting or running at once */

struct bjob {
	struct bjob		*b_next;
	struct cfg		*b_cfg;		/* a reference */
	struct pdfctx		 b_ctx;
	struct inspect_opts	 b_opts;
	struct inspect_job	*b_job;		/* NULL: not started */
	int			 b_slot;
	int			 b_fd;
};

struct balert {
	struct balert	*a_next;
	struct cfg	*a_cfg;
	char		 a_qid[64];
	char		*a_subject, *a_body;
};

static pthread_mutex_t	 bg_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t	 bg_cv = PTHREAD_COND_INITIALIZER;
static struct bjob	*bg_jobs;
static size_t		 bg_njobs;
static struct balert	*bg_alerts;
static int		 bg_stop, bg_running;
static pthread_t	 bg_tid;
static struct store	*bg_store;

static void	*worker(void *);
static int	step(struct bjob *);
static void	finish(struct bjob *);
static void	late_audit(const struct pdfctx *, const struct inspect_result *,
		    const char *lines);
static void	free_job(struct bjob *);
static void	unlink_job(struct bjob *);

int
pdfbg_start(struct store *st)
{
	int rc;

	bg_store = st;
	bg_stop = 0;
	if ((rc = pthread_create(&bg_tid, NULL, worker, NULL)) != 0) {
		log_err(NULL, "cannot start the background check thread: %s",
		    strerror(rc));
		return -1;
	}
	bg_running = 1;
	return 0;
}

void
pdfbg_stop(void)
{
	if (!bg_running)
		return;
	pthread_mutex_lock(&bg_lock);
	bg_stop = 1;
	pthread_cond_broadcast(&bg_cv);
	pthread_mutex_unlock(&bg_lock);
	pthread_join(bg_tid, NULL);
	bg_running = 0;
	bg_store = NULL;
}

int
pdfbg_checking(const char *sha)
{
	struct bjob *b;
	int found = 0;

	pthread_mutex_lock(&bg_lock);
	for (b = bg_jobs; b != NULL && !found; b = b->b_next)
		found = strcmp(b->b_ctx.x_doc.d_sha256, sha) == 0;
	pthread_mutex_unlock(&bg_lock);
	return found;
}

static void
free_job(struct bjob *b)
{
	b->b_job = inspect_job_free(b->b_job);
	if (b->b_slot)
		inspect_slot_give();
	if (b->b_fd >= 0)
		close(b->b_fd);
	cfg_unref(b->b_cfg);
	free(b);
}

int
pdfbg_adopt(struct cfg *cf, const struct pdfctx *x,
    const struct inspect_opts *o, struct inspect_job *job, int slot, int fd)
{
	struct bjob *b;

	if (!bg_running || (b = calloc(1, sizeof(*b))) == NULL) {
		log_warn(x->x_qid, "pdf check %s given up: %s", x->x_label,
		    bg_running ? "out of memory" : "no background thread");
		inspect_job_free(job);
		if (slot)
			inspect_slot_give();
		if (fd >= 0)
			close(fd);
		return -1;
	}
	b->b_cfg = cfg_ref(cf);
	b->b_ctx = *x;
	b->b_opts = *o;
	b->b_job = job;
	b->b_slot = slot;
	b->b_fd = fd;
	pthread_mutex_lock(&bg_lock);
	if (bg_njobs >= PDFBG_MAX_JOBS) {
		pthread_mutex_unlock(&bg_lock);
		log_warn(x->x_qid, "pdf check %s given up: %d checks wait already",
		    x->x_label, PDFBG_MAX_JOBS);
		free_job(b);
		return -1;
	}
	b->b_next = bg_jobs;
	bg_jobs = b;
	bg_njobs++;
	pthread_cond_broadcast(&bg_cv);
	pthread_mutex_unlock(&bg_lock);
	log_info(x->x_qid, "pdf check %s goes on after the notice%s", x->x_label,
	    job == NULL ? " (waiting for a helper)" : "");
	return 0;
}

int
pdfbg_alert(struct cfg *cf, const char *qid, char *subject, char *body)
{
	struct balert *a;

	if (!bg_running || (a = calloc(1, sizeof(*a))) == NULL) {
		/* no worker (a tool): send it here */
		if (cf != NULL)
			pdfalert_send(cf, qid, subject, body);
		free(subject);
		free(body);
		return 0;
	}
	a->a_cfg = cfg_ref(cf);
	text_strlcpy(a->a_qid, qid, sizeof(a->a_qid));
	a->a_subject = subject;
	a->a_body = body;
	pthread_mutex_lock(&bg_lock);
	a->a_next = bg_alerts;
	bg_alerts = a;
	pthread_cond_broadcast(&bg_cv);
	pthread_mutex_unlock(&bg_lock);
	return 0;
}

/* Work on one check: start it when a slot is free, look whether it
 * ended.  1 when it is finished. */
static int
step(struct bjob *b)
{
	char err[256];

	if (b->b_job == NULL) {
		if (!inspect_slot_take(0, NULL, NULL))
			return 0;
		b->b_slot = 1;
		if (inspect_start(&b->b_opts, b->b_fd, &b->b_job, err,
		    sizeof(err)) != 0) {
			log_err(b->b_ctx.x_qid, "pdf check %s not run: %s",
			    b->b_ctx.x_label, err);
			return 1;
		}
		close(b->b_fd);
		b->b_fd = -1;
	}
	if (!inspect_wait(b->b_job, 0, NULL, NULL))
		return 0;
	finish(b);
	return 1;
}

/* A background check ended: record it as the notice would have. */
static void
finish(struct bjob *b)
{
	struct inspect_result *r = inspect_result(b->b_job);
	struct pdfnote_finding *f = NULL;
	struct pdfnote_doc d;
	struct strbuf lines = STRBUF_INIT;
	char *subject, *body;
	size_t n = 0;

	if (r == NULL || pdfreport_notes(r, &f, &n) != 0) {
		log_err(b->b_ctx.x_qid, "pdf check %s: out of memory",
		    b->b_ctx.x_label);
		inspect_result_free(r);
		return;
	}
	pdfreport_log(&b->b_ctx, "late", r->r_status, r->r_detail, r->r_pages,
	    r->r_ms, f, n);
	pdfreport_store(bg_store, &b->b_ctx, r, STORE_FF_LATE);
	memset(&d, 0, sizeof(d));
	d.nd_label = b->b_ctx.x_label;
	d.nd_status = r->r_status == INSPECT_CHECKED ? PDFNOTE_CHECKED :
	    PDFNOTE_NOT_CHECKED;
	d.nd_detail = r->r_detail;
	d.nd_f = f;
	d.nd_nf = n;
	pdfnote_lines(&d, 1, b->b_ctx.x_firm[0] ? b->b_ctx.x_firm : NULL, 0,
	    &lines);
	late_audit(&b->b_ctx, r, strbuf_str(&lines));
	if (n > 0 && b->b_cfg->cf_alert_to.l_n > 0 &&
	    pdfalert_compose(&b->b_ctx, strbuf_str(&lines), 1, &subject,
	    &body) == 0) {
		pdfalert_send(b->b_cfg, b->b_ctx.x_qid, subject, body);
		free(subject);
		free(body);
	}
	strbuf_free(&lines);
	free(f);
	inspect_result_free(r);
}

/* The audit record of a late result, under the notice's queue id. */
static void
late_audit(const struct pdfctx *x, const struct inspect_result *r,
    const char *lines)
{
	struct store_audit a;
	struct store_audit_case c;
	char sum[160];
	int rc;

	if (bg_store == NULL || !x->x_court[0])
		return;
	memset(&a, 0, sizeof(a));
	memset(&c, 0, sizeof(c));
	a.a_time = (int64_t)time(NULL);
	text_strlcpy(a.a_qid, x->x_qid, sizeof(a.a_qid));
	text_strlcpy(a.a_court, x->x_court, sizeof(a.a_court));
	text_strlcpy(a.a_trust, "-", sizeof(a.a_trust));
	text_strlcpy(a.a_action, "pdf-check", sizeof(a.a_action));
	text_strlcpy(c.ac_docket, x->x_docket, sizeof(c.ac_docket));
	c.ac_entry = x->x_entry;
	a.a_case = &c;
	a.a_ncase = x->x_docket[0] ? 1 : 0;
	snprintf(sum, sizeof(sum), "checked=%d pending=0 unchecked=%d "
	    "bad-redaction=%d identifiers=%d late", r->r_status == INSPECT_CHECKED,
	    r->r_status != INSPECT_CHECKED, r->r_nred > 0, r->r_nids > 0);
	if (store_audit_item_add(&a, STORE_AUDIT_TAG_PDF, sum) == 0 &&
	    (lines[0] == '\0' || store_audit_item_add(&a,
	    STORE_AUDIT_TAG_PDF_FINDINGS, lines) == 0) &&
	    (!x->x_firm[0] || store_audit_item_add(&a, STORE_AUDIT_TAG_PDF_FIRM,
	    x->x_firm) == 0) &&
	    (rc = store_audit_add(bg_store, &a, NULL)) != STORE_OK)
		log_warn(x->x_qid, "audit record of the pdf check not stored: %s",
		    store_strerror(rc));
	store_audit_items_free(&a);
}

/* Take b off the list (only the worker removes; others add at the head,
 * so the list after b never changes under the worker's feet). */
static void
unlink_job(struct bjob *b)
{
	struct bjob **pp;

	pthread_mutex_lock(&bg_lock);
	for (pp = &bg_jobs; *pp != NULL && *pp != b; pp = &(*pp)->b_next)
		;
	if (*pp == b) {
		*pp = b->b_next;
		bg_njobs--;
	}
	pthread_mutex_unlock(&bg_lock);
}

static void *
worker(void *arg)
{
	struct bjob *b, *next;
	struct balert *a;
	struct timespec ts;

	(void)arg;
	pthread_mutex_lock(&bg_lock);
	for (;;) {
		while ((a = bg_alerts) != NULL) {
			bg_alerts = a->a_next;
			pthread_mutex_unlock(&bg_lock);
			pdfalert_send(a->a_cfg, a->a_qid, a->a_subject, a->a_body);
			cfg_unref(a->a_cfg);
			free(a->a_subject);
			free(a->a_body);
			free(a);
			pthread_mutex_lock(&bg_lock);
		}
		b = bg_jobs;
		pthread_mutex_unlock(&bg_lock);
		for (; b != NULL; b = next) {
			next = b->b_next;
			if (step(b)) {
				unlink_job(b);
				free_job(b);
			}
		}
		pthread_mutex_lock(&bg_lock);
		if (bg_stop && bg_jobs == NULL && bg_alerts == NULL)
			break;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += PDFBG_POLL_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		if (bg_alerts == NULL)
			pthread_cond_timedwait(&bg_cv, &bg_lock, &ts);
	}
	pthread_mutex_unlock(&bg_lock);
	return NULL;
}
