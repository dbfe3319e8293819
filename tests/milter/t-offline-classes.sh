#!/usr/bin/env bash
# Offline pipeline and the classes of notice beyond the plain NEF:
#  1. a Notice of Electronic Claims Filing: the claim's document and its
#     exhibit, fetched through the claim's free look (the court answers
#     only requests that carry claim_id and claim_num), attached with the
#     claim's own labels; the summary names the claim;
#  2. a corrected PDF: the original entry first, then the notice that adds
#     the correct PDF; both versions are kept in the store, each copy of
#     each notice gets its own version, the corrected one labelled so;
#     the audit says what changed;
#  3. a modified docket text without a document, and a new-case notice
#     with no document: delivered with the summary lines that say so;
#  4. a forged corrected notice (not a court's sender) and an unverified
#     one change nothing in the store;
#  5. purging the entry's document takes the corrected version with it,
#     and a later copy of the corrected notice attaches nothing.
. "$(dirname "$0")/common.sh"

court "$DATA/scenarios/classes.json"
NN="$DATA/nef"
R=docketing@lawfirm.example

# --- 1. a proof of claim ------------------------------------------------
check "claim: runs" offline "$NN/claim_cacb.eml" -r "$R"
check "claim: the claim's document, byte for byte" pdf_part cacb-claim7-main 6100
check "claim: its exhibit" pdf_part cacb-claim7-exA 3100
check_grep "claim: labelled as the claim" \
    "application/pdf filename=2022-10-21_cacb_6-22-bk-13777_Claim7_Quantum3_Group_LLC.pdf sha256=$(fc_pdf_sha cacb-claim7-main 6100) " "$W/parts"
check_grep "claim: the exhibit too, as attachment 1 of the claim" \
    "application/pdf filename=2022-10-21_cacb_6-22-bk-13777_Claim7-1_Quantum3_Group_LLC.pdf sha256=$(fc_pdf_sha cacb-claim7-exA 3100) " "$W/parts"
check_eq "claim: every request carried the claim" 3 \
    "$(fc_count '"claim_id=103202377" in r["path"] and "claim_num=7" in r["path"]')"
check_grep "claim: the summary names the claim" \
    "Proof of claim 7 by Quantum3 Group LLC as agent for Example Credit Partners LLC: amount claimed \\\$12,643.92, secured \\\$10,000.00; filed by Okafor, Adaeze." "$W/parts"
check_grep "claim: the log names it" \
    "OFFLINE: claim notice: Proof of claim 7 by Quantum3 Group LLC" "$W/err"
check_grep "claim: the audit line" \
    "OFFLINE: notice court=cacb case=6:22-bk-13777 entry=- kind=claim .*attached=2 " "$W/err"
n=$(requests)
check "claim: the text form runs" offline "$NN/claim_cacb_text.eml" -r "$R"
check_eq "claim: the text form asks nothing again" "$n" "$(requests)"
check "claim: and attaches the stored claim" pdf_part cacb-claim7-main 6100

# --- 2. a corrected PDF, beside the original -------------------------------
check "corrected: the original entry runs" offline "$NN/schedules_entry25.eml" -r "$R"
check "corrected: the original PDF" pdf_part nysb-25-original 4400
check_grep "corrected: the original's label" \
    "filename=2024-03-01_nysb_24-10123-mg_ECF25_Amended_Schedules.pdf " "$W/parts"
check "corrected: the corrected notice runs" offline "$NN/corrected_pdf.eml" -r "$R"
check "corrected: the corrected PDF is attached" pdf_part nysb-25-corrected 4700
check_nogrep "corrected: not the original" "sha256=$(fc_pdf_sha nysb-25-original 4400)" "$W/parts"
check_grep "corrected: labelled as corrected" \
    "filename=2024-03-01_nysb_24-10123-mg_ECF25_Amended_Schedules_corrected.pdf sha256=$(fc_pdf_sha nysb-25-corrected 4700) " "$W/parts"
check_grep "corrected: the summary says what changed" \
    "This notice changes entry 25: a corrected PDF; the earlier version is kept." "$W/parts"
check_grep "corrected: the log says what changed" \
    "OFFLINE: changed entry: nysb 24-10123 entry 25 \(corrected-pdf\)" "$W/err"
check_grep "corrected: and where it is kept" \
    "OFFLINE: changed entry: document nysb/126023311025.c202403151005#0 is kept beside any earlier version" "$W/err"
