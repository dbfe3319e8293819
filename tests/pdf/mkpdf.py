#!/usr/bin/python3
"""mkpdf: nefmilter's test PDFs, drawn by hand-made content streams.

    mkpdf.py cases DIR          every case below as DIR/NAME.pdf, and
                                DIR/expect.json: what nefpdf must report
    mkpdf.py brief N FILE       an N-page text brief (benchmarks)
    mkpdf.py exhibit N FILE     an N-page scanned exhibit with an OCR layer
    mkpdf.py filing FILE        the e2e filing: a brief whose page 4 has a
                                failed redaction and page 2 a full SSN

Each case says what it draws and what must be found.  A bad redaction is
(page, kind, text) with an approximate box; "text" is what lies under the
cover.  The negatives are the things court filings are full of that must
not raise an alarm.  Standard library only (pdfgen.py, zlib).
"""
import json
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdfgen import Doc, deflate_repeat, text_width, PAGE_H  # noqa: E402
import court  # noqa: E402
import mkpdf_more  # noqa: E402

CASES = {}


def case(name, status="checked", red=(), ids=(), opts=(), memory=False):
    """Register a case: red = [(page, kind, text, [x0, y0, x1, y1] or None)],
    ids = [(page, kind, shown)]; boxes in nefpdf's coordinates; opts are
    nefpdf options the case is run with (its limits); memory: the status
    comes from the address-space limit (which sanitizer builds lack)."""
    def wrap(fn):
        CASES[name] = (fn, {"status": status,
                            "bad_redactions": [list(r) for r in red],
                            "identifiers": [list(i) for i in ids],
                            "opts": list(opts), "memory": memory})
        return fn
    return wrap


def top(y, h=0):
    """A PDF y (bottom-up) as nefpdf's y (top-down)."""
    return PAGE_H - y - h


def sentence(p, y, before, secret, after, size=12, x=72):
    """Write before + secret + after on one line; the secret's box."""
    x1 = p.text(x, y, before, size)
    x2 = p.text(x1, y, secret, size)
    p.text(x2, y, after, size)
    return x1, x2


# ------------------------------------------------------------ positives

@case("cover-rect", red=[(1, "cover", "John Q. Public", [112.7, 79, 193.7, 97])])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 700, "Plaintiff ", "John Q. Public", " moved.")
    p.box(x1 - 2, 695, x2 - x1 + 3, 18)


@case("cover-behind-same-colour",
      red=[(1, "cover", "555 Elm Street", [130, 179, 220, 197])])
def _(d):
    # a word processor's black "highlighting": the box first, black text on it
    p = d.page()
    p.box(130, 595, 90, 18)
    sentence(p, 600, "Residing at ", "555 Elm Street", ", Springfield.")


@case("cover-polygon", red=[(1, "cover", "diagnosis", [134.7, 378, 193.4, 398])])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 400, "The medical ", "diagnosis", " is attached.")
    # a trapezoid, wider than the word at its base
    p.raw("q 0 g %g 394 m %g 394 l %g 414 l %g 414 l h f Q" % (
        x1 - 6, x2 + 2, x2, x1 - 2))


@case("cover-thick-stroke", red=[(1, "cover", "Acme Holdings", None)])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 500, "The buyer was ", "Acme Holdings", " in 2019.")
    p.raw("q 0 G 16 w 0 J %g 504 m %g 504 l S Q" % (x1 - 2, x2 + 2))


@case("cover-dark-grey", red=[(1, "cover", "Roe", [110, 289, 140, 307])])
def _(d):
    p = d.page()
    sentence(p, 490, "Witness ", "Roe", " testified.")
    p.box(110, 485, 30, 18, gray=0.2)


@case("cover-solid-pattern", red=[(1, "cover", "ACCT", [108, 89, 141, 107])])
def _(d):
    p = d.page()
    sentence(p, 690, "Label: ", "ACCT", " shown.")
    p.pattern("P1", "0 g 0 0 4 4 re f")
    p.raw("q /Pattern cs /P1 scn 108 685 33 18 re f Q")


@case("annot-square", red=[(1, "annotation", "Jane Roe", None)])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 600, "The minor ", "Jane Roe", " appeared.")
    r = [x1 - 2, 595, x2 + 2, 615]
    ap = p.form([0, 0, r[2] - r[0], 20], "0 g 0 0 %g 20 re f" % (r[2] - r[0]))
    p.annot("/Subtype /Square /Rect [%g %g %g %g] /C [0 0 0] /IC [0 0 0] "
            "/AP << /N %d 0 R >>" % (tuple(r) + (ap,)))


