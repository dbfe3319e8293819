#!/usr/bin/env bash
# A short libFuzzer run of every fuzz target (the long run is "make fuzz"):
# SMOKE_SECONDS each (15 by default), or what a target's source asks for
# with a line "smoke: N s" in its comment.  The targets are built once and
# then run two at a time (SMOKE_LANES), each on its own scratch corpus.
. "$(dirname "$0")/../lib/tap.sh"
cd "$TOP"
lanes=${SMOKE_LANES:-2}
targets=()
for f in tests/fuzz/fuzz_*.c; do
	[ -f "$f" ] && targets+=("$(basename "$f" .c)")
done
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

if ! FUZZ_STEP=build bash tests/fuzz/run "${targets[@]}" >"$out/build.log" 2>&1; then
	not_ok "the fuzz targets build"; tail -20 "$out/build.log" | diag "$(cat)"
	tap_done; exit 0
fi
ok "the fuzz targets build"

smoke_secs() {	# target
	local s
	s=${SMOKE_SECONDS:-$(sed -n 's/^ \* smoke: \([0-9][0-9]*\) s.*/\1/p' "tests/fuzz/$1.c" | head -1)}
	echo "${s:-15}"
}

lane() {	# lane number: runs every lanes-th target, starting at it
	local i t
	for ((i = $1; i < ${#targets[@]}; i += lanes)); do
		t=${targets[$i]}
		FUZZ_STEP=run FUZZ_SECONDS=$(smoke_secs "$t") bash tests/fuzz/run "$t" \
		    >"$out/$t.log" 2>&1
		echo $? >"$out/$t.rc"
	done
}
for ((l = 0; l < lanes; l++)); do
	lane "$l" &
done
wait

for t in "${targets[@]}"; do
	if [ "$(cat "$out/$t.rc" 2>/dev/null)" = 0 ]; then
		ok "$t: $(smoke_secs "$t")s of fuzzing found nothing"
	else
		not_ok "$t: fuzzing found a crash"; tail -20 "$out/$t.log" | diag "$(cat)"
	fi
done
tap_done
