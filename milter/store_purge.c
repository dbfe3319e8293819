/*
 * NAME
 *	store_purge - the clawback and retention
 * SUMMARY
 *	delete documents now (with tombstones) or when they expire
 * SYNOPSIS
 *	#include "store_purge.h"
 * DESCRIPTION
 *	A purge deletes the selected documents and every other key holding
 *	the same content, tombstones their keys and contents, and removes
 *	their files right after the commit, under the writer lock.  Expiry
 *	deletes documents older than the retention in small transactions
 *	(DOC_BATCH documents each), a file only when no key references it
 *	any more, then sweeps orphan files and stale temp files.
 * DIAGNOSTICS
 *	Purges and expiries are logged with their counts.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "log.h"
#include "store.h"
#include "store_db.h"
#include "store_doc.h"
#include "store_purge.h"
#include "store_rec.h"

#define DOC_BATCH	256	/* documents per expiry transaction */
#define DOC_TMP_AGE	86400	/* seconds before a temp file is stale */

struct doc_purge {
	struct store	*u_st;
	int		 u_mode;	/* 0 key, 1 entry, 2 case */
	const char	*u_court;
	const char	*u_key;
	unsigned	 u_att;
	const char	*u_docket;
	uint32_t	 u_entry;
	int64_t		 u_now;
	struct doc_set	 u_set;
};

struct doc_expire {
	struct store	*x_st;
	int64_t		 x_cutoff;
	unsigned char	 x_after[REC_KEY_MAX];	/* last key seen */
	size_t		 x_afterlen;
	unsigned char	 x_start[REC_KEY_MAX];	/* where this batch starts */
	size_t		 x_startlen;
	int		 x_more;
	size_t		 x_count;
	struct doc_set	 x_set;		/* batch: documents to delete */
	struct doc_set	 x_gone;
};

static int	doc_collect_one(void *, const void *, size_t, const void *,
		    size_t);
static int	doc_collect_sha(void *, const void *, size_t, const void *,
		    size_t);
static int	doc_version_one(void *, const void *, size_t, const void *,
		    size_t);
static int	doc_purge_fn(struct sdb_txn *, void *);
static void	doc_purge_after(void *);
static int	doc_purge(struct doc_purge *, struct store_doc **, size_t *);
static int	doc_expire_one(void *, const void *, size_t, const void *,
		    size_t);
static int	doc_expire_fn(struct sdb_txn *, void *);
static void	doc_expire_after(void *);
static int	doc_orphans_fn(struct sdb_txn *, void *);
static void	doc_orphans_after(void *);
static int	doc_sweep(struct store *, int64_t);

/* -------------------------------------------------------------- purge */

struct doc_collect {
	struct sdb_txn	*c_t;
	struct doc_set	*c_set;
	int		 c_index;	/* the walked table is an index */
};

/* Add the document a DOCS record, or an index key, names. */
static int
doc_collect_one(void *arg, const void *k, size_t kl, const void *v,
    size_t vl)
{
	struct doc_collect *c = arg;
	struct doc_list l;
	struct store_doc d;
	int rc;

	if (c->c_index) {
		l.l_t = c->c_t;
		l.l_set = *c->c_set;
		rc = sdoc_list_one(&l, k, kl, v, vl);
		*c->c_set = l.l_set;
		return rc;
	}
	if ((rc = rec_doc_decode(k, kl, v, vl, &d)) != 0)
		return rc;
	return sdoc_set_add(c->c_set, &d);
}

/* A sha-index key -> the document it names, into the set. */
static int
doc_collect_sha(void *arg, const void *k, size_t kl, const void *v,
    size_t vl)
{
	struct doc_collect *c = arg;
	struct store_doc d;
	const void *dv;
	size_t dvl;
	int rc;

	(void)v; (void)vl;
	if (kl <= 32)
		return STORE_ECORRUPT;
	rc = sdb_get(c->c_t, SDB_DOCS, (const char *)k + 32, kl - 32, &dv,
	    &dvl);
	if (rc == STORE_ENOTFOUND)
		return 0;
	if (rc == 0 && (rc = rec_doc_decode((const char *)k + 32, kl - 32, dv, dvl,
	    &d)) == 0)
		rc = sdoc_set_add(c->c_set, &d);
	return rc;
}

