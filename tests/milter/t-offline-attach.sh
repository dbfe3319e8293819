#!/usr/bin/env bash
# Offline pipeline (nefmilter -t) against the fake court: a verified
# district notice whose free-look menu holds a main document, a public
# attachment and one behind a login prompt; then the same notice again,
# served from the store without a request.
. "$(dirname "$0")/common.sh"

court "$DATA/scenarios/district_menu.json"
check "offline run succeeds" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check_grep "the main document is attached as the court served it" \
    "application/pdf filename=2023-03-14_cand_4-22-cv-05541-JST_ECF57_Main_Document.pdf sha256=$(fc_pdf_sha cand-57-main 5000) size=5000" "$W/parts"
check_grep "attachment 1 is attached with its label" \
    "application/pdf filename=2023-03-14_cand_4-22-cv-05541-JST_ECF57-1_Declaration_of_Adaeze_Okafor.pdf sha256=$(fc_pdf_sha cand-57-att1 7000) size=7000" "$W/parts"
check_eq "exactly two PDFs attached" 2 "$(grep -c 'application/pdf' "$W/parts")"
check_grep "the notice stays the first part" "^PART 1 text/html" "$W/parts"
check_grep "the summary opens the notice" "TEXT 1: .*Court notice cand 4:22-cv-05541-JST, entry 57: 2 documents attached, 1 needs a court login" "$W/parts"
check_grep "the login attachment is named in the summary" "Attachment 2: Proposed Order" "$W/parts"
check_grep "X-NEF header with the counts" "HDR X-NEF: v=1; court=cand; case=4:22-cv-05541; entry=57; trust=verified; restricted=no; pdf=2; login=1; .*action=attached" "$W/parts"
check_grep "top level is multipart/mixed" "HDR Content-Type: multipart/mixed" "$W/parts"
check_grep "audit line with the queue id" "^nefmilter: OFFLINE: notice court=cand case=4:22-cv-05541 entry=57 kind=district trust=verified .* docs=3 attached=2 login=1 .*action=attached" "$W/err"
check_grep "audit line per document with its sha256" "OFFLINE: document cand/035020918716#1 pdf fetched attached label=\"2023-03-14_cand_4-22-cv-05541-JST_ECF57-1_Declaration_of_Adaeze_Okafor.pdf\" sha256=$(fc_pdf_sha cand-57-att1 7000)" "$W/err"
check_eq "four requests: the menu and three documents" 4 "$(requests)"
check_eq "no request but GET" 0 "$(fc_count 'r["method"] != "GET"')"
check_eq "no Authorization header ever" 0 "$(fc_count 'r["authorization"]')"
check_nogrep "no magic number in the log" "62818321" "$W/err"
check "the document is in the store" test -n "$(find "$W/state/docs" -name "$(fc_pdf_sha cand-57-main 5000).pdf")"

# The same notice again (another recipient's copy): from the store.
check "second copy succeeds" offline "$DATA/nef/district.eml" -r aokafor@lawfirm.example
check_eq "second copy makes no request" 4 "$(requests)"
check_grep "second copy has the same main document" "sha256=$(fc_pdf_sha cand-57-main 5000) size=5000" "$W/parts"
check_grep "second copy says it came from the store" "document cand/035020918716#0 pdf from-store attached" "$W/err"
check_grep "login attachment is attached nowhere, still counted" "pdf=2; login=1" "$W/parts"
tap_done
