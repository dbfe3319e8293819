/*
 * NAME
 *	store_doc - documents and tombstones
 * SUMMARY
 *	content-addressed PDF files with an LMDB index
 * SYNOPSIS
 *	#include "store_doc.h"
 * DESCRIPTION
 *	A document's file is STATE/docs/AA/SHA.pdf, where SHA is its
 *	sha256 in hex and AA the first two digits.  The index holds one
 *	record per (court, key, attachment) and two secondary indexes: by
 *	case and entry, and by sha256 (the references to one file).
 *
 *	Files are created and removed only under the writer lock: the
 *	rename of a new file happens inside the write transaction that
 *	indexes it, and a file whose last reference goes is removed right
 *	after the commit, before the lock is released.  So a file is never
 *	removed while a writer is about to reference it.  A crash between
 *	a commit and a removal leaves an orphan file that store_expire()
 *	removes and store_check() reports.
 *
 *	Tombstones are kept by key and by sha256, forever: a purged
 *	document is refused by store_doc_put() even when fetched again
 *	under another key.
 * DIAGNOSTICS
 *	Missing or truncated files (STORE_EMISSING), file-system errors and
 *	a full disk (STORE_ENOSPC) are logged with the path.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "sha.h"
#include "store.h"
#include "store_db.h"
#include "store_doc.h"
#include "store_rec.h"

#define TOMB_REC_V	1

struct doc_put {
	struct store	*p_st;
	const struct store_doc *p_doc;
	const char	*p_tmp;
	int64_t		 p_now;
	unsigned char	 p_sha[32];
	struct doc_set	 p_gone;	/* shas whose file must go */
};

static int	doc_check_fields(const struct store_doc *);
static int	doc_tomb_check(struct sdb_txn *, const char *court,
		    const char *key, unsigned att, const unsigned char *sha);
static int	doc_any_fn(void *, const void *, size_t, const void *, size_t);
static int	doc_file_install(struct doc_put *);
static int	doc_put_fn(struct sdb_txn *, void *);
static void	doc_put_after(void *);
static int	doc_fsync_dir(const char *);

static int
doc_check_fields(const struct store_doc *d)
{
	unsigned char sha[32];

	if (rec_check_court(d->d_court) != 0 ||
	    rec_check_docket(d->d_docket) != 0 ||
	    d->d_key[0] == '\0' || d->d_att >= STORE_ATT_ANY ||
	    memchr(d->d_key, '\0', sizeof(d->d_key)) == NULL ||
	    memchr(d->d_label, '\0', sizeof(d->d_label)) == NULL ||
	    memchr(d->d_desc, '\0', sizeof(d->d_desc)) == NULL ||
	    rec_sha_from_hex(d->d_sha256, sha) != 0)
		return STORE_EINVAL;
	return 0;
}

/* ---------------------------------------------------------- doc sets */

int
sdoc_set_add(struct doc_set *s, const struct store_doc *d)
{
	struct store_doc *nv;
	size_t i, cap;

	for (i = 0; i < s->ds_n; i++)
		if (s->ds_v[i].d_att == d->d_att &&
		    strcmp(s->ds_v[i].d_key, d->d_key) == 0 &&
		    strcmp(s->ds_v[i].d_court, d->d_court) == 0)
			return 0;
	if (s->ds_n == s->ds_cap) {
		cap = s->ds_cap ? s->ds_cap * 2 : 16;
		if ((nv = realloc(s->ds_v, cap * sizeof(*nv))) == NULL)
			return s->ds_err = STORE_ENOMEM;
		s->ds_v = nv;
		s->ds_cap = cap;
	}
	s->ds_v[s->ds_n++] = *d;
	return 0;
}

int
sdoc_set_sha(struct doc_set *s, const unsigned char sha[32])
{
	unsigned char (*nv)[32];
	size_t i, cap;

	for (i = 0; i < s->ds_nsha; i++)
		if (memcmp(s->ds_sha[i], sha, 32) == 0)
			return 0;
	if (s->ds_nsha == s->ds_capsha) {
		cap = s->ds_capsha ? s->ds_capsha * 2 : 16;
		if ((nv = realloc(s->ds_sha, cap * 32)) == NULL)
			return s->ds_err = STORE_ENOMEM;
		s->ds_sha = nv;
		s->ds_capsha = cap;
	}
	memcpy(s->ds_sha[s->ds_nsha++], sha, 32);
	return 0;
}

