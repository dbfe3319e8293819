# Shared set-up of the fetch suite (sourced by tests/fetch/t-*.sh).
#   scenario [CONF-LINES...] < JSON   start the fake court with the scenario
#                                      read from standard input and write
#                                      $W/c.conf for it
#   run_fetch ARGS...                  fetchtool -c $W/c.conf -t $W/tmp ARGS;
#                                      lines in $W/out, log in $W/err
#   col LINE FIELD                     one field of $W/out (tab-separated:
#                                      result link attno sha256 size path detail)
: "${TOP:?run through tests/run, or set TOP}"
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
FT=$TOP/${BUILD:-build}/tools/fetchtool
W=$(mktemp -d "${TMPDIR:-/tmp}/fetchtest.XXXXXX")
mkdir -p "$W/tmp"
trap 'fc_stop; rm -rf "$W"' EXIT
if [ ! -x "$FT" ]; then
	skip "fetchtool not built ($FT)"
	tap_done
	exit 0
fi

scenario() {
	cat >"$W/s.json"
	fc_start "$W/s.json" || { not_ok "fake court started"; tap_done; exit 1; }
	trap 'fc_stop; rm -rf "$W"' EXIT
	fc_conf "$W/c.conf" "$@"
}

run_fetch() {
	"$FT" -c "$W/c.conf" -t "$W/tmp" "$@" >"$W/out" 2>"$W/err"
}

col() {
	awk -F'\t' -v n="$1" -v c="$2" 'NR == n { print $c }' "$W/out"
}

# no_secrets_logged SECRET...: none of the one-time tokens is in the log
no_secrets_logged() {
	local s
	for s in "$@"; do
		if grep -q -- "$s" "$W/err"; then
			not_ok "the log does not show the one-time token $s"; return
		fi
	done
	ok "the log shows no one-time token (magic numbers, uids, GUIDs redacted)"
}

# clean_requests: no POST, no Authorization, nothing but GET
clean_requests() {
	check_eq "every request is a GET" 0 "$(fc_count 'r["method"] != "GET"')"
	check_eq "no request carries Authorization" 0 "$(fc_count 'r["authorization"]')"
}
