/*
 * bench_parse: parse every message of the corpus (raw bytes in memory,
 * through the MIME reader and the notice parser) again and again for a
 * few seconds; print notices per second and megabytes per second, for the
 * whole path and for the notice parser alone, as BENCH lines.
 *
 *	bench_parse [-s SECONDS] [-n ROUNDS] FILE...
 *
 * -n runs exactly ROUNDS rounds of each phase instead (for counting
 * instructions with perf stat, where wall time is too noisy).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mime.h"
#include "nef.h"
#include "parsecmd.h"

struct msg {
	char	*m_buf;
	size_t	 m_len;
	struct mime_notice *m_mime;
};

static double	now(void);
static int	load(const char *, struct msg *);

static double
now(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
load(const char *path, struct msg *m)
{
	FILE	*f = fopen(path, "rb");
	long	 n;

	if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0) {
		if (f != NULL)
			fclose(f);
		return -1;
	}
	rewind(f);
	m->m_buf = malloc((size_t)n + 1);
	if (m->m_buf == NULL || fread(m->m_buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		return -1;
	}
	fclose(f);
	m->m_len = (size_t)n;
	return 0;
}

int
main(int argc, char **argv)
{
	struct msg	*msgs;
	struct nef	*n;
	struct nef_input in;
	double		 secs = 3, t0, t;
	long		 rounds = 0, r;
	size_t		 nmsg = 0, i, bytes = 0, tbytes = 0, count = 0, notices = 0;
	int		 ch, ms;

	while ((ch = getopt(argc, argv, "s:n:")) != -1)
		if (ch == 's')
			secs = strtod(optarg, NULL);
		else if (ch == 'n')
			rounds = strtol(optarg, NULL, 10);
	argc -= optind;
	argv += optind;
	if (argc == 0) {
		fprintf(stderr, "usage: bench_parse [-s SECONDS] [-n ROUNDS] FILE...\n");
		return 2;
	}
	mime_init();
	msgs = calloc((size_t)argc, sizeof *msgs);
	if (msgs == NULL)
		return 1;
	for (i = 0; i < (size_t)argc; i++)
		if (load(argv[i], &msgs[nmsg]) == 0)
			bytes += msgs[nmsg++].m_len;
	/* the whole path: bytes -> MIME -> notice */
	t0 = now();
	r = 0;
	do {
		for (i = 0; i < nmsg; i++) {
			if (parsecmd_parse(msgs[i].m_buf, msgs[i].m_len, 0, &n,
			    &ms) != 0)
				return 1;
			notices += n->n_kind != NEF_NOT_NOTICE;
			nef_free(n);
		}
		count += nmsg;
		tbytes += bytes;
		t = now() - t0;
	} while (rounds > 0 ? ++r < rounds : t < secs);
	printf("# %zu messages, %.1f KB on average, %zu parsed per round of "
	    "which %zu notices\n", nmsg, nmsg ? bytes / 1024.0 / nmsg : 0.0,
	    nmsg, notices * nmsg / (count ? count : 1));
	printf("BENCH\tparse: message bytes -> MIME -> notice\t%.0f\t"
	    "messages/s\n", count / t);
	printf("BENCH\tparse: message bytes -> MIME -> notice\t%.1f\tMB/s\n",
	    tbytes / t / 1e6);
	/* the notice parser alone, on the decoded parts */
	for (i = 0; i < nmsg; i++)
		if (mime_read(msgs[i].m_buf, msgs[i].m_len, 0,
		    &msgs[i].m_mime) != MIME_OK)
			msgs[i].m_mime = NULL;
	count = tbytes = 0;
	t0 = now();
	r = 0;
	do {
		for (i = 0; i < nmsg; i++) {
			struct mime_notice *m = msgs[i].m_mime;

			if (m == NULL)
				continue;
			memset(&in, 0, sizeof in);
			in.ni_text = m->mn_text;
			in.ni_len = m->mn_len;
			in.ni_is_html = m->mn_is_html;
			in.ni_subject = m->mn_subject;
			in.ni_from = m->mn_from;
			if (nef_parse(&in, &n) != 0)
				return 1;
			nef_free(n);
			count++;
			tbytes += m->mn_len;
		}
		t = now() - t0;
	} while (rounds > 0 ? ++r < rounds : t < secs);
	printf("BENCH\tparse: decoded text -> notice (nef_parse alone)\t%.0f\t"
	    "notices/s\n", count / t);
	printf("BENCH\tparse: decoded text -> notice (nef_parse alone)\t%.1f\t"
	    "MB/s\n", tbytes / t / 1e6);
	for (i = 0; i < nmsg; i++) {
		mime_notice_free(msgs[i].m_mime);
		free(msgs[i].m_buf);
	}
	free(msgs);
	mime_shutdown();
	return 0;
}
