#!/bin/sh
# make deb: build the Debian package from debian/ with dpkg-buildpackage,
# in a copy of the tree (dpkg-buildpackage writes its results into the
# parent directory, and the package builds in a build directory of its
# own), then move the .deb, .buildinfo and .changes into OUT.
set -eu
OUT=${1:?usage: deb.sh OUTDIR}
TOP=$(cd "$(dirname "$0")/.." && pwd)
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
for t in dpkg-buildpackage dh fakeroot; do
	command -v "$t" >/dev/null || { echo "deb: $t is missing (make deps)" >&2; exit 1; }
done
WORK=$(mktemp -d "${TMPDIR:-/tmp}/nefdeb.XXXXXX")
trap 'rm -rf "$WORK"' EXIT INT TERM
mkdir "$WORK/nefmilter"
cd "$TOP"
if git rev-parse --git-dir >/dev/null 2>&1; then
	git ls-files -co --exclude-standard -z | xargs -0 cp --parents -t "$WORK/nefmilter"
else
	tar -cf - --exclude='./build*' --exclude=./debian/build . | tar -xf - -C "$WORK/nefmilter"
fi
cd "$WORK/nefmilter"
jobs=$(nproc 2>/dev/null || echo 1)
DEB_BUILD_OPTIONS="parallel=$jobs nocheck${DEB_BUILD_OPTIONS:+ $DEB_BUILD_OPTIONS}" \
    dpkg-buildpackage -us -uc -b >"$WORK/build.log" 2>&1 || {
	tail -n 40 "$WORK/build.log" >&2
	echo "deb: dpkg-buildpackage failed" >&2
	exit 1
}
rm -f "$OUT"/nefmilter_* "$OUT"/nefmilter-dbgsym_*
mv "$WORK"/nefmilter_* "$OUT"/
for f in "$WORK"/nefmilter-dbgsym_*; do [ -e "$f" ] && mv "$f" "$OUT"/; done
cp "$WORK/build.log" "$OUT/build.log"
ls "$OUT"/nefmilter_*.deb
