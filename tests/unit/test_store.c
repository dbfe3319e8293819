/*
 * Unit tests for the store: a temporary state directory with a small map
 * and few reader slots.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "cfg.h"
#include "sha.h"
#include "store.h"
#include "store_audit.h"
#include "store_case.h"
#include "store_check.h"
#include "store_db.h"
#include "store_doc.h"
#include "store_outcome.h"
#include "store_purge.h"

#define NOW	1700000000

struct fix {
	char		 dir[128];
	struct store	*st;
	char		*firm[2];
	struct cfg_list	 firm_list;
	int		 ntmp;
};

static int
rm_tree(const char *dir)
{
	char cmd[256];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	return system(cmd);
}

static int
fix_open(struct fix *f, uint64_t map, uint64_t map_max, unsigned readers)
{
	struct store_opts o;

	memset(&o, 0, sizeof(o));
	o.so_dir = f->dir;
	o.so_map_size = map;
	o.so_map_max = map_max;
	o.so_max_readers = readers;
	o.so_retention = 3600;
	o.so_create = 1;
	o.so_firm_domains = &f->firm_list;
	o.so_lock_wait_ms = 2000;
	return store_open(&o, &f->st);
}

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/test_store.XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	rmdir(f->dir);	/* store_open creates it */
	f->firm[0] = "lawfirm.example";
	f->firm[1] = "Partner.Example";
	f->firm_list.l_n = 2;
	f->firm_list.l_v = f->firm;
	if (fix_open(f, 1 << 20, 0, 64) != 0)
		return -1;
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;

	store_close(f->st);
	rm_tree(f->dir);
	free(f);
	return 0;
}

/* Write a temp file with content; fill doc's sha and size. */
static void
make_tmp(struct fix *f, const char *content, size_t len, char *path,
    size_t psize, struct store_doc *d)
{
	int fd;

	snprintf(path, psize, "%s/tmp/fetch.%d", f->dir, f->ntmp++);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, content, len), (ssize_t)len);
	close(fd);
	sha_buf_hex(content, len, d->d_sha256);
	d->d_size = len;
}

static void
mkdoc(struct store_doc *d, const char *court, const char *key, unsigned att,
    const char *docket, uint32_t entry)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->d_court, sizeof(d->d_court), "%s", court);
	snprintf(d->d_key, sizeof(d->d_key), "%s", key);
	d->d_att = att;
	snprintf(d->d_docket, sizeof(d->d_docket), "%s", docket);
	d->d_entry = entry;
	snprintf(d->d_label, sizeof(d->d_label), "label-%s-%u.pdf", key, att);
	snprintf(d->d_desc, sizeof(d->d_desc), "Exhibit %u", att);
}

static int
put(struct fix *f, struct store_doc *d, const char *content, int64_t now)
{
	char path[256];
	int rc;

	make_tmp(f, content, strlen(content), path, sizeof(path), d);
	rc = store_doc_put(f->st, d, path, now);
	if (rc == 0)
		assert_int_equal(access(path, F_OK), -1);	/* consumed */
	else
		unlink(path);
	return rc;
}

