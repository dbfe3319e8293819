#!/usr/bin/env bash
# A PDF behind an iframe wrapper (show_temp.pl): followed once on the same
# host; a cookie the wrapper set is sent back within this notice only.
. "$(dirname "$0")/common.sh"
scenario <<'JSON'
{"routes": [
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035122812318",
  "responses": [{"set_cookie": "PacerSession=free123; Path=/; Secure",
    "html": "<html><body><iframe src=\"/cgi-bin/show_temp.pl?file=18221372-0--14131.pdf&amp;type=application/pdf\"></iframe></body></html>"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/cgi-bin/show_temp.pl",
  "query_has": ["file=18221372-0--14131.pdf", "type=application/pdf"],
  "responses": [{"pdf": "iframe-doc", "size": 9000}]}
]}
JSON
L='https://ecf.cand.uscourts.gov/doc1/035122812318?caseid=1&de_seq_num=2&magic_num=777'
run_fetch "$L"
check_eq "pdf through the iframe" pdf "$(col 1 1)"
check_eq "sha256 of the served bytes" "$(fc_pdf_sha iframe-doc 9000)" "$(col 1 4)"
check_eq "two requests" 2 "$(fc_count)"
check_eq "the first request sends no cookie" 0 "$(fc_count 'r["path"].startswith("/doc1/") and r["cookie"]')"
check_eq "the iframe request sends back the cookie set in this notice" 1 \
    "$(fc_count 'r["path"].startswith("/cgi-bin/show_temp.pl") and r["headers"].get("Cookie") == "PacerSession=free123"')"
check_eq "without -k the temp file is removed" "" "$(ls "$W/tmp")"
# A second notice starts with no cookie at all.
run_fetch "$L"
check_eq "a new notice sends no cookie on its first request" 2 \
    "$(fc_count 'r["path"].startswith("/doc1/") and not r["cookie"]')"
clean_requests
tap_done
