#!/usr/bin/env bash
# b-notices: notices per second through Postfix with nefmilter, their
# documents served from the store, and nefmilter's CPU time per notice.
#
# A private Postfix (tests/lib/postfix.sh, delivery to discard:) with two
# smtpd listeners: (a) no milter, (c) nefmilter on a unix socket (user
# postfix, log lines into Postfix's maillog), and the fake court
# (tests/lib/fakecourt.sh) with three notices made from
# tests/data/nef/district.eml at run time:
#   entry 57  an attachment menu: main document 300 KB, one attachment
#             150 KB, one attachment behind a login prompt;
#   entry 58  a menu of 13 documents of 100 KB;
#   entry 60  a link straight to one PDF of 500 KB.
# The store is primed with one pass (each notice once: the documents are
# fetched and stored, the login outcome recorded).  Then each repetition
# sends, to (a) and to (c) in a rotated order, N copies of the three
# notices (each with its own Message-Id, round-robin over four
# recipients), from S parallel sessions with a new connection per copy
# (tests/bench/smtpsend.py), and then 30 copies from one session for the
# time per notice.  Each copy through (c) gets its documents from the
# store: the court is asked nothing after the priming pass, which is
# checked, as is every copy's audit line (action=attached).
#
# Printed: notices/s through (a) and (c), their paired ratio, the time
# per notice at concurrency 1 and what nefmilter adds to it, and
# nefmilter's CPU time per notice (utime + stime from /proc/PID/stat over
# the copies through (c)).  Medians over the repetitions, with the
# interquartile range of the paired values.  Asserts nothing; a "FAIL"
# value means a copy was refused or not processed as expected.
#
# Settings: BENCH_REPS [5], BENCH_NOTICES copies per throughput run [150],
# BENCH_SESSIONS [20], BENCH_LAT_NOTICES copies per latency run [30],
# BUILD [build].
. "$(dirname "$0")/common.sh"

REPS=${BENCH_REPS:-5}
N=${BENCH_NOTICES:-150}
SESSIONS=${BENCH_SESSIONS:-20}
LATN=${BENCH_LAT_NOTICES:-30}
RCPTS=docketing@example.test,aokafor@example.test,bob@example.test,carol@example.test

fail() { bench "notices: $1" FAIL "$2"; exit 0; }

if [ "$(id -u)" -ne 0 ] || ! command -v postfix >/dev/null; then
	note "skipped: needs root and postfix (make deps)"
	exit 0
fi
if [ ! -x "$NEF" ]; then
	note "skipped: $NEF is missing (make all)"
	exit 0
fi

RUN=$(mktemp -d /tmp/b-notices.XXXXXX) || exit 1
chmod 755 "$RUN"
trap 'pf_teardown; fc_stop; rm -rf "$RUN"' EXIT

# the court: routes for the three notices (16 PDFs, 2.25 MB in all)
{
	echo '{"routes": ['
	echo ' {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035020918716", "responses": [{"menu": {"host": "ecf.cand.uscourts.gov", "caseid": "401001", "seq": "213", "magic": "62818321", "docnum": 57, "docs": [["/doc1/035120918716", "Main Document"], ["/doc1/035120918717", "Declaration of Adaeze Okafor"], ["/doc1/035120918718", "Proposed Order"]]}}]},'
	echo ' {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035120918716", "responses": [{"pdf": "bn-57-main", "size": 300000}]},'
	echo ' {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035120918717", "responses": [{"pdf": "bn-57-att1", "size": 150000}]},'
	echo ' {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035120918718", "responses": [{"html": "<html><head><title>CAND-ECF</title></head><body><b>CM/ECF Filer or PACER Login</b><form name=\"GetPass\" method=\"POST\" action=\"/cgi-bin/login.pl\"><input name=\"login\"><input type=\"password\" name=\"key\"></form></body></html>"}]},'
	docs='["/doc1/035120918800", "Main Document"]'
	for i in $(seq 1 12); do docs="$docs, [\"/doc1/0351209188$(printf %02d "$i")\", \"Exhibit $i\"]"; done
	echo " {\"host\": \"ecf.cand.uscourts.gov\", \"path\": \"/doc1/035020918800\", \"responses\": [{\"menu\": {\"host\": \"ecf.cand.uscourts.gov\", \"caseid\": \"401001\", \"seq\": \"214\", \"magic\": \"62818322\", \"docnum\": 58, \"docs\": [$docs]}}]},"
	for i in $(seq 0 12); do
		echo " {\"host\": \"ecf.cand.uscourts.gov\", \"path\": \"/doc1/0351209188$(printf %02d "$i")\", \"responses\": [{\"pdf\": \"bn-58-$i\", \"size\": 100000}]},"
	done
	echo ' {"host": "ecf.cand.uscourts.gov", "path": "/doc1/035020918600", "responses": [{"pdf": "bn-60-main", "size": 500000}]}'
	echo ']}'
} >"$RUN/court.json"
fc_start "$RUN/court.json" || fail "the fake court" "does not start"
trap 'pf_teardown; fc_stop; rm -rf "$RUN"' EXIT
chmod 755 "$FC_DIR" "$FC_DIR/pki"	# nefmilter runs as postfix
chmod 644 "$FC_CA"

