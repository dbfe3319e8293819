/*
 * NAME
 *	ctl_metrics - the counters, for Prometheus
 * SYNOPSIS
 *	#include "ctl_metrics.h"
 * DESCRIPTION
 *	See ctl_metrics.h.  The output file is written with stdio on a
 *	mkstemp(3) descriptor, fsync(2)ed, and renamed, as the user who ran
 *	nefctl (root, from the timer) while the store was read as its
 *	owner (runas.h).
 * DIAGNOSTICS
 *	One line on standard error; the exit codes of ctl.h (a file that
 *	cannot be written: CTL_ERROR).
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ctl_metrics.h"
#include "metrics.h"
#include "runas.h"
#include "store.h"
#include "store_metrics.h"

static int	cm_file(const char *path, const struct store_count *, size_t,
		    const struct store_stats *);

static int
cm_file(const char *path, const struct store_count *v, size_t n,
    const struct store_stats *s)
{
	char tmp[4096], dir[4096];
	FILE *fp;
	int fd, rc;

	snprintf(dir, sizeof(dir), "%s", path);
	if ((size_t)snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", dirname(dir),
	    strrchr(path, '/') ? strrchr(path, '/') + 1 : path) >= sizeof(tmp))
		return ctl_fail(CTL_USAGE, "metrics: output path too long");
	if ((fd = mkstemp(tmp)) < 0)
		return ctl_fail(CTL_ERROR, "metrics: %s: %s", tmp, strerror(errno));
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		unlink(tmp);
		return ctl_fail(CTL_ERROR, "metrics: %s", strerror(errno));
	}
	rc = metrics_write(fp, v, n, s);
	if (rc == 0 && (fflush(fp) != 0 || fchmod(fd, 0644) != 0 ||
	    fsync(fd) != 0))
		rc = -1;
	if (fclose(fp) != 0)
		rc = -1;
	if (rc == 0 && rename(tmp, path) != 0)
		rc = -1;
	if (rc != 0) {
		rc = errno;
		unlink(tmp);
		return ctl_fail(CTL_ERROR, "metrics: %s: %s", path, strerror(rc));
	}
	return CTL_OK;
}

int
ctl_metrics(struct ctl *c, int argc, char **argv)
{
	struct store_stats s;
	struct store_count *v;
	const char *out = NULL;
	size_t n;
	int rc;

	if (argc == 2 && strcmp(argv[0], "--output") == 0 && argv[1][0])
		out = argv[1];
	else if (argc != 0)
		return ctl_fail(CTL_USAGE, "usage: metrics [--output FILE]");
	if ((rc = store_count_list(c->c_st, &v, &n, &s)) != 0)
		return ctl_fail(ctl_exit(rc), "metrics: %s", store_strerror(rc));
	if (out != NULL) {
		runas_caller_enter();	/* the file is the caller's, not the store's */
		rc = cm_file(out, v, n, &s);
		runas_caller_leave();
	}
	else if (metrics_write(c->c_out, v, n, &s) != 0)
		rc = ctl_fail(CTL_ERROR, "metrics: cannot write");
	free(v);
	return rc;
}
