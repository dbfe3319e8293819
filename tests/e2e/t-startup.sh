#!/usr/bin/env bash
# Start-up failures are visible: "nefmilter -c CONF" (detaching) checks
# everything that can fail before it detaches, prints the reason on
# standard error and exits non-zero, with nothing left running or held;
# "nefmilter -n" finds the same problems without starting.  Log lines go
# to the MTA's log socket, or to a log socket that is down: the reason
# still reaches standard error.  Started as the user (as the systemd
# unit starts it), a socket or pid file directory it may not write in
# stops the start with the errno ("cannot listen on unix:...: ...
# Permission denied"), and -n as the user says the same, while -n as
# root warns that a start as the user would fail; an inet port another
# program listens on stops a start with exit 3 ("Address already in
# use").  A good start returns 0 only once the
# socket listens and the pid file names the daemon, which then handles a
# message through the real MTA (MTA=postfix, or sendmail from
# tests/sendmail/).
set -u
. "$(dirname "$0")/common.sh"
e2e_require
trap e2e_cleanup EXIT
: "${MTA_USERS:=docketing aokafor bob carol}"
# Under /run: a world-writable /tmp above the socket draws Sendmail's
# warning, and -n is to have nothing to say.
E2E_RUN=$(mktemp -d /run/nef-startup.XXXXXX) && chmod 755 "$E2E_RUN" || e2e_fail_start mktemp
R=$E2E_RUN
mta_use_unix_milter "$R/sock/nef.sock"
mta_setup || e2e_fail_start "the $(mta_name) instance is set up"
LOG=$MTA_LOG
mta_start || e2e_fail_start "$(mta_name) starts"
mapfile -t mc < <(mta_nef_conf)
BASE=("state_dir = $R/state" "pid_file = $R/run/nef.pid"
    "socket = $MTA_MILTER_SOCK" "trusted_clients = 127.0.0.1" "trust_local_mail = yes"
    "firm_domains = example.test" "${mc[@]}")
U=$(printf '%s\n' "${mc[@]}" | sed -n 's/^user = //p')

# conf NAME [LINES...]: $R/NAME.conf, the base lines replaced by LINES
conf() {
	local name=$1 kv k lines=(); shift
	for kv in "${BASE[@]}"; do
		k=${kv%% =*}
		printf '%s\n' "$@" | grep -q "^$k *=" || lines+=("$kv")
	done
	printf '%s\n' "${lines[@]}" "$@" >"$R/$name.conf"
}
# start NAME: nefmilter -c $R/NAME.conf; status in RC, stderr in $R/NAME.err
start() { "$NEF" -c "$R/$1.conf" >"$R/$1.out" 2>"$R/$1.err"; RC=$?; }
# dry NAME: nefmilter -n -c $R/NAME.conf; status in RC, stderr in $R/NAME.nerr
dry() { "$NEF" -n -c "$R/$1.conf" >/dev/null 2>"$R/$1.nerr"; RC=$?; }
# running NAME: pids of nefmilter processes started with $R/NAME.conf
running() { pgrep -f -x "$NEF -c $R/$1.conf"; }
# refused NAME PATTERN WHAT: a start exits 1 with PATTERN on stderr and
# leaves nothing behind; -n exits 1 with the same
refused() {
	start "$1"
	check_eq "$3: the start exits 1" 1 "$RC"
	check_grep "$3: it says why on standard error" "$2" "$R/$1.err"
	check_eq "$3: nothing is left running" "" "$(running "$1")"
	check "$3: no pid file left" test ! -e "$R/run/nef.pid"
	[ "$1" = file ] || check "$3: no socket left" test ! -e "$R/sock/nef.sock"
	dry "$1"
	check_eq "$3: -n exits 1 too" 1 "$RC"
	check_grep "$3: -n says the same" "$2" "$R/$1.nerr"
}

# --- what stops a start -----------------------------------------------------------
conf nouser "user = nef-nosuchuser"
refused nouser 'error: user "nef-nosuchuser" does not exist: create it' "a missing user"
conf noparent "state_dir = $R/missing/state"
refused noparent "error: state_dir $R/missing/state: its parent $R/missing does not exist" \
    "a missing state_dir parent"
check "a missing state_dir parent: nothing created" test ! -e "$R/missing"
mkdir -p "$R/bad/db" && printf 'not an LMDB file\n%.0s' $(seq 1 400) >"$R/bad/db/data.mdb"
chown -R "$U" "$R/bad"
chmod 700 "$R/bad"
conf badstore "state_dir = $R/bad"
refused badstore "error: cannot open the store in $R/bad(: store record corrupt| as user $U: store record corrupt)" "an unusable store"
check_grep "an unusable store: the start says as whom it tried" \
    "error: start-up failed: the store in $R/bad could not be opened as user $U" "$R/badstore.err"
mkdir -p "$R/other/db" && touch "$R/other/db/lock.mdb" && chown -R "$U" "$R/other"
chown nobody "$R/other/db/lock.mdb"
conf other "state_dir = $R/other"
refused other "error: state_dir $R/other: 1 file belongs to another user \(first: $R/other/db/lock.mdb, owned by nobody\)" \
    "a store file of another user"
conf deadlog "state_dir = $R/missing/state" "log_socket = $R/no-such-postlog"
refused deadlog "error: state_dir $R/missing/state: its parent" "a log socket that is down"
check_grep "a log socket that is down: said on standard error too" \
    "warning: log_socket $R/no-such-postlog: No such file or directory" "$R/deadlog.err"
port=$(pf_free_port)
conf noaddr "socket = inet:$port@192.0.2.99"
refused noaddr "error: cannot listen on inet:$port@192.0.2.99: Cannot assign requested address" \
    "an address the relay does not have"
