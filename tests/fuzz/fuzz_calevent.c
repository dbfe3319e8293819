/*
 * fuzz_calevent: libFuzzer target for the calendar extractor and the
 * iCalendar writer: the bytes as a docket text (for a one-zone court, a
 * two-zone court and an unknown one), every event written as iCalendar.
 * Checks what must hold for any input: spans and rejected dates inside the
 * text (also when it had to be folded, policy/caltext.h), titles and
 * places free of control characters, lines of the calendar at most 75
 * octets and CRLF-terminated.  Seeds: one docket text each, from the
 * extractor's tables (seeds/fuzz_calevent.lines).
 * smoke: 10 s
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calevent.h"
#include "ics.h"
#include "strbuf.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
fz_printable(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			abort();
}

static void
fz_lines(const struct strbuf *sb)
{
	const char	*p = strbuf_str(sb), *e;

	while (*p != '\0') {
		if ((e = strstr(p, "\r\n")) == NULL || e - p > 75)
			abort();
		if (memchr(p, '\n', (size_t)(e - p)) != NULL)
			abort();
		p = e + 2;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const courts[] = { "cand", "txwd", NULL };
	static struct calev_set	 set;
	struct ics_event	 ev[CALEV_MAX];
	struct ics_cal		 cal = { "-//fuzz//EN", "PUBLISH", NULL };
	struct strbuf		 sb = STRBUF_INIT;
	struct calev_in		 in;
	size_t			 c, i;

	for (c = 0; c < sizeof(courts) / sizeof(courts[0]); c++) {
		memset(&in, 0, sizeof(in));
		in.ci_text = (const char *)data;
		in.ci_len = size;
		in.ci_court = courts[c];
		in.ci_ref.y = c == 2 ? 0 : 2020;
		in.ci_ref.m = in.ci_ref.d = 1;
		calev_extract(&in, &set);
		if (set.s_n > CALEV_MAX || set.s_nrej > CALEV_REJ_MAX)
			abort();
		for (i = 0; i < set.s_nrej; i++)	/* mapped back, inside */
			if (set.s_rej[i].r_off + set.s_rej[i].r_len > size ||
			    set.s_rej[i].r_len == 0)
				abort();
		memset(ev, 0, sizeof(ev));
		for (i = 0; i < set.s_n; i++) {
			const struct calev *e = &set.s_ev[i];

			if (e->e_off + e->e_len > size || e->e_minute >= 24 * 60)
				abort();
			if (e->e_has_date && !caldate_valid(e->e_date.y, e->e_date.m,
			    e->e_date.d))
				abort();
			fz_printable(e->e_title);
			fz_printable(e->e_location);
			fz_printable(e->e_judge);
			ev[i].ie_uid = e->e_key;
			ev[i].ie_date = e->e_date;
			ev[i].ie_minute = e->e_minute;
			ev[i].ie_duration = 60;
			ev[i].ie_tz = e->e_tz;
			ev[i].ie_summary = e->e_title;
			ev[i].ie_location = e->e_location;
			ev[i].ie_description = e->e_judge;
			ev[i].ie_cancelled = e->e_cancelled;
			ev[i].ie_alarm = (int)i - 1;
		}
		strbuf_reset(&sb);
		if (ics_write(&cal, ev, set.s_n, &sb) == 0)
			fz_lines(&sb);
	}
	strbuf_free(&sb);
	return 0;
}
