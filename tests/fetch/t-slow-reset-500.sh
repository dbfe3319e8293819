#!/usr/bin/env bash
# Transient failures: a slow answer (timeout), a stalled body, a reset
# connection and a 500 all end as "error" within the timeout.
. "$(dirname "$0")/common.sh"
scenario "fetch_timeout = 1s" <<'JSON'
{"routes": [
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000001", "responses": [{"delay": 4, "pdf": "late"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000002", "responses": [{"stall": 4, "pdf": "stalled", "size": 100000}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000003", "responses": [{"reset": true}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000004", "responses": [{"status": 500, "html": "oops"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000005", "responses": [{"status": 503}]}
]}
JSON
args=()
for i in 1 2 3 4 5; do
	args+=("https://ecf.cand.uscourts.gov/doc1/03510000000$i?caseid=1&de_seq_num=2&magic_num=3")
done
t0=$(date +%s%N)
run_fetch "${args[@]}"
ms=$((($(date +%s%N) - t0) / 1000000))
check_eq "all five: error" "error error error error error" "$(cut -f1 "$W/out" | tr '\n' ' ' | sed 's/ $//')"
check_grep "slow answer: no answer within fetch_timeout" '^error	0	.*the court did not answer within fetch_timeout \(1 s\)' "$W/out"
check_grep "stalled body: the same" '^error	1	.*the court did not answer within fetch_timeout \(1 s\)' "$W/out"
check_grep "500 named" '^error	3	.*HTTP 500' "$W/out"
check_grep "503 named" '^error	4	.*HTTP 503' "$W/out"
check "finished within the 1 s timeout plus slack (${ms} ms)" test "$ms" -lt 3000
check_eq "no temp file left (the stalled PDF was removed)" "" "$(ls "$W/tmp")"
check_eq "no retry: one request per link" 5 "$(fc_count)"

# The per-notice budget bounds the whole call, whatever the per-request
# timeout says.
fc_conf "$W/c.conf" "fetch_timeout = 10s" "fetch_budget = 1s"
t0=$(date +%s%N)
run_fetch "${args[0]}" "${args[1]}"
ms=$((($(date +%s%N) - t0) / 1000000))
check_eq "budget spent: both error" "error error" "$(cut -f1 "$W/out" | tr '\n' ' ' | sed 's/ $//')"
check "the 1 s budget holds with a 10 s request timeout (${ms} ms)" test "$ms" -lt 2500
check_eq "the result says the budget ran out" 2 \
    "$(grep -c '^error	[01]	.*the court did not answer within fetch_budget (1 s)' "$W/out")"
tap_done
