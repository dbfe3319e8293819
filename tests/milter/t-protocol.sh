#!/usr/bin/env bash
# The milter protocol, through miltertest: one nefmilter daemon (-f, inet
# socket on loopback, the fake court with tests/data/scenarios/
# district_menu.json) and one miltertest script per action, each asserting
# on the replies and on the changes asked for at end of message:
#   p-header.lua    X-NEF added, Content-Type changed
#   p-body.lua      body replaced (notice) / not replaced (plain mail)
#   p-rcpt.lua      case team added (after "nefctl team add"), an unlisted
#                   recipient of a restricted entry deleted by its exact
#                   "<addr>" string
#   p-notnotice.lua ordinary mail accepted at MAIL FROM; a court sender's
#                   message that is not a notice passes with no change
#                   (but for the X-NEF headers it arrived with)
#   p-session.lua   close without connect, abort in the middle of the
#                   body, several messages on one connection, a body over
#                   max_message_bytes
#   p-reload.lua    SIGUSR1 during traffic: sealed_link_action = hold takes
#                   effect for new connections (MT_QUARANTINE) and not for
#                   the open one; a broken file is refused and the running
#                   configuration stays
#   p-hold.lua      quarantine with its reason (sealed_link_action = hold,
#                   now in effect, and a login document)
# The daemon's own log (standard error) is checked for the lines that go
# with each case.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
. "$TOP/tests/lib/postfix.sh"
. "$TOP/tests/lib/miltertest.sh"
NEF=$TOP/$BUILD/nefmilter
NEFCTL=$TOP/$BUILD/nefctl
DATA=$TOP/tests/data
HERE=$TOP/tests/milter

if ! mt_available; then skip "miltertest is not installed (make deps)"; tap_done; exit; fi
for b in "$NEF" "$NEFCTL"; do
	[ -x "$b" ] || { not_ok "$b is missing (make all)"; tap_done; exit; }
done

W=$(mktemp -d "${TMPDIR:-/tmp}/protocol.XXXXXX")
chmod 755 "$W"
cleanup() { pf_teardown; fc_stop; rm -rf "$W"; }
trap cleanup EXIT

fc_start "$DATA/scenarios/district_menu.json" || { not_ok "fake court started"; tap_done; exit; }
trap cleanup EXIT
# The daemon drops root to "user": it must read the CA file.
chmod 755 "$FC_DIR" "$FC_DIR/pki"
chmod 644 "$FC_CA"
RUNUSER=nobody
PORT=$(pf_free_port)
SOCK="inet:$PORT@127.0.0.1"
CONF=$W/n.conf
# conf [EXTRA-LINES...]: (re)write the daemon's configuration
conf() {
	fc_conf "$CONF.new" "state_dir = $W/state" "trusted_clients = 127.0.0.1" "trust_local_mail = yes" \
	    "firm_domains = lawfirm.example" "user = $RUNUSER" "pid_file =" \
	    "socket = $SOCK" "max_message_bytes = 256K" "$@"
	mv "$CONF.new" "$CONF"
}
conf
pf_spawn nefmilter "$NEF" -f -c "$CONF"
NEF_PID=$PF_SPAWN_PID
NEFLOG=$PF_SPAWN_TMP/nefmilter.log
check "nefmilter listens on $SOCK" pf_wait_listen "$PORT" 10
check "nefmilter says it started" wait_for 10 grep -q "starting on $SOCK" "$NEFLOG"
# miltertest crashes on a reply longer than about 1 KB (a replaced body
# comes in larger chunks): the scripts talk to nefmilter through mtsplit,
# which splits body chunks and keeps a copy of each new body.
mkdir -p "$W/bodies"
pf_spawn mtsplit /usr/bin/python3 "$TOP/tests/lib/mtsplit.py" --upstream "127.0.0.1:$PORT" \
    --port-file "$W/relay.port" --capture "$W/bodies"
