/*
 * NAME
 *	nefctl 8 - manage nefmilter's store
 * SUMMARY
 *	case teams, cases, the clawback, the audit trail, checks
 * SYNOPSIS
 *	nefctl [-c CONF] [-w SECONDS] COMMAND ...
 * DESCRIPTION
 *	Opens the same store as the running milter (both may run at the
 *	same time) and runs one command; see conf/nefctl.8.  The "team"
 *	command lives in ctl_team.c, shared helpers in ctl.c.
 * DIAGNOSTICS
 *	Errors go to standard error; the exit code says what kind of
 *	failure it was (ctl.h, nefctl.8).
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cfg.h"
#include "ctl.h"
#include "ctl_digest.h"
#include "ctl_metrics.h"
#include "ctl_events.h"
#include "ctl_findings.h"
#include "ctl_inspect.h"
#include "ctl_team.h"
#include "log.h"
#include "runas.h"
#include "store.h"
#include "strbuf.h"
#include "store_audit.h"
#include "store_case.h"
#include "store_check.h"
#include "store_doc.h"
#include "store_purge.h"

#define NEFCTL_WAIT_MS		5000	/* default writer-lock wait */
#define NEFCTL_RECENT		10	/* audit lines in "case show" */

static void	usage(FILE *);
static int	cmd_case(struct ctl *, int, char **);
static int	case_list(struct ctl *);
struct case_view;
static int	case_read(struct ctl *, const char *, const char *,
		    struct case_view *);
static void	case_view_free(struct case_view *);
static void	case_print_head(FILE *, const struct case_view *);
static void	case_print_lists(FILE *, const struct case_view *);
static int	cmd_purge(struct ctl *, int, char **);
static int	purge_nomatch(int, const char *, const char *, unsigned long);
static int	cmd_audit(struct ctl *, int, char **);
static int	cmd_stats(struct ctl *, int, char **);
static int	cmd_check(struct ctl *, int, char **);
static int	cmd_team(struct ctl *, int, char **);
static int	case_keys(int argc, char **argv, char *court, char *docket);
static void	print_audit(FILE *, const struct store_audit *);
static void	print_audit_json(FILE *, const struct store_audit *);
static void	print_doc(FILE *, const struct store_doc *);
static int	recall(struct ctl *, const struct store_doc *, size_t,
		    const char *court, const char *docket, uint32_t entry);
static void	check_line(void *, const char *);
static int	store_fail(const struct cfg *, int status);
static int	read_opts(int, char **, const char **, unsigned long *);
static size_t	find_cmd(const char *);
static struct cfg *ctl_open(const char *, unsigned long, struct ctl *);

static const struct {
	const char *name;
	int (*fn)(struct ctl *, int, char **);
} cmds[] = {
	{ "team", cmd_team }, { "case", cmd_case }, { "purge", cmd_purge },
	{ "audit", cmd_audit }, { "stats", cmd_stats }, { "check", cmd_check },
	{ "metrics", ctl_metrics }, { "digest", ctl_digest },
	{ "events", ctl_events },
	{ "findings", ctl_findings }, { "inspect", ctl_inspect },
};

static void
usage(FILE *fp)
{
	/* BEGIN USAGE */
	fputs(
"usage: nefctl [-c CONF] [-w SECONDS] COMMAND ...\n"
"  team add COURT CASE ADDRESS...\n"
"  team remove COURT CASE ADDRESS...\n"
"  team list [COURT CASE]\n"
"  team import [--format csv|json] FILE\n"
"  team export [--format csv|json] FILE\n"
"  case list\n"
"  case show COURT CASE\n"
"  purge COURT DOCID\n"
"  purge --entry COURT CASE N\n"
"  purge --case COURT CASE\n"
"  purge --expired\n"
"  audit [--qid ID] [--case COURT CASE] [--rcpt ADDRESS] [--since TIME]\n"
"        [--until TIME] [--limit N] [--json]\n"
"  events COURT CASE [--json | --ics]\n"
"  stats\n"
"  check [--full]\n"
"  metrics [--output FILE]\n"
"  digest [--since TIME] [--until TIME] [--format text|html]\n"
"         [--mail | --to ADDRESS...]\n"
"  findings [--case COURT CASE] [--since TIME] [--until TIME] [--limit N]\n"
"        [--json]\n"
"  inspect --all | --case COURT CASE [--json]\n", fp);
	/* END USAGE */
}

