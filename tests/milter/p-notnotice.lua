-- (5) Messages that are not notices: ordinary mail is accepted at MAIL
-- FROM, before its headers are even sent; a court sender's message that
-- is not a notice is read to the end and passes with no change at all; a
-- court sender's message that arrives with a forged X-NEF header loses
-- that header and nothing else.  Run by t-protocol.sh (LIB, SOCK, DATA).
local lib = dofile(LIB)
local COURT = "<ecf-noreply@cand.uscourts.gov>"

lib.run("not notices", function()
	local conn = lib.connect(SOCK)
	local r = lib.send_message(conn, {{"From", "alice@example.org"},
	    {"Subject", "hello"}}, "Hi.\n", "<alice@example.org>",
	    {"<docketing@lawfirm.example>"}, {i = "A5000001"})
	lib.check_reply("ordinary mail is accepted at MAIL FROM", r, SMFIR_ACCEPT, "mail")

	local hdrs, body = lib.split_message(lib.read_file(DATA .. "/nef/not_a_notice.eml"))
	r = lib.send_message(conn, hdrs, body, COURT,
	    {"<docketing@lawfirm.example>"}, {i = "A5000002"})
	lib.check_reply("a court sender's non-notice is read to the end", r,
	    SMFIR_CONTINUE, "eom")
	lib.check("no header added", not mt.eom_check(conn, MT_HDRADD))
	lib.check("no header changed", not mt.eom_check(conn, MT_HDRCHANGE))
	lib.check("no header deleted", not mt.eom_check(conn, MT_HDRDELETE))
	lib.check("body unchanged", not mt.eom_check(conn, MT_BODYCHANGE))
	lib.check("not quarantined", not mt.eom_check(conn, MT_QUARANTINE))
	lib.check("recipient kept", not mt.eom_check(conn, MT_RCPTDELETE,
	    "<docketing@lawfirm.example>"))

	table.insert(hdrs, {"X-NEF", "v=1; court=cand; action=attached; forged"})
	r = lib.send_message(conn, hdrs, body, COURT,
	    {"<docketing@lawfirm.example>"}, {i = "A5000003"})
	lib.check_reply("the same with a forged X-NEF goes on", r, SMFIR_CONTINUE, "eom")
	lib.check("the forged X-NEF is removed",
	    mt.eom_check(conn, MT_HDRDELETE, "X-NEF") or
	    mt.eom_check(conn, MT_HDRCHANGE, "X-NEF", ""))
	lib.check("no X-NEF added", not mt.eom_check(conn, MT_HDRADD, "X-NEF"))
	lib.check("body unchanged", not mt.eom_check(conn, MT_BODYCHANGE))
	mt.disconnect(conn)
end)

lib.done()
