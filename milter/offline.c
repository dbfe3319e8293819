/*
 * NAME
 *	offline 3 - the callbacks without an MTA
 * SYNOPSIS
 *	#include "offline.h"
 * DESCRIPTION
 *	The driver plays the MTA's side of the protocol: connect, MAIL FROM,
 *	RCPT TO, DATA, each header, end of headers, the body in chunks, end
 *	of message, close.  Its shim operations record every change; at the
 *	end it writes the message as Postfix would deliver it: the headers
 *	with the changes applied (smfi_chgheader indexes count headers of one
 *	name from 1; a NULL value deletes; an index past the last adds), then
 *	the replaced body, or the original one.
 * DIAGNOSTICS
 *	Returns 1 when the file cannot be read.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg.h"
#include "log.h"
#include "offline.h"
#include "pipeline.h"
#include "runas.h"
#include "session.h"
#include "shim.h"
#include "statedir.h"
#include "strbuf.h"

#define OFF_MAX_FILE	(1024UL * 1024 * 1024)
#define OFF_CHUNK	65536

struct off_hdr {
	char	*oh_name;
	char	*oh_value;	/* NULL = deleted */
};

struct offline {
	void		*o_priv;
	const char	*o_qid;
	struct off_hdr	*o_hdrs;
	size_t		 o_nhdrs;
	FILE		*o_body;	/* replacement body, or NULL */
	int		 o_changes;
};

static void	*off_getpriv(void *);
static int	 off_setpriv(void *, void *);
static const char *off_getsymval(void *, const char *);
static int	 off_addheader(void *, const char *, const char *);
static int	 off_chgheader(void *, const char *, int, const char *);
static int	 off_addrcpt(void *, const char *);
static int	 off_delrcpt(void *, const char *);
static int	 off_replacebody(void *, const unsigned char *, size_t);
static int	 off_quarantine(void *, const char *);
static int	 off_setreply(void *, const char *, const char *, const char *);
static int	 off_progress(void *);
static int	 off_hdr_add(struct offline *, const char *, const char *);
static int	 off_read(const char *, struct strbuf *);
static size_t	 off_parse_headers(struct offline *, const char *, size_t);
static void	 off_rcpts_from(const char *, struct strbuf *);
static void	 off_write(struct offline *, const char *, size_t);
static int	 off_become_user(const struct cfg *);
static void	 off_mark(struct offline *);
static void	 off_lines(const struct strbuf *);
static void	 off_sender(const struct offline *, size_t, char *, size_t);
static void	 off_rcpts(const struct offline *, const struct offline_opts *,
		    size_t, struct strbuf *);
static void	 off_crlf(const struct strbuf *, size_t, struct strbuf *);
static enum sess_rc off_transaction(struct offline *, struct strbuf *, size_t,
		    const struct strbuf *);
static void	 off_session(struct offline *, const struct offline_opts *,
		    char *, struct strbuf *, size_t, const struct strbuf *);
static void	 off_free(struct offline *);

static const struct shim_ops off_ops = {
	off_getpriv, off_setpriv, off_getsymval, off_addheader, off_chgheader,
	off_addrcpt, off_delrcpt, off_replacebody, off_quarantine, off_setreply,
	off_progress
};

static void *off_getpriv(void *ctx) { return ((struct offline *)ctx)->o_priv; }
/* No MTA waits: a progress reply has nowhere to go. */
static int off_progress(void *ctx) { (void)ctx; return 0; }

static int
off_setpriv(void *ctx, void *p)
{
	((struct offline *)ctx)->o_priv = p;
	return 0;
}

static const char *
off_getsymval(void *ctx, const char *name)
{
	if (strcmp(name, "i") == 0 || strcmp(name, "{i}") == 0)
		return ((struct offline *)ctx)->o_qid;
	if (strcmp(name, "j") == 0)
		return "localhost";
	return NULL;
}

static int
off_hdr_add(struct offline *o, const char *name, const char *value)
{
	struct off_hdr	*h;

	if ((h = realloc(o->o_hdrs, (o->o_nhdrs + 1) * sizeof(*h))) == NULL)
		return -1;
	o->o_hdrs = h;
	h += o->o_nhdrs;
	h->oh_name = strdup(name);
	h->oh_value = strdup(value);
	if (h->oh_name == NULL || h->oh_value == NULL)
		return -1;
	o->o_nhdrs++;
	return 0;
}

static int
off_addheader(void *ctx, const char *name, const char *value)
{
	struct offline	*o = ctx;

	o->o_changes++;
	return off_hdr_add(o, name, value);
}

