/*
 * NAME
 *	bench_store - documents served from the store, against a plain read
 * SUMMARY
 *	what a second copy of a notice costs nefmilter once its documents
 *	are stored, in bytes per second, side by side with cat speed
 * SYNOPSIS
 *	bench_store [-s SECONDS] [-r ROUNDS] [-n DOCS] [-b BYTES] [-k K]
 *	    -m NOTICE DIR
 * DESCRIPTION
 *	Creates a store in DIR (a new or empty directory), stores DOCS
 *	documents of BYTES bytes each (pseudo-random, so incompressible like
 *	a real PDF), reads them all once so that they are in the page cache,
 *	then measures, in ROUNDS rounds of SECONDS / ROUNDS / 3 seconds per
 *	phase (the phases take turns within each round, so that each ratio
 *	is taken within one round):
 *
 *	read	each file opened and read to the end in 64 KB blocks, what
 *		cat(1) does: the ceiling for any way of serving the bytes;
 *	serve	a notice of K documents served as the daemon serves a copy
 *		whose documents are stored (docs.c, rewrite.c): for each
 *		document store_doc_get(), store_doc_verify() (size) and
 *		store_doc_open(); then rewrite_body() with the NOTICE message
 *		and the K documents streamed through the base64 encoder, its
 *		output thrown away;
 *	daemon	the same, with the output written into an unlinked temporary
 *		file under DIR/tmp and read back in REWRITE_CHUNK blocks, as
 *		pipeline.c does before it hands the body to the MTA.
 *
 *	The bytes counted are the documents' own bytes (not the base64
 *	text).  Prints BENCH lines (tests/bench/run): the median rate of
 *	each phase over the rounds, the medians of the paired ratios
 *	serve/read and daemon/read, and the time one copy of such a notice
 *	takes.
 * DIAGNOSTICS
 *	Exit status 0; 1 when the store cannot be set up or a phase fails
 *	(a message on standard error); 2 on a usage error.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "log.h"
#include "mime.h"
#include "rewrite.h"
#include "sha.h"
#include "store.h"
#include "store_doc.h"

#define BS_MAX_DOCS	4096
#define BS_MAX_K	64
#define BS_MAX_ROUNDS	99
#define BS_MAX_BYTES	(256u * 1024 * 1024)
#define BS_MAX_NOTICE	(4u * 1024 * 1024)
#define BS_BLOCK	65536
#define BS_COURT	"cand"
#define BS_DOCKET	"4:22-cv-05541"

enum bs_phase { BS_READ, BS_SERVE, BS_DAEMON, BS_NPHASE };

static const char *const bs_phase_name[BS_NPHASE] = { "read", "serve", "daemon" };

struct bs {
	struct store	*b_store;
	const char	*b_dir;
	unsigned	 b_ndocs;
	unsigned	 b_k;
	uint64_t	 b_bytes;
	char		*b_notice;
	size_t		 b_notice_len;
	char		 b_sha[BS_MAX_DOCS][STORE_SHA_HEX + 1];
	unsigned	 b_next;	/* next document to serve */
	int		 b_tmpfd;	/* the daemon phase's body file */
	uint64_t	 b_written;	/* its length */
	unsigned char	 b_block[BS_BLOCK];
};

static double	bs_now(void);
static int	bs_usage(void);
static int	bs_load_notice(struct bs *, const char *);
static int	bs_fill(struct bs *);
static int	bs_put(struct bs *, unsigned, uint64_t *);
static int	bs_read_one(struct bs *, unsigned);
static int	bs_serve_one(struct bs *, int daemon);
static int	bs_sink(void *, const char *, size_t);
static int	bs_file_sink(void *, const char *, size_t);
static int	bs_phase(struct bs *, enum bs_phase, double secs, double *rate,
		    double *per_notice);
static int	bs_cmp(const void *, const void *);
static double	bs_median(double *, size_t);
static int	bs_options(int, char **, struct bs *, double *, unsigned *,
		    const char **);
static int	bs_setup(struct bs *, const char *);

static double
bs_now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
bs_usage(void)
{
	fputs("usage: bench_store [-s SECONDS] [-r ROUNDS] [-n DOCS] [-b BYTES] "
	    "[-k K] -m NOTICE DIR\n", stderr);
	return 2;
}

