#!/usr/bin/env bash
# The daemon's unix socket: its owner, group and mode (socket_group,
# socket_mode), and the problems that would keep an MTA out, found at
# start-up and by "nefmilter -n" rather than at the first message.
#  1. socket_group = mail, socket_mode = 0660: the socket is nobody:mail
#     0660, and the start-up line says so;
#  2. the default group is postfix when that group exists (else mail);
#  3. socket_mode = 0600: a warning at start-up names the socket with its
#     mode, owner and group;
#  4. a directory the group cannot search: a warning names it;
#  5. an unknown socket_group: the daemon does not start, and says why;
#  6. nefmilter -n: a world- or group-writable directory on the path (which
#     Sendmail refuses) and a closed directory are warned about; an unknown
#     group fails the check.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/postfix.sh"
NEF=$TOP/$BUILD/nefmilter

if [ "$(id -u)" -ne 0 ]; then skip "needs root (the daemon drops to user nobody)"; tap_done; exit 0; fi
[ -x "$NEF" ] || { not_ok "$NEF is missing (make all)"; tap_done; exit 1; }
getent group mail >/dev/null || { skip "no group mail"; tap_done; exit 0; }

# Under /run: no world-writable directory on the path.
W=$(mktemp -d /run/nef-socket.XXXXXX)
chmod 755 "$W"
cleanup() { pf_teardown; rm -rf "$W"; }
trap cleanup EXIT

conf() {	# NAME SOCKET-DIR [LINES...]
	local name=$1 dir=$2; shift 2
	mkdir -p "$dir"
	{
		echo "state_dir = $W/state-$name"
		echo "user = nobody"
		echo "pid_file ="
		echo "socket = unix:$dir/nef.sock"
		printf '%s\n' "$@"
	} >"$W/$name.conf"
}

# start NAME: run the daemon in the foreground until its start line (or
# its exit); its standard error is $W/NAME.err
start() {
	pf_spawn "$1" "$NEF" -f -c "$W/$1.conf"
	PID=$PF_SPAWN_PID
	ERR=$PF_SPAWN_TMP/$1.log
	wait_for 10 grep -q "starting on\|start-up failed\|does not exist" "$ERR"
}
stop() { PF_TERM_WAIT=0 pf_kill "$PID"; }	# no clean stop needed here
perm() { stat -c '%a %U %G' "$1"; }

# --- 1. explicit group and mode ----------------------------------------------
conf one "$W/one" "socket_group = mail" "socket_mode = 0660"
start one
check "1: the daemon starts" grep -q "starting on unix:$W/one/nef.sock" "$ERR"
check_eq "1: the socket is nobody:mail 0660" "660 nobody mail" "$(perm "$W/one/nef.sock")"
check_grep "1: the start-up line names it" \
    "milter socket $W/one/nef.sock \(mode 0660, owner nobody, group mail\)" "$ERR"
check_nogrep "1: no warning" "warning" "$ERR"
stop

# --- 2. the default group --------------------------------------------------
want=mail
getent group postfix >/dev/null && want=postfix
conf two "$W/two"
start two
check_eq "2: socket_group empty: group $want, mode 0660" "660 nobody $want" "$(perm "$W/two/nef.sock")"
stop

# --- 3. a mode that shuts the group out --------------------------------------
conf three "$W/three" "socket_group = mail" "socket_mode = 0600"
start three
check_eq "3: the socket is 0600" "600 nobody mail" "$(perm "$W/three/nef.sock")"
check_grep "3: a start-up warning with path, mode, owner and group" \
    "warning: the milter socket $W/three/nef.sock \(mode 0600, owner nobody, group mail\) is not writable by group mail: an MTA running as that group cannot connect" "$ERR"
stop

# --- 4. a closed directory ---------------------------------------------------
mkdir -p "$W/four/inner"
chmod 700 "$W/four"
conf four "$W/four/inner" "socket_group = mail"
start four
check_grep "4: a start-up warning names the directory" \
    "warning: directory $W/four \(mode 0700, owner root, group root\) is not searchable by group mail: an MTA running as that group cannot reach the milter socket $W/four/inner/nef.sock" "$ERR"
stop
chmod 755 "$W/four"

# --- 5. an unknown group -----------------------------------------------------
conf five "$W/five" "socket_group = no-such-group-nef"
start five
wait_for 5 eval '! kill -0 "$PID" 2>/dev/null || [ "$(awk "{print \$3}" /proc/$PID/stat)" = Z ]'
check "5: the daemon does not start" test ! -S "$W/five/nef.sock"
check_grep "5: it says why" 'socket_group "no-such-group-nef" does not exist' "$ERR"
stop

# --- 6. nefmilter -n ---------------------------------------------------------
mkdir -p "$W/ww/s" "$W/gw/s"
chmod 777 "$W/ww"
chmod 775 "$W/gw"
conf six "$W/ww/s" "socket_group = mail"
"$NEF" -n -c "$W/six.conf" >/dev/null 2>"$W/six.err"
check_eq "6: -n passes with warnings (exit 0)" 0 $?
check_grep "6: a world-writable directory is named, as Sendmail would refuse it" \
    "warning: directory $W/ww \(mode 0777, owner root, group root\) is world writable: Sendmail refuses a milter socket under it \(\"local socket name $W/ww/s/nef.sock unsafe: World writable directory\"\)" "$W/six.err"
"$NEF" -n -c "$W/six.conf" -p "unix:$W/gw/s/nef.sock" >/dev/null 2>"$W/six.err"
check_grep "6: a group-writable one too" \
    "warning: directory $W/gw \(mode 0775, .*\) is group writable: .*unsafe: Group writable directory" "$W/six.err"
# The socket directory as INSTALL makes it: the user's own, so that a
# start as the user (the systemd unit's) could create the socket too.
chown nobody "$W/one"
"$NEF" -n -c "$W/one.conf" >/dev/null 2>"$W/one.err"
check_eq "6: a good socket directory: no warning" "" "$(cat "$W/one.err")"
chmod 700 "$W/four"
"$NEF" -n -c "$W/four.conf" >/dev/null 2>"$W/four.err"
check_grep "6: a closed directory is named" "warning: directory $W/four \(mode 0700, .*\) is not searchable by group mail" "$W/four.err"
"$NEF" -n -c "$W/five.conf" >/dev/null 2>"$W/five.err"
check_eq "6: an unknown group fails the check (exit 1)" 1 $?
check_grep "6: ... and says so" 'socket_group "no-such-group-nef" does not exist' "$W/five.err"
"$NEF" -n -c "$W/one.conf" -p "inet:8891@127.0.0.1" >/dev/null 2>"$W/inet.err"
check_eq "6: an inet socket: nothing to say" "" "$(cat "$W/inet.err")"
tap_done
