/*
 * page: what a court's answer to a document link is.
 *
 * page_classify() reads the bytes a court sent back (never trusting the
 * Content-Type) and says what they are:
 *
 *	PAGE_PDF		the document itself (starts with "%PDF-")
 *	PAGE_LOGIN		a login prompt: the CurrentGen "CM/ECF Filer or
 *				PACER Login" form (name="GetPass"), any password
 *				field (txwd-style own login pages), a redirect,
 *				form or link to the NextGen PACER login host.
 *				The free look is gone or the document restricted;
 *				the fetch of that document must end at once.
 *	PAGE_RECEIPT		a Transaction Receipt / Download Confirmation
 *				page: following it costs money; never followed.
 *	PAGE_MENU		the free-look attachment menu; p_att lists every
 *				document in it (the main document first).
 *	PAGE_SEALED, PAGE_RESTRICTED, PAGE_PERMISSION, PAGE_UNAVAILABLE
 *				the court's own refusals (cmecf.md 5.5);
 *				p_match names the string that matched.
 *	PAGE_PDF_IN_HTML	a PDF pasted into an HTML page ("pdf:Producer").
 *	PAGE_IFRAME		a wrapper whose iframe src (p_target) is the
 *				document, e.g. /cgi-bin/show_temp.pl?file=...
 *	PAGE_REDIRECT		window.location / location.assign / meta
 *				refresh to p_target.
 *	PAGE_UNKNOWN		anything else (the caller treats it as
 *				unavailable).
 *
 * The checks run in that order of precedence (a login page also contains
 * "You do not have permission to view this document"; a menu may
 * describe an attachment as "Sealed Document").  Text is matched ASCII
 * case-insensitively with tags removed, entities decoded and runs of
 * white space folded, so markup and line breaks inside a phrase do not
 * matter.  Page text is HTML, read by a small tokenizer; no regular
 * expressions run over markup.
 *
 * Limits on untrusted input: PAGE_MAX_ATTACHMENTS rows of a menu,
 * PAGE_DESC_MAX bytes of a description, URL_MAX bytes of a target.
 *
 * Ownership: page_classify() returns a struct page the caller frees with
 * page_free() (page_free(NULL) is a no-op and returns NULL).  Every string
 * in it belongs to the struct, except p_match, which is a static string.
 */
#ifndef NEF_PAGE_H
#define NEF_PAGE_H

#include <stddef.h>

#define PAGE_MAX_ATTACHMENTS	1000
#define PAGE_DESC_MAX		256
#define PAGE_SIZE_MAX		32
#define PAGE_CLAIM_SIZE		24	/* a goDLS claim argument, NUL */

enum page_kind {
	PAGE_UNKNOWN = 0,
	PAGE_PDF,
	PAGE_LOGIN,
	PAGE_RECEIPT,
	PAGE_MENU,
	PAGE_SEALED,
	PAGE_RESTRICTED,
	PAGE_PERMISSION,
	PAGE_UNAVAILABLE,
	PAGE_PDF_IN_HTML,
	PAGE_IFRAME,
	PAGE_REDIRECT,
};

struct page_att {
	int	 pa_number;	/* 0: the main document; else as shown */
	char	*pa_link;	/* goDLS form_post_url, else the href */
	char	*pa_caseid;	/* goDLS arguments; "" when absent */
	char	*pa_seq;
	char	*pa_magic;
	char	 pa_claim[3][PAGE_CLAIM_SIZE];	/* a claim's claim_id,
				   claim_num, claim_doc_seq (goDLS 9-11) */
	char	*pa_desc;	/* the description cell, folded; "" */
	int	 pa_pages;	/* -1 when not shown */
	char	*pa_size;	/* as shown ("171.8 KB"); "" */
};

struct page {
	int		 p_kind;	/* enum page_kind */
	char		*p_target;	/* iframe src, redirect or login
					 * target as written; NULL if none */
	const char	*p_match;	/* static: the text that decided */
	int		 p_docnum;	/* menu: the entry's number; -1 */
	size_t		 p_natt;
	struct page_att	*p_att;		/* menu rows, main document first */
};

/* 1 when the bytes start with "%PDF-". */
int	 page_is_pdf(const void *bytes, size_t len);

/* Classify len bytes.  0 and *out set, or -1 when memory ran out. */
int	 page_classify(const char *bytes, size_t len, struct page **out);
struct page *page_free(struct page *);

/* 1 when a URL (absolute or not) points at a login prompt: the NextGen
 * PACER login host, its csologin path, or CurrentGen's login.pl. */
int	 page_is_login_url(const char *);

const char *page_kind_name(int kind);

#endif
