/*
 * NAME
 *	nefsubj 3 - short description from a notice's subject
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "nef.h"
#include "nefsubj.h"

unsigned long
nefsubj_prefix_len(const char *s)
{
	static const char *const pfx[] = { "fwd:", "fw:", "re:", NULL };
	const char	*p = s;
	size_t		 i, n;
	int		 again = 1;

	while (again) {
		again = 0;
		while (isspace((unsigned char)*p))
			p++;
		for (i = 0; pfx[i] != NULL; i++) {
			n = strlen(pfx[i]);
			if (strncasecmp(p, pfx[i], n) == 0) {
				p += n;
				again = 1;
			}
		}
	}
	return (unsigned long)(p - s);
}

void
nefsubj_parse(struct nef *n, struct arena *a)
{
	(void)n;
	(void)a;
}
