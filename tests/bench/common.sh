# Sourced by the benchmarks that run a private MTA: TOP, BUILD, NEF,
# the TAP, fake court, Postfix and Sendmail helpers, SEND (the SMTP client),
# COURT_FROM, note() and bench() for the lines "tests/bench/run" gathers
# into its table, and median(), iqr(), rot(), col(), paired() and
# floor_verdict() for paired repetitions.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
. "$TOP/tests/lib/postfix.sh"
. "$TOP/tests/lib/sendmail.sh"
NEF=$TOP/$BUILD/nefmilter
SEND="/usr/bin/python3 $TOP/tests/bench/smtpsend.py"
COURT_FROM=ecf-noreply@cand.uscourts.gov
BENCH_NAME=$(basename "$0" .sh)

note() { echo "$BENCH_NAME: $*"; }
bench() { printf 'BENCH\t%s\t%s\t%s\n' "$1" "$2" "$3"; }

# iqr: "Q1..Q3" of the values on standard input (nearest rank)
iqr() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) exit; a = int((NR + 3) / 4); b = int((3 * NR + 3) / 4); print v[a] ".." v[b]}'; }

median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

rot() {	# REP CONFIGS...: the configurations rotated by REP
	local r=$1; shift
	local a=("$@") n=$# i
	for ((i = 0; i < n; i++)); do echo "${a[(i + r) % n]}"; done
}

col() {	# ARRAY-NAME CONFIG: the values over the $REPS repetitions, one a line
	local -n arr=$1
	for ((r = 0; r < REPS; r++)); do echo "${arr[$2,$r]}"; done
}

paired() {	# OP ARRAY-NAME X Y: per repetition X/Y (OP=ratio) or X-Y (OP=diff)
	local op=$1
	local -n arr=$2
	for ((r = 0; r < REPS; r++)); do
		awk -v x="${arr[$3,$r]}" -v y="${arr[$4,$r]}" -v op="$op" \
		    'BEGIN {if (op == "ratio") printf "%.4f\n", x / y; else printf "%.4f\n", x - y}'
	done
}

# floor_verdict MEDIAN IQR: the unit column of a milter/floor ratio the
# project keeps >= 0.98; FAIL only when the whole range misses it.
floor_verdict() {
	if awk -v x="${2#*..}" 'BEGIN {exit !(x < 0.98)}'; then
		echo "FAIL: below 0.98 (IQR $2)"
	elif awk -v x="$1" 'BEGIN {exit !(x < 0.98)}'; then
		echo "ratio: median below 0.98 but within the noise (IQR $2); rerun on an idle machine"
	else
		echo "ratio (keep >= 0.98; IQR $2)"
	fi
}
