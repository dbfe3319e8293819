/*
 * Unit tests for mailout: a stand-in sendmail(1) script in a temporary
 * directory records its arguments, its standard input, its signal mask
 * and whether a descriptor of the caller leaked into it; the tests check
 * what mailout passed and what it refused to run.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "fixture.h"
#include "mailout.h"

#define LEAK_FD	57

struct fix {
	char	dir[64];
	char	cmd[256];	/* "DIR/sendmail -oi" */
	char	path[128];
};

/* The stand-in: MODE in DIR/mode says what to do after recording. */
static const char SCRIPT[] =
"#!/bin/sh\n"
"d=$(dirname \"$0\")\n"
"for a in \"$@\"; do printf '%s\\n' \"$a\"; done >\"$d/argv\"\n"
"grep '^SigBlk' /proc/self/status >\"$d/sigblk\"\n"
"if [ -e /proc/$$/fd/57 ]; then echo leaked; else echo closed; fi >\"$d/fd\"\n"
"mode=$(cat \"$d/mode\" 2>/dev/null)\n"
"case $mode in\n"
"fail) cat >/dev/null; echo 'postdrop: warning: queue file write error' >&2; exit 75 ;;\n"
"sleep) exec sleep 30 ;;\n"
"noread) exit 0 ;;\n"
"esac\n"
"cat >\"$d/stdin\"\n";

static char *
fpath(struct fix *f, const char *name)
{
	snprintf(f->path, sizeof(f->path), "%s/%s", f->dir, name);
	return f->path;
}

