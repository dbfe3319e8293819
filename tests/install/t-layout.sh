#!/usr/bin/env bash
# The systemd unit, tmpfiles.d, INSTALL and the built-in defaults agree:
#  - systemd-analyze verifies the unit; it runs nefmilter as the default
#    user; its RuntimeDirectory is the pid file's directory and its
#    StateDirectory the state_dir; ProtectSystem=strict leaves the
#    socket's directory writable (ReadWritePaths); PIDFile is pid_file;
#  - systemd-tmpfiles, on a scratch root, makes the three directories
#    with the owners and modes INSTALL's install -d lines give;
#  - run as the unit runs it (as the user from the start, in directories
#    laid out so), the daemon starts, and its pid file and socket are
#    gone after a stop; started as root with a pid file directory of
#    root's, it says at start that the pid file would stay behind;
#  - with Debian's own master.cf (smtpd and cleanup chrooted) read by the
#    real postconf, "nefmilter -n" warns when the socket lies outside the
#    queue directory, when smtpd_milters does not name it the way a
#    chrooted smtpd must, and refuses a chroot-relative socket path; the
#    layout of INSTALL draws no warning.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
NEF=$TOP/$BUILD/nefmilter
UNIT=$TOP/contrib/systemd/nefmilter.service
TMPF=$TOP/contrib/systemd/nefmilter.tmpfiles
W=$(mktemp -d /run/nef-layout.XXXXXX)
chmod 755 "$W"
trap 'rm -rf "$W"' EXIT

unitval() { sed -n "s/^$1=//p" "$UNIT" | tail -n 1; }
default() { "$NEF" -n -c /dev/null 2>/dev/null | sed -n "s/^$1 = //p"; }

# --- the unit against the defaults --------------------------------------------
sed "s|@SBINDIR@|$TOP/$BUILD|g" "$UNIT" >"$W/nefmilter.service"
if command -v systemd-analyze >/dev/null; then
	check "systemd-analyze verifies the unit" \
	    sh -c 'systemd-analyze verify --man=no "$1" >"$1.verify" 2>&1' sh "$W/nefmilter.service"
	diag "$(cat "$W/nefmilter.service.verify")"
else
	skip "systemd-analyze is not installed"
fi
USER_D=$(default user)
PID_D=$(default pid_file)
STATE_D=$(default state_dir)
SOCK_D=$(default socket)
SOCK_PATH=${SOCK_D#unix:}
check_eq "the unit runs nefmilter as the default user" "$USER_D" "$(unitval User)"
check_eq "PIDFile is the default pid_file" "$PID_D" "$(unitval PIDFile)"
check_eq "RuntimeDirectory is the pid file's directory" "$(dirname "$PID_D")" "/run/$(unitval RuntimeDirectory)"
check_eq "StateDirectory is the default state_dir" "$STATE_D" "/var/lib/$(unitval StateDirectory)"
check_eq "the default socket is in Postfix's queue directory" \
    "unix:/var/spool/postfix/nefmilter/nefmilter.sock" "$SOCK_D"
rwp=$(unitval ReadWritePaths)
check "ReadWritePaths covers the socket's directory" \
    sh -c 'for p in $1; do p=${p#-}; case "$2/" in "$p"/*) exit 0 ;; esac; done; exit 1' sh "$rwp" "$(dirname "$SOCK_PATH")"
check_grep "ProtectSystem=strict (so ReadWritePaths matters)" "^ProtectSystem=strict$" "$UNIT"
check_grep "the unit applies the tmpfiles.d entry before starting" \
    '^ExecStartPre=-\+/usr/bin/systemd-tmpfiles --create nefmilter\.conf$' "$UNIT"

# --- tmpfiles.d against INSTALL ----------------------------------------------------
R=$W/root
mkdir -p "$R/etc"
printf 'root:x:0:0::/root:/bin/sh\nnefmilter:x:990:990::/var/lib/nefmilter:/usr/sbin/nologin\n' >"$R/etc/passwd"
printf 'root:x:0:\nnefmilter:x:990:\npostfix:x:105:\n' >"$R/etc/group"
check "systemd-tmpfiles makes the directories" systemd-tmpfiles --create --root="$R" "$TMPF"
ids() { case $1 in nefmilter) echo 990 ;; postfix) echo 105 ;; root) echo 0 ;; *) echo "?" ;; esac; }
n=0
while read -r _ _ _ o _ g _ m p; do
	n=$((n + 1))
	check_eq "INSTALL's $p: what tmpfiles.d makes" "${m#0} $(ids "$o") $(ids "$g")" \
	    "$(stat -c '%a %u %g' "$R$p" 2>/dev/null)"
done < <(grep -E '^ +install -d -o [a-z]+ -g [a-z]+ +-m [0-7]+ /(run|var)/' "$TOP/INSTALL")
check_eq "INSTALL gives an install -d line for each directory of tmpfiles.d" \
    "$(grep -c '^d ' "$TMPF")" "$n"
check "one of them is the socket's" test -d "$R$(dirname "$SOCK_PATH")"
check "one of them is the pid file's" test -d "$R$(dirname "$PID_D")"

