/*
 * test_calheldout: the calendar extractor on a held-out table,
 * tests/data/calendar/heldout.tsv: docket texts written in the styles of
 * district, bankruptcy and appellate courts by someone other than the
 * extractor's author, labelled before the extractor was run on them, and
 * kept apart from the development table (texts.tsv) so that they measure
 * the extractor rather than repeat its rules.
 *
 * An event counts as found when kind, cancellation, date, time and zone
 * agree (two zone names agree when their rules do: America/New_York and
 * America/Indiana/Indianapolis); the title is for the reader.  Prints
 * precision and recall and every miss; fails below the floors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "calevent.h"
#include "courttz.h"
#include "fixture.h"

#define PRECISION_FLOOR	0.97
#define RECALL_FLOOR	0.97

struct want {
	char	w_kind[4];	/* "D", "H", "D!", "H!" */
	char	w_date[16];	/* YYYY-MM-DD or "-" */
	char	w_time[8];	/* HH:MM or "-" */
	char	w_tz[48];
};

/* Do two IANA names give the same local times from now on? */
static int
same_zone(const char *a, const char *b)
{
	const struct courttz_rules *ra, *rb;

	if (a == NULL || b == NULL)
		return a == b;
	if (strcmp(a, b) == 0)
		return 1;
	ra = courttz_rules(a);
	rb = courttz_rules(b);
	return ra != NULL && rb != NULL && ra->tr_std == rb->tr_std &&
	    ra->tr_dst == rb->tr_dst;
}

/* "H! 2027-03-02 - America/Chicago Motion Hearing ; D ..." -> wants. */
static size_t
parse_wants(char *s, struct want *w, size_t max)
{
	char	*one, *save, *tok[4], *ts;
	size_t	 n = 0, k;

	if (strcmp(s, "none") == 0)
		return 0;
	for (one = strtok_r(s, ";", &save); one != NULL;
	    one = strtok_r(NULL, ";", &save)) {
		assert_true(n < max);
		for (k = 0, tok[0] = strtok_r(one, " ", &ts); k < 3 &&
		    tok[k] != NULL; k++)
			tok[k + 1] = strtok_r(NULL, " ", &ts);
		if (k < 3 || tok[3] == NULL)
			fail_msg("bad expected event: %s", one);
		snprintf(w[n].w_kind, sizeof w[n].w_kind, "%s", tok[0]);
		snprintf(w[n].w_date, sizeof w[n].w_date, "%s", tok[1]);
		snprintf(w[n].w_time, sizeof w[n].w_time, "%s", tok[2]);
		snprintf(w[n].w_tz, sizeof w[n].w_tz, "%s", tok[3]);
		n++;
	}
	return n;
}

static int
matches(const struct calev *e, const struct want *w)
{
	char	k[4], d[16], t[16];

	snprintf(k, sizeof k, "%c%s", e->e_kind == CALEV_DEADLINE ? 'D' : 'H',
	    e->e_cancelled ? "!" : "");
	if (e->e_has_date)
		snprintf(d, sizeof d, "%04d-%02d-%02d", e->e_date.y,
		    e->e_date.m, e->e_date.d);
	else
		snprintf(d, sizeof d, "-");
	if (e->e_minute >= 0)
		snprintf(t, sizeof t, "%02d:%02d", e->e_minute / 60,
		    e->e_minute % 60);
	else
		snprintf(t, sizeof t, "-");
	return strcmp(k, w->w_kind) == 0 && strcmp(d, w->w_date) == 0 &&
	    strcmp(t, w->w_time) == 0 && same_zone(e->e_tz, w->w_tz);
}

/* One line of the table: counts into tp, fp, fn. */
static void
one_text(char *ref, char *court, char *events, char *text,
    struct calev_set *o, size_t *tp, size_t *fp, size_t *fn)
{
	struct calev_in	 in;
	struct want	 w[CALEV_MAX];
	int		 used[CALEV_MAX] = { 0 }, hit[CALEV_MAX] = { 0 };
	size_t		 nw, i, j, miss = 0;

	memset(&in, 0, sizeof in);
	in.ci_text = text;
	in.ci_len = strlen(text);
	in.ci_court = court;
	if (sscanf(ref, "%d-%d-%d", &in.ci_ref.y, &in.ci_ref.m,
	    &in.ci_ref.d) != 3)
		fail_msg("bad reference date %s", ref);
	calev_extract(&in, o);
	nw = parse_wants(events, w, CALEV_MAX);
	for (j = 0; j < nw; j++) {
		for (i = 0; i < o->s_n; i++)
			if (!used[i] && matches(&o->s_ev[i], &w[j]))
				break;
		if (i < o->s_n) {
			used[i] = hit[j] = 1;
			(*tp)++;
		} else {
			(*fn)++;
			miss++;
		}
	}
	for (i = 0; i < o->s_n; i++)
		if (!used[i]) {
			(*fp)++;
			miss++;
		}
	if (miss == 0)
		return;
	printf("# held-out miss (%s %s): %.160s\n", ref, court, text);
	for (j = 0; j < nw; j++)
		if (!hit[j])
			printf("#   missed:   %s %s %s %s\n", w[j].w_kind,
			    w[j].w_date, w[j].w_time, w[j].w_tz);
	for (i = 0; i < o->s_n; i++) {
		const struct calev *e = &o->s_ev[i];

		if (!used[i])
			printf("#   spurious: %c%s %04d-%02d-%02d %d %s \"%s\"\n",
			    e->e_kind == CALEV_DEADLINE ? 'D' : 'H',
			    e->e_cancelled ? "!" : "", e->e_date.y, e->e_date.m,
			    e->e_date.d, e->e_minute, e->e_tz ? e->e_tz : "-",
			    e->e_title);
	}
}

static void
test_heldout(void **state)
{
	struct calev_set *o = calloc(1, sizeof(*o));
	const char	*top = getenv("TOP");
	char		 path[1024], *buf, *line, *save, *f[4];
	size_t		 len, texts = 0, tp = 0, fp = 0, fn = 0;
	double		 p, r;

	(void)state;
	assert_non_null(o);
	snprintf(path, sizeof path, "%s/tests/data/calendar/heldout.tsv",
	    top != NULL ? top : ".");
	if ((buf = fixture_read(path, &len)) == NULL)
		fail_msg("cannot read %s", path);
	for (line = strtok_r(buf, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (line[0] == '#' || line[0] == '\0')
			continue;
		fixture_tsv(line, f, 4);
		texts++;
		one_text(f[0], f[1], f[2], f[3], o, &tp, &fp, &fn);
	}
	p = tp + fp ? (double)tp / (double)(tp + fp) : 1.0;
	r = tp + fn ? (double)tp / (double)(tp + fn) : 1.0;
	printf("# calendar extraction, held-out table: %zu texts, %zu events "
	    "labelled (%zu found, %zu spurious, %zu missed); precision %.3f, "
	    "recall %.3f\n", texts, tp + fn, tp, fp, fn, p, r);
	free(buf);
	free(o);
	assert_true(texts >= 60);
	assert_true(p >= PRECISION_FLOOR);
	assert_true(r >= RECALL_FLOOR);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_heldout),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
