/*
 * NAME
 *	nef 3 - parse a court notice (NEF or NDA)
 * SUMMARY
 *	decoded notice text -> struct nef
 * SYNOPSIS
 *	#include "nef.h"
 *
 *	int nef_parse(const struct nef_input *in, struct nef **out);
 *	struct nef *nef_free(struct nef *n);
 * DESCRIPTION
 *	1. The body becomes lines of visible text with their links and a
 *	   label kind each (policy/nefline.h).
 *	2. The heading tells the class (policy/nefkind.h): an NEF, an
 *	   NDA, a new case, a claims notice, or none.
 *	3. One pass over the lines fills cases (a "Case Name:" or "Case
 *	   Number:" that is already set starts the next case), documents,
 *	   recipients and the transaction dates.  A label whose value is
 *	   empty takes the next unlabelled line (mail programs that
 *	   forward a notice put table cells on lines of their own).  The
 *	   docket text runs from "Docket Text:" to the next labelled line;
 *	   a case without its own docket text shares the notice's.
 *	   Claim labels go to policy/nefclaim.c; a new case's narrative
 *	   gives the debtor (the case name when the notice has none) and
 *	   "The case was assigned case number ...".
 *	4. Whether it is a notice (nefkind_judge(): by its heading, or by
 *	   its structure; announcements and Zoom invitations only by the
 *	   whole structure; an image part makes it none).
 *	5. Then the notice-wide facts: kind, court, links of documents,
 *	   harmonized case names, the short description from the subject
 *	   (policy/neffinish.c).
 *
 *	The court is the one its witnesses name (policy/nefcourt.h): the
 *	case-number link's host, else the sender's domain (*.uscourts.gov,
 *	*.fedcourts.us; not usdoj, law, psc, updates, miwd), else a
 *	document link's host, its doc id's prefix, a court-specific stamp
 *	prefix.  A few PACER ids are written as
 *	CourtListener writes them (azb -> arb, txs -> txsd, ...; cmecf.md
 *	section 3.7), so that ids agree with the rest of the ecosystem.
 * DIAGNOSTICS
 *	nef_parse() returns -1 only when memory runs out.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "nef.h"
#include "nefcase.h"
#include "nefchange.h"
#include "nefclaim.h"
#include "neffield.h"
#include "neffinish.h"
#include "nefkind.h"
#include "nefline.h"
#include "nefwrap.h"
#include "nefrcpt.h"
#include "neftext.h"
#include "strbuf.h"

enum mode {
	M_NONE, M_FILER, M_TEXT, M_DOCNUM, M_STAMP, M_LISTED, M_UNLISTED,
	M_TRANSACTION, M_CLAIM
};

/* Which field an empty label leaves waiting for the next line. */
enum pending {
	P_NONE, P_CASE_NAME, P_CASE_NUMBER, P_DOC_NUMBER, P_DOC_DESC,
	P_FILENAME, P_FILER
};

/* The reader's state while it reads one notice. */
struct ctx {
	struct nef		*x_n;
	struct nefline_doc	 x_d;
	struct arena		*x_a;
	enum mode		 x_mode;
	enum pending		 x_pend;
	struct nef_case		*x_case;	/* current case */
	struct nef_doc		*x_doc;		/* current document */
	size_t			 x_case_cap, x_doc_cap, x_lcap, x_ucap;
	struct strbuf		 x_buf;		/* text or stamp */
	char			*x_shared_text;	/* first docket text */
	struct nefrcpt		 x_rcpt;	/* recipient line state */
	int			 x_section;	/* recipient headings seen */
	size_t			 x_ndesc;	/* "Document description:" */
	int			 x_trans_lines;
	const char		*x_src;		/* the body, for descriptions */
	size_t			 x_srclen;
	int			 x_html;
	size_t			 x_text_src;	/* "Docket Text:" line source */
	size_t			 x_range[NEF_MAX_CASES][2];
	size_t			 x_shared_range[2];
	int			 x_has_shared;
	struct nefclaim_rd	 x_claim;	/* claims notice state */
	struct nefkind_seen	 x_seen;
	int			 x_debtor_wait;	/* the debtor's name is next */
	char			*x_debtor;	/* a new case's debtor, or NULL */
};

