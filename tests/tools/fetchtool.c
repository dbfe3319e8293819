/*
 * fetchtool: drive milter/fetch.c from the shell tests and the benchmark.
 *
 *	fetchtool -c CONF -t TMPDIR [-k] [-n EXPECTED] [-i ID] [-r REPEAT] URL...
 *
 * Reads CONF with cfg_load(), fetches the links given (one notice; with
 * -n, each link expects that many documents) and prints one line per
 * document, tab-separated:
 *
 *	RESULT LINK ATTNO SHA256 SIZE PATH DETAIL
 *
 * (SHA256, SIZE and PATH are "-" unless RESULT is pdf).  With -k the
 * temporary files are kept (the tests compare their bytes); otherwise
 * they are removed, as the caller of fetch_run() would after moving them.
 * -r runs the same fetch REPEAT times (each a separate notice).  The log
 * goes to standard error.  Exit status: 0, or 2 on a usage or setup
 * error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cfg.h"
#include "fetch.h"
#include "log.h"
#include "strbuf.h"

static int
usage(void)
{
	fprintf(stderr, "usage: fetchtool -c CONF -t TMPDIR [-k] [-n EXPECTED] "
	    "[-i ID] [-r REPEAT] URL...\n");
	return 2;
}

int
main(int argc, char **argv)
{
	const char *conf = NULL, *tmp = NULL, *id = "FETCHTOOL";
	struct strbuf err = STRBUF_INIT;
	struct fetch_link *links;
	struct fetch_opts o;
	struct fetch_set *set;
	struct cfg *cfg;
	int c, keep = 0, expected = 0, repeat = 1, r, i;
	size_t k;

	while ((c = getopt(argc, argv, "c:t:kn:i:r:")) != -1) {
		switch (c) {
		case 'c': conf = optarg; break;
		case 't': tmp = optarg; break;
		case 'k': keep = 1; break;
		case 'n': expected = (int)strtol(optarg, NULL, 10); break;
		case 'i': id = optarg; break;
		case 'r': repeat = (int)strtol(optarg, NULL, 10); break;
		default: return usage();
		}
	}
	if (conf == NULL || tmp == NULL || optind >= argc)
		return usage();
	log_open("fetchtool", LOG_SINK_STDERR, NULL);
	if (cfg_load(conf, &cfg, &err) != 0) {
		fprintf(stderr, "fetchtool: %s\n", strbuf_str(&err));
		return 2;
	}
	strbuf_free(&err);
	if (fetch_init() != 0 || fetch_opts_from_cfg(&o, cfg, tmp) != 0) {
		fprintf(stderr, "fetchtool: setup failed\n");
		return 2;
	}
	links = calloc((size_t)(argc - optind), sizeof(*links));
	if (links == NULL)
		return 2;
	for (i = optind; i < argc; i++) {
		links[i - optind].fl_url = argv[i];
		links[i - optind].fl_expected = expected;
	}
	for (r = 0; r < repeat; r++) {
		if (fetch_run(&o, id, links, (size_t)(argc - optind), &set) != 0) {
			fprintf(stderr, "fetchtool: out of memory\n");
			return 2;
		}
		for (k = 0; k < set->fs_ndocs; k++) {
			struct fetch_doc *d = &set->fs_docs[k];
			int pdf = d->fd_result == FETCH_PDF;

			printf("%s\t%zu\t%d\t%s\t%llu\t%s\t%s\n",
			    fetch_result_name(d->fd_result), d->fd_link, d->fd_attno,
			    pdf ? d->fd_sha256 : "-", (unsigned long long)d->fd_size,
			    pdf ? d->fd_path : "-", d->fd_detail);
			if (keep && d->fd_path != NULL) {
				free(d->fd_path);
				d->fd_path = NULL;
			}
		}
		fflush(stdout);
		set = fetch_set_free(set);
	}
	free(links);
	cfg_unref(cfg);
	fetch_cleanup();
	return 0;
}
