/*
 * NAME
 *	ctl_digest - the daily digest, written or mailed
 * SYNOPSIS
 *	#include "ctl_digest.h"
 * DESCRIPTION
 *	See ctl_digest.h.  Each --to address is cleaned (mailout_addr())
 *	and compared with the cleaned digest_to addresses, ignoring case;
 *	a refused one is shown printable and cut short (text.h).
 *	The mail's parts are quoted-printable UTF-8 (GMime's encoder,
 *	mime.h).  sendmail(1) runs as the user who ran nefctl.
 * DIAGNOSTICS
 *	One line on standard error; CTL_USAGE for a refused address or a
 *	bad option, CTL_ERROR when the mail could not be submitted.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "cfg.h"
#include "ctl_digest.h"
#include "digest.h"
#include "digest_html.h"
#include "digest_text.h"
#include "mailout.h"
#include "mime.h"
#include "runas.h"
#include "store.h"
#include "store_audit.h"
#include "strbuf.h"
#include "text.h"

enum { CD_BOTH, CD_TEXT, CD_HTML };

struct cd_opts {
	int64_t		 o_since, o_until;
	int		 o_format, o_format_set, o_mail;
	const char	*o_to[MAILOUT_MAX_RCPTS];
	size_t		 o_nto;
};

static int	cd_args(struct ctl *, int, char **, struct cd_opts *);
static int	cd_rcpts(struct ctl *, struct cd_opts *, char (*)[ADDR_SIZE],
		    size_t *);
static int	cd_mail(struct ctl *, const struct digest *, int,
		    const char *const *, size_t);

static int
cd_args(struct ctl *c, int argc, char **argv, struct cd_opts *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	o->o_since = c->c_now - 86400;
	o->o_until = c->c_now + 1;
	for (i = 0; i < argc; i++) {
		const char *a = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(argv[i], "--mail") == 0)
			o->o_mail = 1;
		else if ((strcmp(argv[i], "--since") == 0 ||
		    strcmp(argv[i], "--until") == 0) && a != NULL) {
			int64_t *t = argv[i][2] == 's' ? &o->o_since : &o->o_until;

			if (ctl_time(a, c->c_now, t) != 0)
				return ctl_fail(CTL_USAGE, "bad time \"%.40s\" "
				    "(ISO 8601, or 2h, 1d...)", a);
			if (argv[i][2] == 'u')
				(*t)++;		/* up to and including */
			i++;
		} else if (strcmp(argv[i], "--format") == 0 && a != NULL) {
			if (strcmp(a, "text") == 0)
				o->o_format = CD_TEXT;
			else if (strcmp(a, "html") == 0)
				o->o_format = CD_HTML;
			else
				return ctl_fail(CTL_USAGE, "--format text or html");
			o->o_format_set = 1;
			i++;
		} else if (strcmp(argv[i], "--to") == 0 && a != NULL) {
			if (o->o_nto == MAILOUT_MAX_RCPTS)
				return ctl_fail(CTL_USAGE, "too many --to");
			o->o_to[o->o_nto++] = a;
			i++;
		} else
			return ctl_fail(CTL_USAGE, "usage: digest [--since TIME] "
			    "[--until TIME] [--format text|html] [--mail | --to "
			    "ADDRESS...]");
	}
	if (o->o_mail && o->o_nto > 0)
		return ctl_fail(CTL_USAGE, "--mail or --to, not both");
	if (o->o_since >= o->o_until)
		return ctl_fail(CTL_USAGE, "--since is not before --until");
	return CTL_OK;
}

/* The recipients: --to (each one of digest_to), or digest_to (--mail). */
static int
cd_rcpts(struct ctl *c, struct cd_opts *o, char (*out)[ADDR_SIZE], size_t *n)
{
	const struct cfg_list *cl = &c->c_cfg->cf_digest_to;
	char why[MAILOUT_ERR_SIZE], conf[ADDR_SIZE], shown[84];
	size_t i, j;

	*n = 0;
	if (o->o_mail) {
		if (cl->l_n == 0)
			return ctl_fail(CTL_USAGE, "digest_to is empty: no one to "
			    "mail the digest to");
		for (i = 0; i < cl->l_n && *n < MAILOUT_MAX_RCPTS; i++)
			if (mailout_addr(cl->l_v[i], out[(*n)++], ADDR_SIZE, why,
			    sizeof(why)) != 0)
				return ctl_fail(CTL_USAGE, "digest_to \"%s\": %s",
				    text_printable(shown, sizeof(shown), cl->l_v[i],
				    strlen(cl->l_v[i])), why);
		return CTL_OK;
	}
	for (i = 0; i < o->o_nto; i++) {
		if (mailout_addr(o->o_to[i], out[*n], ADDR_SIZE, why,
		    sizeof(why)) != 0)
			return ctl_fail(CTL_USAGE, "--to \"%s\" refused: %s",
			    text_printable(shown, sizeof(shown), o->o_to[i],
			    strlen(o->o_to[i])), why);
		for (j = 0; j < cl->l_n; j++)
			if (mailout_addr(cl->l_v[j], conf, sizeof(conf), why,
			    sizeof(why)) == 0 && strcasecmp(conf, out[*n]) == 0)
				break;
		if (j == cl->l_n)
			return ctl_fail(CTL_USAGE, "--to %s refused: not one of "
			    "digest_to (the digest goes to configured addresses "
			    "only)", out[*n]);
		(*n)++;
	}
	return CTL_OK;
}

