/*
 * NAME
 *	nefmilter 8 - Postfix milter for federal court notices
 * SYNOPSIS
 *	nefmilter [-c CONF] [-p SOCKET] [-f] [-n]
 *	nefmilter -t FILE [-c CONF] [-r RCPT]... [-a CLIENT_IP]
 *	nefmilter --parse FILE...
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
#include "log.h"
#include "parsecmd.h"
#include "strbuf.h"

static void	usage(void) __attribute__((noreturn));
static int	load_config(const char *, int explicit, struct cfg **);

static void
usage(void)
{
	/* BEGIN USAGE */
	fputs("usage: nefmilter [-c CONF] [-p SOCKET] [-f] [-n]\n"
	    "       nefmilter -t FILE [-c CONF] [-r RCPT]... [-a CLIENT_IP]\n"
	    "       nefmilter --parse FILE...\n"
	    "       nefmilter --sample-config\n"
	    "       nefmilter -V\n", stderr);
	/* END USAGE */
	exit(2);
}

static int
load_config(const char *path, int explicit, struct cfg **out)
{
	struct strbuf	err = STRBUF_INIT;

	if (!explicit && access(path, F_OK) != 0)
		path = NULL;	/* no file: built-in defaults */
	if (cfg_load(path, out, &err) != 0) {
		fprintf(stderr, "nefmilter: configuration errors:\n%s",
		    strbuf_str(&err));
		strbuf_free(&err);
		return -1;
	}
	strbuf_free(&err);
	return 0;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "parse", no_argument, NULL, 'P' },
		{ "sample-config", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*conf = CFG_DEFAULT_PATH;
	int		 explicit = 0, check = 0, ch;
	struct cfg	*cfg;

	while ((ch = getopt_long(argc, argv, "a:c:fnp:r:t:Vh", longopts,
	    NULL)) != -1) {
		switch (ch) {
		case 'P':
			return parsecmd_main(argc - optind, argv + optind);
		case 'S':
			cfg_write_sample(stdout);
			return 0;
		case 'V':
			printf("nefmilter %s\n", NEF_VERSION);
			return 0;
		case 'c':
			conf = optarg;
			explicit = 1;
			break;
		case 'n':
			check = 1;
			break;
		default:
			usage();
		}
	}
	if (load_config(conf, explicit, &cfg) != 0)
		return 1;
	if (check) {
		cfg_dump(cfg, stdout);
		cfg_unref(cfg);
		return 0;
	}
	cfg_unref(cfg);
	usage();
}
