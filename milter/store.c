/*
 * NAME
 *	store - nefmilter's persistent state: open, close, statuses
 * SUMMARY
 *	the state directory, addresses, statistics
 * SYNOPSIS
 *	#include "store.h"
 * DESCRIPTION
 *	store_open() makes (with so_create) or finds the state directory
 *	(0700) with its db/, docs/ and tmp/ subdirectories, then opens the
 *	LMDB environment through store_db.  Files are created 0600.  The
 *	other parts of the store live in store_db.c (the LMDB layer),
 *	store_rec.c (record encoding), store_doc.c (documents, tombstones),
 *	store_purge.c (purge, expiry), store_check.c (integrity),
 *	store_case.c (cases, listed recipients, teams) and store_audit.c
 *	(the audit trail).
 * DIAGNOSTICS
 *	Statuses as in store.h; failures to create or open the directory
 *	are logged with the path and strerror().
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cfg.h"
#include "log.h"
#include "store.h"
#include "store_db.h"
#include "store_rec.h"

#define STORE_DEFAULT_WAIT_MS	10000
#define STORE_CHOWN_DEPTH	4	/* STATE/docs/AA/file is depth 3 */

static const char *const store_errs[STORE_NSTATUS] = {
	[STORE_OK] = "success",
	[STORE_ENOTFOUND] = "not found",
	[STORE_EFULL] = "store full (LMDB map at its limit)",
	[STORE_ELOCKED] = "store locked by another writer",
	[STORE_EBUSY] = "store busy (no free reader slot)",
	[STORE_EMISSING] = "document file missing or damaged",
	[STORE_ECORRUPT] = "store record corrupt",
	[STORE_EIO] = "store I/O error",
	[STORE_ENOSPC] = "file system full",
	[STORE_ENOSTORE] = "no store in the state directory",
	[STORE_EINVAL] = "invalid argument",
	[STORE_EADDR] = "not a valid mail address",
	[STORE_EDOMAIN] = "address is not in the firm's domains",
	[STORE_ETOMBSTONED] = "document was purged (tombstoned)",
	[STORE_ENOMEM] = "out of memory",
	[STORE_EACCES] = "permission denied",
};

static const char *const store_tables[STORE_T_N] = {
	"documents", "tombstones", "cases", "listed", "team", "audit",
	"events",
};

static char	*store_path(const char *dir, const char *sub);
static int	 store_mkdir(const char *path, int create);
static int	 store_exists(const struct store *, int create);
static int	 store_copy_firm(struct store *, const struct cfg_list *);
static int	 store_chown_walk(const char *path, unsigned uid, unsigned gid,
		    int depth);
static int	 store_count_fn(struct sdb_txn *, void *);
static void	 store_count_files(struct store *, struct store_stats *);

const char *
store_strerror(int status)
{
	if (status < 0 || status >= STORE_NSTATUS)
		return "unknown store status";
	return store_errs[status];
}

const char *
store_table_name(int t)
{
	return t >= 0 && t < STORE_T_N ? store_tables[t] : "?";
}

void
store_opts_from_cfg(struct store_opts *o, const struct cfg *cf)
{
	memset(o, 0, sizeof(*o));
	o->so_dir = cf->cf_state_dir;
	o->so_map_size = cf->cf_map_size;
	o->so_map_max = cf->cf_map_size_max;
	o->so_max_readers = (unsigned)cf->cf_max_readers;
	o->so_retention = cf->cf_retention;
	o->so_firm_domains = &cf->cf_firm_domains;
}

static char *
store_path(const char *dir, const char *sub)
{
	size_t n = strlen(dir) + strlen(sub) + 2;
	char *p = malloc(n);

	if (p != NULL)
		snprintf(p, n, "%s/%s", dir, sub);
	return p;
}

/* Make (or find) a directory; 0, STORE_ENOSTORE, STORE_EACCES,
 * STORE_ENOSPC or STORE_EIO. */
static int
store_mkdir(const char *path, int create)
{
	struct stat sb;

	if (stat(path, &sb) == 0)
		return S_ISDIR(sb.st_mode) ? 0 : STORE_ENOSTORE;
	if (errno != ENOENT) {
		log_err(NULL, "store: %s: %s", path, strerror(errno));
		return errno == EACCES || errno == EPERM ? STORE_EACCES :
		    STORE_EIO;
	}
	if (!create)
		return STORE_ENOSTORE;
	if (mkdir(path, 0700) != 0 && errno != EEXIST) {
		log_err(NULL, "store: mkdir %s: %s", path, strerror(errno));
		return errno == ENOSPC ? STORE_ENOSPC : errno == EACCES ||
		    errno == EPERM ? STORE_EACCES : STORE_EIO;
	}
	return 0;
}

