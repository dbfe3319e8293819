/*
 * cfgval: the typed values of the settings table (cfg.h).
 *
 * A setting is described by one struct cfgval_def: its name, type,
 * default, bounds, the offset of its field in the structure it fills,
 * the names of an enumeration and a one-line doc.  This module turns a
 * value written in a file ("20M", "30s", "0660", "yes", "a, b c") into
 * that field, formats the field back as the "-n" dump shows it, and
 * frees what a field owns.  It knows nothing of files or of which
 * settings exist: the table lives in cfg.c.
 *
 * Fields by type: CFGVAL_STR char * (owned), CFGVAL_BOOL and CFGVAL_ENUM
 * int, CFGVAL_INT, CFGVAL_SIZE, CFGVAL_TIME (seconds) and CFGVAL_MODE
 * uint64_t, CFGVAL_LIST and CFGVAL_LINES struct cfg_list (owned).
 */
#ifndef NEF_CFGVAL_H
#define NEF_CFGVAL_H

#include <stddef.h>
#include <stdint.h>

struct strbuf;

enum cfgval_type { CFGVAL_STR, CFGVAL_BOOL, CFGVAL_INT, CFGVAL_SIZE,
    CFGVAL_TIME, CFGVAL_ENUM, CFGVAL_LIST, CFGVAL_LINES, CFGVAL_MODE };
/* CFGVAL_LINES: a repeatable key whose every line is one whole entry
 * (blanks and commas included).  CFGVAL_MODE: a file mode in octal. */

struct cfgval_def {
	const char		*d_name;
	enum cfgval_type	 d_type;
	const char		*d_default;
	uint64_t		 d_min, d_max;	/* numbers; 0/0 = unbounded */
	size_t			 d_off;
	const char *const	*d_enum;	/* CFGVAL_ENUM names, by value */
	int			 d_repeat;	/* CFGVAL_LIST: key may repeat */
	const char		*d_doc;
};

/* 1 when the key may appear on several lines that add up. */
int	 cfgval_repeatable(const struct cfgval_def *);

/*
 * Set d's field in base from val.  append: a repeatable list adds to
 * what it holds (else it is replaced).  line: the file's line, kept with
 * each list entry.  0; -1 when val is not a value of d's type or bounds
 * (then "WHERE: KEY: expected ..., not "VAL"" is appended to err, and the
 * field is unchanged) or when memory runs out.
 */
int	 cfgval_apply(void *base, const struct cfgval_def *d, const char *val,
	    int append, const char *where, int line, struct strbuf *err);

/* Append d's field in base to sb as "-n" shows it (sizes and times in
 * their largest exact unit, lists joined with ", "). */
void	 cfgval_format(const void *base, const struct cfgval_def *d,
	    struct strbuf *sb);

/* Free what d's field in base owns (a string, a list); other types:
 * nothing. */
void	 cfgval_clear(void *base, const struct cfgval_def *d);

#endif
