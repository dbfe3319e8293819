#!/usr/bin/env bash
# The same cases through the AddressSanitizer/UBSan build of the helper
# (SAN_BUILD, default build-san), inside its sandbox: no memory error and
# no undefined behaviour on any of them, the same findings.
set -u
. "$(dirname "$0")/common.sh"
NEFPDF=$TOP/${SAN_BUILD:-build-san}/nefpdf
if [ ! -x "$NEFPDF" ]; then
	skip "no sanitizer build of nefpdf (make BUILD=build-san ... all)"
	tap_done
	exit 0
fi
D=$(pdf_cases) || { not_ok "the test PDFs are generated"; tap_done; exit 1; }
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$PY" "$TOP/tests/pdf/check.py" --sanitizer "$NEFPDF" "$D"
