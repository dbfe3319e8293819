#!/usr/bin/env bash
# Bad input, MIME and headers, through the real Postfix: broken and
# truncated MIME, floods of headers and an overlong one, 8-bit text and
# invalid charsets, a Content-Type parameter that GMime cannot re-encode,
# and bombs of nested or numerous parts.  Each message
# comes from the court and is derived at run time from
# tests/data/nef/district.eml (or is one of the parser's bad fixtures).
# Every case: delivered exactly once, a clear line in the mail log for
# its queue id, the milter still running, and no request but to the
# court host of the notice.
set -u
TOP=${TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
. "$TOP/tests/faults/common.sh"
fx_require

fx_scenario "$FX/court.json" "$(fx_case_routes 16)"
fx_court "$FX/court.json"
fx_mta
fx_conf
fx_milter
fx_notice base district.eml

# gen KIND OUT: a bad variant of $FX/base.eml
gen() {
	/usr/bin/python3 - "$1" "$FX/base.eml" "$2" <<'EOF'
import base64, sys
kind, src, out = sys.argv[1:4]
raw = open(src, "rb").read()
head, _, body = raw.partition(b"\n\n")
hdrs = head.split(b"\n")
# the headers without the MIME ones (no folded MIME headers in the source)
base = [h for h in hdrs if h.split(b":", 1)[0].strip().lower() not in
        (b"content-type", b"content-transfer-encoding", b"mime-version")]
mime = [b"MIME-Version: 1.0"]
def msg(hs, b):
    return b"\n".join(hs) + b"\n\n" + b
if kind == "wrong-boundary":	# the parameter names a boundary the body lacks
    res = msg(base + mime + [b'Content-Type: multipart/alternative; boundary="AAA"'],
              b"--BBB\nContent-Type: text/html\n\n" + body + b"\n--BBB--\n")
elif kind == "no-close":	# no closing boundary, base64 cut off
    enc = base64.encodebytes(body)
    res = msg(base + mime + [b'Content-Type: multipart/mixed; boundary="X"'],
              b"--X\nContent-Type: text/html\nContent-Transfer-Encoding: base64\n\n" +
              enc[: len(enc) * 2 // 3] + b"\n")
elif kind == "cut":		# the message stops in the middle of a tag
    res = raw[: len(raw) // 2]
elif kind == "flood-before":	# 5000 headers before the court's own
    res = b"".join(b"X-Junk-%d: %s\n" % (i, b"j" * 40) for i in range(5000)) + raw
elif kind == "flood-after":	# 5000 headers after them
    res = msg(hdrs + [b"X-Junk-%d: %s" % (i, b"j" * 40) for i in range(5000)], body)
elif kind == "long-header":	# one header of 75 KB, folded
    res = msg(hdrs + [b"X-Long: " + b"\n ".join([b"word " * 15] * 1000)], body)
elif kind == "bad-charset":	# a charset nobody knows, 8-bit bytes
    res = msg(base + mime + [b"Content-Type: text/html; charset=x-no-such-charset",
              b"Content-Transfer-Encoding: 8bit"], body.replace(b"Okafor", b"Ok\xe4for"))
elif kind == "bad-utf8":	# invalid UTF-8 (overlong, surrogate, stray bytes)
    res = msg(base + mime + [b"Content-Type: text/html; charset=utf-8",
              b"Content-Transfer-Encoding: 8bit"],
              body.replace(b"Acme", b"Ac\xff\xfe\xc0\xaf\xed\xa0\x80me"))
elif kind == "bad-subject":	# broken encoded words
    res = msg([h if not h.startswith(b"Subject:") else
               b"Subject: =?x-bogus?B?!!!not base64?= =?utf-8?Q?=FF=FE?= " + h[8:]
               for h in hdrs], body)
elif kind == "deep":		# 200 nested multiparts, the notice at the bottom
    n = 200
    parts = b"".join(b'--b%d\nContent-Type: multipart/mixed; boundary="b%d"\n\n' % (i - 1, i)
                     for i in range(1, n))
    parts += b"--b%d\nContent-Type: text/html\n\n" % (n - 1) + body + b"\n"
    parts += b"".join(b"--b%d--\n" % i for i in reversed(range(n)))
    res = msg(base + mime + [b'Content-Type: multipart/mixed; boundary="b0"'], parts)
elif kind == "wide":		# 3000 parts, then the notice
    parts = b"".join(b"--w\nContent-Type: text/plain\n\npart %d\n" % i for i in range(3000))
    res = msg(base + mime + [b'Content-Type: multipart/mixed; boundary="w"'],
              parts + b"--w\nContent-Type: text/html\n\n" + body + b"\n--w--\n")
elif kind == "rfc822-deep":	# 60 nested message/rfc822
    inner = raw
    for i in range(60):
        inner = (b"From: a@example.test\nSubject: fwd %d\nMIME-Version: 1.0\n"
                 b"Content-Type: message/rfc822\n\n" % i) + inner
    res = msg(base + mime + [b"Content-Type: message/rfc822"], inner)
elif kind == "param-bomb":	# a long parameter name, a non-ASCII value: GMime
    # 3.2 cannot fold it and re-encoding it grows without end
    res = msg(base + mime + [b"Content-Type: text/html; " + b"a" * 70 + b"=\xfbxx"], body)
elif kind == "nul-bytes":	# NUL and control bytes in the body
    res = msg(hdrs, body.replace(b"Motion to Compel", b"Mo\x00tion\x01to\x7fCompel", 1))
else:
    sys.exit("gen: unknown kind " + kind)
open(out, "wb").write(res)
EOF
}

# run NAME FILE EXPECT-REGEX: send FILE from the court; delivered exactly
# once, the milter's line for the queue id matches EXPECT-REGEX, the milter
# lives, no request off the notice's court host
run() {
	local name=$1 file=$2 expect=$3
	fx_mark
	fx_send ecf-noreply@cand.uscourts.gov "docketing@$LAW" "$file"
	check_eq "$name: accepted" 0 "$PF_LAST_RC"
	QID=$PF_LAST_QID
	fx_once "$name" docketing
	fx_qlog "$QID"
	check_grep "$name: the log says what happened" "nefmilter\[[0-9]+\]: ((error|warning): )?$QID: $expect" "$FX/qlog"
	check "$name: the milter is still running" fx_alive
	fx_parts "$FX_LAST"
	check "$name: at most one X-NEF header" test "$(grep -c '^HDR X-NEF: ' "$FX/parts")" -le 1
	check_eq "$name: no request off the court host" 0 \
	    "$(fx_requests 'r["host"] != "ecf.cand.uscourts.gov"')"
}

# same_body FILE: the delivered body is FILE's, byte for byte
same_body() { cmp -s <(pf_body "$FX_LAST") <(pf_body "$1"); }

NOTICE='notice court=cand case=4:22-cv-05541 entry=57 kind=district trust=verified .*action='
run "a clean notice first" "$FX/base.eml" "${NOTICE}attached"
REQ=$(fx_requests)
check_eq "the clean notice fetched its menu and three documents" 4 "$REQ"

gen wrong-boundary "$FX/wb.eml"
run "boundary missing from the body" "$FX/wb.eml" 'not a notice \(no-body: [^)]*\); passed unchanged'
check "boundary missing: delivered unchanged" same_body "$FX/wb.eml"

gen no-close "$FX/nc.eml"
run "no closing boundary, base64 cut" "$FX/nc.eml" "${NOTICE}attached"

gen cut "$FX/cut.eml"
run "message cut in the middle of a tag" "$FX/cut.eml" "notice court=cand .*action="

gen flood-before "$FX/fb.eml"
run "5000 headers before the court's" "$FX/fb.eml" "notice .*action=unchanged"
check_nogrep "5000 headers before: nothing fetched for a notice whose court is unknown" \
    "$QID: fetch:" "$FX/qlog"
check_eq "5000 headers before: all 5000 delivered" 5000 "$(grep -c '^X-Junk-' "$FX_LAST")"

gen flood-after "$FX/fa.eml"
run "5000 headers after the court's" "$FX/fa.eml" "${NOTICE}attached"
check_eq "5000 headers after: all 5000 delivered" 5000 "$(grep -c '^X-Junk-' "$FX_LAST")"

gen long-header "$FX/lh.eml"
run "a 75 KB header" "$FX/lh.eml" "${NOTICE}attached"

gen bad-charset "$FX/bc.eml"
run "an unknown charset with 8-bit bytes" "$FX/bc.eml" "${NOTICE}attached"
fx_parts "$FX_LAST"
check_grep "unknown charset: the text is still there" "TEXT 1: .*Notice of Electronic Filing" "$FX/parts"

gen bad-utf8 "$FX/bu.eml"
run "invalid UTF-8 declared utf-8" "$FX/bu.eml" "${NOTICE}attached"

gen bad-subject "$FX/bs.eml"
run "broken encoded words in the Subject" "$FX/bs.eml" "${NOTICE}attached"

gen param-bomb "$FX/pb.eml"
run "a Content-Type parameter GMime cannot fold" "$FX/pb.eml" "${NOTICE}attached"

gen nul-bytes "$FX/nul.eml"
run "NUL and control bytes in the body" "$FX/nul.eml" "notice court=cand .*action="

gen deep "$FX/deep.eml"
run "200 nested multiparts" "$FX/deep.eml" 'not a notice \(bad-mime: [^)]*\); passed unchanged'
check "200 nested multiparts: delivered unchanged" same_body "$FX/deep.eml"

gen wide "$FX/wide.eml"
run "3000 parts" "$FX/wide.eml" 'not a notice \(bad-mime: [^)]*\); passed unchanged'
check "3000 parts: delivered unchanged" same_body "$FX/wide.eml"

gen rfc822-deep "$FX/r822.eml"
run "60 nested message/rfc822" "$FX/r822.eml" 'not a notice \(bad-mime: [^)]*\); passed unchanged'
check "60 nested message/rfc822: delivered unchanged" same_body "$FX/r822.eml"

for f in broken_mime truncated eightbit_junk qp_latin1 unclosed_tags; do
	fx_notice "$f" "$f.eml"
	run "fixture $f.eml" "$FX/$f.eml" "(notice court=|not a notice \()"
done

check_eq "every later copy was served from the store or refused: no new request" \
    "$REQ" "$(fx_requests)"
check "nothing left in the queue" fx_settle 5
tap_done
