# tests/lib/postfix.sh: a private Postfix instance for tests (bash; source it
# after tests/lib/tap.sh, whose wait_for it uses).
#
# The instance lives under one directory and never touches /etc/postfix or
# the system spool.  Every command is run with "-c $PF_CONF".  SMTP listens on
# 127.0.0.1 on a port picked at run time; nothing can leave the machine
# (default/relay/local transports are error:), and mail for the test
# addresses is delivered to Maildirs (or discarded, for benchmarks).
# Must run as root (Postfix's master, and postqueue/postsuper with -c).
#
# Settings (shell variables, read by pf_setup; [default]):
#   PF_USERS            local parts of the test addresses   [alice bob carol dave]
#   PF_DOMAIN           their domain                         [example.test]
#   PF_MILTER           milter in Postfix syntax, empty for none: "inet:127.0.0.1:PORT"
#                       or "unix:/abs/path" (see pf_use_inet_milter/pf_use_unix_milter)
#   PF_DEFAULT_ACTION   milter_default_action                [tempfail]
#   PF_MILTER_CONNECT_TIMEOUT / _COMMAND_TIMEOUT / _CONTENT_TIMEOUT   [5s 10s 30s]
#   PF_DELIVERY         virtual (Maildirs) or discard        [virtual]
#   PF_SMTP_PORT        SMTP port                            [a free port]
#   PF_MAIN_EXTRA       extra main.cf lines, appended last (they override)
#   PF_MASTER_EXTRA     extra master.cf lines (e.g. more smtpd listeners with
#                       "-o smtpd_milters=...")
#   PF_KEEP=1           pf_teardown leaves the directory in place
#   PF_TERM_WAIT        seconds pf_kill waits after SIGTERM   [7]
# Set by pf_setup: PF_DIR (instance directory), PF_CONF (= $PF_DIR/etc),
# PF_SMTP_PORT.  Set by pf_send*: PF_LAST_RC, PF_LAST_QID, PF_LAST_LOG.
#
# Functions (status 0 = success unless said otherwise):
#   pf_free_port                 print a free TCP port on 127.0.0.1
#   pf_listening PORT            a socket listens on 127.0.0.1:PORT (ss, no connect)
#   pf_wait_listen PORT SECS     poll pf_listening
#   pf_use_inet_milter           pick a port: PF_MILTER (Postfix syntax) and
#                                PF_MILTER_SOCK (libmilter syntax "inet:PORT@127.0.0.1")
#   pf_use_unix_milter PATH      same for a unix socket
#   pf_wait_milter SECS          wait until PF_MILTER_SOCK accepts (ss or test -S)
#   pf_setup [DIR]               write the instance (DIR defaults to a new mktemp -d)
#   pf_write_main / pf_write_master   print main.cf / master.cf from the settings;
#                                to change a running instance: pf_write_main
#                                >"$PF_CONF/main.cf" && pf_reload
#   pf_start / pf_stop / pf_reload
#   pf_running                   the master process is alive
#   pf_master_pid                print the master's PID
#   pf_procs                     print the PIDs of live processes of this instance
#   pf_spawn NAME CMD...         start CMD in the background, output to
#                                $PF_DIR/log/NAME.log (before pf_setup: a temporary
#                                directory); PID in PF_SPAWN_PID; pf_teardown stops it.
#                                CMD must be the process itself (use exec in a bash -c),
#                                not a wrapper that leaves it behind when killed
#   pf_kill PID                  SIGTERM, wait at most PF_TERM_WAIT s, then SIGKILL
#   pf_teardown                  stop spawned processes and Postfix, remove PF_DIR;
#                                call it from "trap pf_teardown EXIT".  Should the
#                                shell die without it (SIGKILL), a watchdog started by
#                                pf_setup/pf_spawn does the same (see pf_watch)
#   pf_send FROM TO[,TO] FILE    send a whole RFC 5322 file with swaks, unchanged (the
#                                body arrives byte for byte); returns swaks's status
#                                (0 accepted, 23 error after MAIL FROM, 26 after DATA)
#   pf_sendmail_as USER FROM TO FILE
#                                submit FILE with Postfix's sendmail command, run
#                                as the unprivileged USER (local submission:
#                                postdrop, pickup, non_smtpd_milters); the queue
#                                id is in the maillog's pickup line (pf_pickup_qid)
#   pf_pickup_qid UID FROM SECS  print the queue id of the newest pickup line
#                                for that uid and sender
#   pf_send_text FROM TO[,TO] SUBJECT BODY [SWAKS-ARGS...]
#                                (another listener: PF_SMTP_PORT=PORT pf_send ...)
#   pf_wait_delivered USER N SECS   USER's Maildir holds at least N messages
#   pf_has_mail USER N           ... now
#   pf_maildir_files USER        print USER's message files, oldest first
#   pf_maildir_list DIR          the same for any Maildir
#   pf_dot_data FILE OUT         FILE as SMTP DATA for swaks (see pf_send)
#   pf_maillog                   print the path of the maillog
#   pf_wait_log REGEX SECS       the maillog matches the extended regex
#   pf_queue_ids / pf_hold_ids   print the ids in the queue / on hold
#   pf_queue_empty               the queue is empty (asks showq)
#   pf_spool_idle                no file in incoming/active/deferred/maildrop
#                                (cheap; for benchmarks)
#   pf_postcat QID               print the queue file (postcat -q)
#   pf_release QID               release from hold and deliver now
#   pf_body FILE                 print the body of a message file (after the first empty line)
#
# Facts this library relies on (Postfix 3.7, observed):
#  * postlogd writes maillog_file asynchronously: always poll (pf_wait_log).
#  * A TCP connect to smtpd opens a milter session: readiness is probed with
#    "ss -Hltn", never by connecting.
#  * chroot is "n" everywhere, so a unix: milter path is an ordinary path.
#  * Milter socket over unix: smtpd runs as user "postfix" and needs write
#    permission on the socket and search permission on every parent directory.
#    A socket created under root's umask 022 (mode 0755) gives "connect to
#    Milter service unix:...: Permission denied" and 451 4.7.1 for the client.
#    Mode 0660 with group postfix works; so does umask 0 (mode 0777).  Mode
#    0660 with group root is refused, and so is any socket in a 0700
#    directory.  smtpd's only group is postfix (/proc/PID/status Groups: the
#    postfix gid alone).
#  * postlogd (maillog_file) writes every datagram received on
#    $PF_DIR/spool/public/postlog verbatim plus a newline: no "<PRI>" parsing,
#    no timestamp or host added, cut at 4096 bytes, embedded newlines kept.
#    A line in the maillog's own form is "Mmm dd hh:mm:ss HOST PROG[PID]: TEXT"
#    (strftime "%b %d %H:%M:%S", HOST = first label of myhostname).  public/
#    is postfix:postdrop 0710: a non-root sender needs group postdrop.
#  * message_size_limit also bounds a body a milter replaced at end of
#    message: past it, cleanup logs "QID: queue file size limit exceeded",
#    the client gets "552 5.3.4 Error: message file too big" after the final
#    dot, nothing is queued, and the milter is not told.  The limit counts
#    the rewritten queue file (new content plus a few hundred bytes of
#    envelope records), not old plus new.
#  * A filter that reads headers or body must register xxfi_data: without it
#    every message waits about 42 ms (see tests/tools/floormilter.c, NOTES).
#  * After "postfix stop", the master's children are reparented and may show
#    as zombies for a few seconds; pf_procs ignores zombies.
#  The socket, postlog and size facts are checked by tests/e2e/t-postfix-facts.sh.