# --- run as the unit runs it ------------------------------------------------------------
# (nobody stands for the nefmilter user; directories as systemd and
# tmpfiles.d make them)
install -d -o nobody -g nogroup -m 0755 "$W/run"
install -d -o nobody -g nogroup -m 0700 "$W/state"
install -d -o nobody -g postfix -m 2750 "$W/spool"
printf 'user = nobody\nstate_dir = %s\npid_file = %s\nsocket = unix:%s\n' \
    "$W/state" "$W/run/nef.pid" "$W/spool/nef.sock" >"$W/unit.conf"
setpriv --reuid=nobody --regid=nogroup --clear-groups "$NEF" -c "$W/unit.conf" \
    >/dev/null 2>"$W/unit.err"
check_eq "as the user, in that layout, the daemon starts" 0 "$?"
pid=$(cat "$W/run/nef.pid" 2>/dev/null)
check "it wrote its pid file" test -n "$pid"
check_eq "the socket's group is postfix (setgid directory), mode 0660" "postfix 660" \
    "$(stat -c '%G %a' "$W/spool/nef.sock" 2>/dev/null)"
check_eq "nothing on standard error" "" "$(cat "$W/unit.err")"
[ -n "$pid" ] && kill -TERM "$pid"
check "it stops" wait_for 15 test ! -d "/proc/${pid:-0}"
check "its pid file is gone" test ! -e "$W/run/nef.pid"
check "its socket is gone" test ! -e "$W/spool/nef.sock"
install -d -o root -g root -m 0755 "$W/rootrun"
sed "s|^pid_file = .*|pid_file = $W/rootrun/nef.pid|" "$W/unit.conf" >"$W/root.conf"
"$NEF" -c "$W/root.conf" >/dev/null 2>"$W/root.err"
check_eq "started as root, with a pid file directory of root's: it starts" 0 "$?"
check_grep "and says the pid file would stay behind" \
    "warning: pid file $W/rootrun/nef.pid cannot be removed when nefmilter stops: its directory is not writable by user nobody" "$W/root.err"
pid=$(cat "$W/rootrun/nef.pid" 2>/dev/null)
[ -n "$pid" ] && kill -TERM "$pid"
wait_for 15 test ! -d "/proc/${pid:-0}"

# --- nefmilter -n against Debian's master.cf (chrooted smtpd and cleanup) ---------------
PC=$W/postfix
mkdir -p "$PC"
install -d -o nobody -g postfix -m 2750 "$W/queue/nefmilter"	# as INSTALL makes it
cp /etc/postfix/master.cf.proto "$PC/master.cf" 2>/dev/null || cp /etc/postfix/master.cf "$PC/master.cf"
write_main() {	# SMTPD_MILTERS
	printf 'compatibility_level = 3.6\nqueue_directory = %s\nsmtpd_milters = %s\nnon_smtpd_milters = $smtpd_milters\n' \
	    "$W/queue" "$1" >"$PC/main.cf"
}
dry() {	# SOCKET: nefmilter -n with that socket; stderr in $W/dry.err
	sed "s|^socket = .*|socket = $1|" "$W/unit.conf" >"$W/dry.conf"
	MAIL_CONFIG=$PC "$NEF" -n -c "$W/dry.conf" >/dev/null 2>"$W/dry.err"
	RC=$?
}
check_grep "the master.cf used chroots smtpd" '^smtp +inet +n +- +y ' "$PC/master.cf"
write_main "unix:/nefmilter/nefmilter.sock"
dry "unix:$W/queue/nefmilter/nefmilter.sock"
check_eq "INSTALL's layout: -n exits 0" 0 "$RC"
check_eq "INSTALL's layout: -n has nothing to say" "" "$(cat "$W/dry.err")"
dry "unix:$W/spool/nef.sock"
check_grep "a socket outside the queue directory: -n warns, naming the chroot" \
    "warning: Postfix runs smtpd and cleanup chrooted in $W/queue \(master\.cf\), so it cannot reach the socket $W/spool/nef\.sock" "$W/dry.err"
check_eq "a warning alone: -n exits 0" 0 "$RC"
dry "unix:/nefmilter/nefmilter.sock"
check_eq "a chroot-relative socket path: -n exits 1" 1 "$RC"
check_grep "and says why" "error: socket unix:/nefmilter/nefmilter\.sock: /nefmilter does not exist, and nefmilter does not create a directory at the root" "$W/dry.err"
check_grep "and gives the whole path" "warning: socket unix:/nefmilter/nefmilter\.sock looks relative to Postfix's queue directory; nefmilter needs the whole path: socket = unix:$W/queue/nefmilter/nefmilter\.sock" "$W/dry.err"
check "and /nefmilter was not created" test ! -e /nefmilter
write_main "unix:$W/queue/nefmilter/nefmilter.sock"
dry "unix:$W/queue/nefmilter/nefmilter.sock"
check_grep "smtpd_milters with the whole path under a chroot: -n warns with the right line" \
    "warning: neither smtpd_milters \(\"unix:$W/queue/nefmilter/nefmilter\.sock\"\) nor non_smtpd_milters names nefmilter's socket as Postfix must write it: postconf -e 'smtpd_milters = unix:/nefmilter/nefmilter\.sock'" "$W/dry.err"
tap_done
