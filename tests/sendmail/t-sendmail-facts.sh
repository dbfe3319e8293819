#!/usr/bin/env bash
# What tests/lib/sendmail.sh and nefmilter rely on about Sendmail 8.17,
# checked on the private instance with the do-nothing milter
# (tests/tools/floormilter.c):
#  1. it starts at once in its namespaces (no 60 s wait for a host name),
#     writes its pid first in the pid file, delivers to the Maildirs, and
#     the milter sees Sendmail's queue id ({i}) at end of message;
#  2. a quarantined message is an hf file: -bp does not list it, -bp -qQ
#     does with its reason cut short, the hf file's q line has it whole,
#     and "sendmail -qQ -Q -qIQID" releases it for delivery;
#  3. a milter silent longer than the reply timeout (R) at end of message
#     is given up, and with F=T the client gets 451 4.3.2;
#  4. a milter socket under a world- or group-writable directory (/tmp
#     too, sticky bit or not) keeps Sendmail from starting at all;
#  5. with RunAsUser mail, a socket of group postfix, mode 0660, is
#     refused in the same way, and one of group mail is used;
#  6. SIGTERM to the pid stops it, and nothing of it is left;
#  7. milters run in the order of their lines, each seeing the headers the
#     ones before it added (the verifier before nefmilter), and a body a
#     milter makes larger than MaxMessageSize is delivered all the same;
#  8. conf/sendmail.mc.example builds into a .cf, with the X line INSTALL
#     shows.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
MTA=sendmail
. "$TOP/tests/lib/mta.sh"
mta_require
FLOOR=$TOP/$BUILD/tools/floormilter
[ -x "$FLOOR" ] || { not_ok "$FLOOR is missing (make tools)"; tap_done; exit 1; }
R=$(mktemp -d /run/sm-facts.XXXXXX)
chmod 755 "$R"
trap 'sm_teardown; pf_teardown; rm -rf "$R"' EXIT

# floor NAME SOCKETDIR [FLOORMILTER-ARGS...]: the do-nothing milter
floor() {
	local name=$1 dir=$2; shift 2
	mkdir -p "$dir"
	rm -f "$dir/floor.sock"
	pf_spawn "$name" "$FLOOR" -p "unix:$dir/floor.sock" -M 0666 "$@"
	FLOOR_PID=$PF_SPAWN_PID
	wait_for 10 test -S "$dir/floor.sock"
}
# instance: a new Sendmail instance from the SM_* settings
instance() {
	sm_teardown
	SM_OWN_DIR=0
	sm_setup || { not_ok "sm_setup"; tap_done; exit 1; }
}

# --- 1. start, deliver, queue id --------------------------------------------
floor floor1 "$R/one" -m mark
SM_MILTER="unix:$R/one/floor.sock" SM_USERS="alice bob"
instance
T0=$SECONDS
check "1: Sendmail starts" sm_start
check "1: ... at once, with no wait for a host name ($((SECONDS - T0)) s < 5 s)" \
    test $((SECONDS - T0)) -lt 5
check_eq "1: the pid file's first line is the daemon" "$SM_PID" "$(head -n 1 "$SM_DIR/run/sendmail.pid")"
check_grep "1: its log names the version" "sendmail\[$SM_PID\]: starting daemon \(8\.17\." "$SM_MAILLOG"
sm_send_text alice@example.org bob@example.test "fact one" "body one"
check_eq "1: accepted" 0 "$SM_LAST_RC"
Q1=$SM_LAST_QID
check "1: delivered to bob's Maildir" sm_wait_delivered bob 1 10
F=$(sm_maildir_files bob | tail -n 1)
check_grep "1: the milter saw Sendmail's queue id at end of message" "^X-Floor: qid=$Q1 " "$F"
check_grep "1: the body arrives" "^body one" "$F"
check "1: Sendmail logs the delivery" sm_wait_log "sendmail\[[0-9]+\]: $Q1: to=<bob@example\.test>,.* mailer=maildir.* stat=Sent" 5
check "1: ... and that it is done with it" sm_wait_log "sendmail\[[0-9]+\]: $Q1: done;" 5
pf_kill "$FLOOR_PID"

# --- 2. quarantine -------------------------------------------------------------
floor floor2 "$R/two" -m hold
SM_MILTER="unix:$R/two/floor.sock"
instance
sm_start
sm_send_text alice@example.org bob@example.test "fact two" "body two"
Q2=$SM_LAST_QID
check_eq "2: accepted" 0 "$SM_LAST_RC"
check_eq "2: held: an hf file" "$Q2" "$(sm_hold_ids)"
check_nogrep "2: plain -bp does not list it" "$Q2" <(sm_cmd -bp 2>&1)
sm_cmd -bp -qQ >"$R/bpq" 2>&1
check_grep "2: -bp -qQ lists it" "^$Q2 " "$R/bpq"
check_grep "2: ... with its reason" "QUARANTINE: floormilter hold mode" "$R/bpq"
check_eq "2: the hf file's q line has the reason" "floormilter hold mode" "$(sm_hold_reason "$Q2")"
check "2: Sendmail logs the quarantine" sm_wait_log "sendmail\[[0-9]+\]: $Q2: milter=nef, quarantine=floormilter hold mode" 5
check "2: ... and the recipient as quarantined" \
    sm_wait_log "sendmail\[[0-9]+\]: $Q2: to=<bob@example\.test>, .*quarantine=floormilter hold mode, stat=quarantined" 5
