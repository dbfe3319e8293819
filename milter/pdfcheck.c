/*
 * NAME
 *	pdfcheck 3 - the disclosure check of a notice's documents
 * SYNOPSIS
 *	#include "pdfcheck.h"
 * DESCRIPTION
 *	See pdfcheck.h.  pdfcheck_run() makes one entry per PDF of the
 *	docs set (a content seen twice is checked once), looks each up in
 *	the store and in the background list, opens the rest and runs them:
 *	it starts helpers while slots are free and waits on the running
 *	ones in turn, ticking the MTA's progress timer, until every one has
 *	ended or the notice's wait is over.  The outputs (counts, summary
 *	lines, audit items, the report) are in pdfcheckout.h.  The
 *	settings beyond the table are checked by pdfcheck_check_cfg().
 * DIAGNOSTICS
 *	A document that cannot be read is "not checked" with the reason;
 *	nothing here fails the notice.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "addr.h"
#include "cfg.h"
#include "cfgcheck.h"
#include "docs.h"
#include "fetch.h"
#include "log.h"
#include "mailout.h"
#include "nef.h"
#include "pdfbg.h"
#include "pdfcheck.h"
#include "pdfcheckout.h"
#include "pdfnote.h"
#include "progress.h"
#include "store.h"
#include "store_doc.h"
#include "text.h"

#define PDFCHECK_SLICE_MS	100	/* per running job, in turn */

static void	notice_ctx(struct pdfcheck *, const struct nef *);
static void	firm_match(struct pdfcheck *, const struct nef *);
static int	add_docs(struct pdfcheck *, const struct pdfcheck_req *);
static void	prepare(struct pdfcheck *, struct pdfcheck_doc *,
		    const struct pdfcheck_req *, const struct docs_item *);
static void	run_all(struct pdfcheck *, const struct pdfcheck_req *);
static long long now_ms(void);

static long long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void
pdfcheck_label(const char *entry, int attno, char *buf, size_t size)
{
	if (entry != NULL && *entry != '\0' && attno > 0)
		snprintf(buf, size, "ECF %.16s-%d", entry, attno);
	else if (entry != NULL && *entry != '\0')
		snprintf(buf, size, "ECF %.16s", entry);
	else if (attno > 0)
		snprintf(buf, size, "Attachment %d", attno);
	else
		snprintf(buf, size, "Main document");
}

/* What every document of the notice shares. */
static void
notice_ctx(struct pdfcheck *pc, const struct nef *n)
{
	struct pdfctx *x = &pc->pc_ctx;
	const struct nef_case *c = n->n_ncases > 0 ? &n->n_cases[0] : NULL;

	text_strlcpy(x->x_qid, pc->pc_qid, sizeof(x->x_qid));
	text_strlcpy(x->x_court, n->n_court, sizeof(x->x_court));
	if (c == NULL)
		return;
	text_strlcpy(x->x_docket, c->c_key, sizeof(x->x_docket));
	text_strlcpy(x->x_case, c->c_number_shown ? c->c_number_shown : c->c_key,
	    sizeof(x->x_case));
	if (c->c_name_shown != NULL)
		text_strlcpy(x->x_case_name, c->c_name_shown,
		    sizeof(x->x_case_name));
	if (c->c_doc_number != NULL) {
		text_strlcpy(x->x_entry_s, c->c_doc_number, sizeof(x->x_entry_s));
		x->x_entry = (uint32_t)strtoul(c->c_doc_number, NULL, 10);
	}
}

/*
 * A filing by the firm itself: a firm_filer_names entry in a Filer line
 * or in the "filed by" part of the docket text (to the end of its
 * sentence).
 */
static void
firm_match(struct pdfcheck *pc, const struct nef *n)
{
	const struct cfg_list *l = &pc->pc_cfg->cf_firm_filer_names;
	const char *const *names = (const char *const *)l->l_v;
	const char *t, *by, *end;
	size_t i, j;
	int k = -1;

	if (l->l_n == 0)
		return;
	for (i = 0; i < n->n_ncases && k < 0; i++) {
		const struct nef_case *c = &n->n_cases[i];

		for (j = 0; j < c->c_nfilers && k < 0; j++)
			if (c->c_filers[j] != NULL)
				k = pdfnote_name_in(names, l->l_n, c->c_filers[j],
				    strlen(c->c_filers[j]));
		t = c->c_text;
		while (k < 0 && t != NULL &&
		    (by = text_memcasemem(t, strlen(t), "filed by", 8)) != NULL) {
			by += 8;
			for (end = by; *end && *end != '.' && *end != '(' &&
			    *end != ';' && end - by < 300; end++)
				;
			k = pdfnote_name_in(names, l->l_n, by, (size_t)(end - by));
			t = end;
		}
	}
	if (k >= 0)
		text_strlcpy(pc->pc_ctx.x_firm, names[k], sizeof(pc->pc_ctx.x_firm));
}

