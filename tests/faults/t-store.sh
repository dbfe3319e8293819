#!/usr/bin/env bash
# The store cannot take a document, through the real Postfix.
#
#  A. The LMDB map is full and may not grow: the map is at its limit
#     (16 x map_size = 16 MiB with map_size = 1M and map_size_max unset;
#     storetool's limit is 16 MiB too) and every free page is pinned by a
#     long reader.
#     The map is filled with mdb_load and then storetool.  The notice is
#     delivered once with its PDFs, which the store refused, and the log
#     says why.
#  B. The file system of state_dir is full (a 2 MiB tmpfs; needs root):
#     completely full, then nearly full (the PDFs are fetched but cannot
#     be stored), then space comes back.  Each notice is delivered once,
#     marked when it could not be processed, with a clear log line; once
#     there is space again the milter works normally without a restart.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/faults/common.sh"
fx_require "$STORETOOL"
command -v mdb_load >/dev/null || { not_ok "mdb_load is missing (make deps: lmdb-utils)"; tap_done; exit 1; }

fx_scenario "$FX/court.json" "$(fx_case_routes 41)" "$(fx_case_routes 51)" \
    "$(fx_case_routes 52)" "$(fx_case_routes 53)"
fx_court "$FX/court.json"
fx_mta

# send CC USER: the district notice pointed at case CC, to USER
send() {
	fx_mark
	fx_notice "n$1" district.eml "$(fx_link_sed "$1")"
	fx_send ecf-noreply@cand.uscourts.gov "$2@$LAW" "$FX/n$1.eml"
	check_eq "case $1: Postfix accepts the notice" 0 "$PF_LAST_RC"
	QID=$PF_LAST_QID
}

# stored CC ATT: storetool finds the document in the store
stored() { "$STORETOOL" "$STATE" get cand "0350209187$1" "$2" 2>/dev/null | grep -q '^ok '; }

# --- A. LMDB map full ----------------------------------------------------------
mkdir -p "$STATE"
"$STORETOOL" "$STATE" init 1048576 2>/dev/null
# 16 MiB of 3000-byte values in a table of their own, in batches until
# MDB_MAP_FULL stops it (the error is expected).
/usr/bin/python3 -c '
import sys
w = sys.stdout.write
w("VERSION=3\nformat=bytevalue\ntype=btree\nmapsize=16777216\nHEADER=END\n")
v = " " + "ab" * 3000 + "\n"
for i in range(6000):
    w(" " + ("%08d" % i).encode().hex() + "\n" + v)
w("DATA=END\n")' 2>/dev/null | mdb_load -s zzfill "$STATE/db" >/dev/null 2>&1
pf_spawn reader "$STORETOOL" "$STATE" reader 120
READER=$PF_SPAWN_PID
check "a reader pins the pages in use" wait_for 5 grep -q holding "$PF_DIR/log/reader.log"
"$STORETOOL" "$STATE" audit-burst 5000 F >"$FX/fill.log" 2>&1
check_grep "storetool fills the map to its limit" "map full at 16777216 bytes \(limit 16777216\)" "$FX/fill.log"
chown -R postfix:postfix "$STATE"
fx_conf "map_size = 1M"
fx_milter

send 41 docketing
fx_once "map full" docketing
fx_parts "$FX_LAST"
fx_qlog "$QID"
check_grep "map full: the log says why each PDF was not stored" \
    "$QID: document cand/035020918741#0 \(sha256 [0-9a-f]{64}\) could not be stored: store full \(LMDB map at its limit\)" "$FX/qlog"
check_grep "map full: the audit line is still written to the mail log" \
    "$QID: notice court=cand .*docs=3 " "$FX/qlog"
check_grep "map full: the lost audit record is reported" "$QID: audit record not stored: store full" "$FX/qlog"
check_grep "map full: PDF 0 attached all the same" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-41-0 5000) size=5000" "$FX/parts"
check_grep "map full: PDF 1 attached all the same" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-41-1 7000) size=7000" "$FX/parts"
check_grep "map full: X-NEF pdf=2, action=attached" "HDR X-NEF: .*pdf=2; login=1; .*action=attached" "$FX/parts"
check "map full: the milter is still running" fx_alive
check_eq "map full: the store stays readable (nefctl stats)" 0 \
    "$(setpriv --reuid=postfix --regid=postfix --init-groups "$NEFCTL" -c "$CONF" stats >/dev/null 2>&1; echo $?)"
