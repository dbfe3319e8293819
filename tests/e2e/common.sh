# Shared set-up of the end-to-end suites (sourced by tests/e2e/t-*.sh that
# drive nefmilter through a real Postfix): a private Postfix instance
# (tests/lib/postfix.sh) whose smtpd uses nefmilter on a unix socket,
# nefmilter itself (-f, user postfix, log lines into Postfix's maillog
# through the postlog socket) and the fake court (tests/lib/fakecourt.sh).
# The test addresses are in the one domain example.test; the firm domain
# is example.test too.
#
#   e2e_require                 skip the suite (and exit) without root,
#                               postfix or swaks; fail without the binaries
#   e2e_start SCENARIO [CONF-LINES...]
#                               start the court with SCENARIO, write
#                               $PF_DIR/nef.conf (extra "key = value" lines
#                               may follow; one replaces the default line
#                               for its key), start Postfix and nefmilter;
#                               exits the suite when one does not start
#   e2e_notice NAME [SED-SCRIPT]
#                               tests/data/nef/district.eml with the firm
#                               domain lawfirm.example turned into
#                               example.test and SED-SCRIPT applied, written
#                               to $PF_DIR/NAME.eml; prints the path
#   e2e_send_notice FILE TO[,TO]
#                               send FILE from the court's address
#                               (PF_LAST_QID as pf_send sets it)
#   e2e_parts FILE              mimecheck.py FILE into $PF_DIR/parts; prints
#                               that path
#   e2e_last USER               USER's newest Maildir file
#   e2e_pdf_shas PARTS          the sha256 of each PDF part, in order, on one line
#   e2e_wait_qid QID            wait until nefmilter's audit line (notice or
#                               not a notice) for QID and Postfix's "removed"
#                               line are in the maillog
#   e2e_finish                  stop nefmilter (SIGTERM), check that it
#                               stopped, logged so, and wrote nothing on
#                               standard error (no fallback line, no
#                               sanitizer report); then tap_done
#   nefctl ARGS...              nefctl -c $PF_DIR/nef.conf ARGS
#   quiet CMD...                CMD with its standard output discarded
# Variables: NEF, NEFCTL, MIMECHECK, DATA, COURT_FROM, LOG (the maillog).
: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${BUILD:=build}"
. "$TOP/tests/lib/tap.sh"
. "$TOP/tests/lib/fakecourt.sh"
. "$TOP/tests/lib/postfix.sh"
NEF=$TOP/$BUILD/nefmilter
NEFCTL=$TOP/$BUILD/nefctl
MIMECHECK="/usr/bin/python3 $TOP/tests/lib/mimecheck.py"
DATA=$TOP/tests/data
COURT_FROM=ecf-noreply@cand.uscourts.gov
E2E_RUN=

e2e_require() {
	if [ "$(id -u)" -ne 0 ] || ! command -v postfix >/dev/null ||
	    ! command -v swaks >/dev/null; then
		skip "needs root, postfix and swaks (make deps)"
		tap_done
		exit 0
	fi
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
	pf_teardown
	fc_stop
	[ -n "$E2E_RUN" ] && rm -rf "$E2E_RUN"
	E2E_RUN=
}

e2e_fail_start() {	# WHAT
	not_ok "$1"
	[ -n "${PF_DIR:-}" ] && [ -f "$PF_DIR/log/nefmilter.log" ] &&
	    diag "$(tail -n 5 "$PF_DIR/log/nefmilter.log")"
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
	: "${PF_USERS:=docketing aokafor bob carol}"
	E2E_RUN=$(mktemp -d /tmp/e2e-run.XXXXXX) || e2e_fail_start "mktemp"
	chmod 755 "$E2E_RUN"
	pf_use_unix_milter "$E2E_RUN/nef.sock"
	pf_setup || e2e_fail_start "pf_setup"
	LOG=$(pf_maillog)
	# The defaults below give way to a line of the caller's for the same
	# key.  The test client on 127.0.0.1 stands for the court's network:
	# loopback is local mail, trusted only with trust_local_mail = yes.
	local kv k lines=()
	for kv in "state_dir = $PF_DIR/nefstate" "trusted_clients = 127.0.0.1" \
	    "trust_local_mail = yes" "firm_domains = example.test" \
	    "user = postfix" "pid_file =" "socket = $PF_MILTER_SOCK" \
	    "log_socket = $PF_DIR/spool/public/postlog" \
	    "log_hostname = $(postconf -c "$PF_CONF" -h myhostname)"; do
		k=${kv%% =*}
		printf '%s\n' "$@" | grep -q "^$k *=" || lines+=("$kv")
	done
	fc_conf "$PF_DIR/nef.conf" "${lines[@]}" "$@"
	pf_start || e2e_fail_start "Postfix starts"
	pf_spawn nefmilter "$NEF" -f -c "$PF_DIR/nef.conf"
	E2E_NEF_PID=$PF_SPAWN_PID
	pf_wait_milter 10 || e2e_fail_start "nefmilter listens on $PF_MILTER_SOCK"
	pf_wait_log 'nefmilter\[[0-9]+\]: nefmilter .* starting on ' 10 ||
	    e2e_fail_start "nefmilter logs into the maillog"
}

e2e_notice() {	# NAME [SED-SCRIPT]
	local out=$PF_DIR/$1.eml
	sed -e 's/lawfirm\.example/example.test/g' -e "${2:-}" \
	    "$DATA/nef/district.eml" >"$out"
	echo "$out"
}

e2e_send_notice() {	# FILE TO[,TO]
	pf_send "$COURT_FROM" "$2" "$1"
}

e2e_parts() {	# FILE
	$MIMECHECK "$1" >"$PF_DIR/parts" 2>&1
	echo "$PF_DIR/parts"
}

e2e_last() {	# USER
	pf_maildir_files "$1" | tail -n 1
}

e2e_pdf_shas() {	# PARTS
	sed -n 's/^PART [0-9]* application\/pdf .*sha256=\([0-9a-f]*\) .*/\1/p' "$1" |
	    tr '\n' ' ' | sed 's/ $//'
}

e2e_wait_qid() {	# QID
	pf_wait_log "nefmilter\[[0-9]+\]: $1: (notice|not a notice) " 20 &&
	    pf_wait_log "postfix/qmgr\[[0-9]+\]: $1: removed" 20
}

e2e_finish() {
	local pid=${E2E_NEF_PID:-}
	if [ -n "$pid" ]; then
		pf_kill "$pid"
		check "nefmilter stopped on SIGTERM" test ! -d "/proc/$pid"
		check "maillog: nefmilter says it stopped" \
		    pf_wait_log "nefmilter\[$pid\]: nefmilter stopping" 5
		check_eq "nefmilter wrote nothing on standard error" "" \
		    "$(head -c 2000 "$PF_DIR/log/nefmilter.log")"
	fi
	tap_done
}

nefctl() { "$NEFCTL" -c "$PF_DIR/nef.conf" "$@"; }
quiet() { "$@" >/dev/null; }
