/*
 * NAME
 *	inspectcmd 3 - nefmilter --inspect
 * SYNOPSIS
 *	#include "inspectcmd.h"
 * DESCRIPTION
 *	See inspectcmd.h.  No time budget applies here beyond the helper's
 *	own limits: the command waits for each answer.
 * DIAGNOSTICS
 *	A file that cannot be opened is named on standard error.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "inspect.h"
#include "inspectcmd.h"

static struct inspect_result *check_one(const struct inspect_opts *, int fd);
static void	print(const struct inspect_result *);

/* The helper's answer as it is, or one of the same shape. */
static void
print(const struct inspect_result *r)
{
	json_t *o;
	size_t n;

	if (r->r_json != NULL) {
		n = strlen(r->r_json);
		while (n > 0 && (r->r_json[n - 1] == '\n' || r->r_json[n - 1] == '\r'))
			n--;
		printf("%.*s\n", (int)n, r->r_json);
		return;
	}
	o = json_pack("{s:s, s:s, s:i, s:i, s:[], s:[], s:b, s:I}", "status",
	    inspect_status_name(r->r_status), "detail", r->r_detail, "pages",
	    r->r_pages, "pages_checked", r->r_pages_checked, "bad_redactions",
	    "identifiers", "truncated", 0, "ms", (json_int_t)r->r_ms);
	if (o != NULL && json_dumpf(o, stdout, JSON_COMPACT) == 0)
		fputc('\n', stdout);
	json_decref(o);
}

static struct inspect_result *
check_one(const struct inspect_opts *o, int fd)
{
	struct inspect_result *r;
	struct inspect_job *j;
	struct stat st;
	char err[256];

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (uint64_t)st.st_size > o->io_max_bytes)
		return inspect_result_new(INSPECT_TOO_LARGE, "%llu bytes (the "
		    "limit is %llu)", (unsigned long long)st.st_size,
		    (unsigned long long)o->io_max_bytes);
	if (inspect_start(o, fd, &j, err, sizeof(err)) != 0)
		return inspect_result_new(INSPECT_ERROR, "%s", err);
	while (!inspect_wait(j, 60000, NULL, NULL))
		;
	r = inspect_result(j);
	inspect_job_free(j);
	return r;
}

int
inspectcmd_main(const struct cfg *cf, int nfiles, char **files)
{
	struct inspect_opts o;
	struct inspect_result *r;
	char err[256];
	int i, fd, rc = 0, have;

	if (nfiles < 1) {
		fprintf(stderr, "usage: nefmilter --inspect FILE.pdf...\n");
		return 2;
	}
	have = inspect_opts_from_cfg(&o, cf, err, sizeof(err)) == 0;
	for (i = 0; i < nfiles; i++) {
		if ((fd = open(files[i], O_RDONLY | O_CLOEXEC)) < 0) {
			fprintf(stderr, "nefmilter: %s: %s\n", files[i],
			    strerror(errno));
			rc = 2;
			continue;
		}
		r = have ? check_one(&o, fd) :
		    inspect_result_new(INSPECT_ERROR, "%s", err);
		close(fd);
		if (r == NULL) {
			fprintf(stderr, "nefmilter: out of memory\n");
			return 1;
		}
		print(r);
		if (r->r_status != INSPECT_CHECKED && rc == 0)
			rc = 1;
		inspect_result_free(r);
	}
	fflush(stdout);
	return rc;
}
