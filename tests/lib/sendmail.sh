# tests/lib/sendmail.sh: a private Sendmail 8.17 for tests (bash; source it
# after tests/lib/postfix.sh, whose pf_free_port, pf_spawn, pf_kill and
# watchdog it uses).
#
# The binary is the one "make deps" unpacks into SM_ROOT
# (mk/deps-sendmail.sh); Postfix stays installed.  The instance lives
# under one directory below /run (Sendmail refuses a milter socket under
# a world-writable directory such as /tmp) and runs in namespaces of its
# own (unshare -n -m -u): a network namespace with only its loopback up
# (nothing can leave the machine, and its ports collide with nobody's), a
# host name of its own with a private /etc/hosts (without a qualified
# name Sendmail waits 60 s at start-up), and a private /dev whose "log" is
# the socket of a datagram receiver (tests/lib/syslogd.py) that writes
# the maillog.  Mail for the test addresses goes through a prog mailer to
# one Maildir per recipient (as Postfix's virtual delivery writes them);
# mail for any other domain (a bounce to the court, say) lands in the
# Maildir "_outbound", and mail to local users (root) in Maildirs too.
# Must run as root.
#
# Settings (shell variables, read by sm_setup; [default]):
#   SM_ROOT             the unpacked packages [/opt/nefmilter-test/sendmail]
#   SM_USERS            local parts of the test addresses   [alice bob carol dave]
#   SM_DOMAIN           their domain, or several separated by blanks [example.test]
#   SM_MAILDIR_NAMES    user [default]: a Maildir is named after the local part;
#                       address: after the whole address (several domains)
#   SM_MILTER           the milter's socket in Sendmail's S= syntax
#                       ("unix:/abs/path"); empty for no milter
#   SM_MILTER_FLAGS     F= of INPUT_MAIL_FILTER [T: tempfail when the milter
#                       is unreachable]; empty for none (accept unfiltered)
#   SM_MILTER_TIMEOUTS  T= of INPUT_MAIL_FILTER; empty [] for Sendmail's
#                       defaults, C:5m;S:10s;R:10s;E:5m
#   SM_RUN_AS_USER      confRUN_AS_USER, e.g. mail:mail; empty [] runs as root
#   SM_SMTP_PORT        SMTP port inside the namespace       [a free port]
#   SM_QUEUE_RUN        the queue run interval (-q)          [30s]; empty: none
#   SM_MC_EXTRA         extra sendmail.mc lines, before the mailers
#   SM_GROUP_FILE       a group(5) file Sendmail sees as /etc/group (its
#                       mount namespace); empty []: the system's
#   SM_KEEP=1           sm_teardown leaves the directory in place
# Set by sm_setup: SM_DIR, SM_CF (the .cf), SM_MAILLOG.  Set by sm_start:
# SM_PID (the daemon).  Set by sm_send*: SM_LAST_RC, SM_LAST_QID,
# SM_LAST_LOG.
#
# Functions (status 0 = success unless said otherwise):
#   sm_available                 the unpacked Sendmail is there
#   sm_setup [DIR]               write the instance (DIR: a new mktemp -d under /run)
#   sm_write_mc                  print the sendmail.mc from the settings
#   sm_start / sm_stop           start (and wait until it listens) / stop by its pid
#   sm_start_log                 start only the log receiver (the maillog)
#   sm_restart                   sm_stop, then sm_start (same port, same queue)
#   sm_running                   the daemon is alive
#   sm_procs                     print the PIDs of live processes in its namespace
#   sm_in CMD...                 run CMD inside its network namespace
#   sm_cmd ARGS...               run the sendmail binary with the instance's .cf,
#                                inside its namespaces (the daemon must run)
#   sm_teardown                  stop it, remove SM_DIR (the watchdog does the
#                                same if the test shell dies without it)
#   sm_send FROM TO[,TO] FILE    send a whole RFC 5322 file with swaks, unchanged;
#                                returns swaks's status
#   sm_send_text FROM TO[,TO] SUBJECT BODY [SWAKS-ARGS...]
#   sm_maildir_files USER        print USER's message files, oldest first
#   sm_wait_delivered USER N SECS
#   sm_wait_log REGEX SECS       the maillog matches the extended regex
#   sm_queue_ids                 print the ids in the queue (quarantined ones too)
#   sm_hold_ids                  print the ids in the quarantine
#   sm_hold_reason QID           print the quarantine reason (the hf file's q line)
#   sm_queue_empty               nothing in the queue, quarantined or not
#   sm_release QID               release from the quarantine and deliver now
#   sm_qf QID                    print the queued message (headers and body)
#
# Facts this library relies on (Sendmail 8.17.1.9, observed):
#  * "sendmail -bd" forks; the pid file's first line is the daemon's pid,
#    the second its command line.  SIGTERM stops it.
#  * A milter socket under a world- or group-writable directory, sticky
#    bit or not (/tmp), is refused at start-up and Sendmail exits (71):
#    "Xnef: local socket name ... unsafe: World writable directory".  A
#    socket that does not exist yet only gives a warning.
#  * With Sendmail's default reply timeout (R=10s), a milter silent for
#    more than 10 s at end of message is given up ("timeout before data
#    read, where=eom") and, with F=T, the client gets 451 4.3.2.
#  * A quarantined message is an hf file: plain -bp does not list it,
#    "-bp -qQ" does, with the reason cut short; the whole reason is on the
#    q line of the hf file.
#  * Envelope recipients reach the milter in angle brackets.
#  The facts are checked by tests/sendmail/t-sendmail-facts.sh.

