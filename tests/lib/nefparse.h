/*
 * nefparse.h: parsing notices in the cmocka unit tests (include it after
 * <cmocka.h>, nef.h, mime.h and parsecmd.h).
 *
 * nefparse_file(name) reads tests/data/nef/NAME as the milter reads a
 * message (MIME, then the parser) and nefparse_in(text, html, subject,
 * from) parses decoded text with the given subject and sender (either
 * may be NULL); both fail the test when the parser fails and return a
 * struct nef the caller frees with nef_free().  nefparse_setup and
 * nefparse_teardown start and stop the MIME library for a group.
 */
#ifndef NEF_TEST_NEFPARSE_H
#define NEF_TEST_NEFPARSE_H

#include <string.h>

#include "fixture.h"

static inline struct nef *
nefparse_file(const char *name)
{
	size_t		 len = 0;
	char		*buf = fixture_data(name, &len);
	struct nef	*n = NULL;
	int		 ms;

	assert_int_equal(parsecmd_parse(buf, len, 0, &n, &ms), 0);
	free(buf);
	assert_non_null(n);
	return n;
}

static inline struct nef *
nefparse_in(const char *text, int html, const char *subject, const char *from)
{
	struct nef_input in;
	struct nef	*n = NULL;

	memset(&in, 0, sizeof in);
	in.ni_text = text;
	in.ni_len = strlen(text);
	in.ni_is_html = html;
	in.ni_subject = subject;
	in.ni_from = from;
	assert_int_equal(nef_parse(&in, &n), 0);
	assert_non_null(n);
	return n;
}

static inline int
nefparse_setup(void **state)
{
	(void)state;
	return mime_init();
}

static inline int
nefparse_teardown(void **state)
{
	(void)state;
	mime_shutdown();
	return 0;
}

#endif
