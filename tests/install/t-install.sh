#!/usr/bin/env bash
# make install honours PREFIX and DESTDIR, installs the programs, the man
# pages and the sample configuration (never overwriting an existing one),
# and the installed nefmilter reads the installed file; make uninstall
# removes what install made, and keeps a configuration that was changed.
# Installed straight into PREFIX (no DESTDIR), uninstall also removes the
# directories install made, and leaves those that were there before.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT

check "make install with DESTDIR and PREFIX" \
    sh -c "make -s -C '$TOP' BUILD='$BUILD' DESTDIR='$D' PREFIX=/opt/nef install >'$D/log' 2>&1"
for f in opt/nef/sbin/nefmilter opt/nef/sbin/nefctl opt/nef/sbin/nefpdf; do
	check "$f installed, executable" test -x "$D/$f"
done
for f in opt/nef/share/man/man8/nefmilter.8 opt/nef/share/man/man8/nefctl.8 \
    opt/nef/share/man/man8/nefpdf.8 \
    opt/nef/share/man/man5/nefmilter.conf.5 etc/nefmilter/nefmilter.conf; do
	check "$f installed" test -f "$D/$f"
done
check_eq "the sample configuration is mode 0644" 644 "$(stat -c %a "$D/etc/nefmilter/nefmilter.conf")"
check "nothing installed outside DESTDIR" test ! -e /opt/nef/sbin/nefmilter
N="$D/opt/nef/sbin/nefmilter"
C="$D/etc/nefmilter/nefmilter.conf"
# The sample names no user, so -n checks the default one, nefmilter.
"$N" -n -c "$C" >"$D/n0.out" 2>"$D/n0.err"
rc=$?
if id nefmilter >/dev/null 2>&1; then
	check_eq "the installed nefmilter checks the installed file (user nefmilter exists)" 0 "$rc"
else
	check_eq "the installed nefmilter, its user missing, fails the check" 1 "$rc"
	check_grep "and says which user to create and how" \
	    '^nefmilter: error: user "nefmilter" does not exist: create it \(adduser --system --group --home /var/lib/nefmilter --no-create-home nefmilter, see INSTALL\) or set "user"$' \
	    "$D/n0.err"
fi
check_grep "it read the installed file" "^# $D/etc/nefmilter/nefmilter\.conf$" "$D/n0.out"
# The installed file with an unprivileged user this machine has, and a
# state directory of this test's own (a machine running nefmilter has
# its own in /var/lib/nefmilter): -n passes.
chmod 755 "$D"
printf 'user = nobody\nstate_dir = %s/state\n' "$D" >>"$C"
"$N" -n -c "$C" >"$D/n.out" 2>"$D/n.err"
check_eq "the installed nefmilter checks the installed file: exit 0" 0 "$?"
check_nogrep "and no error on standard error" "^nefmilter: error:" "$D/n.err"
check_grep "it read the installed file" "^# $D/etc/nefmilter/nefmilter\.conf$" "$D/n.out"
check_grep "with the user set in it" "^user = nobody$" "$D/n.out"
check_grep "and the defaults it does not set" "^socket = unix:/var/spool/postfix/nefmilter/nefmilter\.sock$" "$D/n.out"
check "-n made nothing: no state directory" test ! -e "$D/state"
echo "firm_domains = lawfirm.example" >"$D/etc/nefmilter/nefmilter.conf"
make -s -C "$TOP" BUILD="$BUILD" DESTDIR="$D" PREFIX=/opt/nef install >"$D/log" 2>&1
check_eq "an existing configuration is kept" "firm_domains = lawfirm.example" "$(cat "$D/etc/nefmilter/nefmilter.conf")"
check "the man pages render" sh -c "man -l '$D/opt/nef/share/man/man8/nefmilter.8' >/dev/null 2>&1 && man -l '$D/opt/nef/share/man/man8/nefctl.8' >/dev/null 2>&1 && man -l '$D/opt/nef/share/man/man5/nefmilter.conf.5' >/dev/null 2>&1"
check "the installed nefpdf checks a PDF in its sandbox" \
    sh -c "/usr/bin/python3 '$TOP/tests/pdf/mkpdf.py' brief 1 '$D/b.pdf' && \"$D/opt/nef/sbin/nefpdf\" '$D/b.pdf' | grep -q '^{\"status\":\"checked\"'"
