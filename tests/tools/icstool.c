/*
 * icstool: write an iCalendar object with policy/ics.c, for the tests that
 * read it back with Debian's parser (tests/lib/icscheck.py).
 *
 *	icstool < EVENTS > out.ics
 *
 * One event per input line, tab-separated: zone (IANA, or "-"), date
 * YYYY-MM-DD, time HH:MM (or "-": all day), duration in minutes,
 * cancelled (0/1), summary, location.  UIDs are "N@icstool".
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "caldate.h"
#include "ics.h"
#include "strbuf.h"

#define MAXEV	256

int
main(void)
{
	static char	 lines[MAXEV][2048], uids[MAXEV][32];
	struct ics_event ev[MAXEV];
	struct ics_cal	 cal = { "-//nefmilter//icstool//EN", "PUBLISH",
			    "icstool \xe2\x80\x94 test calendar" };
	struct strbuf	 out = STRBUF_INIT;
	char		*f[7], *p;
	size_t		 n = 0, k;
	int		 h, m;

	while (n < MAXEV && fgets(lines[n], sizeof(lines[n]), stdin) != NULL) {
		lines[n][strcspn(lines[n], "\n")] = '\0';
		for (k = 0, p = lines[n]; k < 7; k++) {
			f[k] = p;
			if ((p = strchr(p, '\t')) == NULL && k < 6) {
				fprintf(stderr, "icstool: line %zu: 7 fields\n", n + 1);
				return 2;
			}
			if (p != NULL)
				*p++ = '\0';
		}
		memset(&ev[n], 0, sizeof(ev[n]));
		if (caldate_parse_iso(f[1], &ev[n].ie_date) != 0) {
			fprintf(stderr, "icstool: line %zu: bad date\n", n + 1);
			return 2;
		}
		ev[n].ie_minute = sscanf(f[2], "%d:%d", &h, &m) == 2 ? h * 60 + m : -1;
		ev[n].ie_duration = (int)strtol(f[3], NULL, 10);
		ev[n].ie_cancelled = f[4][0] == '1';
		ev[n].ie_tz = strcmp(f[0], "-") == 0 ? NULL : f[0];
		ev[n].ie_summary = f[5];
		ev[n].ie_location = f[6];
		ev[n].ie_description = f[5];
		ev[n].ie_category = "Hearing";
		ev[n].ie_stamp = 1800000000;
		ev[n].ie_alarm = 30;
		snprintf(uids[n], sizeof(uids[n]), "%zu@icstool", n);
		ev[n].ie_uid = uids[n];
		n++;
	}
	if (ics_write(&cal, ev, n, &out) != 0) {
		fprintf(stderr, "icstool: out of memory\n");
		return 1;
	}
	fwrite(strbuf_str(&out), 1, out.sb_len, stdout);
	strbuf_free(&out);
	return 0;
}
