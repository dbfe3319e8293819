/*
 * nefcmp.h: two parses of the same notice, compared field by field, in
 * the cmocka unit tests (include it after <cmocka.h> and nef.h).
 *
 * nefcmp_same(a, b, what) fails the test, naming the field and `what`,
 * unless every field nefmilter reads is equal: kind, court and its
 * witnesses, dates, time, who entered it, short description, every
 * case (names, numbers, docket parts, case ids, entry, link, docket
 * text, closed date, filers), every document (number, description,
 * filename, stamp, link), every recipient (name, addresses, heading
 * case) of both lists, and the claim and change records.  Fields that
 * only say which form the notice came in, or that hold juriscraper's
 * reading of the HTML (c_description, r_node_name, r_printed, n_html),
 * are not compared.
 */
#ifndef NEF_TEST_NEFCMP_H
#define NEF_TEST_NEFCMP_H

#include <string.h>

static inline void
nefcmp_str(const char *a, const char *b, const char *field, const char *what,
    size_t i)
{
	if (a == NULL && b == NULL)
		return;
	if (a == NULL || b == NULL || strcmp(a, b) != 0)
		fail_msg("%s: %s [%zu]: \"%s\" != \"%s\"", what, field, i,
		    a ? a : "(null)", b ? b : "(null)");
}

static inline void
nefcmp_int(long a, long b, const char *field, const char *what, size_t i)
{
	if (a != b)
		fail_msg("%s: %s [%zu]: %ld != %ld", what, field, i, a, b);
}

static inline void
nefcmp_link(const struct doclink *a, const struct doclink *b,
    const char *field, const char *what, size_t i)
{
	nefcmp_int(a->dl_kind, b->dl_kind, field, what, i);
	nefcmp_int((long)a->dl_flags, (long)b->dl_flags, field, what, i);
	nefcmp_str(a->dl_host, b->dl_host, field, what, i);
	nefcmp_str(a->dl_doc_id, b->dl_doc_id, field, what, i);
	nefcmp_str(a->dl_case_id, b->dl_case_id, field, what, i);
	nefcmp_str(a->dl_seq, b->dl_seq, field, what, i);
	nefcmp_str(a->dl_magic, b->dl_magic, field, what, i);
	nefcmp_str(a->dl_claim_id, b->dl_claim_id, field, what, i);
	nefcmp_str(a->dl_claim_num, b->dl_claim_num, field, what, i);
}

static inline void
nefcmp_rcpts(const struct nef_recipient *a, size_t na,
    const struct nef_recipient *b, size_t nb, const char *field,
    const char *what)
{
	size_t	i, j;

	nefcmp_int((long)na, (long)nb, field, what, 0);
	for (i = 0; i < na; i++) {
		nefcmp_str(a[i].r_name, b[i].r_name, field, what, i);
		nefcmp_str(a[i].r_heading_case, b[i].r_heading_case, field,
		    what, i);
		nefcmp_int((long)a[i].r_naddrs, (long)b[i].r_naddrs, field,
		    what, i);
		for (j = 0; j < a[i].r_naddrs; j++)
			nefcmp_str(a[i].r_addrs[j], b[i].r_addrs[j], field,
			    what, i);
	}
}

static inline void
nefcmp_case(const struct nef_case *a, const struct nef_case *b,
    const char *what, size_t i)
{
	size_t	j;

	nefcmp_str(a->c_name_shown, b->c_name_shown, "case name", what, i);
	nefcmp_str(a->c_name, b->c_name, "harmonized name", what, i);
	nefcmp_str(a->c_number_shown, b->c_number_shown, "number", what, i);
	nefcmp_str(a->c_number, b->c_number, "docket", what, i);
	nefcmp_str(a->c_court_prefix, b->c_court_prefix, "prefix", what, i);
	nefcmp_str(a->c_key, b->c_key, "key", what, i);
	nefcmp_str(a->c_docket.d_judge, b->c_docket.d_judge, "judge", what, i);
	nefcmp_str(a->c_case_id, b->c_case_id, "case id", what, i);
	nefcmp_str(a->c_case_link_id, b->c_case_link_id, "case link id",
	    what, i);
	nefcmp_str(a->c_doc_number, b->c_doc_number, "entry", what, i);
	nefcmp_int(a->c_has_link, b->c_has_link, "has link", what, i);
	nefcmp_link(&a->c_link, &b->c_link, "case link", what, i);
	nefcmp_str(a->c_link_url, b->c_link_url, "link url", what, i);
	nefcmp_int(a->c_no_document, b->c_no_document, "no document", what, i);
	nefcmp_str(a->c_text, b->c_text, "docket text", what, i);
	nefcmp_str(a->c_closed, b->c_closed, "closed", what, i);
	nefcmp_int((long)a->c_nfilers, (long)b->c_nfilers, "filers", what, i);
	for (j = 0; j < a->c_nfilers; j++)
		nefcmp_str(a->c_filers[j], b->c_filers[j], "filer", what, j);
}

