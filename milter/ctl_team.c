/*
 * NAME
 *	ctl_team - the case teams, from nefctl
 * SUMMARY
 *	add, remove, list, import and export team addresses
 * SYNOPSIS
 *	#include "ctl_team.h"
 * DESCRIPTION
 *	See ctl_team.h.  Every address is checked twice: here, to report
 *	the row, and by the store itself.  Courts and docket numbers are
 *	normalized as the milter normalizes them.
 * DIAGNOSTICS
 *	Bad rows and failures go to standard error, one line each.
 */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "ctl_team.h"
#include "store_case.h"

enum ctl_fmt { FMT_CSV, FMT_JSON };

struct rows {
	struct store_addr *r_v;
	size_t		 r_n;
	size_t		 r_cap;
	size_t		*r_where;	/* line or item number of each row */
	int		 r_bad;		/* number of bad rows */
};

static int	team_row(struct ctl *, struct rows *, const char *court,
		    const char *docket, const char *addr, const char *what,
		    size_t where);
static int	team_add(struct ctl *, int argc, char **argv);
static int	team_remove(struct ctl *, int argc, char **argv);
static int	team_list(struct ctl *, int argc, char **argv);
static int	team_import(struct ctl *, int argc, char **argv);
static int	team_export(struct ctl *, int argc, char **argv);
static int	team_format(int *argc, char ***argv, const char *file,
		    enum ctl_fmt *fmt);
static int	csv_split(char *line, char **f, int nf);
static int	csv_read(struct ctl *, FILE *, const char *, struct rows *);
static int	json_read(struct ctl *, const char *, struct rows *);
static void	csv_field(FILE *, const char *);
static void	rows_free(struct rows *);

static const struct {
	const char *name;
	int (*fn)(struct ctl *, int, char **);
} team_cmds[] = {
	{ "add", team_add }, { "remove", team_remove }, { "list", team_list },
	{ "import", team_import }, { "export", team_export },
};

int
ctl_team(struct ctl *c, int argc, char **argv)
{
	size_t i;

	if (argc < 1)
		return ctl_fail(CTL_USAGE, "team: add, remove, list, import "
		    "or export?");
	for (i = 0; i < sizeof(team_cmds) / sizeof(team_cmds[0]); i++)
		if (strcmp(argv[0], team_cmds[i].name) == 0)
			return team_cmds[i].fn(c, argc - 1, argv + 1);
	return ctl_fail(CTL_USAGE, "team: unknown subcommand \"%s\"", argv[0]);
}

static void
rows_free(struct rows *r)
{
	free(r->r_v);
	free(r->r_where);
	memset(r, 0, sizeof(*r));
}

/*
 * Check one row (reporting it when bad) and append it normalized.
 * Returns 0, or an exit code for a failure that is not the row's.
 */
static int
team_row(struct ctl *c, struct rows *r, const char *court, const char *docket,
    const char *addr, const char *what, size_t where)
{
	struct store_addr a;
	size_t cap;
	int rc;

	memset(&a, 0, sizeof(a));
	if (ctl_court(court, a.a_court, sizeof(a.a_court)) != 0) {
		ctl_fail(CTL_USAGE, "%s %zu: bad court \"%.40s\"", what, where,
		    court);
		r->r_bad++;
		return 0;
	}
	if (ctl_docket(docket, a.a_docket, sizeof(a.a_docket)) != 0) {
		ctl_fail(CTL_USAGE, "%s %zu: not a docket number \"%.64s\"",
		    what, where, docket);
		r->r_bad++;
		return 0;
	}
	if ((rc = store_addr_normalize(addr, a.a_addr, sizeof(a.a_addr))) != 0 ||
	    (rc = store_addr_in_firm(c->c_st, a.a_addr)) != 0) {
		ctl_fail(CTL_USAGE, "%s %zu: \"%.80s\": %s", what, where, addr,
		    store_strerror(rc));
		r->r_bad++;
		return 0;
	}
	if (r->r_n >= CTL_TEAM_ROWS_MAX)
		return ctl_fail(CTL_USAGE, "more than %d rows",
		    CTL_TEAM_ROWS_MAX);
	if (r->r_n == r->r_cap) {
		cap = r->r_cap ? r->r_cap * 2 : 64;
		if ((r->r_v = realloc(r->r_v, cap * sizeof(*r->r_v))) == NULL ||
		    (r->r_where = realloc(r->r_where,
		    cap * sizeof(*r->r_where))) == NULL)
			return ctl_fail(CTL_ERROR, "out of memory");
		r->r_cap = cap;
	}
	r->r_where[r->r_n] = where;
	r->r_v[r->r_n++] = a;
	return 0;
}

