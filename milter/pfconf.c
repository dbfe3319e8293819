/*
 * NAME
 *	pfconf 3 - the local Postfix and nefmilter's socket
 * SYNOPSIS
 *	#include "pfconf.h"
 * DESCRIPTION
 *	See pfconf.h.  postconf runs as "postconf -hx PARAMETERS" and
 *	"postconf -M" through popen(3) with fixed command lines, once
 *	main.cf (under MAIL_CONFIG, else /etc/postfix) is there; a failure
 *	of either ends the check in silence.  In
 *	master.cf, a chroot column of "-" is Postfix's default since 3.0,
 *	which is no chroot.  A milter list is split at commas and blanks; a
 *	braced entry ("{ unix:/x.sock, default_action=accept }") counts by
 *	its first word.
 * DIAGNOSTICS
 *	Warnings name the parameter, what it holds and what it should hold.
 */
#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pfconf.h"
#include "runas.h"
#include "strbuf.h"
#include "text.h"

#define PC_POSTCONF	"/usr/sbin/postconf"
#define PC_LINE		4096

struct pc_info {
	char	pc_queue[1024];
	char	pc_smtpd[PC_LINE];
	char	pc_non_smtpd[PC_LINE];
	char	pc_action[64];
	int	pc_chroot;	/* smtpd or cleanup run chrooted */
	char	pc_chrooted[128];	/* which, for the message */
};

static int	pc_read(struct pc_info *);
static int	pc_master(struct pc_info *);
static void	pc_line(FILE *, char *, size_t);
static int	pc_names(const char *list, const char *want);
static int	pc_dir_of_exists(const char *);
static void	pc_expect(const char *spec, const struct pc_info *, char *,
		    size_t);

