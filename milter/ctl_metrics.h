/*
 * ctl_metrics: nefctl's "metrics" command.
 *
 *	metrics [--output FILE]
 *
 * Prints the Prometheus text exposition of the store's counters
 * (metrics.h) read in one read transaction.  With --output the text goes
 * to a temporary file beside FILE (its name starts with a dot, so that
 * node_exporter's textfile collector, which reads *.prom, ignores it),
 * which is synced, made mode 0644 and renamed over FILE: a reader sees
 * the old file or the new one, never half of one.  Started as root,
 * nefctl reads the store as its owner and writes FILE as root.
 */
#ifndef NEF_CTL_METRICS_H
#define NEF_CTL_METRICS_H

#include "ctl.h"

int	 ctl_metrics(struct ctl *, int argc, char **argv);

#endif
