#!/usr/bin/env bash
# End to end through a real MTA: notices the milter holds (Postfix's hold
# queue, Sendmail's quarantine), with sealed_link_action = hold and
# restricted_scope = address.
#  1. entry 57 (one attachment behind a login prompt): held, the queue
#     file already holds the rewritten notice with the public PDFs; once
#     released it is delivered as it was held; the daily digest gives
#     the release commands of this MTA only.
#  2. entry 59 (its only document is sealed): held.
#  3. a restricted entry sent only to bob, whom the court did not list:
#     removing him would leave nobody, so the notice is held instead (a
#     notice is never lost), with no document in it.
#  4. restricted_action = hold, set by a SIGUSR1 reload of the running
#     milter: a restricted entry to docketing (listed) and bob is held
#     whole, nobody removed, no document in it.
# Each time the hold queue (postqueue; Sendmail: the hf files), the queue
# file (postcat; Sendmail: the hf and df files) and the maillog (the MTA's
# hold line and nefmilter's reason under the same queue id) are checked.
# Sendmail keeps the reason the milter gave (the hf file's q line), so it
# is checked there too; Postfix keeps none.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
e2e_start "$DATA/scenarios/e2e.json" "sealed_link_action = hold" "restricted_scope = address"
check "$(mta_name) and nefmilter run" true
NEF_PID=$E2E_NEF_PID
SHA_MAIN=$(fc_pdf_sha cand-57-main 5000)
SHA_ATT1=$(fc_pdf_sha cand-57-att1 7000)

# queued QID: the queue file's message (headers and body) in $MTA_DIR/q.eml
queued() { mta_queued "$1" >"$MTA_DIR/q.eml"; }
# held QID: QID is in the hold queue
held() { mta_hold_ids | grep -qx "$1"; }

# --- 1. a login attachment: held with the public PDFs --------------------
N57=$(e2e_notice n57)
e2e_send_notice "$N57" docketing@example.test
check_eq "entry 57: accepted" 0 "$MTA_LAST_RC"
Q1=$MTA_LAST_QID
check "entry 57: $(mta_name) logs the milter's hold" mta_wait_log "$(mta_re_hold "$Q1")" 20
check "entry 57: in the hold queue" held "$Q1"
check_grep "maillog: nefmilter's reason under the same queue id" \
    "nefmilter\[[0-9]+\]: $Q1: $(mta_re_nef_held "$Q1"): 1 link\(s\) met a login prompt or are not public \(sealed_link_action=hold\)" "$LOG"
[ "$MTA" = sendmail ] && check_eq "Sendmail keeps the whole reason (hf file)" \
    "1 link(s) met a login prompt or are not public (sealed_link_action=hold)" "$(mta_hold_reason "$Q1")"
check_grep "maillog: the audit line says held" \
    "nefmilter\[[0-9]+\]: $Q1: notice court=cand .*entry=57 .*attached=2 login=1 .*action=held$" "$LOG"
check "the held message can be read from the queue" queued "$Q1"
P=$(e2e_parts "$MTA_DIR/q.eml")
check_eq "the held queue file has the rewritten notice: both public PDFs" \
    "$SHA_MAIN $SHA_ATT1" "$(e2e_pdf_shas "$P")"
check_grep "the held queue file has the X-NEF header" "^HDR X-NEF: .*entry=57; .*pdf=2; login=1; .*action=held$" "$P"
sleep 0.5
check_eq "nothing delivered while held" 0 "$(mta_maildir_files docketing | wc -l)"
check "release it ($(mta_name): $( [ "$MTA" = sendmail ] && echo 'sendmail -qQ -Q -qIQID' || echo 'postsuper -H QID'))" mta_release "$Q1"
check "released: delivered to docketing" mta_wait_delivered docketing 1 20
P=$(e2e_parts "$(e2e_last docketing)")
check_eq "released: the same PDFs" "$SHA_MAIN $SHA_ATT1" "$(e2e_pdf_shas "$P")"

# --- 2. a sealed document ------------------------------------------------
N59=$(e2e_notice n59 's/035020918716?caseid=401001&de_seq_num=213/035020918900?caseid=401001\&de_seq_num=215/; s/^>57<\/a>/>59<\/a>/')
e2e_send_notice "$N59" aokafor@example.test
Q2=$MTA_LAST_QID
check "entry 59: $(mta_name) logs the milter's hold" mta_wait_log "$(mta_re_hold "$Q2")" 20
check "entry 59: in the hold queue" held "$Q2"
check_grep "maillog: the sealed entry's audit line says held" \
    "nefmilter\[[0-9]+\]: $Q2: notice court=cand .*entry=59 .*attached=0 login=1 .*action=held$" "$LOG"
