/*
 * neffield: the fields of a struct nef that come from one piece of text.
 *
 * The notice parser (policy/nef.c) and its finishing stage
 * (policy/neffinish.c) both keep strings in the notice's arena and both
 * mark a cut field in n_trunc; these helpers do it the one way.
 *
 * neffield_dup() copies s[0..n) without surrounding blanks, cut at max
 * bytes (0: NEF_FIELD_MAX) on a UTF-8 boundary; a cut sets
 * NEF_TRUNC_TEXT in n->n_trunc.  neffield_fold() copies folded text
 * (neftext_fold(), js as there), cut at NEF_TEXT_MAX.
 *
 * neffield_transaction() reads the transaction sentence ("The following
 * transaction was entered by X on 8/10/2022 at 12:42 PM CDT and filed on
 * 8/10/2022", neftext_transaction()) into the dates, time and "entered
 * by" of the notice; fields already set are kept.
 *
 * neffield_stamp() reads "[STAMP dcecfStamp_ID=... [FileNumber=N-A]
 * ...]" into the document's stamp, file number and attachment number.
 *
 * Strings live in the notice's arena (n->n_arena).  NULL means memory
 * ran out (the arena's error is then set).  All are thread-safe.
 */
#ifndef NEF_NEFFIELD_H
#define NEF_NEFFIELD_H

#include <stddef.h>

struct nef;
struct nef_doc;

char	*neffield_dup(struct nef *, const char *s, size_t n, size_t max);
char	*neffield_fold(struct nef *, const char *s, size_t len, int js);
void	 neffield_transaction(struct nef *, const char *s, size_t len);
void	 neffield_stamp(struct nef *, struct nef_doc *, const char *s,
	    size_t len);

#endif
