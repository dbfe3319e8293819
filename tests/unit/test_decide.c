/*
 * test_decide: the verdict rules, one table row per situation: classes,
 * restricted entries under each scope and action, team expansion where
 * allowed, forwards, unverified notices, the no-recipient-left hold, and
 * the link actions for every fetch result.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "decide.h"

#define N	8
#define END	-1

enum { V = DECIDE_VERIFIED, U = DECIDE_UNVERIFIED, F = DECIDE_FORWARD,
	O = DECIDE_OTHER };
enum { FIRM = DECIDE_SCOPE_FIRM, ADDR = DECIDE_SCOPE_ADDRESS };
enum { REMOVE = DECIDE_RACTION_REMOVE, HOLD = DECIDE_RACTION_HOLD };
enum { LSTRIP = DECIDE_LOGIN_STRIP, LHOLD = DECIDE_LOGIN_HOLD,
	LKEEP = DECIDE_LOGIN_KEEP };
enum { PEND = DECIDE_DOC_PENDING, PDF = DECIDE_DOC_PDF,
	LOGIN = DECIDE_DOC_LOGIN, SEALED = DECIDE_DOC_SEALED,
	UNAV = DECIDE_DOC_UNAVAILABLE, ERR = DECIDE_DOC_ERROR,
	BIG = DECIDE_DOC_TOO_LARGE, REF = DECIDE_DOC_REFUSED,
	NODOC = DECIDE_DOC_NODOC };

struct dcase {
	const char	*name;
	/* input */
	int		 cls, restricted, scope, raction, login, team_expand;
	const char	*firm[N];
	const char	*rcpts[N], *listed[N], *learned[N], *team[N];
	int		 docs[N];	/* as many as links has letters */
	/* expected */
	int		 fetch, learn, attach, strip, hold;
	const char	*add[N];
	const char	*del[N];
	const char	*links;		/* per document: K keep, S strip */
	const char	*attached;	/* per document: 1 attach, 0 not */
	const char	*hold_has;	/* part of the hold reason, or NULL */
	const char	*audit;		/* exact, or NULL */
	const char	*denied[N];	/* when not del: not allowed, kept */
};

