#!/usr/bin/env bash
# nefctl end to end over a real store: teams (add, import with a bad row,
# export/import round trip), case show, purge with the recall list and
# tombstones, audit queries, and the exit codes.
. "$(dirname "$0")/common.sh"
store_workdir t-nefctl "lawfirm.example, partner.example"
trap 'rm -rf "$W"' EXIT
printf 'map_size = 1M\nmax_readers = 64\n' >>"$W/n.conf"
ctl() { "$NEFCTL" -c "$W/n.conf" "$@"; }

# --- a missing store --------------------------------------------------------
ctl stats >"$W/out" 2>"$W/err"; rc=$?
check_eq "missing store: exit 3" 3 "$rc"
check_grep "missing store: says so" "no store" "$W/err"
mkdir -p "$S/db"
ctl case list >"$W/out" 2>"$W/err"; rc=$?
check_eq "empty state directory: exit 3" 3 "$rc"
check "nefctl created no environment" test ! -e "$S/db/data.mdb"
rm -rf "$S"

"$ST" "$S" init >/dev/null 2>&1 || { not_ok "storetool init"; tap_done; exit 1; }
"$ST" "$S" case cand 4:22-cv-05541 "Doe v. Roe" 401234 >/dev/null 2>&1
"$ST" "$S" listed cand 4:22-cv-05541 clerk@court.example >/dev/null 2>&1

# --- team add / list / remove -----------------------------------------------
ctl team add cand 4:22-cv-05541-JST Alice@LawFirm.example bob@partner.example >"$W/out" 2>&1
check_eq "team add: exit 0" 0 "$?"
ctl team list CAND 4:22cv5541 >"$W/out" 2>&1
check_eq "team list (typed as 4:22cv5541): exit 0" 0 "$?"
check_eq "team list shows both, normalized" \
    "cand 4:22-cv-05541 alice@lawfirm.example|cand 4:22-cv-05541 bob@partner.example" \
    "$(cut -f1-3 "$W/out" | tr '\t' ' ' | paste -sd'|')"
ctl team add cand 4:22-cv-05541 eve@gmail.example >"$W/out" 2>"$W/err"; rc=$?
check_eq "team add outside firm_domains: exit 2" 2 "$rc"
check_grep "team add outside firm_domains: names the reason" "not in the firm's domains" "$W/err"
ctl team add cand 4:22-cv-05541 "not an address" >"$W/out" 2>"$W/err"; rc=$?
check_eq "team add with a bad address: exit 2" 2 "$rc"
ctl team add cand 4:22-cv-05541 carol@lawfirm.example "bad address" >/dev/null 2>&1
ctl team list cand 4:22-cv-05541 | grep -q carol && not_ok "carol added despite the bad row" || ok "carol not added"
ctl team add cand notadocket x@lawfirm.example >/dev/null 2>"$W/err"; rc=$?
check_eq "team add with a bad docket: exit 2" 2 "$rc"
ctl team list cand 9:99-cv-99999 >"$W/out" 2>"$W/err"; rc=$?
check_eq "team list of an unknown case: exit 1" 1 "$rc"
check_grep "unknown case is named" "unknown case cand 9:99-cv-99999" "$W/err"
ctl team remove cand 4:22-cv-05541 bob@partner.example >/dev/null 2>&1
check_eq "team remove: exit 0" 0 "$?"
ctl team remove cand 4:22-cv-05541 bob@partner.example >/dev/null 2>&1; rc=$?
check_eq "team remove of an absent address: exit 1" 1 "$rc"

# --- import: a bad row changes nothing and is named by line -----------------
cat >"$W/team.csv" <<CSV
court,case,address
nysd,1:24-cv-00100-ABC,dan@lawfirm.example
# a comment line
nysd,1:24-cv-00100,"erin@lawfirm.example"
nysd,1:24-cv-00100,frank@outside.example
nysd,1:24-cv-00100
CSV
ctl team import "$W/team.csv" >"$W/out" 2>"$W/err"; rc=$?
check_eq "import with bad rows: exit 2" 2 "$rc"
check_grep "import names line 5 (domain)" "line 5: .*frank@outside.example" "$W/err"
check_grep "import names line 6 (fields)" "line 6: expected 3 fields" "$W/err"
check_grep "import says nothing changed" "nothing changed" "$W/err"
ctl team list >"$W/out" 2>&1
check_nogrep "no row of the bad file was added" "dan@|erin@" "$W/out"
sed -i '/frank@/d; /^nysd,1:24-cv-00100$/d' "$W/team.csv"
ctl team import "$W/team.csv" >"$W/out" 2>"$W/err"
check_eq "import of the corrected file: exit 0" 0 "$?"
check_grep "import counts its rows" "imported 2 rows" "$W/out"

