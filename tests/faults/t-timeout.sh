#!/usr/bin/env bash
# A court slower than the MTA's patience.  The MTA waits a limited time
# for each reply of the milter at end of message: Postfix
# milter_content_timeout (5 s here), Sendmail the R timeout of
# INPUT_MAIL_FILTER (its default, 10 s, under tests/sendmail/).  nefmilter
# fetches while the MTA waits, and tells it every few seconds that it is
# still working (progress replies), so the MTA waits on, up to
# fetch_budget.
#  A. attachment 1 takes 9 s (Postfix) or 15 s (Sendmail): the notice is
#     delivered at the first attempt with both PDFs; nefmilter logged its
#     progress replies (debug) and the MTA no milter timeout.
#  B. attachment 1 never answers and fetch_budget is 8 s: at the end of
#     the budget the notice is delivered with what was fetched, its
#     summary says why attachment 1 is missing, and it is never
#     tempfailed (on_error = accept).
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/faults/common.sh"
fx_require

SLOW=9
[ "$MTA" = sendmail ] && SLOW=15
fx_scenario "$FX/court.json" \
    "$(fx_case_routes 91 '' '' '{"pdf": "fx-91-1", "size": 7000, "delay": '$SLOW'}')" \
    "$(fx_case_routes 92 '' '' '{"pdf": "fx-92-1", "size": 7000, "delay": 60}')"
fx_court "$FX/court.json"
PF_DEFAULT_ACTION=tempfail
PF_MILTER_CONTENT_TIMEOUT=5s
SM_MILTER_TIMEOUTS=	# Sendmail's defaults: R=10s
fx_mta
fx_conf "fetch_timeout = 20s" "fetch_budget = 30s" "debug = yes"
fx_milter

# --- A. 9 s (15 s) for one document ----------------------------------------
fx_notice n91 district.eml "$(fx_link_sed 91)"
fx_mark
T0=$SECONDS
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/n91.eml"
ELAPSED=$((SECONDS - T0))
QID=$MTA_LAST_QID
check_eq "A: accepted at the first attempt" 0 "$MTA_LAST_RC"
check "A: ... after the slow document came (${ELAPSED}s >= ${SLOW}s)" test "$ELAPSED" -ge "$SLOW"
fx_once "A: delivered" docketing
fx_parts "$FX_LAST"
check_grep "A: PDF 0 attached" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-91-0 5000) size=5000" "$FX/parts"
check_grep "A: the slow PDF 1 attached" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-91-1 7000) size=7000" "$FX/parts"
fx_qlog "$QID"
n=$(grep -cE "nefmilter\[[0-9]+\]: $QID: progress: reply [0-9]+ sent to the MTA" "$FX/qlog")
check "A: progress replies were sent while the court was slow ($n >= $((SLOW / 3)))" \
    test "$n" -ge $((SLOW / 3))
check_nogrep "A: $(mta_name)'s milter timer never expired" "$(mta_re_milter_timeout)" "$LOG"
check_grep "A: the audit line: both attached" \
    "$QID: notice court=cand .*attached=2 login=1 failed=0 " "$FX/qlog"

# --- B. a document that never comes ---------------------------------------
fx_conf "fetch_timeout = 8s" "fetch_budget = 8s" "debug = yes"
kill -USR1 "$NEF_PID"
check "B: fetch_budget = 8s is reloaded" \
    wait_for 10 grep -q "nefmilter\[$NEF_PID\]: configuration reloaded" "$LOG"
fx_notice n92 district.eml "$(fx_link_sed 92)"
fx_mark
T0=$SECONDS
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/n92.eml"
ELAPSED=$((SECONDS - T0))
QID=$MTA_LAST_QID
check_eq "B: accepted, not tempfailed" 0 "$MTA_LAST_RC"
check "B: ... at the end of fetch_budget (8s <= ${ELAPSED}s < 20s)" \
    test "$ELAPSED" -ge 8 -a "$ELAPSED" -lt 20
fx_once "B: delivered" docketing
fx_parts "$FX_LAST"
check_grep "B: PDF 0 attached" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-92-0 5000) size=5000" "$FX/parts"
check_nogrep "B: no PDF 1" "sha256=$(fc_pdf_sha fx-92-1 7000)" "$FX/parts"
check_grep "B: X-NEF counts the error" "^HDR X-NEF: .*pdf=1; login=1; unavailable=0; error=1; " "$FX/parts"
$MIMECHECK --text "$FX_LAST" >"$FX/text"
check_grep "B: the summary says why attachment 1 is missing" \
    "Could not be fetched.*the court did not answer within fetch_budget \(8 s\)" "$FX/text"
fx_qlog "$QID"
check_grep "B: the document line says so too" \
    "$QID: document cand/035020918792#1 error .*detail=the court did not answer within fetch_budget \(8 s\)" "$FX/qlog"
check_grep "B: the audit line: delivered with what was fetched" \
    "$QID: notice court=cand .*attached=1 login=1 failed=1 " "$FX/qlog"
check "nothing left in the queue" fx_settle 5
check "the milter is still running" fx_alive
tap_done