void
sdoc_set_free(struct doc_set *s)
{
	free(s->ds_v);
	free(s->ds_sha);
	memset(s, 0, sizeof(*s));
}

/* ------------------------------------------------------------ helpers */

int
sdoc_errno_status(int err)
{
	switch (err) {
	case ENOSPC:
	case EDQUOT:
		return STORE_ENOSPC;
	case ENOMEM:
		return STORE_ENOMEM;
	default:
		return STORE_EIO;
	}
}

int
store_doc_path(const struct store *st, const char *sha, char *buf,
    size_t size)
{
	unsigned char raw[32];
	char hex[65];

	if (rec_sha_from_hex(sha, raw) != 0)
		return STORE_EINVAL;
	rec_sha_to_hex(raw, hex);
	if ((size_t)snprintf(buf, size, "%s/%.2s/%s.pdf", st->s_docdir, hex,
	    hex) >= size)
		return STORE_EINVAL;
	return 0;
}

static int
doc_fsync_dir(const char *path)
{
	int fd, rc = 0;

	if ((fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0)
		return sdoc_errno_status(errno);
	if (fsync(fd) != 0 && errno != EINVAL)
		rc = sdoc_errno_status(errno);
	close(fd);
	return rc;
}

/* 0 when neither the key (exact or any attachment; for a version
 * "KEY.c...", KEY too) nor sha is purged. */
static int
doc_tomb_check(struct sdb_txn *t, const char *court, const char *key,
    unsigned att, const unsigned char *sha)
{
	struct rec_w w;
	const void *v;
	const char *dot;
	char base[STORE_DOCKEY_MAX + 1] = "";
	size_t vl;
	int rc = 0, pass;

	rec_w_init(&w, REC_KEY_MAX);
	/* A changed entry's version ("KEY.c...") goes with its KEY. */
	if (key != NULL && (dot = strchr(key, '.')) != NULL &&
	    (size_t)(dot - key) < sizeof(base)) {
		memcpy(base, key, (size_t)(dot - key));
		base[dot - key] = '\0';
	}
	for (pass = 0; key != NULL && pass < (base[0] ? 4 : 2) && rc == 0;
	    pass++) {
		rec_w_reset(&w);
		rec_doc_key(&w, court, pass < 2 ? key : base, pass % 2 == 0 ?
		    att : STORE_ATT_ANY);
		if (w.rw_err)
			rc = w.rw_err;
		else if ((rc = sdb_get(t, SDB_TOMB_KEY, w.rw_buf, w.rw_len,
		    &v, &vl)) == 0)
			rc = STORE_ETOMBSTONED;
		else if (rc == STORE_ENOTFOUND)
			rc = 0;
	}
	if (rc == 0 && sha != NULL) {
		if ((rc = sdb_get(t, SDB_TOMB_SHA, sha, 32, &v, &vl)) == 0)
			rc = STORE_ETOMBSTONED;
		else if (rc == STORE_ENOTFOUND)
			rc = 0;
	}
	rec_w_free(&w);
	return rc;
}

int
sdoc_tomb_put(struct sdb_txn *t, const char *court, const char *key,
    unsigned att, const unsigned char *sha, int64_t now)
{
	struct rec_w k, v;
	int rc = 0;

	rec_w_init(&k, REC_KEY_MAX);
	rec_w_init(&v, REC_MAX);
	rec_put_u8(&v, TOMB_REC_V);
	rec_put_u64(&v, (uint64_t)now);
	if (key != NULL) {
		rec_doc_key(&k, court, key, att);
		rc = k.rw_err ? k.rw_err : sdb_put(t, SDB_TOMB_KEY, k.rw_buf,
		    k.rw_len, v.rw_buf, v.rw_len);
	}
	if (rc == 0 && sha != NULL)
		rc = sdb_put(t, SDB_TOMB_SHA, sha, 32, v.rw_buf, v.rw_len);
	rec_w_free(&k);
	rec_w_free(&v);
	return rc;
}

/* Delete a document's record and its two index entries. */
int
sdoc_unindex(struct sdb_txn *t, const struct store_doc *d)
{
	unsigned char sha[32];
	struct rec_w w;
	int rc;

	if (rec_sha_from_hex(d->d_sha256, sha) != 0)
		return STORE_ECORRUPT;
	rec_w_init(&w, REC_KEY_MAX);
	rec_doc_key(&w, d->d_court, d->d_key, d->d_att);
	rc = sdb_del(t, SDB_DOCS, w.rw_buf, w.rw_len);
	if (rc == 0 || rc == STORE_ENOTFOUND) {
		rec_w_reset(&w);
		rec_doc_entry_key(&w, d);
		rc = sdb_del(t, SDB_DOC_ENTRY, w.rw_buf, w.rw_len);
	}
	if (rc == 0 || rc == STORE_ENOTFOUND) {
		rec_w_reset(&w);
		rec_doc_sha_key(&w, sha, d);
		rc = sdb_del(t, SDB_DOC_SHA, w.rw_buf, w.rw_len);
	}
	if (rc == STORE_ENOTFOUND)
		rc = 0;
	if (rc == 0 && w.rw_err)
		rc = w.rw_err;
	rec_w_free(&w);
	return rc;
}

static int
doc_any_fn(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	(void)k; (void)kl; (void)v; (void)vl;
	*(int *)arg = 1;
	return SDB_STOP;
}

/* *any = 1 when some index entry still references the content. */
int
sdoc_sha_refs(struct sdb_txn *t, const unsigned char sha[32], int *any)
{
	*any = 0;
	return sdb_walk(t, SDB_DOC_SHA, sha, 32, NULL, 0, doc_any_fn, any);
}

/* After a commit, under the writer lock: remove files no longer used. */
void
sdoc_unlink_shas(struct store *st, const struct doc_set *s)
{
	char hex[65], path[PATH_MAX];
	size_t i;

	for (i = 0; i < s->ds_nsha; i++) {
		rec_sha_to_hex(s->ds_sha[i], hex);
		if (store_doc_path(st, hex, path, sizeof(path)) != 0)
			continue;
		if (unlink(path) != 0 && errno != ENOENT)
			log_err(NULL, "store: unlink %s: %s", path,
			    strerror(errno));
	}
}

/* ---------------------------------------------------------------- put */

/*
 * Move the temp file to its content address, or drop it when an intact
 * identical file is there.  Runs under the writer lock; idempotent, so
 * that a retried transaction does no harm.
 */
static int
doc_file_install(struct doc_put *p)
{
	char path[PATH_MAX], dir[PATH_MAX];
	struct stat sb;
	int rc;

	if ((rc = store_doc_path(p->p_st, p->p_doc->d_sha256, path,
	    sizeof(path))) != 0)
		return rc;
	snprintf(dir, sizeof(dir), "%s/%.2s", p->p_st->s_docdir,
	    strrchr(path, '/') + 1);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		log_err(NULL, "store: mkdir %s: %s", dir, strerror(errno));
		return sdoc_errno_status(errno);
	}
	if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) &&
	    (uint64_t)sb.st_size == p->p_doc->d_size)
		return 0;	/* identical content already stored */
	/*
	 * A hard link, not a rename: the temporary file stays until the
	 * index is committed (doc_put_after() removes it), so a put that
	 * fails leaves the caller its file, as store_doc.h promises.  A file
	 * linked by a transaction that then failed is an orphan that
	 * store_expire() sweeps.
	 */
	if (link(p->p_tmp, path) != 0) {
		if (errno == EEXIST && stat(path, &sb) == 0 &&
		    (uint64_t)sb.st_size == p->p_doc->d_size)
			return 0;	/* linked by an earlier try */
		log_err(NULL, "store: link to %s: %s", path, strerror(errno));
		return sdoc_errno_status(errno);
	}
	if ((rc = doc_fsync_dir(dir)) != 0)
		log_err(NULL, "store: fsync %s: %s", dir, store_strerror(rc));
	return rc;
}