mkdir -p "$R/sock"; echo keep >"$R/sock/nef.sock"
conf file
refused file "error: socket $R/sock/nef.sock exists and is not a socket: nefmilter does not remove it" \
    "a file where the socket goes"
check_eq "the file is left as it was" keep "$(cat "$R/sock/nef.sock" 2>/dev/null)"
rm -f "$R/sock/nef.sock"
top=/nef-startup-$$
conf chroot "socket = unix:$top/nef.sock"
refused chroot "error: socket unix:$top/nef.sock: $top does not exist, and nefmilter does not create a directory at the root" \
    "a socket path relative to Postfix's chroot"
check "a chroot-relative socket path: $top was not created" test ! -e "$top"

# --- started as the user, as the systemd unit starts it ---------------------------
as_user() { setpriv --reuid="$U" --regid="$(id -g "$U")" --init-groups "$@"; }
# ustart / udry NAME: start / nefmilter -n as the user
ustart() { as_user "$NEF" -c "$R/$1.conf" >"$R/$1.out" 2>"$R/$1.err"; RC=$?; }
udry() { as_user "$NEF" -n -c "$R/$1.conf" >/dev/null 2>"$R/$1.nerr"; RC=$?; }
install -d -o "$U" -m 0700 "$R/ustate"
install -d -o "$U" -m 0755 "$R/usock"
install -d -o root -g root -m 0755 "$R/rootdir"
# uref NAME LINE WHAT: as the user, a start and -n exit 1 with LINE;
# as root, -n exits 0 and warns that a start as the user would fail
uref() {
	ustart "$1"
	check_eq "$3: a start as the user exits 1" 1 "$RC"
	check_grep "$3: it names the errno on standard error" "^nefmilter: error: $2$" "$R/$1.err"
	check_eq "$3: nothing is left running" "" "$(running "$1")"
	udry "$1"
	check_eq "$3: -n as the user exits 1" 1 "$RC"
	check_grep "$3: -n as the user says the same" "^nefmilter: error: $2$" "$R/$1.nerr"
	dry "$1"
	check_eq "$3: -n as root exits 0 (a start as root would work)" 0 "$RC"
	check_grep "$3: and warns that a start as the user would not" \
	    "^nefmilter: warning: started as user $U \(as the systemd unit starts it\), nefmilter would not start: $2$" "$R/$1.nerr"
}
conf usock "state_dir = $R/ustate" "pid_file = $R/usock/nef.pid" "socket = unix:$R/rootdir/nef.sock"
uref usock "cannot listen on unix:$R/rootdir/nef\.sock: cannot open its lock $R/rootdir/nef\.sock\.lock: Permission denied" \
    "a socket directory of root's"
check "a socket directory of root's: no pid file left" test ! -e "$R/usock/nef.pid"
conf upid "state_dir = $R/ustate" "pid_file = $R/rootdir/nef.pid" "socket = unix:$R/usock/nef.sock"
uref upid "cannot open pid file $R/rootdir/nef\.pid: Permission denied" "a pid file directory of root's"
check "a pid file directory of root's: no socket left" test ! -e "$R/usock/nef.sock"
port=$(pf_free_port)
/usr/bin/python3 -c 'import socket, sys, time
s = socket.socket(); s.bind(("127.0.0.1", int(sys.argv[1]))); s.listen(1); time.sleep(120)' "$port" &
HOLDER=$!
pf_watch "pid $HOLDER $(pf_starttime "$HOLDER")"
wait_for 10 sh -c "ss -Hltn 'sport = :$port' | grep -q ." || diag "the port holder did not listen"
conf busy "socket = inet:$port@127.0.0.1"
start busy
check_eq "an inet port another program listens on: the start exits 3" 3 "$RC"
check_grep "it names the errno" "^nefmilter: error: cannot listen on inet:$port@127\.0\.0\.1: Address already in use$" "$R/busy.err"
check_eq "an inet port in use: nothing is left running" "" "$(running busy)"
check "an inet port in use: no pid file left" test ! -e "$R/run/nef.pid"
dry busy
check_eq "an inet port in use: -n exits 1" 1 "$RC"
check_grep "an inet port in use: -n says the same" "^nefmilter: error: cannot listen on inet:$port@127\.0\.0\.1: Address already in use$" "$R/busy.nerr"
kill "$HOLDER" 2>/dev/null

# --- a good start -------------------------------------------------------------------
conf good
dry good
check_eq "-n on the good file: exit 0" 0 "$RC"
check_eq "-n on the good file: nothing to say" "" "$(cat "$R/good.nerr")"
start good
check_eq "a good start exits 0" 0 "$RC"
check "when it returns the socket listens" test -S "$R/sock/nef.sock"
pid=$(cat "$R/run/nef.pid" 2>/dev/null)
[ -n "$pid" ] && pf_watch "pid $pid $(pf_starttime "$pid")"
check_eq "and the pid file names the one daemon" "$(running good)" "$pid"
check_eq "it had nothing to say on standard error" "" "$(cat "$R/good.err")"
check "the daemon's line is in the MTA's maillog" \
    mta_wait_log "nefmilter\[$pid\]: nefmilter .* starting on unix:$R/sock/nef.sock as $U" 10
mta_send_text ecf-noreply@cand.uscourts.gov docketing@example.test "not a notice" "hello"
mta_last
check_eq "$(mta_name) passes mail through it" 0 "$MTA_LAST_RC"
check "nefmilter saw it" mta_wait_log "nefmilter\[$pid\]: $MTA_LAST_QID: not a notice" 10
kill -TERM "$pid"
check "stopped on SIGTERM" wait_for 15 test ! -d "/proc/$pid"
check "it removed its socket and its pid file" test ! -e "$R/sock/nef.sock" -a ! -e "$R/run/nef.pid"
tap_done