static const struct dcase cases[] = {
	{ "verified normal entry: team added, documents attached",
	    V, 0, FIRM, REMOVE, LSTRIP, 1, { NULL },
	    { "<jdoe@firm.com>" }, { "jdoe@firm.com", "opp@other.com" },
	    { NULL },
	    { "JDoe@Firm.com", "asmith@firm.com", "para@firm.com",
	      "ASmith@FIRM.com", "cocounsel@other-firm.com" },
	    { PDF, PDF, END },
	    1, 1, 1, 0, 0,
	    { "asmith@firm.com", "para@firm.com", "cocounsel@other-firm.com" },
	    { NULL }, "KK", "11", NULL,
	    "class=verified restricted=no add=3 del=0 strip=no hold=no",
	    { NULL } },
	{ "verified normal entry, team_expand off",
	    V, 0, FIRM, REMOVE, LSTRIP, 0, { NULL },
	    { "jdoe@firm.com" }, { "jdoe@firm.com" }, { NULL },
	    { "asmith@firm.com" }, { PDF, END },
	    1, 1, 1, 0, 0, { NULL }, { NULL }, "K", "1", NULL,
	    "class=verified restricted=no add=0 del=0 strip=no hold=no",
	    { NULL } },
	{ "every fetch result, sealed_link_action=strip",
	    V, 0, FIRM, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com" }, { "jdoe@firm.com" }, { NULL }, { NULL },
	    { PDF, LOGIN, SEALED, UNAV, ERR, BIG, REF, NODOC },
	    1, 1, 1, 0, 0, { NULL }, { NULL }, "KSSKKKKK", "10000000", NULL,
	    "class=verified restricted=no add=0 del=0 strip=no hold=no "
	    "login=2",
	    { NULL } },
	{ "login prompt, sealed_link_action=hold",
	    V, 0, FIRM, REMOVE, LHOLD, 1, { NULL },
	    { "jdoe@firm.com" }, { "jdoe@firm.com" }, { NULL }, { NULL },
	    { PDF, LOGIN, END },
	    1, 1, 1, 0, 1, { NULL }, { NULL }, "KK", "10",
	    "1 link(s) met a login prompt or are not public "
	    "(sealed_link_action=hold)", NULL,
	    { NULL } },
	{ "login prompt, sealed_link_action=keep",
	    V, 0, FIRM, REMOVE, LKEEP, 1, { NULL },
	    { "jdoe@firm.com" }, { "jdoe@firm.com" }, { NULL }, { NULL },
	    { LOGIN, PDF, END },
	    1, 1, 1, 0, 0, { NULL }, { NULL }, "KK", "01", NULL, NULL,
	    { NULL } },
	{ "restricted, scope=firm without firm_domains: listed domains",
	    V, 1, FIRM, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com", "clerk@firm.com", "vendor@ecf.pacerpro.example" },
	    { "jdoe@firm.com", "opp@other.com" }, { NULL },
	    { "asmith@firm.com", "x@cocounsel.example", "y@other.com" },
	    { PDF, PDF, END },
	    1, 1, 1, 0, 0, { "asmith@firm.com", "y@other.com" },
	    { "vendor@ecf.pacerpro.example" }, "KK", "11", NULL,
	    "class=verified restricted=\"SEALED\" scope=firm action=remove "
	    "add=2 del=1 strip=no hold=no team_skipped=1",
	    { NULL } },
	{ "restricted, scope=address: exact addresses only",
	    V, 1, ADDR, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com", "clerk@firm.com", "vendor@ecf.pacerpro.example" },
	    { "JDOE@firm.com", "opp@other.com" }, { NULL },
	    { "asmith@firm.com", "opp@other.com" },
	    { PDF, END },
	    1, 1, 1, 0, 0, { "opp@other.com" },
	    { "clerk@firm.com", "vendor@ecf.pacerpro.example" }, "K", "1",
	    NULL,
	    "class=verified restricted=\"SEALED\" scope=address action=remove "
	    "add=1 del=2 strip=no hold=no team_skipped=1",
	    { NULL } },
	{ "restricted, scope=address: the learned list counts",
	    V, 1, ADDR, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com", "clerk@firm.com" }, { "jdoe@firm.com" },
	    { "Clerk@Firm.com", "asmith@firm.com" }, { "asmith@firm.com" },
	    { PDF, END },
	    1, 1, 1, 0, 0, { "asmith@firm.com" }, { NULL }, "K", "1", NULL,
	    NULL,
	    { NULL } },
	{ "restricted, remove would leave nobody: hold instead",
	    V, 1, FIRM, REMOVE, LSTRIP, 1, { NULL },
	    { "vendor@ecf.pacerpro.example", "x@client.example" },
	    { "jdoe@firm.com" }, { NULL }, { "y@elsewhere.example" },
	    { PDF, LOGIN, END },
	    1, 1, 0, 1, 1, { NULL }, { NULL }, "SS", "00",
	    "no recipient is court-listed (scope=firm); held rather than "
	    "removing everyone",
	    "class=verified restricted=\"SEALED\" scope=firm action=remove "
	    "add=0 del=0 strip=yes hold=yes login=1 denied=2 "
	    "team_skipped=1",
	    .denied = { "vendor@ecf.pacerpro.example", "x@client.example" } },
	{ "restricted, nobody allowed on the envelope, an allowed team member"
	    " is added",
	    V, 1, ADDR, REMOVE, LSTRIP, 1, { NULL },
	    { "vendor@ecf.pacerpro.example" }, { "jdoe@firm.com" },
	    { "asmith@firm.com" }, { "asmith@firm.com" },
	    { PDF, END },
	    1, 1, 1, 0, 0, { "asmith@firm.com" },
	    { "vendor@ecf.pacerpro.example" }, "K", "1", NULL, NULL,
	    { NULL } },
	{ "restricted, no list at all: hold",
	    V, 1, FIRM, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com" }, { NULL }, { NULL }, { NULL },
	    { PEND, END },
	    1, 1, 0, 1, 1, { NULL }, { NULL }, "S", "0",
	    "no recipient is court-listed", NULL,
	    .denied = { "jdoe@firm.com" } },
	{ "restricted, restricted_action=hold",
	    V, 1, FIRM, HOLD, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com", "vendor@ecf.pacerpro.example" },
	    { "jdoe@firm.com" }, { NULL }, { "asmith@firm.com" },
	    { PDF, END },
	    1, 1, 0, 1, 1, { "asmith@firm.com" }, { NULL }, "S", "0",
	    "restricted entry: 1 recipient(s) not court-listed, first "
	    "vendor@ecf.pacerpro.example (restricted_action=hold)",
	    "class=verified restricted=\"SEALED\" scope=firm action=hold "
	    "add=1 del=0 strip=yes hold=yes denied=1",
	    .denied = { "vendor@ecf.pacerpro.example" } },
	{ "restricted, restricted_action=hold, everybody allowed",
	    V, 1, FIRM, HOLD, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com", "clerk@firm.com" }, { "jdoe@firm.com" },
	    { NULL }, { NULL }, { PDF, END },
	    1, 1, 1, 0, 0, { NULL }, { NULL }, "K", "1", NULL, NULL,
	    { NULL } },
	{ "scope=firm with firm_domains: the firm is on the list",
	    V, 1, FIRM, REMOVE, LSTRIP, 1, { "firm.com", "firm-law.com" },
	    { "jdoe@firm.com", "x@ny.firm-law.com", "friend@mail.example",
	      "prose@mail.example" },
	    { "jdoe@firm.com", "prose@mail.example" }, { NULL },
	    { "t@firm-law.com", "u@mail.example" }, { PDF, END },
	    1, 1, 1, 0, 0, { "t@firm-law.com" }, { "friend@mail.example" },
	    "K", "1", NULL,
	    "class=verified restricted=\"SEALED\" scope=firm action=remove "
	    "add=1 del=1 strip=no hold=no team_skipped=1",
	    { NULL } },
	{ "scope=firm with firm_domains, no firm address listed",
	    V, 1, FIRM, REMOVE, LSTRIP, 1, { "firm.com" },
	    { "jdoe@firm.com" }, { "opp@other.com" }, { NULL }, { NULL },
	    { PDF, END },
	    1, 1, 0, 1, 1, { NULL }, { NULL }, "S", "0",
	    "no recipient is court-listed", NULL,
	    .denied = { "jdoe@firm.com" } },
	{ "unverified normal entry: nothing fetched, learned or added",
	    U, 0, FIRM, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com" }, { "jdoe@firm.com" }, { NULL },
	    { "asmith@firm.com" }, { PEND, END },
	    0, 0, 0, 0, 0, { NULL }, { NULL }, "K", "0", NULL,
	    "class=unverified restricted=no add=0 del=0 strip=no hold=no",
	    { NULL } },
	{ "unverified restricted entry: same recipient rule, no team",
	    U, 1, ADDR, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com", "clerk@firm.com" }, { "jdoe@firm.com" },
	    { NULL }, { "asmith@firm.com" }, { PEND, END },
	    0, 0, 0, 0, 0, { NULL }, { "clerk@firm.com" }, "K", "0", NULL,
	    "class=unverified restricted=\"SEALED\" scope=address "
	    "action=remove add=0 del=1 strip=no hold=no",
	    { NULL } },
	{ "unverified, a link that shows a sealed document",
	    U, 1, FIRM, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com" }, { "jdoe@firm.com" }, { NULL }, { NULL },
	    { SEALED, PEND, END },
	    0, 0, 0, 0, 0, { NULL }, { NULL }, "SK", "00", NULL, NULL,
	    { NULL } },
	{ "unverified restricted, nobody allowed: hold, links stripped",
	    U, 1, FIRM, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com" }, { "opp@other.com" }, { NULL }, { NULL },
	    { PEND, END },
	    0, 0, 0, 1, 1, { NULL }, { NULL }, "S", "0",
	    "no recipient is court-listed", NULL,
	    .denied = { "jdoe@firm.com" } },
	{ "forward of a restricted entry to someone not allowed: strip",
	    F, 1, FIRM, REMOVE, LSTRIP, 1, { "firm.com" },
	    { "colleague@firm.com", "client@client.example" },
	    { "jdoe@firm.com" }, { NULL }, { "asmith@firm.com" },
	    { PEND, PEND, END },
	    0, 0, 0, 1, 0, { NULL }, { NULL }, "SS", "00", NULL,
	    "class=forward restricted=\"SEALED\" scope=firm action=remove "
	    "add=0 del=0 strip=yes hold=no denied=1",
	    .denied = { "client@client.example" } },
	{ "forward of a restricted entry within the firm",
	    F, 1, FIRM, REMOVE, LSTRIP, 1, { "firm.com" },
	    { "colleague@firm.com" }, { "jdoe@firm.com" }, { NULL },
	    { NULL }, { PEND, END },
	    0, 0, 0, 0, 0, { NULL }, { NULL }, "K", "0", NULL, NULL,
	    { NULL } },
	{ "forward of a restricted entry, restricted_action=hold",
	    F, 1, FIRM, HOLD, LSTRIP, 1, { "firm.com" },
	    { "client@client.example" }, { "jdoe@firm.com" }, { NULL },
	    { NULL }, { PEND, END },
	    0, 0, 0, 1, 1, { NULL }, { NULL }, "S", "0",
	    "restricted entry forwarded to 1 recipient(s) not court-listed, "
	    "first client@client.example (restricted_action=hold)", NULL,
	    .denied = { "client@client.example" } },
	{ "forward of a normal entry",
	    F, 0, FIRM, REMOVE, LSTRIP, 1, { "firm.com" },
	    { "client@client.example" }, { "jdoe@firm.com" }, { NULL },
	    { "asmith@firm.com" }, { PEND, END },
	    0, 0, 0, 0, 0, { NULL }, { NULL }, "K", "0", NULL, NULL,
	    { NULL } },
	{ "other mail: nothing at all",
	    O, 1, FIRM, HOLD, LHOLD, 1, { NULL },
	    { "client@client.example" }, { NULL }, { NULL },
	    { "asmith@firm.com" }, { LOGIN, END },
	    0, 0, 0, 0, 0, { NULL }, { NULL }, "K", "0", NULL,
	    "class=other restricted=\"SEALED\" scope=firm action=hold add=0 "
	    "del=0 strip=no hold=no login=1",
	    { NULL } },
	{ "duplicate and malformed envelope recipients",
	    V, 1, ADDR, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com", "vendor@x.example", "<VENDOR@X.example>",
	      "garbage", "<>" },
	    { "jdoe@firm.com", "bad address" }, { NULL }, { "junk" },
	    { PDF, END },
	    1, 1, 1, 0, 0, { NULL },
	    { "vendor@x.example", "garbage", "<>" }, "K", "1", NULL, NULL,
	    { NULL } },
	{ "a team member already on the envelope is not added again",
	    V, 1, FIRM, REMOVE, LSTRIP, 1, { NULL },
	    { "jdoe@firm.com", "asmith@firm.com" }, { "jdoe@firm.com" },
	    { NULL }, { "<ASMITH@firm.com>", "jdoe@firm.com" },
	    { PDF, END },
	    1, 1, 1, 0, 0, { NULL }, { NULL }, "K", "1", NULL, NULL,
	    { NULL } },
};

