#!/usr/bin/env bash
# A 200 MB body (generated on the fly by the court): too-large, the temp
# file removed, memory bounded; a Content-Length over the cap is refused
# before the body.
. "$(dirname "$0")/common.sh"
scenario "max_document_bytes = 8M" <<'JSON'
{"routes": [
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000001", "responses": [{"big": 209715200}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000002", "responses": [{"pdf": "nine-mb", "size": 9437184}]},
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035100000003", "responses": [{"pdf": "fits", "size": 8000000}]}
]}
JSON
cat >"$W/rss.py" <<'PY'
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=False)
sys.stderr.write("maxrss_kb=%d\n" % resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
PY
/usr/bin/python3 "$W/rss.py" "$FT" -c "$W/c.conf" -t "$W/tmp" \
    'https://ecf.cand.uscourts.gov/doc1/035100000001?caseid=1&de_seq_num=2&magic_num=3' \
    'https://ecf.cand.uscourts.gov/doc1/035100000002?caseid=1&de_seq_num=2&magic_num=3' \
    'https://ecf.cand.uscourts.gov/doc1/035100000003?caseid=1&de_seq_num=2&magic_num=3' \
    >"$W/out" 2>"$W/err"
rss=$(sed -n 's/^maxrss_kb=//p' "$W/err")
check_eq "200 MB body: too-large" too-large "$(col 1 1)"
check_eq "9 MB document over the 8 MB cap: too-large" too-large "$(col 2 1)"
check_eq "8 000 000 bytes fit" "pdf $(fc_pdf_sha fits 8000000)" "$(col 3 1) $(col 3 4)"
check_eq "no temp file left" "" "$(ls "$W/tmp")"
check "memory bounded: peak RSS ${rss} KB < 64 MB" test "${rss:-999999}" -lt 65536
tap_done
