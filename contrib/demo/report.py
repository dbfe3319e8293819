#!/usr/bin/python3
"""report: what each recipient of the demo received, read from the results
that contrib/demo.sh leaves in its output directory.

    report.py OUTDIR [postfix|sendmail]

OUTDIR/maildirs/ADDRESS/{new,cur}/*   delivered messages
OUTDIR/held/QID.eml, QID.rcpts        held messages (Postfix's hold queue,
                                      Sendmail's quarantine; one recipient a
                                      line)
OUTDIR/maillog                        the MTA's log, nefmilter's lines in it
OUTDIR/sent.tsv                       what the demo sent: QID, sender,
                                      recipients (comma-separated), title

Prints, for every message sent, one row per recipient (delivered, held,
removed by the milter, or not delivered), with the subject, the PDFs
attached (label and size), how many links the milter removed and the
X-NEF action; then nefmilter's audit lines from the mail log.  Standard
library only.
"""
import email
import email.policy
import os
import re
import sys
import textwrap

LINK_NOTE = "[link removed:"
AUDIT = re.compile(r"nefmilter\[\d+\]: ([0-9A-Za-z]+): "
                   r"(notice |not a notice|held |recipient |document |removing )")


def load(path):
    with open(path, "rb") as f:
        return email.message_from_binary_file(f, policy=email.policy.default)


def describe(msg):
    """(subject, [(label, size)], links removed, X-NEF action)."""
    subject = " ".join(str(msg.get("Subject", "")).split())
    pdfs, removed = [], 0
    for part in msg.walk():
        if part.is_multipart():
            continue
        ctype = part.get_content_type()
        payload = part.get_payload(decode=True) or b""
        if ctype == "application/pdf":
            pdfs.append((part.get_filename() or "-", len(payload)))
        elif ctype.startswith("text/"):
            text = payload.decode(part.get_content_charset() or "utf-8", "replace")
            removed += text.count(LINK_NOTE)
    xnef = " ".join(str(msg.get("X-NEF", "")).split())
    m = re.search(r"action=([a-z-]+)", xnef)
    action = m.group(1) if m else "-"
    return subject, pdfs, removed, action


MTAS = {
    "postfix": ("Postfix", "in Postfix's hold queue (postsuper -H QID releases it)"),
    "sendmail": ("Sendmail", "in Sendmail's quarantine (sendmail -qQ -Q -qIQID "
                 "releases it)"),
}


def qid_of(msg):
    """The queue id of the demo's MTA, from its Received header."""
    for r in msg.get_all("Received") or []:
        m = re.search(r"\bid ([0-9A-Za-z]+)", str(r))
        if m and "harness.test" in str(r):
            return m.group(1)
    return None


def kb(n):
    return "%.1f KB" % (n / 1024.0)


def main():
    out = sys.argv[1]
    mta, hold = MTAS[sys.argv[2] if len(sys.argv) > 2 else "postfix"]
    got = {}    # (qid, address) -> (status, description)
    mdir = os.path.join(out, "maildirs")
    for addr in sorted(os.listdir(mdir)) if os.path.isdir(mdir) else []:
        for sub in ("new", "cur"):
            d = os.path.join(mdir, addr, sub)
            for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
                msg = load(os.path.join(d, name))
                got[(qid_of(msg), addr)] = ("delivered", describe(msg))
    hdir = os.path.join(out, "held")
    for name in sorted(os.listdir(hdir)) if os.path.isdir(hdir) else []:
        if not name.endswith(".eml"):
            continue
        qid = name[:-4]
        desc = describe(load(os.path.join(hdir, name)))
        with open(os.path.join(hdir, qid + ".rcpts")) as f:
            for addr in f.read().split():
                got[(qid, addr)] = ("HELD", desc)
    log = open(os.path.join(out, "maillog"), errors="replace").read().splitlines()
    removed = {}
    for line in log:
        m = re.search(r"nefmilter\[\d+\]: ([0-9A-Za-z]+): recipient <([^>]+)> "
                      r"removed: (.*)", line)
        if m:
            removed[(m.group(1), m.group(2).lower())] = m.group(3)

    print("What each recipient received")
    print("=" * 100)
    with open(os.path.join(out, "sent.tsv")) as f:
        sent = [l.rstrip("\n").split("\t") for l in f if l.strip()]
    for n, (qid, sender, rcpts, title) in enumerate(sent, 1):
        print("\n[%d] %s\n    sent by %s to %s; %s queue id %s"
              % (n, title, sender, rcpts.replace(",", ", "), mta, qid))
        mine = sorted((a, v) for (q, a), v in got.items() if q == qid)
        if mine:
            print("    subject: %s" % mine[0][1][1][0])
        fmt = "    %-30s %-10s %-10s %5s %7s"
        print(fmt % ("RECIPIENT", "RESULT", "X-NEF", "PDFs", "LINKS"))
        shown = None
        rlist = rcpts.split(",")
        for addr in rlist + sorted(a for a, _ in mine if a not in rlist):
            key = (qid, addr)
            name = addr if addr in rlist else addr + " (+)"
            if key in got:
                status, (subject, pdfs, nlinks, action) = got[key]
                print(fmt % (name, status, action, len(pdfs),
                             "%d cut" % nlinks if nlinks else "-"))
                if shown is None and pdfs:
                    shown = pdfs
            elif (qid, addr.lower()) in removed:
                print("    %-30s %-10s %s" % (name, "removed",
                                           removed[(qid, addr.lower())]))
            else:
                print("    %-30s %-10s" % (name, "nothing"))
        for i, (label, size) in enumerate(shown or []):
            print("    %s %s (%s)" % ("PDFs:" if i == 0 else "     ", label, kb(size)))
    print("\n" + textwrap.fill(
        "RESULT: delivered to the Maildir; HELD %s; removed by nefmilter (with its"
        " reason); or nothing.  X-NEF: the action nefmilter wrote in the X-NEF"
        " header.  PDFs: documents attached.  LINKS: free-look links cut from the"
        " notice.  (+): a recipient nefmilter added." % hold, 84))
    print("\nnefmilter's lines in the mail log")
    print("=" * 100)
    for line in log:
        if AUDIT.search(line):
            print(re.sub(r"^\w{3} [ \d]\d \d\d:\d\d:\d\d \S+ ", "", line))


if __name__ == "__main__":
    main()