/* Without create, the environment must exist (LMDB would create it). */
static int
store_exists(const struct store *st, int create)
{
	char path[PATH_MAX];
	struct stat sb;

	if (create)
		return 0;
	snprintf(path, sizeof(path), "%s/data.mdb", st->s_dbdir);
	if (stat(path, &sb) == 0)
		return S_ISREG(sb.st_mode) ? 0 : STORE_ENOSTORE;
	if (errno == EACCES || errno == EPERM) {
		log_err(NULL, "store: %s: %s", path, strerror(errno));
		return STORE_EACCES;
	}
	return STORE_ENOSTORE;
}

static int
store_copy_firm(struct store *st, const struct cfg_list *l)
{
	size_t i, j;

	if (l == NULL || l->l_n == 0)
		return 0;
	if ((st->s_firm = calloc(l->l_n, sizeof(char *))) == NULL)
		return STORE_ENOMEM;
	for (i = 0; i < l->l_n; i++) {
		if ((st->s_firm[i] = strdup(l->l_v[i])) == NULL)
			return STORE_ENOMEM;
		st->s_nfirm++;
		for (j = 0; st->s_firm[i][j] != '\0'; j++)
			if (st->s_firm[i][j] >= 'A' && st->s_firm[i][j] <= 'Z')
				st->s_firm[i][j] += 'a' - 'A';
	}
	return 0;
}

int
store_open(const struct store_opts *o, struct store **out)
{
	pthread_rwlockattr_t ra;
	struct store *st;
	int rc;

	*out = NULL;
	if (o->so_dir == NULL || o->so_dir[0] == '\0' ||
	    strlen(o->so_dir) > PATH_MAX - 100)
		return STORE_EINVAL;
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return STORE_ENOMEM;
	st->s_lockfd = -1;
	pthread_rwlockattr_init(&ra);
	pthread_rwlockattr_setkind_np(&ra,
	    PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP);
	pthread_rwlock_init(&st->s_rw, &ra);
	pthread_rwlockattr_destroy(&ra);
	pthread_mutex_init(&st->s_wmutex, NULL);
	st->s_map_max = o->so_map_max != 0 ? o->so_map_max :
	    o->so_map_size * 16;
	if (st->s_map_max < o->so_map_size)
		st->s_map_max = o->so_map_size;
	st->s_retention = o->so_retention;
	st->s_lock_wait_ms = o->so_lock_wait_ms != 0 ? o->so_lock_wait_ms :
	    STORE_DEFAULT_WAIT_MS;
	st->s_dir = strdup(o->so_dir);
	st->s_dbdir = store_path(o->so_dir, "db");
	st->s_docdir = store_path(o->so_dir, "docs");
	st->s_tmpdir = store_path(o->so_dir, "tmp");
	if (st->s_dir == NULL || st->s_dbdir == NULL ||
	    st->s_docdir == NULL || st->s_tmpdir == NULL)
		rc = STORE_ENOMEM;
	else if ((rc = store_copy_firm(st, o->so_firm_domains)) == 0 &&
	    (rc = store_mkdir(st->s_dir, o->so_create)) == 0 &&
	    (rc = store_mkdir(st->s_dbdir, o->so_create)) == 0 &&
	    (rc = store_mkdir(st->s_docdir, o->so_create)) == 0 &&
	    (rc = store_mkdir(st->s_tmpdir, o->so_create)) == 0 &&
	    (rc = store_exists(st, o->so_create)) == 0)
		rc = sdb_open(st, o->so_map_size, o->so_max_readers,
		    o->so_create);
	if (rc != 0) {
		store_close(st);
		return rc;
	}
	*out = st;
	return 0;
}

struct store *
store_close(struct store *st)
{
	size_t i;

	if (st == NULL)
		return NULL;
	sdb_close(st);
	pthread_rwlock_destroy(&st->s_rw);
	pthread_mutex_destroy(&st->s_wmutex);
	for (i = 0; i < st->s_nfirm; i++)
		free(st->s_firm[i]);
	free(st->s_firm);
	free(st->s_dir);
	free(st->s_dbdir);
	free(st->s_docdir);
	free(st->s_tmpdir);
	free(st);
	return NULL;
}