check "the relay for miltertest listens" wait_for 10 test -s "$W/relay.port"
MTSOCK="inet:$(cat "$W/relay.port")@127.0.0.1"

# lines [SINCE]: the daemon's log from line SINCE+1 on
loglines() { wc -l <"$NEFLOG"; }
logsince() { tail -n +"$(( $1 + 1 ))" "$NEFLOG"; }

# newbody: the last body mtsplit captured, as a message mimecheck reads
# (the boundary is the body's first delimiter line), in $W/parts
newbody() {
	local f b
	f=$W/bodies/body.$(ls "$W/bodies" | wc -l)
	[ -s "$f" ] || { : >"$W/parts"; return 1; }
	b=$(sed -n 's/^--\(.*[^-]\)\r\{0,1\}$/\1/p' "$f" | head -n 1)
	{ printf 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="%s"\n\n' "$b"
	  cat "$f"; } >"$W/new.eml"
	/usr/bin/python3 "$TOP/tests/lib/mimecheck.py" "$W/new.eml" >"$W/parts"
}
SHA_MAIN=$(fc_pdf_sha cand-57-main 5000)
SHA_ATT1=$(fc_pdf_sha cand-57-att1 7000)

mt() {	# SCRIPT [NAME=VALUE...]
	local s=$1; shift
	mt_run "$HERE/$s" "$MTSOCK" "DATA=$DATA" "$@"
	check_eq "$s: miltertest exit status" 0 "$?"
}

# --- (1) header change -----------------------------------------------------
n0=$(loglines)
mt p-header.lua
check "audit line: attached, with the queue id the MTA gave" \
    grep -Eq '^nefmilter: A1000001: notice court=cand case=4:22-cv-05541 entry=57 .* action=attached' \
    <(logsince "$n0")
check_eq "the court was asked for the menu and three documents" 4 "$(fc_count 'True')"
check_eq "one new body went through the relay" 1 "$(ls "$W/bodies" | wc -l)"
newbody
check_grep "new body: the main document as the court served it" \
    "application/pdf filename=2023-03-14_cand_4-22-cv-05541-JST_ECF57_Main_Document.pdf sha256=$SHA_MAIN size=5000" "$W/parts"
check_grep "new body: attachment 1 as the court served it" \
    "application/pdf filename=2023-03-14_cand_4-22-cv-05541-JST_ECF57-1_Declaration_of_Adaeze_Okafor.pdf sha256=$SHA_ATT1 size=7000" "$W/parts"
check_grep "new body: the notice is the first part" "^PART 1 text/html" "$W/parts"

# --- (2) body replacement ----------------------------------------------------
n0=$(loglines)
mt p-body.lua
check "the second copy came from the store" \
    grep -q 'document cand/035020918716#0 pdf from-store attached' <(logsince "$n0")
check_eq "no new request for the second copy" 4 "$(fc_count 'True')"
check_eq "one more body went through the relay" 2 "$(ls "$W/bodies" | wc -l)"
newbody
check_eq "second copy: the same two PDFs, byte for byte" \
    "$SHA_MAIN $SHA_ATT1" "$(sed -n 's/^PART .* application\/pdf .*sha256=\([0-9a-f]*\) .*/\1/p' "$W/parts" | tr '\n' ' ' | sed 's/ $//')"

# --- (4) recipients ----------------------------------------------------------
check "nefctl team add (the daemon is running)" \
    sh -c "'$NEFCTL' -c '$CONF' team add cand 4:22-cv-05541-JST bob@lawfirm.example >/dev/null"
n0=$(loglines)
mt p-rcpt.lua
check "log: the team member is added" grep -q 'added=<bob@lawfirm.example>' <(logsince "$n0")
check "log: the unlisted recipient is removed, and why" \
    grep -Eiq ': recipient <eve@outside\.example> removed: not court-listed' <(logsince "$n0")

# --- (5) not a notice --------------------------------------------------------
n0=$(loglines)
mt p-notnotice.lua
check "log: the court sender's message is not a notice" \
    grep -Eq ': not a notice \(.*\); passed unchanged' <(logsince "$n0")
