/*
 * ctl_team: nefctl's "team" command.
 *
 *	team add COURT CASE ADDRESS...
 *	team remove COURT CASE ADDRESS...
 *	team list [COURT CASE]
 *	team import [--format csv|json] FILE
 *	team export [--format csv|json] FILE	("-": standard output)
 *
 * CSV files have the header line "court,case,address" and one row per
 * address; JSON files hold an array of {"court", "case", "address"}
 * objects.  The format comes from --format, else from the extension
 * (.json, else CSV).  An import checks every row first and reports each
 * bad one (CSV: by line number; JSON: by item number); if any is bad it
 * changes nothing, and otherwise adds every row in one transaction.
 */
#ifndef NEF_CTL_TEAM_H
#define NEF_CTL_TEAM_H

#include "ctl.h"

/* Limits on an import file. */
#define CTL_TEAM_LINE_MAX	4096
#define CTL_TEAM_ROWS_MAX	100000

/* Run "team ..." (argv[0] is the subcommand); returns an exit code. */
int	 ctl_team(struct ctl *, int argc, char **argv);

#endif
