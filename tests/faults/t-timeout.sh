#!/usr/bin/env bash
# A court slower than the MTA's patience.  The MTA waits a limited time
# for each reply of the milter at end of message: Postfix
# milter_content_timeout (5 s here), Sendmail the R timeout of
# INPUT_MAIL_FILTER (its default, 10 s, under tests/sendmail/).  nefmilter
# fetches while the MTA waits, and tells it every 2 s that it is still
# working (SMFIR_PROGRESS), so the MTA waits on, up to fetch_budget.  The
# MTA talks to nefmilter through tests/lib/mtsplit.py, which decodes every
# packet on the wire (--trace).
#  A. attachment 1 takes 9 s (Postfix) or 15 s (Sendmail): the notice is
#     delivered at the first attempt with both PDFs, and the MTA logged no
#     milter timeout.  On the wire: progress replies ('p') after the MTA's
#     end of message ('E'), every 2 s or so while the court's request was
#     pending (times from the court's own log), then the changes and the
#     final 'continue'.
#  B. attachment 1 never answers and fetch_budget is 5 s: at the end of
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
FX_MTA_SOCK=$FX/run/relay.sock
fx_mta
fx_conf "fetch_timeout = 20s" "fetch_budget = 30s"
fx_milter
pf_spawn mtsplit /usr/bin/python3 "$TOP/tests/lib/mtsplit.py" --listen "unix:$FX_MTA_SOCK" \
    --upstream "unix:$FX/run/nef.sock" --chunk 67108864 --trace "$FX/trace"
check "the decoding relay listens" wait_for 10 test -S "$FX_MTA_SOCK"

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
check_nogrep "A: $(mta_name)'s milter timer never expired" "$(mta_re_milter_timeout)" "$LOG"
fx_qlog "$QID"
check_grep "A: the audit line: both attached" \
    "$QID: notice court=cand .*attached=2 login=1 failed=0 " "$FX/qlog"

# The end of the message on the wire, from the MTA's 'E' to the filter's
# final reply, against the time the court got the slow request.
/usr/bin/python3 - "$FX/trace" "$FC_LOG" /doc1/035120918891 "$SLOW" >"$FX/eom" <<'EOF'
import json, sys
lines = [l.split() for l in open(sys.argv[1])]
t_ask = [json.loads(r)["time"] for r in open(sys.argv[2])
         if json.loads(r)["path"].startswith(sys.argv[3])][0]
slow = float(sys.argv[4])
start = [i for i, l in enumerate(lines) if l[1] == "mta" and l[2] == "E"][0]
out = []
for l in lines[start:]:
    out.append(l)
    if l[1] == "filter" and l[2] in ("c", "a", "t", "r", "d"):
        break
t_e = float(out[0][0])
p = [float(l[0]) for l in out if l[1] == "filter" and l[2] == "p"]
gaps = [b - a for a, b in zip([t_e] + p, p + [float(out[-1][0])])]
print("final %s" % out[-1][2])
print("progress %d" % len(p))
print("pending %d" % len([t for t in p if t_ask < t < t_ask + slow]))
print("first %.1f" % ((p[0] - t_e) if p else -1))
print("maxgap %.1f" % max(gaps))
print("order %s" % "".join(l[2] for l in out if l[1] == "filter" and l[2] != "b")[:80])
EOF
diag "$(cat "$FX/eom")"
val() { sed -n "s/^$1 //p" "$FX/eom"; }
check "A: SMFIR_PROGRESS ('p') while the slow document was pending ($(val pending) of $(val progress))" \
    test "$(val pending)" -ge $((SLOW / 3))
# Replies every 2 s; the bound that matters is the MTA's timeout (5 s here
# for Postfix, 10 s for Sendmail).
check "A: ... the first within 4 s of the MTA's end of message ($(val first) s)" \
    awk -v t="$(val first)" 'BEGIN { exit !(t >= 0 && t < 4) }'
check "A: ... never more than 4 s of silence towards $(mta_name) (longest: $(val maxgap) s)" \
    awk -v t="$(val maxgap)" 'BEGIN { exit !(t < 4) }'
check "A: then the changes and the final reply ($(val order))" \
    grep -Eq '^order p+[^p]+$' "$FX/eom"
check_eq "A: the final reply is 'continue'" c "$(val final)"

# --- B. a document that never comes ---------------------------------------
fx_conf "fetch_timeout = 5s" "fetch_budget = 5s"
kill -USR1 "$NEF_PID"
check "B: fetch_budget = 5s is reloaded" \
    wait_for 10 grep -q "nefmilter\[$NEF_PID\]: configuration reloaded" "$LOG"
fx_notice n92 district.eml "$(fx_link_sed 92)"
fx_mark
T0=$SECONDS
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/n92.eml"
ELAPSED=$((SECONDS - T0))
QID=$MTA_LAST_QID
check_eq "B: accepted, not tempfailed" 0 "$MTA_LAST_RC"
check "B: ... at the end of fetch_budget (5s <= ${ELAPSED}s < 15s)" \
    test "$ELAPSED" -ge 5 -a "$ELAPSED" -lt 15
fx_once "B: delivered" docketing
fx_parts "$FX_LAST"
check_grep "B: PDF 0 attached" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-92-0 5000) size=5000" "$FX/parts"
check_nogrep "B: no PDF 1" "sha256=$(fc_pdf_sha fx-92-1 7000)" "$FX/parts"
check_grep "B: X-NEF counts the error" "^HDR X-NEF: .*pdf=1; login=1; unavailable=0; error=1; " "$FX/parts"
$MIMECHECK --text "$FX_LAST" >"$FX/text"
check_grep "B: the summary says why attachment 1 is missing" \
    "Could not be fetched.*the court did not answer within fetch_budget \(5 s\)" "$FX/text"
fx_qlog "$QID"
check_grep "B: the document line says so too" \
    "$QID: document cand/035020918792#1 error .*detail=the court did not answer within fetch_budget \(5 s\)" "$FX/qlog"
check_grep "B: the audit line: delivered with what was fetched" \
    "$QID: notice court=cand .*attached=1 login=1 failed=1 " "$FX/qlog"
check "nothing left in the queue" fx_settle 5
check "the milter is still running" fx_alive
tap_done
