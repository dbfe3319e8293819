#!/usr/bin/env bash
# Every drawn case, positive, negative, court-style and hostile, through
# the helper: the exact findings (tests/pdf/check.py compares them with
# what tests/pdf/mkpdf.py says each case holds), and for the hostile ones
# a status with a reason, bounded memory and no crash.
set -u
. "$(dirname "$0")/common.sh"
pdf_require
D=$(pdf_cases) || { not_ok "the test PDFs are generated"; tap_done; exit 1; }
"$PY" "$TOP/tests/pdf/check.py" "$NEFPDF" "$D"
