/*
 * NAME
 *	ctl_findings 3 - nefctl findings, and the purge report's findings
 * SYNOPSIS
 *	#include "ctl_findings.h"
 * DESCRIPTION
 *	See ctl_findings.h.
 * DIAGNOSTICS
 *	Usage errors and store failures give nefctl's exit codes (ctl.h).
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "ctl.h"
#include "ctl_findings.h"
#include "store.h"
#include "store_doc.h"
#include "store_finding.h"

static void	print_one(FILE *, const struct store_finding *);
static void	print_json(FILE *, const struct store_finding *);
static void	what(const struct store_finding *, char *, size_t);

/* What a finding is, in words: "bad redaction (cover) at 192,71-361,89". */
static void
what(const struct store_finding *f, char *buf, size_t size)
{
	if (f->f_class == STORE_FC_REDACTION)
		snprintf(buf, size, "bad redaction (%s) at %.0f,%.0f-%.0f,%.0f",
		    f->f_kind, (double)f->f_bbox[0], (double)f->f_bbox[1],
		    (double)f->f_bbox[2], (double)f->f_bbox[3]);
	else if (f->f_class == STORE_FC_IDENTIFIER)
		snprintf(buf, size, "identifier (%s) %s", f->f_kind, f->f_shown);
	else
		snprintf(buf, size, "not checked (%s: %s)", f->f_kind, f->f_detail);
}

static void
print_one(FILE *fp, const struct store_finding *f)
{
	char t[32], w[320], page[16];

	if (f->f_page > 0)
		snprintf(page, sizeof(page), "page %d", f->f_page);
	else
		snprintf(page, sizeof(page), "-");
	what(f, w, sizeof(w));
	fprintf(fp, "%s  %-5s %-16s %-10s %-8s %s%s%s%s  %s\n",
	    ctl_fmt_time(f->f_time, t, sizeof(t)), f->f_court, f->f_docket,
	    f->f_label, page, w, f->f_flags & STORE_FF_FIRM ? "  FIRM" : "",
	    f->f_flags & STORE_FF_LATE ? "  LATE" : "",
	    f->f_flags & STORE_FF_NEFCTL ? "  NEFCTL" : "",
	    f->f_qid[0] ? f->f_qid : "-");
}

static void
print_json(FILE *fp, const struct store_finding *f)
{
	json_t *o, *b = NULL;
	char t[32];
	int k;

	if (f->f_class == STORE_FC_REDACTION) {
		b = json_array();
		for (k = 0; k < 4; k++)
			json_array_append_new(b, json_real((double)(long)
			    (f->f_bbox[k] * 100.0f + 0.5f) / 100.0));
	}
	o = json_pack("{s:s, s:s, s:s, s:s, s:i, s:s, s:s, s:i, s:s, s:s, s:s,"
	    " s:i, s:b, s:b, s:b}", "time", ctl_fmt_time(f->f_time, t, sizeof(t)),
	    "qid", f->f_qid, "court", f->f_court, "case", f->f_docket,
	    "entry", (int)f->f_entry, "label", f->f_label, "key", f->f_key,
	    "att", (int)f->f_att, "sha256", f->f_sha256,
	    "class", store_finding_class_name(f->f_class), "kind", f->f_kind,
	    "page", f->f_page, "firm", (f->f_flags & STORE_FF_FIRM) != 0,
	    "late", (f->f_flags & STORE_FF_LATE) != 0,
	    "nefctl", (f->f_flags & STORE_FF_NEFCTL) != 0);
	if (o == NULL) {
		json_decref(b);
		return;
	}
	if (b != NULL)
		json_object_set_new(o, "bbox", b);
	if (f->f_shown[0])
		json_object_set_new(o, "shown", json_string(f->f_shown));
	if (f->f_detail[0])
		json_object_set_new(o, "detail", json_string(f->f_detail));
	if (json_dumpf(o, fp, JSON_COMPACT | JSON_REAL_PRECISION(8)) == 0)
		fputc('\n', fp);
	json_decref(o);
}

int
ctl_findings(struct ctl *c, int argc, char **argv)
{
	char court[STORE_COURT_MAX + 1], docket[STORE_DOCKET_MAX + 1], *end;
	struct store_finding_query q;
	struct store_finding *v;
	size_t i, n;
	int rc, json = 0;

	memset(&q, 0, sizeof(q));
	for (i = 0; i < (size_t)argc; i++) {
		const char *o = argv[i], *a = i + 1 < (size_t)argc ? argv[i + 1] :
		    NULL;

		if (strcmp(o, "--json") == 0)
			json = 1;
		else if (strcmp(o, "--case") == 0 && i + 2 < (size_t)argc) {
			if (ctl_court(argv[i + 1], court, sizeof(court)) != 0)
				return ctl_fail(CTL_USAGE, "bad court \"%.40s\"",
				    argv[i + 1]);
			if (ctl_docket(argv[i + 2], docket, sizeof(docket)) != 0)
				return ctl_fail(CTL_USAGE, "not a docket number "
				    "\"%.64s\"", argv[i + 2]);
			q.fq_court = court;
			q.fq_docket = docket;
			i += 2;
		} else if ((strcmp(o, "--since") == 0 ||
		    strcmp(o, "--until") == 0) && a != NULL) {
			if (ctl_time(a, c->c_now, o[2] == 's' ? &q.fq_since :
			    &q.fq_until) != 0)
				return ctl_fail(CTL_USAGE, "bad time \"%.40s\" "
				    "(ISO 8601, or 2h, 7d...)", a);
			if (o[2] == 'u')
				q.fq_until++;
			i++;
		} else if (strcmp(o, "--limit") == 0 && a != NULL) {
			q.fq_limit = strtoul(a, &end, 10);
			if (*end != '\0' || a[0] == '\0')
				return ctl_fail(CTL_USAGE, "bad limit");
			i++;
		} else
			return ctl_fail(CTL_USAGE, "findings: bad option "
			    "\"%.40s\"", o);
	}
	if ((rc = store_finding_query(c->c_st, &q, &v, &n)) != 0)
		return ctl_fail(ctl_exit(rc), "findings: %s", store_strerror(rc));
	for (i = 0; i < n; i++)
		(json ? print_json : print_one)(c->c_out, &v[i]);
	free(v);
	return CTL_OK;
}

void
ctl_findings_of_docs(struct ctl *c, const struct store_doc *d, size_t n)
{
	struct store_finding_query q;
	struct store_finding *v;
	struct store_check chk;
	char w[320];
	size_t i, j, k, nv, shown = 0;

	for (i = 0; i < n; i++) {
		for (k = 0; k < i; k++)
			if (strcmp(d[k].d_sha256, d[i].d_sha256) == 0)
				break;
		if (k < i || store_check_get(c->c_st, d[i].d_sha256, &chk) != 0)
			continue;
		memset(&q, 0, sizeof(q));
		q.fq_sha256 = d[i].d_sha256;
		q.fq_check = chk.c_id;
		if (store_finding_query(c->c_st, &q, &v, &nv) != 0)
			continue;
		for (j = 0; j < nv; j++) {
			if (shown++ == 0)
				fputs("findings in the purged documents:\n", c->c_out);
			what(&v[j], w, sizeof(w));
			fprintf(c->c_out, "  %s %s att %u  %s  page %d  %s\n",
			    d[i].d_court, d[i].d_key, d[i].d_att, v[j].f_label,
			    v[j].f_page, w);
		}
		free(v);
	}
}
