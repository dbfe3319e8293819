#!/usr/bin/env bash
# INSTALL's held-message story under Sendmail, taken literally: a notice
# nefmilter held is found by INSTALL's grep and nefctl audit, listed by
# "mailq -qQ", released by "sendmail -qQ -Q -qIQID" and delivered by
# "sendmail -qIQID"; another is deleted the way INSTALL says (hf and df
# files, a copy of df kept).  The commands are run from INSTALL's text,
# with the test instance's configuration put in.
set -u
MTA=sendmail
. "$(dirname "$0")/../e2e/common.sh"
e2e_require
e2e_start "$DATA/scenarios/e2e.json" "sealed_link_action = hold"
check "Sendmail and nefmilter run" true
INST=$TOP/INSTALL
HELD=$(sed -n '/^12\. Held messages/,/^13\. /p' "$INST")
# lines REGEX: INSTALL's Sendmail command lines of the section, comments cut
lines() {
	printf '%s\n' "$HELD" | sed -n '/^Under Sendmail/,$p' | grep -E "^    $1" |
	    sed -e 's/^ *//' -e 's/  *#.*$//'
}
# run QID: the lines on standard input, as commands for this instance
run() {
	local line out=$MTA_DIR/run.out
	: >"$out"
	while IFS= read -r line; do
		line=$(printf '%s\n' "$line" | sed -e "s/QID/$1/g" \
		    -e 's/^mailq /sm_cmd -bp /' -e 's/^sendmail /sm_cmd /')
		eval "$line" >>"$out" 2>&1 || diag "failed: $line"
	done
}
held() { sm_hold_ids | grep -qx "$1"; }
notheld() { ! held "$1"; }
gone() { ! sm_queue_ids | grep -qx "$1"; }

N57=$(e2e_notice n57)
e2e_send_notice "$N57" docketing@example.test
Q=$MTA_LAST_QID
check "the notice is quarantined" wait_for 20 held "$Q"
check_grep "INSTALL has the grep for why" "^    grep 'QID: held' " <(printf '%s\n' "$HELD")
check_grep "it finds why it was held" "$Q: held \(Sendmail's quarantine; release: " <(grep "$Q: held" "$LOG")
nefctl audit --qid "$Q" >"$MTA_DIR/audit" 2>&1
check_grep "nefctl audit --qid says held" " held " "$MTA_DIR/audit"
lines 'mailq -qQ' | run "$Q"
check_grep "mailq -qQ lists it" "$Q" "$MTA_DIR/run.out"
check_eq "INSTALL gives the release and the delivery" 2 "$(lines 'sendmail -q' | wc -l)"
lines 'sendmail -q' | run "$Q"
check "the two lines release and deliver it" mta_wait_delivered docketing 1 20
check "it left the quarantine" notheld "$Q"

e2e_send_notice "$N57" docketing@example.test
Q2=$MTA_LAST_QID
check "a second notice is quarantined" wait_for 20 held "$Q2"
check_grep "INSTALL names the two files to remove" "the hfQID file .* and dfQID" <(printf '%s\n' "$HELD" | tr '\n' ' ' | sed 's/  */ /g')
cp "$SM_DIR/queue/df$Q2" "$MTA_DIR/df$Q2.copy"
rm -f "$SM_DIR/queue/hf$Q2" "$SM_DIR/queue/df$Q2"
check "removing them deletes it" gone "$Q2"
check_grep "and the copy holds the notice" "entry=57|ECF57|035020918716" "$MTA_DIR/df$Q2.copy"
e2e_finish
