-- (1) Header changes at end of message: a verified district notice gets
-- an X-NEF header with its counts and a multipart/mixed Content-Type (its
-- PDFs are attached).  Run by t-protocol.sh (globals LIB, SOCK, DATA).
local lib = dofile(LIB)

local function squash(s)
	return s and (s:gsub("%s+", " ")) or nil
end

lib.run("district notice", function()
	local hdrs, body = lib.split_message(lib.read_file(DATA .. "/nef/district.eml"))
	local conn = lib.connect(SOCK)
	local r = lib.send_message(conn, hdrs, body,
	    "<ecf-noreply@cand.uscourts.gov>", {"<docketing@lawfirm.example>"},
	    {i = "A1000001"})
	lib.check_reply("the notice reaches end of message and goes on", r,
	    SMFIR_CONTINUE, "eom")
	lib.check_eom("X-NEF is added", conn, MT_HDRADD, "X-NEF")
	-- With SMFIP_HDR_LEADSPC the MTA writes "Name:" and the value as
	-- given, so the value must bring its own blank.
	local raw = mt.getheader(conn, "X-NEF", 0) or ""
	lib.check("X-NEF value starts with a blank exactly when leading blanks are kept",
	    (raw:sub(1, 1) == " ") == (mt.test_option(conn, SMFIP_HDR_LEADSPC) == true))
	local x = squash((raw:gsub("^ ", "")))
	lib.check_eq("X-NEF value",
	    "v=1; court=cand; case=4:22-cv-05541; entry=57; trust=verified; " ..
	    "restricted=no; pdf=2; login=1; unavailable=0; error=0; too-large=0; " ..
	    "refused=0; no-document=0; tombstoned=0; bad-redaction=0; " ..
	    "identifiers=0; unchecked=0; action=attached", x)
	lib.check("only one X-NEF is added", mt.getheader(conn, "X-NEF", 1) == nil)
	lib.check_eom("Content-Type is changed", conn, MT_HDRCHANGE, "Content-Type")
	lib.check("no header is deleted", not mt.eom_check(conn, MT_HDRDELETE))
	lib.check("no recipient is added", not mt.eom_check(conn, MT_RCPTADD,
	    "<aokafor@lawfirm.example>"))
	lib.check("the recipient is not deleted", not mt.eom_check(conn,
	    MT_RCPTDELETE, "<docketing@lawfirm.example>"))
	lib.check("not quarantined", not mt.eom_check(conn, MT_QUARANTINE))
	mt.disconnect(conn)
end)

lib.done()
