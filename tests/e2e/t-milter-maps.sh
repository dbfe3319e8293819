#!/usr/bin/env bash
# End to end through a real Postfix: the configuration of INSTALL that
# hands only the courts' gateways and the firm's own clients to
# nefmilter (smtpd_milters empty, smtpd_milter_maps = cidr:...).  The
# court's gateway is 127.0.0.2 here, the firm's clients 10.0.0.0/8, and
# every other client (127.0.0.1) is not in the map.
#  1. a notice from the gateway is handled: PDFs attached, X-NEF, audit;
#  2. ordinary mail from another client never reaches the milter: Postfix
#     opens no milter session for it, nefmilter logs nothing about it, and
#     it arrives byte for byte;
#  3. the limit INSTALL states: the same notice from an unlisted client
#     (a forward from elsewhere, or a gateway nobody listed) is not seen,
#     so it is delivered as the court sent it, link and all.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
e2e_start "$DATA/scenarios/e2e.json"
# The map, and smtpd with no milter of its own: as INSTALL says.
printf '%s\n' "# the courts' gateways" "127.0.0.2/32 $PF_MILTER" \
    "# the firm's own clients" "10.0.0.0/8 $PF_MILTER" >"$PF_CONF/milter_clients.cidr"
PF_MILTER=
PF_MAIN_EXTRA="smtpd_milter_maps = cidr:$PF_CONF/milter_clients.cidr"
pf_write_main >"$PF_CONF/main.cf"
check "Postfix reloads with smtpd_milter_maps" pf_reload
check_eq "smtpd_milters is empty" "" "$(postconf -c "$PF_CONF" -h smtpd_milters)"
# the gateway's mail counts as verified, as trusted_clients says of a gateway
sed -i 's/^trusted_clients = .*/trusted_clients = 127.0.0.1, 127.0.0.2/' "$PF_DIR/nef.conf"
kill -USR1 "$E2E_NEF_PID"
check "nefmilter reloads with the gateway trusted" \
    pf_wait_log "nefmilter\[[0-9]+\]: configuration reloaded from $PF_DIR/nef.conf" 10
SHA_MAIN=$(fc_pdf_sha cand-57-main 5000)
SHA_ATT1=$(fc_pdf_sha cand-57-att1 7000)

# send_from ADDR FROM TO FILE: pf_send from a given local address
send_from() {
	local data=$PF_DIR/log/swaks-data.$((PF_SEND_SEQ + 1))
	perl -pe 's/\r?\n\z//; s/^\./../; $_ .= "\r\n"' "$4" >"$data" && printf '.' >>"$data"
	pf_swaks --local-interface "$1" --from "$2" --to "$3" --data "@$data" --no-data-fixup
}

# --- 1. the court's gateway -------------------------------------------------------
N57=$(e2e_notice n57)
send_from 127.0.0.2 "$COURT_FROM" docketing@example.test "$N57"
check_eq "from the gateway: accepted" 0 "$PF_LAST_RC"
Q1=$PF_LAST_QID
check "from the gateway: delivered" pf_wait_delivered docketing 1 20
P=$(e2e_parts "$(e2e_last docketing)")
check_eq "from the gateway: both PDFs attached" "$SHA_MAIN $SHA_ATT1" "$(e2e_pdf_shas "$P")"
check_grep "from the gateway: X-NEF" "^HDR X-NEF: .*entry=57; .*action=attached$" "$P"
check "from the gateway: nefmilter's audit line" e2e_wait_qid "$Q1"
check_grep "Postfix saw the client 127.0.0.2" "postfix/smtpd\[[0-9]+\]: $Q1: client=[^ ]*\[127\.0\.0\.2\]" "$LOG"

# --- 2. ordinary mail from anyone else ----------------------------------------------
n=$(grep -c 'nefmilter\[' "$LOG")
send_from 127.0.0.1 alice@outside.test bob@example.test "$DATA/harness-plain.eml"
Q2=$PF_LAST_QID
check "ordinary mail: delivered" pf_wait_delivered bob 1 20
check "ordinary mail: Postfix is done with it" pf_wait_log "postfix/qmgr\[[0-9]+\]: $Q2: removed" 20
check_eq "ordinary mail: nefmilter logged nothing" "$n" "$(grep -c 'nefmilter\[' "$LOG")"
check_nogrep "ordinary mail: no milter session (no milter line for it)" "$Q2: milter" "$LOG"
check_eq "ordinary mail: the body byte for byte" "$(pf_body "$DATA/harness-plain.eml" | md5sum)" \
    "$(pf_body "$(e2e_last bob)" | md5sum)"

# --- 3. the limit: an unlisted client's notice is not seen ---------------------------
before=$(pf_maildir_files docketing | wc -l)
send_from 127.0.0.1 "$COURT_FROM" docketing@example.test "$N57"
Q3=$PF_LAST_QID
check "unlisted client's notice: delivered" pf_wait_delivered docketing $((before + 1)) 20
check "unlisted client's notice: Postfix is done with it" pf_wait_log "postfix/qmgr\[[0-9]+\]: $Q3: removed" 20
P=$(e2e_parts "$(e2e_last docketing)")
check_eq "unlisted client's notice: no PDF" "" "$(e2e_pdf_shas "$P")"
check_nogrep "unlisted client's notice: no X-NEF" "^HDR X-NEF:" "$P"
check_nogrep "unlisted client's notice: no audit line" "nefmilter\[[0-9]+\]: $Q3: " "$LOG"
check_grep "unlisted client's notice: the free-look link is still there" "035020918716" \
    <($MIMECHECK --text "$(e2e_last docketing)")
e2e_finish
