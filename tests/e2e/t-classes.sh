#!/usr/bin/env bash
# End to end through a real Postfix (tests/e2e/common.sh), the classes of
# notice beyond the plain NEF, with the fake court of
# tests/data/scenarios/classes.json:
#  1. a Notice of Electronic Claims Filing: the claim's PDF and its
#     exhibit reach the Maildir byte for byte, labelled as the claim;
#  2. entry 25, then the notice that adds its correct PDF: each message
#     carries its own version, the corrected one labelled so; the store
#     keeps both; the audit record says what changed;
#  3. a forged corrected notice from outside the court's domain changes
#     nothing in the store and is delivered as it came.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
e2e_start "$DATA/scenarios/classes.json"
check "Postfix and nefmilter run" true

fixture() {	# NAME: the fixture with the firm's domain turned into example.test
	sed 's/lawfirm\.example/example.test/g' "$DATA/nef/$1.eml" >"$PF_DIR/$1.eml"
	echo "$PF_DIR/$1.eml"
}

# --- 1. a proof of claim ----------------------------------------------------
F=$(fixture claim_cacb)
pf_send cmecfhelpdesk@cacb.uscourts.gov docketing@example.test "$F"
check_eq "claim: accepted" 0 "$PF_LAST_RC"
QC=$PF_LAST_QID
check "claim: delivered" pf_wait_delivered docketing 1 20
P=$(e2e_parts "$(e2e_last docketing)")
check_grep "claim: the claim's PDF, byte for byte, with the claim's label" \
    "^PART [0-9]+ application/pdf filename=2022-10-21_cacb_6-22-bk-13777_Claim7_Quantum3_Group_LLC.pdf sha256=$(fc_pdf_sha cacb-claim7-main 6100) size=6100$" "$P"
check_grep "claim: its exhibit" \
    "^PART [0-9]+ application/pdf filename=2022-10-21_cacb_6-22-bk-13777_Claim7-1_Quantum3_Group_LLC.pdf sha256=$(fc_pdf_sha cacb-claim7-exA 3100) size=3100$" "$P"
check_grep "claim: the notice is the first part" "^PART 1 text/html " "$P"
check_grep "claim: the summary names the claim" "Proof of claim 7 by Quantum3 Group LLC" "$P"
check "claim: logged" e2e_wait_qid "$QC"
check_grep "claim: the audit line" \
    "nefmilter\[[0-9]+\]: $QC: notice court=cacb case=6:22-bk-13777 entry=- kind=claim trust=verified .*attached=2 " "$LOG"

# --- 2. a corrected PDF beside the original -------------------------------
F=$(fixture schedules_entry25)
pf_send nysbinfo@nysb.uscourts.gov docketing@example.test "$F"
check "entry 25: delivered" pf_wait_delivered docketing 2 20
P=$(e2e_parts "$(e2e_last docketing)")
check_eq "entry 25: the original PDF" "$(fc_pdf_sha nysb-25-original 4400)" "$(e2e_pdf_shas "$P")"
F=$(fixture corrected_pdf)
pf_send nysbinfo@nysb.uscourts.gov docketing@example.test "$F"
QX=$PF_LAST_QID
check "corrected: delivered" pf_wait_delivered docketing 3 20
P=$(e2e_parts "$(e2e_last docketing)")
check_grep "corrected: the corrected PDF, byte for byte, labelled corrected" \
    "^PART [0-9]+ application/pdf filename=2024-03-01_nysb_24-10123-mg_ECF25_Amended_Schedules_corrected.pdf sha256=$(fc_pdf_sha nysb-25-corrected 4700) size=4700$" "$P"
check_eq "corrected: only that PDF" "$(fc_pdf_sha nysb-25-corrected 4700)" "$(e2e_pdf_shas "$P")"
check_grep "corrected: the summary says what changed" \
    "This notice changes entry 25: a corrected PDF; the earlier version is kept." "$P"
check "corrected: logged" e2e_wait_qid "$QX"
check_grep "corrected: the change in the maillog" \
    "nefmilter\[[0-9]+\]: $QX: changed entry: nysb 24-10123 entry 25 \(corrected-pdf\)" "$LOG"
nefctl case show nysb 24-10123 >"$PF_DIR/show" 2>&1
check_grep "corrected: the store keeps the original" \
    "nysb 126023311025 att 0 .*sha256 $(fc_pdf_sha nysb-25-original 4400)" "$PF_DIR/show"
check_grep "corrected: and the corrected version beside it" \
    "nysb 126023311025.c202403151005 att 0 .*sha256 $(fc_pdf_sha nysb-25-corrected 4700)" "$PF_DIR/show"
nefctl audit --qid "$QX" --json >"$PF_DIR/audit" 2>&1
check "corrected: the audit record says what changed" /usr/bin/python3 -c '
import json, sys
text = open(sys.argv[1]).read()
recs = json.loads(text) if text.lstrip().startswith("[") else [json.loads(l) for l in text.splitlines() if l.strip()]
items = [i for r in recs for i in r.get("items", [])]
ch = [i["value"].split("\t") for i in items if i["tag"] == 1]
assert ch and ch[0][:2] == ["corrected-pdf", "25"], items
' "$PF_DIR/audit"

# --- 3. a forged corrected notice -------------------------------------------
before=$(nefctl case show nysb 24-10123 | sed -n '/^documents/,/^recent/{/^recent/d;p;}')
n=$(fc_count True)
sed -e 's/magic_num=91234025/magic_num=91234666/' "$F" >"$PF_DIR/forged.eml"
pf_send courtmail@nysb-uscourts.example bob@example.test "$PF_DIR/forged.eml"
QF=$PF_LAST_QID
check "forged: delivered" pf_wait_delivered bob 1 20
check "forged: delivered as it came" cmp -s <(pf_body "$PF_DIR/forged.eml") <(pf_body "$(e2e_last bob)")
check_eq "forged: the court was asked nothing" "$n" "$(fc_count True)"
check "forged: Postfix is done with it" pf_wait_log "postfix/qmgr\[[0-9]+\]: $QF: removed" 10
check_eq "forged: the store's documents are as they were" "$before" \
    "$(nefctl case show nysb 24-10123 | sed -n '/^documents/,/^recent/{/^recent/d;p;}')"

check "the queue is empty" pf_queue_empty
check_nogrep "no nefmilter error or warning in the maillog" "nefmilter\[[0-9]+\]: (error|warning)" "$LOG"
e2e_finish
