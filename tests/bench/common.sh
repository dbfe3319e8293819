# Sourced by the benchmarks that run a private Postfix: TOP, BUILD, NEF,
# the TAP, fake court and Postfix helpers, SEND (the SMTP client),
# COURT_FROM, and note() and bench() for the lines "tests/bench/run"
# gathers into its table.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
. "$TOP/tests/lib/postfix.sh"
NEF=$TOP/$BUILD/nefmilter
SEND="/usr/bin/python3 $TOP/tests/bench/smtpsend.py"
COURT_FROM=ecf-noreply@cand.uscourts.gov
BENCH_NAME=$(basename "$0" .sh)

note() { echo "$BENCH_NAME: $*"; }
bench() { printf 'BENCH\t%s\t%s\t%s\n' "$1" "$2" "$3"; }