SM_ROOT=${SM_ROOT:-/opt/nefmilter-test/sendmail}
SM_DIR=${SM_DIR:-}
SM_CF=
SM_MAILLOG=
SM_PID=
SM_OWN_DIR=0
SM_LAST_RC=
SM_LAST_QID=
SM_LAST_LOG=
SM_SEND_SEQ=0
SM_LIBDIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

sm_err() { echo "sendmail.sh: $*" >&2; }

sm_available() { [ -x "$SM_ROOT/bin/sendmail" ] && [ -x "$SM_ROOT/usr/bin/m4" ]; }

# sm_cmd ARGS...: the binary with the instance's .cf, inside its
# namespaces (elsewhere Sendmail would wait 60 s for a qualified host name).
sm_cmd() {
	nsenter -t "$SM_PID" -n -m -u env \
	    LD_LIBRARY_PATH="$SM_ROOT/usr/lib/x86_64-linux-gnu" \
	    "$SM_ROOT/bin/sendmail" -C "$SM_CF" "$@"
}

sm_setup() {	# [DIR]
	local dir=${1:-}
	sm_available || { sm_err "no Sendmail under $SM_ROOT (make deps)"; return 1; }
	if [ -z "$dir" ]; then
		dir=$(mktemp -d /run/smh.XXXXXX) || return 1
		SM_OWN_DIR=1
	fi
	mkdir -p "$dir" && chmod 755 "$dir" || return 1
	SM_DIR=$(cd "$dir" && pwd)
	SM_CF=$SM_DIR/etc/sendmail.cf
	SM_MAILLOG=$SM_DIR/log/maillog
	: "${SM_USERS:=alice bob carol dave}"
	: "${SM_DOMAIN:=example.test}"
	: "${SM_MILTER:=}"
	: "${SM_MILTER_FLAGS=T}"
	: "${SM_MILTER_TIMEOUTS:=}"
	: "${SM_RUN_AS_USER:=}"
	[ -n "${SM_SMTP_PORT:-}" ] || SM_SMTP_PORT=$(pf_free_port) || return 1
	local runner=root
	[ -n "$SM_RUN_AS_USER" ] && runner=${SM_RUN_AS_USER%%:*}
	mkdir -p "$SM_DIR/etc" "$SM_DIR/queue" "$SM_DIR/mail" "$SM_DIR/log" \
	    "$SM_DIR/dev" "$SM_DIR/run" || return 1
	chmod 755 "$SM_DIR/etc" "$SM_DIR/log" "$SM_DIR/run"
	chmod 700 "$SM_DIR/queue"
	chown "$runner" "$SM_DIR/queue"
	chown mail:mail "$SM_DIR/mail"
	: >"$SM_MAILLOG"
	echo "127.0.0.1 smtest.harness.test smtest localhost" >"$SM_DIR/etc/hosts"
	echo "hosts files" >"$SM_DIR/etc/service.switch"
	: >"$SM_DIR/etc/local-host-names"
	local byaddr=0
	[ "${SM_MAILDIR_NAMES:-user}" = address ] && byaddr=1
	sed "s|@MAILROOT@|$SM_DIR/mail|; s|@BYADDR@|$byaddr|" >"$SM_DIR/etc/deliver.sh" <<'EOF'
#!/bin/sh
# deliver.sh USER DOMAIN: the message on standard input into the Maildir
# of USER (or of USER@DOMAIN).
set -e
u=$1
[ @BYADDR@ = 1 ] && [ -n "${2:-}" ] && u=$1@$2
u=$(printf %s "$u" | tr -c 'A-Za-z0-9._+@-' _)
d=@MAILROOT@/$u
umask 022
mkdir -p "$d/tmp" "$d/new" "$d/cur"
f=$(date +%s.%N).$$.smtest
cat >"$d/tmp/$f"
mv "$d/tmp/$f" "$d/new/$f"
EOF
	chmod 755 "$SM_DIR/etc/deliver.sh"
	sm_write_mc >"$SM_DIR/etc/sendmail.mc" || return 1
	"$SM_ROOT/usr/bin/m4" -D_CF_DIR_="$SM_ROOT/usr/share/sendmail/cf/" \
	    "$SM_ROOT/usr/share/sendmail/cf/m4/cf.m4" "$SM_DIR/etc/sendmail.mc" \
	    >"$SM_CF" 2>"$SM_DIR/log/m4.err" || { cat "$SM_DIR/log/m4.err" >&2; return 1; }
	chmod 644 "$SM_CF"
	[ "$SM_OWN_DIR" = 1 ] && [ "${SM_KEEP:-0}" != 1 ] && pf_watch "rmdir $SM_DIR"
	return 0
}

