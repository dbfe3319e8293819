#!/usr/bin/python3
"""Field accuracy of nefmilter --parse on notices it has not seen: variants
of the corpus notices that real mail programs and courts produce (re-wrapped
at 60/72/76 columns with LF and CRLF, broken mid-phrase, quoted-printable;
HTML notices as a mail program's text alternative, plain and wrapped;
bankruptcy notices under other headings or none; multi-docket notices with
their cases in reverse order), each scored field by field against the
expected parse of the notice it came from (compare.py, exceptions.txt).
It prints a line per class and the overall figure.  The variants are
written to OUTDIR, never into the tree.  Seeded: runs are repeatable.
tests/corpus/t-variants.sh checks a fast subset of these properties.

usage: accuracy.py NEFMILTER CORPUS EXCEPTIONS OUTDIR [classes...]
  e.g. python3 tests/corpus/accuracy.py build/nefmilter ../shared/corpus/nef \\
           tests/corpus/exceptions.txt /tmp/nef-variants"""
import copy, email, email.policy, json, os, re, subprocess, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare
import variants as tv  # the variant makers t-variants.sh uses

def load(p):
    with open(p, "rb") as f:
        return email.message_from_binary_file(f, policy=email.policy.default)

def body_of(m):
    part = m.get_body(preferencelist=("html", "plain"))
    return part.get_content_type(), part.get_content()

def build(m, text, ctype="text/plain", crlf=False, qp=False):
    return tv.message(m, text, crlf=crlf, qp=qp, html=ctype == "text/html")

HEADINGS = ["Notice of Bankruptcy Case Filing", "NOTICE OF ELECTRONIC FILING",
            "Notice of Electronic Filing - Bankruptcy Court",
            "Electronic Notice", ""]

def variants(rel, path, exp, classes):
    m = load(path) if path.endswith(".txt") or "." not in os.path.basename(path) else None
    if m is None:
        with open(path, encoding="utf-8", errors="replace") as f:
            ctype, body = "text/html", f.read()
        m = email.message_from_string("From: x@x\n\n", policy=email.policy.default)
        m.replace_header = None
        bare = True
    else:
        ctype, body = body_of(m)
        bare = False
    court = exp.get("court_id", "")
    out = []
    if ctype == "text/plain" and "wrap" in classes:
        t = body.replace("\r\n", "\n")
        for w in (60, 72, 76):
            out.append(("wrap%d" % w, build(m, tv.wrap(t, w)), exp))
            out.append(("wrap%d-crlf" % w, build(m, tv.wrap(t, w), crlf=True), exp))
        for s in (1, 2, 3):
            out.append(("hard%d" % s, build(m, tv.hard_breaks(t, s)), exp))
        out.append(("hard1-qp", build(m, tv.hard_breaks(t, 1), qp=True), exp))
        out.append(("qp", build(m, t, qp=True), exp))
        out.append(("wrap60-qp-crlf", build(m, tv.wrap(t, 60), qp=True, crlf=True), exp))
    if ctype == "text/html" and "h2t" in classes:
        t = tv.text_alternative(body)
        out.append(("h2t", build(m, t), exp))
        out.append(("h2t-wrap72", build(m, tv.wrap(t, 72)), exp))
        out.append(("h2t-wrap76-qp", build(m, tv.wrap(t, 76), qp=True), exp))
    if "heading" in classes and court.endswith("b") and not exp.get("appellate"):
        for i, h in enumerate(HEADINGS):
            b2, n = re.subn(r"Notice of Electronic Filing", h, body, count=1)
            if n:
                out.append(("head%d" % i, build(m, b2, ctype), exp))
    if "order" in classes and len(exp.get("dockets", [])) > 1 and ctype == "text/html":
        b2 = reorder(body)
        if b2 is not None:
            e2 = copy.deepcopy(exp)
            e2["dockets"] = list(reversed(e2["dockets"]))
            out.append(("reverse", build(m, b2, ctype), e2))
    return out