queued "$Q2"
check_eq "entry 59: no PDF in the held file" "" "$(e2e_pdf_shas "$(e2e_parts "$MTA_DIR/q.eml")")"

# --- 3. restricted entry, nobody allowed: held, never lost ---------------
NS=$(e2e_notice seal 's/MOTION to Compel/MOTION to File Under Seal/')
e2e_send_notice "$NS" bob@example.test
Q3=$MTA_LAST_QID
check "restricted entry to bob only: held" mta_wait_log "$(mta_re_hold "$Q3")" 20
check "restricted entry to bob only: in the hold queue" held "$Q3"
check_grep "maillog: nefmilter says why it held it" \
    "nefmilter\[[0-9]+\]: $Q3: $(mta_re_nef_held "$Q3"): .+" "$LOG"
check_nogrep "maillog: bob is not removed (nobody would be left)" \
    "nefmilter\[[0-9]+\]: $Q3: recipient <bob@example\.test> removed" "$LOG"
queued "$Q3"
check_eq "the held file carries no document" "" "$(e2e_pdf_shas "$(e2e_parts "$MTA_DIR/q.eml")")"
check_grep "its X-NEF says restricted and held" "^HDR X-NEF: .*restricted=yes; .*action=held$" "$MTA_DIR/parts"
check "the notice sent had the free-look link" grep -q 'doc1/035020918716' "$NS"
check_nogrep "the held file carries no free-look link (decoded text)" '035020918716' <($MIMECHECK --text "$MTA_DIR/q.eml")
check_grep "the held notice says the link was removed" "link removed: restricted entry" <($MIMECHECK --text "$MTA_DIR/q.eml")
check_eq "bob got nothing" 0 "$(mta_maildir_files bob | wc -l)"

# --- 4. restricted_action = hold, by a reload of the running milter -------
echo "restricted_action = hold" >>"$MTA_DIR/nef.conf"
kill -USR1 "$NEF_PID"
check "SIGUSR1: the reload is logged in the maillog" \
    mta_wait_log "nefmilter\[[0-9]+\]: configuration reloaded from $MTA_DIR/nef.conf" 10
e2e_send_notice "$NS" docketing@example.test,bob@example.test
Q4=$MTA_LAST_QID
check "restricted entry to docketing and bob: held" mta_wait_log "$(mta_re_hold "$Q4")" 20
check "in the hold queue" held "$Q4"
check_nogrep "nobody removed" "nefmilter\[[0-9]+\]: $Q4: recipient .* removed" "$LOG"
check_grep "the decision names restricted_action=hold" \
    "nefmilter\[[0-9]+\]: $Q4: decision: .*action=hold .*hold=yes" "$LOG"
queued "$Q4"
check_eq "the held file carries no document" "" "$(e2e_pdf_shas "$(e2e_parts "$MTA_DIR/q.eml")")"
check_eq "three messages wait in the hold queue" 3 "$(mta_hold_ids | wc -l)"
check_eq "docketing got only the released notice" 1 "$(mta_maildir_files docketing | wc -l)"
check_nogrep "no nefmilter error in the maillog" "nefmilter\[[0-9]+\]: error" "$LOG"
# The daily digest gives this MTA's release commands only (INSTALL's).
nefctl digest | tr '\n' ' ' | tr -s ' ' >"$MTA_DIR/digest.flat"
check_grep "the digest lists the four held messages" " 4 held; " "$MTA_DIR/digest.flat"
if [ "$MTA" = sendmail ]; then
	check_grep "the digest: Sendmail's release commands" \
	    "by its queue id \(Sendmail\): sendmail -qQ -Q -qIQUEUEID \(then sendmail -qIQUEUEID to send it at once; mailq -qQ lists the quarantine\)\." \
	    "$MTA_DIR/digest.flat"
	check_nogrep "the digest: not Postfix's" "postsuper|postqueue" "$MTA_DIR/digest.flat"
else
	check_grep "the digest: Postfix's release commands" \
	    "by its queue id \(Postfix\): postsuper -H QUEUEID \(then postqueue -i QUEUEID to send it at once; postsuper -d QUEUEID deletes it\)\." \
	    "$MTA_DIR/digest.flat"
	check_nogrep "the digest: not Sendmail's" "sendmail -q|mailq" "$MTA_DIR/digest.flat"
fi
e2e_finish
