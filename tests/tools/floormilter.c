/*
 * NAME
 *	floormilter - a do-nothing libmilter filter for harness tests and
 *	the throughput floor
 * SUMMARY
 *	the cheapest milter Postfix can talk to, plus a few test modes
 * SYNOPSIS
 *	floormilter -p SOCKET [-m MODE] [-q] [-L] [-b BYTES] [-u UMASK]
 *	    [-M MODE] [-G GROUP] [-X STEP]... [-s SECONDS]
 * DESCRIPTION
 *	SOCKET uses libmilter syntax: "inet:PORT@127.0.0.1" or
 *	"unix:/path/to/socket".  MODE chooses how far into a message the
 *	filter looks before it lets the message go:
 *
 *	mailfrom  (default) accept at MAIL FROM.  This is the floor that any
 *		  milter can reach.  xxfi_data is registered too and returns
 *		  CONTINUE (see NOTES).
 *	eoh	  read the envelope and the headers, accept at end of headers.
 *	body	  read the whole message (every body chunk), continue at
 *		  end of message without changing anything.
 *	mark	  like body, and add the header
 *		  "X-Floor: qid=QID hdrs=N hval=HBYTES body=BYTES" at end of
 *		  message: QID is the macro {i}, N the number of headers,
 *		  HBYTES the bytes of their values, BYTES the body size.
 *	hold	  like mark, and ask for the message to be quarantined
 *		  (Postfix puts it in the hold queue).
 *	grow	  like body, and replace the body at end of message with
 *		  BYTES (-b, default 1M) of 76-character lines; used to see
 *		  what the MTA does with a body that grows past its limits.
 *
 *	-q silences the per-message lines on standard error.
 *	-L asks for SMFIP_HDR_LEADSPC (header values with the blank that
 *	follows the colon) through xxfi_negotiate.
 *	-u UMASK sets the process umask before the socket is created; -M and
 *	-G change the mode (octal) and group of a unix socket once it
 *	exists.  Used to find the socket permissions the MTA needs.
 *	-X STEP (rcpt, data, header or eoh) leaves that callback out, so that
 *	libmilter negotiates the step away; used to measure what that costs.
 *	-s SECONDS makes end of message wait that long, silent, before it
 *	replies (modes that read the body): what an MTA does with a milter
 *	slower than its reply timeout.
 *
 *	SIGTERM and SIGINT end the process at once (the socket file is
 *	removed first); libmilter's own shutdown waits up to 5 s for its
 *	listener, which would only slow the test suites down.
 * NOTES
 *	With Postfix 3.7, a filter that reads headers or body but has no
 *	xxfi_data (so SMFIP_NODATA is negotiated) waits about 42 ms per
 *	message: smtpd still sends the DATA-stage macros, which get no reply,
 *	and its next packet (the first header) then waits for the peer's
 *	delayed ACK (Nagle's algorithm).  Measured at concurrency 1 on
 *	loopback: "-m body" 2.2-2.6 ms per message, "-m body -X data"
 *	44.2-45.2 ms; leaving out rcpt, header or eoh costs nothing like it.
 *	Every mode here therefore registers xxfi_data.
 * DIAGNOSTICS
 *	Exit status 0 after a signal (with the line "floormilter: exiting
 *	after N messages"), 1 when the socket cannot be set up, 2 on a usage
 *	error.  Per-message lines on standard error start with
 *	"floormilter: ".
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <grp.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libmilter/mfapi.h>

#define FLOOR_DEFAULT_GROW	(1024 * 1024)
#define FLOOR_MAX_GROW		(256UL * 1024 * 1024)
#define FLOOR_LINE		76

#define FLOOR_OMIT_RCPT		0x01
#define FLOOR_OMIT_DATA		0x02
#define FLOOR_OMIT_HEADER	0x04
#define FLOOR_OMIT_EOH		0x08

enum floor_mode { FM_MAILFROM, FM_EOH, FM_BODY, FM_MARK, FM_GROW, FM_HOLD };

struct floor_msg {
	unsigned long	fm_hdrs;
	unsigned long	fm_hval;	/* bytes of header values */
	unsigned long	fm_rcpts;
	unsigned long	fm_body;
	char		fm_from[256];
};

struct floor_opts {
	const char	*fo_sock;
	const char	*fo_mode;	/* chmod of a unix socket, or NULL */
	const char	*fo_group;	/* chgrp of a unix socket, or NULL */
};

