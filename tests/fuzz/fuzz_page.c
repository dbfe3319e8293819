/*
 * libFuzzer target for policy/page: any bytes must classify without a
 * crash, a leak or undefined behaviour, and a menu must respect its
 * limits.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "page.h"
#include "url.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct page *pg;
	size_t i;

	if (page_classify((const char *)data, size, &pg) != 0)
		return 0;
	if (pg->p_natt > PAGE_MAX_ATTACHMENTS)
		abort();
	for (i = 0; i < pg->p_natt; i++)
		if (strlen(pg->p_att[i].pa_desc) > PAGE_DESC_MAX ||
		    pg->p_att[i].pa_link == NULL)
			abort();
	if (pg->p_target != NULL && strlen(pg->p_target) > URL_MAX + 1)
		abort();
	page_free(pg);
	return 0;
}
