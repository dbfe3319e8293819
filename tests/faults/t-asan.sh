#!/usr/bin/env bash
# The daemon built with ASan+UBSan (build-san/nefmilter, which "make
# check" builds) through the real Postfix: a notice with attachments and
# a login document, the same notice again from the store, a restricted
# entry with a recipient removed, a court error, a message from the court
# that is not a notice, malformed messages, and a reload; then SIGTERM.
# Any AddressSanitizer, LeakSanitizer or UndefinedBehaviorSanitizer
# report fails the test.
#
# The daemon is started as user postfix (setpriv) rather than dropping
# root itself: a process that changed its uid is not dumpable, and
# LeakSanitizer then cannot inspect its own threads at exit.
#   SAN_BUILD   the sanitizer build directory   [build-san]
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/faults/common.sh"
SANBIN=$TOP/${SAN_BUILD:-build-san}/nefmilter
fx_require
if [ ! -x "$SANBIN" ]; then
	skip "$SANBIN is missing (make check builds it: make BUILD=build-san CC=clang SAN=1 OPT='-O1 -g' all)"
	tap_done; exit 0
fi

fx_scenario "$FX/court.json" "$(fx_case_routes 16)" "$(fx_case_routes 17)" \
    "$(fx_case_routes 13 '{"status": 500, "html": "<html><body>Internal Server Error</body></html>"}')"
fx_court "$FX/court.json"
fx_mta
SAN=$FX/san
mkdir -p "$SAN" "$STATE"
chown postfix:postfix "$SAN" "$STATE" "$FX/run"
fx_conf "restricted_scope = address"
export ASAN_OPTIONS="log_path=$SAN/asan:detect_leaks=1:abort_on_error=0:handle_abort=1"
export UBSAN_OPTIONS="log_path=$SAN/ubsan:print_stacktrace=1:halt_on_error=1"
fx_milter setpriv --reuid=postfix --regid=postfix --init-groups "$SANBIN"
SAN_PID=$NEF_PID
unset ASAN_OPTIONS UBSAN_OPTIONS

# send NAME FROM TO FILE [USER...]: each USER gets exactly one copy
send() {
	local name=$1 from=$2 to=$3 file=$4 u
	shift 4
	fx_mark
	fx_send "$from" "$to" "$file"
	check_eq "$name: accepted" 0 "$PF_LAST_RC"
	QID=$PF_LAST_QID
	for u in "$@"; do fx_once "$name" "$u"; done
	fx_qlog "$QID"
	fx_parts "$FX_LAST"
}

fx_notice n16 district.eml
send "notice with attachments" ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/n16.eml" docketing
check_grep "notice: two PDFs attached, one login" "HDR X-NEF: .*pdf=2; login=1; .*action=attached" "$FX/parts"
send "the same notice, from the store" ecf-noreply@cand.uscourts.gov "aokafor@$LAW" "$FX/n16.eml" aokafor
check_grep "second copy: from the store" "$QID: document cand/035020918716#0 pdf from-store attached" "$FX/qlog"

fx_notice n17 district.eml "$(fx_link_sed 17)" 's/MOTION to Compel Production/SEALED MOTION to Compel Production/'
send "restricted entry" ecf-noreply@cand.uscourts.gov "docketing@$LAW,bob@$LAW" "$FX/n17.eml" docketing
check_grep "restricted: X-NEF restricted=yes" "HDR X-NEF: .*restricted=yes; " "$FX/parts"
check_grep "restricted: the unlisted recipient is removed, and the log says why" \
    "$QID: recipient <bob@$LAW> removed: " "$FX/qlog"
check_eq "restricted: bob got nothing" "${FX_MARK[bob]}" "$(fx_count bob)"

fx_notice n13 district.eml "$(fx_link_sed 13)"
send "court error" ecf-noreply@cand.uscourts.gov "carol@$LAW" "$FX/n13.eml" carol
check_grep "court error: marked" "HDR X-NEF: .*error=1; .*action=summary" "$FX/parts"

fx_notice nn not_a_notice.eml
send "not a notice" ecf-noreply@cand.uscourts.gov "dave@$LAW" "$FX/nn.eml" dave
check_grep "not a notice: the log says so" "$QID: not a notice \(" "$FX/qlog"

fx_notice bm broken_mime.eml
send "broken MIME" ecf-noreply@cand.uscourts.gov "dave@$LAW" "$FX/bm.eml" dave
check_grep "broken MIME: a line for it" "nefmilter\[[0-9]+\]: ((error|warning): )?$QID: " "$FX/qlog"
/usr/bin/python3 - "$FX/n16.eml" "$FX/deep.eml" <<'EOF'
import sys
raw = open(sys.argv[1], "rb").read()
head, _, body = raw.partition(b"\n\n")
hs = [h for h in head.split(b"\n") if not h.lower().startswith(b"content-type")]
parts = b"".join(b'--b%d\nContent-Type: multipart/mixed; boundary="b%d"\n\n' % (i - 1, i)
                 for i in range(1, 150))
parts += b"--b149\nContent-Type: text/html\n\n" + body + b"\n"
open(sys.argv[2], "wb").write(b"\n".join(hs) + b'\nContent-Type: multipart/mixed; boundary="b0"\n\n' + parts)
EOF
send "nested multipart bomb" ecf-noreply@cand.uscourts.gov "dave@$LAW" "$FX/deep.eml" dave
check_grep "bomb: refused as bad MIME, passed unchanged" "$QID: not a notice \(bad-mime" "$FX/qlog"

R0=$(grep -c 'configuration reloaded from' "$LOG")
kill -USR1 "$SAN_PID"
check "a reload" wait_for 10 fx_lines_ge 'configuration reloaded from' $((R0 + 1)) "$LOG"
send "a notice after the reload" ecf-noreply@cand.uscourts.gov "bob@$LAW" "$FX/n16.eml" bob
check_grep "after the reload: processed" "HDR X-NEF: .*pdf=2; .*action=attached" "$FX/parts"

check "the sanitized milter is still running" fx_alive
kill -TERM "$SAN_PID"
if wait_for 20 eval '! kill -0 "$SAN_PID" 2>/dev/null || [ "$(awk "{print \$3}" /proc/$SAN_PID/stat 2>/dev/null)" = Z ]'; then
	wait "$SAN_PID"
	RC=$?
	ok "SIGTERM stops it"
	check_eq "it exits with status 0" 0 "$RC"
else
	not_ok "SIGTERM stops it"
	kill -KILL "$SAN_PID"
fi
NEF_PID=
check_grep "it says it stops" "nefmilter stopping" "$LOG"
reports=$(cat "$SAN"/* "$PF_DIR/log/nefmilter.log" 2>/dev/null |
    grep -E 'ERROR: (AddressSanitizer|LeakSanitizer)|Sanitizer has encountered|runtime error:|SUMMARY: (Address|Leak|UndefinedBehavior)Sanitizer')
if [ -z "$reports" ]; then
	ok "no sanitizer report"
else
	not_ok "no sanitizer report"
	cat "$SAN"/* "$PF_DIR/log/nefmilter.log" 2>/dev/null | head -60 | diag "$(cat)"
fi
check "nothing left in the queue" fx_settle 5
tap_done
