/*
 * summary: the short report that opens the text and HTML bodies of a
 * rewritten notice: which documents are attached, which need a court
 * login, which failed, which stay in the store over the size cap.
 */
#ifndef NEF_SUMMARY_H
#define NEF_SUMMARY_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

/* What became of one document, from the reader's point of view. */
enum summary_state {
	SUM_ATTACHED,		/* the PDF is attached */
	SUM_LOGIN,		/* the court asked for a login: sealed,
				   restricted, or the free look was spent */
	SUM_UNAVAILABLE,	/* the court says it is not available */
	SUM_FAILED,		/* transient error, refused, too large */
	SUM_OVER_CAP,		/* fetched and stored, not attached (cap) */
	SUM_WITHHELD,		/* restricted entry: not for these recipients */
	SUM_TOMBSTONED,		/* purged by the firm: never attached */
	SUM_NO_DOCUMENT,	/* the entry has no document */
	SUM_NOT_FETCHED		/* unverified notice: nothing fetched */
};

struct summary_item {
	enum summary_state	 si_state;
	const char		*si_name;	/* file name, or a description */
	const char		*si_detail;	/* short reason, may be NULL */
	uint64_t		 si_size;	/* bytes, for attached/over cap */
};

struct summary_head {
	const char	*sh_court;
	const char	*sh_case;
	const char	*sh_entry;	/* may be NULL */
	int		 sh_restricted;
	int		 sh_unverified;
	const char	*sh_notice;	/* an extra line (e.g. withheld), or NULL */
	const char *const *sh_extra;	/* more lines after the documents
					   (the calendar...), sh_nextra */
	size_t		 sh_nextra;
	const char *const *sh_about;	/* lines about the notice itself, after
					   the head (what could not be read, a
					   claim, a changed entry); may be NULL */
	size_t		 sh_nabout;
	const char	*sh_restricted_why;	/* why restricted, when not
					   seal/redact words; NULL */
};

/* Append the summary as plain text (ends with a blank line) or as an
 * HTML fragment.  All strings are UTF-8; the HTML side escapes them. */
void	summary_text(const struct summary_head *, const struct summary_item *,
	    size_t n, struct strbuf *out);
void	summary_html(const struct summary_head *, const struct summary_item *,
	    size_t n, struct strbuf *out);
/* "1.2 MB" and so on. */
void	summary_size(uint64_t, char *buf, size_t size);

#endif
