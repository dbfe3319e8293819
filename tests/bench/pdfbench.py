#!/usr/bin/python3
"""pdfbench: the disclosure check's speed and memory, side by side with
the engine's own text extraction, on the same files in one run.

    pdfbench.py NEFPDF DIR

Makes a 100-page text brief and a 20-page scanned exhibit (with an OCR
layer) with tests/pdf/mkpdf.py in DIR, then runs, alternately, nefpdf
(sandbox, limits and all, as the milter starts it) and "mutool draw -F
stext" on each, ROUNDS times, and prints BENCH lines: the median wall
time per page and per document, the ratio of the two (what the checks
cost on top of reading the PDF), and nefpdf's peak resident memory.  The
targets (under 20 ms per text page, the brief under 2 s, under 256 MB)
are marked FAIL when missed.
"""
import os
import statistics
import subprocess
import sys
import time

ROUNDS = int(os.environ.get("PDFBENCH_ROUNDS", "5"))
TOP = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def run(argv):
    """Wall seconds and peak RSS (bytes) of one run; its stdout."""
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = p.stdout.read()
    _, status, ru = os.wait4(p.pid, 0)
    return time.monotonic() - t0, ru.ru_maxrss * 1024, out, status


def bench(nefpdf, name, path, pages):
    ours, theirs, rss = [], [], 0
    for _ in range(ROUNDS):
        t, r, out, st = run([nefpdf, path])
        if st != 0 or b'"status":"checked"' not in out:
            print("pdfbench: nefpdf did not check %s: %r" % (path, out[:200]))
            sys.exit(1)
        ours.append(t)
        rss = max(rss, r)
        t, _, _, _ = run(["mutool", "draw", "-F", "stext", "-o", "/dev/null", path])
        theirs.append(t)
    o, m = statistics.median(ours), statistics.median(theirs)
    return o, m, rss


def line(what, value, unit):
    print("BENCH\t%s\t%s\t%s" % (what, value, unit))


def main(argv):
    nefpdf, d = argv[1], argv[2]
    mk = os.path.join(TOP, "tests", "pdf", "mkpdf.py")
    brief = os.path.join(d, "brief100.pdf")
    scan = os.path.join(d, "exhibit20.pdf")
    subprocess.run(["/usr/bin/python3", mk, "brief", "100", brief], check=True)
    subprocess.run(["/usr/bin/python3", mk, "exhibit", "20", scan], check=True)
    peak = 0
    for name, path, pages, per_page_target, doc_target in (
            ("100-page text brief", brief, 100, 20.0, 2000.0),
            ("20-page scanned exhibit", scan, 20, None, None)):
        o, m, rss = bench(nefpdf, name, path, pages)
        peak = max(peak, rss)
        per = o * 1000 / pages
        fail = per_page_target is not None and per >= per_page_target
        line("pdf: %s, nefpdf per page" % name, "%.1f" % per,
             "ms/page" + ((" FAIL: target < %g" % per_page_target) if fail else
                          (" (target < %g)" % per_page_target if per_page_target else "")))
        fail = doc_target is not None and o * 1000 >= doc_target
        line("pdf: %s, nefpdf whole document" % name, "%.0f" % (o * 1000),
             "ms" + ((" FAIL: target < %g" % doc_target) if fail else
                     (" (target < %g)" % doc_target if doc_target else "")))
        line("pdf: %s, mutool draw -F stext" % name, "%.0f" % (m * 1000), "ms")
        line("pdf: %s, nefpdf / stext" % name, "%.2f" % (o / m), "x")
    line("pdf: nefpdf peak RSS", "%.0f" % (peak / 1048576.0),
         "MB" + (" FAIL: target < 256" if peak >= 256 << 20 else " (target < 256)"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