sm_write_mc() {
	local d=$SM_DIR q='`' e="'" milter=
	if [ -n "$SM_MILTER" ]; then
		milter="S=$SM_MILTER"
		[ -n "$SM_MILTER_FLAGS" ] && milter="$milter, F=$SM_MILTER_FLAGS"
		[ -n "$SM_MILTER_TIMEOUTS" ] && milter="$milter, T=$SM_MILTER_TIMEOUTS"
		milter="INPUT_MAIL_FILTER(${q}nef$e, $q$milter$e)dnl"
	fi
	cat <<EOF
divert(-1)
# A private Sendmail for nefmilter's tests: loopback only, Maildirs.
divert(0)dnl
OSTYPE(${q}linux$e)dnl
define(${q}confPID_FILE$e, ${q}$d/run/sendmail.pid$e)dnl
define(${q}QUEUE_DIR$e, ${q}$d/queue$e)dnl
define(${q}ALIAS_FILE$e, ${q}$e)dnl
define(${q}confCW_FILE$e, ${q}$d/etc/local-host-names$e)dnl
define(${q}confSERVICE_SWITCH_FILE$e, ${q}$d/etc/service.switch$e)dnl
define(${q}confHOSTS_FILE$e, ${q}$d/etc/hosts$e)dnl
define(${q}confDONT_PROBE_INTERFACES$e, ${q}True$e)dnl
define(${q}confDOMAIN_NAME$e, ${q}smtest.harness.test$e)dnl
define(${q}STATUS_FILE$e, ${q}$d/log/statistics$e)dnl
define(${q}confLOG_LEVEL$e, ${q}13$e)dnl
define(${q}confDELIVERY_MODE$e, ${q}background$e)dnl
define(${q}confTO_QUEUEWARN$e, ${q}1d$e)dnl
define(${q}LOCAL_MAILER_PATH$e, ${q}$d/etc/deliver.sh$e)dnl
define(${q}LOCAL_MAILER_ARGS$e, ${q}deliver.sh \$u$e)dnl
EOF
	[ -n "$SM_RUN_AS_USER" ] &&
	    echo "define(${q}confRUN_AS_USER$e, $q$SM_RUN_AS_USER$e)dnl"
	cat <<EOF
FEATURE(${q}no_default_msa$e)dnl
FEATURE(${q}nocanonify$e)dnl
FEATURE(${q}promiscuous_relay$e)dnl
FEATURE(${q}accept_unresolvable_domains$e)dnl
DAEMON_OPTIONS(${q}Port=$SM_SMTP_PORT, Addr=127.0.0.1, Name=MTA$e)dnl
$milter
EOF
	[ -n "${SM_MC_EXTRA:-}" ] && printf '%s\n' "$SM_MC_EXTRA"
	# The test domain goes to the Maildirs through a mailer of its own
	# (the local mailer would look each user up in passwd), run as user
	# mail; mail for every other domain to the Maildir "_outbound" (an
	# error mailer would refuse such senders too).
	printf 'MAILER(%slocal%s)dnl\nMAILER(%ssmtp%s)dnl\n' "$q" "$e" "$q" "$e"
	printf 'MAILER_DEFINITIONS\n'
	printf 'Mmaildir, P=%s/etc/deliver.sh, F=lsDFMPhnu, S=EnvFromL/HdrFromL, R=EnvToL/HdrToL, U=mail:mail, T=DNS/RFC822/X-Unix, A=deliver.sh $u $h\n' "$d"
	printf 'LOCAL_RULE_0\n'
	local dom
	for dom in $SM_DOMAIN; do
		printf 'R$+ < @ %s . >\t$#maildir $@ %s $: $1\n' "$dom" "$dom"
		printf 'R$+ < @ %s >\t$#maildir $@ %s $: $1\n' "$dom" "$dom"
	done
	printf 'R$* < @ $* > $*\t$#maildir $@ outbound $: _outbound\n'
	return 0
}

