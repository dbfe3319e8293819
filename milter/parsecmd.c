/*
 * NAME
 *	parsecmd 3 - nefmilter --parse
 * SUMMARY
 *	message files -> JSON Lines of parsed notices
 * SYNOPSIS
 *	#include "parsecmd.h"
 *
 *	int parsecmd_main(int nfiles, char **files);
 *	int parsecmd_parse(const char *msg, size_t len, size_t max_bytes,
 *	    struct nef **out, int *mime_status);
 *	char *parsecmd_json(const struct nef *n);
 * DESCRIPTION
 *	The JSON is built with jansson; absent values are JSON null, as in
 *	juriscraper's output.  In each docket entry the document fields
 *	come from that case's own document link (a multi-docket district
 *	notice carries the literal magic number "MAGIC" on all but the
 *	first case: pacer_magic_num is then null, and the link flags say
 *	why).
 * DIAGNOSTICS
 *	File errors and not-a-notice reasons go to standard error, prefixed
 *	"nefmilter: FILE: ".
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "calparse.h"
#include "mime.h"
#include "nef.h"
#include "parseclass.h"
#include "parsecmd.h"

static int	read_file(const char *, char **, size_t *);
static json_t	*jstr(const char *);
static json_t	*jstr_empty_null(const char *);
static json_t	*link_flags(unsigned);
static json_t	*docket_json(const struct nef *, const struct nef_case *);
static json_t	*entry_events(const struct nef *, const struct nef_case *);
static json_t	*entry_json(const struct nef *, const struct nef_case *);
static json_t	*recipients_json(const struct nef_recipient *, size_t, int);
static json_t	*lumped_json(const struct nef_recipient *, size_t);
static json_t	*documents_json(const struct nef *);
static json_t	*trunc_json(unsigned);
static void	 extras(json_t *, const struct nef *);

static json_t *
jstr(const char *s)
{
	return s == NULL ? json_null() : json_string(s);
}

static json_t *
jstr_empty_null(const char *s)
{
	return s == NULL || *s == '\0' ? json_null() : json_string(s);
}

static json_t *
link_flags(unsigned f)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ DOCLINK_F_MAGIC_ABSENT, "magic-absent" },
		{ DOCLINK_F_MAGIC_EMPTY, "magic-empty" },
		{ DOCLINK_F_MAGIC_LITERAL, "magic-literal" },
		{ DOCLINK_F_MAGIC_ZERO, "magic-zero" },
		{ DOCLINK_F_MAGIC_BAD, "magic-bad" },
		{ DOCLINK_F_SHORT_DOCID, "short-docid" },
		{ DOCLINK_F_LONG, "long-value" },
		{ DOCLINK_F_HTTP, "http" },
		{ DOCLINK_F_NO_HOST, "no-host" },
	};
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (f & names[i].bit)
			json_array_append_new(a, json_string(names[i].name));
	return a;
}

static json_t *
trunc_json(unsigned f)
{
	static const struct { unsigned bit; const char *name; } names[] = {
		{ NEF_TRUNC_INPUT, "input" }, { NEF_TRUNC_LINES, "lines" },
		{ NEF_TRUNC_CASES, "cases" }, { NEF_TRUNC_DOCS, "documents" },
		{ NEF_TRUNC_RECIPIENTS, "recipients" },
		{ NEF_TRUNC_ADDRS, "addresses" }, { NEF_TRUNC_TEXT, "text" },
		{ NEF_TRUNC_FILERS, "filers" },
	};
	json_t	*a = json_array();
	size_t	 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (f & names[i].bit)
			json_array_append_new(a, json_string(names[i].name));
	return a;
}

/* The calendar events of the entry (milter/calparse.h). */
static json_t *
entry_events(const struct nef *n, const struct nef_case *c)
{
	struct calev_set	*s = calloc(1, sizeof(*s));
	json_t			*a;

	if (s == NULL)
		return json_array();
	calparse_case(n, (size_t)(c - n->n_cases), 0, NULL, s);
	a = calparse_json(n, (size_t)(c - n->n_cases), s);
	free(s);
	return a != NULL ? a : json_array();
}