/* One line of fp, without its newline ("" at the end). */
static void
pc_line(FILE *fp, char *buf, size_t size)
{
	if (fgets(buf, (int)size, fp) == NULL)
		buf[0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
}

static int
pc_read(struct pc_info *pc)
{
	char		 maincf[1100];
	const char	*dir = getenv("MAIL_CONFIG");
	FILE		*fp;

	/* Without a main.cf postconf would fail, after the second that
	 * Postfix waits on any fatal error. */
	snprintf(maincf, sizeof(maincf), "%s/main.cf", dir != NULL &&
	    dir[0] == '/' ? dir : "/etc/postfix");
	if (access(maincf, R_OK) != 0 || access(PC_POSTCONF, X_OK) != 0 ||
	    (fp = popen(PC_POSTCONF " -hx queue_directory smtpd_milters "
	    "non_smtpd_milters milter_default_action 2>/dev/null", "r")) == NULL)
		return -1;
	pc_line(fp, pc->pc_queue, sizeof(pc->pc_queue));
	pc_line(fp, pc->pc_smtpd, sizeof(pc->pc_smtpd));
	pc_line(fp, pc->pc_non_smtpd, sizeof(pc->pc_non_smtpd));
	pc_line(fp, pc->pc_action, sizeof(pc->pc_action));
	if (pclose(fp) != 0 || pc->pc_queue[0] != '/')
		return -1;
	return 0;
}

/* Which of smtpd and cleanup run chrooted (master.cf). */
static int
pc_master(struct pc_info *pc)
{
	char	 line[PC_LINE], *f[8], *save, *w;
	FILE	*fp;
	int	 n;

	if ((fp = popen(PC_POSTCONF " -M 2>/dev/null", "r")) == NULL)
		return -1;
	while (fgets(line, sizeof(line), fp) != NULL) {
		for (n = 0, w = strtok_r(line, " \t\n", &save); w != NULL &&
		    n < 8; w = strtok_r(NULL, " \t\n", &save))
			f[n++] = w;
		if (n < 8 || strcmp(f[4], "y") != 0 ||
		    (strcmp(f[7], "smtpd") != 0 && strcmp(f[7], "cleanup") != 0))
			continue;
		pc->pc_chroot = 1;
		if (strstr(pc->pc_chrooted, f[7]) == NULL)
			snprintf(pc->pc_chrooted + strlen(pc->pc_chrooted),
			    sizeof(pc->pc_chrooted) - strlen(pc->pc_chrooted),
			    "%s%s", pc->pc_chrooted[0] ? " and " : "", f[7]);
	}
	return pclose(fp) == 0 ? 0 : -1;
}

/* Does the directory of path exist? */
static int
pc_dir_of_exists(const char *path)
{
	char		dir[2048];
	struct stat	st;

	return runas_dirname(path, dir, sizeof(dir)) == 0 &&
	    stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Does the milter list name want? */
static int
pc_names(const char *list, const char *want)
{
	char	 copy[PC_LINE], *w, *save;

	text_strlcpy(copy, list, sizeof(copy));
	for (w = strtok_r(copy, ", \t{}", &save); w != NULL;
	    w = strtok_r(NULL, ", \t{}", &save))
		if (strcmp(w, want) == 0)
			return 1;
	return 0;
}

/* How Postfix must name the socket spec: "unix:PATH" (relative to the
 * queue directory when chrooted) or "inet:HOST:PORT". */
static void
pc_expect(const char *spec, const struct pc_info *pc, char *buf, size_t size)
{
	const char	*path = sockperm_path(spec), *colon, *at;
	size_t		 ql = strlen(pc->pc_queue);

	if (path != NULL) {
		if (pc->pc_chroot && strncmp(path, pc->pc_queue, ql) == 0 &&
		    path[ql] == '/')
			path += ql;
		snprintf(buf, size, "unix:%s", path);
		return;
	}
	colon = strchr(spec, ':');
	at = colon ? strchr(colon, '@') : NULL;
	if (colon == NULL)
		snprintf(buf, size, "%s", spec);
	else
		snprintf(buf, size, "inet:%s:%.*s", at ? at + 1 : "127.0.0.1",
		    (int)(at ? (size_t)(at - colon - 1) : strlen(colon + 1)),
		    colon + 1);
}

int
pfconf_check(const char *spec, sockperm_say_fn warn, sockperm_say_fn note,
    void *arg)
{
	struct pc_info	 pc;
	struct stat	 st;
	char		 want[PC_LINE], msg[2 * PC_LINE], qpath[2048];
	const char	*path = sockperm_path(spec);
	size_t		 ql;
	int		 n = 0;

	memset(&pc, 0, sizeof(pc));
	if (pc_read(&pc) != 0 || pc_master(&pc) != 0)
		return 0;
	ql = strlen(pc.pc_queue);
	if (path != NULL && path[0] == '/') {
		snprintf(qpath, sizeof(qpath), "%s%s", pc.pc_queue, path);
		if (strncmp(path, pc.pc_queue, ql) != 0 && stat(path, &st) != 0 &&
		    pc_dir_of_exists(qpath)) {
			snprintf(msg, sizeof(msg), "socket unix:%s looks relative "
			    "to Postfix's queue directory; nefmilter needs the "
			    "whole path: socket = unix:%s", path, qpath);
			warn(arg, msg);
			n++;
		} else if (pc.pc_chroot && (strncmp(path, pc.pc_queue, ql) != 0 ||
		    path[ql] != '/')) {
			snprintf(msg, sizeof(msg), "Postfix runs %s chrooted in %s "
			    "(master.cf), so it cannot reach the socket %s: put "
			    "it under %s (socket = unix:%s/nefmilter/"
			    "nefmilter.sock, smtpd_milters = unix:/nefmilter/"
			    "nefmilter.sock)", pc.pc_chrooted, pc.pc_queue, path,
			    pc.pc_queue, pc.pc_queue);
			warn(arg, msg);
			n++;
		}
	}
	pc_expect(spec, &pc, want, sizeof(want));
	if (!pc_names(pc.pc_smtpd, want) && !pc_names(pc.pc_non_smtpd, want)) {
		snprintf(msg, sizeof(msg), "neither smtpd_milters (\"%.1000s\") "
		    "nor non_smtpd_milters names nefmilter's socket as Postfix "
		    "must write it: postconf -e 'smtpd_milters = %.1000s'",
		    pc.pc_smtpd, want);
		warn(arg, msg);
		n++;
	} else if (!pc_names(pc.pc_non_smtpd, want) && note != NULL) {
		snprintf(msg, sizeof(msg), "non_smtpd_milters does not name %s: "
		    "mail submitted on the relay (sendmail command) is not "
		    "handled", want);
		note(arg, msg);
	}
	if (note != NULL && strcmp(pc.pc_action, "accept") == 0) {
		snprintf(msg, sizeof(msg), "milter_default_action = accept: while "
		    "nefmilter is down Postfix delivers notices unprocessed, "
		    "restricted entries to every recipient (see INSTALL)");
		note(arg, msg);
	}
	return n;
}
