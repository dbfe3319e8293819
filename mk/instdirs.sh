#!/bin/sh
# The directories of "make install" and "make uninstall".
#
#   mk/instdirs.sh make MANIFEST DIR...
#       make each DIR with its missing parents (mode 0755); with a
#       MANIFEST, add to it every directory that did not exist before
#       (one per line; a directory an earlier install made stays listed)
#   mk/instdirs.sh remove MANIFEST
#       remove the directories MANIFEST lists, deepest first, each only
#       when it is empty, then MANIFEST itself
#
# A directory that existed before the install (/usr/local/sbin, say) is
# never listed, so uninstall leaves it.
set -u
cmd=$1 manifest=$2
shift 2
case $cmd in
make)
	made=
	for d in "$@"; do
		p=$d
		while [ ! -d "$p" ]; do
			made="$made$p
"
			p=$(dirname "$p")
		done
		install -d -m 0755 "$d" || exit 1
	done
	[ -n "$manifest" ] || exit 0
	{ [ -f "$manifest" ] && cat "$manifest"; printf '%s' "$made"; } |
	    grep . | sort -u >"$manifest.new" && mv "$manifest.new" "$manifest"
	;;
remove)
	[ -f "$manifest" ] || exit 0
	list=$(sort -r -u "$manifest") && rm -f "$manifest" || exit 1
	printf '%s\n' "$list" | while IFS= read -r d; do
		[ -n "$d" ] && [ -d "$d" ] && rmdir "$d" 2>/dev/null
	done
	exit 0
	;;
*)
	echo "usage: mk/instdirs.sh make|remove MANIFEST [DIR...]" >&2
	exit 2 ;;
esac
