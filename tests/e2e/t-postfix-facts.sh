#!/usr/bin/env bash
# Facts about Postfix 3.7 that nefmilter relies on, checked on a private
# instance (tests/lib/postfix.sh) with floormilter.  If a Postfix upgrade
# changes one of them, this suite says which.
#
#  A. postlogd (maillog_file) writes each datagram received on
#     public/postlog verbatim, plus a newline: it parses no "<PRI>", adds no
#     timestamp or host, cuts a datagram at 4096 bytes, and keeps embedded
#     newlines.  public/ is postfix:postdrop 0710, so a sender that is not
#     root needs group postdrop.  The log module's socket sink
#     (milter/log.c, driven by tests/tools/logsend) lands its line there.
#  B. message_size_limit also applies to a body a milter replaces at end of
#     message: when the rewritten queue file would exceed the limit, cleanup
#     logs "queue file size limit exceeded", smtpd answers the client
#     "552 5.3.4 Error: message file too big" after the final dot, and the
#     message is not queued; the milter is not told.  The limit counts the
#     new content only (the replaced body does not add to it).
#  C. unix: milter socket: smtpd (user postfix, group postfix) needs write
#     permission on the socket and search permission on its directory.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/postfix.sh"
FLOOR=$TOP/$BUILD/tools/floormilter
LOGSEND=$TOP/$BUILD/tools/logsend

if [ "$(id -u)" -ne 0 ] || ! command -v postfix >/dev/null || ! command -v swaks >/dev/null; then
	skip "needs root, postfix and swaks (make deps)"; tap_done; exit
fi
for b in "$FLOOR" "$LOGSEND"; do
	[ -x "$b" ] || { not_ok "$b is missing (make tools)"; tap_done; exit; }
done

trap pf_teardown EXIT
LIMIT=100000
GROW_PORT=$(pf_free_port)	# floormilter "grow", inet
UNIX_SMTP=$(pf_free_port)	# a second smtpd whose milter is a unix socket
PF_DEFAULT_ACTION=tempfail
PF_MILTER="inet:127.0.0.1:$GROW_PORT"
PF_MAIN_EXTRA="message_size_limit = $LIMIT"
pf_setup || { not_ok "pf_setup"; tap_done; exit; }
RUN=$PF_DIR/run
mkdir -p "$RUN" && chmod 755 "$RUN"
USOCK=$RUN/floor.sock
PF_MASTER_EXTRA="127.0.0.1:$UNIX_SMTP inet n - n - - smtpd -o smtpd_milters=unix:$USOCK"
pf_write_master >"$PF_CONF/master.cf"
check "Postfix starts" pf_start
LOG=$(pf_maillog)
POSTLOG=$PF_DIR/spool/public/postlog

# --- A. postlog ------------------------------------------------------------
dgram() {	# TEXT [setpriv args...]: send one datagram to public/postlog
	local text=$1; shift
	"$@" /usr/bin/python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.sendto(sys.argv[2].encode(), sys.argv[1])' "$POSTLOG" "$text" 2>/dev/null
}
check_eq "postlog socket: postfix:postdrop 0710 directory" "710 postfix:postdrop" \
    "$(stat -c '%a %U:%G' "$PF_DIR/spool/public")"
dgram '<22>Nov 28 17:54:33 nefmilter[123]: FACTA1: bsd syslog form'
dgram 'Nov 28 17:54:33 mx nefmilter[123]: FACTA2: postfix form'
dgram "FACTA3: $(printf 'y%.0s' $(seq 1 4990))"
dgram $'FACTA4: first\nFACTA4-second'
check "datagrams reach the maillog" pf_wait_log 'FACTA4-second' 5
check_grep "a <PRI> prefix is written as is (not parsed)" \
    '^<22>Nov 28 17:54:33 nefmilter\[123\]: FACTA1: bsd syslog form$' "$LOG"
check_grep "a line in Postfix's own form is written as is" \
    '^Nov 28 17:54:33 mx nefmilter\[123\]: FACTA2: postfix form$' "$LOG"
check_eq "a 5000-byte datagram is cut at 4096 bytes" 4096 \
    "$(grep '^FACTA3: ' "$LOG" | awk '{print length($0)}')"
check_grep "an embedded newline is kept (lines must be cleaned first)" '^FACTA4-second$' "$LOG"
check_grep "Postfix's own lines: 'Mmm dd hh:mm:ss HOST PROG[PID]: '" \
    '^[A-Z][a-z]{2} [ 0-9][0-9] [0-9]{2}:[0-9]{2}:[0-9]{2} mx postfix/master\[[0-9]+\]: ' "$LOG"