check "log: the X-NEF header it arrived with is removed" \
    grep -q 'removing 1 X-NEF header the message arrived with' <(logsince "$n0")
check "log: ordinary mail leaves no line" \
    test -z "$(logsince "$n0" | grep -i 'alice@example.org')"

# --- sessions ----------------------------------------------------------------
n0=$(loglines)
mt p-session.lua
check "log: the oversize body passes unchanged" \
    grep -q 'message larger than max_message_bytes (262144); it passes unchanged' <(logsince "$n0")
check "the daemon is alive after the sessions" kill -0 "$NEF_PID"

# --- SIGUSR1 reload ----------------------------------------------------------
# p-reload.lua rewrites the file through these commands and signals the
# daemon itself, between messages of an open connection.
printf '%s\n' '#!/bin/sh' "cp '$CONF' '$W/good.conf'" \
    "echo 'sealed_link_action = hold' >>'$CONF'" "kill -USR1 $NEF_PID" >"$W/to-hold.sh"
printf '%s\n' '#!/bin/sh' "sed -i 's/^sealed_link_action = hold\$/sealed_link_action = sideways/' '$CONF'" \
    "echo 'no_such_setting = 1' >>'$CONF'" "kill -USR1 $NEF_PID" >"$W/to-broken.sh"
chmod 755 "$W/to-hold.sh" "$W/to-broken.sh"
n0=$(loglines)
mt p-reload.lua "TO_HOLD=$W/to-hold.sh" "TO_BROKEN=$W/to-broken.sh" "NEFLOG=$NEFLOG"
check "log: the good file is reloaded" grep -q "configuration reloaded from $CONF" <(logsince "$n0")
check "log: the broken file is refused and the running one kept" \
    grep -q "reload of $CONF failed; the configuration in effect is kept: .*sealed_link_action: expected one of strip hold keep, not .sideways." <(logsince "$n0")
check "log: the refusal names the unknown key too" \
    grep -q "no_such_setting" <(logsince "$n0")
check "log: the held message says why" \
    grep -Eq ': held \(.+; release: .+\): .+' <(logsince "$n0")
check "the daemon is alive after the reloads" kill -0 "$NEF_PID"

# --- (3) quarantine (sealed_link_action = hold is in effect now) -------------
n0=$(loglines)
nb=$(ls "$W/bodies" | wc -l)
mt p-hold.lua
# miltertest sends no macro "v": the MTA is unknown, and both release
# commands are named.
check "log: held, under the queue id the MTA gave, with both release commands" \
    grep -q '^nefmilter: A3000001: held (the MTA.s hold queue or quarantine; release: Postfix: postsuper -H A3000001; Sendmail: sendmail -qQ -Q -qIA3000001): 1 link(s) met a login prompt' <(logsince "$n0")
check_eq "the held message's new body went through the relay" $((nb + 1)) "$(ls "$W/bodies" | wc -l)"
newbody
check_eq "held body: the two public PDFs" "$SHA_MAIN $SHA_ATT1" \
    "$(sed -n 's/^PART .* application\/pdf .*sha256=\([0-9a-f]*\) .*/\1/p' "$W/parts" | tr '\n' ' ' | sed 's/ $//')"

pf_kill "$NEF_PID"
check "the daemon stops on SIGTERM" test ! -d "/proc/$NEF_PID"
check_grep "and says so" "nefmilter stopping" "$NEFLOG"
check_eq "every line of the daemon's log is one line of its own" "" \
    "$(grep -v '^nefmilter: ' "$NEFLOG" | head -n 3)"
if [ "$TAP_FAILED" -gt 0 ]; then
	diag "daemon log (last 30 lines):"
	tail -n 30 "$NEFLOG" | diag "$(cat)"
	grep 'A4000002' "$NEFLOG" | diag "$(cat)"
fi
tap_done
