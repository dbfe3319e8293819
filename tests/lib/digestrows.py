#!/usr/bin/python3
"""Read the rows of nefctl digest's sections, from the text or the HTML.

    digestrows.py --text FILE    one line per row of the text form:
                                 SECTION<TAB>cell<TAB>cell...
    digestrows.py --html FILE    the same from an HTML document (the DOM
                                 that chromium --dump-dom prints): tables
                                 of class dg-SECTION, rows of class "row",
                                 cell text with blanks collapsed
    digestrows.py --mail FILE    the decoded text/plain and text/html
                                 parts of a mailed digest into FILE.txt
                                 and FILE.html; prints the headers that
                                 matter (Subject, From, To,
                                 Auto-Submitted, Content-Type)

Both forms list the same sections in the same order, so the outputs of
--text and --html compare line by line.  Standard library only.
"""
import email
import email.policy
import html.parser
import re
import sys

TITLES = {
    "HELD: WAITING FOR A DECISION": "held",
    "NOTICES NOT PROCESSED": "failed",
    "RESTRICTED ENTRIES": "restricted",
    "NOTICES BY COURT AND CASE": "notices",
    "DOCUMENTS NOT FETCHED": "unfetched",
    "DOCUMENTS PURGED": "purges",
}


def text_rows(path):
    sect, head = None, False
    lines = open(path, encoding="utf-8").read().split("\n")
    for i, line in enumerate(lines):
        if line in TITLES:
            sect, head = TITLES[line], True
            continue
        if sect is None or not line.startswith("  ") or line.startswith("        "):
            continue
        cells = re.split(r"  +", line.strip())
        if head:
            head = False
            continue
        print("\t".join([sect] + cells))


class Rows(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.sect = None
        self.row = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        cls = a.get("class", "")
        if tag == "table" and cls.startswith("dg-"):
            self.sect = cls[3:]
        elif tag == "tr" and self.sect and cls == "row":
            self.row = []
        elif tag in ("td", "th") and self.row is not None:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.row.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "tr" and self.row is not None:
            print("\t".join([self.sect] + self.row))
            self.row = None
        elif tag == "table":
            self.sect = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def mail(path):
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    for h in ("Subject", "From", "To", "Auto-Submitted", "Content-Type"):
        print("%s: %s" % (h, " ".join(str(msg.get(h, "")).split())))
    for part in msg.walk():
        t = part.get_content_type()
        if t in ("text/plain", "text/html"):
            ext = "txt" if t == "text/plain" else "html"
            with open("%s.%s" % (path, ext), "w", encoding="utf-8") as out:
                out.write(part.get_content())
            print("PART %s %s" % (t, part.get("Content-Transfer-Encoding", "")))


def main():
    mode, path = sys.argv[1], sys.argv[2]
    if mode == "--text":
        text_rows(path)
    elif mode == "--html":
        p = Rows()
        p.feed(open(path, encoding="utf-8").read())
    elif mode == "--mail":
        mail(path)
    else:
        sys.exit("usage: digestrows.py --text|--html|--mail FILE")


main()
