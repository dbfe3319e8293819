#!/usr/bin/env bash
# nefmilter --inspect: the helper's answer on a real filing, the limits
# of the configuration, and "not checked" with the right reason whatever
# the helper does (crash, sandbox kill, CPU limit, silence, garbage,
# too much output).  nefmilter and nefctl hold no PDF engine code.
set -u
. "$(dirname "$0")/common.sh"
pdf_require
NEF=$TOP/$BUILD/nefmilter
D=$(pdf_cases) || { not_ok "cases"; tap_done; exit 1; }
C=$PDF_TMP/nef.conf
conf() { printf '%s\n' "$@" >"$C"; }
inspect() { "$NEF" -c "$C" --inspect "$@"; }
field() {	# JSON KEY: a member of the one object
	"$PY" -c 'import json,sys; print(json.dumps(json.loads(sys.stdin.read())[sys.argv[1]]))' "$1"
}

conf "pdf_timeout = 20s"
out=$(inspect "$D/filing.pdf"); rc=$?
check_eq "a filing: exit 0" 0 "$rc"
check_eq "one line" 1 "$(echo "$out" | wc -l)"
check_eq "status checked" '"checked"' "$(echo "$out" | field status)"
check_eq "pages" 5 "$(echo "$out" | field pages)"
check_eq "the failed redaction, with the words under the box" \
    '[{"page": 4, "bbox": [192.05, 71.0, 361.45, 89.0], "kind": "cover", "text": "Jane Doe suffers from epilepsy"}]' \
    "$(echo "$out" | field bad_redactions)"
check_eq "the SSN, masked" '[{"page": 2, "kind": "ssn", "shown": "XXX-XX-6789"}]' \
    "$(echo "$out" | field identifiers)"
out=$(inspect "$D/brief-clean.pdf" "$D/hostile-encrypted.pdf"); rc=$?
check_eq "two files: two lines" 2 "$(echo "$out" | wc -l)"
check_eq "one not checked: exit 1" 1 "$rc"
check_grep "the encrypted one says why" '^\{"status":"error","detail":"encrypted: the document needs a password"' <(echo "$out")
inspect "$PDF_TMP/missing.pdf" >/dev/null 2>&1
check_eq "a missing file: exit 2" 2 $?

conf "pdf_max_bytes = 2K"
out=$(inspect "$D/filing.pdf")
check_grep "pdf_max_bytes: too-large, the helper not even run" \
    '^\{"status":"too-large","detail":"[0-9]+ bytes \(the limit is 2048\)"' <(echo "$out")
conf "pdf_timeout = 1s"
out=$(inspect "$D/hostile-slow.pdf")
check_grep "pdf_timeout: the helper's own timer stops it" \
    '"status":"timeout","detail":"no result within the time allowed after 0 of 1 pages"' <(echo "$out")
conf "pdf_cpu = 1s"
out=$(inspect "$D/hostile-slow.pdf")
check_grep "pdf_cpu: the CPU limit stops it" '"status":"timeout","detail":"the CPU limit \(1 s\)' <(echo "$out")
conf "pdf_max_pages = 3"
out=$(inspect "$D/filing.pdf")
check_grep "pdf_max_pages" '"status":"too-large","detail":"5 pages \(the limit is 3\)"' <(echo "$out")

# helpers that misbehave: each ends as "not checked" with its reason
fake() {	# NAME BODY [TIMEOUT]: a fake helper script
	printf '#!/bin/bash\n%s\n' "$2" >"$PDF_TMP/$1"
	chmod 755 "$PDF_TMP/$1"
	conf "pdf_helper = $PDF_TMP/$1" "pdf_timeout = ${3:-1s}" "pdf_cpu = 1s"
}
fake segv 'kill -SEGV $$'
check_grep "a crash" '^\{"status":"error","detail":"the helper crashed \(signal 11, Segmentation fault\)"' <(inspect "$D/filing.pdf")
fake sys 'kill -SYS $$'
check_grep "the sandbox's SIGSYS" '"detail":"the sandbox stopped the helper \(a forbidden system call\)"' <(inspect "$D/filing.pdf")
# (a long wall clock, so that the CPU limit comes first on a busy machine)
fake cpu "trap '' XCPU; ulimit -t 1; while :; do :; done" 20s
check_grep "the CPU hard limit" '"status":"timeout","detail":"the CPU limit \(1 s\) was reached"' <(inspect "$D/filing.pdf")
fake silent 'exec sleep 60'
t0=$SECONDS
check_grep "a helper that never answers is killed" '"status":"timeout","detail":"no answer within 1 s"' <(inspect "$D/filing.pdf")
check "within pdf_timeout and the grace" test $((SECONDS - t0)) -le 5
fake garbage 'echo "{not json"'
check_grep "garbage" '"detail":"the helper.s answer is not readable \(not a JSON object\)"' <(inspect "$D/filing.pdf")
fake liar 'echo "{\"status\":\"checked\",\"pages\":1,\"bad_redactions\":[{\"page\":9,\"bbox\":[0,0,1,1],\"kind\":\"cover\",\"text\":\"x\"}],\"identifiers\":[]}"'
check_grep "a finding on a page the document lacks" '"detail":"the helper.s answer is not readable \(a bad redaction\)"' <(inspect "$D/filing.pdf")
fake flood 'yes "{\"status\":\"checked\"}"'
check_grep "an endless answer" '"detail":"the helper.s answer was longer than 8388608 bytes"' <(inspect "$D/filing.pdf")
fake nosandbox 'echo "nefpdf: sandbox: seccomp_load: Invalid argument" >&2; exit 3'
check_grep "no sandbox, no check" '"detail":"the helper could not set up its sandbox: nefpdf: sandbox: seccomp_load: Invalid argument"' <(inspect "$D/filing.pdf")
conf "pdf_helper = $PDF_TMP/none"
"$NEF" -c "$C" -n >/dev/null 2>&1
check_eq "-n refuses a pdf_helper that does not exist" 1 $?

for p in nefmilter nefctl; do
	check_eq "$p holds no PDF engine code" 0 "$(nm "$TOP/$BUILD/$p" 2>/dev/null | grep -c ' T fz_\| T pdf_')"
done
check "nefpdf does (the check above can fail)" sh -c "nm '$NEFPDF' | grep -q ' T fz_open_document'"
tap_done
