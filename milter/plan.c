/*
 * NAME
 *	plan 3 - one notice's state and the computing steps of the pipeline
 * SYNOPSIS
 *	#include "plan.h"
 * DESCRIPTION
 *	See plan.h.  The audit line is one line per message:
 *
 *	QID: notice court=C case=D entry=N kind=K trust=T restricted=R
 *	 docs=N attached=N login=N failed=N added=A removed=R action=X
 *
 *	followed by one line per document (result, source, label, sha256)
 *	and one per recipient removed, all starting with the queue id.
 * DIAGNOSTICS
 *	plan_attachments() fails only when memory runs out or no document
 *	file can be opened at all.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "addr.h"
#include "cfg.h"
#include "doclabel.h"
#include "docs.h"
#include "doclink.h"
#include "fetch.h"
#include "label.h"
#include "linkstrip.h"
#include "log.h"
#include "mime.h"
#include "mta.h"
#include "nef.h"
#include "nefsum.h"
#include "pdfcheck.h"
#include "pdfcheckout.h"
#include "plan.h"
#include "plan_record.h"
#include "progress.h"
#include "plan_cal.h"
#include "calendar.h"
#include "session.h"
#include "shim.h"
#include "store.h"
#include "summary.h"
#include "text.h"
#include "xnef.h"
#include "store_audit.h"
#include "store_doc.h"

#define PLAN_NOTE_STRIP	"[link removed: the court asked for a login; " \
	"the document is sealed or restricted, or its free look was used]"
#define PLAN_NOTE_RESTR	"[link removed: restricted entry (seal/redact); " \
	"not for every recipient of this message]"

static void	plan_list_free(struct plan_list *);
static int	plan_strip_match(const char *, void *);
static const struct nef_case *plan_case(const struct plan *, int);
static void	plan_summary(struct plan *);
static const char *plan_action(const struct plan *);
static void	plan_doc_name(const struct plan *, size_t, char *, size_t);
static int	plan_add_strip(struct plan *, const char *);
static int	plan_fits(const struct plan *, uint64_t);
static void	plan_audit_notice(const struct plan *, const struct xnef *);
static void	plan_audit_docs(const struct plan *);
static void	plan_audit_denied(const struct plan *);

struct plan *
plan_new(void *ctx, struct conn *c, struct msg *m, struct store *st)
{
	struct plan	*p;

	if ((p = calloc(1, sizeof(*p))) == NULL)
		return NULL;
	p->p_ctx = ctx;
	p->p_conn = c;
	p->p_msg = m;
	p->p_cfg = c->c_cfg;
	p->p_qid = m->m_qid;
	p->p_store = st;
	p->p_body_fd = -1;
	p->p_class = DECIDE_OTHER;
	p->p_progress = progress_new(ctx, m->m_qid,
	    (long)c->c_cfg->cf_fetch_budget * 1000);
	return p;
}

static void
plan_list_free(struct plan_list *l)
{
	size_t	i;

	for (i = 0; i < l->pl_n; i++)
		free(l->pl_v[i]);
	free(l->pl_v);
	l->pl_v = NULL;
	l->pl_n = 0;
}

struct plan *
plan_free(struct plan *p)
{
	size_t	i;

	if (p == NULL)
		return NULL;
	mime_notice_free(p->p_mime);
	progress_free(p->p_progress);
	pdfcheck_free(p->p_pdf);
	nef_free(p->p_nef);
	plan_list_free(&p->p_rcpts);
	plan_list_free(&p->p_listed);
	plan_list_free(&p->p_learned);
	plan_list_free(&p->p_team);
	decide_free(p->p_dout);
	docs_free(p->p_docs);
	free(p->p_results);
	free(p->p_over_cap);
	for (i = 0; i < p->p_natt; i++) {
		if (p->p_att[i].pa_fd >= 0)
			close(p->p_att[i].pa_fd);
		free(p->p_att[i].pa_name);
		free(p->p_att[i].pa_desc);
	}
	free(p->p_att);
	strbuf_free(&p->p_sum_text);
	strbuf_free(&p->p_sum_html);
	for (i = 0; i < p->p_nstrip; i++)
		free(p->p_strip[i]);
	free(p->p_strip);
	free(p->p_rwdocs);
	calendar_free(p->p_cal);
	free(p->p_caldocs);
	if (p->p_body_fd >= 0)
		close(p->p_body_fd);
	if (p->p_audit != NULL)
		store_audit_release(p->p_audit);
	free(p->p_audit);
	free(p);
	return NULL;
}

int
plan_list_add(struct plan_list *l, const char *addr)
{
	char	 a[ADDR_SIZE], **v;
	size_t	 i;

	if (addr_clean(addr, a, sizeof(a)) != 0 || strchr(a, '@') == NULL)
		return 0;
	for (i = 0; i < l->pl_n; i++)
		if (addr_equal(l->pl_v[i], a))
			return 0;
	if (l->pl_n >= DECIDE_LIST_MAX)
		return 0;
	if ((v = realloc(l->pl_v, (l->pl_n + 1) * sizeof(*v))) == NULL)
		return -1;
	l->pl_v = v;
	if ((v[l->pl_n] = strdup(a)) == NULL)
		return -1;
	l->pl_n++;
	return 0;
}

void
plan_list_view(const struct plan_list *l, struct decide_list *d)
{
	d->dl_v = (const char *const *)l->pl_v;
	d->dl_n = l->pl_n;
}

void
plan_decide_cfg(const struct plan *p, struct decide_cfg *dc)
{
	const struct cfg	*cf = p->p_cfg;

	memset(dc, 0, sizeof(*dc));
	dc->dc_scope = cf->cf_restricted_scope == SCOPE_ADDRESS ?
	    DECIDE_SCOPE_ADDRESS : DECIDE_SCOPE_FIRM;
	dc->dc_raction = cf->cf_restricted_action == RACTION_HOLD ?
	    DECIDE_RACTION_HOLD : DECIDE_RACTION_REMOVE;
	dc->dc_login = cf->cf_sealed_link_action == LINK_HOLD ? DECIDE_LOGIN_HOLD :
	    cf->cf_sealed_link_action == LINK_KEEP ? DECIDE_LOGIN_KEEP :
	    DECIDE_LOGIN_STRIP;
	dc->dc_team_expand = cf->cf_team_expand;
	dc->dc_firm_domains.dl_v = (const char *const *)cf->cf_firm_domains.l_v;
	dc->dc_firm_domains.dl_n = cf->cf_firm_domains.l_n;
}

int
plan_doc_results(struct plan *p)
{
	const struct docs_set	*ds = p->p_docs;
	size_t			 i;

	free(p->p_results);
	p->p_nresults = 0;
	if ((p->p_results = calloc(ds->ds_nitems + 1, sizeof(int))) == NULL)
		return -1;
	for (i = 0; i < ds->ds_nitems; i++) {
		const struct docs_item *it = &ds->ds_items[i];
		const struct docs_link *l = &ds->ds_links[it->di_link];
		int r;

		switch (it->di_result) {
		case FETCH_PDF: r = DECIDE_DOC_PDF; break;
		case FETCH_LOGIN: r = DECIDE_DOC_LOGIN; break;
		case FETCH_UNAVAILABLE: r = DECIDE_DOC_UNAVAILABLE; break;
		case FETCH_ERROR: r = DECIDE_DOC_ERROR; break;
		case FETCH_TOO_LARGE: r = DECIDE_DOC_TOO_LARGE; break;
		case FETCH_REFUSED: r = DECIDE_DOC_REFUSED; break;
		case DOCS_TOMBSTONED: r = DECIDE_DOC_UNAVAILABLE; break;
		default:	/* no document: sealed when the link says so */
			r = !l->dl_usable ? DECIDE_DOC_SEALED :
			    p->p_dout != NULL && !p->p_dout->do_fetch ?
			    DECIDE_DOC_PENDING : DECIDE_DOC_NODOC;
			break;
		}
		p->p_results[i] = r;
	}
	p->p_nresults = ds->ds_nitems;
	return 0;
}

