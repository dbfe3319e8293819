#!/usr/bin/env bash
# Self-test of the miltertest library (tests/lib/milter.lua) and of
# mt_run (tests/lib/miltertest.sh) against floormilter: filters in "mark"
# mode (with and without SMFIP_HDR_LEADSPC) and in "mailfrom" mode.  A second script whose checks
# are all wrong on purpose shows that failures and errors are reported.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/postfix.sh"
. "$TOP/tests/lib/miltertest.sh"
FLOOR=$TOP/$BUILD/tools/floormilter

if ! mt_available; then skip "miltertest is not installed (make deps)"; tap_done; exit; fi
if [ ! -x "$FLOOR" ]; then not_ok "$FLOOR is missing (make tools)"; tap_done; exit; fi

trap pf_teardown EXIT
P1=$(pf_free_port) P2=$(pf_free_port) P3=$(pf_free_port)
pf_spawn floor-mark "$FLOOR" -m mark -p "inet:$P1@127.0.0.1"
pf_spawn floor-mailfrom "$FLOOR" -m mailfrom -p "inet:$P2@127.0.0.1"
pf_spawn floor-leadspc "$FLOOR" -m mark -L -p "inet:$P3@127.0.0.1"
check "floormilter (mark) listens" pf_wait_listen "$P1" 10
check "floormilter (mailfrom) listens" pf_wait_listen "$P2" 10
check "floormilter (mark, leading blank) listens" pf_wait_listen "$P3" 10

mt_run "$TOP/tests/milter/lib-selftest.lua" "inet:$P1@127.0.0.1" \
    "SOCK_MAILFROM=inet:$P2@127.0.0.1" "SOCK_LEADSPC=inet:$P3@127.0.0.1"
check_eq "lib-selftest.lua: miltertest exit status" 0 "$?"

# The negative script: run it in a subshell with its own TAP counters and
# check what it reported.
out=$(TAP_N=0 TAP_FAILED=0; mt_run "$TOP/tests/milter/lib-selftest-fail.lua" \
    "inet:$P1@127.0.0.1"; echo "rc=$?")
check "a wrong reply is a failed check" grep -q '^not ok [0-9]* - SELFTEST-WRONG-REPLY$' <<<"$out"
check "a wrong eom_check is a failed check" grep -q '^not ok [0-9]* - SELFTEST-WRONG-HEADER$' <<<"$out"
check "an error inside lib.run is a failed check with its message" \
    grep -q '^not ok [0-9]* - expected failures: raised an error' <<<"$out"
check "the error message is printed" grep -q '^# .*SELFTEST-RAISED' <<<"$out"
check "checks after the error still run" grep -q '^ok [0-9]* - SELFTEST-PASSING$' <<<"$out"
check "the script prints the totals" grep -q '^# 1 passed, 3 failed$' <<<"$out"
check "miltertest exits non-zero" grep -q '^rc=1$' <<<"$out"
if [ "$TAP_FAILED" -gt 0 ]; then diag "negative run output:" "$out"; fi

tap_done
