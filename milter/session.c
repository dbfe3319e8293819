/*
 * NAME
 *	session 3 - connection and message state, callback logic
 * SYNOPSIS
 *	#include "session.h"
 * DESCRIPTION
 *	Ordinary mail costs almost nothing: at MAIL FROM a message whose
 *	envelope sender cannot be a court's (and is not a firm address whose
 *	forwards are inspected) is accepted at once, so Postfix does not even
 *	send its headers.  At the end of headers, a message that neither
 *	comes from a court domain nor looks like a forwarded notice is
 *	accepted.  Only the rest is spooled and handed, at end of message,
 *	to the handler the program installed (session_set_eom()), which
 *	also gets a message larger than max_message_bytes (m_toobig, the
 *	spool holding its first bytes) and lets it pass.
 * DIAGNOSTICS
 *	Allocation failures and limits are logged with the queue id; the
 *	message then goes on unchanged (or follows on_error).
 */
#include <ctype.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cfg.h"
#include "log.h"
#include "session.h"
#include "shim.h"
#include "text.h"

static _Atomic unsigned long sess_serial;
static session_eom_fn sess_eom_fn;

static struct conn *conn_get(void *);
static struct conn *conn_new(void *);
static void	msg_end(struct conn *);
static enum sess_rc msg_finish(struct conn *, enum sess_rc);
static const char *msg_id(const struct conn *);
static int	domain_listed(const char *addr, const struct cfg_list *);
static char	*addr_strip(const char *);
static int	subject_is_forward(const char *);
static int	spool_header(struct msg *, const char *, const char *);
static enum sess_rc sess_fail(struct conn *, const char *what);

void
session_set_eom(session_eom_fn fn)
{
	sess_eom_fn = fn;
}

long
session_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static struct conn *
conn_get(void *ctx)
{
	return shim_getpriv(ctx);
}

static const char *
msg_id(const struct conn *c)
{
	return c->c_msg != NULL && c->c_msg->m_qid[0] ? c->c_msg->m_qid : c->c_id;
}

/* A failure inside the milter: the message goes on as configured. */
static enum sess_rc
sess_fail(struct conn *c, const char *what)
{
	int	tempfail = c->c_cfg->cf_on_error == ONERR_TEMPFAIL;

	log_err(msg_id(c), "%s; message %s", what,
	    tempfail ? "tempfailed (on_error=tempfail)" : "passed on unchanged");
	return msg_finish(c, tempfail ? SESS_TEMPFAIL : SESS_ACCEPT);
}

static void
msg_end(struct conn *c)
{
	struct msg	*m;
	size_t		 i;

	if (c == NULL || (m = c->c_msg) == NULL)
		return;
	free(m->m_envfrom);
	for (i = 0; i < m->m_nrcpts; i++)
		free(m->m_rcpts[i]);
	free(m->m_rcpts);
	for (i = 0; i < m->m_nhdrs; i++) {
		free(m->m_hdrs[i].h_name);
		free(m->m_hdrs[i].h_value);
	}
	free(m->m_hdrs);
	strbuf_free(&m->m_spool);
	free(m);
	c->c_msg = NULL;
}

static enum sess_rc
msg_finish(struct conn *c, enum sess_rc rc)
{
	msg_end(c);
	return rc;
}

/* Is the domain of addr one of the listed domains, or below one? */
static int
domain_listed(const char *addr, const struct cfg_list *l)
{
	const char	*at, *dom;
	size_t		 i, dl, ll;

	if (addr == NULL || (at = strrchr(addr, '@')) == NULL)
		return 0;
	dom = at + 1;
	dl = strlen(dom);
	for (i = 0; i < l->l_n; i++) {
		ll = strlen(l->l_v[i]);
		if (dl == ll && strcasecmp(dom, l->l_v[i]) == 0)
			return 1;
		if (dl > ll && dom[dl - ll - 1] == '.' &&
		    strcasecmp(dom + dl - ll, l->l_v[i]) == 0)
			return 1;
	}
	return 0;
}

