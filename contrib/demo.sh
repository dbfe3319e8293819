#!/usr/bin/env bash
# contrib/demo.sh: nefmilter at work, on loopback only ("make demo").
#
# Starts three things, all on loopback and all stopped at the end:
#   - the fake court (contrib/fakecourt.py) with contrib/demo/scenario.json:
#     HTTPS for ecf.cand.uscourts.gov, a throwaway CA;
#   - a private MTA in a temporary directory, delivering to Maildirs for
#     lawfirm.example (the firm), counsel.example and outside.example:
#     Postfix (tests/lib/postfix.sh), or with MTA=sendmail ("make demo
#     MTA=sendmail") Sendmail 8.17 (tests/lib/sendmail.sh, in a network
#     namespace of its own);
#   - nefmilter with its built-in defaults, plus only what loopback needs
#     (the court's address and CA, 127.0.0.1 as the trusted relay, paths in
#     the temporary directory, the MTA's user and log socket).
# Then sends, with swaks, notices made from the project's sample
# tests/data/nef/district.eml (public documents behind an attachment menu;
# a main document with 12 attachments; a document behind a login prompt; an
# entry that mentions seal, to listed and unlisted recipients, and to an
# unlisted recipient only) and a court message that is not a notice.
# Prints what each recipient received and nefmilter's lines from the mail
# log, and leaves the results in ./demo-out/: maildirs/ADDRESS/, held/
# (the held messages: Postfix's hold queue, Sendmail's quarantine),
# maillog, nefmilter.conf and report.txt.
#
# Must run as root (the MTA).  BUILD selects the build directory [build],
# MTA the MTA [postfix].
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
OUT=$TOP/demo-out
DEMO=$TOP/contrib/demo
NEF=$TOP/$BUILD/nefmilter
SAMPLE=$TOP/tests/data/nef
COURT=ecf-noreply@cand.uscourts.gov
. "$TOP/tests/lib/tap.sh"	# wait_for
. "$TOP/tests/lib/fakecourt.sh"
. "$TOP/tests/lib/mta.sh"

say() { printf 'demo: %s\n' "$*"; }
die() { printf 'demo: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root: the demo starts a private $(mta_name) instance"
for c in swaks openssl /usr/bin/python3; do
	command -v "$c" >/dev/null || die "$c is missing (sh mk/deps.sh installs it)"
done
case $MTA in
postfix) command -v postfix >/dev/null || die "postfix is missing (sh mk/deps.sh installs it)" ;;
sendmail) sm_available || die "Sendmail is missing under $SM_ROOT (sh mk/deps.sh unpacks it)" ;;
*) die "MTA=$MTA: postfix or sendmail" ;;
esac
[ -x "$NEF" ] || die "$NEF is missing (make all)"

RUN=
cleanup() {
	mta_teardown
	fc_stop
	[ -n "$RUN" ] && rm -rf "$RUN"
	RUN=
}
trap cleanup EXIT
rm -rf "$OUT"
mkdir -p "$OUT/maildirs" "$OUT/held"

# --- start ----------------------------------------------------------------
t0=$SECONDS
fc_start "$DEMO/scenario.json" || die "the fake court did not start"
trap cleanup EXIT
chmod 755 "$FC_DIR" "$FC_DIR/pki"	# nefmilter runs as postfix
chmod 644 "$FC_CA"
# Under /run: Sendmail refuses a socket under a world-writable /tmp.
RUN=$(mktemp -d /run/nefdemo-run.XXXXXX) && chmod 755 "$RUN" || die "mktemp"
PF_DOMAIN=lawfirm.example
PF_USERS="docketing aokafor bob"
PF_MAIN_EXTRA="virtual_mailbox_domains = lawfirm.example, counsel.example, outside.example"
SM_DOMAIN="lawfirm.example counsel.example outside.example"
SM_MAILDIR_NAMES=address
SM_MILTER_FLAGS=	# as milter_default_action = accept
mta_use_unix_milter "$RUN/nef.sock"
mta_setup || die "cannot set up $(mta_name)"
if [ "$MTA" = postfix ]; then
	: >"$PF_CONF/vmailbox"
	for a in docketing@lawfirm.example aokafor@lawfirm.example bob@lawfirm.example \
	    cruiz@counsel.example eve@outside.example; do
		echo "$a $a/" >>"$PF_CONF/vmailbox"
	done
fi
cat >"$MTA_DIR/nefmilter.conf" <<EOF
# nefmilter for the demo: built-in defaults, and only what loopback needs.
# The courts' hosts are sent to the fake court, whose CA is this one:
connect_to = ::127.0.0.1:$FC_PORT
ca_file = $FC_CA
# The demo's SMTP client (swaks, on 127.0.0.1) stands for the firm's gateway
# that checked the court's SPF/DKIM; a loopback client is local mail, which
# only trust_local_mail = yes lets trusted_clients verify:
trusted_clients = 127.0.0.1
trust_local_mail = yes
# Paths in the demo's temporary directory; the log goes to $(mta_name)'s maillog:
state_dir = $MTA_DIR/nefstate
socket = $MTA_MILTER_SOCK
pid_file =
$(mta_nef_conf)
EOF
mta_start || die "$(mta_name) did not start"
pf_spawn nefmilter "$NEF" -f -c "$MTA_DIR/nefmilter.conf"
NEF_PID=$PF_SPAWN_PID
pf_wait_milter 10 || { cat "$MTA_DIR/log/nefmilter.log" "$PF_SPAWN_TMP/nefmilter.log" 2>/dev/null >&2
	die "nefmilter did not start"; }
