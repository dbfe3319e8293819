/*
 * NAME
 *	metrics 3 - counter names and the Prometheus text exposition
 * SYNOPSIS
 *	#include "metrics.h"
 * DESCRIPTION
 *	mfams[] is the one list of families: name, type, help text and,
 *	for a label with a fixed vocabulary, its values (printed as 0
 *	before they first occur, so that rate() and alerts have a series
 *	from the start).  Series of a family that the list does not name
 *	(a label value added by a later version) are printed as stored.
 *	The fetch latency is a histogram with the buckets of fetch_le[];
 *	its sum is kept in milliseconds (series NAME_sum_ms) and printed
 *	in seconds.
 * DIAGNOSTICS
 *	A delta that would exceed METRICS_DELTA_MAX changes sets md_full
 *	and drops the change; metrics_write() returns -1 on a write error.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "metrics.h"
#include "store.h"
#include "store_metrics.h"
#include "text.h"

struct mfam {
	const char		*f_name;
	const char		*f_type;
	const char		*f_help;
	const char		*f_label;	/* fixed-vocabulary label */
	const char *const	*f_values;
};

static const char *const v_class[] = { "notice", "not-a-notice", NULL };
static const char *const v_outcome[] = { "pdf", "from-store", "login",
	"unavailable", "error", "too-large", "refused", "tombstoned",
	"no-document", NULL };
static const char *const v_error[] = { "pipeline", "mta", "fetch", "store",
	NULL };

static const struct mfam mfams[] = {
	{ M_MESSAGES, "counter", "Messages from a court or a firm domain "
	  "read to the end, by whether they were a notice.", "class", v_class },
	{ M_NOTICES, "counter", "Court notices handled, by kind and by what "
	  "was done (the X-NEF action).", NULL, NULL },
	{ M_DOCUMENTS, "counter", "Documents of notices, by outcome: fetched "
	  "PDF, PDF from the store, login prompt, unavailable, transient "
	  "error, too large, refused link, purged, no document.", "outcome",
	  v_outcome },
	{ M_ATTACHED, "counter", "PDFs attached to delivered notices.",
	  NULL, NULL },
	{ M_ATT_BYTES, "counter", "Bytes of the PDFs attached.", NULL, NULL },
	{ M_HELD, "counter", "Messages put on hold.", NULL, NULL },
	{ M_RESTRICTED, "counter", "Notices of entries that mention seal or "
	  "redact (or a restricted term).", NULL, NULL },
	{ M_RCPT_ADDED, "counter", "Recipients added (case teams).", NULL,
	  NULL },
	{ M_RCPT_REMOVED, "counter", "Recipients removed from restricted "
	  "entries.", NULL, NULL },
	{ M_LINKS_CUT, "counter", "Document links cut from notices (login "
	  "prompts, purged documents).", NULL, NULL },
	{ M_ERRORS, "counter", "Failures, by kind: pipeline (on_error "
	  "applied), mta (a change refused), fetch (transient), store (a "
	  "record not written).", "kind", v_error },
	{ M_CAL_EVENTS, "counter", "Calendar events (deadlines, hearings, "
	  "cancellations) read from the docket texts of notices.", NULL, NULL },
	{ M_LAST_NOTICE, "gauge", "Unix time of the last court notice "
	  "handled.", NULL, NULL },
};
#define NFAMS	(sizeof(mfams) / sizeof(mfams[0]))

/* Histogram bucket bounds, seconds (and the same in milliseconds). */
static const char *const fetch_le[] = { "0.25", "0.5", "1", "2", "5", "10",
	"20", "30", "60", "120" };
static const uint32_t fetch_le_ms[] = { 250, 500, 1000, 2000, 5000, 10000,
	20000, 30000, 60000, 120000 };
#define NLE	(sizeof(fetch_le) / sizeof(fetch_le[0]))

static void	m_value(char *, size_t, const char *);
static uint64_t	m_get(const struct store_count *, size_t, const char *,
		    int *found);
static void	m_family(FILE *, const struct mfam *,
		    const struct store_count *, size_t);
static void	m_histogram(FILE *, const struct store_count *, size_t);
static void	m_store(FILE *, const struct store_stats *);

void
metrics_delta_init(struct metrics_delta *d)
{
	memset(d, 0, sizeof(*d));
}

