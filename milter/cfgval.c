/*
 * NAME
 *	cfgval 3 - the typed values of the settings table
 * SYNOPSIS
 *	#include "cfgval.h"
 *
 *	cfgval_apply(cfg, &def, "20M", 0, "FILE:LINE", LINE, err);
 *	cfgval_format(cfg, &def, sb);
 *	cfgval_clear(cfg, &def);
 * DESCRIPTION
 *	See cfgval.h.  Numbers take a unit: sizes K, M or G (and an
 *	optional B), times s, m, h or d; a mode is octal.  Bounds apply
 *	after the unit.  Booleans are yes/no, true/false, on/off or 1/0.
 *	A list splits at commas and blanks; a CFGVAL_LINES entry is the
 *	whole value.
 * DIAGNOSTICS
 *	cfgval_apply() returns -1 and appends one "WHERE: KEY: expected
 *	..., not "VALUE"" line to the error buffer for a value it refuses.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg.h"
#include "cfgval.h"
#include "strbuf.h"

static int	 number(const struct cfgval_def *, const char *, uint64_t *);
static int	 list_add(struct cfg_list *, const char *, int line);
static void	 list_clear(struct cfg_list *);
static int	 apply_bool(int *, const char *);
static int	 apply_enum(int *, const struct cfgval_def *, const char *,
		    const char *, struct strbuf *);
static int	 apply_list(struct cfg_list *, const struct cfgval_def *,
		    const char *, int, int);
static const char *expect(const struct cfgval_def *);
static void	 refuse(const struct cfgval_def *, const char *, const char *,
		    struct strbuf *);
static void	 format_unit(uint64_t, int, struct strbuf *);

/* Parse a number with an optional unit suffix.  0 or -1. */
static int
number(const struct cfgval_def *d, const char *s, uint64_t *out)
{
	char			*end;
	unsigned long long	 v, mul = 1;

	if (!isdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoull(s, &end, d->d_type == CFGVAL_MODE ? 8 : 10);
	if (errno != 0)
		return -1;
	if (d->d_type == CFGVAL_SIZE) {
		switch (*end) {
		case 'k': case 'K': mul = 1024; end++; break;
		case 'm': case 'M': mul = 1024 * 1024; end++; break;
		case 'g': case 'G': mul = 1024ULL * 1024 * 1024; end++; break;
		}
		if (*end == 'b' || *end == 'B')
			end++;
	} else if (d->d_type == CFGVAL_TIME) {
		switch (*end) {
		case 's': end++; break;
		case 'm': mul = 60; end++; break;
		case 'h': mul = 3600; end++; break;
		case 'd': mul = 86400; end++; break;
		}
	}
	if (*end != '\0' || (mul > 1 && v > UINT64_MAX / mul))
		return -1;
	v *= mul;
	if ((d->d_min != 0 || d->d_max != 0) && (v < d->d_min || v > d->d_max))
		return -1;
	*out = v;
	return 0;
}

static int
list_add(struct cfg_list *l, const char *s, int line)
{
	char	**v;
	int	 *ln;

	if ((ln = realloc(l->l_line, (l->l_n + 1) * sizeof(*ln))) == NULL)
		return -1;
	l->l_line = ln;
	ln[l->l_n] = line;
	if ((v = realloc(l->l_v, (l->l_n + 1) * sizeof(*v))) == NULL)
		return -1;
	l->l_v = v;
	if ((v[l->l_n] = strdup(s)) == NULL)
		return -1;
	l->l_n++;
	return 0;
}

static void
list_clear(struct cfg_list *l)
{
	size_t	i;

	for (i = 0; i < l->l_n; i++)
		free(l->l_v[i]);
	free(l->l_v);
	free(l->l_line);
	l->l_v = NULL;
	l->l_line = NULL;
	l->l_n = 0;
}

static const char *
expect(const struct cfgval_def *d)
{
	switch (d->d_type) {
	case CFGVAL_BOOL: return "yes or no";
	case CFGVAL_INT: return "a whole number";
	case CFGVAL_MODE: return "an octal mode such as 0660";
	case CFGVAL_SIZE: return "a size such as 512K, 20M or 1G";
	case CFGVAL_TIME: return "a time such as 30s, 5m, 2h or 30d";
	case CFGVAL_ENUM: return "one of the names listed in nefmilter.conf(5)";
	default: return "a value";
	}
}

/* Append "WHERE: KEY: expected ..., not "VAL"" for a refused value. */
static void
refuse(const struct cfgval_def *d, const char *val, const char *where,
    struct strbuf *err)
{
	strbuf_printf(err, "%s: %s: expected %s", where, d->d_name, expect(d));
	if (d->d_type == CFGVAL_MODE)
		strbuf_printf(err, " up to %04llo", (unsigned long long)d->d_max);
	else if (d->d_min != 0 || d->d_max != 0)
		strbuf_printf(err, " between %llu and %llu%s",
		    (unsigned long long)d->d_min, (unsigned long long)d->d_max,
		    d->d_type == CFGVAL_TIME ? " seconds" :
		    d->d_type == CFGVAL_SIZE ? " bytes" : "");
	strbuf_printf(err, ", not \"%s\"\n", val);
}

/* 0, or -1 when val is no boolean. */
static int
apply_bool(int *p, const char *val)
{
	if (!strcasecmp(val, "yes") || !strcasecmp(val, "true") ||
	    !strcmp(val, "1") || !strcasecmp(val, "on"))
		*p = 1;
	else if (!strcasecmp(val, "no") || !strcasecmp(val, "false") ||
	    !strcmp(val, "0") || !strcasecmp(val, "off"))
		*p = 0;
	else
		return -1;
	return 0;
}

/* 0, or -1 with the names expected appended to err. */
static int
apply_enum(int *p, const struct cfgval_def *d, const char *val,
    const char *where, struct strbuf *err)
{
	size_t	i;

	for (i = 0; d->d_enum[i] != NULL; i++)
		if (strcasecmp(val, d->d_enum[i]) == 0) {
			*p = (int)i;
			return 0;
		}
	strbuf_printf(err, "%s: %s: expected one of", where, d->d_name);
	for (i = 0; d->d_enum[i] != NULL; i++)
		strbuf_printf(err, " %s", d->d_enum[i]);
	strbuf_printf(err, ", not \"%s\"\n", val);
	return -1;
}

/* A CFGVAL_LIST or CFGVAL_LINES value.  0, or -1 when memory runs out. */
static int
apply_list(struct cfg_list *l, const struct cfgval_def *d, const char *val,
    int append, int line)
{
	char	*copy, *tok, *save;

	if (d->d_type == CFGVAL_LINES) {
		if (!append)
			list_clear(l);
		return *val == '\0' ? 0 : list_add(l, val, line);
	}
	if (!append || !d->d_repeat)
		list_clear(l);
	if ((copy = strdup(val)) == NULL)
		return -1;
	for (tok = strtok_r(copy, ", \t", &save); tok != NULL;
	    tok = strtok_r(NULL, ", \t", &save))
		if (list_add(l, tok, line) != 0) {
			free(copy);
			return -1;
		}
	free(copy);
	return 0;
}

int
cfgval_repeatable(const struct cfgval_def *d)
{
	return (d->d_type == CFGVAL_LIST || d->d_type == CFGVAL_LINES) &&
	    d->d_repeat;
}

int
cfgval_apply(void *base, const struct cfgval_def *d, const char *val,
    int append, const char *where, int line, struct strbuf *err)
{
	void		*p = (char *)base + d->d_off;
	uint64_t	 n;
	char		*copy;

	switch (d->d_type) {
	case CFGVAL_STR:
		if ((copy = strdup(val)) == NULL)
			return -1;
		free(*(char **)p);
		*(char **)p = copy;
		return 0;
	case CFGVAL_BOOL:
		if (apply_bool(p, val) == 0)
			return 0;
		break;
	case CFGVAL_INT:
	case CFGVAL_SIZE:
	case CFGVAL_TIME:
	case CFGVAL_MODE:
		if (number(d, val, &n) != 0)
			break;
		*(uint64_t *)p = n;
		return 0;
	case CFGVAL_ENUM:
		return apply_enum(p, d, val, where, err);
	case CFGVAL_LINES:
	case CFGVAL_LIST:
		return apply_list(p, d, val, append, line);
	}
	refuse(d, val, where, err);
	return -1;
}

/* A size (is_time 0) or a time in its largest exact unit. */
static void
format_unit(uint64_t v, int is_time, struct strbuf *sb)
{
	static const struct unit { uint64_t m; char s; } su[] = {
		{ 1024ULL * 1024 * 1024, 'G' }, { 1024 * 1024, 'M' },
		{ 1024, 'K' }, { 0, 0 } },
	    tu[] = { { 86400, 'd' }, { 3600, 'h' }, { 60, 'm' }, { 0, 0 } };
	const struct unit *u = is_time ? tu : su;

	for (; u->m != 0; u++)
		if (v != 0 && v % u->m == 0)
			break;
	if (u->m != 0)
		strbuf_printf(sb, "%llu%c", (unsigned long long)(v / u->m), u->s);
	else
		strbuf_printf(sb, "%llu%s", (unsigned long long)v,
		    is_time ? "s" : "");
}

void
cfgval_format(const void *base, const struct cfgval_def *d, struct strbuf *sb)
{
	const void		*p = (const char *)base + d->d_off;
	const struct cfg_list	*l;
	size_t			 i;

	switch (d->d_type) {
	case CFGVAL_STR:
		strbuf_puts(sb, *(char *const *)p ? *(char *const *)p : "");
		break;
	case CFGVAL_BOOL:
		strbuf_puts(sb, *(const int *)p ? "yes" : "no");
		break;
	case CFGVAL_INT:
		strbuf_printf(sb, "%llu", (unsigned long long)*(const uint64_t *)p);
		break;
	case CFGVAL_MODE:
		strbuf_printf(sb, "%04llo", (unsigned long long)*(const uint64_t *)p);
		break;
	case CFGVAL_SIZE:
	case CFGVAL_TIME:
		format_unit(*(const uint64_t *)p, d->d_type == CFGVAL_TIME, sb);
		break;
	case CFGVAL_ENUM:
		strbuf_puts(sb, d->d_enum[*(const int *)p]);
		break;
	case CFGVAL_LIST:
	case CFGVAL_LINES:
		l = p;
		for (i = 0; i < l->l_n; i++)
			strbuf_printf(sb, "%s%s", i ? ", " : "", l->l_v[i]);
		break;
	}
}

void
cfgval_clear(void *base, const struct cfgval_def *d)
{
	void	*p = (char *)base + d->d_off;

	if (d->d_type == CFGVAL_STR) {
		free(*(char **)p);
		*(char **)p = NULL;
	} else if (d->d_type == CFGVAL_LIST || d->d_type == CFGVAL_LINES)
		list_clear(p);
}
