#!/usr/bin/env bash
# Two copies of one notice (one per recipient, as CM/ECF sends them) reach
# the daemon at the same moment while the court is slow: one fetch, both
# copies get every document, the second one from the store.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
. "$TOP/tests/lib/postfix.sh"
MIMECHECK="/usr/bin/python3 $TOP/tests/lib/mimecheck.py"
if [ "$(id -u)" -ne 0 ]; then skip "needs root (private Postfix)"; tap_done; exit 0; fi

trap 'pf_teardown; fc_stop' EXIT
fc_start "$TOP/tests/data/scenarios/district_slow.json" || { not_ok "fake court"; tap_done; exit 1; }
chmod 755 "$FC_DIR" "$FC_DIR/pki"; chmod 644 "$FC_CA"
PF_USERS="docketing aokafor"
RUN=$(mktemp -d); chmod 755 "$RUN"
pf_use_unix_milter "$RUN/nef.sock"
pf_setup || { not_ok "pf_setup"; tap_done; exit 1; }
trap 'pf_teardown; fc_stop; rm -rf "$RUN"' EXIT
fc_conf "$PF_DIR/nef.conf" "state_dir = $PF_DIR/nefstate" "trusted_clients = 127.0.0.1" "trust_local_mail = yes" \
    "firm_domains = example.test" "user = postfix" "pid_file =" "socket = $PF_MILTER_SOCK" \
    "log_socket = $PF_DIR/spool/public/postlog"
check "Postfix starts" pf_start
pf_spawn nefmilter "$TOP/$BUILD/nefmilter" -f -c "$PF_DIR/nef.conf"
check "nefmilter listens" pf_wait_milter 10

sed 's/lawfirm\.example/example.test/g' "$TOP/tests/data/nef/district.eml" >"$RUN/n.eml"
pf_send ecf-noreply@cand.uscourts.gov docketing@example.test "$RUN/n.eml" & a=$!
sleep 0.3
pf_send ecf-noreply@cand.uscourts.gov aokafor@example.test "$RUN/n.eml" & b=$!
wait $a; ra=$?; wait $b; rb=$?
check_eq "both copies accepted" "0 0" "$ra $rb"
check "docketing got its copy" pf_wait_delivered docketing 1 20
check "aokafor got its copy" pf_wait_delivered aokafor 1 20
check_eq "the menu was asked for once" 1 "$(fc_count 'r["path"].startswith("/doc1/035020918716")')"
check_eq "each document was fetched once" 3 "$(fc_count 'r["path"].startswith("/doc1/03512")')"
for u in docketing aokafor; do
	f=$(pf_maildir_files $u | head -1)
	$MIMECHECK "$f" >"$RUN/$u.parts"
	check_eq "$u: three PDFs attached" 3 "$(grep -c 'application/pdf' "$RUN/$u.parts")"
	check_grep "$u: the main document is the court's" "sha256=$(fc_pdf_sha cand-57-main 5000) size=5000" "$RUN/$u.parts"
done
check "the second copy waited for the first" pf_wait_log "nefmilter.*is being fetched for another copy; waiting for it" 5
check "the second copy was served from the store" pf_wait_log "nefmilter.*document cand/035020918716#0 pdf from-store attached" 5
check_eq "nothing left in the queue" "" "$(pf_queue_ids)"
tap_done
