#!/usr/bin/env bash
# Progress replies on the wire.  A real Postfix talks to nefmilter through
# tests/lib/mtsplit.py, which decodes every packet both ways (--trace); the
# court takes 8 s for one document and Postfix's milter_content_timeout is
# 4 s.  While that document is pending, nefmilter sends SMFIR_PROGRESS
# ('p') every 2 s, after Postfix's end of message ('E') and before its
# final reply; the notice is delivered with all its documents.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
. "$TOP/tests/lib/postfix.sh"
MIMECHECK="/usr/bin/python3 $TOP/tests/lib/mimecheck.py"
if [ "$(id -u)" -ne 0 ] || ! command -v postfix >/dev/null || ! command -v swaks >/dev/null; then
	skip "needs root, postfix and swaks (make deps)"; tap_done; exit 0
fi
W=$(mktemp -d /tmp/progress.XXXXXX)
chmod 755 "$W"
trap 'pf_teardown; fc_stop; rm -rf "$W"' EXIT
sed 's/"pdf": "cand-57-att1", "size": 7000}/"pdf": "cand-57-att1", "size": 7000, "delay": 8}/; s/"delay": 1.5, //' \
    "$TOP/tests/data/scenarios/district_slow.json" >"$W/court.json"
fc_start "$W/court.json" || { not_ok "fake court"; tap_done; exit 1; }
trap 'pf_teardown; fc_stop; rm -rf "$W"' EXIT
chmod 755 "$FC_DIR" "$FC_DIR/pki"; chmod 644 "$FC_CA"

NPORT=$(pf_free_port)
fc_conf "$W/nef.conf" "state_dir = $W/state" "trusted_clients = 127.0.0.1" \
    "trust_local_mail = yes" \
    "firm_domains = example.test" "user = nobody" "pid_file =" \
    "socket = inet:$NPORT@127.0.0.1" "fetch_timeout = 20s" "fetch_budget = 30s"
pf_spawn nefmilter "$TOP/$BUILD/nefmilter" -f -c "$W/nef.conf"
check "nefmilter listens" pf_wait_listen "$NPORT" 10
pf_spawn mtsplit /usr/bin/python3 "$TOP/tests/lib/mtsplit.py" --upstream "127.0.0.1:$NPORT" \
    --port-file "$W/relay.port" --chunk 1000000 --trace "$W/trace"
check "the decoding relay listens" wait_for 10 test -s "$W/relay.port"
PF_MILTER="inet:127.0.0.1:$(cat "$W/relay.port")"
PF_MILTER_CONTENT_TIMEOUT=4s
PF_USERS="docketing"
pf_setup || { not_ok "pf_setup"; tap_done; exit 1; }
check "Postfix starts" pf_start

sed 's/lawfirm\.example/example.test/g' "$TOP/tests/data/nef/district.eml" >"$W/n.eml"
pf_send ecf-noreply@cand.uscourts.gov docketing@example.test "$W/n.eml"
check_eq "accepted" 0 "$PF_LAST_RC"
check "delivered" pf_wait_delivered docketing 1 20
$MIMECHECK "$(pf_maildir_files docketing | tail -n 1)" >"$W/parts"
check_eq "three PDFs attached, the slow one too" 3 "$(grep -c 'application/pdf' "$W/parts")"
check_grep "the slow document is the court's" "sha256=$(fc_pdf_sha cand-57-att1 7000) size=7000" "$W/parts"
check_nogrep "Postfix never gave up on the milter" "milter .*(timed out|Connection timed out)" "$(pf_maillog)"

# The slow request, from the court's own log: when it came, and when it
# was answered (8 s later).
T_ASK=$(/usr/bin/python3 - "$FC_LOG" <<'EOF'
import json, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r["path"].startswith("/doc1/035120918717"):
        print("%.3f" % r["time"])
EOF
)
check "the court logged the slow request" test -n "$T_ASK"
# The packets of the message's end, from the MTA's 'E' to the filter's
# final reply ('c' continue, 'a' accept...), as "TIME DIR CMD".
/usr/bin/python3 - "$W/trace" "$T_ASK" >"$W/eom" <<'EOF'
import sys
lines = [l.split() for l in open(sys.argv[1])]
t_ask = float(sys.argv[2])
start = [i for i, l in enumerate(lines) if l[1] == "mta" and l[2] == "E"][-1]
out = []
for l in lines[start:]:
    out.append(l)
    if l[1] == "filter" and l[2] in ("c", "a", "t", "r", "d"):
        break
t_e = float(out[0][0])
p = [float(l[0]) for l in out if l[1] == "filter" and l[2] == "p"]
pending = [t for t in p if t_ask < t < t_ask + 8]
gaps = [b - a for a, b in zip([t_e] + p, p + [float(out[-1][0])])]
print("final %s" % out[-1][2])
print("progress %d" % len(p))
print("pending %d" % len(pending))
print("first %.1f" % ((p[0] - t_e) if p else -1))
print("maxgap %.1f" % max(gaps))
print("order %s" % "".join(l[2] for l in out if l[1] == "filter" and l[2] != "b")[:80])
EOF
diag "$(cat "$W/eom")"
val() { sed -n "s/^$1 //p" "$W/eom"; }
check "SMFIR_PROGRESS ('p') went out after end of message ($(val progress) replies)" \
    test "$(val progress)" -ge 3
check "... while the slow document was pending ($(val pending) of them)" \
    test "$(val pending)" -ge 3
check "... the first within 3 s of 'E' ($(val first) s)" \
    awk -v t="$(val first)" 'BEGIN { exit !(t >= 0 && t < 3) }'
check "... never more than 3 s of silence towards Postfix (longest: $(val maxgap) s)" \
    awk -v t="$(val maxgap)" 'BEGIN { exit !(t < 3) }'
check "the changes and the final reply come after them ($(val order))" \
    grep -Eq '^order p+[^p]+$' "$W/eom"
check_eq "the final reply is 'continue'" c "$(val final)"
tap_done
