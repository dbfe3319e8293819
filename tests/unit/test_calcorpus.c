/*
 * test_calcorpus: the calendar extractor on the docket texts of the real
 * notices of the corpus ($NEF_CORPUS, read in place), against the hand
 * labels of tests/data/calendar/corpus-labels.tsv (written from the docket
 * texts alone, without the extractor's output).  Every notice of the
 * corpus is read: an event on an entry without a label is a false
 * positive.  An event matches a label on kind, date, time and
 * cancellation.  Prints precision and recall; fails below the floors.
 */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "calparse.h"
#include "fixture.h"
#include "mime.h"
#include "nef.h"
#include "parsecmd.h"

#define PRECISION_FLOOR	0.95
#define RECALL_FLOOR	0.95
#define MAXLABELS	256

struct label {
	char	file[256];
	size_t	ci;
	char	ev[64];		/* "hearing 2023-01-19 14:00 no" */
	int	used;
};

static struct label	labels[MAXLABELS];
static size_t		nlabels;
static size_t		tp, fp, fn, nfiles, nentries;

static void
load_labels(void)
{
	const char	*top = getenv("TOP");
	char		 path[1024], *buf, *line, *save, *f[7];
	size_t		 len;

	snprintf(path, sizeof path, "%s/tests/data/calendar/corpus-labels.tsv",
	    top != NULL ? top : ".");
	if ((buf = fixture_read(path, &len)) == NULL)
		fail_msg("cannot read %s", path);
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#')
			continue;
		fixture_tsv(line, f, 7);
		assert_true(nlabels < MAXLABELS);
		snprintf(labels[nlabels].file, sizeof labels[0].file, "%s", f[0]);
		labels[nlabels].ci = strtoul(f[1], NULL, 10);
		snprintf(labels[nlabels].ev, sizeof labels[0].ev, "%s %s %s %s",
		    f[2], f[3], f[4], f[5]);
		nlabels++;
	}
	free(buf);
}

static void
check_file(const char *corpus, const char *rel)
{
	char		 path[1024], ev[64], t[16], d[16];
	char		*msg;
	size_t		 len = 0, ci, i, k;
	struct nef	*n = NULL;
	struct calev_set *s = calloc(1, sizeof(*s));
	int		 ms;

	snprintf(path, sizeof path, "%s/%s", corpus, rel);
	if ((msg = fixture_read(path, &len)) == NULL)
		fail_msg("cannot read %s", path);
	assert_int_equal(parsecmd_parse(msg, len, 0, &n, &ms), 0);
	nfiles++;
	for (ci = 0; ci < n->n_ncases; ci++) {
		nentries++;
		calparse_case(n, ci, 0, NULL, s);
		for (i = 0; i < s->s_n; i++) {
			const struct calev *e = &s->s_ev[i];

			if (e->e_has_date)
				calparse_date(&e->e_date, d, sizeof d);
			else
				snprintf(d, sizeof d, "-");
			if (e->e_minute >= 0)
				snprintf(t, sizeof t, "%02d:%02d",
				    e->e_minute / 60 % 24, e->e_minute % 60);
			else
				snprintf(t, sizeof t, "-");
			snprintf(ev, sizeof ev, "%s %s %s %s",
			    calev_kind_name(e->e_kind), d, t,
			    e->e_cancelled ? "yes" : "no");
			for (k = 0; k < nlabels; k++)
				if (!labels[k].used && labels[k].ci == ci &&
				    strcmp(labels[k].file, rel) == 0 &&
				    strcmp(labels[k].ev, ev) == 0)
					break;
			if (k < nlabels) {
				labels[k].used = 1;
				tp++;
			} else {
				fp++;
				printf("# false positive: %s case %zu: %s \"%s\"\n",
				    rel, ci, ev, e->e_title);
			}
		}
	}
	nef_free(n);
	free(msg);
	free(s);
}

static void
walk(const char *corpus, const char *dir)
{
	char		 path[1024], rel[512];
	DIR		*dp;
	struct dirent	*de;
	char		*names[512];
	size_t		 n = 0, i, l;

	snprintf(path, sizeof path, "%s/%s", corpus, dir);
	if ((dp = opendir(path)) == NULL)
		return;
	while ((de = readdir(dp)) != NULL && n < 512) {
		l = strlen(de->d_name);
		if (de->d_name[0] == '.' || (l > 5 &&
		    strcmp(de->d_name + l - 5, ".json") == 0))
			continue;
		names[n++] = strdup(de->d_name);
	}
	closedir(dp);
	for (i = 0; i < n; i++) {
		snprintf(rel, sizeof rel, "%s/%s", dir, names[i]);
		if (strchr(names[i], '.') != NULL || strstr(dir, "recap") != NULL)
			check_file(corpus, rel);
		free(names[i]);
	}
}

static void
test_corpus(void **state)
{
	const char	*corpus = getenv("NEF_CORPUS");
	char		 probe[1024];
	size_t		 k;
	double		 p, r;
	DIR		*dp;

	(void)state;
	if (corpus == NULL) {
		printf("# SKIP: NEF_CORPUS not set: corpus not checked\n");
		skip();
	}
	snprintf(probe, sizeof probe, "%s/juriscraper", corpus);
	if ((dp = opendir(probe)) == NULL) {
		printf("# SKIP: no corpus at %s\n", corpus);
		skip();
	}
	closedir(dp);
	mime_init();
	load_labels();
	walk(corpus, "juriscraper/nef/s3");
	walk(corpus, "juriscraper/nef");
	walk(corpus, "juriscraper/nda");
	walk(corpus, "courtlistener/recap_test_assets");
	for (k = 0; k < nlabels; k++)
		if (!labels[k].used) {
			fn++;
			printf("# missed: %s case %zu: %s\n", labels[k].file,
			    labels[k].ci, labels[k].ev);
		}
	p = tp + fp ? (double)tp / (double)(tp + fp) : 1.0;
	r = tp + fn ? (double)tp / (double)(tp + fn) : 1.0;
	printf("# calendar extraction, corpus (blind labels): %zu notices, %zu "
	    "entries, %zu events labelled; precision %.3f, recall %.3f\n",
	    nfiles, nentries, tp + fn, p, r);
	mime_shutdown();
	assert_true(nfiles >= 100);
	assert_true(p >= PRECISION_FLOOR);
	assert_true(r >= RECALL_FLOOR);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
