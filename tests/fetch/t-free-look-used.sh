#!/usr/bin/env bash
# A free look is spent by the first click: the first fetch gets the PDF,
# a second fetch of the same link gets the login page.
. "$(dirname "$0")/common.sh"
scenario <<JSON
{"routes": [
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035122812318",
  "responses": [{"pdf": "once", "size": 2048},
                {"html_file": "$TOP/tests/data/pages/currentgen_login.html"}]}
]}
JSON
run_fetch -r 2 'https://ecf.cand.uscourts.gov/doc1/035122812318?caseid=1&de_seq_num=2&magic_num=31337'
check_eq "first notice: pdf" "pdf $(fc_pdf_sha once 2048)" "$(col 1 1) $(col 1 4)"
check_eq "second notice: login" login "$(col 2 1)"
check_eq "two requests in all" 2 "$(fc_count)"
clean_requests
tap_done
