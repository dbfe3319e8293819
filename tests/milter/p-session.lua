-- Sessions: close without connect, an abrupt disconnect, abort in the
-- middle of the body, several messages on one connection (no state
-- leaks from one to the next: each X-NEF is the message's own), and a
-- body over max_message_bytes (256K in t-protocol.sh), which passes
-- unchanged.  Run by t-protocol.sh (globals LIB, SOCK, DATA).
local lib = dofile(LIB)
local COURT = "<ecf-noreply@cand.uscourts.gov>"
local DISTRICT = lib.read_file(DATA .. "/nef/district.eml")

local function xnef(conn)
	local v = mt.getheader(conn, "X-NEF", 0)
	return v and (v:gsub("%s+", " ")) or nil
end

lib.run("close without connect", function()
	for _ = 1, 3 do
		local conn = mt.connect(SOCK, 50, 0.1)
		lib.check("connected", conn ~= nil)
		local err = mt.negotiate(conn, nil, nil, nil)
		lib.check("negotiated", err == nil, tostring(err))
		mt.disconnect(conn)	-- QUIT: xxfi_close with no xxfi_connect
	end
	local conn = mt.connect(SOCK, 50, 0.1)
	mt.negotiate(conn, nil, nil, nil)
	mt.disconnect(conn, false)	-- no QUIT at all
	conn = lib.connect(SOCK)
	local r = lib.send_message(conn, {{"Subject", "x"}}, "x\n",
	    "<alice@example.org>", {"<bob@lawfirm.example>"}, {i = "A6000001"})
	lib.check_reply("the daemon still answers", r, SMFIR_ACCEPT, "mail")
	mt.disconnect(conn)
end)

lib.run("abort in the middle of the body", function()
	local hdrs, body = lib.split_message(DISTRICT)
	local conn = lib.connect(SOCK)
	mt.macro(conn, SMFIC_MAIL, "i", "A6000002")
	mt.mailfrom(conn, COURT)
	lib.check_eq("MAIL FROM of a court goes on", SMFIR_CONTINUE, mt.getreply(conn))
	mt.rcptto(conn, "<docketing@lawfirm.example>")
	mt.data(conn)
	for _, h in ipairs(hdrs) do mt.header(conn, h[1], h[2]) end
	mt.eoh(conn)
	lib.check_eq("end of headers goes on", SMFIR_CONTINUE, mt.getreply(conn))
	mt.bodystring(conn, (body:sub(1, 1500):gsub("\r?\n", "\r\n")))
	lib.check_eq("first body chunk goes on", SMFIR_CONTINUE, mt.getreply(conn))
	lib.check("abort sent", mt.abort(conn) == nil)
	-- the next message on the same connection starts afresh: a
	-- non-notice from the court, with nothing of the aborted one
	local nh, nb = lib.split_message(lib.read_file(DATA .. "/nef/not_a_notice.eml"))
	local r = lib.send_message(conn, nh, nb, COURT,
	    {"<docketing@lawfirm.example>"}, {i = "A6000003"})
	lib.check_reply("after abort: the next message ends normally", r,
	    SMFIR_CONTINUE, "eom")
	lib.check("after abort: no change at all (nothing left of the aborted notice)",
	    not mt.eom_check(conn, MT_HDRADD) and not mt.eom_check(conn, MT_BODYCHANGE))
	mt.disconnect(conn)
end)

lib.run("several messages on one connection", function()
	local conn = lib.connect(SOCK)
	local hdrs, body = lib.split_message(DISTRICT)
	local r = lib.send_message(conn, hdrs, body, COURT,
	    {"<docketing@lawfirm.example>"}, {i = "A6000004"})
	lib.check_reply("1st (district notice) goes on", r, SMFIR_CONTINUE, "eom")
	local x1 = xnef(conn) or ""
	lib.check("1st: its own X-NEF (cand, entry 57, attached)",
	    x1:find("court=cand; case=4:22-cv-05541; entry=57;", 1, true) and
	    x1:find("action=attached", 1, true), x1)

	local nh, nb = lib.split_message(lib.read_file(DATA .. "/nef/not_a_notice.eml"))
	r = lib.send_message(conn, nh, nb, COURT, {"<docketing@lawfirm.example>"},
	    {i = "A6000005"})
	lib.check_reply("2nd (not a notice) goes on", r, SMFIR_CONTINUE, "eom")
	lib.check("2nd: no X-NEF (the 1st one's does not leak)",
	    not mt.eom_check(conn, MT_HDRADD, "X-NEF"))
	lib.check("2nd: no body change", not mt.eom_check(conn, MT_BODYCHANGE))

	local ah, ab = lib.split_message(lib.read_file(DATA .. "/nef/nda_currentgen.eml"))
	r = lib.send_message(conn, ah, ab, "<cmecf@ca2.uscourts.gov>",
	    {"<docketing@lawfirm.example>"}, {i = "A6000006"})
	lib.check_reply("3rd (appellate notice) goes on", r, SMFIR_CONTINUE, "eom")
	local x3 = xnef(conn) or ""
	lib.check("3rd: its own X-NEF (ca2, nothing of cand)",
	    x3:find("court=ca2;", 1, true) and not x3:find("cand", 1, true) and
	    not x3:find("entry=57", 1, true), x3)
	lib.check("3rd: no recipient of the 1st is added",
	    not mt.eom_check(conn, MT_RCPTADD, "<bob@lawfirm.example>"))

	r = lib.send_message(conn, hdrs, body, COURT,
	    {"<aokafor@lawfirm.example>"}, {i = "A6000007"})
	lib.check_reply("4th (district notice again) goes on", r, SMFIR_CONTINUE, "eom")
	lib.check_eq("4th: the same X-NEF as the 1st", x1, xnef(conn))
	mt.disconnect(conn)
end)

lib.run("oversize body", function()
	local hdrs, body = lib.split_message(DISTRICT)
	local pad = {}
	for i = 1, 4000 do
		pad[#pad + 1] = string.format("<!-- padding line %06d -->", i) ..
		    string.rep(" ", 44) .. "\n"
	end
	body = body .. table.concat(pad)	-- about 300 kB
	lib.check("the padded notice is over 256K", #body > 262144, tostring(#body))
	local conn = lib.connect(SOCK)
	local r = lib.send_message(conn, hdrs, body, COURT,
	    {"<docketing@lawfirm.example>"}, {i = "A6000008"})
	lib.check_reply("the oversize notice goes on", r, SMFIR_CONTINUE, "eom")
	lib.check("no X-NEF", not mt.eom_check(conn, MT_HDRADD, "X-NEF"))
	lib.check("no header changed", not mt.eom_check(conn, MT_HDRCHANGE))
	lib.check("body unchanged", not mt.eom_check(conn, MT_BODYCHANGE))
	-- and the connection still works for a normal notice
	hdrs, body = lib.split_message(DISTRICT)
	r = lib.send_message(conn, hdrs, body, COURT,
	    {"<docketing@lawfirm.example>"}, {i = "A6000009"})
	lib.check_reply("the next notice on the connection goes on", r,
	    SMFIR_CONTINUE, "eom")
	lib.check_eom("and is processed (X-NEF)", conn, MT_HDRADD, "X-NEF")
	mt.disconnect(conn)
end)

lib.done()