static int
cmd_team(struct ctl *c, int argc, char **argv)
{
	return ctl_team(c, argc, argv);
}

/* COURT CASE -> store keys; an exit code. */
static int
case_keys(int argc, char **argv, char *court, char *docket)
{
	if (argc < 2)
		return ctl_fail(CTL_USAGE, "expected COURT CASE");
	if (ctl_court(argv[0], court, STORE_COURT_MAX + 1) != 0)
		return ctl_fail(CTL_USAGE, "bad court \"%.40s\"", argv[0]);
	if (ctl_docket(argv[1], docket, STORE_DOCKET_MAX + 1) != 0)
		return ctl_fail(CTL_USAGE, "not a docket number \"%.64s\"",
		    argv[1]);
	return CTL_OK;
}

static void
print_doc(FILE *fp, const struct store_doc *d)
{
	char t[32];

	fprintf(fp, "  %s %s att %u  #%u  %llu bytes  %s  sha256 %s  %s\n",
	    d->d_court, d->d_key, d->d_att, d->d_entry,
	    (unsigned long long)d->d_size, ctl_fmt_time(d->d_stored, t,
	    sizeof(t)), d->d_sha256, d->d_label);
}

/* One audit record as one table line. */
static void
print_audit(FILE *fp, const struct store_audit *a)
{
	char t[32];
	const char *ch, *e;
	size_t i, nrm = 0, w;

	/* 14: a Sendmail queue id (6B1MoVJA031345); Postfix's are shorter */
	fprintf(fp, "%s  %-14s %-6s", ctl_fmt_time(a->a_time, t, sizeof(t)),
	    a->a_qid[0] ? a->a_qid : "-", a->a_court);
	for (i = 0; i < a->a_ncase; i++)
		fprintf(fp, "%s%s#%u", i ? "," : " ", a->a_case[i].ac_docket,
		    a->a_case[i].ac_entry);
	fprintf(fp, "  %s %s%s%s  to:", a->a_action, a->a_trust,
	    a->a_restricted ? " restricted" : "",
	    store_audit_item(a, STORE_AUDIT_TAG_OFFLINE) ? " offline-test" : "");
	for (i = 0; i < a->a_nrcpt; i++)
		if (!a->a_rcpt[i].ar_removed)
			fprintf(fp, " %s", a->a_rcpt[i].ar_addr);
		else
			nrm++;
	if (nrm > 0) {
		fputs("  removed:", fp);
		for (i = 0; i < a->a_nrcpt; i++)
			if (a->a_rcpt[i].ar_removed)
				fprintf(fp, " %s", a->a_rcpt[i].ar_addr);
	}
	if ((ch = store_audit_item(a, STORE_AUDIT_TAG_CHANGE)) != NULL) {
		w = strcspn(ch, "\t");		/* WHAT TAB ENTRY TAB ... */
		e = ch[w] == '\t' ? ch + w + 1 : "";
		fprintf(fp, "  changed: %.*s entry %.*s", (int)w, ch,
		    (int)strcspn(e, "\t"), e);
	}
	if ((ch = store_audit_item(a, STORE_AUDIT_TAG_ERROR)) != NULL)
		fprintf(fp, "  not processed, %s: %s", strncmp(ch, "tempfail\t",
		    9) == 0 ? "refused for now" : "delivered as it came",
		    ch[strcspn(ch, "\t")] ? ch + strcspn(ch, "\t") + 1 : "");
	if (a->a_ndoc > 0) {
		fputs("  docs:", fp);
		for (i = 0; i < a->a_ndoc; i++)
			fprintf(fp, " %s(%.12s)", a->a_doc[i].ad_label,
			    a->a_doc[i].ad_sha256);
	}
	fputc('\n', fp);
}

