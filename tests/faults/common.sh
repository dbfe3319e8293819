# Shared set-up of the fault and bad-input suites (sourced by
# tests/faults/t-*.sh).  Every case runs through a private MTA
# (tests/lib/mta.sh: Postfix, or Sendmail with MTA=sendmail, as
# tests/sendmail/ runs some of them) with nefmilter as its milter and the
# fake court (tests/lib/fakecourt.sh) on loopback.  Every case asserts that each
# recipient got exactly the number of copies it should (one, nearly
# always) and that nothing is left in the queue.
#
#   fx_require                       skip the whole file unless root, postfix,
#                                    swaks and the binaries are there
#   fx_court SCENARIO                start the fake court (fc_start), make its
#                                    CA readable by the unprivileged milter
#   fx_mta                           write and start the MTA instance;
#                                    PF_DEFAULT_ACTION, SM_MILTER_TIMEOUTS etc.
#                                    as in postfix.sh and sendmail.sh; sets
#                                    LOG (the maillog), CONF, STATE.  With
#                                    FX_MTA_SOCK set, the MTA connects there
#                                    (a relay in front of nefmilter's socket)
#   fx_conf [KEY = VALUE...]         write $CONF for the court: the defaults
#                                    below, then the lines given (they win)
#   fx_milter [COMMAND...]           start COMMAND -f -c $CONF (default: the
#                                    nefmilter binary, as root: it drops to
#                                    user postfix); COMMAND must exec the
#                                    daemon (env, setpriv); NEF_PID; waits
#                                    for the socket and its start line
#   fx_milter_stop                   SIGTERM, wait for it
#   fx_alive                         the milter process is still running
#   fx_notice NAME FIXTURE [SED...]  $FX/NAME.eml: tests/data/nef/FIXTURE with
#                                    the firm's domain made example.test and
#                                    the sed expressions applied
#   fx_send FROM TO[,TO] FILE        mta_send; MTA_LAST_RC, MTA_LAST_QID (and
#                                    under Postfix PF_LAST_RC, PF_LAST_QID)
#   fx_send_from ADDR FROM TO FILE   the same from client address ADDR
#   fx_settle [SECS]                 wait until the queue is empty (incoming,
#                                    active, deferred, hold); 1 on time-out
#   fx_count USER                    copies in USER's Maildir
#   fx_lines_ge REGEX N FILE         FILE has at least N lines matching REGEX
#   fx_once DESC USER [N]            check: after fx_settle, USER holds exactly
#                                    N (default 1) more copies than at the last
#                                    fx_mark; FX_LAST is then the newest file
#   fx_mark                          remember every user's count (fx_once
#                                    counts from here)
#   fx_parts FILE                    mimecheck.py FILE into $FX/parts
#   fx_qlog QID                      the maillog lines of QID (into $FX/qlog)
#   fx_case_routes CC [MENU DOC0 DOC1 DOC2]
#                                    JSON routes for case CC (two digits): the
#                                    notice link /doc1/0350209187CC answers the
#                                    MENU action (default: a menu of three
#                                    documents), the documents DOC0..2
#                                    (defaults: PDFs seeded fx-CC-N, and a
#                                    login page for the third)
#   fx_scenario FILE ROUTES...       write a scenario file from route objects
#   fx_link_sed CC                   the sed expression that points
#                                    district.eml's link at case CC
#   fx_requests [FILTER]             fc_count: requests the court logged
#   fx_case_requests CC              requests for case CC's paths
#
# Defaults written by fx_conf: state in $STATE, 127.0.0.1 trusted, firm
# domain example.test, the MTA's user and log socket (mta_nef_conf), the
# socket, short fetch timeouts (1 s connect, 2 s per request, 6 s budget).
: "${TOP:?run through tests/run, or set TOP}"
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
. "$TOP/tests/lib/mta.sh"
NEF=$TOP/$BUILD/nefmilter
NEFCTL=$TOP/$BUILD/nefctl
STORETOOL=$TOP/$BUILD/tools/storetool
MIMECHECK="/usr/bin/python3 $TOP/tests/lib/mimecheck.py"
DATA=$TOP/tests/data
LAW=example.test
MTA_USERS=${MTA_USERS:-${PF_USERS:-"docketing aokafor bob carol dave"}}
# Under /run: Sendmail refuses a socket under a world-writable /tmp.
FX=$(mktemp -d /run/faults.XXXXXX)
chmod 755 "$FX"
NEF_PID=
FX_LAST=
declare -A FX_MARK=()