static int	run(struct ctx *);
static void	line(struct ctx *, size_t);
static void	line_other(struct ctx *, const struct nefline *);
static void	line_label(struct ctx *, const struct nefline *);
static int	label_case(struct ctx *, const struct nefline *, const char *,
		    size_t);
static void	end_mode(struct ctx *, size_t);
static struct nef_case *new_case(struct ctx *);
static struct nef_doc *new_doc(struct ctx *);
static void	set_pending(struct ctx *, enum pending, const char *, size_t);
static void	scan_doc_link(struct ctx *, size_t, size_t);
static void	acms_doc(struct ctx *, const struct nefline *);
static void	recipient(struct ctx *, const struct nefline *, int listed);
static void	buf_add(struct ctx *, const char *, size_t);
static char	*dup_trim(struct ctx *, const char *, size_t, size_t);
static void	finish(struct ctx *, const struct nef_input *);

int
nef_parse(const struct nef_input *in, struct nef **out)
{
	struct ctx	 x;
	struct nef	*n;
	size_t		 len;
	int		 rc;

	*out = NULL;
	n = nef_new_rejected(NEF_R_EMPTY);
	if (n == NULL)
		return -1;
	memset(&x, 0, sizeof x);
	x.x_n = n;
	x.x_a = n->n_arena;
	x.x_src = in->ni_text;
	x.x_html = in->ni_is_html;
	n->n_html = in->ni_is_html != 0;
	if (in->ni_subject != NULL)
		n->n_subject = arena_strndup(x.x_a, in->ni_subject,
		    strnlen(in->ni_subject, NEF_SUBJECT_MAX));
	if (in->ni_from != NULL)
		n->n_from = arena_strndup(x.x_a, in->ni_from,
		    strnlen(in->ni_from, NEF_FIELD_MAX));
	len = in->ni_text == NULL ? 0 : in->ni_len;
	if (len > NEF_INPUT_MAX) {
		len = NEF_INPUT_MAX;
		n->n_trunc |= NEF_TRUNC_INPUT;
	}
	x.x_srclen = len;
	if (nefline_prepare(&x.x_d, in->ni_text, len, in->ni_is_html,
	    NEF_INPUT_MAX, NEF_MAX_LINES, nefwrap_join, x.x_a) != 0) {
		nef_free(n);
		return -1;
	}
	if (x.x_d.nd_trunc)
		n->n_trunc |= NEF_TRUNC_LINES;
	strbuf_init(&x.x_buf, NEF_TEXT_MAX);
	rc = 0;
	if (x.x_d.nd_len > 0) {
		n->n_class = nefkind_class(&x.x_d);
		rc = run(&x);
		if (rc == 0)
			n->n_reason = nefkind_judge(&x.x_d, n, &x.x_seen,
			    in->ni_has_image);
		if (rc == 0 && n->n_reason == NEF_R_NONE)
			finish(&x, in);
	}
	strbuf_free(&x.x_buf);
	nefclaim_free(&x.x_claim);
	nefline_free(&x.x_d);
	if (rc != 0 || arena_error(x.x_a)) {
		nef_free(n);
		return -1;
	}
	*out = n;
	return 0;
}

static int
run(struct ctx *x)
{
	size_t	i;

	for (i = 0; i < x->x_d.nd_nlines; i++)
		line(x, i);
	end_mode(x, x->x_srclen);
	if (arena_error(x->x_a))
		return -1;
	return 0;
}

static void
line(struct ctx *x, size_t i)
{
	const struct nefline *l = &x->x_d.nd_lines[i];

	if (l->l_kind == NL_OTHER)
		line_other(x, l);
	else {
		end_mode(x, l->l_src);
		x->x_pend = P_NONE;
		line_label(x, l);
	}
}

