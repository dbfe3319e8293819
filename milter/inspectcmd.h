/*
 * inspectcmd: "nefmilter --inspect FILE.pdf...": the disclosure check of
 * one or more files, as the milter runs it on every document.
 *
 * Each file goes through the same helper (nefpdf, inspect.h) under the
 * limits of the configuration in effect (pdf_cpu, pdf_memory,
 * pdf_timeout, pdf_max_pages, pdf_max_bytes, pdf_helper), and one JSON
 * object per file is printed on standard output, one line each: the
 * helper's own answer (report.h in pdf/ gives its members), or, when
 * the helper gave none (it crashed, was stopped by its sandbox, ran out
 * of time), an object of the same shape whose status says why.  The
 * words found under covers ("text") are printed: this is the
 * administrator's tool, run by hand on a file already in hand.
 *
 * Exit status: 0 when every file was checked, 1 when one was not (the
 * JSON says why), 2 when a file cannot be opened.
 */
#ifndef NEF_INSPECTCMD_H
#define NEF_INSPECTCMD_H

struct cfg;

int	 inspectcmd_main(const struct cfg *, int nfiles, char **files);

#endif
