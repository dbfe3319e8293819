#!/usr/bin/env bash
# A full file system while a document is stored gives the distinct
# status "file system full" (not a generic error), leaves the store
# sound, and storing works again once there is room.  Needs root to
# mount a small tmpfs; skipped otherwise.
. "$(dirname "$0")/common.sh"
M=$(mktemp -d /tmp/t-diskfull.XXXXXX)
if ! mount -t tmpfs -o size=4m,nr_inodes=200 tmpfs "$M" 2>/dev/null; then
	rmdir "$M"
	skip "cannot mount a tmpfs here (needs root)"
	tap_done; exit 0
fi
W=$(mktemp -d /tmp/t-diskfull-out.XXXXXX)
trap 'umount "$M"; rmdir "$M"; rm -rf "$W"' EXIT
S=$M/state
printf 'state_dir = %s\nfirm_domains = lawfirm.example\n' "$S" >"$M/n.conf"
"$ST" "$S" init >/dev/null 2>&1 || { not_ok "init"; tap_done; exit 1; }
"$ST" "$S" doc cand 100 0 4:22-cv-05541 1 "%PDF first" >/dev/null 2>&1
check_eq "a document goes in while there is room" 0 "$?"
# Use up every inode, then free one for the fetcher's temp file: the
# store then cannot make the document's directory.
mkdir "$M/fill"
i=0
while touch "$M/fill/$i" 2>/dev/null; do i=$((i + 1)); [ $i -gt 1000 ] && break; done
rm -f "$M/fill/0"
a=$(printf '%s' "%PDF first" | sha256sum | cut -c1-2)
b=$(printf '%s' "%PDF second, other directory zz" | sha256sum | cut -c1-2)
[ "$a" != "$b" ] || diag "both documents share directory $a: the test proves less"
"$ST" "$S" doc cand 101 0 4:22-cv-05541 2 "%PDF second, other directory zz" >"$W/out" 2>"$W/err"; rc=$?
check_eq "storing on a full file system fails" 3 "$rc"
check_grep "with the distinct status" "doc put: file system full" "$W/err"
check_eq "nothing was indexed" "notfound" "$("$ST" "$S" get cand 101 0 2>/dev/null | cut -d' ' -f1)"
rm -rf "$M/fill"
"$NEFCTL" -c "$M/n.conf" check >"$W/check" 2>&1
check_eq "the store checks clean" 0 "$?"
"$ST" "$S" doc cand 101 0 4:22-cv-05541 2 "%PDF second, other directory zz" >/dev/null 2>&1
check_eq "with room again the document goes in" 0 "$?"
check_eq "and is found" "ok" "$("$ST" "$S" get cand 101 0 2>/dev/null | cut -d' ' -f1)"
tap_done