# --- export / import round trip (CSV and JSON) ------------------------------
ctl team export "$W/a.csv" && ctl team export "$W/a.json"
check_eq "export: exit 0" 0 "$?"
check_eq "CSV export header" "court,case,address" "$(head -1 "$W/a.csv")"
check_eq "CSV export has 3 rows" 3 "$(tail -n +2 "$W/a.csv" | wc -l)"
check_grep "JSON export has the rows" '"address": "dan@lawfirm.example"' "$W/a.json"
tail -n +2 "$W/a.csv" | while IFS=, read -r c k a; do ctl team remove "$c" "$k" "$a" >/dev/null; done
check_eq "team emptied" "" "$(ctl team list)"
ctl team import "$W/a.json" >/dev/null 2>&1
check_eq "JSON import: exit 0" 0 "$?"
ctl team export "$W/b.csv"
check_eq "JSON import restores exactly the CSV export" "$(cat "$W/a.csv")" "$(cat "$W/b.csv")"
ctl team import --format json "$W/team.csv" >/dev/null 2>"$W/err"; rc=$?
check_eq "CSV read as JSON: exit 2" 2 "$rc"
printf '[{"court":"cand","case":"4:22-cv-05541","address":"x@lawfirm.example"},{"court":"cand","case":"4:22-cv-05541"}]\n' >"$W/bad.json"
ctl team import "$W/bad.json" >/dev/null 2>"$W/err"; rc=$?
check_eq "JSON import with a bad item: exit 2" 2 "$rc"
check_grep "JSON import names item 2" "item 2" "$W/err"
ctl team list | grep -q x@lawfirm && not_ok "JSON bad import changed something" || ok "JSON bad import changed nothing"

# --- documents, audit, case show --------------------------------------------
SHA1=$("$ST" "$S" doc cand 035100 0 4:22-cv-05541 12 "%PDF-1.4 order sealed by mistake")
SHA2=$("$ST" "$S" doc cand 035101 0 4:22-cv-05541 13 "%PDF-1.4 public brief")
"$ST" "$S" audit 4ABC1 cand 4:22-cv-05541 12 "alice@lawfirm.example,clerk@court.example,-bob@partner.example" "035100:$SHA1:order.pdf"
"$ST" "$S" audit 4ABC2 cand 4:22-cv-05541 13 "alice@lawfirm.example" "035101:$SHA2:brief.pdf"
ctl case show cand 4:22-cv-05541-JST >"$W/out" 2>&1
check_eq "case show: exit 0" 0 "$?"
check_grep "case show: name" "^name: Doe v. Roe" "$W/out"
check_grep "case show: court-listed" "clerk@court.example" "$W/out"
check_grep "case show: team" "^  alice@lawfirm.example" "$W/out"
check_grep "case show: documents" "documents \(2\)" "$W/out"
check_grep "case show: recent activity" "4ABC2" "$W/out"
ctl case show cand 9:99-cv-99999 >/dev/null 2>&1; rc=$?
check_eq "case show of an unknown case: exit 1" 1 "$rc"
ctl case list >"$W/out"
check_grep "case list" "cand	4:22-cv-05541	.*Doe v. Roe" "$W/out"

ctl audit --qid 4ABC1 >"$W/out"
check_eq "audit --qid: one line" 1 "$(wc -l <"$W/out")"
check_grep "audit table shows removed recipients" "removed: bob@partner.example" "$W/out"
ctl audit --rcpt ALICE@lawfirm.example --json >"$W/out"
check_eq "audit --rcpt --json: two lines" 2 "$(wc -l <"$W/out")"
check "audit --json lines are JSON" /usr/bin/python3 -c '
import json,sys
for l in open(sys.argv[1]): o=json.loads(l); assert o["court"]=="cand" and o["trust"]=="verified"
' "$W/out"
ctl audit --case cand 4:22-cv-05541 --since 2h --until now >"$W/out"
check_eq "audit --case --since 2h: two lines" 2 "$(wc -l <"$W/out")"
ctl audit --since 2030-01-01 >"$W/out"
check_eq "audit --since in the future: nothing" 0 "$(wc -l <"$W/out")"
ctl audit --since 2020-01-01T00:00:00Z --until 2099-12-31 >"$W/out"
check_eq "audit with ISO bounds: two lines" 2 "$(wc -l <"$W/out")"
ctl audit --since yesterday >/dev/null 2>&1; rc=$?
check_eq "audit with a bad time: exit 2" 2 "$rc"
ctl audit --rcpt "bad address" >/dev/null 2>&1; rc=$?
check_eq "audit with a bad address: exit 2" 2 "$rc"