static enum floor_mode	floor_mode = FM_MAILFROM;
static int		floor_quiet;
static int		floor_leadspc;
static unsigned long	floor_actions;	/* SMFIF_* asked for */
static unsigned		floor_omit;	/* FLOOR_OMIT_* bits */
static atomic_ulong	floor_count;
static unsigned long	floor_grow = FLOOR_DEFAULT_GROW;
static unsigned		floor_sleep;	/* -s: seconds at end of message */
static char		floor_sockpath[512];
static unsigned char	floor_chunk[FLOOR_LINE * 1024];	/* grow: text lines */

static void	usage(void);
static struct floor_msg *floor_priv(SMFICTX *);
static const char *floor_id(SMFICTX *);
static sfsistat	floor_envfrom(SMFICTX *, char **);
static sfsistat	floor_envrcpt(SMFICTX *, char **);
static sfsistat	floor_data(SMFICTX *);
static sfsistat	floor_header(SMFICTX *, char *, char *);
static sfsistat	floor_eoh(SMFICTX *);
static sfsistat	floor_body(SMFICTX *, unsigned char *, size_t);
static sfsistat	floor_eom(SMFICTX *);
static sfsistat	floor_close(SMFICTX *);
static sfsistat	floor_negotiate(SMFICTX *, unsigned long, unsigned long,
		    unsigned long, unsigned long, unsigned long *,
		    unsigned long *, unsigned long *, unsigned long *);
static int	floor_replace(SMFICTX *, unsigned long);
static int	floor_socket_perms(const char *, const char *, const char *);
static void	floor_wait(const sigset_t *);
static void	*floor_run(void *);
static int	floor_lookup(const char *, const char *const *,
		    const unsigned *, size_t, unsigned *);
static int	floor_options(int, char **, struct floor_opts *);
static void	floor_desc(struct smfiDesc *);

static void
usage(void)
{
	fputs("usage: floormilter -p SOCKET "
	    "[-m mailfrom|eoh|body|mark|hold|grow] [-q] [-L] [-b BYTES]\n"
	    "                   [-u UMASK] [-M MODE] [-G GROUP] "
	    "[-X rcpt|data|header|eoh]... [-s SECONDS]\n", stderr);
}

/*
 * floor_priv -- the message state of this connection, allocated on first
 * use and freed in floor_close.  Returns NULL when out of memory.
 */
static struct floor_msg *
floor_priv(SMFICTX *ctx)
{
	struct floor_msg *m = smfi_getpriv(ctx);

	if (m == NULL && (m = calloc(1, sizeof(*m))) != NULL)
		smfi_setpriv(ctx, m);
	return m;
}

static const char *
floor_id(SMFICTX *ctx)
{
	const char *id = smfi_getsymval(ctx, "i");

	return id != NULL ? id : "NOQUEUE";
}

static sfsistat
floor_envfrom(SMFICTX *ctx, char **argv)
{
	struct floor_msg *m;

	atomic_fetch_add(&floor_count, 1);
	if (floor_mode == FM_MAILFROM) {
		if (!floor_quiet)
			fprintf(stderr, "floormilter: accept at MAIL FROM %s\n",
			    argv[0]);
		return SMFIS_ACCEPT;
	}
	if ((m = floor_priv(ctx)) == NULL)
		return SMFIS_TEMPFAIL;
	memset(m, 0, sizeof(*m));
	snprintf(m->fm_from, sizeof(m->fm_from), "%s", argv[0]);
	return SMFIS_CONTINUE;
}

static sfsistat
floor_envrcpt(SMFICTX *ctx, char **argv)
{
	struct floor_msg *m = floor_priv(ctx);

	(void)argv;
	if (m == NULL)
		return SMFIS_TEMPFAIL;
	m->fm_rcpts++;
	return SMFIS_CONTINUE;
}

static sfsistat
floor_data(SMFICTX *ctx)
{
	(void)ctx;
	return SMFIS_CONTINUE;
}

static sfsistat
floor_header(SMFICTX *ctx, char *name, char *value)
{
	struct floor_msg *m = floor_priv(ctx);

	(void)name;
	if (m == NULL)
		return SMFIS_TEMPFAIL;
	m->fm_hdrs++;
	m->fm_hval += strlen(value);
	return SMFIS_CONTINUE;
}

