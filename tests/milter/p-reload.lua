-- SIGUSR1 during traffic.  Connection A is open, in the middle of a
-- message's body, when TO_HOLD (a shell script of t-protocol.sh) adds
-- "sealed_link_action = hold" to the file and signals the daemon.  A keeps the configuration it started with (the
-- notice, whose attachment 2 met a login prompt, is not held); a new
-- connection B gets the new one (MT_QUARANTINE).  Then TO_BROKEN appends
-- a bad value and an unknown key and signals again: the reload is refused
-- and a new connection C still holds.  Globals: LIB, SOCK, DATA, NEFLOG
-- (the daemon's log), TO_HOLD, TO_BROKEN.
local lib = dofile(LIB)
local COURT = "<ecf-noreply@cand.uscourts.gov>"
local hdrs, body = lib.split_message(lib.read_file(DATA .. "/nef/district.eml"))

-- count the lines of the daemon's log that contain text
local function count_log(text)
	local f = io.open(NEFLOG, "r")
	if f == nil then return 0 end
	local n = 0
	for line in f:lines() do
		if line:find(text, 1, true) then n = n + 1 end
	end
	f:close()
	return n
end

local function wait_log(text, before, secs)
	for _ = 1, secs * 10 do
		if count_log(text) > before then return true end
		mt.sleep(0.1)
	end
	return false
end

local function notice(conn, qid)
	local r = lib.send_message(conn, hdrs, body, COURT,
	    {"<docketing@lawfirm.example>"}, {i = qid})
	local x = (mt.getheader(conn, "X-NEF", 0) or ""):gsub("%s+", " ")
	return r, x
end

lib.run("reload", function()
	local a = lib.connect(SOCK)
	local r, x = notice(a, "A7000001")
	lib.check_reply("A, before the reload: goes on", r, SMFIR_CONTINUE, "eom")
	lib.check("A, before: not held", not mt.eom_check(a, MT_QUARANTINE), x)

	-- the next message on A: the reload happens in the middle of its body
	mt.macro(a, SMFIC_MAIL, "i", "A7000002")
	mt.mailfrom(a, COURT)
	mt.rcptto(a, "<docketing@lawfirm.example>")
	mt.data(a)
	for _, h in ipairs(hdrs) do mt.header(a, h[1], h[2]) end
	mt.eoh(a)
	local crlf = body:gsub("\r?\n", "\r\n")
	mt.bodystring(a, crlf:sub(1, 2000))
	lib.check_eq("A, first half of the body: goes on", SMFIR_CONTINUE, mt.getreply(a))
	local n = count_log("configuration reloaded from")
	lib.check("TO_HOLD ran", os.execute(TO_HOLD))
	lib.check("the daemon logs the reload", wait_log("configuration reloaded from", n, 10))
	mt.bodystring(a, crlf:sub(2001))
	lib.check_eq("A, rest of the body: goes on", SMFIR_CONTINUE, mt.getreply(a))
	lib.check("end of message sent", mt.eom(a) == nil)
	lib.check_eq("A, after the reload: goes on", SMFIR_CONTINUE, mt.getreply(a))
	x = (mt.getheader(a, "X-NEF", 0) or ""):gsub("%s+", " ")
	lib.check("A keeps its snapshot: not held", not mt.eom_check(a, MT_QUARANTINE), x)
	lib.check("A: action=attached", x:find("action=attached", 1, true), x)

	local b = lib.connect(SOCK)
	r, x = notice(b, "A7000003")
	lib.check_reply("B, new connection: goes on", r, SMFIR_CONTINUE, "eom")
	lib.check_eom("B is held (MT_QUARANTINE)", b, MT_QUARANTINE)
	lib.check("B: X-NEF says held", x:find("action=held", 1, true), x)
	mt.disconnect(b)

	n = count_log("failed; the configuration in effect is kept")
	lib.check("TO_BROKEN ran", os.execute(TO_BROKEN))
	lib.check("the daemon refuses the broken file",
	    wait_log("failed; the configuration in effect is kept", n, 10))

	local c = lib.connect(SOCK)
	r, x = notice(c, "A7000004")
	lib.check_reply("C, after the refused reload: goes on", r, SMFIR_CONTINUE, "eom")
	lib.check_eom("C is still held (the good file stays in effect)", c, MT_QUARANTINE)
	mt.disconnect(c)
	r, x = notice(a, "A7000005")
	lib.check("A still on its first snapshot", not mt.eom_check(a, MT_QUARANTINE), x)
	mt.disconnect(a)
end)

lib.done()
