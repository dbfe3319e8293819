#!/usr/bin/env bash
# INSTALL's layout with smtpd and cleanup chrooted, as Debian's master.cf
# runs them, through the real Postfix: nefmilter's socket in
# QUEUE/nefmilter (setgid postfix, 2750, as INSTALL's install -d line
# makes it), smtpd_milters set by INSTALL's own postconf line
# (unix:/nefmilter/nefmilter.sock, relative to the chroot); "nefmilter
# -n" against this Postfix has nothing to say, the chrooted smtpd and
# cleanup reach the socket and a notice is processed.  The whole path in
# smtpd_milters draws -n's warning with the line to use.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
trap e2e_cleanup EXIT
fc_start "$DATA/scenarios/e2e.json" || e2e_fail_start "the fake court starts"
trap e2e_cleanup EXIT
chmod 755 "$FC_DIR" "$FC_DIR/pki"
chmod 644 "$FC_CA"
: "${MTA_USERS:=docketing}"
E2E_RUN=$(mktemp -d /run/nef-chroot.XXXXXX) && chmod 755 "$E2E_RUN" || e2e_fail_start mktemp
R=$E2E_RUN
mta_setup "$R/pf" || e2e_fail_start "the Postfix instance is set up"
LOG=$(pf_maillog)
Q=$(postconf -c "$PF_CONF" -h queue_directory)
# smtpd and cleanup chrooted, as in Debian's master.cf
sed -i -E -e 's/^(127\.0\.0\.1:[0-9]+ +inet +n +- +)n /\1y /' \
    -e 's/^(cleanup +unix +n +- +)n /\1y /' "$PF_CONF/master.cf"
check_eq "smtpd and cleanup run chrooted (postconf -M)" "y y" \
    "$(postconf -c "$PF_CONF" -M | awk '$8 == "smtpd" || $8 == "cleanup" { printf "%s%s", sep, $5; sep = " " }')"
line=$(grep -E "^ +install -d .* /var/spool/postfix/nefmilter$" "$TOP/INSTALL" | sed -e 's/^ *//' \
    -e "s|/var/spool/postfix/|$Q/|" -e 's/-o nefmilter/-o postfix/')
check "INSTALL's install -d line for the socket's directory runs" eval "$line"
pl=$(grep -E "^    postconf -e 'smtpd_milters = unix:/nefmilter/" "$TOP/INSTALL" | head -n 1 |
    sed -e 's/^ *//' -e "s|postconf -e|postconf -c $PF_CONF -e|")
check "INSTALL's smtpd_milters line runs" eval "$pl"
postconf -c "$PF_CONF" -e 'non_smtpd_milters = $smtpd_milters' 'milter_default_action = tempfail'
check "Postfix starts" pf_start
mapfile -t mc < <(mta_nef_conf)
fc_conf "$R/nef.conf" "state_dir = $R/state" "pid_file =" \
    "socket = unix:$Q/nefmilter/nefmilter.sock" "trusted_clients = 127.0.0.1" \
    "trust_local_mail = yes" "firm_domains = example.test" "${mc[@]}"
MAIL_CONFIG=$PF_CONF "$NEF" -n -c "$R/nef.conf" >/dev/null 2>"$R/n.err"
check_eq "-n against this Postfix: exit 0" 0 "$?"
check_eq "-n has nothing to say" "" "$(cat "$R/n.err")"
pf_spawn nefmilter "$NEF" -f -c "$R/nef.conf"
E2E_NEF_PID=$PF_SPAWN_PID
E2E_NEF_LOG=$PF_DIR/log/nefmilter.log
check "nefmilter listens in the queue directory" wait_for 10 test -S "$Q/nefmilter/nefmilter.sock"
check_eq "the socket's group is postfix (the setgid directory)" postfix "$(stat -c %G "$Q/nefmilter/nefmilter.sock")"
N57=$(e2e_notice n57)
e2e_send_notice "$N57" docketing@example.test
check_eq "the chrooted smtpd takes the notice" 0 "$MTA_LAST_RC"
QID=$MTA_LAST_QID
check "nefmilter handled it" e2e_wait_qid "$QID"
check "it is delivered" mta_wait_delivered docketing 1 20
check_grep "processed (X-NEF)" "^X-NEF: .*entry=57" "$(e2e_last docketing)"
# chrooted: PROG has a process of this instance whose root is the queue directory
chrooted() {
	local p
	for p in $(pgrep -x "$1"); do
		[ "$(readlink "/proc/$p/root")" = "$Q" ] && return 0
	done
	return 1
}
check "smtpd really ran in the chroot" chrooted smtpd
check "and so did cleanup" chrooted cleanup
check_nogrep "no milter connection error in the maillog" "warning: connect to Milter service" "$LOG"
postconf -c "$PF_CONF" -e "smtpd_milters = unix:$Q/nefmilter/nefmilter.sock"
MAIL_CONFIG=$PF_CONF "$NEF" -n -c "$R/nef.conf" >/dev/null 2>"$R/n2.err"
check_grep "the whole path in smtpd_milters: -n warns, with the line to use" \
    "warning: neither smtpd_milters .* names nefmilter's socket as Postfix must write it: postconf -e 'smtpd_milters = unix:/nefmilter/nefmilter\.sock'" "$R/n2.err"
e2e_finish
