#!/usr/bin/env bash
# Content-Type is never trusted: a non-PDF body served as application/pdf
# is no document; a PDF served as text/html is one.
. "$(dirname "$0")/common.sh"
scenario <<'JSON'
{"routes": [
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000001",
  "responses": [{"body": "<html>not a pdf at all</html>", "content_type": "application/pdf"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000002",
  "responses": [{"pdf": "html-typed", "content_type": "text/html"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000003",
  "responses": [{"body": "%PD", "content_type": "application/pdf"}]}
]}
JSON
run_fetch 'https://ecf.cand.uscourts.gov/doc1/035100000001?caseid=1&de_seq_num=2&magic_num=3' \
    'https://ecf.cand.uscourts.gov/doc1/035100000002?caseid=1&de_seq_num=2&magic_num=3' \
    'https://ecf.cand.uscourts.gov/doc1/035100000003?caseid=1&de_seq_num=2&magic_num=3'
check_eq "HTML served as application/pdf: unavailable" unavailable "$(col 1 1)"
check_eq "PDF served as text/html: pdf" "pdf $(fc_pdf_sha html-typed 4096)" "$(col 2 1) $(col 2 4)"
check_eq "three bytes served as application/pdf: unavailable" unavailable "$(col 3 1)"
check_eq "no temp file left" "" "$(ls "$W/tmp")"
tap_done
