#!/usr/bin/python3
"""Compare `nefmilter --parse` with the expected JSON of the corpus.

usage: compare.py NEFMILTER CORPUS EXCEPTIONS [--verbose]

Runs NEFMILTER --parse over every email of CORPUS (juriscraper/nef/s3/*.txt,
juriscraper/nda/*.txt, juriscraper/nef/*.html and the courtlistener
recap_test_assets, which have no expected JSON) and prints TAP:

  * one line per compared field with its score, e.g.
        ok 1 - court_id 107/107 100.0%
    a field below 100% (after the exceptions) is "not ok";
  * one line for the expected-{} files (they must give {});
  * one line for the files without expected JSON (each must parse and be a
    notice);
  * one line for the exceptions file (every exception must still be needed);
  * one line for the claims notices (juriscraper expects {} for them; the
    fields nefmilter reads must be found in the notice's own text).

EXCEPTIONS lists allowed differences, one per line:
    FILE FIELDPATH reason...
FILE is relative to CORPUS; FIELDPATH is a field as printed in the
mismatch lines (e.g. "court_id", "dockets[1].case_name",
"email_recipients[0].name"); a prefix such as "email_recipients" covers
every field under it.  Lines starting with '#' are comments.
"""
import email
import email.policy
import html
import html.parser
import json
import os
import re
import subprocess
import sys

ENTRY_FIELDS = ["document_number", "date_filed", "description",
                "pacer_case_id", "pacer_doc_id", "pacer_magic_num",
                "pacer_seq_no", "document_url", "short_description"]
DOCKET_FIELDS = ["docket_number", "case_name"]
TOP_FIELDS = ["court_id", "appellate", "contains_attachments"]


def corpus_files(root):
    out = []
    for sub, ext, has_json in (("juriscraper/nef/s3", ".txt", True),
                               ("juriscraper/nda", ".txt", True),
                               ("juriscraper/nef", ".html", True),
                               ("courtlistener/recap_test_assets", "", False)):
        d = os.path.join(root, sub)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            p = os.path.join(d, name)
            if not os.path.isfile(p) or name.endswith(".json"):
                continue
            if ext and not name.endswith(ext):
                continue
            exp = None
            if has_json:
                jp = os.path.splitext(p)[0] + ".json"
                if not os.path.exists(jp):
                    continue
                with open(jp) as f:
                    exp = json.load(f)
            out.append((os.path.relpath(p, root), p, exp))
    return out


def load_exceptions(path):
    exc = {}
    if not os.path.exists(path):
        return exc
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 2)
            if len(parts) < 3:
                raise SystemExit("%s:%d: want FILE FIELDPATH reason" % (path, n))
            exc[(parts[0], parts[1])] = [parts[2], 0]
    return exc


def excepted(exc, rel, path):
    for (f, p), v in exc.items():
        if f != rel:
            continue
        if path == p or path.startswith(p + ".") or path.startswith(p + "["):
            v[1] += 1
            return True
    return False


class Score:
    def __init__(self):
        self.fields = {}
        self.mismatch = []

    def add(self, field, ok, rel, path, exp, got, exc):
        t = self.fields.setdefault(field, [0, 0])
        t[1] += 1
        if ok or excepted(exc, rel, path):
            t[0] += 1
            return
        self.mismatch.append((rel, path, exp, got))


def compare_one(sc, rel, exp, got, exc):
    for k in TOP_FIELDS:
        sc.add(k, exp.get(k) == got.get(k), rel, k, exp.get(k), got.get(k), exc)
    ed, gd = exp.get("dockets", []), got.get("dockets", [])
    for i, e in enumerate(ed):
        g = gd[i] if i < len(gd) else {}
        for k in DOCKET_FIELDS:
            p = "dockets[%d].%s" % (i, k)
            sc.add("dockets[]." + k, e.get(k) == g.get(k), rel, p,
                   e.get(k), g.get(k), exc)
        ee, ge = e.get("docket_entries", []), g.get("docket_entries", [])
        for j, x in enumerate(ee):
            y = ge[j] if j < len(ge) else {}
            for k in ENTRY_FIELDS:
                p = "dockets[%d].docket_entries[%d].%s" % (i, j, k)
                sc.add("dockets[].docket_entries[]." + k, x.get(k) == y.get(k),
                       rel, p, x.get(k), y.get(k), exc)
    if len(gd) != len(ed):
        sc.add("dockets[] count", False, rel, "dockets", len(ed), len(gd), exc)
    else:
        sc.add("dockets[] count", True, rel, "dockets", 0, 0, exc)
    er, gr = exp.get("email_recipients", []), got.get("email_recipients", [])
    for i, e in enumerate(er):
        g = gr[i] if i < len(gr) else {}
        for k in ("name", "email_addresses"):
            p = "email_recipients[%d].%s" % (i, k)
            sc.add("email_recipients[]." + k, e.get(k) == g.get(k), rel, p,
                   e.get(k), g.get(k), exc)
    sc.add("email_recipients[] count", len(er) == len(gr), rel,
           "email_recipients", len(er), len(gr), exc)


class _Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.hrefs = [], []

    def handle_starttag(self, tag, attrs):
        self.parts.append(" ")
        for k, v in attrs:
            if k == "href" and v:
                self.hrefs.append(html.unescape(v))

    def handle_data(self, data):
        self.parts.append(data)


