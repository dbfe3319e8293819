#!/usr/bin/env bash
# Self-test of the real-Postfix harness (tests/lib/postfix.sh): a private
# Postfix with floormilter, mail sent with swaks.
#  1. floormilter "mark": the message reaches the right Maildirs with the
#     body byte for byte, the milter saw it (X-Floor header with Postfix's
#     queue id), and the maillog has the queue id lines.
#  2. pf_reload onto floormilter "hold": the message waits in the hold
#     queue (pf_hold_ids, pf_postcat) and pf_release delivers it.
#  3. milter down with milter_default_action = tempfail: swaks gets 451
#     at MAIL FROM and nothing is queued or delivered.
#  4. pf_teardown leaves no process and no directory behind.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/postfix.sh"
FLOOR=$TOP/$BUILD/tools/floormilter
EML=$TOP/tests/data/harness-plain.eml

# gone PID: the process has exited (it may stay a zombie until reaped)
gone() { [ ! -d "/proc/$1" ] || [ "$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null)" = Z ]; }

if [ "$(id -u)" -ne 0 ] || ! command -v postfix >/dev/null || ! command -v swaks >/dev/null; then
	skip "needs root, postfix and swaks (make deps)"; tap_done; exit
fi
if [ ! -x "$FLOOR" ]; then not_ok "$FLOOR is missing (make tools)"; tap_done; exit; fi

trap pf_teardown EXIT
PF_DEFAULT_ACTION=tempfail
pf_use_inet_milter
MARK_SOCK=$PF_MILTER_SOCK MARK_PORT=$PF_MILTER_PORT
check "pf_setup writes a private instance" pf_setup
pf_spawn floor-mark "$FLOOR" -m mark -p "$MARK_SOCK"
MARK_PID=$PF_SPAWN_PID
check "floormilter (mark) listens" pf_wait_milter 10
check "pf_start: smtpd listens on 127.0.0.1:$PF_SMTP_PORT" pf_start
MASTER_PID=$(pf_master_pid)
check "maillog: the master runs with this instance's configuration" \
    pf_wait_log "master\[$MASTER_PID\]: daemon started -- version [0-9.]+, configuration $PF_CONF\$" 5

# --- 1. delivery through the milter -------------------------------------
pf_send alice@example.test bob@example.test,carol@example.test "$EML"
check_eq "swaks: message accepted" 0 "$PF_LAST_RC"
QID=$PF_LAST_QID
check "swaks reported a queue id ($QID)" test -n "$QID"
check "delivered to bob" pf_wait_delivered bob 1 10
check "delivered to carol" pf_wait_delivered carol 1 10
sleep 0.3
check_eq "nothing for dave" 0 "$(pf_maildir_files dave | wc -l)"
BOB=$(pf_maildir_files bob | head -n 1)
if cmp -s <(pf_body "$BOB") <(pf_body "$EML"); then ok "bob's copy: body byte for byte"
else not_ok "bob's copy: body byte for byte"; diff <(pf_body "$EML") <(pf_body "$BOB") | head -10 | diag "$(cat)"; fi
check "carol's copy: same body" cmp -s <(pf_body "$(pf_maildir_files carol | head -n 1)") <(pf_body "$EML")
body_crlf=$(( $(pf_body "$EML" | wc -c) + $(pf_body "$EML" | wc -l) ))
# header values as Postfix passes them (no SMFIP_HDR_LEADSPC): after ": "
hval=$(sed '/^$/q' "$EML" | sed -n 's/^[^:]*: //p' | awk '{n += length($0)} END {print n}')
check_grep "the milter saw the message under Postfix's queue id, body as CRLF" \
    "^X-Floor: qid=$QID hdrs=7 hval=$hval body=$body_crlf\$" "$BOB"
check_grep "headers kept (Subject)" '^Subject: harness self-test: plain message$' "$BOB"
check_grep "Return-Path is the envelope sender" '^Return-Path: <alice@example.test>$' "$BOB"
check_grep "Delivered-To is bob" '^Delivered-To: bob@example.test$' "$BOB"
LOG=$(pf_maillog)
check "maillog: delivery lines are written (polled)" \
    pf_wait_log "$QID: removed" 10