static const struct nef_case *
plan_case(const struct plan *p, int ci)
{
	const struct nef	*n = p->p_nef;

	if (n->n_ncases == 0)
		return NULL;
	if (ci < 0 || (size_t)ci >= n->n_ncases)
		ci = 0;
	return &n->n_cases[ci];
}

void
plan_label(void *arg, const struct nef *n, int attno, const char *desc,
    char *label, size_t size)
{
	const struct plan	*p = arg;

	doclabel_name(p->p_cfg, n, attno, desc, label, size);
}

static void
plan_doc_name(const struct plan *p, size_t i, char *buf, size_t size)
{
	const struct docs_item	*it = &p->p_docs->ds_items[i];

	if (it->di_doc.d_label[0])
		text_strlcpy(buf, it->di_doc.d_label, size);
	else if (it->di_attno == 0)
		snprintf(buf, size, "Main document%s%s",
		    it->di_desc && *it->di_desc ? ": " : "",
		    it->di_desc ? it->di_desc : "");
	else
		snprintf(buf, size, "Attachment %d%s%s", it->di_attno,
		    it->di_desc && *it->di_desc ? ": " : "",
		    it->di_desc ? it->di_desc : "");
}

/* Base64 with 76-character lines and LF, plus the part's headers. */
#define PLAN_B64(n)	((n) / 3 * 4 + 4 + ((n) / 57 + 1) + 1024)