PF_PIDS=()
PF_DIR=${PF_DIR:-}
PF_CONF=${PF_CONF:-}
PF_OWN_DIR=0
PF_LAST_RC=
PF_LAST_QID=
PF_LAST_LOG=
PF_SEND_SEQ=0
PF_SPAWN_TMP=

pf_err() { echo "postfix.sh: $*" >&2; }

pf_free_port() {
	/usr/bin/python3 -c '
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

pf_listening() {
	[ -n "$(ss -Hltn "sport = :$1" 2>/dev/null)" ]
}

pf_wait_listen() {	# PORT SECS
	local end=$((SECONDS + $2))
	while ! pf_listening "$1"; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.05
	done
}

pf_use_inet_milter() {
	local port
	port=$(pf_free_port) || return 1
	PF_MILTER="inet:127.0.0.1:$port"
	PF_MILTER_SOCK="inet:$port@127.0.0.1"
	PF_MILTER_PORT=$port
}

pf_use_unix_milter() {	# PATH
	PF_MILTER="unix:$1"
	PF_MILTER_SOCK="unix:$1"
	PF_MILTER_PORT=
}

pf_wait_milter() {	# SECS
	local end=$((SECONDS + $1))
	while :; do
		case $PF_MILTER_SOCK in
		inet:*) pf_listening "$PF_MILTER_PORT" && return 0 ;;
		unix:*) [ -S "${PF_MILTER_SOCK#unix:}" ] && return 0 ;;
		*) pf_err "pf_wait_milter: no PF_MILTER_SOCK"; return 1 ;;
		esac
		[ $SECONDS -ge $end ] && return 1
		sleep 0.05
	done
}

