/*
 * storetool: a driver for the store's shell tests.
 *
 *	storetool DIR init [MAP_SIZE [MAP_MAX]]	create a store
 *	storetool DIR doc COURT KEY ATT DOCKET ENTRY CONTENT
 *						store a document; prints sha
 *	storetool DIR case COURT DOCKET NAME [ID]
 *	storetool DIR listed COURT DOCKET ADDR
 *	storetool DIR audit QID COURT DOCKET ENTRY RCPTS [KEY:SHA:LABEL...]
 *						RCPTS: a,b,-removed
 *	storetool DIR get COURT KEY ATT		prints status and sha
 *	storetool DIR writer N [START]		N atomic pairs + audits,
 *						"committed I" after each
 *	storetool DIR verify-writer		checks pairs; prints count
 *	storetool DIR reader SECONDS		holds a read txn
 *	storetool DIR idle SECONDS		keeps the store open
 *	storetool DIR hold-write SECONDS	holds the writer lock
 *	storetool DIR hammer-write N		listed a00000.. in order
 *	storetool DIR hammer-read SECONDS THREADS [REMAP]
 *						REMAP: map afresh every
 *						REMAP reads
 *	storetool DIR audit-burst N TAG		N audit records
 *	storetool DIR count			records per table
 *
 * Every command but init opens the store at the size it has and lets it
 * grow to STORETOOL_MAP_MAX bytes (default 16 MiB).
 * The firm domain is lawfirm.example.  Exit 0 on success, 1 on a failed
 * check, 2 on a usage error, 3 on a store error.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cfg.h"
#include "log.h"
#include "sha.h"
#include "store.h"
#include "store_audit.h"
#include "store_case.h"
#include "store_db.h"
#include "store_doc.h"

#define LISTED_COURT	"cand"
#define LISTED_DOCKET	"4:22-cv-05541"

static struct store *st;
static const char *dir;
static char *firm[] = { "lawfirm.example" };
static struct cfg_list firm_list = { 1, firm, NULL };

static int
open_store(int create, uint64_t map, uint64_t max)
{
	struct store_opts o;
	int rc;

	memset(&o, 0, sizeof(o));
	o.so_dir = dir;
	o.so_map_size = map;
	o.so_map_max = max;
	o.so_max_readers = 126;
	o.so_retention = 30 * 86400;
	o.so_create = create;
	o.so_firm_domains = &firm_list;
	o.so_lock_wait_ms = 20000;
	if ((rc = store_open(&o, &st)) != 0) {
		fprintf(stderr, "storetool: open %s: %s\n", dir,
		    store_strerror(rc));
		return 3;
	}
	return 0;
}

static int
fail(int rc, const char *what)
{
	fprintf(stderr, "storetool: %s: %s\n", what, store_strerror(rc));
	return 3;
}

static int
do_doc(char **a)
{
	struct store_doc d;
	char path[4096];
	size_t len = strlen(a[5]);
	int fd, rc;

	memset(&d, 0, sizeof(d));
	snprintf(d.d_court, sizeof(d.d_court), "%s", a[0]);
	snprintf(d.d_key, sizeof(d.d_key), "%s", a[1]);
	d.d_att = (unsigned)strtoul(a[2], NULL, 10);
	snprintf(d.d_docket, sizeof(d.d_docket), "%s", a[3]);
	d.d_entry = (uint32_t)strtoul(a[4], NULL, 10);
	snprintf(d.d_label, sizeof(d.d_label), "%s-%s.pdf", a[1], a[2]);
	sha_buf_hex(a[5], len, d.d_sha256);
	d.d_size = len;
	snprintf(path, sizeof(path), "%s/tmp/storetool.%d", dir, (int)getpid());
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0 ||
	    write(fd, a[5], len) != (ssize_t)len || close(fd) != 0)
		return 3;
	if ((rc = store_doc_put(st, &d, path, (int64_t)time(NULL))) != 0) {
		unlink(path);
		return fail(rc, "doc put");
	}
	printf("%s\n", d.d_sha256);
	return 0;
}

static int
do_audit(int argc, char **a)
{
	struct store_audit au;
	struct store_audit_case c;
	struct store_audit_rcpt r[16];
	struct store_audit_doc d[16];
	char rc_list[1024], *p, *save = NULL, *s1, *s2;
	int i, rc;

	memset(&au, 0, sizeof(au));
	memset(&c, 0, sizeof(c));
	memset(r, 0, sizeof(r));
	memset(d, 0, sizeof(d));
	au.a_time = (int64_t)time(NULL);
	snprintf(au.a_qid, sizeof(au.a_qid), "%s", a[0]);
	snprintf(au.a_court, sizeof(au.a_court), "%s", a[1]);
	snprintf(au.a_trust, sizeof(au.a_trust), "verified");
	snprintf(au.a_action, sizeof(au.a_action), "attached");
	snprintf(c.ac_docket, sizeof(c.ac_docket), "%s", a[2]);
	c.ac_entry = (uint32_t)strtoul(a[3], NULL, 10);
	au.a_ncase = 1;
	au.a_case = &c;
	snprintf(rc_list, sizeof(rc_list), "%s", a[4]);
	for (p = strtok_r(rc_list, ",", &save); p != NULL && au.a_nrcpt < 16;
	    p = strtok_r(NULL, ",", &save)) {
		r[au.a_nrcpt].ar_removed = *p == '-';
		snprintf(r[au.a_nrcpt].ar_addr, sizeof(r[0].ar_addr), "%s",
		    p + (*p == '-'));
		au.a_nrcpt++;
	}
	au.a_rcpt = r;
	for (i = 5; i < argc && au.a_ndoc < 16; i++) {
		if ((s1 = strchr(a[i], ':')) == NULL ||
		    (s2 = strchr(s1 + 1, ':')) == NULL)
			return 2;
		*s1 = *s2 = '\0';
		snprintf(d[au.a_ndoc].ad_key, sizeof(d[0].ad_key), "%s", a[i]);
		snprintf(d[au.a_ndoc].ad_sha256, sizeof(d[0].ad_sha256), "%s",
		    s1 + 1);
		snprintf(d[au.a_ndoc].ad_label, sizeof(d[0].ad_label), "%s",
		    s2 + 1);
		au.a_ndoc++;
	}
	au.a_doc = d;
	if ((rc = store_audit_add(st, &au, NULL)) != 0)
		return fail(rc, "audit add");
	return 0;
}

/* writer: one transaction writes "wa/I" and "wb/I" with a pause between. */
struct pair {
	unsigned	 p_i;
};

