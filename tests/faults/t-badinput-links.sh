#!/usr/bin/env bash
# Bad input, links and senders, through the real Postfix:
#  - a notice whose document link points at 127.0.0.1, 10.0.0.1, file://,
#    gopher://, plain http, or a host that only looks like a court's;
#  - a court host that redirects elsewhere (another host, another court,
#    plain http, an IP address, file://) or to the PACER login;
#  - spoofed notices: from outside the court domains, a court envelope
#    with a From elsewhere, a court From from a client nefmilter does not
#    trust (with and without a forged Authentication-Results);
#  - X-NEF headers already present on arrival.
# Every case: delivered exactly once, a clear line in the mail log, the
# milter still running.  connect_to sends every host name to the fake
# court, so any request made for a host off the allow-list would show in
# its request log: the log must only ever hold ecf.cand.uscourts.gov.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/faults/common.sh"
fx_require

R='{"status": 302, "location": "%s", "body": "moved"}'
fx_scenario "$FX/court.json" "$(fx_case_routes 16)" "$(fx_case_routes 81)" \
    "$(fx_case_routes 71 "$(printf "$R" 'https://evil.example/doc1/035120918771?x=1')")" \
    "$(fx_case_routes 72 "$(printf "$R" 'https://ecf.nysd.uscourts.gov/doc1/035120918772')")" \
    "$(fx_case_routes 73 "$(printf "$R" 'http://ecf.cand.uscourts.gov/doc1/035120918773')")" \
    "$(fx_case_routes 74 "$(printf "$R" 'https://10.0.0.1/doc1/035120918774')")" \
    "$(fx_case_routes 75 "$(printf "$R" 'file:///etc/passwd')")" \
    "$(fx_case_routes 76 '' "$(printf "$R" 'https://pacer.login.uscourts.gov/csologin/login.jsf')")"
fx_court "$FX/court.json"
fx_mta
# "calendar = no": a notice whose links all fail stays byte for byte the
# court's here (its calendar part is tested in tests/e2e/t-calendar.sh)
fx_conf "calendar = no"
fx_milter
LINK='https://ecf.cand.uscourts.gov/doc1/035020918716'

# after NAME USER: delivered exactly once to USER, the milter lives, the
# court saw no host but ecf.cand.uscourts.gov; QID and $FX/parts set
after() {
	local name=$1 user=${2:-docketing}
	QID=$PF_LAST_QID
	check_eq "$name: accepted" 0 "$PF_LAST_RC"
	fx_once "$name" "$user"
	fx_qlog "$QID"
	fx_parts "$FX_LAST"
	check "$name: the milter is still running" fx_alive
	check_eq "$name: no request off the court host" 0 \
	    "$(fx_requests 'r["host"] != "ecf.cand.uscourts.gov"')"
}

# --- links that are not the court's --------------------------------------------
for u in 'https://127.0.0.1/doc1/035020918716' 'https://10.0.0.1/doc1/035020918716' \
    'file:///etc/passwd?x=/doc1/035020918716' 'gopher://ecf.cand.uscourts.gov/doc1/035020918716' \
    'https://ecf.cand.uscourts.gov.evil.example/doc1/035020918716' \
    'https://ecf.cand.uscourts.gov@evil.example/doc1/035020918716' \
    'https://evil.example/doc1/035020918716'; do
	fx_notice l district.eml "s#$LINK#$u#"
	fx_mark
	N0=$(fx_requests)
	fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/l.eml"
	after "link $u"
	check_eq "link $u: no request at all" "$N0" "$(fx_requests)"
	check_grep "link $u: the audit line says nothing was fetched" \
	    "$QID: notice court=cand .* docs=0 attached=0 .*action=unchanged" "$FX/qlog"
	check_grep "link $u: delivered with its X-NEF" "HDR X-NEF: .*pdf=0; .*action=unchanged" "$FX/parts"
done
fx_notice l district.eml "s#$LINK#http://ecf.cand.uscourts.gov/doc1/035020918716#"
fx_mark
N0=$(fx_requests)
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/l.eml"
after "plain http link"
check_eq "plain http link: no request at all" "$N0" "$(fx_requests)"
check_grep "plain http link: refused, and the log says why" \
    "$QID: document cand/035020918716#0 refused .*detail=link refused: not https" "$FX/qlog"
check_grep "plain http link: X-NEF refused=1" "HDR X-NEF: .*refused=1; .*action=summary" "$FX/parts"
fx_notice base district.eml
fx_mark
fx_send ecf-noreply@cand.uscourts.gov "aokafor@$LAW" "$FX/base.eml"
after "the genuine notice after the http copy" aokafor
check_grep "the refusal of the http copy does not stick to the document: fetched and attached" \
    "HDR X-NEF: .*pdf=2; login=1; .*action=attached" "$FX/parts"
check_eq "the genuine notice asked for its menu and three documents" 4 "$(fx_case_requests 16)"

# --- redirects ------------------------------------------------------------------
redirect() {	# CC DESCRIPTION DETAIL-REGEX
	fx_notice "r$1" district.eml "$(fx_link_sed "$1")"
	fx_mark
	fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/r$1.eml"
	after "redirect to $2"
	check_eq "redirect to $2: one request, the redirect not followed" 1 "$(fx_case_requests "$1")"
	check_grep "redirect to $2: refused, and the log says why" \
	    "$QID: document cand/0350209187$1#0 refused .*detail=redirect target refused: $3" "$FX/qlog"
	check_grep "redirect to $2: marked refused=1" "HDR X-NEF: .*refused=1; .*action=summary" "$FX/parts"
}
redirect 71 "another host" "off the court host"
redirect 72 "another court" "off the court host"
redirect 73 "plain http" "not https"
redirect 74 "10.0.0.1" "IP address"
redirect 75 "file://" "."
fx_notice r76 district.eml "$(fx_link_sed 76)"
fx_mark
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/r76.eml"
after "redirect to the PACER login"
check_grep "redirect to the PACER login: a login, not followed" \
    "$QID: document cand/035020918776#0 login .*detail=redirected to a login prompt" "$FX/qlog"
