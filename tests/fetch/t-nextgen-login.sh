#!/usr/bin/env bash
# NextGen: the court answers with a page (or a 302) sending the browser to
# pacer.login.uscourts.gov.  Result login; the login host is never asked.
. "$(dirname "$0")/common.sh"
scenario <<JSON
{"routes": [
 {"host": "ecf.nysd.uscourts.gov", "path": "/doc1/127131722970",
  "responses": [{"html_file": "$TOP/tests/data/pages/nextgen_assign.html"}]},
 {"host": "ecf.gand.uscourts.gov", "path": "/doc1/055112345678",
  "responses": [{"html_file": "$TOP/tests/data/pages/nextgen_meta.html"}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035122812318",
  "responses": [{"status": 302, "location": "https://pacer.login.uscourts.gov/csologin/login.jsf?pscCourtId=CANDC"}]},
 {"host": "pacer.login.uscourts.gov", "responses": [{"html": "login"}]}
]}
JSON
run_fetch 'https://ecf.nysd.uscourts.gov/doc1/127131722970?caseid=1&de_seq_num=2&magic_num=3' \
    'https://ecf.gand.uscourts.gov/doc1/055112345678?caseid=1&de_seq_num=2&magic_num=3' \
    'https://ecf.cand.uscourts.gov/doc1/035122812318?caseid=1&de_seq_num=2&magic_num=3'
check_eq "location.assign to the PACER login: login" login "$(col 1 1)"
check_eq "meta refresh to the PACER login: login" login "$(col 2 1)"
check_eq "302 to the PACER login: login" login "$(col 3 1)"
check_eq "three requests, one per link" 3 "$(fc_count)"
check_eq "the login host is never asked" 0 "$(fc_count 'r["host"] == "pacer.login.uscourts.gov"')"
clean_requests
tap_done