/*
 * Does one more document of size bytes keep the rewritten message below
 * Postfix's message_size_limit?  The notice itself is counted at 1.25
 * times its size (re-encoded quoted-printable) plus room for the summary.
 */
static int
plan_fits(const struct plan *p, uint64_t size)
{
	uint64_t	limit = p->p_cfg->cf_message_size_limit, used;
	size_t		i;

	if (limit == 0)
		return 1;
	used = p->p_msg->m_spool.sb_len + p->p_msg->m_spool.sb_len / 4 + 32768;
	for (i = 0; i < p->p_natt; i++)
		used += PLAN_B64(p->p_att[i].pa_size);
	return used + PLAN_B64(size) <= limit;
}

int
plan_attachments(struct plan *p)
{
	const struct docs_set	*ds = p->p_docs;
	const struct decide_out	*d = p->p_dout;
	uint64_t		 cap = p->p_cfg->cf_max_attach_bytes;
	struct plan_att		*a;
	char			 desc[LABEL_DESCRIPTION_SIZE];
	size_t			 i;
	int			 fd, rc;

	p->p_hold = d->do_hold;
	text_strlcpy(p->p_hold_reason, d->do_hold_reason, sizeof(p->p_hold_reason));
	if ((p->p_over_cap = calloc(ds->ds_nitems + 1, 1)) == NULL ||
	    (p->p_att = calloc(ds->ds_nitems + 1, sizeof(*p->p_att))) == NULL)
		goto nomem;
	for (i = 0; i < ds->ds_nitems && i < d->do_ndocs; i++) {
		const struct docs_item *it = &ds->ds_items[i];

		if (!d->do_docs[i].dd_attach || it->di_result != FETCH_PDF)
			continue;
		if (p->p_att_bytes + it->di_doc.d_size > cap ||
		    !plan_fits(p, it->di_doc.d_size)) {
			p->p_over_cap[i] = 1;
			continue;
		}
		fd = -1;
		if (it->di_path != NULL)
			fd = open(it->di_path, O_RDONLY | O_CLOEXEC);
		/* A put that failed after moving the temporary file left it
		 * at its content address: attach it from there. */
		if (fd < 0 && p->p_store != NULL &&
		    (rc = store_doc_open(p->p_store, &it->di_doc, &fd)) != STORE_OK) {
			log_err(p->p_qid, "document %s/%s#%u cannot be read from "
			    "the store: %s", it->di_doc.d_court, it->di_doc.d_key,
			    it->di_doc.d_att, store_strerror(rc));
			fd = -1;
		}
		if (fd < 0)
			continue;
		a = &p->p_att[p->p_natt++];
		a->pa_item = i;
		a->pa_fd = fd;
		a->pa_size = it->di_doc.d_size;
		a->pa_name = strdup(it->di_doc.d_label[0] ? it->di_doc.d_label :
		    "document.pdf");
		doclabel_description(p->p_nef, it->di_attno, it->di_desc, desc,
		    sizeof(desc));
		a->pa_desc = strdup(desc);
		if (a->pa_name == NULL || a->pa_desc == NULL)
			goto nomem;
		p->p_att_bytes += a->pa_size;
	}
	return 0;
nomem:
	snprintf(p->p_why, sizeof(p->p_why), "out of memory (attachments)");
	return -1;
}