/* A line without a label: a pending value, or the current mode's. */
static void
line_other(struct ctx *x, const struct nefline *l)
{
	const char	*s = x->x_d.nd_text + l->l_off;
	enum pending	 p = x->x_pend;

	if (p != P_NONE) {
		x->x_pend = P_NONE;
		set_pending(x, p, s, l->l_len);
		if (p == P_CASE_NUMBER)
			nefcase_number(x->x_n, x->x_case, &x->x_d, s, l->l_len, l->l_off);
		if (p == P_DOC_NUMBER)
			scan_doc_link(x, l->l_off, l->l_len);
		return;
	}
	switch (x->x_mode) {
	case M_FILER:
		set_pending(x, P_FILER, s, l->l_len);
		break;
	case M_TEXT:
	case M_STAMP:
		/* a line the source broke, not a wrap: ", ..." goes on
		 * the text before it with no blank */
		if (x->x_buf.sb_len > 0 && x->x_mode == M_TEXT &&
		    (x->x_html || !nefwrap_closes(s, l->l_len)))
			buf_add(x, " ", 1);
		buf_add(x, s, l->l_len);
		if (x->x_mode == M_STAMP &&
		    memmem(strbuf_str(&x->x_buf), x->x_buf.sb_len, "]]", 2))
			end_mode(x, l->l_src);
		break;
	case M_DOCNUM:
		scan_doc_link(x, l->l_off, l->l_len);
		break;
	case M_LISTED:
	case M_UNLISTED:
		recipient(x, l, x->x_mode == M_LISTED);
		break;
	case M_TRANSACTION:
		if (x->x_debtor_wait) {	/* "... listed below was filed" */
			x->x_debtor_wait = 0;
			x->x_debtor = dup_trim(x, s, l->l_len, 0);
		} else if (++x->x_trans_lines <= 2 &&
		    x->x_n->n_date_filed[0] == '\0')
			neffield_transaction(x->x_n, s, l->l_len);
		break;
	case M_CLAIM:
		nefclaim_line(&x->x_claim, x->x_n, &x->x_d, l);
		break;
	default:
		break;
	}
}

/* Labels of a case table; returns 0 when l is not one of them. */
static int
label_case(struct ctx *x, const struct nefline *l, const char *v, size_t vn)
{
	struct nef_case	*c;
	const char	*date;
	size_t		 n;

	switch (l->l_kind) {
	case NL_CASE_NAME:
		if (x->x_case == NULL || x->x_case->c_name_shown != NULL)
			new_case(x);
		set_pending(x, P_CASE_NAME, v, vn);
		return 1;
	case NL_ASSIGNED:	/* "... case number 24-10123-mg to Judge X" */
		for (n = 0; n < vn && !isspace((unsigned char)v[n]) &&
		    v[n] != ','; n++)
			;
		vn = n > 0 && v[n - 1] == '.' ? n - 1 : n;
		/* FALLTHROUGH */
	case NL_CASE_NUMBER:
		if (x->x_case != NULL && x->x_case->c_number_shown != NULL &&
		    nefcase_seen(x->x_n, v, vn)) {
			/* repeated further down: not a case, but its link */
			nefcase_link_id(x->x_n, x->x_case, &x->x_d, l->l_val, vn);
			return 1;
		}
		if (x->x_case == NULL || x->x_case->c_number_shown != NULL)
			new_case(x);
		set_pending(x, P_CASE_NUMBER, v, vn);
		if (vn > 0)
			nefcase_number(x->x_n, x->x_case, &x->x_d, v, vn, l->l_val);
		return 1;
	case NL_FILER:
		x->x_mode = M_FILER;
		set_pending(x, P_FILER, v, vn);
		return 1;
	case NL_DOC_NUMBER:
	case NL_NDA_DOCS:
		if (x->x_case == NULL)
			new_case(x);
		if (l->l_kind == NL_DOC_NUMBER) {
			x->x_seen.ks_doc_label = 1;
			set_pending(x, P_DOC_NUMBER, v, vn);
		}
		/* FALLTHROUGH */
	case NL_COPY_URL:
		x->x_mode = M_DOCNUM;
		scan_doc_link(x, l->l_off, l->l_len);
		return 1;
	case NL_WARNING:
		if ((c = x->x_case) != NULL) {
			/* "CASE CLOSED on DATE" or "... as to X on DATE" */
			if (vn >= 3 && (v[0] | 0x20) == 'o' &&
			    (v[1] | 0x20) == 'n' && v[2] == ' ')
				date = v + 3;
			else if ((date = nefline_find(v, vn, " on ")) != NULL)
				date += 4;
			c->c_closed = date == NULL ? dup_trim(x, v, vn, 0) :
			    dup_trim(x, date, vn - (size_t)(date - v), 0);
		}
		return 1;
	default:
		return 0;
	}
}

