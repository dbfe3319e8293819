/*
 * shim: the only way the milter's logic reaches libmilter.
 *
 * Every call takes the opaque context of the current callback.  In the
 * daemon the context is libmilter's SMFICTX and the calls go to smfi_*();
 * in offline mode ("nefmilter -t") the offline driver installs its own
 * operations, so the same session code runs without an MTA.
 *
 * Return values: 0 on success, -1 on failure (as MI_SUCCESS/MI_FAILURE).
 * shim_getsymval() returns a string owned by libmilter, valid until the
 * callback returns, or NULL.
 */
#ifndef NEF_SHIM_H
#define NEF_SHIM_H

#include <stddef.h>

struct shim_ops {
	void	*(*getpriv)(void *ctx);
	int	 (*setpriv)(void *ctx, void *priv);
	const char *(*getsymval)(void *ctx, const char *name);
	int	 (*addheader)(void *ctx, const char *name, const char *value);
	int	 (*chgheader)(void *ctx, const char *name, int idx, const char *value);
	int	 (*addrcpt)(void *ctx, const char *rcpt);
	int	 (*delrcpt)(void *ctx, const char *rcpt);
	int	 (*replacebody)(void *ctx, const unsigned char *buf, size_t len);
	int	 (*quarantine)(void *ctx, const char *reason);
	int	 (*setreply)(void *ctx, const char *rcode, const char *xcode,
		    const char *text);
	int	 (*progress)(void *ctx);	/* end of message only */
};

/* Replace the operations (offline mode); NULL restores libmilter's. */
void	 shim_set_ops(const struct shim_ops *);

void	*shim_getpriv(void *ctx);
int	 shim_setpriv(void *ctx, void *priv);
const char *shim_getsymval(void *ctx, const char *name);
int	 shim_addheader(void *ctx, const char *name, const char *value);
int	 shim_chgheader(void *ctx, const char *name, int idx, const char *value);
int	 shim_addrcpt(void *ctx, const char *rcpt);
int	 shim_delrcpt(void *ctx, const char *rcpt);
int	 shim_replacebody(void *ctx, const unsigned char *buf, size_t len);
int	 shim_quarantine(void *ctx, const char *reason);
int	 shim_setreply(void *ctx, const char *rcode, const char *xcode,
	    const char *text);
/* "Still working" (SMFIR_PROGRESS): allowed during end of message only,
 * on the callback's thread; see progress.h. */
int	 shim_progress(void *ctx);

#endif