where="127.0.0.1:${PF_SMTP_PORT:-}"
[ "$MTA" = sendmail ] && where="127.0.0.1:$SM_SMTP_PORT in a network namespace of its own"
say "fake court on 127.0.0.1:$FC_PORT, $(mta_name) on $where," \
    "nefmilter on $MTA_MILTER_SOCK ($((SECONDS - t0)) s)"

# --- the messages ---------------------------------------------------------
# variant NAME SED-SCRIPT: the district sample, changed, in $MTA_DIR/NAME.eml
variant() {
	sed -e "$2" "$SAMPLE/district.eml" >"$MTA_DIR/$1.eml"
}
# send TITLE FROM TO[,TO] FILE
SENT=$OUT/sent.tsv
: >"$SENT"
send() {
	mta_send "$2" "$3" "$4"
	if [ "$MTA_LAST_RC" -ne 0 ] || [ -z "$MTA_LAST_QID" ]; then
		die "$(mta_name) refused \"$1\" (swaks exit $MTA_LAST_RC; see $MTA_LAST_LOG)"
	fi
	printf '%s\t%s\t%s\t%s\n' "$MTA_LAST_QID" "$2" "$3" "$1" >>"$SENT"
	say "sent \"$1\" to $3: queue id $MTA_LAST_QID"
}
LINK57='035020918716?caseid=401001\&de_seq_num=213'
variant public ''
variant many "s/$LINK57/035020918800?caseid=401001\&de_seq_num=214/; s/^>57<\/a>/>58<\/a>/;
s/Motion to Compel/Motion for Summary Judgment/; s/MOTION to Compel Production of Documents/MOTION for Summary Judgment/"
variant login "s/$LINK57/035020918900?caseid=401001\&de_seq_num=215/; s/^>57<\/a>/>59<\/a>/;
s/Motion to Compel/Declaration/; s/MOTION to Compel Production of Documents/DECLARATION of Brian T. Lindqvist/"
variant restricted "s/$LINK57/035020918950?caseid=401001\&de_seq_num=216/; s/^>57<\/a>/>60<\/a>/;
s/Motion to Compel/Administrative Motion to File Under Seal/;
s/MOTION to Compel Production of Documents/Administrative MOTION to File Under Seal Exhibit 4/"

send "Public documents behind an attachment menu (entry 57)" "$COURT" \
    docketing@lawfirm.example,aokafor@lawfirm.example "$MTA_DIR/public.eml"
send "A main document and 12 attachments (entry 58)" "$COURT" \
    docketing@lawfirm.example "$MTA_DIR/many.eml"
send "A document behind a login prompt: sealed, or its free look used (entry 59)" "$COURT" \
    docketing@lawfirm.example "$MTA_DIR/login.eml"
send "An entry that mentions seal, to listed and unlisted recipients (entry 60)" "$COURT" \
    docketing@lawfirm.example,cruiz@counsel.example,eve@outside.example "$MTA_DIR/restricted.eml"
send "The same entry, to an unlisted recipient only" "$COURT" \
    eve@outside.example "$MTA_DIR/restricted.eml"
send "A court message that is not a notice" cmecfhelpdesk@ohsd.uscourts.gov \
    docketing@lawfirm.example "$SAMPLE/announcement.eml"

# --- wait until the MTA has delivered or held every message ---------------
done_with() {	# QID
	grep -Eq "$(mta_re_done "$1")" "$MTA_LOG" || mta_hold_ids | grep -qx "$1"
}
all_done() {
	local q
	for q in $(cut -f1 "$SENT"); do done_with "$q" || return 1; done
}
wait_for 30 all_done || say "some messages were still in the queue after 30 s"
sleep 0.3	# postlogd writes asynchronously

# --- collect --------------------------------------------------------------
for d in "$MTA_DIR"/mail/*@*; do
	[ -d "$d" ] && cp -r "$d" "$OUT/maildirs/"
done
for q in $(mta_hold_ids); do
	mta_queued "$q" >"$OUT/held/$q.eml"
	mta_queued_rcpts "$q" >"$OUT/held/$q.rcpts"
done
cp "$MTA_LOG" "$OUT/maillog"
cp "$MTA_DIR/nefmilter.conf" "$OUT/nefmilter.conf"
echo
/usr/bin/python3 "$DEMO/report.py" "$OUT" "$MTA" | tee "$OUT/report.txt"
echo

# --- stop -----------------------------------------------------------------
COURT_PID=$FC_PID
cleanup
trap - EXIT
left=""
kill -0 "$NEF_PID" 2>/dev/null && left="$left nefmilter($NEF_PID)"
kill -0 "$COURT_PID" 2>/dev/null && left="$left fakecourt($COURT_PID)"
[ -n "$(pf_procs)" ] && left="$left postfix($(pf_procs | tr '\n' ' '))"
[ -n "$(sm_procs)" ] && left="$left sendmail($(sm_procs | tr '\n' ' '))"
[ -n "$left" ] && die "still running:$left"
say "stopped the fake court, nefmilter and $(mta_name); nothing left running ($((SECONDS - t0)) s)"
say "results in ${OUT#$PWD/}/: maildirs/ADDRESS/new/ (one file per message), held/, maillog, report.txt"