static void
print_audit_json(FILE *fp, const struct store_audit *a)
{
	json_t *o, *cs, *rs, *ds, *is;
	char t[32];
	size_t i;

	cs = json_array();
	for (i = 0; i < a->a_ncase; i++)
		json_array_append_new(cs, json_pack("{s:s, s:I}", "case",
		    a->a_case[i].ac_docket, "entry",
		    (json_int_t)a->a_case[i].ac_entry));
	rs = json_array();
	for (i = 0; i < a->a_nrcpt; i++)
		json_array_append_new(rs, json_pack("{s:s, s:b}", "address",
		    a->a_rcpt[i].ar_addr, "removed", a->a_rcpt[i].ar_removed));
	ds = json_array();
	for (i = 0; i < a->a_ndoc; i++)
		json_array_append_new(ds, json_pack("{s:s, s:I, s:s, s:s}",
		    "key", a->a_doc[i].ad_key, "att",
		    (json_int_t)a->a_doc[i].ad_att, "sha256",
		    a->a_doc[i].ad_sha256, "label", a->a_doc[i].ad_label));
	is = json_array();
	for (i = 0; i < a->a_nitem; i++)
		json_array_append_new(is, json_pack("{s:I, s:s}", "tag",
		    (json_int_t)a->a_item[i].ai_tag, "value",
		    a->a_item[i].ai_value));
	o = json_pack("{s:I, s:s, s:I, s:s, s:s, s:o, s:b, s:s, s:s, s:o, s:o, s:o}",
	    "id", (json_int_t)a->a_id,
	    "time", ctl_fmt_time(a->a_time, t, sizeof(t)),
	    "unix", (json_int_t)a->a_time, "qid", a->a_qid, "court", a->a_court,
	    "cases", cs, "restricted", a->a_restricted, "trust", a->a_trust,
	    "action", a->a_action, "recipients", rs, "documents", ds,
	    "items", is);
	json_dumpf(o, fp, JSON_COMPACT | JSON_PRESERVE_ORDER);
	fputc('\n', fp);
	json_decref(o);
}

static int
case_list(struct ctl *c)
{
	struct store_case *cv;
	char t[32];
	size_t i, n;
	int rc;

	if ((rc = store_case_list(c->c_st, &cv, &n)) != 0)
		return ctl_fail(ctl_exit(rc), "case list: %s",
		    store_strerror(rc));
	for (i = 0; i < n; i++)
		fprintf(c->c_out, "%s\t%s\t%s\t%s\n", cv[i].c_court,
		    cv[i].c_docket, ctl_fmt_time(cv[i].c_last, t, sizeof(t)),
		    cv[i].c_name);
	free(cv);
	return CTL_OK;
}

/* What nefctl case show prints of a case. */
struct case_view {
	struct store_case	 v_sc;
	int			 v_found;	/* v_sc is set */
	struct store_addr	*v_lv, *v_tv;	/* listed, team */
	struct store_doc	*v_dv;
	size_t			 v_nl, v_nt, v_nd;
	struct store_audit_list	 v_al;		/* recent activity */
};

static void
case_view_free(struct case_view *v)
{
	free(v->v_lv);
	free(v->v_tv);
	free(v->v_dv);
	store_audit_list_free(&v->v_al);
}

/* Read what there is of a case into v (the caller frees it with
 * case_view_free()).  CTL_OK, or the status of the failure reported. */
static int
case_read(struct ctl *c, const char *court, const char *docket,
    struct case_view *v)
{
	struct store_audit_query q;
	int rc;

