#!/usr/bin/env bash
# The iCalendar writer (policy/ics.c, through tests/tools/icstool) read back
# by Debian's python3-icalendar (tests/lib/icscheck.py): every zone of the
# court table, in winter, in summer and around both daylight-time changes,
# gives the tz database's UTC time through its own VTIMEZONE; all-day
# events, cancellation, reminders; long non-ASCII text folds at 75 octets
# without splitting a character (at every alignment of 2-, 3- and 4-byte
# characters), and commas, semicolons and backslashes come back as written.
. "$(dirname "$0")/../lib/tap.sh"
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
T=$TOP/${BUILD:-build}/tools/icstool
CHECK="/usr/bin/python3 $TOP/tests/lib/icscheck.py"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
if [ ! -x "$T" ]; then not_ok "$T is not built (make tools)"; tap_done; exit 1; fi

zones="America/New_York America/Detroit America/Indiana/Indianapolis
America/Kentucky/Louisville America/Chicago America/Denver America/Boise
America/Phoenix America/Los_Angeles America/Anchorage Pacific/Honolulu
America/Puerto_Rico America/St_Thomas Pacific/Guam Pacific/Saipan"
: >"$W/in"
for z in $zones; do
	for dt in "2027-01-15	09:30" "2027-07-15	14:00" "2027-03-14	03:30" \
	    "2027-03-13	23:00" "2027-11-07	03:00" "2027-11-06	12:00" \
	    "2030-12-31	23:30"; do
		printf '%s\t%s\t60\t0\tHearing in %s\tCourtroom 1\n' "$z" "$dt" "$z" >>"$W/in"
	done
done
"$T" <"$W/in" >"$W/zones.ics"
check "icstool wrote the calendar" test -s "$W/zones.ics"
$CHECK "$W/zones.ics" >"$W/zones.out" 2>&1
check_eq "icalendar reads it, every VTIMEZONE agrees with the tz database" 0 $?
grep '^BAD' "$W/zones.out" | head -5 | while read -r l; do diag "$l"; done
check_eq "one VTIMEZONE per zone" 15 "$(grep -c '^TZ ' "$W/zones.out")"
check_eq "every event is there" $((15 * 7)) "$(grep -c '^EVENT ' "$W/zones.out")"
check_grep "New York in July is EDT" "start=2027-07-15T14:00:00-04:00 utc=2027-07-15T18:00:00Z .*summary=Hearing in America/New_York " "$W/zones.out"
check_grep "the night DST begins, 03:30 is EDT" "start=2027-03-14T03:30:00-04:00 utc=2027-03-14T07:30:00Z .*America/New_York " "$W/zones.out"
check_grep "Phoenix keeps -07:00 in July" "start=2027-07-15T14:00:00-07:00 utc=2027-07-15T21:00:00Z .*summary=Hearing in America/Phoenix" "$W/zones.out"
check_grep "Chicago in July: 14:00 CDT is 19:00Z" "start=2027-07-15T14:00:00-05:00 utc=2027-07-15T19:00:00Z .*summary=Hearing in America/Chicago " "$W/zones.out"
check_grep "Guam: 09:30 ChST is 23:30Z the day before" "start=2027-01-15T09:30:00\+10:00 utc=2027-01-14T23:30:00Z .*summary=Hearing in Pacific/Guam" "$W/zones.out"
check_grep "Puerto Rico has no DST" "start=2027-07-15T14:00:00-04:00 utc=2027-07-15T18:00:00Z .*summary=Hearing in America/Puerto_Rico" "$W/zones.out"
check_grep "a hearing ends an hour later" "start=2027-01-15T09:30:00-05:00 utc=2027-01-15T14:30:00Z end=2027-01-15T10:30:00-05:00 .*summary=Hearing in America/New_York " "$W/zones.out"
check_grep "an event past midnight ends the next day" "start=2030-12-31T23:30:00-05:00 .*end=2031-01-01T00:30:00-05:00 .*America/New_York " "$W/zones.out"

long=$(printf 'Sala %.0s' $(seq 1 40))
printf '%s\n' \
    "-	2027-03-01	-	0	0	Responses due, with; commas\\and ; “quotes” — done	" \
    "America/Chicago	2027-03-02	10:00	60	1	Motion Hearing	Courtroom 2; 17th Floor, Room \\5" \
    "America/Los_Angeles	2027-03-03	10:00	0	0	Señora Muñoz — ${long}ñ	San José, Sala Ñ ${long}" >"$W/text.in"
"$T" <"$W/text.in" >"$W/text.ics"
$CHECK "$W/text.ics" >"$W/text.out" 2>&1
check_eq "long, escaped and non-ASCII text is well formed" 0 $?
grep '^BAD' "$W/text.out" | head -3 | while read -r l; do diag "$l"; done
check "every line ends in CRLF" /usr/bin/python3 -c '
import sys
d = open(sys.argv[1], "rb").read()
assert d.endswith(b"\r\n") and b"\n" not in d.replace(b"\r\n", b"")
for l in d.split(b"\r\n"):
    assert len(l) <= 75
    l.decode("utf-8")      # no line splits a character
' "$W/text.ics"
check_grep "an all-day deadline" "start=2027-03-01 utc=- end=2027-03-02 allday=1 summary=Responses due, with; commas.and ; “quotes” — done " "$W/text.out"
check_grep "commas, semicolons and backslashes come back" 'location=Courtroom 2; 17th Floor, Room \\5' "$W/text.out"
check_grep "a cancelled hearing" "status=CANCELLED .*summary=Motion Hearing" "$W/text.out"
check_grep "a reminder 30 minutes before" "summary=Responses due.* alarm=-PT30M" "$W/text.out"
check_grep "no reminder for a cancelled event" "status=CANCELLED .*summary=Motion Hearing .*alarm=-$" "$W/text.out"
check_grep "the long line comes back whole" "summary=Señora Muñoz — (Sala ){40}ñ location=San José, Sala Ñ (Sala ){40} alarm" "$W/text.out"
check_grep "a timed event without a duration has no end" "start=2027-03-03T10:00:00-08:00 utc=2027-03-03T18:00:00Z end=- " "$W/text.out"
# every alignment of 2-, 3- and 4-byte characters against the 75-octet fold
/usr/bin/python3 -c '
for n in range(0, 80):
    for ch in ("\u00e9", "\u4e2d", "\U0001F4C5"):
        print("America/Chicago\t2027-03-02\t10:00\t60\t0\t%s%s\t%s%s" %
              ("x" * n, ch * 30, ch * 20, "y" * n))
' >"$W/fold.in"
"$T" <"$W/fold.in" >"$W/fold.ics"
$CHECK "$W/fold.ics" >"$W/fold.out" 2>&1
check_eq "folds at every alignment of multi-byte characters: well formed" 0 $?
check "no line over 75 octets, none splits a character, values come back whole" \
    /usr/bin/python3 -c '
import sys
from icalendar import Calendar
d = open(sys.argv[1], "rb").read()
for l in d.split(b"\r\n"):
    assert len(l) <= 75, l
    l.decode("utf-8")
ev = Calendar.from_ical(d.decode()).walk("VEVENT")
want = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")]
assert len(ev) == len(want) == 240, len(ev)
for e, w in zip(ev, want):
    assert str(e["SUMMARY"]) == w[5] and str(e["LOCATION"]) == w[6], (e["SUMMARY"], w)
' "$W/fold.ics" "$W/fold.in"
tap_done