D=$TOP/tests/data/nef/district.eml
sed 's/lawfirm\.example/example.test/g' "$D" >"$RUN/n57.eml"
sed -e 's/lawfirm\.example/example.test/g' \
    -e 's/035020918716?caseid=401001&de_seq_num=213/035020918800?caseid=401001\&de_seq_num=214/; s/^>57<\/a>/>58<\/a>/' \
    "$D" >"$RUN/n58.eml"
sed -e 's/lawfirm\.example/example.test/g' \
    -e 's/035020918716?caseid=401001&de_seq_num=213/035020918600?caseid=401001\&de_seq_num=216/; s/^>57<\/a>/>60<\/a>/' \
    "$D" >"$RUN/n60.eml"
grep -q 035020918800 "$RUN/n58.eml" && grep -q 035020918600 "$RUN/n60.eml" ||
    fail "notices" "the variants of district.eml could not be made"
NOTICES="$RUN/n57.eml $RUN/n58.eml $RUN/n60.eml"

PF_USERS="docketing aokafor bob carol"
PF_DELIVERY=discard
PF_MILTER_CONTENT_TIMEOUT=120s
pf_use_unix_milter "$RUN/nef.sock"
PORT_A=$(pf_free_port)
PF_MAIN_EXTRA="in_flow_delay = 0"	# as in b-postfix.sh
PF_MASTER_EXTRA="127.0.0.1:$PORT_A inet n - n - - smtpd -o smtpd_milters="
pf_setup >/dev/null || fail "Postfix" "cannot be set up"
PORT_C=$PF_SMTP_PORT
LOG=$(pf_maillog)
fc_conf "$RUN/nef.conf" "state_dir = $RUN/state" "trusted_clients = 127.0.0.1" "trust_local_mail = yes" \
    "firm_domains = example.test" "user = postfix" "pid_file =" \
    "socket = $PF_MILTER_SOCK" "log_socket = $PF_DIR/spool/public/postlog"
pf_start || fail "Postfix" "does not start"
pf_spawn nefmilter "$NEF" -f -c "$RUN/nef.conf"
NEF_PID=$PF_SPAWN_PID
pf_wait_milter 10 || fail "nefmilter" "does not listen: $(tail -n 3 "$PF_DIR/log/nefmilter.log")"

port_of() { case $1 in a) echo "$PORT_A" ;; c) echo "$PORT_C" ;; esac; }
cpu() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{print $12 + $13}'; }
drain() {
	local end=$((SECONDS + 120))
	while ! pf_spool_idle && [ $SECONDS -lt $end ]; do sleep 0.05; done
}
# send CONFIG SESSIONS COUNT TAG: print "SECONDS MEAN_MS", or fail
send() {
	local out
	out=$($SEND --port "$(port_of "$1")" --sessions "$2" --count "$3" --tag "$4" \
	    --from "$COURT_FROM" --rcpt "$RCPTS" --qids "$RUN/qids.$4" $NOTICES \
	    2>"$RUN/send.err") || {
		note "smtpsend against ($1): $out; $(head -n 3 "$RUN/send.err")" >&2
		return 1
	}
	drain
	echo "$out" | sed 's/.*seconds=\([0-9.]*\) mean_ms=\([0-9.]*\).*/\1 \2/'
}

# priming pass: every document fetched once and stored
send c 1 3 prime >/dev/null || fail "priming pass" "a notice was refused"
pf_wait_log "nefmilter\[[0-9]+\]: [0-9A-Za-z]+: notice .* entry=60 " 20
primed=$(fc_count)
note "priming pass: the court answered $primed requests; audit lines:"
grep -E 'nefmilter\[[0-9]+\]: [0-9A-Za-z]+: notice ' "$LOG" | sed 's/.*\]: [0-9A-Za-z]*: //' | cut -c1-150 | sed 's/^/    /'
nstored=$(grep -cE 'nefmilter\[[0-9]+\]: [0-9A-Za-z]+: document .* pdf fetched attached' "$LOG")
[ "$nstored" -eq 16 ] || fail "priming pass" "16 PDFs fetched and attached expected, $nstored were"
fetched0=$(grep -cE 'nefmilter\[[0-9]+\]: [0-9A-Za-z]+: document [^ ]+ [a-z-]+ fetched' "$LOG")

# warm-up of the (a) listener; not measured
send a 3 6 warm >/dev/null || fail "warm-up" "a copy was refused"

