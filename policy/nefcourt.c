/*
 * NAME
 *	nefcourt 3 - court ids from senders and stamps
 * SUMMARY
 *	"ecfnotices@areb.uscourts.gov" -> "areb"
 * SYNOPSIS
 *	#include "nefcourt.h"
 *
 *	int nefcourt_from_sender(const char *from, char *court, size_t size);
 *	void nefcourt_resolve(struct nef *n, const struct nefline_doc *d,
 *	    const char *from);
 *	int nefcourt_from_stamp(const char *stamp_id, char *court,
 *	    size_t size);
 *	void nefcourt_map(char *court, size_t size);
 * DESCRIPTION
 *	The court is the label just before the court domain; for a sender
 *	such as "x@em4346.ca9.fedcourts.us" that is "ca9".  A trailing '>'
 *	or blank (an address copied with its brackets) is ignored.
 * DIAGNOSTICS
 *	-1 when there is no court to be read.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "nef.h"
#include "nefcourt.h"
#include "nefline.h"
#include "text.h"

static void	set_court(struct nef *, const char *, enum nef_court_src);

struct court_map {
	const char	*cm_pacer, *cm_id;
};

static const struct court_map court_map[] = {
	{ "azb", "arb" }, { "cofc", "uscfc" }, { "cfc", "uscfc" },
	{ "neb", "nebraskab" }, { "nysb-mega", "nysb" }, { "txs", "txsd" },
	{ "mow", "mowd" }, { "gas", "gasd" }, { "id", "idd" }, { NULL, NULL }
};

static const char *const not_courts[] = { "usdoj", "law", "psc", "updates",
	"miwd", "ao", NULL };

static const char *const domains[] = { ".uscourts.gov", ".fedcourts.us",
	NULL };

static int	put(const char *, size_t, char *, size_t);
static void	witness(struct nef *, enum nef_witness, const char *);
static int	is_doc_kind(enum doclink_kind);
static void	gather(struct nef *, const struct nefline_doc *, const char *);
static void	fill_host(struct nef *, struct doclink *, char **);

static int
put(const char *s, size_t n, char *court, size_t size)
{
	size_t	i;

	if (n == 0 || n >= size)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char)s[i]) && s[i] != '-')
			return -1;
		court[i] = (char)tolower((unsigned char)s[i]);
	}
	court[n] = '\0';
	return 0;
}

int
nefcourt_from_sender(const char *from, char *court, size_t size)
{
	const char	*at, *end = NULL, *dot;
	size_t		 len, i, dl;

	if (size > 0)
		court[0] = '\0';
	if (from == NULL || (at = strrchr(from, '@')) == NULL)
		return -1;
	at++;
	len = strlen(at);
	while (len > 0 && (at[len - 1] == '>' || isspace((unsigned char)
	    at[len - 1])))
		len--;
	for (i = 0; domains[i] != NULL && end == NULL; i++) {
		dl = strlen(domains[i]);
		if (len > dl && strncasecmp(at + len - dl, domains[i], dl) == 0)
			end = at + len - dl;
	}
	if (end == NULL)
		return -1;
	for (dot = end; dot > at && dot[-1] != '.'; dot--)
		;
	for (i = 0; not_courts[i] != NULL; i++)
		if ((size_t)(end - dot) == strlen(not_courts[i]) &&
		    strncasecmp(dot, not_courts[i], (size_t)(end - dot)) == 0)
			return -1;
	if (put(dot, (size_t)(end - dot), court, size) != 0) {
		if (size > 0)
			court[0] = '\0';
		return -1;
	}
	return 0;
}

int
nefcourt_from_stamp(const char *s, char *court, size_t size)
{
	const char	*u;
	size_t		 n;

	if (size > 0)
		court[0] = '\0';
	if (s == NULL || (u = strstr(s, "Stamp_ID")) == NULL || u == s)
		return -1;
	n = (size_t)(u - s);
	if (n == 5 && (strncasecmp(s, "dcecf", 5) == 0 ||
	    strncasecmp(s, "bkecf", 5) == 0 || strncasecmp(s, "acecf", 5) == 0))
		return -1;
	if (put(s, n, court, size) != 0) {
		if (size > 0)
			court[0] = '\0';
		return -1;
	}
	return 0;
}

void
nefcourt_map(char *court, size_t size)
{
	size_t	i, n;

	for (i = 0; court_map[i].cm_pacer != NULL; i++)
		if (strcmp(court, court_map[i].cm_pacer) == 0) {
			n = strlen(court_map[i].cm_id);
			if (n < size)
				memcpy(court, court_map[i].cm_id, n + 1);
			return;
		}
}

static void
set_court(struct nef *n, const char *court, enum nef_court_src src)
{
	size_t	len = strlen(court), i;

	if (len == 0 || len >= sizeof n->n_court)
		return;
	for (i = 0; i <= len; i++)
		n->n_court[i] = (char)tolower((unsigned char)court[i]);
	nefcourt_map(n->n_court, sizeof n->n_court);
	n->n_court_src = src;
}

/* Record what one witness says (the first time it speaks). */
static void
witness(struct nef *n, enum nef_witness w, const char *court)
{
	char	*dst = n->n_witness[w];
	size_t	 len = strlen(court), i;

	if (dst[0] != '\0' || len == 0 || len >= DOCLINK_COURT_SIZE)
		return;
	for (i = 0; i <= len; i++)
		dst[i] = (char)tolower((unsigned char)court[i]);
	nefcourt_map(dst, DOCLINK_COURT_SIZE);
}