static int
bs_load_notice(struct bs *b, const char *path)
{
	struct stat	 sb;
	ssize_t		 n;
	size_t		 got = 0;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) < 0 || fstat(fd, &sb) != 0 ||
	    sb.st_size <= 0 || (uint64_t)sb.st_size > BS_MAX_NOTICE) {
		fprintf(stderr, "bench_store: %s: cannot read, or not 1..%u bytes\n",
		    path, BS_MAX_NOTICE);
		if (fd >= 0)
			close(fd);
		return -1;
	}
	b->b_notice_len = (size_t)sb.st_size;
	if ((b->b_notice = malloc(b->b_notice_len + 1)) == NULL) {
		close(fd);
		return -1;
	}
	while (got < b->b_notice_len &&
	    (n = read(fd, b->b_notice + got, b->b_notice_len - got)) > 0)
		got += (size_t)n;
	close(fd);
	b->b_notice[got] = '\0';
	return got == b->b_notice_len ? 0 : -1;
}

/* Write document i into DIR/tmp, hash it, and store it. */
static int
bs_put(struct bs *b, unsigned i, uint64_t *x)
{
	struct store_doc	 d;
	struct sha		*h;
	char			 path[4096];
	uint64_t		 left = b->b_bytes;
	size_t			 n, j;
	int			 fd, rc;

	snprintf(path, sizeof(path), "%s/tmp/bench.%u", b->b_dir, i);
	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0) {
		fprintf(stderr, "bench_store: %s: %s\n", path, strerror(errno));
		return -1;
	}
	h = sha_new();
	while (left > 0) {
		n = left < BS_BLOCK ? (size_t)left : BS_BLOCK;
		for (j = 0; j + 8 <= n; j += 8) {
			/* xorshift64: fast, incompressible enough */
			*x ^= *x << 13;
			*x ^= *x >> 7;
			*x ^= *x << 17;
			memcpy(b->b_block + j, x, 8);
		}
		for (; j < n; j++)
			b->b_block[j] = (unsigned char)j;
		if (i == 0 && left == b->b_bytes && n >= 8)
			memcpy(b->b_block, "%PDF-1.4", 8);
		sha_update(h, b->b_block, n);
		if (write(fd, b->b_block, n) != (ssize_t)n) {
			fprintf(stderr, "bench_store: %s: short write\n", path);
			close(fd);
			sha_free(h);
			return -1;
		}
		left -= n;
	}
	close(fd);
	memset(&d, 0, sizeof(d));
	snprintf(d.d_court, sizeof(d.d_court), "%s", BS_COURT);
	snprintf(d.d_key, sizeof(d.d_key), "0351%08u", i);
	d.d_att = 0;
	snprintf(d.d_docket, sizeof(d.d_docket), "%s", BS_DOCKET);
	d.d_entry = 1000 + i;
	sha_hex(h, d.d_sha256);
	h = sha_free(h);
	d.d_size = b->b_bytes;
	snprintf(d.d_label, sizeof(d.d_label), "cand 4-22-cv-05541 ECF %u.pdf", 1000 + i);
	snprintf(d.d_desc, sizeof(d.d_desc), "Exhibit %u", i);
	if ((rc = store_doc_put(b->b_store, &d, path, (int64_t)time(NULL))) != 0) {
		fprintf(stderr, "bench_store: store_doc_put: %s\n", store_strerror(rc));
		unlink(path);
		return -1;
	}
	memcpy(b->b_sha[i], d.d_sha256, sizeof(b->b_sha[i]));
	return 0;
}

static int
bs_fill(struct bs *b)
{
	uint64_t	x = 0x9e3779b97f4a7c15ull;
	unsigned	i;

	for (i = 0; i < b->b_ndocs; i++)
		if (bs_put(b, i, &x) != 0)
			return -1;
	return 0;
}

/* Read one stored file to the end, as cat does; -1 on a short read. */
static int
bs_read_one(struct bs *b, unsigned i)
{
	char		path[4096];
	uint64_t	total = 0;
	ssize_t		n;
	int		fd;

	if (store_doc_path(b->b_store, b->b_sha[i], path, sizeof(path)) != 0 ||
	    (fd = open(path, O_RDONLY)) < 0)
		return -1;
	while ((n = read(fd, b->b_block, sizeof(b->b_block))) > 0)
		total += (uint64_t)n;
	close(fd);
	return n == 0 && total == b->b_bytes ? 0 : -1;
}

static int
bs_sink(void *arg, const char *buf, size_t len)
{
	uint64_t	*total = arg;

	(void)buf;
	*total += len;
	return 0;
}

