/*
 * Unit tests for tally's commits on a real store whose writer lock
 * another holder keeps (flock on db/write.lock, as a second process
 * would): a commit that fails keeps its counters, and one
 * errors{kind="store"}, in memory; the next commit that works writes
 * them; tally_flush() writes them at exit, so a reopened store (a
 * restart) has them; what the store still refuses at exit is lost, and
 * no counter ever goes back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "plan.h"
#include "store.h"
#include "store_metrics.h"
#include "tally.h"

#define K_MSG	"nefmilter_messages_total{class=\"not-a-notice\"}"
#define K_STORE	"nefmilter_errors_total{kind=\"store\"}"

struct tfix {
	char		 t_dir[64];
	struct store	*t_st;
	int		 t_lockfd;
};

static struct tfix tf;

static void
t_open(void)
{
	struct store_opts o;

	memset(&o, 0, sizeof(o));
	o.so_dir = tf.t_dir;
	o.so_map_size = 1 << 20;
	o.so_max_readers = 16;
	o.so_retention = 3600;
	o.so_create = 1;
	o.so_lock_wait_ms = 20;
	assert_int_equal(store_open(&o, &tf.t_st), STORE_OK);
}

static uint64_t
get(const char *key)
{
	struct store_count *v;
	size_t n, i;
	uint64_t r = 0;

	assert_int_equal(store_count_list(tf.t_st, &v, &n, NULL), 0);
	for (i = 0; i < n; i++)
		if (strcmp(v[i].sc_key, key) == 0)
			r = v[i].sc_value;
	free(v);
	return r;
}

/* Another holder of the writer lock, or none. */
static void
lock(int on)
{
	char path[128];

	if (on) {
		snprintf(path, sizeof(path), "%s/db/write.lock", tf.t_dir);
		assert_true((tf.t_lockfd = open(path, O_RDWR)) >= 0);
		assert_int_equal(flock(tf.t_lockfd, LOCK_EX | LOCK_NB), 0);
	} else {
		close(tf.t_lockfd);
		tf.t_lockfd = -1;
	}
}

/* One message that is not a notice. */
static int
commit(void)
{
	struct plan p;

	memset(&p, 0, sizeof(p));
	p.p_store = tf.t_st;
	p.p_qid = "TQID";
	return tally_commit(&p);
}

static void
test_pending(void **state)
{
	(void)state;
	snprintf(tf.t_dir, sizeof(tf.t_dir), "/tmp/test_tally.XXXXXX");
	assert_non_null(mkdtemp(tf.t_dir));
	t_open();
	assert_int_equal(commit(), STORE_OK);
	assert_int_equal(get(K_MSG), 1);

	/* Locked: two commits fail, their changes wait, merged. */
	lock(1);
	assert_int_equal(commit(), STORE_ELOCKED);
	assert_int_equal(commit(), STORE_ELOCKED);
	assert_int_equal(tally_pending(), 2);	/* messages, errors */
	assert_int_equal(tally_flush(tf.t_st, 0), STORE_ELOCKED);
	assert_int_equal(tally_pending(), 2);	/* still waiting */
	lock(0);
	assert_int_equal(get(K_MSG), 1);

	/* The next commit that works takes them along. */
	assert_int_equal(commit(), STORE_OK);
	assert_int_equal(tally_pending(), 0);
	assert_int_equal(get(K_MSG), 4);
	assert_int_equal(get(K_STORE), 2);

	/* Locked again, then a clean exit once the lock is gone: the
	 * restarted store has the count. */
	lock(1);
	assert_int_equal(commit(), STORE_ELOCKED);
	lock(0);
	assert_int_equal(tally_flush(tf.t_st, 1), STORE_OK);
	assert_int_equal(tally_pending(), 0);
	store_close(tf.t_st);
	t_open();
	assert_int_equal(get(K_MSG), 5);
	assert_int_equal(get(K_STORE), 3);

	/* Still locked at exit: lost (and logged), nothing goes back. */
	lock(1);
	assert_int_equal(commit(), STORE_ELOCKED);
	assert_int_equal(tally_flush(tf.t_st, 1), STORE_ELOCKED);
	assert_int_equal(tally_pending(), 0);
	lock(0);
	store_close(tf.t_st);
	t_open();
	assert_int_equal(get(K_MSG), 5);
	assert_int_equal(get(K_STORE), 3);
	assert_int_equal(commit(), STORE_OK);
	assert_int_equal(get(K_MSG), 6);
	store_close(tf.t_st);
	{
		char cmd[128];

		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tf.t_dir);
		assert_int_equal(system(cmd), 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pending),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
