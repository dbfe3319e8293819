#!/usr/bin/env bash
# End to end through a real Postfix: the daily digest of "nefctl digest"
# for a day of notices whose outcomes are known:
#   entry 57 to docketing (two PDFs, attachment 2 behind a login prompt),
#   entry 59 (its one document sealed: the link is cut),
#   the restricted entry to docketing and bob (bob is not listed: removed),
#   the restricted entry to bob alone (removing him leaves nobody: held),
#   then "nefctl purge --entry" of entry 57.
# The text form is checked field by field; the HTML form is rendered by
# headless chromium to a PNG (kept in the test output) and its DOM shows
# the same rows; --mail sends one multipart/alternative message through
# Postfix's sendmail(1) to digest_to, whose parts are those two forms;
# past digest_max_notices one line per case; hostile and unconfigured
# --to addresses are refused with the reason and nothing is sent; a
# notice that the pipeline could not process (no room for its new body)
# and one larger than max_message_bytes are delivered as they came, and
# the audit, the digest ("Notices not processed") and the counters all
# say so.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
e2e_start "$DATA/scenarios/e2e.json" "restricted_scope = address" \
    "digest_to = docketing@example.test" "mail_from = nefmilter@example.test" \
    "max_message_bytes = 64K"
# nefctl reads the file at each run: the private Postfix's sendmail(1)
echo "sendmail_command = /usr/sbin/sendmail -C $PF_CONF -oi" >>"$PF_DIR/nef.conf"
ROWS="/usr/bin/python3 $TOP/tests/lib/digestrows.py"
OUT=$TOP/$BUILD/test-logs
mkdir -p "$OUT"
T0=$(date -u +%Y-%m-%dT%H:%M:%SZ)
CASE=4:22-cv-05541-JST

e2e_day_notices
e2e_send_day
e2e_send_notice "$NS" bob@example.test
Q4=$PF_LAST_QID
for q in "${DAY_QIDS[@]}"; do
	check "message $q: done" e2e_wait_qid "$q"
done
check "message $Q4: held" pf_wait_log "postfix/cleanup\[[0-9]+\]: $Q4: milter-hold: " 20
check "the purge of entry 57" quiet nefctl purge --entry cand 4:22-cv-05541 57
sleep 1
T1=$(date -u +%Y-%m-%dT%H:%M:%SZ)
W=(--since "$T0" --until "$T1")

check "nefctl digest (text)" sh -c 'exec "$0" -c "$1" digest --since "$2" --until "$3" >"$4"' \
    "$NEFCTL" "$PF_DIR/nef.conf" "$T0" "$T1" "$PF_DIR/d.txt"
cp "$PF_DIR/d.txt" "$OUT/digest.txt"
$ROWS --text "$PF_DIR/d.txt" >"$PF_DIR/rows.txt"
row() { grep -c "^$1	" "$PF_DIR/rows.txt"; }
cell() {	# SECTION N COL: cell COL (1 = first) of row N of SECTION
	awk -F'\t' -v s="$1" -v n="$2" -v c="$3" '$1 == s && ++k == n { print $(c + 1) }' "$PF_DIR/rows.txt"
}
check_grep "the period is the window asked for" "^From [0-9-]+ [0-9:]+ to [0-9-]+ [0-9:]+ \(" "$PF_DIR/d.txt"
tr '\n' ' ' <"$PF_DIR/d.txt" | tr -s ' ' >"$PF_DIR/d.flat"	# prose unwrapped
# entry 59's link, and the held entry's (held with no document in it)
check_grep "the summary counts every outcome" \
    " 4 notices in 1 case from 1 court; 4 PDFs attached; 2 links cut; 1 held; 0 not processed; 2 restricted entries \(1 recipient removed\); 4 documents not fetched; 1 purge\. " \
    "$PF_DIR/d.flat"
check_eq "held: one row" 1 "$(row held)"
check_eq "held: its queue id" "$Q4" "$(cell held 1 2)"
check_eq "held: court, case, entry" "cand $CASE 57" "$(cell held 1 3) $(cell held 1 4) $(cell held 1 5)"
check "held: why" test -n "$(cell held 1 6)"
check_grep "held: how to release it with Postfix, as INSTALL says" \
    "releases it by its queue id \(Postfix\): postsuper -H QUEUEID \(then postqueue -i QUEUEID " "$PF_DIR/d.flat"
