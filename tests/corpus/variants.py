#!/usr/bin/python3
"""The corpus notices in the forms courts and mail programs give them.

usage: variants.py NEFMILTER CORPUS EXCEPTIONS WORKDIR

Made at run time from the corpus (nothing is kept), each variant is parsed
by NEFMILTER --parse and compared with the expected JSON of the notice it
came from (compare.py, with its exceptions) and with nefmilter's own
reading of that notice (its recipients, kind, class and date filed):

  * every plain-text notice re-wrapped at 60, 72 and 76 columns (line
    feeds, and CRLF), broken at blanks in the middle of phrases, and sent
    quoted-printable: every field the same;
  * every HTML notice as the text/plain alternative a mail program writes
    of it (blocks become lines, a link becomes its text then <URL>, an
    address link its text then <mailto:...>), as it is and wrapped at 72
    and 76 columns: the court and every field the fetch depends on the
    same, and nefmilter's own recipients (a recipient whose addresses
    the court broke over lines stays one);
  * every bankruptcy notice under another heading ("Electronic Notice")
    or none: still a notice, read the same (a text-only entry with no
    recipient list among them).

Prints TAP, one line per property, with the mismatches as comments.
"""
import email
import email.policy
import html.parser
import json
import os
import quopri
import random
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare  # noqa: E402

HEADERS = ("From", "To", "Subject", "Date", "Message-ID")
FETCH_FIELDS = ("court_id", "docket_number", "pacer_case_id", "pacer_doc_id",
                "pacer_magic_num", "pacer_seq_no", "document_url",
                "date_filed")


def message(m, text, crlf=False, qp=False, html=False):
    out = ["%s: %s" % (h, " ".join(str(m[h]).split()))
           for h in HEADERS if m[h] is not None]
    out += ["MIME-Version: 1.0", "Content-Type: text/%s; charset=utf-8"
            % ("html" if html else "plain"),
            "Content-Transfer-Encoding: " + ("quoted-printable" if qp
                                             else "8bit")]
    body = quopri.encodestring(text.encode()).decode() if qp else text
    s = "\n".join(out) + "\n\n" + body
    return (s.replace("\n", "\r\n") if crlf else s).encode()


def wrap(text, width):
    res = []
    for line in text.split("\n"):
        while len(line) > width:
            cut = line.rfind(" ", 1, width + 1)
            if cut <= 0:
                cut = line.find(" ", width)
            if cut <= 0:
                break
            res.append(line[:cut].rstrip())
            line = line[cut + 1:]
        res.append(line)
    return "\n".join(res)


def hard_breaks(text, seed):
    """A break at a random blank in most lines longer than 25 bytes."""
    r = random.Random(seed)
    res = []
    for line in text.split("\n"):
        sp = [i for i, c in enumerate(line)
              if c == " " and 5 < i < len(line) - 3]
        if len(line) > 25 and sp and r.random() < 0.6:
            i = r.choice(sp)
            res += [line[:i], line[i + 1:]]
        else:
            res.append(line)
    return "\n".join(res)


