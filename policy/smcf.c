/*
 * NAME
 *	smcf 3 - RunAsUser and the milters of a sendmail.cf
 * SYNOPSIS
 *	#include "smcf.h"
 *
 *	smcf_parse(text, len, &sc);
 *	i = smcf_find(&sc, "/run/nefmilter/nefmilter.sock");
 *	r = smcf_reach(uid, gid, owner, group, 0660);
 * DESCRIPTION
 *	See smcf.h.  Logical lines are assembled from physical ones (a
 *	continuation line is joined with one blank), then read by their
 *	first letter: 'O' options, 'X' milters; every other line is
 *	skipped.  In an X line the name runs to the first comma or blank;
 *	the fields after it are "L=VALUE" separated by commas.
 * DIAGNOSTICS
 *	None: cut values set sc_trunc.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "smcf.h"

#define SC_LINE_MAX	4096

static void	 sc_line(const char *, size_t, struct smcf *);
static void	 sc_option(const char *, size_t, struct smcf *);
static void	 sc_milter(const char *, size_t, struct smcf *);
static void	 sc_copy(char *, size_t, const char *, size_t, struct smcf *);
static size_t	 sc_trim(const char *, size_t *);

/* Skip leading blanks of s[0..*n): returns the offset, shortens *n, and
 * drops trailing blanks too. */
static size_t
sc_trim(const char *s, size_t *n)
{
	size_t	a = 0;

	while (a < *n && (s[a] == ' ' || s[a] == '\t'))
		a++;
	while (*n > a && isspace((unsigned char)s[*n - 1]))
		(*n)--;
	*n -= a;
	return a;
}

/* s[0..n) into dst (size bytes, NUL-terminated); a cut sets sc_trunc. */
static void
sc_copy(char *dst, size_t size, const char *s, size_t n, struct smcf *sc)
{
	if (n >= size) {
		n = size - 1;
		sc->sc_trunc = 1;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
}

/* "O Name=value" (the text after 'O'). */
static void
sc_option(const char *s, size_t n, struct smcf *sc)
{
	static const char	 name[] = "RunAsUser";
	const char		*colon;
	size_t			 a, k = sizeof(name) - 1, vn, gn;

	if (n == 0 || (s[0] != ' ' && s[0] != '\t'))
		return;		/* "OX...": the one-letter option X */
	a = sc_trim(s, &n);
	s += a;
	if (n < k || strncasecmp(s, name, k) != 0)
		return;
	s += k;
	n -= k;
	a = sc_trim(s, &n);
	if (n == 0 || s[a] != '=')
		return;
	s += a + 1;
	n--;
	s += sc_trim(s, &n);
	colon = memchr(s, ':', n);
	vn = colon != NULL ? (size_t)(colon - s) : n;
	sc->sc_has_runas = 1;
	a = sc_trim(s, &vn);
	sc_copy(sc->sc_runas_user, sizeof(sc->sc_runas_user), s + a, vn, sc);
	sc->sc_runas_group[0] = '\0';
	if (colon != NULL) {
		gn = n - (size_t)(colon + 1 - s);
		a = sc_trim(colon + 1, &gn);
		sc_copy(sc->sc_runas_group, sizeof(sc->sc_runas_group),
		    colon + 1 + a, gn, sc);
	}
}

/* "Xname, S=spec, F=..., T=..." (the text after 'X'). */
static void
sc_milter(const char *s, size_t n, struct smcf *sc)
{
	struct smcf_milter	*m;
	size_t			 i, a, fn;

	if (sc->sc_nmilters >= SMCF_MILTERS_MAX) {
		sc->sc_trunc = 1;
		return;
	}
	for (i = 0; i < n && s[i] != ',' && s[i] != ' ' && s[i] != '\t'; i++)
		;
	if (i == 0)
		return;
	m = &sc->sc_milters[sc->sc_nmilters++];
	memset(m, 0, sizeof(*m));
	sc_copy(m->sm_name, sizeof(m->sm_name), s, i, sc);
	while (i < n) {
		while (i < n && (s[i] == ',' || s[i] == ' ' || s[i] == '\t'))
			i++;
		for (a = i; i < n && s[i] != ','; i++)
			;
		fn = i - a;
		a += sc_trim(s + a, &fn);
		if (fn >= 2 && (s[a] == 'S' || s[a] == 's') && s[a + 1] == '=') {
			fn -= 2;
			a += 2 + sc_trim(s + a + 2, &fn);
			sc_copy(m->sm_spec, sizeof(m->sm_spec), s + a, fn, sc);
		}
	}
}

static void
sc_line(const char *s, size_t n, struct smcf *sc)
{
	if (n == 0)
		return;
	if (s[0] == 'O')
		sc_option(s + 1, n - 1, sc);
	else if (s[0] == 'X')
		sc_milter(s + 1, n - 1, sc);
}

void
smcf_parse(const char *text, size_t len, struct smcf *sc)
{
	char	line[SC_LINE_MAX];
	size_t	i = 0, a, n = 0;

	memset(sc, 0, sizeof(*sc));
	while (i < len) {
		for (a = i; i < len && text[i] != '\n'; i++)
			;
		if (a < i && (text[a] == ' ' || text[a] == '\t') && n > 0) {
			/* a continuation: one blank, then the rest */
			if (n + 1 + (i - a) > sizeof(line)) {
				sc->sc_trunc = 1;
			} else {
				line[n++] = ' ';
				memcpy(line + n, text + a, i - a);
				n += i - a;
			}
		} else {
			sc_line(line, n, sc);
			n = 0;
			if (a < i && text[a] != '#') {
				n = i - a < sizeof(line) ? i - a : sizeof(line);
				sc->sc_trunc |= n < i - a;
				memcpy(line, text + a, n);
			}
		}
		i++;		/* the line feed */
	}
	sc_line(line, n, sc);
}

const char *
smcf_unix_path(const char *spec)
{
	if (strncasecmp(spec, "unix:", 5) == 0)
		return spec[5] != '\0' ? spec + 5 : NULL;
	if (strncasecmp(spec, "local:", 6) == 0)
		return spec[6] != '\0' ? spec + 6 : NULL;
	return NULL;
}

long
smcf_find(const struct smcf *sc, const char *path)
{
	const char	*p;
	size_t		 i;

	for (i = 0; i < sc->sc_nmilters; i++)
		if ((p = smcf_unix_path(sc->sc_milters[i].sm_spec)) != NULL &&
		    strcmp(p, path) == 0)
			return (long)i;
	return -1;
}

enum smcf_reach
smcf_reach(unsigned long uid, unsigned long gid, unsigned long owner,
    unsigned long group, unsigned mode, int member)
{
	if (uid == 0)
		return SMCF_OK_ROOT;
	if (uid == owner)
		return (mode & 0600) == 0600 ? SMCF_OK_OWNER : SMCF_NO_OWNER;
	if (gid == group)
		return (mode & 060) == 060 ? SMCF_OK_GROUP : SMCF_NO_GROUP;
	if ((mode & 06) == 06)
		return SMCF_OK_OTHER;
	return member && (mode & 060) == 060 ? SMCF_NO_MEMBER : SMCF_NO_OTHER;
}

int
smcf_reach_ok(enum smcf_reach r)
{
	return r == SMCF_OK_ROOT || r == SMCF_OK_OWNER || r == SMCF_OK_GROUP ||
	    r == SMCF_OK_OTHER;
}
