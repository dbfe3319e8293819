/*
 * smcf: what nefmilter needs to know of a Sendmail configuration
 * (sendmail.cf), read from its text.
 *
 * smcf_parse() takes the RunAsUser option ("O RunAsUser=mail:mail": the
 * user, and the group when one is given; the last such line counts)
 * and every milter definition ("Xnef, S=unix:/run/nef.sock, F=T,
 * T=C:10s"): its name and its S= socket.  Option names and the field
 * letter S are read without regard to case, as Sendmail reads them; a
 * line that starts with a blank or a tab continues the line before it;
 * '#' starts a comment line.
 *
 * smcf_reach() says whether a process with one user id and one group
 * id may read and write a socket of a given owner, group and mode, by
 * the kernel's rule: the owner's bits for the owner, else the group's
 * bits for the group, else the others' bits; root always.  A Sendmail
 * with RunAsUser talks to its milters with that one group: the group
 * given, else the user's primary group; its supplementary groups are
 * dropped.  Its check at start-up counts them, though, when RunAsUser
 * names no group: a user listed as a member of the socket's group then
 * passes it, so Sendmail starts, and every session fails to connect
 * (SMCF_NO_MEMBER).
 *
 * Pure and thread-safe; nothing here fails: what does not fit is cut
 * and sc_trunc says so.
 */
#ifndef NEF_SMCF_H
#define NEF_SMCF_H

#include <stddef.h>

#define SMCF_NAME_MAX		63
#define SMCF_SPEC_MAX		1023
#define SMCF_MILTERS_MAX	32

struct smcf_milter {
	char	 sm_name[SMCF_NAME_MAX + 1];	/* "nef" of "Xnef" */
	char	 sm_spec[SMCF_SPEC_MAX + 1];	/* S=, as written; "" none */
};

struct smcf {
	int			 sc_has_runas;	/* an O RunAsUser= line */
	char			 sc_runas_user[SMCF_NAME_MAX + 1];
	char			 sc_runas_group[SMCF_NAME_MAX + 1]; /* "" */
	size_t			 sc_nmilters;
	struct smcf_milter	 sc_milters[SMCF_MILTERS_MAX];
	int			 sc_trunc;	/* a value or a milter cut */
};

enum smcf_reach {
	SMCF_OK_ROOT,		/* uid 0 */
	SMCF_OK_OWNER,		/* the owner, owner may read and write */
	SMCF_OK_GROUP,		/* of the group, the group may */
	SMCF_OK_OTHER,		/* anyone may */
	SMCF_NO_OWNER,		/* the owner, whose bits lack rw */
	SMCF_NO_GROUP,		/* of the group, whose bits lack rw */
	SMCF_NO_OTHER,		/* neither, and the others' bits lack rw */
	SMCF_NO_MEMBER,		/* as SMCF_NO_OTHER, but a member of the
				   group (supplementary), whose bits allow */
};

/* Read text[0..len) into *out (cleared first). */
void	 smcf_parse(const char *text, size_t len, struct smcf *out);
/* The path of a unix-domain spec ("unix:PATH", "local:PATH"), pointing
 * into spec; NULL for any other (inet:, inet6:, ""). */
const char *smcf_unix_path(const char *spec);
/* The first milter whose unix socket is path: its index, or -1. */
long	 smcf_find(const struct smcf *, const char *path);
/* May uid, of group gid, read and write a socket of owner, group and
 * mode (permission bits)?  member: Sendmail's start-up check counts the
 * user as a member of group (listed in it, and RunAsUser names no
 * group); a supplementary group, which its sessions do not have. */
enum smcf_reach smcf_reach(unsigned long uid, unsigned long gid,
	    unsigned long owner, unsigned long group, unsigned mode, int member);
/* 1 for the SMCF_OK_ values. */
int	 smcf_reach_ok(enum smcf_reach);

#endif