/* A label value as nefmilter writes it: [a-z0-9._-], else '_'. */
static void
m_value(char *out, size_t size, const char *v)
{
	size_t i;

	for (i = 0; v != NULL && v[i] != '\0' && i + 1 < size; i++)
		out[i] = (v[i] >= 'a' && v[i] <= 'z') || (v[i] >= '0' &&
		    v[i] <= '9') || v[i] == '.' || v[i] == '-' ||
		    v[i] == '_' ? v[i] : (v[i] >= 'A' && v[i] <= 'Z') ?
		    (char)(v[i] - 'A' + 'a') : '_';
	out[i] = '\0';
	if (i == 0 && size > 1)
		text_strlcpy(out, "-", size);
}

static void
m_change(struct metrics_delta *d, const char *key, uint64_t n, int op)
{
	struct store_count *c;
	size_t i;

	for (i = 0; i < d->md_n; i++)
		if (strcmp(d->md_v[i].sc_key, key) == 0 &&
		    d->md_v[i].sc_op == op) {
			c = &d->md_v[i];
			if (op == STORE_COUNT_MAX)
				c->sc_value = n > c->sc_value ? n : c->sc_value;
			else
				c->sc_value = c->sc_value > UINT64_MAX - n ?
				    UINT64_MAX : c->sc_value + n;
			return;
		}
	if (d->md_n == METRICS_DELTA_MAX) {
		d->md_full = 1;
		return;
	}
	c = &d->md_v[d->md_n++];
	text_strlcpy(c->sc_key, key, sizeof(c->sc_key));
	c->sc_value = n;
	c->sc_op = op;
}

void
metrics_add(struct metrics_delta *d, const char *family, const char *l1,
    const char *v1, const char *l2, const char *v2, uint64_t n)
{
	char key[STORE_COUNT_KEY_MAX + 1], a[48], b[48];

	if (n == 0)
		return;
	m_value(a, sizeof(a), v1);
	m_value(b, sizeof(b), v2);
	if (l1 == NULL)
		snprintf(key, sizeof(key), "%s", family);
	else if (l2 == NULL)
		snprintf(key, sizeof(key), "%s{%s=\"%s\"}", family, l1, a);
	else
		snprintf(key, sizeof(key), "%s{%s=\"%s\",%s=\"%s\"}", family,
		    l1, a, l2, b);
	m_change(d, key, n, STORE_COUNT_ADD);
}

void
metrics_max(struct metrics_delta *d, const char *family, uint64_t v)
{
	m_change(d, family, v, STORE_COUNT_MAX);
}

void
metrics_observe_fetch(struct metrics_delta *d, uint32_t ms)
{
	char key[STORE_COUNT_KEY_MAX + 1];
	size_t i;

	for (i = 0; i < NLE; i++)
		if (ms <= fetch_le_ms[i]) {
			snprintf(key, sizeof(key), "%s_bucket{le=\"%s\"}",
			    M_FETCH, fetch_le[i]);
			m_change(d, key, 1, STORE_COUNT_ADD);
		}
	m_change(d, M_FETCH "_count", 1, STORE_COUNT_ADD);
	m_change(d, M_FETCH "_sum_ms", ms, STORE_COUNT_ADD);
}

static uint64_t
m_get(const struct store_count *v, size_t n, const char *key, int *found)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].sc_key, key) == 0) {
			if (found != NULL)
				*found = 1;
			return v[i].sc_value;
		}
	return 0;
}

/* Does key name a series of family (the family itself, or with labels)? */
static int
m_of(const char *key, const char *family)
{
	size_t n = strlen(family);

	return strncmp(key, family, n) == 0 && (key[n] == '\0' || key[n] == '{');
}

