#!/usr/bin/env bash
# A milter socket the MTA cannot open is reported by nefmilter at
# start-up, with its path, mode, owner and group, before any message (here
# socket_mode = 0600: the MTA's group may not write it).  The MTA then
# shows that the warning was right:
#  - Postfix (smtpd runs as group postfix) cannot connect when the first
#    message comes: "connect to Milter service ...: Permission denied",
#    and with milter_default_action = tempfail the client gets a 4xx
#    (at MAIL FROM: smtpd meets the milter when the session starts);
#  - Sendmail (under tests/sendmail/, with RunAsUser mail:mail) checks the
#    socket when it starts, refuses it ("unsafe: Permission denied") and
#    does not start at all.
# nefmilter runs as nobody, so that the MTA's user is not the socket's
# owner (whose bits would let it in).
set -u
. "$(dirname "$0")/common.sh"
e2e_require
: "${MTA_USERS:=docketing}"
E2E_RUN=$(mktemp -d /run/e2e-run.XXXXXX)
chmod 755 "$E2E_RUN"
trap 'mta_teardown; rm -rf "$E2E_RUN"' EXIT
mta_use_unix_milter "$E2E_RUN/nef.sock"
SM_RUN_AS_USER=mail:mail
PF_DEFAULT_ACTION=tempfail
mta_setup || { not_ok "the $(mta_name) instance is set up"; tap_done; exit 1; }
mapfile -t mc < <(mta_nef_conf | grep -v '^user =')
GROUP=$(printf '%s\n' "${mc[@]}" | sed -n 's/^socket_group = //p')
[ -n "$GROUP" ] || GROUP=postfix
printf '%s\n' "state_dir = $MTA_DIR/nefstate" "pid_file =" \
    "socket = $MTA_MILTER_SOCK" "${mc[@]}" "user = nobody" \
    "socket_mode = 0600" >"$MTA_DIR/nef.conf"

# The maillog first (nefmilter logs into it), the MTA after nefmilter.
if [ "$MTA" = sendmail ]; then
	sm_start_log
else
	check "Postfix starts" mta_start
fi
pf_spawn nefmilter "$NEF" -f -c "$MTA_DIR/nef.conf"
check "nefmilter starts" pf_wait_milter 10
check "nefmilter says at start-up that the MTA cannot open its socket, with path, mode, owner and group" \
    mta_wait_log "nefmilter\[[0-9]+\]: warning: the milter socket $E2E_RUN/nef.sock \(mode 0600, owner [a-z]+, group $GROUP\) is not writable by group $GROUP: an MTA running as that group cannot connect" 10

if [ "$MTA" = sendmail ]; then
	if sm_start 2>/dev/null; then
		not_ok "Sendmail refuses to start with that socket"
	else
		ok "Sendmail refuses to start with that socket"
	fi
	check_grep "... and says why" "Xnef: local socket name $E2E_RUN/nef.sock unsafe: Permission denied" \
	    "$SM_DIR/log/start.out"
else
	sed 's/lawfirm\.example/example.test/g' "$DATA/nef/district.eml" >"$MTA_DIR/n.eml"
	mta_send "$COURT_FROM" docketing@example.test "$MTA_DIR/n.eml"
	check "the first message: the client gets a 4xx" grep -Eq '^<\*\* +4[0-9][0-9] ' "$MTA_LAST_LOG"
	check "Postfix cannot connect to the milter" \
	    mta_wait_log "connect to Milter service unix:$E2E_RUN/nef.sock: Permission denied" 5
fi
tap_done
