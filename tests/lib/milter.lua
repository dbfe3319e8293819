-- tests/lib/milter.lua: the shared miltertest library.
--
-- A test script runs under miltertest (OpenDKIM's Lua MTA simulator, Lua 5.3)
-- and loads this file with dofile; tests/lib/miltertest.sh (mt_run) passes
-- its path as the global LIB, the tree's top as TOP, and the filter's socket
-- (libmilter syntax, "inet:PORT@127.0.0.1" or "unix:/path") as SOCK:
--
--   local lib = dofile(LIB)
--   local conn = lib.connect(SOCK)
--   local r = lib.send_message(conn, {{"From", "a@example.test"}, {"Subject", "x"}},
--                              "Hello\n", "<a@example.test>", {"<b@example.test>"})
--   lib.check_reply("message goes on", r, SMFIR_CONTINUE)
--   lib.check("header added", mt.eom_check(conn, MT_HDRADD, "X-Name"))
--   lib.done()
--
-- Output is TAP, one line per check ("ok N - ..." / "not ok N - ..."),
-- "# ..." for diagnostics, then "1..N" and "N passed, N failed".  done()
-- raises an error when a check failed, so miltertest exits 1.
--
-- Functions (a conn is a miltertest handle):
--   lib.connect(sock[, opts]) -> conn
--       Connect (opts.tries [50] x opts.interval [0.1 s]), negotiate, then
--       send the connection information (opts.host ["client.harness.test"],
--       opts.ip ["127.0.0.1"], connect macros opts.macros.connect, by default
--       j and {daemon_name} = "mx.harness.test" as Postfix sends them) and
--       HELO (opts.helo), each only when the filter did not negotiate that
--       step away (mt.test_option).  Raises an error on failure.  The
--       reply to each step is in conn_reply(conn).
--   lib.send_message(conn, headers, body, from, rcpts[, macros]) -> result
--       One SMTP transaction as Postfix drives it: MAIL (with the macro i
--       and any macros.mail), RCPT for each of rcpts (macros.rcpt), DATA,
--       each header, end of headers, the body (LF turned into CRLF, in
--       chunks of at most 65535 bytes; a SKIP reply ends the body early),
--       end of message.  Steps the filter negotiated away are skipped.
--       headers is a list of {name, value[, raw]}: value without the blank
--       that follows the colon, raw (optional) the exact text after the
--       colon.  When the filter negotiated SMFIP_HDR_LEADSPC the filter
--       gets raw (or " " .. value), as from Postfix; otherwise value.
--       (miltertest adds a space itself in that case, so a raw value that
--       starts with a tab, or with no blank, arrives with a space instead
--       of the tab, or in front.)  macros.i
--       sets the queue id (default lib.next_qid()).  The transaction stops
--       at the first reply that is not CONTINUE, as the MTA would.
--       result = { stage = "mail"|"rcpt"|"data"|"header"|"eoh"|"body"|
--       "eom", reply = SMFIR_* (a number), qid = the i macro sent }.
--       Raises an error when miltertest reports a protocol failure.
--   lib.read_file(path) -> string
--   lib.split_message(text) -> headers, body
--       A whole RFC 5322 message (e.g. a tests/data/*.eml file) as the
--       headers list ({name, value, raw}; folded lines joined with LF, as a
--       milter sees them) and the body.
--   lib.next_qid() -> a fresh Postfix-like hexadecimal queue id
--   lib.reply_name(code) -> "continue", "accept", "reject", ...
--   lib.check(desc, cond[, diag])          cond true -> ok
--   lib.check_eq(desc, want, got)
--   lib.check_reply(desc, result, want[, stage])
--   lib.check_eom(desc, conn, op, ...)     mt.eom_check(conn, op, ...)
--   lib.run(desc, fn, ...)                 call fn under pcall; an error
--                                          counts as a failed check and its
--                                          message is printed
--   lib.diag(text)                         a "# " line
--   lib.done()                             print the plan and the totals
--
-- Limits of miltertest (see docs): no check for CHGFROM, MT_BODYCHANGE
-- compares the whole new body byte for byte, an uncaught error exits 1
-- without a message (hence lib.run), and stepping into a negotiated-away
-- phase is an error (hence the guards here).

local lib = {}

local n_checks, n_failed = 0, 0
local qid_seq = 0
local replies = {}
local MAX_CHUNK = 65535

local reply_names = {
	[SMFIR_CONTINUE] = "continue", [SMFIR_ACCEPT] = "accept",
	[SMFIR_REJECT] = "reject", [SMFIR_TEMPFAIL] = "tempfail",
	[SMFIR_DISCARD] = "discard", [SMFIR_REPLYCODE] = "replycode",
}
if SMFIR_SKIP ~= nil then reply_names[SMFIR_SKIP] = "skip" end

local function say(s) mt.echo(s) end

local function oneline(s)
	return (tostring(s):gsub("[\r\n]+", " "))
end

function lib.diag(text)
	for line in (tostring(text) .. "\n"):gmatch("([^\n]*)\n") do
		say("# " .. line)
	end
end

function lib.reply_name(code)
	if code == nil then return "nil" end
	return reply_names[code] or string.format("reply %q", string.char(code))
end

function lib.check(desc, cond, diag)
	n_checks = n_checks + 1
	if cond then
		say(string.format("ok %d - %s", n_checks, oneline(desc)))
	else
		n_failed = n_failed + 1
		say(string.format("not ok %d - %s", n_checks, oneline(desc)))
		if diag ~= nil then lib.diag(diag) end
	end
	return cond and true or false
end

function lib.check_eq(desc, want, got)
	return lib.check(desc, want == got, string.format(
	    "expected: %s\nactual:   %s", tostring(want), tostring(got)))
end

function lib.check_reply(desc, result, want, stage)
	local ok = result ~= nil and result.reply == want and
	    (stage == nil or result.stage == stage)
	local d
	if result == nil then
		d = "no result"
	else
		d = string.format("expected: %s%s\nactual:   %s at %s",
		    lib.reply_name(want), stage and (" at " .. stage) or "",
		    lib.reply_name(result.reply), tostring(result.stage))
	end
	return lib.check(desc, ok, d)
end

function lib.check_eom(desc, conn, op, ...)
	return lib.check(desc, mt.eom_check(conn, op, ...))
end

function lib.run(desc, fn, ...)
	local ok, err = pcall(fn, ...)
	if not ok then
		lib.check(desc .. ": raised an error", false, tostring(err))
	end
	return ok
end

function lib.done()
	say(string.format("1..%d", n_checks))
	say(string.format("%d passed, %d failed", n_checks - n_failed, n_failed))
	if n_failed > 0 or n_checks == 0 then
		error(string.format("%d of %d checks failed", n_failed, n_checks))
	end
end

function lib.next_qid()
	qid_seq = qid_seq + 1
	return string.format("%X", 0x4A1B2C0000 + qid_seq)
end

-- step(conn, name, fn, ...): run one miltertest call, raise on a
-- protocol failure, and return the reply code.
local function step(conn, name, fn, ...)
	local ok, err = pcall(fn, conn, ...)
	if not ok then
		error(string.format("%s: %s", name, tostring(err)), 0)
	end
	if err ~= nil then
		error(string.format("%s failed: %s", name, tostring(err)), 0)
	end
	local r = mt.getreply(conn)
	replies[conn] = r
	return r
end

local function send_macros(conn, stage, t)
	if t == nil then return end
	-- One SMFIC_MACRO command per stage: each one replaces the stage's
	-- whole list, so every name/value pair goes in the same call.
	local names, args = {}, {}
	for k in pairs(t) do names[#names + 1] = k end
	if #names == 0 then return end
	table.sort(names)
	for _, k in ipairs(names) do
		args[#args + 1] = k
		args[#args + 1] = t[k]
	end
	local err = mt.macro(conn, stage, table.unpack(args))
	if err ~= nil then
		error("mt.macro " .. table.concat(names, " ") .. ": " .. tostring(err), 0)
	end
end

-- The client each connection stands for: Postfix sends {client_addr}
-- and {client_name} with MAIL FROM to a filter that asks for them
-- (smfi_setsymlist), which is how a filter that skips the connect step
-- learns the client.
local clients = {}

function lib.conn_reply(conn)
	return replies[conn]
end

function lib.connect(sock, opts)
	opts = opts or {}
	local conn = mt.connect(sock or SOCK, opts.tries or 50,
	    opts.interval or 0.1)
	if conn == nil then
		error("mt.connect(" .. tostring(sock or SOCK) .. ") failed", 0)
	end
	local err = mt.negotiate(conn, nil, nil, nil)
	if err ~= nil then error("mt.negotiate: " .. tostring(err), 0) end
	local m = opts.macros or {}
	clients[conn] = { addr = opts.ip or "127.0.0.1",
	    name = opts.host or "client.harness.test" }
	if not mt.test_option(conn, SMFIP_NOCONNECT) then
		send_macros(conn, SMFIC_CONNECT, m.connect or
		    { j = "mx.harness.test", ["{daemon_name}"] = "mx.harness.test" })
		step(conn, "conninfo", mt.conninfo,
		    opts.host or "client.harness.test", opts.ip or "127.0.0.1")
	end
	if not mt.test_option(conn, SMFIP_NOHELO) then
		send_macros(conn, SMFIC_HELO, m.helo)
		step(conn, "helo", mt.helo, opts.helo or "client.harness.test")
	end
	return conn
end

local function crlf(body)
	return (body:gsub("\r?\n", "\r\n"))
end

function lib.send_message(conn, headers, body, from, rcpts, macros)
	macros = macros or {}
	local res = { qid = macros.i or lib.next_qid() }
	local function done(stage, r)
		res.stage, res.reply = stage, r
		return r ~= SMFIR_CONTINUE
	end
	local mail = { i = res.qid }
	local cl = clients[conn]
	if cl ~= nil then
		mail["{client_addr}"] = cl.addr
		mail["{client_name}"] = cl.name
	end
	for k, v in pairs(macros.mail or {}) do mail[k] = v end

	if not mt.test_option(conn, SMFIP_NOMAIL) then
		send_macros(conn, SMFIC_MAIL, mail)
		if done("mail", step(conn, "mailfrom", mt.mailfrom, from)) then
			return res
		end
	end
	if not mt.test_option(conn, SMFIP_NORCPT) then
		for _, rcpt in ipairs(rcpts or {}) do
			send_macros(conn, SMFIC_RCPT, macros.rcpt)
			if done("rcpt", step(conn, "rcptto", mt.rcptto, rcpt)) then
				return res
			end
		end
	end
	if not mt.test_option(conn, SMFIP_NODATA) then
		if done("data", step(conn, "data", mt.data)) then return res end
	end
	if not mt.test_option(conn, SMFIP_NOHDRS) then
		-- With SMFIP_HDR_LEADSPC, Postfix sends the value exactly as
		-- it follows the colon, and miltertest itself puts one blank
		-- in front of what it is given: hand it raw minus that blank.
		local lead = SMFIP_HDR_LEADSPC ~= nil and
		    mt.test_option(conn, SMFIP_HDR_LEADSPC)
		for _, h in ipairs(headers or {}) do
			local v = h[2]
			if lead and h[3] ~= nil then
				v = h[3]:gsub("^[ \t]", "", 1)
			end
			if done("header", step(conn, "header " .. h[1], mt.header,
			    h[1], v)) then
				return res
			end
		end
	end
	if not mt.test_option(conn, SMFIP_NOEOH) then
		if done("eoh", step(conn, "eoh", mt.eoh)) then return res end
	end
	if not mt.test_option(conn, SMFIP_NOBODY) and body ~= nil and
	    body ~= "" then
		local b = crlf(body)
		for i = 1, #b, MAX_CHUNK do
			local r = step(conn, "body", mt.bodystring,
			    b:sub(i, i + MAX_CHUNK - 1))
			if r == SMFIR_SKIP then break end
			if done("body", r) then return res end
		end
	end
	done("eom", step(conn, "eom", mt.eom))
	return res
end

function lib.read_file(path)
	local f, err = io.open(path, "rb")
	if f == nil then error("cannot read " .. tostring(err), 0) end
	local s = f:read("a")
	f:close()
	return s
end

function lib.split_message(text)
	local head, body = text:match("^(.-)\r?\n\r?\n(.*)$")
	if head == nil then head, body = text, "" end
	local headers = {}
	for line in (head .. "\n"):gmatch("([^\n]*)\n") do
		line = line:gsub("\r$", "")
		if line:match("^[ \t]") and #headers > 0 then
			local h = headers[#headers]
			h[2] = h[2] .. "\n" .. line
			h[3] = h[3] .. "\n" .. line
		else
			local name, raw = line:match("^([^:]+):(.*)$")
			if name ~= nil then
				headers[#headers + 1] =
				    { name, (raw:gsub("^[ \t]", "", 1)), raw }
			end
		end
	end
	return headers, body
end

return lib