rot() { if [ $(($1 % 2)) -eq 0 ]; then echo a c; else echo c a; fi; }
iqr() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) exit; a = int((NR + 3) / 4); b = int((3 * NR + 3) / 4); print v[a] ".." v[b]}'; }
median() { sort -g | awk '{v[NR] = $1} END {if (NR == 0) exit; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

declare -A tput lat
ticks=0 ncopies=0
note "$REPS repetitions of $N copies from $SESSIONS sessions and $LATN from one session, per configuration"
for ((r = 0; r < REPS; r++)); do
	for c in $(rot "$r"); do
		[ "$c" = c ] && t0=$(cpu "$NEF_PID")
		read -r secs _ <<<"$(send "$c" "$SESSIONS" "$N" "t$c$r")" || fail "copies" "refused; see above"
		[ -n "${secs:-}" ] || fail "copies" "refused; see above"
		tput[$c,$r]=$(awk -v n="$N" -v s="$secs" 'BEGIN {printf "%.2f", n / s}')
		read -r _ ms <<<"$(send "$c" 1 "$LATN" "l$c$r")" || fail "copies" "refused; see above"
		[ -n "${ms:-}" ] || fail "copies" "refused; see above"
		lat[$c,$r]=$ms
		if [ "$c" = c ]; then
			ticks=$((ticks + $(cpu "$NEF_PID") - t0))
			ncopies=$((ncopies + N + LATN))
		fi
	done
	echo "rep $((r + 1)): a=${tput[a,$r]} c=${tput[c,$r]} notices/s; a=${lat[a,$r]} c=${lat[c,$r]} ms/notice"
done

# every copy through (c) was processed, its documents from the store
sleep 0.5
nsent=0 nok=0 npdf=0
for f in "$RUN"/qids.[tl]c*; do
	while read -r i q; do
		nsent=$((nsent + 1))
		case $((i % 3)) in 0) npdf=$((npdf + 2)) ;; 1) npdf=$((npdf + 13)) ;; 2) npdf=$((npdf + 1)) ;; esac
		grep -qE "nefmilter\[[0-9]+\]: $q: notice .* action=attached" "$LOG" && nok=$((nok + 1))
	done <"$f"
done
after=$(fc_count)
nfetched=$(grep -cE 'nefmilter\[[0-9]+\]: [0-9A-Za-z]+: document [^ ]+ [a-z-]+ fetched' "$LOG")
nwait=$(grep -cE 'nefmilter\[[0-9]+\]: [0-9A-Za-z]+: document .* is being fetched for another copy' "$LOG")
nfrom=$(grep -cE 'nefmilter\[[0-9]+\]: [0-9A-Za-z]+: document .* pdf from-store attached' "$LOG")
note "copies through nefmilter: $nsent, with an audit line action=attached: $nok;" \
    "PDFs attached from the store: $nfrom; court requests after priming: $((after - primed));" \
    "lines 'is being fetched for another copy; waiting': $nwait"
[ "$nsent" -eq "$ncopies" ] && [ "$nok" -eq "$nsent" ] ||
    fail "copies" "$nok of $ncopies copies have their audit line with action=attached"
[ "$after" -eq "$primed" ] && [ "$nfetched" -eq "$fetched0" ] ||
    fail "store" "the court was asked $((after - primed)) more times after priming"
[ "$nfrom" -eq "$npdf" ] ||
    fail "store" "$nfrom PDFs attached from the store, $npdf expected"

col() { local -n arr=$1; for ((r = 0; r < REPS; r++)); do echo "${arr[$2,$r]}"; done; }
paired() {	# OP ARRAY X Y
	local op=$1; local -n arr=$2
	for ((r = 0; r < REPS; r++)); do
		awk -v x="${arr[$3,$r]}" -v y="${arr[$4,$r]}" -v op="$op" \
		    'BEGIN {if (op == "ratio") printf "%.4f\n", x / y; else printf "%.3f\n", x - y}'
	done
}
bench "notices (a) Postfix alone, $SESSIONS sess." "$(col tput a | median)" "notices/s"
bench "notices (c) nefmilter, docs from store, $SESSIONS sess." "$(col tput c | median)" "notices/s"
bench "notices ratio (c)/(a)" "$(paired ratio tput c a | median)" \
    "ratio (IQR $(paired ratio tput c a | iqr), $REPS reps)"
bench "notices (a) Postfix alone, 1 sess." "$(col lat a | median)" "ms/notice"
bench "notices (c) nefmilter, docs from store, 1 sess." "$(col lat c | median)" "ms/notice"
bench "notices added time per notice (c) vs (a)" "$(paired diff lat c a | median)" \
    "ms/notice (IQR $(paired diff lat c a | iqr))"
bench "notices nefmilter CPU time per notice" \
    "$(awk -v t="$ticks" -v n="$ncopies" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t * 1000 / hz / n}')" \
    "ms/notice ($ncopies copies, $npdf PDFs attached, user+system)"
if [ -s "$PF_DIR/log/nefmilter.log" ]; then
	note "nefmilter wrote on standard error:"
	head -n 5 "$PF_DIR/log/nefmilter.log" | sed 's/^/    /'
fi
exit 0
