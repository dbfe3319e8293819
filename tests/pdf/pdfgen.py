"""pdfgen: a small PDF writer for nefmilter's test documents.

Standard library only.  A document is built from numbered objects; pages
get hand-written content streams (PDF operators as text), the standard
Helvetica fonts (not embedded: every reader has them), images made of
raw grey samples, annotations with their own appearance streams, tiling
patterns and graphics states.  Coordinates are PDF's own: points, origin
at the bottom left of a 612 x 792 page.

    d = Doc()
    p = d.page()
    p.text(72, 700, "Hello")
    p.raw("0 g 70 695 60 20 re f")
    d.save("out.pdf")
"""
import zlib

PAGE_W, PAGE_H = 612, 792

# Helvetica advance widths (per 1000 em) for the printable ASCII range,
# so that tests can say where a word ends.
_HELV = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333,
    278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278,
    584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
    500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944,
    667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556,
    278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
    278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]


def text_width(s, size):
    """Width in points of s in Helvetica at size."""
    return sum(_HELV[ord(c) - 32] if 32 <= ord(c) < 127 else 556
               for c in s) * size / 1000.0


def deflate_repeat(chunk, n):
    """A zlib stream of chunk repeated n times, made fast: after a full
    flush the compressor starts afresh, so every further copy compresses
    to the same bytes, and the Adler-32 is summed copy by copy."""
    z = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    again = z.compress(chunk) + z.flush(zlib.Z_FULL_FLUSH)
    end = z.flush(zlib.Z_FINISH)
    adler = 1
    for _ in range(n):
        adler = zlib.adler32(chunk, adler)
    return (b"\x78\xda" + first + again * (n - 1) + end +
            adler.to_bytes(4, "big"))


def pdf_string(s):
    """A PDF literal string."""
    out = s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
    return "(" + out + ")"


class Page:
    def __init__(self, doc, num, width=PAGE_W, height=PAGE_H):
        self.doc, self.num = doc, num
        self.width, self.height = width, height
        self.ops = []
        self.annots = []
        self.xobjects = {}
        self.gstates = {}
        self.patterns = {}
        self.fonts = {}
        self.extra = ""
        self.contents = None    # an object number to use as /Contents

    def raw(self, ops):
        self.ops.append(ops)

    def text(self, x, y, s, size=12, font="F1", gray=0, render=0, rgb=None):
        """Show s with its baseline at (x, y)."""
        color = "%.3f %.3f %.3f rg" % rgb if rgb else "%.3f g" % gray
        self.ops.append("BT %s /%s %g Tf %d Tr %g %g Td %s Tj ET" % (
            color, font, size, render, x, y, pdf_string(s)))
        return x + text_width(s, size)

    def box(self, x, y, w, h, gray=0.0, rgb=None):
        """A filled rectangle."""
        color = "%.3f %.3f %.3f rg" % rgb if rgb else "%.3f g" % gray
        self.ops.append("q %s %g %g %g %g re f Q" % (color, x, y, w, h))

    def line(self, x0, y0, x1, y1, width=0.5, gray=0.0):
        self.ops.append("q %.3f G %g w %g %g m %g %g l S Q" % (
            gray, width, x0, y0, x1, y1))

    def image(self, name, x, y, w, h):
        """Draw an image XObject (Doc.image) into the given box."""
        self.xobjects[name] = self.doc.images[name]
        self.ops.append("q %g 0 0 %g %g %g cm /%s Do Q" % (w, h, x, y, name))

    def gstate(self, name, body):
        self.gstates[name] = self.doc.add("<< %s >>" % body)

    def pattern(self, name, cell_ops, step=4):
        self.patterns[name] = self.doc.stream(
            "/PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 %g %g] "
            "/XStep %g /YStep %g /Resources << >>" % (step, step, step, step),
            cell_ops.encode())

    def annot(self, body):
        self.annots.append(self.doc.add("<< /Type /Annot %s >>" % body))

    def form(self, bbox, ops, resources="<< >>"):
        """A form XObject (an appearance stream); its object number."""
        return self.doc.stream("/Type /XObject /Subtype /Form /BBox [%g %g %g %g]"
                               " /Resources %s" % (tuple(bbox) + (resources,)),
                               ops.encode())

    def resources(self):
        def d(m):
            return " ".join("/%s %d 0 R" % (k, v) for k, v in sorted(m.items()))
        fonts = dict(self.fonts, F1=self.doc.font, F2=self.doc.bold)
        r = "/Font << %s >>" % d(fonts)
        if self.xobjects:
            r += " /XObject << %s >>" % d(self.xobjects)
        if self.gstates:
            r += " /ExtGState << %s >>" % d(self.gstates)
        if self.patterns:
            r += " /Pattern << %s >>" % d(self.patterns)
        return "<< %s >>" % r