/* One document: the earlier check, a running one, or open it. */
static void
prepare(struct pdfcheck *pc, struct pdfcheck_doc *d,
    const struct pdfcheck_req *rq, const struct docs_item *it)
{
	struct store_finding_query q;
	struct stat sb;
	int rc;

	d->pd_fd = -1;
	if (rq->pr_store != NULL &&
	    store_check_get(rq->pr_store, it->di_doc.d_sha256, &d->pd_check) == 0 &&
	    (d->pd_check.c_status == INSPECT_CHECKED ||
	    d->pd_check.c_status == INSPECT_TOO_LARGE)) {
		memset(&q, 0, sizeof(q));
		q.fq_sha256 = it->di_doc.d_sha256;
		q.fq_check = d->pd_check.c_id;
		if (store_finding_query(rq->pr_store, &q, &d->pd_cached,
		    &d->pd_ncached) == STORE_OK) {
			d->pd_state = PDFCHECK_CACHED;
			return;
		}
	}
	if (pdfbg_checking(it->di_doc.d_sha256)) {
		d->pd_state = PDFCHECK_PENDING;
		return;
	}
	d->pd_state = PDFCHECK_DONE;
	if (pc->pc_no_helper) {
		d->pd_res = inspect_result_new(INSPECT_ERROR, "%s",
		    pc->pc_no_helper_why);
		return;
	}
	if (it->di_path != NULL)
		d->pd_fd = open(it->di_path, O_RDONLY | O_CLOEXEC);
	if (d->pd_fd < 0 && rq->pr_store != NULL &&
	    (rc = store_doc_open(rq->pr_store, &it->di_doc, &d->pd_fd)) != 0) {
		d->pd_res = inspect_result_new(INSPECT_ERROR, "the document "
		    "cannot be read from the store: %s", store_strerror(rc));
		d->pd_fd = -1;
		return;
	}
	if (d->pd_fd < 0) {
		d->pd_res = inspect_result_new(INSPECT_ERROR, "the document "
		    "cannot be read");
		return;
	}
	if (fstat(d->pd_fd, &sb) == 0 && (uint64_t)sb.st_size > pc->pc_opts.io_max_bytes) {
		d->pd_res = inspect_result_new(INSPECT_TOO_LARGE, "%llu bytes (the "
		    "limit is %llu)", (unsigned long long)sb.st_size,
		    (unsigned long long)pc->pc_opts.io_max_bytes);
		close(d->pd_fd);
		d->pd_fd = -1;
		return;
	}
	d->pd_state = PDFCHECK_PENDING;	/* to run */
}

static int
add_docs(struct pdfcheck *pc, const struct pdfcheck_req *rq)
{
	const struct docs_set *ds = rq->pr_docs;
	const struct nef *n = rq->pr_nef;
	size_t i, j;

	if ((pc->pc_docs = calloc(ds->ds_nitems + 1, sizeof(*pc->pc_docs))) == NULL)
		return -1;
	for (i = 0; i < ds->ds_nitems; i++) {
		const struct docs_item *it = &ds->ds_items[i];
		const struct docs_link *l = &ds->ds_links[it->di_link];
		struct pdfcheck_doc *d = &pc->pc_docs[pc->pc_n];
		const char *entry = NULL;

		if (it->di_result != FETCH_PDF || !it->di_doc.d_sha256[0])
			continue;
		d->pd_item = i;
		d->pd_ctx = pc->pc_ctx;
		d->pd_ctx.x_doc = it->di_doc;
		if (l->dl_case >= 0 && (size_t)l->dl_case < n->n_ncases)
			entry = n->n_cases[l->dl_case].c_doc_number;
		pdfcheck_label(entry ? entry : pc->pc_ctx.x_entry_s, it->di_attno,
		    d->pd_ctx.x_label, sizeof(d->pd_ctx.x_label));
		pc->pc_n++;
		for (j = 0; j + 1 < pc->pc_n; j++)
			if (strcmp(pc->pc_docs[j].pd_ctx.x_doc.d_sha256,
			    it->di_doc.d_sha256) == 0)
				break;
		if (j + 1 < pc->pc_n) {
			d->pd_state = PDFCHECK_SKIPPED;
			d->pd_fd = -1;
			continue;
		}
		prepare(pc, d, rq, it);
	}
	return 0;
}

/* Is the document waiting to run (it has its descriptor, no job)? */
static int
to_start(const struct pdfcheck_doc *d)
{
	return d->pd_state == PDFCHECK_PENDING && d->pd_job == NULL &&
	    d->pd_fd >= 0;
}

/* Start helpers while slots are free; wait on the running ones in turn;
 * until all have ended or the wait is over. */