check_grep "maillog: smtpd client line" "smtpd\[[0-9]+\]: $QID: client=unknown\[127\.0\.0\.1\]" "$LOG"
check_grep "maillog: cleanup message-id" "cleanup\[[0-9]+\]: $QID: message-id=<harness-plain-1@example\.test>" "$LOG"
check_grep "maillog: qmgr from/nrcpt" "qmgr\[[0-9]+\]: $QID: from=<alice@example\.test>, size=[0-9]+, nrcpt=2" "$LOG"
check_grep "maillog: bob sent to maildir" "virtual\[[0-9]+\]: $QID: to=<bob@example\.test>, .*status=sent \(delivered to maildir\)" "$LOG"
check_grep "maillog: carol sent to maildir" "virtual\[[0-9]+\]: $QID: to=<carol@example\.test>, .*status=sent" "$LOG"
check_grep "floormilter's own log names the queue id" "^floormilter: $QID: eom from=<alice@example.test> rcpts=2" \
    "$PF_DIR/log/floor-mark.log"
check "queue is empty" pf_queue_empty

# --- 2. reload onto a milter that holds ---------------------------------
pf_use_inet_milter
pf_spawn floor-hold "$FLOOR" -m hold -p "$PF_MILTER_SOCK"
HOLD_PID=$PF_SPAWN_PID
check "floormilter (hold) listens" pf_wait_milter 10
pf_write_main >"$PF_CONF/main.cf"
check "pf_reload" pf_reload
pf_send_text alice@example.test dave@example.test "hold me" "held body"
check_eq "held message accepted by swaks" 0 "$PF_LAST_RC"
HQID=$PF_LAST_QID
check "maillog: milter-hold line" pf_wait_log "$HQID: milter-hold: END-OF-MESSAGE" 10
check_eq "pf_hold_ids lists it" "$HQID" "$(pf_hold_ids)"
check "pf_postcat shows the milter's header" grep -q "^X-Floor: qid=$HQID " <(pf_postcat "$HQID")
sleep 0.3
check_eq "nothing delivered while held" 0 "$(pf_maildir_files dave | wc -l)"
check "pf_release" pf_release "$HQID"
check "released message delivered to dave" pf_wait_delivered dave 1 10
check "queue empty again" wait_for 5 pf_queue_empty

# --- 3. milter down: tempfail --------------------------------------------
pf_kill "$HOLD_PID"
check "the hold milter is gone" gone "$HOLD_PID"
n_before=$(find "$PF_DIR/mail" -type f | wc -l)
pf_send_text alice@example.test bob@example.test "milter down" "should not arrive"
check_eq "swaks exit 23 (error after MAIL FROM)" 23 "$PF_LAST_RC"
check_grep "the client sees 451 4.7.1" '^<\*\* +451 4\.7\.1 ' "$PF_LAST_LOG"
check "maillog: milter-reject at MAIL with 451" \
    pf_wait_log "NOQUEUE: milter-reject: MAIL from unknown\[127\.0\.0\.1\]: 451 4\.7\.1 .*from=<alice@example\.test>" 5
check_grep "maillog: smtpd could not reach the milter" \
    "warning: connect to Milter service $PF_MILTER: Connection refused" "$LOG"
sleep 0.5
check_eq "nothing delivered" "$n_before" "$(find "$PF_DIR/mail" -type f | wc -l)"
check "nothing queued" pf_queue_empty

# --- 4. teardown ----------------------------------------------------------
DIR=$PF_DIR
pf_teardown
trap - EXIT
check "master process gone" gone "$MASTER_PID"
check "floormilter (mark) gone" gone "$MARK_PID"
check_eq "no process of the instance left" "" "$(pf_procs | tr '\n' ' ')"
check "instance directory removed" test ! -e "$DIR"
check "smtpd port closed" test -z "$(ss -Hltn "sport = :$PF_SMTP_PORT")"
check "milter port closed" test -z "$(ss -Hltn "sport = :$MARK_PORT")"
tap_done
