#!/usr/bin/env bash
# End to end through a real MTA (Postfix, or Sendmail under
# tests/sendmail/): who receives a notice.
#  1. A normal entry reaches the case team: carol, added with "nefctl
#     team add" while the milter runs, gets the notice with its PDFs
#     though the court sent it to docketing only.
#  2. An entry that mentions seal, with restricted_scope = address: the
#     court listed docketing@ and aokafor@ (example.test), so they get it
#     with the PDFs; bob@, an envelope recipient the court did not list,
#     gets nothing, and neither does carol (team, not listed); the
#     maillog says why, under the MTA's queue id.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
e2e_start "$DATA/scenarios/e2e.json" "restricted_scope = address"
check "$(mta_name) and nefmilter run" true
SHA_MAIN=$(fc_pdf_sha cand-57-main 5000)
SHA_ATT1=$(fc_pdf_sha cand-57-att1 7000)

# --- 1. the case team ---------------------------------------------------
check "nefctl team add while the milter runs" \
    quiet nefctl team add cand 4:22-cv-05541-JST carol@example.test
check_grep "nefctl team list shows carol" "^cand	4:22-cv-05541	carol@example\.test	" <(nefctl team list)
check "nefctl refuses an address outside firm_domains (exit 2)" \
    test "$(nefctl team add cand 4:22-cv-05541 eve@outside.example >/dev/null 2>&1; echo $?)" = 2

N57=$(e2e_notice n57)
e2e_send_notice "$N57" docketing@example.test
check_eq "normal entry: accepted" 0 "$MTA_LAST_RC"
Q1=$MTA_LAST_QID
check "normal entry: delivered to docketing" mta_wait_delivered docketing 1 20
check "normal entry: delivered to carol (the team)" mta_wait_delivered carol 1 20
P=$(e2e_parts "$(e2e_last carol)")
check_eq "carol: both PDFs as the court served them" "$SHA_MAIN $SHA_ATT1" "$(e2e_pdf_shas "$P")"
check_grep "carol: X-NEF restricted=no, action=attached" "^HDR X-NEF: .*entry=57; trust=verified; restricted=no; pdf=2; .*action=attached$" "$P"
check "normal entry: logged" e2e_wait_qid "$Q1"
check_grep "maillog: the audit line names carol as added" \
    "nefmilter\[[0-9]+\]: $Q1: notice court=cand .*entry=57 .*added=<carol@example\.test> removed=- action=attached$" "$LOG"
check_grep "maillog: $(mta_name) delivered to carol under the same queue id" \
    "$(mta_re_delivered "$Q1" carol@example.test)" "$LOG"

# --- 2. a restricted entry ----------------------------------------------
NS=$(e2e_notice seal 's/MOTION to Compel/MOTION to File Under Seal/')
before_bob=$(mta_maildir_files bob | wc -l)
before_carol=$(mta_maildir_files carol | wc -l)
e2e_send_notice "$NS" docketing@example.test,aokafor@example.test,bob@example.test
check_eq "restricted entry: accepted" 0 "$MTA_LAST_RC"
Q2=$MTA_LAST_QID
check "restricted entry: delivered to docketing" mta_wait_delivered docketing 2 20
check "restricted entry: delivered to aokafor" mta_wait_delivered aokafor 1 20
check "restricted entry: $(mta_name) is done with it" e2e_wait_qid "$Q2"
check_eq "restricted entry: bob (not listed) got nothing" "$before_bob" "$(mta_maildir_files bob | wc -l)"
check_eq "restricted entry: carol (team, not listed) got nothing" "$before_carol" "$(mta_maildir_files carol | wc -l)"
P=$(e2e_parts "$(e2e_last aokafor)")
check_eq "aokafor (listed): both PDFs" "$SHA_MAIN $SHA_ATT1" "$(e2e_pdf_shas "$P")"
check_grep "aokafor: X-NEF restricted=yes" "^HDR X-NEF: .*entry=57; trust=verified; restricted=yes; .*action=attached$" "$P"
check_grep "maillog: why bob was removed, under $(mta_name)'s queue id" \
    "nefmilter\[[0-9]+\]: $Q2: recipient <bob@example\.test> removed: not court-listed for this restricted entry \(scope=address\)" "$LOG"
check_grep "maillog: the audit line says restricted and who was removed" \
    "nefmilter\[[0-9]+\]: $Q2: notice court=cand .*restricted=yes\(Seal\) .*removed=<bob@example\.test> action=attached$" "$LOG"
check_grep "maillog: the decision says the team member was skipped" \
    "nefmilter\[[0-9]+\]: $Q2: decision: .*scope=address .*team_skipped=1" "$LOG"
check_grep "maillog: $(mta_name) delivered to docketing" \
    "$(mta_re_delivered "$Q2" docketing@example.test)" "$LOG"
check_nogrep "maillog: $(mta_name) delivered nothing to bob" \
    "$(mta_prog)\[[0-9]+\]: $Q2: to=<bob@example\.test>" "$LOG"

check "the queue is empty" mta_queue_empty
check_nogrep "no nefmilter error or warning in the maillog" "nefmilter\[[0-9]+\]: (error|warning)" "$LOG"
e2e_finish
