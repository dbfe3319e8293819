/*
 * NAME
 *	nefctl 8 - manage nefmilter's store
 */
#include <stdio.h>

int
main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	/* BEGIN USAGE */
	fputs("usage: nefctl [-c CONF] COMMAND ...\n", stderr);
	/* END USAGE */
	return 2;
}
