/*
 * NAME
 *	callbacks 3 - libmilter callbacks
 * SYNOPSIS
 *	#include "callbacks.h"
 * DESCRIPTION
 *	The connect step is negotiated away when the MTA can send the
 *	client's address and name as macros with MAIL FROM (Postfix can);
 *	the session then starts at MAIL FROM.
 *
 *	The MAIL FROM macros asked for are the queue id (Sendmail has it
 *	then; Postfix sends it again at DATA and end of message), the
 *	client, and "v", which tells the MTAs apart (mta.h).
 *
 *	xxfi_data is registered (returning CONTINUE) on purpose: without it,
 *	over an inet socket, Postfix still sends the DATA macros and Nagle's
 *	algorithm then waits for a delayed ACK, adding about 45 ms to every
 *	message.  HELO and unknown commands are negotiated away, and header
 *	values keep their leading space so that the spooled message is the
 *	message as received.
 */
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <libmilter/mfapi.h>
#include <stdio.h>
#include <string.h>

#include "callbacks.h"
#include "session.h"

static sfsistat	to_sfsi(enum sess_rc);
static sfsistat	cb_negotiate(SMFICTX *, unsigned long, unsigned long,
		    unsigned long, unsigned long, unsigned long *,
		    unsigned long *, unsigned long *, unsigned long *);
static sfsistat	cb_connect(SMFICTX *, char *, _SOCK_ADDR *);
static sfsistat	cb_envfrom(SMFICTX *, char **);
static sfsistat	cb_envrcpt(SMFICTX *, char **);
static sfsistat	cb_data(SMFICTX *);
static sfsistat	cb_header(SMFICTX *, char *, char *);
static sfsistat	cb_eoh(SMFICTX *);
static sfsistat	cb_body(SMFICTX *, unsigned char *, size_t);
static sfsistat	cb_eom(SMFICTX *);
static sfsistat	cb_abort(SMFICTX *);
static sfsistat	cb_close(SMFICTX *);

#define NEF_ACTIONS	(SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_CHGBODY | \
			 SMFIF_ADDRCPT | SMFIF_DELRCPT | SMFIF_QUARANTINE)

static sfsistat
to_sfsi(enum sess_rc rc)
{
	switch (rc) {
	case SESS_ACCEPT: return SMFIS_ACCEPT;
	case SESS_TEMPFAIL: return SMFIS_TEMPFAIL;
	case SESS_REJECT: return SMFIS_REJECT;
	case SESS_DISCARD: return SMFIS_DISCARD;
	default: return SMFIS_CONTINUE;
	}
}

static sfsistat
cb_negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1,
    unsigned long f2, unsigned long f3, unsigned long *pf0,
    unsigned long *pf1, unsigned long *pf2, unsigned long *pf3)
{
	(void)f2;
	(void)f3;
	*pf0 = f0 & NEF_ACTIONS;
	*pf1 = f1 & (SMFIP_NOHELO | SMFIP_NOUNKNOWN | SMFIP_HDR_LEADSPC);
	/*
	 * Skip the connect step too, when the MTA can send the client's
	 * address with MAIL FROM instead: one round trip less for every
	 * message, most of which are accepted at MAIL FROM.
	 */
	if ((f0 & SMFIF_SETSYMLIST) && (f1 & SMFIP_NOCONNECT) &&
	    smfi_setsymlist(ctx, SMFIM_ENVFROM,
	    (char *)"i {client_addr} {client_name} {client_port} v") == MI_SUCCESS) {
		*pf0 |= SMFIF_SETSYMLIST;
		*pf1 |= SMFIP_NOCONNECT;
	}
	*pf2 = 0;
	*pf3 = 0;
	/* Without state now, the session starts at MAIL FROM instead. */
	(void)session_negotiated(ctx, (*pf1 & SMFIP_HDR_LEADSPC) != 0);
	return SMFIS_CONTINUE;
}

/* The client's address and port; no address at all (Sendmail's
 * command line) is the MTA's own submission too: port "0". */
static sfsistat
cb_connect(SMFICTX *ctx, char *host, _SOCK_ADDR *sa)
{
	char		addr[INET6_ADDRSTRLEN] = "", port[8] = "0";
	unsigned	p = 0;

	if (sa != NULL && sa->sa_family == AF_INET) {
		const struct sockaddr_in *in = (const void *)sa;

		inet_ntop(AF_INET, &in->sin_addr, addr, sizeof(addr));
		p = ntohs(in->sin_port);
	} else if (sa != NULL && sa->sa_family == AF_INET6) {
		const struct sockaddr_in6 *in6 = (const void *)sa;

		inet_ntop(AF_INET6, &in6->sin6_addr, addr, sizeof(addr));
		p = ntohs(in6->sin6_port);
	}
	if (addr[0] != '\0')
		snprintf(port, sizeof(port), "%u", p);
	return to_sfsi(session_connect(ctx, host, addr, port));
}

static sfsistat cb_envfrom(SMFICTX *ctx, char **argv) { return to_sfsi(session_envfrom(ctx, argv)); }
static sfsistat cb_envrcpt(SMFICTX *ctx, char **argv) { return to_sfsi(session_envrcpt(ctx, argv)); }
static sfsistat cb_data(SMFICTX *ctx) { return to_sfsi(session_data(ctx)); }
static sfsistat cb_header(SMFICTX *ctx, char *n, char *v) { return to_sfsi(session_header(ctx, n, v)); }
static sfsistat cb_eoh(SMFICTX *ctx) { return to_sfsi(session_eoh(ctx)); }
static sfsistat cb_body(SMFICTX *ctx, unsigned char *p, size_t n) { return to_sfsi(session_body(ctx, p, n)); }
static sfsistat cb_eom(SMFICTX *ctx) { return to_sfsi(session_eom(ctx)); }
static sfsistat cb_abort(SMFICTX *ctx) { return to_sfsi(session_abort(ctx)); }
static sfsistat cb_close(SMFICTX *ctx) { return to_sfsi(session_close(ctx)); }

int
callbacks_listen(const char *spec)
{
	if (smfi_setconn((char *)spec) != MI_SUCCESS)
		return -1;
	if (callbacks_register() != 0)
		return -1;
	return smfi_opensocket(1) == MI_SUCCESS ? 0 : -1;
}

int
callbacks_main(void)
{
	return smfi_main() == MI_SUCCESS ? 0 : -1;
}

void
callbacks_stop(void)
{
	(void)smfi_stop();
}

int
callbacks_register(void)
{
	struct smfiDesc	desc;

	memset(&desc, 0, sizeof(desc));
	desc.xxfi_name = (char *)"nefmilter";
	desc.xxfi_version = SMFI_VERSION;
	desc.xxfi_flags = NEF_ACTIONS | SMFIF_SETSYMLIST;
	desc.xxfi_connect = cb_connect;
	desc.xxfi_envfrom = cb_envfrom;
	desc.xxfi_envrcpt = cb_envrcpt;
	desc.xxfi_header = cb_header;
	desc.xxfi_eoh = cb_eoh;
	desc.xxfi_body = cb_body;
	desc.xxfi_eom = cb_eom;
	desc.xxfi_abort = cb_abort;
	desc.xxfi_close = cb_close;
	desc.xxfi_data = cb_data;
	desc.xxfi_negotiate = cb_negotiate;
	return smfi_register(desc) == MI_SUCCESS ? 0 : -1;
}