int
plan_needs_body(const struct plan *p)
{
	char	lines[NEFSUM_MAX][NEFSUM_LINE_MAX];

	if (p->p_class == DECIDE_OTHER)
		return 0;
	/* a notice read in part, a claim or a changed entry: its summary */
	return p->p_docs->ds_nitems > 0 || p->p_dout->do_strip ||
	    nefsum_lines(p->p_nef, lines, NEFSUM_MAX) > 0;
}

static int
plan_add_strip(struct plan *p, const char *match)
{
	char	**v;
	size_t	  i;

	for (i = 0; i < p->p_nstrip; i++)
		if (strcmp(p->p_strip[i], match) == 0)
			return 0;
	if ((v = realloc(p->p_strip, (p->p_nstrip + 1) * sizeof(*v))) == NULL)
		return -1;
	p->p_strip = v;
	if ((v[p->p_nstrip] = strdup(match)) == NULL)
		return -1;
	p->p_nstrip++;
	return 0;
}

/* linkstrip_fn: is url one of the entry's links to remove? */
static int
plan_strip_match(const char *url, void *arg)
{
	const struct plan	*p = arg;
	struct doclink		 dl;
	const char		*id;
	size_t			 i;

	if (doclink_parse(url, strlen(url), &dl) != 0)
		return 0;
	if (dl.dl_kind != DOCLINK_DOC1 && dl.dl_kind != DOCLINK_DOCS1 &&
	    dl.dl_kind != DOCLINK_ACMS)
		return 0;
	if (p->p_strip_all)
		return 1;
	id = dl.dl_kind == DOCLINK_ACMS ? dl.dl_magic :
	    (dl.dl_doc_id_norm[0] ? dl.dl_doc_id_norm : dl.dl_doc_id);
	for (i = 0; i < p->p_nstrip; i++)
		if (strcmp(p->p_strip[i], id) == 0)
			return 1;
	return 0;
}

