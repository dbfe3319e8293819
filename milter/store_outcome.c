/*
 * NAME
 *	store_outcome 3 - lasting fetch outcomes of documents with no PDF
 * SYNOPSIS
 *	#include "store_outcome.h"
 * DESCRIPTION
 *	See store_outcome.h.  Record (version 1): u8 version, u8 result,
 *	u64 time, str detail.  Key: the document key of SDB_DOCS.
 */
#include <string.h>

#include "store.h"
#include "store_db.h"
#include "store_outcome.h"
#include "store_rec.h"

struct outcome {
	const char	*o_court;
	const char	*o_key;
	unsigned	 o_att;
	int		 o_result;
	const char	*o_detail;
	int64_t		 o_now;
	char		*o_out;
	size_t		 o_size;
};

static int	outcome_put_fn(struct sdb_txn *, void *);
static int	outcome_get_fn(struct sdb_txn *, void *);

static int
outcome_put_fn(struct sdb_txn *t, void *arg)
{
	struct outcome	*o = arg;
	struct rec_w	 k, v;
	int		 rc;

	rec_w_init(&k, REC_KEY_MAX);
	rec_w_init(&v, REC_MAX);
	rec_doc_key(&k, o->o_court, o->o_key, o->o_att);
	rec_put_u8(&v, 1);
	rec_put_u8(&v, (unsigned)o->o_result);
	rec_put_u64(&v, (uint64_t)o->o_now);
	rec_put_str(&v, o->o_detail ? o->o_detail : "");
	rc = k.rw_err ? STORE_EINVAL : v.rw_err ? v.rw_err :
	    sdb_put(t, SDB_OUTCOME, k.rw_buf, k.rw_len, v.rw_buf, v.rw_len);
	rec_w_free(&k);
	rec_w_free(&v);
	return rc;
}

int
store_outcome_put(struct store *st, const char *court, const char *key,
    unsigned att, int result, const char *detail, int64_t now)
{
	struct outcome	o;
	char		d[STORE_OUTCOME_DETAIL_MAX + 1];

	if (rec_check_court(court) != 0 || key == NULL ||
	    strlen(key) > STORE_DOCKEY_MAX || result < 0 || result > 255)
		return STORE_EINVAL;
	memset(&o, 0, sizeof(o));
	d[0] = '\0';
	if (detail != NULL) {
		strncpy(d, detail, sizeof(d) - 1);
		d[sizeof(d) - 1] = '\0';
	}
	o.o_court = court;
	o.o_key = key;
	o.o_att = att;
	o.o_result = result;
	o.o_detail = d;
	o.o_now = now;
	return sdb_write(st, outcome_put_fn, &o);
}

static int
outcome_get_fn(struct sdb_txn *t, void *arg)
{
	struct outcome	*o = arg;
	struct rec_w	 k;
	struct rec_r	 r;
	const void	*v;
	size_t		 vl;
	int		 rc, pass;

	for (pass = 0; pass < 2; pass++) {
		rec_w_init(&k, REC_KEY_MAX);
		rec_doc_key(&k, o->o_court, o->o_key,
		    pass == 0 ? o->o_att : STORE_ATT_ANY);
		rc = k.rw_err ? STORE_EINVAL :
		    sdb_get(t, SDB_OUTCOME, k.rw_buf, k.rw_len, &v, &vl);
		rec_w_free(&k);
		if (rc == STORE_ENOTFOUND)
			continue;
		if (rc != 0)
			return rc;
		rec_r_init(&r, v, vl);
		if (rec_get_u8(&r) != 1)
			return STORE_ECORRUPT;
		o->o_result = (int)rec_get_u8(&r);
		(void)rec_get_u64(&r);
		if (o->o_out != NULL)
			rec_get_str(&r, o->o_out, o->o_size);
		return r.rr_err ? STORE_ECORRUPT : 0;
	}
	return STORE_ENOTFOUND;
}

int
store_outcome_get(struct store *st, const char *court, const char *key,
    unsigned att, int *result, char *detail, size_t size)
{
	struct outcome	o;
	int		rc;

	if (rec_check_court(court) != 0 || key == NULL ||
	    strlen(key) > STORE_DOCKEY_MAX)
		return STORE_EINVAL;
	memset(&o, 0, sizeof(o));
	o.o_court = court;
	o.o_key = key;
	o.o_att = att;
	o.o_out = detail;
	o.o_size = size;
	if (detail != NULL && size > 0)
		detail[0] = '\0';
	if ((rc = sdb_read(st, outcome_get_fn, &o)) == 0)
		*result = o.o_result;
	return rc;
}
