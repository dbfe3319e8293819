/*
 * NAME
 *	ctl_inspect 3 - nefctl inspect
 * SYNOPSIS
 *	#include "ctl_inspect.h"
 * DESCRIPTION
 *	See ctl_inspect.h.  The documents come from store_doc_list(), per
 *	case; a content seen before in the same run is not checked again.
 * DIAGNOSTICS
 *	A document whose file is missing is "not checked" with the store's
 *	reason.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ctl.h"
#include "ctl_inspect.h"
#include "inspect.h"
#include "pdfcheck.h"
#include "pdfnote.h"
#include "pdfreport.h"
#include "store.h"
#include "store_case.h"
#include "store_doc.h"
#include "text.h"

struct run {
	struct ctl		*r_c;
	struct inspect_opts	 r_o;
	int			 r_json;
	char			(*r_seen)[STORE_SHA_HEX + 1];
	size_t			 r_nseen, r_cap;
	size_t			 r_checked, r_not;
};

static struct inspect_result *check_doc(struct run *, const struct store_doc *);
static void	print_text(struct run *, const struct pdfctx *,
		    const struct inspect_result *);
static void	print_json(struct run *, const struct pdfctx *,
		    const struct inspect_result *);
static int	one_case(struct run *, const char *court, const char *docket);

static struct inspect_result *
check_doc(struct run *r, const struct store_doc *d)
{
	struct inspect_result *res;
	struct inspect_job *j;
	char err[256];
	int fd, rc;

	if (d->d_size > r->r_o.io_max_bytes)
		return inspect_result_new(INSPECT_TOO_LARGE, "%llu bytes (the "
		    "limit is %llu)", (unsigned long long)d->d_size,
		    (unsigned long long)r->r_o.io_max_bytes);
	if ((rc = store_doc_open(r->r_c->c_st, d, &fd)) != STORE_OK)
		return inspect_result_new(INSPECT_ERROR, "the document cannot be "
		    "read from the store: %s", store_strerror(rc));
	if (inspect_start(&r->r_o, fd, &j, err, sizeof(err)) != 0) {
		close(fd);
		return inspect_result_new(INSPECT_ERROR, "%s", err);
	}
	close(fd);
	while (!inspect_wait(j, 60000, NULL, NULL))
		;
	res = inspect_result(j);
	inspect_job_free(j);
	return res;
}

static void
print_text(struct run *r, const struct pdfctx *x, const struct inspect_result *res)
{
	FILE *fp = r->r_c->c_out;
	size_t i;

	fprintf(fp, "%s %s %s (%s/%s#%u): %s", x->x_court, x->x_docket,
	    x->x_label, x->x_doc.d_court, x->x_doc.d_key, x->x_doc.d_att,
	    inspect_status_name(res->r_status));
	if (res->r_status != INSPECT_CHECKED)
		fprintf(fp, " (%s)", res->r_detail);
	fprintf(fp, ", %d page%s\n", res->r_pages, res->r_pages == 1 ? "" : "s");
	for (i = 0; i < res->r_nred; i++)
		fprintf(fp, "  page %d: %s (%s) at %.0f,%.0f-%.0f,%.0f\n",
		    res->r_red[i].ir_page, pdfnote_kind_text(
		    pdfreport_red_kind(res->r_red[i].ir_kind)),
		    pdfnote_kind_name(pdfreport_red_kind(res->r_red[i].ir_kind)),
		    res->r_red[i].ir_bbox[0], res->r_red[i].ir_bbox[1],
		    res->r_red[i].ir_bbox[2], res->r_red[i].ir_bbox[3]);
	for (i = 0; i < res->r_nids; i++)
		fprintf(fp, "  page %d: %s: %s\n", res->r_ids[i].ii_page,
		    pdfnote_kind_text(pdfreport_id_kind(res->r_ids[i].ii_kind)),
		    res->r_ids[i].ii_shown);
}

static void
print_json(struct run *r, const struct pdfctx *x, const struct inspect_result *res)
{
	json_t *o, *h = NULL;
	json_error_t je;

	if (res->r_json != NULL)
		h = json_loads(res->r_json, 0, &je);
	if (h == NULL)
		h = json_pack("{s:s, s:s, s:i}", "status",
		    inspect_status_name(res->r_status), "detail", res->r_detail,
		    "pages", res->r_pages);
	o = json_pack("{s:s, s:s, s:s, s:s, s:i, s:s, s:o}", "court", x->x_court,
	    "case", x->x_docket, "label", x->x_label, "key", x->x_doc.d_key,
	    "att", (int)x->x_doc.d_att, "sha256", x->x_doc.d_sha256, "result", h);
	if (o != NULL && json_dumpf(o, r->r_c->c_out, JSON_COMPACT |
	    JSON_REAL_PRECISION(8)) == 0)
		fputc('\n', r->r_c->c_out);
	json_decref(o);
}

static int
seen(struct run *r, const char *sha)
{
	size_t i;
	void *v;

	for (i = 0; i < r->r_nseen; i++)
		if (strcmp(r->r_seen[i], sha) == 0)
			return 1;
	if (r->r_nseen == r->r_cap) {
		r->r_cap = r->r_cap ? r->r_cap * 2 : 64;
		if ((v = realloc(r->r_seen, r->r_cap * sizeof(*r->r_seen))) == NULL)
			return 0;
		r->r_seen = v;
	}
	text_strlcpy(r->r_seen[r->r_nseen++], sha, STORE_SHA_HEX + 1);
	return 0;
}

static int
one_case(struct run *r, const char *court, const char *docket)
{
	struct inspect_result *res;
	struct store_doc *v;
	struct pdfctx x;
	char entry[16];
	size_t i, n;
	int rc;

	if ((rc = store_doc_list(r->r_c->c_st, court, docket, STORE_ENTRY_ANY,
	    &v, &n)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		if (seen(r, v[i].d_sha256))
			continue;
		memset(&x, 0, sizeof(x));
		text_strlcpy(x.x_qid, "nefctl", sizeof(x.x_qid));
		text_strlcpy(x.x_court, court, sizeof(x.x_court));
		text_strlcpy(x.x_docket, docket, sizeof(x.x_docket));
		text_strlcpy(x.x_case, docket, sizeof(x.x_case));
		x.x_entry = v[i].d_entry;
		snprintf(entry, sizeof(entry), "%u", v[i].d_entry);
		pdfcheck_label(v[i].d_entry ? entry : NULL, (int)v[i].d_att,
		    x.x_label, sizeof(x.x_label));
		x.x_doc = v[i];
		if ((res = check_doc(r, &v[i])) == NULL) {
			free(v);
			return STORE_ENOMEM;
		}
		pdfreport_store(r->r_c->c_st, &x, res, STORE_FF_NEFCTL);
		(r->r_json ? print_json : print_text)(r, &x, res);
		if (res->r_status == INSPECT_CHECKED)
			r->r_checked++;
		else
			r->r_not++;
		inspect_result_free(res);
	}
	free(v);
	return 0;
}

int
ctl_inspect(struct ctl *c, int argc, char **argv)
{
	char court[STORE_COURT_MAX + 1], docket[STORE_DOCKET_MAX + 1], err[256];
	struct store_case *cs;
	struct run r;
	size_t i, n;
	int rc = 0, all = 0, json = 0, one = 0;

	for (i = 0; i < (size_t)argc; i++) {
		if (strcmp(argv[i], "--json") == 0)
			json = 1;
		else if (strcmp(argv[i], "--all") == 0)
			all = 1;
		else if (strcmp(argv[i], "--case") == 0 && i + 2 < (size_t)argc) {
			if (ctl_court(argv[i + 1], court, sizeof(court)) != 0 ||
			    ctl_docket(argv[i + 2], docket, sizeof(docket)) != 0)
				return ctl_fail(CTL_USAGE, "bad court or docket "
				    "number");
			one = 1;
			i += 2;
		} else
			return ctl_fail(CTL_USAGE, "usage: inspect --all | --case "
			    "COURT CASE [--json]");
	}
	if (all == one)
		return ctl_fail(CTL_USAGE, "usage: inspect --all | --case COURT "
		    "CASE [--json]");
	memset(&r, 0, sizeof(r));
	r.r_c = c;
	r.r_json = json;
	if (inspect_opts_from_cfg(&r.r_o, c->c_cfg, err, sizeof(err)) != 0)
		return ctl_fail(CTL_ERROR, "inspect: %s", err);
	if (one)
		rc = one_case(&r, court, docket);
	else if ((rc = store_case_list(c->c_st, &cs, &n)) == 0) {
		for (i = 0; i < n && rc == 0; i++)
			rc = one_case(&r, cs[i].c_court, cs[i].c_docket);
		free(cs);
	}
	free(r.r_seen);
	if (rc != 0)
		return ctl_fail(ctl_exit(rc), "inspect: %s", store_strerror(rc));
	if (!json)
		fprintf(c->c_out, "%zu document%s checked, %zu not checked\n",
		    r.r_checked, r.r_checked == 1 ? "" : "s", r.r_not);
	return r.r_not > 0 ? CTL_NOTFOUND : CTL_OK;
}
