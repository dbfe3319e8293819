# tests/lib/mta.sh: one interface to the private MTA of a test, Postfix
# (tests/lib/postfix.sh) or Sendmail (tests/lib/sendmail.sh), so that one
# test script runs under both (bash; source it after tests/lib/tap.sh).
#
# MTA selects the MTA: postfix [default] or sendmail.  Settings of the
# MTA's own library (PF_* or SM_*) still apply; MTA_USERS, when set, is
# the local parts of the test addresses for either.
#
#   mta_require                  skip the test (exit 0) unless root, swaks
#                                and the MTA are there
#   mta_use_unix_milter PATH     the milter is a unix socket: sets MTA_MILTER_SOCK
#                                (libmilter syntax) and the MTA's own setting
#   mta_setup [DIR]              write the instance: MTA_DIR (its directory, also
#                                a scratch directory for the test), MTA_LOG (the
#                                maillog)
#   mta_start / mta_stop / mta_restart / mta_teardown
#   mta_nef_conf                 print the nefmilter.conf lines for this MTA:
#                                user, socket_group, log_socket, log_hostname
#   mta_send FROM TO[,TO] FILE   send a file unchanged (swaks); sets MTA_LAST_RC
#                                (swaks's status), MTA_LAST_QID, MTA_LAST_LOG
#   mta_send_text FROM TO[,TO] SUBJECT BODY [SWAKS-ARGS...]
#   mta_maildir_files USER       USER's messages, oldest first
#   mta_wait_delivered USER N SECS
#   mta_wait_log REGEX SECS      the maillog matches REGEX
#   mta_queue_ids / mta_hold_ids the ids in the queue / held
#   mta_queue_empty
#   mta_spool_empty              no message file anywhere in the queue (cheap:
#                                the files only, no MTA command)
#   mta_hold_reason QID          the reason the milter gave (Sendmail keeps it
#                                whole; Postfix keeps none: prints nothing)
#   mta_release QID              release a held message and deliver it now
#   mta_queued QID               the queued message: headers, blank line, body
#   mta_queued_rcpts QID         its envelope recipients, one a line
#   mta_re_received QID          regexes for the maillog: the MTA took the message,
#   mta_re_msgid QID MSGID       ... with that Message-ID,
#   mta_re_delivered QID ADDR    delivered it to ADDR,
#   mta_re_done QID              is done with it,
#   mta_re_hold QID              held it at the milter's request,
#   mta_re_milter_timeout        gave up waiting for a milter
#   mta_re_nef_held QID          nefmilter's words for a message it held here
#   mta_prog                     the regex of the MTA's program names in the log
#   mta_host                     the host name in the MTA's log lines
#   mta_name                     "Postfix" or "Sendmail"
: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
. "$TOP/tests/lib/postfix.sh"
. "$TOP/tests/lib/sendmail.sh"
MTA=${MTA:-postfix}
MTA_DIR=
MTA_LOG=
MTA_MILTER_SOCK=
MTA_LAST_RC=
MTA_LAST_QID=
MTA_LAST_LOG=

mta_name() { [ "$MTA" = sendmail ] && echo Sendmail || echo Postfix; }

mta_require() {
	local why=
	[ "$(id -u)" -eq 0 ] || why="needs root"
	command -v swaks >/dev/null || why="needs swaks (make deps)"
	case $MTA in
	postfix) command -v postfix >/dev/null || why="needs postfix (make deps)" ;;
	sendmail) sm_available || why="needs Sendmail under $SM_ROOT (make deps)"
		command -v unshare >/dev/null && command -v nsenter >/dev/null ||
		    why="needs unshare and nsenter"
		[ -z "$why" ] && ! unshare -n -m -u true 2>/dev/null &&
		    why="cannot make the network, mount and host name namespaces" ;;
	*) why="MTA=$MTA: postfix or sendmail" ;;
	esac
	if [ -n "$why" ]; then
		skip "$why"
		tap_done
		exit 0
	fi
}

mta_use_unix_milter() {	# PATH
	MTA_MILTER_SOCK=unix:$1
	pf_use_unix_milter "$1"
	SM_MILTER=unix:$1
}

mta_setup() {	# [DIR]
	[ -n "${MTA_USERS:-}" ] && PF_USERS=$MTA_USERS SM_USERS=$MTA_USERS
	case $MTA in
	postfix)
		pf_setup "$@" || return 1
		MTA_DIR=$PF_DIR MTA_LOG=$(pf_maillog) ;;
	sendmail)
		sm_setup "$@" || return 1
		MTA_DIR=$SM_DIR MTA_LOG=$SM_MAILLOG ;;
	esac
}

mta_start() { if [ "$MTA" = sendmail ]; then sm_start; else pf_start; fi; }
mta_stop() { if [ "$MTA" = sendmail ]; then sm_stop; else pf_stop; fi; }
mta_restart() { mta_stop && mta_start; }
mta_teardown() { sm_teardown; pf_teardown; }

# nefmilter runs as the MTA's user, and logs into the MTA's maillog: under
# Postfix through the postlog socket, under Sendmail through the log
# receiver's socket, in syslog form.
mta_nef_conf() {
	case $MTA in
	postfix)
		echo "user = postfix"
		echo "log_socket = $PF_DIR/spool/public/postlog"
		echo "log_hostname = $(postconf -c "$PF_CONF" -h myhostname)" ;;
	sendmail)
		echo "user = mail"
		echo "socket_group = mail"
		echo "log_socket = $SM_DIR/log/dev-log"
		echo "log_socket_format = syslog"
		echo "log_hostname = smtest" ;;
	esac
}