static int
doc_put_fn(struct sdb_txn *t, void *arg)
{
	struct doc_put *p = arg;
	struct store_doc d = *p->p_doc, old;
	struct rec_w k, w;
	const void *v;
	size_t vl;
	int rc, any;

	sdoc_set_free(&p->p_gone);
	d.d_stored = p->p_now;
	if ((rc = doc_tomb_check(t, d.d_court, d.d_key, d.d_att,
	    p->p_sha)) != 0)
		return rc;
	if ((rc = doc_file_install(p)) != 0)
		return rc;
	rec_w_init(&k, REC_KEY_MAX);
	rec_w_init(&w, REC_MAX);
	rec_doc_key(&k, d.d_court, d.d_key, d.d_att);
	rc = k.rw_err ? k.rw_err : sdb_get(t, SDB_DOCS, k.rw_buf, k.rw_len,
	    &v, &vl);
	if (rc == 0 && rec_doc_decode(k.rw_buf, k.rw_len, v, vl, &old) == 0) {
		/* Replaced: drop the old index entries (and file if unused). */
		rc = sdoc_unindex(t, &old);
		if (rc == 0 && strcmp(old.d_sha256, d.d_sha256) != 0) {
			unsigned char osha[32];

			rec_sha_from_hex(old.d_sha256, osha);
			if ((rc = sdoc_sha_refs(t, osha, &any)) == 0 && !any)
				rc = sdoc_set_sha(&p->p_gone, osha);
		}
	} else if (rc == STORE_ENOTFOUND || rc == 0)
		rc = 0;
	if (rc == 0 && (rc = rec_doc_encode(&w, &d, p->p_sha)) == 0)
		rc = sdb_put(t, SDB_DOCS, k.rw_buf, k.rw_len, w.rw_buf,
		    w.rw_len);
	if (rc == 0) {
		rec_w_reset(&k);
		rec_doc_entry_key(&k, &d);
		rc = k.rw_err ? k.rw_err :
		    sdb_put(t, SDB_DOC_ENTRY, k.rw_buf, k.rw_len, "", 0);
	}
	if (rc == 0) {
		rec_w_reset(&k);
		rec_doc_sha_key(&k, p->p_sha, &d);
		rc = k.rw_err ? k.rw_err :
		    sdb_put(t, SDB_DOC_SHA, k.rw_buf, k.rw_len, "", 0);
	}
	rec_w_free(&k);
	rec_w_free(&w);
	return rc;
}

