#!/usr/bin/env bash
# make lint: the project's static rules.  Prints one TAP line per rule and
# exits non-zero when any rule is broken.
#  1. banned functions in policy/ and milter/
#  2. policy/ includes no libmilter, curl, LMDB, GMime, GLib, jansson or syslog header
#  3. inside milter/, each library is reached from its own adapter only
#  4. exit() only in the programs' main files
#  5. every configuration key is documented in conf/nefmilter.conf and
#     conf/nefmilter.conf.5, and neither documents a key that does not exist
#  6. every option of nefmilter and nefctl appears in its man page
#  7. only pdf/ includes the PDF engine's headers (nefmilter never links it)
#  8. one module is one .c plus one .h: every .c has its own header and
#     every header its .c, but for the programs' main files (a generated
#     table is a .inc, which the one .c that includes it owns)
set -u
cd "$(dirname "$0")/.."
. tests/lib/tap.sh

src() { ls policy/*.[ch] policy/*.inc milter/*.[ch] pdf/*.[ch] 2>/dev/null; }
strip_comments() {	# file: C source without comments and string literals
	sed -e 's://.*$::' "$1" | perl -0777 -pe 's{/\*.*?\*/}{}gs; s{"(\\.|[^"\\])*"}{""}g'
}

bad=""
for f in $(src); do
	hits=$(strip_comments "$f" | grep -nwE '(strcpy|strcat|sprintf|vsprintf|gets|atoi|atol|strtok|gmtime|localtime|ctime|rand)[[:space:]]*\(' || true)
	[ -n "$hits" ] && bad="$bad $f:$(echo "$hits" | head -1)"
done
if [ -z "$bad" ]; then ok "no banned functions"; else not_ok "banned functions:$bad"; fi