/* Store the rows in one transaction; an exit code. */
static int
team_commit(struct ctl *c, struct rows *r, const char *what)
{
	size_t bad = 0;
	int rc;

	if (r->r_bad > 0)
		return ctl_fail(CTL_USAGE, "%d bad row%s: nothing changed",
		    r->r_bad, r->r_bad == 1 ? "" : "s");
	rc = store_team_import(c->c_st, r->r_v, r->r_n, c->c_now, &bad);
	if (rc != 0)
		return ctl_fail(ctl_exit(rc), "%s %zu: %s: nothing changed",
		    what, bad < r->r_n ? r->r_where[bad] : 0,
		    store_strerror(rc));
	return CTL_OK;
}

static int
team_add(struct ctl *c, int argc, char **argv)
{
	struct rows r;
	int i, rc = 0;

	if (argc < 3)
		return ctl_fail(CTL_USAGE, "usage: team add COURT CASE "
		    "ADDRESS...");
	if (c->c_cfg->cf_firm_domains.l_n == 0)
		return ctl_fail(CTL_USAGE, "firm_domains is not set: no "
		    "address may join a team");
	memset(&r, 0, sizeof(r));
	for (i = 2; rc == 0 && i < argc; i++)
		rc = team_row(c, &r, argv[0], argv[1], argv[i], "address",
		    (size_t)(i - 1));
	if (rc == 0)
		rc = team_commit(c, &r, "address");
	if (rc == 0)
		fprintf(c->c_out, "added %zu address%s to %s %s\n", r.r_n,
		    r.r_n == 1 ? "" : "es", r.r_v[0].a_court, r.r_v[0].a_docket);
	rows_free(&r);
	return rc;
}

static int
team_remove(struct ctl *c, int argc, char **argv)
{
	char court[STORE_COURT_MAX + 1], docket[STORE_DOCKET_MAX + 1];
	int i, rc, ret = CTL_OK;

	if (argc < 3)
		return ctl_fail(CTL_USAGE, "usage: team remove COURT CASE "
		    "ADDRESS...");
	if (ctl_court(argv[0], court, sizeof(court)) != 0)
		return ctl_fail(CTL_USAGE, "bad court \"%.40s\"", argv[0]);
	if (ctl_docket(argv[1], docket, sizeof(docket)) != 0)
		return ctl_fail(CTL_USAGE, "not a docket number \"%.64s\"",
		    argv[1]);
	for (i = 2; i < argc; i++) {
		rc = store_team_remove(c->c_st, court, docket, argv[i]);
		if (rc == 0)
			fprintf(c->c_out, "removed %s\n", argv[i]);
		else {
			ctl_fail(ctl_exit(rc), "%.80s: %s", argv[i],
			    rc == STORE_ENOTFOUND ? "not on the team" :
			    store_strerror(rc));
			if (ret == CTL_OK || ctl_exit(rc) > ret)
				ret = ctl_exit(rc);
		}
	}
	return ret;
}

static int
team_list(struct ctl *c, int argc, char **argv)
{
	char court[STORE_COURT_MAX + 1], docket[STORE_DOCKET_MAX + 1];
	struct store_case sc;
	struct store_addr *v;
	char t[32];
	size_t i, n;
	int rc;

	if (argc != 0 && argc != 2)
		return ctl_fail(CTL_USAGE, "usage: team list [COURT CASE]");
	if (argc == 2) {
		if (ctl_court(argv[0], court, sizeof(court)) != 0)
			return ctl_fail(CTL_USAGE, "bad court \"%.40s\"",
			    argv[0]);
		if (ctl_docket(argv[1], docket, sizeof(docket)) != 0)
			return ctl_fail(CTL_USAGE, "not a docket number "
			    "\"%.64s\"", argv[1]);
	}
	rc = store_team_list(c->c_st, argc ? court : NULL, argc ? docket : NULL,
	    &v, &n);
	if (rc != 0)
		return ctl_fail(ctl_exit(rc), "team list: %s", store_strerror(rc));
	if (argc == 2 && n == 0 &&
	    store_case_get(c->c_st, court, docket, &sc) == STORE_ENOTFOUND)
		return ctl_fail(CTL_NOTFOUND, "unknown case %s %s", court,
		    docket);
	for (i = 0; i < n; i++)
		fprintf(c->c_out, "%s\t%s\t%s\t%s\n", v[i].a_court,
		    v[i].a_docket, v[i].a_addr,
		    ctl_fmt_time(v[i].a_first, t, sizeof(t)));
	free(v);
	return CTL_OK;
}

