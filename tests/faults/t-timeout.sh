#!/usr/bin/env bash
# The court is slower than Postfix's patience: milter_content_timeout
# (3 s here) expires while nefmilter still fetches (a document takes 5 s).
# Postfix gives up on the milter and, with milter_default_action =
# tempfail, answers the client 4xx; nothing is queued.  nefmilter goes on,
# stores what it fetched, and the client's retry is served from the store
# without a request: the notice is delivered exactly once.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/faults/common.sh"
fx_require "$STORETOOL"

fx_scenario "$FX/court.json" \
    "$(fx_case_routes 91 '' '' '{"pdf": "fx-91-1", "size": 7000, "delay": 5}')"
fx_court "$FX/court.json"
PF_DEFAULT_ACTION=tempfail
PF_MILTER_CONTENT_TIMEOUT=3s
fx_postfix
fx_conf "fetch_timeout = 10s" "fetch_budget = 12s"
fx_milter

stored() { "$STORETOOL" "$STATE" get cand 035020918791 "$1" 2>/dev/null | grep -q '^ok '; }

fx_notice n91 district.eml "$(fx_link_sed 91)"
fx_mark
T0=$SECONDS
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/n91.eml"
ELAPSED=$((SECONDS - T0))
check "the client gets a 4xx" grep -Eq '^<\*\* +4[0-9][0-9] ' "$PF_LAST_LOG"
grep -E '^<\*\* ' "$PF_LAST_LOG" | diag "$(cat)"
check "... when Postfix's timeout expires, before the fetch ends (${ELAPSED}s < 5s)" \
    test "$ELAPSED" -lt 5
check "Postfix logs the milter time-out" \
    pf_wait_log "milter unix:$FX/run/nef.sock: can't read .* reply packet header: Connection timed out" 5
QID0=$(sed -n 's/.*postfix\/cleanup\[[0-9]*\]: \([0-9A-F]*\): milter-reject: END-OF-MESSAGE.*/\1/p' "$LOG" | tail -n 1)
check "... and rejects it with 4.7.1 (queue id $QID0)" test -n "$QID0"
check "nothing was queued" fx_settle 5
check_eq "nothing was delivered" "${FX_MARK[docketing]}" "$(fx_count docketing)"
check "nefmilter finishes the fetch and stores both PDFs" \
    wait_for 15 eval 'stored 0 && stored 1'
check "the milter is still running" fx_alive
REQ=$(fx_case_requests 91)
check_eq "four requests: the menu and three documents" 4 "$REQ"
check "nefmilter notices that Postfix went away" \
    pf_wait_log "nefmilter\[[0-9]+\]: .*$QID0: the MTA refused a change" 5
grep -E "nefmilter\[[0-9]+\]: $QID0: notice " "$LOG" | diag "nefmilter's audit of the abandoned copy: $(cat)"

fx_mark
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/n91.eml"
check_eq "the retry is accepted" 0 "$PF_LAST_RC"
QID=$PF_LAST_QID
fx_once "the retry" docketing
fx_parts "$FX_LAST"
check_grep "the retry carries PDF 0" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-91-0 5000) size=5000" "$FX/parts"
check_grep "the retry carries the slow PDF 1" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-91-1 7000) size=7000" "$FX/parts"
check_eq "the retry asked the court nothing" "$REQ" "$(fx_case_requests 91)"
fx_qlog "$QID"
check_eq "the audit says from-store for both" 2 \
    "$(grep -c "$QID: document cand/035020918791#[01] pdf from-store attached" "$FX/qlog")"
check "nothing left in the queue" fx_settle 5
tap_done