	memset(v, 0, sizeof(*v));
	rc = store_case_get(c->c_st, court, docket, &v->v_sc);
	if (rc != 0 && rc != STORE_ENOTFOUND)
		return ctl_fail(ctl_exit(rc), "%s", store_strerror(rc));
	v->v_found = rc == 0;
	memset(&q, 0, sizeof(q));
	q.q_court = court;
	q.q_docket = docket;
	q.q_entry = STORE_ENTRY_ANY;
	q.q_limit = NEFCTL_RECENT;
	if ((rc = store_listed_list(c->c_st, court, docket, &v->v_lv,
	    &v->v_nl)) != 0 ||
	    (rc = store_team_list(c->c_st, court, docket, &v->v_tv,
	    &v->v_nt)) != 0 ||
	    (rc = store_doc_list(c->c_st, court, docket, STORE_ENTRY_ANY,
	    &v->v_dv, &v->v_nd)) != 0 ||
	    (rc = store_audit_query(c->c_st, &q, &v->v_al)) != 0)
		return ctl_fail(ctl_exit(rc), "%s", store_strerror(rc));
	if (!v->v_found && v->v_nt == 0 && v->v_nd == 0 && v->v_al.al_n == 0)
		return ctl_fail(CTL_NOTFOUND, "unknown case %s %s", court,
		    docket);
	return CTL_OK;
}

/* The case's record: name, when seen, the court's case ids. */
static void
case_print_head(FILE *out, const struct case_view *v)
{
	char t[32], t2[32];
	size_t i;

	if (!v->v_found) {
		fputs("(no notice seen for this case yet)\n", out);
		return;
	}
	fprintf(out, "name: %s\nfirst seen: %s\nlast seen: %s\n",
	    v->v_sc.c_name, ctl_fmt_time(v->v_sc.c_first, t, sizeof(t)),
	    ctl_fmt_time(v->v_sc.c_last, t2, sizeof(t2)));
	fputs("court case ids:", out);
	for (i = 0; i < v->v_sc.c_nids; i++)
		fprintf(out, " %s", v->v_sc.c_ids[i]);
	fputc('\n', out);
}

/* The recipients, the team, the documents and the recent activity. */
static void
case_print_lists(FILE *out, const struct case_view *v)
{
	char t[32], t2[32];
	size_t i;

	fprintf(out, "court-listed recipients (%zu):\n", v->v_nl);
	for (i = 0; i < v->v_nl; i++)
		fprintf(out, "  %s  (first %s, last %s)\n", v->v_lv[i].a_addr,
		    ctl_fmt_time(v->v_lv[i].a_first, t, sizeof(t)),
		    ctl_fmt_time(v->v_lv[i].a_last, t2, sizeof(t2)));
	fprintf(out, "team (%zu):\n", v->v_nt);
	for (i = 0; i < v->v_nt; i++)
		fprintf(out, "  %s\n", v->v_tv[i].a_addr);
	fprintf(out, "documents (%zu):\n", v->v_nd);
	for (i = 0; i < v->v_nd; i++)
		print_doc(out, &v->v_dv[i]);
	fprintf(out, "recent activity (%zu):\n", v->v_al.al_n);
	for (i = 0; i < v->v_al.al_n; i++) {
		fputs("  ", out);
		print_audit(out, &v->v_al.al_v[i]);
	}
}

static int
cmd_case(struct ctl *c, int argc, char **argv)
{
	char court[STORE_COURT_MAX + 1], docket[STORE_DOCKET_MAX + 1];
	struct case_view v;
	int rc;

	if (argc == 1 && strcmp(argv[0], "list") == 0)
		return case_list(c);
	if (argc != 3 || strcmp(argv[0], "show") != 0)
		return ctl_fail(CTL_USAGE, "usage: case list | case show "
		    "COURT CASE");
	if ((rc = case_keys(argc - 1, argv + 1, court, docket)) != 0)
		return rc;
	if ((rc = case_read(c, court, docket, &v)) == CTL_OK) {
		fprintf(c->c_out, "case %s %s\n", court, docket);
		case_print_head(c->c_out, &v);
		case_print_lists(c->c_out, &v);
	}
	case_view_free(&v);
	return rc;
}

/* Print the messages that carried the purged documents (or, for an entry
 * or a case, any notice of it), so that the firm can recall them. */
