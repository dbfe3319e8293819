#!/usr/bin/env bash
# The Debian package, on this machine: "make deb" builds it with
# dpkg-buildpackage and debhelper, lintian finds no error and no warning,
# apt installs it (user and group, directories with their owners and
# modes, the conffile, programs, man pages, the systemd units, which
# systemd-analyze verifies; the two main.cf lines printed, Postfix left
# alone), the installed nefmilter reads the installed configuration, a
# store made by the installed programs belongs to the nefmilter user; a
# reinstall over itself keeps a changed conffile and the store; remove
# keeps the store and the conffile, purge deletes them.  The machine is
# left as it was found: the user, the directories and systemd's state.
# Other suites may run meanwhile: they use their own build directories
# and configurations, and dpkg's lock is waited for, not broken.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"

if [ "$(id -u)" -ne 0 ] || ! command -v dpkg-buildpackage >/dev/null ||
    ! command -v lintian >/dev/null || ! command -v apt-get >/dev/null; then
	skip "needs root, dpkg-buildpackage, lintian and apt-get (make deps)"
	tap_done
	exit 0
fi
if dpkg-query -W -f='${Status}' nefmilter 2>/dev/null | grep -q installed; then
	skip "a nefmilter package is installed on this machine; not touching it"
	tap_done
	exit 0
fi

W=$(mktemp -d /tmp/t-deb.XXXXXX)
OUT=$TOP/$BUILD/deb-test
APT="apt-get -q -y -o DPkg::Lock::Timeout=300"
PATHS="/etc/nefmilter /var/lib/nefmilter /var/spool/postfix/nefmilter /run/nefmilter
/usr/sbin/nefmilter /usr/sbin/nefctl /lib/systemd/system/nefmilter.service
/usr/lib/tmpfiles.d/nefmilter.conf"

apt_log() {	# LOG ARGS...: apt-get ARGS, its output in LOG (apt's pty adds CRs)
	local log=$1; shift
	$APT "$@" 2>&1 | tr -d '\r' >"$log"
	return "${PIPESTATUS[0]}"
}

machine() {	# what the package may touch, as it is now
	getent passwd nefmilter | cut -d: -f1,3,4,6,7
	getent group nefmilter | cut -d: -f1,3
	getent group postfix | cut -d: -f4
	local p
	for p in $PATHS; do [ -e "$p" ] && echo "exists $p"; done
	find /etc/systemd/system /var/lib/systemd/deb-systemd-helper-enabled \
	    /var/lib/systemd/deb-systemd-helper-masked -name '*nefmilter*' 2>/dev/null | sort
	dpkg-query -W -f='${Status}\n' nefmilter 2>/dev/null | grep -v 'not-installed'
	ls /var/lib/dpkg/info | grep '^nefmilter\.'
	grep -A1 '^Package: nefmilter$' /var/lib/apt/extended_states 2>/dev/null
}
machine >"$W/before"
had_user=$(getent passwd nefmilter >/dev/null && echo 1 || echo 0)

cleanup() {
	if dpkg-query -W -f='${Status}' nefmilter 2>/dev/null | grep -q 'install\|config-files'; then
		$APT purge nefmilter >>"$W/cleanup.log" 2>&1
	fi
	if [ "$had_user" = 0 ] && getent passwd nefmilter >/dev/null; then
		userdel nefmilter >>"$W/cleanup.log" 2>&1
		getent group nefmilter >/dev/null && groupdel nefmilter >>"$W/cleanup.log" 2>&1
	fi
	rm -rf "$W"
}
trap cleanup EXIT

# --- the build and lintian ---------------------------------------------------
t0=$SECONDS
# noddebs: the debug symbols package is dpkg's, not ours, and costs time.
# gzip -1 instead of xz -6: the same files in a faster wrapper (xz spends
# tens of seconds on the statically linked nefpdf); lintian and dpkg read
# either.  mk/deb.sh builds with parallel=$(nproc) nocheck.
check "make deb builds the package" \
    sh -c "DEB_BUILD_OPTIONS=noddebs DPKG_DEB_COMPRESSOR_TYPE=gzip DPKG_DEB_COMPRESSOR_LEVEL=1 make -s -C '$TOP' BUILD='$BUILD' DEBDIR='$OUT' deb >'$W/build.out' 2>&1"
diag "build: $((SECONDS - t0)) s"
DEB=$(ls "$OUT"/nefmilter_*_*.deb 2>/dev/null | head -n 1)
if [ -z "$DEB" ]; then
	not_ok "a .deb was made"
	diag "$(tail -n 20 "$W/build.out")"
	tap_done
	exit 1
fi
VER=$(sed -n 's/^VERSION *:= *//p' "$TOP/Makefile")
check_eq "the package's version is the Makefile's" "$VER" \
    "$(dpkg-deb -f "$DEB" Version)"
check_eq "debian/changelog names that version" "$VER" \
    "$(cd "$TOP" && dpkg-parsechangelog -S Version)"
