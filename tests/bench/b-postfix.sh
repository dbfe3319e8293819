#!/usr/bin/env bash
# b-postfix: Postfix throughput for ordinary (non-notice) mail, with and
# without a milter, on a private instance (tests/lib/postfix.sh).
#
# One Postfix instance; its smtpd listeners differ only in smtpd_milters:
#   (a) no milter
#   (b) floormilter accepting at MAIL FROM: the floor any milter can reach
#   (c) the milter under test, ordinary mail: by default nefmilter itself
#       (this build's nefmilter -f -c CONF -p %SOCKET%, with a config in a
#       temp dir: user = postfix, state_dir there, log lines into Postfix's
#       maillog).  The sender is outside the firm's and the courts' domains,
#       so nefmilter accepts at MAIL FROM like the floor.
#   (d) nefmilter again, with a sender in the firm's domain: with
#       inspect_forwards (the default) it reads on to the end of the
#       headers to see whether the message is a forwarded notice;
#   (e) floormilter accepting at end of headers, the floor for (d).
#   (f) nefmilter handed only the mail of listed clients, as INSTALL
#       describes (smtpd_milters empty, smtpd_milter_maps = cidr: naming
#       the courts' gateway 127.0.0.2 and the firm's clients 10.0.0.0/8):
#       ordinary mail from 127.0.0.1, which the map does not list, never
#       reaches the milter; its ratio to (a) shows it runs at the
#       no-milter rate (kept >= 0.98).
# (d) and (e) are information only (no target); BENCH_EOH=0 leaves them out.
# $BENCH_MILTER_CMD replaces the default command of (c) (then (d) and (e)
# are left out); %SOCKET% in it is replaced by the libmilter socket.
#
# Milter sockets: unix sockets (mode 0660, group postfix) for every milter,
# the cheaper transport, which nefmilter is meant to be run on.  The floor
# is measured on the same transport, like with like.  BENCH_SOCKET=inet
# puts every milter on 127.0.0.1 TCP instead (for a milter under test that
# cannot create a socket smtpd may open).
#
# Each repetition measures every configuration once, in a rotated order
# (interleaved), so each ratio is taken within one repetition (paired) and
# the medians over the repetitions are reported.  smtp-source sends with
# 20 parallel sessions and a new connection per message; mail is delivered
# to discard:.  milter_default_action is tempfail, so a milter that does
# not answer makes smtp-source fail instead of inflating the numbers.
#
# Printed: messages/s for each configuration; ratio (b)/(a); ratio (c)/(b),
# which the project keeps >= 0.98; the latency per message at concurrency 1
# for each, and the latency (c) adds over (a), which must stay < 0.5 ms.
# Each paired value comes with its interquartile range over the
# repetitions; a target counts as missed ("FAIL") only when the whole range
# misses it, since other load on a 2-core machine moves single runs by 20%
# or more.  The CPU time the milter under test spent per message (from
# /proc/PID/stat) is printed too.
#
# Settings: BENCH_REPS [15], BENCH_MSGS per throughput run [1000],
# BENCH_SESSIONS [20], BENCH_LAT_MSGS per latency run [200],
# BENCH_MSG_SIZE body bytes [5000], BENCH_MAIN_EXTRA more main.cf lines,
# BENCH_SOCKET [unix] or inet, BENCH_EOH [1], BUILD [build].
. "$(dirname "$0")/common.sh"

REPS=${BENCH_REPS:-15}
MSGS=${BENCH_MSGS:-1000}
SESSIONS=${BENCH_SESSIONS:-20}
LAT_MSGS=${BENCH_LAT_MSGS:-200}
SIZE=${BENCH_MSG_SIZE:-5000}
SOCKET_KIND=${BENCH_SOCKET:-unix}
FLOOR=$TOP/$BUILD/tools/floormilter
OUTSIDE=alice@outside.test	# neither a court's nor the firm's domain
FIRM=alice@example.test		# the firm's domain (firm_domains below)


if [ "$(id -u)" -ne 0 ] || ! command -v smtp-source >/dev/null || ! command -v postfix >/dev/null; then
	note "skipped: needs root, postfix and smtp-source (make deps)"
	exit 0
fi
if [ ! -x "$FLOOR" ]; then
	note "skipped: $FLOOR is missing (make tools)"
	exit 0
fi
case $SOCKET_KIND in unix|inet) ;; *) note "BENCH_SOCKET must be unix or inet"; exit 2 ;; esac
EOH=${BENCH_EOH:-1}
if [ -n "${BENCH_MILTER_CMD:-}" ]; then
	MILTER_CMD=$BENCH_MILTER_CMD
	EOH=0
