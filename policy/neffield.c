/*
 * NAME
 *	neffield 3 - fields of a notice from one piece of text
 * SUMMARY
 *	copies in the notice's arena, the transaction sentence, the stamp
 * SYNOPSIS
 *	#include "neffield.h"
 *
 *	char *neffield_dup(struct nef *n, const char *s, size_t len,
 *	    size_t max);
 *	char *neffield_fold(struct nef *n, const char *s, size_t len, int js);
 *	void neffield_transaction(struct nef *n, const char *s, size_t len);
 *	void neffield_stamp(struct nef *n, struct nef_doc *d, const char *s,
 *	    size_t len);
 * DESCRIPTION
 *	See neffield.h.
 * DIAGNOSTICS
 *	None: memory errors leave fields NULL and the arena's error set.
 */
#include <ctype.h>
#include <string.h>

#include "arena.h"
#include "nef.h"
#include "neffield.h"
#include "neftext.h"

char *
neffield_dup(struct nef *n, const char *s, size_t len, size_t max)
{
	if (max == 0)
		max = NEF_FIELD_MAX;
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1]))
		len--;
	if (len > max) {
		len = max;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
		n->n_trunc |= NEF_TRUNC_TEXT;
	}
	return arena_strndup(n->n_arena, s, len);
}

char *
neffield_fold(struct nef *n, const char *s, size_t len, int js)
{
	char	*r;

	if (len >= NEF_TEXT_MAX) {
		len = NEF_TEXT_MAX - 1;
		n->n_trunc |= NEF_TRUNC_TEXT;
	}
	r = arena_alloc(n->n_arena, len + 1);
	if (r != NULL)
		neftext_fold(s, len, js, r);
	return r;
}

void
neffield_transaction(struct nef *n, const char *s, size_t len)
{
	struct neftext_trans	 t;

	neftext_transaction(s, len, &t);
	if (n->n_date_filed[0] == '\0')
		memcpy(n->n_date_filed, t.t_filed, sizeof n->n_date_filed);
	if (n->n_date_entered[0] != '\0' || t.t_entered[0] == '\0')
		return;
	memcpy(n->n_date_entered, t.t_entered, sizeof n->n_date_entered);
	if (t.t_time_len > 0)
		n->n_time_entered = neffield_dup(n, s + t.t_time_off,
		    t.t_time_len, 64);
	if (t.t_by_len > 0)
		n->n_entered_by = neffield_dup(n, s + t.t_by_off, t.t_by_len, 0);
}

void
neffield_stamp(struct nef *n, struct nef_doc *d, const char *s, size_t len)
{
	struct neftext_stamp	 st;

	if (d == NULL)
		return;
	neftext_stamp(s, len, &st);
	if (st.st_id_len > 0)
		d->d_stamp_id = neffield_dup(n, s + st.st_id_off, st.st_id_len,
		    64);
	if (st.st_file_number[0] != '\0')
		d->d_file_number = arena_strdup(n->n_arena, st.st_file_number);
	if (st.st_attno >= 0)
		d->d_attno = st.st_attno;
}
