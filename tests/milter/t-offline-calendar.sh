#!/usr/bin/env bash
# The calendar part through the offline pipeline (nefmilter -t) against
# the fake court, read back by python3-icalendar (tests/lib/icscheck.py):
# the settings (calendar, calendar_kinds, calendar_reminder), a date that
# is no day (no event, a debug line), a restricted entry (its event is in
# the part, its name not in the log), an unverified notice (no part), a
# per-case directory that cannot be written (the notice and its PDFs go
# on, the log says why), and a bad setting refused by nefmilter -n.
. "$(dirname "$0")/common.sh"
ICS="/usr/bin/python3 $TOP/tests/lib/icscheck.py"
cal() { $ICS "$W/out.eml" >"$W/ics" 2>&1; }

court "$DATA/scenarios/district_menu.json" "calendar_dir = $W/no/such/dir" \
    "debug = yes" "calendar_reminder = 2h"
check "offline run succeeds" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check "the calendar part is well formed" cal
check_eq "two events" 2 "$(grep -c '^EVENT ' "$W/ics")"
check_grep "a reminder two hours before" "summary=CAND 4:22-cv-05541: Motion Hearing .*alarm=-PT(2H|120M)$" "$W/ics"
check_eq "both PDFs still attached" 2 "$(grep -c 'application/pdf' "$W/parts")"
check_grep "the per-case file could not be written: the log says why" \
    "warning: OFFLINE: calendar: $W/no/such/dir: cannot create a file in $W/no/such/dir" "$W/err"
check_grep "the audit line counts the events" "OFFLINE: notice court=cand .* events=2 .*action=attached" "$W/err"

# a restricted entry's event: in the part, but its name is not logged
sed 's|^MOTION to Compel Production.*$|SEALED ORDER. Detention Hearing set for 5/2/2023 at 10:00 AM.|' \
    "$DATA/nef/district.eml" >"$W/sealed.eml"
check "a restricted entry with an event" offline "$W/sealed.eml" -r docketing@lawfirm.example
check "its calendar part is well formed" cal
check_grep "the part has the hearing" "summary=CAND 4:22-cv-05541: Detention Hearing " "$W/ics"
check_grep "the debug line names the event restricted" \
    "OFFLINE: calendar event uid=[0-9a-f]{32}@nefmilter sequence=0 confirmed 2023-05-02 \(restricted\)$" "$W/err"
check_nogrep "the log never names the restricted entry's event" "[Dd]etention" "$W/err"

sed 's|^MOTION to Compel Production.*$|ORDER. Responses due by 2/30/2023. Replies due by 3/1/2099.|' \
    "$DATA/nef/district.eml" >"$W/bad.eml"
check "a notice with dates that are no days" offline "$W/bad.eml" -r docketing@lawfirm.example
check_nogrep "no calendar part" "text/calendar" "$W/parts"
check_grep "a debug line for the impossible day" \
    'OFFLINE: calendar: case 1: "2/30/2023" is not a day of the calendar: no event' "$W/err"
check_grep "a debug line for the absurd year" \
    'OFFLINE: calendar: case 1: "3/1/2099" is in an absurd year: no event' "$W/err"
check_grep "the notice and its PDFs go on" "OFFLINE: notice court=cand .* events=0 .*action=attached" "$W/err"

fc_conf "$W/n.conf" "state_dir = $W/state2" "trusted_clients = 127.0.0.1" \
    "firm_domains = lawfirm.example" "trust_local_mail = yes" "user = nobody" \
    "calendar_kinds = deadlines"
check "deadlines only" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
cal
check_eq "deadlines only: one event, the deadline" \
    "summary=CAND 4:22-cv-05541: Responses due" "$(grep -o 'summary=[^=]* location' "$W/ics" | sed 's/ location$//')"

fc_conf "$W/n.conf" "state_dir = $W/state3" "trusted_clients = 127.0.0.1" \
    "firm_domains = lawfirm.example" "trust_local_mail = yes" "user = nobody" \
    "calendar = no"
check "calendar = no" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check_nogrep "calendar = no: no calendar part" "text/calendar" "$W/parts"
check_nogrep "calendar = no: no calendar line" "calendar:" "$W/err"

fc_conf "$W/n.conf" "state_dir = $W/state4" "trusted_clients =" \
    "firm_domains = lawfirm.example" "user = nobody"
check "an unverified notice" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check_grep "unverified: counted" "trust=unverified .* events=2 " "$W/err"
check_nogrep "unverified: no calendar part (a forged notice must not set hearings)" "text/calendar" "$W/parts"
check_grep "unverified: the log says it is not attached" "calendar: 2 events found, 0 in the notice \(not attached" "$W/err"

# a colleague's forward reads the store: the reset hearing keeps its UID
fc_conf "$W/n.conf" "state_dir = $W/state6" "trusted_clients = 127.0.0.1" \
    "firm_domains = lawfirm.example" "trust_local_mail = yes" "user = nobody"
RESET='ORDER. Motion Hearing reset for 5/18/2023 10:00 AM in Oakland, Courtroom 6, 2nd Floor.'
check "verified entry 57" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
cal
H57=$(sed -n 's/^EVENT uid=\([^ ]*\) .*Motion Hearing .*/\1/p' "$W/ics")
sed "s|^MOTION to Compel Production.*\$|$RESET|" "$DATA/nef/district.eml" >"$W/reset.eml"
check "verified reset" offline "$W/reset.eml" -r docketing@lawfirm.example
cal
check_grep "the reset keeps the UID, SEQUENCE 1" "^EVENT uid=$H57 seq=1 .*start=2023-05-18T10:00:00-07:00" "$W/ics"
sed "s|^MOTION to Compel Production.*\$|$RESET|" "$DATA/nef/forward_rfc822.eml" >"$W/fwd.eml"
check "a colleague's forward of the reset" offline "$W/fwd.eml" -r aokafor@lawfirm.example
check_grep "the forward is a forward" "OFFLINE: notice court=cand .*trust=forward" "$W/err"
cal
check_grep "the forward's part: the same UID and SEQUENCE" "^EVENT uid=$H57 seq=1 .*start=2023-05-18T10:00:00-07:00" "$W/ics"
check_eq "the forward changed nothing in the store" "seq=1" \
    "$("$NEFCTL" -c "$W/n.conf" events cand 4:22-cv-05541 | grep -o 'hearing *confirmed seq=[0-9]*' | grep -o 'seq=[0-9]*')"

fc_conf "$W/bad.conf" "state_dir = $W/state5" "user = nobody" "calendar_kinds = weekly" \
    "calendar_dir = relative/dir"
"$NEF" -n -c "$W/bad.conf" >"$W/n.out" 2>&1
check "nefmilter -n refuses a bad calendar setting" test $? -ne 0
check_grep "-n names calendar_kinds" 'calendar_kinds: "weekly" is neither deadlines nor hearings' "$W/n.out"
check_grep "-n names calendar_dir" 'calendar_dir: "relative/dir" is not an absolute path' "$W/n.out"
tap_done