mta_last() {
	if [ "$MTA" = sendmail ]; then
		MTA_LAST_RC=$SM_LAST_RC MTA_LAST_QID=$SM_LAST_QID MTA_LAST_LOG=$SM_LAST_LOG
	else
		MTA_LAST_RC=$PF_LAST_RC MTA_LAST_QID=$PF_LAST_QID MTA_LAST_LOG=$PF_LAST_LOG
	fi
	return "$MTA_LAST_RC"
}

mta_send() {
	if [ "$MTA" = sendmail ]; then sm_send "$@"; else pf_send "$@"; fi
	mta_last
}

mta_send_text() {
	if [ "$MTA" = sendmail ]; then sm_send_text "$@"; else pf_send_text "$@"; fi
	mta_last
}

mta_maildir_files() { if [ "$MTA" = sendmail ]; then sm_maildir_files "$@"; else pf_maildir_files "$@"; fi; }
mta_wait_delivered() { if [ "$MTA" = sendmail ]; then sm_wait_delivered "$@"; else pf_wait_delivered "$@"; fi; }
mta_wait_log() { if [ "$MTA" = sendmail ]; then sm_wait_log "$@"; else pf_wait_log "$@"; fi; }
mta_queue_ids() { if [ "$MTA" = sendmail ]; then sm_queue_ids; else pf_queue_ids; fi; }
mta_hold_ids() { if [ "$MTA" = sendmail ]; then sm_hold_ids; else pf_hold_ids; fi; }
mta_queue_empty() { [ -z "$(mta_queue_ids)" ]; }

mta_spool_empty() {
	if [ "$MTA" = sendmail ]; then
		[ -z "$(find "$SM_DIR/queue" -maxdepth 1 -type f \( -name 'qf*' \
		    -o -name 'hf*' -o -name 'df*' -o -name 'tf*' \) 2>/dev/null | head -n 1)" ]
	else
		[ -z "$(find "$PF_DIR/spool/incoming" "$PF_DIR/spool/active" \
		    "$PF_DIR/spool/deferred" "$PF_DIR/spool/hold" \
		    "$PF_DIR/spool/maildrop" -type f 2>/dev/null | head -n 1)" ]
	fi
}
mta_hold_reason() { [ "$MTA" = sendmail ] && sm_hold_reason "$1"; return 0; }

mta_release() {	# QID
	if [ "$MTA" = sendmail ]; then sm_release "$1"; else pf_release "$1"; fi
}

mta_queued() {	# QID
	if [ "$MTA" = sendmail ]; then
		sm_qf "$1"
	else
		MAIL_CONFIG=$PF_CONF postcat -c "$PF_CONF" -bh -q "$1" 2>/dev/null
	fi
}

mta_queued_rcpts() {	# QID
	if [ "$MTA" = sendmail ]; then
		cat "$SM_DIR/queue/qf$1" "$SM_DIR/queue/hf$1" 2>/dev/null |
		    sed -n 's/^R[^:]*:<\{0,1\}\([^>]*\)>\{0,1\}$/\1/p'
	else
		MAIL_CONFIG=$PF_CONF postcat -c "$PF_CONF" -e -q "$1" 2>/dev/null |
		    sed -n 's/^recipient: //p'
	fi
}

mta_prog() { [ "$MTA" = sendmail ] && echo 'sendmail' || echo 'postfix/[a-z]+'; }

mta_re_received() {	# QID
	if [ "$MTA" = sendmail ]; then
		echo "sendmail\[[0-9]+\]: $1: from=<"
	else
		echo "postfix/cleanup\[[0-9]+\]: $1: message-id="
	fi
}

mta_re_msgid() {	# QID MSGID
	local m=${2//./\\.}
	if [ "$MTA" = sendmail ]; then
		echo "sendmail\[[0-9]+\]: $1: from=<.*, msgid=<$m>"
	else
		echo "postfix/cleanup\[[0-9]+\]: $1: message-id=<$m>"
	fi
}

mta_host() {
	if [ "$MTA" = sendmail ]; then echo smtest
	else postconf -c "$PF_CONF" -h myhostname | cut -d. -f1; fi
}

mta_re_delivered() {	# QID ADDR
	local a=${2//./\\.}
	if [ "$MTA" = sendmail ]; then
		echo "sendmail\[[0-9]+\]: $1: to=<$a>,.* stat=Sent"
	else
		echo "postfix/virtual\[[0-9]+\]: $1: to=<$a>.*status=sent"
	fi
}

mta_re_done() {	# QID
	if [ "$MTA" = sendmail ]; then
		echo "sendmail\[[0-9]+\]: $1: done;"
	else
		echo "postfix/qmgr\[[0-9]+\]: $1: removed"
	fi
}

mta_re_hold() {	# QID
	if [ "$MTA" = sendmail ]; then
		echo "sendmail\[[0-9]+\]: $1: milter=nef, quarantine="
	else
		echo "postfix/cleanup\[[0-9]+\]: $1: milter-hold: END-OF-MESSAGE from "
	fi
}

mta_re_milter_timeout() {
	if [ "$MTA" = sendmail ]; then
		echo "Milter \(nef\): timeout |milter_data\(nef\): EOM ACK/NAK timeout"
	else
		echo "milter unix:.*(timed out|Connection timed out)"
	fi
}

# "held (Postfix's hold queue; release: postsuper -H QID)" and its
# Sendmail counterpart, as a regex.
mta_re_nef_held() {	# QID
	if [ "$MTA" = sendmail ]; then
		echo "held \\(Sendmail's quarantine; release: sendmail -qQ -Q -qI$1\\)"
	else
		echo "held \\(Postfix's hold queue; release: postsuper -H $1\\)"
	fi
}
