#!/usr/bin/env bash
# Offline pipeline and the store: a document whose file vanished from the
# store is detected, logged and fetched again; a purged document is never
# attached again and never fetched; a later copy after a purge says so.
# Offline runs deliver nothing, so the purge recalls none of them.
. "$(dirname "$0")/common.sh"

court "$DATA/scenarios/district_menu.json"
MAIN=$(fc_pdf_sha cand-57-main 5000)

check "first copy runs" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check_eq "first copy: four requests" 4 "$(requests)"
f=$(find "$W/state/docs" -name "$MAIN.pdf")
check "the main document is stored" test -n "$f"
rm -f "$f"

check "copy after the file vanished runs" offline "$DATA/nef/district.eml" -r aokafor@lawfirm.example
check_grep "the missing file is detected and logged" \
    "OFFLINE: stored document cand/035020918716#0 is missing or damaged in the store; fetching again" "$W/err"
check "the document is attached again, fetched anew" pdf_part cand-57-main 5000
check "the file is back in the store" test -n "$(find "$W/state/docs" -name "$MAIN.pdf")"
check "nefctl check is clean" "$NEFCTL" -c "$W/n.conf" check >/dev/null
n=$(requests)

check "purge of attachment 1 works" "$NEFCTL" -c "$W/n.conf" purge cand 035020918716 >"$W/purge.out" 2>&1
check_nogrep "purge lists no offline test as a message to recall" "OFFLINE" "$W/purge.out"
check_grep "purge says the offline tests were left out" \
    "\(2 offline tests with nefmilter -t left out: they delivered nothing\)" "$W/purge.out"
check "a copy after the purge runs" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check_eq "after the purge: no request to the court" "$n" "$(requests)"
check_eq "after the purge: nothing attached" 0 "$(grep -c 'application/pdf' "$W/parts")"
check_grep "after the purge: X-NEF counts the tombstones" "tombstoned=[1-9]" "$W/parts"
check_grep "after the purge: the summary says so" "Withdrawn by the firm" "$W/parts"
tap_done