static json_t *
entry_json(const struct nef *n, const struct nef_case *c)
{
	const struct doclink *l = c->c_has_link ? &c->c_link : NULL;
	json_t	*e = json_object();

	json_object_set_new(e, "document_number", jstr(c->c_doc_number));
	json_object_set_new(e, "date_filed",
	    jstr_empty_null(n->n_date_filed));
	json_object_set_new(e, "description", jstr(c->c_description));
	json_object_set_new(e, "pacer_case_id", jstr(c->c_case_id));
	json_object_set_new(e, "pacer_doc_id", l == NULL ? json_null() :
	    jstr_empty_null(l->dl_kind == DOCLINK_DOC1 ? l->dl_doc_id_norm :
	    l->dl_doc_id));
	json_object_set_new(e, "pacer_magic_num",	/* "0" as written */
	    l == NULL ? json_null() : jstr_empty_null(l->dl_magic));
	json_object_set_new(e, "pacer_seq_no",
	    l == NULL ? json_null() : jstr_empty_null(l->dl_seq));
	json_object_set_new(e, "document_url",
	    l == NULL ? json_null() : jstr(c->c_link_url));
	json_object_set_new(e, "short_description",
	    json_string(n->n_short_desc != NULL ? n->n_short_desc : ""));
	/* nefmilter's own */
	json_object_set_new(e, "docket_text", jstr(c->c_text));
	json_object_set_new(e, "date_entered",
	    jstr_empty_null(n->n_date_entered));
	json_object_set_new(e, "no_document", json_boolean(c->c_no_document));
	json_object_set_new(e, "link_kind", json_string(l == NULL ? "none" :
	    doclink_kind_name(l->dl_kind)));
	json_object_set_new(e, "link_flags", link_flags(l == NULL ? 0 :
	    l->dl_flags));
	json_object_set_new(e, "events", entry_events(n, c));
	return e;
}

static json_t *
docket_json(const struct nef *n, const struct nef_case *c)
{
	const struct docket *d = &c->c_docket;
	json_t	*o = json_object(), *entries = json_array(), *f;
	size_t	 i;

	json_object_set_new(o, "docket_number", jstr(c->c_number != NULL ?
	    c->c_number : c->c_number_shown));
	json_object_set_new(o, "case_name", jstr(c->c_name));
	json_object_set_new(o, "date_filed", json_null());
	json_object_set_new(o, "federal_dn_office_code",
	    jstr_empty_null(d->d_office));
	json_object_set_new(o, "federal_dn_case_type",
	    jstr_empty_null(d->d_type));
	json_object_set_new(o, "federal_dn_judge_initials_assigned",
	    jstr_empty_null(d->d_judge));
	json_object_set_new(o, "federal_dn_judge_initials_referred",
	    jstr_empty_null(d->d_judge2));
	json_object_set_new(o, "federal_defendant_number",
	    jstr_empty_null(d->d_defendant));
	json_array_append_new(entries, entry_json(n, c));
	json_object_set_new(o, "docket_entries", entries);
	/* nefmilter's own */
	json_object_set_new(o, "case_name_shown", jstr(c->c_name_shown));
	json_object_set_new(o, "docket_number_shown", jstr(c->c_number_shown));
	json_object_set_new(o, "docket_key", jstr_empty_null(c->c_key));
	json_object_set_new(o, "court_prefix", jstr(c->c_court_prefix));
	json_object_set_new(o, "chapter", jstr_empty_null(d->d_chapter));
	json_object_set_new(o, "case_closed", jstr(c->c_closed));
	f = json_array();
	for (i = 0; i < c->c_nfilers; i++)
		json_array_append_new(f, json_string(c->c_filers[i]));
	json_object_set_new(o, "filers", f);
	return o;
}

/* extra = 0: juriscraper's view (email_recipients); 1: nefmilter's. */
static json_t *
recipients_json(const struct nef_recipient *r, size_t n, int extra)
{
	json_t	*a = json_array(), *o, *addrs;
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		if (!extra && r[i].r_naddrs == 0)
			continue;
		o = json_object();
		addrs = json_array();
		for (j = 0; j < (extra ? r[i].r_naddrs : r[i].r_nprinted); j++)
			json_array_append_new(addrs, json_string(extra ?
			    r[i].r_addrs[j] : r[i].r_printed[j]));
		json_object_set_new(o, "email_addresses", addrs);
		json_object_set_new(o, "name", jstr(extra ? r[i].r_name :
		    r[i].r_node_name));
		if (extra)
			json_object_set_new(o, "heading_case",
			    jstr(r[i].r_heading_case));
		json_array_append_new(a, o);
	}
	return a;
}

