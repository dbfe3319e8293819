#!/usr/bin/env bash
# nefmilter --parse over the corpus of real notices, compared field by field
# with the expected JSON beside each one (tests/corpus/compare.py); the
# allowed differences are in tests/corpus/exceptions.txt.
. "$(dirname "$0")/common.sh"
# compare.py prints complete TAP itself.
exec /usr/bin/python3 tests/corpus/compare.py "$BIN" "$CORPUS" \
    tests/corpus/exceptions.txt
