/*
 * NAME
 *	noticelog 3 - the parser's findings in the mail log
 * SYNOPSIS
 *	#include "noticelog.h"
 *
 *	void noticelog_parsed(const char *qid, const struct nef *n);
 * DESCRIPTION
 *	See noticelog.h.  Court ids are compared as the parser keeps them
 *	(CourtListener's spelling, policy/nefcourt.h).
 * DIAGNOSTICS
 *	None.
 */
#include <stdio.h>
#include <string.h>

#include "log.h"
#include "nef.h"
#include "nefcourt.h"
#include "nefsum.h"
#include "noticelog.h"
#include "strbuf.h"
#include "text.h"

static void	court_agreement(struct strbuf *, const struct nef *);
static void	court_links(const char *, const struct nef *, const char *);
static void	class_lines(const char *, const struct nef *);

/* "case-link, sender": the witnesses that name the notice's court. */
static void
court_agreement(struct strbuf *sb, const struct nef *n)
{
	int	w, k = 0;

	for (w = 0; w < NEF_W_N; w++)
		if (n->n_witness[w][0] != '\0' &&
		    strcmp(n->n_witness[w], n->n_court) == 0)
			strbuf_printf(sb, "%s%s", k++ ? ", " : "",
			    nef_witness_name(w));
	if (k == 0)
		strbuf_puts(sb, "no witness");
}

/* One line per document link on another court's host. */
static void
court_links(const char *qid, const struct nef *n, const char *agree)
{
	char		 court[DOCLINK_COURT_SIZE], cb[LOG_CLEAN_SIZE];
	size_t		 i;

	for (i = 0; i < n->n_ncases; i++) {
		const struct nef_case *c = &n->n_cases[i];

		if (!c->c_has_link || c->c_link.dl_court[0] == '\0')
			continue;
		text_strlcpy(court, c->c_link.dl_court, sizeof court);
		nefcourt_map(court, sizeof court);
		if (strcmp(court, n->n_court) == 0)
			continue;
		log_notice(qid, "court: the notice is %s's (%s); the document "
		    "link of %s entry %s is on %s (doc id: %s); fetched there if "
		    "that host is allowed", n->n_court, agree,
		    log_cleans(cb, c->c_key[0] ? c->c_key : "?"),
		    c->c_doc_number ? c->c_doc_number : "-", c->c_link.dl_host,
		    c->c_link.dl_docid_court[0] ? c->c_link.dl_docid_court :
		    "unknown");
	}
}

/* What could not be read, and a claims notice's claims. */
static void
class_lines(const char *qid, const struct nef *n)
{
	char		 lines[NEFSUM_MAX][NEFSUM_LINE_MAX];
	char		 cb[LOG_CLEAN_SIZE];
	size_t		 i, k;

	k = nefsum_lines(n, lines, NEFSUM_MAX);
	for (i = 0; i < k; i++)
		if (strncmp(lines[i], "Could not", 9) == 0 ||
		    strncmp(lines[i], "Proof of claim", 14) == 0)
			log_notice(qid, "%s notice: %s",
			    nef_class_name(n->n_class), log_cleans(cb, lines[i]));
}

void
noticelog_parsed(const char *qid, const struct nef *n)
{
	struct strbuf	 agree = STRBUF_INIT, other = STRBUF_INIT;
	int		 w;

	if (n == NULL || n->n_kind == NEF_NOT_NOTICE)
		return;
	if (n->n_court[0] != '\0' && n->n_court_disagree != 0) {
		court_agreement(&agree, n);
		for (w = 0; w < NEF_W_N; w++)
			if (n->n_court_disagree & (1u << w))
				strbuf_printf(&other, " %s=%s", nef_witness_name(w),
				    n->n_witness[w]);
		log_notice(qid, "court: witnesses disagree:%s (the notice is "
		    "%s's: %s)", strbuf_str(&other), n->n_court,
		    strbuf_str(&agree));
		court_links(qid, n, strbuf_str(&agree));
	}
	strbuf_free(&agree);
	strbuf_free(&other);
	class_lines(qid, n);
}