static int
recall(struct ctl *c, const struct store_doc *d, size_t n, const char *court,
    const char *docket, uint32_t entry)
{
	struct store_audit_query q;
	struct store_audit_list l;
	uint64_t *seen = NULL;
	size_t i, j, k, nseen = 0, total = 0, ntest = 0;
	int rc = 0, pass;

	fputs("messages to recall:\n", c->c_out);
	for (pass = 0; rc == 0 && pass <= (int)n; pass++) {
		memset(&q, 0, sizeof(q));
		q.q_entry = STORE_ENTRY_ANY;
		if (pass < (int)n) {
			for (k = 0; k < (size_t)pass; k++)
				if (strcmp(d[k].d_sha256, d[pass].d_sha256) == 0)
					break;
			if (k < (size_t)pass)
				continue;
			q.q_sha256 = d[pass].d_sha256;
		} else if (docket != NULL) {
			q.q_court = court;
			q.q_docket = docket;
			q.q_entry = entry;
		} else
			break;
		if ((rc = store_audit_query(c->c_st, &q, &l)) != 0)
			break;
		for (i = 0; i < l.al_n; i++) {
			for (j = 0; j < nseen; j++)
				if (seen[j] == l.al_v[i].a_id)
					break;
			if (j < nseen)
				continue;
			if ((seen = realloc(seen, (nseen + 1) *
			    sizeof(*seen))) == NULL) {
				rc = STORE_ENOMEM;
				break;
			}
			seen[nseen++] = l.al_v[i].a_id;
			/* "nefmilter -t" delivered nothing: none to recall */
			if (store_audit_item(&l.al_v[i],
			    STORE_AUDIT_TAG_OFFLINE) != NULL) {
				ntest++;
				continue;
			}
			fputs("  ", c->c_out);
			print_audit(c->c_out, &l.al_v[i]);
			total++;
		}
		store_audit_list_free(&l);
	}
	free(seen);
	if (rc != 0)
		return ctl_fail(ctl_exit(rc), "audit: %s", store_strerror(rc));
	if (total == 0)
		fputs("  (none in the audit)\n", c->c_out);
	if (ntest > 0)
		fprintf(c->c_out, "  (%zu offline test%s with nefmilter -t left "
		    "out: %s delivered nothing)\n", ntest, ntest == 1 ? "" : "s",
		    ntest == 1 ? "it" : "they");
	return CTL_OK;
}

/* A purge that deleted nothing: its own exit code, and the reason. */
static int
purge_nomatch(int mode, const char *court, const char *what,
    unsigned long entry)
{
	if (mode == 0)
		return ctl_fail(CTL_NOMATCH, "purge: no stored document %s %s "
		    "(its key is tombstoned all the same)", court, what);
	if (mode == 1)
		return ctl_fail(CTL_NOMATCH, "purge: no stored document of %s "
		    "%s entry %lu", court, what, entry);
	return ctl_fail(CTL_NOMATCH, "purge: no stored document of %s %s",
	    court, what);
}

