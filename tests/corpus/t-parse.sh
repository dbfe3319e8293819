#!/usr/bin/env bash
# nefmilter --parse on the fixtures of tests/data/nef/ (no corpus needed):
# JSON Lines on standard output, "{}" plus a reason on standard error for
# what is not a notice, exit status 1 only for a file that cannot be read.
. "$(dirname "$0")/../lib/tap.sh"
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$TOP"
BIN=$TOP/${BUILD:-build}/nefmilter
D=tests/data/nef
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
if [ ! -x "$BIN" ]; then
	not_ok "$BIN is not built"
	tap_done
	exit 1
fi
py=/usr/bin/python3

"$BIN" --parse "$D"/*.eml "$D"/bare.html >"$W/out" 2>"$W/err"
check_eq "exit status 0 when every file was read" 0 $?
check_eq "one line per file" "$(ls "$D"/*.eml "$D"/bare.html | wc -l)" \
    "$(wc -l <"$W/out" | tr -d ' ')"
check "every line is a JSON object" $py -c '
import json, sys
for l in open(sys.argv[1]):
    assert isinstance(json.loads(l), dict)
' "$W/out"

"$BIN" --parse "$D/district.eml" >"$W/d" 2>"$W/derr"
check "district.eml: fields" $py -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["court_id"] == "cand" and d["kind"] == "district", d["court_id"]
k = d["dockets"][0]
assert k["docket_number"] == "4:22-cv-05541", k["docket_number"]
assert k["case_name"] == "Acme Widgets, Inc. v. Example Logistics Corp."
assert k["federal_dn_judge_initials_assigned"] == "JST"
e = k["docket_entries"][0]
assert e["document_number"] == "57" and e["pacer_magic_num"] == "62818321"
assert e["pacer_doc_id"] == "035020918716" and e["pacer_seq_no"] == "213"
assert e["pacer_case_id"] == "401001" and e["date_filed"] == "2023-03-14"
assert e["short_description"] == "Motion to Compel"
assert "# (1)" in e["docket_text"] and "# (1)" not in e["description"]
assert [x["attachment"] for x in d["documents"]] == [0, 1, 2]
assert d["documents"][0]["url"].startswith("https://ecf.cand.uscourts.gov/doc1/")
assert d["documents"][1]["url"] is None
assert d["email_recipients"][0] == {"email_addresses":
    ["aokafor@lawfirm.example", "docketing@lawfirm.example"],
    "name": "Adaeze Okafor"}
assert d["recipients_not_listed"][0]["name"] == "Dana Whitfield"
assert d["contains_attachments"] is True
' "$W/d"
check_eq "district.eml: nothing on standard error" "" "$(cat "$W/derr")"

"$BIN" --parse "$D/announcement.eml" >"$W/c" 2>"$W/cerr"
check_eq "announcement.eml: exit 0" 0 $?
check_eq "announcement.eml: {}" "{}" "$(cat "$W/c")"
check_grep "announcement.eml: the reason on standard error" \
    "^nefmilter: $D/announcement.eml: not a notice: a court announcement$" \
    "$W/cerr"

# A claims heading with no claim link: a claims notice, read in part.
"$BIN" --parse "$D/claims.eml" >"$W/c" 2>"$W/cerr"
check_eq "claims.eml: exit 0" 0 $?
check "claims.eml: a claim, and what could not be read" $py -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["kind"] == "claim" and d["class"] == "claim", d["kind"]
assert d["partial"] == ["claim-link", "creditor"], d["partial"]
c = d["claims"][0]
assert c["claim_number"] == "4" and c["document_url"] is None, c
assert c["filer"] == "Example Servicing LLC" and c["docket_number"] == "6:23-bk-10001"
assert d["date_filed"] == "2023-02-01" and d["court_id"] == "cacb"
' "$W/c"
check_eq "claims.eml: nothing on standard error" "" "$(cat "$W/cerr")"

"$BIN" --parse "$D/district.eml" "$W/no-such-file" "$D/plain.eml" >"$W/m" 2>"$W/merr"
check_eq "an unreadable file: exit 1" 1 $?
check_eq "an unreadable file: the others still parsed" 2 \
    "$(wc -l <"$W/m" | tr -d ' ')"
check_grep "an unreadable file: named on standard error" \
    "^nefmilter: $W/no-such-file: No such file or directory$" "$W/merr"

"$BIN" --parse >/dev/null 2>&1
check_eq "no file: usage, exit 2" 2 $?

# A 50 MB message, made here: parsed, input capped, no crash.
{ cat "$D/district.eml"; head -c 52428800 /dev/zero | tr '\0' 'x'; } >"$W/big"
"$BIN" --parse "$W/big" >"$W/b" 2>/dev/null
check_eq "50 MB message: exit 0" 0 $?
check "50 MB message: a notice, input flagged as truncated" $py -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["kind"] == "district" and "input" in d["truncated"], d.get("truncated")
' "$W/b"
tap_done
