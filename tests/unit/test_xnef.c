/* Unit tests of policy/xnef.c. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "xnef.h"

static void
unfold(char *s)
{
	char	*d = s;

	for (; *s; s++) {
		if (*s == '\n' && s[1] == '\t') {
			*d++ = ' ';
			s++;
		} else
			*d++ = *s;
	}
	*d = '\0';
}

static void
test_format(void **state)
{
	struct xnef	x = { "cand", "4:22-cv-05541", "45", "verified", 1,
	    { 2, 1, 0, 0, 0, 0, 0, 0 }, "attached", NULL, 0, 0, 0, 0 };
	struct strbuf	sb = STRBUF_INIT;
	char		*s, *line;

	(void)state;
	xnef_format(&x, &sb);
	for (line = sb.sb_s; line != NULL; line = strchr(line + 1, '\n'))
		assert_true(strcspn(line + (*line == '\n'), "\n") < 78);
	s = strbuf_detach(&sb);
	unfold(s);
	assert_string_equal(s, "v=1; court=cand; case=4:22-cv-05541; entry=45; "
	    "trust=verified; restricted=yes; pdf=2; login=1; unavailable=0; "
	    "error=0; too-large=0; refused=0; no-document=0; tombstoned=0; "
	    "action=attached");
	free(s);
	/* the disclosure check's counts, before the action */
	x.x_pdfcheck = 1;
	x.x_bad_redaction = 1;
	x.x_identifiers = 2;
	x.x_unchecked = 3;
	xnef_format(&x, &sb);
	for (line = sb.sb_s; line != NULL; line = strchr(line + 1, '\n'))
		assert_true(strcspn(line + (*line == '\n'), "\n") < 78);
	s = strbuf_detach(&sb);
	unfold(s);
	assert_non_null(strstr(s, "; tombstoned=0; bad-redaction=1; "
	    "identifiers=2; unchecked=3; action=attached"));
	free(s);
}

static void
test_hostile_values(void **state)
{
	struct xnef	x = { "ca nd;x=1", NULL, "", "unverified", 0,
	    { 0 }, "unchanged", "bad\nmime", 0, 0, 0, 0 };
	struct strbuf	sb = STRBUF_INIT;

	(void)state;
	xnef_format(&x, &sb);
	assert_non_null(strstr(sb.sb_s, "court=ca_nd_x_1;"));
	assert_non_null(strstr(sb.sb_s, "case=-;"));
	assert_non_null(strstr(sb.sb_s, "entry=-;"));
	assert_non_null(strstr(sb.sb_s, "error=bad_mime"));
	strbuf_free(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_hostile_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
