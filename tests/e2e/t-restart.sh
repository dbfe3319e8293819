#!/usr/bin/env bash
# Restarts end with one daemon and one socket, through a real MTA
# (MTA=postfix, or sendmail from tests/sendmail/), which tempfails while
# nefmilter is down (milter_default_action = tempfail, Sendmail's F=T): a
# notice sent meanwhile is retried by its sender, as a court's MTA does.
#  1. A second start while the daemon runs is refused (exit 3, with the
#     pid), with the same pid file or only the same socket; the running
#     daemon keeps its socket and goes on.
#  2. After a kill -9 the stale pid file and socket are replaced.
#  3. Under traffic, three quick stop-and-starts: a start right after
#     SIGTERM is refused while the old daemon is still stopping; the start
#     that waits for it (as the systemd unit and the package scripts do)
#     succeeds.  Every notice is delivered once, processed; at the end one
#     daemon runs, the pid file names it, one socket listens, and no
#     socket file of libmilter's own is left beside it.
#  4. The last stop removes the socket and the pid file.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
trap e2e_cleanup EXIT
fc_start "$DATA/scenarios/e2e.json" || e2e_fail_start "the fake court starts"
trap e2e_cleanup EXIT
: "${MTA_USERS:=docketing aokafor bob carol}"
E2E_RUN=$(mktemp -d /run/nef-restart.XXXXXX) && chmod 755 "$E2E_RUN" || e2e_fail_start mktemp
R=$E2E_RUN
mta_use_unix_milter "$R/sock/nef.sock"
mta_setup || e2e_fail_start "the $(mta_name) instance is set up"
LOG=$MTA_LOG
mta_start || e2e_fail_start "$(mta_name) starts"
SOCK=$R/sock/nef.sock
mapfile -t mc < <(mta_nef_conf)
lines=("state_dir = $R/state" "socket = $MTA_MILTER_SOCK"
    "trusted_clients = 127.0.0.1" "trust_local_mail = yes" "firm_domains = example.test"
    "${mc[@]}")
fc_conf "$R/n.conf" "${lines[@]}" "pid_file = $R/run/nef.pid"
fc_conf "$R/other.conf" "${lines[@]}" "pid_file = $R/run/other.pid"

start() { "$NEF" -c "$R/${1:-n}.conf" >"$R/start.out" 2>"$R/start.err"; RC=$?; }
daemons() { pgrep -f -x "$NEF -c $R/(n|other)\.conf" | sort | tr '\n' ' ' | sed 's/ $//'; }
pidof_file() { cat "$R/run/nef.pid" 2>/dev/null; }
inode() { stat -c %i "$SOCK" 2>/dev/null; }
watch_daemon() { local p; p=$(pidof_file); [ -n "$p" ] && pf_watch "pid $p $(pf_starttime "$p")"; }
# answers: the socket takes a milter connection (a real listener)
answers() {
	/usr/bin/python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX); s.settimeout(2); s.connect(sys.argv[1])' "$SOCK" 2>/dev/null
}
gone() { ! kill -0 "$1" 2>/dev/null; }

start
check_eq "the daemon starts" 0 "$RC"
watch_daemon
P1=$(pidof_file)
I1=$(inode)

# --- 1. a second start ---------------------------------------------------------
start
check_eq "a second start is refused with exit 3" 3 "$RC"
check_grep "it says one runs, with its pid" "error: nefmilter is already running \(pid $P1, pid file $R/run/nef\.pid\)" "$R/start.err"
start other
check_eq "a start with another pid file but the same socket: exit 3" 3 "$RC"
check_grep "it says the socket is held" "error: socket $SOCK is held by a running nefmilter" "$R/start.err"
check_eq "the first daemon is the only one" "$P1" "$(daemons)"
check_eq "its socket is the same file" "$I1" "$(inode)"
check "and answers" answers

# --- 2. after kill -9 ------------------------------------------------------------
kill -KILL "$P1"
wait_for 10 gone "$P1"
check "kill -9 left the socket file and the pid file" test -S "$SOCK" -a -s "$R/run/nef.pid"
start
check_eq "a start over them works" 0 "$RC"
watch_daemon
P2=$(pidof_file)
check "the pid file names the new daemon" test -n "$P2" -a "$P2" != "$P1"
check "its socket answers" answers

# --- 3. quick stop-and-starts under traffic ----------------------------------------
N=6
sender() {	# send N notices, each until the relay takes it
	local i tries
	PF_SEND_SEQ=1000 SM_SEND_SEQ=1000
	for i in $(seq 1 "$N"); do
		sed -e 's/lawfirm\.example/example.test/g' \
		    -e "s/^Message-Id:.*/Message-Id:<restart-$i@cand.uscourts.gov>/" \
		    "$DATA/nef/district.eml" >"$R/r$i.eml"
		for tries in $(seq 1 100); do
			mta_send "$COURT_FROM" docketing@example.test "$R/r$i.eml" && break
			sleep 0.2
		done
		echo "$i $MTA_LAST_RC" >>"$R/sent"
	done
}
: >"$R/sent"
sender &
SENDER=$!
refused=0
for round in 1 2 3; do
	sleep 0.5
	old=$(pidof_file)
	kill -TERM "$old"
	start		# at once, as a careless script would
	[ "$RC" = 3 ] && refused=$((refused + 1))
	[ "$RC" = 0 ] && watch_daemon
	wait_for 15 gone "$old"
	[ "$RC" = 0 ] || { start; watch_daemon; }
	check_eq "round $round: the start after the old daemon ended works" 0 "$RC"
	check "round $round: its socket answers" answers
done
check "a start right after SIGTERM was refused while the old daemon stopped" test "$refused" -ge 1
wait "$SENDER"
check_eq "every notice was taken by the relay" "$N" "$(awk '$2 == 0' "$R/sent" | wc -l)"
check "all were delivered" mta_wait_delivered docketing "$N" 60
for i in $(seq 1 "$N"); do
	files=$(mta_maildir_files docketing | xargs grep -l "^Message-Id:<restart-$i@" 2>/dev/null)
	n=$(printf '%s' "$files" | grep -c .)
	[ "$n" = 1 ] && grep -q '^X-NEF: .*trust=verified' $files && continue
	not_ok "notice $i: delivered $n times, or not processed"
	i=0
	break
done
[ "$i" != 0 ] && ok "each of the $N notices was delivered exactly once, processed"

# --- the end state ----------------------------------------------------------------
P=$(pidof_file)
check_eq "one daemon runs, the one the pid file names" "$P" "$(daemons)"
check "one socket, and it answers" answers
check_eq "no other socket file beside it" "nef.sock" "$(cd "$R/sock" && find . -type s -printf '%f\n')"

# --- 4. the last stop ----------------------------------------------------------------
kill -TERM "$P"
check "the daemon stops" wait_for 15 gone "$P"
check "its socket is gone" test ! -e "$SOCK"
check "its pid file is gone" test ! -e "$R/run/nef.pid"
grep -E "nefmilter\[[0-9]+\]: error" "$LOG" | grep -vE "error: (nefmilter is already running|socket $SOCK is held by a running nefmilter)" >"$R/errors"
check_eq "no nefmilter error in the maillog but the refused starts'" "" "$(cat "$R/errors")"
tap_done
