#!/usr/bin/env bash
# Calendar extraction speed: microseconds per docket entry and per notice,
# beside the notice parser's own time per notice in the same run, on every
# raw message of the corpus (else tests/data/nef), and per docket text of
# the unit tests' table, and on hostile text (bench_calendar); then the
# extraction's growth on 1, 4 and 16 MB of hostile text with its limits
# lifted (bench_callinear).  Prints BENCH lines; asserts nothing.
set -u
cd "$(dirname "$0")/../.."
TOP=$(pwd)
BUILD=${BUILD:-build}
B=$TOP/$BUILD/bench/bench_calendar
C=${NEF_CORPUS:-$TOP/../shared/corpus/nef}
if [ ! -x "$B" ]; then echo "b-calendar: $B not built"; exit 0; fi
files=$(ls "$C"/juriscraper/nef/s3/*.txt "$C"/juriscraper/nda/*.txt \
    "$C"/courtlistener/recap_test_assets/* 2>/dev/null)
if [ -z "$files" ]; then
	echo "b-calendar: corpus not found at $C; using tests/data/nef"
	files=$(ls tests/data/nef/*.eml)
fi
# shellcheck disable=SC2086
"$B" -s "${BENCH_SECONDS:-3}" -t tests/data/calendar/texts.tsv $files
L=$TOP/$BUILD/bench/bench_callinear
# shellcheck disable=SC2086
if [ -x "$L" ]; then "$L" ${BENCH_LINEAR_MB:-1 4 16}; fi
