-- (3) Quarantine: with sealed_link_action = hold (in effect after
-- p-reload.lua), the district notice, whose attachment 2 answers with a
-- login prompt, is held with the reason nefmilter gives (MT_QUARANTINE),
-- and the held message already carries the rewritten notice: X-NEF,
-- Content-Type and body changed, recipients untouched.  Run by
-- t-protocol.sh (globals LIB, SOCK, DATA).
local lib = dofile(LIB)
local REASON = "1 link(s) met a login prompt or are not public (sealed_link_action=hold)"

lib.run("hold", function()
	local hdrs, body = lib.split_message(lib.read_file(DATA .. "/nef/district.eml"))
	local conn = lib.connect(SOCK)
	local r = lib.send_message(conn, hdrs, body,
	    "<ecf-noreply@cand.uscourts.gov>", {"<docketing@lawfirm.example>"},
	    {i = "A3000001"})
	lib.check_reply("the notice goes on to the hold queue", r, SMFIR_CONTINUE, "eom")
	lib.check_eom("quarantined with nefmilter's reason", conn, MT_QUARANTINE, REASON)
	lib.check_eom("X-NEF is added", conn, MT_HDRADD, "X-NEF")
	local x = (mt.getheader(conn, "X-NEF", 0) or ""):gsub("%s+", " ")
	lib.check("X-NEF: pdf=2; login=1; action=held",
	    x:find("pdf=2; login=1;", 1, true) and x:find("action=held", 1, true), x)
	lib.check_eom("Content-Type is changed", conn, MT_HDRCHANGE, "Content-Type")
	lib.check_eom("the body is replaced", conn, MT_BODYCHANGE)
	lib.check("the recipient stays", not mt.eom_check(conn, MT_RCPTDELETE,
	    "<docketing@lawfirm.example>"))
	mt.disconnect(conn)
end)

lib.done()
