/*
 * piictx: the labels and number shapes pii.c reasons with (internal to
 * the identifier rules; see pii.h for the rules themselves).
 *
 * A chain is a maximal run of digit groups joined by single separators,
 * as pii.h defines it.  piictx_chain() reads one at a position; the label
 * functions look for a label of a class before (or after) a span of the
 * text.  Everything is pure and reads the text only.
 */
#ifndef NEF_PIICTX_H
#define NEF_PIICTX_H

#include <stddef.h>

#define PIICTX_GROUPS	8	/* groups in one chain, at most */
#define PIICTX_GROUP_MAX 24	/* characters in one group, at most */

/* Separator classes.  PIICTX_SEP_SDASH is a dash with a blank beside
 * it (" - ", "- ", " -"): of the dashes' family and of the blanks' when
 * the separators of a chain are compared, and, like a blank, never
 * enough without a label. */
enum { PIICTX_SEP_DASH = 1, PIICTX_SEP_SPACE, PIICTX_SEP_DOT,
	PIICTX_SEP_SLASH, PIICTX_SEP_SDASH };

struct piictx_chain {
	size_t		c_start, c_end;		/* bytes of the whole chain */
	int		c_ngroups;
	size_t		c_goff[PIICTX_GROUPS];	/* start of each group */
	size_t		c_gend[PIICTX_GROUPS];	/* its end */
	unsigned char	c_glen[PIICTX_GROUPS];	/* characters of each */
	unsigned char	c_gdig[PIICTX_GROUPS];	/* digits of each */
	unsigned char	c_sep[PIICTX_GROUPS];	/* class before group i (0
						   for the first) */
	int		c_digits;		/* visible digits */
	int		c_masked;		/* masking characters */
};

/* Label classes. */
enum piictx_label {
	PIICTX_L_SSN,		/* SSN, Social Security, TIN ... */
	PIICTX_L_TIN,		/* TIN, taxpayer identification, tax ID */
	PIICTX_L_BIRTH,		/* DOB, date of birth, born ... */
	PIICTX_L_ACCOUNT,	/* account, acct, card number ... */
	PIICTX_L_PHONE,		/* phone, tel, fax ... */
	PIICTX_L_OTHER,		/* case, claim, docket, Bates ... */
	PIICTX_L_ROUTING,	/* routing, ABA */
	PIICTX_NLABELS
};

/*
 * Read the chain that starts at text[i] (a digit or a masking character
 * where a chain may start).  Returns 1 and fills *c, or 0 when no chain
 * starts there (then *c->c_end is the first byte to look at next).
 */
int	 piictx_chain(const char *text, size_t len, size_t i,
	    struct piictx_chain *c);
/* 1 when a chain may start at text[i] (pii.h: the byte before, and a
 * separator before it, are no part of a word). */
int	 piictx_chain_start(const char *text, size_t len, size_t i);

/* Bytes of the separator at text[i] (0: none); its class in *cls. */
size_t	 piictx_sep(const char *text, size_t len, size_t i, int *cls);

/*
 * A label of class cls ends within PII_CONTEXT_BYTES before text[at],
 * with nothing between it and `at` that breaks the link (a digit, ';',
 * an end of sentence).  Returns 1 (and the byte after the label in
 * *where, which may be NULL: the larger, the nearer) or 0.
 */
int	 piictx_label_before(const char *text, size_t len, size_t at, int cls,
	    size_t *where);
/* A label of class cls starts within PII_AFTER_BYTES after text[at],
 * with only blanks and punctuation between. */
int	 piictx_label_after(const char *text, size_t len, size_t at, int cls);

/* The month (1-12) named by the word at text[i..) (full name or a
 * three-letter abbreviation, "Sept" too, an optional '.'), with its
 * length in *n; 0 when there is none. */
int	 piictx_month(const char *text, size_t len, size_t i, size_t *n);

/* ASCII classes. */
static inline int piictx_digit(int c) { return c >= '0' && c <= '9'; }
static inline int piictx_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline int piictx_alnum(int c)
{
	return piictx_digit(c) || piictx_alpha(c);
}

#endif
