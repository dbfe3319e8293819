/* Unit tests of milter/progress.c: when a progress reply goes to the MTA
 * (through a stub of the shim), from which thread, and until when. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <string.h>
#include <time.h>

#include "progress.h"
#include "shim.h"

static int	sent;
static void	*sent_ctx;
static int	refuse;

static int
stub_progress(void *ctx)
{
	sent++;
	sent_ctx = ctx;
	return refuse ? -1 : 0;
}

static const struct shim_ops stub_ops = { .progress = stub_progress };

#define EVERY	200	/* ms: the interval under test */

static void
sleep_ms(long ms)
{
	struct timespec	ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) != 0)
		;
}

static void *
other_thread(void *arg)
{
	progress_tick(arg);
	return NULL;
}

static int
setup(void **state)
{
	(void)state;
	shim_set_ops(&stub_ops);
	sent = 0;
	sent_ctx = NULL;
	refuse = 0;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	shim_set_ops(NULL);
	return 0;
}

/* Due every interval, only on the thread that made the ticker, and not
 * after the limit. */
static void
test_ticks(void **state)
{
	struct progress	*p;
	pthread_t	 t;
	int		 ctx;

	(void)state;
	p = progress_new(&ctx, "Q1", 2 * EVERY);
	assert_non_null(p);
	progress_set_every(p, EVERY);
	progress_tick(p);
	assert_int_equal(sent, 0);		/* not due yet */
	assert_true(progress_left_ms(p) > EVERY);
	sleep_ms(EVERY + 20);
	assert_int_equal(pthread_create(&t, NULL, other_thread, p), 0);
	pthread_join(t, NULL);
	assert_int_equal(sent, 0);		/* another thread: never */
	progress_tick_fn(p);
	assert_int_equal(sent, 1);
	assert_ptr_equal(sent_ctx, &ctx);
	assert_int_equal(progress_sent(p), 1);
	progress_tick(p);
	assert_int_equal(sent, 1);		/* just sent: not due */
	sleep_ms(EVERY);
	assert_int_equal(progress_left_ms(p), 0);	/* past the limit */
	sleep_ms(EVERY / 2);
	progress_tick(p);
	assert_int_equal(sent, 1);		/* due, but the limit is over */
	p = progress_free(p);
	assert_null(p);
	progress_tick(NULL);
	progress_tick_fn(NULL);
	assert_int_equal(progress_left_ms(NULL), 0);
	assert_int_equal(progress_sent(NULL), 0);
}

/* A reply the MTA connection refuses stops the ticker. */
static void
test_refused(void **state)
{
	struct progress	*p;

	(void)state;
	refuse = 1;
	p = progress_new(NULL, "Q2", 60000);
	progress_set_every(p, EVERY);
	sleep_ms(EVERY + 20);
	progress_tick(p);
	assert_int_equal(sent, 1);
	assert_int_equal(progress_sent(p), 0);
	assert_int_equal(progress_left_ms(p), 0);
	sleep_ms(EVERY + 20);
	progress_tick(p);
	assert_int_equal(sent, 1);
	progress_free(p);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_ticks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
