#!/usr/bin/env bash
# nefmilter -n reads the local Sendmail's sendmail.cf (sendmail_cf), here
# the private instance's, built by m4 with RunAsUser mail:mail and the
# milter line of nefmilter's socket.  It warns when Sendmail's user (group
# mail) may not open the socket as nefmilter makes it: socket_group
# postfix with mode 0660, or socket_group mail with mode 0600.  It says
# nothing when Sendmail may: socket_group mail, RunAsUser the socket's
# owner; nor when Sendmail runs as root, the .cf names another socket or
# does not exist, or sendmail_cf is empty.  Sendmail then agrees with both
# verdicts: with nefmilter listening on the socket -n warned about, it
# calls the socket unsafe and does not start; on the one -n accepted, it
# starts.
# A supplementary group (mail listed as a member of group postfix, in a
# group file that Sendmail and -n see as /etc/group, in mount namespaces
# of their own): with RunAsUser mail:mail it does not count at all; with
# RunAsUser mail, Sendmail's check at start-up counts it but its sessions,
# which talk to the milter with RunAsUser's group alone, do not have it.
# -n says which, and Sendmail shows it.
set -u
MTA=sendmail
. "$(dirname "$0")/../e2e/common.sh"
e2e_require
E2E_RUN=$(mktemp -d /run/e2e-run.XXXXXX)
chmod 755 "$E2E_RUN"
trap 'mta_teardown; rm -rf "$E2E_RUN"' EXIT
SOCK=$E2E_RUN/nef.sock
mta_use_unix_milter "$SOCK"
SM_RUN_AS_USER=mail:mail
mta_setup || { not_ok "the Sendmail instance is set up"; tap_done; exit 1; }
check_grep "the .cf has RunAsUser" '^O RunAsUser=mail:mail$' "$SM_CF"
check_grep "... and the milter line of the socket" "^Xnef, S=unix:$SOCK, F=T" "$SM_CF"

# conf FILE SENDMAIL_CF [LINE...]: nefmilter's configuration
conf() {
	local f=$1 cf=$2; shift 2
	printf '%s\n' "state_dir = $MTA_DIR/nefstate" "pid_file =" \
	    "socket = unix:$SOCK" "sendmail_cf = $cf" "$@" >"$f"
}
# dash_n SENDMAIL_CF [LINE...]: nefmilter -n, standard error into n.err;
# its status in N_RC (warnings leave it 0)
dash_n() {
	conf "$MTA_DIR/n.conf" "$@"
	"$NEF" -n -c "$MTA_DIR/n.conf" >/dev/null 2>"$MTA_DIR/n.err"
	N_RC=$?
}
# quiet_n DESCRIPTION SENDMAIL_CF [LINE...]: -n passes, and says nothing
# of the .cf
quiet_n() {
	local d=$1 cf=$2; shift
	dash_n "$@"
	check_eq "$d: -n passes" 0 "$N_RC"
	check_nogrep "$d: -n says nothing of the .cf" \
	    "names this socket|sendmail_cf${cf:+|$cf}" "$MTA_DIR/n.err"
}
warn_re() {	# RUNAS: the start of the warning, as a regex
	echo "nefmilter: warning: $SM_CF: its milter Xnef names this socket: Sendmail opens the socket as RunAsUser $1 \\(group mail\\), "
}
WARN=$(warn_re mail)

dash_n "$SM_CF" "user = nobody" "socket_group = postfix"
check_eq "-n passes with warnings" 0 "$N_RC"
check_grep "-n: group mail may not write a socket of group postfix, mode 0660" \
    "${WARN}which is neither the socket's owner \\(nobody\\) nor of socket_group postfix, and socket_mode 0660 lets no one else write: Sendmail will find the socket unsafe \\(Permission denied\\) and not start; set socket_group = mail, or give Sendmail a RunAsUser of group postfix$" \
    "$MTA_DIR/n.err"
dash_n "$SM_CF" "user = nobody" "socket_group = mail" "socket_mode = 0600"
check_grep "-n: nor of group mail with mode 0600" \
    "${WARN}which is of socket_group mail, but socket_mode 0600 gives the group no read and write permission: .* set socket_mode = 0660$" \
    "$MTA_DIR/n.err"