static int
cmd_purge(struct ctl *c, int argc, char **argv)
{
	char court[STORE_COURT_MAX + 1], docket[STORE_DOCKET_MAX + 1], *end;
	struct store_case sc;
	struct store_doc *v = NULL;
	unsigned long entry = STORE_ENTRY_ANY;
	size_t i, n = 0;
	int rc, mode;

	if (argc == 1 && strcmp(argv[0], "--expired") == 0) {
		if ((rc = store_expire(c->c_st, c->c_now, &n)) != 0)
			return ctl_fail(ctl_exit(rc), "purge --expired: %s",
			    store_strerror(rc));
		fprintf(c->c_out, "expired %zu document%s\n", n,
		    n == 1 ? "" : "s");
		return CTL_OK;
	}
	if (argc == 4 && strcmp(argv[0], "--entry") == 0)
		mode = 1;
	else if (argc == 3 && strcmp(argv[0], "--case") == 0)
		mode = 2;
	else if (argc == 2 && argv[0][0] != '-')
		mode = 0;
	else
		return ctl_fail(CTL_USAGE, "usage: purge COURT DOCID | --entry "
		    "COURT CASE N | --case COURT CASE | --expired");
	if (mode == 0) {
		if (ctl_court(argv[0], court, sizeof(court)) != 0)
			return ctl_fail(CTL_USAGE, "bad court \"%.40s\"",
			    argv[0]);
		if (argv[1][0] == '\0' || strlen(argv[1]) > STORE_DOCKEY_MAX)
			return ctl_fail(CTL_USAGE, "bad document id");
		rc = store_purge_doc(c->c_st, court, argv[1], STORE_ATT_ANY,
		    c->c_now, &v, &n);
	} else {
		if ((rc = case_keys(argc - 1, argv + 1, court, docket)) != 0)
			return rc;
		if (mode == 1) {
			entry = strtoul(argv[3], &end, 10);
			if (*end != '\0' || argv[3][0] == '\0' ||
			    entry >= STORE_ENTRY_ANY)
				return ctl_fail(CTL_USAGE, "bad entry number "
				    "\"%.20s\"", argv[3]);
		}
		if (store_case_get(c->c_st, court, docket, &sc) ==
		    STORE_ENOTFOUND) {
			rc = store_doc_list(c->c_st, court, docket,
			    (uint32_t)entry, &v, &n);
			free(v);
			v = NULL;
			if (rc == 0 && n == 0)
				return ctl_fail(CTL_NOTFOUND, "unknown case "
				    "%s %s", court, docket);
		}
		rc = store_purge_entry(c->c_st, court, docket, (uint32_t)entry,
		    c->c_now, &v, &n);
	}
	if (rc != 0)
		return ctl_fail(ctl_exit(rc), "purge: %s", store_strerror(rc));
	fprintf(c->c_out, "purged %zu document%s (tombstoned: never attached "
	    "again):\n", n, n == 1 ? "" : "s");
	for (i = 0; i < n; i++)
		print_doc(c->c_out, &v[i]);
	ctl_findings_of_docs(c, v, n);
	if (mode == 0)
		fprintf(c->c_out, "key %s %s tombstoned\n", court, argv[1]);
	rc = recall(c, v, n, court, mode ? docket : NULL, (uint32_t)entry);
	free(v);
	if (rc == CTL_OK && n == 0)
		rc = purge_nomatch(mode, court, mode ? docket : argv[1], entry);
	return rc;
}

static int
cmd_audit(struct ctl *c, int argc, char **argv)
{
	char court[STORE_COURT_MAX + 1], docket[STORE_DOCKET_MAX + 1], *end;
	struct store_audit_query q;
	struct store_audit_list l;
	size_t i;
	int rc, json = 0;

	memset(&q, 0, sizeof(q));
	q.q_entry = STORE_ENTRY_ANY;
	for (i = 0; i < (size_t)argc; i++) {
		const char *o = argv[i], *a = i + 1 < (size_t)argc ?
		    argv[i + 1] : NULL;

		if (strcmp(o, "--json") == 0)
			json = 1;
		else if (strcmp(o, "--qid") == 0 && a != NULL) {
			if (strlen(a) > STORE_QID_MAX)
				return ctl_fail(CTL_USAGE, "bad queue id");
			q.q_qid = a;
			i++;
		} else if (strcmp(o, "--case") == 0 && i + 2 < (size_t)argc) {
			if ((rc = case_keys(2, argv + i + 1, court, docket)) != 0)
				return rc;
			q.q_court = court;
			q.q_docket = docket;
			i += 2;
		} else if (strcmp(o, "--rcpt") == 0 && a != NULL) {
			char addr[STORE_ADDR_MAX + 1];

			if (store_addr_normalize(a, addr, sizeof(addr)) != 0)
				return ctl_fail(CTL_USAGE, "bad address "
				    "\"%.80s\"", a);
			q.q_rcpt = a;
			i++;
		} else if ((strcmp(o, "--since") == 0 ||
		    strcmp(o, "--until") == 0) && a != NULL) {
			if (ctl_time(a, c->c_now, o[2] == 's' ? &q.q_since :
			    &q.q_until) != 0)
				return ctl_fail(CTL_USAGE, "bad time \"%.40s\" "
				    "(ISO 8601, or 2h, 7d...)", a);
			if (o[2] == 'u')
				q.q_until++;	/* up to and including */
			i++;
		} else if (strcmp(o, "--limit") == 0 && a != NULL) {
			q.q_limit = strtoul(a, &end, 10);
			if (*end != '\0' || a[0] == '\0')
				return ctl_fail(CTL_USAGE, "bad limit");
			i++;
		} else
			return ctl_fail(CTL_USAGE, "audit: bad option \"%.40s\"",
			    o);
	}
	if ((rc = store_audit_query(c->c_st, &q, &l)) != 0)
		return ctl_fail(ctl_exit(rc), "audit: %s", store_strerror(rc));
	for (i = 0; i < l.al_n; i++)
		if (json)
			print_audit_json(c->c_out, &l.al_v[i]);
		else
			print_audit(c->c_out, &l.al_v[i]);
	store_audit_list_free(&l);
	return CTL_OK;
}

