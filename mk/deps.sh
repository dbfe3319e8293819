#!/bin/sh
# Install the Debian 12 packages nefmilter needs to build and to test.
# Idempotent: when every package is already installed it does nothing and
# never touches apt.  Must run as root when something is missing.
set -eu

PKGS="build-essential pkg-config libmilter-dev libgmime-3.0-dev
libcurl4-openssl-dev liblmdb-dev lmdb-utils libjansson-dev
postfix swaks miltertest libcmocka-dev clang libclang-rt-14-dev
python3 openssl ca-certificates iproute2 procps valgrind man-db
libmupdf-dev mupdf-tools libseccomp-dev libmujs-dev libgumbo-dev
libopenjp2-7-dev libjbig2dec0-dev libharfbuzz-dev
python3-icalendar python3-prometheus-client chromium
debhelper dpkg-dev fakeroot lintian"

missing=""
for p in $PKGS; do
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$st" in
	*"install ok installed"*) ;;
	*) missing="$missing $p" ;;
	esac
done
# Sendmail goes into a private root beside Postfix (mk/deps-sendmail.sh).
[ -z "$missing" ] && exec sh "$(dirname "$0")/deps-sendmail.sh"

echo "deps: installing:$missing"
if [ "$(id -u)" -ne 0 ]; then
	echo "deps: must run as root to install:$missing" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# "No configuration": the package creates the postfix user and spool but
# writes no /etc/postfix/main.cf and starts nothing.
echo "postfix postfix/main_mailer_type select No configuration" | debconf-set-selections
apt-get update -q
# shellcheck disable=SC2086
apt-get -o DPkg::Lock::Timeout=600 install -y -q --no-install-recommends $missing
exec sh "$(dirname "$0")/deps-sendmail.sh"