check_nogrep "held: and not with Sendmail (the audit names the MTA)" "sendmail -q" "$PF_DIR/d.flat"
check_grep "the audit names the MTA" '"tag":17,"value":"Postfix"' <(nefctl audit --qid "$Q4" --json)
check_eq "not processed: no row" 0 "$(row failed)"
check_grep "not processed: says so" "^Every notice was processed\.$" "$PF_DIR/d.txt"
check_eq "restricted: two rows" 2 "$(row restricted)"
check_eq "restricted: bob was removed from the first" "bob@example.test" "$(cell restricted 1 5)"
check_eq "restricted: nobody from the held one" "nobody" "$(cell restricted 2 5)"
check_eq "restricted: its three documents counted" "3" "$(cell restricted 1 6)"
check_eq "notices: four rows" 4 "$(row notices)"
check_eq "notices: entries in time order" "57 59 57 57" \
    "$(for i in 1 2 3 4; do cell notices $i 1; done | tr '\n' ' ' | sed 's/ $//')"
check_eq "notices: what was done" "attached stripped attached held" \
    "$(for i in 1 2 3 4; do cell notices $i 4; done | tr '\n' ' ' | sed 's/ $//')"
check_eq "notices: entry 57, two PDFs" "2 PDFs attached" "$(cell notices 1 5)"
check_eq "notices: entry 59, its link cut" "1 link cut" "$(cell notices 2 5)"
check_eq "notices: the restricted entry went to docketing only" "docketing@example.test" "$(cell notices 3 6)"
check_eq "notices: the held one still to bob (nobody removed)" "bob@example.test" "$(cell notices 4 6)"
check_eq "notices: the kind" "district" "$(cell notices 1 3)"
check_grep "notices: the case heading with its name" \
    "^ cand $CASE: Acme Widgets, Inc\. v\. Example Logistics Corp\. et al$" "$PF_DIR/d.txt"
check_grep "notices: entry 57's docket text" "^        MOTION to Compel Production of Documents" "$PF_DIR/d.txt"
check_grep "notices: its attached documents" \
    "^        Attached: 2023-03-14_cand_${CASE//:/-}_ECF57_Main_Document\.pdf$" "$PF_DIR/d.txt"
check_nogrep "the restricted entry's docket text is never quoted" "Under Seal" "$PF_DIR/d.txt"
check_eq "restricted entries say why nothing is shown" 2 \
    "$(grep -c 'Restricted entry: its docket text and documents are not shown here\.' "$PF_DIR/d.txt")"
check_eq "not fetched: four rows" 4 "$(row unfetched)"
check_eq "not fetched: entry 57's login attachment, by name" "attachment 2: Proposed Order" "$(cell unfetched 1 5)"
check_grep "not fetched: why" "the court asked for a login" <(cell unfetched 1 6)
check_eq "not fetched: entry 59's main document" "main document" "$(cell unfetched 2 5)"
check_eq "not fetched: the restricted entries' documents, without a name" "attachment 2 attachment 2" \
    "$(cell unfetched 3 5) $(cell unfetched 4 5)"
check_eq "purges: one row" 1 "$(row purges)"
check_eq "purges: case and entry" "$CASE 57" "$(cell purges 1 3) $(cell purges 1 4)"
check_grep "purges: the documents" "main document, attachment 1" <(cell purges 1 5)

# --- the HTML form in a real browser ---------------------------------------------
check "nefctl digest --format html" sh -c 'exec "$0" -c "$1" digest --since "$2" --until "$3" --format html >"$4"' \
    "$NEFCTL" "$PF_DIR/nef.conf" "$T0" "$T1" "$PF_DIR/d.html"
cp "$PF_DIR/d.html" "$OUT/digest.html"
check_nogrep "HTML: no script, style sheet, image, frame or form" \
    "<(script|style|link|img|iframe|object|embed|form)[ >]" "$PF_DIR/d.html"
