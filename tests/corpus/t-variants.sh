#!/usr/bin/env bash
# The corpus notices re-wrapped, broken mid-phrase, CRLF, quoted-printable,
# and HTML notices as a mail program's text alternative, made at run time
# (tests/corpus/variants.py): each reads as the notice it came from.
. "$(dirname "$0")/common.sh"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
# variants.py prints complete TAP itself.
/usr/bin/python3 tests/corpus/variants.py "$BIN" "$CORPUS" \
    tests/corpus/exceptions.txt "$W"
