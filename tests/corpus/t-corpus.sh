#!/usr/bin/env bash
# nefmilter --parse over the corpus of real notices, compared field by field
# with the expected JSON beside each one (tests/corpus/compare.py); the
# allowed differences are in tests/corpus/exceptions.txt.
. "$(dirname "$0")/../lib/tap.sh"
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$TOP"
BIN=$TOP/${BUILD:-build}/nefmilter
CORPUS=${NEF_CORPUS:-$TOP/../shared/corpus/nef}
if [ ! -d "$CORPUS/juriscraper" ]; then
	skip "corpus not found at $CORPUS"
	tap_done
	exit 0
fi
if [ ! -x "$BIN" ]; then
	not_ok "$BIN is not built"
	tap_done
	exit 1
fi
# compare.py prints complete TAP itself.
exec /usr/bin/python3 tests/corpus/compare.py "$BIN" "$CORPUS" \
    tests/corpus/exceptions.txt