check_nogrep "HTML: nothing fetched from anywhere" "(src|href|url)[=(]" "$PF_DIR/d.html"
check_nogrep "HTML: no class-based style (inline styles only)" "<style|class=\"[^\"]*\" style=\"\"" "$PF_DIR/d.html"
CHROME="chromium --headless --no-sandbox --disable-gpu --disable-background-networking
--disable-component-update --disable-sync --no-first-run --user-data-dir=$PF_DIR/chrome"
rm -f "$OUT/digest.png"
timeout 60 $CHROME --window-size=1000,1600 --screenshot="$OUT/digest.png" "file://$PF_DIR/d.html" >"$PF_DIR/chrome.log" 2>&1
check "chromium renders it to a PNG" test -s "$OUT/digest.png"
check_eq "the PNG is a PNG" "89504e47" "$(head -c 4 "$OUT/digest.png" 2>/dev/null | od -An -tx1 | tr -d ' \n')"
timeout 60 $CHROME --dump-dom "file://$PF_DIR/d.html" >"$PF_DIR/dom.html" 2>>"$PF_DIR/chrome.log"
$ROWS --html "$PF_DIR/dom.html" >"$PF_DIR/rows.dom"
check "the browser's DOM has the rows" test -s "$PF_DIR/rows.dom"
check "the DOM shows the same rows as the text, cell by cell" diff -u "$PF_DIR/rows.txt" "$PF_DIR/rows.dom"
check_grep "the DOM keeps the summary" "4 notices in 1 case from 1 court" "$PF_DIR/dom.html"

# --- mail ------------------------------------------------------------------------------
check_eq "--to with a leading '-' is refused (exit 2)" 2 \
    "$(nefctl digest --to '-oQ/tmp/x@example.test' 2>"$PF_DIR/e1"; echo $?)"
check_grep "... with the reason" "refused: an address may not begin with '-'" "$PF_DIR/e1"
check_eq "--to with a header in it is refused" 2 \
    "$(nefctl digest --to "$(printf 'docketing@example.test\nBcc: x@evil.example')" 2>/dev/null; echo $?)"
check_eq "--to an address not in digest_to is refused" 2 \
    "$(nefctl digest --to carol@example.test 2>"$PF_DIR/e2"; echo $?)"
check_grep "... saying the digest goes to configured addresses only" "not one of digest_to" "$PF_DIR/e2"
before=$(pf_maildir_files docketing | wc -l)
check "--mail submits it through sendmail(1)" quiet nefctl digest "${W[@]}" --mail
check "it is delivered to digest_to" pf_wait_delivered docketing $((before + 1)) 20
check_eq "nothing went to carol" 0 "$(pf_maildir_files carol | wc -l)"
M=$(e2e_last docketing)
$ROWS --mail "$M" >"$PF_DIR/mail.h"
check_grep "mail: multipart/alternative" "^Content-Type: multipart/alternative; boundary=" "$PF_DIR/mail.h"
check_grep "mail: its subject counts the day" \
    "^Subject: Court notices to [0-9-]+: 4 notices, 1 held, 2 restricted, 4 not fetched$" "$PF_DIR/mail.h"
check_grep "mail: from mail_from" "^From: nefmilter@example.test$" "$PF_DIR/mail.h"
check_grep "mail: auto-generated (no vacation replies)" "^Auto-Submitted: auto-generated$" "$PF_DIR/mail.h"
check_grep "mail: a text part, quoted-printable" "^PART text/plain quoted-printable$" "$PF_DIR/mail.h"
check_grep "mail: an HTML part, quoted-printable" "^PART text/html quoted-printable$" "$PF_DIR/mail.h"
check "mail: the text part is the text form" diff -u "$PF_DIR/d.txt" "$M.txt"
check "mail: the HTML part is the HTML form" diff -u "$PF_DIR/d.html" "$M.html"