/* juriscraper's view of a bankruptcy notice: one nameless entry. */
static json_t *
lumped_json(const struct nef_recipient *r, size_t n)
{
	json_t	*a = json_array(), *o = NULL, *addrs = NULL;
	size_t	 i, j;

	for (i = 0; i < n; i++) {
		if (r[i].r_nprinted == 0)
			continue;
		if (o == NULL) {
			o = json_object();
			addrs = json_array();
			json_object_set_new(o, "email_addresses", addrs);
			json_object_set_new(o, "name", json_string(""));
			json_array_append_new(a, o);
		}
		for (j = 0; j < r[i].r_nprinted; j++)
			json_array_append_new(addrs,
			    json_string(r[i].r_printed[j]));
	}
	return a;
}

static json_t *
documents_json(const struct nef *n)
{
	json_t	*a = json_array(), *o;
	size_t	 i;

	for (i = 0; i < n->n_ndocs; i++) {
		const struct nef_doc *d = &n->n_docs[i];

		o = json_object();
		json_object_set_new(o, "attachment", json_integer(d->d_attno));
		json_object_set_new(o, "description", jstr(d->d_desc));
		json_object_set_new(o, "filename", jstr(d->d_filename));
		json_object_set_new(o, "stamp", jstr(d->d_stamp_id));
		json_object_set_new(o, "file_number", jstr(d->d_file_number));
		json_object_set_new(o, "url", d->d_has_link ?
		    jstr(d->d_link_url) : json_null());
		json_object_set_new(o, "link_kind", json_string(d->d_has_link ?
		    doclink_kind_name(d->d_link.dl_kind) : "none"));
		json_object_set_new(o, "link_flags",
		    link_flags(d->d_has_link ? d->d_link.dl_flags : 0));
		json_array_append_new(a, o);
	}
	return a;
}

static void
extras(json_t *o, const struct nef *n)
{
	static const char *const src[] = { "none", "link", "sender", "stamp",
	    "doc-id" };
	json_t	*w = json_object(), *dis = json_array();
	int	 i;

	json_object_set_new(o, "kind", json_string(nef_kind_name(n->n_kind)));
	json_object_set_new(o, "court_source", json_string(
	    (unsigned)n->n_court_src < 5 ? src[n->n_court_src] : "?"));
	for (i = 0; i < NEF_W_N; i++) {
		if (n->n_witness[i][0] != '\0')
			json_object_set_new(w, nef_witness_name(i),
			    json_string(n->n_witness[i]));
		if (n->n_court_disagree & (1u << i))
			json_array_append_new(dis,
			    json_string(nef_witness_name(i)));
	}
	json_object_set_new(o, "court_witnesses", w);
	json_object_set_new(o, "court_disagreement", dis);
	json_object_set_new(o, "regenerated", json_boolean(n->n_regenerated));
	json_object_set_new(o, "date_filed", jstr_empty_null(n->n_date_filed));
	json_object_set_new(o, "date_entered",
	    jstr_empty_null(n->n_date_entered));
	json_object_set_new(o, "time_entered", jstr(n->n_time_entered));
	json_object_set_new(o, "entered_by", jstr(n->n_entered_by));
	json_object_set_new(o, "subject", jstr(n->n_subject));
	json_object_set_new(o, "from", jstr(n->n_from));
	json_object_set_new(o, "short_description", jstr(n->n_short_desc));
	json_object_set_new(o, "documents", documents_json(n));
	json_object_set_new(o, "recipients",
	    recipients_json(n->n_listed, n->n_nlisted, 1));
	json_object_set_new(o, "recipients_not_listed",
	    recipients_json(n->n_unlisted, n->n_nunlisted, 1));
	json_object_set_new(o, "link_flags", link_flags(n->n_link_flags));
	json_object_set_new(o, "truncated", trunc_json(n->n_trunc));
	parseclass_json(o, n);
}

