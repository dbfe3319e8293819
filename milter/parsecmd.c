/*
 * NAME
 *	parsecmd 3 - nefmilter --parse
 */
#include <stdio.h>

#include "parsecmd.h"

int
parsecmd_main(int nfiles, char **files)
{
	(void)files;
	fprintf(stderr, "nefmilter: --parse: %d file(s): parser not built\n", nfiles);
	return 1;
}
