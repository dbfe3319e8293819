"""court: court-style pieces for the test PDFs (pdfgen.py).

A pleading-paper brief (line numbers, caption, running header and footer,
footnotes, headings, a signature block), tables with dark header rows,
exhibit stamps, and scanned pages: a grey image with marks where letters
are, and an invisible OCR text layer over it.  Everything is
deterministic: the same call draws the same bytes.
"""
import random

from pdfgen import text_width, PAGE_W, PAGE_H

CASE = "4:22-cv-05541-JST"
WORDS = ("the court plaintiff defendant motion order discovery request "
         "response party counsel evidence record hearing argument ruling "
         "authority statute claim relief judgment federal rule pursuant "
         "reasonable timely sufficient material dispute witness testimony "
         "deposition exhibit declaration contract agreement breach damages "
         "injunction standard review finding conclusion therefore however "
         "moreover because although whether within under before after").split()


def words(rng, n):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def table(p, y, headers, rows, x=72, widths=(80, 220, 100)):
    """A table: a dark header row with white bold text, grid lines."""
    w = sum(widths)
    p.box(x, y, w, 20, gray=0.15)
    cx = x
    for h, cw in zip(headers, widths):
        p.text(cx + 4, y + 6, h, size=11, font="F2", gray=1)
        cx += cw
    for i, row in enumerate(rows):
        ry = y - 20 * (i + 1)
        cx = x
        for cell, cw in zip(row, widths):
            p.text(cx + 4, ry + 6, cell, size=11)
            cx += cw
        p.line(x, ry, x + w, ry, 0.5)
    cx = x
    for cw in widths + (0,):
        p.line(cx, y + 20, cx, y - 20 * len(rows), 0.5)
        cx += cw


def signature(p, x, y, name):
    """ "/s/ Name" over a signature line, the name typed under it."""
    p.text(x, y + 4, "/s/ " + name, size=12)
    p.line(x, y, x + 200, y, 0.8)
    p.text(x, y - 14, name, size=11)
    p.text(x, y - 28, "Attorney for Plaintiff", size=11)


def stamp(p, x, y, word, num):
    """An exhibit stamp: a dark box, its lettering white on top."""
    p.raw("q 0.1 g 1 0 0 RG 2 w %g %g 110 44 re B Q" % (x, y))
    p.text(x + 14, y + 24, word, size=14, font="F2", gray=1)
    p.text(x + 48, y + 6, num, size=14, font="F2", gray=1)


def header_footer(p, n, total, title="PLAINTIFF'S MOTION TO COMPEL"):
    p.text(72, 770, "Case %s   Document 58   Filed 03/14/24   Page %d of %d" % (
        CASE, n, total), size=9)
    p.line(72, 52, 540, 52, 0.5)
    p.text(72, 40, "%s - Case No. %s" % (title, CASE), size=9)
    p.text(300, 28, "- %d -" % n, size=9)


def pleading(p):
    """Line numbers down the left margin and the double rule."""
    for i in range(28):
        p.text(44, 708 - 24 * i, "%2d" % (i + 1), size=10)
    p.line(62, 760, 62, 60, 0.5)
    p.line(65, 760, 65, 60, 0.5)
    p.line(550, 760, 550, 60, 0.5)


def caption(p):
    y = 708
    for line in ("Jane Attorney (Bar No. 123456)", "jane@lawfirm.example",
                 "SMITH & JONES LLP", "100 Main Street, Suite 900",
                 "San Francisco, California 94105-2482",
                 "Telephone: (415) 555-0100", "Facsimile: (415) 555-0101",
                 "Attorneys for Plaintiff ACME CORP."):
        p.text(72, y, line, size=11)
        y -= 14
    p.text(170, y - 14, "UNITED STATES DISTRICT COURT", size=12, font="F2")
    p.text(150, y - 28, "NORTHERN DISTRICT OF CALIFORNIA", size=12, font="F2")
    y -= 60
    p.text(72, y, "ACME CORP.,", size=12)
    p.text(90, y - 14, "Plaintiff,", size=12)
    p.text(90, y - 42, "v.", size=12)
    p.text(72, y - 70, "WIDGETS INC.,", size=12)
    p.text(90, y - 84, "Defendant.", size=12)
    p.line(72, y - 92, 300, y - 92, 0.5)
    p.line(300, y + 12, 300, y - 92, 0.5)
    p.text(320, y, "Case No. %s" % CASE, size=12)
    p.text(320, y - 28, "PLAINTIFF'S MOTION TO COMPEL", size=12, font="F2")
    p.text(320, y - 42, "Date: April 18, 2024", size=11)
    p.text(320, y - 56, "Time: 2:00 p.m.", size=11)
    p.text(320, y - 70, "Ctrm: 6, 2nd Floor", size=11)
    return y - 120


def body(p, rng, y, extra=()):
    """Double-spaced paragraphs down to the footer."""
    lines = list(extra)
    k = 0
    while y > 90:
        if k < len(lines):
            s = lines[k]
        elif rng.random() < 0.08:
            s = "%s. %s" % (rng.choice("ABCDEF"), words(rng, 5).title())
            p.text(72, y, s, size=12, font="F2")
            y -= 24
            k += 1
            continue
        else:
            s = words(rng, 12) + (" (ECF No. %d at %d)." % (
                rng.randint(1, 99), rng.randint(1, 30)) if rng.random() < .2 else ".")
        p.text(72, y, s[0].upper() + s[1:], size=12)
        y -= 24
        k += 1
    return y