static void
plan_summary(struct plan *p)
{
	const struct docs_set	*ds = p->p_docs;
	const struct decide_out	*d = p->p_dout;
	const struct nef_case	*c = plan_case(p, 0);
	struct summary_item	*it;
	struct summary_head	 h;
	char			 extra[NEFSUM_MAX][NEFSUM_LINE_MAX];
	const char		*xp[NEFSUM_MAX];
	char			 note[200], (*names)[256];
	size_t			 i, j;

	it = calloc(ds->ds_nitems + 1, sizeof(*it));
	names = calloc(ds->ds_nitems + 1, sizeof(*names));
	if (it == NULL || names == NULL)
		goto out;
	for (i = 0; i < ds->ds_nitems; i++) {
		const struct docs_item *x = &ds->ds_items[i];

		plan_doc_name(p, i, names[i], sizeof(names[i]));
		it[i].si_name = names[i];
		it[i].si_size = x->di_doc.d_size;
		it[i].si_detail = x->di_detail[0] ? x->di_detail : NULL;
		switch (x->di_result) {
		case FETCH_PDF:
			it[i].si_state = p->p_over_cap[i] ? SUM_OVER_CAP :
			    SUM_WITHHELD;
			it[i].si_detail = NULL;
			for (j = 0; j < p->p_natt; j++)
				if (p->p_att[j].pa_item == i)
					it[i].si_state = SUM_ATTACHED;
			break;
		case FETCH_LOGIN: it[i].si_state = SUM_LOGIN; it[i].si_detail = NULL; break;
		case FETCH_UNAVAILABLE: it[i].si_state = SUM_UNAVAILABLE; break;
		case DOCS_TOMBSTONED: it[i].si_state = SUM_TOMBSTONED; it[i].si_detail = NULL; break;
		case FETCH_NO_DOCUMENT:
			it[i].si_state = p->p_results[i] == DECIDE_DOC_PENDING ?
			    SUM_NOT_FETCHED : SUM_NO_DOCUMENT;
			if (it[i].si_state == SUM_NOT_FETCHED)
				it[i].si_detail = NULL;
			break;
		default: it[i].si_state = SUM_FAILED; break;
		}
	}
	memset(&h, 0, sizeof(h));
	h.sh_court = p->p_nef->n_court;
	h.sh_case = c ? (c->c_number_shown ? c->c_number_shown : c->c_key) : NULL;
	h.sh_entry = c ? c->c_doc_number : NULL;
	h.sh_restricted = p->p_restricted;
	h.sh_unverified = p->p_class == DECIDE_UNVERIFIED;
	if (d->do_strip) {
		snprintf(note, sizeof(note), "Documents and links of this entry "
		    "were removed: not every recipient of this message may see them.");
		h.sh_notice = note;
	} else if (p->p_hold) {
		snprintf(note, sizeof(note), "This message was held for review.");
		h.sh_notice = note;
	}
	plan_cal_summary(p, &h);
	h.sh_nabout = nefsum_lines(p->p_nef, extra, NEFSUM_MAX);
	for (i = 0; i < h.sh_nabout; i++)
		xp[i] = extra[i];
	h.sh_about = xp;
	pdfcheckout_summary(p->p_pdf, &h);
	summary_text(&h, it, ds->ds_nitems, &p->p_sum_text);
	summary_html(&h, it, ds->ds_nitems, &p->p_sum_html);
out:
	free(it);
	free(names);
}

int
plan_rewrite_req(struct plan *p, struct rewrite_req *r, struct linkstrip *ls)
{
	const struct docs_set	*ds = p->p_docs;
	const struct decide_out	*d = p->p_dout;
	size_t			 i, k;

	plan_summary(p);
	p->p_strip_all = d->do_strip;
	/* A link goes when every document behind it met a login prompt (or
	 * is otherwise not public): a menu whose main document and other
	 * attachments came through stays, and the summary names the rest. */
	for (k = 0; k < ds->ds_nlinks; k++) {
		size_t nstrip = 0, nall = 0;

		for (i = 0; i < ds->ds_nitems && i < d->do_ndocs; i++) {
			if (ds->ds_items[i].di_link != k)
				continue;
			nall++;
			nstrip += d->do_docs[i].dd_link == DECIDE_LINK_STRIP;
		}
		if (nall > 0 && nstrip == nall &&
		    plan_add_strip(p, ds->ds_links[k].dl_match) != 0)
			return -1;
	}
	if ((p->p_rwdocs = calloc(p->p_natt + 1, sizeof(*p->p_rwdocs))) == NULL)
		return -1;
	for (i = 0; i < p->p_natt; i++) {
		p->p_rwdocs[i].rd_fd = p->p_att[i].pa_fd;
		p->p_rwdocs[i].rd_size = p->p_att[i].pa_size;
		p->p_rwdocs[i].rd_filename = p->p_att[i].pa_name;
		p->p_rwdocs[i].rd_description = p->p_att[i].pa_desc;
	}
	ls->ls_match = plan_strip_match;
	ls->ls_arg = p;
	ls->ls_note = d->do_strip ? PLAN_NOTE_RESTR : PLAN_NOTE_STRIP;
	r->rr_msg = p->p_msg->m_spool.sb_s;
	r->rr_len = p->p_msg->m_spool.sb_len;
	r->rr_sum_text = strbuf_str(&p->p_sum_text);
	r->rr_sum_html = strbuf_str(&p->p_sum_html);
	r->rr_strip = (p->p_nstrip > 0 || p->p_strip_all) ? ls : NULL;
	r->rr_docs = p->p_rwdocs;
	r->rr_ndocs = p->p_natt;
	r->rr_drop_pdfs = d->do_strip;
	return strbuf_error(&p->p_sum_text) || strbuf_error(&p->p_sum_html) ? -1 : 0;
}

