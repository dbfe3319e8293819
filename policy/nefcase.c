/*
 * NAME
 *	nefcase 3 - the numbers of a notice's case
 * SUMMARY
 *	"NYE/1:21-cv-02960-ABC" -> docket, court prefix, case link id
 * SYNOPSIS
 *	#include "nefcase.h"
 *
 *	void nefcase_number(struct nef *n, struct nef_case *c,
 *	    const struct nefline_doc *d, const char *v, size_t vn,
 *	    size_t off);
 *	void nefcase_doc_number(struct nef *n, struct nef_case *c,
 *	    const char *v, size_t vn);
 *	int nefcase_seen(const struct nef *n, const char *v, size_t vn);
 *	void nefcase_link_id(struct nef *n, struct nef_case *c,
 *	    const struct nefline_doc *d, size_t off, size_t len);
 * DESCRIPTION
 *	See nefcase.h.
 * DIAGNOSTICS
 *	None: memory errors leave fields NULL.
 */
#include <ctype.h>
#include <string.h>

#include "arena.h"
#include "docket.h"
#include "nef.h"
#include "nefcase.h"
#include "neffield.h"
#include "nefline.h"

/*
 * "4:22-cv-05541-JST", "NYE/1:21-cv-02960", "1:17-cr-00201-ABJ https://..."
 * at text offset off; also takes the case link in that range.
 */
void
nefcase_number(struct nef *nf, struct nef_case *c,
    const struct nefline_doc *d, const char *v, size_t vn, size_t off)
{
	const char	*sp, *slash;
	size_t		 n;

	if (c == NULL)
		return;
	nefcase_link_id(nf, c, d, off, vn);
	while (vn > 0 && isspace((unsigned char)*v)) {
		v++;
		vn--;
	}
	sp = nefline_find(v, vn, "http");	/* plain text: URL after it */
	n = sp == NULL ? vn : (size_t)(sp - v);
	while (n > 0 && (isspace((unsigned char)v[n - 1]) ||
	    (sp != NULL && v[n - 1] == '<')))	/* "<https://...>" */
		n--;
	c->c_number_shown = neffield_dup(nf, v, n, 64);
	slash = memchr(v, '/', n);
	if (slash != NULL && slash > v && slash - v <= 8 &&
	    isalpha((unsigned char)*v)) {
		c->c_court_prefix = neffield_dup(nf, v, (size_t)(slash - v), 16);
		n -= (size_t)(slash + 1 - v);
		v = slash + 1;
	}
	if (docket_parse(v, n, &c->c_docket) != 0) {
		/* "22-22507 (something)": the first word alone */
		sp = memchr(v, ' ', n);
		if (sp == NULL || docket_parse(v, (size_t)(sp - v),
		    &c->c_docket) != 0)
			return;
	}
	if (docket_format(&c->c_docket, c->c_key, sizeof c->c_key) == 0)
		c->c_number = arena_strdup(nf->n_arena, c->c_key);
}

/* "96", "45(No document attached)", "No document attached". */
void
nefcase_doc_number(struct nef *nf, struct nef_case *c, const char *v,
    size_t vn)
{
	size_t		 n = 0;

	if (c == NULL)
		return;
	while (n < vn && n < 16 && isdigit((unsigned char)v[n]))
		n++;
	if (n > 0)
		c->c_doc_number = arena_strndup(nf->n_arena, v, n);
	if (nefline_find(v, vn, "no document attached") != NULL)
		c->c_no_document = 1;
}

/* Is v the docket number of a case already read? */
int
nefcase_seen(const struct nef *nf, const char *v, size_t vn)
{
	size_t	i, n;

	while (vn > 0 && isspace((unsigned char)*v)) {
		v++;
		vn--;
	}
	for (n = 0; n < vn && !isspace((unsigned char)v[n]); n++)
		;
	for (i = 0; i < nf->n_ncases; i++) {
		const char *s = nf->n_cases[i].c_number_shown;

		if (s != NULL && strlen(s) == n && memcmp(s, v, n) == 0)
			return 1;
	}
	return 0;
}


void
nefcase_link_id(struct nef *nf, struct nef_case *c,
    const struct nefline_doc *d, size_t off, size_t len)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = nefline_link_at(d, off); i < d->nd_nlinks &&
	    d->nd_links[i].k_start < off + len; i++) {
		const struct doclink *dl = &d->nd_links[i].k_dl;

		if (dl->dl_kind == DOCLINK_CASE && c->c_case_link_id == NULL &&
		    dl->dl_case_id[0] != '\0')
			c->c_case_link_id = arena_strdup(nf->n_arena,
			    dl->dl_case_id);
	}
}
