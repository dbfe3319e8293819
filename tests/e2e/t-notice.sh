#!/usr/bin/env bash
# End to end through a real MTA (tests/e2e/common.sh; Postfix, or Sendmail
# under tests/sendmail/): notices sent with swaks from the court's
# address, nefmilter fetching from the fake court
# (tests/data/scenarios/e2e.json), delivery to Maildirs.
#  1. entry 57: a free-look attachment menu (main document, a public
#     attachment, one behind a login prompt) to two recipients: each gets
#     both PDFs as the court served them, with their labels;
#  2. entry 58: a menu of a main document and 12 attachments: 13 PDFs;
#  3. entry 59: the only document answers with a login prompt (sealed):
#     the link is stripped from the notice;
#  4. messages that are not notices (from the court's address, and from
#     anyone else) are delivered with the body byte for byte.
# The maillog is checked too: nefmilter's audit lines carry the queue id
# of the MTA's own lines for the same message.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
e2e_start "$DATA/scenarios/e2e.json"
check "$(mta_name) and nefmilter run" true

SHA_MAIN=$(fc_pdf_sha cand-57-main 5000)
SHA_ATT1=$(fc_pdf_sha cand-57-att1 7000)
LBL=2023-03-14_cand_4-22-cv-05541-JST_ECF

# --- 1. attachment menu -------------------------------------------------
N57=$(e2e_notice n57)
e2e_send_notice "$N57" docketing@example.test,aokafor@example.test
check_eq "entry 57: accepted by $(mta_name)" 0 "$MTA_LAST_RC"
Q57=$MTA_LAST_QID
check "entry 57: delivered to docketing" mta_wait_delivered docketing 1 20
check "entry 57: delivered to aokafor" mta_wait_delivered aokafor 1 20
P=$(e2e_parts "$(e2e_last docketing)")
check_grep "docketing: the main document, byte for byte, with its label" \
    "^PART [0-9]+ application/pdf filename=${LBL}57_Main_Document.pdf sha256=$SHA_MAIN size=5000$" "$P"
check_grep "docketing: attachment 1, byte for byte, with its label" \
    "^PART [0-9]+ application/pdf filename=${LBL}57-1_Declaration_of_Adaeze_Okafor.pdf sha256=$SHA_ATT1 size=7000$" "$P"
check_eq "docketing: exactly these two PDFs" "$SHA_MAIN $SHA_ATT1" "$(e2e_pdf_shas "$P")"
check_grep "docketing: the notice is the first part" "^PART 1 text/html " "$P"
check_grep "docketing: X-NEF with the counts" \
    "^HDR X-NEF: v=1; court=cand; case=4:22-cv-05541; entry=57; trust=verified; restricted=no; pdf=2; login=1; .*action=attached$" "$P"
F57=$(e2e_last docketing)
check_grep "docketing: the raw X-NEF header line has its blank after the colon" "^X-NEF: v=1; court=cand;" "$F57"
check_grep "docketing: the raw Content-Type line too" "^Content-Type: multipart/mixed; boundary=" "$F57"
check_eq "docketing: one X-NEF header" 1 "$(grep -c '^X-NEF:' "$F57")"
check_grep "docketing: the summary names the login attachment" \
    "^TEXT 1: .*Attachment 2: Proposed Order" "$P"
P=$(e2e_parts "$(e2e_last aokafor)")
check_eq "aokafor: the same two PDFs" "$SHA_MAIN $SHA_ATT1" "$(e2e_pdf_shas "$P")"
check "entry 57: $(mta_name) is done with it" e2e_wait_qid "$Q57"
check_grep "maillog: $(mta_name)'s line for the queue id, with the Message-ID" \
    "$(mta_re_msgid "$Q57" 2210455@cand.uscourts.gov)" "$LOG"
check_grep "maillog: nefmilter's lines carry $(mta_name)'s host name (log_hostname)" \
    "^[A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} $(mta_host) nefmilter\[[0-9]+\]: $Q57: notice " "$LOG"
check_grep "maillog: nefmilter's audit line under the same queue id" \
    "nefmilter\[[0-9]+\]: $Q57: notice court=cand case=4:22-cv-05541 entry=57 kind=district trust=verified .*docs=3 attached=2 login=1 failed=0 .*action=attached$" "$LOG"
check_grep "maillog: a document line with the sha256 the court served" \
    "nefmilter\[[0-9]+\]: $Q57: document cand/035020918716#0 pdf fetched attached label=\"${LBL}57_Main_Document.pdf\" sha256=$SHA_MAIN size=5000" "$LOG"
check_grep "maillog: the login attachment is logged as such" \
    "nefmilter\[[0-9]+\]: $Q57: document cand/035020918716#2 login " "$LOG"
check_grep "maillog: delivered to docketing under the same queue id" \
    "$(mta_re_delivered "$Q57" docketing@example.test)" "$LOG"
check_eq "the court got GETs only, never a credential" 0 \
    "$(fc_count 'r["method"] != "GET" or r["authorization"] or r["cookie"]')"

