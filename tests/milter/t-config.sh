#!/usr/bin/env bash
# Configuration errors come in one pass, each with FILE:LINE: the table's
# own errors (bad values, unknown keys) and the checks beyond the table
# (label template, restricted terms, trust settings, fetch times) for
# every bad entry of a list, sorted by line; "nefmilter -n" exits 1 and
# prints no settings.  A good file prints every setting and exits 0.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/lib/tap.sh"
NEF=$TOP/${BUILD:-build}/nefmilter
W=$(mktemp -d "${TMPDIR:-/tmp}/config.XXXXXX")
trap 'rm -rf "$W"' EXIT
chmod 755 "$W"

C=$W/bad.conf
cat >"$C" <<'EOF'
firm_domains = lawfirm.example
fetch_timeout = 99x
label_template = {date}_{bogus}
trusted_clients = 10.0.0.1, 10.0.0.300, 300.1.1.1
nosuch = 1
restricted_terms = fine
restricted_terms = -x
court_domains = uscourts.gov, bad..domain
on_error = maybe
trusted_authserv_id = two words
fetch_budget = 20s
EOF
"$NEF" -n -c "$C" >"$W/out" 2>"$W/err"
check_eq "-n on a file with errors exits 1" 1 "$?"
check_eq "-n prints no settings then" "" "$(cat "$W/out")"
check_grep "the errors are announced" "^nefmilter: configuration errors:$" "$W/err"
while IFS='|' read -r line text; do
	check_grep "line $line: $text" "^$C:$line: $text" "$W/err"
done <<'EOF'
2|fetch_timeout: expected a time .* between 1 and 280 seconds, not "99x"
3|label_template: unknown field \{bogus\}
4|trusted_clients: "10\.0\.0\.300": not an address
4|trusted_clients: "300\.1\.1\.1": not an address
5|unknown setting "nosuch"
7|restricted_terms: "-x" must start with a letter or digit
8|court_domains: "bad\.\.domain" is not a domain name
9|on_error: expected one of accept tempfail, not "maybe"
10|trusted_authserv_id: an authserv-id is one token
EOF
check_eq "nine problems, one line each" 9 "$(grep -c "^$C:[0-9]*: " "$W/err")"
check_eq "sorted by line" "2 3 4 4 5 7 8 9 10" \
    "$(sed -n "s|^$C:\([0-9]*\): .*|\1|p" "$W/err" | tr '\n' ' ' | sed 's/ $//')"
# The timeout refused on line 2 is not compared with the budget: no
# second-hand error from its default.
check_nogrep "no error derived from a refused value" "fetch_timeout \(" "$W/err"
printf 'fetch_timeout = 30s\nfetch_budget = 20s\n' >"$W/times.conf"
"$NEF" -n -c "$W/times.conf" >/dev/null 2>"$W/err2"
check_grep "a check between two settings names the line" \
    "^$W/times.conf:1: fetch_timeout \(30s\) is longer than fetch_budget \(20s\)$" "$W/err2"

printf 'firm_domains = lawfirm.example\nclaim_label_template = Claim{claim}_{nope}\n' >"$W/claim.conf"
"$NEF" -n -c "$W/claim.conf" >/dev/null 2>"$W/err3"
check_grep "a claim's label template is checked too, and named" \
    "^$W/claim.conf:2: claim_label_template: unknown field \\{nope\\}" "$W/err3"

printf 'firm_domains = lawfirm.example\nuser = nobody\nstate_dir = %s/state\npid_file =\nsocket = inet:%s@127.0.0.1\n' \
    "$W" "$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')" >"$W/good.conf"
"$NEF" -n -c "$W/good.conf" >"$W/out" 2>"$W/err"
check_eq "-n on a good file exits 0" 0 "$?"
check_grep "and prints the settings in effect" "^firm_domains = lawfirm\.example$" "$W/out"
check_eq "and has nothing to say on standard error" "" "$(cat "$W/err")"
tap_done
