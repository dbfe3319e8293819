#!/usr/bin/env bash
# Lines sent to log_socket, received by a real datagram receiver
# (tests/lib/syslogd.py, which keeps every datagram as it came):
#  1. log_socket_format = syslog: "<PRI>" with facility mail and the
#     line's severity (err 19, warning 20, notice 21, info 22), an RFC 3164
#     header (day of the month padded with a blank, the host, the tag with
#     the pid), then the text; the receiver files it as mail.log would;
#  2. postlog (the default): the whole log line, no "<PRI>";
#  3. the daemon itself logs in the syslog form (its stop line too is
#     checked, through a syslog receiver, by the Sendmail suites'
#     e2e_finish);
#  4. nefmilter -n shows the setting, and refuses a value it does not know.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/postfix.sh"
NEF=$TOP/$BUILD/nefmilter
LOGSEND=$TOP/$BUILD/tools/logsend
for b in "$NEF" "$LOGSEND"; do
	[ -x "$b" ] || { not_ok "$b is missing (make all tools)"; tap_done; exit 1; }
done
W=$(mktemp -d "${TMPDIR:-/tmp}/logsocket.XXXXXX")
chmod 755 "$W"
trap 'pf_teardown; rm -rf "$W"' EXIT

pf_spawn syslogd /usr/bin/python3 "$TOP/tests/lib/syslogd.py" --socket "$W/log.sock" \
    --log "$W/maillog" --raw "$W/raw" --host other --ready "$W/ready"
check "the receiver is ready" wait_for 10 test -e "$W/ready"
STAMP='[A-Z][a-z]{2} [ 1-3][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2}'
lines() { wc -l <"$W/raw" 2>/dev/null || echo 0; }

# --- 1. the syslog form, one line per severity ---------------------------------
n=$(lines)
for l in err warn notice info; do
	"$LOGSEND" -F syslog -L "$l" "$W/log.sock" nefmilter QID1 "line at $l"
done
wait_for 5 test "$(lines)" -ge $((n + 4))
check_grep "syslog: an error is <19> (mail.err), with the RFC 3164 header" \
    "^<19>$STAMP $(hostname | cut -d. -f1) nefmilter\[[0-9]+\]: error: QID1: line at err\$" "$W/raw"
check_grep "syslog: a warning is <20>" "^<20>$STAMP [^ ]+ nefmilter\[[0-9]+\]: warning: QID1: line at warn\$" "$W/raw"
check_grep "syslog: a notice is <21>" "^<21>$STAMP [^ ]+ nefmilter\[[0-9]+\]: QID1: line at notice\$" "$W/raw"
check_grep "syslog: info is <22>" "^<22>$STAMP [^ ]+ nefmilter\[[0-9]+\]: QID1: line at info\$" "$W/raw"
check_eq "syslog: the day of the month is padded with a blank, not a zero" "" \
    "$(grep -E '^<[0-9]+>[A-Z][a-z]{2} 0' "$W/raw")"
check_grep "syslog: the receiver files it with the sender's host" \
    "^$STAMP $(hostname | cut -d. -f1) nefmilter\[[0-9]+\]: QID1: line at info\$" "$W/maillog"

# --- 2. the postlog form ----------------------------------------------------------
"$LOGSEND" -L warn "$W/log.sock" nefmilter QID2 "postlog line"
wait_for 5 grep -q "QID2" "$W/raw"
check_grep "postlog: a whole log line, no <PRI>" \
    "^[A-Z][a-z]{2} [0-3][0-9] [0-9:]{8} [^ ]+ nefmilter\[[0-9]+\]: warning: QID2: postlog line\$" "$W/raw"

# --- 3. the daemon -------------------------------------------------------------------
cat >"$W/n.conf" <<EOF
state_dir = $W/state
user = nobody
pid_file =
socket = inet:$(pf_free_port)@127.0.0.1
log_socket = $W/log.sock
log_socket_format = syslog
log_hostname = mx.harness.test
EOF
pf_spawn nefmilter "$NEF" -f -c "$W/n.conf"
PID=$PF_SPAWN_PID
check "daemon: its start line comes as mail.notice (<21>) from host mx" \
    wait_for 10 grep -Eq "^<21>$STAMP mx nefmilter\[$PID\]: nefmilter .* starting on inet:" "$W/raw"
check_eq "daemon: nothing on standard error" "" "$(cat "$PF_SPAWN_TMP/nefmilter.log")"
PF_TERM_WAIT=0 pf_kill "$PID"

# --- 4. nefmilter -n ---------------------------------------------------------------
check_grep "-n shows log_socket_format" "^log_socket_format = syslog\$" <("$NEF" -n -c "$W/n.conf" 2>/dev/null)
sed -i 's/^log_socket_format = syslog/log_socket_format = rfc5424/' "$W/n.conf"
"$NEF" -n -c "$W/n.conf" >/dev/null 2>"$W/err"
check_eq "-n refuses an unknown format (exit 1)" 1 $?
check_grep "... and names the two it knows" "log_socket_format: expected one of postlog syslog, not \"rfc5424\"" "$W/err"
tap_done
