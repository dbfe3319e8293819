#!/usr/bin/env bash
# What INPUT_MAIL_FILTER's F= gives while nefmilter is down, under the
# real Sendmail, and that INSTALL (section 6) and conf/sendmail.mc.example
# say so:
#  - running (restricted_scope = address), nefmilter removes bob, whom the
#    court did not list, from an entry that mentions seal;
#  - stopped, with INSTALL's line (F=T): Sendmail answers 4xx and takes
#    nothing, so the court's server tries again later;
#  - stopped, with F= left out: Sendmail delivers the entry unprocessed
#    (no X-NEF header) to every recipient, bob included, as INSTALL warns.
set -u
MTA=sendmail
. "$(dirname "$0")/../e2e/common.sh"
e2e_require
INST=$TOP/INSTALL
S6=$(sed -n '/^6\. Sendmail/,/^7\. Running/p' "$INST")
LINE=$(printf '%s\n' "$S6" | grep -E "^    INPUT_MAIL_FILTER\(\`nefmilter'" | head -n 1)
check "INSTALL gives nefmilter's INPUT_MAIL_FILTER line" test -n "$LINE"
FLAGS=$(printf '%s\n' "$LINE" | sed -n 's/.*, F=\([A-Z]*\),.*/\1/p')
check_eq "INSTALL's line tempfails while nefmilter is down (F=T)" T "$FLAGS"
check_grep "conf/sendmail.mc.example has the same line" \
    "^$(printf '%s\n' "$LINE" | sed -e 's/^ *//' -e 's/[][().*^$]/\\&/g')$" "$TOP/conf/sendmail.mc.example"
SM_MILTER_FLAGS=$FLAGS
e2e_start "$DATA/scenarios/e2e.json" "restricted_scope = address"
check "Sendmail and nefmilter run" true
NS=$(e2e_notice seal 's/MOTION to Compel/MOTION to File Under Seal/')

# --- running: bob is removed ---------------------------------------------------
e2e_send_notice "$NS" docketing@example.test,bob@example.test
Q=$MTA_LAST_QID
check "running: the entry goes through nefmilter" e2e_wait_qid "$Q"
check_grep "running: nefmilter removes bob (not court-listed)" \
    "nefmilter\[[0-9]+\]: $Q: recipient <bob@example\.test> removed: not court-listed" "$LOG"
check "running: docketing gets it" mta_wait_delivered docketing 1 20
check_eq "running: bob gets nothing" 0 "$(mta_maildir_files bob | wc -l)"

# --- stopped, F=T -----------------------------------------------------------------
pf_kill "$E2E_NEF_PID"
E2E_NEF_PID=
e2e_send_notice "$NS" docketing@example.test,bob@example.test
check "F=T, nefmilter stopped: Sendmail refuses the notice" test "$MTA_LAST_RC" -ne 0
check "with a 4xx (the court's server retries)" grep -Eq '^<\*\* +4[0-9][0-9] ' "$MTA_LAST_LOG"
check_eq "nothing reaches bob" 0 "$(mta_maildir_files bob | wc -l)"
check_grep "INSTALL says F=T takes nothing while nefmilter is down" \
    "Sendmail answers 4xx and takes no mail" <(printf '%s\n' "$S6" | tr '\n' ' ' | sed 's/  */ /g')

# --- stopped, F= left out ---------------------------------------------------------
SM_MILTER_FLAGS=
sm_write_mc >"$SM_DIR/etc/sendmail.mc"
"$SM_ROOT/usr/bin/m4" -D_CF_DIR_="$SM_ROOT/usr/share/sendmail/cf/" \
    "$SM_ROOT/usr/share/sendmail/cf/m4/cf.m4" "$SM_DIR/etc/sendmail.mc" >"$SM_CF" \
    2>"$SM_DIR/log/m4.err"
check_grep "the .cf now has no F= for nefmilter" "^Xnef, S=unix:[^,]*\$" "$SM_CF"
check "Sendmail restarts" sm_restart
e2e_send_notice "$NS" docketing@example.test,bob@example.test
check_eq "F left out, nefmilter stopped: Sendmail takes the notice" 0 "$MTA_LAST_RC"
check "bob, whom nefmilter would remove, gets the restricted entry" mta_wait_delivered bob 1 20
check_nogrep "unprocessed (no X-NEF)" "^X-NEF:" "$(e2e_last bob)"
check_grep "INSTALL says so" \
    "including those nefmilter would have removed or held it from" <(printf '%s\n' "$S6" | tr '\n' ' ' | sed 's/  */ /g')
check_nogrep "INSTALL no longer says nothing leaks" "nothing leaks" "$INST"
check_nogrep "nor does the example" "nothing leaks" "$TOP/conf/sendmail.mc.example"
e2e_finish
