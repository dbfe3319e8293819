#!/usr/bin/env bash
# A public PDF behind a doc1 link, a docs1 link and an ACMS link: the bytes
# arrive intact, the request is the free-look one, nothing else is asked.
. "$(dirname "$0")/common.sh"
scenario <<'JSON'
{"routes": [
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035122812318",
  "query_has": ["caseid=401", "de_seq_num=27", "magic_num=55501", "use_magic=1"],
  "responses": [{"pdf": "cand-main", "size": 70000}]},
 {"host": "ecf.ca2.uscourts.gov", "path": "/docs1/00218754210",
  "query_has": ["uid=59a7f7615f78153b"], "responses": [{"pdf": "ca2-doc", "size": 3000}]},
 {"host": "ca9-showdoc.azurewebsites.us", "path": "/NDA/633c4728-1b4e-f011-8779-001dd8075871",
  "responses": [{"pdf": "ca9-acms", "size": 12345}]}
]}
JSON
run_fetch -k 'https://ecf.cand.uscourts.gov/doc1/035122812318?caseid=401&de_seq_num=27&magic_num=55501' \
    'https://ecf.ca2.uscourts.gov/docs1/00208754210?uid=59a7f7615f78153b' \
    'https://ca9-showdoc.azurewebsites.us/NDA/633c4728-1b4e-f011-8779-001dd8075871'
check_eq "three documents" 3 "$(wc -l <"$W/out")"
check_eq "doc1: pdf" pdf "$(col 1 1)"
check_eq "doc1: sha256 is what the court served" "$(fc_pdf_sha cand-main 70000)" "$(col 1 4)"
check_eq "doc1: size" 70000 "$(col 1 5)"
check_eq "doc1: the temp file holds those bytes" "$(col 1 4)" "$(sha256sum "$(col 1 6)" | cut -d' ' -f1)"
check_eq "docs1: pdf with the court's bytes" "pdf $(fc_pdf_sha ca2-doc 3000)" "$(col 2 1) $(col 2 4)"
check_eq "acms: pdf with the court's bytes" "pdf $(fc_pdf_sha ca9-acms 12345)" "$(col 3 1) $(col 3 4)"
check_eq "exactly three requests" 3 "$(fc_count)"
check_eq "doc1 asked with 4th digit 1, de_seq_num and use_magic=1" 1 \
    "$(fc_count 'r["path"].startswith("/doc1/035122812318?") and "use_magic=1" in r["path"] and "de_seq_num=27" in r["path"]')"
check_eq "every request matched a route" 0 "$(fc_count 'r["route"] is None')"
check_eq "no request carries a Cookie" 0 "$(fc_count 'r["cookie"]')"
clean_requests
check_eq "the User-Agent is the configured one" 3 "$(fc_count '"nefmilter/" in r["headers"].get("User-Agent", "")')"
no_secrets_logged 55501 59a7f7615f78153b 633c4728-1b4e
check_grep "each request is logged with the notice id first" '^fetchtool: FETCHTOOL: fetch: GET https://ecf.cand' "$W/err"
tap_done