static void
doc_put_after(void *arg)
{
	struct doc_put *p = arg;

	unlink(p->p_tmp);	/* the stored copy is indexed now */
	sdoc_unlink_shas(p->p_st, &p->p_gone);
}

int
store_doc_put(struct store *st, const struct store_doc *doc,
    const char *tmp_path, int64_t now)
{
	struct doc_put p;
	struct stat sb;
	char cb[LOG_CLEAN_SIZE];
	int fd, rc;

	if (doc_check_fields(doc) != 0 || tmp_path == NULL)
		return STORE_EINVAL;
	memset(&p, 0, sizeof(p));
	p.p_st = st;
	p.p_doc = doc;
	p.p_tmp = tmp_path;
	p.p_now = now;
	rec_sha_from_hex(doc->d_sha256, p.p_sha);
	if ((fd = open(tmp_path, O_RDONLY | O_CLOEXEC)) < 0) {
		log_err(NULL, "store: %s: %s", log_cleans(cb, tmp_path),
		    strerror(errno));
		return STORE_EINVAL;
	}
	rc = 0;
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (uint64_t)sb.st_size != doc->d_size)
		rc = STORE_EINVAL;
	else if (fchmod(fd, 0600) != 0 || fsync(fd) != 0)
		rc = sdoc_errno_status(errno);
	close(fd);
	if (rc != 0) {
		log_err(NULL, "store: temp file %s: %s",
		    log_cleans(cb, tmp_path), store_strerror(rc));
		return rc;
	}
	rc = sdb_write_after(st, doc_put_fn, doc_put_after, &p);
	sdoc_set_free(&p.p_gone);
	return rc;
}

/* ------------------------------------------------------ get, open, list */

struct doc_get {
	const char	*g_court;
	const char	*g_key;
	unsigned	 g_att;
	struct store_doc *g_out;
};