/* A version of the purged key ("KEY.c202403151005"), of the purged
 * attachment (or any). */
static int
doc_version_one(void *arg, const void *k, size_t kl, const void *v,
    size_t vl)
{
	struct doc_purge *u = arg;
	struct store_doc d;
	int rc;

	if ((rc = rec_doc_decode(k, kl, v, vl, &d)) != 0)
		return rc;
	if (u->u_att != STORE_ATT_ANY && d.d_att != u->u_att)
		return 0;
	return sdoc_set_add(&u->u_set, &d);
}

static int
doc_purge_fn(struct sdb_txn *t, void *arg)
{
	struct doc_purge *u = arg;
	struct doc_collect c = { t, &u->u_set, 0 };
	unsigned char sha[32];
	struct rec_w p;
	size_t i;
	int rc, table;

	sdoc_set_free(&u->u_set);
	rec_w_init(&p, REC_KEY_MAX);
	rec_put_kstr(&p, u->u_court);
	if (u->u_mode == 0) {
		rec_put_kstr(&p, u->u_key);
		if (u->u_att != STORE_ATT_ANY)
			rec_put_u16(&p, u->u_att);
		table = SDB_DOCS;
	} else {
		rec_put_kstr(&p, u->u_docket);
		if (u->u_mode == 1)
			rec_put_u32(&p, u->u_entry);
		table = SDB_DOC_ENTRY;
		c.c_index = 1;
	}
	rc = p.rw_err ? STORE_EINVAL :
	    sdb_walk(t, table, p.rw_buf, p.rw_len, NULL, 0, doc_collect_one, &c);
	if (rc == 0 && u->u_mode == 0) {	/* its versions: "KEY.c..." */
		rec_w_reset(&p);
		rec_put_kstr(&p, u->u_court);
		rec_put_bytes(&p, u->u_key, strlen(u->u_key));
		rec_put_bytes(&p, ".", 1);
		rc = p.rw_err ? STORE_EINVAL : sdb_walk(t, SDB_DOCS, p.rw_buf,
		    p.rw_len, NULL, 0, doc_version_one, u);
	}
	rec_w_free(&p);
	/* Every other key holding the same content goes too. */
	for (i = 0; rc == 0 && i < u->u_set.ds_n; i++) {
		rec_sha_from_hex(u->u_set.ds_v[i].d_sha256, sha);
		if ((rc = sdoc_set_sha(&u->u_set, sha)) == 0)
			rc = sdb_walk(t, SDB_DOC_SHA, sha, 32, NULL, 0,
			    doc_collect_sha, &c);
	}
	for (i = 0; rc == 0 && i < u->u_set.ds_n; i++) {
		const struct store_doc *d = &u->u_set.ds_v[i];

		if ((rc = sdoc_unindex(t, d)) == 0)
			rc = sdoc_tomb_put(t, d->d_court, d->d_key, d->d_att,
			    NULL, u->u_now);
	}
	for (i = 0; rc == 0 && i < u->u_set.ds_nsha; i++)
		rc = sdoc_tomb_put(t, NULL, NULL, 0, u->u_set.ds_sha[i],
		    u->u_now);
	if (rc == 0 && u->u_mode == 0)
		rc = sdoc_tomb_put(t, u->u_court, u->u_key, u->u_att, NULL,
		    u->u_now);
	return rc != 0 ? rc : u->u_set.ds_err;
}

static void
doc_purge_after(void *arg)
{
	struct doc_purge *u = arg;

	sdoc_unlink_shas(u->u_st, &u->u_set);
}

