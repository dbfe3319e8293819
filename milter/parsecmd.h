/*
 * parsecmd: "nefmilter --parse FILE...": one JSON object per file (JSON
 * Lines) on standard output.
 */
#ifndef NEF_PARSECMD_H
#define NEF_PARSECMD_H

int	parsecmd_main(int nfiles, char **files);	/* exit status */

#endif