class TextAlternative(html.parser.HTMLParser):
    BLOCK = {"p", "div", "br", "tr", "table", "h1", "h2", "h3", "h4", "li",
             "center", "hr", "blockquote", "title", "body"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.href, self.atext = [], 0, None, []

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("style", "script", "head")
        if tag in self.BLOCK:
            self.out.append("\n")
        if tag in ("td", "th"):
            self.out.append(" ")
        if tag == "a":
            self.href = (dict(attrs).get("href") or "").strip()
            self.atext = []

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head") and self.skip:
            self.skip -= 1
        if tag in self.BLOCK:
            self.out.append("\n")
        if tag == "a" and self.href is not None:
            t = "".join(self.atext)
            self.out.append(t)
            if self.href and t.strip() != self.href:
                self.out.append(" <%s>" % self.href)
            self.href = None

    def handle_data(self, data):
        if self.skip:
            return
        data = re.sub(r"\s+", " ", data)
        (self.atext if self.href is not None else self.out).append(data)


def text_alternative(body):
    p = TextAlternative()
    p.feed(body)
    p.close()
    lines = [" ".join(x.split()) for x in
             "".join(p.out).replace("\xa0", " ").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def variants(path):
    with open(path, "rb") as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    part = m.get_body(preferencelist=("html", "plain"))
    body = part.get_content().replace("\r\n", "\n")
    if part.get_content_type() == "text/plain":
        for w in (60, 72, 76):
            yield "plain", "wrap%d" % w, message(m, wrap(body, w))
            yield "plain", "wrap%d-crlf" % w, message(m, wrap(body, w), True)
        for seed in (1, 2, 3):
            yield "plain", "breaks%d" % seed, message(m, hard_breaks(body,
                                                                     seed))
        yield "plain", "qp", message(m, body, qp=True)
        yield "plain", "wrap60-qp-crlf", message(m, wrap(body, 60), True, True)
    elif part.get_content_type() == "text/html":
        alt = text_alternative(body)
        yield "html", "text", message(m, alt)
        for w in (72, 76):
            yield "html", "text-wrap%d" % w, message(m, wrap(alt, w))


def headings(path, exp):
    """A bankruptcy notice under another heading, or none."""
    if not exp.get("court_id", "").endswith("b") or exp.get("appellate"):
        return
    with open(path, "rb") as f:
        m = email.message_from_binary_file(f, policy=email.policy.default)
    part = m.get_body(preferencelist=("html", "plain"))
    body = part.get_content()
    for tag, h in (("head-other", "Electronic Notice"), ("head-none", "")):
        b2, k = re.subn("Notice of Electronic Filing", h, body, count=1)
        if k:
            yield "heading", tag, message(m, b2, html=part.get_content_type()
                                          == "text/html")


def own_fields(sc, rel, orig, got, keys=("kind", "class", "date_filed")):
    """nefmilter's own reading, against the original notice's."""
    orr, gr = orig.get("recipients", []), got.get("recipients", [])
    for i, x in enumerate(orr):
        y = gr[i] if i < len(gr) else {}
        for k in ("name", "email_addresses"):
            sc.add("recipients[]." + k, x.get(k) == y.get(k), rel,
                   "recipients[%d].%s" % (i, k), x.get(k), y.get(k), {})
    sc.add("recipients[] count", len(orr) == len(gr), rel, "recipients",
           len(orr), len(gr), {})
    for k in keys:
        sc.add(k, orig.get(k) == got.get(k), rel, k, orig.get(k),
               got.get(k), {})


def parse(prog, paths):
    r = subprocess.run([prog, "--parse"] + paths, stdout=subprocess.PIPE,
                       stderr=subprocess.DEVNULL)
    return [json.loads(x) for x in r.stdout.decode().splitlines()]


def main():
    prog, root, excpath, work = sys.argv[1:5]
    exc = compare.load_exceptions(excpath)
    files = [(rel, path, exp) for rel, path, exp in compare.corpus_files(root)
             if exp and path.endswith(".txt")]
    origs = dict(zip([rel for rel, _, _ in files],
                     parse(prog, [p for _, p, _ in files])))
    items = []
    for rel, path, exp in files:
        for form, tag, data in list(variants(path)) + list(headings(path,
                                                                   exp)):
            fn = os.path.join(work, "%s.%s.eml" % (rel.replace("/", "_"), tag))
            with open(fn, "wb") as f:
                f.write(data)
            items.append((form, rel, exp, tag, fn))
    got = parse(prog, [fn for *_, fn in items])
    n = 0

    def tap(ok, text):
        nonlocal n
        n += 1
        print("%s %d - %s" % ("ok" if ok else "not ok", n, text))

    tap(len(got) == len(items), "%d variants parsed" % len(items))
    if len(got) != len(items):
        print("1..%d" % n)
        return
    plain, alt, head = compare.Score(), compare.Score(), compare.Score()
    counts = {"plain": 0, "html": 0, "heading": 0}
    for (form, rel, exp, tag, fn), g in zip(items, got):
        counts[form] += 1
        if form == "plain":
            compare.compare_one(plain, rel, exp, g, exc)
            own_fields(plain, rel, origs[rel], g)
            continue
        if form == "heading":
            compare.compare_one(head, rel, exp, g, exc)
            own_fields(head, rel, origs[rel], g, ("kind", "date_filed"))
            continue
        own_fields(alt, rel, origs[rel], g, ("kind", "date_filed"))
        sc = compare.Score()
        compare.compare_one(sc, rel, exp, g, exc)
        for field, (good, total) in sc.fields.items():
            if field.split(".")[-1] in FETCH_FIELDS:
                t = alt.fields.setdefault(field, [0, 0])
                t[0] += good
                t[1] += total
        alt.mismatch += [x for x in sc.mismatch
                         if re.sub(r"\[\d+\]", "", x[1]).split(".")[-1]
                         in FETCH_FIELDS]
    for name, sc, what in (
            ("plain", plain, "plain-text notices re-wrapped, broken "
             "mid-phrase, CRLF, quoted-printable: every field"),
            ("html", alt, "HTML notices as a mail program's text "
             "alternative, also wrapped: the court, the fields of the "
             "fetch, the recipients"),
            ("heading", head, "bankruptcy notices under another heading "
             "or none: every field")):
        good = sum(v[0] for v in sc.fields.values())
        total = sum(v[1] for v in sc.fields.values())
        tap(total > 0 and good == total, "%s (%d variants): %d/%d fields"
            % (what, counts[name], good, total))
        for rel, p, e, g in sc.mismatch[:20]:
            print("# %s %s: expected %s, got %s" % (rel, p, json.dumps(e)[:120],
                                                    json.dumps(g)[:120]))
    print("1..%d" % n)


if __name__ == "__main__":
    main()
