/*
 * test_docket: docket_parse() and docket_format() on a table of docket
 * numbers as notices and administrators write them.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "docket.h"

struct dcase {
	const char	*in;
	const char	*key;		/* NULL: must be rejected */
	const char	*office, *year, *type, *number;
	const char	*judge, *judge2, *defendant, *chapter;
	enum docket_form form;
};

static const struct dcase cases[] = {
	{ "4:22-cv-05541", "4:22-cv-05541", "4", "22", "cv", "05541",
	    "", "", "", "", DOCKET_FULL },
	{ "4:22-cv-05541-JST", "4:22-cv-05541", "4", "22", "cv", "05541",
	    "JST", "", "", "", DOCKET_FULL },
	{ "5:20-cv-00768-TJH-PVC", "5:20-cv-00768", "5", "20", "cv", "00768",
	    "TJH", "PVC", "", "", DOCKET_FULL },
	{ "1:21-cv-00057-WS-N", "1:21-cv-00057", "1", "21", "cv", "00057",
	    "WS", "N", "", "", DOCKET_FULL },
	{ "1:17-cr-00201-ABJ-1", "1:17-cr-00201", "1", "17", "cr", "00201",
	    "ABJ", "", "1", "", DOCKET_FULL },
	{ "1:17-cr-00201-1", "1:17-cr-00201", "1", "17", "cr", "00201",
	    "", "", "1", "", DOCKET_FULL },
	{ "4:22cv5541", "4:22-cv-05541", "4", "22", "cv", "5541",
	    "", "", "", "", DOCKET_FULL },
	{ "4:22CV5541-jst", "4:22-cv-05541", "4", "22", "cv", "5541",
	    "jst", "", "", "", DOCKET_FULL },
	{ "  4:22-cv-05541 \n", "4:22-cv-05541", "4", "22", "cv", "05541",
	    "", "", "", "", DOCKET_FULL },
	{ "1:24-bk-70535", "1:24-bk-70535", "1", "24", "bk", "70535",
	    "", "", "", "", DOCKET_FULL },
	{ "6:21-ap-01071-SC", "6:21-ap-01071", "6", "21", "ap", "01071",
	    "SC", "", "", "", DOCKET_FULL },
	{ "1:17-md-02807-JSG", "1:17-md-02807", "1", "17", "md", "02807",
	    "JSG", "", "", "", DOCKET_FULL },
	{ "22-22507-cgm", "22-22507", "", "22", "", "22507",
	    "cgm", "", "", "", DOCKET_SHORT },
	{ "24-04888-CL7", "24-04888", "", "24", "", "04888",
	    "CL", "", "", "7", DOCKET_SHORT },
	{ "22-30500-swe7", "22-30500", "", "22", "", "30500",
	    "swe", "", "", "7", DOCKET_SHORT },
	{ "25-03768-JMC-13", "25-03768", "", "25", "", "03768",
	    "JMC", "", "", "13", DOCKET_SHORT },
	{ "1-23-42603-nhl", "1-23-42603", "1", "23", "", "42603",
	    "nhl", "", "", "", DOCKET_FULL },
	{ "1:23-42603", "1-23-42603", "1", "23", "", "42603",
	    "", "", "", "", DOCKET_FULL },
	{ "21-1975", "21-1975", "", "21", "", "1975",
	    "", "", "", "", DOCKET_SHORT },
	{ "24-621", "24-621", "", "24", "", "621",
	    "", "", "", "", DOCKET_SHORT },
	{ "22-11299", "22-11299", "", "22", "", "11299",
	    "", "", "", "", DOCKET_SHORT },
	{ "MDL No. 2967", "MDL No. 2967", "", "", "", "2967",
	    "", "", "", "", DOCKET_MDL },
	{ "mdl 2967", "MDL No. 2967", "", "", "", "2967",
	    "", "", "", "", DOCKET_MDL },
	{ "MDL-2967", "MDL No. 2967", "", "", "", "2967",
	    "", "", "", "", DOCKET_MDL },
	{ "MDL #2967", "MDL No. 2967", "", "", "", "2967",
	    "", "", "", "", DOCKET_MDL },
	/* rejected */
	{ "", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "   ", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "Case Name", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "4:22-cv-", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "4:2-cv-05541", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "123:22-cv-05541", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "2022", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "22-", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "4:22-cv-05541 JST", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "4:22-cv-05541--JST", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "4:22-cv-05541-A-B-C", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "4:22-cvxyz-05541", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "4:22-cv-123456789", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "MDL No.", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "MDLX 12", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "21-1975 x", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
	{ "1:22-cv-00001-AB-1-2", NULL, 0, 0, 0, 0, 0, 0, 0, 0, 0 },
};

static void
test_table(void **state)
{
	size_t		i;
	struct docket	d;
	char		key[DOCKET_KEY_SIZE];

	(void)state;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		const struct dcase *c = &cases[i];
		int rc = docket_parse(c->in, strlen(c->in), &d);

		print_message("# %s\n", c->in);
		if (c->key == NULL) {
			assert_int_equal(rc, -1);
			assert_string_equal(d.d_number, "");
			continue;
		}
		assert_int_equal(rc, 0);
		assert_int_equal(d.d_form, c->form);
		assert_string_equal(d.d_office, c->office);
		assert_string_equal(d.d_year, c->year);
		assert_string_equal(d.d_type, c->type);
		assert_string_equal(d.d_number, c->number);
		assert_string_equal(d.d_judge, c->judge);
		assert_string_equal(d.d_judge2, c->judge2);
		assert_string_equal(d.d_defendant, c->defendant);
		assert_string_equal(d.d_chapter, c->chapter);
		assert_int_equal(docket_format(&d, key, sizeof key), 0);
		assert_string_equal(key, c->key);
	}
}

static void
test_not_terminated(void **state)
{
	const char	buf[] = "4:22-cv-05541-JSTxxxx";
	char		key[DOCKET_KEY_SIZE];

	(void)state;
	assert_int_equal(docket_normalize(buf, 17, key, sizeof key), 0);
	assert_string_equal(key, "4:22-cv-05541");
	assert_int_equal(docket_normalize(NULL, 0, key, sizeof key), -1);
	assert_string_equal(key, "");
}

static void
test_small_buffer(void **state)
{
	struct docket	d;
	char		key[8];

	(void)state;
	assert_int_equal(docket_parse("4:22-cv-05541", 13, &d), 0);
	memset(key, 'x', sizeof key);
	assert_int_equal(docket_format(&d, key, sizeof key), -1);
	assert_string_equal(key, "");
	assert_int_equal(docket_format(&d, key, 0), -1);
	memset(&d, 0, sizeof d);
	assert_int_equal(docket_format(&d, key, sizeof key), -1);
}

static void
test_too_long(void **state)
{
	char	buf[DOCKET_INPUT_MAX + 8];
	char	key[DOCKET_KEY_SIZE];

	(void)state;
	memset(buf, ' ', sizeof buf);
	memcpy(buf, "4:22-cv-05541", 13);
	/* Trailing blanks are trimmed before the length cap applies. */
	assert_int_equal(docket_normalize(buf, sizeof buf, key, sizeof key), 0);
	memset(buf, '1', sizeof buf);
	assert_int_equal(docket_normalize(buf, sizeof buf, key, sizeof key),
	    -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_not_terminated),
		cmocka_unit_test(test_small_buffer),
		cmocka_unit_test(test_too_long),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