def brief(d, n, extra=None, seed=1):
    """An n-page brief; extra = {page: [lines]} written at the top of the
    body of those pages."""
    rng = random.Random(seed)
    extra = extra or {}
    for i in range(1, n + 1):
        p = d.page()
        pleading(p)
        header_footer(p, i, n)
        y = caption(p) if i == 1 else 708
        if i == n:
            y = body(p, rng, y, extra.get(i, ()))
            signature(p, 320, 140, "Jane Attorney")
            p.text(72, 150, "Dated: March 14, 2024", size=12)
            continue
        if i % 3 == 2:
            p.text(72, 86, "1  See Fed. R. Civ. P. 37(a); Doc. 45-2 at 3.", size=9)
            p.line(72, 98, 200, 98, 0.5)
        body(p, rng, y, extra.get(i, ()))


def scan_image(d, name, lines, hidden, dpi=100, seed=7):
    """A grey scan of the lines (page coordinates as in scan_page): dark
    strokes where letters are, black bars (with scanner noise) where a
    hidden word was painted over.  Returns the line placements."""
    rng = random.Random(seed)
    w, h = int(PAGE_W * dpi / 72), int(PAGE_H * dpi / 72)
    px = bytearray(b"\xf4" * (w * h))
    s = dpi / 72.0
    placed = []

    def fill(x0, y0, x1, y1, value, noise=0):
        # PDF points, y up -> image rows, y down
        c0, c1 = max(0, int(x0 * s)), min(w, int(x1 * s))
        r0, r1 = max(0, int((PAGE_H - y1) * s)), min(h, int((PAGE_H - y0) * s))
        for r in range(r0, r1):
            if noise:
                px[r * w + c0:r * w + c1] = bytes(
                    value + rng.randrange(noise) for _ in range(c1 - c0))
            else:
                px[r * w + c0:r * w + c1] = bytes([value]) * (c1 - c0)

    y = 700
    for i, line in enumerate(lines):
        secret = hidden.get(i)
        text = line
        sx = sw = None
        if secret:
            a = line.index("@")
            b = line.rindex("@") + 1
            text = line[:a] + secret + line[b:]
            sx = 72 + text_width(text[:a], 12)
            sw = text_width(secret, 12)
        x = 72.0
        for j, ch in enumerate(text):
            cw = text_width(ch, 12)
            inside = sx is not None and sx - 0.1 <= x < sx + sw - 0.1
            if ch != " " and not inside:
                fill(x + cw * 0.35, y, x + cw * 0.6, y + 8.5, 30)   # stem
                fill(x + cw * 0.1, y + 7, x + cw * 0.85, y + 8.5, 30)  # bar
            x += cw
        if sx is not None:
            fill(sx - 1, y - 4, sx + sw + 1, y + 12, 0, noise=22)
        placed.append((72, y, text))
        y -= 30
    d.image(name, w, h, bytes(px))
    return placed


def scan_page(d, p, name, lines, hidden=None, dpi=100, seed=7):
    """A scanned page: the image over the whole page and, over it, the
    OCR layer in invisible text (render mode 3) where the letters are."""
    placed = scan_image(d, name, lines, hidden or {}, dpi, seed)
    p.image(name, 0, 0, PAGE_W, PAGE_H)
    for x, y, text in placed:
        p.text(x, y, text, size=12, render=3)


LETTER = ["Dear Mr. Widget:", "We write about the shipment of March 2, 2023.",
          "The goods arrived late and several crates were damaged in",
          "transit.  Under section 4 of the agreement, you must replace",
          "them within thirty days.  Please call me at (415) 555-0199.",
          "Invoice No. 2023-0457 is enclosed for reference.",
          "Sincerely,", "R. Buyer, Purchasing Manager"]


def exhibit(d, n, dpi=100):
    """A scanned exhibit: a cover sheet with a stamp, then scanned pages
    with an OCR layer and a stamp in the corner on each."""
    p = d.page()
    stamp(p, 250, 400, "EXHIBIT", "A")
    for i in range(1, n):
        p = d.page()
        scan_page(d, p, "Scan%d" % i, LETTER + ["Page %d of the letter." % i],
                  dpi=dpi, seed=i)
        stamp(p, 470, 720, "EXHIBIT", "A-%d" % i)


def filing(d):
    """The e2e filing: page 2 shows an SSN in full; page 3 has a proper
    redaction (the words removed, a box over the blank); page 4 a failed
    one (a box drawn over words still there)."""
    before, secret = "The record shows that ", "Jane Doe suffers from epilepsy"
    brief(d, 5, extra={
        2: ["Plaintiff's Social Security number, 123-45-6789, appears"],
        3: ["The medical history of the minor is"],
        4: [before + secret + " since 2019."]}, seed=3)
    p3, p4 = d.pages[2], d.pages[3]
    x = 72 + text_width("The medical history of the minor is ", 12)
    p3.box(x, 704, 150, 16)          # nothing left under it
    x1 = 72 + text_width(before, 12)
    x2 = x1 + text_width(secret, 12)
    p4.box(x1 - 2, 703, x2 - x1 + 4, 18)