static void
run_all(struct pdfcheck *pc, const struct pdfcheck_req *rq)
{
	long long end = now_ms() + (rq->pr_wait_ms > 0 ? rq->pr_wait_ms : 0);
	struct pdfcheck_doc *d;
	char err[256];
	size_t i, running, waiting;
	long left;

	for (;;) {
		running = waiting = 0;
		for (i = 0; i < pc->pc_n; i++) {
			running += pc->pc_docs[i].pd_job != NULL;
			waiting += to_start(&pc->pc_docs[i]);
		}
		if ((running == 0 && waiting == 0) || (left = (long)(end - now_ms())) <= 0)
			return;
		for (i = 0; i < pc->pc_n && waiting > 0; i++) {
			d = &pc->pc_docs[i];
			if (!to_start(d))
				continue;
			if (!inspect_slot_take(running > 0 ? 0 : left,
			    progress_tick_fn, rq->pr_progress))
				break;
			d->pd_slot = 1;
			if (inspect_start(&pc->pc_opts, d->pd_fd, &d->pd_job, err,
			    sizeof(err)) != 0) {
				inspect_slot_give();
				d->pd_slot = 0;
				d->pd_state = PDFCHECK_DONE;
				d->pd_res = inspect_result_new(INSPECT_ERROR, "%s", err);
			} else
				running++;
			close(d->pd_fd);
			d->pd_fd = -1;
			waiting--;
		}
		for (i = 0; i < pc->pc_n; i++) {
			d = &pc->pc_docs[i];
			if (d->pd_job == NULL)
				continue;
			left = (long)(end - now_ms());
			if (!inspect_wait(d->pd_job, left < PDFCHECK_SLICE_MS ? left :
			    PDFCHECK_SLICE_MS, progress_tick_fn, rq->pr_progress))
				continue;
			d->pd_res = inspect_result(d->pd_job);
			if (d->pd_res == NULL)
				d->pd_res = inspect_result_new(INSPECT_ERROR,
				    "out of memory");
			d->pd_job = inspect_job_free(d->pd_job);
			inspect_slot_give();
			d->pd_slot = 0;
			d->pd_state = PDFCHECK_DONE;
		}
	}
}

int
pdfcheck_run(const struct pdfcheck_req *rq, struct pdfcheck **out)
{
	struct pdfcheck *pc;

	*out = NULL;
	if (!rq->pr_cfg->cf_pdf_check)
		return 0;
	if ((pc = calloc(1, sizeof(*pc))) == NULL)
		return -1;
	pc->pc_cfg = rq->pr_cfg;
	text_strlcpy(pc->pc_qid, rq->pr_qid, sizeof(pc->pc_qid));
	if (inspect_opts_from_cfg(&pc->pc_opts, rq->pr_cfg, pc->pc_no_helper_why,
	    sizeof(pc->pc_no_helper_why)) != 0)
		pc->pc_no_helper = 1;
	notice_ctx(pc, rq->pr_nef);
	firm_match(pc, rq->pr_nef);
	if (add_docs(pc, rq) != 0) {
		pdfcheck_free(pc);
		return -1;
	}
	run_all(pc, rq);
	if (pdfcheckout_decide(pc) != 0) {
		pdfcheck_free(pc);
		return -1;
	}
	*out = pc;
	return 0;
}

struct pdfcheck *
pdfcheck_free(struct pdfcheck *pc)
{
	size_t i;

	if (pc == NULL)
		return NULL;
	for (i = 0; i < pc->pc_n; i++) {
		struct pdfcheck_doc *d = &pc->pc_docs[i];

		inspect_result_free(d->pd_res);
		free(d->pd_cached);
		inspect_job_free(d->pd_job);
		if (d->pd_slot)
			inspect_slot_give();
		if (d->pd_fd >= 0)
			close(d->pd_fd);
	}
	free(pc->pc_docs);
	strbuf_free(&pc->pc_text);
	free(pc->pc_lines);
	free(pc->pc_about);
	free(pc);
	return NULL;
}

int
pdfcheck_check_cfg(const struct cfg *cf, struct strbuf *err)
{
	char a[ADDR_SIZE], why[128];
	size_t i;
	int bad = 0;

	for (i = 0; i < cf->cf_alert_to.l_n && !cfgcheck_refused(cf, "alert_to"); i++)
		if (mailout_addr(cf->cf_alert_to.l_v[i], a, sizeof(a), why,
		    sizeof(why)) != 0) {
			cfgcheck_problem(cf, err, "alert_to", "alert_to \"%.80s\": %s",
			    cf->cf_alert_to.l_v[i], why);
			bad = 1;
		}
	if (cf->cf_pdf_check && cf->cf_pdf_helper != NULL &&
	    cf->cf_pdf_helper[0] != '\0' && !cfgcheck_refused(cf, "pdf_helper") &&
	    (cf->cf_pdf_helper[0] != '/' || access(cf->cf_pdf_helper, X_OK) != 0)) {
		cfgcheck_problem(cf, err, "pdf_helper", "pdf_helper %.200s: %s",
		    cf->cf_pdf_helper, cf->cf_pdf_helper[0] != '/' ?
		    "not an absolute path" : strerror(errno));
		bad = 1;
	}
	return bad ? -1 : 0;
}