# pf_setup [DIR]: write DIR/etc/{main.cf,master.cf,vmailbox} and the
# directories.  DIR and every parent must be searchable by the postfix
# user and by uid 65534 (virtual delivery).
pf_setup() {
	local dir=${1:-}
	if [ -z "$dir" ]; then
		dir=$(mktemp -d /tmp/pfh.XXXXXX) || return 1
		PF_OWN_DIR=1
	fi
	mkdir -p "$dir" || return 1
	chmod 755 "$dir"
	PF_DIR=$(cd "$dir" && pwd)
	PF_CONF=$PF_DIR/etc
	local p=$PF_DIR
	while [ "$p" != / ]; do
		p=$(dirname "$p")
		if [ $(( $(stat -c '%a' "$p" | sed 's/^/0/') & 1 )) -eq 0 ]; then
			pf_err "$p is not searchable by others: Postfix cannot work under $PF_DIR"
			return 1
		fi
	done
	: "${PF_USERS:=alice bob carol dave}"
	: "${PF_DOMAIN:=example.test}"
	: "${PF_DEFAULT_ACTION:=tempfail}"
	: "${PF_MILTER_CONNECT_TIMEOUT:=5s}"
	: "${PF_MILTER_COMMAND_TIMEOUT:=10s}"
	: "${PF_MILTER_CONTENT_TIMEOUT:=30s}"
	: "${PF_DELIVERY:=virtual}"
	: "${PF_MILTER:=}"
	if [ -z "${PF_SMTP_PORT:-}" ]; then
		PF_SMTP_PORT=$(pf_free_port) || return 1
	fi
	mkdir -p "$PF_CONF" "$PF_DIR/spool" "$PF_DIR/data" "$PF_DIR/mail" "$PF_DIR/log" || return 1
	chown root:root "$PF_DIR/spool"
	chmod 755 "$PF_DIR/spool" "$PF_DIR/log"
	chown 65534:65534 "$PF_DIR/mail"
	chown postfix "$PF_DIR/data"
	: >"$PF_DIR/log/maillog"
	local u
	: >"$PF_CONF/vmailbox"
	for u in $PF_USERS; do
		echo "$u@$PF_DOMAIN $u/" >>"$PF_CONF/vmailbox"
	done
	pf_write_main >"$PF_CONF/main.cf" || return 1
	pf_write_master >"$PF_CONF/master.cf" || return 1
	pf_watch "conf $PF_CONF"
	[ "$PF_OWN_DIR" = 1 ] && [ "${PF_KEEP:-0}" != 1 ] && pf_watch "rmdir $PF_DIR"
	return 0
}