static int
pair_fn(struct sdb_txn *t, void *arg)
{
	struct pair *p = arg;
	struct timespec ts = { 0, 3000000L };
	char k[32], v[32];
	int rc;

	snprintf(k, sizeof(k), "wa/%08u", p->p_i);
	snprintf(v, sizeof(v), "%08u", p->p_i);
	if ((rc = sdb_put(t, SDB_META, k, strlen(k), v, strlen(v))) != 0)
		return rc;
	nanosleep(&ts, NULL);	/* a kill lands here, mid-transaction */
	k[1] = 'b';
	return sdb_put(t, SDB_META, k, strlen(k), v, strlen(v));
}

static int
do_writer(unsigned start, unsigned n)
{
	struct pair p;
	char qid[32];
	char *a[5];
	unsigned i;
	int rc;

	for (i = start; i < start + n; i++) {
		p.p_i = i;
		if ((rc = sdb_write(st, pair_fn, &p)) != 0)
			return fail(rc, "writer");
		snprintf(qid, sizeof(qid), "W%07u", i);
		a[0] = qid;
		a[1] = "cand";
		a[2] = "4:22-cv-05541";
		a[3] = "1";
		a[4] = "w@lawfirm.example";
		if ((rc = do_audit(5, a)) != 0)
			return rc;
		printf("committed %u\n", i);
		fflush(stdout);
	}
	return 0;
}

struct verify {
	unsigned	 v_a, v_b, v_bad;
	unsigned	 v_max;
};

static int
verify_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct verify *x = arg;
	const char *key = k;
	char num[9];
	unsigned i;

	if (kl != 11 || vl != 8 || memcmp(key + 3, v, 8) != 0) {
		x->v_bad++;
		return 0;
	}
	memcpy(num, key + 3, 8);	/* keys are not NUL-terminated */
	num[8] = '\0';
	i = (unsigned)strtoul(num, NULL, 10);
	if (key[1] == 'a')
		x->v_a++;
	else
		x->v_b++;
	if (i + 1 > x->v_max)
		x->v_max = i + 1;
	return 0;
}

static int
verify_fn(struct sdb_txn *t, void *arg)
{
	int rc;

	if ((rc = sdb_walk(t, SDB_META, "wa/", 3, NULL, 0, verify_one, arg)) != 0)
		return rc;
	return sdb_walk(t, SDB_META, "wb/", 3, NULL, 0, verify_one, arg);
}

static int
do_verify_writer(void)
{
	struct verify x;
	int rc;

	memset(&x, 0, sizeof(x));
	if ((rc = sdb_read(st, verify_fn, &x)) != 0)
		return fail(rc, "verify");
	printf("pairs %u max %u\n", x.v_a, x.v_max);
	if (x.v_a != x.v_b || x.v_bad != 0) {
		printf("inconsistent: a %u b %u max %u bad %u\n", x.v_a, x.v_b,
		    x.v_max, x.v_bad);
		return 1;
	}
	return 0;
}

