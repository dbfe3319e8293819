#!/usr/bin/env bash
# nefmilter --parse: every docket entry has "events" (an array, empty when
# the entry has none) with the fixed members kind, title, date, time, tz,
# location, cancelled and the source span; checked on the fixtures and, when
# it is there, on every notice of the corpus ($NEF_CORPUS, read in place).
. "$(dirname "$0")/../lib/tap.sh"
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$TOP"
BIN=$TOP/${BUILD:-build}/nefmilter
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
py=/usr/bin/python3

"$BIN" --parse tests/data/nef/district.eml >"$W/d" 2>/dev/null
check "district.eml: the hearing and the deadline of entry 57" $py -c '
import json, sys
o = json.loads(open(sys.argv[1]).read())
e = o["dockets"][0]["docket_entries"][0]
ev = e["events"]
assert len(ev) == 2, ev
h, d = ev
assert h["kind"] == "hearing" and h["title"] == "Motion Hearing", h
assert h["date"] == "2023-04-20" and h["time"] == "14:00", h
assert h["tz"] == "America/Los_Angeles" and h["cancelled"] is False, h
assert h["location"] == "Oakland, Courtroom 6, 2nd Floor", h
assert h["judge"] == "Judge Jon S. Tigar", h
s, t = h["span"]
assert e["docket_text"].encode()[s:t].decode() == h["source"], h
assert h["source"].startswith("Motion Hearing set for 4/20/2023"), h
assert d["kind"] == "deadline" and d["title"] == "Responses due", d
assert d["date"] == "2023-03-28" and d["time"] is None and d["location"] is None, d
' "$W/d"

files="tests/data/nef/*.eml"
C=${NEF_CORPUS:-}
if [ -n "$C" ] && [ -d "$C/juriscraper" ]; then
	files="$files $C/juriscraper/nef/s3/*.txt $C/juriscraper/nda/*.txt $C/juriscraper/nef/*.html"
fi
# shellcheck disable=SC2086
"$BIN" --parse $files >"$W/all" 2>/dev/null
check "every entry of every notice has events with the fixed members" $py -c '
import json, sys
n = m = 0
for line in open(sys.argv[1]):
    o = json.loads(line)
    for d in o.get("dockets", []):
        for e in d["docket_entries"]:
            assert isinstance(e["events"], list), e
            n += 1
            for ev in e["events"]:
                m += 1
                for k in ("kind", "title", "date", "time", "tz", "location", "cancelled", "span", "source"):
                    assert k in ev, (k, ev)
                assert ev["kind"] in ("deadline", "hearing")
                assert isinstance(ev["cancelled"], bool)
                assert ev["time"] is None or len(ev["time"]) == 5
                assert ev["date"] is None or len(ev["date"]) == 10
assert n > 0
print("# %d entries, %d events" % (n, m))
' "$W/all"
tap_done