check_eq "2: nothing delivered while held" 0 "$(sm_maildir_files bob | wc -l)"
check "2: sendmail -qQ -Q -qIQID releases it" sm_release "$Q2"
check "2: ... and it is delivered" sm_wait_delivered bob 1 10
check "2: the queue is empty" wait_for 5 sm_queue_empty
pf_kill "$FLOOR_PID"

# --- 3. the reply timeout --------------------------------------------------------
floor floor3 "$R/three" -m body -s 3
SM_MILTER="unix:$R/three/floor.sock" SM_MILTER_TIMEOUTS="R:2s"
instance
sm_start
sm_send_text alice@example.org bob@example.test "fact three" "body three"
check_eq "3: a milter 1 s slower than R: the client gets a 4xx (swaks 26)" 26 "$SM_LAST_RC"
check_grep "3: 451 4.3.2" "^<\*\* +451 4\.3\.2 " "$SM_LAST_LOG"
check "3: Sendmail logs the time-out at end of message" \
    sm_wait_log "Milter \(nef\): timeout before data read, where=eom" 5
check_eq "3: nothing queued" "" "$(sm_queue_ids)"
pf_kill "$FLOOR_PID"
SM_MILTER_TIMEOUTS=

# --- 4. world- and group-writable directories ----------------------------------
refused() {	# SOCKET WORD: Sendmail refuses the socket and does not start
	SM_MILTER="unix:$1"
	instance
	if sm_start 2>/dev/null; then return 1; fi
	grep -q "Xnef: local socket name $1 unsafe: $2" "$SM_DIR/log/start.out"
}
TMPD=$(mktemp -d /tmp/sm-facts.XXXXXX)
chmod 755 "$TMPD"
check "4: a socket under /tmp (1777) is refused: Sendmail does not start" \
    refused "$TMPD/nef.sock" "World writable directory"
rmdir "$TMPD"
mkdir -p "$R/gw/s"
chmod 775 "$R/gw"
check "4: a group-writable directory too" refused "$R/gw/s/nef.sock" "Group writable directory"
chmod 755 "$R/gw"

# --- 5. RunAsUser --------------------------------------------------------------
mkdir -p "$R/five"
floor floor5 "$R/five" -m body -M 0660 -G postfix
SM_RUN_AS_USER=mail:mail
check "5: RunAsUser mail, socket of group postfix 0660: refused" \
    refused "$R/five/floor.sock" "Permission denied"
pf_kill "$FLOOR_PID"
floor floor5b "$R/five" -m hold -M 0660 -G mail
SM_MILTER="unix:$R/five/floor.sock"
instance
check "5: a socket of group mail: Sendmail starts" sm_start
sm_send_text alice@example.org bob@example.test "fact five" "body five"
check_eq "5: ... and the milter holds the mail" "$SM_LAST_QID" "$(sm_hold_ids)"
check_eq "5: the queue file belongs to user mail" mail "$(stat -c %U "$SM_DIR/queue/hf$SM_LAST_QID")"
pf_kill "$FLOOR_PID"
SM_RUN_AS_USER=

# --- 6. stop by pid ------------------------------------------------------------
PID=$SM_PID
sm_stop
check "6: SIGTERM stops it" wait_for 5 test ! -d "/proc/$PID"
check_eq "6: nothing is left in its namespace" "" "$(sm_procs)"

# --- 7. two milters, and the size limit -------------------------------------
floor floor7 "$R/seven" -m mark
FIRST=$FLOOR_PID
floor floor7b "$R/seven/b" -m grow -b 300000
SM_MILTER="unix:$R/seven/floor.sock"
SM_MC_EXTRA="INPUT_MAIL_FILTER(\`second', \`S=unix:$R/seven/b/floor.sock, F=T')dnl
define(\`confMAX_MESSAGE_SIZE', \`100000')dnl"
instance
sm_start
sm_send_text alice@example.org bob@example.test "fact seven" "body seven"
check_eq "7: accepted" 0 "$SM_LAST_RC"
check "7: delivered" sm_wait_delivered bob 1 10
check_grep "7: the second milter saw the header the first added (7 headers, not 6)" \
    "floormilter: $SM_LAST_QID: eom .* hdrs=7 .* replaced" "$PF_SPAWN_TMP/floor7b.log"
F=$(sm_maildir_files bob | tail -n 1)
check "7: the body the second milter made (300000 bytes with CRLF) went past MaxMessageSize (100000)" \
    test "$(stat -c %s "$F")" -gt 200000
pf_kill "$FLOOR_PID"
pf_kill "$FIRST"
SM_MC_EXTRA=

# --- 8. the example ----------------------------------------------------------
{
	printf 'OSTYPE(`linux'"'"')dnl\n'
	cat "$TOP/conf/sendmail.mc.example"
	printf 'MAILER(`local'"'"')dnl\nMAILER(`smtp'"'"')dnl\n'
} >"$R/example.mc"
"$SM_ROOT/usr/bin/m4" -D_CF_DIR_="$SM_ROOT/usr/share/sendmail/cf/" \
    "$SM_ROOT/usr/share/sendmail/cf/m4/cf.m4" "$R/example.mc" >"$R/example.cf" 2>"$R/m4.err"
check_eq "8: conf/sendmail.mc.example builds without a word from m4" "" "$(cat "$R/m4.err")"
check_grep "8: its filter line is the one in INSTALL" \
    "^Xnefmilter, S=unix:/run/nefmilter/nefmilter.sock, F=T, T=C:30s;S:30s;R:30s;E:5m\$" "$R/example.cf"
check_grep "8: ... and it is in use" "^O InputMailFilters=nefmilter\$" "$R/example.cf"
tap_done
