/*
 * nefctx: the parser's state while it reads one notice (internal to the
 * nef parser: policy/nef.c reads the lines, policy/neffinish.c turns what
 * was read into the notice-wide facts).  Nothing outside the nef*.c files
 * includes this header.
 */
#ifndef NEF_NEFCTX_H
#define NEF_NEFCTX_H

#include <stddef.h>

#include "nef.h"
#include "nefline.h"
#include "nefrcpt.h"
#include "strbuf.h"

struct arena;

enum mode {
	M_NONE, M_FILER, M_TEXT, M_DOCNUM, M_STAMP, M_LISTED, M_UNLISTED,
	M_TRANSACTION
};

/* Which field an empty label leaves waiting for the next line. */
enum pending {
	P_NONE, P_CASE_NAME, P_CASE_NUMBER, P_DOC_NUMBER, P_DOC_DESC,
	P_FILENAME, P_FILER
};

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
};

/* A copy of s[0..n) without surrounding blanks, cut at max bytes (0:
 * NEF_FIELD_MAX) on a UTF-8 boundary, in the notice's arena. */
char	*nefctx_dup_trim(struct ctx *, const char *s, size_t n, size_t max);
/* Folded text (neftext_fold()) in the arena, cut at NEF_TEXT_MAX. */
char	*nefctx_clean_text(struct ctx *, const char *s, size_t len, int js);
/* The transaction line: dates filed and entered, time, who entered it. */
void	 nefctx_transaction(struct ctx *, const char *s, size_t len);
/* The stamp collected for the current document. */
void	 nefctx_finish_stamp(struct ctx *);
/* After the last line: kind, court, links, names, descriptions. */
void	 nefctx_finish(struct ctx *, const struct nef_input *);

#endif