# lintian reads the package while apt installs it (below)
lintian --allow-root --pedantic "$OUT"/nefmilter_*.changes >"$W/lintian" 2>&1 &
LINTIAN=$!
check "lintian: every override carries its reason" \
    awk '/^[a-z]/ && prev !~ /^#/ { bad = 1 } { prev = $0 } END { exit bad }' \
    "$TOP/debian/nefmilter.lintian-overrides"
dpkg-deb -c "$DEB" | awk '{ print $6 }' | sed 's|^\./|/|' >"$W/files"
for f in /usr/sbin/nefmilter /usr/sbin/nefctl /usr/sbin/nefpdf \
    /usr/share/man/man8/nefmilter.8.gz /usr/share/man/man8/nefctl.8.gz \
    /usr/share/man/man5/nefmilter.conf.5.gz /etc/nefmilter/nefmilter.conf \
    /lib/systemd/system/nefmilter.service /usr/lib/tmpfiles.d/nefmilter.conf \
    /lib/systemd/system/nefmilter-metrics.timer /lib/systemd/system/nefmilter-digest.timer \
    /usr/share/doc/nefmilter/NEWS.Debian.gz /usr/share/doc/nefmilter/copyright; do
	check "the package holds $f" grep -qx "$f" "$W/files"
done
check_eq "the configuration is its one conffile" "/etc/nefmilter/nefmilter.conf" \
    "$(dpkg-deb --ctrl-tarfile "$DEB" | tar -xOf - ./conffiles)"
check_grep "copyright names the licence of nefpdf (MuPDF, AGPL)" "AGPL-3.0-or-later" \
    "$TOP/debian/copyright"

# --- the main.cf lines the postinst prints, for each form of socket -----------------
# (its function, with "nefmilter -n" answering the socket asked for)
sed -n '/^main_cf_lines() {$/,/^}$/p' "$TOP/debian/nefmilter.postinst" >"$W/mcl.sh"
while read -r sock want; do
	got=$(SOCK=$sock sh -c '. "$0"; nefmilter() { echo "socket = $SOCK"; }; main_cf_lines' "$W/mcl.sh" |
	    sed -n 's/^    smtpd_milters = //p')
	check_eq "postinst: socket $sock is smtpd_milters = $want" "$want" "$got"
done <<'EOF'
unix:/var/spool/postfix/nefmilter/nefmilter.sock unix:/nefmilter/nefmilter.sock
local:/var/spool/postfix/milters/nef.sock unix:/milters/nef.sock
/var/spool/postfix/nef.sock unix:/nef.sock
unix:/run/nefmilter/nefmilter.sock unix:/run/nefmilter/nefmilter.sock
inet:8891@127.0.0.1 inet:127.0.0.1:8891
inet6:8891@::1 inet:[::1]:8891
EOF

# --- install ---------------------------------------------------------------------
PF_MAIN=$(md5sum /etc/postfix/main.cf 2>/dev/null)
check "apt installs the package" apt_log "$W/install" install "$DEB"
wait "$LINTIAN"
check_eq "lintian: exit 0, no error, no warning" "0 " "$? $(grep -E '^(E|W):' "$W/lintian")"
# INSTALL's lines (section 5) for the default socket, as the package prints them
sed -n "s/^    postconf -e '\(\(non_\)\{0,1\}smtpd_milters = [^']*\)'$/    \1/p" "$TOP/INSTALL" |
    head -n 2 >"$W/install.lines"
check_eq "INSTALL gives the two lines for the default socket" \
    "    smtpd_milters = unix:/nefmilter/nefmilter.sock|    non_smtpd_milters = \$smtpd_milters" \
    "$(paste -sd'|' "$W/install.lines")"
check_eq "the default socket is the one those lines name (chrooted smtpd)" \
    "unix:/var/spool/postfix/nefmilter/nefmilter.sock" "$(nefmilter -n 2>/dev/null | sed -n 's/^socket = //p')"
check "the package prints INSTALL's two main.cf lines" \
    sh -c 'grep -Fx -f "$0" "$1" | cmp -s - "$0"' "$W/install.lines" "$W/install"
check_eq "Postfix's main.cf is left alone" "$PF_MAIN" "$(md5sum /etc/postfix/main.cf 2>/dev/null)"
check "the system user nefmilter exists" getent passwd nefmilter
uid=$(id -u nefmilter 2>/dev/null || echo 99999)
check "it is a system user (uid < 1000)" test "$uid" -lt 1000
check_eq "its group is nefmilter" nefmilter "$(id -gn nefmilter 2>/dev/null)"
check_eq "its home is the store, its shell none" "/var/lib/nefmilter /usr/sbin/nologin" \
    "$(getent passwd nefmilter | awk -F: '{ print $6, $7 }')"
mode() { stat -c '%a %U %G' "$1" 2>/dev/null; }
check_eq "/var/lib/nefmilter: 700 nefmilter nefmilter" "700 nefmilter nefmilter" "$(mode /var/lib/nefmilter)"
check_eq "/run/nefmilter: 755 nefmilter nefmilter" "755 nefmilter nefmilter" "$(mode /run/nefmilter)"
check_eq "/var/spool/postfix/nefmilter: 2750 nefmilter postfix" "2750 nefmilter postfix" \
    "$(mode /var/spool/postfix/nefmilter)"