static void
line_label(struct ctx *x, const struct nefline *l)
{
	const char	*t = x->x_d.nd_text, *no;
	const char	*v = t + l->l_val;
	size_t		 vn = l->l_off + l->l_len - l->l_val;

	if (label_case(x, l, v, vn))
		return;
	switch (l->l_kind) {
	case NL_DOCKET_TEXT:
		x->x_mode = M_TEXT;
		x->x_text_src = l->l_src;
		strbuf_reset(&x->x_buf);
		buf_add(x, v, vn);
		break;
	case NL_ACMS_DOC:
		acms_doc(x, l);
		break;
	case NL_DOC_DESC:
		x->x_ndesc++;
		new_doc(x);
		set_pending(x, P_DOC_DESC, v, vn);
		break;
	case NL_FILENAME:
		set_pending(x, P_FILENAME, v, vn);
		break;
	case NL_STAMP:
		x->x_mode = M_STAMP;
		strbuf_reset(&x->x_buf);
		buf_add(x, v, vn);
		break;
	case NL_NEW_CASE:
		x->x_debtor_wait = 1;
		/* FALLTHROUGH */
	case NL_TRANSACTION:
		x->x_mode = M_TRANSACTION;
		x->x_trans_lines = 0;
		x->x_seen.ks_transaction = 1;
		neffield_transaction(x->x_n, t + l->l_off, l->l_len);
		break;
	case NL_CREDITOR:
	case NL_CLAIM_NUMBER:
	case NL_AMOUNT:
		if (x->x_case == NULL)
			new_case(x);
		if (nefclaim_label(&x->x_claim, x->x_n, (int)(x->x_case -
		    x->x_n->n_cases), &x->x_d, l))
			x->x_mode = M_CLAIM;
		break;
	case NL_REGEN:
		x->x_n->n_regenerated = 1;
		break;
	case NL_RCPT_LISTED:
		x->x_seen.ks_listed = 1;
		/* FALLTHROUGH */
	case NL_RCPT_UNLISTED:
		no = nefline_find(t + l->l_off, l->l_len, "notice");
		x->x_mode = l->l_kind == NL_RCPT_LISTED ? M_LISTED : M_UNLISTED;
		x->x_rcpt.rc_section = x->x_section++;
		x->x_rcpt.rc_name_line = NULL;
		x->x_rcpt.rc_open = 0;
		x->x_rcpt.rc_heading_case = NULL;
		if (no != NULL && no > t + l->l_off)
			x->x_rcpt.rc_heading_case = dup_trim(x, t + l->l_off,
			    (size_t)(no - (t + l->l_off)), 0);
		break;
	default:
		break;
	}
}

/* Leave the current mode, storing what it collected; src_end is where
 * the line that ends it starts in the source. */
static void
end_mode(struct ctx *x, size_t src_end)
{
	char	*s;
	size_t	 ci;

	switch (x->x_mode) {
	case M_TEXT:
		s = neffield_fold(x->x_n, strbuf_str(&x->x_buf), x->x_buf.sb_len, 0);
		if (!x->x_html)	/* "text <URL>": the link's text */
			neftext_drop_targets(s);
		if (x->x_shared_text == NULL) {
			x->x_shared_text = s;
			x->x_shared_range[0] = x->x_text_src;
			x->x_shared_range[1] = src_end;
			x->x_has_shared = 1;
		}
		if (x->x_case != NULL && x->x_case->c_text == NULL) {
			x->x_case->c_text = s;
			ci = (size_t)(x->x_case - x->x_n->n_cases);
			x->x_range[ci][0] = x->x_text_src;
			x->x_range[ci][1] = src_end;
		}
		break;
	case M_STAMP:
		neffield_stamp(x->x_n, x->x_doc, strbuf_str(&x->x_buf),
		    x->x_buf.sb_len);
		break;
	case M_CLAIM:
		nefclaim_end(&x->x_claim, x->x_n);
		break;
	default:
		break;
	}
	strbuf_reset(&x->x_buf);
	x->x_mode = M_NONE;
}

static struct nef_case *
new_case(struct ctx *x)
{
	struct nef	*n = x->x_n;
	struct nef_case	*c;

	if (n->n_ncases >= NEF_MAX_CASES) {
		n->n_trunc |= NEF_TRUNC_CASES;
		/* Keep filling the last case's unset fields only. */
		return x->x_case;
	}
	c = arena_grow(x->x_a, n->n_cases, n->n_ncases, sizeof *c,
	    &x->x_case_cap, n->n_ncases + 1);
	if (c == NULL)
		return x->x_case;
	n->n_cases = c;
	x->x_case = &c[n->n_ncases++];
	memset(x->x_case, 0, sizeof *x->x_case);
	return x->x_case;
}

