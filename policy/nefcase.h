/*
 * nefcase: the numbers of one case of a notice, as the line reader
 * (policy/nef.c) meets them.
 *
 * nefcase_number() reads a "Case Number:" value at text offset off of d
 * ("4:22-cv-05541-JST", "NYE/1:21-cv-02960", "1:17-cr-00201-ABJ https://
 * ...", "23-10456-mg to Judge ..."): the number as shown, the court
 * prefix before a '/', the docket parts and key (policy/docket.h), and
 * the case id of a docket link in that range (nefcase_link_id()).  nefcase_doc_number()
 * reads a "Document Number:" value ("96", "45(No document attached)").
 * nefcase_seen() tells whether v (its first word) is the number of a
 * case already read (a notice repeats its number further down).
 *
 * c may be NULL (nothing happens).  Strings go into n's arena.  Pure
 * and thread-safe.
 */
#ifndef NEF_NEFCASE_H
#define NEF_NEFCASE_H

#include <stddef.h>

struct nef;
struct nef_case;
struct nefline_doc;

void	nefcase_number(struct nef *, struct nef_case *,
	    const struct nefline_doc *, const char *v, size_t vn, size_t off);
void	nefcase_doc_number(struct nef *, struct nef_case *, const char *v,
	    size_t vn);
int	nefcase_seen(const struct nef *, const char *v, size_t vn);
/* The case id of the first docket link in text [off, off+len), when the
 * case has none yet. */
void	nefcase_link_id(struct nef *, struct nef_case *,
	    const struct nefline_doc *, size_t off, size_t len);

#endif
