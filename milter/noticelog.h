/*
 * noticelog: what the parser noticed about a notice, in the mail log.
 *
 * noticelog_parsed() writes, under the queue id, one line per thing a
 * mail administrator or the docketing staff would want to know about a
 * notice before its documents are fetched:
 *
 *	court: the notice is cand's (case-link, sender); the document link
 *	  of 4:22-cv-05541 entry 57 is on ecf.nysd.uscourts.gov (doc id:
 *	  nysd); fetched there if that host is allowed
 *	court: witnesses disagree: document-id=nysd (the notice is cand's)
 *
 * Untrusted text is cleaned and capped (log.h).  It never fails.
 */
#ifndef NEF_NOTICELOG_H
#define NEF_NOTICELOG_H

struct nef;

void	noticelog_parsed(const char *qid, const struct nef *);

#endif
