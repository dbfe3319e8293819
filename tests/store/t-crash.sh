#!/usr/bin/env bash
# A writer killed with SIGKILL in the middle of a transaction, and a
# reader killed while it holds a reader slot: after a reopen nothing
# committed is lost, nothing half-written shows, "nefctl check" is clean,
# the stale reader slot is cleared, and writers go on.
. "$(dirname "$0")/common.sh"
store_workdir t-crash
PIDS=""
trap 'for p in $PIDS; do kill -9 $p 2>/dev/null; done; rm -rf "$W"' EXIT
"$ST" "$S" init >/dev/null 2>&1 || { not_ok "init"; tap_done; exit 1; }

# A long-lived process keeps the environment open, as the daemon does:
# without one, the next opener would rebuild LMDB's lock table anyway.
"$ST" "$S" idle 120 >"$W/idle" 2>&1 &
kp=$!; PIDS="$PIDS $kp"
wait_for 10 grep -q open "$W/idle"
ncommitted() { grep -c '^committed' "$1"; }
at_least() { [ "$(ncommitted "$1")" -ge "$2" ]; }

committed=0
for round in 1 2 3; do
	start=$((round * 100000))
	"$ST" "$S" writer 50000 $start >"$W/w$round" 2>"$W/w$round.err" &
	wp=$!; PIDS="$PIDS $wp"
	wait_for 20 at_least "$W/w$round" 40
	kill -9 "$wp"; wait "$wp" 2>/dev/null
	n=$(ncommitted "$W/w$round")
	last=$(grep '^committed' "$W/w$round" | tail -1 | cut -d' ' -f2)
	check "round $round: the writer committed before it was killed" test "$n" -ge 40
	"$ST" "$S" verify-writer >"$W/v$round" 2>&1; rc=$?
	check_eq "round $round: every pair whole (no half transaction)" 0 "$rc"
	pairs=$(sed -n 's/^pairs \([0-9]*\) .*/\1/p' "$W/v$round")
	max=$(sed -n 's/^pairs .* max //p' "$W/v$round")
	check "round $round: the last pair printed as committed is there ($max > $last)" test "$max" -gt "$last"
	check "round $round: every pair printed as committed is there ($pairs >= $((committed + n)))" \
	    test "$pairs" -ge $((committed + n))
	committed=$((committed + n))
done
"$ST" "$S" count >"$W/count" 2>&1
audits=$(sed -n 's/^audit //p' "$W/count")
check "every audit record printed as committed is there ($audits >= $committed)" test "$audits" -ge "$committed"

# A reader killed while it holds a slot leaves a stale slot behind.
"$ST" "$S" reader 60 >"$W/r" 2>&1 &
rp=$!; PIDS="$PIDS $rp"
wait_for 10 grep -q holding "$W/r"
kill -9 "$rp"; wait "$rp" 2>/dev/null
if command -v mdb_stat >/dev/null 2>&1; then
	mdb_stat -r "$S/db" >"$W/rl" 2>&1
	check_grep "the dead reader's slot is in the table" "^ *$rp " "$W/rl"
else
	skip "mdb_stat not installed"
fi
"$NEFCTL" -c "$W/n.conf" check >"$W/check" 2>&1; rc=$?
check_eq "nefctl check after the kills: exit 0" 0 "$rc"
check_grep "nefctl check says ok" "^check: ok" "$W/check"
check_grep "reopening cleared the stale reader slot" "cleared 1 stale reader slot" "$W/check"
if command -v mdb_stat >/dev/null 2>&1; then
	mdb_stat -r "$S/db" >"$W/rl" 2>&1
	check_nogrep "the slot is gone from the table" "^ *$rp " "$W/rl"
fi
"$NEFCTL" -c "$W/n.conf" stats >"$W/stats" 2>&1
check_grep "no reader slot in use" "^readers in use	0" "$W/stats"
"$NEFCTL" -c "$W/n.conf" -w 3 team add cand 4:22-cv-05541 after@lawfirm.example >/dev/null 2>&1
check_eq "a writer after the kills: exit 0" 0 "$?"
check_eq "and its write is there" "after@lawfirm.example" \
    "$("$NEFCTL" -c "$W/n.conf" team list cand 4:22-cv-05541 | cut -f3)"
kill -9 "$kp"; wait "$kp" 2>/dev/null
tap_done
