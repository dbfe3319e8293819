#!/usr/bin/env bash
# Fetching a 20-document notice (menu + main + 19 attachments) from the
# fake court, every answer delayed 300 ms: in parallel (fetch_per_host =
# 20) against one request after another (fetch_per_host = 1), side by side
# in one run.  Prints BENCH lines; asserts nothing.
set -u
cd "$(dirname "$0")/../.."
TOP=$(pwd); export TOP
BUILD=${BUILD:-build}
. tests/lib/tap.sh
. tests/lib/fakecourt.sh
FT=$TOP/$BUILD/tools/fetchtool
if [ ! -x "$FT" ]; then echo "b-fetch: $FT not built"; exit 0; fi
W=$(mktemp -d)
trap 'fc_stop; rm -rf "$W"' EXIT
N=19
docs='["/doc1/123119137279", "Main Document"]'
routes='{"host": "ecf.nyed.uscourts.gov", "path": "/doc1/123119137279", "responses": [{"delay": 0.3, "pdf": "b-0", "size": 50000}]}'
for i in $(seq 1 $N); do
	id=$((123119137279 + i))
	docs="$docs, [\"/doc1/$id\", \"Exhibit $i\"]"
	routes="$routes, {\"host\": \"ecf.nyed.uscourts.gov\", \"path\": \"/doc1/$id\", \"responses\": [{\"delay\": 0.3, \"pdf\": \"b-$i\", \"size\": 50000}]}"
done
cat >"$W/s.json" <<JSON
{"routes": [
 {"host": "ecf.nyed.uscourts.gov", "path": "/doc1/123019137279",
  "responses": [{"delay": 0.3, "menu": {"caseid": "1", "seq": "2", "magic": "3", "docs": [$docs]}}]},
 $routes
]}
JSON
fc_start "$W/s.json" || exit 0
trap 'fc_stop; rm -rf "$W"' EXIT
mkdir -p "$W/tmp"
fc_conf "$W/par.conf" "fetch_per_host = 20"
fc_conf "$W/seq.conf" "fetch_per_host = 1"
L='https://ecf.nyed.uscourts.gov/doc1/123019137279?caseid=1&de_seq_num=2&magic_num=3'
run() {	# conf -> milliseconds, or "FAIL"
	local t0 n
	t0=$(date +%s%N)
	"$FT" -c "$1" -t "$W/tmp" -i BENCH "$L" >"$W/out" 2>/dev/null
	n=$(grep -c '^pdf	' "$W/out")
	[ "$n" -eq $((N + 1)) ] || { echo FAIL; return; }
	echo $((($(date +%s%N) - t0) / 1000000))
}
par=$(run "$W/par.conf")
seq=$(run "$W/seq.conf")
echo "20 documents + menu, 300 ms per answer"
printf 'BENCH\tfetch 20-doc notice, parallel (per_host 20)\t%s\tms\n' "$par"
printf 'BENCH\tfetch 20-doc notice, one after another (per_host 1)\t%s\tms\n' "$seq"
if [ "$par" != FAIL ] && [ "$seq" != FAIL ]; then
	printf 'BENCH\tfetch 20-doc notice, sequential / parallel\t%s\tx\n' \
	    "$(awk -v a="$seq" -v b="$par" 'BEGIN { printf "%.1f", a / b }')"
fi
