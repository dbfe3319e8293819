#!/usr/bin/env bash
# Offline pipeline: what is not a verified court notice.  An unverified
# notice is not fetched; a message that is not a notice passes unchanged;
# a notice whose From is not a court's is not trusted; X-NEF headers that
# arrive with a message are removed.
. "$(dirname "$0")/common.sh"

court "$DATA/scenarios/district_menu.json"
sed -i '/^trusted_clients/d' "$W/n.conf"

check "unverified notice runs" offline "$DATA/nef/district.eml" -r docketing@lawfirm.example -a 192.0.2.7
check_eq "unverified: no request to the court" 0 "$(requests)"
check_grep "unverified: marked in X-NEF" "HDR X-NEF: .*trust=unverified" "$W/parts"
check_grep "unverified: the summary says so" "could not be verified as the court" "$W/parts"
check_eq "unverified: nothing attached" 0 "$(grep -c 'application/pdf' "$W/parts")"
check_grep "unverified: the audit says why" "trust=unverified \(unverified" "$W/err"

check "announcement runs" offline "$DATA/nef/announcement.eml" -r docketing@lawfirm.example
check_grep "not a notice: logged with the reason" "OFFLINE: not a notice \(announcement" "$W/err"
check_nogrep "not a notice: no X-NEF" "X-NEF" "$W/parts"
check "not a notice: body unchanged" cmp -s <(sed '1,/^$/d' "$DATA/nef/announcement.eml") <(sed '1,/^$/d' "$W/out.eml")

# From a court envelope, but the From header is someone else's.
sed -e 's/^From:.*/From: attacker@evil.example/' "$DATA/nef/district.eml" >"$W/spoof.eml"
printf 'trusted_clients = 127.0.0.1\n' >>"$W/n.conf"
check "spoofed notice runs" offline "$W/spoof.eml" -r docketing@lawfirm.example
check_eq "spoofed: no request to the court" 0 "$(requests)"
check_grep "spoofed: not trusted" "trust=other" "$W/parts"
check_eq "spoofed: nothing attached" 0 "$(grep -c 'application/pdf' "$W/parts")"

# X-NEF headers forged by the sender are removed, one added.
{ echo "X-NEF: v=1; court=cand; trust=verified; action=attached"; echo "X-NEF: forged"; cat "$DATA/nef/district.eml"; } >"$W/xnef.eml"
check "message with X-NEF runs" offline "$W/xnef.eml" -r docketing@lawfirm.example
check_eq "one X-NEF header left" 1 "$(grep -c '^HDR X-NEF' "$W/parts")"
check_nogrep "the forged one is gone" "forged" "$W/out.eml"
check_grep "the removal is logged" "removing 2 X-NEF headers" "$W/err"
tap_done
