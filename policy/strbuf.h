/*
 * strbuf: growable, always NUL-terminated byte strings.
 *
 * A struct strbuf starts zeroed (STRBUF_INIT) and grows on demand.  After an
 * allocation failure, or when the buffer would grow past its limit
 * (sb_max, 0 = no limit), the buffer sets sb_err and ignores every later
 * append; callers check strbuf_error() once at the end instead of after each
 * call.  strbuf_reset() empties the buffer and clears the error, keeping the
 * memory and the limit.  strbuf_free() releases the memory; strbuf_detach()
 * hands it to the caller, who must free() it; both leave a zeroed buffer
 * (no limit).
 */
#ifndef NEF_STRBUF_H
#define NEF_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct strbuf {
	char	*sb_s;		/* NUL-terminated; NULL until the first append */
	size_t	 sb_len;	/* bytes in use, without the NUL */
	size_t	 sb_cap;	/* bytes allocated */
	size_t	 sb_max;	/* limit on sb_len, 0 = none */
	int	 sb_err;	/* sticky: 0, or ENOMEM / E2BIG */
};

#define STRBUF_INIT { NULL, 0, 0, 0, 0 }

void	 strbuf_init(struct strbuf *, size_t max);
int	 strbuf_append(struct strbuf *, const void *, size_t);
int	 strbuf_puts(struct strbuf *, const char *);
int	 strbuf_putc(struct strbuf *, int);
int	 strbuf_printf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
int	 strbuf_vprintf(struct strbuf *, const char *, va_list);
void	 strbuf_truncate(struct strbuf *, size_t);
void	 strbuf_reset(struct strbuf *);
int	 strbuf_error(const struct strbuf *);
const char *strbuf_str(const struct strbuf *);	/* "" when empty */
char	*strbuf_detach(struct strbuf *);	/* caller frees; NULL on error */
void	 strbuf_free(struct strbuf *);

#endif