class Doc:
    def __init__(self, compress=True):
        self.objs = {}
        self.next = 1
        self.pages = []
        self.images = {}
        self.compress = compress
        self.trailer_extra = ""
        self.pages_extra = ""
        self.count_override = None
        self.catalog = self.reserve()
        self.page_tree = self.reserve()
        self.font = self.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica"
                             " /Encoding /WinAnsiEncoding >>")
        self.bold = self.add("<< /Type /Font /Subtype /Type1 /BaseFont "
                             "/Helvetica-Bold /Encoding /WinAnsiEncoding >>")

    def reserve(self):
        n = self.next
        self.next += 1
        self.objs[n] = None
        return n

    def add(self, body):
        n = self.reserve()
        self.objs[n] = body.encode() if isinstance(body, str) else body
        return n

    def set(self, n, body):
        self.objs[n] = body.encode() if isinstance(body, str) else body

    def stream(self, dict_body, data, compress=None, raw_filter=None):
        """A stream object; data is bytes.  raw_filter: data is already
        encoded with that filter."""
        if raw_filter:
            dict_body += " /Filter /%s" % raw_filter
        elif self.compress if compress is None else compress:
            data = zlib.compress(data, 9)
            dict_body += " /Filter /FlateDecode"
        head = ("<< %s /Length %d >>\nstream\n" % (dict_body, len(data))).encode()
        return self.add(head + data + b"\nendstream")

    def image(self, name, w, h, samples, bpc=8, cs="/DeviceGray", extra=""):
        """A grey (or other) image from raw sample bytes."""
        self.images[name] = self.stream(
            "/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace %s"
            " /BitsPerComponent %d%s" % (w, h, cs, bpc, extra), samples)
        return self.images[name]

    def page(self, width=PAGE_W, height=PAGE_H):
        p = Page(self, self.reserve(), width, height)
        self.pages.append(p)
        return p

    def _finish_pages(self):
        for p in self.pages:
            content = p.contents or self.stream("", "\n".join(p.ops).encode())
            annots = (" /Annots [%s]" % " ".join("%d 0 R" % a for a in p.annots)
                      if p.annots else "")
            self.set(p.num, "<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %g %g]"
                     " /Contents %d 0 R /Resources %s%s%s >>" % (
                         self.page_tree, p.width, p.height, content,
                         p.resources(), annots, p.extra))
        kids = " ".join("%d 0 R" % p.num for p in self.pages)
        count = self.count_override if self.count_override is not None else len(self.pages)
        self.set(self.page_tree, "<< /Type /Pages /Kids [%s] /Count %d%s >>" % (
            kids, count, self.pages_extra))
        self.set(self.catalog, "<< /Type /Catalog /Pages %d 0 R >>" % self.page_tree)

    def tobytes(self):
        self._finish_pages()
        out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        offsets = {}
        for n in sorted(self.objs):
            offsets[n] = len(out)
            out += b"%d 0 obj\n" % n + (self.objs[n] or b"null") + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % self.next
        for n in range(1, self.next):
            out += b"%010d 00000 n \n" % offsets[n]
        out += ("trailer\n<< /Size %d /Root %d 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
            self.next, self.catalog, self.trailer_extra, xref)).encode()
        return bytes(out)

    def save(self, path):
        with open(path, "wb") as f:
            f.write(self.tobytes())
