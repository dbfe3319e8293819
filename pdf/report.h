/*
 * report: what nefpdf found in one document, and its JSON form.
 *
 * The JSON object nefpdf prints (and "nefmilter --inspect" passes on) is
 * the helper's interface; members may be added, none removed:
 *
 *	{"status": "checked" | "error" | "timeout" | "too-large",
 *	 "detail": "why it was not checked" (absent when checked),
 *	 "pages": N, "pages_checked": N,
 *	 "bad_redactions": [{"page": P, "bbox": [x0, y0, x1, y1],
 *	                     "kind": "cover" | "annotation" | "highlight" |
 *	                             "image" | "unapplied",
 *	                     "text": "the words under the cover"}],
 *	 "identifiers": [{"page": P, "kind": "ssn" | "birth_date" |
 *	                  "account", "shown": "XXX-XX-6789"}],
 *	 "truncated": false, "engine": "MuPDF 1.21.1", "ms": T}
 *
 * Pages count from 1; a bbox is in points, from the page's top left
 * corner, y downwards.  An identifier is listed once per page however
 * often it appears there, and two different numbers are listed apart
 * even when they show the same (two SSNs that end alike): they are told
 * apart by a keyed hash of their digits, whose key is drawn at random
 * in report_init(); the hash stays in memory and is never printed.
 * Lists stop at REPORT_MAX_ITEMS each
 * ("truncated": true).  A document that could not be checked to the end
 * keeps what was found before.
 */
#ifndef NEF_PDF_REPORT_H
#define NEF_PDF_REPORT_H

#include <stddef.h>
#include <stdio.h>

#define REPORT_MAX_ITEMS	1000
#define REPORT_DETAIL_MAX	200
#define REPORT_TAG_LEN		16	/* bytes of an identifier's hash */
#define REPORT_KEY_LEN		32

enum report_status { REPORT_CHECKED, REPORT_ERROR, REPORT_TIMEOUT,
	REPORT_TOO_LARGE };

struct report_redaction {
	int	 rr_page;
	float	 rr_bbox[4];
	int	 rr_kind;		/* enum cover_kind */
	char	*rr_text;
};

struct report_identifier {
	int	 ri_page;
	int	 ri_kind;		/* enum pii_kind */
	char	 ri_shown[64];
	unsigned char ri_tag[REPORT_TAG_LEN];	/* keyed hash of the digits */
};

struct report {
	int			 r_status;	/* enum report_status */
	char			 r_detail[REPORT_DETAIL_MAX];
	int			 r_pages;
	int			 r_pages_checked;
	int			 r_truncated;
	long			 r_ms;
	struct report_redaction	*r_red;
	size_t			 r_nred;
	struct report_identifier *r_ids;
	size_t			 r_nids;
	unsigned char		 r_key[REPORT_KEY_LEN];	/* for ri_tag */
};

/* An empty report, status checked, with a fresh random key (a key of
 * zeros when the kernel gives no randomness: identifiers are still
 * told apart). */
void	 report_init(struct report *);
void	 report_free(struct report *);
/* Set a status other than checked, with a printable reason (the first
 * one set stays). */
void	 report_fail(struct report *, int status, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Add a finding (text is copied).  0, or -1 when memory ran out. */
int	 report_add_redaction(struct report *, int page, const float bbox[4],
	    int kind, const char *text);
/* Add an identifier unless the page lists it already: raw[0..rawlen)
 * is the identifier as the text has it, whose letters and digits are
 * hashed and not kept; shown is its masked form.  0 or -1. */
int	 report_add_identifier(struct report *, int page, int kind,
	    const char *shown, const char *raw, size_t rawlen);
/* Print the JSON object and a newline.  0, or -1 on a write error. */
int	 report_print(const struct report *, FILE *);
/* "checked", "error", "timeout", "too-large". */
const char *report_status_name(int status);

#endif