static int
bs_file_sink(void *arg, const char *buf, size_t len)
{
	struct bs	*b = arg;
	ssize_t		 n;

	while (len > 0) {
		if ((n = write(b->b_tmpfd, buf, len)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
		b->b_written += (uint64_t)n;
	}
	return 0;
}

/* Serve one notice of b_k stored documents; 0 or -1. */
static int
bs_serve_one(struct bs *b, int daemon)
{
	struct store_doc	 d[BS_MAX_K];
	struct rewrite_doc	 rd[BS_MAX_K];
	struct rewrite_req	 r;
	struct rewrite_res	 res;
	char			 key[STORE_DOCKEY_MAX + 1], err[160];
	static char		 chunk[REWRITE_CHUNK];
	uint64_t		 out = 0;
	unsigned		 i, n;
	ssize_t			 got;
	int			 rc = -1;

	for (n = 0; n < b->b_k; n++) {
		snprintf(key, sizeof(key), "0351%08u", b->b_next);
		b->b_next = (b->b_next + 1) % b->b_ndocs;
		memset(&rd[n], 0, sizeof(rd[n]));
		rd[n].rd_fd = -1;
		if (store_doc_get(b->b_store, BS_COURT, key, 0, &d[n]) != 0 ||
		    store_doc_verify(b->b_store, &d[n], 0) != 0 ||
		    store_doc_open(b->b_store, &d[n], &rd[n].rd_fd) != 0) {
			fprintf(stderr, "bench_store: document %s is not served\n", key);
			n++;
			goto out;
		}
		rd[n].rd_size = d[n].d_size;
		rd[n].rd_filename = d[n].d_label;
		rd[n].rd_description = d[n].d_desc;
	}
	memset(&r, 0, sizeof(r));
	r.rr_msg = b->b_notice;
	r.rr_len = b->b_notice_len;
	r.rr_sum_text = "Documents attached: see below.\n\n";
	r.rr_sum_html = "<p>Documents attached: see below.</p>";
	r.rr_docs = rd;
	r.rr_ndocs = b->b_k;
	if (daemon) {
		if (ftruncate(b->b_tmpfd, 0) != 0 || lseek(b->b_tmpfd, 0, SEEK_SET) != 0)
			goto out;
		b->b_written = 0;
		if (rewrite_body(&r, bs_file_sink, b, &res, err, sizeof(err)) != 0)
			goto fail;
		if (lseek(b->b_tmpfd, 0, SEEK_SET) != 0)
			goto out;
		while ((got = read(b->b_tmpfd, chunk, sizeof(chunk))) > 0)
			out += (uint64_t)got;
		if (got < 0 || out != b->b_written)
			goto out;
	} else if (rewrite_body(&r, bs_sink, &out, &res, err, sizeof(err)) != 0)
		goto fail;
	rc = 0;
	goto out;
fail:
	fprintf(stderr, "bench_store: rewrite: %s\n", err);
out:
	for (i = 0; i < n; i++)
		if (rd[i].rd_fd >= 0)
			close(rd[i].rd_fd);
	return rc;
}

/* Run one phase for secs seconds: document bytes per second into *rate,
 * and for the serving phases the seconds per notice into *per_notice. */
static int
bs_phase(struct bs *b, enum bs_phase ph, double secs, double *rate,
    double *per_notice)
{
	double		t0 = bs_now(), t;
	uint64_t	bytes = 0, units = 0;
	unsigned	i = 0;

	do {
		if (ph == BS_READ) {
			if (bs_read_one(b, i) != 0)
				return -1;
			i = (i + 1) % b->b_ndocs;
			bytes += b->b_bytes;
		} else {
			if (bs_serve_one(b, ph == BS_DAEMON) != 0)
				return -1;
			bytes += b->b_bytes * b->b_k;
		}
		units++;
		t = bs_now() - t0;
	} while (t < secs);
	*rate = (double)bytes / t;
	*per_notice = t / (double)units;
	return 0;
}

static int
bs_cmp(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double
bs_median(double *v, size_t n)
{
	qsort(v, n, sizeof(*v), bs_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Options into b, *secs, *rounds, *notice; 0, or 2 on a usage error. */
static int
bs_options(int argc, char **argv, struct bs *b, double *secs,
    unsigned *rounds, const char **notice)
{
	long	v;
	int	ch;

	while ((ch = getopt(argc, argv, "b:k:m:n:r:s:")) != -1) {
		v = optarg != NULL ? strtol(optarg, NULL, 10) : 0;
		switch (ch) {
		case 'b':
			if (v < 1 || (unsigned long)v > BS_MAX_BYTES)
				return bs_usage();
			b->b_bytes = (uint64_t)v;
			break;
		case 'k':
			if (v < 1 || v > BS_MAX_K)
				return bs_usage();
			b->b_k = (unsigned)v;
			break;
		case 'm':
			*notice = optarg;
			break;
		case 'n':
			if (v < 1 || v > BS_MAX_DOCS)
				return bs_usage();
			b->b_ndocs = (unsigned)v;
			break;
		case 'r':
			if (v < 1 || v > BS_MAX_ROUNDS)
				return bs_usage();
			*rounds = (unsigned)v;
			break;
		case 's':
			*secs = strtod(optarg, NULL);
			if (!(*secs > 0 && *secs < 3600))
				return bs_usage();
			break;
		default:
			return bs_usage();
		}
	}
	if (*notice == NULL || optind != argc - 1)
		return bs_usage();
	b->b_dir = argv[optind];
	return 0;
}

/* Open the store, fill it, open the body file, warm the page cache. */
static int
bs_setup(struct bs *b, const char *notice)
{
	struct store_opts	 o;
	char			 path[4096];
	unsigned		 i;
	int			 rc;

	log_open("bench_store", LOG_SINK_STDERR, NULL);
	if (mime_init() != 0 || bs_load_notice(b, notice) != 0)
		return -1;
	memset(&o, 0, sizeof(o));
	o.so_dir = b->b_dir;
	o.so_map_size = 64ull * 1024 * 1024;
	o.so_max_readers = 126;
	o.so_retention = 30 * 86400;
	o.so_create = 1;
	if ((rc = store_open(&o, &b->b_store)) != 0) {
		fprintf(stderr, "bench_store: store_open %s: %s\n", b->b_dir,
		    store_strerror(rc));
		return -1;
	}
	if (bs_fill(b) != 0)
		return -1;
	snprintf(path, sizeof(path), "%s/tmp/body.XXXXXX", b->b_dir);
	if ((b->b_tmpfd = mkstemp(path)) < 0) {
		fprintf(stderr, "bench_store: %s: %s\n", path, strerror(errno));
		return -1;
	}
	unlink(path);
	for (i = 0; i < b->b_ndocs; i++)
		if (bs_read_one(b, i) != 0) {
			fprintf(stderr, "bench_store: stored file %u unreadable\n", i);
			return -1;
		}
	return 0;
}

int
main(int argc, char **argv)
{
	static struct bs	 b;
	double			 secs = 6, rate[BS_NPHASE][BS_MAX_ROUNDS];
	double			 ratio[BS_NPHASE][BS_MAX_ROUNDS], per[BS_MAX_ROUNDS];
	double			 pn, t;
	const char		*notice = NULL;
	unsigned		 rounds = 5, r, p, i;
	int			 rc;

	b.b_ndocs = 24;
	b.b_k = 3;
	b.b_bytes = 1024 * 1024;
	if ((rc = bs_options(argc, argv, &b, &secs, &rounds, &notice)) != 0)
		return rc;
	if (bs_setup(&b, notice) != 0)
		return 1;
	t = secs / rounds / BS_NPHASE;
	printf("%u documents of %llu bytes; notices of %u documents; %u rounds "
	    "of %.2f s per phase\n", b.b_ndocs, (unsigned long long)b.b_bytes,
	    b.b_k, rounds, t);
	for (r = 0; r < rounds; r++) {
		for (i = 0; i < BS_NPHASE; i++) {
			p = (i + r) % BS_NPHASE;	/* rotate the order */
			if (bs_phase(&b, p, t, &rate[p][r], &pn) != 0) {
				fprintf(stderr, "bench_store: phase %s failed\n",
				    bs_phase_name[p]);
				return 1;
			}
			if (p == BS_DAEMON)
				per[r] = pn;
		}
		for (p = 0; p < BS_NPHASE; p++)
			ratio[p][r] = rate[p][r] / rate[BS_READ][r];
		printf("round %u: read %.0f MB/s, serve %.0f MB/s, daemon %.0f MB/s\n",
		    r + 1, rate[BS_READ][r] / 1e6, rate[BS_SERVE][r] / 1e6,
		    rate[BS_DAEMON][r] / 1e6);
	}
	printf("BENCH\tstore: plain read of the stored files (cat speed)\t%.0f\tMB/s\n",
	    bs_median(rate[BS_READ], rounds) / 1e6);
	printf("BENCH\tstore: served (get+open+base64 rewrite)\t%.0f\tMB/s (output dropped)\n",
	    bs_median(rate[BS_SERVE], rounds) / 1e6);
	printf("BENCH\tstore: served, daemon path (+ body temp file)\t%.0f\tMB/s\n",
	    bs_median(rate[BS_DAEMON], rounds) / 1e6);
	printf("BENCH\tstore: served/plain read\t%.3f\tratio (paired, %u rounds)\n",
	    bs_median(ratio[BS_SERVE], rounds), rounds);
	printf("BENCH\tstore: served, daemon path/plain read\t%.3f\tratio (paired, %u rounds)\n",
	    bs_median(ratio[BS_DAEMON], rounds), rounds);
	printf("BENCH\tstore: one copy of a %u-doc notice (%.1f MB), daemon path\t%.2f\tms\n",
	    b.b_k, (double)(b.b_bytes * b.b_k) / 1e6, bs_median(per, rounds) * 1e3);
	close(b.b_tmpfd);
	store_close(b.b_store);
	free(b.b_notice);
	return 0;
}