pf_write_main() {
	local vt=virtual
	[ "$PF_DELIVERY" = discard ] && vt="discard:benchmark"
	cat <<EOF
compatibility_level = 3.6
queue_directory = $PF_DIR/spool
data_directory = $PF_DIR/data
maillog_file = $PF_DIR/log/maillog
maillog_file_prefixes = $PF_DIR/log
myhostname = mx.harness.test
mydomain = harness.test
myorigin = \$myhostname
mydestination =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
smtpd_peername_lookup = no
alias_maps =
alias_database =
biff = no
default_transport = error:5.7.1 test instance: outbound mail disabled
relay_transport = error:5.7.1 test instance: outbound mail disabled
local_transport = error:5.7.1 test instance: local delivery disabled
virtual_mailbox_domains = $PF_DOMAIN
virtual_mailbox_base = $PF_DIR/mail
virtual_mailbox_maps = texthash:$PF_CONF/vmailbox
virtual_uid_maps = static:65534
virtual_gid_maps = static:65534
virtual_transport = $vt
smtpd_milters = $PF_MILTER
non_smtpd_milters = \$smtpd_milters
milter_protocol = 6
milter_default_action = $PF_DEFAULT_ACTION
milter_connect_timeout = $PF_MILTER_CONNECT_TIMEOUT
milter_command_timeout = $PF_MILTER_COMMAND_TIMEOUT
milter_content_timeout = $PF_MILTER_CONTENT_TIMEOUT
EOF
	[ -n "${PF_MAIN_EXTRA:-}" ] && printf '%s\n' "$PF_MAIN_EXTRA"
	return 0
}

pf_write_master() {
	cat <<EOF
127.0.0.1:$PF_SMTP_PORT inet n - n - - smtpd
pickup     unix  n - n 60  1 pickup
cleanup    unix  n - n -   0 cleanup
qmgr       unix  n - n 300 1 qmgr
rewrite    unix  - - n -   - trivial-rewrite
bounce     unix  - - n -   0 bounce
defer      unix  - - n -   0 bounce
trace      unix  - - n -   0 bounce
verify     unix  - - n -   1 verify
flush      unix  n - n 1000? 0 flush
proxymap   unix  - - n -   - proxymap
proxywrite unix  - - n -   1 proxymap
showq      unix  n - n -   - showq
error      unix  - - n -   - error
retry      unix  - - n -   - error
discard    unix  - - n -   - discard
virtual    unix  - n n -   - virtual
anvil      unix  - - n -   1 anvil
scache     unix  - - n -   1 scache
postlog    unix-dgram n - n - 1 postlogd
EOF
	[ -n "${PF_MASTER_EXTRA:-}" ] && printf '%s\n' "$PF_MASTER_EXTRA"
	return 0
}

pf_master_pid() {
	local f=$PF_DIR/spool/pid/master.pid pid
	[ -f "$f" ] || return 1
	pid=$(tr -dc 0-9 <"$f")
	[ -n "$pid" ] && echo "$pid"
}

pf_running() {
	local pid
	pid=$(pf_master_pid) || return 1
	kill -0 "$pid" 2>/dev/null
}