static int
doc_get_fn(struct sdb_txn *t, void *arg)
{
	struct doc_get *g = arg;
	struct rec_w k;
	const void *v;
	size_t vl;
	int rc;

	if ((rc = doc_tomb_check(t, g->g_court, g->g_key, g->g_att,
	    NULL)) != 0)
		return rc;
	rec_w_init(&k, REC_KEY_MAX);
	rec_doc_key(&k, g->g_court, g->g_key, g->g_att);
	rc = k.rw_err ? STORE_EINVAL :
	    sdb_get(t, SDB_DOCS, k.rw_buf, k.rw_len, &v, &vl);
	if (rc == 0)
		rc = rec_doc_decode(k.rw_buf, k.rw_len, v, vl, g->g_out);
	if (rc == 0) {
		unsigned char sha[32];

		rec_sha_from_hex(g->g_out->d_sha256, sha);
		rc = doc_tomb_check(t, g->g_court, NULL, 0, sha);
	}
	rec_w_free(&k);
	return rc;
}

int
store_doc_get(struct store *st, const char *court, const char *key,
    unsigned att, struct store_doc *out)
{
	struct doc_get g = { court, key, att, out };
	int rc;

	memset(out, 0, sizeof(*out));
	if (rec_check_court(court) != 0 || key == NULL ||
	    strlen(key) > STORE_DOCKEY_MAX)
		return STORE_EINVAL;
	rc = sdb_read(st, doc_get_fn, &g);
	if (rc != 0)
		memset(out, 0, sizeof(*out));
	return rc;
}

int
store_doc_open(struct store *st, const struct store_doc *d, int *fdp)
{
	char path[PATH_MAX];
	struct stat sb;
	int fd;

	*fdp = -1;
	if (store_doc_path(st, d->d_sha256, path, sizeof(path)) != 0)
		return STORE_EINVAL;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		log_err(NULL, "store: document %s: %s", path, strerror(errno));
		return errno == ENOENT ? STORE_EMISSING : STORE_EIO;
	}
	if (fstat(fd, &sb) != 0 || (uint64_t)sb.st_size != d->d_size) {
		log_err(NULL, "store: document %s: size %lld, expected %llu",
		    path, (long long)sb.st_size, (unsigned long long)d->d_size);
		close(fd);
		return STORE_EMISSING;
	}
	*fdp = fd;
	return 0;
}

int
store_doc_verify(struct store *st, const struct store_doc *d, int full)
{
	unsigned char buf[65536];
	char hex[SHA_HEX_SIZE];
	struct sha *h;
	ssize_t n;
	int fd, rc;

	if ((rc = store_doc_open(st, d, &fd)) != 0 || !full) {
		if (fd >= 0)
			close(fd);
		return rc;
	}
	h = sha_new();
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		sha_update(h, buf, (size_t)n);
	close(fd);
	sha_hex(h, hex);
	h = sha_free(h);
	if (n < 0)
		return STORE_EIO;
	if (strcasecmp(hex, d->d_sha256) != 0) {
		log_err(NULL, "store: document %s: content does not match "
		    "its sha256", d->d_sha256);
		return STORE_EMISSING;
	}
	return 0;
}

/* An entry-index key -> the document record into the set. */
int
sdoc_list_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct doc_list *l = arg;
	struct store_doc d;
	struct rec_r r;
	struct rec_w w;
	const void *dv;
	size_t dvl;
	int rc;

	(void)v; (void)vl;
	memset(&d, 0, sizeof(d));
	rec_r_init(&r, k, kl);
	rec_get_kstr(&r, d.d_court, sizeof(d.d_court));
	rec_get_kstr(&r, d.d_docket, sizeof(d.d_docket));
	(void)rec_get_u32(&r);
	rec_get_kstr(&r, d.d_key, sizeof(d.d_key));
	d.d_att = rec_get_u16(&r);
	if (r.rr_err)
		return STORE_ECORRUPT;
	rec_w_init(&w, REC_KEY_MAX);
	rec_doc_key(&w, d.d_court, d.d_key, d.d_att);
	rc = sdb_get(l->l_t, SDB_DOCS, w.rw_buf, w.rw_len, &dv, &dvl);
	if (rc == 0 && (rc = rec_doc_decode(w.rw_buf, w.rw_len, dv, dvl, &d)) == 0)
		rc = sdoc_set_add(&l->l_set, &d);
	rec_w_free(&w);
	return rc == STORE_ENOTFOUND ? 0 : rc;
}

