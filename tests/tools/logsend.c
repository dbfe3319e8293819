/*
 * NAME
 *	logsend - send lines through the log module's socket sink
 * SUMMARY
 *	drives milter/log.c against a real datagram socket (Postfix's
 *	postlog) for the e2e tests
 * SYNOPSIS
 *	logsend [-F postlog|syslog] [-L err|warn|notice|info] SOCKET IDENT
 *	    QID TEXT...
 * DESCRIPTION
 *	Opens the log with the socket sink (LOG_SINK_SOCKET) on SOCKET, in
 *	the form -F names (log_socket_format; default postlog), then logs
 *	each TEXT as one line of level -L (default info) about queue id QID
 *	("-" for none), exactly as nefmilter does with log_socket set.
 * DIAGNOSTICS
 *	Exit status 0, 1 when the sink cannot be opened, 2 on a usage error.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "log.h"

int
main(int argc, char **argv)
{
	static const char *const lv[] = { "err", "warn", "notice", "info", NULL };
	enum log_level	 level = LOG_LVL_INFO;
	const char	*qid;
	int		 i, ch;

	while ((ch = getopt(argc, argv, "F:L:")) != -1) {
		if (ch == 'F' && strcmp(optarg, "syslog") == 0)
			log_set_format(LOG_FMT_SYSLOG);
		else if (ch == 'F' && strcmp(optarg, "postlog") == 0)
			log_set_format(LOG_FMT_POSTLOG);
		else if (ch == 'L') {
			for (i = 0; lv[i] != NULL && strcmp(lv[i], optarg); i++)
				;
			if (lv[i] == NULL)
				goto usage;
			level = (enum log_level)i;
		} else
			goto usage;
	}
	argc -= optind;
	argv += optind;
	if (argc < 4)
		goto usage;
	if (log_open(argv[1], LOG_SINK_SOCKET, argv[0]) != 0) {
		perror("logsend: log_open");
		return 1;
	}
	qid = strcmp(argv[2], "-") == 0 ? NULL : argv[2];
	for (i = 3; i < argc; i++)
		log_msg(level, qid, "%s", argv[i]);
	log_close();
	return 0;
usage:
	fputs("usage: logsend [-F postlog|syslog] [-L err|warn|notice|info] "
	    "SOCKET IDENT QID TEXT...\n", stderr);
	return 2;
}