static void
test_open_modes(void **state)
{
	struct fix *f = *state;
	struct store_opts o;
	struct store *st2;
	struct stat sb;
	char path[256];

	assert_int_equal(stat(f->dir, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	snprintf(path, sizeof(path), "%s/db/data.mdb", f->dir);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	memset(&o, 0, sizeof(o));
	o.so_dir = "/tmp/test_store.nonexistent.dir";
	o.so_map_size = 1 << 20;
	o.so_max_readers = 16;
	assert_int_equal(store_open(&o, &st2), STORE_ENOSTORE);
	assert_null(st2);
	assert_string_equal(store_strerror(STORE_ENOSTORE),
	    "no store in the state directory");
	assert_string_equal(store_strerror(999), "unknown store status");
}

static void
test_doc_put_get_open(void **state)
{
	struct fix *f = *state;
	struct store_doc d, g;
	char buf[64], path[256];
	struct stat sb;
	int fd;

	mkdoc(&d, "cand", "035123456789", 0, "4:22-cv-05541", 12);
	assert_int_equal(put(f, &d, "%PDF-1.4 first document", NOW), 0);
	assert_int_equal(store_doc_get(f->st, "cand", "035123456789", 0, &g), 0);
	assert_string_equal(g.d_sha256, d.d_sha256);
	assert_int_equal(g.d_size, 23);
	assert_int_equal(g.d_entry, 12);
	assert_int_equal(g.d_stored, NOW);
	assert_string_equal(g.d_docket, "4:22-cv-05541");
	assert_string_equal(g.d_label, "label-035123456789-0.pdf");
	assert_string_equal(g.d_desc, "Exhibit 0");
	assert_int_equal(store_doc_get(f->st, "cand", "035123456789", 1, &g),
	    STORE_ENOTFOUND);
	assert_int_equal(store_doc_get(f->st, "cand", "035123456789", 0, &g), 0);
	assert_int_equal(store_doc_open(f->st, &g, &fd), 0);
	memset(buf, 0, sizeof(buf));
	assert_int_equal(read(fd, buf, sizeof(buf)), 23);
	assert_string_equal(buf, "%PDF-1.4 first document");
	close(fd);
	assert_int_equal(store_doc_path(f->st, g.d_sha256, path, sizeof(path)), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(store_doc_verify(f->st, &g, 1), 0);
	/* a size that does not match the temp file is refused */
	make_tmp(f, "abc", 3, path, sizeof(path), &d);
	d.d_size = 4;
	assert_int_equal(store_doc_put(f->st, &d, path, NOW), STORE_EINVAL);
	assert_int_equal(access(path, F_OK), 0);	/* left to the caller */
	unlink(path);
	/* bad fields */
	mkdoc(&d, "CAND", "1", 0, "4:22-cv-05541", 1);
	assert_int_equal(put(f, &d, "x", NOW), STORE_EINVAL);
}

static void
test_doc_dedup_and_list(void **state)
{
	struct fix *f = *state;
	struct store_doc d, *v;
	struct store_stats s;
	size_t n;

	mkdoc(&d, "cand", "111", 0, "4:22-cv-05541", 3);
	assert_int_equal(put(f, &d, "%PDF same bytes", NOW), 0);
	mkdoc(&d, "cand", "222", 0, "4:22-cv-05541", 4);
	assert_int_equal(put(f, &d, "%PDF same bytes", NOW), 0);
	mkdoc(&d, "cand", "222", 1, "4:22-cv-05541", 4);
	assert_int_equal(put(f, &d, "%PDF exhibit", NOW), 0);
	mkdoc(&d, "cand", "333", 0, "5:23-cv-00001", 4);
	assert_int_equal(put(f, &d, "%PDF other case", NOW), 0);
	assert_int_equal(store_stats(f->st, &s), 0);
	assert_int_equal(s.st_count[STORE_T_DOCS], 4);
	assert_int_equal(s.st_doc_files, 3);	/* one file for two keys */
	assert_int_equal(store_doc_list(f->st, "cand", "4:22-cv-05541", 4, &v,
	    &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].d_key, "222");
	assert_int_equal(v[0].d_att, 0);
	assert_int_equal(v[1].d_att, 1);
	free(v);
	assert_int_equal(store_doc_list(f->st, "cand", "4:22-cv-05541",
	    STORE_ENTRY_ANY, &v, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(v[0].d_entry, 3);
	free(v);
	assert_int_equal(store_doc_list(f->st, "cand", "9:99-cv-99999",
	    STORE_ENTRY_ANY, &v, &n), 0);
	assert_int_equal(n, 0);
	assert_null(v);
}

static void
test_doc_missing(void **state)
{
	struct fix *f = *state;
	struct store_doc d;
	char path[256];
	size_t np;
	int fd;

	mkdoc(&d, "nysd", "777", 0, "1:24-cv-00100", 1);
	assert_int_equal(put(f, &d, "%PDF will be damaged", NOW), 0);
	assert_int_equal(store_doc_get(f->st, "nysd", "777", 0, &d), 0);
	assert_int_equal(store_doc_path(f->st, d.d_sha256, path, sizeof(path)), 0);
	/* same size, other bytes: only the full check sees it */
	fd = open(path, O_WRONLY);
	assert_int_equal(write(fd, "%PDF WILL be damaged", 20), 20);
	close(fd);
	assert_int_equal(store_doc_verify(f->st, &d, 0), 0);
	assert_int_equal(store_doc_verify(f->st, &d, 1), STORE_EMISSING);
	assert_int_equal(store_check(f->st, 0, NULL, NULL, &np), 0);
	assert_int_equal(np, 0);
	assert_int_equal(store_check(f->st, 1, NULL, NULL, &np), 0);
	assert_int_equal(np, 1);
	/* truncated */
	assert_int_equal(truncate(path, 5), 0);
	assert_int_equal(store_doc_open(f->st, &d, &fd), STORE_EMISSING);
	assert_int_equal(fd, -1);
	/* gone */
	unlink(path);
	assert_int_equal(store_doc_open(f->st, &d, &fd), STORE_EMISSING);
	assert_int_equal(store_check(f->st, 0, NULL, NULL, &np), 0);
	assert_int_equal(np, 1);
	/* an identical copy fetched again repairs the file */
	assert_int_equal(put(f, &d, "%PDF will be damaged", NOW), 0);
	assert_int_equal(store_doc_verify(f->st, &d, 1), 0);
}

static void
test_tombstones(void **state)
{
	struct fix *f = *state;
	struct store_doc d, e, *v;
	char path[256], sha[65];
	size_t n;

	mkdoc(&d, "cand", "500", 0, "4:22-cv-05541", 7);
	assert_int_equal(put(f, &d, "%PDF sealed by mistake", NOW), 0);
	mkdoc(&e, "cand", "501", 0, "4:22-cv-05541", 7);
	assert_int_equal(put(f, &e, "%PDF sealed by mistake", NOW), 0);
	snprintf(sha, sizeof(sha), "%s", d.d_sha256);
	assert_int_equal(store_doc_path(f->st, sha, path, sizeof(path)), 0);
	assert_int_equal(access(path, F_OK), 0);
	assert_int_equal(store_tombstone_check(f->st, "cand", "500", 0, sha), 0);
	assert_int_equal(store_purge_doc(f->st, "cand", "500", STORE_ATT_ANY,
	    NOW + 10, &v, &n), 0);
	assert_int_equal(n, 2);		/* the same content under 501 too */
	free(v);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(store_doc_get(f->st, "cand", "500", 0, &d),
	    STORE_ETOMBSTONED);
	assert_int_equal(store_doc_get(f->st, "cand", "501", 0, &d),
	    STORE_ETOMBSTONED);
	assert_int_equal(store_tombstone_check(f->st, "cand", "500", 3, NULL),
	    STORE_ETOMBSTONED);	/* every attachment */
	assert_int_equal(store_tombstone_check(f->st, NULL, NULL, 0, sha),
	    STORE_ETOMBSTONED);
	/* fetched again under a new key: refused by content */
	mkdoc(&d, "cand", "999", 0, "4:22-cv-05541", 8);
	assert_int_equal(put(f, &d, "%PDF sealed by mistake", NOW + 20),
	    STORE_ETOMBSTONED);
	assert_int_equal(access(path, F_OK), -1);
	/* other content under the purged key: refused by key */
	mkdoc(&d, "cand", "500", 2, "4:22-cv-05541", 7);
	assert_int_equal(put(f, &d, "%PDF other bytes", NOW + 20),
	    STORE_ETOMBSTONED);
	/* unrelated documents still go in */
	mkdoc(&d, "cand", "502", 0, "4:22-cv-05541", 9);
	assert_int_equal(put(f, &d, "%PDF fine", NOW + 20), 0);
	/* purge by entry and by case */
	assert_int_equal(store_purge_entry(f->st, "cand", "4:22-cv-05541", 9,
	    NOW + 30, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].d_key, "502");
	free(v);
	mkdoc(&d, "cand", "600", 0, "4:22-cv-05541", 10);
	assert_int_equal(put(f, &d, "%PDF six", NOW), 0);
	mkdoc(&d, "cand", "601", 0, "4:22-cv-05541", 11);
	assert_int_equal(put(f, &d, "%PDF six-one", NOW), 0);
	assert_int_equal(store_purge_case(f->st, "cand", "4:22-cv-05541",
	    NOW + 40, NULL, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_doc_get(f->st, "cand", "601", 0, &d),
	    STORE_ETOMBSTONED);
	/* a key never stored can be tombstoned ahead */
	assert_int_equal(store_purge_doc(f->st, "cand", "700", 0, NOW, NULL,
	    &n), 0);
	assert_int_equal(n, 0);
	mkdoc(&d, "cand", "700", 0, "4:22-cv-05541", 12);
	assert_int_equal(put(f, &d, "%PDF seven", NOW), STORE_ETOMBSTONED);
}

static void
test_expire(void **state)
{
	struct fix *f = *state;
	struct store_doc d;
	struct timespec ts[2];
	char path[256], fresh[256], old[256], orphan[300];
	size_t n;
	int fd;

	mkdoc(&d, "nyeb", "10", 0, "1-23-42603", 1);
	assert_int_equal(put(f, &d, "%PDF old", NOW - 7200), 0);
	assert_int_equal(store_doc_path(f->st, d.d_sha256, old, sizeof(old)), 0);
	mkdoc(&d, "nyeb", "11", 0, "1-23-42603", 2);
	assert_int_equal(put(f, &d, "%PDF new", NOW - 60), 0);
	/* a stale temp file, a fresh one, and an orphan document file */
	snprintf(path, sizeof(path), "%s/tmp/stale", f->dir);
	snprintf(fresh, sizeof(fresh), "%s/tmp/fresh", f->dir);
	fd = open(path, O_WRONLY | O_CREAT, 0600);
	close(fd);
	fd = open(fresh, O_WRONLY | O_CREAT, 0600);
	close(fd);
	ts[0].tv_sec = ts[1].tv_sec = NOW - 2 * 86400;
	ts[0].tv_nsec = ts[1].tv_nsec = 0;
	assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
	ts[0].tv_sec = ts[1].tv_sec = NOW - 10;
	assert_int_equal(utimensat(AT_FDCWD, fresh, ts, 0), 0);
	snprintf(orphan, sizeof(orphan), "%s/docs/ab", f->dir);
	mkdir(orphan, 0700);
	snprintf(orphan, sizeof(orphan), "%s/docs/ab/ab%062d.pdf", f->dir, 0);
	fd = open(orphan, O_WRONLY | O_CREAT, 0600);
	close(fd);

	assert_int_equal(store_expire(f->st, NOW, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(access(old, F_OK), -1);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(access(fresh, F_OK), 0);
	assert_int_equal(access(orphan, F_OK), -1);
	assert_int_equal(store_doc_get(f->st, "nyeb", "10", 0, &d),
	    STORE_ENOTFOUND);
	assert_int_equal(store_doc_get(f->st, "nyeb", "11", 0, &d), 0);
	assert_int_equal(store_doc_verify(f->st, &d, 1), 0);
	/* expired documents are not tombstoned: they may be fetched again */
	assert_int_equal(store_tombstone_check(f->st, "nyeb", "10", 0, NULL), 0);
	assert_int_equal(store_expire(f->st, NOW + 3600, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_doc_get(f->st, "nyeb", "11", 0, &d),
	    STORE_ENOTFOUND);
}

static void
test_cases(void **state)
{
	struct fix *f = *state;
	struct store_case c, *v;
	size_t n;

	assert_int_equal(store_case_get(f->st, "cand", "4:22-cv-05541", &c),
	    STORE_ENOTFOUND);
	assert_int_equal(store_case_seen(f->st, "cand", "4:22-cv-05541",
	    "Doe v. Roe", "401234", NOW), 0);
	assert_int_equal(store_case_seen(f->st, "cand", "4:22-cv-05541",
	    "Doe v. Roe, Inc.", "401234", NOW + 50), 0);
	assert_int_equal(store_case_seen(f->st, "cand", "4:22-cv-05541", "",
	    "401299", NOW + 20), 0);
	assert_int_equal(store_case_get(f->st, "cand", "4:22-cv-05541", &c), 0);
	assert_string_equal(c.c_name, "Doe v. Roe, Inc.");
	assert_int_equal(c.c_first, NOW);
	assert_int_equal(c.c_last, NOW + 50);
	assert_int_equal(c.c_nids, 2);
	assert_string_equal(c.c_ids[0], "401234");
	assert_string_equal(c.c_ids[1], "401299");
	assert_int_equal(store_case_seen(f->st, "ca9", "25-2120", "A v. B", NULL,
	    NOW), 0);
	assert_int_equal(store_case_list(f->st, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].c_court, "ca9");
	assert_string_equal(v[1].c_docket, "4:22-cv-05541");
	free(v);
	assert_int_equal(store_case_seen(f->st, "cand", "", "x", NULL, NOW),
	    STORE_EINVAL);
}

static void
test_listed_many(void **state)
{
	struct fix *f = *state;
	static const char *const a[] = { "B@Counsel.Example", "not an address",
	    "a@lawfirm.example", "b@counsel.example" };
	struct store_addr *v;
	size_t n, bad;

	assert_int_equal(store_listed_add_many(f->st, "cand", "4:22-cv-05541",
	    a, 4, 100, &bad), 0);
	assert_int_equal(bad, 1);
	assert_int_equal(store_listed_list(f->st, "cand", "4:22-cv-05541", &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].a_addr, "a@lawfirm.example");
	assert_string_equal(v[1].a_addr, "b@counsel.example");
	assert_int_equal(v[1].a_first, 100);
	free(v);
	assert_int_equal(store_listed_add_many(f->st, "cand", "4:22-cv-05541",
	    a, 1, 200, NULL), 0);
	assert_int_equal(store_listed_list(f->st, "cand", "4:22-cv-05541", &v, &n), 0);
	assert_int_equal(v[1].a_first, 100);
	assert_int_equal(v[1].a_last, 200);
	free(v);
	assert_int_equal(store_listed_add_many(f->st, "CAND?", "x", a, 1, 1, NULL),
	    STORE_EINVAL);
}

static void
test_outcomes(void **state)
{
	struct fix *f = *state;
	char detail[STORE_OUTCOME_DETAIL_MAX + 1];
	int r;

	assert_int_equal(store_outcome_get(f->st, "cand", "035020918716", 2, &r,
	    detail, sizeof(detail)), STORE_ENOTFOUND);
	assert_int_equal(store_outcome_put(f->st, "cand", "035020918716", 2, 1,
	    "Proposed Order", 10), 0);
	assert_int_equal(store_outcome_get(f->st, "cand", "035020918716", 2, &r,
	    detail, sizeof(detail)), 0);
	assert_int_equal(r, 1);
	assert_string_equal(detail, "Proposed Order");
	/* another attachment falls back to the whole-link outcome, if any */
	assert_int_equal(store_outcome_get(f->st, "cand", "035020918716", 1, &r,
	    NULL, 0), STORE_ENOTFOUND);
	assert_int_equal(store_outcome_put(f->st, "cand", "035020918716",
	    STORE_ATT_ANY, 250, "3", 10), 0);
	assert_int_equal(store_outcome_get(f->st, "cand", "035020918716", 1, &r,
	    detail, sizeof(detail)), 0);
	assert_int_equal(r, 250);
	assert_string_equal(detail, "3");
	assert_int_equal(store_outcome_get(f->st, "cand", "035020918716", 2, &r,
	    NULL, 0), 0);
	assert_int_equal(r, 1);	/* its own outcome first */
	assert_int_equal(store_outcome_put(f->st, "cand", "k", 0, 300, "", 1),
	    STORE_EINVAL);
}

static void
test_listed_team(void **state)
{
	struct fix *f = *state;
	struct store_addr *v, rows[3];
	size_t n, bad;

	assert_int_equal(store_listed_add(f->st, "cand", "4:22-cv-05541",
	    "Clerk@Court.example", NOW), 0);
	assert_int_equal(store_listed_add(f->st, "cand", "4:22-cv-05541",
	    "clerk@court.example", NOW + 9), 0);
	assert_int_equal(store_listed_add(f->st, "cand", "4:22-cv-05541",
	    "a@lawfirm.example", NOW), 0);
	assert_int_equal(store_listed_add(f->st, "cand", "4:22-cv-05541",
	    "not an address", NOW), STORE_EADDR);
	assert_int_equal(store_listed_has(f->st, "cand", "4:22-cv-05541",
	    "CLERK@court.example"), 0);
	assert_int_equal(store_listed_has(f->st, "cand", "4:22-cv-05541",
	    "other@court.example"), STORE_ENOTFOUND);
	assert_int_equal(store_listed_has(f->st, "cand", "4:22-cv-09999",
	    "clerk@court.example"), STORE_ENOTFOUND);
	assert_int_equal(store_listed_list(f->st, "cand", "4:22-cv-05541", &v,
	    &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].a_addr, "a@lawfirm.example");
	assert_string_equal(v[1].a_addr, "clerk@court.example");
	assert_int_equal(v[1].a_first, NOW);
	assert_int_equal(v[1].a_last, NOW + 9);
	free(v);

	assert_int_equal(store_team_add(f->st, "cand", "4:22-cv-05541",
	    "Partner@LawFirm.example", NOW), 0);
	assert_int_equal(store_team_add(f->st, "cand", "4:22-cv-05541",
	    "x@partner.example", NOW), 0);
	assert_int_equal(store_team_add(f->st, "cand", "4:22-cv-05541",
	    "x@gmail.example", NOW), STORE_EDOMAIN);
	assert_int_equal(store_team_add(f->st, "cand", "4:22-cv-05541",
	    "x@@lawfirm.example", NOW), STORE_EADDR);
	assert_int_equal(store_team_has(f->st, "cand", "4:22-cv-05541",
	    "partner@lawfirm.example"), 0);
	assert_int_equal(store_team_remove(f->st, "cand", "4:22-cv-05541",
	    "x@partner.example"), 0);
	assert_int_equal(store_team_remove(f->st, "cand", "4:22-cv-05541",
	    "x@partner.example"), STORE_ENOTFOUND);
	/* import: one bad row changes nothing */
	memset(rows, 0, sizeof(rows));
	snprintf(rows[0].a_court, sizeof(rows[0].a_court), "nysd");
	snprintf(rows[0].a_docket, sizeof(rows[0].a_docket), "1:24-cv-00100");
	snprintf(rows[0].a_addr, sizeof(rows[0].a_addr), "b@lawfirm.example");
	rows[1] = rows[0];
	snprintf(rows[1].a_addr, sizeof(rows[1].a_addr), "c@elsewhere.example");
	rows[2] = rows[0];
	snprintf(rows[2].a_addr, sizeof(rows[2].a_addr), "d@lawfirm.example");
	assert_int_equal(store_team_import(f->st, rows, 3, NOW, &bad),
	    STORE_EDOMAIN);
	assert_int_equal(bad, 1);
	assert_int_equal(store_team_has(f->st, "nysd", "1:24-cv-00100",
	    "b@lawfirm.example"), STORE_ENOTFOUND);
	snprintf(rows[1].a_addr, sizeof(rows[1].a_addr), "C@lawfirm.example");
	assert_int_equal(store_team_import(f->st, rows, 3, NOW, &bad), 0);
	assert_int_equal(store_team_list(f->st, NULL, NULL, &v, &n), 0);
	assert_int_equal(n, 4);
	assert_string_equal(v[0].a_court, "cand");
	assert_string_equal(v[1].a_addr, "b@lawfirm.example");
	assert_string_equal(v[2].a_addr, "c@lawfirm.example");
	free(v);
	assert_int_equal(store_team_list(f->st, "nysd", "1:24-cv-00100", &v,
	    &n), 0);
	assert_int_equal(n, 3);
	free(v);
}

static void
add_audit(struct fix *f, const char *qid, int64_t t, const char *docket,
    uint32_t entry, const char *rcpt, const char *sha)
{
	struct store_audit a;
	struct store_audit_case c;
	struct store_audit_rcpt r[2];
	struct store_audit_doc d;
	uint64_t id;

	memset(&a, 0, sizeof(a));
	memset(&c, 0, sizeof(c));
	memset(r, 0, sizeof(r));
	memset(&d, 0, sizeof(d));
	a.a_time = t;
	snprintf(a.a_qid, sizeof(a.a_qid), "%s", qid);
	snprintf(a.a_court, sizeof(a.a_court), "cand");
	snprintf(a.a_trust, sizeof(a.a_trust), "verified");
	snprintf(a.a_action, sizeof(a.a_action), "attached");
	snprintf(c.ac_docket, sizeof(c.ac_docket), "%s", docket);
	c.ac_entry = entry;
	a.a_ncase = 1;
	a.a_case = &c;
	snprintf(r[0].ar_addr, sizeof(r[0].ar_addr), "%s", rcpt);
	snprintf(r[1].ar_addr, sizeof(r[1].ar_addr), "removed@lawfirm.example");
	r[1].ar_removed = 1;
	a.a_nrcpt = 2;
	a.a_rcpt = r;
	if (sha != NULL) {
		snprintf(d.ad_key, sizeof(d.ad_key), "035000");
		snprintf(d.ad_sha256, sizeof(d.ad_sha256), "%s", sha);
		snprintf(d.ad_label, sizeof(d.ad_label), "doc.pdf");
		a.a_ndoc = 1;
		a.a_doc = &d;
	}
	assert_int_equal(store_audit_add(f->st, &a, &id), 0);
	assert_true(id > 0);
}

static void
test_audit(void **state)
{
	struct fix *f = *state;
	struct store_audit_query q;
	struct store_audit_list l;
	struct store_audit a;
	const char *sha = "aa00000000000000000000000000000000000000000000000000000000000001";

	add_audit(f, "4XyZ1", NOW + 30, "4:22-cv-05541", 5, "a@lawfirm.example", sha);
	add_audit(f, "4XyZ2", NOW + 10, "4:22-cv-05541", 6, "b@lawfirm.example", NULL);
	add_audit(f, "4XyZ3", NOW + 20, "5:23-cv-00001", 1, "A@lawfirm.example", NULL);
	add_audit(f, "4XyZ1", NOW + 40, "4:22-cv-05541", 5, "c@lawfirm.example", NULL);

	memset(&q, 0, sizeof(q));
	q.q_entry = STORE_ENTRY_ANY;
	assert_int_equal(store_audit_query(f->st, &q, &l), 0);
	assert_int_equal(l.al_n, 4);
	assert_string_equal(l.al_v[0].a_qid, "4XyZ2");	/* time order */
	assert_string_equal(l.al_v[3].a_qid, "4XyZ1");
	assert_int_equal(l.al_v[0].a_nrcpt, 2);
	assert_int_equal(l.al_v[0].a_rcpt[1].ar_removed, 1);
	store_audit_list_free(&l);

	q.q_qid = "4XyZ1";
	assert_int_equal(store_audit_query(f->st, &q, &l), 0);
	assert_int_equal(l.al_n, 2);
	assert_int_equal(l.al_v[0].a_ndoc, 1);
	assert_string_equal(l.al_v[0].a_doc[0].ad_sha256, sha);
	assert_string_equal(l.al_v[0].a_doc[0].ad_label, "doc.pdf");
	assert_int_equal(l.al_v[1].a_time, NOW + 40);
	store_audit_list_free(&l);

	memset(&q, 0, sizeof(q));
	q.q_entry = STORE_ENTRY_ANY;
	q.q_court = "cand";
	q.q_docket = "4:22-cv-05541";
	assert_int_equal(store_audit_query(f->st, &q, &l), 0);
	assert_int_equal(l.al_n, 3);
	store_audit_list_free(&l);
	q.q_entry = 6;
	assert_int_equal(store_audit_query(f->st, &q, &l), 0);
	assert_int_equal(l.al_n, 1);
	a = l.al_v[0];
	assert_string_equal(a.a_qid, "4XyZ2");
	store_audit_list_free(&l);

	memset(&q, 0, sizeof(q));
	q.q_entry = STORE_ENTRY_ANY;
	q.q_rcpt = "a@LAWFIRM.example";
	assert_int_equal(store_audit_query(f->st, &q, &l), 0);
	assert_int_equal(l.al_n, 2);
	store_audit_list_free(&l);
	q.q_rcpt = NULL;
	q.q_sha256 = sha;
	assert_int_equal(store_audit_query(f->st, &q, &l), 0);
	assert_int_equal(l.al_n, 1);
	assert_string_equal(l.al_v[0].a_rcpt[0].ar_addr, "a@lawfirm.example");
	store_audit_list_free(&l);

	memset(&q, 0, sizeof(q));
	q.q_entry = STORE_ENTRY_ANY;
	q.q_since = NOW + 20;
	q.q_until = NOW + 40;
	assert_int_equal(store_audit_query(f->st, &q, &l), 0);
	assert_int_equal(l.al_n, 2);
	assert_string_equal(l.al_v[0].a_qid, "4XyZ3");
	assert_string_equal(l.al_v[1].a_qid, "4XyZ1");
	store_audit_list_free(&l);
	q.q_since = 0;
	q.q_until = 0;
	q.q_limit = 1;
	assert_int_equal(store_audit_query(f->st, &q, &l), 0);
	assert_int_equal(l.al_n, 1);
	assert_int_equal(l.al_v[0].a_time, NOW + 40);
	store_audit_list_free(&l);
	q.q_limit = 0;
	q.q_qid = "nosuch";
	assert_int_equal(store_audit_query(f->st, &q, &l), 0);
	assert_int_equal(l.al_n, 0);
	store_audit_list_free(&l);
	store_audit_list_free(NULL);
}

/* A tiny map that may not grow: writes end in STORE_EFULL, cleanly. */
static void
test_map_full(void **state)
{
	struct fix *f = *state;
	struct store_case c;
	char docket[32], name[400];
	int i, rc = 0, last_ok = -1;

	store_close(f->st);
	rm_tree(f->dir);
	assert_int_equal(fix_open(f, 256 * 1024, 256 * 1024, 64), 0);
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	for (i = 0; i < 2000; i++) {
		snprintf(docket, sizeof(docket), "1:20-cv-%05d", i);
		rc = store_case_seen(f->st, "cand", docket, name, NULL, NOW);
		if (rc != 0)
			break;
		last_ok = i;
	}
	assert_int_equal(rc, STORE_EFULL);
	assert_true(last_ok > 10);
	/* everything committed is still there; reads still work */
	for (i = 0; i <= last_ok; i++) {
		snprintf(docket, sizeof(docket), "1:20-cv-%05d", i);
		assert_int_equal(store_case_get(f->st, "cand", docket, &c), 0);
	}
	assert_int_equal(store_case_seen(f->st, "cand", "1:20-cv-99999", name,
	    NULL, NOW), STORE_EFULL);
	/* A document the full map cannot index: the caller keeps its file. */
	{
		struct store_doc d;
		char path[256];

		mkdoc(&d, "cand", "035123456789", 0, "4:22-cv-05541", 12);
		make_tmp(f, "%PDF-1.4 the only copy", 22, path, sizeof(path), &d);
		assert_int_equal(store_doc_put(f->st, &d, path, NOW), STORE_EFULL);
		assert_int_equal(access(path, R_OK), 0);
		unlink(path);
	}
}

/* A small map that may grow: the same writes all succeed. */
static void
test_map_grows(void **state)
{
	struct fix *f = *state;
	struct store_stats s;
	struct store_case c;
	char docket[32], name[400];
	int i;

	store_close(f->st);
	rm_tree(f->dir);
	assert_int_equal(fix_open(f, 64 * 1024, 8 << 20, 64), 0);
	memset(name, 'n', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	for (i = 0; i < 2000; i++) {
		snprintf(docket, sizeof(docket), "1:20-cv-%05d", i);
		assert_int_equal(store_case_seen(f->st, "cand", docket, name,
		    NULL, NOW), 0);
	}
	assert_int_equal(store_case_get(f->st, "cand", "1:20-cv-01999", &c), 0);
	assert_int_equal(store_stats(f->st, &s), 0);
	assert_true(s.st_map_size > 64 * 1024);
	assert_true(s.st_map_size <= 8 << 20);
	assert_int_equal(s.st_count[STORE_T_CASES], 2000);
}

/* Reader slots: hold every slot with blocked readers, then one more. */
struct holder {
	struct store	*h_st;
	pthread_mutex_t	*h_mu;
	pthread_cond_t	*h_cv;
	int		*h_in;
	int		*h_go;
	int		 h_rc;
};

static int
hold_fn(struct sdb_txn *t, void *arg)
{
	struct holder *h = arg;

	(void)t;
	pthread_mutex_lock(h->h_mu);
	(*h->h_in)++;
	pthread_cond_broadcast(h->h_cv);
	while (!*h->h_go)
		pthread_cond_wait(h->h_cv, h->h_mu);
	pthread_mutex_unlock(h->h_mu);
	return 0;
}

static void *
hold_thread(void *arg)
{
	struct holder *h = arg;

	h->h_rc = sdb_read(h->h_st, hold_fn, h);
	if (h->h_rc != 0) {	/* count it in anyway, so the test ends */
		pthread_mutex_lock(h->h_mu);
		(*h->h_in)++;
		pthread_cond_broadcast(h->h_cv);
		pthread_mutex_unlock(h->h_mu);
	}
	return NULL;
}

static void
test_readers_full(void **state)
{
	struct fix *f = *state;
	pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
	pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
	struct store_stats s;
	struct store_case c;
	struct holder *h;
	pthread_t *th;
	unsigned i, n;
	int in = 0, go = 0;

	assert_int_equal(store_case_seen(f->st, "cand", "4:22-cv-05541", "X",
	    NULL, NOW), 0);
	assert_int_equal(store_stats(f->st, &s), 0);
	n = s.st_readers_max;
	assert_true(n >= 16 && n < 1000);
	assert_int_equal(s.st_readers_used, 0);
	h = calloc(n, sizeof(*h));
	th = calloc(n, sizeof(*th));
	for (i = 0; i < n; i++) {
		h[i] = (struct holder){ f->st, &mu, &cv, &in, &go, -1 };
		assert_int_equal(pthread_create(&th[i], NULL, hold_thread,
		    &h[i]), 0);
	}
	pthread_mutex_lock(&mu);
	while (in < (int)n)
		pthread_cond_wait(&cv, &mu);
	pthread_mutex_unlock(&mu);
	assert_int_equal(store_case_get(f->st, "cand", "4:22-cv-05541", &c),
	    STORE_EBUSY);
	/* writers need no reader slot */
	assert_int_equal(store_case_seen(f->st, "cand", "4:22-cv-05541", "Y",
	    NULL, NOW), 0);
	pthread_mutex_lock(&mu);
	go = 1;
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	for (i = 0; i < n; i++) {
		pthread_join(th[i], NULL);
		assert_int_equal(h[i].h_rc, 0);
	}
	free(h);
	free(th);
	assert_int_equal(store_case_get(f->st, "cand", "4:22-cv-05541", &c), 0);
	assert_string_equal(c.c_name, "Y");
}

static void
test_chown_tree(void **state)
{
	struct fix *f = *state;
	struct store_doc d;

	mkdoc(&d, "cand", "1", 0, "4:22-cv-05541", 1);
	assert_int_equal(put(f, &d, "%PDF chown", NOW), 0);
	assert_int_equal(store_chown_tree(f->dir, getuid(), getgid()), 0);
	assert_int_equal(store_chown_tree("/nonexistent/state", getuid(),
	    getgid()), STORE_EIO);
}

static void
test_addr_normalize(void **state)
{
	static const struct { const char *in, *out; } good[] = {
		{ "A@B.example", "a@b.example" },
		{ "first.last+tag@law-firm.example", "first.last+tag@law-firm.example" },
	};
	static const char *const bad[] = {
		"", "a", "@b.example", "a@", "a b@c.example", "a@b@c.example",
		"<a@b.example>", "a@b..example", "a@.b.example", "a@b.example.",
		"a@b_c.example", "a@b.example,c@d.example",
	};
	char out[STORE_ADDR_MAX + 1], longaddr[400];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		assert_int_equal(store_addr_normalize(good[i].in, out,
		    sizeof(out)), 0);
		assert_string_equal(out, good[i].out);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(store_addr_normalize(bad[i], out, sizeof(out)),
		    STORE_EADDR);
	memset(longaddr, 'a', sizeof(longaddr) - 1);
	longaddr[sizeof(longaddr) - 1] = '\0';
	longaddr[10] = '@';
	assert_int_equal(store_addr_normalize(longaddr, out, sizeof(out)),
	    STORE_EADDR);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_addr_normalize),
		cmocka_unit_test_setup_teardown(test_open_modes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doc_put_get_open, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doc_dedup_and_list, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doc_missing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tombstones, setup, teardown),
		cmocka_unit_test_setup_teardown(test_expire, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cases, setup, teardown),
		cmocka_unit_test_setup_teardown(test_listed_team, setup, teardown),
		cmocka_unit_test_setup_teardown(test_listed_many, setup, teardown),
		cmocka_unit_test_setup_teardown(test_outcomes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_map_grows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_readers_full, setup, teardown),
		cmocka_unit_test_setup_teardown(test_chown_tree, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