# --- 2. twelve attachments -----------------------------------------------
N58=$(e2e_notice n58 's/035020918716?caseid=401001&de_seq_num=213/035020918800?caseid=401001\&de_seq_num=214/; s/^>57<\/a>/>58<\/a>/')
check "entry 58: the variant links the 12-attachment menu" grep -q '035020918800' "$N58"
e2e_send_notice "$N58" docketing@example.test
Q58=$MTA_LAST_QID
check "entry 58: delivered" mta_wait_delivered docketing 2 30
P=$(e2e_parts "$(e2e_last docketing)")
want="$(fc_pdf_sha cand-58-main 6000)"
for i in $(seq 1 12); do want="$want $(fc_pdf_sha "cand-58-att$i" $((3000 + 250 * i)))"; done
check_eq "entry 58: 13 PDFs, each as the court served it, in order" "$want" "$(e2e_pdf_shas "$P")"
check_grep "entry 58: attachment 12 has its label" \
    "^PART [0-9]+ application/pdf filename=${LBL}58-12_Exhibit_12.pdf sha256=$(fc_pdf_sha cand-58-att12 6000) size=6000$" "$P"
check_grep "entry 58: X-NEF pdf=13" "^HDR X-NEF: .*entry=58; .*pdf=13; login=0; .*action=attached$" "$P"
check "entry 58: audit line in the maillog" e2e_wait_qid "$Q58"
check_grep "entry 58: audit line under $(mta_name)'s queue id" \
    "nefmilter\[[0-9]+\]: $Q58: notice court=cand .*entry=58 .*docs=13 attached=13 login=0 " "$LOG"

# --- 3. a sealed document: login prompt, link stripped --------------------
N59=$(e2e_notice n59 's/035020918716?caseid=401001&de_seq_num=213/035020918900?caseid=401001\&de_seq_num=215/; s/^>57<\/a>/>59<\/a>/')
e2e_send_notice "$N59" docketing@example.test
Q59=$MTA_LAST_QID
check "entry 59: delivered" mta_wait_delivered docketing 3 20
F59=$(e2e_last docketing)
P=$(e2e_parts "$F59")
check_eq "entry 59: no PDF" "" "$(e2e_pdf_shas "$P")"
check_grep "entry 59: X-NEF login=1, action=stripped" \
    "^HDR X-NEF: .*entry=59; .*pdf=0; login=1; .*action=stripped$" "$P"
check "entry 59: the notice sent had the link" grep -q 'doc1/035020918900' "$N59"
check_nogrep "entry 59: the link is gone from the delivered notice" '035020918900' <($MIMECHECK --text "$F59")
check_nogrep "entry 59: and from the raw message" '035020918900' "$F59"
check_grep "entry 59: the notice says why the link was removed" \
    "link removed: the court asked for a login" <($MIMECHECK --text "$F59")
check "entry 59: audit line in the maillog" e2e_wait_qid "$Q59"
check_grep "entry 59: audit line under $(mta_name)'s queue id" \
    "nefmilter\[[0-9]+\]: $Q59: notice court=cand .*entry=59 .*attached=0 login=1 .*action=stripped$" "$LOG"

# --- 4. not notices: delivered byte for byte ------------------------------
NN=$MTA_DIR/nn.eml
sed 's/lawfirm\.example/example.test/g' "$DATA/nef/not_a_notice.eml" >"$NN"
e2e_send_notice "$NN" bob@example.test
QNN=$MTA_LAST_QID
check "court sender, not a notice: delivered" mta_wait_delivered bob 1 20
FNN=$(e2e_last bob)
if cmp -s <(pf_body "$NN") <(pf_body "$FNN"); then ok "court sender, not a notice: body byte for byte"
else not_ok "court sender, not a notice: body byte for byte"; diff <(pf_body "$NN") <(pf_body "$FNN") | head -5 | diag "$(cat)"; fi
check_nogrep "court sender, not a notice: no X-NEF" '^X-NEF:' "$FNN"
check "court sender, not a notice: logged" e2e_wait_qid "$QNN"
check_grep "maillog: 'not a notice' under $(mta_name)'s queue id" \
    "nefmilter\[[0-9]+\]: $QNN: not a notice \(.*\); passed unchanged, subject=\"lunch\"" "$LOG"

cp "$TOP/tests/data/harness-plain.eml" "$MTA_DIR/plain.eml"
mta_send alice@example.org carol@example.test "$MTA_DIR/plain.eml"
QP=$MTA_LAST_QID
check "ordinary mail: delivered" mta_wait_delivered carol 1 20
check "ordinary mail: body byte for byte" cmp -s <(pf_body "$MTA_DIR/plain.eml") <(pf_body "$(e2e_last carol)")
check_nogrep "ordinary mail: no X-NEF" '^X-NEF:' "$(e2e_last carol)"
check "ordinary mail: $(mta_name) is done with it" mta_wait_log "$(mta_re_done "$QP")" 10
check_nogrep "ordinary mail: nefmilter says nothing about it (accepted at MAIL FROM)" \
    "nefmilter\[[0-9]+\]: $QP: " "$LOG"

check "the queue is empty" mta_queue_empty
check_nogrep "no nefmilter error or warning in the maillog" "nefmilter\[[0-9]+\]: (error|warning)" "$LOG"
e2e_finish