def reorder(body):
    """The case blocks in reverse order: each case's table and the docket
    text that follows it (up to its paragraph's end) move together."""
    tabs = [mm for mm in re.finditer(r"(?is)<table\b[^>]*>.*?</table>", body)
            if re.search(r"(?i)Case Name:", mm.group(0))]
    if len(tabs) < 2:
        return None
    spans = []
    for i, t in enumerate(tabs):
        lim = tabs[i + 1].start() if i + 1 < len(tabs) else len(body)
        end = t.end()
        dt = re.compile(r"(?i)Docket Text:").search(body, end, lim)
        if dt:
            pe = re.compile(r"(?i)</p>").search(body, dt.end(), lim)
            if pe:
                end = pe.end()
        spans.append((t.start(), end))
    pieces = [body[a:b] for a, b in spans]
    res, last = [], 0
    for (a, b), rep in zip(spans, reversed(pieces)):
        res.append(body[last:a]); res.append(rep); last = b
    res.append(body[last:])
    return "".join(res)

def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    prog, root, excpath, outdir = sys.argv[1:5]
    classes = sys.argv[5:] or ["wrap", "h2t", "heading", "order"]
    exc = compare.load_exceptions(excpath)
    os.makedirs(outdir, exist_ok=True)
    items = []
    for rel, path, exp in compare.corpus_files(root):
        if not exp:
            continue
        for tag, data, e in variants(rel, path, exp, classes):
            fn = os.path.join(outdir, rel.replace("/", "_") + "." + tag + ".eml")
            with open(fn, "wb") as f:
                f.write(data)
            items.append((rel, fn, e, tag))
    r = subprocess.run([prog, "--parse"] + [fn for _, fn, _, _ in items],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    lines = r.stdout.decode("utf-8", "replace").splitlines()
    assert len(lines) == len(items), (len(lines), len(items))
    origs = {}
    for rel, path, exp in compare.corpus_files(root):
        origs[rel] = path
    rels = sorted(set(i[0] for i in items))
    r = subprocess.run([prog, "--parse"] + [origs[x] for x in rels],
                       stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    orig = dict(zip(rels, [json.loads(l) for l in r.stdout.decode().splitlines()]))
    percls = {}
    allgood = alltot = 0
    mism = []
    for (rel, fn, e, tag), line in zip(items, lines):
        got = json.loads(line)
        cls = re.sub(r"\d+$", "", tag.split("-")[0])
        sc = compare.Score()
        e = dict(e)
        o = orig[rel]
        if tag.startswith("h2t"):
            # juriscraper's view of recipients depends on the form; the
            # text form is scored on nefmilter's own list below
            e["email_recipients"] = []
            got = dict(got, email_recipients=[])
        compare.compare_one(sc, rel, e, got, exc)
        tv.own_fields(sc, rel, o, got, ("kind", "date_filed")
                      if tag.startswith("head") else
                      ("kind", "class", "date_filed"))
        g = sum(v[0] for v in sc.fields.values()); t = sum(v[1] for v in sc.fields.values())
        c = percls.setdefault(cls, [0, 0, 0, 0]); c[0] += g; c[1] += t; c[2] += 1
        c[3] += (g == t)
        allgood += g; alltot += t
        for m in sc.mismatch:
            mism.append((cls, tag, m))
    for cls, (g, t, nf, nperfect) in sorted(percls.items()):
        print("%-8s files %4d (all fields right: %4d)  fields %6d/%6d %.2f%%"
              % (cls, nf, nperfect, g, t, 100.0 * g / t))
    print("overall  fields %d/%d %.2f%%" % (allgood, alltot, 100.0 * allgood / alltot))
    with open(os.path.join(outdir, "mismatches.txt"), "w") as f:
        for cls, tag, (rel, p, e, g) in mism:
            f.write("%s %s %s %s\n  exp %s\n  got %s\n" % (cls, tag, rel, p,
                    json.dumps(e)[:300], json.dumps(g)[:300]))

if __name__ == "__main__":
    main()