check_eq "/etc/nefmilter/nefmilter.conf: 644 root root" "644 root root" \
    "$(mode /etc/nefmilter/nefmilter.conf)"
check_eq "the programs: 755 root root" "755 root root 755 root root" \
    "$(mode /usr/sbin/nefmilter) $(mode /usr/sbin/nefctl)"
check "man finds nefmilter(8), nefctl(8), nefmilter.conf(5)" \
    sh -c 'man -w nefmilter >/dev/null && man -w nefctl >/dev/null && man -w 5 nefmilter.conf >/dev/null'
check_grep "nefmilter -n reads the installed configuration" \
    '^# /etc/nefmilter/nefmilter.conf$' <(nefmilter -n 2>&1)
check "systemd-analyze verify: the milter's unit" \
    sh -c 'systemd-analyze verify /lib/systemd/system/nefmilter.service >"$0/verify" 2>&1' "$W"
diag "$(cat "$W/verify")"
check "systemd-analyze verify: the metrics timer and service" \
    sh -c 'systemd-analyze verify /lib/systemd/system/nefmilter-metrics.timer /lib/systemd/system/nefmilter-metrics.service >"$0/verify2" 2>&1' "$W"
diag "$(cat "$W/verify2")"
check_grep "the unit runs the installed program" \
    '^ExecStart=/usr/sbin/nefmilter -c /etc/nefmilter/nefmilter.conf$' \
    /lib/systemd/system/nefmilter.service
check "the unit is enabled for boot" \
    test -e /etc/systemd/system/multi-user.target.wants/nefmilter.service
check "the metrics and digest timers are not" \
    test ! -e /etc/systemd/system/timers.target.wants/nefmilter-metrics.timer -a \
    ! -e /etc/systemd/system/timers.target.wants/nefmilter-digest.timer
check "systemd-analyze verify: the digest timer and service" \
    sh -c 'systemd-analyze verify /lib/systemd/system/nefmilter-digest.timer /lib/systemd/system/nefmilter-digest.service >"$0/verify3" 2>&1' "$W"
diag "$(cat "$W/verify3")"

# A changed conffile, and a store made by the installed programs.
echo "firm_domains = lawfirm.example" >>/etc/nefmilter/nefmilter.conf
check_grep "nefmilter -n shows the change" '^firm_domains = lawfirm\.example$' <(nefmilter -n)
check "the installed nefmilter -t makes the store" \
    sh -c "nefmilter -t '$TOP/tests/data/harness-plain.eml' -r bob@example.test >/dev/null 2>'$W/t.err'"
check "nefctl adds to a case team" \
    nefctl team add cand 4:22-cv-05541 docketing@lawfirm.example
check_eq "every file of the store belongs to nefmilter" "" \
    "$(find /var/lib/nefmilter ! -user nefmilter -o ! -group nefmilter)"
check_eq "the store's files are mode 0600" "" \
    "$(find /var/lib/nefmilter -type f ! -perm 0600)"

# --- upgrade over itself -----------------------------------------------------------
check "apt reinstalls the package over itself" \
    apt_log "$W/reinstall" install --reinstall "$DEB"
check_grep "the changed conffile is kept" '^firm_domains = lawfirm\.example$' \
    /etc/nefmilter/nefmilter.conf
check_eq "the user keeps its uid" "$uid" "$(id -u nefmilter 2>/dev/null)"
check_grep "the store is kept: the team is still there" \
    '^cand	4:22-cv-05541	docketing@lawfirm\.example	' <(nefctl team list)
check_nogrep "no main.cf lines on an upgrade" "smtpd_milters" "$W/reinstall"

# --- remove, purge -----------------------------------------------------------------
check "apt removes the package" apt_log "$W/remove" remove nefmilter
check "the programs are gone" test ! -e /usr/sbin/nefmilter -a ! -e /usr/sbin/nefctl
check "the store is kept" test -f /var/lib/nefmilter/db/data.mdb
check_grep "remove says the store is kept and how to delete it" \
    'the store in /var/lib/nefmilter is kept; "apt purge nefmilter" deletes it' "$W/remove"
check_grep "the conffile is kept" '^firm_domains = lawfirm\.example$' /etc/nefmilter/nefmilter.conf
check "apt purges the package" apt_log "$W/purge" purge nefmilter
check "purge deletes the store" test ! -e /var/lib/nefmilter
check "purge deletes the configuration" test ! -e /etc/nefmilter
check "purge deletes the socket directory" test ! -e /var/spool/postfix/nefmilter
check_eq "dpkg knows the package no more" "" \
    "$(dpkg-query -W -f='${Status}' nefmilter 2>/dev/null | grep -v not-installed)"
if [ "$had_user" = 0 ]; then
	userdel nefmilter 2>/dev/null
	getent group nefmilter >/dev/null && groupdel nefmilter
fi
machine >"$W/after"
check "the machine is as it was found" diff -u "$W/before" "$W/after"
rm -rf "$OUT"
tap_done