fx_cleanup() {
	mta_teardown
	fc_stop
	rm -rf "$FX"
}
trap fx_cleanup EXIT

fx_require() {
	mta_require
	local b
	for b in "$NEF" "$@"; do
		[ -x "$b" ] || { not_ok "$b is missing (make all tools)"; tap_done; exit 1; }
	done
}

fx_court() {
	fc_start "$1" || { not_ok "the fake court starts"; tap_done; exit 1; }
	trap fx_cleanup EXIT
	chmod 755 "$FC_DIR" "$FC_DIR/pki"
	chmod 644 "$FC_CA"
}

fx_mta() {
	mta_use_unix_milter "$FX/run/nef.sock"
	if [ -n "${FX_MTA_SOCK:-}" ]; then
		PF_MILTER=unix:$FX_MTA_SOCK
		SM_MILTER=unix:$FX_MTA_SOCK
	fi
	mkdir -p "$FX/run"
	chmod 755 "$FX/run"
	mta_setup || { not_ok "the $(mta_name) instance is set up"; tap_done; exit 1; }
	CONF=$MTA_DIR/nef.conf
	STATE=${STATE:-$MTA_DIR/nefstate}
	LOG=$MTA_LOG
	mta_start || { not_ok "$(mta_name) starts"; tap_done; exit 1; }
}

fx_postfix() { fx_mta "$@"; }	# the name Postfix-only scripts use

fx_conf() {
	# Written aside, then renamed: a reload never reads half a file (one
	# without connect_to would send requests to the real court).
	local mc
	mapfile -t mc < <(mta_nef_conf)
	fc_conf "$CONF.new" "state_dir = $STATE" "trusted_clients = 127.0.0.1" \
	    "trust_local_mail = yes" "firm_domains = $LAW" "pid_file =" \
	    "socket = $MTA_MILTER_SOCK" "${mc[@]}" \
	    "fetch_connect_timeout = 1s" "fetch_timeout = 2s" "fetch_budget = 6s" \
	    "$@"
	# fc_conf keeps a default only when no later line names its key;
	# the lines above are defaults too: the caller's lines win.
	/usr/bin/python3 - "$CONF.new" <<'EOF'
import sys
path = sys.argv[1]
lines = open(path).read().splitlines()
last = {}
for i, l in enumerate(lines):
    k = l.split("=", 1)[0].strip()
    last[k] = i
repeat = {"connect_to", "restricted_terms", "restricted_exceptions"}
out = [l for i, l in enumerate(lines)
       if l.split("=", 1)[0].strip() in repeat or last[l.split("=", 1)[0].strip()] == i]
open(path, "w").write("\n".join(out) + "\n")
EOF
	chmod 644 "$CONF.new"
	mv -f "$CONF.new" "$CONF"
}