static size_t
count(const char *const *v)
{
	size_t	n = 0;

	while (n < N && v[n] != NULL)
		n++;
	return n;
}

static void
run_case(const struct dcase *c)
{
	struct decide_cfg	 cfg;
	struct decide_in	 in;
	struct decide_out	*o = NULL;
	int			 docs[N];
	size_t			 ndocs = 0, i;
	char			 links[N + 1], att[N + 1];
	const char *const	*want_denied;

	memset(&cfg, 0, sizeof(cfg));
	cfg.dc_scope = c->scope;
	cfg.dc_raction = c->raction;
	cfg.dc_login = c->login;
	cfg.dc_team_expand = c->team_expand;
	cfg.dc_firm_domains.dl_v = c->firm;
	cfg.dc_firm_domains.dl_n = count(c->firm);
	memset(&in, 0, sizeof(in));
	in.di_class = c->cls;
	in.di_restricted = c->restricted;
	in.di_term = "SEALED";
	in.di_rcpts.dl_v = c->rcpts;
	in.di_rcpts.dl_n = count(c->rcpts);
	in.di_listed.dl_v = c->listed;
	in.di_listed.dl_n = count(c->listed);
	in.di_learned.dl_v = c->learned;
	in.di_learned.dl_n = count(c->learned);
	in.di_team.dl_v = c->team;
	in.di_team.dl_n = count(c->team);
	ndocs = strlen(c->links);	/* the row says how many */
	memcpy(docs, c->docs, sizeof(docs));
	in.di_docs = docs;
	in.di_ndocs = ndocs;

	if (decide_run(&cfg, &in, &o) != 0)
		fail_msg("%s: decide_run failed", c->name);
	if (o->do_fetch != c->fetch || o->do_learn != c->learn ||
	    o->do_attach != c->attach || o->do_strip != c->strip ||
	    o->do_hold != c->hold)
		fail_msg("%s: fetch=%d learn=%d attach=%d strip=%d hold=%d (%s)",
		    c->name, o->do_fetch, o->do_learn, o->do_attach,
		    o->do_strip, o->do_hold, o->do_hold_reason);
	if (o->do_nadd != count(c->add))
		fail_msg("%s: %zu added, want %zu", c->name, o->do_nadd,
		    count(c->add));
	for (i = 0; i < o->do_nadd; i++) {
		if (strcmp(o->do_add[i].dr_addr, c->add[i]) != 0)
			fail_msg("%s: add[%zu] = %s, want %s", c->name, i,
			    o->do_add[i].dr_addr, c->add[i]);
		assert_non_null(strstr(o->do_add[i].dr_reason, "case team"));
	}
	want_denied = c->denied[0] != NULL ? c->denied : c->del;
	if (o->do_ndenied != count(want_denied))
		fail_msg("%s: %zu denied, want %zu", c->name, o->do_ndenied,
		    count(want_denied));
	for (i = 0; i < o->do_ndenied; i++)
		if (strcmp(o->do_denied[i].dr_addr, want_denied[i]) != 0 ||
		    strstr(o->do_denied[i].dr_reason, "not court-listed") ==
		    NULL)
			fail_msg("%s: denied[%zu] = %s (%s), want %s", c->name,
			    i, o->do_denied[i].dr_addr,
			    o->do_denied[i].dr_reason, want_denied[i]);
	if (o->do_ndel != count(c->del))
		fail_msg("%s: %zu deleted, want %zu", c->name, o->do_ndel,
		    count(c->del));
	for (i = 0; i < o->do_ndel; i++) {
		if (strcmp(o->do_del[i].dr_addr, c->del[i]) != 0)
			fail_msg("%s: del[%zu] = %s, want %s", c->name, i,
			    o->do_del[i].dr_addr, c->del[i]);
		if (strstr(o->do_del[i].dr_reason, "not court-listed for this "
		    "restricted entry (scope=") == NULL)
			fail_msg("%s: reason \"%s\"", c->name,
			    o->do_del[i].dr_reason);
	}
	assert_int_equal(o->do_ndocs, ndocs);
	for (i = 0; i < ndocs; i++) {
		links[i] = o->do_docs[i].dd_link == DECIDE_LINK_STRIP ? 'S' :
		    'K';
		att[i] = o->do_docs[i].dd_attach ? '1' : '0';
	}
	links[ndocs] = att[ndocs] = '\0';
	if (strcmp(links, c->links) != 0 || strcmp(att, c->attached) != 0)
		fail_msg("%s: links %s attached %s, want %s %s", c->name,
		    links, att, c->links, c->attached);
	if (c->hold_has != NULL &&
	    strstr(o->do_hold_reason, c->hold_has) == NULL)
		fail_msg("%s: hold reason \"%s\" lacks \"%s\"", c->name,
		    o->do_hold_reason, c->hold_has);
	if (!c->hold && o->do_hold_reason[0] != '\0')
		fail_msg("%s: hold reason without hold", c->name);
	if (c->audit != NULL && strcmp(o->do_audit, c->audit) != 0)
		fail_msg("%s: audit \"%s\"\n want \"%s\"", c->name,
		    o->do_audit, c->audit);
	assert_string_equal(o->do_class, decide_class_name(c->cls));
	decide_free(o);
}