char *
parsecmd_json(const struct nef *n)
{
	json_t	*o, *dockets;
	char	*s;
	size_t	 i;

	o = json_object();
	if (o == NULL)
		return NULL;
	if (n->n_kind != NEF_NOT_NOTICE) {
		json_object_set_new(o, "court_id", json_string(n->n_court));
		json_object_set_new(o, "appellate",
		    json_boolean(n->n_appellate));
		json_object_set_new(o, "acms", json_boolean(n->n_acms));
		json_object_set_new(o, "contains_attachments",
		    json_boolean(n->n_contains_attachments));
		dockets = json_array();
		for (i = 0; i < n->n_ncases; i++)
			json_array_append_new(dockets,
			    docket_json(n, &n->n_cases[i]));
		json_object_set_new(o, "dockets", dockets);
		json_object_set_new(o, "email_recipients",
		    n->n_kind == NEF_BANKRUPTCY && n->n_html ?
		    lumped_json(n->n_listed, n->n_nlisted) :
		    n->n_kind == NEF_BANKRUPTCY || n->n_kind == NEF_ACMS ?
		    json_array() :
		    recipients_json(n->n_listed, n->n_nlisted, 0));
		extras(o, n);
	}
	s = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER);
	json_decref(o);
	return s;
}

int
parsecmd_parse(const char *msg, size_t len, size_t max_bytes,
    struct nef **out, int *mime_status)
{
	struct mime_notice *m = NULL;
	struct nef_input    in;
	int		    rc;

	*out = NULL;
	rc = mime_read(msg, len, max_bytes, &m);
	if (mime_status != NULL)
		*mime_status = rc;
	if (rc == MIME_ENOMEM)
		return -1;
	if (rc != MIME_OK) {
		*out = nef_new_rejected(rc == MIME_ENOTEXT ? NEF_R_NO_BODY :
		    NEF_R_BAD_MIME);
		return *out == NULL ? -1 : 0;
	}
	memset(&in, 0, sizeof in);
	in.ni_text = m->mn_text;
	in.ni_len = m->mn_len;
	in.ni_is_html = m->mn_is_html;
	in.ni_subject = m->mn_subject;
	in.ni_from = m->mn_from;
	in.ni_has_image = m->mn_has_image;
	rc = nef_parse(&in, out);
	mime_notice_free(m);
	return rc;
}

static int
read_file(const char *path, char **buf, size_t *len)
{
	FILE	*f;
	char	*b = NULL, *nb;
	size_t	 cap = 0, n = 0, r;

	*buf = NULL;
	*len = 0;
	if ((f = fopen(path, "rb")) == NULL)
		return -1;
	for (;;) {
		if (n == cap) {
			if (cap >= PARSECMD_MAX_FILE) {
				errno = EFBIG;
				goto fail;
			}
			cap = cap == 0 ? 65536 : cap * 2;
			if ((nb = realloc(b, cap + 1)) == NULL)
				goto fail;
			b = nb;
		}
		r = fread(b + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	if (ferror(f))
		goto fail;
	fclose(f);
	b[n] = '\0';
	*buf = b;
	*len = n;
	return 0;
fail:
	free(b);
	fclose(f);
	return -1;
}

int
parsecmd_main(int nfiles, char **files)
{
	struct nef	*n;
	char		*buf, *js;
	size_t		 len;
	int		 i, status = 0, ms;

	if (nfiles <= 0) {
		fprintf(stderr, "usage: nefmilter --parse FILE...\n");
		return 2;
	}
	mime_init();
	for (i = 0; i < nfiles; i++) {
		if (read_file(files[i], &buf, &len) != 0) {
			fprintf(stderr, "nefmilter: %s: %s\n", files[i],
			    strerror(errno));
			status = 1;
			continue;
		}
		if (parsecmd_parse(buf, len, 0, &n, &ms) != 0) {
			fprintf(stderr, "nefmilter: %s: out of memory\n",
			    files[i]);
			free(buf);
			status = 1;
			continue;
		}
		free(buf);
		if (n->n_kind == NEF_NOT_NOTICE)
			fprintf(stderr, "nefmilter: %s: not a notice: %s%s%s\n",
			    files[i], nef_reason_text(n->n_reason),
			    n->n_reason == NEF_R_BAD_MIME ? ": " : "",
			    n->n_reason == NEF_R_BAD_MIME ? mime_strerror(ms) :
			    "");
		js = parsecmd_json(n);
		if (js == NULL) {
			fprintf(stderr, "nefmilter: %s: out of memory\n",
			    files[i]);
			status = 1;
		} else {
			printf("%s\n", js);
			free(js);
		}
		n = nef_free(n);
	}
	fflush(stdout);
	mime_shutdown();
	return status;
}
