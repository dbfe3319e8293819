/*
 * NAME
 *	calfeed 3 - one calendar file per case
 * SYNOPSIS
 *	#include "calfeed.h"
 * DESCRIPTION
 *	See calfeed.h.  One lock is held from reading the store to the
 *	rename: two notices of one case handled at once could otherwise
 *	each read the store before the other's change and rename in the
 *	other order, and the file would lack the first one's event until
 *	the case changed again.  The milter is the one process that writes
 *	these files.
 * DIAGNOSTICS
 *	-1 with the failing call and errno's text in err.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "calfeed.h"
#include "calics.h"
#include "cfg.h"
#include "store.h"
#include "store_event.h"
#include "strbuf.h"

static pthread_mutex_t	cf_lock = PTHREAD_MUTEX_INITIALIZER;

static int	cf_write_all(int, const char *, size_t);
static int	cf_write_locked(const struct cfg *, struct store *,
		    const char *, const char *, int64_t, char *, size_t);

void
calfeed_name(const char *court, const char *docket, char *buf, size_t size)
{
	size_t	i, n, e;

	snprintf(buf, size, "%s_%s.ics", court, docket);
	n = strlen(buf);
	e = n >= 4 ? n - 4 : n;		/* ".ics" */
	/* letters, digits, '-' and '_' only ('.' never twice in a row) */
	for (i = 0; i < e; i++) {
		unsigned char c = (unsigned char)buf[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '-' ||
		    (c == '.' && i > 0 && buf[i - 1] != '.' && buf[i - 1] != '-')))
			buf[i] = '-';
	}
}

static int
cf_write_all(int fd, const char *p, size_t len)
{
	ssize_t	w;

	while (len > 0) {
		if ((w = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

int
calfeed_write(const struct cfg *cf, struct store *st, const char *court,
    const char *docket, int64_t now, char *err, size_t errsz)
{
	int	rc;

	pthread_mutex_lock(&cf_lock);
	rc = cf_write_locked(cf, st, court, docket, now, err, errsz);
	pthread_mutex_unlock(&cf_lock);
	return rc;
}

static int
cf_write_locked(const struct cfg *cf, struct store *st, const char *court,
    const char *docket, int64_t now, char *err, size_t errsz)
{
	struct store_event	*v = NULL;
	struct calics_opts	 o;
	struct strbuf		 sb = STRBUF_INIT;
	char			 name[160], path[2048], tmp[2100], cal[128];
	size_t			 n = 0, i, k;
	int			 fd = -1, rc;

	if ((rc = store_event_list(st, court, docket, &v, &n)) != 0) {
		snprintf(err, errsz, "store: %s", store_strerror(rc));
		return -1;
	}
	for (i = k = 0; i < n; i++)
		if (!v[i].se_restricted)
			v[k++] = v[i];
	calics_opts_from_cfg(&o, cf, now);
	snprintf(cal, sizeof(cal), "%s %s", court, docket);
	o.co_name = cal;
	rc = calics_write(&o, v, k, &sb);
	free(v);
	if (rc != 0) {
		snprintf(err, errsz, "out of memory");
		goto fail;
	}
	calfeed_name(court, docket, name, sizeof(name));
	snprintf(path, sizeof(path), "%s/%s", cf->cf_calendar_dir, name);
	snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", cf->cf_calendar_dir, name);
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(err, errsz, "cannot create a file in %s: %s",
		    cf->cf_calendar_dir, strerror(errno));
		goto fail;
	}
	if (fchmod(fd, 0640) != 0 || cf_write_all(fd, strbuf_str(&sb),
	    sb.sb_len) != 0 || fsync(fd) != 0) {
		snprintf(err, errsz, "cannot write %s: %s", tmp, strerror(errno));
		goto fail_unlink;
	}
	if (close(fd) != 0) {
		fd = -1;
		snprintf(err, errsz, "cannot write %s: %s", tmp, strerror(errno));
		goto fail_unlink;
	}
	fd = -1;
	if (rename(tmp, path) != 0) {
		snprintf(err, errsz, "cannot rename %s to %s: %s", tmp, path,
		    strerror(errno));
		goto fail_unlink;
	}
	/* the rename itself reaches the disk */
	if ((fd = open(cf->cf_calendar_dir, O_RDONLY | O_DIRECTORY)) >= 0) {
		rc = fsync(fd);	/* the file is in place either way */
		close(fd);
		fd = -1;
	}
	strbuf_free(&sb);
	return 0;
fail_unlink:
	unlink(tmp);
fail:
	if (fd >= 0)
		close(fd);
	strbuf_free(&sb);
	return -1;
}
