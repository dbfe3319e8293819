#!/usr/bin/env bash
# A PDF behind window.location (gand, oknd style): followed once; a second
# script redirect in a row is not followed.
. "$(dirname "$0")/common.sh"
scenario <<JSON
{"routes": [
 {"host": "ecf.gand.uscourts.gov", "path": "/doc1/055112345678",
  "responses": [{"html_file": "$TOP/tests/data/pages/window_location.html"}]},
 {"host": "ecf.gand.uscourts.gov", "path": "/cgi-bin/show_temp.pl",
  "query_has": ["file=6601234-0--3357.pdf"], "responses": [{"pdf": "gand-doc", "size": 6000}]},
 {"host": "ecf.gand.uscourts.gov", "path": "/doc1/055112345679",
  "responses": [{"html": "<script>window.location.href = '/doc1/055112345680?x=1';</script>"}]},
 {"host": "ecf.gand.uscourts.gov", "path": "/doc1/055112345680",
  "responses": [{"html": "<script>window.location = '/doc1/055112345681';</script>"}]},
 {"host": "ecf.gand.uscourts.gov", "path": "/doc1/055112345681", "responses": [{"pdf": "too-deep"}]}
]}
JSON
run_fetch 'https://ecf.gand.uscourts.gov/doc1/055112345678?caseid=1&de_seq_num=2&magic_num=3' \
    'https://ecf.gand.uscourts.gov/doc1/055112345679?caseid=1&de_seq_num=2&magic_num=3'
check_eq "pdf through window.location" "pdf $(fc_pdf_sha gand-doc 6000)" "$(col 1 1) $(col 1 4)"
check_eq "a second script redirect is not followed" unavailable "$(col 2 1)"
check_grep "detail says why" 'too many iframes or script redirects' "$W/out"
check_eq "the second redirect's target was never asked" 0 "$(fc_count '"055112345681" in r["path"]')"
check_eq "four requests" 4 "$(fc_count)"
clean_requests
tap_done
