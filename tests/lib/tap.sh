# TAP helpers for the shell suites.  Source it, call the checks, end with
# tap_done.  Every check prints exactly one "ok"/"not ok" line.
TAP_N=0
TAP_FAILED=0

ok()      { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $*"; }
not_ok()  { TAP_N=$((TAP_N + 1)); TAP_FAILED=$((TAP_FAILED + 1)); echo "not ok $TAP_N - $*"; }
skip()    { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N # SKIP $*"; }
diag()    { printf '%s\n' "$@" | sed 's/^/# /'; }

# check DESCRIPTION COMMAND...: ok when the command succeeds.
check() {
	local d=$1; shift
	if "$@"; then ok "$d"; else not_ok "$d"; fi
}

# check_eq DESCRIPTION EXPECTED ACTUAL
check_eq() {
	if [ "$2" = "$3" ]; then ok "$1"
	else not_ok "$1"; diag "expected: $2" "actual:   $3"; fi
}

# check_grep DESCRIPTION PATTERN FILE: the extended regex appears in FILE.
check_grep() {
	if grep -Eq -- "$2" "$3"; then ok "$1"
	else not_ok "$1"; diag "pattern not found: $2" "in $3:"; tail -n 5 "$3" | diag "$(cat)"; fi
}

# check_nogrep DESCRIPTION PATTERN FILE: the regex does not appear.
check_nogrep() {
	if grep -Eq -- "$2" "$3"; then not_ok "$1"; diag "unexpected: $(grep -Em3 -- "$2" "$3")"
	else ok "$1"; fi
}

# wait_for SECONDS COMMAND...: poll every 0.1 s until the command succeeds.
wait_for() {
	local limit=$1; shift
	local end=$((SECONDS + limit))
	while ! "$@" 2>/dev/null; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.1
	done
	return 0
}

tap_done() { echo "1..$TAP_N"; [ "$TAP_FAILED" -eq 0 ]; }
