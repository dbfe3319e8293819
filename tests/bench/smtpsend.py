#!/usr/bin/python3
"""smtpsend: send copies of whole messages to an SMTP server, in parallel.

Used by the notice benchmarks (b-notices.sh, b-rss.sh), where smtp-source
cannot help (it sends its own made-up messages) and one swaks process per
message would measure perl's start-up.

    smtpsend.py --port P [--host 127.0.0.1] [--sessions S] [--count N]
        --from ADDR --rcpt ADDR[,ADDR...] [--tag TAG] [--qids FILE]
        [--timeout SECONDS] FILE...

Copy i (0 <= i < N, default N = number of files) is FILE number i mod F,
with its Message-Id made unique ("<TAG.i.OLD-LOCAL-PART@DOMAIN>"), sent
from ADDR to the recipient number (i div F) mod R of the list: each round
over the files goes to the next recipient.  Every copy uses a new
connection (EHLO client.harness.test, MAIL, RCPT, DATA, QUIT), as a court
does.  S worker threads share the copies.  The message bytes are sent as
they are, but for line ends made CRLF (smtplib dot-stuffs).

Prints one line: "sent=N failed=F seconds=T mean_ms=M" where T runs from
the first connection to the last reply and M is the mean time of one copy
(connect to reply after DATA).  With --qids, the queue id of each accepted
copy is written to FILE as "i QID", one per line.  Failures are described
on standard error.  Exit status 0 when every copy was accepted, 1
otherwise, 2 on a usage error.
"""
import argparse
import re
import smtplib
import sys
import threading
import time

MAX_COUNT = 100000
MAX_SESSIONS = 200
QID_RE = re.compile(rb"queued as ([0-9A-Za-z]+)")
EOL_RE = re.compile(rb"\r?\n")
MSGID_RE = re.compile(rb"(?im)^(Message-Id:[ \t]*<)([^@>\r\n]*)@")


def unique(raw, tag, i):
    new, n = MSGID_RE.subn(lambda m: m.group(1) + b"%s.%d." % (tag, i) + m.group(2) + b"@",
                           raw, count=1)
    if n == 0:
        new = b"Message-Id: <%s.%d@smtpsend.invalid>\n" % (tag, i) + raw
    return EOL_RE.sub(b"\r\n", new)


def main():
    ap = argparse.ArgumentParser(description="send copies of messages over SMTP")
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--sessions", type=int, default=1)
    ap.add_argument("--count", type=int, default=0)
    ap.add_argument("--from", dest="sender", required=True)
    ap.add_argument("--rcpt", required=True)
    ap.add_argument("--tag", default="smtpsend")
    ap.add_argument("--qids")
    ap.add_argument("--timeout", type=float, default=300)
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    count = a.count or len(a.files)
    if not (0 < count <= MAX_COUNT and 0 < a.sessions <= MAX_SESSIONS):
        print("smtpsend: --count must be 1..%d, --sessions 1..%d" % (MAX_COUNT, MAX_SESSIONS),
              file=sys.stderr)
        return 2
    raws = []
    for f in a.files:
        with open(f, "rb") as fh:
            raws.append(fh.read())
    rcpts = [r for r in a.rcpt.split(",") if r]
    tag = a.tag.encode()
    lock = threading.Lock()
    state = {"next": 0, "failed": 0, "ms": 0.0}
    qids = {}

    def one(i):
        raw = unique(raws[i % len(raws)], tag, i)
        rcpt = rcpts[(i // len(raws)) % len(rcpts)]
        t0 = time.monotonic()
        s = smtplib.SMTP(a.host, a.port, local_hostname="client.harness.test",
                         timeout=a.timeout)
        try:
            s.ehlo()
            code, resp = s.mail(a.sender)
            if code != 250:
                raise smtplib.SMTPResponseException(code, resp)
            code, resp = s.rcpt(rcpt)
            if code not in (250, 251):
                raise smtplib.SMTPResponseException(code, resp)
            code, resp = s.data(raw)
            if code != 250:
                raise smtplib.SMTPResponseException(code, resp)
        finally:
            try:
                s.quit()
            except (smtplib.SMTPException, OSError):
                s.close()
        m = QID_RE.search(resp)
        return (time.monotonic() - t0) * 1000, m.group(1).decode() if m else "?"

    def worker():
        while True:
            with lock:
                i = state["next"]
                if i >= count:
                    return
                state["next"] = i + 1
            try:
                ms, qid = one(i)
            except (smtplib.SMTPException, OSError) as e:
                with lock:
                    state["failed"] += 1
                print("smtpsend: copy %d: %s" % (i, e), file=sys.stderr)
                continue
            with lock:
                state["ms"] += ms
                qids[i] = qid

    t0 = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(min(a.sessions, count))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    secs = time.monotonic() - t0
    sent = count - state["failed"]
    if a.qids:
        with open(a.qids, "w") as fh:
            for i in sorted(qids):
                fh.write("%d %s\n" % (i, qids[i]))
    print("sent=%d failed=%d seconds=%.4f mean_ms=%.3f"
          % (sent, state["failed"], secs, state["ms"] / sent if sent else 0))
    return 0 if state["failed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
