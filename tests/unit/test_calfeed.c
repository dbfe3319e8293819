/*
 * test_calfeed: the per-case files of calendar_dir (milter/calfeed.c) on a
 * real LMDB store: the name of a case's file (nothing of a docket number
 * may leave the directory or hide the file), the mode, the group of a
 * set-group-ID directory, restricted events left out, no temporary file left; and two notices of one case handled
 * at once, again and again (two threads: each adds its event, then
 * rewrites the file): the file must hold every event after each round.
 * Retention (calfeed_expire): the events past calendar_retention leave the
 * store and the files; a case left with no event loses its file, a case
 * that lost nothing keeps its file as it was.
 */
#include <sys/stat.h>
#include <grp.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "caldate.h"
#include "calevent.h"
#include "calfeed.h"
#include "cfg.h"
#include "fixture.h"
#include "store.h"
#include "store_event.h"
#include "strbuf.h"

#define NOW	1800000000	/* 2027-01-15 */
#define ROUNDS	60

struct job {
	struct store		*j_st;
	const struct cfg	*j_cf;
	int			 j_day;		/* of the event it adds */
	int			 j_hour;
	int			 j_rc;
};

static void
mkuid(const char *court, const char *docket, const struct calev *e,
    int restricted, char *uid, size_t size)
{
	snprintf(uid, size, "%s-%s-%s-%d-%d-%d@test", court, docket, e->e_key,
	    e->e_date.m, e->e_date.d, restricted);
}

static int	add_case(struct store *, const char *, const char *, int);

static int
add(struct store *st, const char *text, int restricted)
{
	return add_case(st, "4:22-cv-05541", text, restricted);
}

static int
add_case(struct store *st, const char *docket, const char *text,
    int restricted)
{
	struct calev_set	*s = calloc(1, sizeof(*s));
	struct store_event	 out[CALEV_MAX];
	struct calev_in		 in;
	struct caldate		 today = { 2027, 1, 15 };
	int			 rc;

	assert_non_null(s);
	memset(&in, 0, sizeof in);
	in.ci_text = text;
	in.ci_len = strlen(text);
	in.ci_court = "cand";
	in.ci_ref = today;
	calev_extract(&in, s);
	rc = store_event_apply(st, "cand", docket, s, text, restricted, 1, &today,
	    NOW, mkuid, out, NULL);
	free(s);
	return rc;
}

static void *
notice(void *arg)
{
	struct job	*j = arg;
	char		 text[128], err[256];

	snprintf(text, sizeof text, "Motion Hearing set for %d/%d/2027 at "
	    "%d:00 AM.", 2 + j->j_day / 28, 1 + j->j_day % 28, j->j_hour);
	j->j_rc = add(j->j_st, text, 0);
	if (j->j_rc == 0)
		j->j_rc = calfeed_write(j->j_cf, j->j_st, "cand", "4:22-cv-05541",
		    NOW, err, sizeof err);
	return NULL;
}

static size_t
count(const char *path, const char *what)
{
	char	*b, *p;
	size_t	 len, n = 0;

	if ((b = fixture_read(path, &len)) == NULL)
		return 0;
	for (p = b; (p = strstr(p, what)) != NULL; p++)
		n++;
	free(b);
	return n;
}

static struct store *
open_store(const char *dir)
{
	struct store_opts	 o;
	struct store		*st = NULL;

	memset(&o, 0, sizeof o);
	o.so_dir = dir;
	o.so_map_size = 8 << 20;
	o.so_max_readers = 16;
	o.so_retention = 3600;
	o.so_create = 1;
	o.so_lock_wait_ms = 5000;
	assert_int_equal(store_open(&o, &st), 0);
	return st;
}