check_eq "redirect to the PACER login: no request to the login host" 0 \
    "$(fx_requests 'r["host"] == "pacer.login.uscourts.gov"')"
check_grep "redirect to the PACER login: the other documents still attached" \
    "application/pdf .*sha256=$(fc_pdf_sha fx-76-1 7000) size=7000" "$FX/parts"

# --- spoofed notices ----------------------------------------------------------------
N0=$(fx_requests)
fx_mark
fx_send attacker@evil.example "docketing@$LAW" "$FX/base.eml"
after "envelope sender outside the courts"
check "outside sender: delivered unchanged" cmp -s <(pf_body "$FX_LAST") <(pf_body "$FX/base.eml")
check_nogrep "outside sender: no X-NEF" "^HDR X-NEF" "$FX/parts"
check_grep "outside sender: Postfix logs the delivery" "$QID: to=<docketing@$LAW>.*status=sent" "$FX/qlog"

fx_notice s2 district.eml 's/^From:ecf-noreply@cand.uscourts.gov/From: "Clerk" <ecf-noreply@evil.example>/'
fx_mark
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/s2.eml"
after "court envelope, From elsewhere"
check_grep "court envelope, From elsewhere: the log says so" \
    "$QID: court envelope sender but From is not a court domain" "$FX/qlog"
check_grep "court envelope, From elsewhere: not trusted as the court's" \
    "$QID: notice court=cand .*trust=other .*action=unchanged" "$FX/qlog"
check_grep "court envelope, From elsewhere: X-NEF trust=other" "HDR X-NEF: .*trust=other; " "$FX/parts"

for ar in "" "Authentication-Results: mx.harness.test; dkim=pass header.d=cand.uscourts.gov; spf=pass smtp.mailfrom=cand.uscourts.gov"; do
	what="court From, untrusted client${ar:+, forged Authentication-Results}"
	if [ -n "$ar" ]; then fx_notice s3 district.eml "$(fx_link_sed 81)" "1i $ar"
	else fx_notice s3 district.eml "$(fx_link_sed 81)"; fi
	fx_mark
	fx_send_from 127.0.0.2 ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/s3.eml"
	after "$what"
	check_grep "$what: unverified, and the log says why" \
	    "$QID: notice court=cand .*trust=unverified \(unverified: [^)]*\) .*action=summary" "$FX/qlog"
	check_grep "$what: the summary says so" "TEXT 1: .*This notice could not be verified as the court's" "$FX/parts"
	check_grep "$what: X-NEF trust=unverified" "HDR X-NEF: .*trust=unverified; .*pdf=0; " "$FX/parts"
done
check_eq "spoofed notices: nothing was fetched for any of them" "$N0" "$(fx_requests)"

# --- X-NEF headers on arrival ---------------------------------------------------------
fx_notice x1 district.eml '1i X-NEF: v=1; court=cand; trust=verified; pdf=9; action=attached' \
    '1i X-Nef: forged=2'
fx_mark
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/x1.eml"
after "notice with two X-NEF headers"
check_grep "two X-NEF headers: the log says they are removed" \
    "$QID: removing 2 X-NEF headers the message arrived with" "$FX/qlog"
check_eq "two X-NEF headers: exactly one on delivery" 1 "$(grep -c '^HDR X-NEF: ' "$FX/parts")"
check_grep "two X-NEF headers: the one left is nefmilter's" \
    "HDR X-NEF: v=1; court=cand; case=4:22-cv-05541; entry=57; trust=verified; restricted=no; pdf=2; " "$FX/parts"

fx_notice x2 not_a_notice.eml '1i X-NEF: v=1; trust=verified; action=attached'
fx_mark
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/x2.eml"
after "court mail that is not a notice, with X-NEF"
check_grep "not a notice with X-NEF: the log says it is not a notice" \
    "$QID: not a notice \([^)]*\); passed unchanged" "$FX/qlog"
check_grep "not a notice with X-NEF: and that the header is removed" \
    "$QID: removing 1 X-NEF header the message arrived with" "$FX/qlog"
check_eq "not a notice with X-NEF: none on delivery" 0 "$(grep -c '^HDR X-NEF: ' "$FX/parts")"

# Mail from outside the court domains is accepted at MAIL FROM, before
# its headers: nefmilter never sees them.  INSTALL has Postfix drop X-NEF
# from all incoming mail with header_checks (which do not apply to the
# headers a milter adds); check that this configuration does the job.
printf '/^X-NEF:/ IGNORE\n' >"$PF_CONF/header_checks"
echo "header_checks = regexp:$PF_CONF/header_checks" >>"$PF_CONF/main.cf"
check "Postfix reloads with header_checks" pf_reload
fx_mark
fx_send attacker@evil.example "docketing@$LAW" "$FX/x2.eml"
after "outside mail with a forged X-NEF, header_checks as in INSTALL"
check_eq "outside mail with a forged X-NEF: removed by header_checks" 0 \
    "$(grep -c '^HDR X-NEF: ' "$FX/parts")"
fx_mark
fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$FX/x1.eml"
after "notice with X-NEF, header_checks as in INSTALL"
check_eq "with header_checks, a notice still carries nefmilter's X-NEF" 1 \
    "$(grep -c '^HDR X-NEF: v=1; court=cand; case=4:22-cv-05541; entry=57; trust=verified' "$FX/parts")"

check "nothing left in the queue" fx_settle 5
tap_done