@case("annot-ink", red=[(1, "annotation", "secret", None)])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 500, "Keep this ", "secret", " please.")
    w = x2 - x1 + 4
    ap = p.form([0, 0, w, 24], "0 G 14 w 1 J 0 12 m %g 12 l S" % w)
    p.annot("/Subtype /Ink /Rect [%g 492 %g 516] /C [0 0 0] /BS << /W 14 >> "
            "/InkList [[%g 504 %g 504]] /AP << /N %d 0 R >>" % (
                x1 - 2, x2 + 2, x1 - 2, x2 + 2, ap))


@case("annot-freetext", red=[(1, "annotation", "Settlement 90000", None)])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 400, "Terms: ", "Settlement 90000", " final.")
    w = x2 - x1 + 6
    ap = p.form([0, 0, w, 22], "0.05 g 0 0 %g 22 re f" % w)
    p.annot("/Subtype /FreeText /Rect [%g 394 %g 416] /C [0.05 0.05 0.05] "
            "/DA (/Helv 10 Tf 1 g) /Contents () /AP << /N %d 0 R >>" % (
                x1 - 3, x2 + 3, ap))


@case("annot-polygon", red=[(1, "annotation", "Smith", None)])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 300, "Agent ", "Smith", " arrived.")
    w = x2 - x1 + 8
    ap = p.form([0, 0, w, 24], "0 g 0 0 m %g 0 l %g 24 l 0 24 l h f" % (w, w))
    p.annot("/Subtype /Polygon /Rect [%g 294 %g 318] /C [0 0 0] /IC [0 0 0] "
            "/Vertices [%g 294 %g 294 %g 318 %g 318] /AP << /N %d 0 R >>" % (
                x1 - 4, x2 + 4, x1 - 4, x2 + 4, x2 + 4, x1 - 4, ap))


@case("highlight-black", red=[(1, "highlight", "Bank of Nowhere", None)])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 650, "Funds held at ", "Bank of Nowhere", " branch.")
    w = x2 - x1
    gs = d.add("<< /BM /Multiply >>")
    ap = p.form([0, 0, w, 16], "/G0 gs 0 g 0 0 %g 16 re f" % w,
                "<< /ExtGState << /G0 %d 0 R >> >>" % gs)
    p.annot("/Subtype /Highlight /Rect [%g 646 %g 662] /C [0 0 0] "
            "/QuadPoints [%g 662 %g 662 %g 646 %g 646] /AP << /N %d 0 R >>" % (
                x1, x2, x1, x2, x1, x2, ap))


@case("image-black", red=[(1, "image", "Richard Miles", None)])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 560, "Informant ", "Richard Miles", " called.")
    d.image("Im1", 8, 8, bytes(64))
    p.image("Im1", x1 - 2, 554, x2 - x1 + 4, 20)


@case("ocr-blacked-out", red=[(1, "image", "Jane Roe", None),
                              (1, "image", "4417-1234-5678-9113", None)],
      ids=[(1, "account", "XXXX-XXXX-XXXX-9113")])
def _(d):
    # a scan whose bars were painted over the image, OCR text kept
    p = d.page()
    court.scan_page(d, p, "Im1", [
        "DECLARATION OF A WITNESS",
        "I met the minor child @@@@@@@@ at school in the spring.",
        "She paid with card @@@@@@@@@@@@@@@@@@@ that day.",
        "I declare under penalty of perjury that this is true."],
        hidden={1: "Jane Roe", 2: "4417-1234-5678-9113"})


@case("redact-unapplied", red=[(1, "unapplied", "123 Main St", None)])
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 450, "Home address: ", "123 Main St", ", Apt 4.")
    p.annot("/Subtype /Redact /Rect [%g 446 %g 462] /QuadPoints [%g 462 %g 462"
            " %g 446 %g 446] /IC [0 0 0]" % (x1, x2, x1, x2, x1, x2))


# ------------------------------------------------------------ negatives

@case("white-on-dark-header")
def _(d):
    p = d.page()
    court.table(p, 600, ["Exhibit", "Description", "Date"],
                [["A", "Lease agreement", "01/05/2022"],
                 ["B", "Email chain", "03/14/2023"]])


