/*
 * doclabel: the file name and Content-Description of each PDF attached
 * to a notice, from the notice and the settings.
 *
 * doclabel_name() fills label (size bytes) for attachment attno (0: the
 * main document) described as desc: label_template, or for a proof of
 * claim claim_label_template, with the notice's date filed, court, case,
 * entry, docket key, claim number and creditor, and the word for a
 * corrected or modified entry (policy/label.h, policy/nefchange.h).  A
 * template that cannot be used gives "document-N.pdf".
 * doclabel_description() fills the Content-Description line.
 */
#ifndef NEF_DOCLABEL_H
#define NEF_DOCLABEL_H

#include <stddef.h>

struct cfg;
struct nef;

void	doclabel_name(const struct cfg *, const struct nef *, int attno,
	    const char *desc, char *label, size_t size);
void	doclabel_description(const struct nef *, int attno, const char *desc,
	    char *out, size_t size);

#endif