static void
m_family(FILE *fp, const struct mfam *f, const struct store_count *v,
    size_t n)
{
	char key[STORE_COUNT_KEY_MAX + 1];
	size_t i, j, shown = 0;

	fprintf(fp, "# HELP %s %s\n# TYPE %s %s\n", f->f_name, f->f_help,
	    f->f_name, f->f_type);
	for (i = 0; f->f_values != NULL && f->f_values[i] != NULL; i++) {
		snprintf(key, sizeof(key), "%s{%s=\"%s\"}", f->f_name,
		    f->f_label, f->f_values[i]);
		fprintf(fp, "%s %" PRIu64 "\n", key, m_get(v, n, key, NULL));
		shown++;
	}
	for (i = 0; i < n; i++) {
		if (!m_of(v[i].sc_key, f->f_name))
			continue;
		for (j = 0; f->f_values != NULL && f->f_values[j] != NULL; j++) {
			snprintf(key, sizeof(key), "%s{%s=\"%s\"}", f->f_name,
			    f->f_label, f->f_values[j]);
			if (strcmp(key, v[i].sc_key) == 0)
				break;
		}
		if (f->f_values != NULL && f->f_values[j] != NULL)
			continue;
		fprintf(fp, "%s %" PRIu64 "\n", v[i].sc_key, v[i].sc_value);
		shown++;
	}
	if (shown == 0 && f->f_label == NULL && strcmp(f->f_name, M_NOTICES) != 0)
		fprintf(fp, "%s 0\n", f->f_name);
}

static void
m_histogram(FILE *fp, const struct store_count *v, size_t n)
{
	char key[STORE_COUNT_KEY_MAX + 1];
	uint64_t count, sum;
	size_t i;

	fprintf(fp, "# HELP %s Time from the first request for a document "
	    "to its result, for documents asked of the court.\n"
	    "# TYPE %s histogram\n", M_FETCH, M_FETCH);
	for (i = 0; i < NLE; i++) {
		snprintf(key, sizeof(key), "%s_bucket{le=\"%s\"}", M_FETCH,
		    fetch_le[i]);
		fprintf(fp, "%s %" PRIu64 "\n", key, m_get(v, n, key, NULL));
	}
	count = m_get(v, n, M_FETCH "_count", NULL);
	sum = m_get(v, n, M_FETCH "_sum_ms", NULL);
	fprintf(fp, "%s_bucket{le=\"+Inf\"} %" PRIu64 "\n", M_FETCH, count);
	fprintf(fp, "%s_sum %" PRIu64 ".%03u\n", M_FETCH, sum / 1000,
	    (unsigned)(sum % 1000));
	fprintf(fp, "%s_count %" PRIu64 "\n", M_FETCH, count);
}

static void
m_gauge(FILE *fp, const char *name, const char *help, uint64_t v)
{
	fprintf(fp, "# HELP %s %s\n# TYPE %s gauge\n%s %" PRIu64 "\n", name,
	    help, name, name, v);
}

static void
m_store(FILE *fp, const struct store_stats *s)
{
	int i;

	m_gauge(fp, "nefmilter_store_map_size_bytes", "Size of the store's "
	    "LMDB map now.", s->st_map_size);
	m_gauge(fp, "nefmilter_store_map_used_bytes", "Bytes of the map in "
	    "use.", s->st_map_used);
	m_gauge(fp, "nefmilter_store_map_limit_bytes", "The map's growth "
	    "limit (map_size_max).", s->st_map_max);
	m_gauge(fp, "nefmilter_store_readers_used", "LMDB reader slots held "
	    "now.", s->st_readers_used);
	m_gauge(fp, "nefmilter_store_readers_max", "LMDB reader slots "
	    "(max_readers).", s->st_readers_max);
	fputs("# HELP nefmilter_store_records Records per table of the store.\n"
	    "# TYPE nefmilter_store_records gauge\n", fp);
	for (i = 0; i < STORE_T_N; i++)
		fprintf(fp, "nefmilter_store_records{table=\"%s\"} %" PRIu64 "\n",
		    store_table_name(i), s->st_count[i]);
}

int
metrics_write(FILE *fp, const struct store_count *v, size_t n,
    const struct store_stats *stats)
{
	size_t i;

	for (i = 0; i < NFAMS; i++)
		m_family(fp, &mfams[i], v, n);
	m_histogram(fp, v, n);
	if (stats != NULL)
		m_store(fp, stats);
	fprintf(fp, "# HELP nefmilter_build_info The version of nefctl that "
	    "wrote this.\n# TYPE nefmilter_build_info gauge\n"
	    "nefmilter_build_info{version=\"%s\"} 1\n", NEF_VERSION);
	return ferror(fp) ? -1 : 0;
}