struct doc_list_arg {
	struct doc_list	 la_l;
	const char	*la_court;
	const char	*la_docket;
	uint32_t	 la_entry;
};

static int
doc_list_fn(struct sdb_txn *t, void *arg)
{
	struct doc_list_arg *a = arg;
	struct rec_w p;
	int rc;

	sdoc_set_free(&a->la_l.l_set);
	a->la_l.l_t = t;
	rec_w_init(&p, REC_KEY_MAX);
	rec_put_kstr(&p, a->la_court);
	rec_put_kstr(&p, a->la_docket);
	if (a->la_entry != STORE_ENTRY_ANY)
		rec_put_u32(&p, a->la_entry);
	rc = p.rw_err ? STORE_EINVAL : sdb_walk(t, SDB_DOC_ENTRY, p.rw_buf,
	    p.rw_len, NULL, 0, sdoc_list_one, &a->la_l);
	rec_w_free(&p);
	return rc;
}

int
store_doc_list(struct store *st, const char *court, const char *docket,
    uint32_t entry, struct store_doc **out, size_t *n)
{
	struct doc_list_arg a;
	int rc;

	*out = NULL;
	*n = 0;
	if (rec_check_court(court) != 0 || rec_check_docket(docket) != 0)
		return STORE_EINVAL;
	memset(&a, 0, sizeof(a));
	a.la_court = court;
	a.la_docket = docket;
	a.la_entry = entry;
	if ((rc = sdb_read(st, doc_list_fn, &a)) != 0) {
		sdoc_set_free(&a.la_l.l_set);
		return rc;
	}
	*out = a.la_l.l_set.ds_v;
	*n = a.la_l.l_set.ds_n;
	free(a.la_l.l_set.ds_sha);
	return 0;
}

/* --------------------------------------------------------- tombstones */

struct doc_tomb {
	const char	*b_court;
	const char	*b_key;
	unsigned	 b_att;
	const unsigned char *b_sha;
	int64_t		 b_now;
};

static int
doc_tomb_check_fn(struct sdb_txn *t, void *arg)
{
	struct doc_tomb *b = arg;

	return doc_tomb_check(t, b->b_court, b->b_key, b->b_att, b->b_sha);
}

static int
doc_tomb_add_fn(struct sdb_txn *t, void *arg)
{
	struct doc_tomb *b = arg;

	return sdoc_tomb_put(t, b->b_court, b->b_key, b->b_att, b->b_sha,
	    b->b_now);
}

/* Check and convert the arguments shared by the tombstone calls. */
static int
doc_tomb_args(struct doc_tomb *b, const char *court, const char *key,
    unsigned att, const char *sha256, unsigned char sha[32])
{
	memset(b, 0, sizeof(*b));
	if (key != NULL && (rec_check_court(court) != 0 || key[0] == '\0' ||
	    strlen(key) > STORE_DOCKEY_MAX || att > STORE_ATT_ANY))
		return STORE_EINVAL;
	if (sha256 != NULL && rec_sha_from_hex(sha256, sha) != 0)
		return STORE_EINVAL;
	b->b_court = court;
	b->b_key = key;
	b->b_att = att;
	b->b_sha = sha256 != NULL ? sha : NULL;
	return 0;
}

int
store_tombstone_check(struct store *st, const char *court, const char *key,
    unsigned att, const char *sha256)
{
	struct doc_tomb b;
	unsigned char sha[32];
	int rc;

	if ((rc = doc_tomb_args(&b, court, key, att, sha256, sha)) != 0)
		return rc;
	return sdb_read(st, doc_tomb_check_fn, &b);
}

int
store_tombstone_add(struct store *st, const char *court, const char *key,
    unsigned att, const char *sha256, int64_t now)
{
	struct doc_tomb b;
	unsigned char sha[32];
	int rc;

	if ((rc = doc_tomb_args(&b, court, key, att, sha256, sha)) != 0)
		return rc;
	b.b_now = now;
	return sdb_write(st, doc_tomb_add_fn, &b);
}
