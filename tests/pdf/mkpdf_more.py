"""mkpdf_more: more of mkpdf.py's cases, the ways a cover can be drawn
that a simple filled rectangle does not show, and identifiers written or
extracted in pieces.

register(case, sentence) adds them to mkpdf.py's table; each says what
it draws and what nefpdf must report, as mkpdf.py's own cases do.
"""
import random

CMAP_AB = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap "
           b"/CMapName /AB def 1 begincodespacerange <00> <FF> "
           b"endcodespacerange 2 beginbfchar <41> <0041> <42> <0042> "
           b"endbfchar endcmap CMapName currentdict /CMap defineresource pop "
           b"end end")


def register(case, sentence):
    def black(p, x1, x2, y, gray=0.0):
        p.box(x1 - 2, y - 5, x2 - x1 + 4, 18, gray=gray)

    # ------------------------------------------------ covers, positives

    @case("form-xobject-box", red=[(1, "cover", "Mary Major", None)])
    def _(d):
        # the box is drawn by a form XObject, two levels deep
        p = d.page()
        x1, x2 = sentence(p, 700, "Patient ", "Mary Major", " was seen.")
        inner = p.form([0, 0, 300, 40], "0 g 0 0 %g 18 re f" % (x2 - x1 + 4))
        outer = p.form([0, 0, 300, 40], "/In Do",
                       "<< /XObject << /In %d 0 R >> >>" % inner)
        p.xobjects["Fm1"] = outer
        p.raw("q 1 0 0 1 %g 695 cm /Fm1 Do Q" % (x1 - 2))

    @case("type3-under-box", red=[(1, "cover", "ABAB", None)])
    def _(d):
        # glyphs of a Type 3 font (drawn by their own procedures)
        p = d.page()
        proc = d.stream("", b"1000 0 0 0 750 750 d0 0 0 750 750 re f")
        p.fonts["T3"] = d.add(
            "<< /Type /Font /Subtype /Type3 /FontBBox [0 0 750 750] "
            "/FontMatrix [0.001 0 0 0.001 0 0] /CharProcs << /a %d 0 R "
            "/b %d 0 R >> /Encoding << /Type /Encoding /Differences "
            "[65 /a /b] >> /FirstChar 65 /LastChar 66 /Widths [1000 1000] "
            "/Resources << >> /ToUnicode %d 0 R >>" % (
                proc, proc, d.stream("", CMAP_AB)))
        p.text(72, 700, "Type 3: ")
        p.raw("BT 0 g /T3 12 Tf 130 700 Td (ABAB) Tj ET")
        p.box(128, 695, 52, 18)

    for rot in (90, 180, 270):
        @case("rotate%d-cover" % rot, red=[(1, "cover", "Secret Name", None)])
        def _(d, rot=rot):
            p = d.page()
            x1, x2 = sentence(p, 700, "Rotated ", "Secret Name", " here.")
            black(p, x1, x2, 700)
            p.text(72, 650, "Plain words beside a rule")
            p.line(72, 646, 300, 646, 1)
            p.extra = " /Rotate %d" % rot

    @case("cropbox-cover", red=[(1, "cover", "Hidden Words", None)])
    def _(d):
        p = d.page()
        x1, x2 = sentence(p, 700, "Cropped ", "Hidden Words", " here.")
        black(p, x1, x2, 700)
        p.extra = " /CropBox [36 36 576 756]"

    @case("near-black-box", red=[(1, "cover", "black box", None)])
    def _(d):
        p = d.page()
        x1, x2 = sentence(p, 700, "Near ", "black box", " here.")
        black(p, x1, x2, 700, gray=0.1)

    @case("nearly-opaque-box", red=[(1, "cover", "opaque box", None)])
    def _(d):
        # 95 % black over black text: nothing left to read
        p = d.page()
        x1, x2 = sentence(p, 700, "Mostly ", "opaque box", " here.")
        p.gstate("G1", "/ca 0.95")
        p.raw("q /G1 gs 0 g %g 695 %g 18 re f Q" % (x1 - 2, x2 - x1 + 4))

    @case("dark-text-on-box", red=[(1, "cover", "on dark", None)])
    def _(d):
        # black text drawn on a black box: on top, but unreadable
        p = d.page()
        x = p.text(72, 700, "Dark ")
        p.raw("q 0 g %g 695 50 18 re f Q" % (x - 2))
        p.text(x, 700, "on dark")

    @case("evenodd-hole-elsewhere", red=[(1, "cover", "under ring", None)])
    def _(d):
        # an even-odd hole that lies beside the words, not over them
        p = d.page()
        x1, x2 = sentence(p, 700, "Hidden  ", "under ring", "  ok.")
        p.raw("q 0 g %g 690 %g 30 re %g 714 4 4 re f* Q" % (
            x1 - 2, x2 - x1 + 4, x1))

    @case("annot-stamp", red=[(1, "annotation", "Jane Roe", None)])
    def _(d):
        # a Stamp whose appearance stream is the only cover
        p = d.page()
        x1, x2 = sentence(p, 600, "The minor ", "Jane Roe", " appeared.")
        w = x2 - x1 + 4
        ap = p.form([0, 0, w, 20], "0 g 0 0 %g 20 re f" % w)
        p.annot("/Subtype /Stamp /Rect [%g 595 %g 615] /AP << /N %d 0 R >>" % (
            x1 - 2, x2 + 2, ap))

    @case("annot-square-no-ap", red=[(1, "annotation", "Jane Roe", None)])
    def _(d):
        # no appearance stream: the viewer draws it from /IC
        p = d.page()
        x1, x2 = sentence(p, 600, "The minor ", "Jane Roe", " appeared.")
        p.annot("/Subtype /Square /Rect [%g 595 %g 615] /C [0 0 0] /IC [0 0 0]" % (
            x1 - 2, x2 + 2))

    @case("annot-widget-black", red=[(1, "annotation", "Jane Roe", None)])
    def _(d):
        # a form field whose appearance is a black box over the words
        p = d.page()
        x1, x2 = sentence(p, 600, "The minor ", "Jane Roe", " appeared.")
        w = x2 - x1 + 4
        ap = p.form([0, 0, w, 20], "0 g 0 0 %g 20 re f" % w)
        p.annot("/Subtype /Widget /FT /Tx /T (f1) /Rect [%g 595 %g 615] "
                "/AP << /N %d 0 R >>" % (x1 - 2, x2 + 2, ap))

    # ------------------------------------------------ covers, negatives

    @case("rotate90-plain")
    def _(d):
        p = d.page()
        p.text(72, 700, "Rotated page with plain text")
        p.box(72, 650, 200, 18)
        p.extra = " /Rotate 90"

    @case("half-opacity-box")
    def _(d):
        # a reader sees black words through a mid-grey box
        p = d.page()
        x1, x2 = sentence(p, 700, "Half ", "see through", " here.")
        p.gstate("G1", "/ca 0.5")
        p.raw("q /G1 gs 0 g %g 695 %g 18 re f Q" % (x1 - 2, x2 - x1 + 4))

    @case("invisible-over-photo")
    def _(d):
        # invisible text over an image that is no dark bar
        p = d.page()
        rnd = random.Random(1)
        d.image("Im1", 32, 32, bytes(rnd.randrange(256) for _ in range(1024)))
        p.image("Im1", 72, 680, 300, 40)
        p.text(80, 700, "Hidden words on a photo", render=3)

    @case("soft-masked-image")
    def _(d):
        # a black image whose soft mask leaves it fully transparent
        p = d.page()
        x1, x2 = sentence(p, 700, "Masked ", "visible words", " here.")
        sm = d.stream("/Type /XObject /Subtype /Image /Width 8 /Height 8 "
                      "/ColorSpace /DeviceGray /BitsPerComponent 8", bytes(64))
        d.image("Im1", 8, 8, bytes(64), extra=" /SMask %d 0 R" % sm)
        p.image("Im1", x1 - 2, 694, x2 - x1 + 4, 20)

    @case("white-on-white")
    def _(d):
        p = d.page()
        p.text(72, 700, "White words on white paper", gray=1)

    @case("widget-light")
    def _(d):
        # a filled-in form field: white box, its own text
        p = d.page()
        x1, x2 = sentence(p, 600, "Name: ", "under a field", " here.")
        w = x2 - x1 + 4
        ap = p.form([0, 0, w, 20], "1 g 0 0 %g 20 re f BT 0 g /Helv 10 Tf "
                    "2 5 Td (Jane) Tj ET" % w,
                    "<< /Font << /Helv %d 0 R >> >>" % d.font)
        p.annot("/Subtype /Widget /FT /Tx /T (f1) /V (Jane) /Rect [%g 595 %g 615] "
                "/AP << /N %d 0 R >>" % (x1 - 2, x2 + 2, ap))

    @case("link-and-underline")
    def _(d):
        p = d.page()
        x1, x2 = sentence(p, 600, "See ", "Exhibit 4", " attached.")
        p.annot("/Subtype /Link /Rect [%g 595 %g 615] /Border [0 0 0]" % (x1, x2))
        p.annot("/Subtype /Underline /Rect [%g 596 %g 612] /C [0 0 0] "
                "/QuadPoints [%g 612 %g 612 %g 596 %g 596]" % (
                    x1, x2, x1, x2, x1, x2))

    # ------------------------------------------------ identifiers

    @case("ids-in-pieces", ids=[(1, "ssn", "XXX-XX-6789"),
                                (1, "ssn", "XXX-XX-7890"),
                                (1, "ssn", "XXX - XX - 6781"),
                                (1, "ssn", "XXXXX6782"),
                                (1, "ssn", "XXX-XX- 6783"),
                                (1, "birth_date", "XX/XX/1980"),
                                (1, "account", "XXXXXXXXX0123")])
    def _(d):
        p = d.page()
        # one number in two text runs, and in one TJ with a kerning gap
        x = p.text(72, 700, "Social Security No. 123-45-")
        p.text(x, 700, "6789")
        p.raw("BT /F1 12 Tf 72 680 Td [(SSN: 234-56-) -20 (7890)] TJ ET")
        p.text(72, 660, "Social Security Number 123 - 45 - 6781")
        p.text(72, 640, "SSN: 123456782")
        p.text(72, 630, "SSN 123-45- 6783")
        p.text(72, 620, "DOB: 01/02/1980")
        p.text(72, 600, "Acct. No. 1234567890123")

    @case("ids-distinct", ids=[(1, "ssn", "XXX-XX-6789"),
                               (1, "ssn", "XXX-XX-6789"),
                               (1, "birth_date", "XX/XX/1975"),
                               (1, "birth_date", "XX/XX/1975"),
                               (2, "ssn", "XXX-XX-6789")])
    def _(d):
        # two SSNs that end alike are two identifiers; one SSN written
        # three ways, or twice, is one on its page; two birth dates of
        # one year are two
        p = d.page()
        p.text(72, 700, "Debtor SSN 123-45-6789; joint debtor SSN 987-65-6789.")
        p.text(72, 680, "Debtor's Social Security No. 123 45 6789 (SSN: 123456789,")
        p.text(72, 660, "and once more: SSN 123-45-6789).")
        p.text(72, 640, "DOB: 03/14/1975.  Joint debtor DOB: 04/12/1975.")
        p.text(72, 620, "Debtor DOB: 03/14/1975.")
        p2 = d.page()
        p2.text(72, 700, "SSN: 123-45-6789")

    @case("ids-rotated", ids=[(1, "ssn", "XXX-XX-6789")])
    def _(d):
        p = d.page()
        p.text(72, 700, "The debtor's SSN is 123-45-6789.")
        p.extra = " /Rotate 90"

    @case("ids-white-text", ids=[(1, "ssn", "XXX-XX-6789")])
    def _(d):
        # white on white: a reader sees nothing, but the number is there
        p = d.page()
        p.text(72, 700, "SSN 123-45-6789", gray=1)

    @case("ids-look-alikes")
    def _(d):
        p = d.page()
        for i, s in enumerate([
                "Case No. 1:23-cv-04567", "Phone 212-555-0187; Fax: (212) 555-0188",
                "Claim No. 123-45-6789", "Docket 123-45-6789", "ZIP 10001-1234",
                "Filed 01/02/1980", "Case 23-12345-abc Chapter 7",
                "Bates NEF000123456789", "Claim number 1234567890123",
                "Invoice 123456789", "Entered: 03/04/2023 at 10:00",
                "Tel. 1-800-555-0199", "Proof of Claim No. 12-3456789",
                "EIN 12-3456789", "account ending in 6789",
                "Acct # XXXXXX1234", "Date of Birth: 01/1980",
                "pages 123 - 45 - 6789"]):
            p.text(72, 700 - 20 * i, s)
