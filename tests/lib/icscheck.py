#!/usr/bin/python3
"""icscheck: read the iCalendar objects of a delivered message (its
text/calendar parts) or of an .ics file with Debian's python3-icalendar,
check what RFC 5545 asks of their form, and describe them so that shell
tests can assert on them.

    icscheck.py FILE       FILE is a message (.eml, a Maildir file) or .ics

Prints, per calendar: "CAL method=M prodid=P parts=N" and "TZ TZID" for
each VTIMEZONE, then per VEVENT one line:
    EVENT uid=U seq=N status=S start=ISO utc=ISO|- end=ISO|- allday=0|1
          summary=TEXT location=TEXT|- alarm=TRIGGER|-
and "PART ctype=... filename=..." for each calendar part of a message.
Exit status 1, with "BAD ..." lines, when the text breaks the form: a line
longer than 75 octets, a bare LF, a TZID without its VTIMEZONE, a missing
UID, DTSTAMP or DTSTART, or no VCALENDAR at all.
"""
import datetime
import email
import email.policy
import sys

from icalendar import Calendar


def check_form(raw, bad):
    if b"\n" in raw.replace(b"\r\n", b""):
        bad.append("bare LF")
    for line in raw.split(b"\r\n"):
        if len(line) > 75:
            bad.append("line of %d octets: %r" % (len(line), line[:40]))


def utc(dt):
    if isinstance(dt, datetime.datetime) and dt.tzinfo is not None:
        return dt.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return "-"


def describe(raw, bad):
    check_form(raw, bad)
    cal = Calendar.from_ical(raw.decode("utf-8"))
    zones = [str(z["TZID"]) for z in cal.walk("VTIMEZONE")]
    vtz = {str(z["TZID"]): z.to_tz() for z in cal.walk("VTIMEZONE")}
    events = cal.walk("VEVENT")
    print("CAL method=%s prodid=%s parts=%d" % (cal.get("METHOD"),
          cal.get("PRODID"), len(events)))
    for z in zones:
        print("TZ %s" % z)
    for ev in events:
        for k in ("UID", "DTSTAMP", "DTSTART"):
            if k not in ev:
                bad.append("VEVENT without %s" % k)
        for k in ("DTSTART", "DTEND"):
            if k in ev and "TZID" in ev[k].params and str(ev[k].params["TZID"]) not in zones:
                bad.append("TZID %s has no VTIMEZONE" % ev[k].params["TZID"])
        st = ev.decoded("DTSTART")
        en = ev.decoded("DTEND") if "DTEND" in ev else None
        # the VTIMEZONE's own rules must give the tz database's offset
        tzid = ev["DTSTART"].params.get("TZID")
        if tzid is not None and str(tzid) in vtz and isinstance(st, datetime.datetime):
            z = vtz[str(tzid)]
            naive = st.replace(tzinfo=None)
            mine = z.localize(naive) if hasattr(z, "localize") else naive.replace(tzinfo=z)
            if utc(mine) != utc(st):
                bad.append("VTIMEZONE %s gives %s for %s, the tz database %s" % (
                    tzid, utc(mine), naive.isoformat(), utc(st)))
        allday = int(not isinstance(st, datetime.datetime))
        alarm = "-"
        for a in ev.walk("VALARM"):
            alarm = a["TRIGGER"].to_ical().decode()
        print("EVENT uid=%s seq=%s status=%s start=%s utc=%s end=%s allday=%d "
              "summary=%s location=%s alarm=%s" % (
                  ev.get("UID"), ev.get("SEQUENCE"), ev.get("STATUS"),
                  st.isoformat(), utc(st), en.isoformat() if en else "-",
                  allday, ev.get("SUMMARY"), ev.get("LOCATION") or "-", alarm))
        print("DESC %s" % " ".join(str(ev.get("DESCRIPTION", "")).split()))


def main():
    path = sys.argv[1]
    bad = []
    data = open(path, "rb").read()
    n = 0
    if data.lstrip().startswith(b"BEGIN:VCALENDAR"):
        describe(data, bad)
        n = 1
    else:
        msg = email.message_from_bytes(data, policy=email.policy.default)
        for part in msg.walk():
            if part.get_content_type() != "text/calendar":
                continue
            n += 1
            print("PART ctype=%s filename=%s" % (
                " ".join(str(part["Content-Type"]).split()), part.get_filename()))
            describe(part.get_payload(decode=True), bad)
    if n == 0:
        bad.append("no VCALENDAR")
    for b in bad:
        print("BAD %s" % b)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