static sfsistat
floor_eoh(SMFICTX *ctx)
{
	struct floor_msg *m = floor_priv(ctx);

	if (floor_mode != FM_EOH)
		return SMFIS_CONTINUE;
	if (!floor_quiet && m != NULL)
		fprintf(stderr, "floormilter: %s: accept at EOH from=%s "
		    "rcpts=%lu hdrs=%lu\n", floor_id(ctx), m->fm_from,
		    m->fm_rcpts, m->fm_hdrs);
	return SMFIS_ACCEPT;
}

static sfsistat
floor_body(SMFICTX *ctx, unsigned char *chunk, size_t len)
{
	struct floor_msg *m = floor_priv(ctx);

	(void)chunk;
	if (m == NULL)
		return SMFIS_TEMPFAIL;
	m->fm_body += len;
	return SMFIS_CONTINUE;
}

/*
 * floor_replace -- replace the body with size bytes of text lines.
 * Returns 0, or -1 when libmilter refuses a chunk.
 */
static int
floor_replace(SMFICTX *ctx, unsigned long size)
{
	unsigned long	left = size;
	size_t		n;

	while (left > 0) {
		n = left < sizeof(floor_chunk) ? left : sizeof(floor_chunk);
		if (smfi_replacebody(ctx, floor_chunk, (int)n) != MI_SUCCESS)
			return -1;
		left -= n;
	}
	return 0;
}

static sfsistat
floor_eom(SMFICTX *ctx)
{
	struct floor_msg *m = floor_priv(ctx);
	char		  hdr[128];

	if (m == NULL)
		return SMFIS_TEMPFAIL;
	if (floor_sleep > 0)
		sleep(floor_sleep);
	if (floor_mode == FM_MARK || floor_mode == FM_HOLD) {
		snprintf(hdr, sizeof(hdr), "qid=%s hdrs=%lu hval=%lu body=%lu",
		    floor_id(ctx), m->fm_hdrs, m->fm_hval, m->fm_body);
		if (smfi_addheader(ctx, "X-Floor", hdr) != MI_SUCCESS)
			return SMFIS_TEMPFAIL;
	}
	if (floor_mode == FM_HOLD &&
	    smfi_quarantine(ctx, "floormilter hold mode") != MI_SUCCESS)
		return SMFIS_TEMPFAIL;
	if (floor_mode == FM_GROW && floor_replace(ctx, floor_grow) != 0) {
		fprintf(stderr, "floormilter: %s: replacebody failed\n",
		    floor_id(ctx));
		return SMFIS_TEMPFAIL;
	}
	if (!floor_quiet)
		fprintf(stderr, "floormilter: %s: eom from=%s rcpts=%lu "
		    "hdrs=%lu body=%lu%s\n", floor_id(ctx), m->fm_from,
		    m->fm_rcpts, m->fm_hdrs, m->fm_body,
		    floor_mode == FM_GROW ? " replaced" :
		    floor_mode == FM_HOLD ? " held" : "");
	return SMFIS_CONTINUE;
}

static sfsistat
floor_close(SMFICTX *ctx)
{
	free(smfi_getpriv(ctx));
	smfi_setpriv(ctx, NULL);
	return SMFIS_CONTINUE;
}

/*
 * floor_negotiate -- (-L only) ask for the steps the registered callbacks
 * need, as libmilter would without xxfi_negotiate, and for header values
 * with their leading blank.
 */
static sfsistat
floor_negotiate(SMFICTX *ctx, unsigned long f0, unsigned long f1,
    unsigned long f2, unsigned long f3, unsigned long *pf0,
    unsigned long *pf1, unsigned long *pf2, unsigned long *pf3)
{
	(void)ctx;
	(void)f2;
	(void)f3;
	unsigned long	steps = SMFIP_NOCONNECT | SMFIP_NOHELO |
			    SMFIP_NOUNKNOWN | SMFIP_HDR_LEADSPC;

	if (floor_mode == FM_MAILFROM || (floor_omit & FLOOR_OMIT_RCPT))
		steps |= SMFIP_NORCPT;
	if (floor_omit & FLOOR_OMIT_DATA)
		steps |= SMFIP_NODATA;
	if (floor_mode == FM_MAILFROM || (floor_omit & FLOOR_OMIT_HEADER))
		steps |= SMFIP_NOHDRS;
	if (floor_mode == FM_MAILFROM || (floor_omit & FLOOR_OMIT_EOH))
		steps |= SMFIP_NOEOH;
	if (floor_mode == FM_MAILFROM || floor_mode == FM_EOH)
		steps |= SMFIP_NOBODY;
	*pf0 = f0 & floor_actions;
	*pf1 = f1 & steps;
	*pf2 = 0;
	*pf3 = 0;
	return SMFIS_CONTINUE;
}

