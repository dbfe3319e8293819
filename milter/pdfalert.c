/*
 * NAME
 *	pdfalert 3 - the alert about a disclosure in a filing
 * SYNOPSIS
 *	#include "pdfalert.h"
 * DESCRIPTION
 *	See pdfalert.h.  The subject is printable ASCII (court ids and case
 *	numbers are); the body is UTF-8 (a case name may not be ASCII),
 *	sent as text/plain; charset=utf-8, 8bit.
 * DIAGNOSTICS
 *	pdfalert_send() logs what mailout_send() said when it fails, and
 *	one line when it succeeds.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "log.h"
#include "mailout.h"
#include "pdfalert.h"
#include "pdfcheck.h"
#include "text.h"

int
pdfalert_compose(const struct pdfctx *x, const char *lines, int late,
    char **subject, char **body)
{
	struct strbuf s = STRBUF_INIT, b = STRBUF_INIT;
	char cs[64], cl[64];

	*subject = *body = NULL;
	text_printable(cs, sizeof(cs), x->x_case, strlen(x->x_case));
	text_printable(cl, sizeof(cl), x->x_court, strlen(x->x_court));
	if (x->x_firm[0])
		strbuf_printf(&s, "[nefmilter] URGENT: the firm's own filing in "
		    "%s %s", cl, cs);
	else
		strbuf_printf(&s, "[nefmilter] Failed redaction or personal "
		    "identifier in %s %s", cl, cs);
	if (x->x_entry_s[0])
		strbuf_printf(&s, ", entry %s", x->x_entry_s);
	if (late)
		strbuf_printf(&b, "The check of the documents of a court notice "
		    "that reached the firm earlier has ended: a document\nshows "
		    "what a public filing should not.  Nothing is attached to "
		    "this message.\n\n");
	else
		strbuf_printf(&b, "A document of a court notice that just reached "
		    "the firm shows what a public filing\nshould not.  The case "
		    "team got the notice; nothing is attached to this message.\n\n");
	if (x->x_firm[0])
		strbuf_printf(&b, "This is a filing by the firm itself (%s): move "
		    "to seal or correct it at once.\n\n", x->x_firm);
	strbuf_printf(&b, "Court:   %s\n", x->x_court);
	strbuf_printf(&b, "Case:    %s%s%s%s\n", x->x_case,
	    x->x_case_name[0] ? " (" : "", x->x_case_name,
	    x->x_case_name[0] ? ")" : "");
	if (x->x_entry_s[0])
		strbuf_printf(&b, "Entry:   %s\n", x->x_entry_s);
	strbuf_printf(&b, "Notice:  queue id %s\n\n%s\n", x->x_qid, lines);
	strbuf_printf(&b, "The findings, with the place of each on its page:\n"
	    "  nefctl findings --case %s %s\n", x->x_court, x->x_docket);
	if (strbuf_error(&s) || strbuf_error(&b)) {
		strbuf_free(&s);
		strbuf_free(&b);
		return -1;
	}
	*subject = strbuf_detach(&s);
	*body = strbuf_detach(&b);
	return 0;
}

int
pdfalert_send(const struct cfg *cf, const char *qid, const char *subject,
    const char *body)
{
	struct mailout_msg m;
	char err[MAILOUT_ERR_SIZE];

	if (cf->cf_alert_to.l_n == 0)
		return 0;
	memset(&m, 0, sizeof(m));
	m.mo_command = cf->cf_sendmail_command;
	m.mo_from = cf->cf_mail_from;
	m.mo_to = (const char *const *)cf->cf_alert_to.l_v;
	m.mo_nto = cf->cf_alert_to.l_n;
	m.mo_subject = subject;
	m.mo_ctype = "text/plain; charset=utf-8";
	m.mo_cte = "8bit";
	m.mo_body = body;
	m.mo_len = strlen(body);
	if (mailout_send(&m, err, sizeof(err)) != 0) {
		log_err(qid, "pdf alert to %zu address%s not sent: %s",
		    m.mo_nto, m.mo_nto == 1 ? "" : "es", err);
		return -1;
	}
	log_notice(qid, "pdf alert sent to %zu address%s", m.mo_nto,
	    m.mo_nto == 1 ? "" : "es");
	return 0;
}
