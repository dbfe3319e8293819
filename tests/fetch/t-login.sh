#!/usr/bin/env bash
# The CurrentGen login page: the document ends at once.  Exactly one
# request, no POST to the form, no Authorization, no Cookie; a login met by
# one attachment of a menu ends that attachment only (its wrapper is not
# followed) while the others arrive.
. "$(dirname "$0")/common.sh"
scenario <<JSON
{"routes": [
 {"host": "ecf.nyed.uscourts.gov", "path": "/doc1/123119137279",
  "responses": [{"html_file": "$TOP/tests/data/pages/currentgen_login.html",
    "set_cookie": "trap=1"}]},
 {"host": "ecf.nysd.uscourts.gov", "path": "/doc1/127031722970",
  "responses": [{"menu": {"caseid": "546923", "seq": "2447", "magic": "958063", "docnum": 716,
    "docs": [["/doc1/127131722970", "Main Document"], ["/doc1/127131722971", "Proposed Order"]]}}]},
 {"host": "ecf.nysd.uscourts.gov", "path": "/doc1/127131722970", "responses": [{"pdf": "nysd-main"}]},
 {"host": "ecf.nysd.uscourts.gov", "path": "/doc1/127131722971",
  "responses": [{"html": "<form name=GetPass method=POST><input type=password name=key></form><iframe src='/cgi-bin/show_temp.pl?file=1.pdf'></iframe>"}]},
 {"host": "ecf.nysd.uscourts.gov", "path": "/cgi-bin/show_temp.pl", "responses": [{"pdf": "never"}]}
]}
JSON
run_fetch 'https://ecf.nyed.uscourts.gov/doc1/123119137279?caseid=475249&de_seq_num=70&magic_num=79492711'
check_eq "one document" 1 "$(wc -l <"$W/out")"
check_eq "result: login" login "$(col 1 1)"
check_grep "detail names the login form" 'login prompt \(GetPass form\)' "$W/out"
check_eq "exactly one request" 1 "$(fc_count)"
check_eq "no request to the login form's action" 0 "$(fc_count '"login.pl" in r["path"]')"
check_eq "no Cookie sent" 0 "$(fc_count 'r["cookie"]')"
clean_requests
check_eq "no temp file left" "" "$(ls "$W/tmp")"

run_fetch 'https://ecf.nysd.uscourts.gov/doc1/127031722970?caseid=546923&de_seq_num=2447&magic_num=958063'
check_eq "menu: main document arrives" "pdf 0" "$(col 1 1) $(col 1 3)"
check_eq "menu: attachment 1 met a login" "login 1" "$(col 2 1) $(col 2 3)"
check_eq "no request followed the login prompt (its iframe untouched)" 0 \
    "$(fc_count '"show_temp" in r["path"]')"
check_eq "the attachment was asked once" 1 "$(fc_count 'r["path"].startswith("/doc1/127131722971")')"
clean_requests
tap_done