fx_milter_stop
pf_kill "$READER"

# --- B. the file system of state_dir is full -----------------------------------
M=$(mktemp -d /tmp/faults-fs.XXXXXX)
if ! mount -t tmpfs -o size=2m,mode=0700 tmpfs "$M" 2>/dev/null; then
	rmdir "$M"
	skip "disk full: cannot mount a tmpfs here (needs root and CAP_SYS_ADMIN)"
	check "nothing left in the queue" fx_settle 5
	tap_done; exit
fi
trap 'fx_cleanup; umount "$M"; rmdir "$M"' EXIT
STATE=$M
fx_conf "map_size = 1M"
fx_milter
# fill [KB]: leave about KB kilobytes free on the tmpfs
fill() {
	rm -f "$M/filler"
	local free
	free=$(df -k --output=avail "$M" | tail -n 1)
	dd if=/dev/zero of="$M/filler" bs=4k count=$(( (free - ${1:-0}) / 4 + 1 )) 2>/dev/null
	sync
}

fill 0
check_eq "disk full: nothing free" 0 "$(df -k --output=avail "$M" | tail -n 1 | tr -d " ")"
send 51 docketing
fx_once "disk full" docketing
fx_parts "$FX_LAST"
fx_qlog "$QID"
check_grep "disk full: the fetcher says it cannot write" \
    "$QID: fetch: error .*cannot write the temp file: No space left on device" "$FX/qlog"
check_grep "disk full: the new body goes to the system's temporary directory" \
    "$QID: new body in .* failed \(.*\); trying /" "$FX/qlog"
check_grep "disk full: delivered, processed, the failed documents counted" \
    "HDR X-NEF: v=1; court=cand; .*pdf=0; .*error=[1-9].*action=summary" "$FX/parts"
check_grep "disk full: the summary says the documents could not be fetched" "Could not be fetched" "$FX/parts"
check_grep "disk full: the notice itself is intact" "TEXT [01]: .*Notice of Electronic Filing" "$FX/parts"

fill 24
send 52 aokafor
fx_once "nearly full" aokafor
fx_parts "$FX_LAST"
fx_qlog "$QID"
# How much fits depends on the file system's accounting: at least one
# PDF is fetched, and each one fetched says why it was not stored.
check_grep "nearly full: a PDF is fetched" "$QID: fetch: pdf .*/doc1/03512091(87|88)52" "$FX/qlog"
for a in 0 1; do
	grep -Eq "$QID: fetch: pdf .*/doc1/03512091$((87 + a))52" "$FX/qlog" || continue
	check_grep "nearly full: the log says why PDF $a is not stored" \
	    "$QID: document cand/035020918752#$a \(sha256 [0-9a-f]{64}\) could not be stored: " "$FX/qlog"
done
# Each PDF that came through is attached from where it was; when none
# did, the notice goes out with the summary and a line saying why.
n=0
for a in 0 1; do
	grep -q "application/pdf .*sha256=$(fc_pdf_sha fx-52-$a $((5000 + 2000 * a)))" \
	    "$FX/parts" && n=$((n + 1))
done
if [ $n -gt 0 ]; then
	check_grep "nearly full: $n PDF(s) attached from where they were" \
	    "HDR X-NEF: v=1; court=cand; .*pdf=$n; .*action=attached" "$FX/parts"
else
	check_grep "nearly full: else delivered with the summary, the body written elsewhere" \
	    "HDR X-NEF: v=1; court=cand; .*action=(summary|error)" "$FX/parts"
	check_grep "nearly full: ... with a line saying why" \
	    "$QID: (new body in .* failed|notice not processed: )" "$FX/qlog"
fi

rm -f "$M/filler"
send 53 bob
fx_once "space again" bob
fx_parts "$FX_LAST"
fx_qlog "$QID"
check_grep "space again: processed normally (action=attached)" \
    "HDR X-NEF: .*pdf=2; login=1; .*action=attached" "$FX/parts"
check_grep "space again: PDF 0 attached" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-53-0 5000) size=5000" "$FX/parts"
check_nogrep "space again: no store error" "$QID: .*could not be stored" "$FX/qlog"
check "space again: the document is in the store" stored 53 0
check "the milter is still running" fx_alive
check_eq "no temporary file left behind" 0 "$(find "$M/tmp" -type f | wc -l)"
fx_milter_stop
check "nothing left in the queue" fx_settle 5
tap_done