static int
off_chgheader(void *ctx, const char *name, int idx, const char *value)
{
	struct offline	*o = ctx;
	size_t		 i;
	int		 n = 0;

	o->o_changes++;
	for (i = 0; i < o->o_nhdrs; i++) {
		if (o->o_hdrs[i].oh_value == NULL ||
		    strcasecmp(o->o_hdrs[i].oh_name, name) != 0)
			continue;
		if (++n == (idx < 1 ? 1 : idx)) {
			free(o->o_hdrs[i].oh_value);
			o->o_hdrs[i].oh_value = value ? strdup(value) : NULL;
			return 0;
		}
	}
	return value != NULL ? off_hdr_add(o, name, value) : 0;
}

static int
off_addrcpt(void *ctx, const char *r)
{
	((struct offline *)ctx)->o_changes++;
	fprintf(stderr, "nefmilter: offline: recipient added: %s\n", r);
	return 0;
}

static int
off_delrcpt(void *ctx, const char *r)
{
	((struct offline *)ctx)->o_changes++;
	fprintf(stderr, "nefmilter: offline: recipient removed: %s\n", r);
	return 0;
}

static int
off_replacebody(void *ctx, const unsigned char *b, size_t n)
{
	struct offline	*o = ctx;

	if (o->o_body == NULL && (o->o_body = tmpfile()) == NULL)
		return -1;
	o->o_changes++;
	return fwrite(b, 1, n, o->o_body) == n ? 0 : -1;
}

static int
off_quarantine(void *ctx, const char *reason)
{
	((struct offline *)ctx)->o_changes++;
	fprintf(stderr, "nefmilter: offline: held (quarantine): %s\n", reason);
	return 0;
}

static int
off_setreply(void *ctx, const char *rc, const char *xc, const char *t)
{
	(void)ctx;
	fprintf(stderr, "nefmilter: offline: reply %s %s %s\n", rc,
	    xc ? xc : "", t ? t : "");
	return 0;
}

static int
off_read(const char *path, struct strbuf *sb)
{
	FILE	*fp;
	char	 buf[OFF_CHUNK];
	size_t	 n;

	if ((fp = strcmp(path, "-") ? fopen(path, "rb") : stdin) == NULL) {
		fprintf(stderr, "nefmilter: %s: %s\n", path, strerror(errno));
		return -1;
	}
	strbuf_init(sb, OFF_MAX_FILE);
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		if (strbuf_append(sb, buf, n) != 0)
			break;
	if (fp != stdin)
		fclose(fp);
	if (strbuf_error(sb)) {
		fprintf(stderr, "nefmilter: %s: too large or out of memory\n", path);
		return -1;
	}
	return 0;
}

/* Record the headers (folded lines joined with "\n"); returns the offset
 * of the body. */
static size_t
off_parse_headers(struct offline *o, const char *s, size_t len)
{
	struct strbuf	 val = STRBUF_INIT;
	char		 name[256];
	size_t		 i = 0, e, c;

	while (i < len) {
		e = i;
		while (e < len && s[e] != '\n')
			e++;
		c = (e > i && s[e - 1] == '\r') ? e - 1 : e;
		if (c == i) {	/* blank line: end of headers */
			strbuf_free(&val);
			return e < len ? e + 1 : len;
		}
		if ((s[i] == ' ' || s[i] == '\t') && o->o_nhdrs > 0) {
			strbuf_reset(&val);
			strbuf_printf(&val, "%s\n%.*s", o->o_hdrs[o->o_nhdrs - 1].oh_value,
			    (int)(c - i), s + i);
			free(o->o_hdrs[o->o_nhdrs - 1].oh_value);
			o->o_hdrs[o->o_nhdrs - 1].oh_value = strbuf_detach(&val);
		} else {
			const char *colon = memchr(s + i, ':', c - i);
			size_t nl = colon ? (size_t)(colon - (s + i)) : 0;

			if (colon == NULL || nl == 0 || nl >= sizeof(name)) {
				strbuf_free(&val);	/* not a header: the */
				return i;		/* body starts */
			}
			memcpy(name, s + i, nl);
			name[nl] = '\0';
			strbuf_reset(&val);
			strbuf_append(&val, colon + 1, (size_t)(s + c - colon - 1));
			off_hdr_add(o, name, strbuf_str(&val));
		}
		i = e + 1;
	}
	strbuf_free(&val);
	return len;
}

/* Addresses of a To/Cc value, as "<a@b>" lines in out. */
static void
off_rcpts_from(const char *v, struct strbuf *out)
{
	const char	*p = v, *e;
	char		 tok[512];
	size_t		 n;

	while (p != NULL && *p != '\0') {
		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n < sizeof(tok)) {
			memcpy(tok, p, n);
			tok[n] = '\0';
			char *lt = strchr(tok, '<'), *gt, *a = tok;

			if (lt != NULL && (gt = strchr(lt, '>')) != NULL) {
				*gt = '\0';
				a = lt + 1;
			}
			while (*a == ' ' || *a == '\t' || *a == '\n')
				a++;
			a[strcspn(a, " \t\r\n")] = '\0';
			if (strchr(a, '@') != NULL)
				strbuf_printf(out, "<%s>\n", a);
		}
		p = e ? e + 1 : NULL;
	}
}