# pf_procs: live (non-zombie) processes whose environment carries this
# instance's MAIL_CONFIG (the master and every daemon it starts).
pf_procs() {
	[ -n "$PF_CONF" ] || return 0
	local d pid st
	for d in /proc/[0-9]*; do
		pid=${d#/proc/}
		tr '\0' '\n' 2>/dev/null <"$d/environ" | grep -qxF "MAIL_CONFIG=$PF_CONF" || continue
		st=$(awk '{print $3}' "$d/stat" 2>/dev/null)
		[ "$st" = Z ] || [ -z "$st" ] && continue
		echo "$pid"
	done
}

pf_start() {
	local out
	if ! out=$(MAIL_CONFIG=$PF_CONF timeout 60 postfix -c "$PF_CONF" start 2>&1); then
		pf_err "postfix start failed: $out"
		tail -n 5 "$PF_DIR/log/maillog" >&2
		return 1
	fi
	if ! pf_wait_listen "$PF_SMTP_PORT" 10; then
		pf_err "smtpd does not listen on 127.0.0.1:$PF_SMTP_PORT"
		tail -n 5 "$PF_DIR/log/maillog" >&2
		return 1
	fi
}

# pf_stop: bounded and tolerant.  "postfix stop" waits at most 5 s and then
# kills the master's process group; whatever of this instance is still
# alive after that is killed by PID.
pf_stop() {
	[ -n "$PF_CONF" ] && [ -f "$PF_CONF/main.cf" ] || return 0
	if pf_running; then
		MAIL_CONFIG=$PF_CONF timeout 20 postfix -c "$PF_CONF" stop >/dev/null 2>&1
	fi
	local end=$((SECONDS + 5)) left pid
	while left=$(pf_procs) && [ -n "$left" ]; do
		if [ $SECONDS -ge $end ]; then
			for pid in $left; do kill -9 "$pid" 2>/dev/null; done
			sleep 0.2
			break
		fi
		sleep 0.1
	done
	return 0
}

pf_reload() {
	local n
	n=$(grep -c 'reload -- version' "$PF_DIR/log/maillog")
	MAIL_CONFIG=$PF_CONF postfix -c "$PF_CONF" reload >/dev/null 2>&1 || return 1
	local end=$((SECONDS + 10))
	while [ "$(grep -c 'reload -- version' "$PF_DIR/log/maillog")" -le "$n" ]; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.1
	done
}

# The watchdog: a detached process (its own session) that waits for the
# test's shell ($$) to end.  If that shell dies without running
# pf_teardown (killed with SIGKILL, for instance), the watchdog stops what
# the shell had started: the spawned processes (checked by start time, so a
# reused PID is never hit), the Postfix instance, and the directory.
# pf_teardown ends the watchdog first.  What it must clean is listed in the
# file $PF_WATCH_FILE ("pid PID STARTTIME", "conf DIR", "rmdir DIR", and
# "netns net:[INODE]": every process in that network namespace, for
# tests/lib/sendmail.sh).
PF_WATCH_PID=
PF_WATCH_FILE=

pf_starttime() {	# PID: field 22 of /proc/PID/stat (after the command name)
	sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $20}'
}

pf_watch() {	# LINE: start the watchdog if needed and record LINE
	if [ -z "$PF_WATCH_PID" ] || ! kill -0 "$PF_WATCH_PID" 2>/dev/null; then
		PF_WATCH_FILE=$(mktemp /tmp/pfh-watch.XXXXXX) || return 1
		setsid bash -c '
owner=$1 file=$2
while kill -0 "$owner" 2>/dev/null; do sleep 1; done
pids=() conf= rmdirs=() netns=()
while read -r kind a b; do
	case $kind in
	pid) [ -n "$a" ] && [ "$(sed "s/.*) //" "/proc/$a/stat" 2>/dev/null | awk "{print \$20}")" = "$b" ] &&
	    pids+=("$a") ;;
	conf) conf=$a ;;
	rmdir) rmdirs+=("$a") ;;
	netns) netns+=("$a") ;;
	esac
done <"$file"
for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null; done
[ -n "$conf" ] && [ -f "$conf/main.cf" ] &&
    MAIL_CONFIG=$conf timeout 20 postfix -c "$conf" stop >/dev/null 2>&1
sleep 1
for p in "${pids[@]}"; do kill -KILL "$p" 2>/dev/null; done
if [ -n "$conf" ]; then
	for d in /proc/[0-9]*; do
		tr "\0" "\n" 2>/dev/null <"$d/environ" | grep -qxF "MAIL_CONFIG=$conf" &&
		    kill -KILL "${d#/proc/}" 2>/dev/null
	done
fi
for n in "${netns[@]}"; do
	for d in /proc/[0-9]*; do
		[ "$(readlink "$d/ns/net" 2>/dev/null)" = "$n" ] && kill -KILL "${d#/proc/}" 2>/dev/null
	done
done
for r in "${rmdirs[@]}"; do rm -rf "$r"; done
rm -f "$file"' pf-watchdog "$$" "$PF_WATCH_FILE" </dev/null >/dev/null 2>&1 &
		PF_WATCH_PID=$!
	fi
	echo "$1" >>"$PF_WATCH_FILE"
}

