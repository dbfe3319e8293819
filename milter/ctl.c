/*
 * NAME
 *	ctl - shared helpers of nefctl
 * SUMMARY
 *	exit codes, court and docket input, times
 * SYNOPSIS
 *	#include "ctl.h"
 * DESCRIPTION
 *	See ctl.h.  Docket numbers go through policy/docket.h, the same
 *	normalization the milter applies to notices, so what an
 *	administrator types ("4:22-cv-05541-JST", "4:22cv5541") finds the
 *	case the milter recorded.
 * DIAGNOSTICS
 *	ctl_fail() writes one line to standard error.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ctl.h"
#include "docket.h"
#include "runas.h"

#define CTL_TIME_MAX	64	/* longest time argument looked at */

static int	ctl_iso(const char *s, int64_t *out);

FILE *
ctl_fopen(const char *path, const char *mode)
{
	FILE	*fp;
	int	 e;

	runas_caller_enter();
	fp = fopen(path, mode);
	e = errno;
	runas_caller_leave();
	errno = e;
	return fp;
}

int
ctl_exit(int st)
{
	switch (st) {
	case STORE_OK:
		return CTL_OK;
	case STORE_ENOTFOUND:
	case STORE_ETOMBSTONED:
		return CTL_NOTFOUND;
	case STORE_EINVAL:
	case STORE_EADDR:
	case STORE_EDOMAIN:
		return CTL_USAGE;
	case STORE_ENOSTORE:
		return CTL_NOSTORE;
	case STORE_ELOCKED:
	case STORE_EBUSY:
		return CTL_LOCKED;
	case STORE_EMISSING:
	case STORE_ECORRUPT:
		return CTL_INTEGRITY;
	case STORE_EFULL:
	case STORE_ENOSPC:
		return CTL_FULL;
	case STORE_EACCES:
		return CTL_ACCESS;
	default:
		return CTL_ERROR;
	}
}

int
ctl_fail(int code, const char *fmt, ...)
{
	va_list ap;

	fputs("nefctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return code;
}

int
ctl_court(const char *in, char *out, size_t size)
{
	size_t i, n = strlen(in);

	if (n < 2 || n > STORE_COURT_MAX || n >= size)
		return -1;
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char)in[i]))
			return -1;
		out[i] = (char)tolower((unsigned char)in[i]);
	}
	out[n] = '\0';
	return 0;
}

int
ctl_docket(const char *in, char *out, size_t size)
{
	size_t n = strlen(in);

	if (n == 0 || n > DOCKET_INPUT_MAX)
		return -1;
	return docket_normalize(in, n, out, size) == 0 && out[0] != '\0' &&
	    strlen(out) <= STORE_DOCKET_MAX ? 0 : -1;
}

/* ISO 8601 date, optional time, optional zone (UTC when none). */
static int
ctl_iso(const char *s, int64_t *out)
{
	struct tm tm;
	int y, mo, d, h = 0, mi = 0, se = 0, zh = 0, zm = 0, n = 0, sign = 1;
	time_t t;

	if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 || n != 10)
		return -1;
	s += n;
	if (*s == 'T' || *s == 't' || *s == ' ') {
		if (sscanf(s + 1, "%2d:%2d%n", &h, &mi, &n) != 2 || n != 5)
			return -1;
		s += 1 + n;
		if (*s == ':') {
			if (sscanf(s + 1, "%2d%n", &se, &n) != 1 || n != 2)
				return -1;
			s += 1 + n;
		}
		if (*s == 'Z' || *s == 'z')
			s++;
		else if (*s == '+' || *s == '-') {
			sign = *s == '-' ? -1 : 1;
			if (sscanf(s + 1, "%2d:%2d%n", &zh, &zm, &n) != 2 ||
			    n != 5)
				return -1;
			s += 1 + n;
		}
	}
	if (*s != '\0' || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || se > 60 || zh > 23 || zm > 59 || y < 1970)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = se;
	if ((t = timegm(&tm)) == (time_t)-1)
		return -1;
	*out = (int64_t)t - sign * (zh * 3600 + zm * 60);
	return 0;
}

int
ctl_time(const char *in, int64_t now, int64_t *out)
{
	static const struct { char u; int64_t secs; } units[] = {
		{ 's', 1 }, { 'm', 60 }, { 'h', 3600 }, { 'd', 86400 },
		{ 'w', 7 * 86400 },
	};
	char *end;
	long long v;
	size_t i;

	if (in == NULL || strlen(in) > CTL_TIME_MAX)
		return -1;
	if (strcmp(in, "now") == 0) {
		*out = now;
		return 0;
	}
	if (strlen(in) >= 10 && in[4] == '-')
		return ctl_iso(in, out);
	if (!isdigit((unsigned char)in[0]))
		return -1;
	v = strtoll(in, &end, 10);
	if (v < 0 || v > 100LL * 365 * 86400 || end[0] == '\0' ||
	    end[1] != '\0')
		return -1;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++)
		if (end[0] == units[i].u) {
			*out = now - v * units[i].secs;
			return 0;
		}
	return -1;
}

char *
ctl_fmt_time(int64_t t, char *buf, size_t size)
{
	struct tm tm;
	time_t tt = (time_t)t;

	if (gmtime_r(&tt, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "%lld", (long long)t);
	return buf;
}
