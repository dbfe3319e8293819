/*
 * NAME
 *	store_check - the store's integrity check
 * SUMMARY
 *	records decode, indexes agree, files are there and intact
 * SYNOPSIS
 *	#include "store_check.h"
 * DESCRIPTION
 *	store_check() walks every table in short read transactions (a
 *	damaged page shows up as an LMDB error), decodes every document
 *	record, checks that each document has both index entries and that
 *	each index entry has its document, stats every document's file
 *	(and with full != 0 hashes it after the walk), and lists files
 *	under STATE/docs that no record references.  A file changed less
 *	than a minute ago is not called an orphan: a writer may be about
 *	to index it.
 * DIAGNOSTICS
 *	Each problem is one line passed to the caller's function.
 */
#include <dirent.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "store.h"
#include "store_check.h"
#include "store_db.h"
#include "store_doc.h"
#include "store_rec.h"

#define CHECK_ORPHAN_AGE	60

struct check {
	struct store	*k_st;
	void		(*k_fn)(void *, const char *);
	void		*k_arg;
	size_t		 k_n;
	int		 k_table;
	struct store_doc *k_full;	/* documents to hash (full check) */
	size_t		 k_nfull;
	size_t		 k_capfull;
};

static void	check_problem(struct check *, const char *fmt, ...)
		    __attribute__((format(printf, 2, 3)));
static int	check_doc(struct sdb_txn *, void *, const void *, size_t,
		    const void *, size_t);
static int	check_index(struct sdb_txn *, void *, const void *, size_t,
		    const void *, size_t);
static int	check_version(struct sdb_txn *, void *, const void *, size_t,
		    const void *, size_t);
static int	check_orphan_fn(struct sdb_txn *, void *);
static int	check_orphans(struct check *);
static int	check_any(void *, const void *, size_t, const void *, size_t);

static const char *const check_names[SDB_NTABLES] = {
	"meta", "docs", "doc_entry", "doc_sha", "tomb_key", "tomb_sha",
	"cases", "listed", "team", "audit", "audit_qid", "audit_case",
	"audit_rcpt", "audit_sha", "outcome", "metrics", "events",
};

static void
check_problem(struct check *k, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	k->k_n++;
	if (k->k_fn != NULL)
		k->k_fn(k->k_arg, buf);
}

static int
check_doc(struct sdb_txn *t, void *arg, const void *kk, size_t kl,
    const void *v, size_t vl)
{
	struct check *k = arg;
	struct store_doc d, *nv;
	unsigned char sha[32];
	struct rec_w w;
	const void *x;
	size_t xl, cap;
	int rc;

	if (rec_doc_decode(kk, kl, v, vl, &d) != 0) {
		check_problem(k, "docs: a record does not decode");
		return 0;
	}
	rec_sha_from_hex(d.d_sha256, sha);
	rec_w_init(&w, REC_KEY_MAX);
	rec_doc_entry_key(&w, &d);
	if ((rc = sdb_get(t, SDB_DOC_ENTRY, w.rw_buf, w.rw_len, &x, &xl)) != 0)
		check_problem(k, "docs: %s %s att %u: no entry index (%s)",
		    d.d_court, d.d_key, d.d_att, store_strerror(rc));
	rec_w_reset(&w);
	rec_doc_sha_key(&w, sha, &d);
	if ((rc = sdb_get(t, SDB_DOC_SHA, w.rw_buf, w.rw_len, &x, &xl)) != 0)
		check_problem(k, "docs: %s %s att %u: no sha index (%s)",
		    d.d_court, d.d_key, d.d_att, store_strerror(rc));
	rec_w_free(&w);
	if ((rc = store_doc_verify(k->k_st, &d, 0)) != 0) {
		check_problem(k, "docs: %s %s att %u: file %s: %s", d.d_court,
		    d.d_key, d.d_att, d.d_sha256, store_strerror(rc));
		return 0;
	}
	if (k->k_capfull == 0)
		return 0;	/* no full check */
	if (k->k_nfull == k->k_capfull) {
		cap = k->k_capfull * 2;
		if ((nv = realloc(k->k_full, cap * sizeof(*nv))) == NULL)
			return STORE_ENOMEM;
		k->k_full = nv;
		k->k_capfull = cap;
	}
	k->k_full[k->k_nfull++] = d;
	return 0;
}

/* DOC_ENTRY and DOC_SHA keys: the document they name must exist. */
static int
check_index(struct sdb_txn *t, void *arg, const void *kk, size_t kl,
    const void *v, size_t vl)
{
	struct check *k = arg;
	char court[STORE_COURT_MAX + 1], docket[STORE_DOCKET_MAX + 1];
	char key[STORE_DOCKEY_MAX + 1];
	unsigned att;
	struct rec_r r;
	struct rec_w w;
	const void *x;
	size_t xl;
	int rc;

	(void)v; (void)vl;
	if (k->k_table == SDB_DOC_SHA) {
		rec_r_init(&r, (const char *)kk + (kl < 32 ? 0 : 32),
		    kl < 32 ? 0 : kl - 32);
		if (kl < 32)
			r.rr_err = STORE_ECORRUPT;
		rec_get_kstr(&r, court, sizeof(court));
	} else {
		rec_r_init(&r, kk, kl);
		rec_get_kstr(&r, court, sizeof(court));
		rec_get_kstr(&r, docket, sizeof(docket));
		(void)rec_get_u32(&r);
	}
	rec_get_kstr(&r, key, sizeof(key));
	att = rec_get_u16(&r);
	if (r.rr_err || rec_left(&r) != 0) {
		check_problem(k, "%s: a key does not decode",
		    check_names[k->k_table]);
		return 0;
	}
	rec_w_init(&w, REC_KEY_MAX);
	rec_doc_key(&w, court, key, att);
	rc = sdb_get(t, SDB_DOCS, w.rw_buf, w.rw_len, &x, &xl);
	rec_w_free(&w);
	if (rc != 0)
		check_problem(k, "%s: %s %s att %u: no document (%s)",
		    check_names[k->k_table], court, key, att,
		    store_strerror(rc));
	return 0;
}

