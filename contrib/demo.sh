#!/usr/bin/env bash
# make demo (first version): run "nefmilter --parse" on the sample notices
# of tests/data/nef/ and print what was read, one line per file: kind,
# court, case(s), entry number, documents, recipients the court listed,
# whether the entry looks restricted (seal/redact in the docket text or a
# document description), or why the file is not a notice.
set -u
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
BIN=$BUILD/nefmilter
DATA=${1:-tests/data/nef}
if [ ! -x "$BIN" ]; then
	echo "demo: $BIN is not built (make all)" >&2
	exit 1
fi
printf '%-26s %-11s %-5s %-34s %5s %4s %5s %s\n' file kind court \
    "case(s)" entry docs rcpts restricted?
printf '%-26s %-11s %-5s %-34s %5s %4s %5s %s\n' ---- ---- ----- \
    ------- ----- ---- ----- -----------
for f in "$DATA"/*; do
	[ -f "$f" ] || continue
	name=$(basename "$f")
	err=$("$BIN" --parse "$f" 2>&1 >/dev/null)
	json=$("$BIN" --parse "$f" 2>/dev/null)
	if [ "$json" = "{}" ] || [ -z "$json" ]; then
		printf '%-26s %s\n' "$name" "not a notice: ${err##*not a notice: }"
		continue
	fi
	/usr/bin/python3 -c '
import json, re, sys
name, d = sys.argv[1], json.loads(sys.argv[2])
cases = ", ".join(x["docket_number"] or "?" for x in d["dockets"])
if len(cases) > 34:
    cases = cases[:31] + "..."
e = d["dockets"][0]["docket_entries"][0]
texts = [e.get("docket_text") or ""] + [x.get("description") or "" for x in d["documents"]]
hit = None
for t in texts:
    m = re.search(r"\b(un)?(seal|redact)\w*", t, re.I)
    if m:
        hit = m.group(0)
        break
print("%-26s %-11s %-5s %-34s %5s %4d %5d %s" % (name, d["kind"], d["court_id"],
      cases, e["document_number"] or "-", len(d["documents"]), len(d["recipients"]),
      "yes (%s)" % hit if hit else "no"))
' "$name" "$json"
done
