/*
 * fuzz_nef: libFuzzer target for the notice reader: the bytes as a whole
 * message (MIME reader, then the parser, then the JSON), and the same
 * bytes as a bare HTML body and as plain text straight to nef_parse().
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mime.h"
#include "nef.h"
#include "parsecmd.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int	 init;
	struct nef	*n = NULL;
	struct nef_input in;
	char		*js;
	int		 ms, html;

	if (!init) {
		mime_init();
		init = 1;
	}
	if (parsecmd_parse((const char *)data, size, 0, &n, &ms) == 0 &&
	    n != NULL) {
		js = parsecmd_json(n);
		free(js);
		nef_free(n);
	}
	for (html = 0; html < 2; html++) {
		memset(&in, 0, sizeof in);
		in.ni_text = (const char *)data;
		in.ni_len = size;
		in.ni_is_html = html;
		in.ni_subject = "Activity in Case 1:23-cv-00001-AB A v. B Motion";
		if (nef_parse(&in, &n) == 0)
			nef_free(n);
	}
	return 0;
}
