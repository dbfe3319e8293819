#!/usr/bin/env bash
# End to end through a real MTA (MTA=postfix, or sendmail from
# tests/sendmail/): local mail is never verified through trusted_clients
# (trust_local_mail = no, the default).
#  1. Postfix: an unprivileged user (nobody) runs Postfix's sendmail
#     command with the court's sender: pickup and non_smtpd_milters, a
#     simulated client 127.0.0.1 that trusted_clients lists.  The audit
#     line says unverified, local mail; the case team is not added, no
#     document is fetched, the recipient gets the notice marked
#     unverified.  Sendmail: its command line with the MTA's own
#     configuration delivers without any milter (nefmilter never sees
#     it); on a relay, sendmail(1) hands mail to the MTA over SMTP from
#     127.0.0.1 (the submission program), which is case 2.
#  2. SMTP from 127.0.0.1 (Sendmail's command line through its submission
#     program, and any program on the relay): unverified, no team.
#  3. A client that is not on the relay (192.0.2.10, in a network
#     namespace of the test's own) and is listed in trusted_clients: the
#     notice is verified and the team is added, so trusted_clients still
#     works for what it is for.
#  4. trust_local_mail = yes (a reload): the explicit setting trusts local
#     mail through trusted_clients.
set -u
if [ "${MTA:-postfix}" = postfix ] && [ "${NEF_TEST_NETNS:-}" != 1 ] &&
    [ "$(id -u)" -eq 0 ] && unshare -n -m true 2>/dev/null; then
	NEF_TEST_NETNS=1 exec unshare -n -m bash "$0" "$@"
fi
. "$(dirname "$0")/common.sh"
e2e_require
if [ "$MTA" = postfix ] && [ "${NEF_TEST_NETNS:-}" != 1 ]; then
	skip "needs a network namespace (unshare -n)"
	tap_done
	exit 0
fi
GATEWAY=192.0.2.10
if [ "$MTA" = postfix ]; then
	ip link set lo up
	ip addr add "$GATEWAY/32" dev lo
fi
e2e_start "$DATA/scenarios/e2e.json" "trusted_clients = 127.0.0.1, $GATEWAY" \
    "trust_local_mail = no"
check "$(mta_name) and nefmilter run" true
[ "$MTA" = sendmail ] && sm_in ip addr add "$GATEWAY/32" dev lo
nefctl team add cand 4:22-cv-05541 carol@example.test >/dev/null
check_eq "carol is on the case team" 0 "$?"
N57=$(e2e_notice n57)
chmod 644 "$N57"
requests=$(fc_count 'True')

# audit QID: nefmilter's audit line for QID
audit() { grep -E "nefmilter\[[0-9]+\]: $1: notice " "$LOG" | tail -n 1; }
# delivered USER: how many messages USER has
delivered() { mta_maildir_files "$1" | wc -l; }
# gw_send FILE TO: send FILE from the gateway's address
gw_send() {
	local data=$MTA_DIR/gw.data
	pf_dot_data "$1" "$data" || return 1
	if [ "$MTA" = sendmail ]; then
		sm_swaks --from "$COURT_FROM" --to "$2" --local-interface "$GATEWAY" \
		    --data "@$data" --no-data-fixup
	else
		pf_swaks --from "$COURT_FROM" --to "$2" --local-interface "$GATEWAY" \
		    --data "@$data" --no-data-fixup
	fi
	mta_last
}

# --- 1. the MTA's command line --------------------------------------------------
if [ "$MTA" = postfix ]; then
	pf_sendmail_as nobody "$COURT_FROM" docketing@example.test "$N57"
	check_eq "nobody's sendmail command accepted the notice" 0 "$?"
	Q1=$(pf_pickup_qid 65534 "$COURT_FROM" 20)
	check "pickup took it from uid 65534 (nobody)" test -n "$Q1"
	check "it went through nefmilter (non_smtpd_milters)" e2e_wait_qid "$Q1"
	check_grep "the audit line: unverified, local mail submitted on the relay" \
	    "nefmilter\[[0-9]+\]: $Q1: notice court=cand .*trust=unverified \(unverified: local mail \(submitted on the relay; trust_local_mail = no\)\)" "$LOG"
	check_grep "nobody added (the team stays out)" " added=- " <(audit "$Q1")
	check "docketing got the notice" mta_wait_delivered docketing 1 20
	check_grep "marked unverified in X-NEF" "^X-NEF: .*trust=unverified" "$(e2e_last docketing)"
