#!/usr/bin/env bash
# Parsing speed: every raw message of the corpus, in memory, through the
# MIME reader and the notice parser, for a few seconds (bench_parse).
# Prints BENCH lines; asserts nothing.
set -u
cd "$(dirname "$0")/../.."
TOP=$(pwd)
BUILD=${BUILD:-build}
B=$TOP/$BUILD/bench/bench_parse
C=${NEF_CORPUS:-$TOP/../shared/corpus/nef}
if [ ! -x "$B" ]; then echo "b-parse: $B not built"; exit 0; fi
files=$(ls "$C"/juriscraper/nef/s3/*.txt "$C"/juriscraper/nda/*.txt \
    "$C"/juriscraper/nef/*.html "$C"/courtlistener/recap_test_assets/* \
    2>/dev/null)
if [ -z "$files" ]; then
	echo "b-parse: corpus not found at $C; using tests/data/nef"
	files=$(ls tests/data/nef/*)
fi
# shellcheck disable=SC2086
"$B" -s "${BENCH_SECONDS:-3}" $files
