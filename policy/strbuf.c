/*
 * NAME
 *	strbuf 3 - growable byte strings
 * SYNOPSIS
 *	#include "strbuf.h"
 * DESCRIPTION
 *	See strbuf.h.  Growth doubles the allocation; a failed or refused
 *	growth leaves the content as it was and sets the sticky error.
 * DIAGNOSTICS
 *	Appends return 0 on success, -1 once the buffer is in error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

static int	strbuf_grow(struct strbuf *, size_t);

void
strbuf_init(struct strbuf *sb, size_t max)
{
	memset(sb, 0, sizeof(*sb));
	sb->sb_max = max;
}

static int
strbuf_grow(struct strbuf *sb, size_t more)
{
	size_t	need, cap;
	char	*p;

	if (sb->sb_err)
		return -1;
	if (more > (size_t)-1 / 2 - sb->sb_len) {
		sb->sb_err = ENOMEM;
		return -1;
	}
	need = sb->sb_len + more + 1;
	if (sb->sb_max != 0 && need > sb->sb_max + 1) {
		sb->sb_err = E2BIG;
		return -1;
	}
	if (need <= sb->sb_cap)
		return 0;
	cap = sb->sb_cap ? sb->sb_cap : 64;
	while (cap < need)
		cap *= 2;
	if ((p = realloc(sb->sb_s, cap)) == NULL) {
		sb->sb_err = ENOMEM;
		return -1;
	}
	sb->sb_s = p;
	sb->sb_cap = cap;
	return 0;
}

int
strbuf_append(struct strbuf *sb, const void *p, size_t n)
{
	if (strbuf_grow(sb, n) != 0)
		return -1;
	if (n > 0)
		memcpy(sb->sb_s + sb->sb_len, p, n);
	sb->sb_len += n;
	sb->sb_s[sb->sb_len] = '\0';
	return 0;
}

int
strbuf_puts(struct strbuf *sb, const char *s)
{
	return strbuf_append(sb, s, strlen(s));
}

int
strbuf_putc(struct strbuf *sb, int c)
{
	char	ch = (char)c;

	return strbuf_append(sb, &ch, 1);
}

int
strbuf_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0) {
		sb->sb_err = EINVAL;
		return -1;
	}
	if (strbuf_grow(sb, (size_t)n) != 0)
		return -1;
	vsnprintf(sb->sb_s + sb->sb_len, (size_t)n + 1, fmt, ap);
	sb->sb_len += (size_t)n;
	return 0;
}

int
strbuf_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	ap;
	int	rc;

	va_start(ap, fmt);
	rc = strbuf_vprintf(sb, fmt, ap);
	va_end(ap);
	return rc;
}

void
strbuf_truncate(struct strbuf *sb, size_t len)
{
	if (sb->sb_s != NULL && len < sb->sb_len) {
		sb->sb_len = len;
		sb->sb_s[len] = '\0';
	}
}

void
strbuf_reset(struct strbuf *sb)
{
	strbuf_truncate(sb, 0);
	sb->sb_err = 0;
}

int
strbuf_error(const struct strbuf *sb)
{
	return sb->sb_err;
}

const char *
strbuf_str(const struct strbuf *sb)
{
	return sb->sb_s != NULL ? sb->sb_s : "";
}

char *
strbuf_detach(struct strbuf *sb)
{
	char	*s;

	if (sb->sb_err) {
		strbuf_free(sb);
		return NULL;
	}
	s = sb->sb_s != NULL ? sb->sb_s : strdup("");
	memset(sb, 0, sizeof(*sb));
	return s;
}

void
strbuf_free(struct strbuf *sb)
{
	free(sb->sb_s);
	memset(sb, 0, sizeof(*sb));
}
