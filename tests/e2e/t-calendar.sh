#!/usr/bin/env bash
# Calendar entries end to end through a real Postfix (tests/e2e/common.sh),
# each .ics read back by Debian's python3-icalendar (tests/lib/icscheck.py):
#  1. entry 57 sets a motion hearing and a deadline: the notice arrives with
#     one text/calendar part named like the PDFs, listed in the summary; the
#     hearing is at 14:00 Pacific daylight time, the deadline all day;
#  2. entry 60 resets the hearing: the same UID, SEQUENCE 1, the new day;
#  3. entry 61 vacates it: the same UID, SEQUENCE 2, STATUS:CANCELLED;
#  4. the per-case file of calendar_dir holds the case as it now stands;
#  5. a restricted entry (SEALED) schedules a conference: the listed
#     recipient's copy has it, the per-case file never does;
#  6. nefctl events lists the case (text and JSON); the audit counts events;
#     nefctl stats and metrics count the events table and the events found.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
FEED=$(mktemp -d /tmp/e2e-feed.XXXXXX)
chown postfix "$FEED"
chmod 755 "$FEED"
e2e_start "$DATA/scenarios/e2e.json" "calendar_dir = $FEED"
ICS="/usr/bin/python3 $TOP/tests/lib/icscheck.py"
LBL=2023-03-14_cand_4-22-cv-05541-JST_ECF
FILE=$FEED/cand_4-22-cv-05541.ics

# send NAME ENTRY DOCKET-TEXT [TO]: a variant of entry 57's notice
send() {
	local f
	f=$(e2e_notice "$1" "s|^MOTION to Compel Production.*\$|$3|; s/^>57<\\/a>/>$2<\\/a>/")
	e2e_send_notice "$f" "${4:-docketing@example.test}"
}
uid_of() { sed -n "s/^EVENT uid=\\([^ ]*\\) .*summary=CAND 4:22-cv-05541: $2 .*/\\1/p" "$1" | head -1; }

# --- 1. a hearing and a deadline ----------------------------------------
e2e_send_notice "$(e2e_notice n57)" docketing@example.test
Q57=$PF_LAST_QID
check "entry 57: delivered" pf_wait_delivered docketing 1 30
M=$(e2e_last docketing)
$ICS "$M" >"$PF_DIR/c57" 2>&1
check_eq "entry 57: python3-icalendar reads the calendar part, well formed" 0 $?
grep '^BAD' "$PF_DIR/c57" | while read -r l; do diag "$l"; done
check_grep "entry 57: one text/calendar part, method PUBLISH, named like the PDFs" \
    "^PART ctype=text/calendar; method=\"PUBLISH\"; charset=\"utf-8\"; name=\"${LBL}57_events.ics\" filename=${LBL}57_events.ics$" "$PF_DIR/c57"
check_eq "entry 57: exactly one calendar part" 1 "$(grep -c '^PART ' "$PF_DIR/c57")"
check_grep "entry 57: a VTIMEZONE for the court's zone" "^TZ America/Los_Angeles$" "$PF_DIR/c57"
check_grep "entry 57: the hearing at 14:00 PDT (21:00 UTC), for an hour, SEQUENCE 0" \
    "^EVENT uid=[0-9a-f]{32}@nefmilter seq=0 status=CONFIRMED start=2023-04-20T14:00:00-07:00 utc=2023-04-20T21:00:00Z end=2023-04-20T15:00:00-07:00 allday=0 summary=CAND 4:22-cv-05541: Motion Hearing location=Oakland, Courtroom 6, 2nd Floor " "$PF_DIR/c57"
check_grep "entry 57: the deadline all day" \
    "^EVENT uid=[0-9a-f]{32}@nefmilter seq=0 status=CONFIRMED start=2023-03-28 utc=- end=2023-03-29 allday=1 summary=CAND 4:22-cv-05541: Responses due " "$PF_DIR/c57"
check_grep "entry 57: the description quotes the docket text and the entry" \
    "^DESC cand 4:22-cv-05541, docket entry 57: MOTION to Compel Production" "$PF_DIR/c57"
HUID=$(uid_of "$PF_DIR/c57" "Motion Hearing")
check "entry 57: the hearing has a UID" test -n "$HUID"
P=$(e2e_parts "$M")
check_grep "entry 57: the summary lists the calendar part" \
    "Calendar: 2 events in ${LBL}57_events.ics" "$P"
check_grep "entry 57: and the hearing, in court time" \
    "Motion Hearing: Thursday, April 20, 2023, 2:00 PM PDT, Oakland, Courtroom 6, 2nd Floor" "$P"
check_eq "entry 57: the PDFs are still attached" 2 "$(grep -c '^PART [0-9]* application/pdf' "$P")"
check "entry 57: audit line" e2e_wait_qid "$Q57"
check_grep "entry 57: the audit line counts the events" \
    "nefmilter\[[0-9]+\]: $Q57: notice court=cand .*entry=57 .* events=2 .*action=attached$" "$LOG"

# --- 2. the hearing is reset ----------------------------------------------
send n60 60 "ORDER granting stipulation to continue hearing. Motion Hearing reset for 5/18/2023 10:00 AM in Oakland, Courtroom 6, 2nd Floor before Judge Jon S. Tigar. (Filed on 3/20/2023)"
Q60=$PF_LAST_QID
check "entry 60: delivered" pf_wait_delivered docketing 2 30
$ICS "$(e2e_last docketing)" >"$PF_DIR/c60" 2>&1
check_eq "entry 60: well formed" 0 $?
check_grep "entry 60: the same UID, SEQUENCE 1, the new day and time" \
    "^EVENT uid=$HUID seq=1 status=CONFIRMED start=2023-05-18T10:00:00-07:00 utc=2023-05-18T17:00:00Z " "$PF_DIR/c60"