static void
test_rules(void **state)
{
	size_t	i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		run_case(&cases[i]);
}

static void
test_allowed(void **state)
{
	const char *listed[] = { "John.Doe@Firm.com", "prose@mail.example" };
	const char *learned[] = { "clerk@ny.firm.com" };
	const char *firm[] = { "firm.com" };
	struct decide_cfg	cfg;
	struct decide_in	in;

	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	memset(&in, 0, sizeof(in));
	in.di_listed.dl_v = listed;
	in.di_listed.dl_n = 2;
	in.di_learned.dl_v = learned;
	in.di_learned.dl_n = 1;
	cfg.dc_scope = DECIDE_SCOPE_ADDRESS;
	assert_int_equal(decide_allowed(&cfg, &in, "<john.doe@firm.com>"), 1);
	assert_int_equal(decide_allowed(&cfg, &in, "CLERK@NY.FIRM.COM"), 1);
	assert_int_equal(decide_allowed(&cfg, &in, "jane@firm.com"), 0);
	cfg.dc_scope = DECIDE_SCOPE_FIRM;
	/* No firm_domains: any domain the court listed, exactly. */
	assert_int_equal(decide_allowed(&cfg, &in, "jane@firm.com"), 1);
	assert_int_equal(decide_allowed(&cfg, &in, "jane@ny.firm.com"), 1);
	assert_int_equal(decide_allowed(&cfg, &in, "jane@la.firm.com"), 0);
	assert_int_equal(decide_allowed(&cfg, &in, "anyone@mail.example"), 1);
	/* firm_domains: the firm's domains and subdomains, exact elsewhere. */
	cfg.dc_firm_domains.dl_v = firm;
	cfg.dc_firm_domains.dl_n = 1;
	assert_int_equal(decide_allowed(&cfg, &in, "jane@la.firm.com"), 1);
	assert_int_equal(decide_allowed(&cfg, &in, "anyone@mail.example"), 0);
	assert_int_equal(decide_allowed(&cfg, &in, "prose@mail.example"), 1);
	assert_int_equal(decide_allowed(&cfg, &in, "x@notfirm.com"), 0);
	assert_int_equal(decide_allowed(&cfg, &in, "garbage"), 0);
	assert_int_equal(decide_allowed(&cfg, &in, NULL), 0);
	assert_int_equal(decide_allowed(NULL, &in, "jane@firm.com"), 0);
}

