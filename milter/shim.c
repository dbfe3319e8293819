/*
 * NAME
 *	shim 3 - libmilter, or the offline driver, behind one interface
 * SYNOPSIS
 *	#include "shim.h"
 * DESCRIPTION
 *	The default operations call libmilter.  shim_set_ops() swaps in
 *	another table before any session starts; it is not meant to change
 *	while callbacks run.
 */
#include <libmilter/mfapi.h>
#include <stddef.h>

#include "shim.h"

static void	*lm_getpriv(void *);
static int	 lm_setpriv(void *, void *);
static const char *lm_getsymval(void *, const char *);
static int	 lm_addheader(void *, const char *, const char *);
static int	 lm_chgheader(void *, const char *, int, const char *);
static int	 lm_addrcpt(void *, const char *);
static int	 lm_delrcpt(void *, const char *);
static int	 lm_replacebody(void *, const unsigned char *, size_t);
static int	 lm_quarantine(void *, const char *);
static int	 lm_setreply(void *, const char *, const char *, const char *);
static int	 lm_progress(void *);

static const struct shim_ops lm_ops = {
	lm_getpriv, lm_setpriv, lm_getsymval, lm_addheader, lm_chgheader,
	lm_addrcpt, lm_delrcpt, lm_replacebody, lm_quarantine, lm_setreply,
	lm_progress
};
static const struct shim_ops *ops = &lm_ops;

#define RC(x)	((x) == MI_SUCCESS ? 0 : -1)

static void *
lm_getpriv(void *ctx)
{
	return smfi_getpriv(ctx);
}

static int
lm_setpriv(void *ctx, void *p)
{
	return RC(smfi_setpriv(ctx, p));
}

static const char *
lm_getsymval(void *ctx, const char *name)
{
	return smfi_getsymval(ctx, (char *)name);
}

static int
lm_addheader(void *ctx, const char *n, const char *v)
{
	return RC(smfi_addheader(ctx, (char *)n, (char *)v));
}

static int
lm_chgheader(void *ctx, const char *n, int idx, const char *v)
{
	return RC(smfi_chgheader(ctx, (char *)n, idx, (char *)v));
}

static int
lm_addrcpt(void *ctx, const char *r)
{
	return RC(smfi_addrcpt(ctx, (char *)r));
}

static int
lm_delrcpt(void *ctx, const char *r)
{
	return RC(smfi_delrcpt(ctx, (char *)r));
}

static int
lm_replacebody(void *ctx, const unsigned char *b, size_t n)
{
	return RC(smfi_replacebody(ctx, (unsigned char *)b, (int)n));
}

static int
lm_quarantine(void *ctx, const char *reason)
{
	return RC(smfi_quarantine(ctx, (char *)reason));
}

static int
lm_setreply(void *ctx, const char *rc, const char *xc, const char *t)
{
	return RC(smfi_setreply(ctx, (char *)rc, (char *)xc, (char *)t));
}

static int
lm_progress(void *ctx)
{
	return RC(smfi_progress(ctx));
}

void
shim_set_ops(const struct shim_ops *o)
{
	ops = o != NULL ? o : &lm_ops;
}

void *shim_getpriv(void *ctx) { return ops->getpriv(ctx); }
int shim_setpriv(void *ctx, void *p) { return ops->setpriv(ctx, p); }
const char *shim_getsymval(void *ctx, const char *n) { return ops->getsymval(ctx, n); }
int shim_addheader(void *ctx, const char *n, const char *v) { return ops->addheader(ctx, n, v); }
int shim_chgheader(void *ctx, const char *n, int i, const char *v) { return ops->chgheader(ctx, n, i, v); }
int shim_addrcpt(void *ctx, const char *r) { return ops->addrcpt(ctx, r); }
int shim_delrcpt(void *ctx, const char *r) { return ops->delrcpt(ctx, r); }
int shim_replacebody(void *ctx, const unsigned char *b, size_t n) { return ops->replacebody(ctx, b, n); }
int shim_quarantine(void *ctx, const char *r) { return ops->quarantine(ctx, r); }
int shim_setreply(void *ctx, const char *rc, const char *xc, const char *t) { return ops->setreply(ctx, rc, xc, t); }
int shim_progress(void *ctx) { return ops->progress(ctx); }
