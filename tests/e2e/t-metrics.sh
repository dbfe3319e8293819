#!/usr/bin/env bash
# End to end through a real Postfix: the counters behind "nefctl
# metrics", read by Debian's Prometheus parser (tests/lib/promparse.py).
#  1. a fresh store: every family is there, every counter at 0;
#  2. four messages whose outcomes are known (entry 57: two PDFs and a
#     login attachment, for docketing and carol of the case team; entry
#     59: its only document sealed, the link cut; the restricted entry
#     to docketing and bob, unlisted, removed: PDFs from the store; a
#     court message that is not a notice): every counter rises by
#     exactly what they did, nothing else moves;
#  3. nefmilter restarts: the counters are the same, and one more copy
#     of entry 57 adds exactly its share;
#  4. --output writes the same exposition atomically, mode 0644;
#  5. with another process holding the store's writer lock, metrics and
#     digest still answer (read transactions only);
#  6. metrics and digest run over and over while notices flow through
#     Postfix: consistent snapshots, counters monotone, never locked.
set -u
. "$(dirname "$0")/common.sh"
e2e_require
e2e_start "$DATA/scenarios/e2e.json" "restricted_scope = address"
T0=$(date +%s)

snap() {	# NAME: nefctl metrics into $PF_DIR/NAME.prom, parsed
	nefctl metrics >"$PF_DIR/$1.prom" && $PROM "$PF_DIR/$1.prom" >"$PF_DIR/$1.txt"
}
delta() {	# A B: what rose from A to B
	$PROM --delta "$PF_DIR/$1.prom" "$PF_DIR/$2.prom"
}
value() {	# NAME SERIES: its value in NAME.txt
	awk -v k="$2" '$2 == k { print $3 }' "$PF_DIR/$1.txt"
}

# --- 1. a fresh store ---------------------------------------------------------
check "nefctl metrics parses (fresh store)" snap s0
check_eq "fresh: every counter is 0" "" "$(awk '$1 == "counter" && $3 != 0' "$PF_DIR/s0.txt")"
for f in messages notices documents attachments attached_bytes held restricted \
    recipients_added recipients_removed links_cut errors calendar_events; do
	check_grep "fresh: HELP and TYPE of nefmilter_${f}_total" \
	    "^# TYPE nefmilter_${f}_total counter$" "$PF_DIR/s0.prom"
done
check_eq "fresh: documents by outcome, each at 0" \
    "error from-store login no-document pdf refused tombstoned too-large unavailable" \
    "$(sed -n 's/^counter nefmilter_documents_total{outcome="\([a-z-]*\)"} 0$/\1/p' "$PF_DIR/s0.txt" | sort | tr '\n' ' ' | sed 's/ $//')"
check_eq "fresh: the fetch histogram is empty" 0 \
    "$(value s0 'nefmilter_fetch_duration_seconds_count')"
check "fresh: the map figures are there" \
    test "$(value s0 nefmilter_store_map_size_bytes)" -gt 0
check_eq "fresh: the reader slots are max_readers" 512 "$(value s0 nefmilter_store_readers_max)"

# --- 2. four messages --------------------------------------------------------
quiet nefctl team add cand 4:22-cv-05541 carol@example.test
e2e_day_notices
e2e_send_day
Q2=${DAY_QIDS[1]}
pf_send_text "$COURT_FROM" docketing@example.test "Court closed on Friday" \
    "The Clerk's Office is closed on Friday." >/dev/null
Q4=$PF_LAST_QID
for q in "${DAY_QIDS[@]}" "$Q4"; do
	check "message $q: done (audit line, removed from the queue)" e2e_wait_qid "$q"
done
check_grep "entry 59: the link was cut" "nefmilter\[[0-9]+\]: $Q2: notice .*action=stripped$" "$LOG"
check "nefctl metrics parses (after four messages)" snap s1
cat >"$PF_DIR/want1" <<'EOF'
nefmilter_attached_bytes_total +24000
nefmilter_attachments_total +4
nefmilter_calendar_events_total +6
nefmilter_documents_total{outcome="from-store"} +2
nefmilter_documents_total{outcome="login"} +3
nefmilter_documents_total{outcome="pdf"} +2
nefmilter_fetch_duration_seconds_bucket{le="+Inf"} +4
nefmilter_fetch_duration_seconds_count +4
nefmilter_links_cut_total +1
nefmilter_messages_total{class="not-a-notice"} +1
nefmilter_messages_total{class="notice"} +3
nefmilter_notices_total{action="attached",kind="district"} +2
nefmilter_notices_total{action="stripped",kind="district"} +1
nefmilter_recipients_added_total +2
nefmilter_recipients_removed_total +1
nefmilter_restricted_total +1
EOF
delta s0 s1 | grep -v '_bucket{le="[0-9.]*"}' >"$PF_DIR/got1"
check "every counter rose by exactly what the four messages did" \
    diff -u "$PF_DIR/want1" "$PF_DIR/got1"