fx_milter() {	# [COMMAND...]
	[ $# -gt 0 ] || set -- "$NEF"
	local n
	n=$(grep -c 'nefmilter.*starting on' "$LOG")
	rm -f "$FX/run/nef.sock"
	pf_spawn nefmilter "$@" -f -c "$CONF"
	NEF_PID=$PF_SPAWN_PID
	if ! pf_wait_milter 15 || ! wait_for 10 fx_lines_ge 'nefmilter.*starting on' $((n + 1)) "$LOG"; then
		not_ok "nefmilter starts"
		cat "$MTA_DIR/log/nefmilter.log" "$PF_SPAWN_TMP/nefmilter.log" \
		    2>/dev/null | tail -n 20 | diag "$(cat)"
		tap_done; exit 1
	fi
}

fx_milter_stop() {
	[ -n "$NEF_PID" ] && pf_kill "$NEF_PID"
	NEF_PID=
}

fx_alive() {
	[ -n "$NEF_PID" ] && kill -0 "$NEF_PID" 2>/dev/null &&
	    [ "$(awk '{print $3}' "/proc/$NEF_PID/stat" 2>/dev/null)" != Z ]
}

fx_notice() {	# NAME FIXTURE [SED...]
	local name=$1 fix=$2
	shift 2
	local args=(-e "s/lawfirm\\.example/$LAW/g") e
	for e in "$@"; do args+=(-e "$e"); done
	sed "${args[@]}" "$DATA/nef/$fix" >"$FX/$name.eml"
}

fx_send() { mta_send "$@"; }

# fx_send_from ADDR FROM TO FILE: as pf_send, the client connecting from
# the loopback address ADDR (127.0.0.2: a client nefmilter does not trust)
fx_send_from() {
	local addr=$1 data=$MTA_DIR/log/swaks-data.from.$((PF_SEND_SEQ + SM_SEND_SEQ + 1))
	shift
	pf_dot_data "$3" "$data" || return 1
	if [ "$MTA" = sendmail ]; then
		sm_swaks --local-interface "$addr" --from "$1" --to "$2" \
		    --data "@$data" --no-data-fixup
	else
		pf_swaks --local-interface "$addr" --from "$1" --to "$2" \
		    --data "@$data" --no-data-fixup
	fi
	mta_last
}

fx_settle() {	# [SECS]: the queue is empty
	local end=$((SECONDS + ${1:-20}))
	until mta_spool_empty; do
		[ $SECONDS -ge $end ] && return 1
		sleep 0.1
	done
	return 0
}

fx_count() { mta_maildir_files "$1" | wc -l; }

fx_count_ge() { [ "$(fx_count "$1")" -ge "$2" ]; }

# fx_lines_ge REGEX N FILE: FILE has at least N lines matching REGEX (for
# wait_for, which runs its command again on each try)
fx_lines_ge() { [ "$(grep -cE -- "$1" "$3" 2>/dev/null)" -ge "$2" ]; }

fx_mark() {
	local u
	for u in $MTA_USERS; do FX_MARK[$u]=$(fx_count "$u"); done
}

fx_once() {	# DESC USER [N]
	local d=$1 u=$2 n=${3:-1} want got
	want=$(( ${FX_MARK[$u]:-0} + n ))
	wait_for 20 fx_count_ge "$u" "$want"
	fx_settle 20
	sleep 0.2
	got=$(fx_count "$u")
	check_eq "$d: $u has exactly $n new cop$([ "$n" = 1 ] && echo y || echo ies)" \
	    "$want" "$got"
	FX_LAST=$(mta_maildir_files "$u" | tail -n 1)
}

fx_parts() { $MIMECHECK "$1" >"$FX/parts" 2>&1; }

fx_qlog() { grep -F "$1: " "$LOG" >"$FX/qlog"; }

fx_link_sed() { echo "s#/doc1/035020918716#/doc1/0350209187$1#g"; }

fx_requests() { fc_count "${1:-True}"; }

fx_case_requests() { fc_count "r[\"path\"].split(\"?\")[0].endswith(\"$1\")"; }

# The login page the fake court answers for a spent free look.
FX_LOGIN='{"html": "<html><head><title>CAND-ECF</title></head><body><b>CM/ECF Filer or PACER Login</b><form name=\"GetPass\" method=\"POST\" action=\"/cgi-bin/login.pl\"><input name=\"login\"><input type=\"password\" name=\"key\"><input type=\"submit\" value=\"Login\"></form></body></html>"}'

fx_case_routes() {	# CC [MENU DOC0 DOC1 DOC2]
	local cc=$1 h='"host": "ecf.cand.uscourts.gov"'
	local menu=${2:-} d0=${3:-} d1=${4:-} d2=${5:-}
	[ -n "$menu" ] || menu='{"menu": {"host": "ecf.cand.uscourts.gov", "caseid": "401001", "seq": "213", "magic": "62818321", "docnum": 57, "docs": [["/doc1/0351209187'$cc'", "Main Document"], ["/doc1/0351209188'$cc'", "Declaration of Adaeze Okafor"], ["/doc1/0351209189'$cc'", "Proposed Order"]]}}'
	[ -n "$d0" ] || d0='{"pdf": "fx-'$cc'-0", "size": 5000}'
	[ -n "$d1" ] || d1='{"pdf": "fx-'$cc'-1", "size": 7000}'
	[ -n "$d2" ] || d2=$FX_LOGIN
	printf '{%s, "path": "/doc1/0350209187%s", "responses": [%s]},\n' "$h" "$cc" "$menu"
	printf '{%s, "path": "/doc1/0351209187%s", "responses": [%s]},\n' "$h" "$cc" "$d0"
	printf '{%s, "path": "/doc1/0351209188%s", "responses": [%s]},\n' "$h" "$cc" "$d1"
	printf '{%s, "path": "/doc1/0351209189%s", "responses": [%s]},\n' "$h" "$cc" "$d2"
}

fx_scenario() {	# FILE ROUTE-LINES...: the lines end with ","; the last comma goes
	local f=$1; shift
	{ echo '{"routes": ['; printf '%s\n' "$@" | sed '$ s/,$//'; echo ']}'; } >"$f"
	/usr/bin/python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$f" ||
	    { not_ok "scenario $f is valid JSON"; tap_done; exit 1; }
}
