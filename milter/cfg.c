/*
 * NAME
 *	cfg 3 - the typed settings table, its parser and its dumps
 * SYNOPSIS
 *	#include "cfg.h"
 * DESCRIPTION
 *	See cfg.h.  Each setting is one S() row between the BEGIN SETTINGS
 *	and END SETTINGS markers; "make lint" reads the names from there.
 *	What a value of each type looks like, and how it is read and shown,
 *	is cfgval.h's business; this file holds the table, the file reader,
 *	the dumps and the snapshots.
 * DIAGNOSTICS
 *	cfg_load() and cfg_set() return -1 and append "FILE:LINE: KEY: what
 *	was expected" to the error buffer; a file with several mistakes
 *	reports all of them.  cfg_load_all() keeps what it could read, so
 *	that checks beyond the table (cfgcheck.h) report in the same pass,
 *	each with the line of the setting concerned (cfg_line()).
 */
#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg.h"
#include "cfgval.h"
#include "strbuf.h"

static const char *const e_link[] = { "strip", "hold", "keep", NULL };
static const char *const e_onerr[] = { "accept", "tempfail", NULL };
static const char *const e_scope[] = { "firm", "address", NULL };
static const char *const e_raction[] = { "remove", "hold", NULL };
static const char *const e_logfmt[] = { "postlog", "syslog", NULL };
static const char *const e_faction[] = { "warn", "restrict", "hold", NULL };

