-- Self-test of tests/lib/milter.lua against floormilter (run by
-- t-lib-selftest.sh).  SOCK is a floormilter in "mark" mode (it adds
-- "X-Floor: qid=QID hdrs=N hval=HBYTES body=BYTES" at end of message),
-- SOCK_LEADSPC the same with SMFIP_HDR_LEADSPC negotiated, SOCK_MAILFROM
-- one in "mailfrom" mode (it accepts at MAIL FROM).
local lib = dofile(LIB)

lib.run("mark mode", function()
	local conn = lib.connect(SOCK)
	lib.check_eq("connect: conninfo skipped, no reply recorded (no xxfi_connect)",
	    nil, lib.conn_reply(conn))
	local hdrs = {{"From", "alice@example.test"}, {"To", "bob@example.test"},
	    {"Subject", "folded\n\tsubject"}}
	local body = "line one\nline two\n"
	local r = lib.send_message(conn, hdrs, body, "<alice@example.test>",
	    {"<bob@example.test>", "<carol@example.test>"}, {i = "3F2A1B0C9D"})
	lib.check_reply("first message reaches end of message with CONTINUE",
	    r, SMFIR_CONTINUE, "eom")
	-- header values 18 + 16 + 15 bytes; the body is sent with CRLF line
	-- ends: 2 lines of 8 bytes + CRLF
	lib.check_eom("X-Floor carries the i macro, the headers and the CRLF body size",
	    conn, MT_HDRADD, "X-Floor", "qid=3F2A1B0C9D hdrs=3 hval=49 body=20")
	lib.check_eq("mt.getheader reads the added header",
	    "qid=3F2A1B0C9D hdrs=3 hval=49 body=20", mt.getheader(conn, "X-Floor", 0))
	lib.check("no body change requested", not mt.eom_check(conn, MT_BODYCHANGE))

	-- a second message on the same connection gets a fresh queue id
	local big = string.rep(string.rep("x", 98) .. "\n", 1000)
	r = lib.send_message(conn, {{"Subject", "two"}}, big,
	    "<bob@example.test>", {"<alice@example.test>"})
	lib.check_reply("second message on the connection", r, SMFIR_CONTINUE, "eom")
	lib.check("generated queue id is hexadecimal", r.qid:match("^%x+$") ~= nil, r.qid)
	lib.check_eom("100 kB body sent in chunks and counted whole",
	    conn, MT_HDRADD, "X-Floor", "qid=" .. r.qid .. " hdrs=1 hval=3 body=100000")
	mt.disconnect(conn)
end)

lib.run("leading blank", function()
	local conn = lib.connect(SOCK_LEADSPC)
	lib.check("SMFIP_HDR_LEADSPC negotiated", mt.test_option(conn, SMFIP_HDR_LEADSPC))
	local h = lib.split_message("From:  two@example.test\nTo:x@example.test\n" ..
	    "Subject: a\n b\n\nbody\n")
	-- raw values "  two@example.test" (18) and " a\n b" (5) arrive as
	-- they are, "x@example.test" with the space miltertest always puts in
	-- front (15); without raw: " " .. value (" v", 2)
	local r = lib.send_message(conn, {h[1], h[2], h[3], {"X-Plain", "v"}},
	    "body\n", "<a@example.test>", {"<b@example.test>"}, {i = "ABCDEF0123"})
	lib.check_reply("message with raw header values", r, SMFIR_CONTINUE, "eom")
	lib.check_eom("values sent as after the colon, blank included",
	    conn, MT_HDRADD, "X-Floor", "qid=ABCDEF0123 hdrs=4 hval=40 body=6")
	mt.disconnect(conn)
end)

lib.run("mailfrom mode", function()
	local conn = lib.connect(SOCK_MAILFROM)
	lib.check("mailfrom-mode filter negotiated away the RCPT step",
	    mt.test_option(conn, SMFIP_NORCPT))
	local r = lib.send_message(conn, {{"Subject", "x"}}, "body\n",
	    "<alice@example.test>", {"<bob@example.test>"})
	lib.check_reply("ACCEPT at MAIL FROM ends the transaction", r,
	    SMFIR_ACCEPT, "mail")
	mt.disconnect(conn)
end)

lib.run("split_message", function()
	local h, b = lib.split_message(
	    "From: a@example.test\r\nSubject: one\r\n two\r\n\r\nbody\r\n")
	lib.check_eq("two headers", 2, #h)
	lib.check_eq("folded value joined with LF", "one\n two", h[2][2])
	lib.check_eq("body after the empty line", "body\r\n", b)
end)

lib.done()
