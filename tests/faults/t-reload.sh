#!/usr/bin/env bash
# The configuration is reloaded (SIGUSR1) under load: two clients send
# notices (each fetching from a court that takes half a second) and
# ordinary mail at the same time, while the configuration is switched
# back and forth six times and one reload meets a broken file.  Every
# message is delivered exactly once, the milter does not crash, and the
# log shows every reload.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/faults/common.sh"
fx_require

N=8		# notices, and as many ordinary messages
routes=()
for i in $(seq 1 $N); do
	routes+=("$(fx_case_routes "6$i" '{"menu": {"host": "ecf.cand.uscourts.gov", "caseid": "401001", "seq": "213", "magic": "62818321", "docnum": 57, "docs": [["/doc1/03512091876'$i'", "Main Document"], ["/doc1/03512091886'$i'", "Declaration of Adaeze Okafor"], ["/doc1/03512091896'$i'", "Proposed Order"]]}, "delay": 0.5}')")
done
fx_scenario "$FX/court.json" "${routes[@]}"
fx_court "$FX/court.json"
fx_mta
conf_a() { fx_conf "sealed_link_action = strip" "fetch_timeout = 3s"; }
conf_b() { fx_conf "sealed_link_action = keep" "fetch_timeout = 4s" "debug = 1"; }
conf_a
fx_milter
for i in $(seq 1 $N); do fx_notice "n6$i" district.eml "$(fx_link_sed "6$i")"; done
printf 'From: friend@outside.test\nTo: bob@%s\nSubject: lunch %s\n\nordinary mail\n' \
    "$LAW" x >"$FX/plain.eml"
fx_mark

# Two clients at once; each line of $FX/sent.*: "rc qid".
(
	PF_SEND_SEQ=1000 SM_SEND_SEQ=1000
	for i in $(seq 1 $N); do
		mta_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/n6$i.eml"
		echo "$MTA_LAST_RC $MTA_LAST_QID" >>"$FX/sent.notices"
	done
) &
NOTICES=$!
(
	PF_SEND_SEQ=2000 SM_SEND_SEQ=2000
	for i in $(seq 1 $N); do
		mta_send friend@outside.test "bob@$LAW" "$FX/plain.eml"
		echo "$MTA_LAST_RC $MTA_LAST_QID" >>"$FX/sent.plain"
		sleep 0.3
	done
) &
PLAIN=$!

R0=$(grep -c 'nefmilter.*configuration reloaded from' "$LOG")
for r in 1 2 3 4 5 6; do
	sleep 0.6
	if [ $((r % 2)) -eq 1 ]; then conf_b; else conf_a; fi
	kill -USR1 "$NEF_PID"
	if [ "$r" -eq 3 ]; then
		wait_for 5 fx_lines_ge 'nefmilter.*configuration reloaded from' $((R0 + r)) "$LOG"
		cp "$CONF" "$CONF.bad"
		echo "fetch_timeout = forever" >>"$CONF.bad"
		mv -f "$CONF.bad" "$CONF"
		kill -USR1 "$NEF_PID"
		wait_for 5 grep -q "reload of $CONF failed" "$LOG"
	fi
done
wait "$NOTICES" "$PLAIN"
conf_a

check_eq "every notice was accepted" "$(printf '0\n%.0s' $(seq 1 $N))" "$(cut -d' ' -f1 "$FX/sent.notices")"
check_eq "every ordinary message was accepted" "$(printf '0\n%.0s' $(seq 1 $N))" "$(cut -d' ' -f1 "$FX/sent.plain")"
fx_once "notices" docketing "$N"
fx_once "ordinary mail" bob "$N"
check "the milter is still running" fx_alive
check "the log shows six reloads" \
    wait_for 5 fx_lines_ge 'nefmilter.*configuration reloaded from' $((R0 + 6)) "$LOG"
check_grep "the broken file is refused and the configuration in effect kept" \
    "reload of $CONF failed; the configuration in effect is kept: .*fetch_timeout" "$LOG"
check_eq "no delivered message is a duplicate (distinct queue ids)" "$((2 * N))" \
    "$(cat "$FX/sent.notices" "$FX/sent.plain" | cut -d' ' -f2 | sort -u | grep -c .)"
bad=0
for q in $(cut -d' ' -f2 "$FX/sent.notices"); do
	grep -q "$q: notice court=cand case=4:22-cv-05541 entry=57 .*action=" "$LOG" || {
		bad=$((bad + 1)); diag "no audit line for $q"; }
done
check_eq "every notice has its audit line" 0 "$bad"
bad=0
for f in $(mta_maildir_files docketing); do
	fx_parts "$f"
	[ "$(grep -c '^HDR X-NEF: ' "$FX/parts")" -eq 1 ] || bad=$((bad + 1))
	grep -Eq '^HDR X-NEF: v=1; court=cand; .*action=(attached|summary|stripped|unchanged)$' \
	    "$FX/parts" || bad=$((bad + 1))
done
check_eq "every delivered notice has exactly one X-NEF header, and was processed" 0 "$bad"
check_eq "every notice was fetched once (one menu request each)" "$N" \
    "$(fc_count 'r["path"].startswith("/doc1/03502091876")')"
bad=0
for f in $(mta_maildir_files bob); do
	grep -qi '^X-NEF' "$f" && bad=$((bad + 1))
done
check_eq "ordinary mail passes untouched (no X-NEF)" 0 "$bad"
check "nothing left in the queue" fx_settle 5
tap_done
