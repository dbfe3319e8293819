#!/usr/bin/env bash
# The MTA drops the connection in the middle of a fetch, while nefmilter
# waits for a slow court (8 s for one document).  Postfix is restarted:
# the client's session is cut.  Sendmail (under tests/sendmail/) gives up
# at its own overall timeout for end of message, T=E:4s (progress replies
# restart only R, the wait for each reply, not E): the client gets 451
# 4.3.2.  (A restarted Sendmail lets its running sessions finish, so a
# restart would not drop the connection.)  Either way nothing is queued
# and the client retries.  nefmilter goes on: every document the court
# serves is stored, the changes it can no longer send are logged, and the
# retry is served from the store without a request, delivered exactly
# once.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/faults/common.sh"
fx_require "$STORETOOL"

fx_scenario "$FX/court.json" \
    "$(fx_case_routes 93 '' '' "{\"pdf\": \"fx-93-1\", \"size\": 7000, \"delay\": 8}, $FX_LOGIN")"
fx_court "$FX/court.json"
SM_MILTER_TIMEOUTS="E:4s"
fx_mta
fx_conf "fetch_timeout = 20s" "fetch_budget = 30s"
fx_milter

stored() { "$STORETOOL" "$STATE" get cand 035020918793 "$1" 2>/dev/null | grep -q '^ok '; }
unstored() { ! stored "$1"; }
asked() { [ "$(fc_count "r[\"path\"].startswith(\"$1\")")" -ge 1 ]; }

fx_notice n93 district.eml "$(fx_link_sed 93)"
fx_mark
rm -f "$FX/bg.rc"
( fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/n93.eml"
  echo "$MTA_LAST_RC" >"$FX/bg.rc" ) &
BG=$!
PF_SEND_SEQ=$((PF_SEND_SEQ + 1)) SM_SEND_SEQ=$((SM_SEND_SEQ + 1))
check "the court is asked for the slow document" wait_for 15 asked /doc1/035120918893
if [ "$MTA" = sendmail ]; then
	wait "$BG" 2>/dev/null
	check "the slow document had not come when Sendmail gave up" unstored 1
	check "Sendmail gives up at its overall timeout (T=E:4s)" \
	    mta_wait_log "milter_data\(nef\): EOM ACK/NAK timeout" 5
	check_eq "... and the client gets a 4xx after the final dot (swaks 26)" 26 "$(cat "$FX/bg.rc")"
else
	check "Postfix restarts in the middle of the fetch" mta_restart
	check "the slow document had not come when Postfix went away" unstored 1
	wait "$BG" 2>/dev/null
	check "the client's session ended without success" test "$(cat "$FX/bg.rc")" != 0
fi
check "nothing was queued" fx_settle 5
check_eq "nothing was delivered" "${FX_MARK[docketing]}" "$(fx_count docketing)"
check "nefmilter stores both PDFs anyway" wait_for 15 eval 'stored 0 && stored 1'
check "nefmilter logs that the MTA went away" \
    mta_wait_log "nefmilter\[[0-9]+\]: .*(the MTA refused a change|the MTA connection refused a progress reply)" 10
check "the milter is still running" fx_alive
REQ=$(fx_case_requests 93)
check_eq "four requests: the menu and three documents" 4 "$REQ"

fx_mark
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/n93.eml"
check_eq "the retry is accepted" 0 "$MTA_LAST_RC"
QID=$MTA_LAST_QID
fx_once "the retry" docketing
fx_parts "$FX_LAST"
check_grep "the retry carries PDF 0" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-93-0 5000) size=5000" "$FX/parts"
check_grep "the retry carries the slow PDF 1" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-93-1 7000) size=7000" "$FX/parts"
check_eq "the retry asked the court nothing" "$REQ" "$(fx_case_requests 93)"
fx_qlog "$QID"
check_eq "the audit says from-store for both" 2 \
    "$(grep -c "$QID: document cand/035020918793#[01] pdf from-store attached" "$FX/qlog")"
check "nothing left in the queue" fx_settle 5
tap_done
