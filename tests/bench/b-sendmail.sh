#!/usr/bin/env bash
# b-sendmail: Sendmail throughput for ordinary (non-notice) mail, with the
# do-nothing milter and with nefmilter, side by side in one run, on a
# private Sendmail 8.17 (tests/lib/sendmail.sh).
#
# One Sendmail instance with three SMTP ports that differ only in their
# milters (DaemonPortOptions InputMailFilters=):
#   (a) no milter
#   (b) floormilter accepting at MAIL FROM: the floor any milter can reach
#   (c) nefmilter (this build's, -f, as user mail), with a sender outside
#       the firm's and the courts' domains: it accepts at MAIL FROM too.
# Both milters are on unix sockets with F=T, so a milter that does not
# answer makes the client fail instead of inflating the numbers.  Sendmail
# runs in deferred delivery mode and the queue is emptied after each run:
# what is measured is the SMTP session, where the milter works, not
# delivery.
#
# Each repetition measures every configuration once, in a rotated order;
# each ratio is taken within one repetition (paired) and the medians over
# the repetitions are reported, with their interquartile ranges.
# smtp-source sends with 10 parallel sessions, a new connection per
# message.  Printed: messages/s for each; the ratios (b)/(a) and (c)/(b),
# the one the project keeps >= 0.98 (a "FAIL" only when the whole range
# misses it); the latency per message at concurrency 1 and what (c) adds
# over (b).
#
# Settings: BENCH_REPS [9], BENCH_MSGS per throughput run [500],
# BENCH_SESSIONS [10], BENCH_LAT_MSGS per latency run [100],
# BENCH_MSG_SIZE body bytes [5000], BUILD [build].
. "$(dirname "$0")/common.sh"

REPS=${BENCH_REPS:-9}
MSGS=${BENCH_MSGS:-500}
SESSIONS=${BENCH_SESSIONS:-10}
LAT_MSGS=${BENCH_LAT_MSGS:-100}
SIZE=${BENCH_MSG_SIZE:-5000}
FLOOR=$TOP/$BUILD/tools/floormilter
OUTSIDE=alice@outside.test

if [ "$(id -u)" -ne 0 ] || ! command -v smtp-source >/dev/null || ! sm_available; then
	note "skipped: needs root, smtp-source (postfix) and Sendmail under $SM_ROOT (make deps)"
	exit 0
fi
for b in "$FLOOR" "$NEF"; do
	[ -x "$b" ] || { note "skipped: $b is missing (make all tools)"; exit 0; }
done

# Under /run: Sendmail refuses a socket under a world-writable /tmp.
RUN=$(mktemp -d /run/b-sendmail.XXXXXX) || exit 1
chmod 755 "$RUN"
trap 'sm_teardown; pf_teardown; rm -rf "$RUN"' EXIT

PORT_A=$(pf_free_port) PORT_B=$(pf_free_port) PORT_C=$(pf_free_port)
q='`' e="'"
SM_SMTP_PORT=$PORT_A
SM_QUEUE_RUN=
SM_MC_EXTRA="define(${q}confDELIVERY_MODE$e, ${q}deferred$e)dnl
define(${q}confLOG_LEVEL$e, ${q}9$e)dnl
MAIL_FILTER(${q}floor$e, ${q}S=unix:$RUN/floor.sock, F=T$e)dnl
MAIL_FILTER(${q}nef$e, ${q}S=unix:$RUN/nef.sock, F=T$e)dnl
DAEMON_OPTIONS(${q}Port=$PORT_B, Addr=127.0.0.1, Name=MTA-floor, InputMailFilters=floor$e)dnl
DAEMON_OPTIONS(${q}Port=$PORT_C, Addr=127.0.0.1, Name=MTA-nef, InputMailFilters=nef$e)dnl"
sm_setup >/dev/null || { note "FAIL: cannot set up Sendmail"; exit 1; }
sm_start_log || exit 1