/* Other tables: every value carries a known version byte. */
static int
check_version(struct sdb_txn *t, void *arg, const void *kk, size_t kl,
    const void *v, size_t vl)
{
	struct check *k = arg;

	(void)t; (void)kk; (void)kl;
	if (vl < 1 || ((const unsigned char *)v)[0] != 1)
		check_problem(k, "%s: a record has an unknown version",
		    check_names[k->k_table]);
	return 0;
}

struct check_orphan {
	struct check	*o_k;
	const char	*o_dir;
	time_t		 o_now;
};

/* sdb_walk() callback: the prefix has at least one record. */
static int
check_any(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	(void)k; (void)kl; (void)v; (void)vl;
	*(int *)arg = 1;
	return SDB_STOP;
}

static int
check_orphan_fn(struct sdb_txn *t, void *arg)
{
	struct check_orphan *o = arg;
	unsigned char sha[32];
	char hex[65];
	struct dirent *de;
	struct stat sb;
	DIR *d;
	int rc = 0, any;

	if ((d = opendir(o->o_dir)) == NULL)
		return 0;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		memcpy(hex, de->d_name, strlen(de->d_name) >= 64 ? 64 : 0);
		hex[64] = '\0';
		if (strlen(de->d_name) != 68 ||
		    strcmp(de->d_name + 64, ".pdf") != 0 ||
		    rec_sha_from_hex(hex, sha) != 0) {
			check_problem(o->o_k, "docs: stray file %s/%s",
			    o->o_dir, de->d_name);
			continue;
		}
		if (fstatat(dirfd(d), de->d_name, &sb, 0) != 0 ||
		    sb.st_ctime > o->o_now - CHECK_ORPHAN_AGE)
			continue;
		any = 0;
		rc = sdb_walk(t, SDB_DOC_SHA, sha, 32, NULL, 0, check_any, &any);
		if (rc == 0 && !any)
			check_problem(o->o_k, "docs: orphan file %s/%s (no "
			    "record; \"nefctl purge --expired\" removes it)",
			    o->o_dir, de->d_name);
	}
	closedir(d);
	return rc;
}

/* Files under STATE/docs/AA/ that no record references. */
static int
check_orphans(struct check *k)
{
	struct check_orphan o;
	char path[PATH_MAX];
	struct dirent *de;
	DIR *d;
	int rc = 0;

	o.o_k = k;
	o.o_now = time(NULL);
	if ((d = opendir(k->k_st->s_docdir)) == NULL)
		return STORE_EIO;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", k->k_st->s_docdir,
		    de->d_name);
		o.o_dir = path;
		rc = sdb_read(k->k_st, check_orphan_fn, &o);
	}
	closedir(d);
	return rc;
}

int
store_check(struct store *st, int full,
    void (*fn)(void *arg, const char *problem), void *arg,
    size_t *nproblems)
{
	static const int plain[] = { SDB_TOMB_KEY, SDB_TOMB_SHA, SDB_CASES,
	    SDB_LISTED, SDB_TEAM, SDB_AUDIT, SDB_EVENTS };
	struct check k;
	size_t i;
	int rc;

	memset(&k, 0, sizeof(k));
	k.k_st = st;
	k.k_fn = fn;
	k.k_arg = arg;
	if (full) {
		k.k_capfull = 64;
		if ((k.k_full = calloc(k.k_capfull, sizeof(*k.k_full))) == NULL)
			return STORE_ENOMEM;
	}
	k.k_table = SDB_DOCS;
	rc = sdb_scan(st, SDB_DOCS, check_doc, &k);
	for (i = 0; rc == 0 && i < 2; i++) {
		k.k_table = i == 0 ? SDB_DOC_ENTRY : SDB_DOC_SHA;
		rc = sdb_scan(st, k.k_table, check_index, &k);
	}
	for (i = 0; rc == 0 && i < sizeof(plain) / sizeof(plain[0]); i++) {
		k.k_table = plain[i];
		rc = sdb_scan(st, plain[i], check_version, &k);
	}
	for (i = 0; rc == 0 && i < k.k_nfull; i++)
		if (store_doc_verify(st, &k.k_full[i], 1) != 0)
			check_problem(&k, "docs: %s %s att %u: content does "
			    "not match sha256 %s", k.k_full[i].d_court,
			    k.k_full[i].d_key, k.k_full[i].d_att,
			    k.k_full[i].d_sha256);
	if (rc == 0)
		rc = check_orphans(&k);
	free(k.k_full);
	if (nproblems != NULL)
		*nproblems = k.k_n;
	return rc;
}
