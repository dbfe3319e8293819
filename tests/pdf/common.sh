# Shared set-up of the pdf suite: the helper under test, a scratch
# directory removed on exit, and the generated test PDFs.
#   NEFPDF        the helper (default $TOP/$BUILD/nefpdf)
#   PDF_TMP       a scratch directory
#   pdf_cases     the generated cases (tests/pdf/mkpdf.py), made again
#                 only when the generator changed; prints their directory
: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${BUILD:=build}"
. "$TOP/tests/lib/tap.sh"
NEFPDF=${NEFPDF:-$TOP/$BUILD/nefpdf}
PY=/usr/bin/python3
PDF_TMP=$(mktemp -d /tmp/nefpdf-test.XXXXXX)
trap 'rm -rf "$PDF_TMP"' EXIT

pdf_require() {
	if [ ! -x "$NEFPDF" ]; then
		not_ok "$NEFPDF is missing (make all)"
		tap_done
		exit 1
	fi
}

pdf_cases() {
	local d=$TOP/$BUILD/test-pdfs f
	for f in "$TOP"/tests/pdf/*.py; do
		[ "$f" -nt "$d/expect.json" ] && rm -rf "$d"
	done
	if [ ! -f "$d/expect.json" ]; then
		"$PY" "$TOP/tests/pdf/mkpdf.py" cases "$d.tmp" >&2 || return 1
		rm -rf "$d" && mv "$d.tmp" "$d"
	fi
	echo "$d"
}