sm_pidfile_pid() {
	local f=$SM_DIR/run/sendmail.pid
	[ -s "$f" ] && head -n 1 "$f" | tr -dc 0-9
}

sm_running() {
	[ -n "$SM_PID" ] && kill -0 "$SM_PID" 2>/dev/null &&
	    [ "$(awk '{print $3}' "/proc/$SM_PID/stat" 2>/dev/null)" != Z ]
}

sm_in() { nsenter -t "$SM_PID" -n "$@"; }

# sm_procs: live processes in the instance's network namespace.
sm_procs() {
	[ -n "${SM_NETNS:-}" ] || return 0
	local d st
	for d in /proc/[0-9]*; do
		[ "$(readlink "$d/ns/net" 2>/dev/null)" = "$SM_NETNS" ] || continue
		st=$(awk '{print $3}' "$d/stat" 2>/dev/null)
		[ "$st" = Z ] || [ -z "$st" ] && continue
		echo "${d#/proc/}"
	done
}

# sm_start_log: start the log receiver alone (sm_start does it too), so
# that nefmilter can log into the maillog before Sendmail runs.
sm_start_log() {
	local log=$SM_DIR/log
	if [ -n "${SM_SYSLOG_PID:-}" ] && kill -0 "$SM_SYSLOG_PID" 2>/dev/null; then
		return 0
	fi
	rm -f "$log/syslog.ready"
	pf_spawn sm-syslogd /usr/bin/python3 "$SM_LIBDIR/syslogd.py" \
	    --socket "$log/dev-log" --log "$SM_MAILLOG" --raw "$log/raw" \
	    --host smtest --ready "$log/syslog.ready"
	SM_SYSLOG_PID=$PF_SPAWN_PID
	wait_for 10 test -e "$log/syslog.ready" ||
	    { sm_err "the log receiver does not start"; return 1; }
}

sm_start() {
	local log=$SM_DIR/log qopt=
	[ -n "${SM_QUEUE_RUN-30s}" ] && qopt=-q${SM_QUEUE_RUN-30s}
	sm_start_log || return 1
	rm -f "$SM_DIR/run/sendmail.pid"
	# In the new namespaces: loopback up, a host name, /etc/hosts, and a
	# /dev of its own whose log is the receiver's socket.
	cat >"$SM_DIR/run/ns-start.sh" <<EOF
set -e
mount --make-rprivate /
ip link set lo up
hostname smtest
mount --bind "$SM_DIR/etc/hosts" /etc/hosts
${SM_GROUP_FILE:+mount --bind "$SM_GROUP_FILE" /etc/group}
mount -t tmpfs -o mode=755,size=1m smtest-dev "$SM_DIR/dev"
for n in null zero full random urandom tty; do
	touch "$SM_DIR/dev/\$n"
	mount --bind "/dev/\$n" "$SM_DIR/dev/\$n"
done
touch "$SM_DIR/dev/log"
mount --bind "$log/dev-log" "$SM_DIR/dev/log"
mount --move "$SM_DIR/dev" /dev
export LD_LIBRARY_PATH="$SM_ROOT/usr/lib/x86_64-linux-gnu"
exec "$SM_ROOT/bin/sendmail" -C "$SM_CF" -bd $qopt
EOF
	if ! timeout 30 unshare -n -m -u bash "$SM_DIR/run/ns-start.sh" \
	    >"$log/start.out" 2>&1 </dev/null; then
		sm_err "sendmail did not start: $(tail -n 3 "$log/start.out")"
		return 1
	fi
	wait_for 10 test -s "$SM_DIR/run/sendmail.pid" ||
	    { sm_err "no pid file"; return 1; }
	SM_PID=$(sm_pidfile_pid)
	SM_NETNS=$(readlink "/proc/$SM_PID/ns/net")
	pf_watch "pid $SM_PID $(pf_starttime "$SM_PID")"
	pf_watch "netns $SM_NETNS"
	local end=$((SECONDS + 10))
	until [ -n "$(sm_in ss -Hltn "sport = :$SM_SMTP_PORT" 2>/dev/null)" ]; do
		[ $SECONDS -ge $end ] && { sm_err "sendmail does not listen"; return 1; }
		sleep 0.05
	done
}

