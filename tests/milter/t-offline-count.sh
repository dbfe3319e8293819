#!/usr/bin/env bash
# The notice lists three documents but the court's answer to the link is
# one PDF (no attachment menu): what the court served is the whole set,
# and a later copy is served from the store without asking again.
. "$(dirname "$0")/common.sh"

court "$DATA/scenarios/district_direct.json"
check "first copy runs" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check_eq "first copy: one request" 1 "$(requests)"
check "first copy: the PDF is attached" pdf_part cand-57-direct 6000
check "second copy runs" offline "$DATA/nef/district.eml" -r aokafor@lawfirm.example
check_eq "second copy: no request" 1 "$(requests)"
check "second copy: the PDF is attached" pdf_part cand-57-direct 6000
check_grep "second copy: from the store" "document cand/035020918716#0 pdf from-store attached" "$W/err"
check_eq "second copy: one document only" 1 "$(grep -c 'OFFLINE: document ' "$W/err")"
tap_done
