# Sourced by the corpus suites: TAP, TOP, BIN (the nefmilter under test)
# and CORPUS (the real notices, read in place).  A missing corpus is a
# skip; a missing binary a failure.
. "$(dirname "${BASH_SOURCE[0]}")/../lib/tap.sh"
TOP=${TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
cd "$TOP" || exit 1
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