#define F(f)	offsetof(struct cfg, f)
#define S(T, name, def, lo, hi, field, en, rep, doc) \
	{ name, CFGVAL_##T, def, lo, hi, F(field), en, rep, doc }
#define SEC	(1)
#define MB	(1024ULL * 1024)

static const struct cfgval_def cfg_defs[] = {
/* BEGIN SETTINGS */
S(STR, "socket", "unix:/var/spool/postfix/nefmilter/nefmilter.sock", 0, 0, cf_socket, NULL, 0,
  "Where the milter listens, in libmilter syntax: unix:PATH or inet:PORT@HOST.\n"
  "Prefer a unix socket to inet: it is cheaper.  Its owner is 'user', its group\n"
  "and mode socket_group and socket_mode.  The default lies in Debian's Postfix\n"
  "queue directory, where its chrooted smtpd reaches it as\n"
  "unix:/nefmilter/nefmilter.sock; a unix socket's PATH here is always the\n"
  "whole path.  Sendmail refuses a socket under a world- or group-writable\n"
  "directory (such as /tmp).  A change takes effect at the next start."),
/* MTA interplay (Postfix and Sendmail): who may open the unix socket */
S(STR, "socket_group", "", 0, 0, cf_socket_group, NULL, 0,
  "The group of a unix socket: the group the MTA runs as.  Empty: postfix when\n"
  "that group exists, else mail, else the group of 'user'.  Postfix's smtpd runs\n"
  "as group postfix; Sendmail as root, or as the group of its RunAsUser (for\n"
  "example mail)."),
S(MODE, "socket_mode", "0660", 0, 0777, cf_socket_mode, NULL, 0,
  "The mode of a unix socket, in octal.  The MTA needs write permission: 0660\n"
  "lets the owner and socket_group in."),
S(STR, "sendmail_cf", "/etc/mail/sendmail.cf", 0, 0, cf_sendmail_cf, NULL, 0,
  "The local Sendmail's configuration, read by nefmilter -n: when one of its\n"
  "milters (an X line) names this unix socket and its RunAsUser is set, -n\n"
  "warns unless that user, with its one group (RunAsUser's group, else the\n"
  "user's primary group), may read and write the socket as 'user',\n"
  "socket_group and socket_mode make it.  A missing file is not checked;\n"
  "empty: no check."),
S(STR, "state_dir", "/var/lib/nefmilter", 0, 0, cf_state_dir, NULL, 0,
  "The LMDB store and the stored documents.  Owned by 'user', mode 0700."),
S(STR, "user", "nefmilter", 0, 0, cf_user, NULL, 0,
  "The user nefmilter works as.  Started as root, the daemon (and nefmilter -t)\n"
  "gives root up for good once its socket and pid file are open, before it\n"
  "opens the store; started as another user, it must be this one."),
S(STR, "pid_file", "/run/nefmilter/nefmilter.pid", 0, 0, cf_pid_file, NULL, 0,
  "The daemon's pid file, locked while it runs; empty for none.  Its directory\n"
  "must be writable by 'user' for the file to be removed at stop."),
S(STR, "log_socket", "", 0, 0, cf_log_socket, NULL, 0,
  "Empty: log with syslog(3), facility mail.  Otherwise a unix datagram socket:\n"
  "Postfix's postlog socket, or a syslog daemon's socket (see log_socket_format).\n"
  "A change takes effect at the next start."),
/* MTA interplay: the form of the lines sent to log_socket */
S(ENUM, "log_socket_format", "postlog", 0, 0, cf_log_socket_format, e_logfmt, 0,
  "The form of each line sent to log_socket.  postlog: a whole log line as\n"
  "Postfix's postlogd writes it into maillog_file (\"Mmm dd hh:mm:ss HOST\n"
  "nefmilter[PID]: TEXT\").  syslog: for a syslog daemon's socket (rsyslog's\n"
  "/dev/log, as under Sendmail): \"<PRI>\" with facility mail and the line's\n"
  "severity, then the RFC 3164 header and TEXT.  A change takes effect at the\n"
  "next start."),
S(STR, "log_hostname", "", 0, 0, cf_log_hostname, NULL, 0,
  "The host name in lines sent to log_socket (its first label, as Postfix\n"
  "writes it).  Empty: the system's host name.  Set it to the MTA's host name\n"
  "(Postfix's myhostname) so that the milter's lines and the MTA's read alike."),
S(BOOL, "debug", "no", 0, 0, cf_debug, NULL, 0,
  "Log debug lines too."),
S(ENUM, "on_error", "accept", 0, 0, cf_on_error, e_onerr, 0,
  "What happens to a notice when the milter itself fails: accept delivers the\n"
  "original notice, marked; tempfail asks the sender to retry later."),
S(SIZE, "max_message_bytes", "32M", 64 * 1024, 1024 * MB, cf_max_message_bytes, NULL, 0,
  "Messages larger than this are passed on unchanged, with a log line."),
S(LIST, "court_domains", "uscourts.gov, fedcourts.us", 0, 0, cf_court_domains, NULL, 0,
  "Sender domains (and their subdomains) that courts send notices from."),
S(STR, "trusted_authserv_id", "", 0, 0, cf_trusted_authserv_id, NULL, 0,
  "The authserv-id of the firm's own SPF/DKIM verifier.  A notice is verified\n"
  "when an Authentication-Results header from it says spf=pass or dkim=pass\n"
  "for the court's domain.  Empty: no header is trusted."),
S(LIST, "trusted_clients", "", 0, 0, cf_trusted_clients, NULL, 0,
  "Client addresses or CIDR blocks whose court mail counts as verified\n"
  "(for example the gateway that checked SPF before this relay).  A loopback\n"
  "address counts only with trust_local_mail = yes."),
/* Local mail: what the relay's own users and programs submit. */
S(BOOL, "trust_local_mail", "no", 0, 0, cf_trust_local_mail, NULL, 0,
  "Local mail is mail submitted on the relay itself: through the MTA's\n"
  "command line (Postfix's sendmail and pickup, Sendmail's submission\n"
  "program) or over SMTP from a loopback address.  With no, it is never\n"
  "verified: neither trusted_clients nor Authentication-Results count for\n"
  "it, so no user of the relay can pass mail off as the court's.  yes judges\n"
  "it like any other mail: then every user and program that can run\n"
  "sendmail or connect to the relay's loopback SMTP port can make a notice\n"
  "verified, with its case team added and its recipients learned.  Set it\n"
  "only when court mail itself arrives that way (a content filter that\n"
  "reinjects over loopback) and nobody untrusted can log in to the relay."),
S(LIST, "firm_domains", "", 0, 0, cf_firm_domains, NULL, 0,
  "The firm's own mail domains: case-team addresses must be in them, and\n"
  "internal forwards of notices come from them."),
S(BOOL, "inspect_forwards", "yes", 0, 0, cf_inspect_forwards, NULL, 0,
  "Inspect notices that colleagues forward from a firm domain, and restrict\n"
  "their sealed and restricted content too."),
S(LIST, "connect_to", "", 0, 0, cf_connect_to, NULL, 1,
  "HOST:PORT:CONNECT-HOST:CONNECT-PORT, as libcurl's CURLOPT_CONNECT_TO: send\n"
  "requests for a court host to another address (a test court, a proxy).\n"
  "May be repeated."),
S(STR, "ca_file", "", 0, 0, cf_ca_file, NULL, 0,
  "A CA bundle for the courts' certificates; empty: the system's."),
S(LIST, "fetch_hosts", "ecf.*.uscourts.gov, ca*-showdoc.azurewebsites.us, ca*-showdocservices.azurewebsites.us", 0, 0, cf_fetch_hosts, NULL, 0,
  "The only hosts documents are fetched from.  '*' matches one DNS label."),
S(TIME, "fetch_connect_timeout", "10s", 1, 120, cf_fetch_connect_timeout, NULL, 0,
  "Connect timeout of each request."),
S(TIME, "fetch_timeout", "60s", 1, 280, cf_fetch_timeout, NULL, 0,
  "Total timeout of each request."),
S(TIME, "fetch_budget", "120s", 1, 280, cf_fetch_budget, NULL, 0,
  "Time allowed for all the fetches of one notice, from 1s to 280s.  While they\n"
  "run, the MTA is told every few seconds that the milter is still working, so\n"
  "neither Sendmail's reply timeout (T=R:, 10s by default) nor Postfix's\n"
  "milter_content_timeout ends the wait; after fetch_budget the MTA's own\n"
  "timeout applies again.  The court's mail server waits for the reply to its\n"
  "message meanwhile (RFC 5321 allows 10 minutes)."),
S(SIZE, "max_document_bytes", "100M", 1024, 4096 * MB, cf_max_document_bytes, NULL, 0,
  "A document larger than this is not kept (result too-large)."),
S(INT, "fetch_per_host", "4", 1, 64, cf_fetch_per_host, NULL, 0,
  "Parallel requests per court host."),
S(INT, "max_documents", "100", 1, 1000, cf_max_documents, NULL, 0,
  "Documents fetched per notice at most."),
S(STR, "user_agent", "Mozilla/5.0 (compatible; nefmilter/" NEF_VERSION ")", 0, 0, cf_user_agent, NULL, 0,
  "The User-Agent header of every request."),
S(ENUM, "sealed_link_action", "strip", 0, 0, cf_sealed_link_action, e_link, 0,
  "What to do with a link whose fetch met a login prompt: strip replaces it with\n"
  "a short notice, hold holds the message (Postfix's hold queue, Sendmail's\n"
  "quarantine), keep leaves it."),
S(STR, "label_template", "{date}_{court}_{case}_ECF{entry}{att}_{desc}", 0, 0, cf_label_template, NULL, 0,
  "File name of each attached PDF; \".pdf\" is appended.  Fields: {date} (filed,\n"
  "YYYY-MM-DD), {court}, {case}, {entry}, {att} (\"-N\" for attachment N),\n"
  "{attno}, {desc}, {docid}, {casekey} (the docket number without judges),\n"
  "{change} (\"corrected\" or \"modified\" for a changed entry; appended to the name\n"
  "when the template does not place it)."),
/* parser: a proof of claim's own file name */
S(STR, "claim_label_template", "{date}_{court}_{casekey}_Claim{claim}{att}_{creditor}", 0, 0, cf_claim_label_template, NULL, 0,
  "File name of the PDF of a proof of claim (a Notice of Electronic Claims\n"
  "Filing); \".pdf\" is appended.  The fields of label_template, and {claim} (the\n"
  "claim number), {creditor} (the creditor, without an agent's name)."),
S(SIZE, "max_attach_bytes", "6M", 0, 1024 * MB, cf_max_attach_bytes, NULL, 0,
  "Total size of the PDFs attached to one message.  Documents over the cap stay\n"
  "in the store and the summary says so.  Keep base64 (x1.37) below the MTA's\n"
  "size limit (message_size_limit)."),
S(SIZE, "message_size_limit", "10240000", 0, 64 * 1024 * MB, cf_message_size_limit, NULL, 0,
  "The size a rewritten notice is kept below: Postfix's message_size_limit\n"
  "(10240000 by default), which Postfix enforces on a message a milter made\n"
  "larger (552: the court would get a bounce).  Sendmail does not check such a\n"
  "message against its MaxMessageSize, but the next hop may: use the smallest\n"
  "limit on the way to the mailboxes.  Documents that do not fit stay in the\n"
  "store; the summary says so.  0: no limit."),
S(TIME, "retention", "30d", 3600, 3650 * 86400ULL, cf_retention, NULL, 0,
  "How long stored documents are kept; \"nefctl purge --expired\" removes older ones\n"
  "and the daemon does so once a day."),
S(SIZE, "map_size", "1G", 1 * MB, 1024 * 1024 * MB, cf_map_size, NULL, 0,
  "Initial size of the LMDB map; it grows when full and keeps its grown size\n"
  "across restarts (this value is a floor)."),
S(SIZE, "map_size_max", "0", 0, 1024 * 1024 * MB, cf_map_size_max, NULL, 0,
  "The LMDB map grows up to this size; when it is full, a document is still\n"
  "attached from its temporary file and the log says the store is full.\n"
  "0: 16 times map_size."),
S(INT, "max_readers", "512", 16, 65536, cf_max_readers, NULL, 0,
  "LMDB reader slots: at least the peak number of SMTP sessions plus tools."),
S(ENUM, "restricted_scope", "firm", 0, 0, cf_restricted_scope, e_scope, 0,
  "Who may receive a restricted entry: firm allows any address in a domain the\n"
  "court listed; address allows only the exact addresses listed."),
S(ENUM, "restricted_action", "remove", 0, 0, cf_restricted_action, e_raction, 0,
  "What happens to recipients a restricted entry may not reach: remove drops them\n"
  "from the message, hold holds the whole message (Postfix's hold queue,\n"
  "Sendmail's quarantine)."),
S(LINES, "restricted_terms", "", 0, 0, cf_restricted_terms, NULL, 1,
  "An extra word or phrase that makes an entry restricted, besides seal and\n"
  "redact (for example: ex parte).  One per line; repeatable."),
S(LINES, "restricted_exceptions", "", 0, 0, cf_restricted_exceptions, NULL, 1,
  "A phrase that does not make an entry restricted (for a party named \"Sealy\").\n"
  "PHRASE applies everywhere; COURT CASE PHRASE to one case (cand 4:22-cv-05541\n"
  "Sealy Corp); * * PHRASE forces a global phrase.  One per line; repeatable."),
S(BOOL, "team_expand", "yes", 0, 0, cf_team_expand, NULL, 0,
  "Add the case team's addresses as recipients of verified notices."),
/* mail of its own: the daily digest, alerts (mailout.c, digest) */
S(STR, "sendmail_command", "/usr/sbin/sendmail -oi", 0, 0, cf_sendmail_command, NULL, 0,
  "The local sendmail(1) interface that mail of nefmilter's own is submitted\n"
  "through: an absolute path and its arguments, split at blanks, never run by a\n"
  "shell.  Recipients follow \"--\"; with -t the MTA reads them from To:."),
S(STR, "mail_from", "", 0, 0, cf_mail_from, NULL, 0,
  "The From: address and envelope sender (-f) of that mail.  Empty: the MTA's\n"
  "default for the user running the command."),
S(LIST, "digest_to", "", 0, 0, cf_digest_to, NULL, 0,
  "The addresses \"nefctl digest\" mails the daily digest to (the docketing desk).\n"
  "The digest goes to these only: --to must name one of them."),
S(INT, "digest_max_notices", "200", 10, 10000, cf_digest_max_notices, NULL, 0,
  "Notices the digest lists one by one; past this it gives one line per case\n"
  "and per court, so that a busy day stays one readable message."),
/* calendar: the .ics of each notice, the event store, the per-case feed
 * (calendar.c, plan_cal.c) */
S(BOOL, "calendar", "yes", 0, 0, cf_calendar, NULL, 0,
  "Read the deadlines and hearings in the docket text and attach them to the\n"
  "notice as one .ics part (text/calendar), named like the PDFs."),
S(LIST, "calendar_kinds", "deadlines, hearings", 0, 0, cf_calendar_kinds, NULL, 0,
  "Which events go on the calendar: deadlines (\"Responses due by\"...), hearings\n"
  "(every scheduled court event: hearings, conferences, trials, 341 meetings,\n"
  "mediation...), or both."),
S(TIME, "calendar_reminder", "0", 0, 30 * 86400ULL, cf_calendar_reminder, NULL, 0,
  "A reminder (VALARM) this long before each event, such as 1d or 2h; 0: none."),
S(TIME, "calendar_hearing_length", "1h", 60, 86400, cf_calendar_hearing_length, NULL, 0,
  "How long a hearing is shown in the calendar when it has a time."),
S(STR, "calendar_dir", "", 0, 0, cf_calendar_dir, NULL, 0,
  "Also keep every event of a case in one file per case here, COURT_CASE.ics,\n"
  "rewritten atomically on each change (mode 0640), for a docketing team to\n"
  "subscribe to from a file share.  Events of restricted entries are never\n"
  "written there.  When calendar_retention removes events of a case, its file\n"
  "is rewritten without them, or removed when no event of the case is left.\n"
  "Empty: no files."),
S(TIME, "calendar_retention", "365d", 0, 3650 * 86400ULL, cf_calendar_retention, NULL, 0,
  "How long the store keeps a case's events after their day (an event with no\n"
  "day: after its last change), so that a later notice can still reset or\n"
  "cancel them; the daemon removes older ones once a day, with the documents\n"
  "past retention.  They also leave the case's file in calendar_dir, and\n"
  "calendars subscribed to it.  An .ics already attached to a notice is not\n"
  "affected.  0: events are kept for ever."),
/* the disclosure check: failed redactions and personal identifiers (pdf) */
S(BOOL, "pdf_check", "yes", 0, 0, cf_pdf_check, NULL, 0,
  "Check every document for text left under black boxes and other opaque\n"
  "covers, unapplied redactions, and the identifiers Fed. R. Civ. P. 5.2(a)\n"
  "requires to be truncated.  The check runs in nefpdf, a sandboxed helper."),
S(STR, "pdf_helper", "", 0, 0, cf_pdf_helper, NULL, 0,
  "The helper program.  Empty: nefpdf beside the nefmilter program."),
S(TIME, "pdf_timeout", "60s", 1, 3600, cf_pdf_timeout, NULL, 0,
  "Wall-clock time one document's check may take; then it is \"not checked\".\n"
  "A notice waits for its checks only within fetch_budget: a check that has\n"
  "not ended by then goes on, and its result follows in the audit and alert."),
S(TIME, "pdf_cpu", "30s", 1, 3600, cf_pdf_cpu, NULL, 0,
  "CPU time one document's check may use."),
S(SIZE, "pdf_memory", "768M", 64 * MB, 64 * 1024 * MB, cf_pdf_memory, NULL, 0,
  "Address space of the helper: a document that needs more is \"not checked\"."),
S(INT, "pdf_max_pages", "2000", 1, 1000000, cf_pdf_max_pages, NULL, 0,
  "A document with more pages is \"not checked\" (too large)."),
S(SIZE, "pdf_max_bytes", "100M", 1024, 4096 * MB, cf_pdf_max_bytes, NULL, 0,
  "A larger document is \"not checked\" (too large)."),
S(INT, "pdf_parallel", "2", 1, 64, cf_pdf_parallel, NULL, 0,
  "Helpers running at once in the whole milter (each is one process)."),
S(ENUM, "redaction_action", "warn", 0, 0, cf_redaction_action, e_faction, 0,
  "When a document shows text under a cover or an unapplied redaction: warn\n"
  "says so in the summary, the X-NEF header, the audit and the alert; restrict\n"
  "also treats the entry as restricted (only court-listed recipients get it);\n"
  "hold also holds the message."),
S(ENUM, "identifier_action", "warn", 0, 0, cf_identifier_action, e_faction, 0,
  "The same for a full Social Security or taxpayer number, date of birth or\n"
  "financial-account number: warn, restrict or hold."),
S(LIST, "alert_to", "", 0, 0, cf_alert_to, NULL, 0,
  "Addresses (the docketing or compliance desk) that get a short alert for\n"
  "every notice with a finding: court, case, entry, document and page, with\n"
  "nothing attached.  Sent with sendmail_command."),
S(LINES, "firm_filer_names", "", 0, 0, cf_firm_filer_names, NULL, 1,
  "A name the firm files under (an attorney, the firm, a client it represents),\n"
  "as the notice's filer line shows it.  A finding in a filing made by the firm\n"
  "itself is reported as such: the firm must move to seal at once.  One per\n"
  "line; repeatable."),
/* END SETTINGS */
};
#define NDEFS	(sizeof(cfg_defs) / sizeof(cfg_defs[0]))

static pthread_mutex_t	 cfg_lock = PTHREAD_MUTEX_INITIALIZER;
static struct cfg	*cfg_cur;

static const struct cfgval_def *cfg_find(const char *);
static void	cfg_free(struct cfg *);
static char	*cfg_trim(char *);

static const struct cfgval_def *
cfg_find(const char *name)
{
	size_t	i;

	for (i = 0; i < NDEFS; i++)
		if (strcmp(cfg_defs[i].d_name, name) == 0)
			return &cfg_defs[i];
	return NULL;
}

struct cfg *
cfg_defaults(void)
{
	struct cfg	*c;
	struct strbuf	 err = STRBUF_INIT;
	size_t		 i;

	if ((c = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	c->cf_refs = 1;
	if ((c->cf_line = calloc(NDEFS, sizeof(*c->cf_line))) == NULL) {
		free(c);
		return NULL;
	}
	for (i = 0; i < NDEFS; i++)
		if (cfgval_apply(c, &cfg_defs[i], cfg_defs[i].d_default, 0,
		    "default", 0, &err) != 0) {
			strbuf_free(&err);
			cfg_free(c);
			return NULL;
		}
	strbuf_free(&err);
	return c;
}

int
cfg_set(struct cfg *c, const char *key, const char *value, struct strbuf *err)
{
	const struct cfgval_def	*d;

	if ((d = cfg_find(key)) == NULL) {
		strbuf_printf(err, "unknown setting \"%s\"\n", key);
		return -1;
	}
	return cfgval_apply(c, d, value, 1, "override", 0, err);
}

static char *
cfg_trim(char *s)
{
	char	*e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

int
cfg_load(const char *path, struct cfg **out, struct strbuf *err)
{
	int	rc = cfg_load_all(path, out, err);

	if (rc != 0 && *out != NULL)
		*out = cfg_unref(*out);
	return rc;
}

int
cfg_load_all(const char *path, struct cfg **out, struct strbuf *err)
{
	struct cfg		*c;
	const struct cfgval_def	*d;
	FILE			*fp;
	char			 line[4096], where[512], *key, *val, *eq, *hash;
	unsigned char		 seen[NDEFS];
	int			 lineno = 0, bad = 0;

	*out = NULL;
	if ((c = cfg_defaults()) == NULL) {
		strbuf_puts(err, "out of memory\n");
		return -1;
	}
	if (path == NULL) {
		*out = c;
		return 0;
	}
	if ((fp = fopen(path, "r")) == NULL) {
		strbuf_printf(err, "%s: %s\n", path, strerror(errno));
		cfg_free(c);
		return -1;
	}
	c->cf_path = strdup(path);
	memset(seen, 0, sizeof(seen));
	while (fgets(line, sizeof(line), fp) != NULL) {
		lineno++;
		snprintf(where, sizeof(where), "%s:%d", path, lineno);
		if (strchr(line, '\n') == NULL && !feof(fp)) {
			strbuf_printf(err, "%s: line longer than %zu bytes\n",
			    where, sizeof(line) - 2);
			bad = 1;
			while (fgets(line, sizeof(line), fp) != NULL &&
			    strchr(line, '\n') == NULL)
				;
			continue;
		}
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		key = cfg_trim(line);
		if (*key == '\0')
			continue;
		if ((eq = strchr(key, '=')) == NULL) {
			strbuf_printf(err, "%s: expected \"key = value\"\n", where);
			bad = 1;
			continue;
		}
		*eq = '\0';
		key = cfg_trim(key);
		val = cfg_trim(eq + 1);
		if ((d = cfg_find(key)) == NULL) {
			strbuf_printf(err, "%s: unknown setting \"%s\"\n", where, key);
			bad = 1;
			continue;
		}
		if (seen[d - cfg_defs] && !cfgval_repeatable(d)) {
			strbuf_printf(err, "%s: %s: set twice\n", where, key);
			bad = 1;
			continue;
		}
		if (cfgval_apply(c, d, val, seen[d - cfg_defs], where, lineno,
		    err) != 0) {
			bad = 1;
			c->cf_line[d - cfg_defs] = -lineno;
		} else if (c->cf_line[d - cfg_defs] >= 0)
			c->cf_line[d - cfg_defs] = lineno;
		seen[d - cfg_defs] = 1;
	}
	fclose(fp);
	*out = c;
	return bad ? -1 : 0;
}

int
cfg_line(const struct cfg *c, const char *key)
{
	const struct cfgval_def	*d = cfg_find(key);

	return d != NULL && c->cf_line != NULL ? c->cf_line[d - cfg_defs] : 0;
}

const struct cfg_list *
cfg_list_of(const struct cfg *c, const char *key)
{
	const struct cfgval_def	*d = cfg_find(key);

	if (d == NULL || (d->d_type != CFGVAL_LIST && d->d_type != CFGVAL_LINES))
		return NULL;
	return (const void *)((const char *)c + d->d_off);
}

int
cfg_known(const char *key)
{
	return cfg_find(key) != NULL;
}

static void
cfg_free(struct cfg *c)
{
	size_t	i;

	if (c == NULL)
		return;
	for (i = 0; i < NDEFS; i++)
		cfgval_clear(c, &cfg_defs[i]);
	free(c->cf_path);
	free(c->cf_line);
	free(c);
}

struct cfg *
cfg_ref(struct cfg *c)
{
	if (c != NULL)
		atomic_fetch_add((_Atomic int *)&c->cf_refs, 1);
	return c;
}

struct cfg *
cfg_unref(struct cfg *c)
{
	if (c != NULL && atomic_fetch_sub((_Atomic int *)&c->cf_refs, 1) == 1)
		cfg_free(c);
	return NULL;
}

void
cfg_install(struct cfg *c)
{
	struct cfg	*old;

	pthread_mutex_lock(&cfg_lock);
	old = cfg_cur;
	cfg_cur = c;
	pthread_mutex_unlock(&cfg_lock);
	cfg_unref(old);
}

struct cfg *
cfg_current(void)
{
	struct cfg	*c;

	pthread_mutex_lock(&cfg_lock);
	c = cfg_ref(cfg_cur);
	pthread_mutex_unlock(&cfg_lock);
	return c;
}

void
cfg_dump(const struct cfg *c, FILE *fp)
{
	struct strbuf	sb = STRBUF_INIT;
	size_t		i;

	for (i = 0; i < NDEFS; i++) {
		if (cfg_defs[i].d_type == CFGVAL_LINES) {
			const struct cfg_list *l = (const void *)((const char *)c +
			    cfg_defs[i].d_off);
			size_t j;

			if (l->l_n == 0)
				fprintf(fp, "%s =\n", cfg_defs[i].d_name);
			for (j = 0; j < l->l_n; j++)
				fprintf(fp, "%s = %s\n", cfg_defs[i].d_name, l->l_v[j]);
			continue;
		}
		strbuf_reset(&sb);
		cfgval_format(c, &cfg_defs[i], &sb);
		fprintf(fp, "%s = %s\n", cfg_defs[i].d_name, strbuf_str(&sb));
	}
	strbuf_free(&sb);
}

void
cfg_write_sample(FILE *fp)
{
	const char	*p, *nl;
	size_t		 i;

	fputs("# nefmilter.conf: the settings of nefmilter(8); see nefmilter.conf(5).\n"
	    "# Every key is listed with its built-in default, commented out.\n"
	    "# Format: key = value.  Sizes take K/M/G, times s/m/h/d.\n", fp);
	for (i = 0; i < NDEFS; i++) {
		fputs("\n", fp);
		for (p = cfg_defs[i].d_doc; *p != '\0'; p = nl + 1) {
			nl = strchr(p, '\n');
			if (nl == NULL)
				nl = p + strlen(p) - 1;
			fprintf(fp, "#  %.*s\n", (int)(nl - p + (*nl != '\n')), p);
		}
		fprintf(fp, "#%s = %s\n", cfg_defs[i].d_name, cfg_defs[i].d_default);
	}
}

int
cfg_list_has(const struct cfg_list *l, const char *s)
{
	size_t	i;

	for (i = 0; i < l->l_n; i++)
		if (strcasecmp(l->l_v[i], s) == 0)
			return 1;
	return 0;
}

const char *
cfg_link_action_name(int a)
{
	return (a >= 0 && a <= LINK_KEEP) ? e_link[a] : "?";
}