"$NEFCTL" -c "$W/n.conf" case show nysb 24-10123 >"$W/show" 2>&1
check_grep "corrected: the store keeps the original" "nysb 126023311025 att 0 .*$(fc_pdf_sha nysb-25-original 4400)" "$W/show"
check_grep "corrected: beside the corrected one" "nysb 126023311025.c202403151005 att 0 .*$(fc_pdf_sha nysb-25-corrected 4700)" "$W/show"
"$NEFCTL" -c "$W/n.conf" audit --case nysb 24-10123 --json >"$W/audit" 2>&1
check "corrected: the audit record says what changed" /usr/bin/python3 -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
recs = recs if not (len(recs) == 1 and isinstance(recs[0], list)) else recs[0]
items = [i for r in recs for i in r.get("items", [])]
ch = [i["value"] for i in items if i["tag"] == 1]
assert ch and ch[-1].split("\t")[:2] == ["corrected-pdf", "25"], items
' "$W/audit"
check_grep "corrected: nefctl case show lists the change" \
    "OFFLINE +nysb +24-10123#25 +attached verified offline-test +to: docketing@lawfirm.example +changed: corrected-pdf entry 25 +docs: 2024-03-01_nysb_24-10123-mg_ECF25_Amended_Schedules_corrected.pdf" "$W/show"
n=$(requests)
check "corrected: another copy of the original runs" offline "$NN/schedules_entry25.eml" -r aokafor@lawfirm.example
check "corrected: it still gets the original" pdf_part nysb-25-original 4400
check "corrected: another copy of the corrected one runs" offline "$NN/corrected_pdf_text.eml" -r aokafor@lawfirm.example
check "corrected: it gets the corrected version" pdf_part nysb-25-corrected 4700
check_eq "corrected: both copies from the store" "$n" "$(requests)"

# --- 3. a change without a document; a notice read in part ----------------
check "modified: runs" offline "$NN/modified_text.eml" -r "$R"
check_grep "modified: the summary says what changed" \
    "This notice changes entry 12: its docket text was modified \(from (&quot;|\")Motion to Extend Time(&quot;|\") to (&quot;|\")Motion to Extend Time to File Schedules and Statement of Financial Affairs(&quot;|\")\)." "$W/parts"
check "new case without a document: runs" offline "$NN/newcase_txnb.eml" -r "$R"
check_grep "new case: the summary says what could not be read" \
    "Could not be read from this notice: the document link or number, the docket text." "$W/parts"
check_grep "new case: delivered with the notice itself" "^PART 1 text/html" "$W/parts"
check_grep "new case: the log says so too" \
    "OFFLINE: new-case notice: Could not be read from this notice" "$W/err"

# --- 4. forged and unverified change notices ----------------------------
docs_of() { "$NEFCTL" -c "$W/n.conf" case show nysb 24-10123 | sed -n '/^documents/,/^recent/{/^recent/d;p;}'; }
before=$(docs_of)
n=$(requests)
sed -e 's/^From: .*/From: ecf-notices@nysb-uscourts.example/' -e 's/magic_num=91234025/magic_num=91234099/' \
    "$NN/corrected_pdf.eml" >"$W/forged.eml"
check "forged: runs" offline "$W/forged.eml" -r "$R"
check_eq "forged: nothing asked of the court" "$n" "$(requests)"
check_nogrep "forged: nothing attached" "application/pdf" "$W/parts"
fc_conf "$W/u.conf" "state_dir = $W/state" "firm_domains = lawfirm.example" "user = nobody"
sed 's/magic_num=91234025/magic_num=91234099/' "$NN/corrected_pdf.eml" >"$W/unverified.eml"
"$NEF" -c "$W/u.conf" -t "$W/unverified.eml" -r "$R" >"$W/out.eml" 2>"$W/err"
check_grep "unverified: read as a court's notice that is not verified" \
    "OFFLINE: notice court=nysb .* trust=unverified " "$W/err"
check_eq "unverified: nothing asked of the court" "$n" "$(requests)"
check_eq "forged and unverified: the store's documents are as they were" "$before" "$(docs_of)"

# --- 5. the clawback takes the corrected version too ---------------------
"$NEFCTL" -c "$W/n.conf" purge nysb 126023311025 >"$W/purge" 2>&1
check_grep "purge: the original goes" "126023311025 att 0" "$W/purge"
check_grep "purge: and the version beside it" "126023311025.c202403151005 att 0" "$W/purge"
check_eq "purge: no document of the entry is left" "documents (0):" "$(docs_of)"
n=$(requests)
check "purge: a later copy of the corrected notice runs" offline "$NN/corrected_pdf.eml" -r "$R"
check_nogrep "purge: its PDF is never attached again" "application/pdf" "$W/parts"
check_eq "purge: nor fetched" "$n" "$(requests)"
check_grep "purge: the summary says it was withdrawn" "Withdrawn by the firm" "$W/parts"
tap_done
