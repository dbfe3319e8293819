/*
 * inspect: run the PDF helper (nefpdf) on one document and read its
 * findings.
 *
 * The milter never parses a PDF itself.  inspect_start() starts the
 * helper with the document on its standard input (a descriptor the
 * caller opened; the helper sets its limits and its seccomp filter
 * before it reads it) and pipes for its answer and its diagnostics.
 * inspect_wait() waits for it, at most a given time, calling a tick
 * function (the MTA's progress ticker) at least every INSPECT_TICK_MS;
 * a helper still running at its own deadline (pdf_timeout plus a grace)
 * is killed.  inspect_result() turns what came back into a struct
 * inspect_result: the helper's JSON (inspect_json.h), or, when there is
 * none, why: a crash, the sandbox, a limit, a timeout.  Whatever
 * happens, the answer is a status; the caller goes on with the notice.
 *
 * Helpers running at once in the whole process are capped
 * (inspect_slots_init(pdf_parallel)); a caller takes a slot before
 * inspect_start() and gives it back when the job is finished.
 *
 * The hidden text in ir_text is for the administrator's tools only
 * (nefmilter --inspect, nefctl inspect --json): it must never go into
 * mail or logs.  Identifiers come masked from the helper.
 */
#ifndef NEF_INSPECT_H
#define NEF_INSPECT_H

#include <stddef.h>
#include <stdint.h>

#define INSPECT_TICK_MS		500
#define INSPECT_GRACE_S		2	/* past pdf_timeout before SIGKILL */
#define INSPECT_OUT_MAX		(8u << 20)	/* bytes of JSON read */
#define INSPECT_ITEMS_MAX	1000	/* of each list */
#define INSPECT_DETAIL_MAX	160
#define INSPECT_SHOWN_MAX	63
#define INSPECT_TEXT_MAX	1024

struct cfg;

enum inspect_status {
	INSPECT_CHECKED,	/* every page was checked */
	INSPECT_ERROR,		/* broken, encrypted, crashed, sandbox... */
	INSPECT_TIMEOUT,	/* the CPU limit or the clock */
	INSPECT_TOO_LARGE,	/* bytes, pages or memory over the limits */
	INSPECT_PENDING		/* not finished yet (a job went on) */
};

struct inspect_red {
	int	 ir_page;
	double	 ir_bbox[4];
	int	 ir_kind;	/* enum cover_kind (cover.h) */
	char	*ir_text;	/* never logged, never mailed */
};

struct inspect_id {
	int	 ii_page;
	int	 ii_kind;	/* enum pii_kind (pii.h) */
	char	 ii_shown[INSPECT_SHOWN_MAX + 1];
};

struct inspect_result {
	int			 r_status;	/* enum inspect_status */
	char			 r_detail[INSPECT_DETAIL_MAX];	/* printable */
	int			 r_pages;
	int			 r_pages_checked;
	int			 r_truncated;
	long			 r_ms;		/* wall clock */
	struct inspect_red	*r_red;
	size_t			 r_nred;
	struct inspect_id	*r_ids;
	size_t			 r_nids;
	char			*r_json;	/* the helper's answer, or NULL */
};

struct inspect_opts {
	char		 io_helper[1024];	/* the helper's path */
	unsigned	 io_cpu;		/* seconds */
	unsigned	 io_timeout;		/* seconds, wall clock */
	uint64_t	 io_memory;		/* bytes of address space */
	uint64_t	 io_max_bytes;
	unsigned	 io_max_pages;
};

struct inspect_job;

/* The options from the settings; the helper's path: pdf_helper, else
 * nefpdf beside the running program, else NEF_SBINDIR's.  0, or -1 when
 * no helper is found (err says where it was looked for). */
int	 inspect_opts_from_cfg(struct inspect_opts *, const struct cfg *,
	    char *err, size_t errsz);

/* The process-wide cap on running helpers (call once, before threads). */
void	 inspect_slots_init(unsigned n);
/* Take a slot, waiting at most wait_ms (ticking); 1 taken, 0 not. */
int	 inspect_slot_take(long wait_ms, void (*tick)(void *), void *arg);
void	 inspect_slot_give(void);

/*
 * Start the helper on fd (read from offset 0; the caller may close fd
 * afterwards).  0 and *out, or -1 with err (errsz bytes) saying why.
 */
int	 inspect_start(const struct inspect_opts *, int fd,
	    struct inspect_job **out, char *err, size_t errsz);
/* Wait at most wait_ms (0: just look).  1 when the job is finished
 * (helper gone, answer read), 0 when it still runs. */
int	 inspect_wait(struct inspect_job *, long wait_ms, void (*tick)(void *),
	    void *arg);
/* The result of a finished job (a new struct, inspect_result_free()).
 * NULL only when memory runs out. */
struct inspect_result *inspect_result(struct inspect_job *);
/* Kill (if still running), reap and free the job; returns NULL. */
struct inspect_job *inspect_job_free(struct inspect_job *);
/* Milliseconds since the job started. */
long	 inspect_job_ms(const struct inspect_job *);

/* A result of one status, with a detail (formatted, printable). */
struct inspect_result *inspect_result_new(int status, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
struct inspect_result *inspect_result_free(struct inspect_result *);

/* "checked", "error", "timeout", "too-large", "pending". */
const char *inspect_status_name(int status);

#endif
