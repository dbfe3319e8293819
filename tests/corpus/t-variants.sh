#!/usr/bin/env bash
# The corpus notices re-wrapped, broken mid-phrase, CRLF, quoted-printable,
# and HTML notices as a mail program's text alternative, made at run time
# (tests/corpus/variants.py): each reads as the notice it came from.
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
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
# variants.py prints complete TAP itself.
/usr/bin/python3 tests/corpus/variants.py "$BIN" "$CORPUS" \
    tests/corpus/exceptions.txt "$W"
