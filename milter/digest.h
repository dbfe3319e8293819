/*
 * digest: the daily account for the docketing desk, built from the audit.
 *
 * digest_build() reads the audit records of a window and the purges
 * made in it (store_report_read(), one read transaction) and lays them
 * out as sections of rows, the same for the text and the HTML form
 * (digest_text.h, digest_html.h):
 *
 *	held		what waits in the MTA's hold queue or quarantine, with
 *			the commands that release it: those of the MTA the
 *			audit names (Postfix or Sendmail), of both for a
 *			record that names none
 *	failed		notices not processed (audit action "error"): why,
 *			and what on_error did with them
 *	restricted	entries that mention seal or redact, and the
 *			recipients removed from them
 *	notices		per court and case: every notice with its entry
 *			number, the PDFs attached and the links cut, the
 *			recipients; past di_max notices one line per case
 *	unfetched	documents the court did not give, and why
 *	purges		documents withdrawn with "nefctl purge"
 *
 * A restricted entry's docket text and documents are never shown: the
 * audit does not keep them (plan_items.h), and the digest shows only
 * how many documents such an entry had.
 *
 * Every cell is text the renderer escapes; rows of kind DG_GROUP (a
 * court and case heading) and DG_NOTE (a line under a row) use r_cell[0]
 * only.
 */
#ifndef NEF_DIGEST_H
#define NEF_DIGEST_H

#include <stddef.h>
#include <stdint.h>

#include "store_audit.h"

#define DG_COLS		6
#define DG_NSECT	6

enum dg_kind { DG_ROW, DG_GROUP, DG_NOTE };

struct dg_row {
	int	 r_kind;			/* enum dg_kind */
	char	*r_cell[DG_COLS];		/* owned; NULL past s_ncols */
};

struct dg_section {
	const char	*s_id;			/* "held", "notices", ... */
	const char	*s_title;
	char		*s_intro;		/* a paragraph before, or NULL */
	int		 s_ncols;
	const char	*s_head[DG_COLS];
	struct dg_row	*s_rows;
	size_t		 s_nrows, s_cap;
	char		*s_more;		/* a line after, or NULL */
	const char	*s_empty;		/* said when there is no row */
};

struct digest {
	char		 d_subject[200];	/* printable ASCII */
	char		 d_period[200];
	char		*d_summary;
	size_t		 d_nnotices;
	struct dg_section d_sect[DG_NSECT];
};

struct digest_in {
	const struct store_audit_list *di_audit;
	const struct store_tomb *di_tombs;
	size_t		 di_ntombs;
	int64_t		 di_since, di_until;
	size_t		 di_max;		/* digest_max_notices */
	const char	*di_host;		/* the relay's name */
};

/* 0 and *out (release with digest_free()), or -1 when memory ran out. */
int	 digest_build(const struct digest_in *, struct digest **out);
struct digest *digest_free(struct digest *);

/* Local time as "2026-12-01 10:02" into buf (at least 20 bytes). */
char	*digest_time(int64_t t, char *buf, size_t size);

#endif
