#!/usr/bin/env bash
# The doc-id prefix table compiled into the parser (policy/docidtab.inc) is
# what mk/docid-prefix.sh writes from the shared table
# (../shared/data/doc-id-prefix.tsv, or $NEF_DOCID_TSV); skipped when the
# shared table is not there.
. "$(dirname "$0")/../lib/tap.sh"
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
cd "$TOP"
TSV=${NEF_DOCID_TSV:-$TOP/../shared/data/doc-id-prefix.tsv}
if [ ! -r "$TSV" ]; then
	skip "shared doc-id prefix table not found at $TSV"
	tap_done
	exit 0
fi
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
sh mk/docid-prefix.sh "$TSV" >"$W/h"
check_eq "mk/docid-prefix.sh reads the shared table" 0 $?
if cmp -s "$W/h" policy/docidtab.inc; then
	ok "policy/docidtab.inc matches the shared table"
else
	not_ok "policy/docidtab.inc matches the shared table (sh mk/docid-prefix.sh > policy/docidtab.inc)"
	diff "$W/h" policy/docidtab.inc | head -10 | diag "$(cat)"
fi
check_eq "every court line of the shared table is in the table" \
    "$(grep -cE '^[0-9]{3}	' "$TSV")" "$(grep -c '^	{ [0-9]*, "' policy/docidtab.inc)"
# A table that is out of order or repeats a prefix is refused.
printf '035\tcand\n031\tcacd\n' >"$W/bad.tsv"
sh mk/docid-prefix.sh "$W/bad.tsv" >/dev/null 2>"$W/err"
check_eq "an unsorted table is refused" 1 $?
check_grep "and the script says why" "out of order" "$W/err"
tap_done
