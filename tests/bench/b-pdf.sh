#!/usr/bin/env bash
# The disclosure check: ms per page of nefpdf on a 100-page text brief and
# a 20-page scanned exhibit, beside mutool's own text extraction of the
# same files in the same run, and nefpdf's peak RSS (pdfbench.py).
set -u
cd "$(dirname "$0")/../.."
TOP=$(pwd)
BUILD=${BUILD:-build}
N=$TOP/$BUILD/nefpdf
if [ ! -x "$N" ] || ! command -v mutool >/dev/null; then
	echo "b-pdf: $N or mutool missing"; exit 0
fi
D=$(mktemp -d)
trap 'rm -rf "$D"' EXIT
/usr/bin/python3 tests/bench/pdfbench.py "$N" "$D"
