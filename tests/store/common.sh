# Sourced by the store tests: TAP helpers, the programs (NEFCTL, ST) and,
# after store_workdir NAME, a scratch directory W with a configuration
# W/n.conf for a store S = W/state whose firm domain is lawfirm.example.
# A test whose programs are not built is skipped.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/lib/tap.sh"
B=$TOP/${BUILD:-build}
NEFCTL=$B/nefctl
ST=$B/tools/storetool
if [ ! -x "$NEFCTL" ] || [ ! -x "$ST" ]; then
	skip "nefctl or storetool not built in $B"
	tap_done; exit 0
fi

# store_workdir NAME [FIRM_DOMAINS]: W, S and W/n.conf
store_workdir() {
	W=$(mktemp -d "/tmp/$1.XXXXXX")
	S=$W/state
	printf 'state_dir = %s\nfirm_domains = %s\n' "$S" \
	    "${2:-lawfirm.example}" >"$W/n.conf"
}