elif [ -x "$NEF" ]; then
	MILTER_CMD="$NEF -f -c %CONF% -p %SOCKET%"
else
	MILTER_CMD=
	EOH=0
	note "(c) skipped: $NEF is missing (make all) and BENCH_MILTER_CMD is unset"
fi

RUN=$(mktemp -d /tmp/b-postfix.XXXXXX) || exit 1
chmod 755 "$RUN"
trap 'pf_teardown; rm -rf "$RUN"' EXIT

# msock NAME: "POSTFIX-SYNTAX LIBMILTER-SYNTAX" for a new milter socket
msock() {
	local port
	if [ "$SOCKET_KIND" = unix ]; then
		echo "unix:$RUN/$1.sock unix:$RUN/$1.sock"
	else
		port=$(pf_free_port) || return 1
		echo "inet:127.0.0.1:$port inet:$port@127.0.0.1"
	fi
}
read -r PFS_B MS_B <<<"$(msock floor)"
read -r PFS_C MS_C <<<"$(msock milter)"
read -r PFS_E MS_E <<<"$(msock flooreoh)"
PORT_A=$(pf_free_port) PORT_B=$(pf_free_port) PORT_C=$(pf_free_port) PORT_E=$(pf_free_port)
PORT_F=$(pf_free_port)
printf '%s\n' "# the courts' gateway and the firm's own clients" \
    "127.0.0.2/32 $PFS_C" "10.0.0.0/8 $PFS_C" >"$RUN/milter_clients.cidr"
PF_DELIVERY=discard
PF_DEFAULT_ACTION=tempfail
# Postfix's inflow control (in_flow_delay, 1 s) pauses smtpd when qmgr lags
# behind; with 20 sessions on 2 cores this adds stalls of up to a second at
# random, which spread the paired ratio floor/no-milter over 0.46-1.49 in
# one run, against 0.73-0.95 without it.  It is turned off so that the
# numbers measure the milter, not the flow control.
PF_MAIN_EXTRA="in_flow_delay = 0
${BENCH_MAIN_EXTRA:-}"
PF_MASTER_EXTRA="127.0.0.1:$PORT_A inet n - n - - smtpd -o smtpd_milters=
127.0.0.1:$PORT_B inet n - n - - smtpd -o smtpd_milters=$PFS_B
127.0.0.1:$PORT_C inet n - n - - smtpd -o smtpd_milters=$PFS_C
127.0.0.1:$PORT_E inet n - n - - smtpd -o smtpd_milters=$PFS_E
127.0.0.1:$PORT_F inet n - n - - smtpd -o smtpd_milters= -o smtpd_milter_maps=cidr:$RUN/milter_clients.cidr"
pf_setup >/dev/null || { note "FAIL: cannot set up Postfix"; exit 1; }
pf_start || { note "FAIL: Postfix does not start"; exit 1; }

# milter_up SOCKET PID: wait (10 s) until the milter listens on SOCKET
milter_up() {
	local i
	for i in $(seq 1 100); do
		case $1 in
		unix:*) [ -S "${1#unix:}" ] && return 0 ;;
		inet:*) i=${1#inet:}; pf_listening "${i%@*}" && return 0 ;;
		esac
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

# floormilter: unix sockets get the mode and group nefmilter gives its own
floor_args=()
[ "$SOCKET_KIND" = unix ] && floor_args=(-M 660 -G postfix)
pf_spawn floormilter "$FLOOR" -q -m mailfrom "${floor_args[@]}" -p "$MS_B"
FLOOR_PID=$PF_SPAWN_PID
if ! milter_up "$MS_B" "$PF_SPAWN_PID"; then
	note "FAIL: floormilter does not listen"; cat "$PF_DIR/log/floormilter.log"; exit 1
fi
if [ "$EOH" = 1 ]; then
	pf_spawn flooreoh "$FLOOR" -q -m eoh "${floor_args[@]}" -p "$MS_E"
	if ! milter_up "$MS_E" "$PF_SPAWN_PID"; then
		note "FAIL: floormilter -m eoh does not listen"; cat "$PF_DIR/log/flooreoh.log"; exit 1
	fi
fi

CONFIGS="a b"
MILTER_PID=
if [ -n "$MILTER_CMD" ]; then
	cat >"$RUN/nef.conf" <<EOF
state_dir = $RUN/state
user = postfix
pid_file =
trusted_clients = 127.0.0.1
trust_local_mail = yes
firm_domains = example.test
log_socket = $PF_DIR/spool/public/postlog
EOF
	cmd=${MILTER_CMD//%SOCKET%/$MS_C}
	cmd=${cmd//%CONF%/$RUN/nef.conf}
	pf_spawn milter bash -c "exec $cmd"
	MILTER_PID=$PF_SPAWN_PID
	if milter_up "$MS_C" "$MILTER_PID"; then
		CONFIGS="a b c f"
		[ "$EOH" = 1 ] && CONFIGS="a b c d e f"
		note "(c) milter under test: $cmd"
	else
		note "(c) skipped: '$cmd' did not listen on the socket within 10 s (no daemon mode?):"
		tail -n 3 "$PF_DIR/log/milter.log" | sed 's/^/    /'
	fi
fi
note "milters on $SOCKET_KIND sockets; $SESSIONS sessions, $MSGS messages of $SIZE bytes per run, $REPS repetitions"

port_of() { case $1 in a) echo "$PORT_A" ;; b) echo "$PORT_B" ;; c|d) echo "$PORT_C" ;; e) echo "$PORT_E" ;; f) echo "$PORT_F" ;; esac; }
from_of() { case $1 in d|e) echo "$FIRM" ;; *) echo "$OUTSIDE" ;; esac; }

