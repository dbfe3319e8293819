#!/bin/sh
# Write policy/docidtab.inc, the table of policy/docid.c, from the shared
# doc-id prefix table (TSV: three-digit prefix, TAB, court id; '#' lines
# are comments):
#   sh mk/docid-prefix.sh [TSV] > policy/docidtab.inc
# TSV defaults to ../shared/data/doc-id-prefix.tsv.  The corpus suite
# (tests/corpus/t-docid-prefix.sh) checks that the table in the tree is
# what this script writes.
set -eu
tsv=${1:-$(dirname "$0")/../../shared/data/doc-id-prefix.tsv}
[ -r "$tsv" ] || { echo "docid-prefix.sh: cannot read $tsv" >&2; exit 1; }
cat <<'HEAD'
/*
 * docidtab: which court the first three digits of a CM/ECF document id
 * name.  Written by mk/docid-prefix.sh from the shared doc-id prefix
 * table; do not edit.  Included by policy/docid.c only.
 */
static const struct docid_prefix {
	unsigned short	 dp_prefix;
	const char	*dp_court;
} docid_table[] = {
HEAD
awk -F '\t' '
/^#/ || NF < 2 { next }
$1 !~ /^[0-9][0-9][0-9]$/ || $2 !~ /^[a-z0-9]+$/ {
	print "docid-prefix.sh: bad line " NR ": " $0 > "/dev/stderr"; bad = 1; next
}
$1 + 0 <= last { print "docid-prefix.sh: prefix " $1 " out of order or twice" > "/dev/stderr"; bad = 1; next }
{ last = $1 + 0 }
{ printf "\t{ %d, \"%s\" },\n", $1 + 0, $2 }
BEGIN { last = -1 }
END { exit bad }' "$tsv"
cat <<'TAIL'
};
TAIL