pf_spawn floormilter "$FLOOR" -q -m mailfrom -M 0660 -G mail -p "unix:$RUN/floor.sock"
FLOOR_PID=$PF_SPAWN_PID
cat >"$RUN/nef.conf" <<EOF
state_dir = $RUN/state
user = mail
socket_group = mail
pid_file =
socket = unix:$RUN/nef.sock
firm_domains = example.test
log_socket = $SM_DIR/log/dev-log
log_socket_format = syslog
EOF
pf_spawn nefmilter "$NEF" -f -c "$RUN/nef.conf"
NEF_PID=$PF_SPAWN_PID
wait_for 10 test -S "$RUN/floor.sock" -a -S "$RUN/nef.sock" ||
    { note "FAIL: the milters do not listen"; exit 1; }
sm_start || { note "FAIL: Sendmail does not start"; exit 1; }
note "Sendmail $(cat "$SM_ROOT/VERSION"); milters on unix sockets; $SESSIONS sessions, $MSGS messages of $SIZE bytes per run, $REPS repetitions"

port_of() { case $1 in a) echo "$PORT_A" ;; b) echo "$PORT_B" ;; c) echo "$PORT_C" ;; esac; }

# run CONFIG SESSIONS COUNT: print the elapsed microseconds, or fail
run() {
	local t0 t1
	t0=$(date +%s%N)
	if ! sm_in smtp-source -s "$2" -m "$3" -l "$SIZE" -M client.harness.test \
	    -f "$OUTSIDE" -t bob@example.test "127.0.0.1:$(port_of "$1")" \
	    >"$RUN/smtp-source.log" 2>&1; then
		note "FAIL: smtp-source against ($1): $(tail -n 1 "$RUN/smtp-source.log")" >&2
		return 1
	fi
	t1=$(date +%s%N)
	find "$SM_DIR/queue" -maxdepth 1 -type f -delete
	echo $(((t1 - t0) / 1000))
}

for c in a b c; do run "$c" 4 40 >/dev/null || exit 1; done	# warm-up

declare -A tput lat
for ((r = 0; r < REPS; r++)); do
	for c in $(rot "$r" a b c); do
		us=$(run "$c" "$SESSIONS" "$MSGS") || exit 1
		tput[$c,$r]=$(awk -v n="$MSGS" -v us="$us" 'BEGIN {printf "%.1f", n * 1e6 / us}')
		us=$(run "$c" 1 "$LAT_MSGS") || exit 1
		lat[$c,$r]=$(awk -v n="$LAT_MSGS" -v us="$us" 'BEGIN {printf "%.3f", us / n / 1000}')
	done
	echo "rep $((r + 1)): a=${tput[a,$r]} b=${tput[b,$r]} c=${tput[c,$r]} msg/s;" \
	    "a=${lat[a,$r]} b=${lat[b,$r]} c=${lat[c,$r]} ms/msg"
done

bench "sendmail (a) no milter, $SESSIONS sess." "$(col tput a | median)" "msg/s"
bench "sendmail (b) floor, MAIL FROM, $SESSIONS sess." "$(col tput b | median)" "msg/s"
bench "sendmail (c) nefmilter, $SESSIONS sess." "$(col tput c | median)" "msg/s"
bench "sendmail ratio floor/no milter" "$(paired ratio tput b a | median)" \
    "ratio (IQR $(paired ratio tput b a | iqr), $REPS reps)"
rc=$(paired ratio tput c b | median)
bench "sendmail ratio nefmilter/floor" "$rc" "$(floor_verdict "$rc" "$(paired ratio tput c b | iqr)")"
for c in a b c; do
	bench "sendmail latency ($c), 1 sess." "$(col lat "$c" | median)" "ms/msg"
done
bench "sendmail added latency nefmilter vs floor" "$(paired diff lat c b | median)" \
    "ms/msg (IQR $(paired diff lat c b | iqr))"
kill -0 "$NEF_PID" 2>/dev/null || note "FAIL: nefmilter died during the run"
n=$(grep -c 'nefmilter\[' "$SM_MAILLOG")
note "nefmilter's lines in the maillog: $n (its start; none per ordinary message expected)"
exit 0
