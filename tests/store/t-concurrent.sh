#!/usr/bin/env bash
# Several processes and threads at once on one store that starts with a
# tiny map: reader threads in two processes check that every view is
# whole (no gap, nothing committed vanishes) while one process appends
# court-listed addresses in order and two more append audit records.
# The map grows under them; every write lands; the store checks clean.
. "$(dirname "$0")/common.sh"
store_workdir t-concurrent
trap 'rm -rf "$W"' EXIT
MAP=131072
# Readers pin old pages while the writers commit; room enough to grow.
export STORETOOL_MAP_MAX=$((256 * 1024 * 1024))
"$ST" "$S" init $MAP $((64 * 1024 * 1024)) >/dev/null 2>&1 || { not_ok "init"; tap_done; exit 1; }
NLISTED=600
NAUDIT=300

"$ST" "$S" hammer-read 4 4 >"$W/r1" 2>&1 & r1=$!
# the second maps the file afresh every 50 reads, as a process does when
# another one grew the map: each first view after it must be the newest
"$ST" "$S" hammer-read 4 4 50 >"$W/r2" 2>&1 & r2=$!
"$ST" "$S" hammer-write $NLISTED >"$W/w" 2>&1 & w=$!
"$ST" "$S" audit-burst $NAUDIT A >"$W/a1" 2>&1 & a1=$!
"$ST" "$S" audit-burst $NAUDIT B >"$W/a2" 2>&1 & a2=$!
# Processes that open the store, read and close it while the map grows.
opener() {
	local n=0 bad=0
	while kill -0 $w 2>/dev/null; do
		"$ST" "$S" get cand 1 0 >/dev/null 2>>"$W/o$1.err" || bad=$((bad + 1))
		n=$((n + 1))
	done
	echo "opens $n failed $bad" >"$W/o$1"
}
opener 1 & o1=$!
opener 2 & o2=$!
wait $w; rw=$?
wait $o1 $o2
wait $a1; ra1=$?
wait $a2; ra2=$?
wait $r1; rr1=$?
wait $r2; rr2=$?
check_eq "the listed writer finished cleanly" 0 "$rw"
check_eq "audit writer A finished cleanly" 0 "$ra1"
check_eq "audit writer B finished cleanly" 0 "$ra2"
check_eq "reader process 1 saw only whole views" 0 "$rr1"
check_grep "reader process 1 read and found no error" "^reads [1-9][0-9]* errors 0$" "$W/r1"
check_eq "reader process 2 saw only whole views" 0 "$rr2"
check_grep "reader process 2 read and found no error" "^reads [1-9][0-9]* errors 0$" "$W/r2"
diag "$(cat "$W/r1" "$W/r2")"
diag "$(cat "$W/w" "$W/a1" "$W/a2")"
check_grep "stores opened while the map grew: no failure (1)" "^opens [1-9][0-9]* failed 0$" "$W/o1"
check_grep "stores opened while the map grew: no failure (2)" "^opens [1-9][0-9]* failed 0$" "$W/o2"
diag "$(cat "$W/o1" "$W/o2" "$W/o1.err" "$W/o2.err" 2>/dev/null | head -5)"

"$ST" "$S" count >"$W/count" 2>&1
check_eq "every listed address landed" $NLISTED "$(sed -n 's/^listed //p' "$W/count")"
check_eq "every audit record of both writers landed" $((2 * NAUDIT)) "$(sed -n 's/^audit //p' "$W/count")"
map=$(sed -n 's/^map //p' "$W/count")
check "the map grew from $MAP (now $map)" test "$map" -gt $MAP
cat "$W/a1" "$W/a2" "$W/w" >"$W/logs"
"$ST" "$S" init $MAP >/dev/null 2>&1
"$ST" "$S" count >"$W/count2" 2>&1
check_eq "reopening with the small initial size keeps the grown map" \
    "$map" "$(sed -n 's/^map //p' "$W/count2")"
check_grep "the growth was logged" "map grown from" "$W/logs"
"$NEFCTL" -c "$W/n.conf" audit --qid B000299 >"$W/q" 2>&1
check_eq "a late record of writer B is found by queue id" 1 "$(wc -l <"$W/q")"
"$NEFCTL" -c "$W/n.conf" audit --rcpt burst@lawfirm.example --json >"$W/q" 2>&1
check_eq "the recipient index holds every record" $((2 * NAUDIT)) "$(wc -l <"$W/q")"
"$NEFCTL" -c "$W/n.conf" check >"$W/check" 2>&1
check_eq "nefctl check afterwards: exit 0" 0 "$?"
check_grep "no reader slot left in use" "^readers 0$" "$W/count"
tap_done
