#!/usr/bin/env bash
# Offline pipeline and the court of a notice:
#  1. a cand notice whose document link is on the nysd host: fetched
#     there, the disagreement logged, the PDFs attached byte for byte;
#  2. the same notice forwarded with its links' host dropped by a mail
#     program, sent by the court: the links go to the court the doc id
#     names (cand) and the document is fetched;
#  3. magic_num=0 on both cases of a bankruptcy notice: each link is
#     tried once, anonymously; the login answer strips that link, the PDF
#     is attached; a later copy asks nothing again.
. "$(dirname "$0")/common.sh"

court "$DATA/scenarios/court_witness.json"

# --- 1. a document link on another court's host --------------------------
check "other court: runs" offline "$DATA/nef/other_court_link.eml" -r docketing@lawfirm.example
check "other court: the main document, as nysd served it" pdf_part nysd-57-main 5100
check "other court: attachment 1" pdf_part nysd-57-att1 5200
check "other court: attachment 2" pdf_part nysd-57-att2 5300
check_eq "other court: every request went to the nysd host" 4 \
    "$(fc_count 'r["host"] == "ecf.nysd.uscourts.gov"')"
check_grep "other court: the witnesses' disagreement is logged" \
    "OFFLINE: court: witnesses disagree: document-link=nysd document-id=nysd \(the notice is cand's: case-link, sender\)" "$W/err"
check_grep "other court: and the link that goes elsewhere" \
    "OFFLINE: court: the notice is cand's \(case-link, sender\); the document link of 4:22-cv-05541 entry 57 is on ecf.nysd.uscourts.gov \(doc id: nysd\); fetched there if that host is allowed" "$W/err"
check_grep "other court: the audit line names the notice's court" \
    "OFFLINE: notice court=cand case=4:22-cv-05541 entry=57 .*attached=3 " "$W/err"
check_grep "other court: the documents are stored under their own court" \
    "OFFLINE: document nysd/127020918716#0 pdf fetched attached" "$W/err"

# --- 2. links without a host ---------------------------------------------
sed -e 's|https://ecf.cand.uscourts.gov/doc1/|/doc1/|' \
    -e 's|https://ecf.cand.uscourts.gov/cgi-bin/|/cgi-bin/|' \
    "$DATA/nef/district.eml" >"$W/relative.eml"
check "no host: the notice has no host left" test "$(grep -c 'uscourts.gov/' "$W/relative.eml")" -eq 0
n=$(requests)
check "no host: runs" offline "$W/relative.eml" -r docketing@lawfirm.example
check "no host: the document, from the host its doc id names" pdf_part cand-57-main 5000
check_eq "no host: one request to ecf.cand" $((n + 2)) "$(requests)"
check_eq "no host: to the menu and the document" 2 \
    "$(fc_count 'r["host"] == "ecf.cand.uscourts.gov"')"
check_grep "no host: the court came from the doc id" \
    "OFFLINE: notice court=cand case=4:22-cv-05541 entry=57 " "$W/err"

# --- 3. magic_num=0 ------------------------------------------------------
n=$(requests)
check "magic 0: runs" offline "$DATA/nef/magic_zero.eml" -r docketing@lawfirm.example
check_eq "magic 0: each link was tried once" $((n + 2)) "$(requests)"
check_eq "magic 0: with magic_num=0 and no credential" 2 \
    "$(fc_count '"magic_num=0" in r["path"] and r["method"] == "GET" and not r["cookie"] and not r["authorization"]')"
check "magic 0: the adversary case's document is attached" pdf_part nysb-69-main 4500
check_grep "magic 0: the main case's link met a login prompt" \
    "OFFLINE: document nysb/126022600101#0 login " "$W/err"
check_nogrep "magic 0: that link is stripped" "doc1/126022600101" "$W/out.eml"
n=$(requests)
check "magic 0: a second copy runs" offline "$DATA/nef/magic_zero.eml" -r aokafor@lawfirm.example
check_eq "magic 0: the second copy asks nothing" "$n" "$(requests)"
check "magic 0: and attaches the stored document" pdf_part nysb-69-main 4500
tap_done