/*
 * floor_socket_perms -- chmod (mode, octal) and chgrp (group) a unix
 * socket; either may be NULL.  Returns 0 or -1 with a message printed.
 */
static int
floor_socket_perms(const char *path, const char *mode, const char *group)
{
	struct group	*gr;
	char		*end;
	long		 m;

	if (mode != NULL) {
		m = strtol(mode, &end, 8);
		if (*mode == '\0' || *end != '\0' || m < 0 || m > 07777 ||
		    chmod(path, (mode_t)m) != 0) {
			fprintf(stderr, "floormilter: chmod %s %s: %s\n", mode,
			    path, strerror(errno));
			return -1;
		}
	}
	if (group != NULL) {
		if ((gr = getgrnam(group)) == NULL ||
		    chown(path, (uid_t)-1, gr->gr_gid) != 0) {
			fprintf(stderr, "floormilter: chgrp %s %s: failed\n",
			    group, path);
			return -1;
		}
	}
	return 0;
}

/*
 * floor_wait -- in the main thread: wait for SIGTERM/SIGINT, remove the
 * unix socket and end the process at once.  On Linux a signal sent to
 * the process goes to the main thread when that thread waits for it, so
 * libmilter's own signal thread (whose shutdown takes up to 5 s) does not
 * get it.
 */
static void
floor_wait(const sigset_t *set)
{
	int	sig;

	while (sigwait(set, &sig) != 0)
		continue;
	if (floor_sockpath[0] != '\0')
		unlink(floor_sockpath);
	fprintf(stderr, "floormilter: exiting after %lu messages\n",
	    atomic_load(&floor_count));
	_exit(0);
}

/*
 * floor_run -- the libmilter thread: smfi_main until it returns, then end
 * the process with its status.
 */
static void *
floor_run(void *arg)
{
	(void)arg;
	_exit(smfi_main() == MI_SUCCESS ? 0 : 1);
}

/*
 * floor_lookup -- the value of name in a table of {name, value} pairs.
 * Returns 0 and sets *value, or -1 when the name is unknown.
 */
static int
floor_lookup(const char *name, const char *const *names,
    const unsigned *values, size_t n, unsigned *value)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(name, names[i]) == 0) {
			*value = values[i];
			return 0;
		}
	return -1;
}

/*
 * floor_options -- parse the command line into the globals and *o.
 * Returns 0, or -1 on a usage error.
 */
static int
floor_options(int argc, char **argv, struct floor_opts *o)
{
	static const char *const mnames[] = { "mailfrom", "eoh", "body",
	    "mark", "grow", "hold" };
	static const unsigned mvals[] = { FM_MAILFROM, FM_EOH, FM_BODY,
	    FM_MARK, FM_GROW, FM_HOLD };
	static const char *const onames[] = { "rcpt", "data", "header", "eoh" };
	static const unsigned ovals[] = { FLOOR_OMIT_RCPT, FLOOR_OMIT_DATA,
	    FLOOR_OMIT_HEADER, FLOOR_OMIT_EOH };
	char		*end;
	unsigned	 v;
	long		 um;
	int		 ch;

	while ((ch = getopt(argc, argv, "b:G:Lm:M:p:qs:u:X:")) != -1) {
		switch (ch) {
		case 'b':
			floor_grow = strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' ||
			    floor_grow > FLOOR_MAX_GROW)
				return -1;
			break;
		case 'G':
			o->fo_group = optarg;
			break;
		case 'm':
			if (floor_lookup(optarg, mnames, mvals, 6, &v) != 0)
				return -1;
			floor_mode = (enum floor_mode)v;
			break;
		case 'L':
			floor_leadspc = 1;
			break;
		case 'M':
			o->fo_mode = optarg;
			break;
		case 'p':
			o->fo_sock = optarg;
			break;
		case 'q':
			floor_quiet = 1;
			break;
		case 's':
			floor_sleep = (unsigned)strtoul(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || floor_sleep > 600)
				return -1;
			break;
		case 'u':
			um = strtol(optarg, &end, 8);
			if (*optarg == '\0' || *end != '\0' || um < 0 ||
			    um > 0777)
				return -1;
			umask((mode_t)um);
			break;
		case 'X':
			if (floor_lookup(optarg, onames, ovals, 4, &v) != 0)
				return -1;
			floor_omit |= v;
			break;
		default:
			return -1;
		}
	}
	return o->fo_sock == NULL || optind != argc ? -1 : 0;
}