static inline void
nefcmp_doc(const struct nef_doc *a, const struct nef_doc *b, const char *what,
    size_t i)
{
	nefcmp_int(a->d_attno, b->d_attno, "attachment", what, i);
	nefcmp_str(a->d_desc, b->d_desc, "description", what, i);
	nefcmp_str(a->d_filename, b->d_filename, "filename", what, i);
	nefcmp_str(a->d_stamp_id, b->d_stamp_id, "stamp", what, i);
	nefcmp_str(a->d_file_number, b->d_file_number, "file number", what, i);
	nefcmp_int(a->d_has_link, b->d_has_link, "doc has link", what, i);
	nefcmp_link(&a->d_link, &b->d_link, "doc link", what, i);
	nefcmp_str(a->d_link_url, b->d_link_url, "doc url", what, i);
}

static inline void
nefcmp_claims(const struct nef *a, const struct nef *b, const char *what)
{
	size_t	i, j;

	nefcmp_int((long)a->n_nclaims, (long)b->n_nclaims, "claims", what, 0);
	for (i = 0; i < a->n_nclaims; i++) {
		const struct nef_claim *x = &a->n_claims[i], *y = &b->n_claims[i];

		nefcmp_str(x->cl_number, y->cl_number, "claim number", what, i);
		nefcmp_str(x->cl_creditor, y->cl_creditor, "creditor", what, i);
		nefcmp_str(x->cl_address, y->cl_address, "address", what, i);
		for (j = 0; j < NEF_AMOUNT_N; j++)
			nefcmp_str(x->cl_amount[j], y->cl_amount[j], "amount",
			    what, j);
		nefcmp_int(x->cl_has_link, y->cl_has_link, "claim link", what, i);
		nefcmp_link(&x->cl_link, &y->cl_link, "claim link", what, i);
		nefcmp_str(x->cl_link_url, y->cl_link_url, "claim url", what, i);
		nefcmp_str(x->cl_filer, y->cl_filer, "claim filer", what, i);
	}
}

static inline void
nefcmp_same(const struct nef *a, const struct nef *b, const char *what)
{
	size_t	i;

	nefcmp_int(a->n_kind, b->n_kind, "kind", what, 0);
	nefcmp_int(a->n_reason, b->n_reason, "reason", what, 0);
	nefcmp_str(a->n_court, b->n_court, "court", what, 0);
	nefcmp_int(a->n_court_src, b->n_court_src, "court source", what, 0);
	for (i = 0; i < NEF_W_N; i++)
		nefcmp_str(a->n_witness[i], b->n_witness[i], "witness", what, i);
	nefcmp_int((long)a->n_court_disagree, (long)b->n_court_disagree,
	    "disagree", what, 0);
	nefcmp_int(a->n_regenerated, b->n_regenerated, "regenerated", what, 0);
	nefcmp_int(a->n_contains_attachments, b->n_contains_attachments,
	    "attachments", what, 0);
	nefcmp_str(a->n_date_filed, b->n_date_filed, "date filed", what, 0);
	nefcmp_str(a->n_date_entered, b->n_date_entered, "date entered",
	    what, 0);
	nefcmp_str(a->n_time_entered, b->n_time_entered, "time", what, 0);
	nefcmp_str(a->n_entered_by, b->n_entered_by, "entered by", what, 0);
	nefcmp_str(a->n_short_desc, b->n_short_desc, "short desc", what, 0);
	nefcmp_int((long)a->n_partial, (long)b->n_partial, "partial", what, 0);
	nefcmp_int((long)a->n_ncases, (long)b->n_ncases, "cases", what, 0);
	for (i = 0; i < a->n_ncases; i++)
		nefcmp_case(&a->n_cases[i], &b->n_cases[i], what, i);
	nefcmp_int((long)a->n_ndocs, (long)b->n_ndocs, "documents", what, 0);
	for (i = 0; i < a->n_ndocs; i++)
		nefcmp_doc(&a->n_docs[i], &b->n_docs[i], what, i);
	nefcmp_rcpts(a->n_listed, a->n_nlisted, b->n_listed, b->n_nlisted,
	    "listed", what);
	nefcmp_rcpts(a->n_unlisted, a->n_nunlisted, b->n_unlisted,
	    b->n_nunlisted, "not listed", what);
	nefcmp_claims(a, b, what);
	nefcmp_int((long)a->n_change.ch_what, (long)b->n_change.ch_what,
	    "change", what, 0);
	nefcmp_str(a->n_change.ch_entry, b->n_change.ch_entry, "changed entry",
	    what, 0);
	nefcmp_str(a->n_change.ch_from, b->n_change.ch_from, "changed from",
	    what, 0);
	nefcmp_str(a->n_change.ch_to, b->n_change.ch_to, "changed to", what, 0);
	nefcmp_int((long)a->n_trunc, (long)b->n_trunc, "truncated", what, 0);
}

#endif