@case("rules-grids-signature")
def _(d):
    p = d.page()
    sentence(p, 700, "An underlined ", "phrase", " here.")
    p.line(72, 697, 400, 697, 0.7)
    for i in range(6):
        p.line(72, 600 - 20 * i, 500, 600 - 20 * i, 0.5)
    for x in (72, 200, 350, 500):
        p.line(x, 600, x, 500, 0.5)
    for i in range(5):
        p.text(76, 585 - 20 * i, "Row %d value %d" % (i, 10 * i))
    court.signature(p, 300, 300, "Jane Attorney")
    p.box(72, 200, 468, 2)   # a heavy rule between text lines
    p.text(72, 204, "Text sitting on a heavy rule")
    p.text(72, 188, "Text hanging under it")


@case("empty-boxes")
def _(d):
    p = d.page()
    p.box(72, 690, 120, 18)            # nothing under it
    p.text(72, 650, "Name: ")
    p.text(160, 650, " . , ; -- ...")
    p.box(150, 645, 110, 18)           # only blanks and punctuation
    x = p.text(72, 600, "The redacted part [")
    p.text(x, 600, "          ] follows.")
    p.box(x, 596, text_width("          ", 12), 16)


@case("text-over-box")
def _(d):
    p = d.page()
    p.box(72, 690, 200, 20, gray=0.85)
    p.text(76, 695, "Black text over a grey box")
    p.box(72, 640, 200, 20)
    p.text(76, 645, "White text over a black box", gray=1)
    court.stamp(p, 400, 600, "EXHIBIT", "12")
    p.box(72, 590, 200, 20, rgb=(0, 0, 0.4))
    p.text(76, 595, "Yellow on navy", rgb=(1, 1, 0))


@case("ocr-over-scan")
def _(d):
    p = d.page()
    court.scan_page(d, p, "Im1", [
        "UNITED STATES DISTRICT COURT",
        "The lease was signed on 01/05/2022 by both parties.",
        "Telephone (415) 555-0100. Case No. 4:22-cv-05541-JST.",
        "Exhibit stamps and signatures follow."])


@case("edge-overlaps")
def _(d):
    p = d.page()
    p.text(72, 700, "Partly covered tops of letters")
    p.box(70, 707, 200, 10)            # covers the ascenders only
    p.text(72, 650, "Box touching the last letter")
    w = text_width("Box touching the last letter", 12)
    p.box(72 + w - 2, 640, 40, 30)     # 2 pt into the final "r"
    p.text(72, 600, "A box above the line")
    p.box(72, 612, 200, 14)


@case("cross-hatching")
def _(d):
    p = d.page()
    p.text(72, 700, "Hatched over but readable")
    ops = ["q 0 G 1 w 70 694 130 20 re W n"]
    for k in range(-20, 160, 4):
        ops.append("%g 694 m %g 714 l S %g 694 m %g 714 l S" % (
            70 + k, 90 + k, 90 + k, 70 + k))
    ops.append("Q")
    p.raw(" ".join(ops))


@case("pattern-hatch")
def _(d):
    p = d.page()
    p.text(72, 700, "A patterned box over text")
    p.pattern("P1", "0 G 0.6 w 0 0 m 6 6 l S", step=6)
    p.raw("q /Pattern cs /P1 scn 70 694 170 20 re f Q")


@case("clipped-box")
def _(d):
    p = d.page()
    p.text(72, 700, "Clipping keeps this visible")
    # the box is clipped to a strip above the text
    p.raw("q 70 716 200 10 re W n 0 g 70 690 200 40 re f Q")


@case("even-odd-hole")
def _(d):
    p = d.page()
    p.text(80, 700, "Seen through a hole")
    p.raw("q 0 g 60 680 220 50 re 75 694 190 22 re f* Q")


@case("nonzero-hole")
def _(d):
    p = d.page()
    p.text(80, 700, "Seen through a hole too")
    # outer clockwise, inner counter-clockwise: a hole under nonzero
    p.raw("q 0 g 60 680 m 60 730 l 280 730 l 280 680 l h "
          "75 694 m 265 694 l 265 716 l 75 716 l h f Q")


@case("transparent-box")
def _(d):
    p = d.page()
    p.text(72, 700, "Under a see-through box")
    p.gstate("G1", "/ca 0.3")
    p.raw("q /G1 gs 0 g 70 694 170 20 re f Q")