static int
is_doc_kind(enum doclink_kind k)
{
	return k == DOCLINK_DOC1 || k == DOCLINK_DOCS1 || k == DOCLINK_ACMS;
}

/* Every witness of the notice. */
static void
gather(struct nef *n, const struct nefline_doc *d, const char *from)
{
	char		 court[DOCLINK_COURT_SIZE];
	size_t		 i;

	for (i = 0; i < d->nd_nlinks; i++) {
		const struct doclink *dl = &d->nd_links[i].k_dl;

		if (dl->dl_kind == DOCLINK_CASE)
			witness(n, NEF_W_CASE_LINK, dl->dl_court);
	}
	if (nefcourt_from_sender(from, court, sizeof court) == 0)
		witness(n, NEF_W_SENDER, court);
	for (i = 0; i < n->n_ncases; i++) {
		const struct doclink *dl = &n->n_cases[i].c_link;

		if (!n->n_cases[i].c_has_link)
			continue;
		witness(n, NEF_W_DOC_LINK, dl->dl_court);
		witness(n, NEF_W_DOC_ID, dl->dl_docid_court);
	}
	for (i = 0; i < d->nd_nlinks; i++) {
		const struct doclink *dl = &d->nd_links[i].k_dl;

		if (!is_doc_kind(dl->dl_kind))
			continue;
		witness(n, NEF_W_DOC_LINK, dl->dl_court);
		witness(n, NEF_W_DOC_ID, dl->dl_docid_court);
	}
	for (i = 0; i < n->n_ndocs; i++)
		if (nefcourt_from_stamp(n->n_docs[i].d_stamp_id, court,
		    sizeof court) == 0)
			witness(n, NEF_W_STAMP, court);
}

/*
 * A link written without a host belongs to the court its doc id names
 * when that agrees with the notice (or the notice names none), else to
 * the notice's court: the URL becomes absolute, on that court's host.
 */
static void
fill_host(struct nef *n, struct doclink *dl, char **url)
{
	char		 court[DOCLINK_COURT_SIZE], *u;
	const char	*path = *url != NULL ? *url : "";
	size_t		 len;

	if (!(dl->dl_flags & DOCLINK_F_NO_HOST) || dl->dl_host[0] != '\0')
		return;
	text_strlcpy(court, dl->dl_docid_court, sizeof court);
	nefcourt_map(court, sizeof court);
	if (n->n_court[0] != '\0' && strcmp(court, n->n_court) != 0)
		text_strlcpy(court, n->n_court, sizeof court);
	if (court[0] == '\0')
		return;
	text_strlcpy(dl->dl_court, nefcourt_pacer_id(court),
	    sizeof dl->dl_court);
	snprintf(dl->dl_host, sizeof dl->dl_host, "ecf.%s.uscourts.gov",
	    dl->dl_court);
	len = strlen(dl->dl_host) + strlen(path) + 9;
	if ((u = arena_alloc(n->n_arena, len)) == NULL)
		return;
	snprintf(u, len, "https://%s%s", dl->dl_host, path);
	*url = u;
}

const char *
nefcourt_pacer_id(const char *court)
{
	size_t	i;

	for (i = 0; court_map[i].cm_pacer != NULL; i++)
		if (strcmp(court, court_map[i].cm_id) == 0)
			return court_map[i].cm_pacer;
	return court;
}

void
nefcourt_resolve(struct nef *n, const struct nefline_doc *d, const char *from)
{
	static const enum nef_court_src src[NEF_W_N] = { NEF_COURT_LINK,
	    NEF_COURT_SENDER, NEF_COURT_LINK, NEF_COURT_DOCID,
	    NEF_COURT_STAMP };
	size_t		 i;
	int		 w;

	gather(n, d, from);
	for (w = 0; w < NEF_W_N && n->n_court[0] == '\0'; w++)
		if (n->n_witness[w][0] != '\0')
			set_court(n, n->n_witness[w], src[w]);
	for (i = 0; i < d->nd_nlinks && n->n_court[0] == '\0'; i++) {
		const struct doclink *dl = &d->nd_links[i].k_dl;

		if (dl->dl_court[0] != '\0' && dl->dl_kind != DOCLINK_NONE)
			set_court(n, dl->dl_court, NEF_COURT_LINK);
	}
	for (w = 0; w < NEF_W_N; w++)
		if (n->n_witness[w][0] != '\0' && n->n_court[0] != '\0' &&
		    strcmp(n->n_witness[w], n->n_court) != 0)
			n->n_court_disagree |= 1u << w;
	for (i = 0; i < n->n_ncases; i++)
		if (n->n_cases[i].c_has_link)
			fill_host(n, &n->n_cases[i].c_link,
			    &n->n_cases[i].c_link_url);
	for (i = 0; i < n->n_ndocs; i++)
		if (n->n_docs[i].d_has_link)
			fill_host(n, &n->n_docs[i].d_link,
			    &n->n_docs[i].d_link_url);
}

const char *
nef_witness_name(enum nef_witness w)
{
	static const char *const names[NEF_W_N] = { "case-link", "sender",
	    "document-link", "document-id", "stamp" };

	return (unsigned)w < NEF_W_N ? names[w] : "?";
}