sm_stop() {
	local pid left end
	[ -n "$SM_PID" ] || return 0
	kill -TERM "$SM_PID" 2>/dev/null
	end=$((SECONDS + 5))
	while left=$(sm_procs) && [ -n "$left" ]; do
		if [ $SECONDS -ge $end ]; then
			for pid in $left; do kill -9 "$pid" 2>/dev/null; done
			sleep 0.2
			break
		fi
		sleep 0.05
	done
	SM_PID=
	return 0
}

sm_restart() { sm_stop && sm_start; }

sm_teardown() {
	sm_stop
	if [ -n "${SM_SYSLOG_PID:-}" ]; then
		pf_kill "$SM_SYSLOG_PID"
		SM_SYSLOG_PID=
	fi
	if [ -n "$SM_DIR" ] && [ "${SM_KEEP:-0}" != 1 ] && [ "$SM_OWN_DIR" = 1 ]; then
		rm -rf "$SM_DIR"
		SM_DIR=
	fi
	return 0
}

sm_swaks() {	# SWAKS-ARGS...
	SM_SEND_SEQ=$((SM_SEND_SEQ + 1))
	SM_LAST_LOG=$SM_DIR/log/swaks.$SM_SEND_SEQ.log
	timeout 300 nsenter -t "$SM_PID" -n swaks --server 127.0.0.1 \
	    --port "$SM_SMTP_PORT" --helo client.harness.test "$@" >"$SM_LAST_LOG" 2>&1
	SM_LAST_RC=$?
	SM_LAST_QID=$(sed -n 's/.*<- *250 [0-9.]* *\([0-9A-Za-z]\{8,\}\) Message accepted.*/\1/p' \
	    "$SM_LAST_LOG" | tail -n 1)
	return "$SM_LAST_RC"
}

sm_send() {	# FROM TO[,TO] FILE
	local data=$SM_DIR/log/swaks-data.$((SM_SEND_SEQ + 1))
	pf_dot_data "$3" "$data" || return 1
	sm_swaks --from "$1" --to "$2" --data "@$data" --no-data-fixup
}

sm_send_text() {	# FROM TO[,TO] SUBJECT BODY [SWAKS-ARGS...]
	local from=$1 to=$2 subj=$3 body=$4
	shift 4
	sm_swaks --from "$from" --to "$to" --header "Subject: $subj" --body "$body" "$@"
}

sm_maildir_files() { pf_maildir_list "$SM_DIR/mail/$1"; }	# USER

sm_has_mail() { [ "$(sm_maildir_files "$1" | wc -l)" -ge "$2" ]; }	# USER N

sm_wait_delivered() { wait_for "$3" sm_has_mail "$1" "$2"; }	# USER N SECS

sm_wait_log() { wait_for "$2" grep -Eq -- "$1" "$SM_MAILLOG"; }	# REGEX SECS

# The queue: qf (queued) and hf (quarantined) files, named after the id.
sm_queue_ids() {
	find "$SM_DIR/queue" -maxdepth 1 -type f \( -name 'qf*' -o -name 'hf*' \) \
	    -printf '%f\n' 2>/dev/null | cut -c3- | sort -u
}

sm_hold_ids() {
	find "$SM_DIR/queue" -maxdepth 1 -type f -name 'hf*' -printf '%f\n' \
	    2>/dev/null | cut -c3- | sort -u
}

sm_hold_reason() {	# QID
	sed -n 's/^q//p' "$SM_DIR/queue/hf$1" 2>/dev/null
}

sm_queue_empty() { [ -z "$(sm_queue_ids)" ]; }

sm_release() {	# QID: out of the quarantine, then one delivery attempt
	sm_cmd -qQ -Q -qI"$1" >/dev/null 2>&1 || return 1
	[ -e "$SM_DIR/queue/qf$1" ] || return 1
	sm_cmd -qI"$1" >/dev/null 2>&1
}

sm_qf() {	# QID: the queued message, headers and body
	local f=$SM_DIR/queue/qf$1
	[ -e "$f" ] || f=$SM_DIR/queue/hf$1
	awk '/^H/ { h = 1; sub(/^H(\?[^?]*\?)?/, ""); print; next }
	    /^[ \t]/ && h { print; next } { h = 0 }' "$f" || return 1
	echo
	cat "$SM_DIR/queue/df$1"
}