void
plan_rewrite_done(struct plan *p)
{
	(void)p;
}

static const char *
plan_action(const struct plan *p)
{
	if (p->p_mta_failed)
		return "mta-refused";
	if (p->p_hold)
		return "held";
	if (p->p_natt > 0)
		return "attached";
	if (p->p_rw.rs_stripped > 0 || p->p_rw.rs_dropped > 0)
		return "stripped";
	if (p->p_dout != NULL && p->p_dout->do_ndel > 0)
		return "restricted";
	return p->p_body_fd >= 0 ? "summary" : "unchanged";
}

void
plan_xnef(const struct plan *p, struct xnef *x)
{
	const struct nef_case	*c = p->p_nef ? plan_case(p, 0) : NULL;
	const struct docs_set	*ds = p->p_docs;
	size_t			 i;

	memset(x, 0, sizeof(*x));
	x->x_court = p->p_nef && p->p_nef->n_court[0] ? p->p_nef->n_court : NULL;
	x->x_case = c ? c->c_key : NULL;
	x->x_entry = c ? c->c_doc_number : NULL;
	x->x_trust = decide_class_name(p->p_class);
	x->x_restricted = p->p_restricted;
	for (i = 0; ds != NULL && i < ds->ds_nitems; i++) {
		switch (ds->ds_items[i].di_result) {
		case FETCH_PDF: x->x_count[XNEF_PDF]++; break;
		case FETCH_LOGIN: x->x_count[XNEF_LOGIN]++; break;
		case FETCH_UNAVAILABLE: x->x_count[XNEF_UNAVAILABLE]++; break;
		case FETCH_ERROR: x->x_count[XNEF_ERROR]++; break;
		case FETCH_TOO_LARGE: x->x_count[XNEF_TOO_LARGE]++; break;
		case FETCH_REFUSED: x->x_count[XNEF_REFUSED]++; break;
		case DOCS_TOMBSTONED: x->x_count[XNEF_TOMBSTONED]++; break;
		default: x->x_count[XNEF_NO_DOCUMENT]++; break;
		}
	}
	x->x_action = plan_action(p);
	pdfcheckout_xnef(p->p_pdf, x);
}

const char *
plan_rcpt_raw(const struct plan *p, const char *clean)
{
	char	a[ADDR_SIZE];
	size_t	i;

	for (i = 0; i < p->p_msg->m_nrcpts; i++)
		if (addr_clean(p->p_msg->m_rcpts[i], a, sizeof(a)) == 0 &&
		    addr_equal(a, clean))
			return p->p_msg->m_rcpts[i];
	return clean;
}

void
plan_log_not_notice(const struct plan *p)
{
	char		 subj[LOG_CLEAN_SIZE];
	const char	*s = p->p_mime ? p->p_mime->mn_outer_subject : NULL;

	if (s == NULL)
		s = msg_header(p->p_msg, "Subject");
	log_info(p->p_qid, "not a notice (%s: %s); passed unchanged, subject=\"%s\"",
	    nef_reason_name(p->p_nef->n_reason), p->p_why, log_cleans(subj, s));
}

/* The audit: one line for the message, one per document and per
 * recipient removed; then the record in the store. */
