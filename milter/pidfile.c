/*
 * NAME
 *	pidfile 3 - the daemon's locked pid file
 * SYNOPSIS
 *	#include "pidfile.h"
 * DESCRIPTION
 *	See pidfile.h.  The file is opened without O_TRUNC and emptied only
 *	once the lock is ours, so a refused start never clears the pid of
 *	the daemon that runs.  A process counts as a nefmilter when
 *	/proc/PID/comm says so.
 * DIAGNOSTICS
 *	Failures are one line in the caller's buffer, with the path and
 *	strerror().
 */
#include <sys/file.h>
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "log.h"
#include "pidfile.h"
#include "runas.h"
#include "strbuf.h"
#include "text.h"

struct pidfile {
	char	*pf_path;
	int	 pf_fd;
	dev_t	 pf_dev;
	ino_t	 pf_ino;
};

static pid_t	pf_read(int fd);
static int	pf_is_nefmilter(pid_t);

/* The pid written in the file, or 0. */
static pid_t
pf_read(int fd)
{
	char	buf[32];
	ssize_t	n;
	long	v;
	char	*end;

	if ((n = pread(fd, buf, sizeof(buf) - 1, 0)) <= 0)
		return 0;
	buf[n] = '\0';
	v = strtol(buf, &end, 10);
	return v > 0 && (*end == '\n' || *end == '\0') ? (pid_t)v : 0;
}

/* A live process called nefmilter (not this one). */
static int
pf_is_nefmilter(pid_t pid)
{
	char	path[64], comm[64];
	FILE	*fp;
	int	 yes = 0;

	if (pid <= 0 || pid == getpid() || (kill(pid, 0) != 0 && errno == ESRCH))
		return 0;
	snprintf(path, sizeof(path), "/proc/%ld/comm", (long)pid);
	if ((fp = fopen(path, "r")) == NULL)
		return 0;
	if (fgets(comm, sizeof(comm), fp) != NULL)
		yes = strncmp(comm, "nefmilter", 9) == 0 &&
		    (comm[9] == '\n' || comm[9] == '\0');
	fclose(fp);
	return yes;
}

int
pidfile_held(const char *path, pid_t *holder)
{
	int	fd, held = 0;

	*holder = 0;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)) < 0)
		return 0;
	if (flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
		held = 1;
		*holder = pf_read(fd);
	} else if (pf_is_nefmilter(pf_read(fd))) {
		held = 1;
		*holder = pf_read(fd);
	}
	close(fd);
	return held;
}

int
pidfile_lock(const char *path, uid_t uid, gid_t gid, struct pidfile **out,
    pid_t *holder, struct strbuf *err)
{
	struct pidfile	*pf;
	struct stat	 st;
	char		 dir[4096];
	int		 fd;

	*out = NULL;
	*holder = 0;
	if (path[0] != '/' || runas_dirname(path, dir, sizeof(dir)) != 0) {
		strbuf_printf(err, "pid_file %s: not an absolute path", path);
		return -1;
	}
	if (runas_mkdir(dir, 0755, uid, gid, "pid file directory", err) != 0)
		return -1;
	fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
	if (fd < 0) {
		strbuf_printf(err, "cannot open pid file %s: %s", path,
		    strerror(errno));
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		*holder = pf_read(fd);
		close(fd);
		if (errno == EWOULDBLOCK)
			return 1;
		strbuf_printf(err, "cannot lock pid file %s: %s", path,
		    strerror(errno));
		return -1;
	}
	if (pf_is_nefmilter(pf_read(fd))) {
		*holder = pf_read(fd);
		close(fd);
		return 1;
	}
	if (fstat(fd, &st) != 0 || (pf = calloc(1, sizeof(*pf))) == NULL ||
	    (pf->pf_path = strdup(path)) == NULL) {
		strbuf_printf(err, "pid file %s: %s", path, strerror(errno));
		close(fd);
		return -1;
	}
	if (geteuid() == 0 && fchown(fd, uid, gid) != 0)
		log_warn(NULL, "cannot chown %s: %s", path, strerror(errno));
	(void)fchmod(fd, 0644);
	pf->pf_fd = fd;
	pf->pf_dev = st.st_dev;
	pf->pf_ino = st.st_ino;
	*out = pf;
	return 0;
}

int
pidfile_write(struct pidfile *pf, struct strbuf *err)
{
	char	buf[32];
	int	n;

	n = snprintf(buf, sizeof(buf), "%ld\n", (long)getpid());
	if (ftruncate(pf->pf_fd, 0) != 0 ||
	    pwrite(pf->pf_fd, buf, (size_t)n, 0) != n) {
		strbuf_printf(err, "cannot write pid file %s: %s", pf->pf_path,
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
pidfile_check(const char *path, struct strbuf *err)
{
	char		dir[4096], parent[4096];
	struct stat	st;
	int		e, missing;

	if (path[0] != '/' || runas_dirname(path, dir, sizeof(dir)) != 0) {
		strbuf_printf(err, "pid_file %s: not an absolute path", path);
		return -1;
	}
	if (stat(dir, &st) != 0 && (runas_dirname(dir, parent,
	    sizeof(parent)) != 0 || strcmp(parent, "/") == 0 ||
	    stat(parent, &st) != 0)) {
		strbuf_printf(err, "pid_file %s: its directory %s does not exist "
		    "and cannot be made", path, dir);
		return -1;
	}
	if ((e = runas_can_create(path, &missing)) == 0)
		return 0;
	if (missing)
		strbuf_printf(err, "cannot create pid file directory %s: %s", dir,
		    strerror(e));
	else
		strbuf_printf(err, "cannot open pid file %s: %s", path,
		    strerror(e));
	return -1;
}

int
pidfile_removable(const char *path)
{
	char	dir[4096];

	return runas_dirname(path, dir, sizeof(dir)) == 0 &&
	    access(dir, W_OK | X_OK) == 0;
}

struct pidfile *
pidfile_close(struct pidfile *pf)
{
	struct stat	st;

	if (pf == NULL)
		return NULL;
	if (stat(pf->pf_path, &st) == 0 && st.st_dev == pf->pf_dev &&
	    st.st_ino == pf->pf_ino)
		(void)unlink(pf->pf_path);
	return pidfile_forget(pf);
}

struct pidfile *
pidfile_forget(struct pidfile *pf)
{
	if (pf == NULL)
		return NULL;
	close(pf->pf_fd);
	free(pf->pf_path);
	free(pf);
	return NULL;
}
