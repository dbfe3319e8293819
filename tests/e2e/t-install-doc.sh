#!/usr/bin/env bash
# INSTALL, taken literally, against a real Postfix:
#  - every main.cf change in its Postfix section is a postconf -e line
#    (no indented "key = value" line to paste); those lines, run against
#    the test instance (its directory and socket path put in), pass
#    "postfix check" and nefmilter handles a notice through them; the
#    per-milter default_action line works as it says;
#  - the header_checks lines (map type and file) remove an X-NEF header
#    from other mail, and nefmilter's own survives;
#  - the held-message commands list, show, release and delete a notice
#    nefmilter held;
#  - what milter_default_action gives with nefmilter stopped is what
#    INSTALL says: tempfail takes nothing; accept delivers a restricted
#    entry unprocessed to a recipient nefmilter would have removed;
#  - a log_socket change on reload is said to wait for a restart, as
#    INSTALL says; fetch_budget's limit is stated and enforced; INSTALL
#    says what to do without a syslog daemon, that 127.0.0.1 in
#    trusted_clients does not make local mail trusted, and that -t spends
#    a notice's free looks (and how to test without spending them).
set -u
. "$(dirname "$0")/common.sh"
e2e_require
e2e_start "$DATA/scenarios/e2e.json"
check "Postfix and nefmilter run" true
INST=$TOP/INSTALL
SOCK=${PF_MILTER_SOCK#unix:}
R=$E2E_RUN

# section START END: the lines of INSTALL from the heading START to END
section() { sed -n "/^$1/,/^$2/p" "$INST"; }
# literal: INSTALL's command lines made to act on the test instance
literal() {
	sed -e 's/^ *//' -e 's/  *#.*$//' \
	    -e "s|postconf -e|postconf -c $PF_CONF -e|; s|postconf -X|postconf -c $PF_CONF -X|" \
	    -e "s|postfix check|postfix -c $PF_CONF check|" \
	    -e "s|postfix reload|pf_reload|" \
	    -e "s|postqueue |postqueue -c $PF_CONF |g; s|postcat |postcat -c $PF_CONF |g" \
	    -e "s|postsuper |postsuper -c $PF_CONF |g" \
	    -e "s|/etc/postfix/|$PF_CONF/|g; s|/root/|$R/|g" \
	    -e "s|unix:/var/spool/postfix/nefmilter/nefmilter.sock|unix:$SOCK|g" \
	    -e "s|unix:/nefmilter/nefmilter.sock|unix:$SOCK|g"
}
# run DESCRIPTION: run the literal lines read on standard input
run() {
	local line ok=0
	while IFS= read -r line; do
		line=$(printf '%s\n' "$line" | literal)
		eval "$line" >>"$R/run.out" 2>&1 || { ok=1; diag "failed: $line"; }
	done
	return $ok
}

# --- 1. the main.cf lines ------------------------------------------------------
S5=$(section '5\. Postfix' '6\. Sendmail')
check_eq "INSTALL's Postfix section has no indented key = value line to paste" "" \
    "$(printf '%s\n' "$S5" | grep -E '^ +[a-z_]+ *= ')"
printf '%s\n' "$S5" | grep -E "^    postconf -e '(smtpd_milters = unix:/nefmilter|non_smtpd|milter_|message_size)" >"$R/main.lines"
printf '%s\n' "$S5" | grep -E '^    postfix check' >>"$R/main.lines"
check_eq "the block of main.cf lines is there" 7 "$(wc -l <"$R/main.lines")"
check "INSTALL's main.cf lines run and postfix check passes" run <"$R/main.lines"
check_eq "smtpd_milters is set as INSTALL says (this instance's path)" "unix:$SOCK" \
    "$(postconf -c "$PF_CONF" -h smtpd_milters)"
check_eq "non_smtpd_milters follows it" '$smtpd_milters' "$(postconf -c "$PF_CONF" -h non_smtpd_milters)"
check_eq "milter_default_action = tempfail" tempfail "$(postconf -c "$PF_CONF" -h milter_default_action)"
check "postfix reload" pf_reload
N57=$(e2e_notice n57)
e2e_send_notice "$N57" docketing@example.test
Q=$PF_LAST_QID
check "a notice goes through the milter so configured" e2e_wait_qid "$Q"
check "and is delivered" pf_wait_delivered docketing 1 20

# --- 2. header_checks --------------------------------------------------------------
printf '%s\n' "$S5" | grep -E '^    (printf|postconf -e .header_checks|postfix reload)' >"$R/hc.lines"
check_eq "header_checks: the map file, its type and a reload" 3 "$(wc -l <"$R/hc.lines")"
check "INSTALL's header_checks lines run" run <"$R/hc.lines"
check_eq "header_checks names a regexp map" "regexp:$PF_CONF/header_checks" \
    "$(postconf -c "$PF_CONF" -h header_checks)"
pf_send_text colleague@elsewhere.test carol@example.test "not court mail" "hello" --header "X-NEF: forged"
check "ordinary mail with a forged X-NEF is delivered" pf_wait_delivered carol 1 20
check_nogrep "header_checks removed the X-NEF header" "^X-NEF:" "$(e2e_last carol)"
sed 's/^Subject:/X-NEF: v=1; forged\nSubject:/' "$N57" >"$R/forged.eml"
e2e_send_notice "$R/forged.eml" bob@example.test
check "a notice with a forged X-NEF is delivered" pf_wait_delivered bob 1 20
check_eq "it carries one X-NEF header, nefmilter's own" "1 0" \
    "$(grep -c '^X-NEF:' "$(e2e_last bob)") $(grep -c '^X-NEF: v=1; forged' "$(e2e_last bob)")"

# --- 3. held messages -----------------------------------------------------------------
echo "sealed_link_action = hold" >>"$PF_DIR/nef.conf"
kill -USR1 "$E2E_NEF_PID"
pf_wait_log "configuration reloaded from " 10
S11=$(section '12\. Held messages' '13\. Removing')
pf_line() { printf '%s\n' "$S11" | grep -E "^    $1" | head -n 1; }
e2e_send_notice "$N57" aokafor@example.test
Q1=$PF_LAST_QID
check "a notice is held" pf_wait_log "postfix/cleanup\[[0-9]+\]: $Q1: milter-hold: " 20
check_grep "INSTALL's grep finds why" "$Q1: held \(Postfix's hold queue; release: " <(grep "$Q1: held" "$LOG")
: >"$R/run.out"; pf_line 'postqueue -p' | sed "s/QID/$Q1/g" | run
check_grep "postqueue -p lists it with '!'" "^$Q1!" "$R/run.out"
: >"$R/run.out"; pf_line 'postcat -q QID ' | sed "s/QID/$Q1/g" | run
check_grep "postcat -q shows its recipients" "aokafor@example\.test" "$R/run.out"
{ pf_line 'postsuper -H QID'; pf_line 'postqueue -i QID'; } | sed "s/QID/$Q1/g" | run
check "postsuper -H and postqueue -i deliver it" pf_wait_delivered aokafor 1 20
e2e_send_notice "$N57" aokafor@example.test
Q2=$PF_LAST_QID
pf_wait_log "postfix/cleanup\[[0-9]+\]: $Q2: milter-hold: " 20
pf_line 'postcat -q QID >' | sed "s/QID/$Q2/g" | run
check "the delete line keeps a copy" grep -q "entry=57" "$R/$Q2.eml"
check "and deletes it" sh -c "! postqueue -c '$PF_CONF' -p | grep -q '^$Q2'"

# --- 4. milter_default_action, nefmilter stopped ------------------------------------------
pf_kill "$E2E_NEF_PID"
E2E_NEF_PID=
NS=$(e2e_notice seal 's/MOTION to Compel/MOTION to File Under Seal/')
e2e_send_notice "$NS" docketing@example.test,bob@example.test
check "tempfail: the notice is refused (4xx), as INSTALL says" test "$PF_LAST_RC" -ne 0
check_grep "INSTALL says tempfail takes no mail" "Postfix answers 451" <(printf '%s\n' "$S5")
postconf -c "$PF_CONF" -e 'milter_default_action = accept'
pf_reload
nb=$(pf_maildir_files bob | wc -l)
e2e_send_notice "$NS" docketing@example.test,bob@example.test
check_eq "accept: the notice is taken" 0 "$PF_LAST_RC"
check "accept: bob, whom nefmilter would remove, gets the restricted entry" pf_wait_delivered bob $((nb + 1)) 20
check_nogrep "unprocessed (no X-NEF)" "^X-NEF:" "$(e2e_last bob)"
check_grep "INSTALL says so" "those nefmilter would have removed or held it from" <(printf '%s\n' "$S5")
printf '%s\n' "$S5" | grep -E "^    postconf -e 'smtpd_milters = \{" >"$R/per.lines"
check "INSTALL's per-milter line runs" run <"$R/per.lines"
pf_reload
e2e_send_notice "$NS" docketing@example.test
check "with it, nefmilter's own default_action=tempfail wins over accept" test "$PF_LAST_RC" -ne 0

# --- 5. settings that wait for a restart; limits; logging -----------------------------------
pf_spawn nefmilter "$NEF" -f -c "$PF_DIR/nef.conf"
E2E_NEF_PID=$PF_SPAWN_PID
pf_wait_milter 10
pf_wait_log "nefmilter\[$E2E_NEF_PID\]: nefmilter .* starting on " 10
sed -i "s|^log_socket = .*|log_socket = $R/other-postlog|" "$PF_DIR/nef.conf"
kill -USR1 "$E2E_NEF_PID"
check "a reload that changes log_socket says a restart is needed" \
    pf_wait_log "nefmilter\[$E2E_NEF_PID\]: warning: reload: log_socket changed; it takes effect at the next start \(restart nefmilter\)" 10
check_grep "INSTALL says log_socket needs a restart" "A change of log_socket takes" "$INST"
printf 'fetch_budget = 281s\n' >"$R/budget.conf"
"$NEF" -n -c "$R/budget.conf" >/dev/null 2>"$R/budget.err"
check_grep "fetch_budget over its limit is refused, with the limit" "fetch_budget: .* between 1 and 280 seconds" "$R/budget.err"
check_grep "INSTALL states the limit" "fetch_budget \(default\s+120s, at most 280s\)|at most 280s" "$INST"
check_grep "INSTALL says what to do without a syslog daemon" "journalctl -t nefmilter" "$INST"
check_grep "INSTALL warns that 127.0.0.1 in trusted_clients does not trust local mail" \
    "127\.0\.0\.1 in trusted_clients does not change that" "$INST"
check_grep "INSTALL says -t on a real notice spends its free looks" "free-look link works only once: the test spends it" <(tr '\n' ' ' <"$INST" | sed 's/  */ /g')
check_grep "and how to test without spending them" "To try nefmilter without spending anything, run \"make demo\"" <(tr '\n' ' ' <"$INST" | sed 's/  */ /g')
e2e_finish
