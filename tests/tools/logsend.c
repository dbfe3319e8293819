/*
 * NAME
 *	logsend - send lines through the log module's socket sink
 * SUMMARY
 *	drives milter/log.c against a real datagram socket (Postfix's
 *	postlog) for the e2e tests
 * SYNOPSIS
 *	logsend SOCKET IDENT QID TEXT...
 * DESCRIPTION
 *	Opens the log with the socket sink (LOG_SINK_SOCKET) on SOCKET, then
 *	logs each TEXT as one info line about queue id QID ("-" for none),
 *	exactly as nefmilter does with log_socket set.
 * DIAGNOSTICS
 *	Exit status 0, 1 when the sink cannot be opened, 2 on a usage error.
 */
#include <stdio.h>
#include <string.h>

#include "log.h"

int
main(int argc, char **argv)
{
	const char	*qid;
	int		 i;

	if (argc < 5) {
		fputs("usage: logsend SOCKET IDENT QID TEXT...\n", stderr);
		return 2;
	}
	if (log_open(argv[2], LOG_SINK_SOCKET, argv[1]) != 0) {
		perror("logsend: log_open");
		return 1;
	}
	qid = strcmp(argv[3], "-") == 0 ? NULL : argv[3];
	for (i = 4; i < argc; i++)
		log_info(qid, "%s", argv[i]);
	log_close();
	return 0;
}
