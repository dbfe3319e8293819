# fakecourt.sh: start and stop contrib/fakecourt.py for the shell tests
# (fetch suite, end-to-end tests, the demo).  Source it after tap.sh.
#
#   fc_pki DIR           make a throwaway CA (DIR/ca.pem) and a server
#                        certificate (DIR/server.pem, DIR/server.key) for
#                        every name in FC_HOSTS and localhost, with
#                        openssl.  Idempotent.  (Explicit names: libcurl
#                        refuses wildcards such as *.uscourts.gov.)
#   fc_start SCENARIO    start the court on a free loopback port with the
#                        scenario file (format: the top of fakecourt.py).
#                        Sets FC_DIR (a temp dir, removed by fc_stop),
#                        FC_PORT, FC_PID, FC_LOG (the request log, JSON
#                        lines), FC_CA (the CA file for ca_file; readable
#                        by every user, as nefmilter runs as "user").
#   fc_conf FILE [LINES] write a nefmilter.conf for fetching from it:
#                        connect_to every host to 127.0.0.1:FC_PORT,
#                        ca_file, short timeouts; extra "key = value"
#                        lines may follow and replace those defaults.
#   fc_count [FILTER]    print how many logged requests match the Python
#                        expression FILTER over r (a log entry), e.g.
#                        fc_count 'r["method"] != "GET"'
#   fc_pdf_sha SEED SIZE the SHA-256 of the PDF a scenario serves
#   fc_stop              stop the court and remove FC_DIR
#
# The court runs in the background; fc_stop is also installed as an EXIT
# trap, so a test that dies does not leave it running.

FC_PY=/usr/bin/python3
FC_HOSTS=${FC_HOSTS:-"ecf.cand.uscourts.gov ecf.nysd.uscourts.gov ecf.nyed.uscourts.gov
ecf.ca2.uscourts.gov ecf.ca9.uscourts.gov ecf.txnb.uscourts.gov ecf.gand.uscourts.gov
ecf.mdb.uscourts.gov ecf.laed.uscourts.gov ecf.ohsd.uscourts.gov ecf.txwd.uscourts.gov
ecf.nysb.uscourts.gov ecf.cacb.uscourts.gov ecf.ctb.uscourts.gov
ca9-showdoc.azurewebsites.us ca2-showdoc.azurewebsites.us
ca9-showdocservices.azurewebsites.us pacer.login.uscourts.gov evil.example"}
FC_SERVER=${TOP:?TOP unset}/contrib/fakecourt.py

fc_pki() {
	local d=$1
	[ -f "$d/server.pem" ] && return 0
	mkdir -p "$d"
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=nefmilter test CA" \
	    -keyout "$d/ca.key" -out "$d/ca.pem" \
	    -addext basicConstraints=critical,CA:TRUE \
	    -addext keyUsage=critical,keyCertSign,cRLSign >/dev/null 2>&1 || return 1
	openssl req -newkey rsa:2048 -nodes -subj "/CN=fakecourt" \
	    -keyout "$d/server.key" -out "$d/server.csr" >/dev/null 2>&1 || return 1
	local san="DNS:localhost" h
	for h in $FC_HOSTS; do san="$san,DNS:$h"; done
	printf '%s\n' "subjectAltName=$san" \
	    "basicConstraints=CA:FALSE" "extendedKeyUsage=serverAuth" >"$d/ext.cnf"
	openssl x509 -req -in "$d/server.csr" -CA "$d/ca.pem" -CAkey "$d/ca.key" \
	    -CAcreateserial -days 2 -extfile "$d/ext.cnf" -out "$d/server.pem" >/dev/null 2>&1
}

fc_start() {
	local scenario=$1
	FC_DIR=$(mktemp -d "${TMPDIR:-/tmp}/fakecourt.XXXXXX")
	fc_pki "$FC_DIR/pki" || { echo "fc_start: openssl failed" >&2; return 1; }
	FC_CA=$FC_DIR/pki/ca.pem
	chmod 755 "$FC_DIR" "$FC_DIR/pki"
	chmod 644 "$FC_CA"
	FC_LOG=$FC_DIR/requests.jsonl
	: >"$FC_LOG"
	"$FC_PY" "$FC_SERVER" --scenario "$scenario" --cert "$FC_DIR/pki/server.pem" \
	    --key "$FC_DIR/pki/server.key" --port-file "$FC_DIR/port" \
	    --pid-file "$FC_DIR/pid" --log "$FC_LOG" 2>"$FC_DIR/server.err" &
	FC_PID=$!
	trap fc_stop EXIT
	if ! wait_for 10 test -s "$FC_DIR/port"; then
		echo "fc_start: the court did not start" >&2
		cat "$FC_DIR/server.err" >&2
		return 1
	fi
	FC_PORT=$(cat "$FC_DIR/port")
}

fc_conf() {
	local f=$1; shift
	local kv k
	{
		for kv in "connect_to = ::127.0.0.1:$FC_PORT" "ca_file = $FC_CA" \
		    "fetch_connect_timeout = 5s" "fetch_timeout = 10s" \
		    "fetch_budget = 30s"; do
			k=${kv%% =*}
			printf '%s\n' "$@" | grep -q "^$k *=" || echo "$kv"
		done
		[ $# -gt 0 ] && printf '%s\n' "$@"
	} >"$f"
}

fc_count() {
	"$FC_PY" - "$FC_LOG" "${1:-True}" <<'EOF'
import json, sys
n = 0
for line in open(sys.argv[1]):
    r = json.loads(line)
    if eval(sys.argv[2], {}, {"r": r}):
        n += 1
print(n)
EOF
}

fc_pdf_sha() {
	"$FC_PY" "$FC_SERVER" --pdf-sha256 "$1" "$2"
}

fc_stop() {
	if [ -n "${FC_PID:-}" ]; then
		kill "$FC_PID" 2>/dev/null
		wait "$FC_PID" 2>/dev/null
		FC_PID=
	fi
	[ -n "${FC_DIR:-}" ] && rm -rf "$FC_DIR"
	FC_DIR=
}