static int
sleep_fn(struct sdb_txn *t, void *arg)
{
	(void)t;
	printf("holding\n");
	fflush(stdout);
	sleep(*(unsigned *)arg);
	return 0;
}

struct hammer {
	pthread_t	 h_th;
	unsigned	 h_remap;	/* map afresh every h_remap reads */
	time_t		 h_end;
	unsigned long	 h_reads;
	unsigned long	 h_errors;
	size_t		 h_last;
	unsigned long long h_last_txn;
};

/* One view of the listed addresses: how many, in order, at which txn. */
struct hview {
	size_t		 v_n;
	size_t		 v_gap;		/* index of the first out of order */
	int		 v_bad;
	unsigned long long v_txn;
	char		 v_at[STORE_ADDR_MAX + 1];
};

static int
hview_one(void *arg, const void *k, size_t kl, const void *v, size_t vl)
{
	struct hview *hv = arg;
	char want[64];
	const char *a;

	(void)v;
	(void)vl;
	/* key: court\0 docket\0 addr\0 */
	a = memchr(k, '\0', kl);
	a = a != NULL ? memchr(a + 1, '\0', kl - (size_t)(a + 1 - (const char *)k)) : NULL;
	if (a == NULL)
		return STORE_ECORRUPT;
	a++;
	snprintf(want, sizeof(want), "a%05zu@court.example", hv->v_n);
	if (!hv->v_bad && strncmp(a, want, kl - (size_t)(a - (const char *)k)) != 0) {
		hv->v_bad = 1;
		hv->v_gap = hv->v_n;
		snprintf(hv->v_at, sizeof(hv->v_at), "%.*s",
		    (int)(kl - (size_t)(a - (const char *)k)), a);
	}
	hv->v_n++;
	return 0;
}

static int
hview_fn(struct sdb_txn *t, void *arg)
{
	struct hview *hv = arg;
	char prefix[64];
	int n;

	memset(hv, 0, sizeof(*hv));
	hv->v_txn = sdb_txn_id(t);
	n = snprintf(prefix, sizeof(prefix), "%s%c%s%c", LISTED_COURT, 0,
	    LISTED_DOCKET, 0);
	return sdb_walk(t, SDB_LISTED, prefix, (size_t)n, NULL, 0, hview_one,
	    hv);
}

static void *
hammer_thread(void *arg)
{
	struct hammer *h = arg;
	struct hview hv;
	int rc;

	unsigned long k = 0;

	while (time(NULL) < h->h_end) {
		if (h->h_remap != 0 && ++k % h->h_remap == 0 &&
		    (rc = sdb_remap(st)) != 0) {
			h->h_errors++;
			fprintf(stderr, "remap: %s\n", store_strerror(rc));
		}
		rc = sdb_read(st, hview_fn, &hv);
		if (rc != 0) {
			h->h_errors++;
			fprintf(stderr, "read error: %s\n", store_strerror(rc));
			continue;
		}
		h->h_reads++;
		if (hv.v_n < h->h_last) {
			h->h_errors++;	/* a committed address vanished */
			fprintf(stderr, "vanished: %zu at txn %llu after %zu at "
			    "txn %llu\n", hv.v_n, hv.v_txn, h->h_last,
			    h->h_last_txn);
		}
		if (hv.v_bad) {
			h->h_errors++;	/* a gap: torn view */
			fprintf(stderr, "gap: %s at %zu of %zu, txn %llu\n",
			    hv.v_at, hv.v_gap, hv.v_n, hv.v_txn);
		}
		h->h_last = hv.v_n;
		h->h_last_txn = hv.v_txn;
	}
	return NULL;
}

static int
do_hammer_read(unsigned secs, unsigned nth, unsigned remap)
{
	struct hammer *h = calloc(nth, sizeof(*h));
	unsigned long reads = 0, errors = 0;
	unsigned i;

	for (i = 0; i < nth; i++) {
		h[i].h_end = time(NULL) + secs;
		h[i].h_remap = remap;
		pthread_create(&h[i].h_th, NULL, hammer_thread, &h[i]);
	}
	for (i = 0; i < nth; i++) {
		pthread_join(h[i].h_th, NULL);
		reads += h[i].h_reads;
		errors += h[i].h_errors;
	}
	free(h);
	printf("reads %lu errors %lu\n", reads, errors);
	return errors == 0 && reads > 0 ? 0 : 1;
}

static int
do_count(void)
{
	struct store_stats s;
	int i, rc;

	if ((rc = store_stats(st, &s)) != 0)
		return fail(rc, "stats");
	for (i = 0; i < STORE_T_N; i++)
		printf("%s %llu\n", store_table_name(i),
		    (unsigned long long)s.st_count[i]);
	printf("readers %u\n", s.st_readers_used);
	printf("map %llu\n", (unsigned long long)s.st_map_size);
	return 0;
}