int
store_addr_normalize(const char *in, char *out, size_t size)
{
	size_t i, n, at = 0, nat = 0;
	unsigned char c;

	if (in == NULL || size < 2)
		return STORE_EADDR;
	n = strlen(in);
	if (n < 3 || n > STORE_ADDR_MAX || n >= size)
		return STORE_EADDR;
	for (i = 0; i < n; i++) {
		c = (unsigned char)in[i];
		if (c <= ' ' || c >= 0x7f || c == '<' || c == '>' ||
		    c == ',' || c == ';' || c == '"' || c == '\\' ||
		    c == '(' || c == ')' || c == '[' || c == ']')
			return STORE_EADDR;
		if (c == '@') {
			at = i;
			nat++;
		}
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c + 'a' - 'A' : c);
	}
	out[n] = '\0';
	if (nat != 1 || at == 0 || at == n - 1 || out[at + 1] == '.' ||
	    out[n - 1] == '.' || strstr(out + at, "..") != NULL)
		return STORE_EADDR;
	for (i = at + 1; i < n; i++) {
		c = (unsigned char)out[i];
		if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') &&
		    c != '.' && c != '-')
			return STORE_EADDR;
	}
	return 0;
}

int
store_addr_in_firm(const struct store *st, const char *addr)
{
	const char *dom = strrchr(addr, '@');
	size_t i;

	if (dom == NULL)
		return STORE_EADDR;
	for (i = 0; i < st->s_nfirm; i++)
		if (strcasecmp(dom + 1, st->s_firm[i]) == 0)
			return 0;
	return STORE_EDOMAIN;
}

static int
store_chown_walk(const char *path, unsigned uid, unsigned gid, int depth)
{
	char sub[PATH_MAX];
	struct dirent *de;
	struct stat sb;
	DIR *d;
	int rc = 0;

	if (lstat(path, &sb) != 0 || lchown(path, uid, gid) != 0) {
		log_err(NULL, "store: chown %s: %s", path, strerror(errno));
		return STORE_EIO;
	}
	if (!S_ISDIR(sb.st_mode) || depth <= 0)
		return 0;
	if ((d = opendir(path)) == NULL)
		return STORE_EIO;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s", path,
		    de->d_name) >= sizeof(sub))
			continue;
		rc = store_chown_walk(sub, uid, gid, depth - 1);
	}
	closedir(d);
	return rc;
}

int
store_chown_tree(const char *dir, unsigned uid, unsigned gid)
{
	return store_chown_walk(dir, uid, gid, STORE_CHOWN_DEPTH);
}

static int
store_count_fn(struct sdb_txn *t, void *arg)
{
	return store_count_tables(t, arg);
}

/* The records of each table (tombstones: by key and by hash). */
int
store_count_tables(struct sdb_txn *t, struct store_stats *s)
{
	static const int map[][2] = {
		{ STORE_T_DOCS, SDB_DOCS }, { STORE_T_TOMBSTONES, SDB_TOMB_KEY },
		{ STORE_T_TOMBSTONES, SDB_TOMB_SHA }, { STORE_T_CASES, SDB_CASES },
		{ STORE_T_LISTED, SDB_LISTED }, { STORE_T_TEAM, SDB_TEAM },
		{ STORE_T_AUDIT, SDB_AUDIT }, { STORE_T_EVENTS, SDB_EVENTS },
	};
	uint64_t n;
	size_t i;
	int rc;

	memset(s->st_count, 0, sizeof(s->st_count));
	for (i = 0; i < sizeof(map) / sizeof(map[0]); i++) {
		if ((rc = sdb_count(t, map[i][1], &n)) != 0)
			return rc;
		s->st_count[map[i][0]] += n;
	}
	return 0;
}

/* Count the files and bytes under STATE/docs/AA/. */
static void
store_count_files(struct store *st, struct store_stats *s)
{
	char path[PATH_MAX];
	struct dirent *de, *fe;
	struct stat sb;
	DIR *d, *sd;

	if ((d = opendir(st->s_docdir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", st->s_docdir, de->d_name);
		if ((sd = opendir(path)) == NULL)
			continue;
		while ((fe = readdir(sd)) != NULL) {
			if (fe->d_name[0] == '.' ||
			    fstatat(dirfd(sd), fe->d_name, &sb, 0) != 0 ||
			    !S_ISREG(sb.st_mode))
				continue;
			s->st_doc_files++;
			s->st_doc_bytes += (uint64_t)sb.st_size;
		}
		closedir(sd);
	}
	closedir(d);
}

int
store_stats(struct store *st, struct store_stats *s)
{
	int rc;

	memset(s, 0, sizeof(*s));
	if ((rc = sdb_info(st, s)) != 0)
		return rc;
	if ((rc = sdb_read(st, store_count_fn, s)) != 0)
		return rc;
	store_count_files(st, s);
	return 0;
}
