#!/usr/bin/env bash
# "nefmilter -t" run as root works on the store as the configured user,
# as the daemon does: every file it leaves belongs to that user, who then
# goes on using the store; files an earlier run as root left behind are
# given back; a missing user, a caller who is not the user, and a missing
# parent of state_dir are refused before anything is written.  Its audit
# records are marked as offline tests, and the clawback does not list
# them as messages to recall.
. "$(dirname "$0")/common.sh"
if [ "$(id -u)" -ne 0 ]; then skip "needs root"; tap_done; exit 0; fi

court "$DATA/scenarios/district_menu.json"
MAIN=$(fc_pdf_sha cand-57-main 5000)
as_nobody() { setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; }
foreign() { find "$W/state" ! -user nobody -printf '%u %p\n' | head -3; }

# --- run as root -----------------------------------------------------------
check "-t as root runs" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check_eq "the documents were fetched" 2 "$(grep -c 'application/pdf' "$W/parts")"
check_eq "every file in state_dir belongs to the user (nobody)" "" "$(foreign)"
check_eq "state_dir is mode 0700" 700 "$(stat -c %a "$W/state")"

# The user goes on with the store: a document fetched again is stored.
rm -f "$(find "$W/state/docs" -name "$MAIN.pdf")"
as_nobody "$NEF" -c "$W/n.conf" -t "$DATA/nef/district.eml" \
    -r aokafor@lawfirm.example >"$W/out2.eml" 2>"$W/err2"
check_eq "-t as the user itself, after root's run: exit 0" 0 "$?"
check_nogrep "the user could use the store" "Permission denied|could not be stored|cannot open the store" "$W/err2"
check "the document fetched again is stored" test -n "$(find "$W/state/docs" -name "$MAIN.pdf")"

# --- the audit: offline tests, not deliveries --------------------------------
"$NEFCTL" -c "$W/n.conf" audit >"$W/audit" 2>&1
check_eq "two audit records, both marked offline-test" 2 "$(grep -c ' offline-test ' "$W/audit")"
"$NEFCTL" -c "$W/n.conf" audit --json >"$W/audit.json" 2>&1
check_eq "the JSON carries the offline item (tag 8)" 2 \
    "$(grep -c '"tag": *8, *"value": *"nefmilter -t"' "$W/audit.json")"
"$NEFCTL" -c "$W/n.conf" purge cand 035020918716 >"$W/purge" 2>&1
check_grep "the purge recalls no message" "^  \(none in the audit\)$" "$W/purge"
check_grep "and says the offline tests were left out" "2 offline tests with nefmilter -t left out" "$W/purge"
check_eq "the purge, run as root, left no file of root's" "" "$(foreign)"

# --- a store an earlier run as root left behind --------------------------------
chown root:root "$W/state/db/lock.mdb" "$W/state/tmp"
touch "$W/state/tmp/stale"
check "-t as root over root's leftovers runs" offline "$DATA/nef/district.eml" -r bob@lawfirm.example
check_grep "it says it gave root's files to the user" \
    "nefmilter: state_dir $W/state: [0-9]+ files of the store belonged to root and now belong to nobody" "$W/err"
check_eq "and they belong to the user now" "" "$(foreign)"

# --- no client address: not over the network, so local mail -----------------------
sed -i 's/^trust_local_mail = yes$/trust_local_mail = no/' "$W/n.conf"
check "-t with no client address runs" offline "$DATA/nef/district.eml" -r bob@lawfirm.example -a ""
check_grep "a message with no client address is local mail, never verified" \
    "trust=unverified \(unverified: local mail \(submitted on the relay; trust_local_mail = no\)\)" "$W/err"
sed -i 's/^trust_local_mail = no$/trust_local_mail = yes/' "$W/n.conf"

# --- refusals ------------------------------------------------------------------
sed -i 's/^user = .*/user = postfix/' "$W/n.conf"
n=$(find "$W/state" | wc -l)
as_nobody "$NEF" -c "$W/n.conf" -t "$DATA/nef/district.eml" >/dev/null 2>"$W/err3"
check_eq "-t by a user who is not the configured one: exit 1" 1 "$?"
check_grep "it says who it runs as and who it should be" \
    "nefmilter runs as nobody, not as the configured user \"postfix\": start it as root" "$W/err3"
check_eq "nothing was written" "$n" "$(find "$W/state" | wc -l)"
sed -i 's/^user = .*/user = nefmilter-nosuchuser/' "$W/n.conf"
"$NEF" -c "$W/n.conf" -t "$DATA/nef/district.eml" >/dev/null 2>"$W/err4"
check_eq "-t as root for a user that does not exist: exit 1" 1 "$?"
check_grep "it says the user does not exist" "user \"nefmilter-nosuchuser\" does not exist" "$W/err4"
sed -i -e 's/^user = .*/user = nobody/' -e "s|^state_dir = .*|state_dir = $W/missing/state|" "$W/n.conf"
"$NEF" -c "$W/n.conf" -t "$DATA/nef/district.eml" >/dev/null 2>"$W/err5"
check_eq "-t with a state_dir whose parent is missing: exit 1" 1 "$?"
check_grep "it names the missing parent" "state_dir $W/missing/state: its parent $W/missing does not exist" "$W/err5"
check "and created nothing" test ! -e "$W/missing"
tap_done
