/*
 * NAME
 *	mta 3 - the MTA a message comes from, and its ways of holding mail
 * SYNOPSIS
 *	#include "mta.h"
 * DESCRIPTION
 *	See mta.h.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mta.h"

enum mta_kind
mta_kind_of(const char *v)
{
	if (v == NULL)
		return MTA_UNKNOWN;
	if (strncasecmp(v, "Postfix", 7) == 0)
		return MTA_POSTFIX;
	/* Sendmail's $v is its bare version: 8.x.y */
	if (strncmp(v, "8.", 2) == 0 && v[2] >= '0' && v[2] <= '9')
		return MTA_SENDMAIL;
	return MTA_UNKNOWN;
}

const char *
mta_name(enum mta_kind k)
{
	switch (k) {
	case MTA_POSTFIX: return "Postfix";
	case MTA_SENDMAIL: return "Sendmail";
	default: return "the MTA";
	}
}

const char *
mta_hold_place(enum mta_kind k)
{
	switch (k) {
	case MTA_POSTFIX: return "Postfix's hold queue";
	case MTA_SENDMAIL: return "Sendmail's quarantine";
	default: return "the MTA's hold queue or quarantine";
	}
}

char *
mta_release_cmd(enum mta_kind k, const char *qid, char *buf, size_t size)
{
	switch (k) {
	case MTA_POSTFIX:
		snprintf(buf, size, "postsuper -H %s", qid);
		break;
	case MTA_SENDMAIL:
		snprintf(buf, size, "sendmail -qQ -Q -qI%s", qid);
		break;
	default:
		snprintf(buf, size, "Postfix: postsuper -H %s; Sendmail: "
		    "sendmail -qQ -Q -qI%s", qid, qid);
		break;
	}
	return buf;
}