check_eq "each fetch fell in some bucket up to 120 s" 4 \
    "$(value s1 'nefmilter_fetch_duration_seconds_bucket{le="120"}')"
check "the fetch times add up to more than 0 s" \
    awk -v s="$(value s1 nefmilter_fetch_duration_seconds_sum)" 'BEGIN { exit !(s > 0) }'
LAST=$(value s1 nefmilter_last_notice_timestamp_seconds)
check "the last notice's time is now" test "$LAST" -ge "$T0" -a "$LAST" -le "$(date +%s)"
check_eq "the audit table holds the three notices" 3 \
    "$(value s1 'nefmilter_store_records{table="audit"}')"

# --- 3. a restart --------------------------------------------------------------
e2e_restart
check "nefctl metrics parses (after the restart)" snap s2
check_eq "the restart changes no counter" "" "$(delta s1 s2)"
check_eq "the counters are the same, series by series" \
    "$(awk '$1 == "counter" || $1 == "histogram"' "$PF_DIR/s1.txt")" \
    "$(awk '$1 == "counter" || $1 == "histogram"' "$PF_DIR/s2.txt")"
e2e_send_notice "$N57" docketing@example.test
Q5=$PF_LAST_QID
check "one more copy of entry 57: done" e2e_wait_qid "$Q5"
check "nefctl metrics parses (one more copy)" snap s3
cat >"$PF_DIR/want3" <<'EOF'
nefmilter_attached_bytes_total +12000
nefmilter_attachments_total +2
nefmilter_calendar_events_total +2
nefmilter_documents_total{outcome="from-store"} +2
nefmilter_documents_total{outcome="login"} +1
nefmilter_messages_total{class="notice"} +1
nefmilter_notices_total{action="attached",kind="district"} +1
nefmilter_recipients_added_total +1
EOF
check "after the restart they rise by exactly one copy's share" \
    diff -u "$PF_DIR/want3" <(delta s2 s3)

# --- 4. --output ---------------------------------------------------------------
mkdir -p "$PF_DIR/textfile"
check "metrics --output writes the file" quiet nefctl metrics --output "$PF_DIR/textfile/nefmilter.prom"
check_eq "the file is mode 0644" 644 "$(stat -c %a "$PF_DIR/textfile/nefmilter.prom")"
check_eq "no temporary file is left beside it" "nefmilter.prom" "$(ls -A "$PF_DIR/textfile")"
check "the file parses" quiet $PROM "$PF_DIR/textfile/nefmilter.prom"
check_eq "and holds the same counters" "" \
    "$($PROM --delta "$PF_DIR/s3.prom" "$PF_DIR/textfile/nefmilter.prom")"
check "--output into a missing directory fails (exit 7)" \
    test "$(nefctl metrics --output "$PF_DIR/nowhere/x.prom" 2>/dev/null; echo $?)" = 7

# --- 5. read-only: metrics and digest beside a writer ----------------------------
# Another process holds the store's writer lock: the two commands answer
# all the same (a command that writes gives up: exit 4).
pf_spawn wlock /usr/bin/python3 -c 'import fcntl, sys, time
f = open(sys.argv[1], "r+"); fcntl.flock(f, fcntl.LOCK_EX)
open(sys.argv[2], "w").close(); time.sleep(60)' "$PF_DIR/nefstate/db/write.lock" "$PF_DIR/wlocked"
WLOCK=$PF_SPAWN_PID
check "another process holds the writer lock" wait_for 10 test -e "$PF_DIR/wlocked"
check_eq "nefctl team add gives up on it (exit 4)" 4 \
    "$(nefctl -w 1 team add cand 4:22-cv-05541 dave@example.test >/dev/null 2>&1; echo $?)"
