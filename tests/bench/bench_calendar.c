/*
 * bench_calendar: what reading the calendar costs.  The messages given
 * are parsed once; then, side by side in one run, the notice parser alone
 * (the MIME part already decoded) and the calendar extraction of every
 * docket entry run again and again for a few seconds each.  Prints, as
 * BENCH lines, microseconds per notice parsed, per entry extracted, per
 * notice extracted, and the extraction's share of the parse; also the
 * extraction of the unit tests' docket texts (one file, tab-separated,
 * with -t); and the worst a hostile docket text costs the shipped
 * extractor: 64 KB (the parser's cap on a docket text) and 1, 4 and 16 MB
 * of dates after "set for" (bench_callinear measures the algorithm with
 * the limits lifted).
 *
 *	bench_calendar [-s SECONDS] [-t TEXTS.tsv] FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "calevent.h"
#include "calparse.h"
#include "mime.h"
#include "nef.h"
#include "parsecmd.h"

struct item {
	char			*i_buf;
	size_t			 i_len;
	struct mime_notice	*i_mime;
	struct nef		*i_nef;
};

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
slurp(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*b;
	long	 n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		if (f != NULL)
			fclose(f);
		return NULL;
	}
	rewind(f);
	if ((b = malloc((size_t)n + 1)) == NULL ||
	    fread(b, 1, (size_t)n, f) != (size_t)n) {
		free(b);
		fclose(f);
		return NULL;
	}
	fclose(f);
	b[n] = '\0';
	*len = (size_t)n;
	return b;
}

/* Extract the events of the unit tests' texts: microseconds per text. */
static void
bench_texts(const char *path, double secs, struct calev_set *s)
{
	char		*buf, *p, *t[4096];
	size_t		 len, n = 0, i, rounds = 0, events = 0;
	struct calev_in	 in;
	double		 t0, dt;

	if ((buf = slurp(path, &len)) == NULL)
		return;
	for (p = strtok(buf, "\n"); p != NULL && n < 4096; p = strtok(NULL, "\n"))
		if (p[0] != '#' && (p = strrchr(p, '\t')) != NULL)
			t[n++] = p + 1;
	memset(&in, 0, sizeof(in));
	in.ci_court = "cand";
	in.ci_ref.y = 2027;
	in.ci_ref.m = in.ci_ref.d = 1;
	t0 = now();
	do {
		for (i = 0; i < n; i++) {
			in.ci_text = t[i];
			in.ci_len = strlen(t[i]);
			calev_extract(&in, s);
			events += s->s_n;
		}
		rounds++;
	} while ((dt = now() - t0) < secs);
	printf("BENCH\tcalendar: extraction, written docket texts (%zu)\t%.2f\t"
	    "us/text\n", n, dt * 1e6 / (double)(rounds * n));
	fprintf(stderr, "%zu events per round\n", events / rounds);
	free(buf);
}

/* The shipped extractor on hostile text: ms per text, by size. */
static void
bench_hostile(struct calev_set *s)
{
	static const size_t	 kb[] = { 64, 1024, 4096, 16384 };
	const char		*unit = "Hearing set for 3/4/2027 ";
	struct calev_in		 in;
	size_t			 i, k, u = strlen(unit), len;
	char			*b;
	double			 t0;

	for (k = 0; k < sizeof(kb) / sizeof(kb[0]); k++) {
		len = kb[k] << 10;
		if ((b = malloc(len + 1)) == NULL)
			return;
		for (i = 0; i < len; i++)
			b[i] = unit[i % u];
		b[len] = '\0';
		memset(&in, 0, sizeof(in));
		in.ci_text = b;
		in.ci_len = len;
		in.ci_court = "txwd";
		in.ci_ref.y = 2027;
		in.ci_ref.m = in.ci_ref.d = 1;
		t0 = now();
		calev_extract(&in, s);
		printf("BENCH\tcalendar: hostile docket text of %zu KB (dates "
		    "after \"set for\")\t%.2f\tms/text\n", kb[k],
		    (now() - t0) * 1e3);
		free(b);
	}
}

int
main(int argc, char **argv)
{
	struct item	*v;
	struct calev_set *s = calloc(1, sizeof(*s));
	struct nef_input in;
	struct nef	*n;
	const char	*texts = NULL;
	double		 secs = 3, t0, dt, parse_us, ext_us;
	size_t		 nv = 0, entries = 0, i, c, rounds;
	int		 ch, ms;

	while ((ch = getopt(argc, argv, "s:t:")) != -1) {
		if (ch == 's')
			secs = strtod(optarg, NULL);
		else if (ch == 't')
			texts = optarg;
		else
			return 2;
	}
	if (s == NULL || (v = calloc((size_t)argc, sizeof(*v))) == NULL)
		return 1;
	mime_init();
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		struct item *it = &v[nv];

		if ((it->i_buf = slurp(argv[i], &it->i_len)) == NULL ||
		    mime_read(it->i_buf, it->i_len, 0, &it->i_mime) != MIME_OK ||
		    parsecmd_parse(it->i_buf, it->i_len, 0, &it->i_nef, &ms) != 0 ||
		    it->i_nef->n_kind == NEF_NOT_NOTICE) {
			if (it->i_nef != NULL)
				nef_free(it->i_nef);
			mime_notice_free(it->i_mime);
			free(it->i_buf);
			memset(it, 0, sizeof(*it));
			continue;
		}
		entries += it->i_nef->n_ncases;
		nv++;
	}
	if (nv == 0) {
		fprintf(stderr, "bench_calendar: no notice\n");
		return 1;
	}
	rounds = 0;
	t0 = now();
	do {
		for (i = 0; i < nv; i++) {
			memset(&in, 0, sizeof(in));
			in.ni_text = v[i].i_mime->mn_text;
			in.ni_len = v[i].i_mime->mn_len;
			in.ni_is_html = v[i].i_mime->mn_is_html;
			in.ni_subject = v[i].i_mime->mn_subject;
			if (nef_parse(&in, &n) == 0)
				nef_free(n);
		}
		rounds++;
	} while ((dt = now() - t0) < secs);
	parse_us = dt * 1e6 / (double)(rounds * nv);
	rounds = 0;
	t0 = now();
	do {
		for (i = 0; i < nv; i++)
			for (c = 0; c < v[i].i_nef->n_ncases; c++)
				calparse_case(v[i].i_nef, c, 0, NULL, s);
		rounds++;
	} while ((dt = now() - t0) < secs);
	ext_us = dt * 1e6 / (double)(rounds * nv);
	printf("BENCH\tcalendar: notice parser, per notice (%zu notices)\t%.2f\tus/notice\n",
	    nv, parse_us);
	printf("BENCH\tcalendar: extraction, per docket entry (%zu entries)\t%.2f\tus/entry\n",
	    entries, dt * 1e6 / (double)(rounds * entries));
	printf("BENCH\tcalendar: extraction, per notice\t%.2f\tus/notice\n", ext_us);
	printf("BENCH\tcalendar: extraction / notice parser\t%.3f\tratio\n",
	    ext_us / parse_us);
	if (texts != NULL)
		bench_texts(texts, secs, s);
	bench_hostile(s);
	for (i = 0; i < nv; i++) {
		nef_free(v[i].i_nef);
		mime_notice_free(v[i].i_mime);
		free(v[i].i_buf);
	}
	free(v);
	free(s);
	mime_shutdown();
	return 0;
}