@case("light-annotations")
def _(d):
    p = d.page()
    x1, x2 = sentence(p, 650, "A ", "yellow highlight", " on text.")
    gs = d.add("<< /BM /Multiply >>")
    ap = p.form([0, 0, x2 - x1, 16], "/G0 gs 1 1 0 rg 0 0 %g 16 re f" % (x2 - x1),
                "<< /ExtGState << /G0 %d 0 R >> >>" % gs)
    p.annot("/Subtype /Highlight /Rect [%g 646 %g 662] /C [1 1 0] "
            "/QuadPoints [%g 662 %g 662 %g 646 %g 646] /AP << /N %d 0 R >>" % (
                x1, x2, x1, x2, x1, x2, ap))
    x1, x2 = sentence(p, 600, "A ", "hidden black square", " annotation.")
    ap = p.form([0, 0, x2 - x1, 20], "0 g 0 0 %g 20 re f" % (x2 - x1))
    p.annot("/Subtype /Square /F 2 /Rect [%g 595 %g 615] /IC [0 0 0] "
            "/AP << /N %d 0 R >>" % (x1, x2, ap))
    x1, x2 = sentence(p, 550, "An ", "outlined square", " around words.")
    ap = p.form([0, 0, x2 - x1 + 4, 22], "0 G 1 w 0.5 0.5 %g 21 re S" % (x2 - x1 + 3))
    p.annot("/Subtype /Square /Rect [%g 544 %g 566] /C [0 0 0] "
            "/AP << /N %d 0 R >>" % (x1 - 2, x2 + 2, ap))


# ---------------------------------------------------- court-style documents

@case("brief-clean")
def _(d):
    court.brief(d, 6)


@case("brief-identifiers", ids=[(2, "ssn", "XXX-XX-6789"),
                                (3, "birth_date", "XX/XX/1961"),
                                (3, "account", "XXXXXXXXX4321")])
def _(d):
    court.brief(d, 4, extra={
        2: ["The debtor's Social Security number is 123-45-6789, and",
            "the last four digits of her spouse's are XXX-XX-4321."],
        3: ["Debtor one, DOB: 02/17/1961, was born in Ohio; debtor two",
            "was born in 1975.  Account No. 9988776654321 is at issue,",
            "and account ending in 5678 is not.  Call (415) 555-0100."]})


@case("exhibit-scanned")
def _(d):
    court.exhibit(d, 2)


@case("filing", red=[(4, "cover", "Jane Doe suffers from epilepsy", None)],
      ids=[(2, "ssn", "XXX-XX-6789")])
def _(d):
    court.filing(d)


# ------------------------------------------------------------ hostile

@case("hostile-broken", status="error")  # nothing readable: no pages
def _(d):
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n" + b"\x00\xff" * 64


@case("hostile-truncated")
def _(d):
    # cut before the xref: the engine rebuilds it and reads the page
    court.brief(d, 1)
    data = d.tobytes()
    return data[:data.rindex(b"xref")]


@case("hostile-encrypted", status="error")
def _(d):
    p = d.page()
    p.text(72, 700, "Secret")
    enc = d.add("<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 "
                "/O <%s> /U <%s> >>" % ("11" * 32, "22" * 32))
    d.trailer_extra = " /Encrypt %d 0 R /ID [<%s> <%s>]" % (enc, "33" * 16, "33" * 16)


@case("hostile-million-pages", status="too-large")
def _(d):
    p = d.page()
    p.text(72, 700, "One page that says it is a million")
    d.count_override = 1000000


@case("hostile-deep-nesting")
def _(d):
    p = d.page()
    p.text(72, 700, "Deep")
    p.extra = " /Deep " + "[" * 20000 + "]" * 20000
    # a form that draws itself
    me = d.reserve()
    d.set(me, ("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources"
               " << /XObject << /Me %d 0 R >> >> /Length 8 >>\nstream\n/Me Do Q\n"
               "endstream" % me))
    p.xobjects["Me"] = me
    p.raw("q /Me Do Q")


@case("hostile-font")
def _(d):
    p = d.page()
    bad = d.stream("/Length1 4000", bytes(range(256)) * 16)
    desc = d.add("<< /Type /FontDescriptor /FontName /Bad /Flags 32 "
                 "/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 "
                 "/Descent -200 /CapHeight 700 /StemV 80 /FontFile2 %d 0 R >>" % bad)
    f3 = d.add("<< /Type /Font /Subtype /TrueType /BaseFont /Bad /FirstChar 32 "
               "/LastChar 126 /Widths [%s] /FontDescriptor %d 0 R >>" % (
                   " ".join(["500"] * 95), desc))
    p.fonts["F3"] = f3
    p.raw("BT /F3 12 Tf 72 700 Td (A damaged font) Tj ET")


