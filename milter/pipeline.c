/*
 * NAME
 *	pipeline 3 - end of message for notices
 */
#include "cfg.h"
#include "log.h"
#include "pipeline.h"
#include "strbuf.h"

int
pipeline_start(const struct cfg *cfg)
{
	(void)cfg;
	return 0;
}

void
pipeline_stop(void)
{
}

int
pipeline_check_cfg(const struct cfg *cfg, struct strbuf *err)
{
	(void)cfg;
	(void)err;
	return 0;
}

enum sess_rc
pipeline_eom(void *ctx, struct conn *c, struct msg *m)
{
	(void)ctx;
	(void)c;
	log_info(m->m_qid, "end of message");
	return SESS_CONTINUE;
}
