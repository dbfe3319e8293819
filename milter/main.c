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
struct opts;
static int	opt_one(int, int, char **, struct opts *);
static int	opts_read(int, char **, struct opts *);
static int	run_check(struct cfg *, const struct opts *);

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

/* What the command line asks for. */
struct opts {
	const char		*o_conf;
	int			 o_explicit;	/* -c given */
	int			 o_check;	/* -n */
	int			 o_inspect;	/* --inspect */
	const char		*o_testfile;	/* -t */
	struct offline_opts	 o_oo;
	struct daemon_opts	 o_dopts;
};

/* One option into o.  -1 to go on, or the exit status of an option that
 * ends the program here. */
static int
opt_one(int ch, int argc, char **argv, struct opts *o)
{
	static char		*rcpts[MAX_RCPT_OPTS];

	switch (ch) {
	case 'P':
		return parsecmd_main(argc - optind, argv + optind);
	case 'I':
		o->o_inspect = 1;
		break;
	case 'S':
		cfg_write_sample(stdout);
		return 0;
	case 'V':
		printf("nefmilter %s\n", NEF_VERSION);
		return 0;
	case 'a':
		o->o_oo.oo_client = optarg;
		break;
	case 'c':
		o->o_conf = optarg;
		o->o_explicit = 1;
		break;
	case 'f':
		o->o_dopts.do_foreground = 1;
		break;
	case 'n':
		o->o_check = 1;
		break;
	case 'p':
		o->o_dopts.do_socket = optarg;
		break;
	case 'q':
		o->o_oo.oo_qid = optarg;
		break;
	case 'r':
		if (o->o_oo.oo_nrcpts >= MAX_RCPT_OPTS)
			usage();
		rcpts[o->o_oo.oo_nrcpts++] = optarg;
		o->o_oo.oo_rcpts = rcpts;
		break;
	case 't':
		o->o_testfile = optarg;
		break;
	default:
		usage();
	}
	return -1;
}

/* The command line into o.  -1 to go on, or the exit status of an option
 * that ends the program here. */
static int
opts_read(int argc, char **argv, struct opts *o)
{
	static const struct option longopts[] = {
		{ "parse", no_argument, NULL, 'P' },
		{ "inspect", no_argument, NULL, 'I' },
		{ "sample-config", no_argument, NULL, 'S' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch, rc;

	memset(o, 0, sizeof(*o));
	o->o_conf = CFG_DEFAULT_PATH;
	while ((ch = getopt_long(argc, argv, "a:c:fnp:q:r:t:Vh", longopts,
	    NULL)) != -1)
		if ((rc = opt_one(ch, argc, argv, o)) >= 0)
			return rc;
	if (optind != argc && !o->o_inspect)
		usage();
	return -1;
}

/* -n: the settings as read, then the checks a start makes, changing
 * nothing.  Returns the exit status. */
static int
run_check(struct cfg *cfg, const struct opts *o)
{
	int	rc;

	if (cfg->cf_path == NULL)
		printf("# no configuration file (%s): built-in defaults\n",
		    o->o_conf);
	else
		printf("# %s\n", cfg->cf_path);
	cfg_dump(cfg, stdout);
	fflush(stdout);
	log_open("nefmilter", LOG_SINK_STDERR, NULL);
	rc = startup_check(cfg, o->o_dopts.do_socket ? o->o_dopts.do_socket :
	    cfg->cf_socket);
	cfg_unref(cfg);
	return rc;
}

int
main(int argc, char **argv)
{
	struct opts	 o;
	struct cfg	*cfg;
	int		 rc;

	if ((rc = opts_read(argc, argv, &o)) >= 0)
		return rc;
	if (load_config(o.o_conf, o.o_explicit, &cfg) != 0)
		return 1;
	if (o.o_inspect) {
		rc = inspectcmd_main(cfg, argc - optind, argv + optind);
		cfg_unref(cfg);
		return rc;
	}
	if (o.o_check)
		return run_check(cfg, &o);
	if (o.o_testfile != NULL) {
		o.o_oo.oo_file = o.o_testfile;
		rc = offline_run(cfg, &o.o_oo);
		cfg_unref(cfg);
		return rc;
	}
	o.o_dopts.do_conf_path = cfg->cf_path ? strdup(cfg->cf_path) : NULL;
	return daemon_run(cfg, &o.o_dopts);
}
