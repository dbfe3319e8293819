/*
 * libFuzzer target for the PDF checker: the helper's own code (pdf/:
 * the collecting device, annotations, rendering, findings, report) with
 * the engine, on any bytes, without the sandbox (whose limits the fuzzer
 * replaces with its own).  Whatever the input: no crash, no leak, no
 * undefined behaviour, a status, and findings that respect the report's
 * limits and the document's pages.  A timer stops a check after
 * FUZZ_PDF_MS, as the helper's own timer would.
 * smoke: 10 s
 */
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "report.h"

#define FUZZ_PDF_MS	2000

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
on_timer(union sigval v)
{
	(void)v;
	check_interrupt();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sigevent ev;
	struct itimerspec its;
	struct check_opts o;
	struct report r;
	timer_t t;
	size_t i;
	int timed;

	memset(&ev, 0, sizeof(ev));
	ev.sigev_notify = SIGEV_THREAD;
	ev.sigev_notify_function = on_timer;
	memset(&its, 0, sizeof(its));
	its.it_value.tv_sec = FUZZ_PDF_MS / 1000;
	its.it_value.tv_nsec = (FUZZ_PDF_MS % 1000) * 1000000L;
	timed = timer_create(CLOCK_MONOTONIC, &ev, &t) == 0;
	memset(&o, 0, sizeof(o));
	o.co_max_pages = 8;
	o.co_store_bytes = 16u << 20;
	report_init(&r);
	if (timed)
		timer_settime(t, 0, &its, NULL);
	check_buffer(data, size, &o, &r);
	if (timed)
		timer_delete(t);
	if (r.r_status < REPORT_CHECKED || r.r_status > REPORT_TOO_LARGE ||
	    r.r_nred > REPORT_MAX_ITEMS || r.r_nids > REPORT_MAX_ITEMS ||
	    r.r_pages_checked > r.r_pages ||
	    (r.r_status != REPORT_CHECKED && r.r_detail[0] == '\0'))
		abort();
	for (i = 0; i < r.r_nred; i++)
		if (r.r_red[i].rr_page < 1 || r.r_red[i].rr_page > r.r_pages ||
		    r.r_red[i].rr_text == NULL)
			abort();
	for (i = 0; i < r.r_nids; i++)
		if (r.r_ids[i].ri_page < 1 || r.r_ids[i].ri_page > r.r_pages ||
		    strlen(r.r_ids[i].ri_shown) >= sizeof(r.r_ids[i].ri_shown))
			abort();
	report_free(&r);
	return 0;
}