static struct nef_doc *
new_doc(struct ctx *x)
{
	struct nef	*n = x->x_n;
	struct nef_doc	*d;

	x->x_doc = NULL;
	if (n->n_ndocs >= NEF_MAX_DOCS) {
		n->n_trunc |= NEF_TRUNC_DOCS;
		return NULL;
	}
	d = arena_grow(x->x_a, n->n_docs, n->n_ndocs, sizeof *d,
	    &x->x_doc_cap, n->n_ndocs + 1);
	if (d == NULL)
		return NULL;
	n->n_docs = d;
	x->x_doc = &d[n->n_ndocs++];
	memset(x->x_doc, 0, sizeof *x->x_doc);
	x->x_doc->d_attno = -1;
	return x->x_doc;
}

/* Append to the text buffer, cut at NEF_TEXT_MAX on a UTF-8 boundary. */
static void
buf_add(struct ctx *x, const char *s, size_t n)
{
	size_t	room = NEF_TEXT_MAX - 1 - x->x_buf.sb_len;

	if (x->x_buf.sb_len >= NEF_TEXT_MAX - 1)
		room = 0;
	if (n > room) {
		n = room;
		while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
		x->x_n->n_trunc |= NEF_TRUNC_TEXT;
	}
	strbuf_append(&x->x_buf, s, n);
}

/* A copy with blanks trimmed, cut at max bytes (0: NEF_FIELD_MAX). */
static char *
dup_trim(struct ctx *x, const char *s, size_t n, size_t max)
{
	return neffield_dup(x->x_n, s, n, max);
}

/* Hand what was read to the finishing stage. */
static void
finish(struct ctx *x, const struct nef_input *in)
{
	struct neffinish_in	fi;

	if (x->x_n->n_class == NEF_CLASS_CLAIM)
		nefclaim_finish(&x->x_claim, x->x_n, &x->x_d);
	if (x->x_debtor != NULL && x->x_n->n_ncases > 0 &&
	    x->x_n->n_cases[0].c_name_shown == NULL)
		x->x_n->n_cases[0].c_name_shown = x->x_debtor;
	memset(&fi, 0, sizeof fi);
	fi.fi_n = x->x_n;
	fi.fi_subject = in->ni_subject;
	fi.fi_d = &x->x_d;
	fi.fi_from = in->ni_from;
	fi.fi_src = x->x_src;
	fi.fi_srclen = x->x_srclen;
	fi.fi_html = x->x_html;
	fi.fi_shared_text = x->x_shared_text;
	fi.fi_range = (const size_t (*)[2])x->x_range;
	fi.fi_shared_range[0] = x->x_shared_range[0];
	fi.fi_shared_range[1] = x->x_shared_range[1];
	fi.fi_has_shared = x->x_has_shared;
	fi.fi_ndesc = x->x_ndesc;
	neffinish_run(&fi);
}

/* Store a label's value; an empty value waits for the next line. */
static void
set_pending(struct ctx *x, enum pending p, const char *v, size_t vn)
{
	struct nef_case	*c = x->x_case;
	struct nef_doc	*d = x->x_doc;
	char		*s;

	while (vn > 0 && isspace((unsigned char)*v)) {
		v++;
		vn--;
	}
	if (vn == 0) {
		if (p != P_FILER)
			x->x_pend = p;
		return;
	}
	switch (p) {
	case P_CASE_NAME:
		if (c != NULL)
			c->c_name_shown = dup_trim(x, v, vn, 0);
		break;
	case P_CASE_NUMBER:
		break;	/* set_case_number() */
	case P_DOC_NUMBER:
		nefcase_doc_number(x->x_n, x->x_case, v, vn);
		break;
	case P_DOC_DESC:
		if (d != NULL)
			d->d_desc = dup_trim(x, v, vn, 0);
		break;
	case P_FILENAME:
		if (d != NULL)
			d->d_filename = dup_trim(x, v, vn, 0);
		break;
	case P_FILER:
		if (c == NULL)
			break;
		if (c->c_nfilers >= NEF_MAX_FILERS) {
			x->x_n->n_trunc |= NEF_TRUNC_FILERS;
			break;
		}
		s = dup_trim(x, v, vn, 0);
		if (s == NULL)
			break;
		if (c->c_nfilers % 8 == 0) {
			char **nv = arena_alloc(x->x_a,
			    (c->c_nfilers + 8) * sizeof *nv);

			if (nv == NULL)
				break;
			if (c->c_nfilers > 0)
				memcpy(nv, c->c_filers,
				    c->c_nfilers * sizeof *nv);
			c->c_filers = nv;
		}
		c->c_filers[c->c_nfilers++] = s;
		break;
	default:
		break;
	}
}