static void
test_feed(void **state)
{
	char		 sdir[64] = "/tmp/test_calfeed.XXXXXX", fdir[64], path[256];
	char		 err[256], cmd[256];
	struct store	*st;
	struct cfg	*cf = cfg_defaults();
	struct strbuf	 e = STRBUF_INIT;
	struct job	 j[2];
	pthread_t	 t[2];
	struct stat	 sb;
	size_t		 r, k, lost = 0;
	struct group	*gr;
	gid_t		 gid;

	(void)state;
	assert_non_null(cf);
	assert_non_null(mkdtemp(sdir));
	snprintf(fdir, sizeof fdir, "%s/feed", sdir);
	assert_int_equal(mkdir(fdir, 0750), 0);
	/* a set-group-ID directory of the share's group (root: "mail") */
	gid = getgid();
	if (geteuid() == 0 && (gr = getgrnam("mail")) != NULL) {
		gid = gr->gr_gid;
		assert_int_equal(chown(fdir, 0, gid), 0);
		assert_int_equal(chmod(fdir, 02750), 0);
	}
	assert_int_equal(cfg_set(cf, "calendar_dir", fdir, &e), 0);
	snprintf(cmd, sizeof cmd, "%s/store", sdir);
	st = open_store(cmd);
	snprintf(path, sizeof path, "%s/cand_4-22-cv-05541.ics", fdir);
	/* a restricted event never goes there */
	assert_int_equal(add(st, "SEALED. Status Conference set for 3/3/2027 "
	    "at 9:00 AM.", 1), 0);
	assert_int_equal(calfeed_write(cf, st, "cand", "4:22-cv-05541", NOW, err,
	    sizeof err), 0);
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 07777, 0640);
	assert_int_equal(sb.st_gid, gid);	/* the directory's group */
	assert_int_equal(count(path, "BEGIN:VEVENT"), 0);
	for (r = 0; r < ROUNDS; r++) {
		for (k = 0; k < 2; k++) {
			j[k].j_st = st;
			j[k].j_cf = cf;
			j[k].j_day = 2 * (int)r + (int)k;
			j[k].j_hour = 8 + (int)k;
			assert_int_equal(pthread_create(&t[k], NULL, notice, &j[k]),
			    0);
		}
		for (k = 0; k < 2; k++) {
			pthread_join(t[k], NULL);
			assert_int_equal(j[k].j_rc, 0);
		}
		if (count(path, "BEGIN:VEVENT") != 2 * (r + 1))
			lost++;
	}
	printf("# %zu rounds of two notices at once; %zu lost an event\n",
	    (size_t)ROUNDS, lost);
	assert_int_equal(lost, 0);
	assert_int_equal(count(path, "SEALED"), 0);
	snprintf(cmd, sizeof cmd, "ls -A '%s' | grep -vx cand_4-22-cv-05541.ics",
	    fdir);
	assert_int_not_equal(system(cmd), 0);	/* no temporary file left */
	store_close(st);
	cfg_unref(cf);
	strbuf_free(&e);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", sdir);
	assert_int_equal(system(cmd), 0);
}

/* Names: one file in the directory, whatever the docket number holds. */
static void
test_name(void **state)
{
	static const char *const bad[] = { "../../etc/x", "a/b\\c:d", ".hidden",
		"a b\tc\nd", "x\xff\xfey", "..", "-rf" };
	char	 buf[160];
	size_t	 i, k;

	(void)state;
	calfeed_name("cand", "4:22-cv-05541", buf, sizeof buf);
	assert_string_equal(buf, "cand_4-22-cv-05541.ics");
	calfeed_name("jpml", "MDL No. 2967", buf, sizeof buf);
	assert_string_equal(buf, "jpml_MDL-No.-2967.ics");
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		calfeed_name("cand", bad[i], buf, sizeof buf);
		assert_int_equal(strncmp(buf, "cand_", 5), 0);
		for (k = 0; buf[k] != '\0'; k++)
			if (!((buf[k] >= 'a' && buf[k] <= 'z') ||
			    (buf[k] >= 'A' && buf[k] <= 'Z') ||
			    (buf[k] >= '0' && buf[k] <= '9') ||
			    buf[k] == '-' || buf[k] == '_' || buf[k] == '.'))
				fail_msg("%s: byte %zu of %s", bad[i], k, buf);
		assert_null(strstr(buf, ".."));
	}
}

/* midnight UTC of y-m-d plus keep days and an hour: that day is the cutoff */
static int64_t
cut_at(int y, int m, int d, int keep_days)
{
	return ((int64_t)caldate_days(y, m, d) + keep_days) * 86400 + 3600;
}

static void
feed(const struct cfg *cf, struct store *st, const char *docket)
{
	char	err[256];

	assert_int_equal(calfeed_write(cf, st, "cand", docket, NOW, err,
	    sizeof err), 0);
}

