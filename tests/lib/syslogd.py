#!/usr/bin/python3
"""syslogd: a datagram receiver that writes a mail log, for tests.

No syslog daemon runs on the test machines.  This one binds a unix
datagram socket (the private Sendmail's /dev/log, or nefmilter's
log_socket) and writes every datagram it receives as one line of a log
file in the traditional form "Mmm dd hh:mm:ss HOST TAG: TEXT", the way
rsyslog writes /var/log/mail.log:

  * "<PRI>TIMESTAMP TAG: TEXT" (syslog(3) on a local socket: no host) and
    "<PRI>TIMESTAMP HOST TAG: TEXT" (RFC 3164 with a host) are both read;
    the host, when absent, is --host;
  * a datagram without "<PRI>" (Postfix's postlog format, already a whole
    log line) is written as it is.

With --raw FILE, every datagram is also written there as received, one per
line (a newline inside becomes "\\n"), so that a test can look at the
priority and the header itself.

    syslogd.py --socket PATH --log FILE [--raw FILE] [--host NAME]
               [--ready FILE]

Standard library only.  The socket is mode 0666 so that any user can log.
It runs until killed; --ready is created once the socket is bound.
"""
import argparse
import os
import re
import socket

PRI = re.compile(rb"^<(\d{1,3})>")
STAMP = re.compile(rb"^([A-Z][a-z]{2} [ 0-9]\d \d\d:\d\d:\d\d) ")


def line_of(data, host):
    """The log line for one datagram."""
    data = data.rstrip(b"\n").replace(b"\n", b" ")
    m = PRI.match(data)
    if not m:
        return data
    rest = data[m.end():]
    s = STAMP.match(rest)
    if not s:
        return host + b" " + rest
    stamp, rest = s.group(1), rest[s.end():]
    first = rest.split(b" ", 1)[0]
    # "TAG[PID]:" or "TAG:" first means no host field.
    if first.endswith(b":"):
        return stamp + b" " + host + b" " + rest
    return stamp + b" " + rest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--socket", required=True)
    ap.add_argument("--log", required=True)
    ap.add_argument("--raw")
    ap.add_argument("--host", default="localhost")
    ap.add_argument("--ready")
    args = ap.parse_args()
    try:
        os.unlink(args.socket)
    except FileNotFoundError:
        pass
    s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    s.bind(args.socket)
    os.chmod(args.socket, 0o666)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 20)
    log = open(args.log, "ab", buffering=0)
    raw = open(args.raw, "ab", buffering=0) if args.raw else None
    host = args.host.encode()
    if args.ready:
        open(args.ready, "w").close()
    while True:
        data = s.recv(65536)
        log.write(line_of(data, host) + b"\n")
        if raw:
            raw.write(data.rstrip(b"\n").replace(b"\n", b"\\n") + b"\n")


if __name__ == "__main__":
    main()