static int
doc_purge(struct doc_purge *u, struct store_doc **out, size_t *n)
{
	char cb[LOG_CLEAN_SIZE];
	int rc;

	if (out != NULL)
		*out = NULL;
	if (n != NULL)
		*n = 0;
	rc = sdb_write_after(u->u_st, doc_purge_fn, doc_purge_after, u);
	if (rc == 0) {
		log_notice(NULL, "store: purged %zu document%s of %s %s",
		    u->u_set.ds_n, u->u_set.ds_n == 1 ? "" : "s", u->u_court,
		    log_cleans(cb, u->u_mode == 0 ? u->u_key : u->u_docket));
		if (out != NULL) {
			*out = u->u_set.ds_v;
			u->u_set.ds_v = NULL;
		}
		if (n != NULL)
			*n = u->u_set.ds_n;
	}
	sdoc_set_free(&u->u_set);
	return rc;
}

int
store_purge_doc(struct store *st, const char *court, const char *key,
    unsigned att, int64_t now, struct store_doc **out, size_t *n)
{
	struct doc_purge u;

	if (rec_check_court(court) != 0 || key == NULL || key[0] == '\0' ||
	    strlen(key) > STORE_DOCKEY_MAX || att > STORE_ATT_ANY)
		return STORE_EINVAL;
	memset(&u, 0, sizeof(u));
	u.u_st = st;
	u.u_court = court;
	u.u_key = key;
	u.u_att = att;
	u.u_now = now;
	return doc_purge(&u, out, n);
}

int
store_purge_entry(struct store *st, const char *court, const char *docket,
    uint32_t entry, int64_t now, struct store_doc **out, size_t *n)
{
	struct doc_purge u;

	if (rec_check_court(court) != 0 || rec_check_docket(docket) != 0)
		return STORE_EINVAL;
	memset(&u, 0, sizeof(u));
	u.u_st = st;
	u.u_mode = entry == STORE_ENTRY_ANY ? 2 : 1;
	u.u_court = court;
	u.u_docket = docket;
	u.u_entry = entry;
	u.u_now = now;
	return doc_purge(&u, out, n);
}

int
store_purge_case(struct store *st, const char *court, const char *docket,
    int64_t now, struct store_doc **out, size_t *n)
{
	return store_purge_entry(st, court, docket, STORE_ENTRY_ANY, now, out,
	    n);
}

/* ------------------------------------------------------------- expiry */

static int
doc_expire_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct doc_expire *x = arg;
	struct store_doc d;
	int rc;

	if (x->x_set.ds_n >= DOC_BATCH) {
		x->x_more = 1;
		return SDB_STOP;
	}
	if (kl > sizeof(x->x_after))
		return STORE_ECORRUPT;
	memcpy(x->x_after, k, kl);
	x->x_afterlen = kl;
	if ((rc = rec_doc_decode(k, kl, v, vl, &d)) != 0)
		return rc;
	if (d.d_stored >= x->x_cutoff)
		return 0;
	return sdoc_set_add(&x->x_set, &d);
}

static int
doc_expire_fn(struct sdb_txn *t, void *arg)
{
	struct doc_expire *x = arg;
	unsigned char sha[32];
	size_t i;
	int rc, any;

	x->x_set.ds_n = 0;
	x->x_gone.ds_nsha = 0;
	x->x_more = 0;
	memcpy(x->x_after, x->x_start, x->x_startlen);
	x->x_afterlen = x->x_startlen;
	rc = sdb_walk(t, SDB_DOCS, NULL, 0, x->x_afterlen ? x->x_after : NULL,
	    x->x_afterlen, doc_expire_one, x);
	for (i = 0; rc == 0 && i < x->x_set.ds_n; i++)
		rc = sdoc_unindex(t, &x->x_set.ds_v[i]);
	for (i = 0; rc == 0 && i < x->x_set.ds_n; i++) {
		rec_sha_from_hex(x->x_set.ds_v[i].d_sha256, sha);
		if ((rc = sdoc_sha_refs(t, sha, &any)) == 0 && !any)
			rc = sdoc_set_sha(&x->x_gone, sha);
	}
	return rc != 0 ? rc : x->x_set.ds_err;
}

