#!/usr/bin/env bash
# End to end through a real Postfix: the disclosure check.  The court
# serves entry 57 with a clean brief (main document), a filing whose page
# 4 has a black box over words still there and whose page 2 shows an SSN
# in full (attachment 1), and a scanned exhibit (attachment 2).
#  1. warn (the default), alert_to and firm_filer_names: the team gets
#     the notice and its PDFs; the summary names document, page and kind;
#     X-NEF counts the documents; the compliance desk gets a short alert,
#     with nothing attached, that says the firm filed it; the maillog has
#     a line per document and per finding, the store a record per
#     finding (nefctl findings) and the audit record the items; neither
#     mail nor logs hold the hidden words or the SSN.
#  2. hold (reloaded): the same notice again is held; the earlier check
#     is used (no helper runs, no second alert); with identifier_action =
#     hold alone, the hold names the identifier and that setting.
#  3. restrict: a recipient the court did not list is removed, and the
#     summary says why the entry is restricted; redaction_action and
#     identifier_action each alone; one that restricts and one that
#     holds: held, the hold names the one that holds and the audit line
#     the one that restricts.
#  4. a check that outlives fetch_budget: the notice goes out "still being
#     checked"; the result follows in the maillog, the store, the audit
#     and the alert.
#  5. documents that cannot be checked (encrypted, broken, a million
#     pages, slower than pdf_timeout, a zip bomb, an image that claims
#     2^31 pixels a side, one whose helper crashes): delivered as served,
#     each "not checked" with its reason in the summary, X-NEF and the
#     maillog; a deeply nested object graph and a damaged font are read
#     to the end (checked, nothing found) in the same notice.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
PY=/usr/bin/python3
W=$(mktemp -d /tmp/e2e-pdf.XXXXXX)
chmod 755 "$W"
"$PY" "$TOP/tests/pdf/mkpdf.py" brief 2 "$W/brief.pdf" &&
"$PY" "$TOP/tests/pdf/mkpdf.py" filing "$W/filing.pdf" &&
"$PY" "$TOP/tests/pdf/mkpdf.py" exhibit 2 "$W/exhibit.pdf" &&
"$PY" "$TOP/tests/pdf/mkpdf.py" cases "$W/c" cover-rect hostile-encrypted \
    hostile-broken hostile-million-pages hostile-slow hostile-zipbomb \
    hostile-deep-nesting hostile-font hostile-image-bogus >/dev/null &&
"$PY" "$TOP/tests/pdf/mkpdf.py" brief 1 "$W/c/crash.pdf" &&
printf '%%%% the helper crashes on this one\n' >>"$W/c/crash.pdf" || {
	not_ok "test PDFs"; tap_done; exit 1; }
