# Shared set-up of the end-to-end suites (sourced by tests/e2e/t-*.sh that
# drive nefmilter through a real MTA): a private Postfix or Sendmail
# instance, as MTA says (tests/lib/mta.sh; tests/sendmail/ runs the suites
# with MTA=sendmail), which uses nefmilter on a unix socket, nefmilter
# itself (-f, as the MTA's user, log lines into the MTA's maillog) and the
# fake court (tests/lib/fakecourt.sh).  The test addresses are in the one
# domain example.test; the firm domain is example.test too.
#
#   e2e_require                 skip the suite (and exit) without root,
#                               the MTA or swaks; fail without the binaries
#   e2e_start SCENARIO [CONF-LINES...]
#                               start the court with SCENARIO, write
#                               $MTA_DIR/nef.conf (extra "key = value" lines
#                               may follow; one replaces the default line
#                               for its key), start the MTA and nefmilter;
#                               exits the suite when one does not start
#   e2e_notice NAME [SED-SCRIPT]
#                               tests/data/nef/district.eml with the firm
#                               domain lawfirm.example turned into
#                               example.test and SED-SCRIPT applied, written
#                               to $MTA_DIR/NAME.eml; prints the path
#   e2e_send_notice FILE TO[,TO]
#                               send FILE from the court's address
#                               (MTA_LAST_QID as mta_send sets it)
#   e2e_parts FILE              mimecheck.py FILE into $MTA_DIR/parts; prints
#                               that path
#   e2e_last USER               USER's newest Maildir file
#   e2e_pdf_shas PARTS          the sha256 of each PDF part, in order, on one line
#   e2e_wait_qid QID            wait until nefmilter's audit line (notice or
#                               not a notice) for QID and the MTA's "done
#                               with it" line are in the maillog
#   e2e_finish                  stop nefmilter (SIGTERM), check that it
#                               stopped, logged so, and wrote nothing on
#                               standard error (no fallback line, no
#                               sanitizer report); then tap_done
#   e2e_restart [VAR=VALUE...]  stop nefmilter (checking that it wrote
#                               nothing on standard error) and start it
#                               again, with VAR=VALUE in its environment
#   e2e_day_notices             the notices of a day, as the digest and
#                               metrics suites send them: N57 (entry 57:
#                               two PDFs and attachment 2 behind a login
#                               prompt), N59 (entry 59: its one document
#                               sealed, the link cut), NS (entry 57 as a
#                               motion to file under seal: restricted)
#   e2e_send_day                send N57 and N59 to docketing and NS to
#                               docketing and bob (who is not listed), in
#                               that order; DAY_QIDS holds their queue ids
#   nefctl ARGS...              nefctl -c $MTA_DIR/nef.conf ARGS
#   quiet CMD...                CMD with its standard output discarded
# Variables: NEF, NEFCTL, MIMECHECK, PROM (tests/lib/promparse.py: Debian's
# Prometheus parser), DATA, COURT_FROM, LOG (the maillog).
: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${BUILD:=build}"
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
. "$TOP/tests/lib/mta.sh"
NEF=$TOP/$BUILD/nefmilter
NEFCTL=$TOP/$BUILD/nefctl
MIMECHECK="/usr/bin/python3 $TOP/tests/lib/mimecheck.py"
PROM="/usr/bin/python3 $TOP/tests/lib/promparse.py"
DATA=$TOP/tests/data
COURT_FROM=ecf-noreply@cand.uscourts.gov
E2E_RUN=

e2e_require() {
	mta_require
	local b
	for b in "$NEF" "$NEFCTL"; do
		if [ ! -x "$b" ]; then
			not_ok "$b is missing (make all)"
			tap_done
			exit 1
		fi
	done
}

e2e_cleanup() {
	mta_teardown
	fc_stop
	[ -n "$E2E_RUN" ] && rm -rf "$E2E_RUN"
	E2E_RUN=
}

e2e_fail_start() {	# WHAT
	not_ok "$1"
	[ -n "$PF_SPAWN_TMP$MTA_DIR" ] && cat "$MTA_DIR/log/nefmilter.log" \
	    "$PF_SPAWN_TMP/nefmilter.log" 2>/dev/null | tail -n 5 | diag "$(cat)"
	tap_done
	exit 1
}