static void
put(struct fix *f, const char *name, const char *text)
{
	FILE *fp = fopen(fpath(f, name), "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

static char *
get(struct fix *f, const char *name)
{
	size_t n;

	return fixture_read(fpath(f, name), &n);
}

static int
setup(void **state)
{
	struct fix *f = calloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/test_mailout.XXXXXX");
	if (f == NULL || mkdtemp(f->dir) == NULL)
		return -1;
	put(f, "sendmail", SCRIPT);
	chmod(fpath(f, "sendmail"), 0755);
	snprintf(f->cmd, sizeof(f->cmd), "%s/sendmail -oi", f->dir);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fix *f = *state;
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", f->dir);
	if (system(cmd) != 0)
		return -1;
	free(f);
	return 0;
}

static struct mailout_msg
msg(struct fix *f, const char *const *to, size_t n)
{
	struct mailout_msg m;

	memset(&m, 0, sizeof(m));
	m.mo_command = f->cmd;
	m.mo_to = to;
	m.mo_nto = n;
	m.mo_subject = "Court notices on 2026-12-01";
	m.mo_ctype = "text/plain; charset=utf-8";
	m.mo_cte = "8bit";
	m.mo_body = "line one\nline two";
	m.mo_len = strlen(m.mo_body);
	m.mo_timeout = 5;
	return m;
}

/* Recipients follow "--"; the message has our header, then the body. */
static void
test_explicit_rcpts(void **state)
{
	static const char *const to[] = { "<Docketing@LawFirm.example>",
	    "jdoe@lawfirm.example" };
	struct fix *f = *state;
	struct mailout_msg m = msg(f, to, 2);
	char err[MAILOUT_ERR_SIZE], *a, *in;

	m.mo_from = "nefmilter@relay.lawfirm.example";
	assert_int_equal(mailout_send(&m, err, sizeof(err)), 0);
	a = get(f, "argv");
	assert_string_equal(a, "-oi\n-f\nnefmilter@relay.lawfirm.example\n--\n"
	    "Docketing@lawfirm.example\njdoe@lawfirm.example\n");
	in = get(f, "stdin");
	assert_non_null(strstr(in, "\nFrom: nefmilter@relay.lawfirm.example\n"));
	assert_non_null(strstr(in, "\nTo: Docketing@lawfirm.example,\n"
	    "    jdoe@lawfirm.example\n"));
	assert_non_null(strstr(in, "\nSubject: Court notices on 2026-12-01\n"));
	assert_non_null(strstr(in, "\nAuto-Submitted: auto-generated\n"));
	assert_non_null(strstr(in, "\nMIME-Version: 1.0\n"));
	assert_non_null(strstr(in, "\nContent-Type: text/plain; charset=utf-8\n"
	    "Content-Transfer-Encoding: 8bit\n\nline one\nline two\n"));
	assert_true(strncmp(in, "Date: ", 6) == 0);
	assert_non_null(strstr(in, "\nMessage-ID: <"));
	assert_null(strchr(in, '\r'));
	free(a);
	free(in);
}

/* With -t the recipients are left to the To: header. */
static void
test_dash_t(void **state)
{
	static const char *const to[] = { "docketing@lawfirm.example" };
	struct fix *f = *state;
	struct mailout_msg m = msg(f, to, 1);
	char err[MAILOUT_ERR_SIZE], cmd[300], *a, *in;

	snprintf(cmd, sizeof(cmd), "%s/sendmail  -oi\t-t", f->dir);
	m.mo_command = cmd;
	assert_int_equal(mailout_send(&m, err, sizeof(err)), 0);
	a = get(f, "argv");
	assert_string_equal(a, "-oi\n-t\n");
	in = get(f, "stdin");
	assert_non_null(strstr(in, "\nTo: docketing@lawfirm.example\n"));
	assert_null(strstr(in, "\nFrom: "));
	free(a);
	free(in);
}

/* Hostile or broken addresses are refused and nothing runs. */
static void
test_hostile_addresses(void **state)
{
	static const char *const bad[] = {
		"-oQ/tmp/x@lawfirm.example",
		"-X/tmp/log@lawfirm.example",
		"docketing@lawfirm.example\nBcc: all@elsewhere.example",
		"docketing@lawfirm.example, other@elsewhere.example",
		"docketing",
		"",
		"docketing@[10.0.0.1]",
		"`touch /tmp/x`@lawfirm.example",
	};
	struct fix *f = *state;
	char err[MAILOUT_ERR_SIZE], out[ADDR_SIZE], why[128];
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *to[1] = { bad[i] };
		struct mailout_msg m = msg(f, to, 1);

		unlink(fpath(f, "argv"));
		if (mailout_send(&m, err, sizeof(err)) == 0)
			fail_msg("\"%s\" was accepted", bad[i]);
		assert_non_null(strstr(err, "refused"));
		assert_int_equal(access(fpath(f, "argv"), F_OK), -1);
		assert_int_equal(mailout_addr(bad[i], out, sizeof(out), why,
		    sizeof(why)), -1);
		assert_true(why[0] != '\0');
	}
	assert_int_equal(mailout_addr("-oQ@lawfirm.example", out, sizeof(out),
	    why, sizeof(why)), -1);
	assert_string_equal(why, "an address may not begin with '-'");
	assert_int_equal(mailout_addr(" <Jane.Doe@LawFirm.Example> ", out,
	    sizeof(out), why, sizeof(why)), 0);
	assert_string_equal(out, "Jane.Doe@lawfirm.example");
}

/* A bad sender is refused as well. */
static void
test_hostile_sender(void **state)
{
	static const char *const to[] = { "docketing@lawfirm.example" };
	struct fix *f = *state;
	struct mailout_msg m = msg(f, to, 1);
	char err[MAILOUT_ERR_SIZE];

	m.mo_from = "-bs@lawfirm.example";
	assert_int_equal(mailout_send(&m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "sender"));
	m.mo_from = NULL;
	m.mo_subject = "two\nlines";
	assert_int_equal(mailout_send(&m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "subject"));
}

/* The command is split into words, never given to a shell. */
static void
test_no_shell(void **state)
{
	static const char *const to[] = { "docketing@lawfirm.example" };
	struct fix *f = *state;
	struct mailout_msg m = msg(f, to, 1);
	char err[MAILOUT_ERR_SIZE], cmd[300], *a;

	snprintf(cmd, sizeof(cmd), "%s/sendmail -oi $(touch %s/pwned);id",
	    f->dir, f->dir);
	m.mo_command = cmd;
	assert_int_equal(mailout_send(&m, err, sizeof(err)), 0);
	a = get(f, "argv");
	assert_non_null(strstr(a, "-oi\n$(touch\n"));
	assert_non_null(strstr(a, "/pwned);id\n--\n"));
	assert_int_equal(access(fpath(f, "pwned"), F_OK), -1);
	free(a);
	assert_int_equal(mailout_check_command("sendmail -oi", err,
	    sizeof(err)), -1);
	assert_non_null(strstr(err, "absolute path"));
	assert_int_equal(mailout_check_command("   ", err, sizeof(err)), -1);
	m.mo_command = "/nonexistent/sendmail -oi";
	assert_int_equal(mailout_send(&m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "cannot run /nonexistent/sendmail"));
}

/* A failing command: its status and first line. */
static void
test_exit_status(void **state)
{
	static const char *const to[] = { "docketing@lawfirm.example" };
	struct fix *f = *state;
	struct mailout_msg m = msg(f, to, 1);
	char err[MAILOUT_ERR_SIZE];

	put(f, "mode", "fail\n");
	assert_int_equal(mailout_send(&m, err, sizeof(err)), -1);
	assert_string_equal(err, "the command exited with status 75: "
	    "postdrop: warning: queue file write error");
}

/* A command that hangs is killed at the deadline. */
static void
test_timeout(void **state)
{
	static const char *const to[] = { "docketing@lawfirm.example" };
	struct fix *f = *state;
	struct mailout_msg m = msg(f, to, 1);
	char err[MAILOUT_ERR_SIZE];
	time_t t0 = time(NULL);

	put(f, "mode", "sleep\n");
	m.mo_timeout = 1;
	assert_int_equal(mailout_send(&m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "did not finish in time"));
	assert_true(time(NULL) - t0 <= 4);
}

/* A command that exits without reading a large message: no SIGPIPE. */
static void
test_no_sigpipe(void **state)
{
	static const char *const to[] = { "docketing@lawfirm.example" };
	struct fix *f = *state;
	struct mailout_msg m = msg(f, to, 1);
	char err[MAILOUT_ERR_SIZE], *big;
	size_t n = 4 * 1024 * 1024;

	put(f, "mode", "noread\n");
	big = malloc(n);
	assert_non_null(big);
	memset(big, 'x', n);
	m.mo_body = big;
	m.mo_len = n;
	assert_int_equal(mailout_send(&m, err, sizeof(err)), 0);
	free(big);
}

/* The child starts clean: no blocked signal, no inherited descriptor. */
static void
test_clean_child(void **state)
{
	static const char *const to[] = { "docketing@lawfirm.example" };
	struct fix *f = *state;
	struct mailout_msg m = msg(f, to, 1);
	char err[MAILOUT_ERR_SIZE], *s;
	sigset_t set, old;
	int fd;

	fd = open("/dev/null", O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(dup2(fd, LEAK_FD), LEAK_FD);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, &old);
	assert_int_equal(mailout_send(&m, err, sizeof(err)), 0);
	sigprocmask(SIG_SETMASK, &old, NULL);
	close(LEAK_FD);
	close(fd);
	s = get(f, "fd");
	assert_string_equal(s, "closed\n");
	free(s);
	s = get(f, "sigblk");
	assert_string_equal(s, "SigBlk:\t0000000000000000\n");
	free(s);
}

static void
test_rcpt_count(void **state)
{
	struct fix *f = *state;
	struct mailout_msg m = msg(f, NULL, 0);
	char err[MAILOUT_ERR_SIZE];

	assert_int_equal(mailout_send(&m, err, sizeof(err)), -1);
	assert_non_null(strstr(err, "0 recipients"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_explicit_rcpts, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dash_t, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_addresses, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hostile_sender, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_shell, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exit_status, setup, teardown),
		cmocka_unit_test_setup_teardown(test_timeout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_sigpipe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clean_child, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rcpt_count, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