# --- purge: the clawback ----------------------------------------------------
FILE1=$S/docs/${SHA1:0:2}/$SHA1.pdf
check "document file is stored" test -f "$FILE1"
ctl purge cand 035100 >"$W/out" 2>&1
check_eq "purge: exit 0" 0 "$?"
check_grep "purge lists the document" "035100 att 0" "$W/out"
check_grep "purge prints the queue id to recall" "4ABC1" "$W/out"
check_grep "purge prints who received it" "to: alice@lawfirm.example clerk@court.example" "$W/out"
check_nogrep "purge does not list messages without the document" "4ABC2" "$W/out"
check "purge removed the file at once" test ! -e "$FILE1"
check_eq "the key now says tombstoned" "tombstoned" "$("$ST" "$S" get cand 035100 0 | cut -d' ' -f1)"
"$ST" "$S" doc cand 035999 0 4:22-cv-05541 14 "%PDF-1.4 order sealed by mistake" >/dev/null 2>"$W/err"; rc=$?
check_eq "the same content fetched again under another key is refused" 3 "$rc"
check_grep "refused as tombstoned" "tombstoned" "$W/err"
check "the refused copy left no file" test ! -e "$FILE1"
ctl purge --entry cand 4:22-cv-05541 13 >"$W/out" 2>&1
check_eq "purge --entry: exit 0" 0 "$?"
check_grep "purge --entry recalls its message" "4ABC2" "$W/out"
ctl purge --case cand 9:99-cv-99999 >/dev/null 2>&1; rc=$?
check_eq "purge --case of an unknown case: exit 1" 1 "$rc"
ctl purge --expired >"$W/out" 2>&1
check_eq "purge --expired: exit 0" 0 "$?"
check_grep "purge --expired reports" "expired 0 documents" "$W/out"

# --- stats, check -----------------------------------------------------------
ctl stats >"$W/out" 2>&1
check_eq "stats: exit 0" 0 "$?"
check_grep "stats counts tombstones" "^tombstones	[1-9]" "$W/out"
check_grep "stats shows reader slots" "^reader slots	[0-9]+" "$W/out"
ctl check --full >"$W/out" 2>&1
check_eq "check --full on a sound store: exit 0" 0 "$?"
SHA3=$("$ST" "$S" doc cand 035102 0 4:22-cv-05541 15 "%PDF-1.4 to be damaged")
rm -f "$S/docs/${SHA3:0:2}/$SHA3.pdf"
ctl check >"$W/out" 2>&1; rc=$?
check_eq "check with a missing file: exit 5" 5 "$rc"
check_grep "check names the document" "035102 att 0: file .*missing" "$W/out"

# --- a locked store ---------------------------------------------------------
"$ST" "$S" hold-write 6 >"$W/hold" 2>&1 &
HP=$!
wait_for 5 grep -q holding "$W/hold"
t0=$SECONDS
"$NEFCTL" -c "$W/n.conf" -w 1 team add cand 4:22-cv-05541 zed@lawfirm.example >/dev/null 2>"$W/err"; rc=$?
check_eq "team add while another writer holds the lock: exit 4" 4 "$rc"
check_grep "locked store is named" "locked" "$W/err"
check "gave up after about the wait (-w 1)" test $((SECONDS - t0)) -le 4
ctl team list cand 4:22-cv-05541 >/dev/null 2>&1
check_eq "reading works while a writer holds the lock" 0 "$?"
kill "$HP" 2>/dev/null; wait "$HP" 2>/dev/null

# --- usage ------------------------------------------------------------------
ctl >/dev/null 2>&1; rc=$?
check_eq "no command: exit 2" 2 "$rc"
ctl team frobnicate >/dev/null 2>&1; rc=$?
check_eq "unknown subcommand: exit 2" 2 "$rc"
tap_done
