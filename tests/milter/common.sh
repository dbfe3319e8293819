# Shared set-up of the offline pipeline tests (sourced by tests/milter/t-offline*.sh).
#   court SCENARIO [CONF-LINES...]  start the fake court with a scenario
#                                    file and write $W/n.conf for it (the
#                                    state in $W/state, 127.0.0.1 trusted,
#                                    user nobody)
#   offline FILE [ARGS...]           nefmilter -c $W/n.conf -t FILE ARGS:
#                                    message in $W/out.eml, log in $W/err,
#                                    parts in $W/parts (mimecheck.py)
#   requests                         number of requests the court logged
: "${TOP:?run through tests/run, or set TOP}"
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
NEF=$TOP/${BUILD:-build}/nefmilter
NEFCTL=$TOP/${BUILD:-build}/nefctl
MIMECHECK="/usr/bin/python3 $TOP/tests/lib/mimecheck.py"
DATA=$TOP/tests/data
W=$(mktemp -d "${TMPDIR:-/tmp}/offline.XXXXXX")
chmod 755 "$W"
trap 'fc_stop; rm -rf "$W"' EXIT

court() {
	local sc=$1; shift
	fc_start "$sc" || { not_ok "fake court started"; tap_done; exit 1; }
	trap 'fc_stop; rm -rf "$W"' EXIT
	fc_conf "$W/n.conf" "state_dir = $W/state" "trusted_clients = 127.0.0.1" "trust_local_mail = yes" \
	    "firm_domains = lawfirm.example" "user = nobody" "$@"
}

offline() {
	local f=$1; shift
	"$NEF" -c "$W/n.conf" -t "$f" "$@" >"$W/out.eml" 2>"$W/err"
	local rc=$?
	$MIMECHECK "$W/out.eml" >"$W/parts" 2>&1
	return $rc
}

requests() { fc_count 'True'; }

# pdf_part SEED SIZE: the delivered message has that PDF, byte for byte
pdf_part() {
	local sha
	sha=$(fc_pdf_sha "$1" "$2")
	grep -q "application/pdf .*sha256=$sha size=$2" "$W/parts"
}