/* The first document link in text [off, off+len) goes to the case. */
static void
scan_doc_link(struct ctx *x, size_t off, size_t len)
{
	struct nef_case	*c = x->x_case;
	const struct nefline_doc *d = &x->x_d;
	size_t		 i;

	if (c == NULL || c->c_has_link)
		return;
	for (i = nefline_link_at(d, off); i < d->nd_nlinks &&
	    d->nd_links[i].k_start < off + len; i++) {
		const struct nefline_link *k = &d->nd_links[i];

		if (k->k_dl.dl_kind == DOCLINK_DOC1 ||
		    k->k_dl.dl_kind == DOCLINK_DOCS1 ||
		    k->k_dl.dl_kind == DOCLINK_ACMS) {
			c->c_has_link = 1;
			c->c_link = k->k_dl;
			c->c_link_url = (char *)k->k_url;
			x->x_n->n_link_flags |= k->k_dl.dl_flags;
			return;
		}
	}
}

/* ACMS: "Document: <a href=.../NDA/guid>Brief</a>". */
static void
acms_doc(struct ctx *x, const struct nefline *l)
{
	const struct nefline_doc *d = &x->x_d;
	struct nef_doc	*doc;
	size_t		 i;

	for (i = nefline_link_at(d, l->l_off); i < d->nd_nlinks &&
	    d->nd_links[i].k_start < l->l_off + l->l_len; i++) {
		const struct nefline_link *k = &d->nd_links[i];

		if (k->k_dl.dl_kind != DOCLINK_ACMS)
			continue;
		doc = new_doc(x);
		if (doc == NULL)
			return;
		doc->d_desc = dup_trim(x, d->nd_text + k->k_start,
		    k->k_end - k->k_start, 0);
		doc->d_has_link = 1;
		doc->d_link = k->k_dl;
		doc->d_link_url = (char *)k->k_url;
		x->x_n->n_link_flags |= k->k_dl.dl_flags;
	}
	x->x_doc = NULL;
}

static void
recipient(struct ctx *x, const struct nefline *l, int listed)
{
	struct nef		*n = x->x_n;
	struct nef_recipient	 one, *r, **list;
	size_t			*count, *cap;
	int			 rc;

	list = listed ? &n->n_listed : &n->n_unlisted;
	count = listed ? &n->n_nlisted : &n->n_nunlisted;
	cap = listed ? &x->x_lcap : &x->x_ucap;
	rc = nefrcpt_line(&x->x_rcpt, &x->x_d, l, listed, x->x_a,
	    *count > 0 ? &(*list)[*count - 1] : NULL, &one, &n->n_trunc);
	if (rc <= 0)
		return;
	if (*count >= NEF_MAX_RECIPIENTS) {
		n->n_trunc |= NEF_TRUNC_RECIPIENTS;
		return;
	}
	r = arena_grow(x->x_a, *list, *count, sizeof *r, cap, *count + 1);
	if (r == NULL)
		return;
	*list = r;
	r[(*count)++] = one;
}

struct nef *
nef_new_rejected(enum nef_reason r)
{
	struct nef	*n;
	struct arena	*a = arena_new();

	if (a == NULL)
		return NULL;
	n = arena_alloc(a, sizeof *n);
	if (n == NULL) {
		arena_free(a);
		return NULL;
	}
	n->n_arena = a;
	n->n_kind = NEF_NOT_NOTICE;
	n->n_reason = r;
	return n;
}

struct nef *
nef_free(struct nef *n)
{
	if (n != NULL)
		arena_free(n->n_arena);	/* n itself lives in the arena */
	return NULL;
}