static void
doc_expire_after(void *arg)
{
	struct doc_expire *x = arg;

	sdoc_unlink_shas(x->x_st, &x->x_gone);
	x->x_count += x->x_set.ds_n;
	memcpy(x->x_start, x->x_after, x->x_afterlen);
	x->x_startlen = x->x_afterlen;
}

struct doc_orphans {
	struct store	*o_st;
	const char	*o_sub;		/* "AA" */
	int64_t		 o_now;
	struct doc_set	 o_gone;
};

/* Under the writer lock: collect files of one AA directory with no
 * index entry (renames happen under the same lock, so none is racing). */
static int
doc_orphans_fn(struct sdb_txn *t, void *arg)
{
	struct doc_orphans *o = arg;
	char dir[PATH_MAX], hex[65];
	unsigned char sha[32];
	struct dirent *de;
	DIR *d;
	int rc = 0, any;

	o->o_gone.ds_nsha = 0;
	snprintf(dir, sizeof(dir), "%s/%s", o->o_st->s_docdir, o->o_sub);
	if ((d = opendir(dir)) == NULL)
		return 0;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (strlen(de->d_name) != 68 ||
		    strcmp(de->d_name + 64, ".pdf") != 0)
			continue;
		memcpy(hex, de->d_name, 64);
		hex[64] = '\0';
		if (rec_sha_from_hex(hex, sha) != 0)
			continue;
		if ((rc = sdoc_sha_refs(t, sha, &any)) == 0 && !any)
			rc = sdoc_set_sha(&o->o_gone, sha);
	}
	closedir(d);
	return rc;
}

static void
doc_orphans_after(void *arg)
{
	struct doc_orphans *o = arg;

	if (o->o_gone.ds_nsha > 0)
		log_notice(NULL, "store: removing %zu orphan document file%s",
		    o->o_gone.ds_nsha, o->o_gone.ds_nsha == 1 ? "" : "s");
	sdoc_unlink_shas(o->o_st, &o->o_gone);
}

/* Remove orphan files and stale temp files. */
static int
doc_sweep(struct store *st, int64_t now)
{
	struct doc_orphans o;
	char path[PATH_MAX];
	struct dirent *de;
	struct stat sb;
	DIR *d;
	int rc = 0;

	memset(&o, 0, sizeof(o));
	o.o_st = st;
	o.o_now = now;
	if ((d = opendir(st->s_docdir)) != NULL) {
		while (rc == 0 && (de = readdir(d)) != NULL) {
			if (strlen(de->d_name) != 2 || de->d_name[0] == '.')
				continue;
			o.o_sub = de->d_name;
			rc = sdb_write_after(st, doc_orphans_fn,
			    doc_orphans_after, &o);
		}
		closedir(d);
	}
	sdoc_set_free(&o.o_gone);
	if ((d = opendir(st->s_tmpdir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.' ||
			    fstatat(dirfd(d), de->d_name, &sb, 0) != 0 ||
			    !S_ISREG(sb.st_mode) ||
			    (int64_t)sb.st_mtime > now - DOC_TMP_AGE)
				continue;
			snprintf(path, sizeof(path), "%s/%s", st->s_tmpdir,
			    de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	return rc;
}

int
store_expire(struct store *st, int64_t now, size_t *ndocs)
{
	struct doc_expire *x;
	int rc;

	if (ndocs != NULL)
		*ndocs = 0;
	if ((x = calloc(1, sizeof(*x))) == NULL)
		return STORE_ENOMEM;
	x->x_st = st;
	x->x_cutoff = now - (int64_t)st->s_retention;
	do {
		rc = sdb_write_after(st, doc_expire_fn, doc_expire_after, x);
	} while (rc == 0 && x->x_more);
	if (rc == 0)
		rc = doc_sweep(st, now);
	if (rc == 0)
		rc = sdb_reader_check(st, NULL);
	if (x->x_count > 0)
		log_notice(NULL, "store: expired %zu document%s", x->x_count,
		    x->x_count == 1 ? "" : "s");
	if (ndocs != NULL)
		*ndocs = x->x_count;
	sdoc_set_free(&x->x_set);
	sdoc_set_free(&x->x_gone);
	free(x);
	return rc;
}