# cpu PID: user+system clock ticks of the process (all its threads)
cpu() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}'; }

# run CONFIG SESSIONS COUNT: print the elapsed microseconds, or fail.
run() {
	local port t0 t1 end
	port=$(port_of "$1")
	t0=$(date +%s%N)
	if ! smtp-source -s "$2" -m "$3" -l "$SIZE" -M client.harness.test \
	    -f "$(from_of "$1")" -t bob@example.test "127.0.0.1:$port" \
	    >"$PF_DIR/log/smtp-source.log" 2>&1; then
		note "FAIL: smtp-source against ($1): $(tail -n 1 "$PF_DIR/log/smtp-source.log")" >&2
		return 1
	fi
	t1=$(date +%s%N)
	# let the queue drain so that one run does not slow the next
	end=$((SECONDS + 60))
	while ! pf_spool_idle && [ $SECONDS -lt $end ]; do sleep 0.05; done
	echo $(((t1 - t0) / 1000))
}

has() { case " $CONFIGS " in *" $1 "*) return 0 ;; esac; return 1; }

# warm-up: start the smtpd processes and fill caches; not measured
for c in $CONFIGS; do run "$c" 4 40 >/dev/null || exit 1; done

declare -A tput lat
cpu_ticks=0 cpu_msgs=0 floor_ticks=0 floor_msgs=0
for ((r = 0; r < REPS; r++)); do
	order=$(rot "$r" $CONFIGS | tr -d '\n')
	for c in $(rot "$r" $CONFIGS); do
		[ "$c" = b ] && f0=$(cpu "$FLOOR_PID")
		[ "$c" = c ] && t0=$(cpu "$MILTER_PID")
		us=$(run "$c" "$SESSIONS" "$MSGS") || exit 1
		tput[$c,$r]=$(awk -v n="$MSGS" -v us="$us" 'BEGIN {printf "%.1f", n * 1e6 / us}')
		us=$(run "$c" 1 "$LAT_MSGS") || exit 1
		lat[$c,$r]=$(awk -v n="$LAT_MSGS" -v us="$us" 'BEGIN {printf "%.3f", us / n / 1000}')
		if [ "$c" = b ]; then
			floor_ticks=$((floor_ticks + $(cpu "$FLOOR_PID") - f0))
			floor_msgs=$((floor_msgs + MSGS + LAT_MSGS))
		fi
		if [ "$c" = c ]; then
			cpu_ticks=$((cpu_ticks + $(cpu "$MILTER_PID") - t0))
			cpu_msgs=$((cpu_msgs + MSGS + LAT_MSGS))
		fi
	done
	line="rep $((r + 1)) ($order):"
	for c in $CONFIGS; do line="$line $c=${tput[$c,$r]}"; done
	line="$line msg/s;"
	for c in $CONFIGS; do line="$line $c=${lat[$c,$r]}"; done
	line="$line ms/msg; b/a=$(awk -v x="${tput[b,$r]}" -v y="${tput[a,$r]}" 'BEGIN {printf "%.3f", x / y}')"
	has c && line="$line c/b=$(awk -v x="${tput[c,$r]}" -v y="${tput[b,$r]}" 'BEGIN {printf "%.3f", x / y}')"
	has d && line="$line d/e=$(awk -v x="${tput[d,$r]}" -v y="${tput[e,$r]}" 'BEGIN {printf "%.3f", x / y}')"
	echo "$line"
