/*
 * cfg: nefmilter's configuration, from ONE typed table of settings.
 *
 * The table in cfg.c (name, type, default, bounds, field, one-line doc)
 * drives the parser, the "-n" dump, the sample file conf/nefmilter.conf and
 * the man-page check in "make lint".
 *
 * File format: "key = value" lines; '#' starts a comment; blank lines are
 * ignored.  A list setting takes values separated by commas or blanks, and
 * a key marked repeatable may appear on several lines, which add up.
 * Sizes take K, M or G; times take s, m, h or d.
 *
 * A struct cfg is an immutable snapshot with a reference count: a
 * connection pins the snapshot in effect (cfg_current()) and releases it
 * with cfg_unref(); a reload builds a new snapshot and installs it with
 * cfg_install().
 */
#ifndef NEF_CFG_H
#define NEF_CFG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct strbuf;

struct cfg_list {
	size_t	  l_n;
	char	**l_v;
	int	 *l_line;	/* the line of each entry (0: default) */
};

enum cfg_link_action { LINK_STRIP, LINK_HOLD, LINK_KEEP };
enum cfg_on_error { ONERR_ACCEPT, ONERR_TEMPFAIL };
enum cfg_scope { SCOPE_FIRM, SCOPE_ADDRESS };
enum cfg_raction { RACTION_REMOVE, RACTION_HOLD };
enum cfg_faction { FACTION_WARN, FACTION_RESTRICT, FACTION_HOLD };

struct cfg {
	int		 cf_refs;	/* atomic; see cfg_ref() */
	char		*cf_path;	/* file read, or NULL for defaults */
	int		*cf_line;	/* per setting: the line that set it
					   last (0: default; negative: that
					   line's value was refused) */

	/* daemon */
	char		*cf_socket;
	char		*cf_socket_group;	/* "": postfix, mail or user's */
	uint64_t	 cf_socket_mode;
	char		*cf_sendmail_cf;	/* nefmilter -n reads it */
	char		*cf_state_dir;
	char		*cf_user;
	char		*cf_pid_file;
	char		*cf_log_socket;
	int		 cf_log_socket_format;	/* enum log_format */
	char		*cf_log_hostname;
	int		 cf_debug;
	int		 cf_on_error;		/* enum cfg_on_error */
	uint64_t	 cf_max_message_bytes;

	/* trust */
	struct cfg_list	 cf_court_domains;
	char		*cf_trusted_authserv_id;
	struct cfg_list	 cf_trusted_clients;
	int		 cf_trust_local_mail;
	struct cfg_list	 cf_firm_domains;
	int		 cf_inspect_forwards;

	/* fetch */
	struct cfg_list	 cf_connect_to;
	char		*cf_ca_file;
	struct cfg_list	 cf_fetch_hosts;
	uint64_t	 cf_fetch_connect_timeout;	/* seconds */
	uint64_t	 cf_fetch_timeout;		/* seconds */
	uint64_t	 cf_fetch_budget;		/* seconds */
	uint64_t	 cf_max_document_bytes;
	uint64_t	 cf_fetch_per_host;
	uint64_t	 cf_max_documents;
	char		*cf_user_agent;

	/* rewrite */
	int		 cf_sealed_link_action;	/* enum cfg_link_action */
	char		*cf_label_template;
	char		*cf_claim_label_template;	/* parser: claims */
	uint64_t	 cf_max_attach_bytes;
	uint64_t	 cf_message_size_limit;

	/* store */
	uint64_t	 cf_retention;		/* seconds */
	uint64_t	 cf_map_size;
	uint64_t	 cf_map_size_max;
	uint64_t	 cf_max_readers;

	/* recipients */
	int		 cf_restricted_scope;	/* enum cfg_scope */
	int		 cf_restricted_action;	/* enum cfg_raction */
	struct cfg_list	 cf_restricted_terms;
	struct cfg_list	 cf_restricted_exceptions;
	int		 cf_team_expand;

	/* mail the milter writes itself (mailout.h), the digest */
	char		*cf_sendmail_command;
	char		*cf_mail_from;
	struct cfg_list	 cf_digest_to;
	uint64_t	 cf_digest_max_notices;

	/* calendar */
	int		 cf_calendar;
	struct cfg_list	 cf_calendar_kinds;
	uint64_t	 cf_calendar_reminder;		/* seconds, 0 = none */
	uint64_t	 cf_calendar_hearing_length;	/* seconds */
	char		*cf_calendar_dir;
	uint64_t	 cf_calendar_retention;		/* seconds, 0 = for ever */

	/* the disclosure check of every document (inspect.h, pdfcheck.h) */
	int		 cf_pdf_check;
	char		*cf_pdf_helper;
	uint64_t	 cf_pdf_timeout;		/* seconds */
	uint64_t	 cf_pdf_cpu;			/* seconds */
	uint64_t	 cf_pdf_memory;
	uint64_t	 cf_pdf_max_pages;
	uint64_t	 cf_pdf_max_bytes;
	uint64_t	 cf_pdf_parallel;
	int		 cf_redaction_action;	/* enum cfg_faction */
	int		 cf_identifier_action;	/* enum cfg_faction */
	struct cfg_list	 cf_alert_to;
	struct cfg_list	 cf_firm_filer_names;
};

/* The default configuration file. */
#define CFG_DEFAULT_PATH	NEF_SYSCONFDIR "/nefmilter/nefmilter.conf"

/*
 * Read the file at path (NULL: built-in defaults only; the default path
 * when it exists is the caller's choice).  On success *out holds a new
 * snapshot with one reference.  On failure returns -1 and err holds
 * "FILE:LINE: what was expected" lines.
 */
int	 cfg_load(const char *path, struct cfg **out, struct strbuf *err);
/*
 * The same, but *out is set even when lines were refused (-1): a refused
 * line leaves the setting at its default, so that the caller can run its
 * own checks over the rest and report every problem in one pass.  *out
 * is NULL only when the file cannot be read or memory runs out.
 */
int	 cfg_load_all(const char *path, struct cfg **out, struct strbuf *err);
/* The line of the file that set key last: 0 for a built-in default (or an
 * unknown key), the negated line when that line's value was refused. */
int	 cfg_line(const struct cfg *, const char *key);
/* The value of a list setting (key names one), else NULL. */
const struct cfg_list *cfg_list_of(const struct cfg *, const char *key);
/* 1 when key names a setting. */
int	 cfg_known(const char *key);
/* Built-in defaults; NULL only when memory runs out. */
struct cfg *cfg_defaults(void);
/* Set one key as if read from a file (used for overrides); 0 or -1. */
int	 cfg_set(struct cfg *, const char *key, const char *value,
	    struct strbuf *err);

struct cfg *cfg_ref(struct cfg *);
struct cfg *cfg_unref(struct cfg *);	/* returns NULL */

/* The snapshot in effect, process-wide.  cfg_current() adds a reference. */
void	 cfg_install(struct cfg *);	/* takes over the caller's reference */
struct cfg *cfg_current(void);

/* "key = value" for every setting, as in effect. */
void	 cfg_dump(const struct cfg *, FILE *);
/* The sample file: every key, commented, with its default and its doc. */
void	 cfg_write_sample(FILE *);

/* Helpers for callers. */
int	 cfg_list_has(const struct cfg_list *, const char *s);	/* exact, case-insensitive */
const char *cfg_link_action_name(int);

#endif
