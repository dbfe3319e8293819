#!/usr/bin/env bash
# b-rss: nefmilter's peak memory while 20 notices with big documents pass
# at once, and whether it grows with the size of the documents.
#
# A private Postfix (tests/lib/postfix.sh, delivery to discard:, its
# message_size_limit raised to 100 MB) with nefmilter on a unix socket and
# the fake court.  20 notices made from tests/data/nef/district.eml at run
# time, each linking straight to its own PDF (so 20 documents are fetched,
# stored, base64-encoded and handed to Postfix at the same time), are sent
# at once from 20 SMTP sessions (tests/bench/smtpsend.py).  This is done
# twice, each time with a freshly started nefmilter: with 2 MB documents,
# then with 20 MB documents.  nefmilter's message_size_limit and
# max_attach_bytes are raised so that every document is attached, which is
# checked (each copy's audit line says attached=1, each document line gives
# the size).
#
# Printed: the peak resident set (VmHWM in /proc/PID/status) of each run,
# nefmilter's resident set when idle, the peak over the total volume of
# the documents, and the ratio of the two peaks.  Documents are streamed
# from files in chunks, so the peak should hardly move when the documents
# grow tenfold; "FAIL" is printed when the 20 MB peak is more than twice
# the 2 MB peak (memory growing with document size: holding the 20
# documents would add about 400 MB).
#
# Settings: BENCH_RSS_SMALL [2097152], BENCH_RSS_BIG [20971520] document
# bytes, BENCH_RSS_N notices [20], BUILD [build].
. "$(dirname "$0")/common.sh"

SMALL=${BENCH_RSS_SMALL:-2097152}
BIG=${BENCH_RSS_BIG:-20971520}
NN=${BENCH_RSS_N:-20}

fail() { bench "rss: $1" FAIL "$2"; exit 0; }

if [ "$(id -u)" -ne 0 ] || ! command -v postfix >/dev/null; then
	note "skipped: needs root and postfix (make deps)"
	exit 0
fi
if [ ! -x "$NEF" ]; then
	note "skipped: $NEF is missing (make all)"
	exit 0
fi
if [ "$NN" -lt 1 ] || [ "$NN" -gt 99 ]; then note "BENCH_RSS_N must be 1..99"; exit 2; fi

RUN=$(mktemp -d /tmp/b-rss.XXXXXX) || exit 1
chmod 755 "$RUN"
trap 'pf_teardown; fc_stop; rm -rf "$RUN"' EXIT

# docid SET I: the document id of notice I (0..NN-1) of set 1 (small) or 2 (big)
docid() { printf '0350209%d%04d' "$1" "$2"; }
{
	echo '{"routes": ['
	sep=
	for s in 1 2; do
		size=$SMALL; [ $s = 2 ] && size=$BIG
		for ((i = 0; i < NN; i++)); do
			printf '%s {"host": "ecf.cand.uscourts.gov", "path": "/doc1/%s", "responses": [{"pdf": "rss-%d-%d", "size": %d}]}\n' \
			    "$sep" "$(docid $s $i)" "$s" "$i" "$size"
			sep=,
		done
	done
	echo ']}'
} >"$RUN/court.json"
fc_start "$RUN/court.json" || fail "the fake court" "does not start"
trap 'pf_teardown; fc_stop; rm -rf "$RUN"' EXIT
chmod 755 "$FC_DIR" "$FC_DIR/pki"	# nefmilter runs as postfix
chmod 644 "$FC_CA"

for s in 1 2; do
	for ((i = 0; i < NN; i++)); do
		sed -e 's/lawfirm\.example/example.test/g' \
		    -e "s/035020918716?caseid=401001&de_seq_num=213/$(docid $s $i)?caseid=401001\\&de_seq_num=$((1000 * s + i))/" \
		    -e "s/^>57<\\/a>/>$((100 * s + i))<\\/a>/" \
		    "$TOP/tests/data/nef/district.eml" >"$RUN/n$s-$i.eml"
		grep -q "$(docid $s $i)" "$RUN/n$s-$i.eml" || fail "notices" "the variants of district.eml could not be made"
	done
done

