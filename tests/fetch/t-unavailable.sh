#!/usr/bin/env bash
# The court's refusals: unavailable, permission, sealed, restricted pages
# and a PDF pasted into HTML all end as "unavailable" with the reason.
. "$(dirname "$0")/common.sh"
P=$TOP/tests/data/pages
scenario <<JSON
{"routes": [
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000001", "responses": [{"html_file": "$P/not_available.html"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000002", "responses": [{"html_file": "$P/permission.html"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000003", "responses": [{"html_file": "$P/sealed.html"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000004", "responses": [{"html_file": "$P/restricted.html"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000005", "responses": [{"html_file": "$P/pdf_in_html.html"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000006", "responses": [{"html_file": "$P/receipt.html"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000007", "responses": [{"status": 404}]}
]}
JSON
args=()
for i in 1 2 3 4 5 6 7; do
	args+=("https://ecf.cand.uscourts.gov/doc1/03510000000$i?caseid=1&de_seq_num=2&magic_num=3")
done
run_fetch "${args[@]}"
check_eq "seven results, all unavailable" "unavailable unavailable unavailable unavailable unavailable unavailable unavailable" \
    "$(cut -f1 "$W/out" | tr '\n' ' ' | sed 's/ $//')"
check_grep "not available page named" '^unavailable	0	.*unavailable page: the document is not available' "$W/out"
check_grep "permission page named" '^unavailable	1	.*permission page' "$W/out"
check_grep "sealed page named" '^unavailable	2	.*sealed page' "$W/out"
check_grep "restricted page named" '^unavailable	3	.*restricted page' "$W/out"
check_grep "pdf in html named" '^unavailable	4	.*pdf-in-html' "$W/out"
check_grep "receipt named (its View Document button not pressed)" '^unavailable	5	.*receipt page' "$W/out"
check_grep "HTTP 404 named" '^unavailable	6	.*HTTP 404' "$W/out"
check_eq "one request per link, nothing followed" 7 "$(fc_count)"
clean_requests
tap_done
