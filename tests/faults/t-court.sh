#!/usr/bin/env bash
# The court misbehaves, through the real Postfix: it answers after the
# per-request timeout, resets the connection, answers 500, stalls in the
# middle of a document, is down (nothing listens), or the free look was
# already spent (its first answer is a login page; sealed_link_action
# strip, then hold).  Every notice is delivered exactly once, marked in
# its X-NEF header and summary, and its audit lines say what happened.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/faults/common.sh"
fx_require

MENU1='{"menu": {"host": "ecf.cand.uscourts.gov", "caseid": "401001", "seq": "213", "magic": "62818321", "docnum": 57, "docs": [["/doc1/035120918711", "Main Document"]]}, "delay": 4}'
fx_scenario "$FX/court.json" \
    "$(fx_case_routes 11 "$MENU1")" \
    "$(fx_case_routes 12 '{"reset": true}')" \
    "$(fx_case_routes 13 '{"status": 500, "html": "<html><body>Internal Server Error</body></html>"}')" \
    "$(fx_case_routes 14 "$FX_LOGIN")" \
    "$(fx_case_routes 15 '' '{"pdf": "fx-15-0", "size": 50000, "stall": 4}')" \
    "$(fx_case_routes 16 "$FX_LOGIN")" \
    "$(fx_case_routes 17)"
fx_court "$FX/court.json"
fx_mta
fx_conf
fx_milter

# send CC [TO]: the district notice with its link pointed at case CC
send() {
	local cc=$1 to=${2:-docketing@$LAW}
	fx_mark
	fx_notice "n$cc" district.eml "$(fx_link_sed "$cc")"
	T0=$SECONDS
	fx_send ecf-noreply@cand.uscourts.gov "$to" "$FX/n$cc.eml"
	ELAPSED=$((SECONDS - T0))
	check_eq "case $cc: Postfix accepts the notice" 0 "$PF_LAST_RC"
	QID=$PF_LAST_QID
}

# transient CC WHAT DETAIL-REGEX: one delivered copy, marked, audited
transient() {
	local cc=$1 what=$2 detail=$3
	fx_once "$what" docketing
	fx_parts "$FX_LAST"
	check_grep "$what: X-NEF counts one error, nothing attached" \
	    "HDR X-NEF: v=1; court=cand; case=4:22-cv-05541; entry=57; trust=verified; restricted=no; pdf=0; login=0; unavailable=0; error=1; .*action=summary" "$FX/parts"
	check_eq "$what: no PDF attached" 0 "$(grep -c application/pdf "$FX/parts")"
	check_grep "$what: the summary says the document could not be fetched" \
	    "TEXT 1: .*Court notice cand 4:22-cv-05541-JST, entry 57: 0 documents attached, 1 not fetched\..*Could not be fetched:.*Main document" "$FX/parts"
	check_grep "$what: the free-look link stays for the reader" \
	    "TEXT 1: .*/doc1/0350209187$cc" "$FX/parts"
	fx_qlog "$QID"
	check_grep "$what: audit line with failed=1, action=summary" \
	    "$QID: notice court=cand case=4:22-cv-05541 entry=57 kind=district trust=verified .*docs=1 attached=0 login=0 failed=1 .*action=summary" "$FX/qlog"
	check_grep "$what: document line says error ($detail)" \
	    "$QID: document cand/0350209187$cc#0 error .*detail=.*$detail" "$FX/qlog"
}

# --- slow: the court answers after fetch_timeout (2 s) --------------------
send 11
transient 11 "slow court" "the court did not answer within fetch_timeout \\(2 s\\)"
check "slow court: the message went through within the fetch budget (${ELAPSED}s < 6s)" \
    test "$ELAPSED" -lt 6
check_eq "slow court: one request, no retry" 1 "$(fx_case_requests 11)"

# --- reset, 500 -------------------------------------------------------------
send 12
transient 12 "connection reset" "."
send 13
transient 13 "HTTP 500" "HTTP 500"