bad=$(grep -nE '#[[:space:]]*include[[:space:]]*[<"](libmilter/|mfapi\.h|curl/|lmdb\.h|gmime/|glib|gio/|jansson\.h|syslog\.h|pthread\.h|unistd\.h|fcntl\.h|sys/)' policy/*.[ch] policy/*.inc 2>/dev/null || true)
if [ -z "$bad" ]; then ok "policy/ includes no I/O library header"; else not_ok "policy/ includes: $bad"; fi

bad=""
for f in policy/*.c; do
	[ -f "$f" ] || continue
	strip_comments "$f" | grep -qwE '(fopen|fdopen|freopen|printf|fprintf|vfprintf|puts|fputs|fwrite|fread|fgets|open|read|write|popen|system|syslog|getenv|time)[[:space:]]*\(' && bad="$bad $f"
done
if [ -z "$bad" ]; then ok "policy/ does no I/O"; else not_ok "policy/ does I/O:$bad"; fi

layer_ok=1
layer() {	# pattern allowed-file...
	local pat=$1; shift
	local f a hit
	for f in milter/*.[ch]; do
		[ -f "$f" ] || continue
		hit=0
		grep -qE "#[[:space:]]*include[[:space:]]*<($pat)" "$f" && hit=1
		[ $hit -eq 0 ] && continue
		for a in "$@"; do [ "$f" = "$a" ] && hit=0; done
		if [ $hit -eq 1 ]; then layer_ok=0; diag "$f includes <$pat>"; fi
	done
}
layer 'curl/' milter/fetch.c milter/fetchreq.c milter/fetchreq.h
layer 'lmdb\.h' milter/store.c milter/store_db.c
layer 'gmime/' milter/mime.c milter/rewrite.c
layer 'glib\.h|glib/' milter/sha.c milter/mime.c milter/rewrite.c
layer 'libmilter/|mfapi\.h' milter/callbacks.c milter/shim.c milter/main.c
if [ $layer_ok -eq 1 ]; then ok "each library is reached from its adapter only"
else not_ok "a library header is included outside its adapter"; fi

bad=""
for f in policy/*.c milter/*.c pdf/*.c; do
	case "$f" in milter/main.c|milter/nefctl.c|pdf/nefpdf.c) continue ;; esac
	strip_comments "$f" | grep -qwE '(exit|_exit|abort)[[:space:]]*\(' && bad="$bad $f"
done
if [ -z "$bad" ]; then ok "exit() only in main.c, nefctl.c and nefpdf.c"; else not_ok "exit() outside the programs' main:$bad"; fi

bad=$(grep -rlE '#[[:space:]]*include[[:space:]]*[<"](mupdf/|fitz\.h|poppler)' policy milter tests 2>/dev/null || true)
if [ -z "$bad" ]; then ok "only pdf/ includes the PDF engine's headers"
else not_ok "the PDF engine's headers outside pdf/: $bad"; fi

# Module shape.
lone=""
for f in policy/*.c milter/*.c pdf/*.c; do
	case "$f" in
	milter/main.c|milter/nefctl.c|pdf/nefpdf.c) continue ;;
	esac
	[ -f "${f%.c}.h" ] || lone="$lone $f"
done
for f in policy/*.h milter/*.h pdf/*.h; do
	[ -f "${f%.h}.c" ] || lone="$lone $f"
done
if [ -z "$lone" ]; then ok "every module is one .c and its own .h"
else not_ok "files without their module's other half:$lone"; fi

# Configuration keys: the table in milter/cfg.c is the source of truth.
keys=$(sed -n '/BEGIN SETTINGS/,/END SETTINGS/p' milter/cfg.c 2>/dev/null |
       grep -oE '^[[:space:]]*S\([A-Z]+, *"[a-z_0-9]+"' | grep -oE '"[a-z_0-9]+"' | tr -d '"' | sort -u)
if [ -z "$keys" ]; then
	not_ok "no settings table found in milter/cfg.c"
else
	miss=""
	for k in $keys; do
		grep -qE "^#? ?$k[[:space:]]*=" conf/nefmilter.conf 2>/dev/null || miss="$miss conf/nefmilter.conf:$k"
		grep -qE "^\.(IP|TP|B)[[:space:]]*\\\\?\"?\\\\?f?B?$k|^\.B $k\$|^$k\$" conf/nefmilter.conf.5 2>/dev/null ||
		  grep -qE "^\.It Cm $k|^\\\\fB$k\\\\fR" conf/nefmilter.conf.5 2>/dev/null || miss="$miss nefmilter.conf.5:$k"
	done
	if [ -z "$miss" ]; then ok "every setting is documented ($(echo "$keys" | wc -l) keys)"
	else not_ok "undocumented settings:$miss"; fi
	extra=""
	for k in $(grep -oE '^#? ?[a-z_0-9]+[[:space:]]*=' conf/nefmilter.conf 2>/dev/null | tr -d '#= ' | sort -u); do
		echo "$keys" | grep -qx "$k" || extra="$extra $k"
	done
	if [ -z "$extra" ]; then ok "conf/nefmilter.conf names no unknown key"
	else not_ok "conf/nefmilter.conf names unknown keys:$extra"; fi
fi

# Options: each program lists its options in a usage string; each must be
# in its man page.
opt_ok=1
for pair in "milter/main.c:conf/nefmilter.8" "milter/nefctl.c:conf/nefctl.8" "pdf/nefpdf.c:conf/nefpdf.8"; do
	c=${pair%%:*}; m=${pair#*:}
	[ -f "$c" ] || continue
	if [ ! -f "$m" ]; then opt_ok=0; diag "$m is missing"; continue; fi
	man=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' "$m")
	for o in $(sed -n '/BEGIN USAGE/,/END USAGE/p' "$c" | grep -oE '(^|[[ |])-(-[a-z][a-z-]*|[a-zA-Z])\b' | tr -d '[ |' | sort -u); do
		echo "$man" | grep -qF -- "$o" || { opt_ok=0; diag "$m lacks $o"; }
	done
done
if [ $opt_ok -eq 1 ]; then ok "every command-line option is in its man page"; else not_ok "man pages lack options"; fi

tap_done