/* One part: its headers and its quoted-printable body. */
static int
cd_part(struct strbuf *sb, const char *boundary, const char *type,
    const struct strbuf *body)
{
	if (boundary != NULL)
		strbuf_printf(sb, "--%s\nContent-Type: %s; charset=utf-8\n"
		    "Content-Transfer-Encoding: quoted-printable\n\n", boundary,
		    type);
	return mime_qp_encode(body->sb_s, body->sb_len, sb);
}

static int
cd_mail(struct ctl *c, const struct digest *d, int fmt,
    const char *const *to, size_t nto)
{
	struct strbuf text = STRBUF_INIT, html = STRBUF_INIT, body = STRBUF_INIT;
	struct mailout_msg m;
	char err[MAILOUT_ERR_SIZE], bnd[64], ctype[128];
	int rc = -1;

	snprintf(bnd, sizeof(bnd), "=_nefmilter_digest_%lld_%ld",
	    (long long)c->c_now, (long)getpid());
	if (digest_text(d, &text) != 0 || digest_html(d, &html) != 0)
		goto out;
	if (fmt == CD_BOTH) {
		strbuf_puts(&body, "This is a digest in text and HTML.\n\n");
		if (cd_part(&body, bnd, "text/plain", &text) != 0 ||
		    strbuf_putc(&body, '\n') != 0 ||
		    cd_part(&body, bnd, "text/html", &html) != 0)
			goto out;
		strbuf_printf(&body, "\n--%s--\n", bnd);
		snprintf(ctype, sizeof(ctype), "multipart/alternative; "
		    "boundary=\"%s\"", bnd);
	} else {
		if (cd_part(&body, NULL, NULL, fmt == CD_TEXT ? &text : &html))
			goto out;
		snprintf(ctype, sizeof(ctype), "%s; charset=utf-8",
		    fmt == CD_TEXT ? "text/plain" : "text/html");
	}
	memset(&m, 0, sizeof(m));
	m.mo_command = c->c_cfg->cf_sendmail_command;
	m.mo_from = c->c_cfg->cf_mail_from;
	m.mo_to = to;
	m.mo_nto = nto;
	m.mo_subject = d->d_subject;
	m.mo_ctype = ctype;
	m.mo_cte = fmt == CD_BOTH ? "7bit" : "quoted-printable";
	m.mo_body = body.sb_s;
	m.mo_len = body.sb_len;
	runas_caller_enter();	/* sendmail(1) runs as the caller */
	rc = mailout_send(&m, err, sizeof(err));
	runas_caller_leave();
	if (rc != 0)
		ctl_fail(CTL_ERROR, "digest not mailed: %s", err);
out:
	if (rc != 0 && strbuf_error(&body))
		ctl_fail(CTL_ERROR, "digest: out of memory");
	strbuf_free(&text);
	strbuf_free(&html);
	strbuf_free(&body);
	return rc;
}

int
ctl_digest(struct ctl *c, int argc, char **argv)
{
	static char to[MAILOUT_MAX_RCPTS][ADDR_SIZE];
	const char *tov[MAILOUT_MAX_RCPTS];
	struct store_audit_list l;
	struct store_tomb *tombs = NULL;
	struct digest_in in;
	struct digest *d = NULL;
	struct cd_opts o;
	struct strbuf sb = STRBUF_INIT;
	char host[256];
	size_t i, nto = 0, ntombs = 0;
	int rc;

	if ((rc = cd_args(c, argc, argv, &o)) != 0 ||
	    (rc = cd_rcpts(c, &o, to, &nto)) != 0)
		return rc;
	if ((rc = store_report_read(c->c_st, o.o_since, o.o_until, &l, &tombs,
	    &ntombs)) != 0)
		return ctl_fail(ctl_exit(rc), "digest: %s", store_strerror(rc));
	if (gethostname(host, sizeof(host)) != 0)
		host[0] = '\0';
	host[sizeof(host) - 1] = '\0';
	memset(&in, 0, sizeof(in));
	in.di_audit = &l;
	in.di_tombs = tombs;
	in.di_ntombs = ntombs;
	in.di_since = o.o_since;
	in.di_until = o.o_until;
	in.di_max = (size_t)c->c_cfg->cf_digest_max_notices;
	in.di_host = host[0] ? host : NULL;
	rc = CTL_OK;
	if (digest_build(&in, &d) != 0)
		rc = ctl_fail(CTL_ERROR, "digest: out of memory");
	else if (nto == 0) {
		if ((o.o_format == CD_HTML ? digest_html(d, &sb) :
		    digest_text(d, &sb)) != 0 ||
		    fwrite(sb.sb_s, 1, sb.sb_len, c->c_out) != sb.sb_len)
			rc = ctl_fail(CTL_ERROR, "digest: cannot write");
	} else {
		for (i = 0; i < nto; i++)
			tov[i] = to[i];
		if (mime_init() != 0 || cd_mail(c, d, o.o_format_set ?
		    o.o_format : CD_BOTH, tov, nto) != 0)
			rc = CTL_ERROR;
		else
			fprintf(c->c_out, "digest of %zu notice%s mailed to %zu "
			    "address%s\n", d->d_nnotices, d->d_nnotices == 1 ?
			    "" : "s", nto, nto == 1 ? "" : "es");
	}
	strbuf_free(&sb);
	digest_free(d);
	free(tombs);
	store_audit_list_free(&l);
	return rc;
}