int
main(int argc, char **argv)
{
	const char *cmd;
	char addr[64], qid[32], *a[5];
	struct store_doc d;
	unsigned i, n;
	int rc;

	if (argc < 3)
		return 2;
	dir = argv[1];
	cmd = argv[2];
	argc -= 3;
	argv += 3;
	log_open("storetool", LOG_SINK_STDERR, NULL);
	if (strcmp(cmd, "init") == 0)
		rc = open_store(1, argc > 0 ? strtoull(argv[0], NULL, 10) :
		    1 << 20, argc > 1 ? strtoull(argv[1], NULL, 10) : 0);
	else	/* the store's own size; it may grow to STORETOOL_MAP_MAX */
		rc = open_store(0, 0, getenv("STORETOOL_MAP_MAX") != NULL ?
		    strtoull(getenv("STORETOOL_MAP_MAX"), NULL, 10) : 16 << 20);
	if (rc != 0)
		return rc;
	if (strcmp(cmd, "init") == 0)
		rc = 0;
	else if (strcmp(cmd, "doc") == 0 && argc == 6)
		rc = do_doc(argv);
	else if (strcmp(cmd, "case") == 0 && argc >= 3)
		rc = store_case_seen(st, argv[0], argv[1], argv[2],
		    argc > 3 ? argv[3] : NULL, (int64_t)time(NULL)) ? 3 : 0;
	else if (strcmp(cmd, "listed") == 0 && argc == 3)
		rc = store_listed_add(st, argv[0], argv[1], argv[2],
		    (int64_t)time(NULL)) ? 3 : 0;
	else if (strcmp(cmd, "audit") == 0 && argc >= 5)
		rc = do_audit(argc, argv);
	else if (strcmp(cmd, "get") == 0 && argc == 3) {
		rc = store_doc_get(st, argv[0], argv[1],
		    (unsigned)strtoul(argv[2], NULL, 10), &d);
		printf("%s %s\n", rc == 0 ? "ok" : rc == STORE_ETOMBSTONED ?
		    "tombstoned" : rc == STORE_ENOTFOUND ? "notfound" : "error",
		    d.d_sha256);
		rc = 0;
	} else if (strcmp(cmd, "writer") == 0 && argc == 1)
		rc = do_writer(0, (unsigned)strtoul(argv[0], NULL, 10));
	else if (strcmp(cmd, "writer") == 0 && argc == 2)
		rc = do_writer((unsigned)strtoul(argv[1], NULL, 10),
		    (unsigned)strtoul(argv[0], NULL, 10));
	else if (strcmp(cmd, "verify-writer") == 0)
		rc = do_verify_writer();
	else if (strcmp(cmd, "reader") == 0 && argc == 1) {
		n = (unsigned)strtoul(argv[0], NULL, 10);
		rc = sdb_read(st, sleep_fn, &n) ? 3 : 0;
	} else if (strcmp(cmd, "idle") == 0 && argc == 1) {
		printf("open\n");
		fflush(stdout);
		sleep((unsigned)strtoul(argv[0], NULL, 10));
		rc = 0;
	} else if (strcmp(cmd, "hold-write") == 0 && argc == 1) {
		n = (unsigned)strtoul(argv[0], NULL, 10);
		rc = sdb_write(st, sleep_fn, &n) ? 3 : 0;
	} else if (strcmp(cmd, "hammer-write") == 0 && argc == 1) {
		n = (unsigned)strtoul(argv[0], NULL, 10);
		for (i = 0, rc = 0; rc == 0 && i < n; i++) {
			snprintf(addr, sizeof(addr), "a%05u@court.example", i);
			if ((rc = store_listed_add(st, LISTED_COURT,
			    LISTED_DOCKET, addr, (int64_t)time(NULL))) != 0)
				rc = fail(rc, "listed add");
		}
	} else if (strcmp(cmd, "hammer-read") == 0 && (argc == 2 || argc == 3))
		rc = do_hammer_read((unsigned)strtoul(argv[0], NULL, 10),
		    (unsigned)strtoul(argv[1], NULL, 10),
		    argc == 3 ? (unsigned)strtoul(argv[2], NULL, 10) : 0);
	else if (strcmp(cmd, "audit-burst") == 0 && argc == 2) {
		n = (unsigned)strtoul(argv[0], NULL, 10);
		for (i = 0, rc = 0; rc == 0 && i < n; i++) {
			snprintf(qid, sizeof(qid), "%s%06u", argv[1], i);
			a[0] = qid;
			a[1] = "cand";
			a[2] = "4:22-cv-05541";
			a[3] = "2";
			a[4] = "burst@lawfirm.example,-x@lawfirm.example";
			rc = do_audit(5, a);
		}
	} else if (strcmp(cmd, "count") == 0)
		rc = do_count();
	else
		rc = 2;
	store_close(st);
	return rc;
}
