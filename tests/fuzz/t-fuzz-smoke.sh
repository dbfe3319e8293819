#!/usr/bin/env bash
# A short libFuzzer run of every fuzz target (the long run is "make fuzz").
. "$(dirname "$0")/../lib/tap.sh"
cd "$TOP"
for f in tests/fuzz/fuzz_*.c; do
	[ -f "$f" ] || continue
	t=$(basename "$f" .c)
	if FUZZ_SECONDS=${SMOKE_SECONDS:-15} bash tests/fuzz/run "$t" >build-fuzz-$t.log 2>&1; then
		ok "$t: ${SMOKE_SECONDS:-15}s of fuzzing found nothing"
	else
		not_ok "$t: fuzzing found a crash"; tail -20 build-fuzz-$t.log | diag "$(cat)"
	fi
	rm -f build-fuzz-$t.log
done
tap_done