static void
test_expire(void **state)
{
	char		 sdir[64] = "/tmp/test_calexp.XXXXXX", fdir[64];
	char		 pa[128], pb[128], pc[128], err[256], cmd[256];
	char		*before, *after;
	struct store	*st;
	struct cfg	*cf = cfg_defaults();
	struct strbuf	 e = STRBUF_INIT;
	struct stat	 sb;
	size_t		 nev, nfiles, len;

	(void)state;
	assert_non_null(cf);
	assert_non_null(mkdtemp(sdir));
	snprintf(fdir, sizeof fdir, "%s/feed", sdir);
	assert_int_equal(mkdir(fdir, 0750), 0);
	assert_int_equal(cfg_set(cf, "calendar_dir", fdir, &e), 0);
	assert_int_equal(cfg_set(cf, "calendar_retention", "30d", &e), 0);
	snprintf(cmd, sizeof cmd, "%s/store", sdir);
	st = open_store(cmd);
	snprintf(pa, sizeof pa, "%s/cand_4-22-cv-05541.ics", fdir);
	snprintf(pb, sizeof pb, "%s/cand_1-23-cv-00001.ics", fdir);
	snprintf(pc, sizeof pc, "%s/cand_2-24-cv-00002.ics", fdir);
	/* A: one event past, one to come; B: one past; C: one to come */
	assert_int_equal(add_case(st, "4:22-cv-05541", "Motion Hearing set for "
	    "2/1/2027 at 10:00 AM.", 0), 0);
	assert_int_equal(add_case(st, "4:22-cv-05541", "Jury Trial set for "
	    "6/7/2027 at 8:30 AM.", 0), 0);
	assert_int_equal(add_case(st, "1:23-cv-00001", "Status Conference set "
	    "for 2/3/2027 at 9:00 AM.", 0), 0);
	assert_int_equal(add_case(st, "2:24-cv-00002", "Status Conference set "
	    "for 8/2/2027 at 9:00 AM.", 0), 0);
	feed(cf, st, "4:22-cv-05541");
	feed(cf, st, "1:23-cv-00001");
	feed(cf, st, "2:24-cv-00002");
	assert_int_equal(count(pa, "BEGIN:VEVENT"), 2);
	assert_int_equal(count(pb, "BEGIN:VEVENT"), 1);
	assert_non_null(before = fixture_read(pc, &len));
	/* the cutoff day is 2027-03-01 */
	assert_int_equal(calfeed_expire(cf, st, cut_at(2027, 3, 1, 30), &nev,
	    &nfiles, err, sizeof err), 0);
	assert_int_equal(nev, 2);
	assert_int_equal(nfiles, 2);
	assert_int_equal(count(pa, "BEGIN:VEVENT"), 1);
	assert_int_equal(count(pa,
	    "DTSTART;TZID=America/Los_Angeles:20270607T083000"), 1);
	assert_int_equal(count(pa, "20270201"), 0);
	assert_int_equal(stat(pb, &sb), -1);		/* no event left */
	assert_non_null(after = fixture_read(pc, &len));
	assert_string_equal(before, after);		/* not touched */
	free(before);
	free(after);
	/* again: nothing to remove, no file touched */
	assert_int_equal(calfeed_expire(cf, st, cut_at(2027, 3, 1, 30), &nev,
	    &nfiles, err, sizeof err), 0);
	assert_int_equal(nev, 0);
	assert_int_equal(nfiles, 0);
	/* a later event of B writes its file again */
	assert_int_equal(add_case(st, "1:23-cv-00001", "Status Conference set "
	    "for 9/6/2027 at 9:00 AM.", 0), 0);
	feed(cf, st, "1:23-cv-00001");
	assert_int_equal(count(pb, "BEGIN:VEVENT"), 1);
	/* calendar_retention = 0 keeps everything */
	assert_int_equal(cfg_set(cf, "calendar_retention", "0", &e), 0);
	assert_int_equal(calfeed_expire(cf, st, cut_at(2035, 1, 1, 0), &nev,
	    &nfiles, err, sizeof err), 0);
	assert_int_equal(nev, 0);
	assert_int_equal(count(pc, "BEGIN:VEVENT"), 1);
	/* without calendar_dir the store is pruned all the same */
	assert_int_equal(cfg_set(cf, "calendar_retention", "30d", &e), 0);
	assert_int_equal(cfg_set(cf, "calendar_dir", "", &e), 0);
	assert_int_equal(calfeed_expire(cf, st, cut_at(2035, 1, 1, 30), &nev,
	    &nfiles, err, sizeof err), 0);
	assert_int_equal(nev, 3);
	assert_int_equal(nfiles, 0);
	assert_int_equal(count(pc, "BEGIN:VEVENT"), 1);	/* files untouched */
	store_close(st);
	cfg_unref(cf);
	strbuf_free(&e);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", sdir);
	assert_int_equal(system(cmd), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name),
		cmocka_unit_test(test_feed),
		cmocka_unit_test(test_expire),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
