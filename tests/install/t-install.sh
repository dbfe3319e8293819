#!/usr/bin/env bash
# make install honours PREFIX and DESTDIR, installs the programs, the man
# pages and the sample configuration (never overwriting an existing one),
# and the installed nefmilter reads the installed file; make uninstall
# removes what install made, and keeps a configuration that was changed.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
BUILD=${BUILD:-build}
. "$TOP/tests/lib/tap.sh"
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT

check "make install with DESTDIR and PREFIX" \
    make -s -C "$TOP" BUILD="$BUILD" DESTDIR="$D" PREFIX=/opt/nef install >"$D/log" 2>&1
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
# (-n also checks the machine, where the user nefmilter may not exist:
# what matters here is that the file is read, with its defaults)
"$D/opt/nef/sbin/nefmilter" -n -c "$D/etc/nefmilter/nefmilter.conf" >"$D/n.out" 2>/dev/null
check_grep "the installed nefmilter reads the installed file" "^# $D/etc/nefmilter/nefmilter\.conf$" "$D/n.out"
check_grep "and finds the defaults in it" "^socket = unix:/var/spool/postfix/nefmilter/nefmilter\.sock$" "$D/n.out"
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
tap_done
