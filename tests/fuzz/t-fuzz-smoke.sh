#!/usr/bin/env bash
# A short libFuzzer run of every fuzz target (the long run is "make fuzz"):
# SMOKE_SECONDS each (15 by default), or what a target's source asks for
# with a line "smoke: N s" in its comment.
. "$(dirname "$0")/../lib/tap.sh"
cd "$TOP"
for f in tests/fuzz/fuzz_*.c; do
	[ -f "$f" ] || continue
	t=$(basename "$f" .c)
	secs=${SMOKE_SECONDS:-$(sed -n 's/^ \* smoke: \([0-9][0-9]*\) s.*/\1/p' "$f" | head -1)}
	secs=${secs:-15}
	if FUZZ_SECONDS=$secs bash tests/fuzz/run "$t" >build-fuzz-$t.log 2>&1; then
		ok "$t: ${secs}s of fuzzing found nothing"
	else
		not_ok "$t: fuzzing found a crash"; tail -20 build-fuzz-$t.log | diag "$(cat)"
	fi
	rm -f build-fuzz-$t.log
done
tap_done
