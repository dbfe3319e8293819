-- (4) Recipients: a normal entry adds the case team (bob was added with
-- "nefctl team add" by t-protocol.sh): MT_RCPTADD.  An entry that
-- mentions seal goes only to addresses (firm domains) the court listed:
-- the other recipient is deleted with the very string the MTA gave
-- (MT_RCPTDELETE "<Eve@Outside.Example>", case kept), and the listed ones
-- stay.  Run by t-protocol.sh (globals LIB, SOCK, DATA).
local lib = dofile(LIB)
local COURT = "<ecf-noreply@cand.uscourts.gov>"

lib.run("team", function()
	local hdrs, body = lib.split_message(lib.read_file(DATA .. "/nef/district.eml"))
	local conn = lib.connect(SOCK)
	local r = lib.send_message(conn, hdrs, body, COURT,
	    {"<docketing@lawfirm.example>"}, {i = "A4000001"})
	lib.check_reply("normal entry goes on", r, SMFIR_CONTINUE, "eom")
	lib.check_eom("the team member is added", conn, MT_RCPTADD, "<bob@lawfirm.example>")
	lib.check("the envelope recipient is not added again",
	    not mt.eom_check(conn, MT_RCPTADD, "<docketing@lawfirm.example>"))
	lib.check("nobody is deleted",
	    not mt.eom_check(conn, MT_RCPTDELETE, "<docketing@lawfirm.example>"))
	mt.disconnect(conn)
end)

lib.run("restricted entry", function()
	local text = lib.read_file(DATA .. "/nef/district.eml")
	text = text:gsub("MOTION to Compel", "MOTION to File Under Seal")
	local hdrs, body = lib.split_message(text)
	local conn = lib.connect(SOCK)
	local r = lib.send_message(conn, hdrs, body, COURT,
	    {"<docketing@lawfirm.example>", "<Eve@Outside.Example>",
	     "<cruiz@counsel.example>"}, {i = "A4000002"})
	lib.check_reply("restricted entry goes on", r, SMFIR_CONTINUE, "eom")
	lib.check_eom("the unlisted recipient is deleted by its exact string",
	    conn, MT_RCPTDELETE, "<Eve@Outside.Example>")
	lib.check("listed docketing@ stays",
	    not mt.eom_check(conn, MT_RCPTDELETE, "<docketing@lawfirm.example>"))
	lib.check("listed cruiz@ stays",
	    not mt.eom_check(conn, MT_RCPTDELETE, "<cruiz@counsel.example>"))
	lib.check_eom("the team (a firm the court listed) is added", conn,
	    MT_RCPTADD, "<bob@lawfirm.example>")
	local x = (mt.getheader(conn, "X-NEF", 0) or ""):gsub("%s+", " ")
	lib.check("X-NEF says restricted=yes", x:find("restricted=yes;", 1, true), x)
	lib.check("not held (restricted_action = remove)",
	    not mt.eom_check(conn, MT_QUARANTINE))
	mt.disconnect(conn)
end)

lib.done()
