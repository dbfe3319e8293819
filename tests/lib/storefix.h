/*
 * storefix.h: a store in a temporary directory for the cmocka unit tests
 * (include it after <cmocka.h>).
 *
 *	cmocka_unit_test_setup_teardown(test_x, storefix_setup,
 *	    storefix_teardown)
 *
 * gives each test a struct storefix (*state): sf_st opened with a 1 MiB
 * map and 16 reader slots in sf_dir, which the teardown removes.
 */
#ifndef NEF_TEST_STOREFIX_H
#define NEF_TEST_STOREFIX_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"

struct storefix {
	char		 sf_dir[64];
	struct store	*sf_st;
};

static inline int
storefix_setup(void **state)
{
	struct storefix *f = calloc(1, sizeof(*f));
	struct store_opts o;

	if (f == NULL)
		return -1;
	snprintf(f->sf_dir, sizeof(f->sf_dir), "/tmp/test_store.XXXXXX");
	if (mkdtemp(f->sf_dir) == NULL)
		return -1;
	memset(&o, 0, sizeof(o));
	o.so_dir = f->sf_dir;
	o.so_map_size = 1 << 20;
	o.so_max_readers = 16;
	o.so_retention = 3600;
	o.so_create = 1;
	if (store_open(&o, &f->sf_st) != 0)
		return -1;
	*state = f;
	return 0;
}

static inline int
storefix_teardown(void **state)
{
	struct storefix *f = *state;
	char cmd[128];

	store_close(f->sf_st);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->sf_dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

#endif