check "make uninstall removes the programs" \
    sh -c "make -s -C '$TOP' BUILD='$BUILD' DESTDIR='$D' PREFIX=/opt/nef uninstall >'$D/un.log' 2>&1 && test ! -e '$D/opt/nef/sbin/nefmilter' && test ! -e '$D/opt/nef/sbin/nefpdf'"
check_eq "make uninstall leaves no file but the changed configuration" "etc/nefmilter/nefmilter.conf" \
    "$(cd "$D" && find etc opt usr -type f 2>/dev/null)"
check_grep "and says it kept that one" "kept $D/etc/nefmilter/nefmilter.conf: it is not the sample any more" "$D/un.log"
rm -rf "$D/etc" "$D/opt" "$D/usr"
make -s -C "$TOP" BUILD="$BUILD" DESTDIR="$D" PREFIX=/opt/nef install >"$D/log" 2>&1
make -s -C "$TOP" BUILD="$BUILD" DESTDIR="$D" PREFIX=/opt/nef uninstall >"$D/un.log" 2>&1
check_eq "install then uninstall, the sample unchanged: no file left" "" \
    "$(cd "$D" && find etc opt usr -type f 2>/dev/null)"
check "and no etc/nefmilter directory" test ! -e "$D/etc/nefmilter"

# --- straight into PREFIX: the directories -------------------------------------
P=$D/direct
mkdir -p "$P/usr/local/sbin" "$P/usr/local/share/man" "$P/etc"	# as Debian has them
before=$(cd "$P" && find . | sort)
make -s -C "$TOP" BUILD="$BUILD" PREFIX="$P/usr/local" SYSCONFDIR="$P/etc" install >"$D/log" 2>&1
check "installed straight into PREFIX" test -x "$P/usr/local/sbin/nefmilter" -a -f "$P/usr/local/share/man/man8/nefmilter.8"
check_grep "install lists the directories it made" "^$P/usr/local/share/man/man8$" "$P/usr/local/share/nefmilter/installed-dirs"
check_nogrep "and not those that were there" "^$P/usr/local/(sbin|share/man)$" "$P/usr/local/share/nefmilter/installed-dirs"
make -s -C "$TOP" BUILD="$BUILD" PREFIX="$P/usr/local" SYSCONFDIR="$P/etc" install >"$D/log" 2>&1
check_grep "a second install still lists them" "^$P/usr/local/lib/tmpfiles\.d$" "$P/usr/local/share/nefmilter/installed-dirs"
make -s -C "$TOP" BUILD="$BUILD" PREFIX="$P/usr/local" SYSCONFDIR="$P/etc" uninstall >"$D/un.log" 2>&1
check_eq "uninstall leaves exactly what was there before: no file, no directory of its own" \
    "$before" "$(cd "$P" && find . | sort)"
make -s -C "$TOP" BUILD="$BUILD" PREFIX="$P/usr/local" SYSCONFDIR="$P/etc" install >"$D/log" 2>&1
echo "firm_domains = lawfirm.example" >"$P/etc/nefmilter/nefmilter.conf"
make -s -C "$TOP" BUILD="$BUILD" PREFIX="$P/usr/local" SYSCONFDIR="$P/etc" uninstall >"$D/un.log" 2>&1
check_eq "a changed configuration: it and its directory stay, nothing else" \
    "$(printf '%s\n' "$before" ./etc/nefmilter ./etc/nefmilter/nefmilter.conf | sort)" "$(cd "$P" && find . | sort)"
check "INSTALL says make uninstall removes the directories install made" \
    grep -q "and the directories make install made" "$TOP/INSTALL"
tap_done