/* "<a@b>" or "a@b" (with blanks) -> "a@b", malloc'ed. */
static char *
addr_strip(const char *s)
{
	const char	*e;

	while (isspace((unsigned char)*s))
		s++;
	if (*s == '<')
		s++;
	e = s + strlen(s);
	while (e > s && (isspace((unsigned char)e[-1]) || e[-1] == '>'))
		e--;
	return strndup(s, (size_t)(e - s));
}

static int
subject_is_forward(const char *s)
{
	static const char *const pfx[] = { "fwd:", "fw:", "fwd ", "[fwd:",
	    "tr:", "wg:", "re: fwd:", "re: fw:", NULL };
	size_t	i;

	if (s == NULL)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	for (i = 0; pfx[i] != NULL; i++)
		if (text_has_prefix_ci(s, pfx[i]))
			return 1;
	return 0;
}

static struct conn *
conn_new(void *ctx)
{
	struct conn	*c;

	if ((c = calloc(1, sizeof(*c))) == NULL) {
		log_err(NULL, "connect: out of memory; connection accepted unfiltered");
		return NULL;
	}
	c->c_cfg = cfg_current();
	c->c_serial = atomic_fetch_add(&sess_serial, 1) + 1;
	snprintf(c->c_id, sizeof(c->c_id), "#%lu", c->c_serial);
	if (shim_setpriv(ctx, c) != 0) {
		cfg_unref(c->c_cfg);
		free(c);
		log_err(NULL, "connect: cannot keep state; connection accepted unfiltered");
		return NULL;
	}
	return c;
}

enum sess_rc
session_negotiated(void *ctx, int leadspc)
{
	struct conn	*c = conn_get(ctx);

	if (c == NULL && (c = conn_new(ctx)) == NULL)
		return SESS_ACCEPT;
	c->c_leadspc = leadspc;
	return SESS_CONTINUE;
}

enum sess_rc
session_connect(void *ctx, const char *host, const char *addr,
    const char *port)
{
	struct conn	*c = conn_get(ctx);

	if (c == NULL && (c = conn_new(ctx)) == NULL)
		return SESS_ACCEPT;
	text_printable(c->c_host, sizeof(c->c_host), host, host ? strlen(host) : 0);
	text_printable(c->c_addr, sizeof(c->c_addr), addr, addr ? strlen(addr) : 0);
	/* The MTA's own submission path: Postfix's sendmail command and
	 * pickup give a simulated client with port 0; a client with no
	 * address at all (Sendmail's "sendmail -bs") did not come over the
	 * network either. */
	c->c_local = (port != NULL && strcmp(port, "0") == 0) ||
	    c->c_addr[0] == '\0';
	log_debug(c->c_id, "connect from %s[%s]%s", c->c_host, c->c_addr,
	    c->c_local ? " (local submission)" : "");
	return SESS_CONTINUE;
}

const char *
session_hdrval(const struct conn *c, const char *value, char *buf, size_t size)
{
	if (value == NULL || !c->c_leadspc || *value == ' ' || *value == '\t')
		return value;
	snprintf(buf, size, " %s", value);
	return buf;
}

enum sess_rc
session_envfrom(void *ctx, char **argv)
{
	struct conn	*c = conn_get(ctx);
	struct msg	*m;
	const struct cfg *cf;
	enum msg_class	 cls;
	char		*from;

	if (c == NULL) {
		/* No state from the negotiation (out of memory then). */
		if (session_connect(ctx, shim_getsymval(ctx, "{client_name}"),
		    shim_getsymval(ctx, "{client_addr}"),
		    shim_getsymval(ctx, "{client_port}")) != SESS_CONTINUE ||
		    (c = conn_get(ctx)) == NULL)
			return SESS_ACCEPT;
	}
	msg_end(c);
	cf = c->c_cfg;
	/* Decide before anything is allocated: most mail ends here. */
	if ((from = addr_strip(argv[0] ? argv[0] : "")) == NULL)
		return sess_fail(c, "out of memory at MAIL FROM");
	if (domain_listed(from, &cf->cf_court_domains))
		cls = MSGC_COURT;
	else if (cf->cf_inspect_forwards &&
	    domain_listed(from, &cf->cf_firm_domains))
		cls = MSGC_FORWARD;
	else {
		free(from);
		return SESS_ACCEPT;
	}
	/* The connect step was negotiated away: the client is the one the
	 * MTA names in the MAIL FROM macros. */
	if (c->c_addr[0] == '\0')
		session_connect(ctx, shim_getsymval(ctx, "{client_name}"),
		    shim_getsymval(ctx, "{client_addr}"),
		    shim_getsymval(ctx, "{client_port}"));
	if ((m = calloc(1, sizeof(*m))) == NULL) {
		free(from);
		return sess_fail(c, "out of memory at MAIL FROM");
	}
	c->c_msg = m;
	m->m_envfrom = from;
	m->m_class = cls;
	m->m_t0_ms = session_now_ms();
	strbuf_init(&m->m_spool, cf->cf_max_message_bytes);
	return SESS_CONTINUE;
}