@case("hostile-image-huge",
      red=[(1, "image", "Invisible words over a huge image", None)])
def _(d):
    p = d.page()
    # 20000 x 20000 black pixels (400 MB) from 400 KB of Flate data,
    # under invisible text, so that the check must render it: the engine
    # decodes it row by row at the resolution it needs, within the limits
    data = deflate_repeat(bytes(20000), 20000)
    d.images["Big"] = d.stream(
        "/Type /XObject /Subtype /Image /Width 20000 /Height 20000 "
        "/ColorSpace /DeviceGray /BitsPerComponent 8", data, raw_filter="FlateDecode")
    p.image("Big", 0, 0, 612, 792)
    p.text(72, 700, "Invisible words over a huge image", render=3)


@case("hostile-image-bogus", status="error")
def _(d):
    p = d.page()
    p.text(72, 700, "Text first")
    bogus = d.stream("/Type /XObject /Subtype /Image /Width 2147483647 "
                     "/Height 2147483647 /ColorSpace /DeviceRGB "
                     "/BitsPerComponent 8", b"\xff\xd8garbage", raw_filter="DCTDecode")
    d.images["Bogus"] = bogus
    p.image("Bogus", 100, 100, 50, 50)


@case("hostile-zipbomb", status="too-large", memory=True)
def _(d):
    # an inline image whose 1.5 MB of Flate data inflate to 1.6 GB
    p = d.page()
    data = deflate_repeat(bytes(1 << 20), 1526)
    p.contents = d.stream("", b"q 612 0 0 792 0 0 cm BI /W 40000 /H 40000 /CS /G "
                          b"/BPC 8 /F /Fl ID\n" + data + b"\nEI Q\nBT /F1 12 Tf 3 Tr"
                          b" 72 700 Td (hidden words) Tj ET\n", compress=False)


@case("hostile-zipbomb-font", opts=["--memory", "256M"], memory=True)
def _(d):
    # an embedded font that inflates to 600 MB: over the memory limit the
    # engine drops the font and reads the page with a substitute
    p = d.page()
    data = deflate_repeat(bytes(1 << 20), 600)
    bomb = d.stream("/Length1 629145600", data, raw_filter="FlateDecode")
    desc = d.add("<< /Type /FontDescriptor /FontName /Bomb /Flags 32 "
                 "/FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 900 "
                 "/Descent -200 /CapHeight 700 /StemV 80 /FontFile2 %d 0 R >>" % bomb)
    p.fonts["F3"] = d.add("<< /Type /Font /Subtype /TrueType /BaseFont /Bomb "
                          "/FirstChar 32 /LastChar 126 /Widths [%s] "
                          "/FontDescriptor %d 0 R >>" % (" ".join(["500"] * 95), desc))
    p.raw("BT /F3 12 Tf 72 700 Td (Boom) Tj ET")


@case("hostile-slow", status="timeout", opts=["--timeout", "2"])
def _(d):
    # 400 MB of "q Q " in one content stream: far more than the limits allow
    p = d.page()
    data = deflate_repeat(b"q Q " * (1 << 18), 400)
    p.contents = d.stream("", data, raw_filter="FlateDecode")


mkpdf_more.register(case, sentence)


def build_case(name, path):
    fn, expect = CASES[name]
    d = Doc()
    data = fn(d)
    if data is None:
        data = d.tobytes()
    with open(path, "wb") as f:
        f.write(data)
    return expect


def main(argv):
    if len(argv) >= 3 and argv[1] == "cases":
        out = argv[2]
        os.makedirs(out, exist_ok=True)
        names = argv[3:] or sorted(CASES)
        exp = {n: build_case(n, os.path.join(out, n + ".pdf")) for n in names}
        with open(os.path.join(out, "expect.json"), "w") as f:
            json.dump(exp, f, indent=1, sort_keys=True)
        return 0
    if len(argv) == 4 and argv[1] in ("brief", "exhibit"):
        d = Doc()
        (court.brief if argv[1] == "brief" else court.exhibit)(d, int(argv[2]))
        d.save(argv[3])
        return 0
    if len(argv) == 3 and argv[1] == "filing":
        d = Doc()
        court.filing(d)
        d.save(argv[2])
        return 0
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