/* --format csv|json among the arguments, else by the file's extension. */
static int
team_format(int *argc, char ***argv, const char *file, enum ctl_fmt *fmt)
{
	const char *dot = file != NULL ? strrchr(file, '.') : NULL;

	*fmt = dot != NULL && strcasecmp(dot, ".json") == 0 ? FMT_JSON :
	    FMT_CSV;
	if (*argc >= 2 && strcmp((*argv)[0], "--format") == 0) {
		if (strcmp((*argv)[1], "csv") == 0)
			*fmt = FMT_CSV;
		else if (strcmp((*argv)[1], "json") == 0)
			*fmt = FMT_JSON;
		else
			return -1;
		*argc -= 2;
		*argv += 2;
	}
	return 0;
}

/*
 * Split a CSV line in place into at most nf fields (double quotes, ""
 * inside quotes).  Returns the number of fields, or -1 when malformed.
 */
static int
csv_split(char *line, char **f, int nf)
{
	char *r = line, *w = line;
	int n = 0, q;

	for (;;) {
		if (n == nf)
			return -1;
		while (*r == ' ' || *r == '\t')
			r++;
		f[n++] = w;
		q = *r == '"';
		if (q)
			r++;
		for (; *r != '\0'; r++) {
			if (q && *r == '"' && r[1] == '"')
				*w++ = *r++;
			else if (q && *r == '"') {
				q = 0;
				r++;
				while (*r == ' ' || *r == '\t')
					r++;
				if (*r != ',' && *r != '\0')
					return -1;
				break;
			} else if (!q && *r == ',')
				break;
			else
				*w++ = *r;
		}
		if (q)
			return -1;
		while (!q && w > f[n - 1] && (w[-1] == ' ' || w[-1] == '\t'))
			w--;
		if (*r == '\0') {
			*w = '\0';
			return n;
		}
		r++;		/* the comma */
		*w++ = '\0';
	}
}

static int
csv_read(struct ctl *c, FILE *fp, const char *name, struct rows *r)
{
	char line[CTL_TEAM_LINE_MAX + 2], *f[3];
	size_t lineno = 0, len;
	int n, rc = 0, header = 0;

	while (rc == 0 && fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		len = strlen(line);
		if (len > 0 && line[len - 1] != '\n' && !feof(fp))
			return ctl_fail(CTL_USAGE, "%s: line %zu: longer than "
			    "%d bytes", name, lineno, CTL_TEAM_LINE_MAX);
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		n = csv_split(line, f, 3);
		if (!header) {
			if (n != 3 || strcasecmp(f[0], "court") != 0 ||
			    strcasecmp(f[1], "case") != 0 ||
			    strcasecmp(f[2], "address") != 0)
				return ctl_fail(CTL_USAGE, "%s: line %zu: the "
				    "header must be \"court,case,address\"",
				    name, lineno);
			header = 1;
			continue;
		}
		if (n != 3) {
			ctl_fail(CTL_USAGE, "line %zu: expected 3 fields "
			    "(court,case,address)", lineno);
			r->r_bad++;
			continue;
		}
		rc = team_row(c, r, f[0], f[1], f[2], "line", lineno);
	}
	if (rc == 0 && ferror(fp))
		return ctl_fail(CTL_ERROR, "%s: read error", name);
	if (rc == 0 && !header)
		return ctl_fail(CTL_USAGE, "%s: no header line", name);
	return rc;
}

