# tests/lib/miltertest.sh: run a miltertest Lua script as part of a TAP
# shell suite (bash; source it after tests/lib/tap.sh).
#
#   mt_available                 miltertest is installed
#   mt_run SCRIPT SOCK [NAME=VALUE...]
#       Run SCRIPT (which loads tests/lib/milter.lua through the global LIB)
#       against the filter listening on SOCK (libmilter syntax).  Globals
#       passed to the script: LIB, TOP, SOCK and each NAME=VALUE.  Each
#       "ok"/"not ok" line the script prints becomes a check of this suite
#       (renumbered), "# " lines and anything else are passed on as
#       diagnostics.  When miltertest exits non-zero without having reported
#       a failed check (an error outside lib.run, a crash, a timeout), one
#       more failed check says so.  Returns miltertest's exit status.
#       MT_TIMEOUT bounds the run in seconds [60].

MT_LIB_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

mt_available() { command -v miltertest >/dev/null 2>&1; }

mt_run() {	# SCRIPT SOCK [NAME=VALUE...]
	local script=$1 sock=$2
	shift 2
	local args=(-D "LIB=$MT_LIB_DIR/milter.lua" -D "TOP=${TOP:-$(cd "$MT_LIB_DIR/../.." && pwd)}" -D "SOCK=$sock")
	local kv
	for kv in "$@"; do args+=(-D "$kv"); done
	local log
	log=$(mktemp /tmp/miltertest.XXXXXX) || return 1
	timeout -k 5 "${MT_TIMEOUT:-60}" miltertest "${args[@]}" -s "$script" >"$log" 2>&1
	local rc=$? line nfail=0
	while IFS= read -r line; do
		case $line in
		"ok "[0-9]*" - "*) ok "${line#ok * - }" ;;
		"not ok "[0-9]*" - "*) not_ok "${line#not ok * - }"; nfail=$((nfail + 1)) ;;
		"# "*) echo "$line" ;;
		"") ;;
		*) diag "$line" ;;
		esac
	done <"$log"
	rm -f "$log"
	if [ "$rc" -ne 0 ] && [ "$nfail" -eq 0 ]; then
		not_ok "$(basename "$script"): miltertest exited with status $rc"
	fi
	return "$rc"
}
