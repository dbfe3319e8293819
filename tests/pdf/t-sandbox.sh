#!/usr/bin/env bash
# The helper's sandbox, tried from inside: once the limits and the
# seccomp filter are up, opening and creating files fail, a socket or a
# fork kills the process (SIGSYS), memory past the limit is refused, and
# the CPU limit ends a runaway check as "timeout" with what it says.
set -u
. "$(dirname "$0")/common.sh"
pdf_require
D=$(pdf_cases) || { not_ok "cases"; tap_done; exit 1; }
PDF=$D/brief-clean.pdf

out=$("$NEFPDF" --selftest-sandbox open "$PDF")
check_eq "open(2) of an existing file fails" "open: Operation not permitted" "$out"
rm -f /tmp/nefpdf-selftest
out=$("$NEFPDF" --selftest-sandbox create "$PDF")
check_eq "creating a file fails" "create: Operation not permitted" "$out"
check "and no file was made" test ! -e /tmp/nefpdf-selftest
"$NEFPDF" --selftest-sandbox socket "$PDF" >/dev/null 2>&1
check_eq "socket(2) kills the helper (SIGSYS)" 159 $?
"$NEFPDF" --selftest-sandbox fork "$PDF" >/dev/null 2>&1
check_eq "fork kills the helper (SIGSYS)" 159 $?
if "$NEFPDF" --selftest-sandbox memory --memory 1G "$PDF" | grep -q refused; then
	ok "4 GB of memory are refused under --memory 1G"
elif strings "$NEFPDF" | grep -q __asan_init; then
	skip "a sanitizer build has no address-space limit"
else
	not_ok "4 GB of memory are refused under --memory 1G"
fi
# the core file limit and the dumpable flag, seen by the kernel
"$NEFPDF" --timeout 3 "$D/hostile-slow.pdf" >/dev/null &
pid=$!
wait_for 5 test -r "/proc/$pid/limits"
sleep 0.3
lim=$(cat "/proc/$pid/limits" 2>/dev/null)
wait "$pid"
check_grep "the core file limit is 0" "^Max core file size +0 +0 " <(echo "$lim")
check_grep "the CPU limit is set" "^Max cpu time +30 +32 " <(echo "$lim")
check_grep "the address space is limited" "^Max address space +(805306368|unlimited) " <(echo "$lim")

t0=$SECONDS
out=$("$NEFPDF" --cpu 1 --timeout 0 "$D/hostile-slow.pdf")
rc=$?
check_eq "a runaway check exits 1" 1 "$rc"
check_grep "the CPU limit ends it as a timeout, and says so" \
    '"status":"timeout","detail":"the CPU limit \(1 s\) was reached after 0 of 1 pages"' <(echo "$out")
check "within seconds" test $((SECONDS - t0)) -le 5
out=$("$NEFPDF" --timeout 1 "$D/hostile-slow.pdf")
check_grep "the wall-clock timer ends it too" \
    '"status":"timeout","detail":"no result within the time allowed after 0 of 1 pages"' <(echo "$out")
out=$("$NEFPDF" --max-bytes 1000 "$PDF")
check_grep "a document over --max-bytes is too-large, unread" \
    '"status":"too-large","detail":"[0-9]+ bytes \(the limit is 1000\)"' <(echo "$out")
out=$(cat "$PDF" | "$NEFPDF" --max-bytes 1000)
check_grep "so is one on a pipe" '"status":"too-large","detail":"more than 1000 bytes"' <(echo "$out")
out=$(cat "$PDF" | "$NEFPDF")
check_grep "a document on a pipe is checked" '"status":"checked","pages":6,' <(echo "$out")
out=$("$NEFPDF" --fd 5 5<"$PDF")
check_grep "a document on another descriptor is checked" '"status":"checked","pages":6,' <(echo "$out")
"$NEFPDF" --bogus >/dev/null 2>&1
check_eq "a bad option exits 2" 2 $?
tap_done