check "nefctl metrics answers under it" sh -c '"$0" -c "$1" -w 1 metrics >"$2"' "$NEFCTL" "$PF_DIR/nef.conf" "$PF_DIR/l.prom"
check "nefctl digest answers under it" sh -c '"$0" -c "$1" -w 1 digest >/dev/null' "$NEFCTL" "$PF_DIR/nef.conf"
check_eq "... the same counters" "" "$($PROM --delta "$PF_DIR/s3.prom" "$PF_DIR/l.prom")"
pf_kill "$WLOCK"

# --- 6. metrics and digest while notices flow through Postfix ----------------------
# Twelve copies of entry 57 go through Postfix while nefctl metrics and
# nefctl digest run over and over: each run exits 0, each exposition
# parses, no counter goes back from one run to the next, every snapshot
# counts as many notices as it has audit records (one transaction
# writes both), the digest never loses a notice, and all of them arrive.
NF=12
before=$(pf_maildir_files docketing | wc -l)
rm -f "$PF_DIR/sent"
( for i in $(seq $NF); do e2e_send_notice "$N57" docketing@example.test >/dev/null 2>&1; done
  : >"$PF_DIR/sent" ) &
SENDER=$!
k=0
: >"$PF_DIR/runs"
while [ $k -lt 100 ]; do
	k=$((k + 1))
	nefctl metrics >"$PF_DIR/r$k.prom" 2>>"$PF_DIR/r.err"
	a=$?
	nefctl digest --since 1h >"$PF_DIR/r$k.dg" 2>>"$PF_DIR/r.err"
	echo "$a $?" >>"$PF_DIR/runs"
	[ -e "$PF_DIR/sent" ] && [ $k -ge 2 ] && break
done
wait "$SENDER"
check "all $NF copies are delivered" pf_wait_delivered docketing $((before + NF)) 30
diag "$k runs of metrics and digest"
check_eq "every run exited 0 (never 4, locked)" "" "$(grep -v '^0 0$' "$PF_DIR/runs" | sort | uniq -c)"
check_eq "nothing on standard error" "" "$(head -c 500 "$PF_DIR/r.err")"
bad=
for i in $(seq 2 $k); do
	$PROM --delta "$PF_DIR/r$((i - 1)).prom" "$PF_DIR/r$i.prom" >/dev/null 2>>"$PF_DIR/r.bad" || bad="$bad $i"
done
check_eq "each exposition parses, no counter goes back" "" "$bad$(head -c 300 "$PF_DIR/r.bad")"
bad=
nlast=0
for i in $(seq 1 $k); do
	$PROM "$PF_DIR/r$i.prom" >"$PF_DIR/r$i.txt" 2>/dev/null
	nn=$(awk '$2 ~ /^nefmilter_notices_total/ { s += $3 } END { print s + 0 }' "$PF_DIR/r$i.txt")
	na=$(awk '$2 == "nefmilter_store_records{table=\"audit\"}" { print $3 }' "$PF_DIR/r$i.txt")
	[ "$nn" = "$na" ] || bad="$bad $i:$nn/$na"
	grep -q '^nefctl digest; "nefctl audit" has every record\.$' "$PF_DIR/r$i.dg" ||
	    bad="$bad $i:digest-cut"
done
check_eq "each snapshot: as many notices counted as audit records; each digest whole" "" "$bad"
check "the runs saw the notices arrive (not all before, not all after)" \
    test "$(awk '$2 ~ /^nefmilter_notices_total/ { s[FILENAME] += $3 } END { for (f in s) print s[f] }' \
    "$PF_DIR"/r[0-9]*.txt | sort -u | wc -l)" -ge 2
nd0=0
bad=
for i in $(seq 1 $k); do
	nd=$(tr '\n' ' ' <"$PF_DIR/r$i.dg" | sed -n 's/.* \([0-9][0-9]*\) notices\{0,1\} in [0-9]* cases\{0,1\} from .*/\1/p')
	[ -n "$nd" ] && [ "$nd" -ge "$nd0" ] || bad="$bad $i:${nd:-none}<$nd0"
	nd0=${nd:-0}
done
check_eq "the digest's count of notices never goes back" "" "$bad"
nefctl metrics >"$PF_DIR/s6.prom"
check_eq "the counters rose by the twelve copies" \
    "nefmilter_notices_total{action=\"attached\",kind=\"district\"} +$NF" \
    "$($PROM --delta "$PF_DIR/s3.prom" "$PF_DIR/s6.prom" | grep '^nefmilter_notices_total')"
e2e_finish