/*
 * floor_desc -- the filter description for the chosen mode.
 */
static void
floor_desc(struct smfiDesc *desc)
{
	memset(desc, 0, sizeof(*desc));
	desc->xxfi_name = "floormilter";
	desc->xxfi_version = SMFI_VERSION;
	desc->xxfi_envfrom = floor_envfrom;
	desc->xxfi_data = floor_data;
	if (floor_mode != FM_MAILFROM) {
		desc->xxfi_envrcpt = floor_envrcpt;
		desc->xxfi_header = floor_header;
		desc->xxfi_eoh = floor_eoh;
		desc->xxfi_close = floor_close;
	}
	if (floor_mode != FM_MAILFROM && floor_mode != FM_EOH) {
		desc->xxfi_body = floor_body;
		desc->xxfi_eom = floor_eom;
	}
	if (floor_omit & FLOOR_OMIT_RCPT)
		desc->xxfi_envrcpt = NULL;
	if (floor_omit & FLOOR_OMIT_DATA)
		desc->xxfi_data = NULL;
	if (floor_omit & FLOOR_OMIT_HEADER)
		desc->xxfi_header = NULL;
	if (floor_omit & FLOOR_OMIT_EOH)
		desc->xxfi_eoh = NULL;
	if (floor_leadspc)
		desc->xxfi_negotiate = floor_negotiate;
	if (floor_mode == FM_MARK)
		desc->xxfi_flags = SMFIF_ADDHDRS;
	if (floor_mode == FM_HOLD)
		desc->xxfi_flags = SMFIF_ADDHDRS | SMFIF_QUARANTINE;
	if (floor_mode == FM_GROW)
		desc->xxfi_flags = SMFIF_CHGBODY;
	floor_actions = desc->xxfi_flags;
}

int
main(int argc, char **argv)
{
	struct floor_opts o = { NULL, NULL, NULL };
	struct smfiDesc	 desc;
	sigset_t	 set;
	pthread_t	 tid;
	const char	*sock;
	size_t		 i;

	if (floor_options(argc, argv, &o) != 0) {
		usage();
		return 2;
	}
	sock = o.fo_sock;
	if (strncmp(sock, "unix:", 5) == 0 || strncmp(sock, "local:", 6) == 0)
		snprintf(floor_sockpath, sizeof(floor_sockpath), "%s",
		    strchr(sock, ':') + 1);
	else if (sock[0] == '/')
		snprintf(floor_sockpath, sizeof(floor_sockpath), "%s", sock);

	for (i = 0; i < sizeof(floor_chunk); i += FLOOR_LINE) {
		memset(floor_chunk + i, 'g', FLOOR_LINE - 2);
		floor_chunk[i + FLOOR_LINE - 2] = '\r';
		floor_chunk[i + FLOOR_LINE - 1] = '\n';
	}
	floor_desc(&desc);
	if (smfi_setconn((char *)sock) != MI_SUCCESS ||
	    smfi_register(desc) != MI_SUCCESS ||
	    smfi_opensocket(1) != MI_SUCCESS) {
		fprintf(stderr, "floormilter: cannot listen on %s\n", sock);
		return 1;
	}
	if ((o.fo_mode != NULL || o.fo_group != NULL) &&
	    (floor_sockpath[0] == '\0' ||
	    floor_socket_perms(floor_sockpath, o.fo_mode, o.fo_group) != 0))
		return 1;

	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (!floor_quiet)
		fprintf(stderr, "floormilter: listening on %s\n", sock);
	if (pthread_create(&tid, NULL, floor_run, NULL) != 0) {
		fprintf(stderr, "floormilter: pthread_create failed\n");
		return 1;
	}
	floor_wait(&set);
	return 0;
}