static int
cmd_stats(struct ctl *c, int argc, char **argv)
{
	struct store_stats s;
	int i, rc;

	(void)argv;
	if (argc != 0)
		return ctl_fail(CTL_USAGE, "usage: stats");
	if ((rc = store_stats(c->c_st, &s)) != 0)
		return ctl_fail(ctl_exit(rc), "stats: %s", store_strerror(rc));
	fprintf(c->c_out, "state directory\t%s\n", c->c_cfg->cf_state_dir);
	fprintf(c->c_out, "map size\t%llu\n", (unsigned long long)s.st_map_size);
	fprintf(c->c_out, "map used\t%llu\n", (unsigned long long)s.st_map_used);
	fprintf(c->c_out, "map limit\t%llu\n", (unsigned long long)s.st_map_max);
	fprintf(c->c_out, "readers in use\t%u\n", s.st_readers_used);
	fprintf(c->c_out, "reader slots\t%u\n", s.st_readers_max);
	for (i = 0; i < STORE_T_N; i++)
		fprintf(c->c_out, "%s\t%llu\n", store_table_name(i),
		    (unsigned long long)s.st_count[i]);
	fprintf(c->c_out, "document files\t%llu\n",
	    (unsigned long long)s.st_doc_files);
	fprintf(c->c_out, "document bytes\t%llu\n",
	    (unsigned long long)s.st_doc_bytes);
	return CTL_OK;
}

static void
check_line(void *arg, const char *problem)
{
	fprintf((FILE *)arg, "problem: %s\n", problem);
}

static int
cmd_check(struct ctl *c, int argc, char **argv)
{
	size_t n = 0;
	int rc, full = 0;

	if (argc == 1 && strcmp(argv[0], "--full") == 0)
		full = 1;
	else if (argc != 0)
		return ctl_fail(CTL_USAGE, "usage: check [--full]");
	if ((rc = store_check(c->c_st, full, check_line, c->c_out, &n)) != 0)
		return ctl_fail(ctl_exit(rc), "check: %s", store_strerror(rc));
	if (n > 0) {
		fprintf(c->c_out, "check: %zu problem%s\n", n, n == 1 ? "" : "s");
		return CTL_INTEGRITY;
	}
	fputs("check: ok\n", c->c_out);
	return CTL_OK;
}

/* The store did not open: say why, and what to do. */
static int
store_fail(const struct cfg *cf, int st)
{
	char	me[64];

	if (st == STORE_EACCES)
		return ctl_fail(CTL_ACCESS, "store at %s: permission denied for "
		    "%s: run nefctl as root or as the user who owns the state "
		    "directory (user %s in the configuration)",
		    cf->cf_state_dir, runas_name(geteuid(), me, sizeof(me)),
		    cf->cf_user);
	if (st == STORE_ENOSTORE)
		return ctl_fail(CTL_NOSTORE, "store at %s: no store in the state "
		    "directory (nefmilter has not run yet, or state_dir is "
		    "wrong)", cf->cf_state_dir);
	return ctl_fail(ctl_exit(st), "store at %s: %s", cf->cf_state_dir,
	    store_strerror(st));
}