static void
test_limits(void **state)
{
	struct decide_cfg	 cfg;
	struct decide_in	 in;
	struct decide_out	*o = (struct decide_out *)&cfg;
	const char		**many;
	size_t			 i;
	int			 docs[1] = { PDF };

	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	memset(&in, 0, sizeof(in));
	in.di_class = DECIDE_VERIFIED;
	in.di_restricted = 1;
	assert_int_equal(decide_run(NULL, &in, &o), -1);
	assert_null(o);
	assert_int_equal(decide_run(&cfg, NULL, &o), -1);
	assert_int_equal(decide_run(&cfg, &in, NULL), -1);
	/* A list at the limit works; one more entry is refused. */
	many = calloc(DECIDE_LIST_MAX + 1, sizeof(*many));
	assert_non_null(many);
	for (i = 0; i <= DECIDE_LIST_MAX; i++)
		many[i] = (i % 2) ? "a@firm.com" : "<B@Firm.COM>";
	in.di_rcpts.dl_v = many;
	in.di_rcpts.dl_n = DECIDE_LIST_MAX;
	in.di_listed.dl_v = many;
	in.di_listed.dl_n = DECIDE_LIST_MAX;
	in.di_team.dl_v = many;
	in.di_team.dl_n = DECIDE_LIST_MAX;
	assert_int_equal(decide_run(&cfg, &in, &o), 0);
	assert_int_equal(o->do_ndel, 0);
	assert_int_equal(o->do_nadd, 0);
	o = decide_free(o);
	in.di_team.dl_n = DECIDE_LIST_MAX + 1;
	assert_int_equal(decide_run(&cfg, &in, &o), -1);
	assert_null(o);
	in.di_team.dl_n = 0;
	in.di_docs = docs;
	in.di_ndocs = DECIDE_DOCS_MAX + 1;
	assert_int_equal(decide_run(&cfg, &in, &o), -1);
	in.di_docs = NULL;
	in.di_ndocs = 1;
	assert_int_equal(decide_run(&cfg, &in, &o), -1);
	/* A NULL list with entries is refused, a NULL entry is no address. */
	in.di_ndocs = 0;
	in.di_listed.dl_v = NULL;
	assert_int_equal(decide_run(&cfg, &in, &o), -1);
	many[0] = NULL;
	in.di_listed.dl_v = many;
	in.di_rcpts.dl_n = 1;
	assert_int_equal(decide_run(&cfg, &in, &o), 0);
	/* NULL is no allowed recipient, and it was the only one: hold. */
	assert_int_equal(o->do_hold, 1);
	assert_int_equal(o->do_ndel, 0);
	assert_int_equal(o->do_ndenied, 1);
	assert_int_equal(o->do_strip, 1);
	o = decide_free(o);
	free(many);
	assert_null(decide_free(NULL));
}

