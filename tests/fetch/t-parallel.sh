#!/usr/bin/env bash
# Parallel: a 20-attachment notice whose every answer takes 0.5 s finishes
# in about the time of the menu plus the slowest answer, not 20 of them.
. "$(dirname "$0")/common.sh"
N=20
docs='["/doc1/123119137279", "Main Document"]'
routes='{"host": "ecf.nyed.uscourts.gov", "path": "/doc1/123119137279", "responses": [{"delay": 0.5, "pdf": "p-0"}]}'
for i in $(seq 1 $N); do
	id=$((123119137279 + i))
	docs="$docs, [\"/doc1/$id\", \"Exhibit $i\"]"
	routes="$routes, {\"host\": \"ecf.nyed.uscourts.gov\", \"path\": \"/doc1/$id\", \"responses\": [{\"delay\": 0.5, \"pdf\": \"p-$i\"}]}"
done
scenario "fetch_per_host = 21" <<JSON
{"routes": [
 {"host": "ecf.nyed.uscourts.gov", "path": "/doc1/123019137279",
  "responses": [{"delay": 0.5, "menu": {"caseid": "1", "seq": "2", "magic": "3", "docs": [$docs]}}]},
 $routes
]}
JSON
t0=$(date +%s%N)
run_fetch 'https://ecf.nyed.uscourts.gov/doc1/123019137279?caseid=1&de_seq_num=2&magic_num=3'
ms=$((($(date +%s%N) - t0) / 1000000))
check_eq "21 documents, all pdf" $((N + 1)) "$(grep -c '^pdf	' "$W/out")"
check "in about two answers' time: ${ms} ms < 3000 ms (one after another: > 10 500 ms)" test "$ms" -lt 3000
tap_done