PD=$(getent group postdrop | cut -d: -f3)
if dgram "FACTA5: uid 65534 without postdrop" setpriv --reuid=65534 --regid=65534 --clear-groups; then
	not_ok "a sender outside group postdrop is refused"
else
	ok "a sender outside group postdrop is refused"
fi
check "a sender with group postdrop gets through" \
    dgram "FACTA6: uid 65534 with postdrop" setpriv --reuid=65534 --regid=65534 --groups="$PD"
check "its line lands" pf_wait_log '^FACTA6: uid 65534 with postdrop$' 5
"$LOGSEND" "$POSTLOG" nefmilter FACTQID7 "audit line from log.c"
check "the log module's socket sink lands in the maillog" \
    pf_wait_log 'FACTQID7: audit line from log\.c' 5
diag "log.c line as written: $(grep -m1 'FACTQID7' "$LOG")"

# --- B. message_size_limit after a milter grows the body --------------------
grow() {	# BYTES: (re)start floormilter "grow" on GROW_PORT
	[ -n "${GROW_PID:-}" ] && pf_kill "$GROW_PID"
	pf_spawn "floor-grow-$1" "$FLOOR" -m grow -b "$1" -p "inet:$GROW_PORT@127.0.0.1"
	GROW_PID=$PF_SPAWN_PID
	pf_wait_listen "$GROW_PORT" 10
}
body_file() {	# BYTES FILE: a message whose body has about BYTES bytes
	{
		printf 'From: alice@example.test\nTo: bob@example.test\nSubject: size\n\n'
		awk -v n="$1" 'BEGIN {for (i = 0; i < n / 75; i++) printf "%074d\n", i}'
	} >"$2"
}
check "floormilter grows bodies to 150000 bytes" grow 150000
pf_send_text alice@example.test bob@example.test "small" "a small body"
check_eq "swaks fails after the final dot (exit 26)" 26 "$PF_LAST_RC"
check_grep "the client gets 552 5.3.4 message file too big" \
    '^<\*\* +552 5\.3\.4 Error: message file too big' "$PF_LAST_LOG"
check "cleanup logs 'queue file size limit exceeded'" \
    pf_wait_log 'cleanup\[[0-9]+\]: warning: [0-9A-F]+: queue file size limit exceeded' 5
check_grep "the milter replaced the body and was not told" ' replaced$' \
    "$PF_DIR/log/floor-grow-150000.log"
check "nothing queued" pf_queue_empty
check_eq "nothing delivered" 0 "$(pf_maildir_files bob | wc -l)"

check "floormilter grows bodies to 50000 bytes" grow 50000
body_file 60000 "$PF_DIR/b60k.eml"
pf_send alice@example.test bob@example.test "$PF_DIR/b60k.eml"
check_eq "60000 -> 50000 bytes (sum above the limit) is accepted" 0 "$PF_LAST_RC"
check "and delivered" pf_wait_delivered bob 1 10
check "grown to just under the limit (97000 bytes)" grow 97000
pf_send_text alice@example.test bob@example.test "small" "a small body"
check_eq "a body grown to 97000 of $LIMIT bytes is accepted" 0 "$PF_LAST_RC"
pf_kill "$GROW_PID"; GROW_PID=

# --- C. unix socket permissions ---------------------------------------------
try_unix() {	# DESCRIPTION EXPECTED-RC FLOORMILTER-OPTIONS...
	local d=$1 want=$2; shift 2
	rm -f "$USOCK"
	pf_spawn floor-unix "$FLOOR" -m mark -p "unix:$USOCK" "$@"
	local pid=$PF_SPAWN_PID
	if ! wait_for 5 test -S "$USOCK"; then
		not_ok "$d: floormilter did not create $USOCK"; pf_kill "$pid"; return
	fi
	local mode
	mode=$(stat -c '%a %U:%G' "$USOCK")
	PF_SMTP_PORT=$UNIX_SMTP pf_send_text alice@example.test carol@example.test "unix $d" "body"
	check_eq "$d (socket $mode): swaks exit" "$want" "$PF_LAST_RC"
	pf_kill "$pid"
}
try_unix "root's umask 022" 23
check_grep "... smtpd logs Permission denied" \
    "warning: connect to Milter service unix:$USOCK: Permission denied" "$LOG"
try_unix "mode 0660, group root" 23 -M 0660
try_unix "mode 0660, group postfix" 0 -M 0660 -G postfix
try_unix "umask 0" 0 -u 0
chmod 700 "$RUN"
try_unix "umask 0 in a 0700 directory" 23 -u 0
chmod 755 "$RUN"
check "the accepted ones are delivered" pf_wait_delivered carol 2 10

tap_done