e2e_start() {	# SCENARIO [CONF-LINES...]
	local sc=$1; shift
	trap e2e_cleanup EXIT
	fc_start "$sc" || e2e_fail_start "the fake court starts"
	trap e2e_cleanup EXIT	# fc_start installs its own trap
	# nefmilter runs as postfix: it must read the CA file
	chmod 755 "$FC_DIR" "$FC_DIR/pki"
	chmod 644 "$FC_CA"
	: "${MTA_USERS:=${PF_USERS:-docketing aokafor bob carol}}"
	# Under /run: Sendmail refuses a socket under a world-writable /tmp.
	E2E_RUN=$(mktemp -d /run/e2e-run.XXXXXX) || e2e_fail_start "mktemp"
	chmod 755 "$E2E_RUN"
	mta_use_unix_milter "$E2E_RUN/nef.sock"
	mta_setup || e2e_fail_start "the $(mta_name) instance is set up"
	LOG=$MTA_LOG
	# The defaults below give way to a line of the caller's for the same
	# key.  The test client on 127.0.0.1 stands for the court's network:
	# loopback is local mail, trusted only with trust_local_mail = yes.
	local kv k lines=() mc
	mapfile -t mc < <(mta_nef_conf)
	for kv in "state_dir = $MTA_DIR/nefstate" "trusted_clients = 127.0.0.1" \
	    "trust_local_mail = yes" "firm_domains = example.test" \
	    "pid_file =" "socket = $MTA_MILTER_SOCK" "${mc[@]}"; do
		k=${kv%% =*}
		printf '%s\n' "$@" | grep -q "^$k *=" || lines+=("$kv")
	done
	fc_conf "$MTA_DIR/nef.conf" "${lines[@]}" "$@"
	mta_start || e2e_fail_start "$(mta_name) starts"
	pf_spawn nefmilter "$NEF" -f -c "$MTA_DIR/nef.conf"
	E2E_NEF_PID=$PF_SPAWN_PID
	E2E_NEF_LOG=$MTA_DIR/log/nefmilter.log
	[ -f "$E2E_NEF_LOG" ] || E2E_NEF_LOG=$PF_SPAWN_TMP/nefmilter.log
	pf_wait_milter 10 || e2e_fail_start "nefmilter listens on $MTA_MILTER_SOCK"
	mta_wait_log 'nefmilter\[[0-9]+\]: nefmilter .* starting on ' 10 ||
	    e2e_fail_start "nefmilter logs into the maillog"
}

e2e_notice() {	# NAME [SED-SCRIPT]
	local out=$MTA_DIR/$1.eml
	sed -e 's/lawfirm\.example/example.test/g' -e "${2:-}" \
	    "$DATA/nef/district.eml" >"$out"
	echo "$out"
}

e2e_send_notice() {	# FILE TO[,TO]
	mta_send "$COURT_FROM" "$2" "$1"
}

e2e_parts() {	# FILE
	$MIMECHECK "$1" >"$MTA_DIR/parts" 2>&1
	echo "$MTA_DIR/parts"
}

e2e_last() {	# USER
	mta_maildir_files "$1" | tail -n 1
}

e2e_pdf_shas() {	# PARTS
	sed -n 's/^PART [0-9]* application\/pdf .*sha256=\([0-9a-f]*\) .*/\1/p' "$1" |
	    tr '\n' ' ' | sed 's/ $//'
}

e2e_wait_qid() {	# QID
	mta_wait_log "nefmilter\[[0-9]+\]: $1: (notice|not a notice) " 20 &&
	    mta_wait_log "$(mta_re_done "$1")" 20
}

e2e_finish() {
	local pid=${E2E_NEF_PID:-}
	if [ -n "$pid" ]; then
		pf_kill "$pid"
		check "nefmilter stopped on SIGTERM" test ! -d "/proc/$pid"
		check "maillog: nefmilter says it stopped" \
		    mta_wait_log "nefmilter\[$pid\]: nefmilter stopping" 5
		check_eq "nefmilter wrote nothing on standard error" "" \
		    "$(head -c 2000 "$E2E_NEF_LOG")"
	fi
	tap_done
}

nefctl() { "$NEFCTL" -c "$MTA_DIR/nef.conf" "$@"; }
quiet() { "$@" >/dev/null; }

E2E_STARTS=1
e2e_restart() {	# [VAR=VALUE...]
	local n
	pf_kill "$E2E_NEF_PID"
	check_eq "nefmilter ($E2E_STARTS) wrote nothing on standard error" "" \
	    "$(head -c 2000 "$E2E_NEF_LOG")"
	n=$(grep -c 'nefmilter\[[0-9]*\]: nefmilter .* starting on ' "$LOG")
	E2E_STARTS=$((E2E_STARTS + 1))
	pf_spawn "nefmilter$E2E_STARTS" env "$@" "$NEF" -f -c "$MTA_DIR/nef.conf"
	E2E_NEF_PID=$PF_SPAWN_PID
	E2E_NEF_LOG=$MTA_DIR/log/nefmilter$E2E_STARTS.log
	[ -f "$E2E_NEF_LOG" ] || E2E_NEF_LOG=$PF_SPAWN_TMP/nefmilter$E2E_STARTS.log
	e2e_started() {
		[ "$(grep -c 'nefmilter\[[0-9]*\]: nefmilter .* starting on ' "$LOG")" -gt "$n" ]
	}
	check "nefmilter starts again" wait_for 10 e2e_started
}

e2e_day_notices() {
	N57=$(e2e_notice n57)
	N59=$(e2e_notice n59 's/035020918716?caseid=401001&de_seq_num=213/035020918900?caseid=401001\&de_seq_num=215/; s/^>57<\/a>/>59<\/a>/')
	NS=$(e2e_notice seal 's/MOTION to Compel/MOTION to File Under Seal/')
}

e2e_send_day() {
	DAY_QIDS=()
	e2e_send_notice "$N57" docketing@example.test
	DAY_QIDS+=("$MTA_LAST_QID")
	e2e_send_notice "$N59" docketing@example.test
	DAY_QIDS+=("$MTA_LAST_QID")
	e2e_send_notice "$NS" docketing@example.test,bob@example.test
	DAY_QIDS+=("$MTA_LAST_QID")
}