static int
json_read(struct ctl *c, const char *name, struct rows *r)
{
	json_error_t err;
	json_t *root, *it, *jc, *jk, *ja;
	size_t i;
	int rc = 0;

	if (strcmp(name, "-") == 0)
		root = json_loadf(stdin, 0, &err);
	else {
		FILE *fp = ctl_fopen(name, "r");

		if (fp == NULL)
			return ctl_fail(CTL_USAGE, "%s: %s", name,
			    strerror(errno));
		root = json_loadf(fp, 0, &err);
		fclose(fp);
	}
	if (root == NULL)
		return ctl_fail(CTL_USAGE, "%s: line %d: %s", name, err.line,
		    err.text);
	if (!json_is_array(root)) {
		json_decref(root);
		return ctl_fail(CTL_USAGE, "%s: expected an array of "
		    "{\"court\", \"case\", \"address\"} objects", name);
	}
	json_array_foreach(root, i, it) {
		jc = json_object_get(it, "court");
		jk = json_object_get(it, "case");
		ja = json_object_get(it, "address");
		if (!json_is_string(jc) || !json_is_string(jk) ||
		    !json_is_string(ja)) {
			ctl_fail(CTL_USAGE, "item %zu: expected string members "
			    "court, case and address", i + 1);
			r->r_bad++;
			continue;
		}
		if ((rc = team_row(c, r, json_string_value(jc),
		    json_string_value(jk), json_string_value(ja), "item",
		    i + 1)) != 0)
			break;
	}
	json_decref(root);
	return rc;
}

static int
team_import(struct ctl *c, int argc, char **argv)
{
	enum ctl_fmt fmt;
	struct rows r;
	FILE *fp;
	int rc;

	if (team_format(&argc, &argv, argc > 0 ? argv[argc - 1] : NULL,
	    &fmt) != 0 || argc != 1)
		return ctl_fail(CTL_USAGE, "usage: team import [--format "
		    "csv|json] FILE");
	if (c->c_cfg->cf_firm_domains.l_n == 0)
		return ctl_fail(CTL_USAGE, "firm_domains is not set: no "
		    "address may join a team");
	memset(&r, 0, sizeof(r));
	if (fmt == FMT_JSON)
		rc = json_read(c, argv[0], &r);
	else {
		fp = strcmp(argv[0], "-") == 0 ? stdin : ctl_fopen(argv[0], "r");
		if (fp == NULL)
			return ctl_fail(CTL_USAGE, "%s: %s", argv[0],
			    strerror(errno));
		rc = csv_read(c, fp, argv[0], &r);
		if (fp != stdin)
			fclose(fp);
	}
	if (rc == 0)
		rc = team_commit(c, &r, fmt == FMT_JSON ? "item" : "line");
	if (rc == 0)
		fprintf(c->c_out, "imported %zu row%s\n", r.r_n,
		    r.r_n == 1 ? "" : "s");
	rows_free(&r);
	return rc;
}

/* One CSV field, quoted when it needs to be. */
static void
csv_field(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static int
team_export(struct ctl *c, int argc, char **argv)
{
	struct store_addr *v;
	enum ctl_fmt fmt;
	json_t *root, *o;
	size_t i, n;
	FILE *fp;
	int rc;

	if (team_format(&argc, &argv, argc > 0 ? argv[argc - 1] : NULL,
	    &fmt) != 0 || argc != 1)
		return ctl_fail(CTL_USAGE, "usage: team export [--format "
		    "csv|json] FILE");
	if ((rc = store_team_list(c->c_st, NULL, NULL, &v, &n)) != 0)
		return ctl_fail(ctl_exit(rc), "team export: %s",
		    store_strerror(rc));
	fp = strcmp(argv[0], "-") == 0 ? c->c_out : ctl_fopen(argv[0], "w");
	if (fp == NULL) {
		rc = errno;
		free(v);
		return ctl_fail(CTL_USAGE, "%s: cannot create: %s", argv[0],
		    strerror(rc));
	}
	if (fmt == FMT_JSON) {
		root = json_array();
		for (i = 0; i < n; i++) {
			o = json_pack("{s:s, s:s, s:s}", "court", v[i].a_court,
			    "case", v[i].a_docket, "address", v[i].a_addr);
			json_array_append_new(root, o);
		}
		json_dumpf(root, fp, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
		fputc('\n', fp);
		json_decref(root);
	} else {
		fputs("court,case,address\n", fp);
		for (i = 0; i < n; i++) {
			csv_field(fp, v[i].a_court);
			fputc(',', fp);
			csv_field(fp, v[i].a_docket);
			fputc(',', fp);
			csv_field(fp, v[i].a_addr);
			fputc('\n', fp);
		}
	}
	free(v);
	rc = fflush(fp) != 0 || ferror(fp) ? CTL_ERROR : CTL_OK;
	if (fp != c->c_out && fclose(fp) != 0)
		rc = CTL_ERROR;
	if (rc != CTL_OK)
		return ctl_fail(rc, "%s: write error", argv[0]);
	return CTL_OK;
}
