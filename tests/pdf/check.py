#!/usr/bin/python3
"""check: run nefpdf on the generated cases and compare with expect.json.

    check.py [--sanitizer] NEFPDF DIR [NAME...]

Prints one TAP line per case (and per limit kept): the status, every bad
redaction (page, kind, text; the box within 1 point where the case gives
one) and every identifier must be exactly what the case says; nothing
more may be found.  Each run gets the limits the tests use
(--cpu 10 --timeout 10 --memory 512M) and the case's own options; its
peak resident memory must stay under the memory limit.  A sanitizer
build has no address-space limit: --sanitizer skips the cases whose
outcome comes from it, and the memory checks.
"""
import json
import os
import subprocess
import sys

BASE = ["--cpu", "10", "--timeout", "10", "--memory", "512M"]
n = 0
failed = 0


def tap(ok, what, diag=()):
    global n, failed
    n += 1
    if not ok:
        failed += 1
    print("%s %d - %s" % ("ok" if ok else "not ok", n, what))
    for line in diag:
        print("# " + line)


def mem_limit(opts):
    v = opts[opts.index("--memory") + 1] if "--memory" in opts else "512M"
    mult = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}.get(v[-1], 1)
    return int(v.rstrip("KMG")) * mult


def run(nefpdf, path, opts):
    args = [nefpdf] + BASE + opts + [path]
    p = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = p.stdout.read()
    err = p.stderr.read()
    _, status, ru = os.wait4(p.pid, 0)
    p.returncode = os.waitstatus_to_exitcode(status)
    return out, err, p.returncode, ru.ru_maxrss * 1024


def compare(name, exp, got):
    diag = []
    if got.get("status") != exp["status"]:
        diag.append("status %s (%s), want %s" % (got.get("status"),
                                                 got.get("detail"), exp["status"]))
    want = sorted(exp["bad_redactions"], key=lambda r: (r[0], r[2]))
    have = sorted(got.get("bad_redactions", []), key=lambda r: (r["page"], r["text"]))
    if len(want) != len(have):
        diag.append("%d bad redactions, want %d: %s" % (
            len(have), len(want), json.dumps(have)))
    for w, h in zip(want, have):
        if [w[0], w[1], w[2]] != [h["page"], h["kind"], h["text"]]:
            diag.append("found %s, want %s" % (json.dumps(h), json.dumps(w)))
        elif w[3] is not None and any(abs(a - b) > 1.0 for a, b in zip(w[3], h["bbox"])):
            diag.append("box %s, want %s" % (h["bbox"], w[3]))
    want = [list(i) for i in exp["identifiers"]]
    have = [[i["page"], i["kind"], i["shown"]] for i in got.get("identifiers", [])]
    if want != have:
        diag.append("identifiers %s, want %s" % (have, want))
    return diag


def main(argv):
    san = len(argv) > 1 and argv[1] == "--sanitizer"
    if san:
        argv = argv[1:]
    nefpdf, d = argv[1], argv[2]
    with open(os.path.join(d, "expect.json")) as f:
        expect = json.load(f)
    for name in argv[3:] or sorted(expect):
        exp = expect[name]
        if san and exp["memory"]:
            continue
        out, err, rc, rss = run(nefpdf, os.path.join(d, name + ".pdf"), exp["opts"])
        try:
            got = json.loads(out)
        except ValueError:
            tap(False, "%s: one JSON object" % name,
                ["exit %d, stdout %r, stderr %r" % (rc, out[:200], err[:200])])
            continue
        diag = compare(name, exp, got)
        if (rc == 0) != (got.get("status") == "checked"):
            diag.append("exit status %d for %s" % (rc, got.get("status")))
        summary = "%s: %s, %d bad redaction(s), %d identifier(s)" % (
            name, exp["status"], len(exp["bad_redactions"]), len(exp["identifiers"]))
        tap(not diag, summary, diag)
        if name.startswith("hostile-") and not san:
            limit = mem_limit(exp["opts"])
            tap(rss < limit, "%s: peak memory %d MB under the %d MB limit" % (
                name, rss >> 20, limit >> 20))
    print("1..%d" % n)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
