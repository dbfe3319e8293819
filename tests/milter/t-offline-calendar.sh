#!/usr/bin/env bash
# The calendar part through the offline pipeline (nefmilter -t) against
# the fake court, read back by python3-icalendar (tests/lib/icscheck.py):
# the settings (calendar, calendar_kinds, calendar_reminder), a date that
# is no day (no event, a debug line), an unverified notice (no part), a
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

fc_conf "$W/bad.conf" "state_dir = $W/state5" "user = nobody" "calendar_kinds = weekly" \
    "calendar_dir = relative/dir"
"$NEF" -n -c "$W/bad.conf" >"$W/n.out" 2>&1
check "nefmilter -n refuses a bad calendar setting" test $? -ne 0
check_grep "-n names calendar_kinds" 'calendar_kinds: "weekly" is neither deadlines nor hearings' "$W/n.out"
check_grep "-n names calendar_dir" 'calendar_dir: "relative/dir" is not an absolute path' "$W/n.out"
tap_done