# --- a document stalls half-way (headers and first bytes, then nothing) -----
send 15
fx_once "stalled document" docketing
fx_parts "$FX_LAST"
check_grep "stalled document: X-NEF pdf=1 login=1 error=1" \
    "HDR X-NEF: .*pdf=1; login=1; unavailable=0; error=1; .*action=attached" "$FX/parts"
check_grep "stalled document: the complete attachment is there" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-15-1 7000) size=7000" "$FX/parts"
check_nogrep "stalled document: no part of the stalled PDF is attached" \
    "sha256=$(fc_pdf_sha fx-15-0 50000)" "$FX/parts"
check_eq "stalled document: exactly one PDF attached" 1 "$(grep -c application/pdf "$FX/parts")"
fx_qlog "$QID"
check_grep "stalled document: its audit line says error" \
    "$QID: document cand/035020918715#0 error .*detail=" "$FX/qlog"
check_nogrep "stalled document: no temporary file left behind" . \
    <(find "$STATE/tmp" -type f)

# --- the free look was already spent: the first answer is a login page ----
send 14
fx_once "spent free look (strip)" docketing
fx_parts "$FX_LAST"
check_grep "spent free look: X-NEF login=1, action=stripped" \
    "HDR X-NEF: .*pdf=0; login=1; .*action=stripped" "$FX/parts"
check_nogrep "spent free look: the link is gone from the delivered text" \
    "/doc1/035020918714" "$FX/parts"
check_grep "spent free look: a note replaces it" \
    "TEXT 1: .*\[link removed: the court asked for a login" "$FX/parts"
check_grep "spent free look: the summary says a login was asked" \
    "TEXT 1: .*1 needs a court login" "$FX/parts"
fx_qlog "$QID"
check_grep "spent free look: audit line login=1 action=stripped" \
    "$QID: notice .*login=1 failed=0 .*action=stripped" "$FX/qlog"
check_eq "spent free look: one request, nothing after the login page" 1 \
    "$(fx_case_requests 14)"
send 14 aokafor@$LAW
fx_once "spent free look, second copy" aokafor
check_eq "spent free look, second copy: the stored outcome is used, no request" 1 \
    "$(fx_case_requests 14)"
fx_parts "$FX_LAST"
check_nogrep "spent free look, second copy: link stripped too" "/doc1/035020918714" "$FX/parts"

# --- the same with sealed_link_action = hold ---------------------------------
fx_milter_stop
fx_conf "sealed_link_action = hold"
fx_milter
send 16
held() { pf_hold_ids | grep -qx "$QID"; }
check "hold: the notice waits in the hold queue" wait_for 10 held
fx_qlog "$QID"
check_grep "hold: the log says why" "$QID: held \(Postfix's hold queue; release: postsuper -H $QID\): " "$FX/qlog"
check_eq "hold: nothing delivered while held" "${FX_MARK[docketing]}" "$(fx_count docketing)"
check_eq "hold: one message in the whole queue" 1 "$(pf_queue_ids | wc -l)"
pf_release "$QID"
fx_once "hold, released" docketing
fx_parts "$FX_LAST"
check_grep "hold: the link is kept (the firm decides)" "TEXT 1: .*/doc1/035020918716" "$FX/parts"
check_grep "hold: X-NEF login=1, action=held" "HDR X-NEF: .*login=1; .*action=held" "$FX/parts"

# --- the court is down: nothing listens where connect_to points ---------------
fx_milter_stop
DEAD=$(pf_free_port)
fx_conf "connect_to = ::127.0.0.1:$DEAD"
fx_milter
N0=$(fx_requests)
send 17
transient 17 "court down" "."
check_eq "court down: the running court saw nothing" "$N0" "$(fx_requests)"
check "court down: answered within the connect timeout (${ELAPSED}s < 6s)" \
    test "$ELAPSED" -lt 6

check "the milter is still running" fx_alive
check_nogrep "no Authorization header was ever sent" '"authorization": true' "$FC_LOG"
check "nothing left in the queue" fx_settle 5
tap_done