enum sess_rc
session_envrcpt(void *ctx, char **argv)
{
	struct conn	*c = conn_get(ctx);
	struct msg	*m;
	char		**v;

	if (c == NULL || (m = c->c_msg) == NULL)
		return SESS_CONTINUE;
	if (m->m_nrcpts >= MSG_MAX_RCPTS) {
		if (!m->m_rcpts_over)
			log_warn(msg_id(c), "more than %d recipients; the rest "
			    "are not considered", MSG_MAX_RCPTS);
		m->m_rcpts_over = 1;
		return SESS_CONTINUE;
	}
	if ((v = realloc(m->m_rcpts, (m->m_nrcpts + 1) * sizeof(*v))) == NULL)
		return SESS_CONTINUE;
	m->m_rcpts = v;
	if ((v[m->m_nrcpts] = strdup(argv[0] ? argv[0] : "<>")) != NULL)
		m->m_nrcpts++;
	return SESS_CONTINUE;
}

enum sess_rc
session_data(void *ctx)
{
	struct conn	*c = conn_get(ctx);
	const char	*qid;

	if (c == NULL || c->c_msg == NULL)
		return SESS_CONTINUE;
	if ((qid = shim_getsymval(ctx, "i")) != NULL)
		text_printable(c->c_msg->m_qid, sizeof(c->c_msg->m_qid), qid,
		    strlen(qid));
	return SESS_CONTINUE;
}

static int
spool_header(struct msg *m, const char *name, const char *value)
{
	struct msg_hdr	*h;
	size_t		 n = strlen(name) + strlen(value);

	if (m->m_nhdrs >= MSG_MAX_HEADERS ||
	    m->m_hdr_bytes + n > MSG_MAX_HEADER_BYTES) {
		m->m_hdrs_over = 1;
		return 0;
	}
	if ((h = realloc(m->m_hdrs, (m->m_nhdrs + 1) * sizeof(*h))) == NULL)
		return -1;
	m->m_hdrs = h;
	h += m->m_nhdrs;
	h->h_name = strdup(name);
	h->h_value = strdup(value);
	if (h->h_name == NULL || h->h_value == NULL) {
		free(h->h_name);
		free(h->h_value);
		return -1;
	}
	m->m_nhdrs++;
	m->m_hdr_bytes += n;
	strbuf_printf(&m->m_spool, "%s:%s%s\r\n", name,
	    (*value == ' ' || *value == '\t') ? "" : " ", value);
	return 0;
}

enum sess_rc
session_header(void *ctx, const char *name, const char *value)
{
	struct conn	*c = conn_get(ctx);

	if (c == NULL || c->c_msg == NULL)
		return SESS_CONTINUE;
	if (spool_header(c->c_msg, name, value) != 0)
		return sess_fail(c, "out of memory while reading headers");
	return SESS_CONTINUE;
}

const char *
msg_header(const struct msg *m, const char *name)
{
	size_t	i;

	for (i = 0; i < m->m_nhdrs; i++)
		if (strcasecmp(m->m_hdrs[i].h_name, name) == 0)
			return m->m_hdrs[i].h_value;
	return NULL;
}