pf_unwatch() {	# end the watchdog without letting it clean anything
	if [ -n "$PF_WATCH_PID" ]; then
		kill -TERM "$PF_WATCH_PID" 2>/dev/null
		wait "$PF_WATCH_PID" 2>/dev/null
	fi
	[ -n "$PF_WATCH_FILE" ] && rm -f "$PF_WATCH_FILE"
	PF_WATCH_PID= PF_WATCH_FILE=
}

pf_spawn() {	# NAME CMD...
	local name=$1; shift
	local logdir=${PF_DIR:+$PF_DIR/log}
	if [ -z "$logdir" ] || [ ! -d "$logdir" ]; then
		# no instance: logs go to a directory pf_teardown removes
		[ -n "$PF_SPAWN_TMP" ] || PF_SPAWN_TMP=$(mktemp -d /tmp/pfh-spawn.XXXXXX) || return 1
		logdir=$PF_SPAWN_TMP
	fi
	local log=$logdir/$name.log
	"$@" >"$log" 2>&1 &
	PF_SPAWN_PID=$!
	PF_PIDS+=("$PF_SPAWN_PID")
	[ -n "$PF_SPAWN_TMP" ] && [ "$logdir" = "$PF_SPAWN_TMP" ] &&
	    pf_watch "rmdir $PF_SPAWN_TMP"
	pf_watch "pid $PF_SPAWN_PID $(pf_starttime "$PF_SPAWN_PID")"
}

pf_kill() {	# PID
	local pid=$1 end=$((SECONDS + ${PF_TERM_WAIT:-7}))
	kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null; return 0; }
	kill -TERM "$pid" 2>/dev/null
	while kill -0 "$pid" 2>/dev/null; do
		# a child of this shell that exited stays as a zombie until waited
		[ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" = Z ] && break
		if [ $SECONDS -ge $end ]; then
			kill -KILL "$pid" 2>/dev/null
			break
		fi
		sleep 0.05
	done
	wait "$pid" 2>/dev/null
	return 0
}

pf_teardown() {
	local pid
	pf_unwatch
	for pid in "${PF_PIDS[@]}"; do pf_kill "$pid"; done
	PF_PIDS=()
	pf_stop
	[ -n "$PF_SPAWN_TMP" ] && rm -rf "$PF_SPAWN_TMP" && PF_SPAWN_TMP=
	if [ -n "$PF_DIR" ] && [ "${PF_KEEP:-0}" != 1 ] && [ "$PF_OWN_DIR" = 1 ]; then
		rm -rf "$PF_DIR"
	fi
	return 0
}

pf_swaks() {	# SWAKS-ARGS...: run swaks against the instance, set PF_LAST_*
	PF_SEND_SEQ=$((PF_SEND_SEQ + 1))
	PF_LAST_LOG=$PF_DIR/log/swaks.$PF_SEND_SEQ.log
	timeout 120 swaks --server 127.0.0.1 --port "$PF_SMTP_PORT" \
	    --helo client.harness.test "$@" >"$PF_LAST_LOG" 2>&1
	PF_LAST_RC=$?
	PF_LAST_QID=$(sed -n 's/.*<- *250 .*queued as \([0-9A-Za-z]*\).*/\1/p' "$PF_LAST_LOG" | tail -n 1)
	return "$PF_LAST_RC"
}

# pf_dot_data FILE OUT: FILE as the DATA of an SMTP session, for swaks
# --data @OUT --no-data-fixup, so that it goes out unchanged.  swaks's own
# DATA handling would replace %TOKENS%, drop a leading "From " line and add
# an empty line at the end, so the file is converted here (CRLF line
# ends, dot-stuffing, final dot).  Also used by tests/lib/sendmail.sh.
pf_dot_data() {
	[ -r "$1" ] || { pf_err "cannot read $1"; return 1; }
	perl -pe 's/\r?\n\z//; s/^\./../; $_ .= "\r\n"' "$1" >"$2" || return 1
	printf '.' >>"$2"
}

pf_send() {	# FROM TO[,TO] FILE
	local data=$PF_DIR/log/swaks-data.$((PF_SEND_SEQ + 1))
	pf_dot_data "$3" "$data" || return 1
	pf_swaks --from "$1" --to "$2" --data "@$data" --no-data-fixup
}

