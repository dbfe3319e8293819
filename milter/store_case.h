/*
 * store_case: the cases the store has seen, the addresses the court
 * listed on their notices and the firm's team of each case.  Statuses
 * as in store.h.
 */
#ifndef NEF_STORE_CASE_H
#define NEF_STORE_CASE_H

#include <stddef.h>
#include <stdint.h>

#include "store.h"

#define STORE_NAME_MAX		511
#define STORE_CASEID_MAX	63
#define STORE_CASEIDS		8	/* court case ids kept per case */

struct store_case {
	char	 c_court[STORE_COURT_MAX + 1];
	char	 c_docket[STORE_DOCKET_MAX + 1];
	char	 c_name[STORE_NAME_MAX + 1];
	int64_t	 c_first;
	int64_t	 c_last;
	unsigned c_nids;
	char	 c_ids[STORE_CASEIDS][STORE_CASEID_MAX + 1];
};

/* Record that a notice for the case was seen at now: creates the case or
 * updates its name (when name is non-empty) and last-seen time; adds
 * case_id (may be NULL or "") to its ids (at most STORE_CASEIDS kept). */
int	 store_case_seen(struct store *, const char *court, const char *docket,
	    const char *name, const char *case_id, int64_t now);
/* 0 or STORE_ENOTFOUND. */
int	 store_case_get(struct store *, const char *court, const char *docket,
	    struct store_case *out);
/* Every case in key order; *out malloc'd (caller free()s), *n items. */
int	 store_case_list(struct store *, struct store_case **out, size_t *n);

struct store_addr {
	char	 a_court[STORE_COURT_MAX + 1];
	char	 a_docket[STORE_DOCKET_MAX + 1];
	char	 a_addr[STORE_ADDR_MAX + 1];
	int64_t	 a_first;		/* first listed / added */
	int64_t	 a_last;		/* last listed / last added */
};

/* An address the court listed on a (verified) notice for the case. */
int	 store_listed_add(struct store *, const char *court, const char *docket,
	    const char *addr, int64_t now);
/* Many addresses of one notice in one write transaction; addresses that
 * are not valid are skipped and counted in *nbad (may be NULL). */
int	 store_listed_add_many(struct store *, const char *court,
	    const char *docket, const char *const *addrs, size_t n, int64_t now,
	    size_t *nbad);
/* 0 when listed, STORE_ENOTFOUND when not, or another status. */
int	 store_listed_has(struct store *, const char *court, const char *docket,
	    const char *addr);
/* Every listed address of the case; *out malloc'd (free()), *n items. */
int	 store_listed_list(struct store *, const char *court,
	    const char *docket, struct store_addr **out, size_t *n);

/* Add an address to the firm's team for a case.  STORE_EADDR,
 * STORE_EDOMAIN (not a firm domain), or 0 (also when already there). */
int	 store_team_add(struct store *, const char *court, const char *docket,
	    const char *addr, int64_t now);
/* 0, or STORE_ENOTFOUND when the address was not on the team. */
int	 store_team_remove(struct store *, const char *court,
	    const char *docket, const char *addr);
/* 0 when on the team, STORE_ENOTFOUND when not. */
int	 store_team_has(struct store *, const char *court, const char *docket,
	    const char *addr);
/* The team of one case, or of every case when court is NULL; *out
 * malloc'd (free()), *n items, in (court, docket, address) order. */
int	 store_team_list(struct store *, const char *court, const char *docket,
	    struct store_addr **out, size_t *n);
/*
 * Add many team rows in ONE transaction: every row is checked first
 * (a_court, a_docket, a_addr as given; the address is normalized) and
 * if any is bad nothing changes: *bad (may be NULL) receives the index
 * of the first bad row and the row's status is returned.
 */
int	 store_team_import(struct store *, const struct store_addr *rows,
	    size_t n, int64_t now, size_t *bad);

#endif
