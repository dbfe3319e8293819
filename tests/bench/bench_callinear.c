/*
 * bench_callinear: does the calendar extractor's work grow linearly with
 * its text?  The shipped extractor reads at most CALEV_SCAN_MAX (64 KB)
 * and judges at most CALEV_DATES_MAX dates, which bounds any text; this
 * program builds the extractor's sources again with both limits lifted
 * (a 32 MB scan), so that the algorithm itself is measured, on 1, 4 and
 * 16 MB of hostile text: dates after "set for", dates after "due by",
 * dates inside one long word ("(1-2-2027" repeated), bare dates, one
 * word without blanks, dateless cancellations, and text that needs
 * folding (no-break spaces).  CPU time, best of BENCH_LINEAR_REPS (1).
 * Prints BENCH lines: microseconds per KB at each size, and the ratio of
 * the 16 MB figure to the 1 MB one (1.0 for linear work; a quadratic walk
 * gives 16).
 *
 *	bench_callinear [MB...]		(default 1 4 16)
 */
#define CALEV_SCAN_MAX	(32u << 20)
#define CALEV_DATES_MAX	((size_t)-1)

#include "../../policy/caldate.c"
#include "../../policy/calcue.c"
#include "../../policy/calevent.c"
#include "../../policy/calfield.c"
#include "../../policy/calname.c"
#include "../../policy/calphrase.c"
#include "../../policy/caltext.c"
#include "../../policy/courttz.c"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static const struct { const char *name, *unit; } bl_units[] = {
	{ "dates after \"set for\"", "Hearing set for 3/4/2027 " },
	{ "dates after \"due by\"", "due by 3/4/2027 " },
	{ "dates inside one word", "(1-2-2027" },
	{ "bare dates", "3/4/2027 " },
	{ "one word, no blanks", "abcdefghijklmnopqrstuvwxyz" },
	{ "dateless cancellations", "Hearing vacated. " },
	{ "no-break spaces (folded)", "set\xc2\xa0" "for\xc2\xa0" "3/4/2027\xc2\xa0" },
};

static double
bl_cpu(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* CPU seconds for one extraction of len bytes of unit, best of reps. */
static double
bl_run(const char *unit, size_t len, int reps, struct calev_set *s)
{
	struct calev_in	 in;
	char		*b = malloc(len + 1);
	size_t		 u = strlen(unit), i;
	double		 best = -1, t;
	int		 r;

	if (b == NULL)
		return -1;
	for (i = 0; i < len; i++)
		b[i] = unit[i % u];
	b[len] = '\0';
	memset(&in, 0, sizeof(in));
	in.ci_text = b;
	in.ci_len = len;
	in.ci_court = "txwd";	/* a two-zone court: cities are looked for */
	in.ci_ref.y = 2027;
	in.ci_ref.m = in.ci_ref.d = 1;
	for (r = 0; r < reps; r++) {
		t = bl_cpu();
		calev_extract(&in, s);
		t = bl_cpu() - t;
		if (best < 0 || t < best)
			best = t;
	}
	free(b);
	return best;
}

int
main(int argc, char **argv)
{
	struct calev_set *s = calloc(1, sizeof(*s));
	size_t		 mb[8] = { 1, 4, 16 }, nmb = 3, i, k;
	double		 us[8];
	int		 reps = getenv("BENCH_LINEAR_REPS") ?
			    atoi(getenv("BENCH_LINEAR_REPS")) : 1;

	if (s == NULL)
		return 1;
	if (argc > 1)
		for (nmb = 0; nmb < 8 && (int)nmb + 1 < argc; nmb++)
			mb[nmb] = strtoul(argv[nmb + 1], NULL, 10);
	for (i = 0; i < sizeof(bl_units) / sizeof(bl_units[0]); i++) {
		for (k = 0; k < nmb; k++) {
			us[k] = bl_run(bl_units[i].unit, mb[k] << 20, reps < 1 ?
			    1 : reps, s) * 1e6 / (double)(mb[k] << 10);
			printf("BENCH\tcalendar, no limits: %s, %zu MB\t%.2f\t"
			    "us/KB\n", bl_units[i].name, mb[k], us[k]);
		}
		printf("BENCH\tcalendar, no limits: %s, %zu MB / %zu MB per KB\t"
		    "%.2f\tratio\n", bl_units[i].name, mb[nmb - 1], mb[0],
		    us[nmb - 1] / us[0]);
		fflush(stdout);
	}
	free(s);
	return 0;
}