else
	sm_cmd -f "$COURT_FROM" docketing@example.test <"$N57"
	check_eq "Sendmail's command line took the notice" 0 "$?"
	check "and delivered it" mta_wait_delivered docketing 1 20
	check_nogrep "without any milter: nefmilter never saw it" "^X-NEF:" "$(e2e_last docketing)"
	check_nogrep "(no audit line either)" "nefmilter\[[0-9]+\]: [0-9A-Za-z]+: notice " "$LOG"
fi
check_eq "carol (the team) got nothing" 0 "$(delivered carol)"
check_eq "the court was not asked for the documents" "$requests" "$(fc_count 'True')"

# --- 2. SMTP from 127.0.0.1 -------------------------------------------------------
e2e_send_notice "$N57" docketing@example.test
Q2=$MTA_LAST_QID
check "SMTP from 127.0.0.1: through nefmilter" e2e_wait_qid "$Q2"
check_grep "SMTP from 127.0.0.1: unverified, local mail (loopback client)" \
    "nefmilter\[[0-9]+\]: $Q2: notice court=cand .*trust=unverified \(unverified: local mail \(loopback client 127\.0\.0\.1; trust_local_mail = no\)\)" "$LOG"
check_grep "SMTP from 127.0.0.1: nobody added" " added=- " <(audit "$Q2")
check "docketing got it" mta_wait_delivered docketing 2 20
check_eq "carol still got nothing" 0 "$(delivered carol)"

# --- 3. a trusted client that is not on the relay --------------------------------
gw_send "$N57" docketing@example.test
check_eq "the gateway ($GATEWAY) sent the notice" 0 "$MTA_LAST_RC"
Q3=$MTA_LAST_QID
check "the gateway's notice went through nefmilter" e2e_wait_qid "$Q3"
check_grep "the gateway's notice is verified through trusted_clients" \
    "nefmilter\[[0-9]+\]: $Q3: notice court=cand .*trust=verified \(verified=client:$GATEWAY\)" "$LOG"
check_grep "and the team is added" " added=<carol@example\.test> " <(audit "$Q3")
check "carol got it" mta_wait_delivered carol 1 20

# --- 4. trust_local_mail = yes ---------------------------------------------------
sed -i 's/^trust_local_mail = no$/trust_local_mail = yes/' "$MTA_DIR/nef.conf"
kill -USR1 "$E2E_NEF_PID"
check "the reload is logged" mta_wait_log "nefmilter\[[0-9]+\]: configuration reloaded from " 10
if [ "$MTA" = postfix ]; then
	pf_sendmail_as nobody "$COURT_FROM" docketing@example.test "$N57"
	newer() { Q4=$(pf_pickup_qid 65534 "$COURT_FROM" 1) && [ "$Q4" != "$Q1" ]; }
	check "a second local submission, picked up" wait_for 20 newer
else
	e2e_send_notice "$N57" docketing@example.test
	Q4=$MTA_LAST_QID
fi
check "it went through nefmilter" e2e_wait_qid "$Q4"
check_grep "with trust_local_mail = yes it is verified through trusted_clients" \
    "nefmilter\[[0-9]+\]: $Q4: notice court=cand .*trust=verified \(verified=client:127\.0\.0\.1\)" "$LOG"
check "and carol, the team, got it" mta_wait_delivered carol 2 20
check_nogrep "no nefmilter error in the maillog" "nefmilter\[[0-9]+\]: error" "$LOG"
e2e_finish