# Postfix's set-group-id postdrop takes another configuration directory
# from root only, so the command runs in a mount namespace of its own in
# which /etc/postfix holds this instance's main.cf and master.cf.
pf_sendmail_as() {	# USER FROM TO FILE
	local e rc
	e=$(mktemp -d /tmp/pfh-etc.XXXXXX) || return 1
	cp -a /etc/postfix/. "$e/" && cp "$PF_CONF/main.cf" "$PF_CONF/master.cf" "$e/" &&
	    chmod 755 "$e" || { rm -rf "$e"; return 1; }
	unshare -m sh -c 'mount --bind "$1" /etc/postfix &&
	    exec setpriv --reuid="$2" --regid="$(id -g "$2")" --clear-groups \
	    /usr/sbin/sendmail -f "$3" "$4"' pf-sendmail "$e" "$1" "$2" "$3" <"$4"
	rc=$?
	rm -rf "$e"
	return $rc
}

pf_pickup_qid() {	# UID FROM SECS
	local re="postfix/pickup\[[0-9]+\]: ([0-9A-F]+): uid=$1 from=<$2>"
	pf_wait_log "$re" "$3" || return 1
	sed -nE "s|.*$re.*|\1|p" "$PF_DIR/log/maillog" | tail -n 1
}

pf_send_text() {	# FROM TO[,TO] SUBJECT BODY [SWAKS-ARGS...]
	local from=$1 to=$2 subj=$3 body=$4
	shift 4
	pf_swaks --from "$from" --to "$to" --header "Subject: $subj" --body "$body" "$@"
}

# pf_maildir_list DIR: the message files of the Maildir DIR in delivery
# order: by modification time (sub-second), then by name.  Also used by
# tests/lib/sendmail.sh.
pf_maildir_list() {
	[ -d "$1" ] || return 0
	find "$1/new" "$1/cur" -type f -printf '%T@ %f %p\n' 2>/dev/null |
	    sort -k1,1n -k2,2 | cut -d' ' -f3-
}

pf_maildir_files() { pf_maildir_list "$PF_DIR/mail/$1"; }	# USER

pf_has_mail() { [ "$(pf_maildir_files "$1" | wc -l)" -ge "$2" ]; }	# USER N

pf_wait_delivered() { wait_for "$3" pf_has_mail "$1" "$2"; }	# USER N SECS

pf_maillog() { echo "$PF_DIR/log/maillog"; }

pf_wait_log() {	# REGEX SECS
	local end=$((SECONDS + $2))
	while ! grep -Eq -- "$1" "$PF_DIR/log/maillog" 2>/dev/null; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.1
	done
}

pf_postqueue() { MAIL_CONFIG=$PF_CONF postqueue -c "$PF_CONF" "$@"; }

pf_queue_ids() {
	pf_postqueue -p 2>/dev/null | sed -n 's/^\([0-9A-Za-z]\{6,\}\)[*!]\{0,1\} .*/\1/p'
}

pf_hold_ids() {
	pf_postqueue -p 2>/dev/null | sed -n 's/^\([0-9A-Za-z]\{6,\}\)! .*/\1/p'
}

pf_queue_empty() {
	[ -z "$(pf_queue_ids)" ]
}

pf_spool_idle() {
	[ -z "$(find "$PF_DIR/spool/incoming" "$PF_DIR/spool/active" \
	    "$PF_DIR/spool/deferred" "$PF_DIR/spool/maildrop" -type f 2>/dev/null | head -n 1)" ]
}

pf_postcat() {	# QID
	MAIL_CONFIG=$PF_CONF postcat -c "$PF_CONF" -q "$1"
}

pf_release() {	# QID
	MAIL_CONFIG=$PF_CONF postsuper -c "$PF_CONF" -H "$1" 2>/dev/null || return 1
	pf_postqueue -i "$1"
}

pf_body() {	# FILE
	sed '1,/^\r\{0,1\}$/d' "$1"
}
