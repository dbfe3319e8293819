-- Negative self-test of tests/lib/milter.lua: every check here must be
-- reported as failed (t-lib-selftest.sh asserts on this output).
local lib = dofile(LIB)

lib.run("expected failures", function()
	local conn = lib.connect(SOCK)
	local r = lib.send_message(conn, {{"Subject", "x"}}, "body\n",
	    "<alice@example.test>", {"<bob@example.test>"})
	lib.check_reply("SELFTEST-WRONG-REPLY", r, SMFIR_REJECT)
	lib.check_eom("SELFTEST-WRONG-HEADER", conn, MT_HDRADD, "X-Floor", "nope")
	error("SELFTEST-RAISED")
end)
lib.check("SELFTEST-PASSING", true)
lib.done()
