#!/usr/bin/env bash
# A first copy gets two of three documents (the court fails the third
# with a 500).  A later copy asks only for the missing one: the two the
# store holds are not asked for again (their free looks are spent), and
# all three are attached.
. "$(dirname "$0")/common.sh"

court "$DATA/scenarios/district_partial.json"
check "first copy runs" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check "first copy: the main document" pdf_part cand-57-main 5000
check "first copy: attachment 1" pdf_part cand-57-att1 7000
check_grep "first copy: attachment 2 failed" "document cand/035020918716#2 error" "$W/err"
check_grep "first copy: the summary says so" "Could not be fetched" "$W/parts"

check "second copy runs" offline "$DATA/nef/district.eml" -r aokafor@lawfirm.example
check_eq "the main document was asked for once in all" 1 "$(fc_count 'r["path"].startswith("/doc1/035120918716")')"
check_eq "attachment 1 was asked for once in all" 1 "$(fc_count 'r["path"].startswith("/doc1/035120918717")')"
check_eq "attachment 2 was asked for twice" 2 "$(fc_count 'r["path"].startswith("/doc1/035120918718")')"
check "second copy: the main document (from the store)" pdf_part cand-57-main 5000
check "second copy: attachment 1 (from the store)" pdf_part cand-57-att1 7000
check "second copy: attachment 2 (fetched now)" pdf_part cand-57-att2 3000
check_grep "second copy: the held ones say from-store" "document cand/035020918716#1 pdf from-store attached" "$W/err"
check_grep "second copy: X-NEF counts three PDFs" "pdf=3; login=0" "$W/parts"

check "third copy runs" offline "$DATA/nef/district.eml" -r bob@lawfirm.example
check_eq "third copy: no request at all" 6 "$(requests)"
check_eq "third copy: three PDFs" 3 "$(grep -c 'application/pdf' "$W/parts")"
tap_done