# --- a thousand notices: one readable message ----------------------------------------
# A store of its own, filled by storetool (1000 audit records of one case).
BIG=$PF_DIR/bigstate
mkdir -p "$BIG"
"$TOP/$BUILD/tools/storetool" "$BIG" init 4194304 >/dev/null 2>&1
"$TOP/$BUILD/tools/storetool" "$BIG" audit-burst 1000 K >/dev/null 2>&1
sed "s|^state_dir = .*|state_dir = $BIG|" "$PF_DIR/nef.conf" >"$PF_DIR/big.conf"
"$NEFCTL" -c "$PF_DIR/big.conf" digest --since 1h >"$PF_DIR/big.txt" 2>"$PF_DIR/big.err"
check_eq "a thousand notices: the digest is made" "0 " "$? $(cat "$PF_DIR/big.err")"
"$NEFCTL" -c "$PF_DIR/big.conf" digest --since 1h --format html >"$PF_DIR/big.html"
tr '\n' ' ' <"$PF_DIR/big.txt" | tr -s ' ' >"$PF_DIR/big.flat"
check_grep "they are all counted" "^Court notices through nefmilter From .* 1000 notices in 1 case from 1 court; " "$PF_DIR/big.flat"
check_grep "past digest_max_notices it says so" \
    "1000 notices: more than digest_max_notices \(200\), so one line per case\. nefctl audit --case COURT CASE lists them one by one\." \
    "$PF_DIR/big.flat"
$ROWS --text "$PF_DIR/big.txt" >"$PF_DIR/big.rows"
check_eq "one row for the one case, its one entry named once" "notices	cand	4:22-cv-05541	1000	2	0 PDFs attached, 0 links cut" \
    "$(cat "$PF_DIR/big.rows")"
check "the text stays short (under 4 kB)" test "$(wc -c <"$PF_DIR/big.txt")" -lt 4096
check "and the HTML (under 16 kB)" test "$(wc -c <"$PF_DIR/big.html")" -lt 16384

# --- hostile --to: refused, with the reason, and nothing submitted ---------------------
before=$(pf_maildir_files docketing | wc -l)
tos=("docketing@example.test, carol@example.test" "docketing@example.test
Bcc: carol@example.test" "<docketing@example.test>carol@example.test" "" "docketing"
"docketing@example.test\\" "$(printf 'docketing\001@example.test')"
"$(head -c 400 /dev/zero | tr '\0' a)@example.test" "-f@example.test")
for to in "${tos[@]}"; do
	shown=$(printf '%s' "$to" | head -c 40 | tr -c '[:print:]' '?')
	rc=$(nefctl digest "${W[@]}" --to "$to" >"$PF_DIR/eo" 2>"$PF_DIR/ee"; echo $?)
	check_eq "--to \"$shown\": refused (exit 2)" 2 "$rc"
	check_grep "--to \"$shown\": a line saying why" "^nefctl: --to .* refused: " "$PF_DIR/ee"
	check_eq "--to \"$shown\": one printable line, not too long" "1 0 0" \
	    "$(wc -l <"$PF_DIR/ee") $(tr -d '\n' <"$PF_DIR/ee" | tr -d '[:print:]' | wc -c) $(awk 'length > 200' "$PF_DIR/ee" | wc -l)"
	check_eq "--to \"$shown\": nothing on standard output" "" "$(cat "$PF_DIR/eo")"
done
check_eq "the refused addresses got nothing: no other mail" "$before 0" \
    "$(pf_maildir_files docketing | wc -l) $(pf_maildir_files carol | wc -l)"

# --- a notice not processed (on_error = accept) ------------------------------------------
# The new body has nowhere to go: state_dir/tmp is closed to the milter's
# user and TMPDIR does not exist, so the pipeline ends in on_error.
chmod 000 "$PF_DIR/nefstate/tmp"
e2e_restart TMPDIR=/nonexistent
T2=$(date -u +%Y-%m-%dT%H:%M:%SZ)
m0=$(nefctl metrics)
before=$(pf_maildir_files docketing | wc -l)
e2e_send_notice "$N59" docketing@example.test
Q5=$PF_LAST_QID
check "message $Q5: done" e2e_wait_qid "$Q5"
chmod 700 "$PF_DIR/nefstate/tmp"
# and entry 57 padded past max_message_bytes (64K): it passes unchanged
NB=$(e2e_notice big)
for i in $(seq 1500); do printf '<!-- padding line %06d -->%44s\n' "$i" ""; done >>"$NB"
e2e_send_notice "$NB" docketing@example.test
Q6=$PF_LAST_QID
check "message $Q6 (over 64K): done" e2e_wait_qid "$Q6"
check "both are delivered" pf_wait_delivered docketing $((before + 2)) 20
check_grep "the log says $Q6 is too large" \
    "nefmilter\[[0-9]+\]: warning: $Q6: message larger than max_message_bytes \(65536\); it passes unchanged" "$LOG"
