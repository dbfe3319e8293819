#!/usr/bin/env bash
# End to end through a real MTA (Postfix, or Sendmail under
# tests/sendmail/): the clawback and the audit trail.
#  1. entry 57 reaches docketing and aokafor (fetched), then carol (a
#     second copy, from the store): all with the two public PDFs.
#  2. "nefctl purge cand 035020918716" deletes the stored documents and
#     prints the messages that carried them, with the MTA's queue ids and
#     the recipients.
#  3. a later copy of entry 57 (to bob) arrives without the PDFs, and the
#     court is not asked again; a later notice (entry 60) whose link
#     serves the very same file under another document id does not get
#     it attached either.
#  4. "nefctl audit" shows each delivery: by case, by recipient, by queue
#     id (JSON, with the documents' sha256).
set -u
. "$(dirname "$0")/common.sh"
e2e_require
e2e_start "$DATA/scenarios/e2e.json"
check "$(mta_name) and nefmilter run" true
SHA_MAIN=$(fc_pdf_sha cand-57-main 5000)
SHA_ATT1=$(fc_pdf_sha cand-57-att1 7000)
STATE=$MTA_DIR/nefstate

# --- 1. two deliveries ----------------------------------------------------
N57=$(e2e_notice n57)
e2e_send_notice "$N57" docketing@example.test,aokafor@example.test
Q1=$MTA_LAST_QID
check "first copy: delivered to docketing" mta_wait_delivered docketing 1 20
check "first copy: delivered to aokafor" mta_wait_delivered aokafor 1 20
check_eq "first copy: both PDFs" "$SHA_MAIN $SHA_ATT1" "$(e2e_pdf_shas "$(e2e_parts "$(e2e_last docketing)")")"
e2e_send_notice "$N57" carol@example.test
Q2=$MTA_LAST_QID
check "second copy: delivered to carol" mta_wait_delivered carol 1 20
check_eq "second copy: both PDFs" "$SHA_MAIN $SHA_ATT1" "$(e2e_pdf_shas "$(e2e_parts "$(e2e_last carol)")")"
check "both logged" e2e_wait_qid "$Q2"
check_grep "maillog: the second copy came from the store" \
    "nefmilter\[[0-9]+\]: $Q2: document cand/035020918716#0 pdf from-store attached " "$LOG"
check "the main document is stored" test -n "$(find "$STATE/docs" -name "$SHA_MAIN.pdf")"
requests=$(fc_count 'True')

# --- 2. the purge ---------------------------------------------------------
nefctl purge cand 035020918716 >"$MTA_DIR/purge.out" 2>&1
check_eq "nefctl purge: exit 0" 0 "$?"
diag "$(cat "$MTA_DIR/purge.out")"
check_grep "purge prints the first message's queue id" "$Q1" "$MTA_DIR/purge.out"
check_grep "purge prints the second message's queue id" "$Q2" "$MTA_DIR/purge.out"
check_grep "purge prints who received the first (docketing)" "docketing@example\.test" "$MTA_DIR/purge.out"
check_grep "purge prints who received the first (aokafor)" "aokafor@example\.test" "$MTA_DIR/purge.out"
check_grep "purge prints who received the second (carol)" "carol@example\.test" "$MTA_DIR/purge.out"
check "the stored file is gone" test -z "$(find "$STATE/docs" -name "$SHA_MAIN.pdf")"
check "the store is consistent after the purge" quiet nefctl check

# --- 3. later copies ------------------------------------------------------
e2e_send_notice "$N57" bob@example.test
Q3=$MTA_LAST_QID
check "third copy: delivered to bob" mta_wait_delivered bob 1 20
P=$(e2e_parts "$(e2e_last bob)")
check_eq "third copy: no PDF" "" "$(e2e_pdf_shas "$P")"
check_grep "third copy: X-NEF counts the tombstones (the whole entry's key)" \
    "^HDR X-NEF: .*entry=57; .*pdf=0; .*tombstoned=3; bad-redaction=0; identifiers=0; unchecked=0; action=summary$" "$P"
check "third copy: logged" e2e_wait_qid "$Q3"
check_grep "maillog: the main document is tombstoned" \
    "nefmilter\[[0-9]+\]: $Q3: document cand/035020918716#0 tombstoned" "$LOG"
check_eq "the court was not asked again" "$requests" "$(fc_count 'True')"

N60=$(e2e_notice n60 's/035020918716?caseid=401001&de_seq_num=213/035020918600?caseid=401001\&de_seq_num=216/; s/^>57<\/a>/>60<\/a>/')
e2e_send_notice "$N60" bob@example.test
Q4=$MTA_LAST_QID
check "entry 60: delivered" mta_wait_delivered bob 2 20
check "entry 60: logged" e2e_wait_qid "$Q4"
check_eq "entry 60: the court served the purged file again" 1 \
    "$(fc_count 'r["path"].startswith("/doc1/035020918600")')"
check_eq "entry 60: the purged content is not attached under another id" "" \
    "$(e2e_pdf_shas "$(e2e_parts "$(e2e_last bob)")")"
check_grep "entry 60: maillog says tombstoned" \
    "nefmilter\[[0-9]+\]: $Q4: document cand/035020918600#0 tombstoned" "$LOG"
check "and it is not stored again" test -z "$(find "$STATE/docs" -name "$SHA_MAIN.pdf")"

# --- 4. the audit trail ---------------------------------------------------
nefctl audit --case cand 4:22-cv-05541 >"$MTA_DIR/audit.out" 2>&1
check_eq "nefctl audit --case: exit 0" 0 "$?"
for q in "$Q1" "$Q2" "$Q3" "$Q4"; do
	check_eq "audit --case: one record for $q" 1 "$(grep -c "$q" "$MTA_DIR/audit.out")"
done
check_grep "audit: the first delivery names its recipients" \
    "$Q1.*(docketing@example\.test.*aokafor@example\.test|aokafor@example\.test.*docketing@example\.test)" "$MTA_DIR/audit.out"
nefctl audit --rcpt carol@example.test >"$MTA_DIR/audit-carol.out" 2>&1
check_eq "audit --rcpt carol: only the second copy" "$Q2" \
    "$(grep -oE "$Q1|$Q2|$Q3|$Q4" "$MTA_DIR/audit-carol.out" | sort -u | tr '\n' ' ' | sed 's/ $//')"
nefctl audit --qid "$Q1" --json >"$MTA_DIR/audit-q1.json" 2>&1
check "audit --qid --json: the documents with their sha256" /usr/bin/python3 -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
assert len(recs) == 1 and recs[0]["qid"] == sys.argv[2], recs
shas = sorted(d["sha256"] for d in recs[0]["documents"])
assert shas == sorted(sys.argv[3:]), shas
rc = sorted(r["address"] for r in recs[0]["recipients"])
assert rc == ["aokafor@example.test", "docketing@example.test"], rc
' "$MTA_DIR/audit-q1.json" "$Q1" "$SHA_MAIN" "$SHA_ATT1"
check_nogrep "no nefmilter error in the maillog" "nefmilter\[[0-9]+\]: error" "$LOG"
e2e_finish
