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
		    const char *, const char *, int64_t, int, char *, size_t);
static int	cf_install(const struct cfg *, const char *, const struct strbuf *,
		    char *, size_t);

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
	rc = cf_write_locked(cf, st, court, docket, now, 0, err, errsz);
	pthread_mutex_unlock(&cf_lock);
	return rc;
}

int
calfeed_expire(const struct cfg *cf, struct store *st, int64_t now,
    size_t *nevents, size_t *nfiles, char *err, size_t errsz)
{
	struct store_event_case	*c = NULL;
	size_t			 n = 0, i, files = 0;
	int			 rc, bad = 0;
	char			 e[256];

	if (nfiles != NULL)
		*nfiles = 0;
	rc = store_event_expire(st, now, cf->cf_calendar_retention, &c, &n,
	    nevents);
	if (rc != 0) {
		snprintf(err, errsz, "store: %s", store_strerror(rc));
		bad = 1;
	}
	for (i = 0; cf->cf_calendar_dir[0] != '\0' && i < n; i++) {
		pthread_mutex_lock(&cf_lock);
		rc = cf_write_locked(cf, st, c[i].ec_court, c[i].ec_docket, now,
		    1, e, sizeof(e));
		pthread_mutex_unlock(&cf_lock);
		if (rc == 0)
			files++;
		else if (!bad) {
			snprintf(err, errsz, "%s", e);
			bad = 1;
		}
	}
	free(c);
	if (nfiles != NULL)
		*nfiles = files;
	return bad ? -1 : 0;
}

/*
 * Write the case's file from the store, with cf_lock held.  gone: when
 * the store holds no event of the case, remove the file instead.
 */
static int
cf_write_locked(const struct cfg *cf, struct store *st, const char *court,
    const char *docket, int64_t now, int gone, char *err, size_t errsz)
{
	struct store_event	*v = NULL;
	struct calics_opts	 o;
	struct strbuf		 sb = STRBUF_INIT;
	char			 name[160], path[2048], cal[128];
	size_t			 n = 0, i, k;
	int			 rc;

	if ((rc = store_event_list(st, court, docket, &v, &n)) != 0) {
		snprintf(err, errsz, "store: %s", store_strerror(rc));
		return -1;
	}
	calfeed_name(court, docket, name, sizeof(name));
	if (n == 0 && gone) {
		free(v);
		snprintf(path, sizeof(path), "%s/%s", cf->cf_calendar_dir, name);
		if (unlink(path) != 0 && errno != ENOENT) {
			snprintf(err, errsz, "cannot remove %s: %s", path,
			    strerror(errno));
			return -1;
		}
		return 0;
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
		strbuf_free(&sb);
		return -1;
	}
	rc = cf_install(cf, name, &sb, err, errsz);
	strbuf_free(&sb);
	return rc;
}

/* Put the calendar sb in place as DIR/name: a temporary file, synced,
 * renamed over the old one.  0 or -1 (err). */
static int
cf_install(const struct cfg *cf, const char *name, const struct strbuf *sb,
    char *err, size_t errsz)
{
	char	path[2048], tmp[2100];
	int	fd = -1;

	snprintf(path, sizeof(path), "%s/%s", cf->cf_calendar_dir, name);
	snprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", cf->cf_calendar_dir, name);
	if ((fd = mkstemp(tmp)) < 0) {
		snprintf(err, errsz, "cannot create a file in %s: %s",
		    cf->cf_calendar_dir, strerror(errno));
		goto fail;
	}
	if (fchmod(fd, 0640) != 0 || cf_write_all(fd, sb->sb_s ? sb->sb_s : "",
	    sb->sb_len) != 0 || fsync(fd) != 0) {
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
		(void)fsync(fd);	/* the file is in place either way */
		close(fd);
	}
	return 0;
fail_unlink:
	unlink(tmp);
fail:
	if (fd >= 0)
		close(fd);
	return -1;
}
