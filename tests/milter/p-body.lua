-- (2) Body replacement: a notice whose PDFs are attached gets a new body
-- (MT_BODYCHANGE), here its second copy, served from the store; a firm
-- colleague's ordinary message is accepted at the end of its headers and
-- its body is left alone.  miltertest cannot show the new body: the relay
-- in front of the daemon (tests/lib/mtsplit.py) keeps a copy for the
-- shell suite.  Run by t-protocol.sh (globals LIB, SOCK, DATA).
local lib = dofile(LIB)

lib.run("second copy of the district notice", function()
	local hdrs, body = lib.split_message(lib.read_file(DATA .. "/nef/district.eml"))
	local conn = lib.connect(SOCK)
	local r = lib.send_message(conn, hdrs, body,
	    "<ecf-noreply@cand.uscourts.gov>", {"<aokafor@lawfirm.example>"},
	    {i = "A2000001"})
	lib.check_reply("the notice goes on at end of message", r, SMFIR_CONTINUE, "eom")
	lib.check_eom("the body is replaced", conn, MT_BODYCHANGE)
	lib.check_eom("X-NEF says two PDFs attached", conn, MT_HDRADD, "X-NEF")
	local x = (mt.getheader(conn, "X-NEF", 0) or ""):gsub("%s+", " ")
	lib.check("X-NEF: pdf=2, action=attached", x:find("pdf=2; login=1;", 1, true)
	    and x:find("action=attached", 1, true), x)

	-- same connection: a firm address, subject not a forward
	r = lib.send_message(conn, {{"From", "alice@lawfirm.example"},
	    {"To", "bob@lawfirm.example"}, {"Subject", "lunch"}},
	    "See you at noon.\n", "<alice@lawfirm.example>",
	    {"<bob@lawfirm.example>"}, {i = "A2000002"})
	lib.check_reply("a firm colleague's ordinary mail is accepted at end of headers",
	    r, SMFIR_ACCEPT, "eoh")
	mt.disconnect(conn)
end)

lib.done()
