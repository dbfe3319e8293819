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
#include <string.h>
#include <strings.h>

#include "nef.h"
#include "nefcourt.h"
#include "nefline.h"

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

void
nefcourt_resolve(struct nef *n, const struct nefline_doc *d, const char *from)
{
	char		 court[DOCLINK_COURT_SIZE];
	size_t		 i;

	for (i = 0; i < n->n_ncases; i++)
		if (n->n_cases[i].c_has_link &&
		    n->n_cases[i].c_link.dl_court[0] != '\0') {
			set_court(n, n->n_cases[i].c_link.dl_court,
			    NEF_COURT_LINK);
			return;
		}
	for (i = 0; i < d->nd_nlinks; i++) {
		const struct doclink *dl = &d->nd_links[i].k_dl;

		if (dl->dl_court[0] != '\0' && dl->dl_kind != DOCLINK_OTHER) {
			set_court(n, dl->dl_court, NEF_COURT_LINK);
			return;
		}
	}
	if (nefcourt_from_sender(from, court, sizeof court) == 0) {
		set_court(n, court, NEF_COURT_SENDER);
		return;
	}
	for (i = 0; i < n->n_ndocs; i++)
		if (nefcourt_from_stamp(n->n_docs[i].d_stamp_id, court,
		    sizeof court) == 0) {
			set_court(n, court, NEF_COURT_STAMP);
			return;
		}
}