done

desc_a="no milter"
desc_b="floor, MAIL FROM"
desc_c="milter under test"
desc_d="nefmilter, firm sender"
desc_e="floor, end of headers"
desc_f="nefmilter by smtpd_milter_maps"
[ -z "${BENCH_MILTER_CMD:-}" ] && desc_c="nefmilter"
for c in $CONFIGS; do
	eval "d=\$desc_$c"
	bench "postfix ($c) $d, $SESSIONS sess." "$(col tput "$c" | median)" "msg/s"
done
bench "postfix ratio floor/no milter ($SOCKET_KIND sockets)" "$(paired ratio tput b a | median)" \
    "ratio (IQR $(paired ratio tput b a | iqr), $REPS reps)"
if has c; then
	rc=$(paired ratio tput c b | median)
	bench "postfix ratio (c)/floor ($SOCKET_KIND sockets)" "$rc" \
	    "$(floor_verdict "$rc" "$(paired ratio tput c b | iqr)")"
fi
if has f; then
	rf=$(paired ratio tput f a | median)
	q=$(paired ratio tput f a | iqr)
	verdict="ratio (keep >= 0.98; IQR $q)"
	if awk -v x="${q#*..}" 'BEGIN {exit !(x < 0.98)}'; then
		verdict="FAIL: below 0.98 (IQR $q)"
	fi
	bench "postfix ratio (f) milter maps/no milter, ordinary mail" "$rf" "$verdict"
fi
if has d; then
	bench "postfix ratio (d)/(e) firm sender/floor at EOH" "$(paired ratio tput d e | median)" \
	    "ratio, information (IQR $(paired ratio tput d e | iqr))"
fi
for c in $CONFIGS; do
	eval "d=\$desc_$c"
	bench "postfix latency ($c) $d, 1 sess." "$(col lat "$c" | median)" "ms/msg"
done
tck=$(getconf CLK_TCK)
bench "postfix (b) floor CPU time per message" \
    "$(awk -v t="$floor_ticks" -v n="$floor_msgs" -v hz="$tck" 'BEGIN {printf "%.4f", t * 1000 / hz / n}')" \
    "ms/msg ($floor_msgs messages, user+system)"
bench "postfix added latency floor vs no milter" "$(paired diff lat b a | median)" \
    "ms/msg (IQR $(paired diff lat b a | iqr))"
if has c; then
	d=$(paired diff lat c a | median)
	q=$(paired diff lat c a | iqr)
	verdict="ms/msg (keep < 0.5; IQR $q)"
	if awk -v x="${q%%..*}" 'BEGIN {exit !(x >= 0.5)}'; then
		verdict="FAIL: not below 0.5 ms (IQR $q)"
	elif awk -v x="$d" 'BEGIN {exit !(x >= 0.5)}'; then
		verdict="ms/msg: median not below 0.5 but within the noise (IQR $q); rerun on an idle machine"
	fi
	bench "postfix added latency (c) vs no milter" "$d" "$verdict"
	bench "postfix (c) milter CPU time per message" \
	    "$(awk -v t="$cpu_ticks" -v n="$cpu_msgs" -v hz="$tck" 'BEGIN {printf "%.4f", t * 1000 / hz / n}')" \
	    "ms/msg ($cpu_msgs messages, user+system)"
	if ! kill -0 "$MILTER_PID" 2>/dev/null; then
		note "FAIL: the milter under test died during the run"
	fi
	if [ -s "$PF_DIR/log/milter.log" ]; then
		note "the milter under test wrote on standard error:"
		head -n 5 "$PF_DIR/log/milter.log" | sed 's/^/    /'
	fi
fi
if has d; then
	d=$(paired diff lat d e | median)
	bench "postfix added latency (d) vs (e)" "$d" \
	    "ms/msg, information (IQR $(paired diff lat d e | iqr))"
fi
if has c; then
	note "nefmilter's lines in the maillog: $(grep -c 'nefmilter\[' "$(pf_maillog)") (no line per ordinary message expected):"
	grep 'nefmilter\[' "$(pf_maillog)" | head -n 3 | cut -c1-160 | sed 's/^/    /'
fi
exit 0