cp "$W/c/cover-rect.pdf" "$W/late.pdf"
menu() {	# DOCID SEQ ENTRY DOC...
	local id=$1 seq=$2 e=$3; shift 3
	local docs="" d i=0
	for d in "$@"; do
		docs="$docs${docs:+, }[\"/doc1/0351209187$((50 + i))\", \"$d\"]"
		i=$((i + 1))
	done
	echo "{\"host\": \"ecf.cand.uscourts.gov\", \"path\": \"/doc1/$id\", \"responses\": [{\"menu\": {\"caseid\": \"401001\", \"seq\": \"$seq\", \"magic\": \"62818321\", \"docnum\": $e, \"docs\": [$docs]}}]}"
}
route() { echo "{\"host\": \"ecf.cand.uscourts.gov\", \"path\": \"/doc1/$1\", \"responses\": [{\"file\": \"$2\"}]}"; }
cat >"$W/court.json" <<EOF
{"routes": [
 $(menu 035020918716 213 57 "Main Document" "Declaration of Adaeze Okafor" "Exhibit A"),
 $(route 035120918750 brief.pdf), $(route 035120918751 filing.pdf),
 $(route 035120918752 exhibit.pdf),
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035020918777", "responses": [{"menu": {"caseid": "401001", "seq": "219", "magic": "62818399", "docnum": 59, "docs": [["/doc1/035120918799", "Main Document"]]}}]},
 $(route 035120918799 late.pdf),
 {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035020918788", "responses": [{"menu": {"caseid": "401001", "seq": "221", "magic": "62818400", "docnum": 60, "docs": [["/doc1/035120918780", "Main Document"], ["/doc1/035120918781", "Exhibit 1"], ["/doc1/035120918782", "Exhibit 2"], ["/doc1/035120918783", "Exhibit 3"], ["/doc1/035120918784", "Exhibit 4"], ["/doc1/035120918785", "Exhibit 5"], ["/doc1/035120918786", "Exhibit 6"], ["/doc1/035120918787", "Exhibit 7"], ["/doc1/035120918789", "Exhibit 8"]]}}]},
 $(route 035120918780 c/hostile-encrypted.pdf), $(route 035120918781 c/hostile-broken.pdf),
 $(route 035120918782 c/hostile-million-pages.pdf), $(route 035120918783 c/hostile-slow.pdf),
 $(route 035120918784 c/hostile-zipbomb.pdf), $(route 035120918785 c/hostile-image-bogus.pdf),
 $(route 035120918786 c/crash.pdf), $(route 035120918787 c/hostile-deep-nesting.pdf),
 $(route 035120918789 c/hostile-font.pdf)
]}
EOF
PF_USERS="docketing aokafor bob carol compliance"
# The alert goes out through a sendmail(1) command line; Postfix's own
# refuses a private instance's -C for the postfix user (see
# tests/lib/sendmail-smtp.py), so the stand-in submits it over SMTP.
SMTP_PORT=$(pf_free_port)
PF_SMTP_PORT=$SMTP_PORT
e2e_start "$W/court.json" "alert_to = compliance@example.test" \
    "firm_filer_names = Example Logistics Corp" \
    "sendmail_command = $TOP/tests/lib/sendmail-smtp.py 127.0.0.1:$SMTP_PORT -oi" \
    "mail_from = nefmilter@example.test"
trap 'e2e_cleanup; rm -rf "$W"' EXIT
check "Postfix and nefmilter run" true
SECRET='Jane Doe|epilepsy|123-45-6789|6789'
nef_conf() { cp "$PF_DIR/nef.conf" "$W/base.conf" 2>/dev/null; }
hdr() {	# FILE NAME: a header of a message, unfolded
	"$PY" -c 'import email,sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"))
print(" ".join(str(m.get(sys.argv[2], "")).split()))' "$1" "$2"
}
reload() {	# LINES...: the base configuration with these, then SIGUSR1
	local n kv
	n=$(grep -c 'configuration reloaded from' "$LOG")
	cp "$W/base.conf" "$W/next.conf"
	for kv in "$@"; do
		grep -v "^${kv%% =*} *=" "$W/next.conf" >"$W/next.tmp"
		mv "$W/next.tmp" "$W/next.conf"
	done
	{ cat "$W/next.conf"; printf '%s\n' "$@"; } >"$PF_DIR/nef.conf"
	kill -USR1 "$E2E_NEF_PID"
	pf_wait_log "nefmilter\[[0-9]+\]: configuration reloaded from" 10 &&
	    wait_for 10 test "$(grep -c 'configuration reloaded from' "$LOG")" -gt "$n"
}
nef_conf

# --- 1. warn, with the alert -------------------------------------------
N=$(e2e_notice n57)
e2e_send_notice "$N" docketing@example.test
check_eq "the notice is accepted" 0 "$PF_LAST_RC"
Q1=$PF_LAST_QID
check "delivered to docketing" pf_wait_delivered docketing 1 30
check "Postfix is done with it" e2e_wait_qid "$Q1"
P=$(e2e_parts "$(e2e_last docketing)")
check_eq "the three PDFs as the court served them (warn changes nothing)" \
    "$(sha256sum "$W/brief.pdf" "$W/filing.pdf" "$W/exhibit.pdf" | cut -c1-64 | tr '\n' ' ' | sed 's/ $//')" \
    "$(e2e_pdf_shas "$P")"
check_grep "X-NEF counts the documents with findings" \
    "^HDR X-NEF: .*entry=57; .*pdf=3; .*bad-redaction=1; identifiers=1; unchecked=0; action=attached$" "$P"
check_grep "summary: the firm's own filing, loudly" \
    "TEXT 1: .*FILED BY THE FIRM \(Example Logistics Corp\): this filing is public" "$P"
check_grep "summary: document, page, kind of the failed redaction" \
    "TEXT 1: .*ECF 57-1, page 4: text under a black box can be read" "$P"
check_grep "summary: the SSN, without the SSN" \
    "TEXT 1: .*ECF 57-1, page 2: a Social Security or taxpayer number is shown in full" "$P"
check_grep "summary: a line of the HTML part" "TEXT 1: .*<br>ECF 57-1, page 4: text under a black box can be read" "$P"
check_nogrep "the delivered notice holds neither the hidden words nor the SSN" \
    "TEXT.*($SECRET)|HTML.*($SECRET)" "$P"
check "the alert reaches the compliance desk" pf_wait_delivered compliance 1 30
A=$(e2e_last compliance)
$MIMECHECK "$A" >"$W/alert.parts" 2>&1
check_eq "alert: URGENT, the firm's own filing, court, case, entry" \
    "[nefmilter] URGENT: the firm's own filing in cand 4:22-cv-05541-JST, entry 57" \
    "$(hdr "$A" Subject)"
check_eq "alert: from mail_from" "nefmilter@example.test" "$(hdr "$A" From)"
check_eq "alert: auto-submitted" "auto-generated" "$(hdr "$A" Auto-Submitted)"
check_eq "alert: one text part, nothing attached" "PART 0 text/plain filename=-" \
    "$(grep '^PART ' "$W/alert.parts" | cut -d' ' -f1-4)"
check_grep "alert: the firm's own filing" "TEXT 0: This is a filing by the firm itself \(Example Logistics Corp\)" "$W/alert.parts"
check_grep "alert: the finding lines" "TEXT 0: ECF 57-1, page 4: text under a black box can be read" "$W/alert.parts"
check_grep "alert: the queue id of the notice" "TEXT 0: Notice: +queue id $Q1" "$W/alert.parts"
check_nogrep "alert: no hidden word, no SSN" "$SECRET" "$A"
check "maillog: the alert was sent" pf_wait_log "nefmilter\[[0-9]+\]: $Q1: pdf alert sent to 1 address" 10
check_grep "maillog: one line per document checked" \
    "nefmilter\[[0-9]+\]: $Q1: pdf check ECF 57-1 cand/035020918716#1 sha256=[0-9a-f]{64} status=checked pages=5 bad-redaction=1 identifiers=1 ms=[0-9]+ result=now filed-by-firm=Example Logistics Corp$" "$LOG"
check_grep "maillog: the clean brief too" \
    "$Q1: pdf check ECF 57 cand/035020918716#0 .*status=checked pages=2 bad-redaction=0 identifiers=0 .*result=now$" "$LOG"
check_grep "maillog: one line per finding" "$Q1: pdf finding ECF 57-1 page 4: bad-redaction cover$" "$LOG"
check_grep "maillog: the identifier, by kind only" "$Q1: pdf finding ECF 57-1 page 2: identifier ssn$" "$LOG"
check_nogrep "maillog: no hidden word, no SSN" "$SECRET" "$LOG"
nefctl findings --case cand 4:22-cv-05541 >"$W/findings" 2>&1
check_grep "nefctl findings: the failed redaction, page and box" \
    "cand +4:22-cv-05541 +ECF 57-1 +page 4 +bad redaction \(cover\) at 192,71-361,89 .*FIRM" "$W/findings"
check_grep "nefctl findings: the SSN, masked" "ECF 57-1 +page 2 +identifier \(ssn\) XXX-XX-6789" "$W/findings"
check_nogrep "nefctl findings: no hidden word" "Jane Doe|epilepsy" "$W/findings"
nefctl audit --qid "$Q1" --json >"$W/audit.json"
check_grep "audit record: the check's items" \
    '"checked=3 pending=0 unchecked=0 bad-redaction=1 identifiers=1"' "$W/audit.json"
check_grep "audit record: the findings" 'ECF 57-1\\t4\\tbad-redaction cover' "$W/audit.json"

# --- 2. hold: the same notice again ------------------------------------
reload "redaction_action = hold"
check "reloaded with redaction_action = hold" true
N2=$(e2e_notice n57b)
e2e_send_notice "$N2" docketing@example.test
Q2=$PF_LAST_QID
check "the copy is logged" pf_wait_log "nefmilter\[[0-9]+\]: $Q2: notice " 30
check "the copy is held" wait_for 10 eval 'pf_hold_ids | grep -qx "$Q2"'
check_grep "maillog: held, and why" \
    "$Q2: held \(.*\): failed redaction in ECF 57-1 \(redaction_action=hold\)" "$LOG"
check_grep "maillog: the earlier check is used" \
    "$Q2: pdf check ECF 57-1 .*bad-redaction=1 identifiers=1 ms=0 result=earlier" "$LOG"
sleep 1
check_eq "no second alert" 1 "$(pf_maildir_files compliance | wc -l)"
pf_postcat "$Q2" 2>/dev/null | sed -n '/^X-NEF:/,/^[^[:space:]]/p' | sed '$d' | tr -d '\n\t' >"$W/held.txt"
check_grep "the held message's X-NEF says held" "X-NEF: .*bad-redaction=1; ?identifiers=1; .*action=held" "$W/held.txt"

# the document has both; only identifier_action holds: the hold says so
reload "identifier_action = hold"
N2b=$(e2e_notice n57d)
e2e_send_notice "$N2b" docketing@example.test
Q2b=$PF_LAST_QID
check "identifier_action = hold: held" wait_for 30 eval 'pf_hold_ids | grep -qx "$Q2b"'
check_grep "identifier_action = hold: the maillog names the identifier and the setting" \
    "$Q2b: held \(.*\): personal identifier in ECF 57-1 \(identifier_action=hold\)" "$LOG"

# --- 3. restrict --------------------------------------------------------
# restricted SETTING NOTICE WORD N [X-NEF]: SETTING = restrict alone
# restricts the entry for the finding WORD names: the unlisted recipient
# (bob) is removed and gets nothing, docketing (listed) gets its Nth
# message, whose summary says why (and whose X-NEF is the one given)
restricted() {
	local set=$1 n q p
	reload "$set = restrict" "restricted_scope = address"
	n=$(e2e_notice "$2")
	e2e_send_notice "$n" docketing@example.test,bob@example.test
	q=$PF_LAST_QID
	check "$set = restrict: Postfix is done with it" e2e_wait_qid "$q"
	check_grep "$set = restrict: the unlisted recipient is removed" \
	    "$q: recipient <bob@example.test> removed:" "$LOG"
	check_grep "$set = restrict: the audit line says why" \
	    "$q: notice court=cand .*restricted=yes\($3\)" "$LOG"
	check "$set = restrict: docketing (listed) gets it" pf_wait_delivered docketing "$4" 30
	check_eq "$set = restrict: bob has nothing" 0 "$(pf_maildir_files bob | wc -l)"
	p=$(e2e_parts "$(e2e_last docketing)")
	check_grep "$set = restrict: the summary says why" \
	    "TEXT 1: .*Restricted entry \(a document shows what a public filing should not\)" "$p"
	[ $# -lt 5 ] || check_grep "$set = restrict: X-NEF" "^HDR X-NEF: .*$5$" "$p"
}
restricted redaction_action n57c bad-redaction 2
restricted identifier_action n57e identifier 3 \
    "bad-redaction=1; identifiers=1; unchecked=0; action=attached"

# one setting restricts, the other holds: held; each says its own
mixed() {	# NAME RESTRICTING HOLDING HOLD-WHY: the held message in $QM
	reload "$2 = restrict" "$3 = hold" "restricted_scope = address"
	local n
	n=$(e2e_notice "$1")
	e2e_send_notice "$n" docketing@example.test,bob@example.test
	QM=$PF_LAST_QID
	check "$2 restricts, $3 holds: held" wait_for 30 eval 'pf_hold_ids | grep -qx "$QM"'
	check_grep "$2 restricts, $3 holds: the hold names $3" \
	    "$QM: held \(.*\): $4 in ECF 57-1 \($3=hold\)" "$LOG"
}
mixed n57f redaction_action identifier_action "personal identifier"
check_grep "the audit line names the failed redaction as what restricts" \
    "$QM: notice court=cand .*restricted=yes\(bad-redaction\)" "$LOG"
mixed n57g identifier_action redaction_action "failed redaction"
check_grep "the audit line names the identifier as what restricts" \
    "$QM: notice court=cand .*restricted=yes\(identifier\)" "$LOG"

# --- 4. a check that outlives fetch_budget ------------------------------
printf '#!/bin/sh\nsleep 4\nexec %s "$@"\n' "$TOP/$BUILD/nefpdf" >"$W/slowhelper"
chmod 755 "$W/slowhelper"
reload "fetch_budget = 2s" "fetch_timeout = 2s" "pdf_helper = $W/slowhelper"
N4=$(e2e_notice n59 's/035020918716/035020918777/g; s/de_seq_num=213/de_seq_num=219/g; s/magic_num=62818321/magic_num=62818399/g; s/^>57<\/a>/>59<\/a>/')
e2e_send_notice "$N4" docketing@example.test
Q4=$PF_LAST_QID
check "late: delivered before the check ends" pf_wait_delivered docketing 4 30
P=$(e2e_parts "$(e2e_last docketing)")
check_grep "late: the summary says the check goes on" \
    "TEXT 1: .*ECF 59: still being checked for failed redactions and personal identifiers; the result will follow in the audit and in an alert" "$P"
check_grep "late: X-NEF counts it unchecked" "^HDR X-NEF: .*bad-redaction=0; identifiers=0; unchecked=1; action=attached$" "$P"
check "late: the result follows in the maillog" \
    pf_wait_log "$Q4: pdf check ECF 59 .*status=checked pages=1 bad-redaction=1 identifiers=0 ms=[0-9]+ result=late" 30
check "late: the alert follows" pf_wait_delivered compliance 2 30
$MIMECHECK "$(e2e_last compliance)" >"$W/late.parts" 2>&1
check_grep "late: the alert says the check ended after" "TEXT 0: .*that reached the firm earlier has ended" "$W/late.parts"
check_grep "late: and what it found" "TEXT 0: ECF 59, page 1: text under a black box can be read" "$W/late.parts"
nefctl audit --qid "$Q4" --json >"$W/audit4.json"
check_grep "late: an audit record of its own" '"action": *"pdf-check"' "$W/audit4.json"
nefctl findings --json --case cand 4:22-cv-05541 >"$W/f.json"
check_grep "late: the finding is in the store, marked late" '"label": *"ECF 59".*"late": *true' "$W/f.json"

# --- nefctl on the documents in the store -----------------------------
nefctl inspect --case cand 4:22-cv-05541 >"$W/insp" 2>&1
check_eq "nefctl inspect: every stored document checked (exit 0)" 0 $?
check_grep "nefctl inspect: the filing, page and kind" \
    "^cand 4:22-cv-05541 ECF 57-1 \(cand/035020918716#1\): checked, 5 pages$" "$W/insp"
check_grep "nefctl inspect: the box" "^  page 4: text under a black box can be read \(bad-redaction cover\) at 192,71-361,89$" "$W/insp"
check_grep "nefctl inspect: the SSN masked" "^  page 2: a Social Security or taxpayer number is shown in full: XXX-XX-6789$" "$W/insp"
check_grep "nefctl inspect: a summary line" "^4 documents checked, 0 not checked$" "$W/insp"
nefctl inspect --all --json >"$W/insp.json"
check_grep "nefctl inspect --json: the helper's answer with the words (the administrator's tool)" \
    '"label":"ECF 57-1".*"text":"Jane Doe suffers from epilepsy"' "$W/insp.json"
check_grep "nefctl findings: the re-check is recorded, marked NEFCTL" \
    "ECF 57-1 +page 4 +bad redaction \(cover\).*NEFCTL" <(nefctl findings --since 1h)
nefctl purge --entry cand 4:22-cv-05541 57 >"$W/purge" 2>&1
check_grep "nefctl purge names the findings of what it purged" \
    "^  cand 035020918716 att 1  ECF 57-1  page 4  bad redaction \(cover\) at 192,71-361,89$" "$W/purge"

# --- 5. documents that cannot be checked ------------------------------
# Encrypted, broken, a million pages, too slow for pdf_timeout, a zip
# bomb, a bogus image, a crash: each is "not checked" with its reason,
# and the notice and its PDFs go out.  The crash: a helper that dies of
# SIGSEGV on the one document of its size and runs nefpdf on the others.
printf '#!/bin/sh\n[ "$(stat -L -c %%s /proc/self/fd/0)" = %s ] && kill -SEGV $$\nexec %s "$@"\n' \
    "$(stat -c %s "$W/c/crash.pdf")" "$TOP/$BUILD/nefpdf" >"$W/crashhelper"
chmod 755 "$W/crashhelper"
reload "pdf_timeout = 2s" "pdf_helper = $W/crashhelper"
N5=$(e2e_notice n60 's/035020918716/035020918788/g; s/de_seq_num=213/de_seq_num=221/g; s/magic_num=62818321/magic_num=62818400/g; s/^>57<\/a>/>60<\/a>/')
e2e_send_notice "$N5" docketing@example.test
Q5=$PF_LAST_QID
check "bad input: delivered" pf_wait_delivered docketing 5 60
P=$(e2e_parts "$(e2e_last docketing)")
check_eq "bad input: the nine PDFs as the court served them" \
    "$(cd "$W/c" && sha256sum hostile-encrypted.pdf hostile-broken.pdf hostile-million-pages.pdf hostile-slow.pdf \
    hostile-zipbomb.pdf hostile-image-bogus.pdf crash.pdf hostile-deep-nesting.pdf hostile-font.pdf |
    cut -c1-64 | tr '\n' ' ' | sed 's/ $//')" \
    "$(e2e_pdf_shas "$P")"
check_grep "bad input: X-NEF counts seven unchecked" "^HDR X-NEF: .*entry=60; .*pdf=9; .*bad-redaction=0; identifiers=0; unchecked=7; action=attached$" "$P"
nc='not checked for failed redactions and personal identifiers'
check_grep "bad input: encrypted, with its reason" "TEXT 1: .*ECF 60: $nc \\(encrypted: the document needs a password\\)" "$P"
check_grep "bad input: broken, with its reason" "TEXT 1: .*ECF 60-1: $nc \\([^)]+\\)" "$P"
check_grep "bad input: a million pages, too large" "TEXT 1: .*ECF 60-2: $nc \\(1000000 pages \\(the limit is [0-9]+\\)\\)" "$P"
check_grep "bad input: too slow, timed out" "TEXT 1: .*ECF 60-3: $nc \\(no result within the time allowed" "$P"
check_grep "bad input: a zip bomb, over the memory limit" \
    "TEXT 1: .*ECF 60-4: $nc \\(page 1 needs more memory than the limit allows\\)" "$P"
check_grep "bad input: an image 2^31 pixels wide" "TEXT 1: .*ECF 60-5: $nc \\(page 1: image is too wide\\)" "$P"
check_grep "bad input: the helper crashed" \
    "TEXT 1: .*ECF 60-6: $nc \\(the helper crashed \\(signal 11, Segmentation fault\\)\\)" "$P"
check_nogrep "bad input: nested objects and a damaged font are checked" "TEXT 1: .*ECF 60-[78]: " "$P"
for st in "ECF 60 .*status=error" "ECF 60-1 .*status=error" "ECF 60-2 .*status=too-large" "ECF 60-3 .*status=timeout" \
    "ECF 60-4 .*status=too-large" "ECF 60-5 .*status=error" "ECF 60-6 .*status=error" \
    "ECF 60-7 .*status=checked pages=1 bad-redaction=0 identifiers=0" \
    "ECF 60-8 .*status=checked pages=1 bad-redaction=0 identifiers=0"; do
	check_grep "bad input: maillog: $st" "nefmilter\[[0-9]+\]: $Q5: pdf check $st" "$LOG"
done

check_nogrep "no nefmilter error or warning in the maillog" "nefmilter\[[0-9]+\]: (error|warning)" "$LOG"
check_nogrep "the maillog never holds a hidden word" "Richard|Jane Doe|epilepsy" "$LOG"
e2e_finish