size_t
msg_header_count(const struct msg *m, const char *name)
{
	size_t	i, n = 0;

	for (i = 0; i < m->m_nhdrs; i++)
		if (strcasecmp(m->m_hdrs[i].h_name, name) == 0)
			n++;
	return n;
}

enum sess_rc
session_eoh(void *ctx)
{
	struct conn	*c = conn_get(ctx);
	struct msg	*m;
	const char	*qid, *from;
	char		*fromaddr, *lt;

	if (c == NULL || (m = c->c_msg) == NULL)
		return SESS_CONTINUE;
	if (m->m_qid[0] == '\0' && (qid = shim_getsymval(ctx, "i")) != NULL)
		text_printable(m->m_qid, sizeof(m->m_qid), qid, strlen(qid));
	strbuf_puts(&m->m_spool, "\r\n");	/* end of the header block */
	if (m->m_class == MSGC_FORWARD) {
		/* A firm address: read on only if it looks like a forward. */
		if (!subject_is_forward(msg_header(m, "Subject")))
			return msg_finish(c, SESS_ACCEPT);
		return SESS_CONTINUE;
	}
	/* Court envelope: the From header must be a court's too, or the
	 * message is a forward relayed by a court system (rare); keep it. */
	if ((from = msg_header(m, "From")) != NULL) {
		lt = strrchr(from, '<');
		if ((fromaddr = addr_strip(lt ? lt : from)) == NULL)
			return sess_fail(c, "out of memory at end of headers");
		if (!domain_listed(fromaddr, &c->c_cfg->cf_court_domains))
			log_info(msg_id(c), "court envelope sender but From "
			    "is not a court domain; inspected as a notice");
		free(fromaddr);
	}
	return SESS_CONTINUE;
}

enum sess_rc
session_body(void *ctx, const unsigned char *p, size_t n)
{
	struct conn	*c = conn_get(ctx);
	struct msg	*m;

	if (c == NULL || (m = c->c_msg) == NULL)
		return SESS_CONTINUE;
	if (m->m_toobig)
		return SESS_CONTINUE;
	/* At the limit the spool keeps what fits: the first bytes. */
	if (m->m_spool.sb_max != 0 && m->m_spool.sb_len <= m->m_spool.sb_max &&
	    n > m->m_spool.sb_max - m->m_spool.sb_len)
		(void)strbuf_append(&m->m_spool, p, m->m_spool.sb_max -
		    m->m_spool.sb_len);
	if (strbuf_append(&m->m_spool, p, n) != 0) {
		m->m_toobig = 1;
		log_warn(msg_id(c), "message larger than max_message_bytes "
		    "(%llu); it passes unchanged",
		    (unsigned long long)c->c_cfg->cf_max_message_bytes);
	}
	return SESS_CONTINUE;
}

enum sess_rc
session_eom(void *ctx)
{
	struct conn	*c = conn_get(ctx);
	struct msg	*m;
	const char	*qid;
	enum sess_rc	 rc;

	if (c == NULL || (m = c->c_msg) == NULL)
		return SESS_CONTINUE;
	if ((qid = shim_getsymval(ctx, "i")) != NULL)
		text_printable(m->m_qid, sizeof(m->m_qid), qid, strlen(qid));
	if (m->m_qid[0] == '\0')
		text_strlcpy(m->m_qid, c->c_id, sizeof(m->m_qid));
	if (sess_eom_fn == NULL)
		return msg_finish(c, SESS_CONTINUE);
	rc = sess_eom_fn(ctx, c, m);
	return msg_finish(c, rc);
}

enum sess_rc
session_abort(void *ctx)
{
	msg_end(conn_get(ctx));
	return SESS_CONTINUE;
}

enum sess_rc
session_close(void *ctx)
{
	struct conn	*c = conn_get(ctx);

	if (c == NULL)
		return SESS_CONTINUE;
	msg_end(c);
	cfg_unref(c->c_cfg);
	free(c);
	shim_setpriv(ctx, NULL);
	return SESS_CONTINUE;
}