static void
off_write(struct offline *o, const char *body, size_t blen)
{
	char	buf[OFF_CHUNK];
	size_t	i, n;

	for (i = 0; i < o->o_nhdrs; i++)
		if (o->o_hdrs[i].oh_value != NULL)
			printf("%s:%s%s\n", o->o_hdrs[i].oh_name,
			    (o->o_hdrs[i].oh_value[0] == ' ' ||
			    o->o_hdrs[i].oh_value[0] == '\t') ? "" : " ",
			    o->o_hdrs[i].oh_value);
	printf("\n");
	if (o->o_body != NULL) {
		/* Written with LF line ends, as a mailbox would hold it. */
		rewind(o->o_body);
		while ((n = fread(buf, 1, sizeof(buf), o->o_body)) > 0)
			for (i = 0; i < n; i++)
				if (buf[i] != '\r')
					putchar(buf[i]);
	} else
		fwrite(body, 1, blen, stdout);
	fflush(stdout);
}

/* Each line of sb on standard error, after "nefmilter: ". */
static void
off_lines(const struct strbuf *sb)
{
	const char	*s = strbuf_str(sb), *nl;

	for (; *s != '\0'; s = nl + 1) {
		if ((nl = strchr(s, '\n')) == NULL)
			nl = s + strlen(s) - 1;
		fprintf(stderr, "nefmilter: %.*s\n", (int)(nl - s + (*nl != '\n')), s);
	}
}

/* As root: the state directory for the configured user, then root given
 * up for good, before the store is opened. */
static int
off_become_user(const struct cfg *cfg)
{
	struct runas	 ra;
	struct strbuf	 err = STRBUF_INIT, notes = STRBUF_INIT;
	int		 rc = -1;

	if (runas_resolve(cfg->cf_user, &ra, &err) == 0 &&
	    statedir_prepare(cfg->cf_state_dir, &ra, 0, &err, &notes, &notes) == 0 &&
	    runas_drop(&ra, &err) == 0)
		rc = 0;
	off_lines(&notes);
	off_lines(&err);
	strbuf_free(&err);
	strbuf_free(&notes);
	return rc;
}

/* The session of this run is an offline test: its audit record says so. */
static void
off_mark(struct offline *o)
{
	struct conn	*c = off_getpriv(o);

	if (c != NULL)
		c->c_offline = 1;
}

/* The envelope sender: the address of Return-Path, else of From, else
 * "<>". */
static void
off_sender(const struct offline *o, size_t norig, char *sender, size_t size)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*rp = NULL;
	size_t		 i;

	for (i = 0; i < norig && rp == NULL; i++)
		if (!strcasecmp(o->o_hdrs[i].oh_name, "Return-Path"))
			rp = o->o_hdrs[i].oh_value;
	for (i = 0; i < norig && rp == NULL; i++)
		if (!strcasecmp(o->o_hdrs[i].oh_name, "From"))
			rp = o->o_hdrs[i].oh_value;
	sender[0] = '\0';
	if (rp != NULL) {
		off_rcpts_from(rp, &sb);
		snprintf(sender, size, "%.*s",
		    (int)strcspn(strbuf_str(&sb), "\n"), strbuf_str(&sb));
	}
	strbuf_free(&sb);
	if (sender[0] == '\0')
		snprintf(sender, size, "<>");
}

/* The envelope recipients, one "<addr>" a line: those given, else the
 * addresses of To and Cc. */
static void
off_rcpts(const struct offline *o, const struct offline_opts *oo,
    size_t norig, struct strbuf *rcpts)
{
	size_t	i;

	for (i = 0; i < oo->oo_nrcpts; i++)
		strbuf_printf(rcpts, "<%s>\n", oo->oo_rcpts[i][0] == '<' ?
		    oo->oo_rcpts[i] + 1 : oo->oo_rcpts[i]);
	for (i = 0; oo->oo_nrcpts == 0 && i < norig; i++)
		if (!strcasecmp(o->o_hdrs[i].oh_name, "To") ||
		    !strcasecmp(o->o_hdrs[i].oh_name, "Cc"))
			off_rcpts_from(o->o_hdrs[i].oh_value, rcpts);
}

/* The body (from offset body of file) as the MTA sends it: CRLF line
 * ends. */