check_grep "... and records it, action=error" \
    "nefmilter\[[0-9]+\]: $Q6: notice court=cand case=4:22-cv-05541 entry=57 kind=district action=error \(delivered as it came\): larger than max_message_bytes \(65536\)$" "$LOG"
check_nogrep "$Q6 goes out as it came (no X-NEF)" "^HDR X-NEF: " "$(e2e_parts "$(e2e_last docketing)")"
check_grep "the log says it was not processed, and why" \
    "nefmilter\[[0-9]+\]: error: $Q5: notice not processed: rewrite: cannot create a temporary file in /nonexistent: .*; delivered unchanged \(on_error=accept\)$" "$LOG"
check_grep "the audit line says action=error" \
    "nefmilter\[[0-9]+\]: $Q5: notice court=cand case=4:22-cv-05541 entry=59 kind=district action=error \(delivered as it came\): rewrite: " "$LOG"
check_grep "$Q5: as it came, marked action=error" "^HDR X-NEF: .*action=error" \
    "$(e2e_parts "$(grep -l "^X-Postfix-Queue-ID: $Q5\$\|$Q5" $(pf_maildir_files docketing) | head -n 1)")"
check_grep "nefctl audit lists it" \
    "^[0-9T:-]+Z  $Q5 +cand +4:22-cv-05541#59  error verified  to: docketing@example.test  not processed, delivered as it came: rewrite: cannot create a temporary file in /nonexistent: " \
    <(nefctl audit --qid "$Q5")
check_grep "... and the one too large" \
    "^[0-9T:-]+Z  $Q6 +cand +4:22-cv-05541#57  error verified  to: docketing@example.test  not processed, delivered as it came: larger than max_message_bytes \(65536\)$" \
    <(nefctl audit --qid "$Q6")
T3=$(date -u +%Y-%m-%dT%H:%M:%SZ)
"$NEFCTL" -c "$PF_DIR/nef.conf" digest --since "$T2" --until "$T3" >"$PF_DIR/d3.txt"
$ROWS --text "$PF_DIR/d3.txt" >"$PF_DIR/rows3.txt"
check_eq "the digest lists both under notices not processed" 2 "$(grep -c '^failed	' "$PF_DIR/rows3.txt")"
check_eq "... their queue ids, courts, cases and entries" "$Q5 cand $CASE 59|$Q6 cand $CASE 57" \
    "$(awk -F'\t' '$1 == "failed" { print $3, $4, $5, $6 }' "$PF_DIR/rows3.txt" | paste -sd'|')"
check_grep "... why, and that they were delivered as they came" \
    "^rewrite: cannot create a temporary file in /nonexistent: .*; delivered as it came, without its documents\|larger than max_message_bytes \(65536\); delivered as it came, without its documents$" \
    <(awk -F'\t' '$1 == "failed" { print $7 }' "$PF_DIR/rows3.txt" | paste -sd'|')
check_eq "... and under notices, action error" "57 error|59 error" \
    "$(awk -F'\t' '$1 == "notices" { print $2, $5 }' "$PF_DIR/rows3.txt" | sort | paste -sd'|')"
tr '\n' ' ' <"$PF_DIR/d3.txt" | tr -s ' ' >"$PF_DIR/d3.flat"
check_grep "the summary counts them" " 2 notices in 1 case from 1 court; .* 0 held; 2 not processed; " "$PF_DIR/d3.flat"
printf '%s\n' "$m0" >"$PF_DIR/m0.prom"
nefctl metrics >"$PF_DIR/m1.prom"
$PROM --delta "$PF_DIR/m0.prom" "$PF_DIR/m1.prom" |
    grep -E '^nefmilter_(errors|notices|messages)_total' >"$PF_DIR/m.delta"
check "the counters agree: two pipeline errors, two notices with action error" \
    diff -u - "$PF_DIR/m.delta" <<'EOF2'
nefmilter_errors_total{kind="pipeline"} +2
nefmilter_messages_total{class="notice"} +2
nefmilter_notices_total{action="error",kind="district"} +2
EOF2
e2e_finish
