/* Unit tests of milter/sockperm.c: the socket's group, and the checks
 * that find a socket the MTA could not open, on real files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>

#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sockperm.h"

struct said {
	int	n;
	char	all[8192];
};

static void
say(void *arg, const char *line)
{
	struct said *s = arg;
	size_t len = strlen(s->all);

	s->n++;
	snprintf(s->all + len, sizeof(s->all) - len, "%s\n", line);
}

/* A directory under TMPDIR (or /tmp), and a socket in it. */
static char dir[64], sub[72], sock[90];

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "%s/sockperm.XXXXXX",
	    getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(dir) == NULL || chmod(dir, 0755) != 0)
		return -1;
	snprintf(sub, sizeof(sub), "%s/run", dir);
	snprintf(sock, sizeof(sock), "%s/nef.sock", sub);
	return mkdir(sub, 0755);
}

static int
teardown(void **state)
{
	(void)state;
	unlink(sock);
	rmdir(sub);
	rmdir(dir);
	return 0;
}

static void
make_socket(void)
{
	struct sockaddr_un	a;
	int			fd;

	unlink(sock);
	memset(&a, 0, sizeof(a));
	a.sun_family = AF_UNIX;
	snprintf(a.sun_path, sizeof(a.sun_path), "%s", sock);
	assert_true((fd = socket(AF_UNIX, SOCK_STREAM, 0)) >= 0);
	assert_int_equal(bind(fd, (struct sockaddr *)&a, sizeof(a)), 0);
	close(fd);
}

static void
test_path(void **state)
{
	(void)state;
	assert_string_equal(sockperm_path("unix:/run/n.sock"), "/run/n.sock");
	assert_string_equal(sockperm_path("local:/run/n.sock"), "/run/n.sock");
	assert_string_equal(sockperm_path("/run/n.sock"), "/run/n.sock");
	assert_null(sockperm_path("inet:8891@127.0.0.1"));
	assert_null(sockperm_path("inet6:8891@[::1]"));
	assert_null(sockperm_path(NULL));
}

static void
test_group(void **state)
{
	char	name[SOCKPERM_NAME_MAX];
	gid_t	g;
	struct group *gr;

	(void)state;
	assert_int_equal(sockperm_group("12345", 0, &g, name, sizeof(name)), 0);
	assert_int_equal(g, 12345);
	assert_int_equal(sockperm_group("no-such-group-here", 0, &g, name,
	    sizeof(name)), -1);
	assert_int_equal(sockperm_group("12x", 0, &g, name, sizeof(name)), -1);
	if ((gr = getgrnam("mail")) != NULL) {
		assert_int_equal(sockperm_group("mail", 0, &g, name,
		    sizeof(name)), 0);
		assert_int_equal(g, gr->gr_gid);
		assert_string_equal(name, "mail");
	}
	/* The default: postfix, else mail, else the fallback. */
	assert_int_equal(sockperm_group("", 4242, &g, name, sizeof(name)), 0);
	if ((gr = getgrnam("postfix")) != NULL)
		assert_string_equal(name, "postfix");
	else if ((gr = getgrnam("mail")) != NULL)
		assert_string_equal(name, "mail");
	else
		assert_int_equal(g, 4242);
}

static void
test_reach(void **state)
{
	struct said	s;
	struct passwd	*pw;
	char		err[256];
	const gid_t	other = 4242;

	(void)state;
	if (geteuid() != 0)
		skip();
	/* No socket yet: a problem only when it must exist. */
	memset(&s, 0, sizeof(s));
	assert_int_equal(sockperm_reach(sock, other, 0, say, &s), 0);
	assert_int_equal(sockperm_reach(sock, other, 1, say, &s), 1);
	assert_non_null(strstr(s.all, "is missing"));

	make_socket();
	assert_int_equal(sockperm_apply(sock, 0, other, 0660, err, sizeof(err)), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(sockperm_reach(sock, other, 1, say, &s), 0);

	/* Mode 0600: the group cannot write it, nor can "other" 0606 help a
	 * member of the group. */
	assert_int_equal(sockperm_apply(sock, 0, other, 0606, err, sizeof(err)), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(sockperm_reach(sock, other, 1, say, &s), 1);
	assert_non_null(strstr(s.all, "(mode 0606, owner root, group 4242) is "
	    "not writable by group 4242"));
	/* A process outside the socket's group gets "other". */
	memset(&s, 0, sizeof(s));
	assert_int_equal(sockperm_reach(sock, 4343, 1, say, &s), 0);

	/* The owner's bits count when its own group is the socket's: user
	 * mail (group mail) owns a 0600 socket and is the MTA. */
	if ((pw = getpwnam("mail")) != NULL) {
		assert_int_equal(sockperm_apply(sock, pw->pw_uid, pw->pw_gid,
		    0600, err, sizeof(err)), 0);
		memset(&s, 0, sizeof(s));
		assert_int_equal(sockperm_reach(sock, pw->pw_gid, 1, say, &s), 0);
		assert_int_equal(sockperm_apply(sock, pw->pw_uid, other, 0600,
		    err, sizeof(err)), 0);
		memset(&s, 0, sizeof(s));
		assert_int_equal(sockperm_reach(sock, other, 1, say, &s), 1);
		assert_int_equal(chown(sock, 0, 0), 0);
	}

	/* A directory closed to the group. */
	assert_int_equal(sockperm_apply(sock, 0, other, 0660, err, sizeof(err)), 0);
	assert_int_equal(chmod(sub, 0750), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(sockperm_reach(sock, other, 1, say, &s), 1);
	assert_non_null(strstr(s.all, "/run (mode 0750, owner root, group root) "
	    "is not searchable by group 4242"));
	assert_int_equal(chown(sub, 0, other), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(sockperm_reach(sock, other, 1, say, &s), 0);
	assert_int_equal(chown(sub, 0, 0), 0);
	assert_int_equal(chmod(sub, 0755), 0);
}

static void
test_sendmail(void **state)
{
	struct said	s;
	struct stat	st;
	int		base = 0;

	(void)state;
	/* Count what the directories above dir contribute (/tmp: 1777). */
	memset(&s, 0, sizeof(s));
	base = sockperm_sendmail(sock, say, &s);
	assert_true(stat("/tmp", &st) == 0);
	if (strncmp(dir, "/tmp/", 5) == 0 && (st.st_mode & S_IWOTH)) {
		assert_true(base >= 1);
		assert_non_null(strstr(s.all, "directory /tmp (mode 1777, owner "
		    "root, group root) is world writable: Sendmail refuses"));
	}
	assert_int_equal(chmod(sub, 0777), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(sockperm_sendmail(sock, say, &s), base + 1);
	assert_non_null(strstr(s.all, "unsafe: World writable directory"));
	assert_int_equal(chmod(sub, 0775), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(sockperm_sendmail(sock, say, &s), base + 1);
	assert_non_null(strstr(s.all, "/run (mode 0775, owner "));
	assert_non_null(strstr(s.all, "unsafe: Group writable directory"));
	assert_int_equal(chmod(sub, 0755), 0);
	memset(&s, 0, sizeof(s));
	assert_int_equal(sockperm_sendmail(sock, say, &s), base);
	/* An inet socket has nothing to check. */
	assert_int_equal(sockperm_check("inet:1@127.0.0.1", "", NULL, say, &s), 0);
	assert_int_equal(sockperm_check("unix:/x/y", "no-such-group-here", NULL,
	    say, &s), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_group),
		cmocka_unit_test_setup_teardown(test_reach, setup, teardown),
		cmocka_unit_test_setup_teardown(test_sendmail, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