check "entry 60: audit line" e2e_wait_qid "$Q60"

# --- 3. the hearing is vacated --------------------------------------------
send n61 61 "ORDER. The Motion Hearing set for 5/18/2023 is VACATED. (Filed on 3/21/2023)"
check "entry 61: delivered" pf_wait_delivered docketing 3 30
$ICS "$(e2e_last docketing)" >"$PF_DIR/c61" 2>&1
check_eq "entry 61: well formed" 0 $?
check_grep "entry 61: the same UID, SEQUENCE 2, STATUS:CANCELLED" \
    "^EVENT uid=$HUID seq=2 status=CANCELLED start=2023-05-18T10:00:00-07:00 " "$PF_DIR/c61"
check_grep "entry 61: the summary says cancelled" "CANCELLED: Motion Hearing" "$(e2e_parts "$(e2e_last docketing)")"

# --- 4. the per-case file --------------------------------------------------
check "the per-case file exists" test -f "$FILE"
check_eq "the per-case file is mode 0640" 640 "$(stat -c %a "$FILE")"
$ICS "$FILE" >"$PF_DIR/feed" 2>&1
check_eq "the per-case file is well formed" 0 $?
check_grep "the per-case file has the hearing, cancelled, SEQUENCE 2" \
    "^EVENT uid=$HUID seq=2 status=CANCELLED " "$PF_DIR/feed"
check_grep "and the deadline" "summary=CAND 4:22-cv-05541: Responses due " "$PF_DIR/feed"
check_eq "one entry per event" 2 "$(grep -c '^EVENT ' "$PF_DIR/feed")"
check_eq "no temporary file left" "" "$(ls -A "$FEED" | grep -v '^cand_4-22-cv-05541.ics$')"

# --- 5. a restricted entry -------------------------------------------------
send n62 62 "SEALED ORDER. Status Conference set for 6/1/2023 09:00 AM in Oakland, Courtroom 6. (Filed on 3/22/2023)"
Q62=$PF_LAST_QID
check "entry 62 (restricted): delivered to the listed recipient" pf_wait_delivered docketing 4 30
$ICS "$(e2e_last docketing)" >"$PF_DIR/c62" 2>&1
check_grep "entry 62: the listed recipient gets the conference" \
    "^EVENT uid=[0-9a-f]{32}@nefmilter seq=0 status=CONFIRMED start=2023-06-01T09:00:00-07:00 .*summary=CAND 4:22-cv-05541: Status Conference " "$PF_DIR/c62"
check "entry 62: audit line" e2e_wait_qid "$Q62"
$ICS "$FILE" >"$PF_DIR/feed2" 2>&1
check_nogrep "the per-case file never has the restricted entry's event" "Status Conference" "$PF_DIR/feed2"

# --- 6. nefctl events -------------------------------------------------------
nefctl events cand 4:22-cv-05541-JST >"$PF_DIR/ev" 2>&1
check_eq "nefctl events: exit 0" 0 $?
check_grep "nefctl events: the hearing, cancelled, SEQUENCE 2, with its UID" \
    "^2023-05-18 10:00 America/Los_Angeles +hearing +cancelled seq=2  Motion Hearing  at Oakland, Courtroom 6, 2nd Floor  uid=$HUID$" "$PF_DIR/ev"
check_grep "nefctl events: the restricted conference is marked" \
    "^2023-06-01 09:00 America/Los_Angeles +hearing +confirmed,restricted seq=0  Status Conference" "$PF_DIR/ev"
check_eq "nefctl events: three events, by day" "2023-03-28 2023-05-18 2023-06-01" \
    "$(cut -d' ' -f1 "$PF_DIR/ev" | tr '\n' ' ' | sed 's/ $//')"
check "nefctl events --json: one object per event" /usr/bin/python3 -c '
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]
assert len(ev) == 3, ev
h = [e for e in ev if e["uid"] == sys.argv[2]][0]
assert h["sequence"] == 2 and h["cancelled"] is True and h["date"] == "2023-05-18", h
assert h["time"] == "10:00" and h["tz"] == "America/Los_Angeles" and h["entry"] == 61, h
assert [e["restricted"] for e in ev] == [False, False, True], ev
' <(nefctl events cand 4:22-cv-05541 --json) "$HUID"
nefctl events cand 9:99-cv-00001 >/dev/null 2>&1
check_eq "nefctl events: an unknown case exits 1" 1 $?
nefctl stats >"$PF_DIR/stats" 2>&1
check_grep "nefctl stats counts the events table" "^events	3$" "$PF_DIR/stats"
nefctl metrics >"$PF_DIR/m.prom" 2>&1
check_grep "nefctl metrics: the events table's records" \
    '^nefmilter_store_records\{table="events"\} 3$' "$PF_DIR/m.prom"
check_grep "nefctl metrics: the events found (2 + 1 + 1 + 1)" \
    '^nefmilter_calendar_events_total 5$' "$PF_DIR/m.prom"

check "the queue is empty" pf_queue_empty
check_nogrep "no nefmilter error or warning in the maillog" "nefmilter\[[0-9]+\]: (error|warning)" "$LOG"
e2e_finish
rm -rf "$FEED"