static void
off_crlf(const struct strbuf *file, size_t body, struct strbuf *crlf)
{
	size_t	i;

	for (i = body; i < file->sb_len; i++) {
		if (file->sb_s[i] == '\n' && (i == body || file->sb_s[i - 1] != '\r'))
			strbuf_putc(crlf, '\r');
		strbuf_putc(crlf, file->sb_s[i]);
	}
}

/* The message's transaction after MAIL: the recipients (a list the
 * function consumes), the norig headers of the file, the body, the end
 * of message.  Returns the last callback's answer. */
static enum sess_rc
off_transaction(struct offline *o, struct strbuf *rcpts, size_t norig,
    const struct strbuf *crlf)
{
	char		*argv[2], *list, *line, *save;
	size_t		 i;
	enum sess_rc	 rc;

	argv[1] = NULL;
	list = strbuf_detach(rcpts);
	for (line = strtok_r(list, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		argv[0] = line;
		session_envrcpt(o, argv);
	}
	free(list);
	rc = session_data(o);
	for (i = 0; i < norig && rc == SESS_CONTINUE; i++)
		rc = session_header(o, o->o_hdrs[i].oh_name, o->o_hdrs[i].oh_value);
	if (rc == SESS_CONTINUE)
		rc = session_eoh(o);
	for (i = 0; rc == SESS_CONTINUE && i < crlf->sb_len; i += OFF_CHUNK)
		rc = session_body(o, (const unsigned char *)crlf->sb_s + i,
		    crlf->sb_len - i < OFF_CHUNK ? crlf->sb_len - i : OFF_CHUNK);
	if (rc == SESS_CONTINUE)
		rc = session_eom(o);
	return rc;
}

/* The whole session: connect, MAIL from sender, the transaction, what
 * the milter answered, close. */
static void
off_session(struct offline *o, const struct offline_opts *oo, char *sender,
    struct strbuf *rcpts, size_t norig, const struct strbuf *crlf)
{
	char		*argv[2];
	enum sess_rc	 rc;

	argv[1] = NULL;
	rc = session_connect(o, "localhost", oo->oo_client ? oo->oo_client :
	    "127.0.0.1", NULL);
	off_mark(o);
	argv[0] = sender;
	if (rc == SESS_CONTINUE)
		rc = session_envfrom(o, argv);
	if (rc == SESS_CONTINUE)
		rc = off_transaction(o, rcpts, norig, crlf);
	if (rc == SESS_TEMPFAIL || rc == SESS_REJECT)
		fprintf(stderr, "nefmilter: offline: message %s\n",
		    rc == SESS_TEMPFAIL ? "tempfailed" : "rejected");
	session_close(o);
}

/* The headers and the body file of the run. */
static void
off_free(struct offline *o)
{
	size_t	i;

	for (i = 0; i < o->o_nhdrs; i++) {
		free(o->o_hdrs[i].oh_name);
		free(o->o_hdrs[i].oh_value);
	}
	free(o->o_hdrs);
	if (o->o_body != NULL)
		fclose(o->o_body);
}

int
offline_run(struct cfg *cfg, const struct offline_opts *oo)
{
	struct offline	 o;
	struct strbuf	 file = STRBUF_INIT, rcpts = STRBUF_INIT, crlf = STRBUF_INIT;
	char		 sender[512];
	size_t		 body, norig;

	memset(&o, 0, sizeof(o));
	o.o_qid = oo->oo_qid ? oo->oo_qid : "OFFLINE";
	/* The file is read as the caller; the store is touched only as the
	 * configured user, as the daemon does. */
	if (off_read(oo->oo_file, &file) != 0)
		return 1;
	log_open("nefmilter", LOG_SINK_STDERR, NULL);
	log_set_debug(cfg->cf_debug);
	if (off_become_user(cfg) != 0 || pipeline_start(cfg) != 0) {
		strbuf_free(&file);
		return 1;
	}
	cfg_install(cfg_ref(cfg));
	shim_set_ops(&off_ops);
	session_set_eom(pipeline_eom);

	body = off_parse_headers(&o, file.sb_s ? file.sb_s : "", file.sb_len);
	norig = o.o_nhdrs;
	off_sender(&o, norig, sender, sizeof(sender));
	off_rcpts(&o, oo, norig, &rcpts);
	off_crlf(&file, body, &crlf);
	off_session(&o, oo, sender, &rcpts, norig, &crlf);
	off_write(&o, file.sb_s ? file.sb_s + body : "", file.sb_len - body);

	off_free(&o);
	strbuf_free(&file);
	strbuf_free(&rcpts);
	strbuf_free(&crlf);
	shim_set_ops(NULL);
	cfg_install(NULL);
	pipeline_stop();
	return 0;
}