/* The notice's log line: what it is, what was done. */
static void
plan_audit_notice(const struct plan *p, const struct xnef *x)
{
	const struct nef	*n = p->p_nef;
	const struct decide_out	*d = p->p_dout;
	const struct nef_case	*c = plan_case(p, 0);
	struct strbuf		 add = STRBUF_INIT, del = STRBUF_INIT;
	size_t			 i;

	for (i = 0; i < d->do_nadd; i++)
		strbuf_printf(&add, "%s<%s>", i ? "," : "", d->do_add[i].dr_addr);
	for (i = 0; i < d->do_ndel; i++)
		strbuf_printf(&del, "%s<%s>", i ? "," : "", d->do_del[i].dr_addr);
	log_notice(p->p_qid, "notice court=%s case=%s entry=%s kind=%s trust=%s "
	    "(%s) restricted=%s%s%s%s docs=%zu attached=%zu login=%u failed=%u "
	    "events=%zu added=%s removed=%s action=%s",
	    n->n_court[0] ? n->n_court : "-", c && c->c_key[0] ? c->c_key : "-",
	    c && c->c_doc_number ? c->c_doc_number : "-",
	    nef_kind_name(n->n_kind), decide_class_name(p->p_class),
	    p->p_tv.tv_reason, p->p_restricted ? "yes(" : "no",
	    p->p_restricted ? p->p_seal.sm_word : "",
	    p->p_restricted ? ")" : "", n->n_ncases > 1 ? " multi-docket" : "",
	    p->p_docs->ds_nitems, p->p_natt, x->x_count[XNEF_LOGIN],
	    x->x_count[XNEF_ERROR] + x->x_count[XNEF_UNAVAILABLE] +
	    x->x_count[XNEF_TOO_LARGE] + x->x_count[XNEF_REFUSED],
	    plan_cal_events(p),
	    add.sb_len ? strbuf_str(&add) : "-", del.sb_len ? strbuf_str(&del) : "-",
	    x->x_action);
	strbuf_free(&add);
	strbuf_free(&del);
}

/* One log line per document of the notice. */
static void
plan_audit_docs(const struct plan *p)
{
	const struct docs_set	*ds = p->p_docs;
	char			 name[256], buf[LOG_CLEAN_SIZE];
	size_t			 i, j;

	for (i = 0; i < ds->ds_nitems; i++) {
		const struct docs_item *it = &ds->ds_items[i];
		int att = 0;

		for (j = 0; j < p->p_natt; j++)
			att |= p->p_att[j].pa_item == i;
		plan_doc_name(p, i, name, sizeof(name));
		log_info(p->p_qid, "document %s/%s#%d %s%s%s label=\"%s\" sha256=%s "
		    "size=%llu%s%s", ds->ds_links[it->di_link].dl_court,
		    ds->ds_links[it->di_link].dl_key, it->di_attno,
		    docs_result_name(it->di_result),
		    it->di_result == FETCH_PDF ? (it->di_from_store ?
		    " from-store" : " fetched") : "",
		    att ? " attached" : p->p_over_cap[i] ? " over-cap" : "",
		    log_cleans(buf, name),
		    it->di_doc.d_sha256[0] ? it->di_doc.d_sha256 : "-",
		    (unsigned long long)it->di_doc.d_size,
		    it->di_detail[0] && it->di_result != FETCH_PDF ?
		    " detail=" : "",
		    it->di_result != FETCH_PDF ? it->di_detail : "");
	}
}

/* The recipients refused, and the hold. */
static void
plan_audit_denied(const struct plan *p)
{
	const struct decide_out	*d = p->p_dout;
	char			 buf[LOG_CLEAN_SIZE];
	size_t			 i;

	for (i = 0; i < d->do_ndenied; i++)
		log_notice(p->p_qid, "recipient <%s> %s: %s", d->do_denied[i].dr_addr,
		    d->do_ndel ? "removed" : "not allowed, kept",
		    d->do_denied[i].dr_reason);
	if (p->p_hold) {
		enum mta_kind k = mta_kind_of(shim_getsymval(p->p_ctx, "v"));

		log_notice(p->p_qid, "held (%s; release: %s): %s",
		    mta_hold_place(k), mta_release_cmd(k, p->p_qid, buf,
		    sizeof(buf)), p->p_hold_reason);
	}
}

void
plan_audit(struct plan *p)
{
	struct xnef	 x;

	plan_xnef(p, &x);
	plan_audit_notice(p, &x);
	log_info(p->p_qid, "decision: %s", p->p_dout->do_audit);
	plan_audit_docs(p);
	plan_audit_denied(p);
	if (p->p_store != NULL)
		plan_record_make(p, x.x_action);
}
