/*
 * neffinish: the notice-wide facts, once every line of a notice is read.
 *
 * The line reader (policy/nef.c) fills cases, documents and recipients
 * as they come; neffinish_run() then works out what needs the whole
 * notice: shared docket text, harmonized case names, case ids, attachment
 * numbers, the kind, the descriptions as juriscraper reads them, the
 * court, and the short description from the subject.  It is told
 * everything it needs in struct neffinish_in and calls nothing of the
 * line reader: the interface runs one way.
 *
 * On return n_reason is NEF_R_NONE (a notice) or NEF_R_NO_CASE.  Strings
 * go into the notice's arena; memory errors leave fields NULL.
 */
#ifndef NEF_NEFFINISH_H
#define NEF_NEFFINISH_H

#include <stddef.h>

struct nef;
struct nefline_doc;

struct neffinish_in {
	struct nef		*fi_n;
	const struct nefline_doc *fi_d;		/* the lines and links */
	const char		*fi_from;	/* sender, or NULL */
	const char		*fi_subject;	/* Subject, or NULL */
	const char		*fi_src;	/* the body as given */
	size_t			 fi_srclen;
	int			 fi_html;
	const char		*fi_shared_text;/* first docket text, or NULL */
	/* Source range of each case's own docket text (fi_range[i][1] == 0:
	 * none), and of the first one, shared by cases without their own. */
	const size_t		(*fi_range)[2];
	size_t			 fi_shared_range[2];
	int			 fi_has_shared;
	size_t			 fi_ndesc;	/* "Document description:" seen */
};

void	neffinish_run(const struct neffinish_in *);

#endif