static void
test_audit_term(void **state)
{
	struct decide_cfg	 cfg;
	struct decide_in	 in;
	struct decide_out	*o;
	const char		*rc[] = { "jdoe@firm.com" };

	(void)state;
	memset(&cfg, 0, sizeof(cfg));
	memset(&in, 0, sizeof(in));
	in.di_class = DECIDE_UNVERIFIED;
	in.di_restricted = 1;
	in.di_rcpts.dl_v = rc;
	in.di_rcpts.dl_n = 1;
	in.di_listed = in.di_rcpts;
	/* Untrusted term: printable, quotes replaced, capped at 40. */
	in.di_term = "Se\"al\nED xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
	assert_int_equal(decide_run(&cfg, &in, &o), 0);
	assert_string_equal(o->do_audit, "class=unverified restricted=\"Se'al?"
	    "ED xxxxxxxxxxxxxxxxxxxxxxxxxxxx...\" scope=firm action=remove "
	    "add=0 del=0 strip=no hold=no");
	o = decide_free(o);
	in.di_term = NULL;
	assert_int_equal(decide_run(&cfg, &in, &o), 0);
	assert_string_equal(o->do_audit, "class=unverified restricted=yes "
	    "scope=firm action=remove add=0 del=0 strip=no hold=no");
	decide_free(o);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rules),
		cmocka_unit_test(test_allowed),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_audit_term),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