quiet_n "group mail, mode 0660" "$SM_CF" "user = nobody" "socket_group = mail"
quiet_n "RunAsUser owns the socket" "$SM_CF" "user = mail" "socket_group = postfix"
quiet_n "sendmail_cf empty" "" "user = nobody" "socket_group = postfix"
grep -v '^O RunAsUser=' "$SM_CF" >"$MTA_DIR/root.cf"
quiet_n "no RunAsUser (Sendmail runs as root)" "$MTA_DIR/root.cf" "user = nobody" "socket_group = postfix"
sed "s|^Xnef, S=unix:$SOCK|Xnef, S=unix:$E2E_RUN/other.sock|" "$SM_CF" >"$MTA_DIR/other.cf"
quiet_n "a .cf naming another socket" "$MTA_DIR/other.cf" "user = nobody" "socket_group = postfix"
quiet_n "no such file" "$MTA_DIR/none.cf" "user = nobody" "socket_group = postfix"

# Sendmail's own verdict, with nefmilter listening on the socket.
# start_nef LINE...: nefmilter in the foreground with these lines
start_nef() {
	conf "$MTA_DIR/nef.conf" "$SM_CF" "$@"
	rm -f "$SOCK"
	pf_spawn nefmilter "$NEF" -f -c "$MTA_DIR/nef.conf"
	NEF_PID=$PF_SPAWN_PID
	pf_wait_milter 10
}
# refused DESCRIPTION: Sendmail does not start, and says why
refused() {
	if sm_start 2>/dev/null; then
		not_ok "$1"
		sm_stop
	else
		ok "$1"
	fi
	check_grep "... and says why" "Xnef: local socket name $SOCK unsafe: Permission denied" \
	    "$SM_DIR/log/start.out"
}
check "nefmilter runs with socket_group postfix" start_nef "user = nobody" "socket_group = postfix"
refused "Sendmail refuses that socket and does not start, as -n said"
pf_kill "$NEF_PID"
check "nefmilter runs with socket_group mail" start_nef "user = nobody" "socket_group = mail"
check "Sendmail starts with that socket, as -n said" sm_start
sm_stop
pf_kill "$NEF_PID"

# A supplementary group.
awk -F: -v OFS=: '$1 == "postfix" { $4 = ($4 == "" ? "mail" : $4 ",mail") } 1' \
    /etc/group >"$E2E_RUN/group"
chmod 644 "$E2E_RUN/group"
check_grep "the group file lists mail in group postfix" '^postfix:[^:]*:[0-9]+:(.*,)?mail(,|$)' "$E2E_RUN/group"
# n_group: -n, seeing that group file as /etc/group
n_group() {
	conf "$MTA_DIR/n.conf" "$SM_CF" "user = nobody" "socket_group = postfix"
	unshare -m bash -c 'mount --make-rprivate / &&
	    mount --bind "$0" /etc/group && exec "$@"' "$E2E_RUN/group" \
	    "$NEF" -n -c "$MTA_DIR/n.conf" >/dev/null 2>"$MTA_DIR/n.err"
}
SM_GROUP_FILE=$E2E_RUN/group
check "nefmilter runs with socket_group postfix" start_nef "user = nobody" "socket_group = postfix"
# RunAsUser mail:mail names the group: the membership does not count
n_group
check_grep "-n: RunAsUser mail:mail, a member of group postfix: not of socket_group" \
    "${WARN}which is neither the socket's owner \\(nobody\\) nor of socket_group postfix, .* and not start; set socket_group = mail" \
    "$MTA_DIR/n.err"
refused "Sendmail refuses the socket, as -n said"
# RunAsUser mail names no group: its check counts the membership
sed -i 's/^O RunAsUser=mail:mail$/O RunAsUser=mail/' "$SM_CF"
n_group
check_grep "-n: RunAsUser mail, of group postfix only as a supplementary group" \
    "${WARN}which is of socket_group postfix only as a supplementary group, and Sendmail drops those: Sendmail starts, but every session fails to connect \\(\"error connecting to filter: Permission denied\"\\) and its mail is tempfailed \\(F=T\\) or passes unfiltered; set socket_group = mail, or give Sendmail a RunAsUser of group postfix$" \
    "$MTA_DIR/n.err"
check "Sendmail starts, as -n said" sm_start
sm_send_text sender@example.test alice@example.test "t-runas" "a message" >/dev/null 2>&1
check "... but the message is not accepted (F=T)" test "$SM_LAST_RC" -ne 0
check "... since its session cannot connect to the milter, as -n said" \
    sm_wait_log "Milter \\(nef\\): error connecting to filter: Permission denied" 10
tap_done