def notice_text(path):
    """The visible text of a message's notice part, blanks folded, and
    the links it holds."""
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    part = msg.get_body(preferencelist=("html", "plain")) or msg
    body = part.get_content() if not part.is_multipart() else ""
    t = _Text()
    t.feed(body)
    return " ".join("".join(t.parts).split()), t.hrefs + re.findall(
        r"https?://\S+", body)


def claim_problems(path, got):
    """What of a claims notice's parse is not in the notice's own text."""
    text, links = notice_text(path)
    bad = []
    if got.get("kind") != "claim" or not got.get("claims"):
        return ["not read as a claims notice"]
    for c in got["claims"]:
        if not c.get("claim_number") or not re.search(
                r"Claim Number:\s*%s\b" % re.escape(c["claim_number"]), text):
            bad.append("claim_number %r" % c.get("claim_number"))
        for k in ("creditor", "creditor_address"):
            for piece in re.split(r",\s+", c.get(k) or ""):
                if not piece or piece not in text:
                    bad.append("%s %r" % (k, piece))
        for k, v in c.items():
            if k.startswith("amount_") and v is not None and v not in text:
                bad.append("%s %r" % (k, v))
        if c.get("document_url") not in links:
            bad.append("document_url")
        for k in ("claim_id", "pacer_magic_num", "pacer_case_id"):
            if c.get(k) and c[k] not in (c.get("document_url") or ""):
                bad.append(k)
        if not c.get("docket_number") or c["docket_number"] not in text:
            bad.append("docket_number")
        if not c.get("filer") or "received from %s" % c["filer"] not in text:
            bad.append("filer")
    return bad


def run_parser(prog, files):
    r = subprocess.run([prog, "--parse"] + [p for _, p, _ in files],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lines = r.stdout.decode("utf-8", "replace").splitlines()
    return r.returncode, lines, r.stderr.decode("utf-8", "replace")


def main():
    if len(sys.argv) < 4:
        raise SystemExit(__doc__)
    prog, root, excpath = sys.argv[1:4]
    verbose = "--verbose" in sys.argv[4:]
    files = corpus_files(root)
    exc = load_exceptions(excpath)
    rc, lines, err = run_parser(prog, files)
    n = 0

    def tap(ok, text):
        nonlocal n
        n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, text))

    tap(rc == 0 and len(lines) == len(files),
        "nefmilter --parse read %d files, printed %d lines (exit %d)"
        % (len(files), len(lines), rc))
    if len(lines) != len(files):
        for l in err.splitlines()[:20]:
            print("# " + l)
        print("1..%d" % n)
        return 1
    sc = Score()
    empty_ok = empty_n = 0
    bad_empty = []
    nojson_ok = nojson_n = 0
    bad_nojson = []
    claims = []
    for (rel, path, exp), line in zip(files, lines):
        try:
            got = json.loads(line)
        except ValueError:
            got = {"_unparsable": line[:80]}
        if exp is None:
            nojson_n += 1
            if got.get("kind") not in (None, "not-a-notice") and got.get("dockets"):
                nojson_ok += 1
            else:
                bad_nojson.append(rel)
            continue
        if exp == {}:
            empty_n += 1
            if got == {} or excepted(exc, rel, "{}"):
                empty_ok += 1
            else:
                bad_empty.append(rel)
            if got.get("kind") == "claim":
                claims.append((rel, claim_problems(path, got)))
            continue
        if got == {}:
            sc.mismatch.append((rel, "{}", "a notice", "{}"))
        compare_one(sc, rel, exp, got, exc)
    for field, (good, total) in sc.fields.items():
        pct = 100.0 * good / total if total else 100.0
        tap(good == total, "%s %d/%d %.1f%%" % (field, good, total, pct))
    tap(empty_ok == empty_n, "expected {} gives {}: %d/%d %s"
        % (empty_ok, empty_n, " ".join(bad_empty)))
    tap(nojson_ok == nojson_n, "files without expected JSON parse as notices: "
        "%d/%d %s" % (nojson_ok, nojson_n, " ".join(bad_nojson)))
    tap(claims and not any(b for _, b in claims),
        "claims notices: every field read is in the notice's own text: "
        "%d/%d %s" % (sum(1 for _, b in claims if not b), len(claims),
                      "; ".join("%s: %s" % (r, ", ".join(b))
                                for r, b in claims if b)))
    unused = ["%s %s" % k for k, v in exc.items() if v[1] == 0]
    tap(not unused, "every exception is still needed (%d exceptions) %s"
        % (len(exc), "; unused: " + ", ".join(unused) if unused else ""))
    for rel, path, e, g in sc.mismatch[:400 if verbose else 60]:
        print("# MISMATCH %s %s" % (rel, path))
        print("#   expected: %s" % json.dumps(e)[:600])
        print("#   actual:   %s" % json.dumps(g)[:600])
    if len(sc.mismatch) > 60 and not verbose:
        print("# ... %d mismatches in all (--verbose shows more)"
              % len(sc.mismatch))
    print("1..%d" % n)
    return 0


if __name__ == "__main__":
    sys.exit(main())
