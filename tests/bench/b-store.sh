#!/usr/bin/env bash
# b-store: bytes per second served from the store, i.e. what a second copy
# of a notice costs once its documents are stored: store_doc_get +
# store_doc_verify + store_doc_open and the file streamed through the
# rewriter's base64 path (tests/bench/bench_store.c), side by side with a
# plain read of the same files, in one run (paired rounds).  cat(1) over
# the same files is timed too, as a cross-check of the plain read.
# Prints BENCH lines; asserts nothing.
#
# Settings: BENCH_SECONDS for bench_store [6], BENCH_STORE_DOCS [24],
# BENCH_STORE_BYTES per document [1048576], BENCH_STORE_K documents per
# notice [3], BUILD [build].
set -u
cd "$(dirname "$0")/../.."
TOP=$(pwd)
BUILD=${BUILD:-build}
B=$TOP/$BUILD/bench/bench_store
if [ ! -x "$B" ]; then echo "b-store: $B not built"; exit 0; fi
W=$(mktemp -d /tmp/b-store.XXXXXX) || exit 1
trap 'rm -rf "$W"' EXIT
DOCS=${BENCH_STORE_DOCS:-24}
BYTES=${BENCH_STORE_BYTES:-1048576}
"$B" -s "${BENCH_SECONDS:-6}" -n "$DOCS" -b "$BYTES" -k "${BENCH_STORE_K:-3}" \
    -m tests/data/nef/district.eml "$W/state" || {
	printf 'BENCH\tstore: bench_store\tFAIL\tsee above\n'
	exit 0
}
# cat over the same stored files, a few passes after a warm one
mapfile -t files < <(find "$W/state/docs" -type f -name '*.pdf')
if [ "${#files[@]}" -ne "$DOCS" ]; then
	echo "b-store: expected $DOCS stored files, found ${#files[@]}"
	exit 0
fi
cat "${files[@]}" >/dev/null
passes=20
t0=$(date +%s%N)
for ((i = 0; i < passes; i++)); do cat "${files[@]}" >/dev/null; done
t1=$(date +%s%N)
printf 'BENCH\tstore: cat(1) of the same files (%d passes)\t%s\tMB/s\n' "$passes" \
    "$(awk -v b="$((passes * DOCS * BYTES))" -v ns="$((t1 - t0))" 'BEGIN {printf "%.0f", b / ns * 1e3}')"