PF_USERS="docketing aokafor"
PF_DELIVERY=discard
PF_MILTER_CONTENT_TIMEOUT=300s
pf_use_unix_milter "$RUN/nef.sock"
PF_MAIN_EXTRA="in_flow_delay = 0
message_size_limit = 104857600"
pf_setup >/dev/null || fail "Postfix" "cannot be set up"
LOG=$(pf_maillog)
fc_conf "$RUN/nef.conf" "state_dir = $RUN/state" "trusted_clients = 127.0.0.1" "trust_local_mail = yes" \
    "firm_domains = example.test" "user = postfix" "pid_file =" \
    "socket = $PF_MILTER_SOCK" "log_socket = $PF_DIR/spool/public/postlog" \
    "fetch_timeout = 200s" "fetch_budget = 250s" "max_attach_bytes = 64M" \
    "message_size_limit = 100M"
pf_start || fail "Postfix" "does not start"

kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/status" 2>/dev/null; }

# run SET: one fresh nefmilter, NN notices at once; sets PEAK and IDLE (kB)
run() {
	local s=$1 size=$SMALL pid files=() i q n t0 out
	[ "$s" = 2 ] && size=$BIG
	pf_spawn nefmilter$s "$NEF" -f -c "$RUN/nef.conf"
	pid=$PF_SPAWN_PID
	pf_wait_milter 10 || fail "nefmilter" "does not listen: $(tail -n 3 "$PF_DIR/log/nefmilter$s.log")"
	sleep 0.5
	IDLE=$(kb "$pid" VmRSS)
	for ((i = 0; i < NN; i++)); do files+=("$RUN/n$s-$i.eml"); done
	t0=$SECONDS
	out=$($SEND --port "$PF_SMTP_PORT" --sessions "$NN" --count "$NN" --tag "rss$s" \
	    --from "$COURT_FROM" --rcpt docketing@example.test --qids "$RUN/qids.$s" \
	    --timeout 600 "${files[@]}" 2>"$RUN/send.err") ||
	    fail "sending $NN notices of $size bytes" "$out; $(head -n 3 "$RUN/send.err")"
	PEAK=$(kb "$pid" VmHWM)
	note "$NN notices with documents of $size bytes: $out ($((SECONDS - t0)) s)"
	# every copy carries its document
	n=0
	while read -r i q; do
		pf_wait_log "nefmilter\[[0-9]+\]: $q: notice .* attached=1 .*action=attached" 20 && n=$((n + 1))
	done <"$RUN/qids.$s"
	[ "$n" -eq "$NN" ] || fail "attachments" "$n of $NN notices with $size-byte documents had their document attached"
	n=$(grep -cE "nefmilter\[$pid\]: [0-9A-Za-z]+: document cand/0350209$s[0-9]{4}#0 pdf fetched attached .* size=$size\$" "$LOG")
	[ "$n" -eq "$NN" ] || fail "attachments" "$n of $NN document lines say size=$size attached"
	pf_kill "$pid"
	local end=$((SECONDS + 120))
	while ! pf_spool_idle && [ $SECONDS -lt $end ]; do sleep 0.1; done
}

run 1
PEAK1=$PEAK IDLE1=$IDLE
run 2
PEAK2=$PEAK IDLE2=$IDLE

mb() { awk -v k="$1" 'BEGIN {printf "%.1f", k / 1024}'; }
bench "rss nefmilter idle" "$(mb "$IDLE2")" "MB (VmRSS; $(mb "$IDLE1") in the first run)"
bench "rss peak, $NN notices of $(mb $((SMALL / 1024))) MB at once" "$(mb "$PEAK1")" "MB (VmHWM)"
bench "rss peak, $NN notices of $(mb $((BIG / 1024))) MB at once" "$(mb "$PEAK2")" "MB (VmHWM)"
bench "rss peak / document volume, $NN x $(mb $((BIG / 1024))) MB" \
    "$(awk -v p="$PEAK2" -v v="$((NN * (BIG / 1024)))" 'BEGIN {printf "%.3f", p / v}')" "ratio"
r=$(awk -v a="$PEAK2" -v b="$PEAK1" 'BEGIN {printf "%.2f", a / b}')
v="ratio (documents $(awk -v a="$BIG" -v b="$SMALL" 'BEGIN {printf "%.0f", a / b}')x larger; keep <= 2)"
awk -v x="$r" 'BEGIN {exit !(x > 2)}' && v="FAIL: the peak grows with document size"
bench "rss peak ratio big/small documents" "$r" "$v"
for f in "$PF_DIR"/log/nefmilter[12].log; do
	if [ -s "$f" ]; then
		note "nefmilter wrote on standard error ($(basename "$f")):"
		head -n 5 "$f" | sed 's/^/    /'
	fi
done
exit 0
