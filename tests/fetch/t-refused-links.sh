#!/usr/bin/env bash
# Links that fail the allow-list never cause a request; links without a
# magic number or with a bare short bankruptcy id are not spent; a host
# resolving to a loopback address that no connect_to names is refused at
# connect time.
. "$(dirname "$0")/common.sh"
scenario <<'JSON'
{"routes": []}
JSON
run_fetch 'http://ecf.cand.uscourts.gov/doc1/035122812318?caseid=1&magic_num=3' \
    'https://127.0.0.1/doc1/035122812318?caseid=1&magic_num=3' \
    'https://user:pw@ecf.cand.uscourts.gov/doc1/035122812318?magic_num=3' \
    'https://ecf.cand.uscourts.gov:8443/doc1/035122812318?magic_num=3' \
    'https://www.evil.example/doc1/035122812318?magic_num=3' \
    'https://ecf.cand.uscourts.gov/cgi-bin/login.pl' \
    'https://ecf.cand.uscourts.gov/doc1/035122812318?caseid=1&de_seq_num=2&magic_num=' \
    'https://ecf.jpml.uscourts.gov/doc1/85012345678?caseid=1&magic_num=MAGIC' \
    'https://ecf.txnb.uscourts.gov/doc1/1760?caseid=1&magic_num=4'
check_eq "nine results" 9 "$(wc -l <"$W/out")"
check_grep "http: refused" '^refused	0	.*not https' "$W/out"
check_grep "IP literal: refused" '^refused	1	.*IP address' "$W/out"
check_grep "userinfo: refused" '^refused	2	.*userinfo' "$W/out"
check_grep "odd port: refused" '^refused	3	.*port' "$W/out"
check_grep "host off the list: refused" '^refused	4	.*host not allowed' "$W/out"
check_grep "not a document link: refused" '^refused	5	' "$W/out"
check_grep "empty magic: no-document" '^no-document	6	.*no magic' "$W/out"
check_grep "MAGIC placeholder: no-document" '^no-document	7	.*no magic' "$W/out"
check_grep "short bankruptcy id without de_seq_num: no-document" '^no-document	8	.*short doc id' "$W/out"
check_eq "not one request" 0 "$(fc_count)"

# A name that resolves to loopback, allowed by fetch_hosts, but not a
# connect_to target: refused before any byte is sent.
fc_conf "$W/c.conf" "fetch_hosts = localhost"
sed -i '/^connect_to/d' "$W/c.conf"
run_fetch 'https://localhost/doc1/035122812318?caseid=1&de_seq_num=2&magic_num=3'
check_grep "loopback address without connect_to: refused" '^refused	0	.*address not public' "$W/out"
tap_done
