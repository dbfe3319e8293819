#!/usr/bin/env bash
# Offline pipeline: case team and restricted entries.  A normal entry
# adds the case team; an entry that mentions seal goes only to recipients
# the court listed (remove or hold), and a forward from a firm address of
# a restricted entry loses its documents and links.
. "$(dirname "$0")/common.sh"

court "$DATA/scenarios/district_menu.json"
state() { "$NEFCTL" -c "$W/n.conf" "$@"; }

check "the first notice creates the store" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check "team add" state team add cand 4:22-cv-05541-JST bob@lawfirm.example
check "normal entry runs" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example
check_grep "normal entry: the team member is added" "offline: recipient added: <bob@lawfirm.example>" "$W/err"
check_grep "normal entry: audit names the added recipient" "added=<bob@lawfirm.example>" "$W/err"

sed 's/MOTION to Compel/MOTION to File Under Seal/' "$DATA/nef/district.eml" >"$W/seal.eml"
check "restricted entry runs" offline "$W/seal.eml" -r docketing@lawfirm.example -r eve@outside.example -r cruiz@counsel.example
check_grep "restricted: X-NEF says so" "restricted=yes" "$W/parts"
check_grep "restricted: the unlisted recipient is removed" "offline: recipient removed: <eve@outside.example>" "$W/err"
check_nogrep "restricted: listed recipients stay" "recipient removed: <(docketing@lawfirm|cruiz@counsel)" "$W/err"
check_grep "restricted: the team (firm listed) is added" "recipient added: <bob@lawfirm.example>" "$W/err"
check_grep "restricted: the log says who and why" "OFFLINE: recipient <eve@outside.example> removed: " "$W/err"
check_grep "restricted: documents attached for the allowed" "application/pdf" "$W/parts"
check_grep "restricted: and its calendar part" "text/calendar" "$W/parts"

echo "restricted_action = hold" >>"$W/n.conf"
check "restricted entry, hold, runs" offline "$W/seal.eml" -r docketing@lawfirm.example -r eve@outside.example
check_grep "hold: the message is held" "offline: held \(quarantine\)" "$W/err"
check_nogrep "hold: nobody removed" "recipient removed" "$W/err"
check_eq "hold: no document goes to an unlisted recipient" 0 "$(grep -c 'application/pdf' "$W/parts")"
check_eq "hold: no calendar part either" 0 "$(grep -c 'text/calendar' "$W/parts")"
check_grep "hold: the hold reason is logged" "OFFLINE: held \(the MTA's hold queue or quarantine; release: .*\): " "$W/err"
sed -i '/^restricted_action/d' "$W/n.conf"

# A colleague forwards the restricted notice (with its PDFs) to outsiders.
$MIMECHECK "$W/out.eml" >/dev/null
offline "$W/seal.eml" -r docketing@lawfirm.example
cp "$W/out.eml" "$W/processed.eml"
{
	printf 'From: alice@lawfirm.example\nTo: friend@outside.example\nSubject: Fwd: Activity in Case\n'
	printf 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="fw"\n\n--fw\n'
	printf 'Content-Type: text/plain\n\nSee below.\n\n--fw\nContent-Type: message/rfc822\n\n'
	cat "$W/processed.eml"
	printf '\n--fw--\n'
} >"$W/fwd.eml"
before=$(requests)
check "forward runs" offline "$W/fwd.eml" -r friend@outside.example
check_grep "forward: marked as a forward" "trust=forward" "$W/parts"
check_eq "forward: the PDFs are removed" 0 "$(grep -c 'application/pdf' "$W/parts")"
check_eq "forward: the forwarded notice had its calendar part" 1 \
    "$($MIMECHECK "$W/processed.eml" | grep -c '^PART [0-9]* text/calendar')"
check_eq "forward: it is removed, and no new one comes" 0 "$(grep -c 'text/calendar' "$W/parts")"
check_nogrep "forward: no free-look link left" "doc1/035020918716\?" "$W/out.eml"
check_eq "forward: nothing fetched" "$before" "$(requests)"
check_nogrep "forward: nobody removed (the forwarder chose)" "recipient removed" "$W/err"

# The same forward with a signature logo (an image part) is still read.
{
	printf 'From: alice@lawfirm.example\nTo: friend@outside.example\nSubject: FW: Activity in Case\n'
	printf 'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="fw"\n\n--fw\n'
	printf 'Content-Type: text/plain\n\nSee below.\n\n--fw\nContent-Type: image/png\n'
	printf 'Content-Transfer-Encoding: base64\nContent-Disposition: inline; filename="logo.png"\n\n'
	printf 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==\n'
	printf '\n--fw\nContent-Type: message/rfc822\n\n'
	cat "$W/processed.eml"
	printf '\n--fw--\n'
} >"$W/fwd-logo.eml"
check "forward with a logo runs" offline "$W/fwd-logo.eml" -r friend@outside.example
check_grep "forward with a logo: read as a forward" "trust=forward" "$W/parts"
check_eq "forward with a logo: the PDFs are removed" 0 "$(grep -c 'application/pdf' "$W/parts")"
check_grep "forward with a logo: the logo stays" "image/png filename=logo.png" "$W/parts"
tap_done
