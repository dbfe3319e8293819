/*
 * NAME
 *	nefmilter 8 - Postfix and Sendmail milter for federal court notices
 * SYNOPSIS
 *	nefmilter [-c CONF] [-p SOCKET] [-f] [-n]
 *	nefmilter -t FILE [-c CONF] [-r RCPT]... [-a CLIENT_IP]
 *	nefmilter --parse FILE...
 *	nefmilter --inspect [-c CONF] FILE.pdf...
 *	nefmilter -V
 * DESCRIPTION
 *	main() reads the options, loads the configuration and hands over to
 *	the daemon, the offline runner or the parser.  See nefmilter(8).
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "daemon.h"
#include "inspectcmd.h"
#include "log.h"
#include "offline.h"
#include "parsecmd.h"
#include "startup.h"
#include "strbuf.h"

#define MAX_RCPT_OPTS	1000

static void	usage(void) __attribute__((noreturn));
static int	load_config(const char *, int explicit, struct cfg **);

static void
usage(void)
{
	/* BEGIN USAGE */
	fputs("usage: nefmilter [-c CONF] [-p SOCKET] [-f] [-n]\n"
	    "       nefmilter -t FILE [-c CONF] [-r RCPT]... [-a CLIENT_IP] [-q QUEUEID]\n"
	    "       nefmilter --parse FILE...\n"
	    "       nefmilter --inspect [-c CONF] FILE.pdf...\n"
	    "       nefmilter --sample-config\n"
	    "       nefmilter -V\n", stderr);
	/* END USAGE */
	exit(2);
}

static int
load_config(const char *path, int explicit, struct cfg **out)
{
	struct strbuf	err = STRBUF_INIT;
	int		bad;

	if (!explicit && access(path, F_OK) != 0)
		path = NULL;	/* no file: built-in defaults */
	/* Every problem in one pass: the file's, then the checks beyond
	 * the table over what could be read. */
	if ((bad = startup_config(path, out, &err)) != 0)
		fprintf(stderr, "nefmilter: configuration errors:\n%s",
		    strbuf_str(&err));
	strbuf_free(&err);
	return bad;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "parse", no_argument, NULL, 'P' },
		{ "inspect", no_argument, NULL, 'I' },
		{ "sample-config", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static char		*rcpts[MAX_RCPT_OPTS];
	struct offline_opts	 oo;
	struct daemon_opts	 dopts;
	const char		*conf = CFG_DEFAULT_PATH, *testfile = NULL;
	int			 explicit = 0, check = 0, inspect = 0, ch;
	struct cfg		*cfg;

	memset(&oo, 0, sizeof(oo));
	memset(&dopts, 0, sizeof(dopts));
	while ((ch = getopt_long(argc, argv, "a:c:fnp:q:r:t:Vh", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'P':
			return parsecmd_main(argc - optind, argv + optind);
		case 'I':
			inspect = 1;
			break;
		case 'S':
			cfg_write_sample(stdout);
			return 0;
		case 'V':
			printf("nefmilter %s\n", NEF_VERSION);
			return 0;
		case 'a':
			oo.oo_client = optarg;
			break;
		case 'c':
			conf = optarg;
			explicit = 1;
			break;
		case 'f':
			dopts.do_foreground = 1;
			break;
		case 'n':
			check = 1;
			break;
		case 'p':
			dopts.do_socket = optarg;
			break;
		case 'q':
			oo.oo_qid = optarg;
			break;
		case 'r':
			if (oo.oo_nrcpts >= MAX_RCPT_OPTS)
				usage();
			rcpts[oo.oo_nrcpts++] = optarg;
			break;
		case 't':
			testfile = optarg;
			break;
		default:
			usage();
		}
	}
	if (optind != argc && !inspect)
		usage();
	if (load_config(conf, explicit, &cfg) != 0)
		return 1;
	if (inspect) {
		ch = inspectcmd_main(cfg, argc - optind, argv + optind);
		cfg_unref(cfg);
		return ch;
	}
	if (check) {
		if (cfg->cf_path == NULL)
			printf("# no configuration file (%s): built-in defaults\n",
			    conf);
		else
			printf("# %s\n", cfg->cf_path);
		cfg_dump(cfg, stdout);
		fflush(stdout);
		/* The checks a start makes, changing nothing. */
		log_open("nefmilter", LOG_SINK_STDERR, NULL);
		ch = startup_check(cfg, dopts.do_socket ? dopts.do_socket :
		    cfg->cf_socket);
		cfg_unref(cfg);
		return ch;
	}
	if (testfile != NULL) {
		int rc;

		oo.oo_file = testfile;
		oo.oo_rcpts = rcpts;
		rc = offline_run(cfg, &oo);
		cfg_unref(cfg);
		return rc;
	}
	dopts.do_conf_path = cfg->cf_path ? strdup(cfg->cf_path) : NULL;
	return daemon_run(cfg, &dopts);
}
