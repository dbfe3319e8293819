/*
 * fixture.h: reading test files in the cmocka unit tests (include it
 * after <cmocka.h>).
 *
 * fixture_read(path, &len) returns the whole file, NUL-terminated, in
 * memory the caller free()s, or NULL when it cannot be opened.
 * fixture_data(name, &len) reads tests/data/nef/NAME under $TOP (the
 * runner sets it; "." otherwise) and fails the test when it is missing.
 * fixture_tsv(line, f, n) cuts a tab-separated line into its first n
 * fields (in place) and fails the test when it has fewer.
 */
#ifndef NEF_TEST_FIXTURE_H
#define NEF_TEST_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline char *
fixture_read(const char *path, size_t *len)
{
	FILE	*f = fopen(path, "rb");
	char	*buf;
	long	 n;

	if (f == NULL)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc((size_t)n + 1);
	assert_non_null(buf);
	assert_int_equal(fread(buf, 1, (size_t)n, f), (size_t)n);
	buf[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return buf;
}

static inline char *
fixture_data(const char *name, size_t *len)
{
	char		 path[1024];
	const char	*top = getenv("TOP");
	char		*buf;

	snprintf(path, sizeof path, "%s/tests/data/nef/%s",
	    top != NULL ? top : ".", name);
	if ((buf = fixture_read(path, len)) == NULL)
		fail_msg("cannot open %s", path);
	return buf;
}

static inline void
fixture_tsv(char *line, char **f, size_t n)
{
	size_t	k;

	f[0] = line;
	for (k = 1; k < n; k++) {
		if ((f[k] = strchr(f[k - 1], '\t')) == NULL)
			fail_msg("bad line: %s", line);
		*f[k]++ = '\0';
	}
}

#endif
