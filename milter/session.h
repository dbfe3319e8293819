/*
 * session: per-connection and per-message state, and the callback logic.
 *
 * libmilter maps N connections onto M threads, so all state lives in a
 * struct conn reached through the context (shim_getpriv); nothing is kept
 * in thread-local or global variables.  A connection pins the
 * configuration snapshot in effect when it opened (cfg_current) and
 * releases it when it closes.
 *
 * Each session_*() function is the body of one libmilter callback; it
 * returns a SESS_* verdict that callbacks.c (or the offline driver)
 * translates.  Message state is freed by one idempotent msg_end(), and
 * every terminal verdict goes through msg_finish(), because libmilter does
 * not call abort after ACCEPT, REJECT or DISCARD.
 *
 * What happens to a kept message at end of message is not the session's
 * business: the program (the daemon, the offline runner) installs the
 * handler with session_set_eom() before the first connection.
 */
#ifndef NEF_SESSION_H
#define NEF_SESSION_H

#include <stddef.h>

#include "strbuf.h"

enum sess_rc { SESS_CONTINUE, SESS_ACCEPT, SESS_TEMPFAIL, SESS_REJECT,
    SESS_DISCARD };

/* Why a message is read past MAIL FROM. */
enum msg_class { MSGC_NONE, MSGC_COURT, MSGC_FORWARD };

/* Limits on what a message may bring. */
#define MSG_MAX_RCPTS		1000
#define MSG_MAX_HEADERS		2000
#define MSG_MAX_HEADER_BYTES	(1024 * 1024)

struct msg_hdr {
	char	*h_name;
	char	*h_value;	/* as received, folding kept */
};

struct msg {
	char		 m_qid[64];	/* queue id, or the connection id */
	char		*m_envfrom;	/* envelope sender, without <> */
	char		**m_rcpts;	/* envelope recipients, as given (<a@b>) */
	size_t		 m_nrcpts;
	int		 m_rcpts_over;	/* more than MSG_MAX_RCPTS */
	struct msg_hdr	*m_hdrs;
	size_t		 m_nhdrs;
	size_t		 m_hdr_bytes;
	int		 m_hdrs_over;	/* header limits hit */
	struct strbuf	 m_spool;	/* the whole message: headers CRLF body */
	int		 m_toobig;	/* spool limit hit: the spool holds the
					   first bytes; it passes unchanged */
	enum msg_class	 m_class;
	long		 m_t0_ms;	/* when MAIL FROM arrived */
};

struct cfg;

struct conn {
	struct cfg	*c_cfg;		/* pinned snapshot */
	unsigned long	 c_serial;
	char		 c_id[24];	/* "#SERIAL", for lines before the qid */
	char		 c_addr[64];	/* client address, printable */
	char		 c_host[128];	/* client name, printable */
	int		 c_local;	/* the MTA says the message was not
					   received over the network (client
					   port 0, or no client address) */
	int		 c_leadspc;	/* header values keep their leading
					   blank, both ways (SMFIP_HDR_LEADSPC) */
	int		 c_offline;	/* a test run ("nefmilter -t"), set by
					   the offline driver */
	struct msg	*c_msg;
};

/*
 * The end-of-message handler: called with a message the session kept
 * (court mail, or a forward), after its queue id is known.  It returns
 * the verdict; the session frees the message afterwards.  Install it
 * once, before any connection; without one, kept messages pass on
 * unchanged.
 */
typedef enum sess_rc (*session_eom_fn)(void *ctx, struct conn *, struct msg *);
void	 session_set_eom(session_eom_fn);

/* Option negotiation: the connection starts here (its state is created
 * now; the client is filled in by connect or at MAIL FROM). */
enum sess_rc session_negotiated(void *ctx, int leadspc);
/* host and addr may be NULL; port is the client's port as text, NULL
 * when unknown ("0": the MTA's own submission path). */
enum sess_rc session_connect(void *ctx, const char *host, const char *addr,
	    const char *port);
/* A header value as the MTA expects it from this connection. */
const char *session_hdrval(const struct conn *, const char *value,
	    char *buf, size_t size);
enum sess_rc session_envfrom(void *ctx, char **argv);
enum sess_rc session_envrcpt(void *ctx, char **argv);
enum sess_rc session_data(void *ctx);
enum sess_rc session_header(void *ctx, const char *name, const char *value);
enum sess_rc session_eoh(void *ctx);
enum sess_rc session_body(void *ctx, const unsigned char *, size_t);
enum sess_rc session_eom(void *ctx);
enum sess_rc session_abort(void *ctx);
enum sess_rc session_close(void *ctx);

/* The value of the first header NAME (case-insensitive), or NULL. */
const char *msg_header(const struct msg *, const char *name);
/* How many headers NAME the message has. */
size_t	 msg_header_count(const struct msg *, const char *name);

/* Milliseconds on a monotonic clock. */
long	 session_now_ms(void);

#endif
