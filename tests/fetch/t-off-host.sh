#!/usr/bin/env bash
# Redirects and iframes that leave the court host, or the allow-list, are
# refused: no request reaches the other host.
. "$(dirname "$0")/common.sh"
scenario <<'JSON'
{"routes": [
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000001",
  "responses": [{"status": 302, "location": "https://evil.example/doc1/035100000001"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000002",
  "responses": [{"status": 301, "location": "https://ecf.nysd.uscourts.gov/doc1/127131722970"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000003",
  "responses": [{"status": 302, "location": "http://ecf.cand.uscourts.gov/doc1/035100000009"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000004",
  "responses": [{"html": "<iframe src='https://evil.example/cgi-bin/show_temp.pl?file=1.pdf'></iframe>"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000005",
  "responses": [{"status": 302, "location": "/cgi-bin/DktRpt.pl?123"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000006",
  "responses": [{"status": 302, "location": "/doc1/035100000007"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000007", "responses": [{"pdf": "moved"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000008",
  "responses": [{"status": 302, "location": "/doc1/035100000008?again=1"}]},
 {"host": "evil.example", "responses": [{"pdf": "stolen"}]},
 {"host": "ecf.nysd.uscourts.gov", "responses": [{"pdf": "other-court"}]}
]}
JSON
args=()
for i in 1 2 3 4 5 6 8; do
	args+=("https://ecf.cand.uscourts.gov/doc1/03510000000$i?caseid=1&de_seq_num=2&magic_num=3")
done
run_fetch "${args[@]}"
check_grep "302 to another host: refused" '^refused	0	.*off the court host' "$W/out"
check_grep "301 to another court: refused" '^refused	1	.*off the court host' "$W/out"
check_grep "302 to http: refused" '^refused	2	' "$W/out"
check_grep "iframe to another host: refused" '^refused	3	.*off the court host' "$W/out"
check_grep "302 to a path off the allow-list: refused" '^refused	4	.*path not allowed' "$W/out"
check_eq "302 on the same host to an allowed path: followed" "pdf $(fc_pdf_sha moved 4096)" "$(col 6 1) $(col 6 4)"
check_grep "a redirect loop stops after the hop limit" '^unavailable	6	.*too many redirects' "$W/out"
check_eq "no request to evil.example" 0 "$(fc_count 'r["host"] == "evil.example"')"
check_eq "no request to the other court" 0 "$(fc_count 'r["host"] == "ecf.nysd.uscourts.gov"')"
check_eq "no request for the off-list path" 0 "$(fc_count '"DktRpt" in r["path"]')"
check_eq "requests: 7 links + 1 follow + 3 loop hops" 11 "$(fc_count)"
clean_requests
tap_done
