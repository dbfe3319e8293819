#!/usr/bin/env bash
# An entry with attachments (doc id 4th digit 0): the free-look menu, then
# the main document and every attachment with the same magic number.
. "$(dirname "$0")/common.sh"
N=6
docs='["/doc1/123119137279", "Main Document"]'
routes='{"host": "ecf.nyed.uscourts.gov", "path": "/doc1/123119137279", "query_has": ["magic_num=79492711", "use_magic=1", "de_seq_num=70"], "responses": [{"pdf": "att-0", "size": 5000}]}'
for i in $(seq 1 $N); do
	id=$((123119137279 + i))
	docs="$docs, [\"/doc1/$id\", \"Exhibit $i\"]"
	routes="$routes, {\"host\": \"ecf.nyed.uscourts.gov\", \"path\": \"/doc1/$id\", \"query_has\": [\"magic_num=79492711\", \"use_magic=1\"], \"responses\": [{\"pdf\": \"att-$i\", \"size\": $((5000 + i))}]}"
done
scenario <<JSON
{"routes": [
 {"host": "ecf.nyed.uscourts.gov", "path": "/doc1/123019137279",
  "responses": [{"menu": {"caseid": "475249", "seq": "70", "magic": "79492711", "docnum": 16,
    "docs": [$docs]}}]},
 $routes
]}
JSON
run_fetch 'https://ecf.nyed.uscourts.gov/doc1/123019137279?caseid=475249&de_seq_num=70&magic_num=79492711'
check_eq "main document + $N attachments" $((N + 1)) "$(wc -l <"$W/out")"
check_eq "results in attachment order, main first" "$(seq 0 $N | tr '\n' ' ')" "$(cut -f3 "$W/out" | tr '\n' ' ')"
check_eq "every one is a pdf" $((N + 1)) "$(grep -c '^pdf	' "$W/out")"
good=1
for i in $(seq 0 $N); do
	line=$(awk -F'\t' -v a=$i '$3 == a' "$W/out")
	sz=$((5000 + i)); [ $i -eq 0 ] && sz=5000
	[ "$(echo "$line" | cut -f4)" = "$(fc_pdf_sha att-$i $sz)" ] || { good=0; diag "attachment $i: $line"; }
done
check_eq "each attachment number carries its own bytes" 1 $good
check_eq "the menu was asked as given (4th digit 0)" 1 "$(fc_count 'r["path"].startswith("/doc1/123019137279?")')"
check_eq "every document request uses the menu's magic number" $((N + 1)) \
    "$(fc_count 'r["path"].startswith("/doc1/1231") and "magic_num=79492711&use_magic=1" in r["path"]')"
check_eq "1 + $((N + 1)) requests" $((N + 2)) "$(fc_count)"
check_eq "every request matched a route" 0 "$(fc_count 'r["route"] is None')"
clean_requests
no_secrets_logged 79492711

# More than one document expected but the 4th digit says 1: the menu is
# asked anyway (with the 4th digit 0).
run_fetch -n 3 'https://ecf.nyed.uscourts.gov/doc1/123119137279?caseid=475249&de_seq_num=70&magic_num=79492711'
check_eq "expected > 1 opens the menu" $((N + 1)) "$(grep -c '^pdf	' "$W/out")"
tap_done