/* The options before the command: -c CONF into *conf, -w SECONDS into
 * *wait_ms.  Returns optind; a bad option ends the program. */
static int
read_opts(int argc, char **argv, const char **conf, unsigned long *wait_ms)
{
	char *end;
	int ch;

	while ((ch = getopt(argc, argv, "+c:w:h")) != -1) {
		switch (ch) {
		case 'c':
			*conf = optarg;
			break;
		case 'w':
			*wait_ms = strtoul(optarg, &end, 10) * 1000;
			if (*end != '\0' || optarg[0] == '\0' ||
			    *wait_ms > 3600 * 1000UL)
				exit(ctl_fail(CTL_USAGE, "bad -w SECONDS"));
			if (*wait_ms == 0)
				*wait_ms = 1;
			break;
		case 'h':
			usage(stdout);
			exit(CTL_OK);
		default:
			usage(stderr);
			exit(CTL_USAGE);
		}
	}
	return optind;
}

/* The index of the command named name in cmds; an unknown one ends the
 * program. */
static size_t
find_cmd(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		if (strcmp(name, cmds[i].name) == 0)
			return i;
	usage(stderr);
	exit(ctl_fail(CTL_USAGE, "unknown command \"%.40s\"", name));
}

/* The configuration at conf (NULL: the default file if there is one,
 * else the defaults) into c, then the store, as its owner when run as
 * root.  Returns the configuration (the caller unrefs it); a failure
 * ends the program. */
static struct cfg *
ctl_open(const char *conf, unsigned long wait_ms, struct ctl *c)
{
	struct strbuf err = STRBUF_INIT;
	struct store_opts so;
	struct cfg *cf = NULL;
	int rc;

	if (conf == NULL && access(CFG_DEFAULT_PATH, F_OK) == 0)
		conf = CFG_DEFAULT_PATH;
	log_open("nefctl", LOG_SINK_STDERR, NULL);
	if (cfg_load(conf, &cf, &err) != 0) {
		fprintf(stderr, "%s", strbuf_str(&err));
		strbuf_free(&err);
		exit(ctl_fail(CTL_USAGE, "bad configuration"));
	}
	strbuf_free(&err);
	store_opts_from_cfg(&so, cf);
	so.so_lock_wait_ms = (unsigned)wait_ms;
	memset(c, 0, sizeof(*c));
	c->c_cfg = cf;
	c->c_now = (int64_t)time(NULL);
	c->c_out = stdout;
	/* Root works on the store as its owner: nothing it writes there
	 * may become a file the milter cannot use. */
	if (runas_owner_enter(cf->cf_state_dir) != 0) {
		rc = ctl_fail(CTL_ERROR, "state directory %s: %s",
		    cf->cf_state_dir, strerror(errno));
		cfg_unref(cf);
		exit(rc);
	}
	if ((rc = store_open(&so, &c->c_st)) != 0) {
		rc = store_fail(cf, rc);
		cfg_unref(cf);
		exit(rc);
	}
	return cf;
}

int
main(int argc, char **argv)
{
	struct ctl c;
	struct cfg *cf;
	const char *conf = NULL;
	unsigned long wait_ms = NEFCTL_WAIT_MS;
	size_t i;
	int rc, n;

	n = read_opts(argc, argv, &conf, &wait_ms);
	argc -= n;
	argv += n;
	if (argc < 1) {
		usage(stderr);
		exit(CTL_USAGE);
	}
	i = find_cmd(argv[0]);
	cf = ctl_open(conf, wait_ms, &c);
	rc = cmds[i].fn(&c, argc - 1, argv + 1);
	store_close(c.c_st);
	cfg_unref(cf);
	if (fflush(stdout) != 0 && rc == CTL_OK)
		rc = CTL_ERROR;
	exit(rc);
}
