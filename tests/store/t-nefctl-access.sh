#!/usr/bin/env bash
# nefctl says the real cause and has an exit code for each: a user who
# may not use the store gets "permission denied" (exit 9), not "no
# store"; root works on the store as its owner, so nothing it writes
# there belongs to root, while the files it is given (team export) are
# root's own; a purge that finds no stored document exits 8 and says so.
# Both codes are documented in nefctl(8).
. "$(dirname "$0")/common.sh"
if [ "$(id -u)" -ne 0 ]; then skip "needs root"; tap_done; exit 0; fi
store_workdir t-nefctl-access
trap 'rm -rf "$W"' EXIT
chmod 755 "$W"
as() { local u=$1; shift; setpriv --reuid="$u" --regid="$(id -g "$u")" --clear-groups "$@"; }
ctl() { "$NEFCTL" -c "$W/n.conf" "$@"; }
rootfiles() { find "$S" -user root -printf '%p\n' | head -3; }

install -d -o nobody -g nogroup -m 700 "$S"
as nobody "$ST" "$S" init >/dev/null 2>&1 || { not_ok "storetool init as nobody"; tap_done; exit 1; }
as nobody "$ST" "$S" case cand 4:22-cv-05541 "Doe v. Roe" 401234 >/dev/null 2>&1
as nobody "$ST" "$S" doc cand 035100 0 4:22-cv-05541 12 "the pdf" >/dev/null 2>&1
chmod 644 "$W/n.conf"

# --- another user: permission denied ------------------------------------------
as postfix "$NEFCTL" -c "$W/n.conf" stats >"$W/out" 2>"$W/err"
check_eq "a user who may not read the store: exit 9" 9 "$?"
check_grep "it says permission denied, and for whom" \
    "^nefctl: store at $S: permission denied for postfix: run nefctl as root or as the user who owns" "$W/err"
check_nogrep "it does not say there is no store" "no store" "$W/err"

# --- root works as the store's owner -------------------------------------------
rm -f "$S/db/write.lock"
ctl team add cand 4:22-cv-05541 alice@lawfirm.example >"$W/out" 2>&1
check_eq "root: team add works" 0 "$?"
check_eq "root left no file of its own in the store" "" "$(rootfiles)"
check_eq "the writer lock it made belongs to the store's owner" nobody "$(stat -c %U "$S/db/write.lock")"
as nobody "$NEFCTL" -c "$W/n.conf" team list >"$W/out" 2>&1
check_eq "the owner goes on using the store after root" 0 "$?"
mkdir -m 700 "$W/rootonly"
ctl team export "$W/rootonly/teams.csv" >/dev/null 2>&1
check_eq "root: team export into a directory only root may enter" 0 "$?"
check_eq "the exported file is root's" root "$(stat -c %U "$W/rootonly/teams.csv" 2>/dev/null)"
check_grep "and holds the team" "^cand,4:22-cv-05541,alice@lawfirm\.example$" "$W/rootonly/teams.csv"
ctl team import "$W/rootonly/teams.csv" >/dev/null 2>&1
check_eq "root: team import from there" 0 "$?"

# --- a purge that finds nothing ----------------------------------------------------
ctl purge --entry cand 4:22-cv-05541 99 >"$W/out" 2>"$W/err"
check_eq "purge --entry of an entry with no document: exit 8" 8 "$?"
check_grep "it says nothing matched" "^nefctl: purge: no stored document of cand 4:22-cv-05541 entry 99$" "$W/err"
ctl purge cand 035999 >"$W/out" 2>"$W/err"
check_eq "purge of a document id never stored: exit 8" 8 "$?"
check_grep "it says the key is tombstoned all the same" "no stored document cand 035999 \(its key is tombstoned all the same\)" "$W/err"
ctl purge --entry cand 4:22-cv-05541 12 >"$W/out" 2>"$W/err"
check_eq "a purge that deletes a document: exit 0" 0 "$?"
ctl purge --case cand 4:22-cv-05541 >"$W/out" 2>"$W/err"
check_eq "purge --case once nothing is left: exit 8" 8 "$?"
check_eq "still no file of root's in the store" "" "$(rootfiles)"

# --- documented ----------------------------------------------------------------------
man=$(sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' "$TOP/conf/nefctl.8")
check "nefctl(8) documents exit 8 (a purge matched nothing)" \
    grep -qiE '^\.B 8 ?$' <<<"$man"
check "nefctl(8) documents exit 9 (permission denied)" \
    grep -qiE '^\.B 9 ?$' <<<"$man"
check "nefctl(8) says what 9 means" grep -qi "permission" <<<"$man"
tap_done
