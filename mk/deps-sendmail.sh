#!/bin/sh
# Sendmail for the test suites, unpacked into a private root so that
# Postfix stays installed: "apt-get install sendmail" would remove Postfix
# (both provide mail-transport-agent).  The packages are fetched with
# "apt-get download" and unpacked with "dpkg -x"; nothing is registered
# with dpkg and nothing outside the root is touched.
#
# Idempotent: when the root is complete it does nothing and never touches
# apt.  Must run as root when something is missing.
#
#   SENDMAIL_ROOT   where [/opt/nefmilter-test/sendmail]
#
# Result: $SENDMAIL_ROOT/bin/sendmail (a plain copy of the binary, without
# its setgid bit, so that it honours LD_LIBRARY_PATH for libwrap), the cf
# tree under $SENDMAIL_ROOT/usr/share/sendmail/cf, and
# $SENDMAIL_ROOT/VERSION.  tests/lib/sendmail.sh reads them.
set -eu

ROOT=${SENDMAIL_ROOT:-/opt/nefmilter-test/sendmail}
PKGS="sendmail-bin sendmail-base sendmail-cf libwrap0 m4"

[ -x "$ROOT/bin/sendmail" ] && [ -s "$ROOT/VERSION" ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: must run as root to unpack Sendmail into $ROOT" >&2
	exit 1
fi
echo "deps: unpacking Sendmail into $ROOT (Postfix stays installed)"
tmp=$(mktemp -d /tmp/nef-sendmail-deps.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
chmod 755 "$tmp"	# apt's download user must write here
cd "$tmp"
# shellcheck disable=SC2086
if ! apt-get -q download $PKGS >apt.log 2>&1; then
	apt-get update -q >/dev/null
	# shellcheck disable=SC2086
	apt-get -q download $PKGS >apt.log 2>&1 || { cat apt.log >&2; exit 1; }
fi
rm -rf "$ROOT.new"
mkdir -p "$ROOT.new/bin"
for f in ./*.deb; do
	dpkg -x "$f" "$ROOT.new"
done
cp "$ROOT.new/usr/libexec/sendmail/sendmail" "$ROOT.new/bin/sendmail"
chmod 0755 "$ROOT.new/bin/sendmail"
dpkg-deb -f sendmail-bin_*.deb Version >"$ROOT.new/VERSION"
rm -rf "$ROOT"
mv "$ROOT.new" "$ROOT"
